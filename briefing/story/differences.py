"""Where the documents of a story differ: one quantity reported with different values, or one
event given different days or times.

Two figures of two documents count the same thing when they count in the same unit ("troops",
with the language's `story_quantities` synonyms made one: "soldiers" are troops), or when the
words around them mostly agree (stemmed; the `story_generic_units` such as "people" left out),
and their values are of the same size (within a factor MAX_RATIO).

Two sentences of two documents date one event differently when they tell the same fact (word
cosine SAME_FACT or more), each names days or clock times ("Tuesday", "March 3", "4 p.m."), no
day or time is in both, and the words just before a date share a term in both ("would open on
Tuesday", "will open on Thursday"): a day named in passing ("killed on Sunday", "dug through the
mud on Monday") dates another event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import numpy as np

from briefing.annotate import stemmer
from briefing.lang import Language
from briefing.model import (
    AnnotatedDocument,
    AnnotatedSentence,
    Difference,
    Figure,
    Reported,
    Token,
)
from briefing.story.select import SAME_FACT, Reading

MAX_RATIO = 3.0  # values further apart than this count different things
SHARED_KEYS = 0.5  # share of the smaller set of counted words the two figures must share
DATED_WORDS = 3  # words before a date that say what is dated
WORD = re.compile(r"[^\W\d_]+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # as the annotated document's tokens hold numbers
DAY_NUMBER = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")


@cache
def _vocabulary(language: Language) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    synonyms = dict(language.table("story_quantities"))
    generic = frozenset(language.words("story_generic_units"))
    function = frozenset(w.lower() for w in language.words("function_words"))
    return synonyms, generic, function


@lru_cache(maxsize=4096)  # a story's figures are compared pair by pair
def counted_words(text: str, language: Language) -> frozenset[str]:
    """The words saying what a figure counts, made comparable across documents."""
    synonyms, generic, function = _vocabulary(language)
    stem = stemmer(language)
    return frozenset(
        stem(synonyms.get(word, word))
        for word in WORD.findall(text.lower())
        if word not in generic and word not in function
    )


def same_quantity(a: Figure, b: Figure, language: Language) -> bool:
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0:
        return False
    if max(a.value, b.value) / min(a.value, b.value) > MAX_RATIO:
        return False
    unit_a = counted_words(a.unit or "", language)
    unit_b = counted_words(b.unit or "", language)
    if unit_a and unit_b:
        return unit_a == unit_b  # "600 troops" and "800 soldiers"; not "troops" and "tanks"
    keys_a = counted_words(f"{a.unit or ''} {a.context}", language)
    keys_b = counted_words(f"{b.unit or ''} {b.context}", language)
    smaller = min(len(keys_a), len(keys_b))
    return smaller > 0 and len(keys_a & keys_b) / smaller >= SHARED_KEYS


def figure_differences(
    figures: Sequence[Figure], doc: AnnotatedDocument, reading: Reading
) -> list[Difference]:
    """Quantities that documents report with different values, the most important first; each
    document gives its best-placed value."""
    language = doc.language
    used: set[int] = set()
    out: list[Difference] = []
    for i, fig in enumerate(figures):
        if i in used:
            continue
        by_doc = {fig.doc: (i, fig)}
        for j in range(i + 1, len(figures)):
            other = figures[j]
            if j not in used and other.doc not in by_doc and same_quantity(fig, other, language):
                by_doc[other.doc] = (j, other)
        if len({f.value for _, f in by_doc.values()}) < 2:
            continue
        used.update(k for k, _ in by_doc.values())
        found = [Reported(f.text, f.doc, f.sentence, f.value) for _, f in by_doc.values()]
        for _, f in list(by_doc.values()):
            found += repeats(f, doc, reading, {r.doc for r in found})
        values = tuple(sorted(found, key=lambda r: doc_order(r.doc)))
        out.append(
            Difference(quantity_label(fig, [f for _, f in by_doc.values()], language), values)
        )
    return out


def quantity_label(first: Figure, figures: Sequence[Figure], language: Language) -> str:
    """What the figures count, in the first one's words: its unit ("troops"), and for a unit
    too general to say it ("people") the first word after it that every figure's counted
    words share ("people killed")."""
    unit = counted_words(first.unit or "", language)
    if unit:
        return first.unit or ""
    shared = frozenset.intersection(
        *(counted_words(f"{f.unit or ''} {f.context}", language) for f in figures)
    )
    after = first.context[first.context.find(first.text) + len(first.text) :]
    word = next((w for w in WORD.findall(after) if counted_words(w, language) & shared), None)
    return " ".join(p for p in (first.unit, word) if p) or first.context


def repeats(
    fig: Figure, doc: AnnotatedDocument, reading: Reading, known: set[str]
) -> list[Reported]:
    """The figure's value in documents not in `known`: the figures stage merged repeats of one
    value into one figure, but each document that gives it is a source of it. A repeat is the
    same number in a sentence that tells the same fact (word cosine SAME_FACT or more)."""
    digits = set(NUMBER.findall(fig.text))
    if not digits:
        return []
    cosine = reading.cosine(fig.sentence)
    out: list[Reported] = []
    for j in np.flatnonzero(cosine >= SAME_FACT).tolist():
        s = doc.sentences[j]
        if s.doc not in known and not digits.isdisjoint(t.text for t in s.tokens):
            known.add(s.doc)
            out.append(Reported(fig.text, s.doc, j, fig.value))
    return out


def doc_order(doc: str) -> tuple[int, str]:
    return (int(doc), doc) if doc.isdigit() else (0, doc)


def date_differences(doc: AnnotatedDocument, reading: Reading) -> list[Difference]:
    """Events that two documents date differently, in text order: for a sentence naming a day
    or time, the most similar sentence of each other document, when it tells the same event."""
    out: list[Difference] = []
    dated = {i: dates_in(s, doc.language) for i, s in enumerate(doc.sentences)}
    dated = {i: found for i, found in dated.items() if found}
    done: set[int] = set()
    for i, own in dated.items():
        if i in done:
            continue
        cosine = reading.cosine(i)
        values = [Reported(", ".join(d.text for d in own), doc.sentences[i].doc, i)]
        for j in sorted(dated.keys() - done - {i}, key=lambda k: -cosine[k]):
            if doc.sentences[j].doc in {v.doc for v in values} or cosine[j] < SAME_FACT:
                continue
            if other_date(own, dated[j]):
                values.append(
                    Reported(", ".join(d.text for d in dated[j]), doc.sentences[j].doc, j)
                )
                done.add(j)
        if len(values) > 1:
            done.add(i)
            out.append(Difference(doc.sentences[i].text, tuple(values)))
    return out


class Dated(NamedTuple):
    text: str  # "Tuesday", "March 3", "4 p.m."
    before: frozenset[str]  # ranking terms of the words just before it: what is dated


def other_date(a: Sequence[Dated], b: Sequence[Dated]) -> bool:
    """Whether two sentences give one event different days or times: no date in common, and
    the words before a date of each share a term ("open on Tuesday", "will open on Thursday")."""
    if {d.text.lower() for d in a} & {d.text.lower() for d in b}:
        return False
    return any(x.before & y.before for x in a for y in b)


def dates_in(sentence: AnnotatedSentence, language: Language) -> tuple[Dated, ...]:
    """Days and clock times a sentence names, as written: "Tuesday", "March 3", "4 p.m."."""
    days, months, clock = _date_words(language)
    words = sentence.words
    found: list[Dated] = []
    if days.isdisjoint(w.lower for w in words) and (months | clock).isdisjoint(
        w.lower.rstrip(".") for w in words
    ):
        return ()  # most sentences: no need to look closer
    for n, w in enumerate(words):
        nxt = words[n + 1] if n + 1 < len(words) else None
        if w.lower in days:
            found.append(Dated(w.text, _terms_before(words, n)))
        elif nxt is not None and _dated(w, nxt, months, clock):
            found.append(Dated(f"{w.text} {nxt.text}", _terms_before(words, n)))
    return tuple(found)


def _terms_before(words: Sequence[Token], n: int) -> frozenset[str]:
    return frozenset(t for x in words[max(0, n - DATED_WORDS) : n] for t in x.terms)


def _dated(w: Token, nxt: Token, months: frozenset[str], clock: frozenset[str]) -> bool:
    """A month and its day ("March 3"), or a number and a clock word ("4 p.m.")."""
    if w.lower.rstrip(".") in months:
        return DAY_NUMBER.match(nxt.text) is not None
    return w.shape == "number" and nxt.lower in clock


@cache
def _date_words(language: Language) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    months = language.words("months") | language.words("month_abbreviations")
    return language.words("weekdays"), months, language.words("clock_words")
