"""Reading inputs: HTML pages, URLs, Markdown, encodings."""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.compose import make_briefing
from briefing.model import BriefingError
from briefing.read import (
    document_from_bytes,
    document_from_markdown,
    fetch,
    read_document,
    read_url,
)
from briefing.render import render

DATA = Path(__file__).parent / "data"
BRIDGE = DATA / "harbour_bridge.html"
MEALS = DATA / "school_meals_cp1252.htm"

# Words that only the boilerplate around the article has: none may reach the briefing.
BRIDGE_BOILERPLATE = [
    "cookies",
    "Accept all",
    "Subscribe",
    "Advertisement",
    "Lisbon",
    "crossword",
    "Share this",
    "newsletter",
    "Gull_Watcher99",
    "tourist season",
    "Most read",
    "Ferry prices",
    "regatta",
    "Seal pup",
    "All rights reserved",
    "Privacy",
    "dataLayer",
    "TRACKING",
    "Sponsored",
    "Coastal Gazette",
    "Sport",
    "Weather",
    "transport reporter",
]
MEALS_BOILERPLATE = [
    "cookie",
    "Log in",
    "Register",
    "Obituaries",
    "Solar panels",
    "OldFarmer",
    "grandchildren",
    "Bakery",
    "B42",
    "Imprint",
    "Advertise",
    "Sign in",
    "consent",
    "Valley Courier",
]


def has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", text, re.I) is not None


@cache  # each page is briefed once, not once per boilerplate phrase
def briefing_texts(path: Path) -> list[str]:
    doc = read_document(str(path))
    b = make_briefing(doc)
    return [doc.text, render(b, "md"), render(b, "json"), render(b, "txt")]


# ---------------------------------------------------------------- HTML
def test_html_page_gives_article_text_and_metadata() -> None:
    doc = read_document(str(BRIDGE))
    assert doc.title == "Harbour bridge to close for six weeks of repairs"
    assert doc.author == "Maria Lindqvist"
    assert doc.published == "2024-03-12"
    assert doc.sentences[0].text.startswith("The Old Harbour Bridge will close")
    assert "18,000 vehicles" in doc.text
    assert "ferry shuttle between the two quays" in doc.text


@pytest.mark.parametrize(
    ("page", "phrase"),
    [(BRIDGE, p) for p in BRIDGE_BOILERPLATE] + [(MEALS, p) for p in MEALS_BOILERPLATE],
)
def test_html_briefing_has_no_boilerplate(page: Path, phrase: str) -> None:
    for text in briefing_texts(page):
        assert not has_phrase(text, phrase)


@pytest.mark.parametrize(
    ("page", "phrases"), [(BRIDGE, BRIDGE_BOILERPLATE), (MEALS, MEALS_BOILERPLATE)]
)
def test_boilerplate_phrases_are_in_the_pages(page: Path, phrases: list[str]) -> None:
    raw = page.read_bytes().decode("cp1252")
    assert [p for p in phrases if not has_phrase(raw, p)] == []


def test_html_source_line_shows_author_and_date() -> None:
    md = render(make_briefing(read_document(str(BRIDGE))), "md")
    assert "published 2024-03-12" in md
    assert "by Maria Lindqvist" in md


def test_windows_1252_page_with_declared_charset() -> None:
    doc = read_document(str(MEALS))
    assert doc.title == "Valley schools to serve free lunches from September"
    assert doc.author == "Jonas Achterberg"
    assert doc.published == "2023-06-05"  # from the page's JSON-LD
    assert "called the plan “a fair start for every child”" in doc.text
    assert "€1.9 million a year — about 3% of the board’s budget" in doc.text


def test_html_is_sniffed_without_an_html_suffix() -> None:
    doc = document_from_bytes(BRIDGE.read_bytes(), "saved-page.txt")
    assert doc.title == "Harbour bridge to close for six weeks of repairs"
    assert "<p>" not in doc.text and "cookies" not in doc.text


