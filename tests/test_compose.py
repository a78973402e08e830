"""Composing the page: the title made when an article has none, and the summary length."""

from __future__ import annotations

import pytest

from briefing.compose import TITLE_WORDS, headline


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Floods closed the main road to the port on Monday.",
            "Floods closed the main road to the port on Monday",
        ),
        (
            "Since January 2015, every month has set a record in strandings, officials said.",
            "Since January 2015, every month has set a record in strandings",
        ),
        (
            "The council voted to close the bridge, the mayor said.",
            "The council voted to close the bridge",
        ),
        (
            '"We will rebuild," the governor said after the storm.',
            "We will rebuild, the governor said after the storm",
        ),
    ],
)
def test_headline_takes_clauses_until_it_says_something(sentence: str, title: str) -> None:
    assert headline(sentence) == title


def test_headline_is_short_and_capitalized() -> None:
    long = "the " + " ".join(f"word{i}" for i in range(40)) + "."
    made = headline(long)
    assert len(made.split()) == TITLE_WORDS
    assert made.endswith("…")
    assert made[0] == "T"
