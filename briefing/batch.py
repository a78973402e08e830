"""Many inputs: a JSONL stream of articles in, one JSON briefing per line out, same order."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from briefing.compose import Options, make_briefing
from briefing.model import BriefingError
from briefing.read import document_from_text
from briefing.render import to_dict


@dataclass(frozen=True)
class Record:
    """One line of a JSONL input: its id and either the article or why it could not be read."""

    line: int
    id: str
    text: str | None
    title: str | None = None
    error: str | None = None


def read_jsonl(stream: Iterable[str]) -> Iterator[Record]:
    """Records of a JSONL stream, one at a time (the file is never loaded whole)."""
    for n, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as err:
            yield Record(n, f"line-{n}", None, error=f"line {n}: invalid JSON ({err.msg})")
            continue
        if not isinstance(obj, dict):
            yield Record(n, f"line-{n}", None, error=f"line {n}: not a JSON object")
            continue
        rid = str(obj.get("id", f"line-{n}"))
        text, title = obj.get("text"), obj.get("title")
        if not isinstance(text, str):
            yield Record(n, rid, None, error=f"line {n}: no 'text' string")
            continue
        yield Record(n, rid, text, title if isinstance(title, str) else None)


def brief_record(record: Record, options: Options) -> dict[str, Any]:
    """The JSON output of one record: the briefing with its id, or {"id", "error"}."""
    if record.error is not None or record.text is None:
        return {"id": record.id, "error": record.error or "no text"}
    try:
        doc = document_from_text(record.text, name=record.id, id=record.id, title=record.title)
        return {"id": record.id, **to_dict(make_briefing(doc, options))}
    except BriefingError as err:
        return {"id": record.id, "error": str(err)}


def run_jsonl(source: TextIO, out_path: Path, options: Options) -> tuple[int, int]:
    """Brief every record of source into out_path (written atomically). Returns (done, failed)."""
    done = failed = 0
    folder = out_path.parent if str(out_path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{out_path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for record in read_jsonl(source):
                result = brief_record(record, options)
                failed += "error" in result
                done += "error" not in result
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return done, failed
