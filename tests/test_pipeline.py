"""The whole pipeline on arbitrary and news-like text: never a crash, always faithful."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import BriefingError, Options, make_briefing, to_markdown
from briefing.compose import PAGE_WORDS
from briefing.read import document_from_text

PIECES = [
    "Minister", "Ana", "Ruiz", "said", "will", "would", "next", "week", "Tuesday", "the", "bank",
    "Bay", "Meals", "Inc.", "cut", "jobs", "$2.5bn", "14,000", "people", "3.5%", "two", "if",
    "plans", "to", "U.S.", "Mr.", "J.", "K.", "(CNN)", '"', "said.", "later.", "?", "!", "...",
    "\n", "\n\n", "-", "#", "*", "[x](y)", "<b>", "2014", "4 p.m.", "NATO", "Russia", "an",
    "estimated", "over", "half", "dozen", "expected", "is", "due", ",", ";", "—",
]  # fmt: skip
news_like = st.lists(st.sampled_from(PIECES), min_size=1, max_size=120).map(" ".join)
any_text = st.text(max_size=400)


def check_faithful(text: str) -> None:
    try:
        doc = document_from_text(text, name="t")
        b = make_briefing(doc)
    except BriefingError as err:
        assert str(err) and "\n" not in str(err)
        return
    sentences = {s.index: s.text for s in doc.sentences}
    assert all(sentences[line.sentence] == line.text for line in b.summary)
    assert b.bottom_line in sentences.values()
    assert all(f.text in sentences[f.sentence] for f in b.figures)
    assert all(s.text in sentences[s.sentence] for s in b.next_steps)
    assert all(a.name in doc.text for a in b.actors)
    assert len(to_markdown(b).split()) <= PAGE_WORDS


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_text_gives_a_faithful_briefing(text: str) -> None:
    check_faithful(text)


@settings(max_examples=700, deadline=None)
@given(any_text)
def test_any_text_gives_a_briefing_or_a_one_line_error(text: str) -> None:
    check_faithful(text)


@settings(max_examples=200, deadline=None)
@given(news_like, st.integers(min_value=1, max_value=60))
def test_word_budget_bounds_the_summary(text: str, budget: int) -> None:
    try:
        b = make_briefing(document_from_text(text, name="t"), Options(words=budget))
    except BriefingError:
        return
    words = [len(line.text.split()) for line in b.summary]
    assert len(words) == 1 or sum(words) <= budget
