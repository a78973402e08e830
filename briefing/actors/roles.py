"""Roles next to a name: titles before it, lower-case roles before or after it, and
definite descriptions ("The premier said ...") that name the person mentioned just before."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Final

from briefing.actors.forms import first_word, is_capital, is_modifier, is_name_word
from briefing.actors.lexicon import Lexicon
from briefing.model import Token

MAX_MODIFIERS: Final = 3  # lower-case words kept before a role noun ("foreign policy chief")
MAX_ROLE_WORDS: Final = 9  # longest appositive role ("the duty doctor at the fight")

Role = tuple[str | None, str | None]  # (role, affiliation)


def title_role(
    lx: Lexicon, text: str, toks: Sequence[Token], start: int, name_start: int, titles: list[str]
) -> Role:
    """Role and affiliation from the titles before a name ("Russian President" -> President)."""
    first = start
    while first < name_start and toks[first].text.rstrip(".") in lx.honorifics:
        first += 1
    if first == name_start:
        return None, None
    words = titles[first - start :]
    if len(words) == 1 and words[0] in lx.demonyms:
        return None, lx.demonyms[words[0]]  # "American Tom Johnson": a nationality, no role
    country = lx.country_of(words[0]) if len(words) > 1 else None
    if country:  # "Russian President": the demonym gives the affiliation, and stays in the role
        return text[toks[first].start : toks[name_start - 1].end], country
    title_at = next((i for i, w in enumerate(words) if is_title(lx, w)), 0)
    prefix = " ".join(w for w in words[:title_at] if w not in lx.title_modifiers)
    role = text[toks[first].start : toks[name_start - 1].end]
    return role, (prefix or None)


def is_title(lx: Lexicon, word: str) -> bool:
    """A title ("President", "Gen."), also joined to another word ("Director-General",
    "Lieutenant-Colonel": issue 13; the three measures unchanged)."""
    if word.rstrip(".") in lx.titles:
        return True
    return "-" in word and any(part in lx.titles for part in word.split("-"))


@lru_cache(maxsize=16384)  # words repeat across texts
def is_role_noun(lx: Lexicon, word: str) -> bool:
    """A lower-case noun naming what a person does: a listed one, a compound of one
    ("editor-in-chief", "co-owner"), or one by its ending ("bassist")."""
    if word in lx.role_nouns:
        return True
    if not word[:1].islower():
        return False
    if "-" in word:
        parts = word.split("-")
        return parts[0] in lx.role_nouns or parts[-1] in lx.role_nouns
    # Long enough to leave out "list" and "assist"-like verbs.
    return len(word) >= 7 and word.endswith(lx.role_suffixes) and not word.endswith("sist")


def lower_role(lx: Lexicon, text: str, toks: Sequence[Token], start: int, end: int) -> Role:
    """A role in lower case before the name ("separatist leader X") or after it (", the ...")."""
    # Most names have neither: a role noun or comma just before, a comma just after.
    before = toks[start - 1].text if start else ""
    role: Role = None, None
    if before == "," or is_role_noun(lx, before):
        role = role_before(lx, text, toks, start)
        if role[0] and role[0].rsplit(None, 1)[-1] not in lx.relatives:
            return role
    # After the name; a function there wins over a relation before it ("his wife X, a rider").
    end = after_age(lx, toks, end)
    if end < len(toks) and toks[end].text == ",":
        after = appositive(lx, text, toks, end)
        after = after if after[0] else clause_role(lx, text, toks, end)
    elif end < len(toks) and toks[end].text in lx.copulas:
        after = copula_role(lx, text, toks, end)
    else:
        return role
    return after if after[0] else role


def after_age(lx: Lexicon, toks: Sequence[Token], end: int) -> int:
    """ "X, 45, a former soldier": the comma before the role after the age, else `end`."""
    age = end + 3 < len(toks) and toks[end].text == "," and toks[end + 2].text == ","
    if age and toks[end + 1].shape == "number" and toks[end + 3].lower in lx.determiners:
        return end + 2
    return end


def clause_role(lx: Lexicon, text: str, toks: Sequence[Token], end: int) -> Role:
    """ "X, who heads the Bani Hasan Islamic Society": "head of" the body after the verb."""
    k = end + 2
    pronoun = toks[end + 1].lower if end + 1 < len(toks) else ""
    if k + 1 >= len(toks) or not pronoun.isalpha() or pronoun not in lx.role_ends:
        return None, None  # "who" ends a role phrase, and opens this clause
    noun = lx.role_clause_verbs.get(toks[k].lower)
    if noun is None:
        return None, None
    i = k + 1 + (toks[k + 1].lower in lx.definite_articles)
    j = i
    while j < len(toks) and (is_capital(toks[j].text) or (j > i and toks[j].text in lx.name_links)):
        j += 1
    while j > i and toks[j - 1].text in lx.name_links:
        j -= 1
    if j == i:
        return None, None
    body = text[toks[i].start : toks[j - 1].end]
    return f"{noun} of {body}", lx.country_of(body) or body


def copula_role(lx: Lexicon, text: str, toks: Sequence[Token], end: int) -> Role:
    """ "X is the new chief executive of Y", "X is now a hairdresser": the role after a copula."""
    i = end + 1
    if i < len(toks) and toks[i].lower in lx.copula_adverbs:
        i += 1
    if i >= len(toks) or toks[i].lower not in lx.determiners:
        return None, None
    return appositive(lx, text, toks, i - 1, after_verb=True)


def role_before(lx: Lexicon, text: str, toks: Sequence[Token], start: int) -> Role:
    head = start - 1
    titled = head >= 1 and toks[head - 1].text.rstrip(".") in lx.titles  # "Economy Minister, X"
    comma = (
        head >= 1
        and toks[head].text == ","
        and (titled or is_role_noun(lx, singular(toks[head - 1].lower)))
    )
    if comma:
        head -= 1  # "Her older sister, Venus": only after a determiner, checked below
    noun = singular(toks[head].text) if comma and not titled else toks[head].text
    if head < 0 or not (titled or is_role_noun(lx, noun)) or noun in lx.org_nouns:
        return None, None  # "his opponents, X" is one of them: "opponent"
    i, first, span = role_start(lx, toks, head)
    before = toks[i] if i >= 0 else None
    if comma and not (
        titled
        or (before is not None and before.lower in lx.determiners)
        or any(t.text in lx.possessives for t in toks[first:head])  # "Sylvania's chief, X"
    ):
        return None, None
    infinitive = before is not None and before.text in lx.infinitive_markers
    if infinitive and first < head and toks[first].text[:1].islower():
        first += 1  # "to prevent rapper X": an infinitive, not a modifier
    while toks[first].text in lx.name_links:
        first += 1
    affiliation = text[toks[span[0]].start : toks[span[1]].end] if span[0] >= first else None
    if affiliation and all(w in lx.titles for w in affiliation.split()):
        affiliation = None  # "Opposition leader": a title word, not a body
    if before is not None and relation(lx, before.lower, toks[head].text) and first == head:
        first = i  # "her father X": kept with its pronoun, resolved when actors are made
    role = text[toks[first].start : toks[head].end]
    if noun != toks[head].text:
        role = role[: len(role) - len(toks[head].text)] + noun  # one of them: "opponent"
    return affiliation_split(lx, role, affiliation)


def singular(word: str) -> str:
    """ "opponents" -> "opponent": a plural role noun before the one person it names."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def relation(lx: Lexicon, determiner: str, noun: str) -> bool:
    """Is "<determiner> <noun>" a relation to someone named before ("her father")?"""
    return determiner in lx.possessive_pronouns and noun in lx.relatives


