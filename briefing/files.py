"""Writing output files so that a reader never sees a half-written one."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from briefing.errors import BriefingError

# The temporary file is created with this mode and the kernel takes the umask (and any default
# ACL of the folder) off it, so the briefing gets the mode any file the user writes gets: 0644
# under umask 022. (tempfile.mkstemp would give 0600 whatever the umask.) Nothing reads or
# changes the process's umask, so this is safe in threads.
FILE_MODE = 0o666
_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_TMP_ATTEMPTS = 100


def write_atomic(path: Path, text: str) -> None:
    """Write text to path via a temporary file in the same folder and a rename.

    A path that exists but is no regular file (`/dev/null`, a terminal, a pipe) is written
    to directly: renaming over it would replace the device with a file.

    Every failure is a BriefingError naming the path and the reason (a missing folder, an
    existing directory, no space left, no permission, ...), and leaves neither a partial
    output nor a temporary file behind.
    """
    try:
        _write(path, text)
    except OSError as err:
        raise BriefingError(f"{path}: {reason(err)}") from None


def reason(err: OSError) -> str:
    """The OS's reason for err, as in "no space left on device"."""
    text = os.strerror(err.errno) if err.errno else (err.strerror or str(err) or type(err).__name__)
    return text[:1].lower() + text[1:]


def _write(path: Path, text: str) -> None:
    if path.is_dir():
        raise BriefingError(f"{path}: is a directory; give a file name")
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(text)
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        problem = (
            f"{folder} is not a folder" if folder.exists() else f"folder {folder} does not exist"
        )
        raise BriefingError(f"{path}: {problem}")
    fd, tmp = _create_temporary(folder, path.name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new file `.NAME.RANDOM.tmp` in folder, open for writing, mode FILE_MODE less umask.

    The name keeps the shape batch.STALE_TMP recognises (a word between two dots).
    """
    for _ in range(_TMP_ATTEMPTS):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, _TMP_FLAGS, FILE_MODE), tmp
        except FileExistsError:
            continue
    raise BriefingError(f"{folder / name}: could not create a temporary file in {folder}")
