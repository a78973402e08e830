"""Who is involved: people, organizations, countries and groups, with roles, ranked.

The name finder (`names.py`, run once by `briefing.annotate`) leaves its mentions on the
annotated document; here mentions of one actor are merged (`clusters.py`: surname, acronym,
capital and demonym of a country), given the roles a later "The premier said ..." tells
(`roles.py`), then ranked by how often, how early and where (summary sentences, the headline)
the article names them. Every word list comes from the document's language (`lexicon.py`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, NamedTuple

from briefing.actors.clusters import (
    Cluster,
    add_described_roles,
    initials,
    merge,
    people_in_order,
    without_suffix,
)
from briefing.actors.forms import contains_words, first_word, is_acronym
from briefing.actors.lexicon import Lexicon, load_lexicon
from briefing.actors.names import find_mentions
from briefing.actors.roles import definite_descriptions, singular
from briefing.model import Actor, ActorKind, AnnotatedDocument, Mention, Token

__all__ = ["find_actors", "find_mentions", "reports_news"]

EARLY_WEIGHT: Final = 1.0  # a first mention in the opening sentence is worth one more mention
SUMMARY_WEIGHT: Final = 0.5  # per summary sentence naming the actor, at most two
ROLE_WEIGHT: Final = 2.0  # the article says what the actor does
PLURAL_ROLE_WEIGHT: Final = 1.0  # ... as one of several ("Defenders A and B")
INSTITUTION_WEIGHT: Final = 0.5  # the name itself shows an institution ("Ministry", "NATO")
TITLE_WEIGHT: Final = 3.0  # the headline names the actor: the story is about it
LINK_DISCOUNT: Final = 0.5  # a demonym counts half a mention of its country
CONTEXT_DIVISOR: Final = 2.0  # a country or place named only "in X" or as an adjective
# A place named otherwise than "in X" ("Fort Lee is a city") weighs more than a mere location:
# divided by 1.75, not 2 (GUM recall 0.711 -> 0.715, CoNLL recall@8 0.650 -> 0.655, gold
# unchanged; 1.6 loses two key gold actors to places).
PLACE_DIVISOR: Final = 1.75
# The place an article opens with, where it was filed or what it is about, is not divided and
# counts a mention more (CoNLL recall@8 0.668 -> 0.681 undivided, -> 0.685 with it; 2.0 gives
# the same, gold and GUM unchanged).
OPENING_WEIGHT: Final = 1.0
# A place named once, only as where something happened, in a text of LONG_TEXT sentences or
# more ("He died in Los Angeles", "events in Nigeria and Ghana") is the setting, not an actor:
# divided by PASSING_DIVISOR more (gold actors P 368/426 -> 365/415, 0.864 -> 0.880; GUM
# P(real) 0.713 -> 0.715; CoNLL unchanged; from 10 sentences on, CoNLL recall@8 0.775 -> 0.769:
# its short reports list the few places they name).
LONG_TEXT: Final = 15
PASSING_DIVISOR: Final = 5.0
# A text reports news when this share of its sentences or more has a verb of saying ("said"),
# or when it names a weekday: who said what, and on which day (48 of the 52 gold news
# articles, 209 of 216 CoNLL ones; 49 of 157 GUM texts of other genres).
REPORT_SHARE: Final = 0.05
# A report names the day of its events in its lead (the dateline, then "on Tuesday"): the first
# weekday of the gold and CoNLL news texts is in their first four sentences but in one; a guide
# names one further on for its opening hours, a vlog or a letter for its plans (GUM recall
# 0.784 -> 0.787, P(real) 0.718 -> 0.719; gold, CoNLL unchanged).
LEAD_SENTENCES: Final = 5
# A guide or a life opens by saying what it is about and where that lies ("Elmford is a town
# in Westshire", "It is situated in ..."): a place named there is no place in passing but
# weighs like the place a text opens with, in its first two sentences of a text that is no
# report (GUM recall 0.787 -> 0.797, P(real) 0.719 -> 0.722; gold, CoNLL unchanged).
DEFINING_SENTENCES: Final = 2
# An acronym named once or twice outside news, never acting, is a term (GUM: named once,
# P(real) 0.748 -> 0.752; twice, -> 0.754, gold and key actors unchanged both ways).
MAX_TERM_MENTIONS: Final = 2
MAX_TERM_LETTERS: Final = 4  # "IQR", "OOTD": a longer acronym ("UNESCO") names a body more often
LATE_FULL_NAME: Final = 3  # a person's longest name first written after this many shorter ones


@dataclass(frozen=True)
class Setting:
    """What ranking needs to know of the document."""

    sentences: int
    summary: Collection[int]
    title: str
    defining: frozenset[int] = frozenset()  # sentences that tell what a guide is about


def find_actors(
    doc: AnnotatedDocument, summary: Collection[int] = (), report: bool | None = None
) -> list[Actor]:
    """Actors of doc, most important first. `summary` holds the indices of summary sentences;
    `report` says whether the text reports news (see reports_news), when the caller knows."""
    lx = load_lexicon(doc.language)
    described: list[tuple[int, int, str]] = []  # "The premier was ...": sentence, word, role
    for s in doc.sentences:
        described.extend((s.index, k, r) for k, r in definite_descriptions(lx, s.text, s.words))
    clusters = merge(lx, list(doc.mentions))
    report = reports_news(doc) if report is None else report
    # A rare term's acronym is no actor (GUM P(real) 0.748 -> 0.754; gold, CoNLL unchanged).
    if not report:
        clusters = [c for c in clusters if not unexplained_acronym(lx, doc, c)]
    if described:
        about = [s.index for s in doc.sentences if opens_with(lx.personal_pronouns, s.words)]
        add_described_roles(clusters, described, about)
    pronouns = lx.possessive_pronouns
    if any(m.role and m.role.split(" ", 1)[0].lower() in pronouns for m in doc.mentions):
        resolve_relations(lx, clusters)  # few documents: "her father X"
    if not report:
        add_byline_roles(lx, doc, clusters)
    defining = frozenset() if report else defining_sentences(lx, doc)
    setting = Setting(len(doc.sentences), summary, doc.title or "", defining)
    actors = [a for a in (to_actor(lx, c, setting) for c in clusters) if a is not None]
    return sorted(actors, key=lambda a: (-a.score, a.sentences[0]))


def add_byline_roles(lx: Lexicon, doc: AnnotatedDocument, clusters: list[Cluster]) -> None:
    """The author of a text that is no news report (an essay, a story): the one name on a
    byline, a line of its own among the first LEAD_SENTENCES ("By Ann Berg"), is given the
    byline's role. A report's journalists are no actors (see names.credits)."""
    lines: dict[int, tuple[int, str]] = {}  # byline sentence: words of its name, role
    paragraphs = Counter(s.paragraph for s in doc.sentences[: LEAD_SENTENCES + 1])
    for s in doc.sentences[:LEAD_SENTENCES]:
        words = [t for t in s.words if t.shape != "punct"]
        if len(words) > 1 and words[0].lower in lx.bylines and paragraphs[s.paragraph] == 1:
            lines[s.index] = (len(words) - 1, lx.bylines[words[0].lower])
    if not lines:
        return
    for c in clusters:
        for m in c.mentions:
            named, role = lines.get(m.sentence, (0, ""))
            if c.kind == "person" and m.position == 1 and len(m.words) == named:
                c.role_hint = c.role_hint or role


def unexplained_acronym(lx: Lexicon, doc: AnnotatedDocument, c: Cluster) -> bool:
    """Is the cluster an acronym named MAX_TERM_MENTIONS times at most, always a term's way:
    in a text that reports no news, a term ("the QRS spread", "see A/73/PV.6") more often
    than an actor?"""
    if c.kind != "organization" or len(c.mentions) > MAX_TERM_MENTIONS:
        return False
    return all(term_acronym(lx, doc, m) for m in c.mentions)


def term_acronym(lx: Lexicon, doc: AnnotatedDocument, m: Mention) -> bool:
    """Is the mention an acronym of two to four capitals, not a place ("at UCSB"), not
    bracketed after a name ("Harbor Airport (IATA: PHX)"), not acting ("NGO said", "NGO's"),
    with no role?"""
    w = m.text
    if not (2 <= len(w) <= MAX_TERM_LETTERS and w.isalpha() and w.isupper()):
        return False
    if m.role or m.person or m.locative:
        return False
    toks = doc.sentences[m.sentence].words
    at = m.position
    if at >= 2 and toks[at - 1].text in "(:" and toks[at - 2].text[:1].isupper():
        return False  # "Tulsa Airport (TUL)", "(IATA: TUL)": another name's short form
    after = toks[at + 1] if at + 1 < len(toks) else None
    if after is None:
        return True
    return not (
        after.text in lx.possessives
        or after.lower in lx.subject_verbs
        or after.lower in lx.speech_verbs
    )


def reports_news(doc: AnnotatedDocument) -> bool:
    """Does the text report news: verbs of saying in REPORT_SHARE of its sentences, or a
    weekday named in its first LEAD_SENTENCES? Not a guide, a life, a letter without dates, a
    talk, nor a guide's opening hours ("closed on Monday") further on."""
    lx = load_lexicon(doc.language)
    said = 0
    for i, s in enumerate(doc.sentences):
        if i < LEAD_SENTENCES and any(w.text in lx.weekday_names for w in s.words):
            return True
        said += any(w.text in lx.speech_verbs for w in s.words)
    return said >= REPORT_SHARE * len(doc.sentences)