def role_start(lx: Lexicon, toks: Sequence[Token], head: int) -> tuple[int, int, tuple[int, int]]:
    """For the role ending at `head`: the word before it, its first word, and the (first,
    last) words of a capitalised affiliation inside it ((-1, -1) when none)."""
    first, span = head, (-1, -1)
    modifiers = 0
    i = head - 1
    while i >= 0:
        w = toks[i].text
        if w in lx.title_modifiers and modifiers < MAX_MODIFIERS:
            modifiers += 1  # "Former presenter X": part of the role, names no body
            first = i
        elif is_capital(w) and toks[i].lower not in lx.function_words:
            span = (i, span[1] if span[1] >= 0 else i)
            first = i
        elif w in lx.possessives or (
            w in lx.name_links and w not in lx.list_links and span[0] >= 0
        ):
            pass  # not across "and": "Premier X and Chelsea manager Y" names two people
        elif w in lx.list_links and i > 0 and first == i + 1 and is_role_noun(lx, toks[i - 1].text):
            pass  # "vocalist and guitarist X": two roles of one person
        elif is_modifier(lx, w) and modifiers < MAX_MODIFIERS and not verb_before_body(toks, i):
            modifiers += 1
            first = i
        else:
            break
        i -= 1
    return i, first, span


def verb_before_body(toks: Sequence[Token], i: int) -> bool:
    """Is the word at i, ending in "s" before a capitalised body, a verb ("The news leaves
    Wales boss X")? Plural nouns modify a role after the body, not before it."""
    w = toks[i].text
    return w.endswith("s") and w.isalpha() and i + 1 < len(toks) and is_capital(toks[i + 1].text)


