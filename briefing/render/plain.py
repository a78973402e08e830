"""The briefing as Markdown and as plain text; the HTML e-mail is made from the Markdown.

Article text is data: everything taken from the article is escaped so that it can never become
Markdown or HTML markup.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from typing import Final

from briefing.model import (
    Actor,
    Briefing,
    Difference,
    Figure,
    NextStep,
    Reported,
    StorySource,
    SummaryLine,
)

LINE_WORDS: Final = 60

# Markdown syntax that could turn article text into markup: inline markers anywhere, block
# markers at the start of the text (each item is one line, after "- " or "# "), the dot of an
# ordered-list number, and closing hashes, which Python-Markdown strips from a heading ("C#").
# "<" and "&" become entities so no raw HTML or entity gets through.
# Brackets are escaped, so "(...)" and "!" can never form a link or image; "_" only marks
# emphasis at a word's edge; "&" only matters where it would start an entity.
_INLINE: Final = re.compile(r"([\\`*\[\]|~]|(?<![^\W_])_|_(?![^\W_]))")
_ENTITY_START: Final = re.compile(r"&(?=#?\w+;)")
_BLOCK: Final = re.compile(r"^([#+-])")
_ORDERED: Final = re.compile(r"^(\d+)\.")
_CLOSING_HASHES: Final = re.compile(r"#+$")
# Control characters are never readable text; Python-Markdown also uses \x02 and \x03 inside.
# (\x1c-\x1f are left to str.split, which counts them as whitespace.)
CONTROL: Final = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
# Text none of the escapes above changes: no marker, no "&", "<" or ">", and neither a digit
# nor a block marker first nor a "#" last.
_PLAIN: Final = re.compile(r"(?![\d#+-])[^\\`*\[\]|~_&<>#]*")


def escape_md(text: str) -> str:
    """Article text made safe to place in Markdown: it renders as exactly these characters
    (whitespace collapsed to single spaces, control characters dropped)."""
    # A printable text holds no control character and no whitespace but the ASCII space.
    spaced = "  " in text or text.startswith(" ") or text.endswith(" ")
    if spaced or not text.isprintable():
        text = " ".join(CONTROL.sub("", text).split())  # no line breaks: one item, one line
    return text if _PLAIN.fullmatch(text) else escape_marks(text)  # most lines are plain


def escape_marks(text: str) -> str:
    """One line of article text with every Markdown and HTML mark escaped."""
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _ORDERED.sub(r"\1\\.", text)
    # Closing hashes before a leading "#": a lone "#" is both, and must be escaped once.
    text = _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group()), text)
    return _BLOCK.sub(r"\\\1", text)


def clip(text: str, limit: int = LINE_WORDS) -> str:
    """Text cut to `limit` words, with an ellipsis when cut."""
    ws = text.split()
    return text if len(ws) <= limit else " ".join(ws[:limit]) + " …"


def actor_line(a: Actor) -> tuple[str, str]:
    """(name, description) of an actor: 'President (Russia)', or its kind when no role is known."""
    desc = a.role or a.kind
    if a.affiliation and a.affiliation.lower() not in desc.lower():
        desc = f"{desc} ({a.affiliation})"
    return a.name, desc


PLURALS: Final = {"country": "countries", "organization": "organizations", "place": "places"}


def actor_entries(actors: Sequence[Actor]) -> list[Actor | list[Actor]]:
    """The actors as a briefing shows them, in rank order: one a line, but the countries,
    organisations and places with no role share one line (two or more of them), at the rank of
    the first, so that the people, who need their role, stand out."""
    context = [a for a in actors if a.context]
    if len(context) < 2:
        return list(actors)
    entries: list[Actor | list[Actor]] = []
    for a in actors:
        if not a.context:
            entries.append(a)
        elif a is context[0]:
            entries.append(context)
    return entries


def context_line(actors: Sequence[Actor], name: Callable[[str], str] = str) -> str:
    """ "Russia, Ukraine (countries) · NATO (organization)": the names by kind, in rank order
    of each kind's first; `name` marks up each name."""
    parts = []
    for kind in dict.fromkeys(a.kind for a in actors):
        names = [name(a.name) for a in actors if a.kind == kind]
        parts.append(", ".join(names) + f" ({PLURALS[kind] if len(names) > 1 else kind})")
    return " · ".join(parts)


