"""Batch runs: JSONL and file inputs, bad records, workers, resume, kills."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from briefing import batch
from briefing.batch import JsonlSink, Task, brief_chunk, ordered_map, written_ids
from briefing.cli import main
from briefing.compose import Options, make_briefing
from briefing.model import Briefing, Document

DATA = Path(__file__).parent / "data"
TOWNS = ["Oakridge", "Millbrook", "Stonehaven", "Riverton", "Ashford", "Fairview", "Kingsport"]
PEOPLE = ["Mayor Ana Ruiz", "Councillor Ben Osei", "Director Chloe Wu", "Chief Dan Meyer"]


def article(i: int) -> str:
    """A short made-up news article, different for every i."""
    town, who = TOWNS[i % len(TOWNS)], PEOPLE[i % len(PEOPLE)]
    return (
        f"{town} approved a budget of {i + 3} million euros for road repairs on Monday. "
        f"{who} said the work would start in {['May', 'June', 'July'][i % 3]} and last "
        f"{i % 9 + 2} weeks.\n\n"
        f"About {1000 + 37 * i:,} households are affected by the closures. "
        f"Residents complained that detours added {i % 20 + 5} minutes to their trips.\n\n"
        f"The council will vote on a second package of {i % 4 + 1} million euros next month. "
        "Critics said the plan came too late for the winter."
    )


def write_jsonl(path: Path, rows: list[dict[str, object] | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_rows(n: int) -> list[dict[str, object] | str]:
    return [{"id": f"a{i}", "text": article(i)} for i in range(n)]


def read_out(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- the JSONL contract
def test_jsonl_contract_ids_order_and_bad_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[dict[str, object] | str] = [
        {"id": "first", "text": article(1), "title": "Roads budget"},
        "{not json",
        {"id": "no-text", "title": "Nothing here"},
        json.dumps(["a", "list"]),
        {"id": "empty", "text": "   "},
        {"id": 7, "text": article(7)},
        {"text": article(8)},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--output", str(out), "--sentences", "2", "-j", "1"]) == 1
    got = read_out(out)
    assert [r["id"] for r in got] == [
        "first",
        "line-2",
        "no-text",
        "line-4",
        "empty",
        "7",
        "line-7",
    ]
    assert got[0]["title"] == "Roads budget" and len(got[0]["summary"]) == 2  # type: ignore[arg-type]
    assert [("error" in r) for r in got] == [False, True, True, True, True, False, False]
    err = capsys.readouterr().err
    assert "line-2: line 2: invalid JSON" in err
    assert "no-text: line 3: no 'text' string" in err
    assert "line-4: line 4: not a JSON object" in err
    assert "empty (line 5): is empty" in err
    assert "3 done, 4 failed" in err and "articles/s" in err


def test_jsonl_from_stdin_with_a_bom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(2))
    src.write_bytes(b"\xef\xbb\xbf" + src.read_bytes())
    assert main(["batch", str(src), "--output", str(tmp_path / "a.jsonl"), "-j", "1"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(src.read_text(encoding="utf-8-sig")))
    assert main(["batch", "-", "--output", "-", "-j", "1"]) == 0
    assert capsys.readouterr().out.encode() == (tmp_path / "a.jsonl").read_bytes()


def test_all_good_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(3))
    assert main(["batch", str(src), "--output", str(tmp_path / "o.jsonl"), "-j", "1"]) == 0
    assert capsys.readouterr().err.startswith("briefing: 3 done, 0 failed in ")


def test_quiet_has_no_summary_but_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [*good_rows(2), "oops"])
    assert main(["batch", str(src), "--output", str(tmp_path / "o.jsonl"), "-q", "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "invalid JSON" in err and "done" not in err


def test_a_failing_article_does_not_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def flaky(doc: Document, options: Options) -> Briefing:
        if "Stonehaven" in doc.text:
            raise ValueError("ranker exploded")
        return make_briefing(doc, options)

    monkeypatch.setattr("briefing.batch.make_briefing", flaky)
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(4))
    assert main(["batch", str(src), "--output", str(tmp_path / "o.jsonl"), "-j", "1"]) == 1
    got = read_out(tmp_path / "o.jsonl")
    assert [("error" in r) for r in got] == [False, False, True, False]
    assert got[2]["error"] == "internal error: ValueError: ranker exploded"
    assert "a2 (line 3): internal error" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    made: list[bool] = []

    def fake_init(self: batch.Reporter, total: int | None, show_bar: bool, quiet: bool) -> None:
        made.append(show_bar)
        self.bar, self.quiet = None, quiet

    monkeypatch.setattr(batch.Reporter, "__init__", fake_init)
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(1))
    for tty, quiet in [(False, False), (True, True), (True, False)]:
        monkeypatch.setattr(sys.stderr, "isatty", lambda tty=tty: tty)
        batch.run_batch(str(src), str(tmp_path / "o.jsonl"), Options(), quiet=quiet)
    assert made == [False, False, True]


def test_progress_bar_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reporter = batch.Reporter(total=2, show_bar=True, quiet=False)
    src = write_jsonl(tmp_path / "in.jsonl", [*good_rows(1), "bad"])
    tasks, _, stream = batch.open_input(str(src))
    summary = batch.run(
        tasks, batch.Job(Options()), JsonlSink(str(tmp_path / "o.jsonl"), False), 1, reporter
    )
    reporter.finish(summary)
    assert stream is not None
    stream.close()
    err = capsys.readouterr().err
    assert "invalid JSON" in err and "1 done, 1 failed" in err


# ---------------------------------------------------------------- usage errors
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl"], "no such file or folder"),
        (["nothing-*.txt"], "no .txt, .md or .html file found"),
        (["in.jsonl", "--sentences", "0"], "--sentences must be at least 1"),
        (["in.jsonl", "--jobs", "0"], "--jobs must be at least 1"),
        (["in.jsonl", "--output", "in.jsonl"], "is the input too"),
    ],
)
def test_usage_errors_exit_2_without_output(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "in.jsonl", good_rows(2))
    before = (tmp_path / "in.jsonl").read_bytes()
    assert main(["batch", "--output", "out.jsonl", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "out.jsonl").exists()
    assert (tmp_path / "in.jsonl").read_bytes() == before


# ---------------------------------------------------------------- workers
def test_jobs_2_equals_jobs_1(tmp_path: Path) -> None:
    rows = good_rows(60)
    rows[5], rows[33] = "{broken", {"id": "blank", "text": ""}
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    for jobs in ("1", "2"):
        main(["batch", str(src), "--output", str(tmp_path / f"j{jobs}.jsonl"), "-j", jobs, "-q"])
    one, two = (tmp_path / "j1.jsonl").read_bytes(), (tmp_path / "j2.jsonl").read_bytes()
    assert one == two
    assert len(one.splitlines()) == 60


def test_workers_read_ahead_a_bounded_amount() -> None:
    pulled = 0

    def endless() -> Iterator[tuple[Task, str | None]]:
        nonlocal pulled
        while True:
            pulled += 1
            yield Task(f"x{pulled}", "", text=article(pulled)), None

    results = ordered_map(batch_work(), endless(), jobs=2)
    first = [next(results) for _ in range(3)]
    time.sleep(0.3)  # give a greedy reader (Pool.imap's feeder thread) time to run ahead
    assert [o.id for o in first] == ["x1", "x2", "x3"]
    assert pulled <= (2 * batch.AHEAD + 1) * batch.CHUNK
    results.close()


def batch_work() -> Callable[[list[tuple[Task, str | None]]], list[batch.Outcome]]:
    return partial(brief_chunk, batch.Job(Options()))


# ---------------------------------------------------------------- files, folders, globs
def make_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "roads.txt").write_text("Roads budget approved\n\n" + article(1), encoding="utf-8")
    (folder / "notes.md").write_text(
        "# Library night room\n\n- The library opens a night room in May.\n"
        "- Entry is free with a [card](https://example.org).\n",
        encoding="utf-8",
    )
    (folder / "bridge.html").write_bytes((DATA / "harbour_bridge.html").read_bytes())
    (folder / "meals.htm").write_bytes((DATA / "school_meals_cp1252.htm").read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "photo.png").write_bytes(b"\x89PNG")  # not an article file: ignored
    return folder


def test_folder_to_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "--output", str(out), "-j", "2"]) == 1
    got = {r["id"]: r for r in read_out(out)}
    assert list(got) == ["bridge.html", "broken.txt", "meals.htm", "notes.md", "roads.txt"]
    assert got["bridge.html"]["title"] == "Harbour bridge to close for six weeks of repairs"
    assert got["meals.htm"]["source"]["published"] == "2023-06-05"  # type: ignore[index]
    assert got["notes.md"]["title"] == "Library night room"
    assert got["roads.txt"]["title"] == "Roads budget approved"
    assert "binary" in str(got["broken.txt"]["error"])
    assert "briefing: broken.txt: looks like a binary file" in capsys.readouterr().err


def test_glob_to_one_markdown_file_each(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "in")
    out = tmp_path / "briefings"
    assert main(["batch", str(folder / "*.htm*"), "--format", "md", "--output", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["bridge.briefing.md", "meals.briefing.md"]
    md = (out / "bridge.briefing.md").read_text(encoding="utf-8")
    assert md.startswith("# Harbour bridge to close for six weeks of repairs\n")
    assert "cookies" not in md


def test_jsonl_to_one_json_file_each_with_clashing_names(tmp_path: Path) -> None:
    rows: list[dict[str, object] | str] = [
        {"id": "a/b", "text": article(0)},
        {"id": "a b", "text": article(1)},
        {"id": "ok", "text": article(2)},
        {"id": "bad", "text": ""},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out"
    assert main(["batch", str(src), "--format", "json", "--output", str(out)]) == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == ["a_b-2.briefing.json", "a_b.briefing.json", "ok.briefing.json"]
    assert json.loads((out / "ok.briefing.json").read_text())["summary"]


def test_html_format_does_not_crash(tmp_path: Path) -> None:
    pytest.importorskip("briefing.render.html")
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(1))
    main(["batch", str(src), "--format", "html", "--output", str(tmp_path / "out"), "-j", "1"])
    assert (tmp_path / "out" / "a0.briefing.html").read_text(encoding="utf-8").strip()


# ---------------------------------------------------------------- resume
def test_resume_jsonl_skips_written_ids_and_drops_a_cut_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = good_rows(10)
    rows[4] = {"id": "a1", "text": article(40)}  # a repeated id: still one line per input
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    clean, out = tmp_path / "clean.jsonl", tmp_path / "out.jsonl"
    main(["batch", str(src), "--output", str(clean), "-j", "1"])
    lines = clean.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")  # killed mid-line
    capsys.readouterr()
    assert main(["batch", str(src), "--output", str(out), "--resume", "-j", "2"]) == 0
    assert out.read_bytes() == clean.read_bytes()
    assert "5 done, 0 failed, 5 skipped" in capsys.readouterr().err


def test_written_ids_cuts_after_the_last_whole_line(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    out.write_bytes(b'{"id": "a"}\n{"id": "b", "error": "x"}\n{"id": "c", "tit')
    assert written_ids(out) == {"a": 1, "b": 1}
    assert out.read_bytes() == b'{"id": "a"}\n{"id": "b", "error": "x"}\n'


def test_resume_files_skips_existing_outputs(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(3))
    out = tmp_path / "out"
    out.mkdir()
    (out / "a1.briefing.md").write_text("kept\n", encoding="utf-8")
    (out / ".a2.briefing.md.k3j4.tmp").write_text("half", encoding="utf-8")  # a killed write
    assert main(["batch", str(src), "--format", "md", "--output", str(out), "--resume"]) == 0
    assert (out / "a1.briefing.md").read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in out.iterdir()) == [
        "a0.briefing.md",
        "a1.briefing.md",
        "a2.briefing.md",
    ]


# ---------------------------------------------------------------- killed runs
def start_batch(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "batch", *args, "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_when(proc: subprocess.Popen[bytes], started: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not started() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)], "workers outlived their killed parent"


def children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pid: int) -> bool:
    try:  # a zombie (state Z) has exited; only its parent's bookkeeping is left
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_killed_jsonl_run_leaves_whole_lines_and_resumes(tmp_path: Path) -> None:
    n = 300
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(n))
    out, clean = tmp_path / "out.jsonl", tmp_path / "clean.jsonl"
    proc = start_batch([str(src), "--output", str(out), "-j", "2"])
    kill_when(proc, lambda: out.exists() and out.stat().st_size > 0)
    data = out.read_bytes()
    whole = data[: data.rfind(b"\n") + 1]
    assert 0 < len(whole.splitlines()) < n, "the run was not killed in the middle"
    assert all(json.loads(line)["id"] for line in whole.splitlines())
    assert batch.run_batch(str(src), str(out), Options(), jobs=2, resume=True, quiet=True).done
    batch.run_batch(str(src), str(clean), Options(), jobs=1, quiet=True)
    assert out.read_bytes() == clean.read_bytes()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_killed_per_file_run_leaves_whole_files_and_resumes(tmp_path: Path) -> None:
    n = 60
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(n))
    out, clean = tmp_path / "out", tmp_path / "clean"
    proc = start_batch([str(src), "--format", "json", "--output", str(out), "-j", "2"])
    kill_when(proc, lambda: out.is_dir() and len(os.listdir(out)) > 3)
    finished = [p for p in out.iterdir() if not p.name.endswith(".tmp")]
    assert 0 < len(finished) < n, "the run was not killed in the middle"
    assert all(json.loads(p.read_text(encoding="utf-8"))["summary"] for p in finished)
    batch.run_batch(str(src), str(out), Options(), fmt="json", jobs=2, resume=True, quiet=True)
    batch.run_batch(str(src), str(clean), Options(), fmt="json", jobs=1, quiet=True)
    assert sorted(os.listdir(out)) == sorted(os.listdir(clean))
    for name in os.listdir(clean):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
