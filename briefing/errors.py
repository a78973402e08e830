"""The project's exception."""

from __future__ import annotations


class BriefingError(Exception):
    """A problem the user can fix (bad input, bad option); the CLI shows it as one line."""
