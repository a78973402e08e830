"""One briefing from several articles on the same story: deduplicated, sourced, differences shown.

from briefing.story import brief_story
b = brief_story(["a.html", "b.txt", "https://example.org/c"])

The documents are joined and read (annotated) once, so actors are merged across sources by the
same name finder as in one article ("Vladimir Putin", "Putin", "Russian President Vladimir
Putin" become one actor). The summary is picked across documents (briefing.story.select): a
fact several sources report comes once, with the sources that carry it; every summary line,
figure and next step keeps the id of its document ("1", "2" ... in the order given), which the
renderers show as markers before a list of the sources. Quantities and dates that the sources
report differently are listed apart (briefing.story.differences).

Order of the summary: by the publication date of the sources when every source has one (what
was reported first comes first), then in the order the documents were given, then in article
order. With some sources undated, no date order can be trusted, so the given order is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from briefing.actors import find_actors
from briefing.annotate import annotate
from briefing.compose import (
    MAX_FIGURES,
    PAGE_WORDS,
    Options,
    check_options,
    collector_paused,
    fit_page,
    headline,
    key_actors,
    name_finder,
)
from briefing.figures import find_figures
from briefing.lang import REFERENCE, load_language
from briefing.model import (
    AnnotatedDocument,
    Briefing,
    BriefingError,
    Document,
    Source,
    StorySource,
    SummaryLine,
)
from briefing.outlook import find_next_steps, shown_steps
from briefing.rank import rank
from briefing.read import is_url, read_document
from briefing.story.combine import join_documents, numbered
from briefing.story.differences import date_differences, figure_differences
from briefing.story.select import Reading, carriers, pick, read_story, story_scores

__all__ = ["brief_story", "make_story_briefing", "read_documents"]

STORY_WORDS = 170  # summary words by default: the sources and differences need room on the page
STORY_SHARE = 4  # ... and at most a quarter of the words of a short story,
STORY_MIN_WORDS = 60  # ... but never fewer than this
MAX_DIFFERENCES = 4


def read_documents(
    inputs: Sequence[str | Document], *, language: str = REFERENCE
) -> tuple[list[Document], list[str]]:
    """The documents of files, URLs, "-" (stdin) or Documents, and one message for each that
    could not be read: a bad document is reported, the others are still briefed."""
    docs: list[Document] = []
    problems: list[str] = []
    for n, item in enumerate(inputs, start=1):
        try:
            doc = item if isinstance(item, Document) else read_document(item, language=language)
        except BriefingError as err:
            problems.append(f"document {n} left out: {err}")
            continue
        # Numbered by its place among the inputs; its name (file, URL) stays its source.
        docs.append(replace(doc, id=str(n), source=doc.source or doc.id or None))
    return docs, problems


def brief_story(inputs: Sequence[str | Document], options: Options | None = None) -> Briefing:
    """The briefing of several articles: paths, URLs, "-" for stdin, or Documents. One that
    cannot be read is named in the briefing's warnings; none readable is a BriefingError."""
    options = options or Options()
    docs, problems = read_documents(inputs, language=options.language)
    return make_story_briefing(docs, options, problems=problems)


def make_story_briefing(
    docs: Sequence[Document], options: Options | None = None, *, problems: Sequence[str] = ()
) -> Briefing:
    """One briefing of several documents on the same story. `problems` are messages about
    documents that were left out; they become the briefing's warnings."""
    options = options or Options()
    check_options(options)
    usable = [d for d in docs if d.sentences]
    if not usable:
        raise BriefingError("no document with a sentence to brief" + _first(problems))
    with collector_paused():
        return _make_story_briefing(usable, options, tuple(problems))


def _first(problems: Sequence[str]) -> str:
    return f" ({problems[0]})" if problems else ""


def _make_story_briefing(
    docs: list[Document], options: Options, problems: tuple[str, ...]
) -> Briefing:
    sources = story_sources(docs)
    docs = list(numbered(docs))
    language = load_language(options.language)
    find_names, recognizer = name_finder(options)
    annotated = annotate(join_documents(docs), language, find_names)
    reading = read_story(annotated)
    chosen = choose(annotated, reading, options)
    picked = set(chosen)
    actors = find_actors(annotated, picked)
    figures = find_figures(annotated, picked)
    steps = find_next_steps(annotated, picked, actors, chosen[0])
    differences = figure_differences(figures, annotated, reading) + date_differences(
        annotated, reading
    )
    ids = [d.id for d in docs]
    summary = tuple(
        SummaryLine(annotated.sentences[i].text, i, ids[reading.docs[i]], carriers(reading, i, ids))
        for i in sorted(chosen, key=time_order(docs, reading))
    )
    bottom_line = annotated.sentences[chosen[0]].text
    briefing = Briefing(
        title=story_title(docs, int(reading.docs[chosen[0]]), bottom_line),
        bottom_line=bottom_line,
        summary=summary,
        actors=key_actors(actors),
        figures=tuple(figures[:MAX_FIGURES]),
        next_steps=tuple(shown_steps(steps)),
        source=Source(
            name=f"{len(docs)} articles",
            words=sum(d.word_count for d in docs),
            published=min((d.published for d in docs if d.published), default=None),
        ),
        warnings=problems,
        recognizer=recognizer,
        sources=sources,
        differences=tuple(differences[:MAX_DIFFERENCES]),
    )
    return fit_page(briefing, limit=None if options.words or options.sentences else PAGE_WORDS)


def choose(doc: AnnotatedDocument, reading: Reading, options: Options) -> list[int]:
    """The summary's sentences, best first."""
    if options.algorithm == "default":
        scores = story_scores(doc, reading)
    else:  # another ranker's order, with the same deduplication
        order = rank(doc, options.algorithm)
        scores = np.zeros(len(order))
        scores[order] = np.linspace(1.0, 0.0, len(order))
    if options.sentences is not None:
        return pick(scores, reading, None, options.sentences)
    if options.words is not None:
        return pick(scores, reading, options.words, None)
    budget = max(STORY_MIN_WORDS, min(STORY_WORDS, sum(reading.words) // STORY_SHARE))
    return pick(scores, reading, budget, None)


def time_order(docs: Sequence[Document], reading: Reading) -> Callable[[int], tuple[str, int, int]]:
    """Sort key of summary sentences: the source's publication date when every source has
    one, the order the sources were given, the sentence's place in its article."""

    dated = all(d.published for d in docs)

    def key(i: int) -> tuple[str, int, int]:
        n = int(reading.docs[i])
        return ((docs[n].published or "") if dated else "", n, i)

    return key


def story_sources(docs: Sequence[Document]) -> tuple[StorySource, ...]:
    """The list of sources the markers point to, in the order the documents were given."""
    out = []
    for d, numbered_doc in zip(docs, numbered(docs), strict=True):
        number = numbered_doc.id
        name = d.source or (d.id if not d.id.isdecimal() else "") or f"document {number}"
        out.append(
            StorySource(
                id=number,
                name=name,
                words=d.word_count,
                title=d.title,
                url=name if is_url(name) else None,
                published=d.published,
            )
        )
    return tuple(out)


def story_title(docs: Sequence[Document], top: int, bottom_line: str) -> str:
    """The title of the bottom line's source, else the first source's with one, else a
    headline made from the bottom line."""
    titled = [docs[top].title, *(d.title for d in docs)]
    return next((t for t in titled if t), None) or headline(bottom_line)
