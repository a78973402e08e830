"""briefing: turn a news article into a one-page briefing.

from briefing import Options, brief_text, render
print(render(brief_text(article), "md"))
print(render(brief_text(article, Options(language="path/to/folder")), "txt"))
"""

from __future__ import annotations

from briefing.compose import Options, make_briefing
from briefing.model import (
    Actor,
    Briefing,
    BriefingError,
    Document,
    Figure,
    NextStep,
    Sentence,
    Source,
    SummaryLine,
)
from briefing.read import document_from_text, read_document
from briefing.render import Format, render, to_dict, to_json, to_markdown, to_text
from briefing.story import brief_story, make_story_briefing

# The attribute `briefing.render` is the function `render`, not the subpackage; import the
# subpackage's modules by their full names (`from briefing.render.html import to_html`).
__all__ = [
    "Actor",
    "Briefing",
    "BriefingError",
    "Document",
    "Figure",
    "Format",
    "NextStep",
    "Options",
    "Sentence",
    "Source",
    "SummaryLine",
    "brief_file",
    "brief_story",
    "brief_text",
    "document_from_text",
    "make_briefing",
    "make_story_briefing",
    "read_document",
    "render",
    "render_markdown",
    "to_dict",
    "to_json",
    "to_markdown",
    "to_text",
]

render_markdown = to_markdown


def brief_text(text: str, options: Options | None = None, *, title: str | None = None) -> Briefing:
    """The briefing of an article given as text."""
    options = options or Options()
    return make_briefing(document_from_text(text, title=title, language=options.language), options)


def brief_file(path: str, options: Options | None = None) -> Briefing:
    """The briefing of an article file (or http(s) URL, or "-" for stdin)."""
    options = options or Options()
    return make_briefing(read_document(path, language=options.language), options)
