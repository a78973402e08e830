"""`briefing batch --scheduler`: the batch run on a Dask cluster, with the local run's output.

This process (the client) plans the run and writes the JSONL output; the workers read the input
in parts and brief them with `batch.brief_task`, exactly as local worker processes do. A JSONL
input is cut into byte blocks at line ends (so a corpus never passes through one machine); the
workers first count each block's lines, so that every record keeps the line number, the default
id and the messages a local run gives it. When the output needs a decision per record (resume,
or one file per input) the workers also give back the ids, and the client decides in input
order with the local run's own sinks. Outcomes come back part by part and are written in input
order: the output is the local batch's, byte for byte.

Only this module imports dask, distributed and fsspec, and the CLI imports it only when
`--scheduler` is given.
"""

from __future__ import annotations

import glob
import io
import logging
import os
import posixpath
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path
from typing import Any

import fsspec
from distributed import Client, Future, KilledWorker, LocalCluster
from fsspec.utils import read_block

from briefing.batch import (
    FILE_SUFFIXES,
    BatchFormat,
    FileSink,
    Interrupted,
    Item,
    Job,
    JsonlSink,
    Outcome,
    OutputError,
    Reporter,
    Sink,
    Summary,
    Task,
    brief_task,
    briefing_name,
    check_output,
    check_run,
    file_tasks,
    is_jsonl,
    list_files,
    read_jsonl,
    record,
    release_inherited_locks,
    write_file,
)
from briefing.compose import Options
from briefing.files import reason
from briefing.lang import REFERENCE
from briefing.model import BriefingError, Document
from briefing.read import MAX_BYTES, document_from_bytes, read_document
from briefing.render import Format

LOCAL = "local"  # --scheduler local: a cluster of worker processes on this machine
BLOCK_BYTES = 1 << 17  # JSONL bytes per part: about 30 news articles, measured in bench/
FILES_PER_PART = 16  # article files per part
AHEAD = 4  # parts in flight per worker thread: workers stay busy, results wait in bounded number
CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler before giving up with one line


# ---------------------------------------------------------------- parts of the input
@dataclass(frozen=True)
class Block:
    """The lines of a JSONL file that start after the first newline at or after `offset` (at
    the file's start for offset 0), up to the block that follows (`length`: None to the end)."""

    url: str  # a local path or an fsspec URL
    offset: int
    length: int | None
    source: str = ""  # goes before "line N" in messages when there are several files


@dataclass(frozen=True)
class LinesPart:
    """A block to brief: its first line's number, the records to skip (by their index in the
    block) and, for one file per input, each record's output file."""

    block: Block
    first: int
    skip: frozenset[int] = frozenset()
    targets: tuple[str | None, ...] | None = None


@dataclass(frozen=True)
class FilesPart:
    items: tuple[Item, ...]


Part = LinesPart | FilesPart


def is_remote(spec: str) -> bool:
    return "://" in spec


def local_path(spec: str) -> str:
    """file:// URLs as plain paths, so they get the local run's checks, locks and writes."""
    return spec.removeprefix("file://") if spec.startswith("file://") else spec


def plan_input(spec: str) -> list[Block] | list[Task]:
    """The JSONL blocks or the article files of an input spec, listed on the client."""
    if is_remote(spec):
        return plan_remote(spec)
    if is_jsonl(spec):
        return blocks_of([spec])
    matches = glob.glob(spec) if glob.has_magic(spec) else []
    if glob.has_magic(spec) and not matches:
        raise BriefingError(f"{spec}: no file matches")
    if matches and not any(m.lower().endswith(FILE_SUFFIXES) for m in matches):
        return blocks_of(sorted(m for m in matches if os.path.isfile(m)))
    if not Path(spec).exists() and not glob.has_magic(spec):
        raise BriefingError(f"{spec}: no such file or folder")
    base = Path(spec) if Path(spec).is_dir() else None
    return list(file_tasks(list_files(spec), base))


