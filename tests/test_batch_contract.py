"""The `briefing batch` contract the scorer relies on: same ids, same order, one line a record."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing.cli import main
from tests.schema_check import errors, load_schema

ARTICLE = (
    "The council approved a new bridge on Monday. It will cost $12m, Mayor Ana Ruiz said. "
    "Work is due to start in March. Residents welcomed the plan."
)


def write_jsonl(path: Path, records: Sequence[object]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


Lines = list[dict[str, Any]]


def run_batch(tmp_path: Path, records: Sequence[object], *extra: str) -> tuple[int, Lines]:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, records)
    code = main(["batch", str(source), "--output", str(target), "--sentences", "3", *extra])
    lines = target.read_text(encoding="utf-8").splitlines()
    return code, [json.loads(line) for line in lines]


def test_ids_and_order_are_kept_one_line_per_record(tmp_path: Path) -> None:
    ids = ["z9", "a1", "m5", "42"]
    code, out = run_batch(tmp_path, [{"id": i, "text": ARTICLE} for i in ids])
    assert code == 0
    assert [r["id"] for r in out] == ids


def test_each_line_is_a_briefing_with_the_requested_length(tmp_path: Path) -> None:
    _, out = run_batch(tmp_path, [{"id": "a", "text": ARTICLE, "title": "Bridge"}])
    (record,) = out
    assert record["title"] == "Bridge"
    assert len(record["summary"]) == 3
    assert errors(record, load_schema()) == []


def test_failing_record_gives_id_and_error_and_the_run_goes_on(tmp_path: Path) -> None:
    records = [
        {"id": "ok1", "text": ARTICLE},
        {"id": "bad", "text": ""},
        {"id": "ok2", "text": ARTICLE},
    ]
    code, out = run_batch(tmp_path, records)
    assert code == 1  # documented: some records failed
    assert [r["id"] for r in out] == ["ok1", "bad", "ok2"]
    assert set(out[1]) == {"id", "error"} and out[1]["error"]
    assert "summary" in out[0] and "summary" in out[2]


def test_record_without_text_is_an_error_line(tmp_path: Path) -> None:
    code, out = run_batch(tmp_path, [{"id": "x"}, {"id": "y", "text": ARTICLE}])
    assert code == 1
    assert set(out[0]) == {"id", "error"} and out[0]["id"] == "x"
    assert out[1]["id"] == "y" and "error" not in out[1]


def test_algorithm_option_is_accepted(tmp_path: Path) -> None:
    code, out = run_batch(tmp_path, [{"id": "a", "text": ARTICLE}], "--algorithm", "lead")
    assert code == 0
    assert [s["sentence"] for s in out[0]["summary"]] == [0, 1, 2]
