"""Output files: whole or absent, and devices left as devices."""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.batch import STALE_TMP
from briefing.errors import BriefingError
from briefing.files import write_atomic


def test_writes_the_whole_text(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "hello\n")
    assert target.read_text() == "hello\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left


def test_a_fifo_or_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    # Renaming over /dev/null would turn the device into a file; a FIFO stands in for it here.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe\n")
        assert os.read(reader, 100) == b"through the pipe\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_dev_null_stays_a_device() -> None:
    write_atomic(Path("/dev/null"), "nothing\n")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


# --- faults: one BriefingError naming the path and the OS's reason, nothing left behind --------


@pytest.fixture
def keep_umask() -> Iterator[None]:
    old = os.umask(0o022)
    os.umask(old)
    try:
        yield
    finally:
        os.umask(old)


def fail_with(code: int) -> Callable[..., None]:
    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("function", "code", "reason"),
    [
        ("fsync", errno.ENOSPC, "no space left on device"),
        ("fsync", errno.EIO, "input/output error"),
        ("replace", errno.EACCES, "permission denied"),
        ("replace", errno.EROFS, "read-only file system"),
    ],
)
def test_os_faults_are_one_briefing_error_and_leave_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str, code: int, reason: str
) -> None:
    target = tmp_path / "out.md"
    monkeypatch.setattr(os, function, fail_with(code))
    with pytest.raises(BriefingError) as caught:
        write_atomic(target, "hello\n")
    assert str(caught.value) == f"{target}: {reason}"
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file


def test_a_fault_leaves_an_existing_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old briefing\n")
    monkeypatch.setattr(os, "fsync", fail_with(errno.ENOSPC))
    with pytest.raises(BriefingError, match="no space left on device"):
        write_atomic(target, "new briefing\n")
    assert target.read_text() == "old briefing\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_a_failing_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    class Full(io.TextIOWrapper):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> io.TextIOWrapper:
        f = real_fdopen(fd, *args, **kwargs)
        return Full(f.detach(), encoding="utf-8", newline="")

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(BriefingError, match=r"out\.md: no space left on device$"):
        write_atomic(tmp_path / "out.md", "hello\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_device_is_a_briefing_error() -> None:
    with pytest.raises(BriefingError, match=r"^/dev/full: no space left on device$"):
        write_atomic(Path("/dev/full"), "x" * 100_000)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_folder_is_a_briefing_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(BriefingError, match=r"out\.md: permission denied$"):
            write_atomic(folder / "out.md", "hello\n")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_missing_folder_is_a_briefing_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "out.md", "hello\n")
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_the_folder_should_be_is_a_briefing_error(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("a file\n")
    with pytest.raises(BriefingError, match="is not a folder"):
        write_atomic(tmp_path / "plain" / "out.md", "hello\n")
    assert [p.name for p in tmp_path.iterdir()] == ["plain"]


def test_an_existing_directory_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(BriefingError, match="is a directory"):
        write_atomic(target, "hello\n")
    assert target.is_dir() and list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_the_temporary_file_has_the_name_batch_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "a.briefing.md", "hello\n")
    assert len(seen) == 1 and STALE_TMP.match(seen[0]), seen
    assert Path(tmp_path / seen[0]).parent == tmp_path  # in the output's folder


# --- modes: an output follows the umask like any file the user writes ---------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.usefixtures("keep_umask")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_mode_follows_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    os.umask(umask)
    target = tmp_path / "out.md"
    write_atomic(target, "hello\n")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    write_atomic(target, "again\n")  # replacing an output too
    assert stat.S_IMODE(target.stat().st_mode) == mode