def defining_sentences(lx: Lexicon, doc: AnnotatedDocument) -> frozenset[int]:
    """The sentences that say what a text that is no news report is about and where it
    lies: of its first DEFINING_SENTENCES, those that open with a name or "It" and go on
    with a present "is" ("Elmford is a town in Westshire", "It is situated in ..."). Asked
    of no report: a report's opening tells where its events happened."""
    opening = doc.sentences[:DEFINING_SENTENCES]
    named = {m.sentence: m.position for m in reversed(doc.mentions) if m.sentence < len(opening)}
    defining = []
    for s in opening:
        i = first_word(s.words)
        if i < 0 or lx.present_copulas.isdisjoint(t.lower for t in s.words[i + 1 :]):
            continue
        first = s.words[i].lower
        name_at = i + 1 if first in lx.definite_articles else i  # "The Elm Islands are ..."
        if first in lx.thing_pronouns or named.get(s.index) == name_at:
            defining.append(s.index)
    return frozenset(defining)


def opens_with(words: Collection[str], toks: Sequence[Token]) -> bool:
    """Does the sentence open with one of `words` (in lower case)?"""
    i = first_word(toks)
    return i >= 0 and toks[i].lower in words


def resolve_relations(lx: Lexicon, clusters: list[Cluster]) -> None:
    """ "her father X" -> "<the person named just before>'s father"; a mutual relation
    ("his cousin X") gives that person the role too, if it has none."""
    people = people_in_order(clusters, by_char=True)
    places = [(s, p) for s, p, _ in people]
    for i, c in enumerate(clusters):
        for k, m in enumerate(c.mentions):
            pronoun, _, noun = (m.role or "").partition(" ")
            if pronoun.lower() not in lx.possessive_pronouns or not noun:
                continue
            at = owner_at(people, places, i, m)
            if at < 0:
                c.mentions[k] = replace(m, role=noun)  # no one to relate to
                continue
            owner = clusters[people[at][2]]
            c.mentions[k] = replace(m, role=possessive(display_name(owner)) + " " + noun)
            if noun in lx.mutual_relatives and not any(o.role for o in owner.mentions):
                first = owner.mentions[0]
                owner.mentions[0] = replace(first, role=possessive(display_name(c)) + " " + noun)


