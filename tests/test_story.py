"""Briefings of several articles on one story (briefing.story), on made-up reports."""

from __future__ import annotations

import io
import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest

from briefing import Options, document_from_text, render
from briefing.cli import main
from briefing.model import Briefing, BriefingError, Document
from briefing.story import brief_story, make_story_briefing
from tests.schema_check import errors, load_schema

# Three made-up reports of one ferry accident: the first fact is told by all three in nearly
# the same words, the death toll differs (14 against 12), the minister is named three ways,
# and the inquiry's day differs (Tuesday against Thursday).
REPORTS = (
    (
        "Ferry capsizes off Kelso Island",
        "A passenger ferry capsized off Kelso Island on Saturday night, killing 14 people, the "
        "coast guard said. Transport Minister Olga Brandt said an inquiry into the accident "
        "would open on Tuesday in the port of Halden. The ferry was carrying 230 passengers "
        "when it hit a sandbank in strong winds. Fishing boats from the island pulled dozens "
        "of survivors from the water.",
    ),
    (
        "Kelso ferry disaster: survivors describe panic",
        "A passenger ferry capsized off Kelso Island late on Saturday, killing 12 people, the "
        "coast guard said. Survivors said the lights went out minutes before the ship rolled "
        "over. Olga Brandt visited the injured in the hospital of Halden on Sunday. The "
        "operator, Nordline, said it would pay for the funerals of the victims.",
    ),
    (
        "Questions over ferry safety after Kelso accident",
        "A passenger ferry capsized off Kelso Island on Saturday night, killing 14 people, "
        "the coast guard said. On Sunday, Brandt promised a full account of what went wrong. "
        "An inquiry into the accident will open on Thursday in the port of Halden, the "
        "ministry said. "
        "The ship had failed a safety check in March, according to records seen by reporters.",
    ),
)


def documents() -> list[Document]:
    return [
        document_from_text(text, title=title, name=f"report{n}.txt")
        for n, (title, text) in enumerate(REPORTS, start=1)
    ]


@pytest.fixture(scope="module")
def story() -> Briefing:
    # A longer summary than a story this short gets by default: more lines to check.
    return make_story_briefing(documents(), Options(words=150))


def word_cosine(a: str, b: str) -> float:
    ca, cb = Counter(re.findall(r"\w+", a.lower())), Counter(re.findall(r"\w+", b.lower()))
    dot = sum(v * cb[w] for w, v in ca.items())
    return dot / math.sqrt(sum(v * v for v in ca.values()) * sum(v * v for v in cb.values()))


# ---------------------------------------------------------------- deduplicated, sourced
def test_a_fact_told_by_every_source_is_shown_once_with_its_count(story: Briefing) -> None:
    told = [s for s in story.summary if "capsized" in s.text]
    assert len(told) == 1
    assert set(told[0].sources) == {"1", "2", "3"}
    assert "3 of 3 sources" in render(story, "md")


def test_no_two_summary_lines_say_the_same_thing(story: Briefing) -> None:
    lines = [s.text for s in story.summary]
    assert len(lines) >= 3
    assert all(word_cosine(a, b) < 0.8 for i, a in enumerate(lines) for b in lines[i + 1 :])


def test_a_fact_of_one_source_names_that_source_only(story: Briefing) -> None:
    line = next(s for s in story.summary if "sandbank" in s.text)
    assert line.doc == "1" and line.sources == ("1",)


def test_every_summary_line_figure_and_step_names_its_source(story: Briefing) -> None:
    ids = {s.id for s in story.sources}
    assert ids == {"1", "2", "3"}
    assert all(s.doc in ids for s in story.summary)
    assert all(f.doc in ids for f in story.figures)
    assert all(s.doc in ids for s in story.next_steps)


# ---------------------------------------------------------------- where sources differ
def test_a_conflicting_death_toll_is_flagged_with_both_values_and_sources(
    story: Briefing,
) -> None:
    toll = next(d for d in story.differences if any("14 people" in v.text for v in d.values))
    by_value = {v.value: v.doc for v in toll.values}
    assert by_value[12] == "2" and by_value[14] in {"1", "3"}
    md = render(story, "md")
    assert "## Where sources differ" in md
    line = next(x for x in md.splitlines() if "12 people [2]" in x)
    assert re.search(r"14 people \[1, 3 · 2 of 3 sources\]", line)


