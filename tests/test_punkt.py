"""Punkt without NLTK's per-call time guard: the same spans as NLTK's Punkt, none of its guard."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from briefing.lang import load_language
from briefing.punkt import sentence_tokenizer
from briefing.text import _punkt

# Made-up fragments around Punkt's decisions: abbreviations, initials, numbers, ellipses,
# quotes and brackets after a full stop, other sentence ends, odd spaces.
PIECES = [
    "Dr.",
    "Mr. Lee",
    "J. R.",
    "U.S.",
    "3.5",
    "No. 4",
    "Jan.",
    "etc.",
    "...",
    ". . .",
    "end.",
    'end."',
    "end.)",
    "end.’",
    "Why?",
    "Stop!",
    "--",
    "said",
    "The",
    "she",
    "Ötzi",
    "1990s.",
    "\u00a0",
    "\n",
    "\t",
    "\x1c",
    "e\u0301.",
]
TEXTS = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.text(alphabet=st.characters(exclude_categories=["Cs"])),
)


def params() -> PunktParameters:
    return _punkt(load_language("en"))._params


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_spans_are_nltk_punkts(text: str) -> None:
    shipped = PunktSentenceTokenizer(params())
    assert list(sentence_tokenizer(params()).span_tokenize(text)) == list(
        shipped.span_tokenize(text)
    )


def test_no_guarded_pattern_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a later NLTK renamed what briefing.punkt overrides, its guard would be back in every
    call (and Punkt half as fast again): this fails then."""
    redos = pytest.importorskip("nltk.redos")

    def guarded(*args: object, **kwargs: object) -> None:
        raise AssertionError("a time-guarded NLTK pattern ran")

    for name in ("match", "search", "findall", "finditer", "sub", "split", "fullmatch"):
        monkeypatch.setattr(redos.TimedPattern, name, guarded)
    text = 'Dr. J. R. Lee met Mr. Ng... "It works." Then (at 3 p.m.) they left! Why? No. 4 won.'
    spans = list(sentence_tokenizer(params()).span_tokenize(text))
    assert len(spans) > 2