def owner_at(
    people: list[tuple[int, int, int]], places: list[tuple[int, int]], i: int, m: Mention
) -> int:
    """Index in `people` of whom "her" refers to: of the other people named in this sentence
    or the one before, the one the article names most (its protagonist), else that of all
    the people named before; -1 if none."""
    end = bisect_left(places, (m.sentence, m.start))
    before = [at for at in range(end) if people[at][2] != i]
    near = [at for at in before if m.sentence - people[at][0] <= 1]
    pool = near or before
    if not pool:
        return -1
    counts = Counter(people[at][2] for at in range(len(people)))
    return max(pool, key=lambda at: (counts[people[at][2]], -at))


def display_name(c: Cluster) -> str:
    direct = [m for m in c.mentions if not m.link_only] or c.mentions
    return main_name(direct, c.kind)


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def to_actor(lx: Lexicon, c: Cluster, setting: Setting) -> Actor | None:
    """The actor a cluster names, scored (see `salience`)."""
    kind = c.kind
    mentions = c.mentions
    if len(mentions) == 1:  # most actors are named once: no lists to build
        m = mentions[0]
        if m.link_only:
            return None
        name = without_full_stop(lx, m.text)
        with_role = m if m.role else None
        aliases: tuple[str, ...] = () if m.text == name else (m.text,)
        sentences: tuple[int, ...] = (m.sentence,)
    else:
        direct = [m for m in mentions if not m.link_only]
        if not direct:
            return None
        name = without_full_stop(lx, main_name(direct, kind))
        # A role next to the full name, else any: "brother Steve" may be another Steve.
        with_role = next((m for m in mentions if m.role and m.text == name), None)
        with_role = with_role or next((m for m in mentions if m.role), None)
        aliases = tuple(dict.fromkeys([m.text for m in mentions if m.text != name]))
        sentences = tuple(sorted({m.sentence for m in mentions}))
    role = with_role.role if with_role else c.role_hint
    if kind not in ("person", "organization", "group"):
        role = None
    affiliation = with_role.affiliation if with_role else None
    score = salience(lx, setting, c, Named(name, role, aliases, sentences))
    role = one_persons_role(lx, role) if role and kind == "person" else role
    # By position, in the order of Actor's fields: keywords make the call twice as slow.
    return Actor(
        name,
        kind,
        role,
        affiliation if affiliation != name else None,  # affiliation
        len(mentions),  # mentions
        aliases,
        sentences,
        round(score, 3),  # score
    )


