"""Render a Briefing in one of the output formats.

The modules depend one way only: `plain` (Markdown and plain text) and `data` (JSON) need
nothing but the model; `html` builds on `plain`; `eml` builds on `plain` and `html`; this
module dispatches to them all. Sending by SMTP (briefing.mail) builds on `eml`.
"""

from __future__ import annotations

from typing import Literal, get_args

from briefing.model import Briefing, BriefingError
from briefing.render.data import to_dict, to_json
from briefing.render.plain import escape_md, to_markdown, to_text

Format = Literal["md", "txt", "json", "html", "eml"]
FORMATS: tuple[Format, ...] = get_args(Format)

__all__ = [
    "FORMATS",
    "Format",
    "escape_md",
    "render",
    "to_dict",
    "to_json",
    "to_markdown",
    "to_text",
]


def render(b: Briefing, fmt: Format = "md") -> str:
    """The briefing in one of FORMATS."""
    if fmt == "md":
        return to_markdown(b)
    if fmt == "txt":
        return to_text(b)
    if fmt == "json":
        return to_json(b)
    # Imported here so that Markdown, Jinja2 and css-inline load only when HTML is asked for.
    if fmt == "html":
        from briefing.render.html import to_html

        return to_html(b)
    if fmt == "eml":
        from briefing.render.eml import to_eml

        return to_eml(b)
    raise BriefingError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
