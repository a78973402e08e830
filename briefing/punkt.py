"""NLTK's Punkt sentence splitter, its patterns run without NLTK's per-call time limit.

Since 3.9, NLTK compiles every pattern with the `regex` engine and wraps each call in a
Python-level time guard, against patterns a caller supplies. Punkt's patterns are its own,
fixed and linear, and the wrapper cost about 40% of Punkt's time here. These classes compile
the same pattern texts with the same engine and flags, so the spans are Punkt's own; should a
later NLTK rename what they override, Punkt simply runs as NLTK ships it.
"""

from __future__ import annotations

import re
from typing import Any

import regex
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

_NON_PUNCT = regex.compile(r"[^\W\d]", re.UNICODE)


class LanguageVars(PunktLanguageVars):
    """Punkt's English punctuation, its three patterns compiled once, unguarded."""

    __slots__ = ()

    re_boundary_realignment = regex.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self) -> Any:
        try:
            return self._re_word_tokenizer
        except AttributeError:
            parts = {
                "NonWord": self._re_non_word_chars,
                "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start,
            }
            pattern = self._word_tokenize_fmt % parts
            self._re_word_tokenizer = regex.compile(pattern, re.UNICODE | re.VERBOSE)
            return self._re_word_tokenizer

    def period_context_re(self) -> Any:
        try:
            return self._re_period_context
        except AttributeError:
            parts = {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars}
            pattern = self._period_context_fmt % parts
            self._re_period_context = regex.compile(pattern, re.UNICODE | re.VERBOSE)
            return self._re_period_context


class Token(PunktToken):
    """Punkt's token, its shape patterns compiled once, unguarded."""

    __slots__ = ()

    _RE_ELLIPSIS = regex.compile(PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = regex.compile(PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = regex.compile(PunktToken._RE_INITIAL.pattern, re.UNICODE)
    _RE_ALPHA = regex.compile(PunktToken._RE_ALPHA.pattern, re.UNICODE)

    @property
    def is_non_punct(self) -> Any:
        return _NON_PUNCT.search(self.type)


def sentence_tokenizer(params: PunktParameters) -> PunktSentenceTokenizer:
    """Punkt with the given parameters (abbreviations, sentence starters)."""
    return PunktSentenceTokenizer(params, lang_vars=LanguageVars(), token_cls=Token)
