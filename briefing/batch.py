"""Many inputs (a JSONL stream, a folder, a glob) briefed by worker processes, output in order.

Outputs are JSONL (one `{"id", ...briefing}` or `{"id", "error"}` line per input, same order) or
one briefing file per input. Both are written so that a run killed at any moment leaves only
whole lines and whole files, and `resume` carries on where it stopped.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any, Literal, TextIO

from briefing.compose import Options, check_options, make_briefing
from briefing.files import write_atomic
from briefing.model import BriefingError
from briefing.read import HTML_SUFFIXES, MARKDOWN_SUFFIXES, document_from_string, read_document
from briefing.render import Format, render, to_dict

FILE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
CHUNK = 8  # records a worker takes at a time: enough to hide the cost of passing them over
AHEAD = 4  # chunks in flight per worker: keeps workers busy while memory stays bounded
STALE_TMP = re.compile(r"^\..+\.briefing\.\w+\.\w+\.tmp$")  # write_atomic's, for our outputs


@dataclass(frozen=True)
class Task:
    """One input: a JSONL record (text) or a file (path), or why the record could not be read."""

    id: str
    where: str  # "line 12" or the file's path, for messages
    text: str | None = None
    title: str | None = None
    path: str | None = None
    error: str | None = None


Item = tuple[Task, str | None]  # a task and the file its briefing goes to, if any
BatchFormat = Literal["jsonl", Format]  # one JSONL file, or one file per input in a format


@dataclass(frozen=True)
class Outcome:
    """What became of one task: its JSONL line (JSONL output) and its error, if it failed."""

    id: str
    where: str
    line: str
    error: str | None = None


@dataclass(frozen=True)
class Job:
    """What every worker needs to know: how to brief, and in which format."""

    options: Options
    fmt: BatchFormat = "jsonl"


@dataclass(frozen=True)
class Summary:
    done: int
    failed: int
    skipped: int
    seconds: float

    def line(self) -> str:
        rate = (self.done + self.failed) / self.seconds if self.seconds > 0 else 0.0
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return (
            f"{self.done} done, {self.failed} failed{skipped} in {self.seconds:.1f} s "
            f"({rate:.1f} articles/s)"
        )


# ---------------------------------------------------------------- inputs
def read_jsonl(stream: Iterable[str]) -> Iterator[Task]:
    """Tasks of a JSONL stream, one at a time (the file is never loaded whole)."""
    for n, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"line {n}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as err:
            yield Task(f"line-{n}", where, error=f"{where}: invalid JSON ({err.msg})")
            continue
        if not isinstance(obj, dict):
            yield Task(f"line-{n}", where, error=f"{where}: not a JSON object")
            continue
        rid = str(obj.get("id", f"line-{n}"))
        text, title = obj.get("text"), obj.get("title")
        if not isinstance(text, str):
            yield Task(rid, where, error=f"{where}: no 'text' string")
            continue
        yield Task(rid, where, text=text, title=title if isinstance(title, str) else None)


def list_files(spec: str) -> list[Path]:
    """The article files of a folder (.txt, .md, .html) or of a glob pattern, sorted."""
    path = Path(spec)
    if path.is_dir():
        found = [p for p in path.iterdir() if p.suffix.lower() in FILE_SUFFIXES]
    else:
        found = [Path(p) for p in glob.glob(spec, recursive=True)]
    files = sorted(p for p in found if p.is_file())
    if not files:
        raise BriefingError(f"{spec}: no .txt, .md or .html file found")
    return files


def is_jsonl(spec: str) -> bool:
    """A JSONL input (a file that is not an article file, or stdin) rather than article files."""
    return spec == "-" or (Path(spec).is_file() and Path(spec).suffix.lower() not in FILE_SUFFIXES)


def file_tasks(files: Iterable[Path], base: Path | None) -> Iterator[Task]:
    for p in files:
        rid = p.relative_to(base).as_posix() if base else p.as_posix()
        yield Task(rid, str(p), path=str(p))


def open_input(spec: str) -> tuple[Iterator[Task], int | None, IO[str] | None]:
    """The tasks of an input spec, their number when cheap to know, and a stream to close."""
    if is_jsonl(spec):
        if spec == "-":
            return read_jsonl(sys.stdin), None, None
        # utf-8-sig: a BOM some editors put first would otherwise spoil the first record.
        stream = open(spec, encoding="utf-8-sig", errors="replace")  # noqa: SIM115 - caller closes
        return read_jsonl(stream), None, stream
    if not Path(spec).exists() and not glob.has_magic(spec):
        raise BriefingError(f"{spec}: no such file or folder")
    files = list_files(spec)
    base = Path(spec) if Path(spec).is_dir() else None
    return file_tasks(files, base), len(files), None


def count_lines(path: str) -> int:
    """Lines of a file, counted in blocks (for the progress bar; never holds the file)."""
    with open(path, "rb") as f:
        return sum(block.count(b"\n") for block in iter(partial(f.read, 1 << 20), b""))


# ---------------------------------------------------------------- one task
def brief_task(job: Job, task: Task, target: str | None) -> Outcome:
    """Brief one task: its JSONL line, or its briefing file written to `target`."""
    if task.error is not None:
        return failure(task, task.error)
    language = job.options.language
    try:
        if task.path is not None:
            doc = read_document(task.path, language=language)
        else:
            text = task.text or ""
            doc = document_from_string(
                text, name=task.id, id=task.id, title=task.title, language=language
            )
        briefing = make_briefing(doc, job.options)
        if target is not None and job.fmt != "jsonl":
            write_atomic(Path(target), render(briefing, job.fmt))
            return Outcome(task.id, task.where, "")
        line = json.dumps({"id": task.id, **to_dict(briefing)}, ensure_ascii=False)
        return Outcome(task.id, task.where, line)
    except BriefingError as err:
        message = str(err).removeprefix(f"{task.id}: ").removeprefix(f"{Path(task.id).name}: ")
        return failure(task, message)
    except Exception as err:
        # One article that trips a bug must not sink a run of thousands: it is reported with
        # its id and the error's type, counted as failed, and the exit status says so.
        return failure(task, f"internal error: {type(err).__name__}: {err}")


def failure(task: Task, error: str) -> Outcome:
    return Outcome(
        task.id, task.where, json.dumps({"id": task.id, "error": error}, ensure_ascii=False), error
    )


def brief_chunk(job: Job, chunk: list[Item]) -> list[Outcome]:
    return [brief_task(job, task, target) for task, target in chunk]


# ---------------------------------------------------------------- workers
def ordered_map(
    work: Callable[[list[Item]], list[Outcome]],
    items: Iterable[Item],
    jobs: int,
) -> Generator[Outcome, None, None]:
    """work() over items in chunks, results in input order, at most jobs * AHEAD chunks read
    ahead (Pool.imap would read the whole input into its queue when workers fall behind)."""
    chunks = chunked(items, CHUNK)
    if jobs <= 1:
        for chunk in chunks:
            yield from work(chunk)
        return
    with ProcessPoolExecutor(jobs, initializer=start_worker, initargs=(os.getpid(),)) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(work, chunk))
                if len(pending) >= jobs * AHEAD:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise BriefingError(
                "a worker process died (out of memory?); resuming carries on where it stopped"
            ) from None
        finally:
            for future in pending:
                future.cancel()


def start_worker(parent: int) -> None:
    threading.Thread(target=watch_parent, args=(parent,), daemon=True).start()


def watch_parent(parent: int) -> None:
    # A worker whose main process was killed (SIGKILL, out of memory) would otherwise wait
    # for work forever: its siblings keep the task pipe open, so it never sees end-of-file.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# ---------------------------------------------------------------- outputs
class JsonlSink:
    """JSONL output, one whole line at a time. With resume, ids already written are skipped
    (as many times as they occur, so repeated ids stay one line per input) and a last line cut
    off by a kill is dropped."""

    def __init__(self, path: str, resume: bool) -> None:
        self.seen: Counter[str] = Counter()
        if path == "-":
            if resume:
                raise BriefingError("resuming needs an output file, not stdout")
            self.out: TextIO = sys.stdout
            return
        target = Path(path)
        if target.parent != Path() and not target.parent.is_dir():
            raise BriefingError(f"{path}: folder {target.parent} does not exist")
        if resume and target.is_file():
            self.seen = written_ids(target)
        self.out = target.open("a" if resume else "w", encoding="utf-8")

    def target(self, task: Task) -> str | None:
        return None

    def skip(self, task: Task, target: str | None) -> bool:
        if self.seen[task.id] > 0:
            self.seen[task.id] -= 1
            return True
        return False

    def write(self, outcome: Outcome) -> None:
        # One write and a flush per line: a kill can only ever cut the line being written.
        self.out.write(outcome.line + "\n")
        self.out.flush()

    def close(self) -> None:
        if self.out is not sys.stdout:
            self.out.close()


def written_ids(path: Path) -> Counter[str]:
    """Ids of the whole lines of a JSONL output; the file is cut after the last whole line."""
    seen: Counter[str] = Counter()
    good = 0
    with path.open("rb+") as f:
        for raw in f:
            try:
                obj = json.loads(raw) if raw.endswith(b"\n") else None
            except ValueError:
                obj = None
            if not isinstance(obj, dict) or "id" not in obj:
                break
            seen[str(obj["id"])] += 1
            good += len(raw)
        f.truncate(good)
    return seen


class FileSink:
    """One briefing file per input in a folder, each written atomically by the worker."""

    def __init__(self, folder: str, fmt: Format, resume: bool) -> None:
        self.folder, self.fmt, self.resume = Path(folder), fmt, resume
        if self.folder.exists() and not self.folder.is_dir():
            raise BriefingError(f"{folder}: is a file; one briefing per input needs a folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.glob(".*.tmp"):  # left by a killed run
            if STALE_TMP.match(stale.name):
                stale.unlink(missing_ok=True)
        self.names: set[str] = set()

    def target(self, task: Task) -> str | None:
        stem = Path(task.id).stem if task.path else task.id
        stem = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "article"
        name, n = f"{stem}.briefing.{self.fmt}", 1
        while name in self.names:  # two inputs with one name: a.txt and a.md, or repeated ids
            n += 1
            name = f"{stem}-{n}.briefing.{self.fmt}"
        self.names.add(name)
        return str(self.folder / name)

    def skip(self, task: Task, target: str | None) -> bool:
        return self.resume and target is not None and Path(target).exists()

    def write(self, outcome: Outcome) -> None:
        pass  # the worker has written the file

    def close(self) -> None:
        pass


Sink = JsonlSink | FileSink


# ---------------------------------------------------------------- the run
class Reporter:
    """Errors and the summary on stderr; a rich progress bar only on a terminal."""

    def __init__(self, total: int | None, show_bar: bool, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.last = 0.0
        if show_bar:
            from rich.console import Console
            from rich.progress import Progress

            # No auto-refresh thread: worker processes are forked and must not inherit one.
            self.bar = Progress(console=Console(stderr=True), auto_refresh=False, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("briefing", total=total)

    def advance(self) -> None:
        if self.bar is None:
            return
        self.bar.advance(self.task)
        if time.monotonic() - self.last > 0.1:
            self.bar.refresh()
            self.last = time.monotonic()

    def error(self, outcome: Outcome) -> None:
        error = outcome.error or ""
        known = outcome.where.endswith(outcome.id) or error.startswith(outcome.where)
        message = f"briefing: {outcome.id}{'' if known else f' ({outcome.where})'}: {error}"
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def finish(self, summary: Summary) -> None:
        self.close()
        if not self.quiet:
            print(f"briefing: {summary.line()}", file=sys.stderr)


def run(tasks: Iterable[Task], job: Job, sink: Sink, jobs: int, reporter: Reporter) -> Summary:
    """Brief every task not skipped by the sink, in order; report each failure as it comes."""
    started = time.perf_counter()
    skipped = done = failed = 0

    def todo() -> Iterator[Item]:
        nonlocal skipped
        for task in tasks:
            target = sink.target(task)
            if sink.skip(task, target):
                skipped += 1
                continue
            yield task, target

    for outcome in ordered_map(partial(brief_chunk, job), todo(), jobs):
        sink.write(outcome)
        if outcome.error is None:
            done += 1
        else:
            failed += 1
            reporter.error(outcome)
        reporter.advance()
    return Summary(done, failed, skipped, time.perf_counter() - started)


def check_run(options: Options, jobs: int) -> None:
    """Bad options fail the whole run up front, not each record one by one."""
    check_options(options)
    if jobs < 1:
        raise BriefingError("jobs must be at least 1")


def check_output(spec: str, output: str, fmt: BatchFormat) -> None:
    if fmt != "jsonl" and output == "-":
        raise BriefingError("one briefing file per input needs an output folder, not stdout")
    if spec != "-" and output != "-" and Path(output).resolve() == Path(spec).resolve():
        raise BriefingError(f"{output}: is the input too; choose another output file")


def run_batch(
    spec: str,
    output: str,
    options: Options,
    *,
    fmt: BatchFormat = "jsonl",
    jobs: int = 1,
    resume: bool = False,
    quiet: bool = False,
) -> Summary:
    """Brief every input of spec (JSONL file, "-", folder or glob) into output."""
    check_run(options, jobs)
    check_output(spec, output, fmt)
    tasks, total, stream = open_input(spec)
    try:
        sink: Sink = FileSink(output, fmt, resume) if fmt != "jsonl" else JsonlSink(output, resume)
        show_bar = sys.stderr.isatty() and not quiet
        if show_bar and total is None and spec != "-":
            total = count_lines(spec)
        reporter = Reporter(total, show_bar, quiet)
        try:
            summary = run(tasks, Job(options, fmt), sink, jobs, reporter)
        finally:
            reporter.close()
            sink.close()
        reporter.finish(summary)
        return summary
    finally:
        if stream is not None:
            stream.close()
