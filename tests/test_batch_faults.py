"""Batch faults fixed: odd ids, ids read as formats, symlink loops in `**`, two writers of one
output, Ctrl-C in the middle of a run. All texts are made up."""

from __future__ import annotations

import errno
import fcntl
import glob
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing import batch
from briefing.batch import Item, Outcome, list_files, ordered_map, walk_glob
from briefing.cli import main
from briefing.model import BriefingError
from tests.test_batch import alive, article, children, good_rows, read_out, write_jsonl

LINUX = Path("/proc/self/task").is_dir()


# ---------------------------------------------------------------- 1. ids and formats
def test_ids_are_strings_or_numbers_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(article(1))
    raw = [
        f'{{"id": null, "text": {text}}}',
        f'{{"id": {{"a": 1}}, "text": {text}}}',
        f'{{"id": [1], "text": {text}}}',
        f'{{"id": true, "text": {text}}}',
        f'{{"id": 7, "text": {text}}}',
        f'{{"id": 1.50, "text": {text}}}',
        f'{{"id": 1e3, "text": {text}}}',
        f'{{"id": -0, "text": {text}}}',
        f'{{"id": "x", "text": {text}}}',
        f'{{"text": {text}}}',
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(raw) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--output", str(out), "-j", "1"]) == 1
    got = read_out(out)
    ids = ["line-1", "line-2", "line-3", "line-4", "7", "1.50", "1e3", "-0", "x", "line-10"]
    assert [r["id"] for r in got] == ids
    for r in got[:4]:
        assert set(r) == {"id", "error"}
        assert r["error"] == f"line {r['id'][5:]}: id must be a string or a number"  # type: ignore[index]
    assert all("summary" in r for r in got[4:])
    err = capsys.readouterr().err
    assert "line-2: line 2: id must be a string or a number" in err
    assert "None" not in err and "{'a': 1}" not in err
    assert "6 done, 4 failed" in err


@pytest.mark.parametrize("rid", ["story.html", "notes.md", "page.HTM", "x.markdown"])
def test_an_id_is_a_name_never_a_format(tmp_path: Path, rid: str) -> None:
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": rid, "text": article(3)}, {"id": "plain", "text": article(3)}],
    )
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--output", str(out), "-j", "1", "-q"]) == 0
    named, plain = read_out(out)
    assert named["id"] == rid and "error" not in named
    assert json.dumps(named).replace(json.dumps(rid)[1:-1], "plain") == json.dumps(plain)


