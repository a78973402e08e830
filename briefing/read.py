"""Read inputs (files, stdin, URLs, raw text; plain text, Markdown or HTML) into a Document."""

from __future__ import annotations

import http.client
import re
import socket
import sys
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

from briefing.lang import REFERENCE, load_language
from briefing.model import BriefingError, Document
from briefing.text import SENTENCE_END, make_document

MAX_BYTES = 50 * 1024 * 1024
URL_MAX_BYTES = 10 * 1024 * 1024  # a news page is well under 1 MB; more is not an article
URL_TIMEOUT = 20.0  # seconds for the whole download
TITLE_MAX_WORDS = 20
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_TYPES = ("text/", "application/xhtml+xml", "application/xml")

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Western text decoded as Windows-1252 has few letters outside ASCII; Cyrillic or Greek bytes
# read that way turn into runs of accented Latin letters. Above this share, ask the detector.
FOREIGN_LETTERS = 0.3
HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
URL = re.compile(r"^https?://", re.I)
LETTER = re.compile(r"[^\W\d_]")


# ---------------------------------------------------------------- bytes to text
def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Bytes to text: a BOM, then UTF-8, then a declared charset, then Windows-1252 or a guess.

    Valid UTF-8 wins over a declared charset: pages often declare ISO-8859-1 and serve UTF-8,
    and non-ASCII text in a legacy encoding is almost never valid UTF-8 by accident."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, name)
    if b"\x00" in data[:4096]:
        raise BriefingError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong charset name: detect instead
    return _decode_legacy(data, name)


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise BriefingError(f"{name}: not valid {encoding.upper()} text") from None


def _decode_legacy(data: bytes, name: str) -> str:
    # Windows-1252 agrees with Latin-1 on every printable character, and a detector guesses
    # badly on short Western text (it says cp1250), so 1252 comes first when it reads well.
    try:
        text = data.decode("cp1252")
        if _foreign_share(text) <= FOREIGN_LETTERS:
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BriefingError(f"{name}: cannot decode the file as text")
    return str(best)


def _foreign_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(not c.isascii() for c in letters) / len(letters) if letters else 0.0


def read_bytes(path: str) -> tuple[bytes, str]:
    """The raw bytes of a file or of stdin ("-"), and a name for messages."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1), "stdin"
    p = Path(path)
    if p.is_dir():
        raise BriefingError(f"{path}: is a directory (use `briefing batch` for folders)")
    if not p.exists():
        raise BriefingError(f"{path}: no such file")
    try:
        with p.open("rb") as f:
            return f.read(MAX_BYTES + 1), p.name
    except OSError as err:
        raise BriefingError(f"{path}: cannot read ({err.strerror})") from None


# ---------------------------------------------------------------- URLs
def fetch(
    url: str, timeout: float = URL_TIMEOUT, max_bytes: int = URL_MAX_BYTES
) -> tuple[bytes, str, str | None]:
    """Download a web page: (body, content type, declared charset). Never more than max_bytes."""
    request = urllib.request.Request(url, headers={"User-Agent": "briefing/0.1 (+news briefing)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            ctype = response.headers.get_content_type()
            if not ctype.startswith(TEXT_TYPES):
                raise BriefingError(f"{url}: not a text page (content type {ctype})")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise BriefingError(f"{url}: page larger than {max_bytes:,} bytes")
            body = _read_capped(response, url, timeout, max_bytes)
            return body, ctype, response.headers.get_content_charset()
    except urllib.error.HTTPError as err:
        raise BriefingError(f"{url}: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise BriefingError(f"{url}: {_network_reason(err.reason, timeout)}") from None
    except TimeoutError:
        raise BriefingError(f"{url}: no answer within {timeout:g} s") from None
    except OSError as err:
        raise BriefingError(f"{url}: {_network_reason(err, timeout)}") from None


def _read_capped(
    response: http.client.HTTPResponse, url: str, timeout: float, max_bytes: int
) -> bytes:
    # The socket timeout only bounds each read; a server dripping bytes needs a total deadline.
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise BriefingError(f"{url}: page larger than {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise BriefingError(f"{url}: no complete answer within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _network_reason(reason: object, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return "cannot resolve the host name"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot fetch ({text})"


def read_url(url: str, timeout: float = URL_TIMEOUT, *, language: str = REFERENCE) -> Document:
    """Fetch a web page and read its article."""
    body, ctype, charset = fetch(url, timeout)
    text = decode(body, url, charset)
    kind = "html" if "html" in ctype or looks_like_html(text) else "text"
    if ctype == "text/markdown":
        kind = "md"
    return document_from_string(text, name=url, kind=kind, language=language)


# ---------------------------------------------------------------- HTML
def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2000]))


def document_from_html(
    html: str, *, name: str = "", id: str = "", language: str = REFERENCE
) -> Document:
    """The article of a web page: main text, title, author and date, without the boilerplate."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,  # a briefing is better missing a paragraph than quoting an ad
        # A date in the page's own metadata, not one guessed from a footer or a comment.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise BriefingError(f"{name or 'input'}: no article text found in the HTML page")
    title = _clean(getattr(found, "title", None))
    if title and text.lstrip().startswith(title):
        text = text.lstrip()[len(title) :]  # the page's headline repeated as the first line
    return document_from_text(
        text,
        name=name,
        id=id,
        title=title,
        author=_clean(getattr(found, "author", None)),
        published=_clean(getattr(found, "date", None)),
        language=language,
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


# ---------------------------------------------------------------- Markdown
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
MD_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
MD_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)
FRONT_FIELD = re.compile(r"^(title|author|date)\s*:\s*(.+?)\s*$", re.I | re.M)


