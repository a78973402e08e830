"""Key actors: one test per rule on made-up sentences, two short articles, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.actors import find_actors
from briefing.annotate import annotate
from briefing.compose import MIN_SCORE
from briefing.lang import read_language
from briefing.model import Actor, AnnotatedDocument
from briefing.text import make_document


def annotated(text: str, title: str | None = None) -> AnnotatedDocument:
    return annotate(make_document(text, title=title))


def actors(text: str) -> list[Actor]:
    return find_actors(annotated(text))


def names(text: str) -> list[str]:
    return [a.name for a in actors(text)]


def by_name(text: str, name: str) -> Actor:
    found = [a for a in actors(text) if a.name == name]
    assert found, f"{name!r} not among {names(text)}"
    return found[0]


# ---------------------------------------------------------------- titles and roles
def test_title_before_name_is_role_with_country_affiliation() -> None:
    a = by_name("Freedonian President Ola Brandt met the envoy on Monday.", "Ola Brandt")
    assert (a.kind, a.role) == ("person", "Freedonian President")  # unknown word: kept
    text = "Russian President Ola Brandt met the envoy on Monday."
    assert by_name(text, "Ola Brandt").affiliation == "Russia"


def test_several_title_words_make_one_role() -> None:
    a = by_name("Deputy Foreign Minister Kalle Varga said the talks failed.", "Kalle Varga")
    assert a.role == "Deputy Foreign Minister"


def test_lower_case_role_before_name() -> None:
    text = "Meanwhile, Moscow-backed rebel leader Ivo Stenk said the vote was over."
    assert by_name(text, "Ivo Stenk").role == "Moscow-backed rebel leader"


def test_appositive_role_after_name() -> None:
    a = by_name(
        "Tove Lindqvist, the Acme Group spokesperson, declined to comment.", "Tove Lindqvist"
    )
    assert a.role == "Acme Group spokesperson"


def test_possessive_appositive_gives_affiliation() -> None:
    text = '"We are ready," said Piet Ramaker, Interpol\'s chief, on Friday.'
    a = by_name(text, "Piet Ramaker")
    assert (a.role, a.affiliation) == ("chief", "Interpol")


def test_no_role_when_article_gives_none() -> None:
    assert by_name("Mara Quist arrived in the city late.", "Mara Quist").role is None


def test_plural_role_covers_listed_names() -> None:
    text = "Cup winners Ada Brook, Lena Holt and Rosa Vance were left out."
    assert all(
        by_name(text, n).role == "Cup winner" for n in ("Ada Brook", "Lena Holt", "Rosa Vance")
    )


def test_a_plural_role_opening_a_sentence_is_no_part_of_a_name() -> None:
    text = "Sprinters Ada Brook and Lena Holt are injured, Ola Brandt said."
    assert [by_name(text, n).role for n in ("Ada Brook", "Lena Holt")] == ["sprinter"] * 2


def test_a_role_shared_by_a_list_weighs_less_than_ones_own() -> None:
    text = (
        "Sprinters Ada Brook and Lena Holt ran on Monday. Later that day, coach Rosa Vance spoke."
    )
    found = names(text)
    assert found.index("Rosa Vance") < found.index("Ada Brook")


def test_description_at_sentence_start_names_previous_person() -> None:
    text = "Edda Morrow has quit the board. The chairwoman was criticised for her pay."
    assert by_name(text, "Edda Morrow").role == "chairwoman"


# ---------------------------------------------------------------- kinds and merging
def test_surname_and_honorific_merge_into_full_name() -> None:
    text = "Harald Nyberg won the seat. Mr Nyberg thanked voters. Later Nyberg left."
    found = [a for a in actors(text) if "Nyberg" in a.name]
    assert [a.name for a in found] == ["Harald Nyberg"]
    assert found[0].mentions == 3


def test_a_given_name_goes_to_the_person_a_body_is_named_after() -> None:
    text = (
        "Lena Holm kept a diary. It is at the home of Lena Holm Fonds, the foundation. Lena wept."
    )
    assert by_name(text, "Lena Holm Fonds").kind == "organization"
    assert by_name(text, "Lena Holm").mentions == 2
    assert "Lena" not in names(text)


def test_a_long_name_first_written_late_does_not_name_the_actor() -> None:
    text = "Trains reach Varby daily. The port of Varby is busy. Tourists like Varby in May."
    assert names(text + " Buses of Varby Transit run late.") == ["Varby"]
    # A full name written first, or late with a title, names the person.
    text = "Voters like Nyberg. Later Nyberg left. Then Nyberg slept."
    assert names("Harald Nyberg won the seat. " + text) == ["Harald Nyberg"]
    assert names(text + " Mayor Harald Nyberg spoke.") == ["Harald Nyberg"]


def test_acronym_merges_with_its_expansion() -> None:
    text = "The World Rowing Federation met. Later the WRF said it would appeal."
    a = by_name(text, "World Rowing Federation")
    assert a.kind == "organization" and "WRF" in a.aliases


def test_capital_and_demonym_link_to_named_country() -> None:
    text = "Russia sent troops. Moscow denied it. Russian officials said little."
    a = by_name(text, "Russia")
    assert a.kind == "country" and a.mentions == 3
    assert "Moscow" not in names(text)


def test_person_is_never_merged_into_a_place() -> None:
    text = "Paris said nothing. Later Anna Paris, a lawyer, spoke for the family."
    assert by_name(text, "Anna Paris").kind == "person"


def test_organisation_head_word_makes_organisation() -> None:
    assert by_name(
        "He joined the Northfield Rowing Club in May.", "Northfield Rowing Club"
    ).kind == ("organization")


def test_place_word_makes_place() -> None:
    assert by_name("Fans gathered at Elm Park before the match.", "Elm Park").kind == "place"


def test_hashtag_is_a_group() -> None:
    text = "Thousands joined #SaveTheDocks protests on Sunday. #SaveTheDocks trended all day."
    assert by_name(text, "#SaveTheDocks").kind == "group"


def test_hashtag_used_once_weighs_less() -> None:
    once = "Fans posted #NoMoreRain before the match. Ola Brandt and Tom Quill played."
    twice = "Fans posted #NoMoreRain before the match. #NoMoreRain won. Ola Brandt played."
    assert names(once)[-1] == "#NoMoreRain"  # named first, ranked last
    assert names(twice)[0] == "#NoMoreRain"


def test_owner_at_the_sentence_start_is_a_name() -> None:
    assert "Zentrix" in names("Zentrix's new phone sold out, Ola Brandt said.")
    assert names("Everyone's phone rang. Ola Brandt left.") == ["Ola Brandt"]


# ---------------------------------------------------------------- what must not be an actor
def test_months_weekdays_and_initial_common_words_are_not_actors() -> None:
    text = (
        "Meanwhile, the council met on Tuesday. Despite the rain, it voted in March. "
        "But nothing changed."
    )
    assert names(text) == []


def test_news_outlets_and_affiliates_are_not_actors() -> None:
    text = "Ola Brandt told CNN affiliate KXYZ that Reuters and the Associated Press were wrong."
    assert names(text) == ["Ola Brandt"]


def test_bare_title_is_not_a_person() -> None:
    text = "The President said the Prime Minister would visit. Ola Brandt agreed."
    assert names(text) == ["Ola Brandt"]


def test_quoted_titles_and_counted_things_are_not_actors() -> None:
    text = 'She won six Golden Globes and launched a "Clean Water" campaign with Ola Brandt.'
    assert names(text) == ["Ola Brandt"]


def test_a_name_a_work_noun_goes_with_is_a_work_wherever_it_is_named() -> None:
    text = "Ola Brandt wrote the column Northam Nights. Readers of Northam Nights wrote back."
    assert names(text) == ["Ola Brandt"]
    # A product noun that modifies another noun says nothing of the name.
    text = "Ola Brandt chairs the Varby games awards. Next year Varby hosts them again."
    assert "Varby" in names(text)


def test_a_capital_in_a_title_case_headline_needs_the_body_to_name_it() -> None:
    title = "Making the Case for Frozen Peas"
    text = f"{title} (Holm)\n\nOla Brandt buys peas in May. Peas keep well, Brandt said."
    assert [a.name for a in find_actors(annotated(text, title))] == ["Ola Brandt"]
    text = f"{title} (Holm)\n\nOla Brandt buys peas. The Case group agrees, Brandt said."
    assert "Case" in [a.name for a in find_actors(annotated(text, title))]


def test_one_word_after_a_that_ends_the_phrase_names_a_kind_of_thing() -> None:
    assert names("Ola Brandt drank a Fizzo, then left.") == ["Ola Brandt"]
    text = "Fizzo makes drinks in Varby. Ola Brandt drank a Fizzo, then left."
    assert "Fizzo" in names(text)  # it counts for the one named elsewhere


def test_a_letters_greeting_names_its_addressee() -> None:
    a = by_name("Dear Katherine:\n\nThe talks went well. I will write again.", "Katherine")
    assert (a.kind, a.role) == ("person", "addressee")
    text = "Dear Friends,\n\nThe flood is over. The town thanks you."
    assert by_name(text, "Friends").role == "addressee"


def test_a_name_signed_after_a_letters_closing_line_is_its_writer() -> None:
    text = "The harbour froze early this year. We skated to the island.\n\nBest wishes,\n\nAnna"
    a = by_name(text, "Anna")
    assert (a.kind, a.role) == ("person", "writer")
    # A capitalised line after another kind of line, or a closing said twice, signs nothing.
    text = "The harbour froze early this year. We skated to the island.\n\nWell done.\n\nAnna"
    assert "Anna" not in names(text)
    assert names("We danced all night.\n\nCheers!\n\nCheers! Try it out!") == []
    # Not in paragraphs of their own, a short line and a capitalised one are just text.
    text = "The ferry runs daily. Thanks to the council.\n\nBig Harbour. It reopens soon."
    assert all(a.role != "writer" for a in actors(text))


def test_an_acronym_spelled_by_common_words_in_capitals_is_a_term() -> None:
    text = (
        "Ola Brandt sells Compact Fluorescent Light (CFL) bulbs. A compact fluorescent light"
        " saves power. CFL sales grew."
    )
    assert names(text) == ["Ola Brandt"]
    text = (
        "The Harbour Health Organization (HHO) warned the harbour's health is poor, the"
        " organization said."
    )
    assert "Harbour Health Organization" in names(text)
    # A function word may give a letter; a hyphen may join the letters.
    text = (
        "Ola Brandt runs the Engine Under Load (EUL) test. The engine runs under a heavy load."
        " The EUL test failed twice. The EUL test needs fuel."
    )
    assert names(text) == ["Ola Brandt"]
    text = (
        "Ola Brandt prefers Formal Matching (F-M). Her formal matching is slow. F-M keeps the"
        " form. F-M needs care."
    )
    assert names(text) == ["Ola Brandt"]


def test_demonym_alone_makes_no_country() -> None:
    assert names("Ola Brandt spoke on Finnish radio.") == ["Ola Brandt"]


def test_contractions_and_interjections_are_not_names() -> None:
    text = "I'm sure, said Ola Brandt. Oh Dad, I'll be late. Honestly I don't know."
    assert names(text) == ["Ola Brandt"]


def test_role_modifier_before_a_country_is_no_organisation() -> None:
    text = "Former England captain Ola Brandt said the side was tired."
    assert "Former England" not in names(text)
    assert by_name(text, "Ola Brandt").role == "Former England captain"
    assert "New Zealand" in names("New Zealand beat Fiji. Ola Brandt scored twice.")


def test_adjectives_of_faiths_and_regions_are_not_actors() -> None:
    text = "Asian and Roman Catholic groups met Ola Brandt on Monday."
    assert names(text) == ["Ola Brandt"]


def test_plural_demonym_counts_for_its_country() -> None:
    assert names("The Italians were happy, Ola Brandt said.") == ["Ola Brandt"]
    found = {a.name: a for a in actors("Italy won. The Italians celebrated in Rome.")}
    assert found["Italy"].mentions >= 2


def test_events_prizes_and_studies_are_not_actors() -> None:
    text = "Ola Brandt won the World Cup and an Academy Award, the Global Trade Study said."
    assert names(text) == ["Ola Brandt"]


def test_generic_acronyms_diseases_and_awards_are_not_actors() -> None:
    text = "Ola Brandt, who has ALS, sold the DVD rights before the GDP data and the Oscars."
    assert names(text) == ["Ola Brandt"]


def test_capitalised_common_words_of_the_article_are_not_names() -> None:
    text = (
        "The show Fear Factor was cancelled, Ola Brandt said. "
        "The fear of heights was a factor, she added."
    )
    assert "Fear Factor" not in names(text)


def test_a_name_written_capitalised_far_more_often_than_in_lower_case_stays_a_name() -> None:
    streets = ("red", "big", "old", "new", "wet", "dry", "low", "odd")
    towns = " ".join(f"The {w} street of Varby is busy." for w in streets)
    text = f"Varby is a harbour town. The word varby means bay. {towns} Varby grew, Varby shrank."
    assert "Varby" in names(text)
    # Written capitalised a few times only: the word in lower case makes it a common word.
    text = "Varby is a harbour town. The word varby means bay. Varby grew, then Varby shrank."
    assert "Varby" not in names(text)


def test_heading_gives_no_evidence() -> None:
    text = "Things You Need\n\nMix the flour and the butter. Ola Brandt bakes every day."
    assert names(text) == ["Ola Brandt"]


# ---------------------------------------------------------------- more roles
def test_role_noun_by_its_ending() -> None:
    assert by_name("The band said bassist Ola Brandt had left.", "Ola Brandt").role == "bassist"


def test_compound_role_nouns() -> None:
    text = "Ola Brandt, co-owner of Harbour Foods, said prices would rise."
    assert by_name(text, "Ola Brandt").role == "co-owner of Harbour Foods"
    text = "Tom Quill, editor-in-chief of the Northport Times, resigned."
    assert by_name(text, "Tom Quill").role == "editor-in-chief of the Northport Times"


def test_two_roles_joined_by_and() -> None:
    text = "On Monday, vocalist and guitarist Ola Brandt left the band."
    assert by_name(text, "Ola Brandt").role == "vocalist and guitarist"


def test_relation_names_whom_it_relates_to() -> None:
    text = "Ilse Marsh won the final. Her father Tom Marsh said she trained for years."
    assert by_name(text, "Tom Marsh").role == "Ilse Marsh's father"
    text = "Ola Brandt kept the letters of his cousin Tom Quill."
    assert by_name(text, "Tom Quill").role == "Ola Brandt's cousin"
    assert by_name(text, "Ola Brandt").role == "Tom Quill's cousin"  # a relation both ways


def test_function_wins_over_relation() -> None:
    text = "Ola Brandt arrived with his wife, Ilse, a former dressage rider, on Monday."
    assert by_name(text, "Ilse").role == "former dressage rider"


def test_role_after_a_copula() -> None:
    text = "Ola Brandt is the new chief executive of Harbour Foods."
    assert by_name(text, "Ola Brandt").role == "new chief executive of Harbour Foods"


def test_role_before_an_honorific() -> None:
    text = "Lions coach Sir Tom Quill said the squad was ready."
    assert by_name(text, "Tom Quill").role == "Lions coach"


def test_role_first_appositives() -> None:
    text = "Sylvania's chief negotiator, Tomas Varga, said the talks failed."
    assert "chief negotiator" in (by_name(text, "Tomas Varga").role or "")
    text = "The fighter fell after a kick from one of his opponents, Rey Blanco, on Friday."
    assert by_name(text, "Rey Blanco").role == "opponent"
    text = "But Economy Minister, Ola Brandt, told reporters the plan was ready."
    assert by_name(text, "Ola Brandt").role == "Economy Minister"


def test_role_from_a_relative_clause() -> None:
    text = 'Ola Brandt, who heads the Harbour Workers Union, said "no".'
    a = by_name(text, "Ola Brandt")
    assert (a.role, a.affiliation) == ("head of Harbour Workers Union", "Harbour Workers Union")


def test_body_before_a_title_belongs_to_the_role() -> None:
    text = "Northport NAACP chapter President Ola Brandt issued a statement."
    a = by_name(text, "Ola Brandt")
    assert (a.role, a.affiliation) == ("Northport NAACP chapter President", "Northport NAACP")


def test_definite_description_with_a_possessive() -> None:
    text = "Mr Tom Quill spoke first. The former health secretary's speech was short."
    assert by_name(text, "Tom Quill").role == "former health secretary"


def test_quoted_title_inside_an_appositive() -> None:
    text = 'Ola Brandt, editor of the "Harbour Report," told reporters.'
    assert by_name(text, "Ola Brandt").role == "editor of the Harbour Report"


# ---------------------------------------------------------------- kinds and names
def test_dateline_in_capitals_is_a_place() -> None:
    found = {a.name: a for a in actors("NORTHPORT 2024-05-01\nOla Brandt won the vote.")}
    assert found["NORTHPORT"].kind == "place"
    assert by_name("ROMANIA 2 Fiji 1. Ola Brandt scored.", "ROMANIA").kind == "country"


def test_a_word_before_said_is_a_person() -> None:
    text = "The match ended early. Quillsby said the referee was right."
    assert by_name(text, "Quillsby").kind == "person"


def test_subject_at_the_sentence_start() -> None:
    assert "Zentrix" in names("Zentrix will launch the phone in May, Ola Brandt said.")


def test_town_and_state_is_a_place() -> None:
    text = "Ola Brandt grew up in a farm near Jackson, Mississippi, before moving."
    assert by_name(text, "Jackson").kind == "place"


def test_platform_after_on_is_a_place_not_an_organisation() -> None:
    text = "Ola Brandt wrote on Chirpr that the vote was lost."
    assert by_name(text, "Chirpr").kind == "place"


def test_organisation_goes_by_its_usual_name() -> None:
    text = (
        "The Harbour Fund backed the plan. The Harbour Fund Annual Gala raised money. "
        "The Harbour Fund said it was pleased."
    )
    assert "Harbour Fund" in names(text)
    text = "British and Irish Lions coach Ola Brandt named the squad. The Lions fly on Monday."
    assert "British and Irish Lions" in names(text)


def test_date_after_a_name_is_cut() -> None:
    assert "Ola Brandt" in names("Interview with Ola Brandt Sunday, May 28, 2006\n\nShe spoke.")
    assert "Mike Friday" in names("Coach Mike Friday said the side was ready.")


def test_country_named_only_as_a_place_weighs_less() -> None:
    text = "Ola Brandt and Harbour Foods met in Freedonia. Freedonia is far away."
    located = find_actors(annotated("Ola Brandt met Harbour Foods in Finland."))
    acting = find_actors(annotated("Finland met Harbour Foods. Ola Brandt agreed."))
    assert by_score(located, "Finland") < by_score(acting, "Finland")
    assert text


def test_regions_are_places() -> None:
    assert by_name("Prices rose across Europe, Ola Brandt said.", "Europe").kind == "place"


def test_place_preposition_covers_a_list() -> None:
    text = "The service starts in Leeds, Glasgow and Northport, Ola Brandt said."
    assert by_name(text, "Northport").kind == "place"


def test_place_noun_of_a_name() -> None:
    assert by_name("He scored in the northern city of Haifa.", "Haifa").kind == "place"
    text = "Floods cut off the mountain village of Verdanza, Ola Brandt said."
    assert by_name(text, "Verdanza").kind == "place"


def test_a_town_name_opened_by_a_place_word_is_a_place() -> None:
    text = "Rain flooded San Telmar on Sunday. San Telmar has 4,000 people, Ola Brandt said."
    assert by_name(text, "San Telmar").kind == "place"


def test_name_as_a_modifier_after_a_is_no_actor() -> None:
    assert names("We met in an Atlanta hotel, Ola Brandt said.") == ["Ola Brandt"]
    text = "Atlanta voted on Monday. We met in an Atlanta hotel."
    assert by_name(text, "Atlanta").mentions == 2  # it counts for a name used elsewhere


def test_a_name_of_several_words_as_a_modifier_after_a_is_no_actor() -> None:
    text = "A Zentrix TV network is being sued by Ola Brandt, a viewer."
    assert names(text) == ["Ola Brandt"]
    text = "Zentrix TV sued Ola Brandt. A Zentrix TV network broadcast it."
    assert by_name(text, "Zentrix TV").mentions == 2  # it counts for a name used elsewhere


def test_sentence_start_explains_a_capital_before_a_role() -> None:
    text = "Market leader Zentrix will launch a phone, Ola Brandt said."
    assert "Market" not in names(text)
    assert "Zentrix" in names(text)


def by_score(found: list[Actor], name: str) -> float:
    return next(a.score for a in found if a.name == name)


# ---------------------------------------------------------------- ranking
def test_ranked_by_salience() -> None:
    text = (
        "Governor Ilse Marsh vetoed the bill. Marsh said it cost too much. "
        "Critics led by Tom Quill disagreed. Marsh will speak again."
    )
    assert names(text)[0] == "Ilse Marsh"
    summary_first = find_actors(annotated(text), {2})
    assert summary_first[0].name == "Ilse Marsh"


# ---------------------------------------------------------------- short articles
HARBOUR = """Northport City Council voted on Monday to sell the old harbour to Blue Fin Ltd.

