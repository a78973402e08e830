"""`briefing batch --scheduler`: the run on a Dask cluster gives the local run's output, byte for
byte, with bad records, resume, a killed worker; nothing of Dask is imported without it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason="the Dask tests need briefing[dask] installed")

from briefing import batch, cluster
from briefing.cli import main
from tests.test_batch import article

START_TIMEOUT = 60  # seconds for a local cluster to start
RUN_TIMEOUT = 90  # seconds for one batch run on it


def records(n: int) -> list[str]:
    return [json.dumps({"id": f"s{i}", "text": article(i)}) for i in range(n)]


def bad_jsonl(n: int) -> bytes:
    """Good records among every kind of bad one, a BOM first, CRLF and a lone CR."""
    rows = records(n)
    rows[2:2] = ["{not json", "", json.dumps(["a", "list"]), json.dumps({"id": "no-text"})]
    rows[7:7] = [json.dumps({"id": 1e3, "text": article(50)}), json.dumps({"text": article(51)})]
    rows[9:9] = [json.dumps({"id": "s1", "text": article(52)}), "  ", json.dumps({"id": "e"})]
    rows.append(json.dumps({"id": "empty", "text": "   "}))
    text = "\r\n".join(rows[:12]) + "\n" + "\n".join(rows[12:]) + "\rnot json either\n"
    return b"\xef\xbb\xbf" + text.encode("utf-8")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local cluster of 2 worker processes, shared by this module's tests."""
    with ThreadPoolExecutor(1) as pool:
        local = pool.submit(cluster.start_local, 2).result(timeout=START_TIMEOUT)
    try:
        yield str(local.scheduler_address)
    finally:
        local.close(timeout=20)


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of a few records, so that a small input is many parts on both workers."""
    monkeypatch.setattr(cluster, "BLOCK_BYTES", 2000)
    monkeypatch.setattr(cluster, "FILES_PER_PART", 3)


def run(argv: list[str]) -> int:
    """main(argv), failing the test rather than hanging should the cluster stall."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(main, argv).result(timeout=RUN_TIMEOUT)


def errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if "done," not in line and "dashboard" not in line]


def test_jsonl_with_bad_records_is_the_local_output_byte_for_byte(
    tmp_path: Path, scheduler: str, small_blocks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(bad_jsonl(24))
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["batch", str(src), "--output", str(local), "-j", "1", "-n", "2"]) == 1
    local_err = capsys.readouterr().err
    argv = ["batch", f"file://{src}", "--output", str(dask), "--scheduler", scheduler, "-n", "2"]
    assert run(argv) == 1
    dask_err = capsys.readouterr().err
    assert dask.read_bytes() == local.read_bytes()
    assert len(cluster.plan_input(str(src))) > 4  # many blocks: line numbers cross them
    lines = [json.loads(line) for line in dask.read_text(encoding="utf-8").splitlines()]
    assert sum("error" in line for line in lines) == 6
    assert errors(dask_err) == errors(local_err)
    assert "invalid JSON" in dask_err and "line 3" in dask_err


def test_files_in_one_briefing_per_input_out(
    tmp_path: Path, scheduler: str, small_blocks: None
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(8):
        (inbox / f"story{i}.txt").write_text(article(i), encoding="utf-8")
    (inbox / "notes.md").write_text(f"# Road works news\n\n{article(9)}", encoding="utf-8")
    (inbox / "page.html").write_text(f"<html><body><p>{article(10)}</p></body></html>")
    (inbox / "story3.md").write_text(article(11), encoding="utf-8")  # a name taken twice
    (inbox / "empty.txt").write_text("", encoding="utf-8")  # a bad input
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(inbox), "--output", str(local), "-f", "md", "-j", "1"]) == 1
    assert (
        run(
            ["batch", str(inbox), "--output", str(dask), "-f", "md", "-q", "--scheduler", scheduler]
        )
        == 1
    )
    names = sorted(p.name for p in local.iterdir())
    assert sorted(p.name for p in dask.iterdir()) == names and len(names) == 11
    for name in names:
        assert (dask / name).read_bytes() == (local / name).read_bytes(), name


def test_jsonl_in_one_file_per_record_out(
    tmp_path: Path, scheduler: str, small_blocks: None
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(bad_jsonl(12))
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(src), "--output", str(local), "-f", "txt", "-j", "1", "-q"]) == 1
    assert (
        run(["batch", str(src), "--output", str(dask), "-f", "txt", "-q", "--scheduler", scheduler])
        == 1
    )
    names = sorted(p.name for p in local.iterdir())
    assert "s1-2.briefing.txt" in names  # the repeated id got the local run's second name
    assert sorted(p.name for p in dask.iterdir()) == names
    assert all((dask / n).read_bytes() == (local / n).read_bytes() for n in names)