def plan_remote(spec: str) -> list[Block] | list[Task]:
    fs, path = fsspec.core.url_to_fs(spec)
    try:
        # Listings with details: asking about each file in turn is a round trip per file.
        if fs.isdir(path):
            found = [e["name"] for e in fs.ls(path, detail=True) if e["type"] == "file"]
            files = sorted(p for p in found if p.lower().endswith(FILE_SUFFIXES))
            base = path.rstrip("/") + "/"
            ids = [p.removeprefix(base) for p in files]
        elif glob.has_magic(path):
            found = fs.glob(path, detail=True)
            files = sorted(name for name, e in found.items() if e["type"] == "file")
            if files and not any(p.lower().endswith(FILE_SUFFIXES) for p in files):
                return blocks_of([fs.unstrip_protocol(p) for p in files], fs)
            files = [p for p in files if p.lower().endswith(FILE_SUFFIXES)]
            ids = [fs.unstrip_protocol(p) for p in files]
        elif fs.isfile(path):
            if not path.lower().endswith(FILE_SUFFIXES):
                return blocks_of([spec], fs)
            files, ids = [path], [spec]
        else:
            raise BriefingError(f"{spec}: no such file or folder")
    except OSError as err:
        raise BriefingError(f"{spec}: cannot list ({reason(err)})") from None
    if not files:
        raise BriefingError(f"{spec}: no .txt, .md or .html file found")
    return [
        Task(i, fs.unstrip_protocol(p), path=fs.unstrip_protocol(p))
        for p, i in zip(files, ids, strict=True)
    ]


def blocks_of(urls: Sequence[str], fs: Any = None) -> list[Block]:
    """Blocks of BLOCK_BYTES of each JSONL file (a file of none has one empty block)."""
    if not urls:
        raise BriefingError("no input file found")
    blocks: list[Block] = []
    for url in urls:
        source = f"{url} " if len(urls) > 1 else ""
        try:
            size = (fs or fsspec.filesystem("file")).size(url)
        except OSError as err:
            raise BriefingError(f"{url}: cannot read ({reason(err)})") from None
        starts = range(0, max(size, 1), BLOCK_BYTES)
        blocks += [Block(url, s, min(BLOCK_BYTES, size - s) or None, source) for s in starts]
    return blocks


# ---------------------------------------------------------------- on the workers
def block_lines(block: Block) -> io.TextIOWrapper:
    """A block's lines, read as the local run reads a whole file: universal newlines, UTF-8
    with a first BOM dropped, bad bytes replaced. A block starts and ends after a b"\\n", which
    is never the first half of a line end nor part of a UTF-8 sequence, so nothing differs."""
    try:
        with fsspec.open(block.url, "rb") as f:
            data = read_block(f, block.offset, block.length, delimiter=b"\n")
    except OSError as err:
        raise BriefingError(f"{block.url}: cannot read ({reason(err)})") from None
    encoding = "utf-8-sig" if block.offset == 0 else "utf-8"
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace")


def count_block(block: Block) -> tuple[int, int]:
    """Lines and records (lines not blank) of a block."""
    lines = records = 0
    for line in block_lines(block):
        lines += 1
        records += bool(line.strip())
    return lines, records


def block_ids(block: Block, first: int) -> list[str]:
    return [task.id for task in read_jsonl(block_lines(block), first, block.source)]


def part_items(part: Part) -> Iterator[Item]:
    if isinstance(part, FilesPart):
        yield from part.items
        return
    tasks = read_jsonl(block_lines(part.block), part.first, part.block.source)
    for i, task in enumerate(tasks):
        if i not in part.skip:
            yield task, part.targets[i] if part.targets is not None else None


def brief_part(job: Job, part: Part) -> list[Outcome]:
    return [
        brief_task(job, task, target, read=read_input, write=write_output)
        for task, target in part_items(part)
    ]


def read_input(path: str, *, language: str = REFERENCE) -> Document:
    if not is_remote(path):
        return read_document(path, language=language)
    try:
        with fsspec.open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise BriefingError(f"{path}: cannot read ({reason(err)})") from None
    return document_from_bytes(data, posixpath.basename(path), language=language)


def write_output(target: str, text: str) -> None:
    """A local file atomically (as the local run); on an object store a write is one PUT."""
    if not is_remote(target):
        write_file(Path(target), text)
        return
    try:
        with fsspec.open(target, "wb") as f:
            f.write(text.encode("utf-8"))
    except OSError as err:
        raise BriefingError(f"{target}: cannot write ({reason(err)})") from None


