"""Numbers and what they count, ranked."""

from __future__ import annotations

from collections.abc import Collection

from briefing.model import Document, Figure


def find_figures(doc: Document, summary: Collection[int] = ()) -> list[Figure]:
    """Figures of doc, most important first. `summary` holds the indices of summary sentences."""
    return []
