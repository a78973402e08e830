"""The .eml message and SMTP sending, end to end against a local aiosmtpd server."""

from __future__ import annotations

import base64
import shutil
import socket
import ssl
import subprocess
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from email import message_from_bytes, message_from_string, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import Options, brief_text, cli, make_briefing
from briefing.batch import Job, Task, brief_task
from briefing.mail import PASSWORD_ENV, parse_smtp, send
from briefing.model import Briefing, BriefingError
from briefing.read import document_from_html, document_from_markdown
from briefing.render import to_text
from briefing.render.eml import check_address, make_message, subject_text, to_eml
from briefing.render.html import to_html
from tests.briefings import full

ARTICLE = "The council approved the budget on Monday. Work starts in March.\n"


def parse(eml: str) -> EmailMessage:
    msg = message_from_string(eml, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def lf(text: str) -> str:
    """Text with the CRLF line ends of the wire turned back into Python's."""
    return text.replace("\r\n", "\n")


def parts(msg: EmailMessage) -> tuple[EmailMessage, EmailMessage]:
    text, html = msg.iter_parts()
    assert isinstance(text, EmailMessage) and isinstance(html, EmailMessage)
    return text, html


# --- the message ------------------------------------------------------------------------------


def test_eml_is_multipart_alternative_text_then_html_in_utf8() -> None:
    msg = parse(to_eml(full()))
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["MIME-Version"] == "1.0"
    text, html = parts(msg)
    assert text.get_content_type() == "text/plain" and text.get_content_charset() == "utf-8"
    assert html.get_content_type() == "text/html" and html.get_content_charset() == "utf-8"
    assert lf(text.get_content()) == to_text(full())
    assert lf(html.get_content()) == to_html(full())
    assert "MIME-Version" not in text and "MIME-Version" not in html


def test_eml_headers_subject_date_from_to() -> None:
    msg = parse(to_eml(full(), sender="Briefing <news@example.org>", to="Ann <ann@example.com>"))
    assert msg["Subject"] == "Zürich approves €1.2 billion rebuild of the Hardbrücke viaduct"
    assert msg["From"] == "Briefing <news@example.org>"
    assert msg["To"] == "Ann <ann@example.com>"
    assert parsedate_to_datetime(msg["Date"]).tzinfo is not None
    assert msg["Message-ID"].endswith("@example.org>")


def test_eml_without_addresses_has_no_from_or_to() -> None:
    msg = parse(to_eml(full()))
    assert msg["From"] is None and msg["To"] is None and msg["Subject"]


def test_eml_is_crlf_ascii_with_short_lines() -> None:
    eml = to_eml(full())
    assert eml.isascii()  # UTF-8 travels encoded: headers as encoded words, bodies as QP
    lines = eml.split("\r\n")
    assert "\n" not in "".join(lines)
    assert max(len(line) for line in lines) <= 78


def test_subject_is_one_line_when_the_title_has_line_breaks() -> None:
    msg = parse(to_eml(replace(full(), title="Line one\r\nBcc: evil@example.org")))
    assert msg["Subject"] == "Line one Bcc: evil@example.org"
    assert msg["Bcc"] is None


# --- the subject is one header, whatever the title holds ---------------------------------------

# A title whose RFC 2047 encoded word holds CR LF: decoded into the header, it adds a Reply-To.
INJECTING = "Breaking =?utf-8?q?news=0D=0AReply-To=3A_evil=40x?= today"
BODY = (
    "The council approved the budget on Monday. Work starts in March. "
    "The mayor said the plan was sound and the works would end next year.\n"
)
HEADERS = ["Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]
WITH_ADDRESSES = ["Subject", "Date", "From", "To", "Message-ID", "MIME-Version", "Content-Type"]


def b_word(raw: bytes, charset: str = "utf-8") -> str:
    return f"=?{charset}?b?{base64.b64encode(raw).decode('ascii')}?="


def one_line(title: str) -> str:
    """The subject a title should give: controls and line breaks as spaces, spaces collapsed."""
    unsafe = {"Cc", "Cs", "Zl", "Zp"}
    return " ".join("".join(" " if unicodedata.category(c) in unsafe else c for c in title).split())


def checked(eml: str | bytes, subject: str, headers: list[str] = HEADERS) -> EmailMessage:
    """The message parsed as a receiver would: exactly these headers, one Subject reading
    `subject`, and a header block of folded lines no longer than 78 columns."""
    raw = eml.encode("utf-8") if isinstance(eml, str) else eml
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg.keys() == headers
    assert str(msg["Subject"]) == subject
    assert not {"\r", "\n", "\0"} & set(str(msg["Subject"]))
    assert msg["Reply-To"] is None and msg["Bcc"] is None
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert raw.isascii() and b"\n" not in b"".join(head) and b"\r" not in b"".join(head)
    names = [line.split(b":", 1)[0].decode() for line in head if not line[:1].isspace()]
    assert names == headers  # every other line is a continuation of the one before
    assert max(len(line) for line in head) <= 78
    return msg


def with_title(title: str) -> Briefing:
    return replace(full(), title=title)


@pytest.mark.parametrize(
    "title",
    [
        INJECTING,
        f"Update {b_word(b'x' + bytes([13, 10]) + b'Bcc: evil@example.org')} now",
        "=?UTF-8?Q?a=0D=0ABcc:_evil@example.org?=",
        "=?iso-8859-1?q?caf=E9=0ABcc=3A_evil=40example=2Eorg?=",
        "glued=?utf-8?q?=0D=0ABcc:_evil@example.org?=words",
        "=?utf-8*en?q?=0D=0AReply-To:_evil@example.org?=",
        "Zürich =?utf-8?q?=0D=0ABcc:_x@y?= €",
        "=?utf-8?q?=00=0D=0A=0D=0Abody?=",
    ],
)
def test_encoded_words_in_the_title_are_shown_literally(title: str) -> None:
    msg = checked(to_eml(with_title(title)), title)
    assert msg["Subject"] == title  # the text a client shows: the title, nothing decoded


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Line one\r\nBcc: evil@example.org", "Line one Bcc: evil@example.org"),
        ("Carriage\rReply-To: evil@example.org", "Carriage Reply-To: evil@example.org"),
        ("Line\nBcc: evil@example.org", "Line Bcc: evil@example.org"),
        ("Nul\0Bcc: evil@example.org", "Nul Bcc: evil@example.org"),
        ("Next line\x85Bcc: x@y", "Next line Bcc: x@y"),
        ("Separator\u2028Bcc: x@y\u2029z", "Separator Bcc: x@y z"),
        ("\tTabs\x0band\x0cfeeds\x1c\x7f\x9b end ", "Tabs and feeds end"),
        ("\r\n\r\n", ""),
    ],
)
def test_control_characters_in_the_title_become_spaces(title: str, subject: str) -> None:
    assert subject_text(title) == subject
    checked(to_eml(with_title(title)), subject)


