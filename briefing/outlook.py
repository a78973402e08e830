"""Next steps: what will, may or must happen after the events reported."""

from __future__ import annotations

from collections.abc import Collection

from briefing.model import Document, NextStep


def find_next_steps(doc: Document, summary: Collection[int] = ()) -> list[NextStep]:
    """Forward-looking statements of doc, most important first."""
    return []