def figure_parts(f: Figure) -> tuple[str, str, str]:
    """The figure in its phrase: (words before, the figure, words after)."""
    at = f.context.find(f.text)
    if at < 0:
        return "", f.text, f" — {f.context}" if f.context else ""
    return f.context[:at], f.text, f.context[at + len(f.text) :]


def step_line(s: NextStep) -> tuple[str, str]:
    return (s.when or ""), s.text


def source_line(b: Briefing) -> str:
    src = b.source
    parts = [src.name, f"{src.words:,} words"]
    if src.published:
        parts.append(f"published {src.published}")
    if src.author:
        parts.append(f"by {src.author}")
    if src.minutes_saved:
        parts.append(f"about {src.minutes_saved} min of reading saved")
    return " · ".join(parts)


def summary_rest(b: Briefing) -> list[str]:
    """Summary sentences in article order, without the one already shown as the bottom line."""
    return [s.text for s in b.summary if s.text != b.bottom_line]


# ---------------------------------------------------------------- briefings of several articles
# Only a briefing with `sources` (briefing.story) has markers, differences and a source list;
# the briefing of one article renders as it always did.
def marker(b: Briefing, docs: Sequence[str]) -> str:
    """' [2]' after an item of a briefing of several sources, with their count when the item
    comes from more than one (' [1, 3 · 2 of 4 sources]'); '' for one article."""
    if not b.sources or not docs:
        return ""
    count = f" · {len(docs)} of {len(b.sources)} sources" if len(docs) > 1 else ""
    return f" [{', '.join(docs)}{count}]"


def line_docs(line: SummaryLine) -> tuple[str, ...]:
    return line.sources or ((line.doc,) if line.doc else ())


def bottom_marker(b: Briefing) -> str:
    line = next((s for s in b.summary if s.text == b.bottom_line), None)
    return marker(b, line_docs(line)) if line else ""


def summary_items(b: Briefing, e: Callable[[str], str] = str) -> list[str]:
    """Summary sentences after the bottom line, clipped, each with its marker; `e` escapes
    the article's text (the markers are the briefing's own)."""
    rest = [s for s in b.summary if s.text != b.bottom_line]
    return [e(clip(s.text)) + marker(b, line_docs(s)) for s in rest]


def difference_line(b: Briefing, d: Difference, e: Callable[[str], str] = str) -> str:
    """'people killed: at least 14,000 people [1, 3 · 2 of 4 sources] · 13,000 people [2]':
    documents that give the same value share it."""
    same: dict[object, list[Reported]] = {}
    for v in d.values:
        same.setdefault(v.text.lower() if v.value is None else v.value, []).append(v)
    values = " · ".join(e(g[0].text) + marker(b, tuple(v.doc for v in g)) for g in same.values())
    return f"{e(clip(d.what, 12))}: {values}"


def source_entry(src: StorySource, e: Callable[[str], str] = str) -> str:
    """One source of the list: '[2] Title · name · URL · published date · words'."""
    parts = [src.title, src.name if src.name != src.url else None, src.url, src.published]
    shown = [e(clip(p, 16)) for p in parts if p]
    return f"[{src.id}] " + " · ".join([*shown, f"{src.words:,} words"])


def story_line(b: Briefing) -> str:
    """The line under a briefing of several sources: their number and words, time saved."""
    src = b.source
    parts = [f"{len(b.sources)} source{'s' if len(b.sources) > 1 else ''}", f"{src.words:,} words"]
    if src.minutes_saved:
        parts.append(f"about {src.minutes_saved} min of reading saved")
    return " · ".join(parts)