def affiliation_split(lx: Lexicon, role: str, affiliation: str | None) -> Role:
    """A leading country word of a role gives its affiliation ("French striker" -> France)."""
    if affiliation is None:
        return role, None
    country = lx.country_of(affiliation)
    if country and role.startswith(affiliation + " "):
        return role, country
    return role, affiliation


def appositive(
    lx: Lexicon,
    text: str,
    toks: Sequence[Token],
    end: int,
    for_org: bool = False,
    after_verb: bool = False,
) -> Role:
    """Role in ", the Kremlin spokesperson," or ", NATO's chief," after a name (or after
    "is", with `after_verb`). A person's role names a person ("doctor"), an organisation's
    an organisation ("company")."""
    if end >= len(toks) or (toks[end].text != "," and not after_verb):
        return None, None
    i = end + 1
    while i < len(toks) and toks[i].lower in lx.determiners:
        i += 1
    pronoun = toks[i - 1].lower if i > end + 1 else ""
    stop = i
    while stop < len(toks) and stop - i < MAX_ROLE_WORDS:
        t = toks[stop]
        if quoted_name(lx, toks, stop):
            stop += 1  # 'editor of the "Intelligence Report"': a quoted title goes on
            continue
        if t.lower in lx.role_ends or t.text in lx.role_verbs:
            break
        stop += 1
    while stop > i and toks[stop - 1].lower in lx.function_words:
        stop -= 1  # "company for which ..." -> "company"
    phrase = toks[i:stop]
    nouns = lx.org_nouns if for_org else lx.role_nouns
    if phrase and i == end + 1 and looks_like_verb(lx, phrase[0].text, nouns):
        return None, None  # "the party, wants his group to ...": a clause, not a role
    if for_org:
        if not any(t.text in nouns for t in phrase[:5]):
            return None, None
    elif not (
        any(is_role_noun(lx, t.text) and t.text not in lx.org_nouns for t in phrase)
        or ranked(lx, phrase)  # "the world No. 1"
    ):
        return None, None
    if len(phrase) == 1 and relation(lx, pronoun, phrase[0].text):
        return text[toks[i - 1].start : phrase[0].end], None  # ", her father,": resolved later
    affiliation = None
    if len(phrase) > 2 and phrase[1].text in lx.possessives and is_name_word(phrase[0].text):
        affiliation = phrase[0].text  # "NATO's chief"
        phrase = phrase[2:]
    role = text[phrase[0].start : phrase[-1].end]
    if affiliation is None:
        affiliation = of_body(lx, text, [t for t in phrase if t.text not in lx.quotes])
    if any(t.text in lx.quotes for t in phrase):
        role = "".join(c for c in role if c not in lx.quotes)
        affiliation = affiliation and "".join(c for c in affiliation if c not in lx.quotes)
    return role, (lx.country_of(affiliation) or affiliation) if affiliation else None


