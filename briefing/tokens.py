"""The token, the annotated sentence and the name mention: the units of the annotated document
that every stage reads many times over (briefing.annotate and the name finder make them); and
the count of words as a reader counts them.

Classes of their own module so that the compiled build makes them native classes: a long
document has hundreds of thousands of tokens, and a native object is built in one step and its
fields are read directly, where a named tuple took four allocations to build and a dataclass a
dictionary lookup (or a Python-level property call) for every field read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, final

if TYPE_CHECKING:
    from briefing.model import Sentence

Shape = Literal["word", "capitalised", "upper", "number", "punct"]
# A name mention's kind; "" while only the document's other mentions can tell.
MentionKind = Literal["person", "organization", "country", "group", "place", ""]


@final
class Token:
    """One token of a sentence, or a written word made of several; offsets are into the
    sentence's text. Read-only by convention (the type checker holds code to it)."""

    __slots__ = ("end", "lower", "shape", "start", "terms", "text")

    def __init__(
        self, text: str, lower: str, shape: Shape, terms: tuple[str, ...], start: int, end: int
    ) -> None:
        self.text: Final = text
        self.lower: Final = lower
        self.shape: Final[Shape] = shape
        self.terms: Final = terms  # ranking terms: stems of the content words it holds
        self.start: Final = start
        self.end: Final = end

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.shape}, {self.start}:{self.end})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.text, self.shape, self.terms, self.start, self.end) == (
            other.text,
            other.shape,
            other.terms,
            other.start,
            other.end,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


@final
class AnnotatedSentence:
    """A sentence read once: its tokens, and its written words (tokens joined where glued).
    Read-only by convention, like the sentence it holds."""

    __slots__ = ("doc", "index", "paragraph", "sentence", "text", "tokens", "words")

    def __init__(
        self, sentence: Sentence, tokens: tuple[Token, ...], words: tuple[Token, ...]
    ) -> None:
        self.sentence: Final = sentence
        self.tokens: Final = tokens  # "Jean", "-", "Michel", "12", "th", "Russia", "'s"
        self.words: Final = words  # "Jean-Michel", "12th", "Russia", "'s", "Det."
        # The sentence's own fields, copied (it is frozen): read without going through it.
        self.text: Final[str] = sentence.text
        self.index: Final[int] = sentence.index
        self.paragraph: Final[int] = sentence.paragraph
        self.doc: Final[str] = sentence.doc

    def __repr__(self) -> str:
        return f"AnnotatedSentence({self.sentence!r}, {len(self.tokens)} tokens)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AnnotatedSentence):
            return NotImplemented
        return (self.sentence, self.tokens, self.words) == (
            other.sentence,
            other.tokens,
            other.words,
        )

    def __hash__(self) -> int:
        return hash((self.sentence, self.tokens))


# Not frozen: a frozen dataclass is built through object.__setattr__, field by field, and the
# name finder makes thousands of mentions per batch (a compiled one is built in a tenth of the
# time). Read-only by convention: a changed mention is a new one (dataclasses.replace).
@dataclass(unsafe_hash=True)
class Mention:
    """One name found in one sentence by the name finder, before mentions become actors."""

    text: str  # verbatim span of the sentence
    words: tuple[str, ...]
    sentence: int
    kind: MentionKind
    start: int = 0  # character offsets of `text` in the sentence
    end: int = 0
    role: str | None = None  # the title or role words next to the name
    affiliation: str | None = None
    country: str | None = None  # the country this mention names, if any
    link_only: bool = False  # a demonym or capital: counts for a country already named
    person: bool = False  # a title, honorific or role says this is a person
    locative: bool = False  # after "in", "at" ...: a location of events
    position: int = 0  # index in the sentence's words


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space holding a letter or a digit (a list
    dash, a heading mark or a lone "—" is none), so that an article and its briefing, Markdown
    marks and all, are counted alike. Compiled, a loop over the runs takes under half the time
    of a pattern finding the runs that are no words (it is tried at every character)."""
    n = 0
    for run in text.split():
        if any(c.isalnum() for c in run):  # most runs: at their first character
            n += 1
    return n