@pytest.mark.parametrize(
    "title",
    [
        "word " * 400 + INJECTING,
        "a" * 2000,
        "é" * 700 + "\r\nBcc: evil@example.org",
        ("Reply-To: x@y " * 100).strip(),
        ("Bcc:" + " " * 80) * 20 + "end",
    ],
)
def test_a_long_title_folds_into_one_header(title: str) -> None:
    checked(to_eml(with_title(title)), one_line(title))


def test_a_plain_title_stays_plain_text_in_the_raw_message() -> None:
    eml = to_eml(with_title("Council approves the budget for 2027"))
    assert "\r\nSubject: Council approves the budget for 2027\r\n" in "\r\n" + eml


def test_subject_is_safe_when_written_with_utf8_headers() -> None:
    """smtplib writes the message with utf8=True for a non-ASCII address: still one Subject."""
    msg = make_message(with_title(INJECTING + " — Zürich"), to="ann@example.com")
    raw = msg.as_bytes(policy=policy.SMTPUTF8)  # what smtplib's clone(utf8=True) gives
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed.keys() == ["Subject", "Date", "To", "Message-ID", "MIME-Version", "Content-Type"]
    assert parsed["Subject"] == INJECTING + " — Zürich"


# The title through each way in: text's first line, HTML <title>, Markdown heading, batch record.
def test_title_of_text_via_brief_text() -> None:
    b = brief_text(INJECTING + "\n" + BODY)
    assert b.title == INJECTING
    checked(to_eml(b), INJECTING)