def test_a_day_the_sources_give_differently_is_flagged(story: Briefing) -> None:
    days = [d for d in story.differences if d.values[0].value is None]
    assert any({v.text for v in d.values} == {"Tuesday", "Thursday"} for d in days)


def test_the_same_value_in_two_sources_is_no_difference() -> None:
    first, _, third = documents()
    b = make_story_briefing([first, third])
    assert not [d for d in b.differences if any("14 people" in v.text for v in d.values)]


# ---------------------------------------------------------------- actors across sources
def test_an_actor_named_three_ways_is_one_actor_with_the_role_given_once(
    story: Briefing,
) -> None:
    named = [a for a in story.actors if "Brandt" in a.name]
    assert len(named) == 1
    assert named[0].name == "Olga Brandt"
    assert named[0].role is not None and "Transport Minister" in named[0].role
    assert named[0].mentions >= 3


# ---------------------------------------------------------------- every format
def test_markdown_has_markers_and_the_list_of_sources(story: Briefing) -> None:
    md = render(story, "md")
    assert re.search(r"^\*\*Bottom line:\*\* .+ \[[\d, ]+", md, re.MULTILINE)
    assert "## Sources" in md
    assert "- [2] Kelso ferry disaster: survivors describe panic · report2.txt" in md
    assert all(re.search(r"\[\d", item) for item in _section(md, "## Summary"))
    assert all(re.search(r"\[\d\]$", item) for item in _section(md, "## Key figures"))


def _section(md: str, heading: str) -> list[str]:
    lines = md.split(heading, 1)[1].split("\n## ", 1)[0].splitlines()
    return [x for x in lines if x.startswith("- ")]


def test_text_html_and_eml_show_markers_and_sources(story: Briefing) -> None:
    txt = render(story, "txt")
    assert "SOURCES" in txt and "WHERE SOURCES DIFFER" in txt
    assert "[3] Questions over ferry safety after Kelso accident" in txt
    html = render(story, "html")
    assert "Where sources differ</h2>" in html and "[1] Ferry capsizes off Kelso Island" in html
    assert "3 of 3 sources]" in html
    assert "<a " not in html  # a marker never becomes a link
    eml = render(story, "eml")
    assert "Where sources differ" in eml or "V2hlcmUgc291cmNlcyBkaWZmZXI" in eml


def test_json_gives_doc_sources_and_differences_and_follows_the_schema(story: Briefing) -> None:
    data = json.loads(render(story, "json"))
    assert errors(data, load_schema()) == []
    assert [s["id"] for s in data["sources"]] == ["1", "2", "3"]
    assert data["sources"][0]["title"] == "Ferry capsizes off Kelso Island"
    assert all(item["sources"][0] == item["doc"] for item in data["summary"])
    assert all("doc" in f for f in data["figures"])
    assert all("doc" in s for s in data["next_steps"])
    assert data["differences"] and all(len(d["values"]) >= 2 for d in data["differences"])


def test_one_article_json_has_no_story_keys() -> None:
    data = json.loads(render(make_story_briefing(documents()[:1]), "json"))
    assert "differences" in data  # a story of one source is still a story ...
    single = json.loads(render(brief_text_of(REPORTS[0][1]), "json"))
    assert "sources" not in single and "differences" not in single  # ... one article is not


def brief_text_of(text: str) -> Briefing:
    from briefing import brief_text

    return brief_text(text)


# ---------------------------------------------------------------- order and size
def test_dated_sources_are_told_in_date_order() -> None:
    first, second, third = documents()
    dated = [
        Document(**{**first.__dict__, "published": "2026-05-03"}),
        Document(**{**second.__dict__, "published": "2026-05-01"}),
        Document(**{**third.__dict__, "published": "2026-05-02"}),
    ]
    b = make_story_briefing(dated)
    order = [s.doc for s in b.summary]
    assert order == sorted(order, key=["2", "3", "1"].index)


def test_the_story_fits_the_page_and_the_word_option_sets_the_summary() -> None:
    b = make_story_briefing(documents())
    assert b.source.briefing_words <= 450
    short = make_story_briefing(documents(), Options(words=40))
    assert sum(len(s.text.split()) for s in short.summary) <= 40 or len(short.summary) == 1