def test_html_from_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BRIDGE.read_bytes())))
    assert main(["-", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["title"] == "Harbour bridge to close for six weeks of repairs"
    assert out["source"]["published"] == "2024-03-12"


def test_html_page_without_article_is_an_error() -> None:
    page = (
        b"<html><head><title>Page not found</title></head><body><nav><ul><li>"
        b"<a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav><footer>"
        b"(c) 2024 Example News. All rights reserved.</footer></body></html>"
    )
    with pytest.raises(BriefingError, match="no article text"):
        document_from_bytes(page, "empty.html")


# ---------------------------------------------------------------- Markdown
MARKDOWN = """# Library opens a night reading room

The city library will open a **night reading room** from 2 May, director
[Aisha Rahman](https://example.org/people/aisha) said on Thursday.

## What changes

- The room stays open until midnight on weekdays
- Entry is free with a [library card](https://example.org/card)
1. Staff from the *evening shift* will run it

## Next

A review is planned after `six months`, and the board will decide on weekends in November.
"""


def test_markdown_first_heading_is_the_title() -> None:
    doc = document_from_markdown(MARKDOWN, name="note.md")
    assert doc.title == "Library opens a night reading room"
    assert "Library opens" not in doc.text


def test_markdown_structure_is_not_in_sentences() -> None:
    doc = document_from_markdown(MARKDOWN, name="note.md")
    texts = [s.text for s in doc.sentences]
    for text in texts:
        assert "#" not in text and "](" not in text and "*" not in text and "`" not in text
        assert not text.startswith(("-", "1.")), text
    assert "What changes" not in doc.text  # section headings are signposts, not sentences
    assert "The room stays open until midnight on weekdays" in texts
    assert "Entry is free with a library card" in texts
    assert "Staff from the evening shift will run it" in texts


def test_markdown_link_reads_as_its_text() -> None:
    doc = document_from_markdown(MARKDOWN, name="note.md")
    assert doc.sentences[0].text == (
        "The city library will open a night reading room from 2 May, director "
        "Aisha Rahman said on Thursday."
    )


def test_markdown_file_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    b = make_briefing(read_document(str(path)))
    assert b.title == "Library opens a night reading room"
    assert "](" not in render(b, "json")


def test_markdown_front_matter_gives_author_and_date() -> None:
    md = "---\ntitle: Ferry timetable changes\nauthor: Lena Park\ndate: 2024-05-01\n---\n\n"
    doc = document_from_markdown(md + "The ferry will leave at 7 a.m. from June.\n")
    assert (doc.title, doc.author, doc.published) == (
        "Ferry timetable changes",
        "Lena Park",
        "2024-05-01",
    )
    assert "Lena" not in doc.text


def test_markdown_setext_heading_is_the_title() -> None:
    doc = document_from_markdown("Port strike ends\n=====\n\nDockers returned to work.\n")
    assert doc.title == "Port strike ends"
    assert [s.text for s in doc.sentences] == ["Dockers returned to work."]


# ---------------------------------------------------------------- encodings
WESTERN = "The mayor’s “plan” — worth €5m – is naïve, said Renée in Zürich."
LATIN1 = "Renée paid £5 for crème brûlée in Zürich; half price, ½ off, said Señor Muñoz."


@pytest.mark.parametrize(
    ("encoding", "bom", "text"),
    [
        pytest.param("utf-8", b"", WESTERN, id="utf-8"),
        pytest.param("utf-8", b"\xef\xbb\xbf", WESTERN, id="utf-8-bom"),
        pytest.param("utf-16-le", b"\xff\xfe", WESTERN, id="utf-16-le-bom"),
        pytest.param("utf-16-be", b"\xfe\xff", WESTERN, id="utf-16-be-bom"),
        pytest.param("cp1252", b"", WESTERN, id="windows-1252"),
        pytest.param("latin-1", b"", LATIN1, id="latin-1"),
    ],
)
def test_encodings_are_decoded(tmp_path: Path, encoding: str, bom: bytes, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + (text + "\n\nThe vote is next week.\n").encode(encoding))
    doc = read_document(str(path))
    assert [s.text for s in doc.sentences] == [text, "The vote is next week."]


def test_non_western_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = (
        "Правительство объявило в понедельник о новых мерах поддержки для "
        "переселенцев из восточных регионов страны."
    )
    path = tmp_path / "kyiv.txt"
    path.write_bytes(text.encode("cp1251"))
    assert read_document(str(path)).sentences[0].text == text


def test_valid_utf8_wins_over_a_wrong_declared_charset() -> None:
    page = MEALS.read_bytes().decode("cp1252").replace("windows-1252", "iso-8859-1")
    doc = document_from_bytes(page.encode("utf-8"), "meals.html")
    assert "€1.9 million a year — about 3% of the board’s budget" in doc.text


def test_utf8_bom_does_not_reach_the_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Dam plan approved\nThe council approved the dam plan.\n".encode("utf-8-sig"))
    assert read_document(str(path)).title == "Dam plan approved"


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BriefingError, match="binary"):
        read_document(str(path))


# ---------------------------------------------------------------- URLs
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/article.html":
            self.answer(200, "text/html; charset=utf-8", BRIDGE.read_bytes())
        elif self.path == "/latin.txt":
            body = ("Flood warning\n" + LATIN1 + "\n").encode("latin-1")
            self.answer(200, "text/plain; charset=iso-8859-1", body)
        elif self.path == "/slow":
            time.sleep(1.0)
            with contextlib.suppress(OSError):  # the client has given up by now
                self.answer(200, "text/plain", b"Too late.")
        elif self.path == "/big":
            self.answer(200, "text/plain", b"word. " * 40_000)
        elif self.path == "/big-unsized":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"word. " * 40_000)
            self.close_connection = True
        elif self.path == "/photo.png":
            self.answer(200, "image/png", b"\x89PNG\r\n")
        else:
            self.answer(404, "text/html", b"<h1>Not found</h1>")

    def answer(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_page(server: str) -> None:
    doc = read_url(server + "/article.html")
    assert doc.title == "Harbour bridge to close for six weeks of repairs"
    assert doc.published == "2024-03-12"
    assert "cookies" not in doc.text


def test_url_charset_from_header(server: str) -> None:
    doc = read_url(server + "/latin.txt")
    assert doc.title == "Flood warning"
    assert doc.sentences[0].text == LATIN1


def test_url_briefing_on_stdout(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([server + "/article.html", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source"]["author"] == "Maria Lindqvist"


def test_url_404_is_one_line_exit_2(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([server + "/nothing-here"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP 404" in err and "Traceback" not in err


def test_url_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(BriefingError, match=r"no answer within 0\.2 s"):
        fetch(server + "/slow", timeout=0.2)
    assert time.monotonic() - started < 0.9


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_url_too_large(server: str, path: str) -> None:
    with pytest.raises(BriefingError, match="larger than 100,000 bytes"):
        fetch(server + path, max_bytes=100_000)
    assert len(fetch(server + path, max_bytes=300_000)[0]) == 240_000


def test_url_not_text(server: str) -> None:
    with pytest.raises(BriefingError, match="not a text page"):
        fetch(server + "/photo.png")


def test_url_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the fetch: nobody listens there
    with pytest.raises(BriefingError, match="connection refused"):
        fetch(f"http://127.0.0.1:{port}/")


def test_url_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # no real DNS query in tests
    with pytest.raises(BriefingError, match="cannot resolve the host name"):
        fetch("http://news.invalid/story")
