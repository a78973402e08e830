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
_VARS = PunktLanguageVars()
_WORD_TOKENIZER = regex.compile(
    _VARS._word_tokenize_fmt
    % {
        "NonWord": _VARS._re_non_word_chars,
        "MultiChar": _VARS._re_multi_char_punct,
        "WordStart": _VARS._re_word_start,
    },
    re.UNICODE | re.VERBOSE,
)
_PERIOD_CONTEXT = regex.compile(
    _VARS._period_context_fmt
    % {"NonWord": _VARS._re_non_word_chars, "SentEndChars": _VARS._re_sent_end_chars},
    re.UNICODE | re.VERBOSE,
)


class LanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English punctuation, its three patterns compiled once, unguarded."""

    re_boundary_realignment = regex.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self) -> Any:
        return _WORD_TOKENIZER

    def period_context_re(self) -> Any:
        return _PERIOD_CONTEXT


class Token(PunktToken):  # type: ignore[misc]
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
