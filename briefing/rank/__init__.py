"""Sentence rankers: one registry of names, one call signature.

A ranker takes an AnnotatedDocument and returns every sentence index, most important first. The
first K of that order are the K sentences the algorithm would pick; ties keep document order, as
sumy does.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal, get_args

import numpy as np
import numpy.typing as npt

from briefing.annotate import plain_words, ranking_stop_words, stemmer
from briefing.model import AnnotatedDocument, BriefingError, Document
from briefing.rank.centrality import (
    lexrank_scores,
    reduction_scores,
    term_counts,
    textrank_scores,
    word_overlap,
)
from briefing.text import SumyTokenizer

Ranker = Callable[[AnnotatedDocument], list[int]]
Algorithm = Literal[
    "default",
    "lead",
    "lexrank",
    "textrank",
    "lsa",
    "luhn",
    "edmundson",
    "sumbasic",
    "kl",
    "reduction",
]

SUMY_CLASSES: Final = {
    "lexrank": ("lex_rank", "LexRankSummarizer"),
    "textrank": ("text_rank", "TextRankSummarizer"),
    "lsa": ("lsa", "LsaSummarizer"),
    "luhn": ("luhn", "LuhnSummarizer"),
    "edmundson": ("edmundson", "EdmundsonSummarizer"),
    "sumbasic": ("sum_basic", "SumBasicSummarizer"),
    "kl": ("kl", "KLSummarizer"),
    "reduction": ("reduction", "ReductionSummarizer"),
}

# Sentences beyond which a pure-Python sumy algorithm takes more than a few seconds.
# LexRank, TextRank and Reduction are the project's vectorized versions, fast at any length.
SLOW_ABOVE: Final = {"kl": 300, "lsa": 2000}


def order_by_scores(scores: Sequence[float]) -> list[int]:
    """Indices sorted by score, highest first; equal scores keep document order."""
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def lead(doc: AnnotatedDocument) -> list[int]:
    return list(range(len(doc.sentences)))


# The default ranker's few weights, tuned on the development sets (see bench/quality.py).
POSITION_WEIGHT: Final = 3.0
POSITION_DECAY: Final = 1.0  # the position prior is 1 / (1 + index) ** decay
CENTRALITY_WEIGHT: Final = 2.5
# Position and centrality interact: an early sentence gains most when it also restates the
# text's main topic, so a lead that only sets the scene loses to a central later sentence.
LEAD_CENTRALITY_WEIGHT: Final = 8.0
LENGTH_WEIGHT: Final = -0.3  # below zero: short lines make a tighter summary
SIGNAL_WEIGHT: Final = 0.3
PENALTY_WEIGHT: Final = 1.0
# A headline names what the story is about, so a sentence that restates its words is likely a
# summary line (Edmundson's title method). Scored by the share of the title's words it holds.
TITLE_WEIGHT: Final = 1.0
# A quotation gives a speaker's colour or opinion; a summary line reports. Scored by the share
# of the sentence's words that are inside double quotation marks.
QUOTED_WEIGHT: Final = 0.4
REDUNDANCY_WEIGHT: Final = 0.3  # mild: summaries restate the main topic
SHORT_WORDS: Final = 8  # sentences shorter than this rarely carry a fact on their own
# Shorter than this: a label, a heading or a stray fragment, twice as poor.
FRAGMENT_WORDS: Final = 4
LONG_WORDS: Final = 40  # the length term stops growing here
NEAR_COPY: Final = 0.8  # word cosine above which a sentence repeats one already picked
MMR_PICKS: Final = 20  # redundancy is checked for the leading picks only; the rest keep score order

QUESTION: Final = re.compile(r"\?[\"'”’)]*$")
# Matched at the start only (both alternatives are anchored there).
BYLINE: Final = re.compile(r"^(?:by\b|published:|updated:|last updated\b)|^\W*$", re.IGNORECASE)
DATE_ONLY: Final = re.compile(r"^[A-Z][a-z]+ \d{1,2}, \d{4}\W*$")
# A quotation with no actor or figure of its own: '"It was terrible," she said.'
BARE_QUOTE: Final = re.compile(r"^[\"“][^\"”]*[\"”]\s*(?:\w+\s+){0,4}\w+[.!]?$")
# A digit, or a capitalised word that does not open the sentence. The pattern starts with its
# first character, not with the look-behinds, so that the regex engine can skip to candidates.
SIGNAL: Final = re.compile(r"[A-Z\d](?:(?<=\d)|(?<!\w[A-Z])(?<!^[A-Z])(?<![.!?]\s[A-Z])[\w'-]+)")
MAX_SIGNALS: Final = 5
# A quoted span: from an opening double quotation mark to its closing one, or to the end of the
# sentence when the quotation goes on into the next one.
QUOTED: Final = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")


def default_ranker(doc: AnnotatedDocument) -> list[int]:
    """News position prior, word-overlap centrality, their product and sentence quality, then MMR.

    Centrality is each sentence's summed word overlap with the others (sumy's Reduction
    rating, vectorized): it favours sentences that restate the text's main topic. The
    product of the position prior and centrality favours lead sentences that are on topic.
    """
    # Plain counts, not sumy's idf: on a short text its idf makes near-copies look unalike.
    centrality, cosine = word_overlap(term_counts(doc.terms))
    texts, indices = [s.text for s in doc.sentences], [s.index for s in doc.sentences]
    scores = sentence_scores(texts, indices, _unit(centrality), title_shares(doc))
    return remove_redundancy(scores, cosine)


def title_shares(doc: AnnotatedDocument) -> npt.NDArray[np.float64]:
    """For each sentence, the share of the title's words it holds (all 0 without a title)."""
    title = doc.title_terms
    return np.array([title_share(title, terms) for terms in doc.terms], dtype=np.float64)


