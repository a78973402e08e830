"""Word tokenizing, done once in briefing.annotate: tokens, written words, the rankers' words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.annotate import (
    TOKEN,
    WORD_PARTS,
    _terms,
    annotate,
    plain_words,
    ranking_stop_words,
    stemmer,
    tokenize,
    written_words,
)
from briefing.lang import load_language
from briefing.model import count_words
from briefing.text import make_document

ABBREVIATIONS = frozenset({"det", "inc"})


def token_texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def word_texts(text: str) -> list[str]:
    return [w.text for w in written_words(text, tokenize(text), ABBREVIATIONS)]


def test_a_number_is_a_token_apart_from_the_letters_glued_to_it() -> None:
    assert token_texts("Shares fell 79p.") == ["Shares", "fell", "79", "p", "."]


def test_numbers_keep_their_separators() -> None:
    assert token_texts("150,000 people and 3.5%") == ["150,000", "people", "and", "3.5", "%"]


def test_dotted_initials_are_one_token() -> None:
    assert token_texts("The U.S. at 4 p.m.") == ["The", "U.S.", "at", "4", "p.m."]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Jean-Michel won.", "Jean-Michel"),
        ("the 12th race", "12th"),
        ("at AT&T Park", "AT&T"),
        ("Det. Ruiz said", "Det."),
        ("Covid-19 cases", "Covid-19"),
        ("O'Brien left", "O'Brien"),
    ],
)
def test_glued_tokens_are_one_written_word(text: str, word: str) -> None:
    assert word in word_texts(text)


def test_a_full_stop_stays_apart_from_a_word_that_is_no_abbreviation() -> None:
    assert word_texts("He met Ruiz. Then") == ["He", "met", "Ruiz", ".", "Then"]


def test_a_lower_case_abbreviation_keeps_no_full_stop() -> None:
    # Only a capitalised known abbreviation ("Det.") takes the stop; "det." ends a sentence.
    assert word_texts("the det. Then") == ["the", "det", ".", "Then"]


def test_plain_words_read_words_as_sumy_does() -> None:
    # Numbers and punctuation go; an apostrophe or a full stop separates words, as in sumy's
    # own reading, so that the project's rankers and sumy's see the same words.
    text = "Profit rose 3.5% to $2bn, O'Brien's U.S. firm said."
    assert plain_words(text) == [
        "Profit",
        "rose",
        "to",
        "O",
        "Brien",
        "s",
        "U",
        "S",
        "firm",
        "said",
    ]


def test_terms_are_the_stems_of_the_content_parts() -> None:
    sentence = annotate(
        make_document("The 15-year-old runners' coach said O'Brien was racing.")
    ).sentences[0]
    assert [t for w in sentence.words for t in w.terms] == [
        "year-old",
        "runner",
        "coach",
        "brien",
        "race",
    ]


def test_offsets_are_verbatim_slices() -> None:
    text = "Jean-Michel paid $12m to AT&T on the 12th, Det. Ruiz said."
    for t in (*tokenize(text), *written_words(text, tokenize(text), ABBREVIATIONS)):
        assert text[t.start : t.end] == t.text
        assert t.lower == t.text.lower()


def test_annotate_reads_every_sentence_once_with_the_language_abbreviations() -> None:
    doc = make_document("Det. Ruiz met Jean-Michel. They spoke for 20 minutes.")
    annotated = annotate(doc, load_language("en"))
    assert [a.sentence for a in annotated.sentences] == list(doc.sentences)
    first = annotated.sentences[0]
    assert [w.text for w in first.words][:2] == ["Det.", "Ruiz"]
    assert all(first.sentence.text[w.start : w.end] == w.text for w in first.words)


@settings(max_examples=700, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
def test_tokens_never_overlap_and_cover_every_non_space_character(text: str) -> None:
    tokens = tokenize(text)
    covered = [False] * len(text)
    end = 0
    for t in tokens:
        assert t.start >= end and t.end > t.start  # in order, never overlapping, never empty
        assert text[t.start : t.end] == t.text
        covered[t.start : t.end] = [True] * (t.end - t.start)
        end = t.end
    assert all(covered[i] for i, c in enumerate(text) if not c.isspace())
    words = written_words(text, tokens, ABBREVIATIONS)
    assert "".join(w.text for w in words) == "".join(t.text for t in tokens)


# Letters, marks that join or end words, digits that are and are not numbers, and spaces
# of several kinds: what decides where a token ends.
TOKEN_TEXT = st.text(
    alphabet=st.sampled_from(list("aZéß'’s.,-#&1²½_ \t\n\u00a0\u2003\u200b\x1c(\"“[)]”;:!?"))
    | st.characters(),
    max_size=80,
)


@settings(max_examples=1500, deadline=None)
@given(TOKEN_TEXT)
def test_tokens_are_the_patterns_matches_over_the_whole_text(text: str) -> None:
    # tokenize runs the pattern run by run of non-space, and takes a run of letters whole
    # without it: it must find exactly what one pass of the pattern over the text finds.
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == [
        (m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(TOKEN_TEXT)
def test_a_words_terms_are_its_parts_stems_however_it_is_spelled(text: str) -> None:
    # A word of letters only is taken as its own single part, without the pattern.
    language = load_language("en")
    stop, stem = ranking_stop_words(language), stemmer(language)
    for word in [text, *text.split(), "the", "Running", "o'brien", "u.s.", "15-year-old"]:
        lower = word.lower()
        parts = [p for p in WORD_PARTS.findall(lower) if p not in stop]
        assert _terms(lower, stop, stem) == tuple(map(stem, parts))
        assert _terms(lower, stop, None) == tuple(parts)


@given(st.text(alphabet="ab1Ä _-—.*#“’\n\t\u00a0\u2003²", max_size=60))
@settings(max_examples=300, deadline=None)
def test_words_are_counted_as_a_reader_counts_them(text: str) -> None:
    # A run of non-space is a word when it holds a letter or a digit: "—", "*", "_" are none.
    assert count_words(text) == len(re.findall(r"\S*[^\W_]\S*", text))


def test_list_marks_and_dashes_are_not_counted_as_words() -> None:
    assert count_words('## Key figures\n\n- **12** people — said "Yes." *\n') == 6


def test_a_long_run_of_marks_is_counted_in_linear_time() -> None:
    assert count_words("-" * 200_000 + "a " + "— " * 50_000 + "b") == 2