def one_persons_role(lx: Lexicon, role: str) -> str:
    """A plural role, shared or not ("Defenders A and B"), is one person's: "defender"; a
    role noun capitalised as a sentence's first word is one in lower case ("Striker X")."""
    head, _, last = role.rpartition(" ")
    one = singular(last.lower())
    if one not in lx.role_nouns or (head and not last.islower()) or last in lx.titles:
        return role  # "at AG Edwards & Sons": a name's end; "President": a title
    if not lx.function_words.isdisjoint(head.split()):
        return role  # "prosecutor in the case of 13 suspects", "one of the firms"
    return f"{head} {one}" if head else one


def main_name(direct: list[Mention], kind: ActorKind) -> str:
    """The name an actor goes by: a person's longest one ("Vladimir Putin", not "Putin"),
    else the most frequent ("NASA", not the "NASA Discovery" folded into it), then longest."""
    if len(direct) == 1:
        return direct[0].text
    if kind == "person":
        full = max(direct, key=lambda m: (len(m.words), -m.sentence))
        return usual_name(direct) if named_late(direct, full) else full.text
    counts = Counter([m.text for m in direct])
    usual = max(direct, key=lambda m: (counts[m.text], len(m.words), -m.sentence))
    # A longer form of the same name: "British and Irish Lions" for "Lions", the full name of
    # an acronym; not one the name only starts ("NASA Discovery" is another thing than "NASA").
    n = len(usual.words)
    longer = [
        m
        for m in direct
        if len(m.words) > n and (m.words[-n:] == usual.words or usual.words[0] in initials(m.words))
    ]
    return max(longer, key=lambda m: (len(m.words), -m.sentence)).text if longer else usual.text


def named_late(direct: list[Mention], full: Mention) -> bool:
    """Is the longest name, never with a title or role, first written after LATE_FULL_NAME
    mentions of a shorter one? "Varby" named often, then "Varby Transit" once: the long name is
    another thing's, or the text's subject took its full name for granted ("Combat Varby" in a
    quoted title at the end, "C. Varby" as a list's item) (GUM recall 0.739 -> 0.749)."""
    n = len(full.words)
    before = sum(m.sentence < full.sentence and len(m.words) < n for m in direct)
    if before < LATE_FULL_NAME:
        return False
    return not any(m.person or m.role for m in direct if len(m.words) == n)