# ---------------------------------------------------------------- bad input
def test_a_bad_document_is_reported_and_the_others_briefed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    b = brief_story([documents()[0], str(empty), str(tmp_path / "missing.txt"), documents()[2]])
    assert len(b.warnings) == 2
    assert b.warnings[0].startswith("document 2 left out: ")
    assert b.warnings[1].startswith("document 3 left out: ")
    # The markers keep the inputs' numbers, so that they agree with the warnings.
    assert [s.id for s in b.sources] == ["1", "4"]
    assert {s.doc for s in b.summary} <= {"1", "4"}
    assert b.summary


def test_no_readable_document_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="no document with a sentence"):
        brief_story([str(tmp_path / "missing.txt")])


# ---------------------------------------------------------------- command line and batch
@pytest.fixture
def report_files(tmp_path: Path) -> list[Path]:
    paths = []
    for n, (title, text) in enumerate(REPORTS, start=1):
        path = tmp_path / f"report{n}.txt"
        path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_story_command_writes_one_briefing(
    report_files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "story.md"
    assert main(["story", *map(str, report_files), "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert "## Sources" in md and "report3.txt" in md


def test_story_command_reports_a_bad_document_and_exits_1(
    report_files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["story", str(report_files[0]), str(tmp_path / "nope.txt"), "-f", "json"])
    captured = capsys.readouterr()
    assert code == 1
    assert json.loads(captured.out)["warnings"][0].startswith("document 2 left out: ")
    assert captured.err.count("\n") == 1 and "document 2 left out" in captured.err


def test_story_command_with_no_readable_input_exits_2_without_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "story.md"
    assert main(["story", str(tmp_path / "nope.txt"), "-o", str(out)]) == 2
    assert not out.exists()
    assert capsys.readouterr().err.startswith("briefing: error: ")


def test_batch_briefs_a_record_of_several_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {
            "id": "ferry",
            "documents": [
                {"text": REPORTS[0][1], "title": REPORTS[0][0], "source": "Coast Daily"},
                REPORTS[1][1],  # a plain string is a document too
                {"text": ""},  # a bad one: reported, the others briefed
                {"text": REPORTS[2][1], "published": "2026-05-02"},
            ],
        },
        {"id": "broken", "documents": "not a list"},
        {"id": "one", "text": REPORTS[1][1]},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--output", str(out), "-j", "1", "-q"]) == 1
    story, broken, one = (json.loads(x) for x in out.read_text(encoding="utf-8").splitlines())
    assert story["id"] == "ferry" and errors(story, load_schema()) == []
    assert [s["name"] for s in story["sources"]] == ["Coast Daily", "document 2", "document 4"]
    assert [s["id"] for s in story["sources"]] == ["1", "2", "4"]
    assert story["warnings"] == ["document 3 left out: input: is empty"]
    assert broken == {"id": "broken", "error": broken["error"]} and "documents" in broken["error"]
    assert "sources" not in one and one["summary"]


def test_story_reads_markdown_html_and_stdin_as_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (first_title, first), (second_title, second), (third_title, third) = REPORTS
    md = tmp_path / "one.md"
    md.write_text(f"# {first_title}\n\n{first}\n", encoding="utf-8")
    html = tmp_path / "two.html"
    html.write_text(
        f"<html><head><title>{second_title}</title>"
        '<meta property="article:published_time" content="2026-05-02T10:00:00Z"></head>'
        f"<body><article><h1>{second_title}</h1><p>{second}</p></article></body></html>",
        encoding="utf-8",
    )
    stdin = f"{third_title}\n\n{third}\n".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    assert main(["story", str(md), str(html), "-", "-f", "json"]) == 0
    sources = json.loads(capsys.readouterr().out)["sources"]
    assert [s["title"] for s in sources] == [first_title, second_title, third_title]
    assert [s["name"] for s in sources] == ["one.md", "two.html", "stdin"]
    assert sources[1]["published"] == "2026-05-02"


def test_stdin_is_read_once_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["story", "-", "-"]) == 2
    assert "once" in capsys.readouterr().err


def test_sentences_and_algorithm_options_apply_to_a_story() -> None:
    two = make_story_briefing(documents(), Options(sentences=2))
    assert len(two.summary) == 2
    lead = make_story_briefing(documents(), Options(algorithm="lead", sentences=2))
    # The lead's first sentence, and not its near copy in the next report: the second line is
    # new (the copies of the opening fact are one line).
    assert lead.bottom_line.startswith("A passenger ferry capsized")
    assert word_cosine(lead.summary[0].text, lead.summary[1].text) < 0.8
