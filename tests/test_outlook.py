"""Next steps: one test per form that must be found and per thing that must be left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.actors import find_actors
from briefing.annotate import annotate
from briefing.lang import load_language, read_language
from briefing.model import AnnotatedDocument, NextStep
from briefing.outlook import CLAUSE_CHARS, find_next_steps, shown_steps
from briefing.text import make_document


def read(text: str, published: str | None = None) -> AnnotatedDocument:
    return annotate(make_document(text, published=published))


def next_steps(annotated: AnnotatedDocument, summary: set[int] | None = None) -> list[NextStep]:
    """The steps as the pipeline finds them: with the document's actors."""
    return find_next_steps(annotated, summary or set(), find_actors(annotated))


def steps(text: str, published: str | None = None) -> list[NextStep]:
    return next_steps(read(text, published))


def only(text: str, published: str | None = None) -> NextStep:
    found = steps(text, published)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- forms that are next steps


def test_scheduled_event_with_clock_time() -> None:
    step = only("A statement said Mayor Ann Holt would address reporters at 3 p.m. EST.")
    assert step.text == "Mayor Ann Holt would address reporters at 3 p.m. EST"
    assert step.who == "Ann Holt"
    assert step.when == "3 p.m. EST"


def test_plan_to() -> None:
    step = only("The Zorvan Company plans to open a second factory.")
    assert step.text == "The Zorvan Company plans to open a second factory"
    assert step.who == "Zorvan Company"


def test_intends_to_resolves_pronoun_to_speaker() -> None:
    step = only("Minister Lena Park said she intends to resign.")
    assert step.text == "she intends to resign"
    assert step.who == "Lena Park"


def test_reported_future_would() -> None:
    step = only("Senator Tom Ruiz said he would consider cutting the fund.")
    assert step.text == "he would consider cutting the fund"
    assert step.who == "Tom Ruiz"


def test_conditional_promise() -> None:
    step = only('"If the river floods, then we will send the boats," the chief said.')
    assert step.text == "If the river floods, then we will send the boats"


def test_pending_decision_later() -> None:
    step = only('"The fee question is hard, it will be settled later," he said.')
    assert step.text == "it will be settled later"
    assert step.when == "later"


def test_deadline_by_month() -> None:
    step = only("The council must publish the audit by March.")
    assert step.text == "The council must publish the audit by March"
    assert step.when == "by March"


def test_is_due_to() -> None:
    step = only("The new bridge is due to open next month.")
    assert step.when == "next month"
    assert "is due to open" in step.text


def test_expected_outcome() -> None:
    step = only("Prices are expected to fall.")
    assert step.text == "Prices are expected to fall"


def test_open_call_for_action() -> None:
    step = only("Local groups urged residents to boycott the new toll road.")
    assert "urged residents to boycott the new toll road" in step.text


def test_still_open_is_pending() -> None:
    step = only("The coach said the choice of captain was still wide open.")
    assert step.text == "the choice of captain was still wide open"


def test_attribution_after_quote_is_trimmed() -> None:
    step = only('"We will rebuild the school," the governor added.')
    assert step.text == "We will rebuild the school"


# ---------------------------------------------------------------- what is left out


def test_past_action_is_not_a_step() -> None:
    assert steps("The company opened a second factory in 2019. It hired 40 workers.") == []


def test_would_have_is_not_a_step() -> None:
    assert steps("She said the team would have won with a full squad.") == []


def test_narrative_would_is_not_a_step() -> None:
    assert steps("As a boy he would walk to the river every morning.") == []


def test_question_is_not_a_step() -> None:
    assert steps("Will the council publish the audit next week?") == []


def test_had_planned_is_not_a_step() -> None:
    assert steps("The firm had planned to open a shop, but the deal fell through.") == []


def test_will_as_a_noun_is_not_a_step() -> None:
    assert steps("It was the will of the people.") == []


def test_performative_want_is_not_a_step() -> None:
    assert steps('"I want to thank my family," she said.') == []


