"""Who is involved: people, organizations, countries and groups, with roles, ranked.

No trained model: names are runs of capitalized words that sentence position does not explain,
split from the titles before them ("Deputy Foreign Minister | Andrei Rudenko"), typed by their
words (organisation heads, countries, places) and by what surrounds them (a role, "Mr", "in").
Mentions of one actor are merged (surname, acronym, capital and demonym of a country), then
ranked by how often, how early and where (summary sentences) the article names them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace

from briefing import lexicon as lx
from briefing.model import Actor, AnnotatedDocument, Mention, Sentence, Token

# A word (with inner apostrophes or hyphens, "O'Brien", "Jean-Michel", but not a possessive
# "'s"), dotted initials ("U.S."), a possessive, or any other single character.
TOKEN = re.compile(r"#\w+|(?:[^\W\d_]\.){2,}|[^\W_][\w&]*(?:[-’'](?!s\b)[^\W_][\w&]*)*|['’]s\b|\S")
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,})$")
# Abbreviations that keep their full stop ("Det. Smith", "Acme Inc.").
DOTTED = lx.HONORIFICS | lx.TITLES | frozenset(["Jr", "Sr", "St", "Inc", "Corp", "Co", "Ltd"])
NAME_LINKS = frozenset({"of", "and", "&", "for"})
DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"]
)
# Tokens after which a capital letter says nothing, as at a sentence start.
OPENERS = frozenset({'"', "“", "‘", "(", ":", "--", "—", "–", "-", ".", "``"})
QUOTES = frozenset({'"', "“", "”", "‘", "’", "'"})
NUMBER = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?)$")
MAX_MODIFIERS = 3  # lower-case words kept before a role noun ("foreign policy chief")
MAX_ROLE_WORDS = 9  # longest appositive role ("the duty doctor at the fight")
EARLY_WEIGHT = 1.0  # a first mention in the opening sentence is worth one more mention
SUMMARY_WEIGHT = 0.5  # per summary sentence naming the actor, at most two
ROLE_WEIGHT = 2.0  # the article says what the actor does
INSTITUTION_WEIGHT = 0.5  # the name itself shows an institution ("Ministry", "NATO")
TITLE_WEIGHT = 3.0  # the headline names the actor: the story is about it
KINDS = ("person", "organization", "country", "group", "place")


@dataclass
class Cluster:
    """Mentions of one actor while merging (internal)."""

    mentions: list[Mention] = field(default_factory=list)
    role_hint: str | None = None  # from a later "The premier said ..." sentence

    @property
    def first(self) -> Mention:
        return self.mentions[0]


def find_actors(doc: AnnotatedDocument, summary: Collection[int] = ()) -> list[Actor]:
    """Actors of doc, most important first. `summary` holds the indices of summary sentences."""
    described: list[tuple[int, int, str]] = []  # "The premier was ...": sentence, token, role
    for s in doc.sentences:
        toks = list(s.words)
        described.extend((s.index, k, r) for k, r in definite_descriptions(s.text, toks))
    clusters = merge(list(doc.mentions))
    add_described_roles(clusters, described)
    actors = [to_actor(c) for c in clusters]
    found = [a for a in actors if a is not None]
    return rank(found, len(doc.sentences), summary, doc.title or "")


def find_mentions(doc: AnnotatedDocument) -> list[Mention]:
    """Every name mention of the document (the name finder)."""
    sentences = [list(s.words) for s in doc.sentences]
    seen = case_evidence(sentences)
    mentions: list[Mention] = []
    for s, toks in zip(doc.sentences, sentences, strict=True):
        mentions.extend(sentence_mentions(s.sentence, toks, seen))
    return mentions


# ---------------------------------------------------------------- tokens and case evidence
@dataclass(frozen=True)
class CaseEvidence:
    """What the whole document says about a word's case, to read sentence-initial words."""

    lower: frozenset[str]  # words seen in lower case
    capital_inside: frozenset[str]  # capitalized words seen away from a sentence start


def case_evidence(sentences: Iterable[list[Token]]) -> CaseEvidence:
    lower: set[str] = set()
    inside: set[str] = set()
    for toks in sentences:
        first = first_word(toks)
        for i, t in enumerate(toks):
            if t.text[:1].islower():
                lower.add(t.text)
            elif is_name_word(t.text) and not opens(toks, i, first) and not after_name(toks, i):
                inside.add(t.text)
    return CaseEvidence(frozenset(lower), frozenset(inside))