# ---------------------------------------------------------------- on the client
@contextmanager
def connect(scheduler: str, workers: int, quiet: bool) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a local cluster of `workers` processes
    with one thread each; closed (and the local cluster stopped) on the way out."""
    cluster = None
    silence_dask_logs()
    try:
        if scheduler == LOCAL:
            cluster = start_local(workers)
            client = Client(cluster, timeout=CONNECT_TIMEOUT)
        else:
            client = reach(scheduler)
    except (OSError, TimeoutError, ValueError, TypeError, RuntimeError, MemoryError) as err:
        if cluster is not None:
            cluster.close()
        what = "cannot start a local Dask cluster" if cluster is None else "cannot connect"
        if scheduler != LOCAL:
            what = f"cannot reach the Dask scheduler at {scheduler}"
        # Something else on the port (a web server) answers with bytes Dask reads as a length.
        why = "it does not answer as one" if isinstance(err, MemoryError) else first_line(err)
        raise BriefingError(f"{what} ({why})") from None
    try:
        if not quiet and has_dashboard(client, scheduler):
            print(f"briefing: Dask dashboard at {client.dashboard_link}", file=sys.stderr)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def silence_dask_logs() -> None:
    """Dask logs what it goes through (a lost scheduler, a restarted worker) with tracebacks on
    stderr; what comes of it for the run is said in one line here, the project's rule."""
    for name in ["distributed", *logging.root.manager.loggerDict]:
        if name.split(".")[0] == "distributed":
            logging.getLogger(name).setLevel(logging.CRITICAL)


def reach(scheduler: str) -> Client:
    """A client of the scheduler at an address, or an error within CONNECT_TIMEOUT. Dask's own
    timeout covers the connection but not the handshake after it, which a server that is not a
    Dask scheduler may never answer: the attempt runs in a thread that is left behind then."""
    got: list[Client | BaseException] = []

    def attempt() -> None:
        try:
            got.append(Client(scheduler, timeout=CONNECT_TIMEOUT))
        except BaseException as err:  # raised again in the caller's thread, below
            got.append(err)

    thread = threading.Thread(target=attempt, name="briefing-connect", daemon=True)
    thread.start()
    thread.join(CONNECT_TIMEOUT + 1)
    if not got:
        raise TimeoutError(f"no answer from a Dask scheduler within {CONNECT_TIMEOUT:.0f} s")
    if isinstance(got[0], BaseException):
        raise got[0]
    return got[0]


def start_local(workers: int) -> LocalCluster:
    import dask

    # Forked workers start in a blink with the client's modules loaded; spawned ones would each
    # import dask and briefing again (seconds). Fork is only safe enough on Linux.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    if method == "fork":
        close_locks_when_forked()
    # Set for the whole process, not for a moment: a worker restarted after a crash is started
    # the same way. The profiler samples every worker's stack 100 times a second, for a
    # dashboard page a local run of a batch has no use for.
    dask.config.set(
        {
            "distributed.worker.multiprocessing-method": method,
            "distributed.worker.profile.enabled": False,
        }
    )
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: two runs at once must not clash
        silence_logs=logging.CRITICAL,  # a restarted worker is Dask's business, not a user's
    )


@cache
def close_locks_when_forked() -> None:
    # A worker forked from the client (the first ones, or one restarted after a crash) gets
    # copies of the output's lock, and a lock lasts until its last copy is closed: it must go
    # with the client, or a resume right after a killed run would be refused.
    os.register_at_fork(after_in_child=release_inherited_locks)


def has_dashboard(client: Client, scheduler: str) -> bool:
    """Whether the scheduler serves its dashboard (its pages need bokeh, here for a local one)."""
    if scheduler == LOCAL and find_spec("bokeh") is None:
        return False
    return "dashboard" in client.scheduler_info().get("services", {})


def first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


