"""Key figures: one test per form the stage reads and per thing it must leave out."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.annotate import annotate
from briefing.figures import find_figures
from briefing.lang import read_language
from briefing.model import AnnotatedDocument, Figure
from briefing.text import make_document


def read(text: str) -> AnnotatedDocument:
    return annotate(make_document(text))


def figures(text: str, summary: tuple[int, ...] = ()) -> list[Figure]:
    return find_figures(read(text), summary)


def one(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


def texts(text: str) -> set[str]:
    return {f.text for f in figures(text)}


# ------------------------------------------------------------------ forms


def test_digits_with_thousands_separator_and_counted_noun() -> None:
    f = one("The city hired 150,000 workers for the fair.")
    assert (f.text, f.value, f.unit) == ("150,000 workers", 150000, "workers")


def test_qualifier_is_kept_in_text() -> None:
    f = one("Officials counted an estimated 2,300 boats in the harbour.")
    assert (f.text, f.value, f.unit) == ("an estimated 2,300 boats", 2300, "boats")


@pytest.mark.parametrize(
    "qualifier", ["over", "nearly", "about", "more than", "at least", "almost", "up to"]
)
def test_approximation_words(qualifier: str) -> None:
    f = one(f"The storm left {qualifier} 14,000 homes without power.")
    assert f.text == f"{qualifier} 14,000 homes"
    assert f.value == 14000


def test_dollars_with_glued_billions() -> None:
    f = one("The firm paid $11.1bn for the mine.")
    assert (f.text, f.value, f.unit) == ("$11.1bn", 11.1e9, "USD")


def test_pounds_with_glued_millions() -> None:
    f = one("The club spent £1.2m on the pitch.")
    assert (f.value, f.unit) == (1.2e6, "GBP")


def test_scale_word_after_digits() -> None:
    f = one("The app has 2.5 million users in Spain.")
    assert (f.text, f.value, f.unit) == ("2.5 million users", 2.5e6, "users")


def test_percent_sign() -> None:
    f = one("Turnout reached 76% in the north.")
    assert (f.text, f.value, f.unit) == ("76%", 76, "percent")


def test_per_cent_in_words() -> None:
    f = one("Prices rose by 3.5 per cent last month.")
    assert (f.text, f.value, f.unit) == ("3.5 per cent", 3.5, "percent")


def test_name_after_a_percentage_is_not_what_it_counts() -> None:
    f = one("Growth was 8% Acme said.")
    assert (f.text, f.unit) == ("8%", "percent")


def test_share_of_a_group() -> None:
    f = one("She said 40% of local farms were flooded.")
    assert f.text == "40% of local farms"
    assert "farms" in f.context


def test_tens_of_thousands_gives_lower_bound() -> None:
    f = one("The rally drew tens of thousands of marchers to the square.")
    assert (f.text, f.value, f.unit) == ("tens of thousands of marchers", 10000, "marchers")


def test_hundreds_of() -> None:
    assert one("Hundreds of volunteers searched the woods.").value == 100


def test_a_dozen() -> None:
    f = one("A dozen firefighters tackled the blaze.")
    assert (f.text, f.value, f.unit) == ("A dozen firefighters", 12, "firefighters")


def test_number_word() -> None:
    f = one("The court heard from two witnesses on Monday.")
    assert (f.text, f.value, f.unit) == ("two witnesses", 2, "witnesses")


def test_compound_number_word() -> None:
    assert one("The bus carried twenty-five pupils.").value == 25


def test_dozens_multiply() -> None:
    assert one("More than two dozen people were hurt.").value == 24


def test_number_word_with_scale() -> None:
    f = one("The project will cost three million euros.")
    assert (f.value, f.unit) == (3e6, "EUR")


def test_hyphenated_duration() -> None:
    f = one("The nearly eight-year dispute has hurt trade.")
    assert f.text.startswith("nearly eight-year")
    assert (f.value, f.unit) == (8, "years")


def test_age_with_year_old() -> None:
    f = one("The 29-year-old signed a new deal.")
    assert (f.text, f.value, f.unit) == ("29-year-old", 29, "years")


def test_age_set_off_by_commas_after_a_name() -> None:
    assert one("Maria Lopez, 41, runs the bakery.").unit == "years"


def test_half_of() -> None:
    f = one("Half of the residents left the valley.")
    assert (f.value, f.unit) == (0.5, "fraction")


def test_fraction_in_words() -> None:
    assert one("Only one-quarter of the staff stayed on.").value == 0.25


def test_range_with_to_gives_lower_bound() -> None:
    f = one("Between 10 to 15 pupils were sent home.")
    assert (f.text, f.value, f.unit) == ("Between 10 to 15 pupils", 10, "pupils")


def test_range_with_dash() -> None:
    assert one("Forecasters expect 6-8 inches of snow.").value == 6


def test_score_is_one_figure() -> None:
    f = one("The visitors suffered a 4-1 defeat in the rain.")
    assert (f.text, f.value, f.unit) == ("4-1 defeat", 4, "score")


def test_set_scores_listed_together() -> None:
    f = one("She won in straight sets, 6-3, 6-4.")
    assert f.text == "6-3, 6-4"


def test_rank() -> None:
    f = one("The world's 12th-ranked player withdrew.")
    assert (f.value, f.unit) == (12, "rank")


def test_ranked_after_number_sign() -> None:
    f = one("The No. 3-ranked team lost.")
    assert (f.text, f.value, f.unit) == ("No. 3-ranked team", 3, "rank")


def test_world_number_is_a_rank() -> None:
    f = one("The former world No. 7 plans a comeback.")
    assert (f.text, f.value, f.unit) == ("No. 7", 7, "rank")


def test_age_written_with_a_space_before_old() -> None:
    f = one("The 73-year old mayor resigned.")
    assert (f.value, f.unit) == (73, "years")


def test_possessive_age() -> None:
    assert one("The 28-year-old's contract ends in May.").text == "28-year-old's"


def test_qualified_a_hour_counts_as_one() -> None:
    f = one("Medics worked for about an hour to save him.")
    assert (f.text, f.value, f.unit) == ("about an hour", 1, "hours")


def test_decade_is_ten_years() -> None:
    assert one("He has coached for well over a decade.").value == 10


def test_verb_after_plural_noun_is_left_out() -> None:
    f = one("Some 40 million people own a bicycle.")
    assert (f.text, f.unit) == ("Some 40 million people", "people")


def test_long_noun_phrase_ending_in_plural_stays_whole() -> None:
    assert one("She has won 12 grand slam doubles tennis titles.").unit == "titles"


def test_participle_after_those() -> None:
    assert one("Half of those questioned agreed.").text == "Half of those questioned"


def test_context_says_what_it_counts() -> None:
    f = one("The army moved 9,000 tanks along the northern border.")
    assert f.context == "9,000 tanks along the northern border"


def test_context_holds_the_figure_verbatim() -> None:
    f = one("Officials said an estimated 40,000 people had fled the coast.")
    assert f.text in f.context
    assert f.context in "Officials said an estimated 40,000 people had fled the coast."


def test_context_before_when_nothing_follows() -> None:
    f = one("A landslide that has buried over 300 houses.")
    assert "buried" in f.context


def test_context_keeps_possessives_and_dotted_names_whole() -> None:
    # The shared tokens split "river's" and "Change.org"; the context reads them as one word.
    f = one("Floods cut off 300 villages along the river's northern bank.")
    assert f.context == "300 villages along the river's northern bank"
    f = one("More than 2,000 people signed a petition on Change.org this week.")
    assert "Change.org" in f.context


# ------------------------------------------------------------------ left out


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2014 by the assembly.",
        "They met on 5 May in the capital.",
        "The vote is set for March 12 in the capital.",
        "The finalists for the awards on Feb. 9 were not named.",
        "The book's ISBN is 978-1-4028-9462-6 in the catalogue.",
        "Call the desk on 555-201-3344 for help.",
        "Voters said Prop. 13 proves costly for towns.",
        "The vote is on the 12th of March.",
        "Talks resume at 4 p.m. in the capital.",
        "Talks resume at 4pm in the capital.",
        "Talks resume at 10:30 in the capital.",
        "Leaders of the G7 met in the capital.",
        "Covid-19 closed schools in the capital.",
        "The laptop runs Windows 10 in the office.",
        "Article 5 of the treaty was invoked.",
        "A Boeing 747 landed in the capital.",
        "The figures are on page 12 of the report.",
        "He lives at No. 10 Downing Street.",
        "Call 0800 123 456 for help.",
        "The 1990s were a boom time.",
        "The 9/11 attacks changed the city.",
        "1. Bring a coat to the meeting.",
        "She scored in the first half.",
        "No one was hurt in the blast.",
        "One of the guards saw the thief.",
        "He joined the Six Nations squad.",
        "The father-of-two was hurt.",
        "It was a one-sided game.",
    ],
)
def test_not_a_quantity(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_year_without_a_qualifier_is_not_a_figure() -> None:
    assert figures("A year later the mill closed.") == []


def test_repeats_are_merged() -> None:
    found = figures("Police said 300 people were hurt. Of the 300 people, most were fans.")
    assert [f.value for f in found] == [300]


def test_bare_repeat_joins_the_full_mention() -> None:
    found = figures("The mill employs 4,500 staff. Each of the 4,500 will get a bonus.")
    assert [(f.value, f.unit) for f in found] == [(4500, "staff")]


def test_change_from_to_is_two_figures() -> None:
    assert {f.value for f in figures("Sales rose from 120 cars to 150 cars.")} == {120, 150}


# ------------------------------------------------------------------ ranks, idioms, minor units


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The band sat at number two in the charts for a month.", "number two", 2),
        ("The single went in at No 3 in the charts.", "No 3", 3),
        ("The team finished in third place after a poor season.", "third place", 3),
        ("The driver crossed the line in 10th position.", "10th position", 10),
        ("It was the club's third successive defeat.", "third successive defeat", 3),
        ("A survey ranked the country third in its index.", "third", 3),
        ("The winger will earn his 50th cap at the stadium.", "50th cap", 50),
        ("The choir played in a second-round match.", "second-round match", 2),
    ],
)
def test_ranks_and_places(sentence: str, text: str, value: float) -> None:
    f = one(sentence)
    assert (f.text, f.value) == (text, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "He first met the mayor at a dinner.",  # "first" is mostly "earliest", not a place
        "The mill was built in the 19th century.",
        "They met for a second time on Friday.",
        "Prices rose 5% in the second quarter.",
    ],
)
def test_ordinals_that_are_not_places(sentence: str) -> None:
    assert all(f.unit != "rank" for f in figures(sentence))
    assert "first" not in texts(sentence)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("They placed four more foster homes in the county.", "four more foster homes", 4),
        ("Around eight other members of the club resigned.", "Around eight other members", 8),
        ("They are a family of four from the coast.", "family of four", 4),
        ("The striker scored twice before the break.", "twice", 2),
        ("The fair drew half-a-million visitors.", "half-a-million visitors", 500000),
        ("He served five-and-a-half years in prison.", "five-and-a-half years", 5.5),
        ("The side has not lost in two and a half years.", "two and a half years", 2.5),
        ("Protests spurred thousands to rally in the square.", "thousands", 1000),
        ("(Reuters)One person died when the wall fell.", "One person", 1),
        ("She won a little over half the vote.", "a little over half the vote", 0.5),
    ],
)
def test_number_words_with_a_modifier_or_in_an_idiom(
    sentence: str, text: str, value: float
) -> None:
    f = one(sentence)
    assert (f.text, f.value) == (text, value)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("A cup of tea costs 79p at the stall.", "79p", 79, "pence"),
        ("Stamps rose to 50c each.", "50c", 50, "cents"),
        ("The service costs $6.99-a-month.", "$6.99-a-month", 6.99, "USD"),
    ],
)
def test_minor_currency_units_and_rates(sentence: str, text: str, value: float, unit: str) -> None:
    f = one(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


def test_a_temperature_is_not_cents() -> None:
    assert all(f.unit != "cents" for f in figures("It was 50C in the shade."))


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The deal is worth £10m to £15m a year.", "£10m to £15m", 10_000_000),
        (
            "Estimates put the crowd at between 5,000 and 8,000 people.",
            "5,000 and 8,000 people",
            5000,
        ),
        ("The bid was £10m-£15m in cash.", "£10m-£15m", 10_000_000),
    ],
)
def test_ranges_are_one_figure_at_their_lower_bound(sentence: str, text: str, value: float) -> None:
    f = one(sentence)
    assert text in f.text
    assert f.value == value
    assert not f.text.startswith("m ")  # the old "m to £15m" slice


def test_a_change_of_money_is_two_figures() -> None:
    found = figures("Fees rose from £10m to £15m this year.")
    assert sorted(f.value or 0 for f in found) == [10_000_000, 15_000_000]
    assert {f.text for f in found} == {"£10m", "£15m"}


def test_a_span_ends_at_the_phrase_boundary() -> None:
    f = one("About 67,000 research staff were on fixed contracts.")
    assert f.text == "About 67,000 research staff"
    assert one("Part-time posts rose 12.5% whilst casual contracts fell.").text == "12.5%"


@pytest.mark.parametrize(
    "sentence",
    [
        "He bought a 30-30 rifle from a dealer.",
        "She made a 911 call from the car.",
        "The G7 met as Covid-19 spread.",
        "On Tuesday 21 cabinet ministers met.",
        "Ring the office on +84 9 3850 0997 today.",
        "The bill (S. 207) was tabled.",
        "The list includes Sharp's 902 3G phone.",  # a bare number after a name: a model
    ],
)
def test_names_dates_and_phone_numbers_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_draw_is_still_a_score() -> None:
    f = one("The game ended in a 2-2 draw.")
    assert f.unit == "score"


def test_places_in_a_series_rank_below_counts() -> None:
    found = figures("It was her 13th birthday. The fire destroyed 40 homes.")
    assert [f.text for f in found] == ["40 homes", "13th birthday"]


# ------------------------------------------------------------------ ranking


def test_summary_sentences_rank_first() -> None:
    text = "Rain fell on 3 towns. Then 4 bridges shut. Later 5 roads closed."
    assert figures(text, summary=(2,))[0].value == 5


def test_large_counts_of_people_before_small_word_numbers() -> None:
    text = "The two sides met. Fighting has killed 8,000 people."
    assert [f.value for f in figures(text)] == [8000, 2]


def test_money_ranks_above_a_plain_count() -> None:
    text = "The firm has 12 plants. It lost $4bn in the crash."
    assert figures(text)[0].unit == "USD"


# ------------------------------------------------------------------ robustness


@settings(max_examples=700, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_verbatim_finite_figures(text: str) -> None:
    doc = read(text)
    for f in find_figures(doc):
        assert f.text in doc.sentences[f.sentence].text
        assert f.value is None or math.isfinite(f.value)


SOUP_WORDS = [
    "the", "a", "an", "of", "to", "over", "about", "12", "1,500", "3.5", "$", "£", "%", "-", "–",
    ",", ".", ":", "/", "bn", "m", "per", "cent", "two", "tens", "thousands", "half", "quarter",
    "year", "old", "March", "2014", "p.m.", "G", "No.", "ranked", "people", "troops", "one",
    "first", "Article", "(", ")", "7-5", "third", "place", "twice", "and", "a", "50th", "p",
    "between", "No", "at", "family", "more", "Tuesday", "30-30",
]  # fmt: skip
NUMBERISH = st.lists(st.sampled_from(SOUP_WORDS), max_size=40).map(" ".join)


@settings(max_examples=700, deadline=None)
@given(NUMBERISH)
def test_number_soup_gives_verbatim_finite_figures(text: str) -> None:
    doc = read(text)
    for f in find_figures(doc):
        assert f.text in doc.sentences[f.sentence].text
        assert f.value is not None and math.isfinite(f.value)


def test_repeats_merge_across_a_long_document() -> None:
    # Speed is measured in bench/rank_speed.py; here only the merging over many repeats.
    numeric = "An estimated 150,000 troops and $2.5bn were moved on 5 May at 4 p.m. by two men."
    plain = "The minister said the talks with her neighbours would go on behind closed doors."
    doc = read(" ".join([numeric, plain, plain] * 2134))
    assert len(doc.sentences) >= 6400
    found = find_figures(doc)
    assert len(found) == 3


# ------------------------------------------------------------------ language data


def test_number_words_come_from_the_language_files(tmp_path: Path) -> None:
    (tmp_path / "meta.map").write_text("name: Testish\nstemmer:\n", encoding="utf-8")
    (tmp_path / "number_units.map").write_text("# a made-up number word\nzorp: 7\n")
    (tmp_path / "figure_roles.map").write_text("plural_endings: s\n", encoding="utf-8")
    language = read_language(tmp_path)

    def found(text: str) -> list[tuple[str, float | None, str | None]]:
        doc = annotate(make_document(text), language)
        return [(f.text, f.value, f.unit) for f in find_figures(doc)]

    assert found("The farm keeps zorp goats.") == [("zorp goats", 7, "goats")]
    assert found("The farm keeps two goats.") == []  # English words are not this language's


@pytest.mark.parametrize(
    ("text", "figure", "context"),
    [
        ("The start-up raised $5m from 12 investors.", "12 investors", "from 12 investors"),
        ("A spin-off hired 30 staff.", "30 staff", "hired 30 staff"),
    ],
)
def test_a_context_never_starts_inside_a_word(text: str, figure: str, context: str) -> None:
    found = {f.text: f.context for f in figures(text)}
    assert found[figure].endswith(context)
    start = text.index(found[figure])
    assert start == 0 or text[start - 1] == " "  # "m from 12 investors" was given


def test_a_context_never_ends_inside_a_word() -> None:
    text = "Festivals moved from 10% women speakers to having equal line-ups within five years."
    found = {f.text: f.context for f in figures(text)}
    context = found["10% women speakers"]
    end = text.index(context) + len(context)
    assert text[end] in " .,", context  # "... equal line" was given


def test_a_hyphened_word_ending_a_figures_phrase_is_kept_whole() -> None:
    found = {f.text: f.context for f in figures("The club gets £1.9m for the runners-up.")}
    assert found["£1.9m"] == "£1.9m for the runners-up"  # not "runners-": "up" is no stop here
