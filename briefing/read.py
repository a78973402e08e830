"""Read inputs (files, stdin, URLs, raw text; plain text, Markdown or HTML) into a Document."""

from __future__ import annotations

import codecs
import contextlib
import functools
import http.client
import io
import os
import re
import socket
import stat
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.lang import REFERENCE, Language, load_language
from briefing.model import BriefingError, Document
from briefing.text import SENTENCE_END, make_document

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

MAX_BYTES = 50 * 1024 * 1024
URL_MAX_BYTES = 10 * 1024 * 1024  # a news page is well under 1 MB; more is not an article
# The longest text briefed: about 2 million words, 25 s and 800 MB. Memory grows with the
# text (every token is kept for the extractors), so longer texts are refused at once rather
# than let run out of memory; a page of HTML may be larger, its article text rarely is.
MAX_TEXT_CHARS = 12_000_000
URL_TIMEOUT = 20.0  # seconds for the whole download, connection and headers included
URL_GRACE = 1.0  # seconds past the deadline before the caller stops waiting for a stuck fetch
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
# A well-formed multi-byte UTF-8 sequence (overlong forms are weeded out by decoding it).
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
UTF8_INVALID = re.compile(rb"[\x80-\xff]")
# Declared charsets a UTF-8 and Windows-1252 mix may hide behind (pages declare one of them).
MIXABLE_CODECS = ("cp1252", "iso8859_1", "iso8859_15", "ascii", "utf_8")
# UTF-16 without a BOM: ASCII-range text has a NUL in every other byte.
UTF16_ZEROS = 0.3  # share of NULs at the high-byte positions, at least
UTF16_STRAY_ZEROS = 0.05  # share of NULs at the low-byte positions, at most
PRINTABLE = 0.95


