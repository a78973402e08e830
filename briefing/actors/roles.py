"""Roles next to a name: titles before it, lower-case roles before or after it, and
definite descriptions ("The premier said ...") that name the person mentioned just before."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from briefing.actors.forms import first_word, is_capital, is_modifier, is_name_word
from briefing.actors.lexicon import Lexicon
from briefing.model import Token

MAX_MODIFIERS = 3  # lower-case words kept before a role noun ("foreign policy chief")
MAX_ROLE_WORDS = 9  # longest appositive role ("the duty doctor at the fight")

Role = tuple[str | None, str | None]  # (role, affiliation)
TEXT = attrgetter("text")


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
    country = lx.country_of(words[0]) if len(words) > 1 else None
    if country:  # "Russian President": the demonym becomes the affiliation
        return text[toks[first + 1].start : toks[name_start - 1].end], country
    title_at = next((i for i, w in enumerate(words) if w.rstrip(".") in lx.titles), 0)
    prefix = " ".join(w for w in words[:title_at] if w not in lx.title_modifiers)
    role = text[toks[first].start : toks[name_start - 1].end]
    return role, (prefix or None)


def lower_role(lx: Lexicon, text: str, toks: Sequence[Token], start: int, end: int) -> Role:
    """A role in lower case before the name ("separatist leader X") or after it (", the ...")."""
    # Most names have neither: a role noun or comma just before, a comma just after.
    before = toks[start - 1].text if start else ""
    if before == "," or before in lx.role_nouns:
        role = role_before(lx, text, toks, start)
        if role[0]:
            return role
    if end < len(toks) and toks[end].text == ",":
        return appositive(lx, text, toks, end)
    return None, None


def role_before(lx: Lexicon, text: str, toks: Sequence[Token], start: int) -> Role:
    head = start - 1
    comma = head >= 1 and toks[head].text == "," and toks[head - 1].lower in lx.role_nouns
    if comma:
        head -= 1  # "Her older sister, Venus": only after a determiner, checked below
    if head < 0 or toks[head].text not in lx.role_nouns or toks[head].text in lx.org_nouns:
        return None, None
    i, first, span = role_start(lx, toks, head)
    before = toks[i] if i >= 0 else None
    if comma and (before is None or before.lower not in lx.determiners):
        return None, None
    infinitive = before is not None and before.text in lx.infinitive_markers
    if infinitive and first < head and toks[first].text[:1].islower():
        first += 1  # "to prevent rapper X": an infinitive, not a modifier
    while toks[first].text in lx.name_links:
        first += 1
    affiliation = text[toks[span[0]].start : toks[span[1]].end] if span[0] >= first else None
    if affiliation and all(w in lx.titles for w in affiliation.split()):
        affiliation = None  # "Opposition leader": a title word, not a body
    return affiliation_split(lx, text[toks[first].start : toks[head].end], affiliation)


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
        elif is_modifier(lx, w) and modifiers < MAX_MODIFIERS:
            modifiers += 1
            first = i
        else:
            break
        i -= 1
    return i, first, span


def affiliation_split(lx: Lexicon, role: str, affiliation: str | None) -> Role:
    """Turn a leading country word of a role into its affiliation ("French striker")."""
    if affiliation is None:
        return role, None
    country = lx.country_of(affiliation)
    if country and role.startswith(affiliation + " "):
        return role[len(affiliation) + 1 :], country
    return role, affiliation


def appositive(
    lx: Lexicon, text: str, toks: Sequence[Token], end: int, for_org: bool = False
) -> Role:
    """Role in ", the Kremlin spokesperson," or ", NATO's chief," after a name. A person's
    role names a person ("doctor"), an organisation's an organisation ("company")."""
    if end >= len(toks) or toks[end].text != ",":
        return None, None
    i = end + 1
    while i < len(toks) and toks[i].lower in lx.determiners:
        i += 1
    stop = i
    while stop < len(toks) and stop - i < MAX_ROLE_WORDS:
        t = toks[stop]
        if t.lower in lx.role_ends or t.text in lx.role_verbs:
            break
        stop += 1
    while stop > i and toks[stop - 1].lower in lx.function_words:
        stop -= 1  # "company for which ..." -> "company"
    phrase = toks[i:stop]
    nouns = lx.org_nouns if for_org else lx.role_nouns
    if phrase and i == end + 1 and looks_like_verb(lx, phrase[0].text, nouns):
        return None, None  # "the party, wants his group to ...": a clause, not a role
    if not any(t.text in nouns and (for_org or t.text not in lx.org_nouns) for t in phrase[:5]):
        return None, None
    affiliation = None
    if len(phrase) > 2 and phrase[1].text in lx.possessives and is_name_word(phrase[0].text):
        affiliation = phrase[0].text  # "NATO's chief"
        phrase = phrase[2:]
    role = text[phrase[0].start : phrase[-1].end]
    if affiliation is None:
        affiliation = of_body(lx, text, phrase)
    return role, (lx.country_of(affiliation) or affiliation) if affiliation else None


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
    if lx.role_nouns.isdisjoint(map(TEXT, toks)):
        return out  # most sentences: a test in C, not a loop per word
    opening = first_word(toks)
    heads = [k for k, t in enumerate(toks) if t.text in lx.role_nouns]
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
        at_start = i == opening and after[:1].islower() and after not in lx.role_continuations
        if at_start or after in lx.speech_verbs:
            out.append((k, text[toks[i + 1].start : t.end]))
    return out


def describes(lx: Lexicon, t: Token) -> bool:
    """May the word stand between "the" and a role noun ("the embattled premier")?"""
    return is_modifier(lx, t.text) or (is_name_word(t.text) and t.lower not in lx.definite_articles)
