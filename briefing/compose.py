"""Pick and order what goes on the one-page briefing. The page budget lives here."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.actors import find_actors
from briefing.figures import find_figures
from briefing.model import Briefing, BriefingError, Document, Source, SummaryLine
from briefing.outlook import find_next_steps
from briefing.rank import rank, slow_warning

MAX_ACTORS = 8
MAX_FIGURES = 8
MAX_NEXT_STEPS = 5
DEFAULT_SENTENCES = 4
PAGE_WORDS = 450  # the whole default briefing fits on one page
TITLE_WORDS = 12
HEADLINE_MIN_WORDS = 6


@dataclass(frozen=True)
class Options:
    algorithm: str = "default"
    sentences: int | None = None  # summary length in sentences ...
    words: int | None = None  # ... or in words; sentences win when both are given


def make_briefing(doc: Document, options: Options | None = None) -> Briefing:
    """Build the briefing of one document."""
    options = options or Options()
    if not doc.sentences:
        raise BriefingError("no sentence found in the input")
    order = rank(doc, options.algorithm)
    chosen = choose_summary(doc, order, options)
    picked = set(chosen)
    briefing = Briefing(
        title=doc.title or headline(doc.sentences[order[0]].text),
        bottom_line=doc.sentences[order[0]].text,
        summary=tuple(
            SummaryLine(doc.sentences[i].text, i, doc.sentences[i].doc) for i in sorted(chosen)
        ),
        actors=tuple(find_actors(doc, picked)[:MAX_ACTORS]),
        figures=tuple(find_figures(doc, picked)[:MAX_FIGURES]),
        next_steps=tuple(find_next_steps(doc, picked)[:MAX_NEXT_STEPS]),
        source=Source(
            name=doc.source or doc.id or "stdin",
            words=doc.word_count,
            author=doc.author,
            published=doc.published,
        ),
    )
    return fit_page(briefing, limit=None if options.words or options.sentences else PAGE_WORDS)


def warning_for(doc: Document, options: Options) -> str | None:
    """A warning the CLI prints before a slow run, or None."""
    return slow_warning(options.algorithm, doc)


def choose_summary(doc: Document, order: list[int], options: Options) -> list[int]:
    """The summary's sentence indices, best first, by sentence count or word budget."""
    if options.sentences is not None:
        if options.sentences < 1:
            raise BriefingError("--sentences must be at least 1")
        return order[: options.sentences]
    if options.words is not None:
        if options.words < 1:
            raise BriefingError("--words must be at least 1")
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
    from briefing.render import to_markdown

    briefing = replace(briefing, source=replace(briefing.source, briefing_words=0))
    while limit is not None and len(to_markdown(briefing).split()) > limit:
        shorter = _drop_one(briefing)
        if shorter is None:
            break
        briefing = shorter
    words = len(to_markdown(briefing).split())
    return replace(briefing, source=replace(briefing.source, briefing_words=words))


def _drop_one(b: Briefing) -> Briefing | None:
    # Least important first: the tail of next steps, figures, actors, then summary sentences.
    for name in ("next_steps", "figures", "actors", "summary"):
        items = getattr(b, name)
        keep = 1 if name == "summary" else 0
        if len(items) > max(keep, 2 if name != "summary" else 1):
            return replace(b, **{name: items[:-1]})
    for name in ("next_steps", "figures", "actors"):
        if getattr(b, name):
            return replace(b, **{name: getattr(b, name)[:-1]})
    return None
