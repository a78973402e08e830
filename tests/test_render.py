"""Rendering: golden files for Markdown, text and JSON of a hand-built briefing, and robustness.

Regenerate the golden files after an intended change:
    UPDATE_GOLDEN=1 pytest tests/test_render.py
"""

from __future__ import annotations

import ast
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.model import Actor, Briefing, Figure, NextStep, Source, SummaryLine
from briefing.render import Format, render, to_dict, to_markdown, to_text
from briefing.render.plain import CONTROL, escape_marks, escape_md
from tests.schema_check import errors, load_schema

GOLDEN = Path(__file__).parent / "golden"

FULL = Briefing(
    title="Harbour Foods to close two plants as profit rises",
    bottom_line="Harbour Foods Inc. said on Thursday that profit rose 18% and that it will cut "
    "1,200 jobs.",
    summary=(
        SummaryLine(
            "Harbour Foods Inc. said on Thursday that profit rose 18% and that it will cut "
            "1,200 jobs.",
            0,
        ),
        SummaryLine("Sales grew 6.4% to $14.8bn, ahead of forecasts.", 2),
        SummaryLine(
            '"Next year we will ask more of ourselves," Tom Li, the chief executive, said.', 5
        ),
    ),
    actors=(
        Actor("Tom Li", "person", role="chief executive", affiliation="Harbour Foods", mentions=3),
        Actor("Harbour Foods", "organization", mentions=6),
        Actor("Poland", "country", mentions=2),
    ),
    figures=(
        Figure("18%", 18.0, "%", "rise in yearly profit", 0),
        Figure("$14.8bn", 14.8e9, "USD", "sales", 2),
        Figure("1,200 jobs", 1200.0, "jobs", "1,200 jobs", 0),
    ),
    next_steps=(
        NextStep(
            "The plant near Poznan is due to open next spring.", "Harbour Foods", "next spring", 7
        ),
        NextStep("The union will ask for talks with management.", "the union", None, 9),
    ),
    source=Source(name="harbour.txt", words=1150, briefing_words=150, published="2024-02-01"),
)

MINIMAL = Briefing(
    title="Short note",
    bottom_line="The council met on Monday.",
    summary=(SummaryLine("The council met on Monday.", 0),),
    source=Source(name="note.txt", words=5, briefing_words=20),
)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "txt", "json"])
def test_full_briefing_matches_golden(fmt: Format) -> None:
    check_golden(f"full.{fmt}", render(FULL, fmt))


@pytest.mark.parametrize("fmt", ["md", "txt", "json"])
def test_minimal_briefing_matches_golden(fmt: Format) -> None:
    check_golden(f"minimal.{fmt}", render(MINIMAL, fmt))


def test_markdown_sections_in_order() -> None:
    md = to_markdown(FULL)
    marks = [
        "# Harbour",
        "**Bottom line:**",
        "## Summary",
        "## Key actors",
        "## Key figures",
        "## Next steps",
        "*Source:",
    ]
    positions = [md.index(m) for m in marks]
    assert positions == sorted(positions)


def test_bottom_line_is_not_repeated_in_the_summary() -> None:
    md = to_markdown(FULL)
    assert md.count("that it will cut 1,200 jobs") == 1


@pytest.mark.parametrize("empty", ["actors", "figures", "next_steps"])
def test_section_with_nothing_to_show_is_left_out(empty: str) -> None:
    heading = {"actors": "Key actors", "figures": "Key figures", "next_steps": "Next steps"}[empty]
    b = replace(FULL, **{empty: ()})  # type: ignore[arg-type]
    assert heading not in to_markdown(b)
    assert heading.upper() not in to_text(b)
    assert to_dict(b)[empty] == []


def test_summary_section_left_out_when_only_the_bottom_line_is_chosen() -> None:
    assert "## Summary" not in to_markdown(MINIMAL)
    assert "SUMMARY" not in to_text(MINIMAL)


def test_text_lines_fit_72_columns() -> None:
    long_word = "https://example.com/" + "x" * 120
    b = replace(FULL, title="A very long title " * 8, bottom_line=f"See {long_word} now.")
    lines = to_text(b).splitlines()
    assert max(len(line) for line in lines) <= 72


def test_json_is_valid_against_the_schema() -> None:
    for b in (FULL, MINIMAL):
        assert errors(json.loads(render(b, "json")), load_schema()) == []