def opens(toks: list[Token], i: int, first: int) -> bool:
    """Is token i where a capital is expected: a sentence start, or after a quote or colon?"""
    return i == first or (i > 0 and toks[i - 1].text in OPENERS)


def after_name(toks: list[Token], i: int) -> bool:
    # "Jakarta Stock Exchange" says nothing about "Stock" standing alone.
    prev = toks[i - 1].text if i > 0 else ""
    return is_name_word(prev) and prev[:1].isalpha() and prev.lower() not in lx.STOP


def first_word(toks: list[Token]) -> int:
    """Index of the first word of a sentence (after opening quotes or brackets)."""
    for i, t in enumerate(toks):
        if t.text[:1].isalnum():
            return i
    return -1


def is_name_word(word: str) -> bool:
    """Capitalized in every hyphen part ("Jean-Michel"), so "Kremlin-backed" is not one."""
    if "-" not in word:
        return word[:1].isupper()
    return all(part[:1].isupper() for part in word.split("-") if part)


def hyphen_names(word: str) -> list[str]:
    """Capitalized parts of a compound ("non-NATO" -> NATO, "Kremlin-backed" -> Kremlin)."""
    if "-" not in word or is_name_word(word):
        return []  # most words: no hyphen
    return [p for p in word.split("-") if p[:1].isupper() and len(p) > 1]


# ---------------------------------------------------------------- mentions in one sentence
def sentence_mentions(sentence: Sentence, toks: list[Token], seen: CaseEvidence) -> list[Mention]:
    capital = capitalized(toks, seen)
    out: list[Mention] = []
    for run in runs(toks, capital):
        mention = read_run(sentence, toks, run)
        if mention is not None:
            out.append(mention)
    out = share_plural_roles(sentence.text, toks, out)
    employers = [e for e in (title_employer(sentence, m) for m in out) if e is not None]
    return out + employers + other_mentions(sentence, toks)


def other_mentions(sentence: Sentence, toks: list[Token]) -> list[Mention]:
    """Hashtags, names inside compounds, lower-case institutions and industries."""
    out: list[Mention] = []
    for i, t in enumerate(toks):
        if t.text.startswith("#") and len(t.text) > 2 and t.text[1:2].isalpha():
            out.append(Mention(t.text, (t.text,), sentence.index, "group"))
        for part in hyphen_names(t.text):
            # Counts for an actor named elsewhere; never one by itself.
            kind, country, _ = classify((part,), person=False)
            out.append(
                Mention(part, (part,), sentence.index, kind, country=country, link_only=True)
            )
        if t.text in lx.INSTITUTION_NOUNS or t.text == "industry":
            phrase = lower_institution(sentence.text, toks, i)
            if phrase:
                kind = "group" if t.text == "industry" else "organization"
                out.append(Mention(phrase, tuple(phrase.split()), sentence.index, kind))
    return out


def lower_institution(text: str, toks: list[Token], head: int) -> str | None:
    """ "the standards committee", "the US movie industry": a named body in lower case."""
    i = head - 1
    while i >= 0 and head - i <= MAX_MODIFIERS and toks[i].text.lower() not in DETERMINERS:
        w = toks[i].text
        if w in ("'s", "’s"):
            i -= 1
            continue
        if w.lower() in lx.GENERIC_MODIFIERS or not (is_modifier(w) or ACRONYM.match(w)):
            return None
        i -= 1
    if i < 0 or i == head - 1 or toks[i].text.lower() != "the":
        return None
    if toks[head].text == "industry" and not ACRONYM.match(toks[i + 1].text):
        return None  # "the music industry" is no actor; "the US movie industry" is one
    return text[toks[i + 1].start : toks[head].end]


def capitalized(toks: list[Token], seen: CaseEvidence) -> list[bool]:
    """Which tokens may be part of a name. A sentence's first word only with other evidence."""
    flags = [is_name_word(t.text) and t.text[:1].isalpha() for t in toks]
    first = first_word(toks)
    for i in range(len(toks)):
        if flags[i] and opens(toks, i, first):
            flags[i] = initial_is_name(toks, i, flags, seen)
    return flags


