"""Read inputs (files, stdin, raw text) into a Document."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from briefing.model import BriefingError, Document
from briefing.text import SENTENCE_END, make_document

MAX_BYTES = 50 * 1024 * 1024
TITLE_MAX_WORDS = 20


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, then the detected encoding."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefingError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BriefingError(f"{name}: cannot decode the file as text")
    return str(best)


def read_bytes(path: str) -> tuple[bytes, str]:
    """The raw bytes of a file or of stdin ("-"), and a name for messages."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1), "stdin"
    p = Path(path)
    if p.is_dir():
        raise BriefingError(f"{path}: is a directory (use `briefing batch` for folders)")
    if not p.exists():
        raise BriefingError(f"{path}: no such file")
    try:
        return p.read_bytes(), p.name
    except OSError as err:
        raise BriefingError(f"{path}: cannot read ({err.strerror})") from None


def split_title(text: str) -> tuple[str | None, str]:
    """A leading headline line (short, no final full stop, followed by more text) and the rest."""
    lines = text.strip().split("\n", 1)
    first = lines[0].strip().lstrip("#").strip()
    if (
        len(lines) == 2
        and lines[1].strip()
        and 0 < len(first.split()) <= TITLE_MAX_WORDS
        and not SENTENCE_END.search(first)
    ):
        return first, lines[1]
    return None, text


def document_from_text(
    text: str, *, name: str = "", id: str = "", title: str | None = None
) -> Document:
    """A Document from article text; the first line is taken as the title when it reads as one."""
    if not text.strip():
        raise BriefingError(f"{name or 'input'}: is empty")
    if title is None:
        title, text = split_title(text)
    doc = make_document(text, id=id or name, title=title, source=name or None)
    if not doc.sentences or not re.search(r"[^\W\d_]", doc.text):
        raise BriefingError(f"{name or 'input'}: has no sentence to brief")
    return doc


def read_document(path: str) -> Document:
    """Read a file path (or "-" for stdin) into a Document."""
    data, name = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise BriefingError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    return document_from_text(decode(data, name), name=name)