def test_schema_checker_catches_a_wrong_type() -> None:
    data = to_dict(FULL)
    data["summary"][0]["sentence"] = "0"
    del data["source"]
    assert len(errors(data, load_schema())) == 2


def test_json_schema_with_jsonschema_when_installed() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.validate(to_dict(FULL), load_schema())


def test_markdown_escapes_markup_in_article_text() -> None:
    b = replace(MINIMAL, title="<script>alert(1)</script> *bold* [x](http://e.com)")
    html = markdown.markdown(to_markdown(b))
    h1 = html.split("</h1>")[0]
    assert "<script" not in html and "<em>" not in h1 and "<a " not in html
    assert "&lt;script&gt;" in h1 and "*bold*" in h1


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a1 #+-_*&<>;[]|~`\\.\t\n\u00a0\u2003\x01\x1c", max_size=12))
def test_a_line_that_looks_plain_is_escaped_like_any_other(text: str) -> None:
    # The shortcuts (for a line already on one line, and for a line with no mark) give what
    # every step would have given.
    line = " ".join(CONTROL.sub("", text).split())
    assert escape_md(text) == escape_marks(line)


ALLOWED_TAGS = {"h1", "h2", "p", "strong", "em", "ul", "li", "hr"}
field_text = st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=field_text,
    bottom=field_text,
    lines=st.lists(field_text, max_size=3),
    name=field_text,
    role=st.none() | field_text,
    figure=field_text,
    step=field_text,
    when=st.none() | field_text,
)
def test_any_field_text_renders_to_structural_html_only(
    title: str,
    bottom: str,
    lines: list[str],
    name: str,
    role: str | None,
    figure: str,
    step: str,
    when: str | None,
) -> None:
    b = Briefing(
        title=title,
        bottom_line=bottom,
        summary=tuple(SummaryLine(t, i) for i, t in enumerate(lines)),
        actors=(Actor(name, "person", role=role),),
        figures=(Figure(figure, None, None, "context", 0),),
        next_steps=(NextStep(step, None, when, 0),),
        source=Source(name=name, words=100),
    )
    md = to_markdown(b)
    html = markdown.markdown(md)
    tags = set(re.findall(r"<\s*([A-Za-z][\w-]*)", html))
    assert tags <= ALLOWED_TAGS, (md, html)
    assert len(re.findall(r"<h1>", html)) == 1
    assert len(re.findall(r"<hr", html)) == 1


# ---------------------------------------------------------------- module layout
def briefing_imports(path: Path) -> set[str]:
    """The briefing modules a source file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {name for name in found if name.startswith("briefing.")}


def test_renderers_depend_one_way_only() -> None:
    package = Path(__file__).parent.parent / "briefing"
    modules = {f"briefing.render.{p.stem}": p for p in (package / "render").glob("*.py")}
    modules["briefing.render"] = modules.pop("briefing.render.__init__")
    modules["briefing.mail"] = package / "mail.py"
    graph = {name: briefing_imports(path) & modules.keys() for name, path in modules.items()}
    # Layers, lowest first: each module imports only modules of lower layers.
    layers = [
        {"briefing.render.plain", "briefing.render.data"},
        {"briefing.render.html"},
        {"briefing.render.eml"},
        {"briefing.render"},
        {"briefing.mail"},
    ]
    assert set().union(*layers) == modules.keys()
    below: set[str] = set()
    for layer in layers:
        for name in layer:
            assert graph[name] <= below, (name, graph[name] - below)
        below |= layer


def test_countries_and_organisations_with_no_role_share_one_line() -> None:
    b = replace(
        MINIMAL,
        actors=(
            Actor("Norway", "country"),
            Actor("Ola Dahl", "person", "Fisheries minister", "Norway"),
            Actor("Sweden", "country"),
            Actor("Nordic Council", "organization"),
            Actor("Fjord Ferries", "organization", affiliation="Bergen"),
        ),
    )
    md = to_markdown(b)
    assert "- **Norway**, **Sweden** (countries) · **Nordic Council** (organization)\n" in md
    # at the rank of the first of them; one with a role or an affiliation keeps its line
    assert md.index("**Norway**,") < md.index("**Ola Dahl** — Fisheries minister (Norway)")
    assert "- **Fjord Ferries** — organization (Bergen)" in md
    assert "  * Norway, Sweden (countries) · Nordic Council (organization)" in to_text(b)
    # a single one keeps a line of its own
    alone = to_markdown(replace(b, actors=b.actors[:2]))
    assert "- **Norway** — country" in alone