def usual_name(direct: list[Mention]) -> str:
    """The name written most often, the earliest of equals."""
    counts = Counter([m.text for m in direct])
    return max(direct, key=lambda m: (counts[m.text], -m.sentence)).text


class Named(NamedTuple):
    """What the article says of an actor, as the score reads it."""

    name: str
    role: str | None
    aliases: tuple[str, ...]
    sentences: tuple[int, ...]


def without_full_stop(lx: Lexicon, name: str) -> str:
    """ "Ministry of Transport." -> "Ministry of Transport"; "Acme Inc." and "U.S." keep theirs."""
    if not name.endswith("."):
        return name
    last = name.rsplit(None, 1)[-1][:-1]
    initial = last[-1:].isupper() and not last[-2:-1].isalpha()  # "U.S.", "John F."
    if initial or last.lower() in lx.name_abbreviations:
        return name
    return name[:-1]


def salience(lx: Lexicon, setting: Setting, c: Cluster, a: Named) -> float:
    """How important: mentions, an early first mention, summary presence, a place in the
    headline, and what the article tells about the actor (a role, or an institution's name)."""
    early = 1.0 - a.sentences[0] / max(1, setting.sentences)
    in_summary = min(2, sum(s in setting.summary for s in a.sentences)) if setting.summary else 0
    # An adjective ("French", "Kremlin-backed") names a country or body in passing: half a mention.
    adjectives = sum(m.link_only for m in c.mentions) if c.kind == "country" else 0
    score = len(c.mentions) - LINK_DISCOUNT * adjectives
    score += EARLY_WEIGHT * early + SUMMARY_WEIGHT * in_summary
    score += described(lx, a, c.kind)
    if setting.title:
        score += TITLE_WEIGHT * in_title(lx, a, setting.title)
    if len(c.mentions) == 1 and c.first.text[:1] == "#":
        score /= 2  # a hashtag used once is more a slogan than a movement
    if c.kind in ("country", "place") and any(m.sentence in setting.defining for m in c.mentions):
        score += OPENING_WEIGHT  # where the place a guide is about lies ("a town in Westshire")
    elif c.kind in ("country", "place") and all(m.locative or m.link_only for m in c.mentions):
        score /= CONTEXT_DIVISOR  # only where things happen ("in X") or an adjective: context
        if c.kind == "place":
            score /= 2  # where things happen matters less than who does them
        if setting.sentences >= LONG_TEXT and sum(not m.link_only for m in c.mentions) == 1:
            score /= PASSING_DIVISOR  # named once in passing in a long text: the setting
    elif c.kind == "place" and opens_text(c):
        score += OPENING_WEIGHT  # a dateline ("LONDON 1996-08-30"), or the place a guide is about
    elif c.kind == "place":
        score /= PLACE_DIVISOR  # a place the text tells of ("Fort Lee is a city")
    return score


def opens_text(c: Cluster) -> bool:
    """Is the place the article's first word?"""
    return any(m.sentence == 0 and m.position == 0 for m in c.mentions)


def in_title(lx: Lexicon, a: Named, title: str) -> bool:
    """Does the headline name the actor, by its name or one of its aliases?"""
    forms = (" ".join(without_suffix(lx, tuple(a.name.split()))), *a.aliases)
    return any(contains_words(title, f) for f in forms if f)


def described(lx: Lexicon, a: Named, kind: ActorKind) -> float:
    if a.role:
        # A plural role ("Defenders A and B") tells what a group does, less why one matters.
        return ROLE_WEIGHT if one_persons_role(lx, a.role) == a.role else PLURAL_ROLE_WEIGHT
    if kind not in ("organization", "group"):
        return 0.0
    return INSTITUTION_WEIGHT if institution_name(lx, a.name) else 0.0


@lru_cache(maxsize=16384)  # names repeat across texts
def institution_name(lx: Lexicon, name: str) -> bool:
    """Does the name itself show an institution ("Ministry", "NATO")?"""
    institution = any(w.rstrip(".") in lx.org_heads or is_acronym(w) for w in name.split())
    # A hashtag or a lower-case body ("the standards committee") was found by its form.
    return institution or not name[:1].isupper()
