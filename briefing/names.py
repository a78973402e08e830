"""The name finder: every name mention of an annotated document, with its kind and role words."""

from __future__ import annotations

from briefing.actors import find_mentions

__all__ = ["find_mentions"]
