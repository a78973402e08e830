"""Sentence splitting: one edge case a test, then robustness (words: test_annotate.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.text import (
    DOTS,
    ELLIPSIS,
    make_document,
    paragraphs,
    split_sentences,
    strip_dateline,
)


def sentences(text: str) -> list[str]:
    return [s.text for s in make_document(text).sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones in the morning.",
        "Gen. Milley and Sen. Warren spoke to Mrs. Brown.",
        "The U.S. and the U.K. agreed with the U.N. on it.",
        "Acme Inc. and Foo Ltd. signed the deal.",
        "The talks start at 9 a.m. and end at 4 p.m. on Monday.",
        "It was signed on Jan. 5 and published on Feb. 6 by Prof. Ng.",
        "The St. Louis team beat the Washington Co. side.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert sentences(f"{text} A second sentence follows.") == [text, "A second sentence follows."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She works at Foo Ltd. The firm grew.", ["She works at Foo Ltd.", "The firm grew."]),
        ("It ends at 4 p.m. The next one starts.", ["It ends at 4 p.m.", "The next one starts."]),
        ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
    ],
)
def test_abbreviation_at_the_end_of_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_initials_with_spaces() -> None:
    assert sentences("J. K. Rowling wrote it. Then she rested.") == [
        "J. K. Rowling wrote it.",
        "Then she rested.",
    ]


def test_initials_without_spaces() -> None:
    assert sentences("A book by J.K. Rowling sold well. It was long.") == [
        "A book by J.K. Rowling sold well.",
        "It was long.",
    ]


def test_decimals_and_money() -> None:
    text = "Sales were $1.5bn this year. Profit rose 3.5% to £2.5m. Costs fell 0.7 points."
    assert sentences(text) == [
        "Sales were $1.5bn this year.",
        "Profit rose 3.5% to £2.5m.",
        "Costs fell 0.7 points.",
    ]


def test_quote_closing_after_a_comma() -> None:
    assert sentences('"We will win," he said. They lost.') == [
        '"We will win," he said.',
        "They lost.",
    ]


def test_quote_closing_after_the_full_stop() -> None:
    assert sentences('"We will win." She left.') == ['"We will win."', "She left."]


def test_curly_quote_closing_after_the_full_stop() -> None:
    assert sentences("“We will win.” She left.") == ["“We will win.”", "She left."]


def test_question_and_exclamation_marks() -> None:
    assert sentences("Why now? Nobody knows! It happened.") == [
        "Why now?",
        "Nobody knows!",
        "It happened.",
    ]


def test_question_inside_a_quote() -> None:
    assert sentences('He asked "Why?" Nobody answered.') == ['He asked "Why?"', "Nobody answered."]


@pytest.mark.parametrize("dots", ["...", "…", ". . ."])
def test_ellipsis_before_a_capital_ends_a_sentence(dots: str) -> None:
    assert sentences(f"He paused{dots} Then he went on.") == [
        f"He paused{dots}",
        "Then he went on.",
    ]


@pytest.mark.parametrize("dots", ["...", "…", ". . ."])
def test_ellipsis_before_lower_case_does_not(dots: str) -> None:
    assert sentences(f"He paused{dots} and went on.") == [f"He paused{dots} and went on."]


def test_headline_without_a_full_stop_is_its_own_sentence() -> None:
    text = "Storm closes schools across the north\nSchools shut on Monday. They reopen soon."
    assert sentences(text) == [
        "Storm closes schools across the north",
        "Schools shut on Monday.",
        "They reopen soon.",
    ]


def test_bullet_lines_are_sentences_with_their_markers() -> None:
    # Markers are kept with their item now: the splitter loses no text (was: markers dropped).
    text = "The plan has three parts:\n- new lanes\n* more buses\n1. cheaper fares\nIt starts soon."
    assert sentences(text) == [
        "The plan has three parts:",
        "- new lanes",
        "* more buses",
        "1. cheaper fares",
        "It starts soon.",
    ]


def test_markdown_heading_is_a_sentence_without_its_hashes() -> None:
    assert sentences("## What the plan contains\nIt has three parts.") == [
        "What the plan contains",
        "It has three parts.",
    ]


def test_paragraph_breaks_end_sentences_and_number_paragraphs() -> None:
    doc = make_document("First paragraph here\n\nSecond paragraph here.\n\n\nThird one.")
    assert [(s.text, s.paragraph) for s in doc.sentences] == [
        ("First paragraph here", 0),
        ("Second paragraph here.", 1),
        ("Third one.", 2),
    ]


def test_hard_wrapped_line_continued_in_lower_case_is_joined() -> None:
    assert sentences("This line was hard\nwrapped in the middle. Next one.") == [
        "This line was hard wrapped in the middle.",
        "Next one.",
    ]


def test_hard_wrapped_line_ending_in_a_function_word_is_joined() -> None:
    assert sentences("Officials met with the\nPrime Minister on Monday. It was short.") == [
        "Officials met with the Prime Minister on Monday.",
        "It was short.",
    ]


def test_hard_wrapped_paragraph_of_long_lines_is_joined() -> None:
    text = (
        "The council said on Monday that the new bridge over the river\n"
        "would open in the spring, two years later than it had promised\n"
        "Residents were told about the delay at a meeting. It was tense."
    )
    assert sentences(text)[0].startswith("The council said on Monday that the new bridge over")
    assert len(sentences(text)) == 2


def test_cnn_dateline_glued_to_the_first_word() -> None:
    assert sentences("(CNN)The Palestinian Authority joined the court. It did so on Thursday.") == [
        "The Palestinian Authority joined the court.",
        "It did so on Thursday.",
    ]


def test_cnn_dateline_with_place_and_dashes() -> None:
    assert strip_dateline("LONDON, England (CNN) -- The rain fell.") == "The rain fell."
    assert sentences("LONDON, England (CNN) -- The rain fell. It stopped.") == [
        "The rain fell.",
        "It stopped.",
    ]


def test_windows_line_endings() -> None:
    doc = make_document("Title line\r\nLine one.\r\nLine two.\r\n\r\nPara two.\r\n")
    assert [s.text for s in doc.sentences] == ["Title line", "Line one.", "Line two.", "Para two."]
    assert not any("\r" in s.text for s in doc.sentences)


def test_sentence_indices_count_across_paragraphs() -> None:
    doc = make_document("One. Two.\n\nThree.", id="d1")
    assert [(s.index, s.doc) for s in doc.sentences] == [(0, "d1"), (1, "d1"), (2, "d1")]


def test_paragraphs_keep_a_headline_apart_from_the_body() -> None:
    assert paragraphs("Big news today\nThe body starts here.") == [
        "Big news today",
        "The body starts here.",
    ]


def test_split_sentences_of_empty_text() -> None:
    assert split_sentences("   ") == []


@pytest.mark.parametrize("dots", ["...", "…", ". . ."])
def test_ellipsis_next_to_the_other_kind(dots: str) -> None:
    # A text with both kinds is masked with ELLIPSIS, one with dots only with DOTS.
    assert sentences(f"He paused{dots} Then he went on… and on. . . Done.") == [
        f"He paused{dots}",
        "Then he went on… and on. . .",
        "Done.",
    ]


@settings(max_examples=700, deadline=None)
@given(st.text(alphabet=". .\t\u00a0\u2009a", max_size=30))
def test_dots_finds_the_ellipses_of_text_without_the_ellipsis_character(text: str) -> None:
    # The fast pattern must find exactly the same dot runs as the full one.
    spans = [m.span() for m in DOTS.finditer(text)]
    assert spans == [m.span() for m in ELLIPSIS.finditer(text)]


@settings(max_examples=700, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")))
def test_one_line_text_is_one_paragraph_as_in_the_general_path(text: str) -> None:
    # A trailing line break sends the same text through the line-joining loop.
    assert paragraphs(text) == paragraphs(text + "\n") == ([text.strip()] if text.strip() else [])


def alnum_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


@settings(max_examples=700, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400))
def test_any_text_splits_in_order_and_covers_every_word(text: str) -> None:
    doc = make_document(text)
    body = strip_dateline(text)
    pos = 0
    for s in doc.sentences:
        assert s.text and s.text == s.text.strip()
        for w in s.text.split():
            found = body.find(w, pos)
            assert found >= 0, (w, s.text)  # sentence words appear, in order, in the input
            pos = found + len(w)
    joined = " ".join(s.text for s in doc.sentences)
    expected = alnum_words(HEADINGS_AND_BULLETS.sub("", body.replace("\r", "\n")))
    assert alnum_words(joined) == expected


# Only a heading's "#" marks are dropped; list markers are kept with their item.
HEADINGS_AND_BULLETS = re.compile(r"(?m)^[ \t\f\v]*#{1,6}[ \t\f\v]+")


@settings(max_examples=700, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr.",
                "Dr.",
                "U.S.",
                "J.",
                "K.",
                "3.5%",
                "$1.5bn",
                "...",
                "…",
                '"',
                "?",
                "!",
                "said",
                "The",
                "he",
                "Inc.",
                "p.m.",
                "\n",
                "\n\n",
                "- ",
                "(CNN)",
                "word",
                ".",
            ]
        ),
        max_size=40,
    )
)
def test_news_like_token_soup_never_loses_words(parts: list[str]) -> None:
    text = " ".join(parts)
    doc = make_document(text)
    joined = " ".join(s.text for s in doc.sentences)
    body = HEADINGS_AND_BULLETS.sub("", strip_dateline(text))
    assert alnum_words(joined) == alnum_words(body)


def test_a_huge_paragraph_is_split_as_if_it_were_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # NLTK times its regular expressions out after 5 s, so a huge paragraph goes to Punkt in
    # pieces cut between sentences; the sentences must be those of the whole paragraph.
    paragraph = " ".join(
        f"Dr. Lee met {n} farmers in the U.S. on Friday. They said so... and left!"
        for n in range(40)
    )
    whole = split_sentences(paragraph)
    monkeypatch.setattr("briefing.text.PIECE", 300)
    assert split_sentences(paragraph) == whole
    assert len(whole) == 80


@settings(max_examples=700)
@given(st.text(alphabet="ab AB.!?", max_size=400))
def test_pieces_lose_no_text(text: str) -> None:
    paragraph = " ".join(text.split())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("briefing.text.PIECE", 40)
        joined = "".join(split_sentences(paragraph)).replace(" ", "")
    assert joined == paragraph.replace(" ", "")
