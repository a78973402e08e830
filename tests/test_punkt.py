"""Punkt without NLTK's per-call time guard: the same spans as NLTK's Punkt, none of its guard."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from briefing.lang import load_language
from briefing.punkt import sentence_tokenizer
from briefing.text import _punkt

ROOT = Path(__file__).resolve().parents[1]

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


def python(code: str) -> list[str]:
    """What a fresh Python process running `code` prints, as words."""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_a_briefing_loads_punkt_without_the_rest_of_nltk() -> None:
    # nltk's package __init__ imports its parsers, corpora and metrics: most of a briefing
    # process's start-up, none of it needed.
    code = (
        "import sys, briefing\n"
        "briefing.brief_file('samples/earthquake.txt')\n"
        "print(*sorted(m for m in sys.modules if m.startswith('nltk')))\n"
    )
    loaded = python(code)
    assert "nltk.tokenize.punkt" in loaded
    assert not {"nltk.parse", "nltk.corpus", "nltk.metrics", "nltk.tokenize.treebank"} & set(loaded)


def test_nltk_is_whole_for_code_that_imports_it_after_briefing() -> None:
    code = (
        "import briefing, importlib.metadata\n"
        "import nltk.data  # a submodule first: NLTK's own import order must hold\n"
        "import nltk\n"
        "from nltk.tokenize import wordpunct_tokenize\n"
        "import nltk.tokenize.punkt as punkt\n"
        "print(nltk.__version__ == importlib.metadata.version('nltk'),"
        " punkt.PunktSentenceTokenizer is nltk.PunktSentenceTokenizer,"
        " nltk.tokenize.punkt is punkt, type(nltk.corpus).__name__, callable(nltk.data.load),"
        " *nltk.wordpunct_tokenize('Hi, you'), *wordpunct_tokenize('a-b'))\n"
    )
    assert python(code) == [
        "True",
        "True",
        "True",
        "LazyModule",
        "True",
        "Hi",
        ",",
        "you",
        "a",
        "-",
        "b",
    ]


def test_briefing_works_when_nltk_was_imported_first() -> None:
    code = (
        "import nltk, sys, briefing\n"
        "b = briefing.brief_file('samples/earthquake.txt')\n"
        "print(len(b.summary) > 0, 'nltk.parse' in sys.modules)\n"
    )
    assert python(code) == ["True", "True"]


def test_punkt_is_imported_as_nltk_ships_it_when_its_packages_cannot_wait() -> None:
    # Should NLTK's layout change (here: nltk.tokenize is not found as a package), briefing
    # falls back to the plain import, and NLTK is whole from the start.
    code = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "def missing(name, *args):\n"
        "    return None if name == 'nltk.tokenize' else real(name, *args)\n"
        "importlib.util.find_spec = missing\n"
        "import briefing\n"
        "importlib.util.find_spec = real\n"
        "b = briefing.brief_file('samples/earthquake.txt')\n"
        "import nltk\n"
        "print(len(b.summary) > 0, 'nltk.parse' in sys.modules,"
        " callable(nltk.wordpunct_tokenize))\n"
    )
    assert python(code) == ["True", "True", "True"]