# ---------------------------------------------------------------- bytes to text
def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Bytes to text: a BOM, UTF-16 without one, then UTF-8, a mix of UTF-8 and Windows-1252,
    a declared charset, then Windows-1252 or a guess.

    Valid UTF-8 wins over a declared charset: pages often declare ISO-8859-1 and serve UTF-8,
    and non-ASCII text in a legacy encoding is almost never valid UTF-8 by accident."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, name)
    if b"\x00" in data[:4096]:
        text = _decode_utf16_without_bom(data)
        if text is None:
            raise BriefingError(f"{name}: looks like a binary file, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not declared or _codec_name(declared) in MIXABLE_CODECS:
        mixed = _decode_mixed(data)
        if mixed is not None:
            return mixed
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


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM, told from binary data by its NULs: text in the Latin range has
    one in every high byte (odd positions in little-endian, even ones in big-endian)."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) < UTF16_ZEROS * len(high) or low.count(0) > UTF16_STRAY_ZEROS * len(low):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        head = text[:2048]
        if sum(c.isprintable() or c in "\t\n\r\f" for c in head) >= PRINTABLE * len(head):
            return text
    return None


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        return encoding


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    # The five bytes Windows-1252 leaves undefined read as Latin-1 (C1 controls).
    return "".join(
        bytes([b]).decode("cp1252", "strict") if b not in b"\x81\x8d\x8f\x90\x9d" else chr(b)
        for b in bad
    ), err.end


codecs.register_error("briefing-cp1252", _cp1252_fallback)


def _decode_mixed(data: bytes) -> str | None:
    """A file that mixes UTF-8 with Windows-1252 (pasted from two sources): valid UTF-8
    sequences read as UTF-8, every other byte as Windows-1252. None when the file is not mixed.

    Mostly UTF-8 with a few stray bytes is mixed; mostly Windows-1252 is mixed only when its few
    UTF-8 sequences are Latin letters or punctuation and the rest reads as Western text, since
    a legacy file can hold a valid sequence by chance (Cyrillic Windows-1251 does, often)."""
    sequences = [m.group() for m in UTF8_SEQUENCE.finditer(data)]
    chars = []
    for seq in sequences:
        with contextlib.suppress(UnicodeDecodeError):  # an overlong form
            chars.append(seq.decode("utf-8"))
    if not chars:
        return None
    text = data.decode("utf-8", "briefing-cp1252")
    valid_bytes = sum(len(c.encode("utf-8")) for c in chars)
    invalid = len(UTF8_INVALID.findall(data)) - valid_bytes
    if len(chars) >= invalid:
        return text
    if all(_latin_or_punctuation(c) for c in chars) and _foreign_share(text) <= FOREIGN_LETTERS:
        return text
    return None


def _latin_or_punctuation(char: str) -> bool:
    code = ord(char)
    return 0xA0 <= code <= 0x24F or 0x2000 <= code <= 0x20CF or code in (0x2122, 0x2026)


def _foreign_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(not c.isascii() for c in letters) / len(letters) if letters else 0.0


NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def read_bytes(path: str) -> tuple[bytes, str]:
    """The raw bytes of a file or of stdin ("-"), and a name for messages.

    Only regular files are read: opening a named pipe blocks until a writer comes, and a device
    such as /dev/zero never ends, so both are refused before they are opened."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1), "stdin"
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise BriefingError(f"{path}: no such file") from None
    except OSError as err:
        raise BriefingError(f"{path}: cannot read ({err.strerror or err})") from None
    if stat.S_ISDIR(mode):
        raise BriefingError(f"{path}: is a directory (use `briefing batch` for folders)")
    _refuse_special(path, mode)
    try:
        # O_NONBLOCK: should a pipe replace the file after the check, opening it won't block.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as f:
            _refuse_special(path, os.fstat(f.fileno()).st_mode)
            return f.read(MAX_BYTES + 1), Path(path).name
    except OSError as err:
        raise BriefingError(f"{path}: cannot read ({err.strerror or err})") from None


def _refuse_special(path: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((k for test, k in NOT_REGULAR if test(mode)), "a special file")
    raise BriefingError(f"{path}: not a regular file ({kind}); use - to read standard input")


# ---------------------------------------------------------------- URLs
def fetch(
    url: str, timeout: float | None = None, max_bytes: int = URL_MAX_BYTES
) -> tuple[bytes, str, str | None]:
    """Download a web page: (body, content type, declared charset). Never more than max_bytes,
    never longer than `timeout` seconds (URL_TIMEOUT by default) for the whole request.

    Every socket operation waits only for the time left, so a server that sends a byte a second
    cannot stretch the download; the download runs in a thread the caller stops waiting for
    shortly after the deadline, which also bounds what sockets cannot (a slow DNS lookup)."""
    timeout = URL_TIMEOUT if timeout is None else timeout
    outcome: list[tuple[bytes, str, str | None] | BaseException] = []

    def run() -> None:
        try:
            outcome.append(_fetch(url, timeout, max_bytes))
        except BaseException as err:  # handed to the caller's thread
            outcome.append(err)

    worker = threading.Thread(target=run, name="briefing-fetch", daemon=True)
    worker.start()
    worker.join(timeout + URL_GRACE)
    if not outcome:
        raise BriefingError(f"{url}: no answer within {timeout:g} s")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str, str | None]:
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(
        _DeadlineHTTPHandler(deadline), _DeadlineHTTPSHandler(deadline)
    )
    request = urllib.request.Request(url, headers={"User-Agent": "briefing/0.1 (+news briefing)"})
    try:
        with opener.open(request, timeout=timeout) as response:
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
    except (OSError, http.client.HTTPException) as err:
        raise BriefingError(f"{url}: {_network_reason(err, timeout)}") from None


def _read_capped(response: Any, url: str, timeout: float, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise BriefingError(f"{url}: page larger than {max_bytes:,} bytes")
            chunks.append(chunk)
    except TimeoutError:
        raise BriefingError(f"{url}: no complete answer within {timeout:g} s") from None
    return b"".join(chunks)


class _DeadlineReader(io.RawIOBase):
    """The reading side of a socket where each read waits only for the time left."""

    def __init__(self, sock: _DeadlineSocket) -> None:
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        self._sock.arm()
        return int(self._sock.sock.recv_into(buffer))

    def close(self) -> None:
        if not self.closed:
            super().close()
            self._sock.release()


class _DeadlineSocket:
    """A connected socket whose every operation ends by the deadline (TimeoutError after)."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self.sock = sock
        self.deadline = deadline
        self._readers = 0
        self._closing = False

    def arm(self) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the download deadline has passed")
        self.sock.settimeout(left)

    def sendall(self, data: ReadableBuffer) -> None:
        self.arm()
        self.sock.sendall(data)

    def makefile(self, mode: str = "rb", *args: object, **kwargs: object) -> io.BufferedReader:
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self))

    def release(self) -> None:
        self._readers -= 1
        if self._closing and self._readers <= 0:
            self.sock.close()

    def close(self) -> None:
        # Like a socket's close: the response still reading from it keeps it open.
        self._closing = True
        if self._readers <= 0:
            self.sock.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sock, name)