def test_article_without_steps_is_empty() -> None:
    assert steps("The mayor opened the bridge. Crowds cheered as the band played.") == []


# ---------------------------------------------------------------- steps without a modal verb


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("The champions face Leeds at Wembley on Sunday.", "Sunday"),
        ("Trade ministers meet on Thursday to discuss the levy.", "Thursday"),
        ("The vote is scheduled for 22 April.", "22 April"),
        ("The final is on Sunday.", "Sunday"),
        ("The squad has two injury worries before Wednesday's friendly.", "before Wednesday"),
    ],
)
def test_an_event_set_for_a_day(sentence: str, when: str) -> None:
    found = only(sentence)
    assert (found.text, found.when) == (sentence.rstrip("."), when)


@pytest.mark.parametrize(
    "sentence",
    [
        "The club is set to sign the striker.",
        "The report is due to be published.",
        "The minister is expected to resign.",
        "The envoy is to visit the capital.",
        "Police are working to determine the cause of the fire.",
        "Coastguards are investigating the cause of the sinking.",
        "The guard faces up to life in prison if convicted.",
        "Relatives are demanding an inquiry into the crash.",
        "The union calls on the board to reopen the plant.",
        "The coast path has been closed until further notice.",
        "The minister didn't rule out a new tax on fuel.",
        "The spring launch of the console is eagerly awaited by fans.",
        "Any levy would only be brought in after talks with the airlines.",
        "Unless the deal is signed, the firm could face a backlash.",
        "It is unclear whether the mayor will stand again.",
        "The unions threatened a national strike if the pay offer was not improved.",
        "Let's not blame the nurses for the delays.",
    ],
)
def test_steps_that_carry_no_future_modal(sentence: str) -> None:
    assert only(sentence).text == sentence.rstrip(".")


def test_a_forecast_attributed_at_the_end_is_a_step() -> None:
    assert only("Prices could rise again next year, analysts said.").text == (
        "Prices could rise again next year"
    )


def test_a_step_keeps_the_main_verb_and_its_condition() -> None:
    text = "If negotiators decide to compromise, they could finalize a deal in the next few weeks."
    step = only(text)
    assert step.text == text.rstrip(".")
    assert step.when == "in the next few weeks"


@pytest.mark.parametrize(
    "sentence",
    [
        "The team met Wales on Saturday.",  # a day in a past clause
        "The body was found at 10 a.m. on Thursday.",
        "Crowds gathered after Monday's crash.",
        "The pilot radioed that he would make an emergency landing.",
        "The briefing was scheduled to end at 2:30 p.m.",
        "In 2006 he decided to start a tour company.",
        "The firm agreed to invest 242m pesos in the network.",
        "The study asked 500 mothers about their plans for feeding.",
        "She didn't just have to forgive the fans.",
        "We should always respect our elders.",
        "One has to wonder what they were thinking.",
        "You have to be able to let go of everything.",
        "Businesses who want to serve the community are rare.",
        "We've got to the point where we can't live without phones.",
        "ABC originally planned to call the show Trading Moms.",
        "It would appear that many fans disagree.",
        "It would be a big mistake not to play on, the coach said.",
        "We would be foolish to ignore the cost, she said.",
        "I will miss her more than words can say.",
        "The bakery could not comment on the claim, a spokesman said.",
        "Mr Dale had been considering a move later in the year.",
        "The singer replied with a shrug, appearing to have misunderstood the joke.",
        "The need to find new funds is balanced by lower costs.",
        "The benefit of the new diet is unclear.",
        "Let's break that down.",
        "I'll admit the result surprised me.",
        "Teachers always want to see their pupils do well.",
        "The weights of distant points are set to zero.",
        "The next morning I decided to look again at the data.",
        "The tool was shared on a forum called “Byte Club” in posts relating to games.",
        "Plans for the future",
        "Second-half plans",
    ],
)
def test_past_narration_generic_modals_and_headings_are_not_steps(sentence: str) -> None:
    assert steps(sentence) == []


