"""Writing output files so that a reader never sees a half-written one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefing.errors import BriefingError


def write_atomic(path: Path, text: str) -> None:
    """Write text to path via a temporary file in the same folder and a rename.

    A path that exists but is no regular file (`/dev/null`, a terminal, a pipe) is written
    to directly: renaming over it would replace the device with a file.
    """
    if path.exists() and not path.is_file() and not path.is_dir():
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(text)
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BriefingError(f"{path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