def test_many_jsonl_files_by_a_glob(tmp_path: Path, scheduler: str, small_blocks: None) -> None:
    rows = records(10)
    (tmp_path / "a.jsonl").write_text("\n".join(rows[:6]) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(rows[6:]) + "\n", encoding="utf-8")
    (tmp_path / "all.json").write_text("\n".join(rows) + "\n", encoding="utf-8")
    local, dask = tmp_path / "local.out", tmp_path / "dask.out"
    assert main(["batch", str(tmp_path / "all.json"), "--output", str(local), "-j", "1"]) == 0
    glob = f"file://{tmp_path}/*.jsonl"
    assert run(["batch", glob, "--output", str(dask), "-q", "--scheduler", scheduler]) == 0
    assert dask.read_bytes() == local.read_bytes()
    into_input = ["batch", glob, "--output", str(tmp_path / "b.jsonl"), "--scheduler", scheduler]
    assert run(into_input) == 2  # an output that is one of the inputs is refused
    assert (tmp_path / "b.jsonl").read_text(encoding="utf-8").count("\n") == 4


def test_resume_finishes_a_cut_run(tmp_path: Path, scheduler: str, small_blocks: None) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(bad_jsonl(16))
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["batch", str(src), "--output", str(local), "-j", "1", "-q"]) == 1
    whole = local.read_bytes()
    cut = whole.index(b"\n", len(whole) // 2) + 1
    dask.write_bytes(whole[:cut] + b'{"id": "s9", "tit')  # a run killed mid-line
    argv = ["batch", str(src), "--output", str(dask), "--resume", "--scheduler", scheduler]
    assert run(argv) == 1
    assert dask.read_bytes() == whole


def test_resume_of_files_skips_those_written(
    tmp_path: Path, scheduler: str, small_blocks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(records(9)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(src), "--output", str(out), "-f", "json", "-j", "1", "-q"]) == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    for name in sorted(before)[::2]:
        (out / name).unlink()
    argv = ["batch", str(src), "--output", str(out), "-f", "json", "--resume"]
    assert run([*argv, "--scheduler", scheduler]) == 0
    assert "5 done, 0 failed, 4 skipped" in capsys.readouterr().err
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert sorted(after) == sorted(before)
    assert sorted(n for n in after if after[n] == before[n]) == sorted(before)[1::2]


def kill_once(marker: str) -> None:
    """On a worker: the first time record "s13" is briefed anywhere, kill this worker."""
    original = batch.brief_task

    def brief_or_die(job: Any, task: batch.Task, *args: Any, **kwargs: Any) -> batch.Outcome:
        if task.id == "s13":
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.close(fd)
                os.kill(os.getpid(), signal.SIGKILL)
        return original(job, task, *args, **kwargs)

    setattr(cluster, "brief_task", brief_or_die)  # noqa: B010 - not a name the module exports


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_a_killed_worker_loses_and_repeats_nothing(
    tmp_path: Path, small_blocks: None, fmt: str
) -> None:
    from distributed import Client

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(records(30)) + "\n", encoding="utf-8")
    local, dask = tmp_path / f"local.{fmt}", tmp_path / f"dask.{fmt}"
    assert main(["batch", str(src), "--output", str(local), "-f", fmt, "-j", "1", "-q"]) == 0
    marker = tmp_path / "killed"
    with ThreadPoolExecutor(1) as pool:
        own = pool.submit(cluster.start_local, 2).result(timeout=START_TIMEOUT)
    try:
        with Client(own, timeout=START_TIMEOUT) as client:  # type: ignore[no-untyped-call]
            pids = set(client.run(os.getpid).values())
            client.run(kill_once, str(marker))
        argv = ["batch", str(src), "--output", str(dask), "-f", fmt, "-q"]
        assert run([*argv, "--scheduler", str(own.scheduler_address)]) == 0
        with Client(own, timeout=START_TIMEOUT) as client:  # type: ignore[no-untyped-call]
            assert not pids <= set(client.run(os.getpid).values())  # one was killed, replaced
    finally:
        own.close(timeout=20)
    assert marker.exists()
    if fmt == "jsonl":
        assert dask.read_bytes() == local.read_bytes()
    else:
        names = sorted(p.name for p in local.iterdir())
        assert sorted(p.name for p in dask.iterdir()) == names  # no temporary file left
        assert all((dask / n).read_bytes() == (local / n).read_bytes() for n in names)