class _DeadlineHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def connect(self) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the download deadline has passed")
        self.timeout = left  # bounds the connection and TLS handshake
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self.deadline)


class _DeadlineHTTPSConnection(_DeadlineHTTPConnection, http.client.HTTPSConnection):
    pass


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_DeadlineHTTPConnection, deadline=self.deadline)
        return self.do_open(connection, req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_DeadlineHTTPSConnection, deadline=self.deadline)
        return self.do_open(connection, req)


def _network_reason(reason: object, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return "cannot resolve the host name"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot fetch ({text})"


def read_url(url: str, timeout: float | None = None, *, language: str = REFERENCE) -> Document:
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
    """The article of a web page: main text, title, author and date, without the boilerplate
    and without the page furniture trafilatura leaves in (captions, credits, "read more" lines,
    bylines, teasers, embedded code); see `page_paragraphs`."""
    found = _extract(html)
    text = getattr(found, "text", None) if found is not None else None
    lang = load_language(language)
    paragraphs = page_paragraphs(text or "", lang)
    if not paragraphs:
        raise BriefingError(f"{name or 'input'}: no article text found in the HTML page")
    title = page_title(_clean(getattr(found, "title", None)), site_names(found))
    if title and paragraphs[0].startswith(title):
        # The page's headline repeated as the first line.
        paragraphs[0] = paragraphs[0][len(title) :].strip()
    return document_from_text(
        "\n\n".join(p for p in paragraphs if p),
        name=name,
        id=id,
        title=title,
        author=_clean(getattr(found, "author", None)),
        published=_clean(getattr(found, "date", None)),
        language=language,
    )


def _extract(html: str) -> Any:
    """trafilatura's reading of the page, as Markdown (headings, emphasis and code marked, so
    that they can be told from prose); precise first, then its default settings when the
    precise reading finds no text (a page of short paragraphs)."""
    import trafilatura

    found = None
    for precise in (True, False):
        found = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=True,
            favor_precision=precise,  # a briefing is better missing a paragraph than an ad
            # A date in the page's own metadata, not one guessed from a footer or a comment.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if found is not None and (getattr(found, "text", None) or "").strip():
            break
    return found


# ---------------------------------------------------------------- page furniture
FRAGMENT_WORDS = 4  # a paragraph shorter than this without a full stop is a label or heading
ITALIC_NOTE_WORDS = 40  # a whole paragraph in italics up to this long is a note or caption
BOLD_LABEL_WORDS = 12  # a whole paragraph in bold up to this long is a heading
WHOLE_EMPHASIS = re.compile(r"^\(?([*_]{1,3})(?=\S)(.+?)(?<=\S)\1\)?[.:]?$")
# trafilatura's Markdown keeps superscripts, subscripts and underlines as HTML tags; a
# superscript in brackets is a reference mark ("<sup>[1]</sup>").
REFERENCE_MARK = re.compile(r"<sup>\s*\[[^\]<]{1,12}\]\s*</sup>")
FORMAT_TAGS = re.compile(r"</?(?:sup|sub|u)>")
# A word of code: brackets, operators, a call "name(", a dotted or snake_case name, camelCase
# or a name of three capitalised parts ("StaticLiveServerTestCase"), a shell option.
CODE_TOKEN = re.compile(
    r"[{}<>;=]|\w\(|\(\)|^\*?x\d|\w_\w|->|::|^[a-z]+[A-Z]\w*$|^\$\w|^--?\w"
    r"|^[a-z_]\w*(?:\.[a-z_]\w*)+[,:;()]*$|^(?:[A-Z][a-z]+){3,}$"
)
PULL_QUOTE_MIN_WORDS = 6  # a shorter paragraph may well recur in a longer one by chance
PULL_QUOTE_CHECK_MAX = 2000  # paragraphs of a page beyond which pull quotes are not looked for
QUOTE_ENDS = " .,;:!?\"'“”‘’«»"  # stripped before a pull quote is compared with the text
CODE_SHARE = 0.3  # share of code-like words above which a paragraph is code, not prose
CODE_MIN_WORDS = 3


def page_paragraphs(md: str, lang: Language) -> list[str]:
    """The article's paragraphs as plain text, without page furniture: captions, credits,
    bylines, "read more", sign-up, share and affiliate lines, teasers of other stories and
    embedded code (the patterns are `page_furniture` of the language), labels of fewer than
    FRAGMENT_WORDS words, a paragraph repeated (a pull quote), and hover cards and datelines
    inside paragraphs (`page_furniture_inline`)."""
    kept: list[str] = []
    seen: set[str] = set()
    for raw in markdown_paragraphs(md)[1]:
        if _whole_emphasis_note(raw):
            continue
        text = _inline_cleaned(md_inline(raw), lang)
        key = " ".join(text.lower().split())
        if not key or key in seen or _is_furniture(text, lang):
            continue
        seen.add(key)
        kept.append(text)
    return _without_repeats(kept)


def _whole_emphasis_note(raw: str) -> bool:
    """A paragraph all in italics (a caption, credit or editor's note) or all in bold (a
    heading the page did not mark up as one)."""
    found = WHOLE_EMPHASIS.match(raw.strip())
    if not found:
        return False
    limit = BOLD_LABEL_WORDS if len(found.group(1)) >= 2 else ITALIC_NOTE_WORDS
    return len(found.group(2).split()) <= limit


def _inline_cleaned(text: str, lang: Language) -> str:
    text = FORMAT_TAGS.sub("", REFERENCE_MARK.sub("", text))
    for pattern in furniture_patterns(lang, inline=True):
        text = pattern.sub("", text)
    return " ".join(text.split())


def _is_furniture(text: str, lang: Language) -> bool:
    words = text.split()
    if len(words) < FRAGMENT_WORDS and not SENTENCE_END.search(text):
        return True
    return _looks_like_code(words) or any(
        p.search(text) for p in furniture_patterns(lang, inline=False)
    )


def _looks_like_code(words: list[str]) -> bool:
    if len(words) < CODE_MIN_WORDS:
        return any(CODE_TOKEN.search(w) for w in words) and not SENTENCE_END.search(words[-1])
    return sum(bool(CODE_TOKEN.search(w)) for w in words) >= CODE_SHARE * len(words)


def _without_repeats(paragraphs: list[str]) -> list[str]:
    """Paragraphs that another, longer paragraph does not already hold (a pull quote), in
    any case and without their end punctuation."""
    if len(paragraphs) > PULL_QUOTE_CHECK_MAX:
        return paragraphs  # not a news page; comparing every pair would take too long
    keys = [p.lower().strip(QUOTE_ENDS) for p in paragraphs]
    return [
        p
        for p, key in zip(paragraphs, keys, strict=True)
        if len(key.split()) < PULL_QUOTE_MIN_WORDS
        or not any(len(other) > len(key) and key in other for other in keys)
    ]


@functools.cache
def furniture_patterns(lang: Language, *, inline: bool) -> tuple[re.Pattern[str], ...]:
    """The language's page-furniture patterns: whole paragraphs, or `inline` inside them."""
    if inline:
        return tuple(re.compile(p) for p in sorted(lang.words("page_furniture_inline")))
    return tuple(re.compile(p, re.IGNORECASE) for p in sorted(lang.words("page_furniture")))


# ---------------------------------------------------------------- titles
# A colon is not among them: "Letters: ..." is the headline's own.
TITLE_PARTS = re.compile(r"\s+(?:[|–—·»/]|::|-{1,2})\s+|\s*\|\s*")
TITLE_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
SITE_KEY_MIN = 2  # letters a site name needs to be compared at all


def site_names(found: Any) -> frozenset[str]:
    """The page's site name and its host's name, squashed ("DW.COM" -> "dwcom", "dw")."""
    names: set[str] = set()
    for value in (getattr(found, "sitename", None), getattr(found, "hostname", None)):
        if not isinstance(value, str) or not value.strip():
            continue
        names.add(_squash(value))
        host = value.lower().strip().removeprefix("www.")
        if "." in host and " " not in host:
            names.add(_squash(host.rsplit(".", 1)[0]))  # "spiegel.de" -> "spiegel"
            names.add(_squash(_domain_label(host)))  # "blog.givewell.org" -> "givewell"
    return frozenset(n for n in names if len(n) >= SITE_KEY_MIN)


def _domain_label(host: str) -> str:
    """The registered name of a host: "blog.givewell.org" -> "givewell", "bbc.co.uk" -> "bbc"
    (a second-level label of two or three letters under a country code is skipped)."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        return labels[-3]
    return labels[-2]


def page_title(title: str | None, sites: frozenset[str]) -> str | None:
    """The page's title without the site's name or a date before or after it:
    "Floods in Texas | DW | 19.01.2020" -> "Floods in Texas"."""
    if not title:
        return None
    parts = TITLE_PARTS.split(title)
    seps = TITLE_PARTS.findall(title)
    if len(parts) < 2:
        return title
    first, last = 0, len(parts)
    while last - first > 1 and _site_part(parts[last - 1], sites):
        last -= 1
    while last - first > 1 and _site_part(parts[first], sites):
        first += 1
    # The separators between the parts kept are put back as they were.
    kept = parts[first]
    for i in range(first + 1, last):
        kept += seps[i - 1] + parts[i]
    return kept.strip() or title


def _site_part(part: str, sites: frozenset[str]) -> bool:
    key = _squash(part)
    if TITLE_DATE.match(part.strip()):
        return True
    if len(key) < SITE_KEY_MIN:
        return False
    return any(key == s or (len(key) >= 3 and key in s) or s in key for s in sites)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


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
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
# An escaped character is parked in the Unicode private use area while emphasis is removed.
ESCAPED = 0xE000
UNESCAPE = re.compile("[\ue000-\ue07f]")
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
    title, paragraphs = markdown_paragraphs(md)
    return title, [b for b in map(md_inline, paragraphs) if b]


def markdown_paragraphs(md: str) -> tuple[str | None, list[str]]:
    """The first level-1 heading (plain text), and the paragraphs and list items with their
    inline markup; headings and code blocks are left out."""
    title: str | None = None
    blocks: list[str] = []
    current: list[str] = []  # lines of the paragraph being read: soft breaks join them

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
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
    return title, [b for b in blocks if b.strip()]


def md_inline(text: str) -> str:
    """Markdown inline markup reduced to its words: links read as their text, and escaped
    characters as themselves ("override\\_settings" is not emphasis)."""
    text = MD_ESCAPE.sub(lambda m: chr(ESCAPED + ord(m.group(1))), text)
    text = MD_IMAGE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_AUTOLINK.sub(r"\1", text)
    for _ in range(2):  # nested emphasis: **_word_**
        text = MD_EMPHASIS.sub(r"\2", text)
    return UNESCAPE.sub(lambda m: chr(ord(m.group()) - ESCAPED), text).strip()


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
    if len(text) > MAX_TEXT_CHARS:
        raise BriefingError(
            f"{name or 'input'}: text longer than {MAX_TEXT_CHARS:,} characters; "
            "brief it in parts (briefing batch takes one record per article)"
        )
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
