"""What a word's written form says: a capitalised name word, an acronym, a modifier."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import Final

from briefing.actors.lexicon import Lexicon
from briefing.model import Token

ACRONYM: Final = re.compile(r"(?:[A-Z]{2,6}|(?:[A-Z]\.){2,})")


@cache
def is_acronym(word: str) -> bool:
    return ACRONYM.fullmatch(word) is not None


@cache
def is_name_word(word: str) -> bool:
    """Capitalized in every hyphen part ("Jean-Michel"), so "Kremlin-backed" is not one."""
    if "-" not in word:
        return word[:1].isupper()
    return all(part[:1].isupper() for part in word.split("-") if part)


def is_capital(word: str) -> bool:
    """A capitalised word that may be part of a name (a letter first)."""
    return is_name_word(word) and word[:1].isalpha()


def is_number(word: str) -> bool:
    return word[:1].isdigit() and word.replace(",", "").replace(".", "").isdigit()


def hyphen_names(word: str) -> list[tuple[int, str]]:
    """(offset, part): capitalized parts of a compound ("non-NATO" -> NATO)."""
    if "-" not in word or is_name_word(word):
        return []  # most words: no hyphen
    out, at = [], 0
    for part in word.split("-"):
        if part[:1].isupper() and len(part) > 1:
            out.append((at, part))
        at += len(part) + 1
    return out


def word_at(toks: Sequence[Token], offset: int) -> int:
    """Index of the first word of a sentence that starts at or after character `offset`."""
    return bisect_left([t.start for t in toks], offset)


def first_word(toks: Sequence[Token]) -> int:
    """Index of the first word of a sentence (after opening quotes or brackets)."""
    for i, t in enumerate(toks):
        if t.text[:1].isalnum():
            return i
    return -1


def is_modifier(lx: Lexicon, word: str) -> bool:
    """A lower-case word that can modify a role noun: not a function word, not a verb form."""
    if "-" in word and not is_name_word(word):
        return True  # "Kremlin-backed", "68th-ranked"
    if not word[:1].islower() or word in lx.function_words or word in lx.role_verbs:
        return False
    return word.isalpha() and not word.endswith(lx.non_modifier_endings)


def contains_words(text: str, words: str) -> bool:
    """Is `words` in `text`, not as part of a longer word?"""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and is_word_char(text[at - 1])) and not is_word_char(text[end : end + 1]):
            return True
        at = text.find(words, at + 1)
    return False


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"