def test_a_quoted_aside_said_after_is_not_a_step() -> None:
    assert steps('"I could tell at once that he was her brother," she said.') == []


def test_a_plan_told_with_an_announcing_verb_stays_open() -> None:
    step = only("The Tories on Monday highlighted their plans for tax cuts worth £4bn.")
    assert "plans for tax cuts" in step.text


def test_a_quote_ranks_below_the_same_step_in_reporting() -> None:
    text = (
        '"We will build a new stadium," the chairman said. The council will widen the road. '
        "The town has a mill. The mill is old."
    )
    assert [s.text for s in steps(text)] == [
        "The council will widen the road",
        "We will build a new stadium",
    ]


# ---------------------------------------------------------------- ranking


def test_scheduled_before_plan_before_expected() -> None:
    text = (
        "Prices are expected to rise. "
        "The Orla Group plans to cut jobs. "
        "Chief executive Mia Stone will speak at 9 a.m. GMT."
    )
    assert [s.sentence for s in steps(text)] == [2, 1, 0]


def test_summary_sentence_ranks_first_among_equals() -> None:
    doc = read("Prices are expected to rise. Rents are expected to fall.")
    assert [s.sentence for s in next_steps(doc, {1})] == [1, 0]


def test_same_step_twice_is_listed_once() -> None:
    text = (
        "Ann Holt said the border question would be resolved later. "
        '"It will be resolved later," she said.'
    )
    found = steps(text)
    assert len(found) == 1
    assert found[0].text == "the border question would be resolved later"


# ---------------------------------------------------------------- anchoring relative days


def test_weekday_is_anchored_with_publication_date() -> None:
    # 2022-02-17 is a Thursday; the coming Tuesday is 2022-02-22.
    step = only("The board will vote on Tuesday.", published="2022-02-17")
    assert step.when == "Tuesday (2022-02-22)"


def test_weekday_is_left_as_written_without_publication_date() -> None:
    assert only("The board will vote on Tuesday.").when == "Tuesday"


def test_tomorrow_and_next_week_are_anchored() -> None:
    assert only("The board will vote tomorrow.", "2022-02-17").when == "tomorrow (2022-02-18)"
    step = only("The board will vote next week.", "2022-02-17")
    assert step.when == "next week (2022-02-21 to 2022-02-27)"


def test_the_publications_own_weekday_is_the_publication_date() -> None:
    # 2022-02-17 is a Thursday: a story of that day names it rather than writing "today".
    step = only("The board will vote on Thursday.", "2022-02-17")
    assert step.when == "Thursday (2022-02-17)"


def test_next_and_a_weekday_is_left_as_written() -> None:
    # "next Tuesday" on a Sunday is read as two days or nine days ahead.
    assert only("The board will vote next Tuesday.", "2022-02-20").when == "next Tuesday"


def test_day_and_month_get_the_next_year_they_can() -> None:
    assert only("The board will vote on 3 January.", "2022-02-17").when == "3 January (2023-01-03)"


# ---------------------------------------------------------------- robustness and speed


@settings(max_examples=700, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_verbatim_steps(text: str) -> None:
    doc = read(text)
    for step in next_steps(doc):
        assert step.text in doc.sentences[step.sentence].text


WORDS = [
    "will",
    "would",
    "said",
    "if",
    "later",
    "next",
    "week",
    "he",
    "plans",
    "to",
    "by",
    "March",
    "is",
    "expected",
    "the",
    ",",
    '"',
    ".",
    "?",
]


# The cues of steps without a modal, and the words that rule a step out.
MORE_WORDS = ["meet", "scheduled", "for", "on", "12", "April", "before", "'s", "met", "decided",
              "you", "always", "who", "want", "bill", "could", "unless", "until", "further",
              "notice", "are", "investigating", "didn't", "rule", "out", "analysts"]  # fmt: skip


@settings(max_examples=700, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, *MORE_WORDS, "Ann", "Holt", "Tuesday"]), max_size=40))
def test_word_salad_gives_verbatim_steps(words: list[str]) -> None:
    doc = read(" ".join(words), published="2022-02-17")
    for step in next_steps(doc):
        assert step.text
        assert step.text in doc.sentences[step.sentence].text