Mayor Greta Holm said the sale would save jobs. "This is a good day," Holm said.
Opposition leader Jonas Pike, of the Green Party, called the deal a giveaway.
The council will meet again in June, and Blue Fin Ltd. said it would start work soon.
"""

SUMMIT = """Ministers from Norway and Sweden met in Oslo on Tuesday to discuss fishing quotas.

Norwegian Fisheries Minister Odd Rye said the talks were "difficult".
Sweden's envoy Karin Ek said Stockholm wanted a deal by spring.
The European Union will send observers.
Rye and Ek will meet again next month, the Norwegian government said.
"""


def test_harbour_article() -> None:
    found = {a.name: a for a in actors(HARBOUR)}
    assert {"Northport City Council", "Greta Holm", "Jonas Pike", "Blue Fin Ltd."} <= set(found)
    assert found["Greta Holm"].role == "Mayor"
    assert found["Jonas Pike"].role == "Opposition leader"
    assert found["Jonas Pike"].affiliation == "Green Party"
    assert "June" not in found and "Monday" not in found


def test_summit_article() -> None:
    found = {a.name: a for a in actors(SUMMIT)}
    assert found["Odd Rye"].role == "Norwegian Fisheries Minister"
    assert found["Odd Rye"].affiliation == "Norway"
    assert found["Karin Ek"].role == "Sweden's envoy"
    assert found["Norway"].kind == "country" and found["Sweden"].kind == "country"
    assert "Oslo" in found["Norway"].aliases and "Stockholm" in found["Sweden"].aliases
    assert "European Union" in found


# ---------------------------------------------------------------- robustness and speed
@settings(max_examples=700, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_actors_named_in_it(text: str) -> None:
    doc = make_document(text)
    for a in find_actors(annotate(doc)):
        assert a.name and a.name in doc.text
        assert a.kind in ("person", "organization", "country", "group", "place")


@settings(max_examples=700, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Ola",
                "Brandt",
                "Mr",
                "President",
                "of",
                "the",
                "Bank",
                "said",
                ",",
                ".",
                "Russia",
                "Russian",
                "NATO",
                "#Go",
                "non-NATO",
                "'s",
                "leader",
                "Moscow",
                '"',
                "and",
                "The",
            ]
        ),
        max_size=60,
    )
)
def test_name_like_word_salad_does_not_crash(parts: list[str]) -> None:
    doc = make_document(" ".join(parts))
    for a in find_actors(annotate(doc)):
        assert a.name in doc.text


def test_repeated_articles_give_the_same_actors_once() -> None:
    # Speed is measured in bench/rank_speed.py; here: a long input neither duplicates actors
    # nor loses the ones a single copy has.
    once = {a.name for a in find_actors(annotated(HARBOUR + "\n\n" + SUMMIT))}
    many = find_actors(annotated((HARBOUR + "\n\n" + SUMMIT + "\n\n") * 700))
    names = [a.name for a in many]
    assert len(names) == len(set(names))
    assert set(names[:4]) <= once


def test_company_suffix_with_a_full_stop_makes_an_organisation() -> None:
    text = (
        "Bay Meals Inc. reported a rise in profit on Monday. The company said sales grew. "
        "Bay Meals expects more growth next year, its chief executive said."
    )
    kinds = {a.name: a.kind for a in find_actors(annotated(text))}
    assert any(
        name.startswith("Bay Meals") and kind == "organization" for name, kind in kinds.items()
    )


def test_a_named_law_is_not_an_actor() -> None:
    text = (
        "Lawmakers approved the Clean Rivers Act on Tuesday. "
        "Environment Minister Jo Park said the Clean Rivers Act would take effect next year."
    )
    names = [a.name for a in find_actors(annotated(text))]
    assert "Jo Park" in names
    assert not any("Act" in n for n in names)


def test_an_actor_named_in_the_headline_ranks_first() -> None:
    body = (
        "Finance Minister Ana Ruiz said on Monday that the budget would be tight. "
        "Ruiz told reporters the cuts were needed. "
        "Bay Meals Inc. said it would cut 200 jobs after the budget. Bay Meals blamed costs."
    )
    assert find_actors(annotated(body))[0].name == "Ana Ruiz"
    doc = annotated(body, title="Bay Meals to cut 200 jobs")
    assert find_actors(doc)[0].name.startswith("Bay Meals")


def test_a_role_before_a_list_stops_at_the_previous_name() -> None:
    text = "Former Prime Minister Ana Ruiz and Harbour United manager Tom Li both spoke on Monday."
    actors = {a.name: a for a in find_actors(annotated(text))}
    assert actors["Tom Li"].role == "Harbour United manager"
    assert actors["Ana Ruiz"].role == "Former Prime Minister"
    assert actors["Ana Ruiz"].affiliation is None
    assert "Former" not in actors


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers reached villages in the High Atlas mountains on Sunday.",
        "The storm hit hardest in Santa Barbara, where roads flooded. Crews in Santa Barbara "
        "worked overnight.",
    ],
)
def test_geography_is_never_a_person(text: str) -> None:
    assert all(a.kind != "person" for a in find_actors(annotated(text)))


def test_a_head_word_in_a_title_is_not_an_organisation() -> None:
    text = "Council leader Tomas Berg said the bridge would close for six weeks."
    names = [a.name for a in find_actors(annotated(text))]
    assert "Tomas Berg" in names
    assert "Council" not in names


def test_mr_surname_joins_the_person_even_when_a_body_shares_the_name() -> None:
    text = (
        "Former presenter Robert Kilroy-Silk will stand for parliament. "
        'His rival said he cared more for "the Robert Kilroy-Silk Party" than for voters. '
        "Mr Kilroy-Silk said he would win. Mr Kilroy-Silk spoke for an hour."
    )
    people = [a for a in find_actors(annotated(text)) if a.kind == "person"]
    assert [p.name for p in people] == ["Robert Kilroy-Silk"]
    assert people[0].mentions >= 3


def test_a_sentence_opening_honorific_makes_a_person() -> None:
    (actor,) = find_actors(annotated("Mr Holt said he would resign."))
    assert (actor.name, actor.kind) == ("Holt", "person")


def test_former_before_a_role_is_part_of_the_role() -> None:
    actors = find_actors(annotated("Former presenter Ann Lee spoke on Monday."))
    assert [(a.name, a.role, a.affiliation) for a in actors] == [
        ("Ann Lee", "Former presenter", None)
    ]


def test_an_acronym_may_keep_a_capitalised_word_whole() -> None:
    text = (
        "The UK Independence Party met in London on Monday. "
        "UKIP leader Ann Lee said UKIP would stand in every seat."
    )
    names = [a.name for a in find_actors(annotated(text))]
    assert "UK Independence Party" in names
    assert "UKIP" not in names


def test_a_clause_after_a_comma_is_not_a_role() -> None:
    text = "The Harbour Party, wants its new group to change politics, its leader said."
    assert all(a.role is None for a in find_actors(annotated(text)))


def test_an_appositive_without_a_determiner_is_a_role() -> None:
    (actor,) = find_actors(annotated("Tom Li, chief executive, said sales rose."))
    assert actor.role == "chief executive"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The plan was drawn up by the Ministry of Transport.", "Ministry of Transport"),
        ("Sales rose at Harbour Foods Inc.", "Harbour Foods Inc."),
    ],
)
def test_a_name_keeps_only_a_full_stop_of_its_own(text: str, name: str) -> None:
    assert name in [a.name for a in find_actors(annotated(text))]


# ---------------------------------------------------------------- language data
def test_the_rules_read_the_word_lists_of_the_documents_language(tmp_path: Path) -> None:
    text = "Fans cheered as the council met Warden Ola Brandt on Monday."
    english = {a.name: a for a in find_actors(annotated(text))}
    assert english["Warden Ola Brandt"].role is None  # "Warden" is no English title here
    (tmp_path / "meta.map").write_text("name: Testish\nstemmer:\n", encoding="utf-8")
    (tmp_path / "titles.txt").write_text("Warden\n", encoding="utf-8")
    (tmp_path / "weekdays.txt").write_text("monday\n", encoding="utf-8")
    language = read_language(tmp_path)
    doc = annotate(make_document(text, language=language), language)
    found = {a.name: a for a in find_actors(doc)}
    assert set(found) == {"Ola Brandt"}
    assert found["Ola Brandt"].role == "Warden"


def test_every_mention_carries_its_offsets_in_its_sentence() -> None:
    doc = annotated(
        "Labour MSP Ola Brandt backed #SaveTheDocks. A non-NATO envoy met the standards "
        "committee, and Kremlin-backed rebels left Northport."
    )
    kinds = {m.text: m.kind for m in doc.mentions}
    assert {"Ola Brandt", "Labour", "#SaveTheDocks", "NATO", "Kremlin"} <= set(kinds)
    assert "standards committee" in kinds
    for m in doc.mentions:
        assert doc.sentences[m.sentence].text[m.start : m.end] == m.text


def test_programming_values_are_no_actors() -> None:
    text = "The call returns None and the column holds NULL values, Ola Brandt wrote."
    assert names(text) == ["Ola Brandt"]


# ---------------------------------------------------------------- name boundaries (issue 13)
def test_a_middle_initial_stays_inside_the_name() -> None:
    text = "Brenna T. Oakhurst opened the mill. Oakhurst said it would hire."
    a = by_name(text, "Brenna T. Oakhurst")
    assert a.kind == "person" and a.mentions == 2


def test_an_initial_before_a_surname_makes_a_person() -> None:
    text = "The visitors lost early. R. Quillfeather took three wickets for the hosts."
    assert by_name(text, "R. Quillfeather").kind == "person"


def test_a_nationality_before_a_name_is_not_part_of_it() -> None:
    text = "Swedish Lina Marsk beat the champion in three sets on Sunday."
    assert by_name(text, "Lina Marsk").kind == "person"
    assert "Swedish Lina Marsk" not in names(text)


def test_a_capital_named_as_a_location_is_a_place_of_its_own() -> None:
    text = "Norway raised taxes. Traders in Oslo said prices rose. Norway denied it."
    found = {a.name: a for a in actors(text)}
    assert found["Oslo"].kind == "place"
    assert found["Norway"].mentions == 3  # "in Oslo" still counts for its country


def test_a_capital_in_a_dateline_is_a_place() -> None:
    text = "MOSCOW 2024-05-02\nRussia said the talks failed. Russia wants more time."
    assert by_name(text, "MOSCOW").kind == "place"


def test_two_particles_stay_inside_a_name() -> None:
    text = "The fans cheered for Anke van der Molen after the final."
    assert "Anke van der Molen" in names(text)


def test_of_after_a_persons_name_starts_the_affiliation() -> None:
    text = "The visitors scored late through Ralf Emmerich of Harbour City on Saturday."
    found = names(text)
    assert "Ralf Emmerich" in found and "Harbour City" in found


def test_a_title_inside_a_body_does_not_stop_a_joined_name() -> None:
    text = "Funding rose at the Department of Health and Rural Services this spring."
    assert "Department of Health and Rural Services" in names(text)


def test_a_month_after_the_is_no_part_of_a_name() -> None:
    text = "Traders waited for the August Harbour Index before buying."
    assert "Harbour Index" in names(text)


def test_a_number_word_before_a_demonym_counts_people() -> None:
    text = "Three Swedish climbers reached the summit with Ola Brandt."
    assert "Three Swedish" not in names(text)


def test_a_persons_name_after_from_stays_a_person() -> None:
    text = "The new captain takes over from Ronan Dervish, who led the side for years."
    assert by_name(text, "Ronan Dervish").kind == "person"


def test_a_building_word_makes_a_place() -> None:
    text = "The gates of Elmsworth Castle reopened to visitors this week."
    assert by_name(text, "Elmsworth Castle").kind == "place"


def test_an_outlets_correspondent_is_credited_not_an_actor() -> None:
    text = "CNN correspondent Lotta Veerman, who lives in Lima, explains the protests."
    assert "Lotta Veerman" not in names(text)


def test_a_place_after_in_the_is_a_location() -> None:
    text = "Sales of the Zento console began in the Lowlands last week."
    assert by_name(text, "Lowlands").kind == "place"


def test_a_name_after_a_work_noun_is_a_title() -> None:
    text = "Viewers loved the drama Harbour Lights, made by Ola Brandt."
    assert names(text) == ["Ola Brandt"]


def test_a_quoted_title_opened_by_a_function_word_is_no_actor() -> None:
    text = 'Ola Brandt directed "Still Marigold," a film about memory.'
    assert names(text) == ["Ola Brandt"]


def test_an_acronym_defined_by_lower_case_words_is_a_term() -> None:
    text = "We measured the wave return index (WRI) at dawn. The WRI fell, Ola Brandt said."
    assert names(text) == ["Ola Brandt"]


def test_a_us_state_abbreviation_is_a_place() -> None:
    text = "Harbour Foods of Dunmore, Fla., said sales rose."
    assert by_name(text, "Fla").kind == "place"


def test_a_former_country_name_is_a_country() -> None:
    text = "Exports to Burma rose, Ola Brandt said."
    assert by_name(text, "Burma").kind == "country"


def test_a_disputed_region_is_a_place() -> None:
    text = "Ola Brandt said the convoy reached Kashmir late."
    assert by_name(text, "Kashmir").kind == "place"


def test_a_newsroom_or_a_reserve_is_an_organisation() -> None:
    text = "The Northport Reserve raised rates, the Delta Newsroom reported."
    assert by_name(text, "Northport Reserve").kind == "organization"
    assert by_name(text, "Delta Newsroom").kind == "organization"


def test_a_byline_keeps_the_surname() -> None:
    text = "Tilda Marrowby\nOSLO 2024-05-02\nNorway raised taxes on Friday, officials said."
    assert by_name(text, "Tilda Marrowby").kind == "person"


def test_men_and_women_as_a_heading_are_no_actors() -> None:
    text = "Ola Brandt won the Women final and Per Lund the Men final."
    assert not {"Women", "Men"} & set(names(text))


def test_a_run_of_single_letters_is_no_name() -> None:
    text = "Standings after Sunday's games.\nW D L G\nHarbour United 3 1 0 9"
    assert "W D L G" not in names(text)


def test_republic_of_joins_a_name() -> None:
    text = "Envoys of the Federal Republic of Zembla met Ola Brandt."
    assert "Federal Republic of Zembla" in names(text)


def test_an_assistant_title_names_no_body() -> None:
    a = by_name("Assistant Minister Ana Ruiz met the envoys.", "Ana Ruiz")
    assert (a.role, a.affiliation) == ("Assistant Minister", None)


def test_a_place_word_opens_a_name_at_a_sentence_start() -> None:
    text = "Fort Bellamy is a town by the bay. The old fort was rebuilt in 1820."
    assert by_name(text, "Fort Bellamy").kind == "place"


def test_a_subject_before_a_bracketed_aside_is_a_name() -> None:
    text = "Zolvik (pronounced Zol-vik) is the third city of the region."
    assert "Zolvik" in names(text)


def test_journalists_credited_for_the_report_are_no_actors() -> None:
    text = "Ola Brandt won the vote. Tim Gale and Ada Lund contributed to this report."
    assert names(text) == ["Ola Brandt"]


def test_a_place_the_text_tells_of_weighs_more_than_a_location() -> None:
    text = (
        "Fort Bellamy is a town by the sea. The town is old. Ola Brandt runs the ferry. "
        "Fort Bellamy has a port. The port is busy."
    )
    assert names(text)[:2] == ["Fort Bellamy", "Ola Brandt"]


def test_a_county_that_beats_another_is_a_team() -> None:
    text = "On Friday Surrey beat Kent by six wickets."
    assert by_name(text, "Surrey").kind == "organization"
    assert by_name(text, "Kent").kind == "organization"


def test_a_name_before_a_product_noun_is_a_product() -> None:
    text = "Ola Brandt said the new Zentrix console sold well, like the Zentrix 2 game."
    assert names(text) == ["Ola Brandt"]


def test_a_name_owning_a_disease_is_no_actor() -> None:
    text = "Ola Brandt has lived with Tam Orvell's disease for ten years."
    assert names(text) == ["Ola Brandt"]


def test_a_dateline_capital_outranks_a_mere_location() -> None:
    text = "LONDON 2024-05-02\nTraders in Leeds met. Prices in Leeds rose. Britain said more."
    found = names(text)
    assert found.index("LONDON") < found.index("Leeds")


def test_a_month_in_capitals_is_no_actor() -> None:
    text = "Ola Brandt published it.\nFRIDAY, AUGUST 30 SCHEDULE\nHarbour United v Delta City"
    found = names(text)
    assert "AUGUST" not in found and "FRIDAY" not in found


def test_new_cut_off_its_name_is_no_actor() -> None:
    text = "Ola Brandt joined the New Harbour-based group on Monday."
    assert "New" not in names(text)


def test_a_particle_glued_to_a_name_is_part_of_it() -> None:
    text = "Pilgrims filled the al-Zahra shrine, said Karim el-Masri on Friday."
    found = names(text)
    assert "Karim el-Masri" in found and "al-Zahra" in found


def test_for_after_an_organisation_head_joins_its_name() -> None:
    text = "Scientists at the Northern Institute for Marine Research said on Monday."
    assert "Northern Institute for Marine Research" in names(text)


def test_a_hyphenated_title_splits_the_body_from_the_person() -> None:
    a = by_name("ACME Director-General Ola Brandt opened the plant.", "Ola Brandt")
    assert (a.kind, a.role, a.affiliation) == ("person", "ACME Director-General", "ACME")


def test_a_capital_after_a_reference_mark_is_expected() -> None:
    text = "Ola Brandt studied in Oslo. [2] Following her degree, she taught there."
    assert "Following" not in names(text)


def test_a_heading_phrase_of_common_words_is_no_actor() -> None:
    text = (
        "Ola Brandt grows basil.\nMethod 1 of 2: Starting Seeds\n"
        "Plant the seeds in May. Starting early helps, Ola Brandt says."
    )
    assert names(text) == ["Ola Brandt"]


def test_generic_technical_acronyms_are_no_actors() -> None:
    text = "Ola Brandt said the AI reads every PDF and RSS feed it finds."
    assert names(text) == ["Ola Brandt"]


def test_sacred_and_founding_texts_named_alone_are_no_actors() -> None:
    text = "Ola Brandt quoted the Bible and the Constitution in her speech."
    assert names(text) == ["Ola Brandt"]


def test_a_line_of_tags_names_no_movement() -> None:
    text = "Ola Brandt wrote about focus.\n#focus #work #habits #advice"
    assert names(text) == ["Ola Brandt"]


def test_mixed_case_and_plural_defined_acronyms_are_terms() -> None:
    text = (
        "The centre of lift (CoL) moved. We use second wave (W2) data and loose "
        "knots (LKs) here. The CoL, W2 and LK rose, Ola Brandt said."
    )
    assert names(text) == ["Ola Brandt"]


def test_honours_after_a_name_are_no_part_of_it() -> None:
    text = "Dame Ola Brandt DBE opened the new hall on Monday."
    assert by_name(text, "Ola Brandt").kind == "person"


def test_a_two_word_country_inside_a_name_makes_an_organisation() -> None:
    text = "The Sri Lanka Herald reported the vote on Monday."
    assert by_name(text, "Sri Lanka Herald").kind == "organization"


def test_an_ordinal_era_before_a_name_is_no_part_of_it() -> None:
    text = "The museum shows 18th Century Valbrand paintings, Ola Brandt said."
    assert "Valbrand" in names(text)


def test_a_quotation_closed_by_a_function_word_is_no_actor() -> None:
    text = 'Ola Brandt showed a slide titled "Selma Won Because" to the court.'
    assert names(text) == ["Ola Brandt"]


def test_a_quoted_title_with_small_words_inside_is_no_actor() -> None:
    text = "Ola Brandt beat the film “Twice Upon A Night in Varberg” at the festival."
    assert names(text) == ["Ola Brandt"]
    # A quotation that is a sentence, not a title, still names its actors.
    assert "Norway" in names("“We are with Norway,” Ola Brandt said.")


def test_an_agreement_and_file_formats_are_no_actors() -> None:
    text = (
        "Ola Brandt said the Varberg Agreement would bind Norway. "
        "She sent the slides as a PPT file and a JPEG."
    )
    assert names(text) == ["Ola Brandt", "Norway"]


def test_a_company_suffix_alone_is_no_actor() -> None:
    text = "Shopmart.com Inc., the online grocer, hired Ola Brandt. Acme Inc. agreed."
    assert names(text) == ["Ola Brandt", "Acme Inc."]


def test_an_epithet_ends_a_rulers_name() -> None:
    text = "The envoy served Tsar Ivor the Bold for years. Later Ivor the Bold died."
    a = by_name(text, "Ivor the Bold")
    assert (a.kind, a.role) == ("person", "Tsar")


def test_a_name_ending_in_a_group_adjective_is_a_description() -> None:
    text = "Ola Brandt met Northern Buddhist monks in the valley."
    assert names(text) == ["Ola Brandt"]


def test_one_word_of_a_name_is_one_name() -> None:
    text = "Ola Brandt praised the Friends of Varberg Harbour and the Guild of Weavers."
    found = names(text)
    assert "Friends of Varberg Harbour" in found and "Varberg Harbour" not in found
    # Not before a country: "Brandt of Norway" is a person and her country.
    assert "Norway" in names("The medal went to Brandt of Norway on Monday.")


def test_a_title_modifier_before_a_name_word_makes_no_person() -> None:
    text = "Ola Brandt thanked the Veterans of Foreign Campaigns on Monday."
    found = names(text)
    assert "Campaigns" not in found and "Veterans of Foreign Campaigns" in found
    a = by_name("Deputy Foreign Minister Kalle Varga spoke.", "Kalle Varga")
    assert a.role == "Deputy Foreign Minister"
    desk = "Prices rose, the Varberg Energy Desk reported on Monday."
    assert by_name(desk, "Varberg Energy Desk").kind == "organization"


def test_a_name_used_as_an_adjective_says_nothing_of_where() -> None:
    text = "Ola Brandt stayed at an Oslund hotel. Later, in Oslund, she met the mayor."
    assert by_name(text, "Oslund").kind == "place"


def test_an_event_with_a_numeral_is_no_actor() -> None:
    text = "Ola Brandt fought in the Great Border War II, and later met Pope Leo XIV."
    found = names(text)
    assert "Great Border War II" not in found and "Leo XIV" in found


def test_examples_of_a_place_noun_are_places() -> None:
    text = "Ola Brandt opened shops in towns such as Varby, Holm and Oskar."
    assert {by_name(text, n).kind for n in ("Varby", "Holm", "Oskar")} == {"place"}


def test_a_place_word_last_heads_a_name_over_a_body_word() -> None:
    text = "Ola Brandt spoke to the crowd gathered in Union Square on Monday."
    assert by_name(text, "Union Square").kind == "place"


def test_a_name_ending_in_a_capital_city_is_an_organisation() -> None:
    text = "Ola Brandt left Sporting Lisbon and joined Dynamo Oslo last year."
    assert {by_name(text, n).kind for n in ("Dynamo Oslo", "Sporting Lisbon")} == {"organization"}


def test_a_verb_before_a_body_is_no_part_of_a_role() -> None:
    text = "The injury leaves Harbour boss Ola Brandt short of players."
    assert by_name(text, "Ola Brandt").role == "Harbour boss"


def test_a_role_noun_opening_a_sentence_is_given_in_lower_case() -> None:
    assert by_name("Striker Ola Brandt scored twice.", "Ola Brandt").role == "striker"
    assert by_name("President Ola Brandt spoke.", "Ola Brandt").role == "President"
    text = "Ola Brandt, the head of the city's lawyers, spoke on Monday."
    assert by_name(text, "Ola Brandt").role == "head of the city's lawyers"


def test_a_plural_name_after_the_is_a_team_or_band() -> None:
    text = "Ola Brandt signed for the Northam Gulls, who beat the Rolling Pebbles."
    assert {by_name(text, n).kind for n in ("Northam Gulls", "Rolling Pebbles")} == {"organization"}


def test_an_accounts_handle_is_no_actor() -> None:
    assert names("Ola Brandt replied to @HarbourGulls on Monday.") == ["Ola Brandt"]


def test_people_owning_a_body_are_part_of_its_name() -> None:
    text = "Ola Brandt met the Harbour Veterans' Affairs Committee and the Women's Guild."
    found = names(text)
    assert "Harbour Veterans' Affairs Committee" in found and "Women's Guild" in found
    # A named owner is not: the country and the party are two actors.
    assert {"Norway", "Labour Party"} <= set(names("Norway's Labour Party met Ola Brandt."))


def test_the_place_an_article_opens_with_outranks_a_person_named_once() -> None:
    text = "OSLUND 2024-05-02\nOla Brandt met Kari Holm on Monday. Ola Brandt left."
    found = names(text)
    assert found.index("OSLUND") < found.index("Kari Holm")


def test_a_newspapers_name_is_an_organisation() -> None:
    text = "Ola Brandt told the Northam Gazette she would run again."
    assert by_name(text, "Northam Gazette").kind == "organization"


def test_a_name_owned_by_his_or_her_is_a_thing() -> None:
    text = "Ola Brandt posted the photo on her Snapgram and drove off in her Zentra."
    assert names(text) == ["Ola Brandt"]
    # Not a name modifying what is owned: "her Harbour United debut".
    assert "Harbour United" in names("Ola Brandt made her Harbour United debut.")


def test_an_age_between_a_name_and_its_role_is_skipped() -> None:
    text = "Kari Holm, 45, a former soldier, said the plan failed."
    assert by_name(text, "Kari Holm").role == "former soldier"


def test_a_description_set_off_by_a_comma_names_the_person_before() -> None:
    text = "Kari Holm said he would appeal. The lawyer, who lives nearby, was fined."
    assert by_name(text, "Kari Holm").role == "lawyer"
    # Not a list of posts: "The chairman, chief executive and two directors left."
    text = "Kari Holm spoke. The chairman, chief executive and two directors left."
    assert by_name(text, "Kari Holm").role is None


def test_a_rank_in_an_appositive_is_a_role() -> None:
    text = "Ola Brandt, the world No. 1, faces Kari Holm on Friday."
    assert by_name(text, "Ola Brandt").role == "world No. 1"


def test_a_description_after_a_sentence_about_the_person_names_them() -> None:
    text = (
        "Kari Holm sued the firm. He said it made him ill. The legal assistant said he would win."
    )
    assert by_name(text, "Kari Holm").role == "legal assistant"
    text = "Kari Holm sued the firm. The show was on air. The legal assistant said he would win."
    assert by_name(text, "Kari Holm").role is None


def test_a_label_before_a_number_is_no_actor() -> None:
    text = "As Figure 2 shows, Ola Brandt left from Terminal 3 under Rule 37."
    assert names(text) == ["Ola Brandt"]


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    text = "The envoy met Kari Anne Holm Monday and left for Oslo."
    assert "Kari Anne Holm" in names(text)


def test_of_the_goes_on_a_bodys_name() -> None:
    text = "Ola Brandt thanked the Harbour Guild Association of the Northern Isles."
    assert "Harbour Guild Association of the Northern Isles" in names(text)
    text = "Kari Holm sued the Supreme Court of the State of Varberg on Monday."
    assert "Supreme Court of the State of Varberg" in names(text)
    # Not after a company's legal form: where the company is.
    assert "United States" in names("Ola Brandt joined Acme Co of the United States in May.")


def test_a_score_after_a_line_opening_name_is_no_dateline() -> None:
    text = "Results of the games played on Monday.\nNORTHAM 2 VARBY 0\nNORTHAM 3 HOLM 1"
    assert by_name(text, "NORTHAM").kind == "organization"


def test_a_row_of_column_heads_in_capitals_is_no_actor() -> None:
    text = "Standings after Monday's games.\nW L PCT GB\nNortham Gulls 64 43 .596 -"
    assert "W L PCT GB" not in names(text)


def test_a_place_appositive_makes_a_place() -> None:
    text = "Ola Brandt praised Varby, the state capital, and Northam, a small town."
    assert {by_name(text, n).kind for n in ("Varby", "Northam")} == {"place"}
    text = "Ola Brandt met Kari Holm, the state prosecutor, on Monday."
    assert by_name(text, "Kari Holm").kind == "person"


def test_a_verb_form_as_a_subject_is_no_name() -> None:
    text = "Stretching is good for you, Ola Brandt said."
    assert names(text) == ["Ola Brandt"]


def test_a_name_opening_a_results_row_is_a_name() -> None:
    text = "Results of Monday's games.\nVarby 3 Holmsund 1 (halftime 1-0)\nVarby 2 1 0 6"
    assert "Varby" in names(text)
    # A label before its number, and a sentence with words in lower case, name no one.
    assert names("Method 2 of 3: Boiling the water.\nStep 4 2 1") == []
    assert names("Chapter 3 tells how the water boils.") == []


def test_a_year_or_a_score_before_a_name_counts_nothing() -> None:
    assert "Ola Brandt" in names("In 1996 Ola Brandt said the port would close.")
    assert "Holmsund" in names("Results of Monday's games.\nVarby 3 Holmsund 1 (halftime 1-0)")
    assert "Kari Holm" in names("Leading scores after one round:\n62 Kari Holm (Norway)")
    # Things counted are no actors: a plural, a name before a noun, a unit, a section.
    assert names("The Varby club won 20 Northam Opens in a row.") == ["Varby"]
    assert names("The firm bought 20 Acme jets.") == []
    assert names("A room costs 15 - 25 CUC a night.") == []
    assert names("1. Introduction\nThe tests were run in May.") == []


def test_a_place_heading_a_standings_row_is_a_team() -> None:
    text = "Standings after the games.\nNortham United 4 3 1 0 7 4 10\nBarnsley 3 3 0 0 8 2"
    assert by_name(text, "Barnsley").kind == "organization"
    assert by_name("Ola Brandt moved to Bristol in May.", "Bristol").kind == "place"


def test_a_title_word_after_a_given_name_is_a_surname() -> None:
    assert "Tom Major" in names("Prime Minister Tom Major says the union will stay.")
    assert "Lucy Pope" in names("Lucy Pope wrote to her sister in May.")
    # A title after a title or a role noun is still one: no person.
    assert names("The Attorney General said so on Monday.") == []
    assert names("Ola Brandt met the Surgeon General.") == ["Ola Brandt"]


def test_a_place_named_once_in_passing_in_a_long_text_is_the_setting() -> None:
    body = " ".join(f"Ola Brandt spoke to the board on day {n}." for n in range(1, 15))
    text = f"Harbour Foods grew. Its founder died in Westbury on Tuesday. {body}"
    assert by_name(text, "Westbury").score < MIN_SCORE  # not listed
    short = "Harbour Foods grew. Its founder died in Westbury on Tuesday."
    assert by_name(short, "Westbury").score >= MIN_SCORE  # a short report lists its few places
    acting = f"{body} Harbour Foods grew. Finland sued Harbour Foods on Tuesday."
    assert by_name(acting, "Finland").score >= MIN_SCORE  # a country that acts stays


def test_where_a_guide_says_its_place_lies_is_not_a_place_in_passing() -> None:
    guide = " ".join(
        f"The {thing} of the old town is worth a visit." for thing in ("mill", "church", "pier")
    )
    guide += " " + " ".join(f"Boats leave the harbour at {n} o'clock." for n in range(1, 14))
    for opening in ("Elmford is a town in Westshire.", "It is a small port in Westshire."):
        assert by_name(f"{opening} {guide}", "Westshire").score > 2.0
    # No definition ("is"), or a news report: where things happened, named once in passing.
    plain = f"Elmford grew as a port in Westshire. {guide}"
    assert by_name(plain, "Westshire").score < MIN_SCORE
    report = guide.replace("visit.", "visit, the mayor said.").replace("clock.", "clock, he said.")
    assert by_name(f"Elmford is a town in Westshire. {report}", "Westshire").score < MIN_SCORE


def test_the_one_name_on_a_byline_of_a_text_that_is_no_report_is_its_author() -> None:
    essay = "Gardens feed the town. They cost little. Everyone can dig. Seeds are cheap."
    assert by_name(f"By Ann Berg\n\n{essay}", "Ann Berg").role == "author"
    # Two names, or a name inside a sentence: no byline of one author.
    assert by_name(f"By Ann Berg and Tom Fox\n\n{essay}", "Ann Berg").role is None
    assert by_name(f"By Ann Berg the gardens grew. {essay}", "Ann Berg").role is None
    # A report's journalist is no actor of its story.
    report = essay.replace(".", ", Ola Brandt said.")
    assert by_name(f"By Ann Berg\n\n{report}", "Ann Berg").role is None


def test_a_division_is_an_organisation_not_a_person() -> None:
    text = "The Freedonia Department of Justice Civil Rights Division and Ola Brandt met."
    assert "Civil Rights Division" not in names(text)
    assert all(a.kind != "person" for a in actors(text) if "Division" in a.name)


def test_a_name_owned_by_a_time_is_what_happened_then() -> None:
    text = "Ola Brandt praised Sunday's Zentrix Media broadcast."
    assert names(text) == ["Ola Brandt"]
    text = "What this year's Zentrix Awards show is that gadgets are cheaper, Ola Brandt said."
    assert names(text) == ["Ola Brandt"]
    text = "Zentrix Media grew fast. Ola Brandt praised Sunday's Zentrix Media broadcast."
    assert by_name(text, "Zentrix Media").mentions == 2  # it counts for a name used elsewhere
    assert {"Norway", "Zentrix Media"} <= set(names("Norway's Zentrix Media met Ola Brandt."))


def test_a_name_headed_by_a_common_word_of_the_text_is_a_phrase() -> None:
    text = (
        "Ola Brandt teaches Spectral Balance to her students. "
        "The balance of each channel is checked twice."
    )
    assert names(text) == ["Ola Brandt"]
    # A role, a possessive or a word the text never writes in lower case says "name".
    text = "Record producer Lucky Star praised the star of the show."
    assert "Lucky Star" in names(text)
    text = "Quiet Dog's guests saw a dog near the lodge, Ola Brandt said."
    assert "Quiet Dog" in names(text)
    assert "Spectral Harmony" in names("Spectral Harmony signed a deal with Ola Brandt.")


def test_a_hotel_is_an_organisation() -> None:
    text = "Ola Brandt stayed at the Westbury Hotel, the best hotel in town."
    assert by_name(text, "Westbury Hotel").kind == "organization"


def test_a_numbered_lines_first_capital_is_no_evidence() -> None:
    text = "Ola Brandt grows herbs.\n\n2 Keep the pots in the shade.\n\nKeep watering them daily."
    assert names(text) == ["Ola Brandt"]
    assert "Lena Varga" in names("Ola Brandt grows herbs.\n\n2 Water them, Lena Varga says.")


def test_a_name_after_a_persons_possessive_is_a_work_of_that_person() -> None:
    text = "Critics praised Ola Brandt's Silver Lanterns, which opened in May."
    assert names(text) == ["Ola Brandt"]
    # A title makes a person: "Ola Brandt's Deputy Lena Varga".
    text = "Critics praised Ola Brandt's Deputy Minister Lena Varga on Monday."
    assert "Lena Varga" in names(text)


def test_an_adjective_by_its_ending_before_a_noun_names_no_actor() -> None:
    text = "Ola Brandt praised the Verbanian approach to farming and the Federal grants."
    assert names(text) == ["Ola Brandt"]
    # It counts for an actor the text names otherwise; a verb after it makes a subject.
    assert "Castellan" in names("Castellan said the farm was sold to Ola Brandt.")
    text = "Ola Brandt met Verbanian officials. Verbanian will sell the farm."
    assert by_name(text, "Verbanian").mentions == 2


def test_a_name_of_several_words_after_a_ending_the_phrase_is_a_thing() -> None:
    assert names("Ola Brandt bought her son a Zap Pack.") == ["Ola Brandt"]
    # A name its words type as a place is still one.
    assert "Cedar Lake" in names("Ola Brandt swam in a Cedar Lake.")


def test_a_postscript_or_example_marker_is_no_part_of_a_name() -> None:
    text = "Ola Brandt wrote home.\n\nP.S. Lena Varga sends her love.\n\nP.S."
    assert names(text) == ["Ola Brandt", "Lena Varga"]


def test_a_title_word_before_a_function_word_titles_no_one() -> None:
    text = "Ola Brandt starred in The Old Lady Who Walked in the Sea in 1992."
    assert "Who Walked" not in names(text)
    assert "Lena Varga" in names("Ola Brandt met Lady Lena Varga in 1992.")


def test_a_comedy_names_a_work() -> None:
    assert names("Ola Brandt starred in the romantic comedy Silver Lanterns.") == ["Ola Brandt"]


def test_a_heading_capitalises_words_of_no_name() -> None:
    def found(text: str) -> set[str]:
        return {m.text for m in annotated(text).mentions}

    text = (
        "Ola Brandt keeps bees in Dorvik.\n\nMethod Two of Two: Calming the Hens\n\n"
        "Lena Varga bakes cakes.\n\nAsh Wednesday 1969\n\nOla Brandt sells honey."
    )
    assert found(text) == {"Ola Brandt", "Dorvik", "Lena Varga"}
    # A name that fills its stretch of a heading is one ("By Lena Varga").
    text = "Bees of Dorvik\n\nBy Lena Varga\n\nOla Brandt keeps bees in Dorvik."
    assert "Lena Varga" in found(text)
    text = "Field Notes\n\nMarek Holm and Tessa Rule\n\nThe bees swarmed in May."
    assert {"Marek Holm", "Tessa Rule"} <= found(text)
    text = "Hive Lab, Dorvik, Freedonia\n\nOla Brandt keeps bees in Dorvik."
    assert "Hive Lab" in found(text)


def test_an_acronym_named_once_or_twice_outside_news_is_a_term() -> None:
    opening = "Ola Brandt teaches numbers to children. Her pupils sort the values and draw boxes."
    closing = " Ola Brandt grades the boxes."
    assert names(opening + " The middle half gives the QRS spread." + closing) == ["Ola Brandt"]
    twice = " The middle half gives the QRS spread. The QRS spread is small."
    assert names(opening + twice + closing) == ["Ola Brandt"]
    # One that acts, or is a place, or is named in a news report, is an actor.
    assert "QRS" in names(opening + " The QRS said the middle half matters." + closing)
    assert "QRS" in names(opening + " They met at QRS in the spring." + closing)
    text = "Ola Brandt said on Monday that the QRS spread grew. Her pupils sort the values."
    assert "QRS" in names(text + closing)


@pytest.mark.parametrize("opening", ["Below", "Above", "Beneath"])
def test_a_preposition_opening_a_sentence_is_no_name(opening: str) -> None:
    # A list page's "Below is a list of ..." named an organisation "Below".
    text = (
        f"{opening} is a list of the ministers who met in Hallan on Tuesday. "
        "Mira Osei, the water minister, said the plan would cost 40 million dollars. "
        "The finance minister Tomas Brandt will visit the dam in May."
    )
    found = names(text)
    assert opening not in found
    assert {"Mira Osei", "Tomas Brandt"} <= set(found)