def test_title_of_html_page() -> None:
    html = (
        f"<html><head><title>{INJECTING}</title></head><body><article>"
        f"<h1>{INJECTING}</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    b = make_briefing(document_from_html(html), Options())
    assert b.title == INJECTING
    checked(to_eml(b), INJECTING)


def test_title_of_markdown_heading() -> None:
    b = make_briefing(document_from_markdown(f"# {INJECTING}\n\n{BODY}"), Options())
    assert b.title == INJECTING
    checked(to_eml(b), INJECTING)


def test_title_of_a_batch_record(tmp_path: Path) -> None:
    target = tmp_path / "rec.briefing.eml"
    task = Task("rec", "line 1", text=BODY, title=INJECTING)
    outcome = brief_task(Job(Options(), "eml"), task, str(target))
    assert outcome.error is None
    checked(target.read_bytes(), INJECTING)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("article.txt", f"{INJECTING}\n{BODY}"),
        ("article.md", f"# {INJECTING}\n\n{BODY}"),
        (
            "article.html",
            f"<html><head><title>{INJECTING}</title></head><body><article>"
            f"<p>{BODY}</p><p>{BODY}</p></article></body></html>",
        ),
    ],
)
def test_cli_eml_of_each_input_kind(
    name: str, content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, out = tmp_path / name, tmp_path / "out.eml"
    path.write_text(content, encoding="utf-8")
    code, err = run([str(path), "--format", "eml", "-o", str(out)], capsys)
    assert code == 0, err
    checked(out.read_bytes(), INJECTING)


def test_cli_send_delivers_one_subject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"{INJECTING}\n{BODY}", encoding="utf-8")
    argv = ["send", str(path), "--to", "ann@example.com", "--from", "news@example.org"]
    with smtp_server() as (inbox, port):
        code, err = run([*argv, "--smtp", f"127.0.0.1:{port}"], capsys)
    assert code == 0, err
    (envelope,) = inbox.envelopes
    assert envelope.rcpt_tos == ["ann@example.com"]
    checked(envelope.original_content, INJECTING, WITH_ADDRESSES)


def test_send_of_a_title_with_raw_and_encoded_line_breaks() -> None:
    title = f"{INJECTING}\r\nBcc: evil@example.org"
    msg = make_message(with_title(title), sender="news@example.org", to="ann@example.com")
    with smtp_server() as (inbox, port):
        send(msg, "127.0.0.1", port)
    (envelope,) = inbox.envelopes
    assert envelope.rcpt_tos == ["ann@example.com"]
    checked(envelope.original_content, one_line(title), WITH_ADDRESSES)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_title_gives_exactly_one_subject(title: str) -> None:
    eml = to_eml(with_title(title), sender="news@example.org", to="ann@example.com")
    checked(eml, one_line(title), WITH_ADDRESSES)


# Pieces that make encoded words, broken ones and line breaks likely, not just possible.
PIECES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["=?", "?=", "=?utf-8?q?", "=?UTF-8?B?", "?q?", "=0D=0A", "=0A", "_", " ", "\r\n", "\n"]
    ),
    st.sampled_from(["Bcc: evil@example.org", "Reply-To: x@y", "Subject: again"]),
    st.text(max_size=20).map(lambda t: b_word(t.encode("utf-8", "surrogatepass"))),
    st.binary(max_size=20).map(lambda b: b_word(b, "iso-8859-1")),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_any_title_with_encoded_words_gives_exactly_one_subject(title: str) -> None:
    checked(to_eml(with_title(title)), one_line(title))


@pytest.mark.parametrize(
    "addr", ["nobody", "a@b, c@d", "ann@example.org\r\nBcc: evil@example.org", "@example.org", ""]
)
def test_bad_addresses_are_refused(addr: str) -> None:
    with pytest.raises(BriefingError, match="not an e-mail address"):
        check_address(addr)


def test_good_addresses_are_kept() -> None:
    assert check_address("ann@example.org") == "ann@example.org"
    assert check_address("Ann Lee <ann@example.org>") == "Ann Lee <ann@example.org>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("smtp.example.org:587", ("smtp.example.org", 587)), ("[::1]:25", ("::1", 25))],
)
def test_parse_smtp(value: str, expected: tuple[str, int]) -> None:
    assert parse_smtp(value) == expected


@pytest.mark.parametrize("value", ["smtp.example.org", "host:", ":25", "host:0", "h:70000", "h:x"])
def test_parse_smtp_refuses_bad_values(value: str) -> None:
    with pytest.raises(BriefingError, match="HOST:PORT"):
        parse_smtp(value)


