"""Typed data passed between the pipeline stages.

Every object is a frozen dataclass. Sentences carry the id of the document they come from, so a
briefing built from several documents can always say where each line came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class BriefingError(Exception):
    """A problem the user can fix (bad input, bad option); the CLI shows it as one line."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document. `index` counts sentences across the whole document."""

    text: str
    index: int
    paragraph: int
    doc: str = ""


@dataclass(frozen=True)
class Document:
    """An article after reading and sentence splitting."""

    text: str
    sentences: tuple[Sentence, ...]
    id: str = ""
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SummaryLine:
    text: str
    sentence: int
    doc: str = ""


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str  # person | organization | country | group | place
    role: str | None = None
    affiliation: str | None = None
    mentions: int = 1
    aliases: tuple[str, ...] = ()
    sentences: tuple[int, ...] = ()
    score: float = 0.0


@dataclass(frozen=True)
class Figure:
    text: str  # verbatim span, qualifier included ("an estimated 150,000 troops")
    value: float | None
    unit: str | None
    context: str  # what the figure counts, in the article's words
    sentence: int
    doc: str = ""
    score: float = 0.0


@dataclass(frozen=True)
class NextStep:
    text: str
    who: str | None
    when: str | None
    sentence: int
    doc: str = ""
    score: float = 0.0


@dataclass(frozen=True)
class Source:
    name: str
    words: int
    briefing_words: int = 0
    author: str | None = None
    published: str | None = None

    @property
    def minutes_saved(self) -> int:
        """Reading time saved at 230 words a minute, a common adult reading speed."""
        return max(0, round((self.words - self.briefing_words) / 230))


@dataclass(frozen=True)
class Briefing:
    title: str
    bottom_line: str
    summary: tuple[SummaryLine, ...]
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    next_steps: tuple[NextStep, ...] = ()
    source: Source = field(default_factory=lambda: Source(name="", words=0))
