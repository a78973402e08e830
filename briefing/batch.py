"""Many inputs (a JSONL stream, a folder, a glob) briefed by worker processes, output in order.

Outputs are JSONL (one `{"id", ...briefing}` or `{"id", "error"}` line per input, same order) or
one briefing file per input. Both are written so that a run killed at any moment leaves only
whole lines and whole files, and `resume` carries on where it stopped.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import json
import multiprocessing
import os
import queue
import re
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from briefing.compose import Options, check_options, make_briefing
from briefing.files import reason, write_atomic
from briefing.model import BriefingError, Document
from briefing.read import HTML_SUFFIXES, MARKDOWN_SUFFIXES, document_from_string, read_document
from briefing.render import Format, render, to_dict
from briefing.story import make_story_briefing
from briefing.story.records import RecordDocument, read_record_documents, record_documents

FILE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
CHUNK = 8  # records a worker takes at a time: enough to hide the cost of passing them over
AHEAD = 4  # chunks in flight per worker: keeps workers busy while memory stays bounded
STALE_TMP = re.compile(r"^\..+\.briefing\.\w+\.\w+\.tmp$")  # write_atomic's, for our outputs
# Write errors about the output's disk or folder rather than one file: every later write would
# fail alike, so they stop the run (one line, exit 2; --resume finishes once they are fixed).
# EFBIG is a file size limit (ulimit -f, a quota), not a briefing too big for its disk.
OUTPUT_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG, errno.EACCES, errno.EPERM}
)


@dataclass(frozen=True)
class Task:
    """One input: a JSONL record (text) or a file (path), or why the record could not be read."""

    id: str
    where: str  # "line 12" or the file's path, for messages
    text: str | None = None
    title: str | None = None
    path: str | None = None
    error: str | None = None
    kind: str = "text"  # how a record's text is read: "text", "html" or "md"
    # A record of several articles on one story, briefed as one (briefing.story).
    documents: tuple[RecordDocument, ...] | None = None


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


class OutputError(BriefingError):
    """Writing the output failed in a way no later write would escape (a full disk): the run
    stops, the line or file being written is not left half there, and resume finishes."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run, with the number of outcomes written before it."""

    def __init__(self, written: int, resumable: bool = False) -> None:
        super().__init__(written)
        self.written = written
        self.resumable = resumable

    def __str__(self) -> str:
        # Only whole lines (files) were written, so a resumed run finishes the job.
        hint = "; run again with --resume to finish" if self.resumable else ""
        return f"interrupted: {self.written} done{hint}"


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
RECORD_FORMATS = {"text": "text", "html": "html", "markdown": "md"}  # a record's "format"


@dataclass(frozen=True)
class JsonNumber:
    """A number of a JSON record, kept as written (an id 1e3 stays "1e3", not "1000.0")."""

    text: str


def read_jsonl(stream: Iterable[str], first: int = 1, source: str = "") -> Iterator[Task]:
    """Tasks of a JSONL stream, one at a time (the file is never loaded whole). `first` is the
    number of the stream's first line (a part of a file read on a cluster worker) and `source`
    goes before "line N" in messages (one of several files)."""
    for n, raw in enumerate(stream, start=first):
        if not raw.strip():
            continue
        where = f"{source}line {n}"
        try:
            obj = json.loads(raw, parse_int=JsonNumber, parse_float=JsonNumber)
        except json.JSONDecodeError as err:
            yield Task(f"line-{n}", where, error=f"{where}: invalid JSON ({err.msg})")
            continue
        if not isinstance(obj, dict):
            yield Task(f"line-{n}", where, error=f"{where}: not a JSON object")
            continue
        yield record_task(obj, n, where)


def record_task(obj: dict[str, Any], n: int, where: str) -> Task:
    """The task of one JSONL record. Its id is a name only: the text is read as the record's
    "format" says (text unless told), never guessed from the id or the content."""
    raw_id = obj.get("id", f"line-{n}")
    if isinstance(raw_id, JsonNumber):
        rid = raw_id.text
    elif isinstance(raw_id, str):
        rid = raw_id
    else:
        return Task(f"line-{n}", where, error=f"{where}: id must be a string or a number")
    if "documents" in obj:  # several articles on one story: one briefing
        return story_task(obj["documents"], obj.get("format", "text"), rid, where)
    text, title, fmt = obj.get("text"), obj.get("title"), obj.get("format", "text")
    if not isinstance(text, str):
        return Task(rid, where, error=f"{where}: no 'text' string")
    if not isinstance(fmt, str) or fmt not in RECORD_FORMATS:
        return Task(rid, where, error=f"{where}: format must be text, html or markdown")
    title = title if isinstance(title, str) else None
    return Task(rid, where, text=text, title=title, kind=RECORD_FORMATS[fmt])


