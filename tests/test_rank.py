"""Rankers: the vectorized LexRank, TextRank and Reduction pick what sumy picks; the default's
rules."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.annotate import annotate
from briefing.model import AnnotatedDocument
from briefing.rank import (
    ALGORITHMS,
    centrality,
    get_ranker,
    rank,
    sentence_scores,
    slow_warning,
    sumy_ranker,
    title_shares,
)
from briefing.text import make_document

# Few words, stop words and inflections among them, so that documents share terms, stems
# collide ("vote", "votes", "voted") and ties are frequent.
WORDS = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "minister",
    "ministers",
    "vote",
    "votes",
    "voted",
    "voting",
    "market",
    "markets",
    "price",
    "prices",
    "rose",
    "fell",
    "police",
    "said",
    "talks",
    "border",
    "troops",
    "army",
    "war",
    "peace",
    "sanctions",
    "bank",
    "rates",
    "city",
]

ARTICLES = [
    "The central bank raised interest rates on Tuesday. Markets fell after the bank's decision. "
    "Analysts said the rates would stay high. The bank will meet again in June. "
    "Shares in banks rose, while the currency fell against the dollar.",
    "Storms hit the coast. Thousands lost power. Power companies said repairs would take days. "
    "The storms are the worst in a decade. Power was back in some towns by Friday.",
    "Talks. Talks again. Talks failed. Talks failed again.",
    "One sentence only, with no others around it.",
]


VECTORIZED = ["lexrank", "textrank", "reduction"]


def annotated(text: str) -> AnnotatedDocument:
    return annotate(make_document(text))


def document(sentences: list[list[str]]) -> AnnotatedDocument:
    return annotated(" ".join(" ".join(s).capitalize() + "." for s in sentences))


def top_sets(order: list[int]) -> list[set[int]]:
    return [set(order[:k]) for k in range(1, len(order) + 1)]


sentence_lists = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=10), min_size=1, max_size=25
)


# sumy divides by zero when no sentence has a content word; the project returns text order.
@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize("name", VECTORIZED)
@settings(max_examples=150, deadline=None)
@given(sentences=sentence_lists)
# Repeated sentences whose summed ratings tie but for the order sumy adds them in.
@example(sentences=[["vote"], ["minister", "the", "the", "vote"], ["vote"], ["vote", "vote"]] * 2)
def test_vectorized_rankers_pick_what_sumy_picks(name: str, sentences: list[list[str]]) -> None:
    doc = document(sentences)
    assert top_sets(get_ranker(name)(doc)) == top_sets(sumy_ranker(name)(doc))


@pytest.mark.parametrize("name", VECTORIZED)
@pytest.mark.parametrize("text", ARTICLES)
def test_vectorized_rankers_pick_what_sumy_picks_on_articles(name: str, text: str) -> None:
    doc = annotated(text)
    assert top_sets(get_ranker(name)(doc)) == top_sets(sumy_ranker(name)(doc))


@pytest.mark.parametrize("name", ["default", "lead", *VECTORIZED])
@settings(max_examples=60, deadline=None)
@given(sentences=sentence_lists)
def test_every_index_is_returned_once(name: str, sentences: list[list[str]]) -> None:
    doc = document(sentences)
    assert sorted(rank(doc, name)) == list(range(len(doc.sentences)))


@pytest.mark.parametrize("name", ALGORITHMS)
def test_one_sentence_document(name: str) -> None:
    assert rank(annotated("Parliament passed the budget on Monday."), name) == [0]


@pytest.mark.parametrize("name", ["default", "lead", "lexrank", "textrank", "reduction"])
def test_duplicate_sentences_document(name: str) -> None:
    doc = annotated("The vote passed. The vote passed. The vote passed.")
    assert sorted(rank(doc, name)) == [0, 1, 2]


def test_default_prefers_a_content_lead_over_a_byline() -> None:
    doc = annotated(
        "By Jane Smith, Political Correspondent.\n\n"
        "The government lost a key vote on its budget plan in parliament on Tuesday, "
        "with 312 members voting against it. "
        "Ministers said they would bring a revised budget plan back to parliament next month. "
        "The opposition leader called the vote a turning point."
    )
    assert rank(doc)[0] == 1


LEAD = "Flooding forced 2,000 people in the river valley to leave their homes on Sunday."
LAST = "Rescue teams from three counties worked through the night to reach the villages."


@pytest.mark.parametrize(
    ("plain", "poor"),
    [
        (
            "The water will go down by Friday, the agency said.",
            "Will the water go down by Friday, the agency asked?",
        ),
        (
            "The mayor said the town had lost its bridge and its school to the river.",
            '"It is a sad day," she said.',
        ),
    ],
)
def test_default_ranks_a_question_or_bare_quote_lower(plain: str, poor: str) -> None:
    def place_of_second(middle: str) -> int:
        return rank(annotated(f"{LEAD} {middle} {LAST}")).index(1)

    assert place_of_second(poor) > place_of_second(plain)


def test_default_prefers_a_later_sentence_that_restates_the_title() -> None:
    body = (
        "Storms flooded the market square of Kingsport on Monday night. "
        "Shopkeepers spent Tuesday morning pumping water from their cellars. "
        "The harbour bridge will close for a year of repairs to its steel frame. "
        "Bus drivers expect longer journeys along the coast road."
    )
    untitled = rank(annotate(make_document(body)))
    titled = rank(annotate(make_document(body, title="Harbour bridge to close for repairs")))
    assert untitled.index(1) < untitled.index(2)
    assert titled.index(2) < titled.index(1)


def test_the_title_repeated_as_a_heading_gets_no_title_share() -> None:
    doc = annotate(
        make_document(
            "AN OPEN LETTER TO THE VALLEY\n\nAn open letter to the valley went out on Monday.",
            title="An open letter to the valley",
        )
    )
    heading, sentence = title_shares(doc).tolist()
    assert heading == 0.0
    assert sentence == 1.0


def test_default_scores_a_quotation_below_the_same_words_reported() -> None:
    said = " the mayor told reporters on Sunday."
    quoted = '"The school will stay shut until the water has gone,"' + said
    reported = "The school will stay shut until the water has gone," + said
    scores = sentence_scores([quoted, reported], [1, 1], np.array([0.5, 0.5]), np.zeros(2))
    assert scores[0] < scores[1]


def test_default_removes_redundancy() -> None:
    lead = "Fire destroyed the old town hall of Riverton early on Saturday, the fire service said."
    doc = annotated(
        f"{lead} {lead.replace('early', 'late')} "
        "Nobody was hurt, but the mayor said the loss of the 1820 building was a blow to the town. "
        "Police are investigating the cause and have asked witnesses to come forward."
    )
    top = rank(doc)[:2]
    assert 0 in top and 1 not in top


def test_every_ranker_is_named_once() -> None:
    from briefing.rank import REGISTRY, SUMY_CLASSES

    assert set(ALGORITHMS) == set(REGISTRY) == {"default", "lead", *SUMY_CLASSES}
    assert len(ALGORITHMS) == len(set(ALGORITHMS))


def test_unknown_ranker_is_a_user_error() -> None:
    from briefing.model import BriefingError

    with pytest.raises(BriefingError, match="unknown algorithm"):
        get_ranker("nonsense")


def test_slow_warning_for_kl_only_on_long_texts() -> None:
    long_doc = annotated(" ".join(f"Sentence number {i} is here." for i in range(400)))
    short_doc = annotated("A short text. It has two sentences.")
    assert slow_warning("kl", long_doc) is not None
    assert slow_warning("kl", short_doc) is None
    assert slow_warning("lexrank", long_doc) is None
    assert slow_warning("textrank", long_doc) is None
    assert slow_warning("default", long_doc) is None


def test_default_prefers_a_sentence_on_the_main_topic_to_an_earlier_tangent() -> None:
    doc = annotated(
        "The city council approved a new budget for the public libraries on Monday. "
        "The weather was mild and many residents spent the afternoon at the beach. "
        "The library budget adds money for longer opening hours and new books at the public "
        "libraries. "
        "Council members said the libraries budget was the largest in a decade. "
        "Librarians welcomed the budget, saying the public libraries had been short of books."
    )
    order = rank(doc)
    assert order[0] == 0
    assert order.index(2) < order.index(1)


def test_default_ranks_every_sentence_of_a_long_text_once() -> None:
    # Speed is measured in bench/rank_speed.py. Like real text, each sentence shares words
    # with a few others, not with all of them.
    text = " ".join(
        f"Item{i % 997} went to budget{i % 991} of town{i % 983} in area{i % 977}."
        for i in range(6400)
    )
    doc = annotated(text)
    order = rank(doc)
    assert len(doc.sentences) == 6400
    assert sorted(order) == list(range(len(doc.sentences)))


def sentence_terms(text: str) -> tuple[tuple[str, ...], ...]:
    return annotated(text).terms


def test_blockwise_products_equal_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = centrality.term_counts(sentence_terms(" ".join(ARTICLES) * 2))
    whole = centrality.gram(counts)
    monkeypatch.setattr(centrality, "BLOCK_CELLS", 7 * counts.n)  # several blocks, one cut
    assert [b - a for a, b in centrality.row_blocks(counts)][:2] == [7, 7]
    assert np.array_equal(centrality.gram(counts), whole)
    dense = np.zeros((counts.n, counts.terms))
    dense[counts.rows, counts.cols] = counts.values
    assert np.array_equal(whole, dense @ dense.T)


@pytest.mark.parametrize("single_word_pair", [True, False])
def test_overlap_centrality_by_length_equals_the_full_matrix(
    monkeypatch: pytest.MonkeyPatch, single_word_pair: bool
) -> None:
    text = " ".join(ARTICLES) * 2 + " Talks. Vote. Talks."  # one-word sentences too
    counts = centrality.term_counts(sentence_terms(text))
    edges = centrality.overlap_edges(counts, single_word_pair)
    full = edges.sum(axis=1) - edges.diagonal()
    monkeypatch.setattr(centrality, "DENSE_LIMIT", 5)  # the long-text path
    monkeypatch.setattr(centrality, "BLOCK_CELLS", 50)  # several chunks of entries
    assert np.allclose(centrality.overlap_centrality(counts, single_word_pair), full)


@pytest.mark.parametrize("dense_limit", [2000, 5])
def test_word_overlap_cosine_rows_match_the_cosine_matrix(
    monkeypatch: pytest.MonkeyPatch, dense_limit: int
) -> None:
    monkeypatch.setattr(centrality, "DENSE_LIMIT", dense_limit)
    counts = centrality.term_counts(sentence_terms(" ".join(ARTICLES)))
    dense = np.zeros((counts.n, counts.terms))
    dense[counts.rows, counts.cols] = counts.values
    unit = dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)
    _, row = centrality.word_overlap(counts)
    for i in range(counts.n):
        assert np.allclose(row(i), unit @ unit[i])


def test_reduction_on_long_texts_keeps_the_short_text_ratings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = annotated(" ".join(ARTICLES) * 2)
    texts = [s.text for s in doc.sentences]
    exact = centrality.reduction_scores(doc.terms, texts)
    monkeypatch.setattr(centrality, "DENSE_LIMIT", 5)  # the long-text path
    monkeypatch.setattr(centrality, "BLOCK_CELLS", 50)
    assert np.allclose(centrality.reduction_scores(doc.terms, texts), exact)


@pytest.mark.parametrize("name", ["lexrank", "textrank"])
def test_long_text_power_method_keeps_the_short_text_scores(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # Above DENSE_LIMIT the power method runs on (row, column, weight) entries.
    scorer = centrality.lexrank_scores if name == "lexrank" else centrality.textrank_scores
    terms = sentence_terms(" ".join(ARTICLES) * 3)
    exact = scorer(terms)
    monkeypatch.setattr(centrality, "DENSE_LIMIT", 5)
    monkeypatch.setattr(centrality, "BLOCK_CELLS", 200)  # several blocks of rows
    assert np.allclose(scorer(terms), exact, atol=1e-6)


@pytest.mark.parametrize("dense_limit", [2000, 1])
def test_reduction_leaves_two_one_word_sentences_unlinked(
    monkeypatch: pytest.MonkeyPatch, dense_limit: int
) -> None:
    monkeypatch.setattr(centrality, "DENSE_LIMIT", dense_limit)
    sentences = [["talk"], ["talk"], ["vote", "bank"]]
    assert list(centrality.reduction_scores(sentences, ["a", "b", "c"])) == [0.0, 0.0, 0.0]
    counts = centrality.term_counts(sentences)
    assert list(centrality.overlap_centrality(counts)) == [1.0, 1.0, 0.0]  # TextRank links them
