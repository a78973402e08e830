"""The .eml message and SMTP sending, end to end against a local aiosmtpd server."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, message_from_string, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from briefing import cli
from briefing.mail import PASSWORD_ENV, parse_smtp, send
from briefing.model import BriefingError
from briefing.render import to_text
from briefing.render.eml import check_address, make_message, to_eml
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
    from dataclasses import replace

    msg = parse(to_eml(replace(full(), title="Line one\r\nBcc: evil@example.org")))
    assert msg["Subject"] == "Line one Bcc: evil@example.org"
    assert msg["Bcc"] is None


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
    with smtp_server(login=True, auth_require_tls=False) as (inbox, port):
        code, err = send_as_ann(article, "127.0.0.1", port, capsys)
    assert code == 0, err
    assert prompts == [f"SMTP password for ann (or set {PASSWORD_ENV}): "]
    assert inbox.logins == [("ann", "sésame")]


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