# --- a real SMTP server on localhost ----------------------------------------------------------


class Inbox:
    """aiosmtpd handler keeping what it receives."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def authenticate(self, *args: Any) -> AuthResult:
        data = args[-1]
        assert isinstance(data, LoginPassword)
        login = (data.login.decode(), data.password.decode())
        self.logins.append(login)
        return AuthResult(success=login == ("ann", "sésame"), handled=False)

    def message(self) -> EmailMessage:
        (envelope,) = self.envelopes
        msg = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        return msg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def smtp_server(**options: Any) -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    if options.pop("login", False):
        options["authenticator"] = inbox.authenticate
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An article file whose briefing is full(), whatever the extraction stages find."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(cli, "make_briefing", lambda doc, options: full())
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    return code, capsys.readouterr().err


def test_send_delivers_the_message() -> None:
    msg = make_message(full(), sender="news@example.org", to="ann@example.com")
    with smtp_server() as (inbox, port):
        send(msg, "127.0.0.1", port)
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "news@example.org"
    assert envelope.rcpt_tos == ["ann@example.com"]


def test_cli_send_end_to_end(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    with smtp_server() as (inbox, port):
        code, err = run(
            [
                "send",
                article,
                "--to",
                "Ann <ann@example.com>",
                "--from",
                "news@example.org",
                "--smtp",
                f"127.0.0.1:{port}",
            ],
            capsys,
        )
    assert code == 0, err
    assert err == f"sent to Ann <ann@example.com> via 127.0.0.1:{port}\n"
    msg = inbox.message()
    assert msg["Subject"] == full().title
    assert msg["From"] == "news@example.org" and msg["To"] == "Ann <ann@example.com>"
    assert msg["Date"] and msg["Message-ID"]
    assert msg.get_content_type() == "multipart/alternative"
    text, html = parts(msg)
    assert lf(text.get_content()) == to_text(full())
    assert lf(html.get_content()) == to_html(full())
    raw_text = text.get_payload(decode=True)
    assert isinstance(raw_text, bytes)
    assert "Zürich approves €1.2 billion".upper() in raw_text.decode("utf-8")


def send_as_ann(
    article: str, host: str, port: int, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """`briefing send` of article to a local server, logging in as ann."""
    argv = ["send", article, "--to", "ann@example.com", "--smtp", f"{host}:{port}"]
    return run([*argv, "--user", "ann"], capsys)


def test_cli_send_logs_in_with_the_password_from_the_environment(
    article: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "sésame")
    with smtp_server(login=True, auth_require_tls=False) as (inbox, port):
        code, err = send_as_ann(article, "localhost", port, capsys)
    assert code == 0, err
    assert inbox.logins == [("ann", "sésame")]
    assert len(inbox.envelopes) == 1


def test_password_is_asked_for_when_not_in_the_environment(
    article: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return "sésame"

    monkeypatch.setattr("getpass.getpass", getpass)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    with smtp_server(login=True, auth_require_tls=False) as (inbox, port):
        code, err = send_as_ann(article, "127.0.0.1", port, capsys)
    assert code == 0, err
    assert prompts == [f"SMTP password for ann (or set {PASSWORD_ENV}): "]
    assert inbox.logins == [("ann", "sésame")]


@pytest.mark.parametrize("terminal", [True, False])
def test_no_password_at_hand_is_a_one_line_error_and_nothing_is_sent(
    terminal: bool,
    article: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On a terminal the prompt is answered with nothing; without one there is no one to ask.
    monkeypatch.setattr("getpass.getpass", lambda prompt: "")
    monkeypatch.setattr("sys.stdin.isatty", lambda: terminal)
    with smtp_server(login=True, auth_require_tls=False) as (inbox, port):
        code, err = send_as_ann(article, "127.0.0.1", port, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and PASSWORD_ENV in err
    assert inbox.logins == [] and inbox.envelopes == []


def test_wrong_password_is_a_one_line_error(
    article: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    with smtp_server(login=True, auth_require_tls=False) as (inbox, port):
        code, err = send_as_ann(article, "127.0.0.1", port, capsys)
    assert code == 2
    assert err.startswith(f"briefing: error: SMTP 127.0.0.1:{port}: (535")
    assert err.count("\n") == 1
    assert inbox.envelopes == []


def test_no_password_is_sent_unencrypted_to_another_host() -> None:
    msg = make_message(full(), to="ann@example.com")
    with pytest.raises(BriefingError, match="use STARTTLS"):
        send(msg, "smtp.example.org", 25, user="ann", password="sésame")


def test_cli_names_the_option_that_encrypts(
    article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = send_as_ann(article, "smtp.example.org", 25, capsys)  # refused before connecting
    assert code == 2
    assert err == "briefing: error: refusing to send a password unencrypted: add --starttls\n"


def test_library_errors_name_no_command_line_option() -> None:
    with pytest.raises(BriefingError, match="no To address") as no_to:
        send(make_message(full()), "127.0.0.1", 25)
    with pytest.raises(BriefingError) as bad_server:
        parse_smtp("localhost")
    assert "--" not in str(no_to.value) + str(bad_server.value)


def test_there_is_no_password_option(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["send", "a.txt", "--to", "a@b.org", "--smtp", "h:25", "--password", "x"])
    err = capsys.readouterr().err
    assert code == 2
    assert "unrecognized arguments: --password" in err
    assert err.count("\n") == 1


def test_refused_connection_is_a_one_line_error(
    article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()  # nothing listens there
    code, err = run(["send", article, "--to", "a@b.org", "--smtp", f"127.0.0.1:{port}"], capsys)
    assert code == 2
    assert err.startswith(f"briefing: error: cannot reach SMTP server 127.0.0.1:{port}: ")
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("value", ["localhost", "localhost:smtp", "localhost:0", ":25"])
def test_bad_smtp_value_is_a_one_line_error(
    value: str, article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(["send", article, "--to", "a@b.org", "--smtp", value], capsys)
    assert code == 2
    assert err == (
        f"briefing: error: --smtp: not HOST:PORT (e.g. smtp.example.org:587): {value!r}\n"
    )


def test_cli_eml_with_from_and_to(
    article: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.eml"
    code, err = run(
        [
            article,
            "--format",
            "eml",
            "--from",
            "news@example.org",
            "--to",
            "ann@example.com",
            "-o",
            str(out),
        ],
        capsys,
    )
    assert code == 0, err
    msg = message_from_bytes(out.read_bytes(), policy=policy.default)
    assert (msg["From"], msg["To"], msg["Subject"]) == (
        "news@example.org",
        "ann@example.com",
        full().title,
    )
    assert b"\r\n" in out.read_bytes()


# --- STARTTLS, with a certificate made for the test -------------------------------------------


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def server_tls(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def test_cli_send_with_starttls_and_login(
    certificate: tuple[Path, Path],
    article: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts the test certificate
    monkeypatch.setenv(PASSWORD_ENV, "sésame")
    tls = server_tls(cert, key)
    with smtp_server(login=True, tls_context=tls, require_starttls=True) as (inbox, port):
        code, err = run(
            [
                "send",
                article,
                "--to",
                "ann@example.com",
                "--smtp",
                f"localhost:{port}",
                "--starttls",
                "--user",
                "ann",
            ],
            capsys,
        )
    assert code == 0, err
    assert inbox.logins == [("ann", "sésame")]
    assert inbox.message()["Subject"] == full().title


def test_server_requiring_starttls_refuses_plain_sending(
    certificate: tuple[Path, Path], article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tls = server_tls(*certificate)
    with smtp_server(tls_context=tls, require_starttls=True) as (inbox, port):
        code, err = run(["send", article, "--to", "a@b.org", "--smtp", f"127.0.0.1:{port}"], capsys)
    assert code == 2
    assert "STARTTLS" in err and err.count("\n") == 1
    assert inbox.envelopes == []


def test_untrusted_certificate_is_a_one_line_error(
    certificate: tuple[Path, Path], article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tls = server_tls(*certificate)  # SSL_CERT_FILE not set: the client does not trust it
    with smtp_server(tls_context=tls, require_starttls=True) as (inbox, port):
        code, err = run(
            ["send", article, "--to", "a@b.org", "--smtp", f"localhost:{port}", "--starttls"],
            capsys,
        )
    assert code == 2
    assert "CERTIFICATE_VERIFY_FAILED" in err and err.count("\n") == 1
    assert inbox.envelopes == []
