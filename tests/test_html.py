"""E-mail HTML: structure for mail clients, accessibility, size, and article text kept as data."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from briefing.model import Briefing
from briefing.render import render, to_markdown
from briefing.render.html import DARK, LIGHT, TEXT_PAIRS, to_html
from briefing.render.plain import actor_entries
from tests.briefings import full, minimal, with_text

GOLDEN = Path(__file__).parent / "golden"
TEXT_TAGS = ("h1", "h2", "p", "li")
VOID = {"meta", "hr", "br", "img", "link", "input", "base", "col", "source", "wbr"}


class Page(HTMLParser):
    """What the tests look at in an HTML document: elements, text per element, <style> text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}
        self.styles: list[str] = []
        self.doctype = ""
        self._open: list[tuple[str, list[str]]] = []
        self.feed(html)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in VOID:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            self.texts.setdefault(name, []).append(text)
            if self._open:  # text of an element counts for its parents too
                self._open[-1][1].append("".join(parts))
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)
            if self._open[-1][0] == "style":
                self.styles.append(data)

    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.elements if name == tag]


def page(b: Briefing) -> Page:
    return Page(to_html(b))


# --- structure for mail clients -------------------------------------------------------------


def test_document_head_has_language_charset_viewport_and_colour_schemes() -> None:
    p = page(full())
    assert p.doctype.lower() == "doctype html"
    assert p.all("html")[0]["lang"] == "en"
    metas = p.all("meta")
    assert {"charset": "utf-8"} in metas
    named = {m["name"]: m.get("content") for m in metas if "name" in m}
    assert named["viewport"] == "width=device-width, initial-scale=1"
    assert named["color-scheme"] == "light dark"
    assert named["supported-color-schemes"] == "light dark"
    assert p.texts["title"] == [full().title]


def test_layout_is_presentation_tables_in_one_column_of_at_most_600px() -> None:
    p = page(full())
    tables = p.all("table")
    assert len(tables) == 2
    assert all(t.get("role") == "presentation" for t in tables)
    card = tables[1]
    assert "max-width: 600px" in card["style"] and "width: 100%" in card["style"]
    # Outlook's Word engine gets its fixed 600 px column from a conditional comment.
    assert '<!--[if mso]><table role="presentation" width="600"' in to_html(full())


def test_style_block_holds_only_media_queries() -> None:
    p = page(full())
    assert len(p.styles) == 1
    css = p.styles[0]
    assert "prefers-color-scheme: dark" in css and "max-width: 620px" in css
    outside = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    assert outside.strip() == "", outside


def test_every_text_element_has_its_style_inline() -> None:
    p = page(full())
    for tag, attrs in p.elements:
        if tag in TEXT_TAGS:
            style = attrs.get("style", "")
            assert "font-family: -apple-system" in style and "color: #" in style, tag


def test_no_script_external_resource_or_link() -> None:
    html = to_html(full())
    p = Page(html)
    assert not {"script", "link", "img", "iframe", "object", "embed", "a"} & set(p.tags())
    assert not any("src" in a or "href" in a for _, a in p.elements)
    assert (
        "url(" not in html
        and "@import" not in html
        and "http:" not in html.replace("http://www.w3.org/1999/xhtml", "")
    )


def test_headings_and_lists_are_real_elements() -> None:
    b = full()
    p = page(b)
    assert p.texts["h1"] == [b.title]
    assert p.texts["h2"] == ["Summary", "Key actors", "Key figures", "Next steps"]
    assert len(p.all("ul")) == 4
    actors = len(actor_entries(b.actors))  # countries and organisations share a line
    items = len(b.summary) - 1 + actors + len(b.figures) + len(b.next_steps)
    assert len(p.all("li")) == items


def test_empty_sections_are_left_out() -> None:
    p = page(minimal())
    assert "h2" not in p.tags() and "ul" not in p.tags()


def test_hidden_preheader_holds_the_bottom_line() -> None:
    b = full()
    p = page(b)
    first = p.elements[p.tags().index("body") + 1]
    assert first[0] == "div"
    assert "display: none" in first[1]["style"] and "mso-hide: all" in first[1]["style"]
    assert b.bottom_line in p.texts["div"]