def ranked(lx: Lexicon, phrase: Sequence[Token]) -> bool:
    """Does the phrase hold a rank: a numbering sign before a number ("No. 1")?"""
    return any(
        t.lower.rstrip(".") in lx.numbering_words and nxt.shape == "number"
        for t, nxt in pairwise(phrase)
    )


def quoted_name(lx: Lexicon, toks: Sequence[Token], i: int) -> bool:
    """Is toks[i] a quote mark that opens a capitalised title ("the "Intelligence Report")?"""
    return toks[i].text in lx.quotes and i + 1 < len(toks) and is_capital(toks[i + 1].text)


def of_body(lx: Lexicon, text: str, phrase: Sequence[Token]) -> str | None:
    """The capitalised body a role ends with ("spokesman of the Green Party" -> Green Party)."""
    j = len(phrase)
    while j > 0 and (
        phrase[j - 1].text[:1].isupper()
        or (j > 1 and phrase[j - 1].text in lx.possessives and j < len(phrase))
    ):
        j -= 1
    if j == len(phrase) or j == 0:
        return None
    link = j - 1
    if phrase[link].text in lx.definite_articles and link > 0:
        link -= 1
    if phrase[link].text not in lx.affiliation_links:
        return None
    return text[phrase[j].start : phrase[-1].end]


def looks_like_verb(lx: Lexicon, word: str, nouns: frozenset[str]) -> bool:
    """A lower-case word with a verb's ending that is not a known role noun ("wants", "hoped")."""
    return word[:1].islower() and word.endswith(lx.verb_endings) and word not in nouns


def of_affiliation(lx: Lexicon, text: str, toks: Sequence[Token], end: int) -> str | None:
    """ "Jake White of South Africa": the organisation or country after "of"."""
    if end < len(toks) and toks[end].text == ",":
        end += 1  # "Jonas Pike, of the Green Party"
    if end + 1 >= len(toks) or toks[end].text not in lx.affiliation_links:
        return None
    i = end + 1
    if toks[i].lower in lx.definite_articles:
        i += 1
    j = i
    while j < len(toks) and is_capital(toks[j].text):
        j += 1
    if j == i:
        return None
    name = text[toks[i].start : toks[j - 1].end]
    return lx.country_of(name) or name


def definite_descriptions(lx: Lexicon, text: str, toks: Sequence[Token]) -> list[tuple[int, str]]:
    """(word, role) of "The premier was ..." or "... the minister said": a role that
    names the person mentioned just before."""
    out: list[tuple[int, str]] = []
    heads = [k for k, t in enumerate(toks) if t.text in lx.role_nouns]
    if not heads:
        return out  # most sentences: no role noun
    opening = first_word(toks)
    for k in heads:
        t = toks[k]
        if t.text in lx.org_nouns or t.text.endswith("s"):
            continue
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        i = k - 1
        while i >= 0 and k - i <= MAX_MODIFIERS + 1 and describes(lx, toks[i]):
            i -= 1
        if i < 0 or toks[i].lower not in lx.definite_articles:
            continue
        # "The premier was ...", "The premier, who ...": not "The premier, Ola Brandt, ..."
        # "The lawyer, who ...": not "The chairman, chief executive and ...", a list
        comma = after == "," and k + 2 < len(toks) and not is_role_noun(lx, toks[k + 2].text)
        if comma:
            after = toks[k + 2].text
        opens = comma or after not in lx.role_continuations  # "The man who ..." is anyone
        at_start = i == opening and after[:1].islower() and opens
        # "... the former health secretary's final gesture": the person named just before
        # (a bare "the rapper's" is as often the story's main figure: left out)
        owned = after in lx.possessives and k - i > 1
        if at_start or after in lx.speech_verbs or owned:
            out.append((k, text[toks[i + 1].start : t.end]))
    return out


def describes(lx: Lexicon, t: Token) -> bool:
    """May the word stand between "the" and a role noun ("the embattled premier")?"""
    return is_modifier(lx, t.text) or (is_name_word(t.text) and t.lower not in lx.definite_articles)