def test_long_document_keeps_at_most_ten_distinct_steps() -> None:
    # Speed is measured in bench/rank_speed.py; here the cap and the near-repeat merging.
    base = (
        "The Orla Group plans to cut jobs next week. Its chief, Mia Stone, said on Monday that "
        'talks had failed. "We will appeal if the court rules against us," she added. '
    )
    doc = read(base * 2200)
    assert len(doc.sentences) >= 6000
    found = next_steps(doc)
    assert 1 <= len(found) <= 10
    assert len({s.text for s in found}) == len(found)


def test_who_is_the_actors_full_name_for_a_surname() -> None:
    text = (
        "Finance Minister Ana Ruiz met the bankers on Monday. "
        "Ruiz will visit the port next week, aides said."
    )
    found = steps(text)
    assert found[0].text == "Ruiz will visit the port next week"
    assert found[0].who == "Ana Ruiz"


def test_a_pronoun_is_the_last_sentences_subject() -> None:
    text = (
        "Trade Minister Omar Haddad arrived in Lagos on Monday. He will visit the port on Friday."
    )
    (step,) = steps(text)
    assert step.text == "He will visit the port on Friday"
    assert step.who == "Omar Haddad"


def test_a_pronoun_after_a_surname_speaker_is_the_full_name() -> None:
    text = (
        "President Vladimir Putin met the governors in Moscow. "
        "Putin said he would sign the budget law."
    )
    (step,) = steps(text)
    assert step.text == "he would sign the budget law"
    assert step.who == "Vladimir Putin"


def test_a_quotation_the_step_opens_is_closed() -> None:
    text = 'The army will move in case of a "threat," the ministry said.'
    (step,) = steps(text)
    assert step.text.endswith('"threat,"')
    assert step.text in text


def test_a_negated_plan_is_not_a_next_step() -> None:
    assert steps("No one is planning to send troops anywhere.") == []


def test_a_named_plan_outranks_an_early_unattributed_obligation() -> None:
    text = (
        "Speculation on the deal should be avoided, officials said. "
        "Trade talks went on for hours. Markets were calm. "
        "Finance Minister Ana Ruiz said she would consider raising the tariff."
    )
    found = steps(text)
    assert found[0].who == "Ana Ruiz"


def test_a_speakers_own_plan_outranks_a_prediction_about_another() -> None:
    text = (
        "Analysts warned Orla Bank would raise its rates. "
        "Trade Minister Omar Haddad said he would visit the port."
    )
    found = steps(text)
    assert found[0].who == "Omar Haddad"
    assert len(found) == 2


def test_a_clause_with_nothing_but_a_modal_is_not_a_step() -> None:
    assert steps('"Will it be easy? It won\'t be," she said.') == []
    assert [s.text for s in steps("He will resign.")] == ["He will resign"]


def test_a_clause_after_a_comma_loses_its_conjunction() -> None:
    text = "Assault is not acceptable, and anyone found doing so should expect a fine, he said."
    (step,) = steps(text)
    assert step.text == "anyone found doing so should expect a fine"


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ('He said "speculation" on the deal should be avoided.',
         '"speculation" on the deal should be avoided'),
        ('"Talks will resume next week," she said.', "Talks will resume next week"),
    ],
)  # fmt: skip
def test_quote_marks_are_trimmed_only_when_unpaired(text: str, step: str) -> None:
    assert [s.text for s in steps(text)] == [step]


# The shortcuts taken for speed must agree with the patterns they stand in for.


