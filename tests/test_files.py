"""Output files: whole or absent, and devices left as devices."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

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