def to_markdown(b: Briefing) -> str:
    e = escape_md
    bottom = e(clip(b.bottom_line)) + bottom_marker(b)
    out = [f"# {e(b.title)}", "", f"**Bottom line:** {bottom}", ""]
    sections: list[tuple[str, list[str]]] = [
        ("Summary", summary_items(b, e)),
        ("Key actors", [_actor_md(e, entry) for entry in actor_entries(b.actors)]),
        ("Key figures", [_figure_md(e, f) + marker(b, (f.doc,)) for f in b.figures]),
        ("Where sources differ", [difference_line(b, d, e) for d in b.differences]),
        ("Next steps", [_step_md(e, s) + marker(b, (s.doc,)) for s in b.next_steps]),
        ("Sources", [source_entry(src, e) for src in b.sources]),
    ]
    for heading, items in sections:
        if items:
            out += [f"## {heading}", "", *(f"- {item}" for item in items), ""]
    footer = e(story_line(b)) if b.sources else f"Source: {e(source_line(b))}"
    out += ["---", "", f"*{footer}*", ""]
    return "\n".join(out)


def _pair(e: Callable[[str], str], head: str, tail: str) -> str:
    return f"**{e(head)}** — {e(clip(tail))}" if tail else f"**{e(head)}**"


def _actor_md(e: Callable[[str], str], entry: Actor | list[Actor]) -> str:
    if isinstance(entry, list):
        return context_line(entry, lambda name: f"**{e(name)}**")
    return _pair(e, *actor_line(entry))


def _figure_md(e: Callable[[str], str], f: Figure) -> str:
    before, figure, after = figure_parts(f)
    out = f"**{e(figure)}**"
    if before.strip():
        out = e(before) + (" " if before[-1].isspace() else "") + out
    if after.strip():
        out += (" " if after[0].isspace() else "") + e(after)
    return out


def _step_md(e: Callable[[str], str], s: NextStep) -> str:
    when, text = step_line(s)
    who = f" ({e(s.who)})" if s.who and s.who.lower() not in text.lower() else ""
    return (f"**{e(when)}:** " if when else "") + e(clip(text)) + who


def to_text(b: Briefing, width: int = 72) -> str:
    """Plain-text briefing wrapped at `width` columns."""

    def para(text: str, first: str = "", rest: str = "") -> list[str]:
        return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest) or [""]

    bottom = "Bottom line: " + clip(b.bottom_line) + bottom_marker(b)
    out = [*para(b.title.upper()), "", *para(bottom), ""]
    sections = [
        ("SUMMARY", summary_items(b)),
        ("KEY ACTORS", [_actor_text(entry) for entry in actor_entries(b.actors)]),
        (
            "KEY FIGURES",
            ["".join(figure_parts(f)).strip() + marker(b, (f.doc,)) for f in b.figures],
        ),
        ("WHERE SOURCES DIFFER", [difference_line(b, d) for d in b.differences]),
        ("NEXT STEPS", [_step_text(s) + marker(b, (s.doc,)) for s in b.next_steps]),
        ("SOURCES", [source_entry(src) for src in b.sources]),
    ]
    for heading, items in sections:
        if items:
            out += [heading, ""]
            for item in items:
                out += para(item, "  * ", "    ")
            out.append("")
    footer = story_line(b) if b.sources else "Source: " + source_line(b)
    out += ["-" * min(width, 40), *para(footer), ""]
    return "\n".join(out)


def _join(head: str, tail: str) -> str:
    return f"{head} — {clip(tail)}" if tail else head


def _actor_text(entry: Actor | list[Actor]) -> str:
    return context_line(entry) if isinstance(entry, list) else _join(*actor_line(entry))


def _step_text(s: NextStep) -> str:
    when, text = step_line(s)
    return (f"{when}: " if when else "") + clip(text)