def story_task(documents: object, fmt: object, rid: str, where: str) -> Task:
    """The task of a record {"id", "documents": [text or {text, title?, source?, ...}, ...]};
    its "format" is the documents' unless one says otherwise."""
    if not isinstance(fmt, str) or fmt not in RECORD_FORMATS:
        return Task(rid, where, error=f"{where}: format must be text, html or markdown")
    try:
        docs = record_documents(documents, RECORD_FORMATS[fmt])
    except BriefingError as err:
        return Task(rid, where, error=f"{where}: {err}")
    return Task(rid, where, documents=docs)


def list_files(spec: str) -> list[Path]:
    """The article files of a folder (.txt, .md, .html) or of a glob pattern, sorted, each
    real file once: a `**` does not follow symlinked folders (one pointing back up would list
    the same files over and over), and two names of one file count once."""
    path = Path(spec)
    if path.is_dir():
        found = [p for p in path.iterdir() if p.suffix.lower() in FILE_SUFFIXES]
    elif "**" in spec.split("/"):
        found = walk_glob(spec)
    else:
        found = [Path(p) for p in glob.glob(spec)]
    files: list[Path] = []
    seen: set[str] = set()
    for p in sorted(p for p in found if p.is_file()):
        real = os.path.realpath(p)
        if real not in seen:
            seen.add(real)
            files.append(p)
    if not files:
        raise BriefingError(f"{spec}: no .txt, .md or .html file found")
    return files


def walk_glob(spec: str) -> list[Path]:
    """The files a recursive glob matches, walking folders without following symlinked ones;
    names as glob.glob gives them (hidden ones only matched by a part starting with ".")."""
    parts = spec.split("/")
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root, pattern = "/".join(parts[:fixed]), parts[fixed:]
    if fixed == 1 and not parts[0]:
        root = "/"  # an absolute pattern: /**/x.txt
    walk_root = root or "."
    dotted = any(part.startswith(".") for part in pattern)
    found: list[Path] = []
    for folder, dirs, names in os.walk(walk_root, followlinks=False):
        if not dotted:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(folder, walk_root)
        prefix = [] if rel == "." else rel.split(os.sep)
        for name in names:
            if glob_match(pattern, [*prefix, name]):
                found.append(
                    Path(os.path.join(root, *prefix, name)) if root else Path(*prefix, name)
                )
    return found


