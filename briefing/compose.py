"""Pick and order what goes on the one-page briefing. The page budget lives here."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from briefing.actors import find_actors
from briefing.annotate import annotate
from briefing.figures import find_figures
from briefing.lang import REFERENCE, load_language
from briefing.model import Briefing, BriefingError, Document, Source, SummaryLine
from briefing.outlook import find_next_steps
from briefing.rank import Algorithm, rank
from briefing.render import to_markdown

MAX_ACTORS = 8
MAX_FIGURES = 8
MAX_NEXT_STEPS = 5
DEFAULT_SENTENCES = 4
PAGE_WORDS = 450  # the whole default briefing fits on one page
TITLE_WORDS = 12
HEADLINE_MIN_WORDS = 6


@dataclass(frozen=True)
class Options:
    algorithm: Algorithm = "default"
    sentences: int | None = None  # summary length in sentences ...
    words: int | None = None  # ... or in words; sentences win when both are given
    language: str = REFERENCE  # a language code of briefing/lang, or a folder of language files


def check_options(options: Options) -> None:
    """BriefingError for options no briefing can be made with (an unknown language too)."""
    if options.sentences is not None and options.sentences < 1:
        raise BriefingError("sentences must be at least 1")
    if options.words is not None and options.words < 1:
        raise BriefingError("words must be at least 1")
    load_language(options.language)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a briefing is made.

    The pipeline makes hundreds of thousands of small tuples (tokens) and no reference cycles;
    the collector's passes over them doubled the time of tokenizing. Memory is still freed as soon
    as each object is unused; the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def make_briefing(doc: Document, options: Options | None = None) -> Briefing:
    """Build the briefing of one document."""
    options = options or Options()
    check_options(options)
    if not doc.sentences:
        raise BriefingError("no sentence found in the input")
    with collector_paused():
        return _make_briefing(doc, options)


def _make_briefing(doc: Document, options: Options) -> Briefing:
    annotated = annotate(doc, load_language(options.language))
    order = rank(annotated, options.algorithm)
    chosen = choose_summary(doc, order, options)
    picked = set(chosen)
    actors = find_actors(annotated, picked)
    briefing = Briefing(
        title=doc.title or headline(doc.sentences[order[0]].text),
        bottom_line=doc.sentences[order[0]].text,
        summary=tuple(
            SummaryLine(doc.sentences[i].text, i, doc.sentences[i].doc) for i in sorted(chosen)
        ),
        actors=tuple(actors[:MAX_ACTORS]),
        figures=tuple(find_figures(annotated, picked)[:MAX_FIGURES]),
        next_steps=tuple(find_next_steps(annotated, picked, actors)[:MAX_NEXT_STEPS]),
        source=Source(
            name=doc.source or doc.id or "stdin",
            words=doc.word_count,
            author=doc.author,
            published=doc.published,
        ),
    )
    return fit_page(briefing, limit=None if options.words or options.sentences else PAGE_WORDS)


def choose_summary(doc: Document, order: list[int], options: Options) -> list[int]:
    """The summary's sentence indices, best first, by sentence count or word budget."""
    if options.sentences is not None:
        return order[: options.sentences]
    if options.words is not None:
        return within_words(doc, order, options.words)
    return order[:DEFAULT_SENTENCES]


def balanced_quotes(text: str) -> str:
    """Text without its double quotes when they do not pair up (a clause cut from a quote)."""
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return re.sub(r'["“”]', "", text)
    return text


def within_words(doc: Document, order: list[int], budget: int) -> list[int]:
    """Best sentences that fit in `budget` words; always at least one."""
    chosen: list[int] = []
    used = 0
    for i in order:
        n = len(doc.sentences[i].text.split())
        if chosen and used + n > budget:
            continue
        chosen.append(i)
        used += n
    return chosen


def headline(sentence: str) -> str:
    """A short headline from a sentence: its first clauses, at most TITLE_WORDS words.

    Clauses are added until the headline says something: "Since January 2015" alone does not.
    """
    clauses = re.split(r"(?<=[,;:–—])\s|\s(?=[-–—]\s)", sentence)
    clause = ""
    for part in clauses:
        clause = f"{clause} {part}".strip()
        if len(clause.split()) >= HEADLINE_MIN_WORDS:
            break
    clause = balanced_quotes(clause.strip(" .,;:-–—\"'“”"))
    ws = clause.split()
    text = " ".join(ws[:TITLE_WORDS]) + ("…" if len(ws) > TITLE_WORDS else "")
    return text[:1].upper() + text[1:]


def fit_page(briefing: Briefing, limit: int | None) -> Briefing:
    """Drop the least important items until the rendered briefing fits in `limit` words."""
    words = len(to_markdown(briefing).split())
    while limit is not None and words > limit and (shorter := _drop_one(briefing)):
        briefing = shorter
        words = len(to_markdown(briefing).split())
    return replace(briefing, source=replace(briefing.source, briefing_words=words))


# Least important first: the tail of next steps, figures, actors, then summary sentences.
# Every section keeps two items (the summary one) before any section is emptied.
DROP_ORDER = ("next_steps", "figures", "actors", "summary")
DROP_FLOORS = (
    {"next_steps": 2, "figures": 2, "actors": 2, "summary": 1},
    {"next_steps": 0, "figures": 0, "actors": 0, "summary": 1},
)


def _drop_one(b: Briefing) -> Briefing | None:
    for floors in DROP_FLOORS:
        for name in DROP_ORDER:
            items = getattr(b, name)
            if len(items) > floors[name]:
                return replace(b, **{name: items[:-1]})
    return None
