"""Typed data passed between the pipeline stages.

Every object is a frozen dataclass. Sentences carry the id of the document they come from, so a
briefing built from several documents can always say where each line came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from briefing.errors import BriefingError
from briefing.tokens import AnnotatedSentence as AnnotatedSentence
from briefing.tokens import Mention as Mention
from briefing.tokens import MentionKind as MentionKind
from briefing.tokens import Shape as Shape
from briefing.tokens import Token as Token
from briefing.tokens import count_words as count_words

if TYPE_CHECKING:
    from briefing.lang import Language

__all__ = ["BriefingError"]

ActorKind = Literal["person", "organization", "country", "group", "place"]


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

    @cached_property  # counted for the source line, the short-input checks and the page fit
    def word_count(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class SummaryLine:
    text: str
    sentence: int
    doc: str = ""
    # A briefing of several documents: the ids of the documents that report this line's fact,
    # its own `doc` first. Empty for a briefing of one document.
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None
    mentions: int = 1
    aliases: tuple[str, ...] = ()
    sentences: tuple[int, ...] = ()
    score: float = 0.0

    @property
    def context(self) -> bool:
        """Whether this is a country, organisation or place with no role: the setting of a
        story more than one of its people, which a briefing names on one compact line."""
        return self.kind in CONTEXT_KINDS and not self.role and not self.affiliation


CONTEXT_KINDS = frozenset({"country", "organization", "place"})


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
    # What a reader should know about the input: too short to be an article, several stories.
    warnings: tuple[str, ...] = ()
    recognizer: str = "rules"  # the name finder: "rules", or "spacy <pipeline> <version>"
    # A briefing of several documents (briefing.story): the documents, whose ids the `doc`
    # fields name, and the quantities and dates they report differently. Empty for one document.
    sources: tuple[StorySource, ...] = ()
    differences: tuple[Difference, ...] = ()


@dataclass(frozen=True)
class StorySource:
    """One document of a briefing of several: `id` is the number its markers show."""

    id: str
    name: str  # file name, URL or the record's source
    words: int
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date when known


@dataclass(frozen=True)
class Reported:
    """A value of a quantity (or a date) as one document reports it."""

    text: str  # verbatim from the document
    doc: str
    sentence: int
    value: float | None = None  # a quantity's value; None for a date


@dataclass(frozen=True)
class Difference:
    """One quantity or date that the documents report with different values."""

    what: str  # what is counted or dated, in the documents' words
    values: tuple[Reported, ...]  # one a document, at least two different values


# ---------------------------------------------------------------- the annotated document
@dataclass(frozen=True)
class AnnotatedDocument:
    """The document every stage after reading works on: sentences, tokens and name mentions
    made once, and the language whose data the stages read."""

    document: Document
    language: Language
    sentences: tuple[AnnotatedSentence, ...]
    mentions: tuple[Mention, ...] = ()

    @cached_property
    def terms(self) -> tuple[tuple[str, ...], ...]:
        """Each sentence's stemmed content words, as the rankers compare sentences."""
        from briefing.annotate import sentence_terms

        return tuple(sentence_terms(s) for s in self.sentences)

    @cached_property
    def title_terms(self) -> frozenset[str]:
        """The title's stemmed content words (none without a title), read as the sentences'."""
        from briefing.annotate import text_terms

        return text_terms(self.title or "", self.language)

    @cached_property
    def mentions_by_sentence(self) -> tuple[tuple[Mention, ...], ...]:
        found: list[list[Mention]] = [[] for _ in self.sentences]
        for m in self.mentions:
            found[m.sentence].append(m)
        return tuple(tuple(ms) for ms in found)

    @property
    def title(self) -> str | None:
        return self.document.title