def glob_match(pattern: list[str], parts: list[str]) -> bool:
    """Whether path parts match glob pattern parts, `**` standing for any number of folders."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        for i in range(len(parts) + 1):
            if glob_match(rest, parts[i:]):
                return True
            if i < len(parts) and parts[i].startswith("."):
                return False
        return False
    if not parts or (parts[0].startswith(".") and not head.startswith(".")):
        return False
    return fnmatch.fnmatchcase(parts[0], head) and glob_match(rest, parts[1:])


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
def brief_task(
    job: Job,
    task: Task,
    target: str | None,
    read: Callable[..., Document] = read_document,
    write: Callable[[str, str], None] | None = None,
) -> Outcome:
    """Brief one task: its JSONL line, or its briefing file written to `target`. `read` and
    `write` read an input file and write an output file (a cluster's may be fsspec URLs)."""
    if task.error is not None:
        return failure(task, task.error)
    language = job.options.language
    try:
        if task.documents is not None:  # a bad document is a warning; the others are briefed
            docs, problems = read_record_documents(task.documents, language=language)
            briefing = make_story_briefing(docs, job.options, problems=problems)
        else:
            if task.path is not None:
                doc = read(task.path, language=language)
            else:
                text = task.text or ""
                doc = document_from_string(
                    text,
                    name=task.id,
                    id=task.id,
                    title=task.title,
                    kind=task.kind,
                    language=language,
                )
            briefing = make_briefing(doc, job.options)
        if target is not None and job.fmt != "jsonl":
            text = render(briefing, job.fmt)
            if write is None:
                write_file(Path(target), text)
            else:
                write(target, text)
            return Outcome(task.id, task.where, "")
        line = json.dumps({"id": task.id, **to_dict(briefing)}, ensure_ascii=False)
        return Outcome(task.id, task.where, line)
    except OutputError:
        raise  # stops the run (the worker hands it to the parent, which stops them all)
    except BriefingError as err:
        message = str(err).removeprefix(f"{task.id}: ").removeprefix(f"{Path(task.id).name}: ")
        return failure(task, message)
    except Exception as err:
        # One article that trips a bug must not sink a run of thousands: it is reported with
        # its id and the error's type, counted as failed, and the exit status says so.
        return failure(task, f"internal error: {type(err).__name__}: {err}")


def write_file(path: Path, text: str) -> None:
    """One briefing file, written atomically (never partly there). A full disk, a read-only
    or unwritable folder stops the run as an OutputError: reporting it once per record would
    bury the cause under thousands of lines. An error that is about this one file (its name
    too long, a folder by that name) stays that record's failure, and the run goes on."""
    try:
        write_atomic(path, text)
    except BriefingError as err:
        cause = err.__context__  # write_atomic raises `from None`: the OSError stays here
        if isinstance(cause, OSError) and cause.errno in OUTPUT_ERRNOS:
            raise OutputError(str(err)) from None
        raise


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
    ahead (Pool.imap would read the whole input into its queue when workers fall behind).
    Closing it, or an exception (Ctrl-C) while it waits, stops the workers at once."""
    chunks = chunked(items, CHUNK)
    if jobs <= 1:
        for chunk in chunks:
            yield from work(chunk)
        return
    pool = WorkerPool(work, jobs)
    finished = False
    try:
        numbered = enumerate(chunks)
        sent = 0
        for n, chunk in islice(numbered, jobs * AHEAD):
            pool.submit(n, chunk)
            sent += 1
        head = 0
        while head < sent:
            outcomes = pool.result(head)
            head += 1
            for n, chunk in islice(numbered, 1):
                pool.submit(n, chunk)
                sent += 1
            yield from outcomes
        finished = True
    finally:
        pool.close(finished)


class WorkerPool:
    """Worker processes taking numbered chunks from one queue and putting their outcomes on
    another. Unlike ProcessPoolExecutor it can be stopped at any moment (Ctrl-C) without a
    thread of its own to fail ("InvalidStateError: CANCELLED") or to wait for."""

    def __init__(self, work: Callable[[list[Item]], list[Outcome]], jobs: int) -> None:
        ctx = multiprocessing.get_context()
        self.tasks: multiprocessing.Queue[tuple[int, list[Item]] | None] = ctx.Queue()
        self.results: multiprocessing.Queue[tuple[int, list[Outcome] | Exception]] = ctx.Queue()
        self.ready: dict[int, list[Outcome] | Exception] = {}
        args = (work, self.tasks, self.results, os.getpid())
        self.procs = [ctx.Process(target=worker_loop, args=args, daemon=True) for _ in range(jobs)]
        with sigint_ignored():  # workers are born ignoring Ctrl-C: the parent alone handles it
            for proc in self.procs:
                proc.start()

    def submit(self, n: int, chunk: list[Item]) -> None:
        self.tasks.put((n, chunk))

    def result(self, n: int) -> list[Outcome]:
        """The outcomes of chunk n, waiting for them (those of later chunks are kept)."""
        while n not in self.ready:
            try:
                got, outcomes = self.results.get(timeout=0.2)
            except queue.Empty:
                if any(proc.exitcode is not None for proc in self.procs):
                    raise BriefingError(
                        "a worker process died (out of memory?); "
                        "resuming carries on where it stopped"
                    ) from None
                continue
            self.ready[got] = outcomes
        outcomes = self.ready.pop(n)
        if isinstance(outcomes, Exception):
            raise outcomes
        return outcomes

    def close(self, finished: bool) -> None:
        """Let idle workers end after a finished run; otherwise stop them where they are."""
        with sigint_ignored():  # a second Ctrl-C must not cut the clean-up short
            if finished:
                for _ in self.procs:
                    self.tasks.put(None)
                for proc in self.procs:
                    proc.join(timeout=2)
            for proc in self.procs:
                if proc.is_alive():
                    proc.terminate()
            for proc in self.procs:
                proc.join(timeout=1)
                if proc.is_alive():
                    proc.kill()
                    proc.join()
            for q in (self.tasks, self.results):
                q.cancel_join_thread()  # data no worker will read must not hold up the exit
                q.close()


def worker_loop(
    work: Callable[[list[Item]], list[Outcome]],
    tasks: multiprocessing.Queue[tuple[int, list[Item]] | None],
    results: multiprocessing.Queue[tuple[int, list[Outcome] | Exception]],
    parent: int,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group
    release_inherited_locks()
    start_worker(parent)
    while (item := tasks.get()) is not None:
        if os.getppid() != parent:  # the parent was killed: the chunks queued are no one's
            os._exit(1)
        n, chunk = item
        try:
            outcomes: list[Outcome] | Exception = work(chunk)
        except Exception as err:  # brief_task catches what it can; this is for the rest
            outcomes = err
        results.put((n, outcomes))


@contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ctrl-C ignored for a moment (only the main thread may change signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old if old is not None else signal.SIG_DFL)


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
        self.fd: int | None = None  # None: stdout
        self.name = path
        self.size = 0  # of the output: whole lines only, between two writes
        if path == "-":
            if resume:
                raise BriefingError("resuming needs an output file, not stdout")
            return
        target = Path(path)
        if target.parent != Path() and not target.parent.is_dir():
            raise BriefingError(f"{path}: folder {target.parent} does not exist")
        if target.is_dir():
            raise BriefingError(f"{path}: is a folder; JSONL output needs a file")
        try:  # opened without truncating: a batch already writing there must be left alone
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        except OSError as err:
            raise BriefingError(f"{path}: cannot write ({err.strerror})") from None
        lock_output(fd, path)
        try:
            if resume:
                self.seen = written_ids(target)
            else:
                os.ftruncate(fd, 0)
            self.size = os.fstat(fd).st_size
        except OSError as err:
            os.close(fd)
            raise OutputError(f"{path}: {reason(err)}") from None
        self.fd = fd

    def target(self, task: Task) -> str | None:
        return None

    def skip(self, task: Task, target: str | None) -> bool:
        if self.seen[task.id] > 0:
            self.seen[task.id] -= 1
            return True
        return False

    def write(self, outcome: Outcome) -> None:
        """Append one whole line, unbuffered, or nothing: a write that fails part way (a full
        disk, EIO, a quota) or is cut by Ctrl-C is undone, so the output keeps whole lines only
        and resume finishes the job. A failed write stops the run as an OutputError. Only a
        kill can leave part of a line, which resume drops. A lone surrogate (a "\\ud800" in
        the input) is written escaped."""
        if self.fd is None:
            sys.stdout.write(outcome.line + "\n")
            sys.stdout.flush()
            return
        line = (outcome.line + "\n").encode("utf-8", "backslashreplace")
        data = memoryview(line)
        try:
            while data:
                n = os.write(self.fd, data)
                if n <= 0:  # no error, yet no progress: looping would never end
                    raise OSError(0, "nothing could be written")
                data = data[n:]
        except OSError as err:
            self.undo()
            raise OutputError(f"{self.name}: {reason(err)}") from None
        except BaseException:
            self.undo()
            raise
        self.size += len(line)

    def undo(self) -> None:
        """Cut the output back to its last whole line."""
        if self.fd is not None:
            # If even this fails (the disk gone), resume still drops the cut line.
            with suppress(OSError):
                os.ftruncate(self.fd, self.size)

    def close(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            try:
                unlock(fd)  # on NFS it may report a failed write
            except OSError as err:
                raise OutputError(f"{self.name}: {reason(err)}") from None


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


# Descriptors holding an output's lock in this process. A forked worker gets copies of them,
# and a lock lasts until its last copy is closed: a worker closes its copies at once, so the
# lock of a killed parent goes with the parent, not with its slowest worker.
HELD_LOCKS: set[int] = set()


def release_inherited_locks() -> None:
    for fd in HELD_LOCKS:
        with suppress(OSError):
            os.close(fd)
    HELD_LOCKS.clear()


def unlock(fd: int) -> None:
    """Close a locked output's descriptor, which drops the lock."""
    HELD_LOCKS.discard(fd)
    os.close(fd)


def lock_output(fd: int, name: str) -> None:
    """Hold an exclusive lock on an output for the run, or refuse: two batches writing one
    output would mix their lines (and with resume write every record twice). The lock goes
    with the descriptor, so the system drops it when the process ends, however it ends."""
    if sys.platform == "win32":
        return
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        HELD_LOCKS.add(fd)
    except BlockingIOError:
        os.close(fd)
        raise BriefingError(
            f"{name}: another batch is writing to it; wait for it to end or choose another output"
        ) from None
    except OSError:
        pass  # a file system without locks: run unguarded rather than not at all


class FileSink:
    """One briefing file per input in a folder, each written atomically by the worker."""

    def __init__(self, folder: str, fmt: Format, resume: bool) -> None:
        self.folder, self.fmt, self.resume = Path(folder), fmt, resume
        if self.folder.exists() and not self.folder.is_dir():
            raise BriefingError(f"{folder}: is a file; one briefing per input needs a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise BriefingError(f"{folder}: cannot create the folder: {reason(err)}") from None
        self.fd: int | None = os.open(self.folder, os.O_RDONLY)
        lock_output(self.fd, folder)  # before the clean-up: another run's files are its own
        self.remove_temporaries()  # left by a killed run
        self.names: set[str] = set()

    def remove_temporaries(self) -> None:
        """Remove write_atomic's temporary files: a worker stopped in the middle of a write
        (a run stopped by a full disk, Ctrl-C) or a killed run leaves its file behind."""
        for stale in self.folder.glob(".*.tmp"):
            if STALE_TMP.match(stale.name):
                with suppress(OSError):
                    stale.unlink(missing_ok=True)

    def target(self, task: Task) -> str | None:
        return str(self.folder / briefing_name(task, self.fmt, self.names))

    def skip(self, task: Task, target: str | None) -> bool:
        return self.resume and target is not None and Path(target).exists()

    def write(self, outcome: Outcome) -> None:
        pass  # the worker has written the file

    def close(self) -> None:
        if self.fd is not None:
            self.remove_temporaries()  # the workers are stopped by now; the lock is still ours
            unlock(self.fd)
            self.fd = None


def briefing_name(task: Task, fmt: Format, names: set[str]) -> str:
    """The file name of a task's briefing, one not in `names` yet (added to it)."""
    stem = Path(task.id).stem if task.path else task.id
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "article"
    name, n = f"{stem}.briefing.{fmt}", 1
    while name in names:  # two inputs with one name: a.txt and a.md, or repeated ids
        n += 1
        name = f"{stem}-{n}.briefing.{fmt}"
    names.add(name)
    return name


Sink = JsonlSink | FileSink


# ---------------------------------------------------------------- the run
class Writer(Protocol):
    """Where outcomes go: a sink of this module or of briefing.cluster."""

    def write(self, outcome: Outcome) -> None: ...


def record(outcome: Outcome, sink: Writer, reporter: Reporter) -> bool:
    """Write one outcome, report it, and say whether it is a briefing (not an error)."""
    sink.write(outcome)
    if outcome.error is not None:
        reporter.error(outcome)
    reporter.advance()
    return outcome.error is None


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

    outcomes = ordered_map(partial(brief_chunk, job), todo(), jobs)
    try:
        for outcome in outcomes:
            if record(outcome, sink, reporter):
                done += 1
            else:
                failed += 1
    except KeyboardInterrupt:
        raise Interrupted(done + failed) from None
    finally:
        outcomes.close()  # stops the workers now, whatever stopped the loop
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
    written: int | None = None
    try:
        sink: Sink = FileSink(output, fmt, resume) if fmt != "jsonl" else JsonlSink(output, resume)
        show_bar = sys.stderr.isatty() and not quiet
        if show_bar and total is None and spec != "-":
            total = count_lines(spec)
        reporter = Reporter(total, show_bar, quiet)
        try:
            summary = run(tasks, Job(options, fmt), sink, jobs, reporter)
        except Interrupted as stop:
            written = stop.written
        finally:
            reporter.close()
            sink.close()
        if written is not None:
            raise Interrupted(written, resumable=output != "-")
        reporter.finish(summary)
        return summary
    finally:
        if stream is not None:
            stream.close()
