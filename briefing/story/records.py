"""The documents of a batch record of several articles:
{"id": ..., "documents": ["text", {"text", "title"?, "source"?, "published"?, "format"?}, ...]}.

A document that cannot be used (no text, a wrong type, no sentence) is reported and the record's
other documents are still briefed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefing.model import BriefingError, Document
from briefing.read import document_from_string

# A document's "format", as a batch record's (briefing.batch.RECORD_FORMATS).
KINDS = {"text": "text", "html": "html", "markdown": "md"}


@dataclass(frozen=True)
class RecordDocument:
    """One document of a record, as given, or why it cannot be read."""

    text: str | None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    kind: str = "text"
    error: str | None = None


def record_documents(value: object, kind: str = "text") -> tuple[RecordDocument, ...]:
    """The documents of a record's "documents" list; `kind` is the record's own format.
    BriefingError when the list itself is unusable."""
    if not isinstance(value, list) or not value:
        raise BriefingError("'documents' must be a list of texts or {text, ...} objects")
    return tuple(record_document(item, n, kind) for n, item in enumerate(value, start=1))


def record_document(item: object, n: int, kind: str) -> RecordDocument:
    if isinstance(item, str):
        return RecordDocument(item, kind=kind)
    if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
        return RecordDocument(None, error=f"document {n} left out: no 'text' string")
    fmt = item.get("format")
    if fmt is not None and fmt not in KINDS:
        return RecordDocument(None, error=f"document {n} left out: format must be {_kinds()}")
    return RecordDocument(
        item["text"],
        title=_string(item.get("title")),
        source=_string(item.get("source")),
        published=_string(item.get("published")),
        kind=KINDS[fmt] if isinstance(fmt, str) else kind,
    )


def _kinds() -> str:
    return ", ".join(KINDS)


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def read_record_documents(
    items: Sequence[RecordDocument], *, language: str
) -> tuple[list[Document], list[str]]:
    """The readable documents, and one message for each that is not."""
    docs: list[Document] = []
    problems: list[str] = []
    for n, item in enumerate(items, start=1):
        if item.error is not None or item.text is None:
            problems.append(item.error or f"document {n} left out: no text")
            continue
        try:
            doc = document_from_string(
                item.text,
                name=item.source or "",
                id=str(n),
                title=item.title,
                kind=item.kind,
                language=language,
            )
        except BriefingError as err:
            problems.append(f"document {n} left out: {err}")
            continue
        docs.append(replace(doc, source=item.source, published=item.published or doc.published))
    return docs, problems