def check_not_an_input(planned: list[Block] | list[Task], output: str) -> None:
    """A glob of inputs may take in the output: writing it would spoil what is being read."""
    if output == "-" or is_remote(output):
        return
    target = os.path.realpath(output)
    for item in planned:
        path = item.url if isinstance(item, Block) else item.path
        if path is not None and not is_remote(path) and os.path.realpath(path) == target:
            raise BriefingError(f"{output}: is one of the inputs too; choose another output")


class RemoteFileSink:
    """One briefing file per input under an fsspec URL, each written by its worker. An object
    store has neither rename nor lock: a file is one PUT, there whole or not at all."""

    def __init__(self, folder: str, fmt: Format, resume: bool) -> None:
        self.fmt, self.folder = fmt, folder.rstrip("/")
        self.names: set[str] = set()
        self.existing: set[str] = set()
        fs, path = fsspec.core.url_to_fs(folder)
        try:
            if fs.isfile(path):
                raise BriefingError(f"{folder}: is a file; one briefing per input needs a folder")
            if resume and fs.isdir(path):
                self.existing = {posixpath.basename(p) for p in fs.ls(path, detail=False)}
        except OSError as err:
            raise BriefingError(f"{folder}: cannot list ({reason(err)})") from None

    def target(self, task: Task) -> str | None:
        return f"{self.folder}/{briefing_name(task, self.fmt, self.names)}"

    def skip(self, task: Task, target: str | None) -> bool:
        return target is not None and posixpath.basename(target) in self.existing

    def write(self, outcome: Outcome) -> None:
        pass  # the worker has written the file

    def close(self) -> None:
        pass


class RemoteJsonlSink:
    """JSONL to an fsspec URL, written by the client in input order as one stream (on an object
    store the object appears when it is closed). Resuming would need to append: refused."""

    def __init__(self, url: str, resume: bool) -> None:
        if resume:
            raise BriefingError(f"{url}: --resume needs a local JSONL output or --format")
        try:
            self.file = fsspec.open(url, "wb").open()
        except OSError as err:
            raise BriefingError(f"{url}: cannot write ({reason(err)})") from None
        self.name = url

    def target(self, task: Task) -> str | None:
        return None

    def skip(self, task: Task, target: str | None) -> bool:
        return False

    def write(self, outcome: Outcome) -> None:
        try:
            self.file.write((outcome.line + "\n").encode("utf-8", "backslashreplace"))
        except OSError as err:
            raise OutputError(f"{self.name}: {reason(err)}") from None

    def close(self) -> None:
        try:
            self.file.close()
        except OSError as err:
            raise OutputError(f"{self.name}: {reason(err)}") from None


AnySink = Sink | RemoteFileSink | RemoteJsonlSink


def open_sink(output: str, fmt: BatchFormat, resume: bool) -> AnySink:
    if fmt == "jsonl":
        return RemoteJsonlSink(output, resume) if is_remote(output) else JsonlSink(output, resume)
    if is_remote(output):
        return RemoteFileSink(output, fmt, resume)
    return FileSink(output, fmt, resume)


class Planner:
    """Turns the planned input into parts, deciding in input order what the sink skips and
    where each briefing file goes, as the local run does record by record."""

    def __init__(self, client: Client, sink: AnySink) -> None:
        self.client, self.sink = client, sink
        self.skipped = 0
        self.total = 0

    def decide(self, tasks: Sequence[Task]) -> tuple[frozenset[int], list[str | None]]:
        skip: set[int] = set()
        targets: list[str | None] = []
        for i, task in enumerate(tasks):
            target = self.sink.target(task)
            targets.append(target)
            if self.sink.skip(task, target):
                skip.add(i)
        self.skipped += len(skip)
        return frozenset(skip), targets

    def file_parts(self, tasks: list[Task]) -> list[Part]:
        skip, targets = self.decide(tasks)
        items = [
            (t, target)
            for i, (t, target) in enumerate(zip(tasks, targets, strict=True))
            if i not in skip
        ]
        self.total = len(items)
        size = FILES_PER_PART
        return [FilesPart(tuple(items[i : i + size])) for i in range(0, len(items), size)]

    def line_parts(self, blocks: list[Block], needs_ids: bool) -> list[Part]:
        counts = [wait(f) for f in self.client.map(count_block, blocks, pure=False)]
        firsts = list(accumulate((lines for lines, _ in counts), initial=1))[:-1]
        self.total = sum(records for _, records in counts)
        if not needs_ids:
            return [LinesPart(b, first) for b, first in zip(blocks, firsts, strict=True)]
        ids = [wait(f) for f in self.client.map(block_ids, blocks, firsts, pure=False)]
        parts: list[Part] = []
        for block, first, block_ids_ in zip(blocks, firsts, ids, strict=True):
            skip, targets = self.decide([Task(rid, "") for rid in block_ids_])
            files = isinstance(self.sink, FileSink | RemoteFileSink)
            wanted = tuple(targets) if files else None
            parts.append(LinesPart(block, first, skip, wanted))
        self.total -= self.skipped
        return parts


