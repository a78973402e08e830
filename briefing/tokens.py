"""The token: the smallest unit of the annotated document (briefing.annotate makes them).

A class of its own module so the compiled build makes it a native class: a long document has
hundreds of thousands of tokens, and a native object is built in one step and its fields are
read directly, where a named tuple took four allocations to build and a lookup per field.
"""

from __future__ import annotations

from typing import Final, Literal, final

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
