"""Sentence rankers: one registry of names, one call signature.

A ranker takes a Document and returns every sentence index, most important first. The first K
of that order are the K sentences the algorithm would pick; ties keep document order, as sumy does.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from briefing.model import BriefingError, Document
from briefing.text import SumyTokenizer, words

Ranker = Callable[[Document], list[int]]

SUMY_CLASSES = {
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
SLOW_ABOVE = {"kl": 300, "lexrank": 800, "textrank": 800, "reduction": 800, "lsa": 2000}


def order_by_scores(scores: Sequence[float]) -> list[int]:
    """Indices sorted by score, highest first; equal scores keep document order."""
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def lead(doc: Document) -> list[int]:
    return list(range(len(doc.sentences)))


def default_ranker(doc: Document) -> list[int]:
    # Placeholder until the tuned default lands: news puts the key facts first.
    return lead(doc)


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(get_stop_words("english"))


def sumy_document(doc: Document) -> ObjectDocumentModel:
    """The document as sumy's model, one sumy sentence for each of ours, in the same order."""
    tokenizer = SumyTokenizer()
    paragraphs: dict[int, list[SumySentence]] = {}
    for s in doc.sentences:
        paragraphs.setdefault(s.paragraph, []).append(SumySentence(s.text, tokenizer))
    return ObjectDocumentModel(tuple(Paragraph(p) for p in paragraphs.values()))


def _sumy_summarizer(name: str, doc: Document) -> Any:
    module, cls = SUMY_CLASSES[name]
    summarizer = getattr(importlib.import_module(f"sumy.summarizers.{module}"), cls)(
        Stemmer("english")
    )
    summarizer.stop_words = _stop_words()
    if name == "edmundson":
        _configure_edmundson(summarizer, doc)
    return summarizer


def _configure_edmundson(summarizer: Any, doc: Document) -> None:
    # Edmundson needs cue words. Bonus words: the title's content words (or the lead
    # sentence's when there is no title), as Edmundson's title method intends.
    head = doc.title or (doc.sentences[0].text if doc.sentences else "")
    bonus = [w.lower() for w in words(head) if w.lower() not in _stop_words()] or ["news"]
    summarizer.bonus_words = bonus
    summarizer.stigma_words = ["hardly", "impossible", "perhaps", "allegedly"]
    summarizer.null_words = sorted(_stop_words())


def sumy_ranker(name: str) -> Ranker:
    """Wrap a sumy summarizer so that it returns the full order instead of its top K."""

    def rank(doc: Document) -> list[int]:
        captured: list[float] = []

        def capture(sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple:
            rate = rating.__getitem__ if isinstance(rating, dict) else rating
            captured.extend(rate(s, *args, **kwargs) for s in sentences)
            return ()

        summarizer = _sumy_summarizer(name, doc)
        summarizer._get_best_sentences = capture
        summarizer(sumy_document(doc), len(doc.sentences))
        return order_by_scores(captured)

    return rank


def get_ranker(name: str) -> Ranker:
    registry: dict[str, Ranker] = {
        "default": default_ranker,
        "lead": lead,
        **{n: sumy_ranker(n) for n in SUMY_CLASSES},
    }
    try:
        return registry[name]
    except KeyError:
        raise BriefingError(
            f"unknown algorithm {name!r}; choose one of: {', '.join(ALGORITHMS)}"
        ) from None


ALGORITHMS = ("default", "lead", *SUMY_CLASSES)


def slow_warning(name: str, doc: Document) -> str | None:
    """A warning to print before running an algorithm that will be slow on this document."""
    limit = SLOW_ABOVE.get(name)
    if name in ("lexrank", "textrank") or limit is None or len(doc.sentences) <= limit:
        return None
    return (
        f"warning: {name} is slow on long texts ({len(doc.sentences)} sentences); "
        "this may take minutes (the default ranker is fast)"
    )


def rank(doc: Document, algorithm: str = "default") -> list[int]:
    """All sentence indices of doc, most important first, by the named algorithm."""
    if not doc.sentences:
        return []
    return get_ranker(algorithm)(doc)