def document_from_markdown(
    md: str, *, name: str = "", id: str = "", language: str = REFERENCE
) -> Document:
    """A Markdown note: the first `#` heading is the title; headings, list markers, links and
    emphasis are structure, so only their words reach the sentences."""
    meta, md = _front_matter(md)
    title, blocks = markdown_blocks(md)
    return document_from_text(
        "\n\n".join(blocks),
        name=name,
        id=id,
        title=meta.get("title") or title,
        author=meta.get("author"),
        published=meta.get("date"),
        language=language,
    )


def markdown_blocks(md: str) -> tuple[str | None, list[str]]:
    """The first level-1 heading, and the paragraphs and list items as plain text."""
    title: str | None = None
    blocks: list[str] = []
    current: list[str] = []  # lines of the paragraph being read: soft breaks join them

    def flush() -> None:
        if current:
            blocks.append(md_inline(" ".join(current)))
            current.clear()

    lines = md.replace("\r\n", "\n").split("\n")
    in_code = False
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        heading = MD_HEADING.match(line)
        setext = bool(
            current == []
            and line.strip()
            and MD_SETEXT.match(following)
            and not MD_LIST.match(line)
        )
        if MD_FENCE.match(line):
            in_code = not in_code
            flush()
        elif in_code:
            continue  # code is not prose
        elif heading or setext:
            flush()
            # Section headings are signposts, not facts: they end a paragraph and are dropped.
            level = len(heading.group(1)) if heading else (1 if "=" in following else 2)
            if title is None and level == 1:
                title = md_inline(heading.group(2) if heading else line.strip())
        elif (
            not line.strip()
            or MD_RULE.match(line)
            or MD_LINK_DEF.match(line)
            or MD_SETEXT.match(line)
        ):
            flush()
        else:
            body = re.sub(r"^\s*(?:>\s?)+", "", line).strip()
            if MD_LIST.match(body):
                flush()  # each list item stands alone
                body = MD_LIST.sub("", body, count=1)
            current.append(body)
    flush()
    return title, [b for b in blocks if b]


def md_inline(text: str) -> str:
    """Markdown inline markup reduced to its words: links read as their text."""
    text = MD_IMAGE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_AUTOLINK.sub(r"\1", text)
    for _ in range(2):  # nested emphasis: **_word_**
        text = MD_EMPHASIS.sub(r"\2", text)
    return text.strip()


def _front_matter(md: str) -> tuple[dict[str, str], str]:
    found = FRONT_MATTER.match(md.lstrip("\ufeff"))
    if not found:
        return {}, md
    fields = {k.lower(): v.strip("\"'") for k, v in FRONT_FIELD.findall(found.group(1))}
    return fields, md.lstrip("\ufeff")[found.end() :]


# ---------------------------------------------------------------- text to Document
def split_title(text: str) -> tuple[str | None, str]:
    """A leading headline line (short, no final full stop, followed by more text) and the rest."""
    lines = text.strip().split("\n", 1)
    first = lines[0].strip().lstrip("#").strip()
    if (
        len(lines) == 2
        and lines[1].strip()
        and 0 < len(first.split()) <= TITLE_MAX_WORDS
        and not SENTENCE_END.search(first)
    ):
        return first, lines[1]
    return None, text


def document_from_text(
    text: str,
    *,
    name: str = "",
    id: str = "",
    title: str | None = None,
    author: str | None = None,
    published: str | None = None,
    language: str = REFERENCE,
) -> Document:
    """A Document from article text; the first line is taken as the title when it reads as one.
    `language` is a language code or a folder of language files (see briefing.lang)."""
    if not text.strip():
        raise BriefingError(f"{name or 'input'}: is empty")
    if title is None:
        title, text = split_title(text)
    doc = make_document(
        text,
        id=id or name,
        title=title,
        source=name or None,
        author=author,
        published=published,
        language=load_language(language),
    )
    if not doc.sentences or not LETTER.search(doc.text):
        raise BriefingError(f"{name or 'input'}: has no sentence to brief")
    return doc


def input_kind(name: str, text: str) -> str:
    """ "html", "md" or "text", from the file name's suffix, else from the content."""
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES) or looks_like_html(text):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "md"
    return "text"


def document_from_string(
    text: str,
    *,
    name: str = "",
    id: str = "",
    title: str | None = None,
    kind: str | None = None,
    language: str = REFERENCE,
) -> Document:
    """A Document from plain, Markdown or HTML text; the kind is sniffed when not given."""
    kind = kind or input_kind(name, text)
    if kind == "html":
        doc = document_from_html(text, name=name, id=id, language=language)
    elif kind == "md":
        doc = document_from_markdown(text, name=name, id=id, language=language)
    else:
        return document_from_text(text, name=name, id=id, title=title, language=language)
    return doc if title is None else replace(doc, title=title)


def document_from_bytes(
    data: bytes, name: str, *, id: str = "", language: str = REFERENCE
) -> Document:
    """A Document from the bytes of a file: decoded, then read as HTML, Markdown or text."""
    if len(data) > MAX_BYTES:
        raise BriefingError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    declared = None
    if name.lower().endswith(HTML_SUFFIXES) or looks_like_html(data[:2000].decode("latin-1")):
        found = META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii", "replace") if found else None
    return document_from_string(decode(data, name, declared), name=name, id=id, language=language)


def is_url(path: str) -> bool:
    return bool(URL.match(path))


def read_document(path: str, *, language: str = REFERENCE) -> Document:
    """Read a file path, an http(s) URL, or "-" for stdin into a Document, its sentences split
    by the rules of `language` (a language code or a folder of language files)."""
    if is_url(path):
        return read_url(path, language=language)
    data, name = read_bytes(path)
    return document_from_bytes(data, name, language=language)