@pytest.mark.parametrize(
    "text",
    ["They had ", "they HAD really ", "he'd ", "it’d ", "the ", "bread ", "İN ", "waſ ", "a\n", ""],
)
def test_an_ending_is_told_as_its_pattern_tells_it(text: str) -> None:
    from briefing import outlook

    grammar = outlook._grammar(load_language())
    endings = (grammar.past_perfect, grammar.preposition, grammar.past_aux, grammar.noun_will)
    for ending in (*endings, grammar.possessive, grammar.last, grammar.infinitive):
        found = ending.regex.search(text, max(0, len(text) - outlook.WINDOW)) is not None
        assert outlook._ends(ending, text, 0, len(text)) == found


@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=40))
@settings(max_examples=700, deadline=None)
def test_words_are_found_as_the_pattern_finds_them(text: str) -> None:
    from briefing import outlook

    assert outlook._lower_words(text) == outlook._CONTENT_WORD.findall(text.lower())


# ---------------------------------------------------------------- language data


def test_the_cue_words_are_read_from_the_documents_language(tmp_path: Path) -> None:
    text = "The council zorp reopen the old bridge."
    assert steps(text) == []  # "zorp" is no English modal
    (tmp_path / "meta.map").write_text("name: Testish\nstemmer:\n", encoding="utf-8")
    (tmp_path / "cue_future_modals.txt").write_text("# made up\nzorp\n", encoding="utf-8")
    language = read_language(tmp_path)
    found = find_next_steps(annotate(make_document(text, language=language), language))
    assert [s.text for s in found] == ["The council zorp reopen the old bridge"]
    # and the English modals are English only
    english = "The council will reopen the old bridge."
    assert only(english).text == "The council will reopen the old bridge"
    assert find_next_steps(annotate(make_document(english, language=language), language)) == []


def test_a_briefing_lists_four_steps_then_only_strong_ones() -> None:
    scores = [5.0, 1.2, 1.1, 1.0, 2.4, 1.9, 2.0, 3.0, 4.0, 2.2, 2.1, 2.5]
    ranked = [NextStep(f"step {i}", None, None, i, "", s) for i, s in enumerate(scores)]
    shown = [s.text for s in shown_steps(ranked)]
    # the weak step 5 (1.9) is left out, and so are the strong ones past the tenth
    assert shown == [f"step {i}" for i in (0, 1, 2, 3, 4, 6, 7, 8, 9)]


def test_the_bottom_lines_step_and_a_later_sentence_repeating_it_are_left_out() -> None:
    doc = read(
        "The Arvel Trust will spend $2 million over the next three years on new parks. "
        "Its board met in Leeds. The Arvel Fund, which will spend $2 million over the next "
        "three years on new parks, was set up in 2001. The council will vote on the plan in May."
    )
    found = find_next_steps(doc, {0}, find_actors(doc), bottom=0)
    assert [s.sentence for s in found] == [3]  # the reader has just read the bottom line
    # Without a bottom line, both statements are steps (merged only when nearly the same).
    assert 2 in [s.sentence for s in find_next_steps(doc, {0}, find_actors(doc))]


def test_a_time_inside_a_condition_is_not_an_event() -> None:
    assert steps("It has been a dream, and if I wake up tomorrow it is gone, thank you.") == []
    assert only("If it rains on Sunday, the final will be played on Monday.").when == "Monday"


def test_an_event_noun_right_before_a_day_sets_it() -> None:
    assert only("They beat Leeds, and a meeting Saturday with Rovers is next.").when == "Saturday"
    assert steps("Fans sang during the match Friday night.") == []
    assert steps("At a meeting on Monday, the board agreed.") == []


def test_a_day_after_a_passives_by_is_the_agents_not_a_deadline() -> None:
    assert only("Farms will be damaged by Sunday's flood, the minister said.").when is None
    assert only("The report will be ready by Sunday's meeting.").when == "by Sunday"
    assert only("The bridge will be finished by Sunday.").when == "by Sunday"


