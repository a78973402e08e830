"""Which sentences of several documents make the summary: ranked, deduplicated, within a budget.

A sentence scores by what it shares with the story rather than by its place in one article:

- **centrality**: its mean word cosine with every sentence of every document;
- **agreement**: the share of its words that another source uses too (what one outlet alone
  says is less likely the story);
- **attribution and quotes**: news digests cite who said what ("..., the ministry said");
- **page furniture** (sign-up lines, credits, left in a pasted article) counts against.

Sentences are then picked best first, each picked sentence lowering the score of those like it
(maximal marginal relevance); one too close to a picked one (word cosine SAME_LINE or more) is
never picked: the fact is already on the page. Everything is linear in the text but the cosine
rows of the picked sentences, so a cluster of long articles stays fast.

The weights were fitted on the Multi-News development clusters (bench/multinews.py), to each
sentence's share of words and word pairs found in the editors' summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from briefing.lang import Language
from briefing.model import AnnotatedDocument
from briefing.rank.centrality import Counts, gram_rows, term_counts
from briefing.read import furniture_patterns

Vector = npt.NDArray[np.float64]

CENTRALITY_WEIGHT = 1.0
AGREEMENT_WEIGHT = 0.36
ATTRIBUTION_WEIGHT = 0.1
QUOTE_WEIGHT = 0.1
FURNITURE_WEIGHT = 0.1
REDUNDANCY_WEIGHT = 0.3  # score lost per unit of word cosine with the closest picked sentence
SAME_LINE = 0.6  # word cosine from which two sentences say the same thing
SAME_FACT = 0.5  # word cosine from which another document reports a line's fact
QUOTE = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class Reading:
    """The sentences of a story as the picker compares them."""

    unit: Counts  # term counts, each sentence scaled to length 1 (cosine = product)
    docs: npt.NDArray[np.int64]  # each sentence's document, as a number
    words: list[int]  # each sentence's length in words

    def cosine(self, i: int) -> Vector:
        """Word cosine of sentence i with every sentence."""
        row: Vector = gram_rows(self.unit, i, i + 1)[0]
        return row


def read_story(doc: AnnotatedDocument) -> Reading:
    counts = term_counts(doc.terms)
    norms = np.sqrt(counts.row_sums(counts.values * counts.values))
    norms[norms == 0] = 1
    unit = counts.with_values(counts.values / norms[counts.rows])
    numbers = {d: n for n, d in enumerate(dict.fromkeys(s.doc for s in doc.sentences))}
    docs = np.array([numbers[s.doc] for s in doc.sentences], dtype=np.int64)
    return Reading(unit, docs, [len(s.text.split()) for s in doc.sentences])


def centrality(r: Reading) -> Vector:
    """Each sentence's mean word cosine with the other sentences (a sum of products with the
    sum of all sentences: no sentence x sentence matrix)."""
    m = r.unit
    total = np.bincount(m.cols, m.values, minlength=m.terms)
    with_all = m.row_sums(m.values * total[m.cols])
    itself = m.row_sums(m.values * m.values)  # 1, or 0 for a sentence without terms
    out: Vector = (with_all - itself) / max(1, m.n - 1)
    return out


def agreement(r: Reading) -> Vector:
    """Each sentence's share of distinct terms that another document uses too."""
    m = r.unit
    if m.n == 0:
        return np.zeros(0)
    pairs = np.unique(r.docs[m.rows] * m.terms + m.cols)  # (document, term), once each
    sources = np.bincount(pairs % m.terms, minlength=m.terms)  # documents using each term
    shared = m.row_sums((sources[m.cols] >= 2).astype(np.float64))
    distinct = np.bincount(m.rows, minlength=m.n).astype(np.float64)
    out: Vector = shared / np.maximum(distinct, 1)
    return out


def marks(doc: AnnotatedDocument) -> tuple[Vector, Vector, Vector]:
    """(attribution, quote, furniture) of each sentence, 1 or 0."""
    verbs = attribution_words(doc.language)
    furniture = furniture_patterns(doc.language, inline=False)
    rows = [
        (
            not verbs.isdisjoint(w.lower for w in s.words),
            QUOTE.search(s.text) is not None,
            any(p.search(s.text) for p in furniture),
        )
        for s in doc.sentences
    ]
    table = np.array(rows, dtype=np.float64).reshape(len(rows), 3)
    return table[:, 0], table[:, 1], table[:, 2]


@cache
def attribution_words(language: Language) -> frozenset[str]:
    return frozenset(w.lower() for w in language.words("story_attribution"))


def story_scores(doc: AnnotatedDocument, r: Reading) -> Vector:
    """How much each sentence is worth to the story's summary, before redundancy."""
    attributed, quoted, furniture = marks(doc)
    score: Vector = (
        CENTRALITY_WEIGHT * centrality(r)
        + AGREEMENT_WEIGHT * agreement(r)
        + ATTRIBUTION_WEIGHT * attributed
        + QUOTE_WEIGHT * quoted
        - FURNITURE_WEIGHT * furniture
    )
    return score


def pick(scores: Vector, r: Reading, budget: int | None, count: int | None) -> list[int]:
    """Sentence indices, best first: at most `count` of them, or as many as fit in `budget`
    words (the first always), none saying what a picked one says."""
    value = scores.astype(np.float64).copy()
    closest = np.zeros(len(value))
    open_ = np.ones(len(value), dtype=bool)
    picked: list[int] = []
    used = 0
    while open_.any() and (count is None or len(picked) < count):
        marginal = np.where(open_, value - REDUNDANCY_WEIGHT * closest, -np.inf)
        best = int(np.argmax(marginal))  # the first of equals: text order
        open_[best] = False
        if budget is not None and picked and used + r.words[best] > budget:
            continue  # too long for what is left: a shorter one may fit
        picked.append(best)
        used += r.words[best]
        cosine = r.cosine(best)
        closest = np.maximum(closest, cosine)
        open_ &= cosine < SAME_LINE
    return picked


def carriers(r: Reading, i: int, doc_ids: Sequence[str]) -> tuple[str, ...]:
    """Ids of the documents that report sentence i's fact: its own first, then every other
    one holding a sentence at word cosine SAME_FACT or more, in document order."""
    cosine = r.cosine(i)
    own = int(r.docs[i])
    others = sorted({int(d) for d in r.docs[cosine >= SAME_FACT]} - {own})
    return (doc_ids[own], *(doc_ids[d] for d in others))