def wait(future: Future[Any]) -> Any:
    """A future's result; the ways a cluster fails become one line."""
    try:
        return future.result()
    except KilledWorker:
        raise BriefingError(
            "a part of the input killed Dask workers again and again (out of memory?); "
            "--resume carries on where the run stopped"
        ) from None
    except ImportError as err:  # raised where the worker unpickled the task
        raise BriefingError(
            f"a Dask worker cannot import {err.name}: install briefing[dask] on the workers"
        ) from None
    except (CancelledError, OSError, TimeoutError) as err:
        raise BriefingError(f"lost the Dask cluster ({first_line(err)})") from None


def run_parts(
    client: Client, parts: list[Part], job: Job, sink: AnySink, reporter: Reporter
) -> tuple[int, int]:
    """Brief the parts on the cluster, a bounded number in flight; write their outcomes in
    order. A part lost with its worker is briefed again by Dask, and its outcomes are written
    once: only the result the client takes counts."""
    threads = sum(client.nthreads().values()) or 1
    pending: deque[Future[Any]] = deque()
    queued = iter(enumerate(parts))
    done = failed = 0
    run = uuid.uuid4().hex[:12]  # keys of this run's parts, unique on a shared cluster

    def submit() -> None:
        for n, part in queued:
            key = f"briefing-{run}-{n}"
            pending.append(client.submit(brief_part, job, part, key=key))
            return

    try:
        for _ in range(threads * AHEAD):
            submit()
        while pending:
            outcomes: list[Outcome] = wait(pending.popleft())
            submit()
            for outcome in outcomes:
                if record(outcome, sink, reporter):
                    done += 1
                else:
                    failed += 1
    except KeyboardInterrupt:
        raise Interrupted(done + failed) from None
    finally:
        for future in pending:
            future.cancel()
    return done, failed


def run_cluster_batch(
    spec: str,
    output: str,
    options: Options,
    *,
    scheduler: str,
    fmt: BatchFormat = "jsonl",
    jobs: int = 1,
    resume: bool = False,
    quiet: bool = False,
) -> Summary:
    """Brief every input of spec (JSONL files, a folder or a glob; paths or fsspec URLs) into
    output on the Dask cluster at `scheduler` ("local": `jobs` local worker processes)."""
    check_run(options, jobs)
    if spec == "-":
        raise BriefingError("--scheduler needs input files (a path, a glob or a URL), not stdin")
    spec, output = local_path(spec), local_path(output)
    check_output(spec, output, fmt)
    planned = plan_input(spec)
    check_not_an_input(planned, output)
    started = time.perf_counter()
    with connect(scheduler, jobs, quiet) as client:
        sink = open_sink(output, fmt, resume)
        try:
            planner = Planner(client, sink)
            if isinstance(planned[0], Block):
                blocks = [b for b in planned if isinstance(b, Block)]
                parts = planner.line_parts(blocks, needs_ids=fmt != "jsonl" or resume)
            else:
                parts = planner.file_parts([t for t in planned if isinstance(t, Task)])
            reporter = Reporter(planner.total, sys.stderr.isatty() and not quiet, quiet)
            try:
                done, failed = run_parts(client, parts, Job(options, fmt), sink, reporter)
            finally:
                reporter.close()
        except Interrupted as stop:
            raise Interrupted(stop.written, resumable=output != "-") from None
        finally:
            sink.close()
    summary = Summary(done, failed, planner.skipped, time.perf_counter() - started)
    reporter.finish(summary)
    return summary