def test_a_plan_told_as_never_carried_out_is_no_step() -> None:
    assert steps("Plans to widen the road were never carried out, the mayor said.") == []
    assert steps("Plans to close the line weren't approved.") == []
    assert only("Plans to build a school were announced on Monday.").text.startswith("Plans")


def test_a_modal_with_nothing_after_it_says_nothing() -> None:
    assert steps('"Perhaps it should be," he said.') == []
    assert (
        only("Perhaps the bridge should be closed.").text == "Perhaps the bridge should be closed"
    )


def test_what_was_yet_to_be_done_in_the_past_perfect_is_over() -> None:
    assert steps("The paper had been fighting for the letters to be released since 2005.") == []
    assert only("The letters are yet to be released.").text == "The letters are yet to be released"


def test_the_next_few_or_counted_units_are_a_time_to_come() -> None:
    assert only("Rain will stay below normal in the next three months.").when == (
        "in the next three months"
    )
    assert only("Prices will rise over the next 12 months.").when == "the next 12 months"
    assert steps("The next three months were hard for the club.") == []


def test_the_day_of_the_report_is_not_the_start_of_the_step() -> None:
    assert only("The firm said on Thursday it aims to cut its emissions by 2030.").text == (
        "it aims to cut its emissions by 2030"
    )
    assert only("The mayor said Monday the bridge will reopen in May.").text == (
        "the bridge will reopen in May"
    )


def test_a_time_word_inside_a_longer_word_is_no_time() -> None:
    found = only("The firm's next quarterly results are due on April 24.")
    assert found.when == "April 24"  # not "next quarter" read in "next quarterly"


def test_a_phrase_between_said_and_that_is_the_reports() -> None:
    text = "A spokesman said after a meeting chaired by the mayor that the city will build a dam."
    assert only(text).text == "the city will build a dam"
    hyphened = "The coach told them at half-time that the team would attack more."
    assert only(hyphened).text == "the team would attack more"


def test_a_time_to_come_in_quotation_marks_is_a_time() -> None:
    found = only('The party hoped to run the campaign in the "coming weeks and months".')
    assert found.when == "in the coming weeks"


def test_a_year_ahead_is_the_steps_time_and_a_past_year_is_not() -> None:
    assert only("The new bridge will open in 2031.").when == "in 2031"
    step = only("The plan will need tools by 2040 that do not exist today.", "2024-05-01")
    assert step.when == "by 2040"
    step = only("The firm will repay the debts it ran up in 2019 next year.", "2024-05-01")
    assert step.when == "next year (2025)"


def test_a_step_inside_a_quotation_ranks_below_a_reported_one_beside_a_quote() -> None:
    def score(text: str) -> float:
        return only(text).score

    reported = score("The union called on the council to act on the bridge.")
    assert score('The union called on "the council to act" on the bridge.') == reported
    assert score('"The council will act on the bridge," she said.') < score(
        "The council will act on the bridge, she said."
    )


def test_a_step_in_a_run_on_sentence_is_a_bounded_verbatim_clause() -> None:
    # A text without full stops: the clause around a cue is read within a bound, not to the
    # ends of a sentence of any length (bench/large_inputs.py times a megabyte of it).
    filler = "and the river rose over the fields " * 80
    text = filler + "the council will meet the farmers " + filler + "."
    step = only(text)
    assert "the council will meet the farmers" in step.text
    assert step.text in text and len(step.text) <= 2 * CLAUSE_CHARS


def test_a_day_after_a_past_verb_is_not_the_steps_time() -> None:
    step = only("Nurses appealed for blood, and queues formed outside the clinic on Saturday.")
    assert step.when is None
    assert only("The board decided to meet on Friday.").when == "Friday"


def test_a_number_like_a_year_without_a_preposition_is_no_time() -> None:
    assert only("The firm will hire 2000 workers next year.").when == "next year"
    assert only("The chain will open 2025 stores.").when is None