def test_a_bad_scheduler_address_is_one_line_and_quick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2.0)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(records(2)) + "\n", encoding="utf-8")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    silent = socket.socket()  # connections are taken (by the system), never answered
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    out = tmp_path / "out.jsonl"
    addresses = [f"tcp://127.0.0.1:{closed}", f"tcp://127.0.0.1:{silent.getsockname()[1]}"]
    try:
        for address in [*addresses, "nonsense://where"]:
            started = time.monotonic()
            assert run(["batch", str(src), "--output", str(out), "--scheduler", address]) == 2
            assert time.monotonic() - started < 10
            err = capsys.readouterr().err
            assert err.startswith("briefing: error: ") and err.count("\n") == 1, err
            assert "Dask scheduler" in err
            assert not out.exists()
    finally:
        silent.close()


def test_inputs_the_cluster_cannot_take_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out.jsonl")
    cases = [
        (["-", "--output", out], "not stdin"),
        ([str(tmp_path / "missing.jsonl"), "--output", out], "no such file"),
        ([f"file://{tmp_path}/none-*.jsonl", "--output", out], "no file matches"),
    ]
    for argv, message in cases:
        assert main(["batch", *argv, "--scheduler", "local"]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err


def test_nothing_of_dask_is_imported_without_scheduler(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(records(3)) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(article(4), encoding="utf-8")
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"main([{str(tmp_path / 'a.txt')!r}, '-o', {str(tmp_path / 'a.md')!r}])\n"
        f"main(['batch', {str(src)!r}, '--output', {str(tmp_path / 'o.jsonl')!r}, '-j', '2'])\n"
        "dask = {'dask', 'distributed', 'fsspec'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & dask))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert proc.stdout.strip() == "[]"
    assert (tmp_path / "a.md").exists() and (tmp_path / "o.jsonl").exists()


@pytest.fixture(scope="module")
def threads_scheduler() -> Iterator[str]:
    """A cluster of 2 workers in this process: they see its memory:// file system."""
    from distributed import LocalCluster

    def start() -> Any:
        return LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        )

    with ThreadPoolExecutor(1) as pool:
        local = pool.submit(start).result(timeout=START_TIMEOUT)
    try:
        yield str(local.scheduler_address)
    finally:
        local.close(timeout=20)


def test_fsspec_urls_in_and_out(
    tmp_path: Path, threads_scheduler: str, small_blocks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    import fsspec

    src = tmp_path / "in.jsonl"
    src.write_bytes(bad_jsonl(10))
    fs = fsspec.filesystem("memory")
    fs.pipe("/news/in.jsonl", src.read_bytes())
    local = tmp_path / "local.jsonl"
    assert main(["batch", str(src), "--output", str(local), "-j", "1", "-q"]) == 1
    loud = ["batch", "memory://news/in.jsonl", "--scheduler", threads_scheduler]
    argv = [*loud, "-q"]
    assert run([*argv, "--output", "memory://out/briefings.jsonl"]) == 1
    assert fs.cat("/out/briefings.jsonl") == local.read_bytes()

    files = tmp_path / "files"
    assert main(["batch", str(src), "--output", str(files), "-f", "md", "-j", "1", "-q"]) == 1
    assert run([*argv, "--output", "memory://out/md/", "-f", "md"]) == 1
    names = sorted(p.name for p in files.iterdir())
    assert sorted(fs.ls("/out/md", detail=False)) == [f"/out/md/{n}" for n in names]
    assert all(fs.cat(f"/out/md/{n}") == (files / n).read_bytes() for n in names)

    fs.rm(f"/out/md/{names[0]}")
    capsys.readouterr()
    assert run([*loud, "--output", "memory://out/md/", "-f", "md", "--resume"]) == 1
    assert f"1 done, 6 failed, {len(names) - 1} skipped" in capsys.readouterr().err
    assert fs.cat(f"/out/md/{names[0]}") == (files / names[0]).read_bytes()
    assert run([*argv, "--output", "memory://out/again.jsonl", "--resume"]) == 2


def test_a_folder_of_articles_at_a_url(
    tmp_path: Path, threads_scheduler: str, small_blocks: None
) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    articles = {f"story{i}.txt": article(i).encode() for i in range(5)}
    articles["notes.md"] = f"# Road works news\n\n{article(7)}".encode()
    articles["latin.txt"] = article(8).replace("kilometre", "kilómetro").encode("latin-1")
    articles["skip.json"] = b"{}"  # not an article file
    for name, data in articles.items():
        (inbox / name).write_bytes(data)
        fs.pipe(f"/inbox/{name}", data)
    local = tmp_path / "local.jsonl"
    assert main(["batch", str(inbox), "--output", str(local), "-j", "1", "-q"]) == 0
    argv = ["batch", "memory://inbox", "-q", "--scheduler", threads_scheduler]
    assert run([*argv, "--output", "memory://out/articles.jsonl"]) == 0
    assert fs.cat("/out/articles.jsonl") == local.read_bytes()
    assert local.read_text(encoding="utf-8").count("\n") == 7