def title_share(title: frozenset[str], terms: Sequence[str]) -> float:
    """The share of the title's words a sentence holds; 0 for a sentence with no word of its own
    beyond them: the headline repeated as a heading in the text says nothing new."""
    if not title or title.issuperset(terms):
        return 0.0
    return len(title.intersection(terms)) / len(title)


def quoted_share(text: str, n_words: int) -> float:
    """The share of a sentence's `n_words` words that are inside double quotation marks."""
    if '"' not in text and "“" not in text:
        return 0.0  # most sentences quote no one
    quoted = sum(len(m.group().split()) for m in QUOTED.finditer(text))
    return quoted / max(1, n_words)


def _unit(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else values


def sentence_scores(
    texts: Sequence[str],
    indices: Sequence[int],
    centrality: npt.NDArray[np.float64],
    title: npt.NDArray[np.float64],
) -> list[float]:
    """How well each sentence would open a briefing, before redundancy is considered, given
    its centrality and the share of the title's words it holds (both 0 to 1)."""
    n_words = [len(text.split()) for text in texts]
    position = 1.0 / (1.0 + np.array(indices, dtype=np.float64)) ** POSITION_DECAY
    length = np.minimum(n_words, LONG_WORDS) / LONG_WORDS
    signals = np.array([min(len(SIGNAL.findall(t)), MAX_SIGNALS) for t in texts]) / MAX_SIGNALS
    penalties = poor_marks(texts, n_words)
    quoted = np.array(
        [quoted_share(t, n) for t, n in zip(texts, n_words, strict=True)], dtype=np.float64
    )
    score = (
        POSITION_WEIGHT * position
        + CENTRALITY_WEIGHT * centrality
        + LEAD_CENTRALITY_WEIGHT * position * centrality
        + LENGTH_WEIGHT * length
        + SIGNAL_WEIGHT * signals
        + TITLE_WEIGHT * title
        - QUOTED_WEIGHT * quoted
        - PENALTY_WEIGHT * penalties
    )
    return list(score.tolist())


def poor_marks(texts: Sequence[str], n_words: Sequence[int]) -> npt.NDArray[np.float64]:
    """Count, for each sentence, of the marks of a sentence that is a poor summary line."""
    marks = (
        [n < SHORT_WORDS for n in n_words],
        [n < FRAGMENT_WORDS for n in n_words],
        # "?" in t first: a test in C, where most sentences end the search.
        [("?" in t and QUESTION.search(t) is not None) for t in texts],
        [BYLINE.match(t) is not None or DATE_ONLY.match(t) is not None for t in texts],
        [BARE_QUOTE.match(t) is not None for t in texts],
    )
    counted: npt.NDArray[np.float64] = np.array(marks, dtype=np.float64).sum(axis=0)
    return counted


def remove_redundancy(
    scores: Sequence[float], cosine: Callable[[int], npt.NDArray[np.float64]]
) -> list[int]:
    """Maximal marginal relevance: pick by score minus the similarity to what is picked.

    A near copy of a picked sentence (cosine NEAR_COPY or more) comes only after every other
    sentence. Ties keep text order.
    """
    by_score = order_by_scores(scores)
    closest = np.zeros(len(scores))
    taken = [False] * len(scores)
    picked: list[int] = []
    for _ in range(min(MMR_PICKS, len(scores))):
        close = closest.tolist()
        best = _best_pick(by_score, scores, close, taken, fresh_only=True)
        if best is None:
            best = _best_pick(by_score, scores, close, taken, fresh_only=False)
        assert best is not None  # a sentence is left while picks are fewer than sentences
        picked.append(best)
        taken[best] = True
        closest = np.maximum(closest, cosine(best))
    return picked + [i for i in by_score if not taken[i]]


def _best_pick(
    by_score: list[int],
    scores: Sequence[float],
    closest: list[float],
    taken: list[bool],
    *,
    fresh_only: bool,
) -> int | None:
    """The sentence of highest marginal score (the first in text order of equals)."""
    best, best_value = None, -math.inf
    for i in by_score:
        if taken[i]:
            continue
        if scores[i] < best_value:
            # A marginal score is never above the score: no sentence left can do better.
            break
        if fresh_only and closest[i] >= NEAR_COPY:
            continue
        value = scores[i] - REDUNDANCY_WEIGHT * closest[i]
        if value > best_value or (value == best_value and best is not None and i < best):
            best, best_value = i, value
    return best


def sumy_document(doc: AnnotatedDocument) -> Any:
    """The document as sumy's model, one sumy sentence for each of ours, in the same order."""
    # sumy's modules are imported only when one of its algorithms runs: they import
    # `requests`, which the default ranker never needs (a tenth of a second per process).
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = SumyTokenizer(doc.language)
    paragraphs: dict[int, list[SumySentence]] = {}
    for s in doc.sentences:
        paragraphs.setdefault(s.paragraph, []).append(SumySentence(s.text, tokenizer))
    return ObjectDocumentModel(tuple(Paragraph(p) for p in paragraphs.values()))


def _sumy_summarizer(name: str, doc: AnnotatedDocument) -> Any:
    module, cls = SUMY_CLASSES[name]
    summarizer = getattr(importlib.import_module(f"sumy.summarizers.{module}"), cls)(
        stemmer(doc.language)
    )
    summarizer.stop_words = ranking_stop_words(doc.language)
    if name == "edmundson":
        _configure_edmundson(summarizer, doc)
    return summarizer


def _configure_edmundson(summarizer: Any, doc: AnnotatedDocument) -> None:
    # Edmundson needs cue words. Bonus words: the title's content words (or the lead
    # sentence's when there is no title), as Edmundson's title method intends.
    head = doc.title or (doc.sentences[0].text if doc.sentences else "")
    stop = ranking_stop_words(doc.language)
    bonus = [w.lower() for w in plain_words(head) if w.lower() not in stop] or ["news"]
    summarizer.bonus_words = bonus
    summarizer.stigma_words = ["hardly", "impossible", "perhaps", "allegedly"]
    summarizer.null_words = sorted(stop)


def sumy_ranker(name: str) -> Ranker:
    """Wrap a sumy summarizer so that it returns the full order instead of its top K."""

    def rank(doc: AnnotatedDocument) -> list[int]:
        captured: list[float] = []

        def capture(
            sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any
        ) -> tuple[Any, ...]:
            rate = rating.__getitem__ if isinstance(rating, dict) else rating
            captured.extend(rate(s, *args, **kwargs) for s in sentences)
            return ()

        summarizer = _sumy_summarizer(name, doc)
        summarizer._get_best_sentences = capture
        summarizer(sumy_document(doc), len(doc.sentences))
        return order_by_scores(captured)

    return rank


def centrality_ranker(
    scorer: Callable[[Sequence[Sequence[str]]], npt.NDArray[np.float64]],
) -> Ranker:
    """A ranker from one of the vectorized centralities, ordered as sumy orders its ratings."""

    def rank(doc: AnnotatedDocument) -> list[int]:
        return order_by_scores(_rated_by_text(doc, scorer(doc.terms).tolist()))

    return rank


def _rated_by_text(doc: AnnotatedDocument, scores: list[float]) -> list[float]:
    # sumy keys its ratings by sentence text, so a repeated sentence takes the rating of its
    # last occurrence; do the same so that ties break as sumy breaks them.
    last = {s.text.strip(): score for s, score in zip(doc.sentences, scores, strict=True)}
    return [last[s.text.strip()] for s in doc.sentences]


def reduction_ranker(doc: AnnotatedDocument) -> list[int]:
    """sumy's Reduction, vectorized: the same order as sumy's."""
    texts = [s.text.strip() for s in doc.sentences]
    return order_by_scores(reduction_scores(doc.terms, texts).tolist())


REGISTRY: Final[dict[str, Ranker]] = {
    "default": default_ranker,
    "lead": lead,
    **{n: sumy_ranker(n) for n in SUMY_CLASSES},
    "lexrank": centrality_ranker(lexrank_scores),
    "textrank": centrality_ranker(textrank_scores),
    "reduction": reduction_ranker,
}


def get_ranker(name: str) -> Ranker:
    try:
        return REGISTRY[name]
    except KeyError:
        raise BriefingError(
            f"unknown algorithm {name!r}; choose one of: {', '.join(ALGORITHMS)}"
        ) from None


ALGORITHMS: Final[tuple[Algorithm, ...]] = get_args(Algorithm)


def slow_warning(name: str, doc: Document | AnnotatedDocument) -> str | None:
    """A warning to print before running an algorithm that will be slow on this document."""
    limit = SLOW_ABOVE.get(name)
    if limit is None or len(doc.sentences) <= limit:
        return None
    return (
        f"warning: {name} is slow on long texts ({len(doc.sentences)} sentences); "
        "this may take minutes (the default ranker is fast)"
    )


def rank(doc: AnnotatedDocument, algorithm: str = "default") -> list[int]:
    """All sentence indices of doc, most important first, by the named algorithm."""
    if not doc.sentences:
        return []
    return get_ranker(algorithm)(doc)