def initial_is_name(toks: list[Token], i: int, flags: list[bool], seen: CaseEvidence) -> bool:
    word = toks[i].text
    followed = i + 1 < len(toks) and flags[i + 1]
    if word.rstrip(".") in lx.HONORIFICS:
        return followed  # "Mr Blair said": the honorific opens a name, though a stop word
    if word.lower() in lx.STOP or word in lx.NOT_ACTORS:
        return False
    if word in seen.capital_inside or lx.country_of(word) or word in lx.CAPITALS:
        return True
    if ACRONYM.match(word):
        return True
    if word in lx.TITLES:
        return followed  # "President Obama said", but not "Opposition leader X"
    # "Tony Blair has said": two capitalized words in a row, the first never seen in lower case.
    return followed and word.lower() not in seen.lower


def runs(toks: list[Token], capital: list[bool]) -> list[tuple[int, int]]:
    """(start, end) token ranges of capitalized runs, joined over "of", "and", "del" ..."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not capital[i]:
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if capital[j]:
                j += 1
            elif j + 1 < len(toks) and capital[j + 1] and joins(toks, capital, i, j):
                j += 2
            else:
                break
        out.append((i, j))
        i = j
    return out


def joins(toks: list[Token], capital: list[bool], start: int, j: int) -> bool:
    """May the lower-case word at j sit inside the name that began at start?"""
    link = toks[j].text
    if link in lx.PARTICLES:
        return True
    if link not in NAME_LINKS:
        return False
    right = j + 1
    while right < len(toks) and capital[right]:
        right += 1
    right_words = [t.text for t in toks[j + 1 : right]]
    if link in LIST_LINKS and any(t.text in lx.TITLES for t in toks[start:j]):
        return False  # "Minister Ana Ruiz and Harbour United": a person, then another name
    if any(w in lx.ORG_HEADS for w in right_words):
        return True  # "Natural Hazards Research and Applications Information Center"
    left = toks[j - 1].text
    if link == "of":
        return left in lx.ORG_HEADS  # "Bank of England", "University of Delaware"
    # "British and Irish Lions": a demonym joined to a name of two words or more.
    return link == "and" and j - 1 == start and left in lx.DEMONYMS and len(right_words) >= 2


def title_employer(sentence: Sentence, person: Mention) -> Mention | None:
    """ "Labour MSP X", "Starbucks CEO X": the organisation in a title is mentioned too."""
    org = person.affiliation
    if not org or not person.role or not person.role.startswith(org) or lx.country_of(org):
        return None
    words = tuple(org.split())
    if not all(is_name_word(w) for w in words) or any(w in lx.TITLES for w in words):
        return None
    if not acceptable(list(words)):
        return None  # "Council leader X": a head word alone names no particular body
    kind, country, link_only = classify(words, person=False)
    return Mention(
        org, words, sentence.index, kind or "organization", country=country, link_only=link_only
    )


def read_run(sentence: Sentence, toks: list[Token], run: tuple[int, int]) -> Mention | None:
    """The mention a capitalized run makes, with role and affiliation, or None."""
    start, end = trim(toks, *run)
    if start >= end or is_credit(toks, start, end) or quoted(toks, start, end):
        return None
    if start > 0 and NUMBER.match(toks[start - 1].text.lower()):
        return None  # "six U.S. Opens": things counted, not actors
    words = [t.text for t in toks[start:end]]
    head = split_title(words)
    title_words, name_words = words[:head], words[head:]
    if not name_words or not acceptable(name_words):
        return None
    name_start = start + head
    text = sentence.text[toks[name_start].start : toks[end - 1].end]
    role, affiliation = title_role(sentence.text, toks, start, name_start, title_words)
    person = bool(title_words)
    kind, country, link_only = classify(tuple(name_words), person)
    if not role and kind in ("person", ""):
        role, affiliation = lower_role(sentence.text, toks, name_start, end)
        person = person or bool(role)
        kind = "person" if person else kind
    elif not role and kind == "organization":
        role, affiliation = appositive(sentence.text, toks, end, lx.ORG_NOUNS)
    if (
        kind in ("", "person")
        and not person
        and end < len(toks)
        and toks[end].text in lx.PLACE_NOUNS
    ):
        kind = "place"  # "the Donetsk region", "the High Atlas mountains"
    if kind == "person" and not affiliation:
        affiliation = of_affiliation(sentence.text, toks, end)
    return Mention(
        text=text,
        words=tuple(name_words),
        sentence=sentence.index,
        kind=kind,
        role=role,
        affiliation=affiliation,
        country=country,
        link_only=link_only,
        person=person and kind == "person",
        locative=start > 0 and toks[start - 1].text.lower() in lx.LOCATIVE,
        position=name_start,
        start=toks[name_start].start,
        end=toks[end - 1].end,
    )


def quoted(toks: list[Token], start: int, end: int) -> bool:
    """A name in quotes is a title or slogan ("Race Together"), not an actor."""
    before = toks[start - 1].text if start > 0 else ""
    after = toks[end].text if end < len(toks) else ""
    return before in QUOTES and after in QUOTES


def of_affiliation(text: str, toks: list[Token], end: int) -> str | None:
    """ "Jake White of South Africa": the organisation or country after "of"."""
    if end < len(toks) and toks[end].text == ",":
        end += 1  # "Jonas Pike, of the Green Party"
    if end + 1 >= len(toks) or toks[end].text != "of":
        return None
    i = end + 1
    if toks[i].text.lower() == "the":
        i += 1
    j = i
    while j < len(toks) and is_name_word(toks[j].text) and toks[j].text[:1].isalpha():
        j += 1
    if j == i:
        return None
    name = text[toks[i].start : toks[j - 1].end]
    return lx.country_of(name) or name


def trim(toks: list[Token], start: int, end: int) -> tuple[int, int]:
    """Drop function words and links at the edges ("The Guardian" -> "Guardian")."""
    while start < end and (
        toks[start].text.lower() in lx.STOP
        or toks[start].text in lx.PARTICLES
        or toks[start].text in lx.WEEKDAYS
    ):
        start += 1
    while end > start and (toks[end - 1].text in NAME_LINKS or toks[end - 1].text in lx.PARTICLES):
        end -= 1
    return start, end


def is_credit(toks: list[Token], start: int, end: int) -> bool:
    """A news outlet ("CNN", "Associated Press"), its affiliate or its journalist."""
    words = [t.text for t in toks[start:end]]
    if any(w in lx.OUTLETS for w in words) or " ".join(words) == "Associated Press":
        return True
    before = [t.text for t in toks[max(0, start - 3) : start]]
    # "CNN affiliate KGO", "CNN's Jane Doe contributed"
    return len(before) >= 2 and before[-2] in lx.OUTLETS and before[-1] in ("affiliate", "'s", "’s")


def split_title(words: list[str]) -> int:
    """Index where the name starts after leading titles ("Deputy Foreign Minister | Andrei ...")."""
    last = -1
    for i, w in enumerate(words):
        if w.rstrip(".") in lx.TITLES or w.rstrip(".") in lx.HONORIFICS:
            last = i
    if last == -1 or any(w in lx.ORG_HEADS for w in words[last:]):
        return 0  # "Premier League", "Supreme Court": a title word inside an organisation
    if last == len(words) - 1:
        # A bare title ("President", "Foreign Minister") is no actor; a lone modifier
        # ("Treasury") is an institution.
        bare = words[-1].rstrip(".")
        return len(words) if bare in lx.TITLE_HEADS or bare in lx.HONORIFICS else 0
    return last + 1


def acceptable(words: list[str]) -> bool:
    if len(words) == 1:
        w = words[0]
        if w in lx.NOT_ACTORS or w in lx.MONTHS or w in lx.PLACE_WORDS or len(w) < 2:
            return False
        if (w in lx.ORG_HEADS or w in lx.TITLES) and w not in lx.INSTITUTIONS:
            return False  # "Church", "Union", "Opposition" alone
        if ACRONYM.match(w.rstrip("s")) and w.endswith("s") and not ACRONYM.match(w):
            return False  # "MPs", "MSPs": plural titles
    if len(words) > 1 and words[-1] in lx.DOCUMENT_HEADS:
        return False  # "the Artificial Intelligence Act": a text, not a participant
    return not all(w in lx.WEEKDAYS or w in lx.MONTHS for w in words)


def classify(words: tuple[str, ...], person: bool) -> tuple[str, str | None, bool]:
    """(kind, country, link_only) from the words of a name alone."""
    name = " ".join(words)
    if name in lx.country_names():
        return "country", lx.country_names()[name], False
    if name in lx.CAPITALS:
        return "place", lx.CAPITALS[name], True
    if name in lx.DEMONYMS:
        return "country", lx.DEMONYMS[name], True
    if person:
        return "person", None, False
    if any(w.rstrip(".") in lx.ORG_HEADS for w in words) or name in lx.INSTITUTIONS:
        return "organization", None, False
    if words[-1] in lx.PLACE_WORDS or words[0] in lx.PLACE_WORDS or name in lx.subdivisions():
        return "place", None, False
    if any(ACRONYM.match(w) for w in words):
        return "organization", None, False  # "NATO", "MSCI World"
    if len(words) == 1:
        return "", None, False
    if any(lx.country_of(w) for w in words):
        return "organization", None, False  # "Scottish Conservative", "USA Today"
    return "person", None, False


# ---------------------------------------------------------------- roles
LIST_LINKS = frozenset({"and", "or", "&"})


def title_role(
    text: str, toks: list[Token], start: int, name_start: int, titles: list[str]
) -> tuple[str | None, str | None]:
    """Role and affiliation from the titles before a name ("Russian President" -> President)."""
    first = start
    while first < name_start and toks[first].text.rstrip(".") in lx.HONORIFICS:
        first += 1
    if first == name_start:
        return None, None
    words = titles[first - start :]
    country = lx.country_of(words[0]) if len(words) > 1 else None
    if country:  # "Russian President": the demonym becomes the affiliation
        return text[toks[first + 1].start : toks[name_start - 1].end], country
    title_at = next((i for i, w in enumerate(words) if w.rstrip(".") in lx.TITLES), 0)
    prefix = " ".join(w for w in words[:title_at] if w not in lx.TITLE_MODIFIERS)
    role = text[toks[first].start : toks[name_start - 1].end]
    return role, (prefix or None)


def lower_role(text: str, toks: list[Token], start: int, end: int) -> tuple[str | None, str | None]:
    """A role in lower case before the name ("separatist leader X") or after it (", the ...")."""
    role = role_before(text, toks, start)
    if role[0]:
        return role
    return appositive(text, toks, end)


def role_before(text: str, toks: list[Token], start: int) -> tuple[str | None, str | None]:
    head = start - 1
    if head >= 1 and toks[head].text == "," and toks[head - 1].text.lower() in lx.ROLE_NOUNS:
        head -= 1  # "Her older sister, Venus": only after a determiner, checked below
        comma = True
    else:
        comma = False
    if head < 0 or toks[head].text not in lx.ROLE_NOUNS or toks[head].text in lx.ORG_NOUNS:
        return None, None
    first, span = head, (-1, -1)  # span: tokens of a capitalized affiliation
    modifiers = 0
    i = head - 1
    while i >= 0:
        w = toks[i].text
        if w in lx.TITLE_MODIFIERS and modifiers < MAX_MODIFIERS:
            modifiers += 1  # "Former presenter X": part of the role, names no body
            first = i
        elif is_name_word(w) and w[:1].isalpha() and w.lower() not in lx.STOP:
            span = (i, span[1] if span[1] >= 0 else i)
            first = i
        elif w in ("'s", "’s") or (w in NAME_LINKS - LIST_LINKS and span[0] >= 0):
            pass  # not across "and": "Premier X and Chelsea manager Y" names two people
        elif is_modifier(w) and modifiers < MAX_MODIFIERS:
            modifiers += 1
            first = i
        else:
            break
        i -= 1
    if comma and (i < 0 or toks[i].text.lower() not in DETERMINERS):
        return None, None
    if i >= 0 and toks[i].text == "to" and first < head and toks[first].text[:1].islower():
        first += 1  # "to prevent rapper X": an infinitive, not a modifier
    while toks[first].text in NAME_LINKS:
        first += 1
    affiliation = text[toks[span[0]].start : toks[span[1]].end] if span[0] >= first else None
    if affiliation and all(w in lx.TITLES for w in affiliation.split()):
        affiliation = None  # "Opposition leader": a title word, not a body
    return affiliation_split(text[toks[first].start : toks[head].end], affiliation)


def is_modifier(word: str) -> bool:
    """A lower-case word that can modify a role noun: not a function word, not a verb form."""
    if "-" in word and not is_name_word(word):
        return True  # "Kremlin-backed", "68th-ranked"
    if not word[:1].islower() or word in lx.STOP or word in lx.VERBS:
        return False
    return word.isalpha() and not word.endswith(("ed", "ing", "ly"))


def affiliation_split(role: str, affiliation: str | None) -> tuple[str, str | None]:
    """Turn a leading country word of a role into its affiliation ("French striker")."""
    if affiliation is None:
        return role, None
    country = lx.country_of(affiliation)
    if country and role.startswith(affiliation + " "):
        return role[len(affiliation) + 1 :], country
    return role, affiliation


def appositive(
    text: str, toks: list[Token], end: int, nouns: frozenset[str] = lx.ROLE_NOUNS
) -> tuple[str | None, str | None]:
    """Role in ", the Kremlin spokesperson," or ", NATO's chief," after a name."""
    if end >= len(toks) or toks[end].text != ",":
        return None, None
    i = end + 1
    while i < len(toks) and toks[i].text.lower() in DETERMINERS:
        i += 1
    stop = i
    while stop < len(toks) and stop - i < MAX_ROLE_WORDS:
        w = toks[stop].text
        if w in ',;:.()"“”' or w.lower() in ("who", "which", "whose", "and") or w in lx.VERBS:
            break
        stop += 1
    while stop > i and toks[stop - 1].text.lower() in lx.STOP:
        stop -= 1  # "company for which ..." -> "company"
    phrase = toks[i:stop]
    if phrase and i == end + 1 and looks_like_verb(phrase[0].text, nouns):
        return None, None  # "the party, wants his group to ...": a clause, not a role
    # A person's role names a person ("doctor"), an organisation's an organisation ("company").
    for_org = nouns is lx.ORG_NOUNS
    if not any(t.text in nouns and (for_org or t.text not in lx.ORG_NOUNS) for t in phrase[:5]):
        return None, None
    affiliation = None
    if len(phrase) > 2 and phrase[1].text in ("'s", "’s") and is_name_word(phrase[0].text):
        affiliation = phrase[0].text  # "NATO's chief"
        phrase = phrase[2:]
    role = text[phrase[0].start : phrase[-1].end]
    if affiliation is None:
        of = re.search(r"\bof (?:the )?((?:[A-Z][\w'-]*\s?)+)$", role)
        affiliation = of.group(1).strip() if of else None
    return role, (lx.country_of(affiliation) or affiliation) if affiliation else None


def looks_like_verb(word: str, nouns: frozenset[str]) -> bool:
    """A lower-case word with a verb's ending that is not a known role noun ("wants", "hoped")."""
    return word[:1].islower() and word.endswith(("s", "ed")) and word not in nouns


