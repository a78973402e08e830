"""Composing the page: the title made when an article has none, and the summary length."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.actors import find_actors, reports_news
from briefing.annotate import annotate
from briefing.compose import (
    BRIEF_WORDS,
    TITLE_WORDS,
    Options,
    fit_article,
    fit_page,
    headline,
    key_actors,
    make_briefing,
)
from briefing.model import (
    Actor,
    ActorKind,
    Briefing,
    BriefingError,
    NextStep,
    Source,
    SummaryLine,
)
from briefing.read import document_from_text
from briefing.text import make_document


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


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (Options(sentences=0), "sentences must be at least 1"),
        (Options(words=-5), "words must be at least 1"),
        (Options(language="xx"), "unknown language 'xx'"),
    ],
)
def test_bad_options_are_errors_that_name_no_command_line_flag(
    options: Options, message: str
) -> None:
    doc = document_from_text("The council met on Monday. It voted.", name="t")
    with pytest.raises(BriefingError, match=message) as raised:
        make_briefing(doc, options)
    assert "--" not in str(raised.value)


SHORT_ARTICLE = (
    "Ines Moreau, the harbour master of Saint-Malo, closed the port to ferries on Friday after "
    "a storm damaged the main pier. Moreau said engineers will inspect the pier next week. "
    "Paul Girard, who runs the ferry line, asked for a quick repair. About 2,000 travellers "
    "were stranded overnight, the port said."
)


def test_a_short_article_keeps_its_people_when_its_briefing_is_cut_to_its_length() -> None:
    # The full briefing of this text is longer than the text: the summary's extra lines,
    # next steps and figures go before the actors, the names a short text is read for.
    b = make_briefing(document_from_text(SHORT_ARTICLE))
    assert b.source.briefing_words <= b.source.words
    assert "Ines Moreau" in [a.name for a in b.actors]


def test_a_short_articles_own_headline_counts_in_its_length() -> None:
    # The briefing shows the article's headline, so the article's length counts it too: the
    # names of a short result are not cut for the words of a headline both have.
    text = (
        "LISBON 1996-08-31\nPortugal beat Denmark 27-21 in their under-19 handball match on "
        "Sunday.\nScorers:\nPortugal - Rui Matos (8), Paulo Sousa (6)\nDenmark - Lars Holm (9)\n"
    )
    doc = document_from_text(text, title="HANDBALL - PORTUGAL BEAT DENMARK IN UNDER-19 MATCH.")
    b = make_briefing(doc)
    assert {"Portugal", "Denmark"} <= {a.name for a in b.actors}


def test_a_short_result_keeps_its_names_though_they_make_it_longer() -> None:
    # Title and bottom line fit in the text, the names do not: they are kept all the same,
    # what a short text is read for; its figures go.
    text = (
        "LISBON 1996-08-31\nPortugal beat Denmark 27-21 (halftime 12-10) in a World Cup "
        "handball qualifier on Sunday.\nTop scorer: Rui Matos (8)\nAttendance: 4,000\n"
    )
    b = make_briefing(document_from_text(text, title="HANDBALL - PORTUGAL BEAT DENMARK."))
    assert b.source.briefing_words > b.source.words
    assert {"Portugal", "Denmark", "Rui Matos"} <= {a.name for a in b.actors}
    assert not b.figures


def test_a_text_of_a_few_sentences_stays_within_its_length_names_and_all() -> None:
    # Over BRIEF_WORDS a text is no brief: its briefing is no longer than it, and names are
    # cut last, after the summary, figures and steps.
    text = (
        "Mayor Ines Moreau of Saint-Malo met port director Paul Girard, union leader Ana Ruiz, "
        "ferry captain Lars Holm, harbour pilot Jon Vik and engineer Per Lund on Friday. "
        "They agreed to reopen the pier. Girard said repairs will start next week. "
        "Ruiz welcomed the deal. Holm, Vik and Lund will inspect the pier on Monday."
    )
    b = make_briefing(document_from_text(text))
    assert b.source.words >= BRIEF_WORDS
    assert b.source.briefing_words <= b.source.words
    assert b.actors  # some names still fit


def test_a_short_articles_briefing_does_not_show_a_sentence_twice() -> None:
    lines = (
        "The water board will close the Albi reservoir for repairs on 4 May.",
        "Engineers found cracks in the dam wall during an inspection last month.",
        "The board will pump river water to three towns while the work lasts.",
    )
    steps = (
        NextStep(lines[2].rstrip("."), "The board", None, 2),
        NextStep("the report will be published in June", None, "in June", 3),
        NextStep("farmers will ask for help", None, None, 4),
    )
    briefing = Briefing(
        title="Reservoir to close",
        bottom_line=lines[0],
        summary=tuple(SummaryLine(text, i) for i, text in enumerate(lines)),
        next_steps=steps,
        source=Source(name="x", words=0),
    )
    whole = fit_page(briefing, None).source.briefing_words
    fitted = fit_article(fit_page(briefing, None), whole - 12, 1)
    # The summary line said again as a step goes first: every step is kept.
    assert [line.sentence for line in fitted.summary] == [0, 1]
    assert fitted.next_steps == steps
    # A briefing that fits its article is left as it is.
    assert fit_article(fit_page(briefing, None), whole, 1).summary == briefing.summary


def _actor(name: str, kind: ActorKind, role: str | None = None) -> Actor:
    return Actor(name, kind, role, score=1.0)


def test_a_country_named_twice_joins_the_compact_line_beyond_eight() -> None:
    ranked = [_actor(f"Person {i}", "person", "minister") for i in range(8)]
    ranked += [
        replace(_actor("Norway", "country"), mentions=2),
        replace(_actor("Oslo", "place"), mentions=2),  # a place named twice may be in passing
        replace(_actor("Port Authority", "organization"), mentions=2),
        _actor("Sweden", "country"),
    ]
    assert [a.name for a in key_actors(ranked)][8:] == ["Norway"]


def test_a_place_named_twice_joins_the_compact_line_in_a_text_that_is_no_news() -> None:
    ranked = [_actor(f"Person {i}", "person", "minister") for i in range(8)]
    ranked += [replace(_actor("Oslo", "place"), mentions=2), _actor("Bergen", "place")]
    assert [a.name for a in key_actors(ranked, report=False)][8:] == ["Oslo"]
    assert [a.name for a in key_actors(ranked, report=True)][8:] == []


def test_a_text_with_verbs_of_saying_or_a_weekday_reports_news() -> None:
    def report(text: str) -> bool:
        return reports_news(annotate(make_document(text)))

    assert report("The mayor said the port will reopen. Ships wait outside.")
    assert report("The port reopens on Monday. Ships wait outside.")
    assert not report("The port lies on a bay. Ships sail to the islands. The old town is small.")
    guide = "The port lies on a bay. Ships sail to the islands. The old town is small. "
    assert report("The port reopens on Monday. " + guide)
    # A weekday in a guide's opening hours, after its first sentences, tells of no event.
    assert not report(guide + "Its tower has a view. The market is busy. It shuts on Monday.")


def test_people_with_a_role_are_listed_beyond_the_first_eight_actors() -> None:
    ranked = [_actor(f"Place {i}", "place") for i in range(8)]
    ranked += [
        _actor("Ana Ruiz", "person", "mayor"),
        _actor("Tom Vik", "person"),  # no role, named once: not one a reader must meet
        replace(_actor("Eva Lund", "person"), mentions=2),  # no role, but named again
        _actor("Harbour Board", "organization"),
        _actor("Lea Berg", "person", "harbour master"),
    ]
    listed = [a.name for a in key_actors(ranked)]
    assert listed == [f"Place {i}" for i in range(8)] + ["Ana Ruiz", "Eva Lund", "Lea Berg"]


def test_a_place_named_once_in_passing_near_the_end_is_not_listed() -> None:
    text = (
        "Ola Brandt runs the Harbour Board. She spoke to the board on Monday. The board met"
        " again. Members voted. The vote was close. Later they ate in Varby."
    )
    names = [a.name for a in key_actors(find_actors(annotate(make_document(text))))]
    assert names == ["Harbour Board", "Ola Brandt"]
    early = "In Varby, Ola Brandt runs the Harbour Board. She spoke to the board on Monday."
    assert "Varby" in [a.name for a in key_actors(find_actors(annotate(make_document(early))))]


def test_a_country_or_organisation_named_often_joins_the_compact_line_beyond_eight() -> None:
    people = [_actor(f"Person {i}", "person", "minister") for i in range(7)]
    often = replace(_actor("Port Authority", "organization"), mentions=3)
    once = _actor("Oslo", "place")
    described = replace(_actor("Harbour Board", "organization", "regulator"), mentions=5)
    ranked = [_actor("Norway", "country"), *people, once, described, often]
    listed = [a.name for a in key_actors(ranked)]
    # "Harbour Board" has a role: it is no part of the compact line, and no person
    assert listed[8:] == ["Port Authority"]