def test_html_is_made_from_the_markdown() -> None:
    b = full()
    md_headings = [line[3:] for line in to_markdown(b).splitlines() if line.startswith("## ")]
    assert page(b).texts["h2"] == md_headings
    assert render(b, "html") == to_html(b)


def test_size_is_well_under_gmail_clipping() -> None:
    size = len(to_html(full()).encode("utf-8"))
    assert size < 102_000 // 4, size  # measured: about 16 KB


def test_matches_golden_file() -> None:
    """The whole document; BRIEFING_UPDATE_GOLDEN=1 rewrites the file after a deliberate change."""
    path = GOLDEN / "full.html"
    html = to_html(full())
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


# --- contrast --------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    """Relative luminance of '#rrggbb' as WCAG 2 defines it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == 1


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_text_colours_reach_wcag_aa(palette: dict[str, str], fg: str, bg: str) -> None:
    assert contrast(palette[fg], palette[bg]) >= 4.5


def test_every_colour_in_the_output_comes_from_the_palettes() -> None:
    used = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", to_html(full())))
    assert used <= set(LIGHT.values()) | set(DARK.values())
    assert set(LIGHT.values()) - {LIGHT["rule"]} <= used  # the palette is what is used


# --- article text is data, never markup -------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "![x](http://evil.example/x.png)",
    "[ref][1]\n\n[1]: javascript:alert(1)",
    "<http://evil.example>",
    "<evil@example.org>",
    "<iframe src=//evil.example></iframe>",
    "<form action=//evil.example><input name=q></form>",
    "<object data=x></object><embed src=x>",
    "<svg onload=alert(1)>",
    "<!-- comment --> <![CDATA[x]]> <?php echo 1; ?>",
    "<div>raw <b>html</b></div>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62; &amp; &copy; &#x3C;",
    "`<script>` and ``code``",
    "```\n<script>\n```",
    "*bold* **bold** _it_ __it__ ~~strike~~ | a | b |",
    "# heading\n## two\n- item\n1. one\n> quote",
    "1. not a list",
    "+ not a list either",
    "C# and F#",
    "---",
    "Title\n===",
    "line  \nbreak\\",
    "\\<script>\\",
    "javascript:alert(1)",
    "<style>body{background:url(//evil.example)}</style>",
    "<meta http-equiv=refresh content='0;url=//evil.example'>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "{{ 7*7 }} {% raw %} ${7*7}",
    "AT&T's Q3 < Q4 > Q2, 5 > 3 & 2 < 4",
]

FRAGMENTS = [h for h in HOSTILE if "\n" not in h] + ["<", ">", "&", "\\", "`", "*", "[", "](", "\n"]


def visible_text(text: str) -> str:
    """What a reader should see: control characters dropped, whitespace collapsed."""
    return " ".join(re.sub(r"[\x00-\x08\x0e-\x1b\x7f]", "", text).split())


def check_no_markup_from(text: str) -> None:
    """The HTML of a briefing made of `text` has exactly the elements and attributes of one made
    of plain words, and `text` is visible as written (whitespace collapsed)."""
    hostile, plain = page(with_text(text)), page(with_text("plain words"))
    assert hostile.elements[1:] == plain.elements[1:] or _diff(hostile, plain)
    for tag, attrs in hostile.elements:
        assert tag not in {"script", "iframe", "form", "object", "embed", "img", "a", "svg"}
        assert not any(name.startswith("on") for name in attrs)
        for name in ("href", "src", "action", "formaction"):
            assert attrs.get(name, "http:").split(":")[0].lower() in {"http", "https", "mailto"}
    visible = visible_text(text)
    assert hostile.texts["h1"] == [visible]
    assert hostile.texts["title"] == [visible]
    preheader = hostile.texts["div"][0].removesuffix(" …")  # clipped to 30 words
    assert preheader and visible.startswith(preheader)


def _diff(a: Page, b: Page) -> bool:
    extra = [e for e in a.elements if e not in b.elements]
    raise AssertionError(f"elements made from article text: {extra[:3]}")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_comes_out_as_visible_text(text: str) -> None:
    check_no_markup_from(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), min_size=1).map("".join))
@example("#")  # a leading and a closing hash at once: it was escaped twice
@example("\\#")
def test_any_text_comes_out_as_visible_text(text: str) -> None:
    # An empty field leaves out its part of a line, and so its <strong>: not comparable.
    assume(visible_text(text))
    check_no_markup_from(text)