def share_plural_roles(text: str, toks: list[Token], mentions: list[Mention]) -> list[Mention]:
    """ "World Cup winners A, B and C": a plural role covers the names listed after it."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.role
            and m.role is None
            and prev.role.endswith("s")
            and m.kind in ("person", "")
            and listed_after(text, prev.text, m.text)
        ):
            m = replace(m, role=prev.role, affiliation=prev.affiliation, kind="person", person=True)
        out.append(m)
    return out


def listed_after(text: str, first: str, second: str) -> bool:
    gap = re.search(re.escape(first) + r"(\s*,\s*|\s*,?\s+and\s+)" + re.escape(second), text)
    return gap is not None


def definite_descriptions(text: str, toks: list[Token]) -> list[tuple[int, str]]:
    """(token, role) of "The premier was ..." or "... the minister said": a role that
    names the person mentioned just before."""
    out: list[tuple[int, str]] = []
    for k, t in enumerate(toks):
        if t.text not in lx.ROLE_NOUNS or t.text in lx.ORG_NOUNS or t.text.endswith("s"):
            continue
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        opening = first_word(toks)
        i = k - 1
        while (
            i >= 0
            and k - i <= MAX_MODIFIERS + 1
            and (
                is_modifier(toks[i].text) or (is_name_word(toks[i].text) and toks[i].text != "The")
            )
        ):
            i -= 1
        if i < 0 or toks[i].text.lower() != "the":
            continue
        at_start = i == opening and after[:1].islower() and after not in ("of", "and", "who")
        if at_start or (after in lx.VERBS and after in ("said", "says", "added", "told")):
            out.append((k, text[toks[i + 1].start : t.end]))
    return out


# ---------------------------------------------------------------- merging
def merge(mentions: list[Mention]) -> list[Cluster]:
    """Group mentions that name one actor; a person is never merged into a place."""
    clusters: dict[str, Cluster] = {}
    named_countries = {m.country for m in mentions if m.country and not m.link_only}
    compounds = []
    for m in mentions:
        if m.link_only and m.country not in named_countries:
            if m.kind != "place":
                compounds.append(m)  # a demonym or "non-NATO": only counts for a named actor
                continue
            m = replace(m, country=None, link_only=False)  # a capital, as a place
        clusters.setdefault(full_key(m), Cluster()).mentions.append(m)
    for m in compounds:
        if full_key(m) in clusters:
            clusters[full_key(m)].mentions.append(m)
    fold_short_names(clusters)
    fold_acronyms(clusters)
    return sorted(clusters.values(), key=lambda c: c.first.sentence)


def full_key(m: Mention) -> str:
    if m.country:
        return "country:" + m.country
    return " ".join(without_suffix(m.words)).lower()


def without_suffix(words: tuple[str, ...]) -> tuple[str, ...]:
    """ "Harbour Foods Inc." -> "Harbour Foods": a legal suffix does not make another actor."""
    if len(words) > 1 and words[-1].rstrip(".").lower() in lx.LEGAL_SUFFIXES:
        return words[:-1]
    return words


def fold_short_names(clusters: dict[str, Cluster]) -> None:
    """ "Putin", "Mr Putin" -> "Vladimir Putin"; "Serena" -> "Serena Williams";
    "Hijo del Perro" -> "Hijo del Perro Aguayo"; "Lions" -> "British and Irish Lions"."""
    fold_inner_names(clusters)
    owners: dict[str, list[str]] = {}
    for key, c in clusters.items():
        words = longest(c)
        if len(words) < 2:
            continue
        if cluster_kind(c) == "person":
            owners.setdefault(words[-1].lower(), []).append(key)
            owners.setdefault(words[0].lower(), []).append(key)
        elif cluster_kind(c) in ("organization", "group"):
            # "Lions" -> "British and Irish Lions", "Labour" -> "Scottish Labour Party"
            for w in words:
                if w not in lx.ORG_HEADS and w not in lx.DEMONYMS and w[:1].isupper():
                    owners.setdefault(w.lower(), []).append(key)
    for key in [k for k, c in clusters.items() if len(longest(c)) == 1]:
        c = clusters[key]
        if cluster_kind(c) in ("country", "place") and not any(m.person for m in c.mentions):
            continue
        found = [k for k in owners.get(key, []) if k in clusters and k != key]
        if any(m.person for m in c.mentions):  # "Mr X" can only be a person called X
            found = [k for k in found if cluster_kind(clusters[k]) == "person"]
        if len({cluster_kind(clusters[k]) for k in found}) > 1 or (
            len(found) > 1 and all(cluster_kind(clusters[k]) != "person" for k in found)
        ):
            continue  # the short name could be either of two actors
        if found:
            best = max(
                found, key=lambda k: (surname_of(clusters[k], key), len(clusters[k].mentions))
            )
            join(clusters, best, key)


def fold_inner_names(clusters: dict[str, Cluster]) -> None:
    """A person's name inside a longer person's name is the same person."""
    people = sorted(
        (k for k, c in clusters.items() if cluster_kind(c) == "person" and len(longest(c)) > 1),
        key=lambda k: -len(longest(clusters[k])),
    )
    full: dict[str, str] = {}  # every inner word sequence of a long name -> its key
    for key in people:
        words = " ".join(longest(clusters[key])).lower()
        if words in full:
            join(clusters, full[words], key)
            continue
        parts = words.split()
        for i in range(len(parts)):
            for j in range(i + 2, len(parts) + 1):
                full.setdefault(" ".join(parts[i:j]), key)


def join(clusters: dict[str, Cluster], into: str, key: str) -> None:
    clusters[into].mentions.extend(clusters.pop(key).mentions)
    clusters[into].mentions.sort(key=lambda m: m.sentence)


def longest(c: Cluster) -> tuple[str, ...]:
    return max((m.words for m in c.mentions if not m.link_only), key=len, default=c.first.words)


def surname_of(c: Cluster, word: str) -> bool:
    return longest(c)[-1].lower() == word


def fold_acronyms(clusters: dict[str, Cluster]) -> None:
    """ "NATO" and "North Atlantic Treaty Organization" are one actor."""
    by_initials: dict[str, str] = {}
    for key, c in clusters.items():
        words = [w for w in c.first.words if w[:1].isupper()]
        if len(words) > 1:
            by_initials.setdefault("".join(w[0] for w in words), key)
            # "UK Independence Party" -> "UKIP": a word in capitals gives all its letters
            by_initials.setdefault("".join(w if w.isupper() else w[0] for w in words), key)
    for key in [k for k, c in clusters.items() if len(c.first.words) == 1]:
        word = clusters[key].first.words[0].replace(".", "")
        target = by_initials.get(word) if ACRONYM.match(word) else None
        if target and target in clusters and target != key:
            join(clusters, target, key)


def add_described_roles(clusters: list[Cluster], described: list[tuple[int, int, str]]) -> None:
    """Give "The premier ..." to the person named last before it, if no role is known."""
    people = sorted(
        (m.sentence, m.position, i)
        for i, c in enumerate(clusters)
        if cluster_kind(c) == "person"
        for m in c.mentions
    )
    places = [(s, p) for s, p, _ in people]
    for sentence, position, role in described:
        k = bisect_left(places, (sentence, position)) - 1
        if k >= 0 and sentence - people[k][0] <= 1:
            c = clusters[people[k][2]]
            if c.role_hint is None and not any(m.role for m in c.mentions):
                c.role_hint = role


# ---------------------------------------------------------------- actors and ranking
def cluster_kind(c: Cluster) -> str:
    kinds = Counter(m.kind for m in c.mentions if m.kind)
    if any(m.person for m in c.mentions):
        return "person"
    if kinds["country"] or any(m.country for m in c.mentions):
        return "country"
    if kinds["group"]:
        return "group"
    if kinds["organization"]:
        return "organization"
    # Mostly "in X" / "at X" and nothing says it is a person: a place ("in Santa Barbara").
    if kinds["place"] or 2 * sum(m.locative for m in c.mentions) > len(c.mentions):
        return "place"
    if kinds["person"]:
        return "person"
    return "organization"


def to_actor(c: Cluster) -> Actor | None:
    kind = cluster_kind(c)
    direct = [m for m in c.mentions if not m.link_only]
    if not direct:
        return None
    names = Counter(m.text for m in direct)
    if kind == "country":
        name = names.most_common(1)[0][0]
    else:
        name = max(direct, key=lambda m: (len(m.words), -m.sentence)).text
    name = without_full_stop(name)
    with_role = next((m for m in c.mentions if m.role), None)
    role = with_role.role if with_role else c.role_hint
    affiliation = with_role.affiliation if with_role else None
    aliases = tuple(dict.fromkeys(m.text for m in c.mentions if m.text != name))
    return Actor(
        name=name,
        kind=kind,
        role=role if kind in ("person", "organization", "group") else None,
        affiliation=affiliation if affiliation != name else None,
        mentions=len(c.mentions),
        aliases=aliases,
        sentences=tuple(sorted({m.sentence for m in c.mentions})),
    )


OWNS_FULL_STOP = re.compile(r"(?:\b[A-Z]\.|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Bros|Plc)\.)$")


def without_full_stop(name: str) -> str:
    """ "Ministry of Transport." -> "Ministry of Transport"; "Acme Inc." and "U.S." keep theirs."""
    if name.endswith(".") and not OWNS_FULL_STOP.search(name):
        return name[:-1]
    return name


def rank(
    actors: list[Actor], n_sentences: int, summary: Collection[int], title: str = ""
) -> list[Actor]:
    """Most important first: mentions, an early first mention, summary presence, a place in
    the headline, and what the article tells about the actor (a role, or an institution's name)."""
    scored = []
    for a in actors:
        early = 1.0 - a.sentences[0] / max(1, n_sentences)
        in_summary = min(2, sum(s in summary for s in a.sentences))
        score = a.mentions + EARLY_WEIGHT * early + SUMMARY_WEIGHT * in_summary + described(a)
        score += TITLE_WEIGHT * in_title(a, title)
        if a.kind == "place":
            score /= 2  # where things happen matters less than who does them
        scored.append(replace(a, score=round(score, 3)))
    return sorted(scored, key=lambda a: (-a.score, a.sentences[0]))


def in_title(a: Actor, title: str) -> bool:
    """Does the headline name the actor, by its name or one of its aliases?"""
    forms = (" ".join(without_suffix(tuple(a.name.split()))), *a.aliases)
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", title) for f in forms if f)


def described(a: Actor) -> float:
    if a.role:
        return ROLE_WEIGHT
    words = a.name.split()
    institution = any(w.rstrip(".") in lx.ORG_HEADS or ACRONYM.match(w) for w in words)
    # A hashtag or a lower-case body ("the standards committee") was found by its form.
    if a.kind in ("organization", "group") and (institution or not a.name[:1].isupper()):
        return INSTITUTION_WEIGHT
    return 0.0
