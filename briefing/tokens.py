"""The token and the annotated sentence: the units of the annotated document that every stage
reads many times over (briefing.annotate makes them).

Classes of their own module so that the compiled build makes them native classes: a long
document has hundreds of thousands of tokens, and a native object is built in one step and its
fields are read directly, where a named tuple took four allocations to build and a dataclass a
dictionary lookup (or a Python-level property call) for every field read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, final

if TYPE_CHECKING:
    from briefing.model import Sentence

Shape = Literal["word", "capitalised", "upper", "number", "punct"]


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