def test_a_record_may_say_its_format(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Ferry timetable changes</title></head><body>"
        "<h1>Ferry timetable changes</h1><p>" + article(2).replace("\n\n", "</p><p>") + "</p>"
        "</body></html>"
    )
    markdown = "# Park bench census\n\n" + article(4)
    rows: list[dict[str, object] | str] = [
        {"id": "h", "text": html, "format": "html"},
        {"id": "m", "text": markdown, "format": "markdown"},
        {"id": "t", "text": "Bus fares frozen\n\n" + article(5), "format": "text"},
        {"id": "bad", "text": article(6), "format": "pdf"},
        {"id": "num", "text": article(6), "format": 3},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--output", str(out), "-j", "1", "-q"]) == 1
    got = {str(r["id"]): r for r in read_out(out)}
    assert got["h"]["title"] == "Ferry timetable changes"
    assert "<" not in json.dumps(got["h"]["summary"])
    assert got["m"]["title"] == "Park bench census"
    assert got["t"]["title"] == "Bus fares frozen"
    for bad in ("bad", "num"):
        assert str(got[bad]["error"]).endswith("format must be text, html or markdown")


# ---------------------------------------------------------------- 2. globs and symlinks
def make_tree(root: Path) -> Path:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for rel in ["a.txt", "b.md", "sub/c.txt", "sub/deeper/d.txt", ".hidden/e.txt", ".f.txt"]:
        (root / rel).write_text("Title\n\n" + article(len(rel)), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "pattern", ["**/*.txt", "**", "sub/**/*.txt", "**/deeper/*", "*/**/*.txt", ".hidden/**/*.txt"]
)
def test_walk_glob_matches_like_glob(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str
) -> None:
    make_tree(tmp_path / "t")
    expected = sorted(
        p for p in glob.glob(str(tmp_path / "t" / pattern), recursive=True) if Path(p).is_file()
    )
    assert sorted(str(p) for p in walk_glob(str(tmp_path / "t" / pattern))) == expected
    monkeypatch.chdir(tmp_path / "t")  # a relative pattern gives relative names, as glob does
    expected = sorted(p for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
    assert sorted(str(p) for p in walk_glob(pattern)) == expected


def test_a_symlink_loop_lists_each_file_once(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "t")
    (root / "sub" / "up").symlink_to("..")  # back into its own folder
    (root / "self").symlink_to(".")
    (root / "alias.txt").symlink_to("a.txt")  # a second name of one file
    files = list_files(str(root / "**" / "*.txt"))
    names = [p.relative_to(root).as_posix() for p in files]
    assert names == ["a.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert list_files(str(root)) == [root / ".f.txt", root / "a.txt", root / "b.md"]  # a folder

    out = tmp_path / "out.jsonl"
    assert main(["batch", str(root / "**" / "*.txt"), "--output", str(out), "-q"]) == 0
    assert [str(r["id"]).removeprefix(str(root) + "/") for r in read_out(out)] == names


# ---------------------------------------------------------------- 3. one writer per output
@pytest.mark.parametrize("resume", [False, True])
def test_a_second_writer_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], resume: bool
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(3))
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a0", "error": "x"}\n', encoding="utf-8")
    before = out.read_bytes()
    args = ["batch", str(src), "--output", str(out), "-j", "1", *(["--resume"] * resume)]
    with out.open("rb") as held:  # another batch writing there
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert f"briefing: error: {out}: another batch is writing to it" in err
        assert out.read_bytes() == before
    assert main(args) == 0  # the lock went with the other writer: no stale lock left behind
    assert [r["id"] for r in read_out(out)] == ["a0", "a1", "a2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_a_second_writer_of_a_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(2))
    out = tmp_path / "out"
    out.mkdir()
    (out / ".a0.briefing.md.k3j4.tmp").write_text("the other run's", encoding="utf-8")
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["batch", str(src), "--format", "md", "--output", str(out)]) == 2
        assert "another batch is writing to it" in capsys.readouterr().err
        assert [p.name for p in out.iterdir()] == [".a0.briefing.md.k3j4.tmp"]  # left alone
    finally:
        os.close(fd)
    assert main(["batch", str(src), "--format", "md", "--output", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a0.briefing.md", "a1.briefing.md"]


@pytest.mark.skipif(not LINUX, reason="needs Linux /proc")
def test_two_batches_at_once_one_is_refused(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(1500))
    out = tmp_path / "out.jsonl"
    first = batch_process(src, out, "-j", "2")
    try:
        wait_for_lines(first, out)
        second = subprocess.run(
            [sys.executable, "-m", "briefing", "batch", str(src), "--output", str(out), "-q"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 2 and second.stderr.count("\n") == 1
        assert "another batch is writing to it" in second.stderr
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=20)
    ids = [r["id"] for r in read_out(out)]
    assert ids == [f"a{i}" for i in range(len(ids))]  # the first run's lines only, unmixed


# ---------------------------------------------------------------- 4. Ctrl-C
def batch_process(src: Path, out: Path, *args: str, group: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "batch", str(src), "--output", str(out), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=group,
    )


def wait_for_lines(proc: subprocess.Popen[str], out: Path) -> None:
    deadline = time.monotonic() + 60
    while not (out.exists() and out.stat().st_size > 0) and time.monotonic() < deadline:
        assert proc.poll() is None, "the batch ended before it was interrupted"
        time.sleep(0.01)
    time.sleep(0.3)  # well into the run


@pytest.mark.skipif(not LINUX, reason="needs Linux /proc")
@pytest.mark.parametrize(
    ("jobs", "group"), [("2", False), ("2", True), ("1", False)], ids=["parent", "group", "j1"]
)
def test_ctrl_c_stops_at_once_and_resume_finishes(tmp_path: Path, jobs: str, group: bool) -> None:
    n = 1500
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(n))
    out = tmp_path / "out.jsonl"
    proc = batch_process(src, out, "--jobs", jobs, group=group)
    wait_for_lines(proc, out)
    workers = children(proc.pid)
    sent = time.monotonic()
    if group:  # a terminal's Ctrl-C goes to the whole process group, workers too
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert time.monotonic() - sent < 5
    assert proc.returncode == 130
    assert err.count("\n") == 1, err
    assert err.startswith("briefing: interrupted: ")
    assert err.endswith(" done; run again with --resume to finish\n")
    assert not [pid for pid in workers if alive(pid)], "workers outlived the interrupted run"

    data = out.read_bytes()
    assert data.endswith(b"\n")
    lines = data.splitlines()
    assert 0 < len(lines) < n, "the run was not interrupted in the middle"
    assert int(err.split()[2]) == len(lines)
    assert [json.loads(line)["id"] for line in lines] == [f"a{i}" for i in range(len(lines))]

    done = subprocess.run(
        [sys.executable, "-m", "briefing", "batch", str(src), "--output", str(out), "--resume"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(lines)} skipped" in done.stderr
    ids = [r["id"] for r in read_out(out)]
    assert ids == [f"a{i}" for i in range(n)]  # every record exactly once, in order


# ---------------------------------------------------------------- workers
def die_in_worker(chunk: list[Item]) -> list[Outcome]:
    os._exit(3)


def test_a_dead_worker_is_one_error_not_a_hang() -> None:
    items: list[Item] = [(batch.Task(f"x{i}", "", text=article(i)), None) for i in range(20)]
    started = time.monotonic()
    with pytest.raises(BriefingError, match="a worker process died"):
        list(ordered_map(die_in_worker, items, jobs=2))
    assert time.monotonic() - started < 10


# ---------------------------------------------------------------- 5. write faults (a full disk)
FAULT_SCRIPT = """
import errno, os, sys
from briefing.cli import main

out, nth = sys.argv[1], int(sys.argv[2])
real_write, lines = os.write, 0

def write(fd, data):
    global lines
    if os.fstat(fd).st_ino != os.stat(out).st_ino:
        return real_write(fd, data)
    lines += 1
    if lines == nth:
        real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_write(fd, data)

os.write = write
code = main(sys.argv[3:])
import multiprocessing
print(len(multiprocessing.active_children()))
sys.exit(code)
"""


def full_disk_on(monkeypatch: pytest.MonkeyPatch, out: Path, nth: int, how: str) -> None:
    """os.write on out fails at its nth call: half the line written, then the error `how`."""
    real_write = os.write
    calls = 0

    def write(fd: int, data: bytes | memoryview) -> int:
        nonlocal calls
        if not out.exists() or os.fstat(fd).st_ino != out.stat().st_ino:
            return real_write(fd, data)
        calls += 1
        if calls < nth:
            return real_write(fd, data)
        half = bytes(data)[: len(data) // 2]
        if how == "short":  # a short count without an error, then the error
            return real_write(fd, half) if calls == nth else fail(errno.EDQUOT)
        if how == "zero":  # no error and no progress
            return 0
        real_write(fd, half)
        if how == "ctrl-c":
            raise KeyboardInterrupt
        return fail(errno.ENOSPC)

    monkeypatch.setattr(os, "write", write)


def fail(code: int) -> int:
    raise OSError(code, os.strerror(code))


def whole_lines(out: Path) -> list[str]:
    data = out.read_bytes()
    assert not data or data.endswith(b"\n"), "a partial last line was left"
    return [str(json.loads(line)["id"]) for line in data.splitlines()]


@pytest.mark.parametrize(
    ("how", "reason"),
    [
        ("enospc", "no space left on device"),
        ("short", "disk quota exceeded"),
        ("zero", "nothing could be written"),
    ],
)
def test_a_full_disk_stops_the_run_with_whole_lines_and_resume_finishes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    how: str,
    reason: str,
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(12))
    out = tmp_path / "out.jsonl"
    args = ["batch", str(src), "--output", str(out), "--jobs", "1"]
    with monkeypatch.context() as patch:
        full_disk_on(patch, out, 5, how)
        assert main(args) == 2
    assert capsys.readouterr().err == f"briefing: error: {out}: {reason}\n"
    assert whole_lines(out) == ["a0", "a1", "a2", "a3"]

    assert main([*args, "--resume"]) == 0  # space again
    assert "8 done, 0 failed, 4 skipped" in capsys.readouterr().err
    assert whole_lines(out) == [f"a{i}" for i in range(12)]  # every record once, in order


def test_ctrl_c_in_the_middle_of_a_line_leaves_whole_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(6))
    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as patch:
        full_disk_on(patch, out, 3, "ctrl-c")
        assert main(["batch", str(src), "--output", str(out), "-j", "1"]) == 130
    err = capsys.readouterr().err
    assert err == "briefing: interrupted: 2 done; run again with --resume to finish\n"
    assert whole_lines(out) == ["a0", "a1"]


@pytest.mark.skipif(not LINUX, reason="needs Linux /proc")
def test_a_full_disk_with_workers_stops_them_and_resume_finishes(tmp_path: Path) -> None:
    n = 300
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(n))
    out = tmp_path / "out.jsonl"
    args = ["batch", str(src), "--output", str(out), "--jobs", "2"]
    proc = subprocess.run(
        [sys.executable, "-c", FAULT_SCRIPT, str(out), "100", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"briefing: error: {out}: no space left on device\n"
    assert proc.stdout == "0\n", "workers outlived the run"
    assert whole_lines(out) == [f"a{i}" for i in range(99)]

    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args, "--resume"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"{n - 99} done, 0 failed, 99 skipped" in done.stderr
    assert whole_lines(out) == [f"a{i}" for i in range(n)]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EIO, errno.EACCES])
def test_a_full_disk_stops_a_per_file_run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
    code: int,
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(20))
    out = tmp_path / "out"
    args = ["batch", str(src), "--format", "md", "--output", str(out), "--jobs", jobs]
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the disk fills after two files (workers are forked)
        if len(list(out.glob("*.md"))) >= 2:
            fail(code)
        real_fsync(fd)

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", fsync)
        assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"briefing: error: {out}/a")
    assert err.endswith(f".briefing.md: {os.strerror(code).lower()}\n")
    names = [p.name for p in out.iterdir()]
    assert 2 <= len(names) < 20 and all(n.endswith(".briefing.md") for n in names)  # no .tmp
    assert multiprocessing.active_children() == []  # the workers were stopped

    assert main([*args, "--resume"]) == 0
    assert f"{20 - len(names)} done, 0 failed, {len(names)} skipped" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"a{i}.briefing.md" for i in range(20))


def test_a_fault_of_one_file_fails_that_record_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", good_rows(4))
    out = tmp_path / "out"
    (out / "a1.briefing.md").mkdir(parents=True)  # a folder where a1's briefing would go
    assert main(["batch", str(src), "--format", "md", "--output", str(out), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "a1.briefing.md: is a directory" in err and "3 done, 1 failed" in err
    assert sorted(p.name for p in out.glob("*.md") if p.is_file()) == [
        "a0.briefing.md",
        "a2.briefing.md",
        "a3.briefing.md",
    ]


def test_an_output_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("The council approved the plan on Monday. It will vote again.")
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    code = main(["batch", str(source), "--format", "md", "--output", f"{blocker}/sub/"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [
        f"briefing: error: {blocker}/sub/: cannot create the folder: not a directory"
    ]
