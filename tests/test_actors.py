"""Key actors: one test per rule on made-up sentences, two short articles, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.actors import find_actors
from briefing.annotate import annotate
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
        by_name(text, n).role == "Cup winners" for n in ("Ada Brook", "Lena Holt", "Rosa Vance")
    )


def test_description_at_sentence_start_names_previous_person() -> None:
    text = "Edda Morrow has quit the board. The chairwoman was criticised for her pay."
    assert by_name(text, "Edda Morrow").role == "chairwoman"


# ---------------------------------------------------------------- kinds and merging
def test_surname_and_honorific_merge_into_full_name() -> None:
    text = "Harald Nyberg won the seat. Mr Nyberg thanked voters. Later Nyberg left."
    found = [a for a in actors(text) if "Nyberg" in a.name]
    assert [a.name for a in found] == ["Harald Nyberg"]
    assert found[0].mentions == 3


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
    assert (
        by_name("Thousands joined #SaveTheDocks protests on Sunday.", "#SaveTheDocks").kind
        == "group"
    )


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


def test_demonym_alone_makes_no_country() -> None:
    assert names("Ola Brandt spoke on Finnish radio.") == ["Ola Brandt"]


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
    assert found["Odd Rye"].role == "Fisheries Minister"
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
