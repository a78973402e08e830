"""Render a Briefing as e-mail-ready HTML.

The HTML is made from the Markdown briefing with Python-Markdown, so the two never drift apart,
then placed in a Jinja2 e-mail template and run through css-inline so that every style that
matters sits on the element itself (Gmail and Outlook drop or ignore most <style> rules).
"""

from __future__ import annotations

from functools import cache

import css_inline
import markdown
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from briefing.model import Briefing
from briefing.render.plain import CONTROL, clip, to_markdown

LANG = "en"
PREHEADER_WORDS = 30

# One palette per colour scheme. Every colour in the output comes from here, so the contrast
# test in tests/test_html.py covers all of them.
LIGHT = {
    "page": "#eef1f4",  # around the card
    "card": "#ffffff",
    "text": "#1f2933",
    "heading": "#102a43",
    "accent": "#1d4e89",  # section headings, the bar left of the bottom line
    "muted": "#52606d",  # source line
    "callout": "#e8f0fa",  # behind the bottom line
    "rule": "#d2d8df",  # decorative lines only, never text
}
DARK = {
    "page": "#0d1117",
    "card": "#161b22",
    "text": "#e6e9ed",
    "heading": "#f5f7fa",
    "accent": "#8ab4f8",
    "muted": "#a9b4c0",
    "callout": "#1f2a38",
    "rule": "#30363d",
}
# (text colour, background colour) pairs that carry text; each must reach WCAG AA (4.5:1).
TEXT_PAIRS = (
    ("text", "card"),
    ("heading", "card"),
    ("accent", "card"),
    ("muted", "card"),
    ("text", "callout"),
    ("heading", "callout"),
)


class _EscapeMoreChars(markdown.Extension):  # type: ignore[misc]  # markdown is untyped
    """Let `\\|` and `\\~` (which escape_md writes for other Markdown flavours) render as the
    bare character instead of keeping the backslash, as Python-Markdown's tables extension does
    for `|`."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # the name is Markdown's API
        md.ESCAPED_CHARS.extend(c for c in "|~" if c not in md.ESCAPED_CHARS)


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("briefing.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def markdown_to_html(md_text: str) -> str:
    """HTML fragment of the Markdown briefing. Article text in it is already escaped by
    escape_md, so Python-Markdown can only make the elements the briefing layout writes."""
    html: str = markdown.markdown(md_text, extensions=[_EscapeMoreChars()], output_format="html")
    return html


def one_line(text: str) -> str:
    """Text for <title> and the preheader, cleaned the way escape_md cleans the body."""
    return " ".join(CONTROL.sub("", text).split())


def email_css() -> str:
    """The CSS inlined on the elements (templates/email.css with the light palette)."""
    return _templates().get_template("email.css").render(c=LIGHT)


def to_html(b: Briefing) -> str:
    """The briefing as a complete, self-contained HTML e-mail document."""
    body = Markup(markdown_to_html(to_markdown(b)))  # escaped upstream, see above
    page = (
        _templates()
        .get_template("email.html")
        .render(
            lang=LANG,
            title=one_line(b.title),
            preheader=one_line(clip(b.bottom_line, PREHEADER_WORDS)),
            body=body,
            c=LIGHT,
            dark=DARK,
        )
    )
    inliner = css_inline.CSSInliner(
        inline_style_tags=False,  # the <style> in the template holds only media queries
        keep_style_tags=True,
        load_remote_stylesheets=False,
        extra_css=email_css(),
    )
    return str(inliner.inline(page)) + "\n"
