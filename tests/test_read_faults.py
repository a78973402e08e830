"""Reading faults: special files, slow servers, UTF-16 without BOM, mixed encodings."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing import read
from briefing.model import BriefingError
from briefing.read import document_from_text, fetch, read_document

ARTICLE = (
    "Ferry fares to rise in spring\n"
    "The island ferry company will raise fares by 4% from 1 March, its director said.\n\n"
    "Season tickets for commuters stay at the old price until June.\n"
)
SENTENCES = [
    "The island ferry company will raise fares by 4% from 1 March, its director said.",
    "Season tickets for commuters stay at the old price until June.",
]

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def run_cli(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,  # a hang fails the test instead of blocking the suite
    )
    return done, time.monotonic() - started


# ---------------------------------------------------------------- special files
@needs_fifo
def test_fifo_input_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    done, elapsed = run_cli("pipe", "-o", "out.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "not a regular file (a named pipe)" in done.stderr
    assert "use - to read standard input" in done.stderr
    assert not (tmp_path / "out.md").exists()
    assert elapsed < 15  # Python's start-up; the check itself does not wait (see below)


@needs_fifo
def test_fifo_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(BriefingError, match=r"pipe\.txt: not a regular file \(a named pipe\)"):
        read_document(str(fifo))
    assert time.monotonic() - started < 1


@needs_fifo
def test_symlink_to_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "article.txt").symlink_to(tmp_path / "pipe")
    with pytest.raises(BriefingError, match="named pipe"):
        read_document(str(tmp_path / "article.txt"))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_device_input_is_refused(tmp_path: Path) -> None:
    done, _ = run_cli("/dev/zero", "-o", "out.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "/dev/zero: not a regular file (a character device)" in done.stderr
    assert not (tmp_path / "out.md").exists()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_socket_input_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    if len(str(path)) > 100:
        pytest.skip("temporary path too long for a Unix socket")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        with pytest.raises(BriefingError, match=r"not a regular file \(a socket\)"):
            read_document(str(path))


def test_regular_file_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert [s.text for s in read_document(str(path)).sentences] == SENTENCES
    with pytest.raises(BriefingError, match="no such file"):
        read_document(str(tmp_path / "missing.txt"))
    with pytest.raises(BriefingError, match="no such file"):
        read_document(str(path / "below-a-file.txt"))
    with pytest.raises(BriefingError, match="is a directory"):
        read_document(str(tmp_path))


# ---------------------------------------------------------------- slow servers
HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2000\r\n\r\n"


def serve_once(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A one-connection server on 127.0.0.1 that answers with `answer`; yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def run() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)  # the request
            with contextlib.suppress(OSError):  # the client gave up
                answer(conn)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    listener.close()


def dribble(data: bytes, stop_after: float = 10.0) -> Callable[[socket.socket], None]:
    def answer(conn: socket.socket) -> None:
        started = time.monotonic()
        for i in range(len(data)):
            if time.monotonic() - started > stop_after:
                return
            conn.sendall(data[i : i + 1])
            time.sleep(0.2)

    return answer


@pytest.fixture
def dribbled_headers() -> Iterator[str]:
    yield from serve_once(dribble(HEADERS))


@pytest.fixture
def dribbled_body() -> Iterator[str]:
    def answer(conn: socket.socket) -> None:
        conn.sendall(HEADERS)
        dribble(b"word. " * 400)(conn)

    yield from serve_once(answer)


@pytest.fixture
def short_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "URL_TIMEOUT", 1.0)


@pytest.mark.usefixtures("short_deadline")
def test_headers_sent_a_byte_at_a_time_meet_the_deadline(dribbled_headers: str) -> None:
    started = time.monotonic()
    with pytest.raises(
        BriefingError, match=r"^http://127\.0\.0\.1:\d+/story: no answer within 1 s$"
    ):
        fetch(dribbled_headers)
    assert time.monotonic() - started < 2.0


@pytest.mark.usefixtures("short_deadline")
def test_body_sent_a_byte_at_a_time_meets_the_deadline(dribbled_body: str) -> None:
    started = time.monotonic()
    with pytest.raises(BriefingError, match=r"no complete answer within 1 s$"):
        read.read_url(dribbled_body)
    assert time.monotonic() - started < 2.0


@pytest.mark.usefixtures("short_deadline")
def test_dribbling_server_via_cli_is_one_line_exit_2(
    dribbled_body: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    started = time.monotonic()
    assert main([dribbled_body]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "within 1 s" in err and "Traceback" not in err
    assert time.monotonic() - started < 2.0


def test_stuck_name_lookup_meets_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_dns(*args: object, **kwargs: object) -> None:
        time.sleep(3)  # no real DNS query in tests
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", slow_dns)
    monkeypatch.setattr(read, "URL_GRACE", 0.2)
    started = time.monotonic()
    with pytest.raises(BriefingError, match=r"no answer within 0\.5 s"):
        fetch("http://news.invalid/story", timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_fast_server_still_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    body = ARTICLE.encode("utf-8")
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
    head += b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
    monkeypatch.setattr(read, "URL_TIMEOUT", 2.0)
    for url in serve_once(lambda conn: conn.sendall(head + body)):
        doc = read.read_url(url)
        assert doc.title == "Ferry fares to rise in spring"
        assert [s.text for s in doc.sentences] == SENTENCES


# ---------------------------------------------------------------- UTF-16 without BOM
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE.replace("4%", "4% (€2)").replace("director", "director, Renée Dubois,")
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(str(path))
    assert doc.title == "Ferry fares to rise in spring"
    assert doc.sentences[0].text == (
        "The island ferry company will raise fares by 4% (€2) from 1 March, "
        "its director, Renée Dubois, said."
    )


def test_utf16_html_without_bom(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Ferry fares</title></head><body><article><h1>Ferry fares</h1>"
        "<p>The island ferry company will raise fares by 4% from 1 March, its director said "
        "on Monday in a statement to local councillors and passengers.</p>"
        "<p>Season tickets for commuters stay at the old price until June, she added.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-16-le"))
    assert "raise fares by 4%" in read_document(str(path)).text


def test_nul_bytes_that_are_not_utf16_stay_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(ARTICLE.encode("utf-32-le"))
    with pytest.raises(BriefingError, match="binary"):
        read_document(str(path))
    path.write_bytes(b"A\x00" * 50 + b"\x00\x01\x02\x03" * 100)  # half text-like, then binary
    with pytest.raises(BriefingError, match="binary"):
        read_document(str(path))


# ---------------------------------------------------------------- mixed UTF-8 and Windows-1252
def test_utf8_and_cp1252_lines_both_read_right(tmp_path: Path) -> None:
    data = (
        "Café owners protest\n".encode()
        + "The café owners on Mill Street met on Tuesday.\n".encode()
        + "The plan is “naïve”, one owner said.\n".encode("cp1252")
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    doc = read_document(str(path))
    assert doc.title == "Café owners protest"
    assert [s.text for s in doc.sentences] == [
        "The café owners on Mill Street met on Tuesday.",
        "The plan is “naïve”, one owner said.",
    ]


def test_mixed_within_a_line(tmp_path: Path) -> None:
    data = "Renée’s".encode() + " café — ".encode("cp1252") + "€5, said Zoë.\n".encode()
    path = tmp_path / "line.txt"
    path.write_bytes(data)
    assert read_document(str(path)).text.strip() == "Renée’s café — €5, said Zoë."


def test_utf8_with_a_stray_cp1252_byte(tmp_path: Path) -> None:
    text = "Правительство объявило о новых мерах; министр назвал их "
    data = text.encode() + "“".encode("cp1252") + "разумными”.\n".encode()
    path = tmp_path / "stray.txt"
    path.write_bytes(data)
    assert read_document(str(path)).text.strip() == text + "“разумными”."


@pytest.mark.parametrize("charset", ["windows-1252", "ISO-8859-1", "utf-8"])
def test_mixed_html_with_declared_charset(charset: str) -> None:
    page = (
        f'<html><head><meta charset="{charset}"><title>Café</title></head><body><article>'
        "<h1>Café owners protest</h1><p>The café owners on Mill Street met on Tuesday to "
    ).encode() + (
        "discuss the “naïve” parking plan that the council adopted last month.</p>"
        "<p>A second meeting is planned for May, the owners said.</p></article></body></html>"
    ).encode("cp1252")
    doc = read.document_from_bytes(page, "cafe.html")
    assert "The café owners on Mill Street" in doc.text
    assert "the “naïve” parking plan" in doc.text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param(
            "КИЇВ. Кілька шкіл у місті відкриють нові класи у вересні, повідомили в міськраді.",
            "cp1251",
            id="ukrainian-cp1251",
        ),
        pytest.param(
            "The mayor’s “plan” — worth €5m – is naïve, said Renée in Zürich.",
            "cp1252",
            id="western-cp1252",
        ),
    ],
)
def test_single_legacy_encoding_is_not_read_as_mixed(
    tmp_path: Path, text: str, encoding: str
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes((text + "\n").encode(encoding))
    assert read_document(str(path)).text.strip() == text


def test_a_text_too_long_to_brief_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("briefing.read.MAX_TEXT_CHARS", 1_000)
    with pytest.raises(BriefingError, match=r"long.txt: text longer than 1,000 characters; brief"):
        document_from_text("The council met again today. " * 50, name="long.txt")
    assert document_from_text("The council met again today. " * 30).sentences
