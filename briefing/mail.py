"""Deliver a briefing by e-mail: build a standard MIME message, write it as .eml, send it by SMTP.

Built with the standard library's `email` package. The message is multipart/alternative: the
plain-text briefing first, the HTML briefing second (clients show the last part they can).
"""

from __future__ import annotations

import base64
import getpass
import os
import re
import smtplib
import ssl
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr

from briefing.html import to_html
from briefing.model import Briefing, BriefingError
from briefing.render import to_text

PASSWORD_ENV = "BRIEFING_SMTP_PASSWORD"
TIMEOUT = 30.0  # seconds for each SMTP connection step
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def check_address(addr: str) -> str:
    """The address as given, or BriefingError when it is not a single mailbox."""
    found = getaddresses([addr])
    mailbox = found[0][1] if len(found) == 1 else ""
    # CR/LF would let an address add headers of its own; getaddresses alone does not catch it.
    if "\r" in addr or "\n" in addr or not re.fullmatch(r"[^@\s]+@[^@\s]+", mailbox):
        raise BriefingError(f"not an e-mail address: {addr!r}")
    return addr


def make_message(
    b: Briefing,
    *,
    sender: str | None = None,
    to: str | None = None,
    date: datetime | None = None,
) -> EmailMessage:
    """The briefing as a multipart/alternative message (UTF-8 plain text and HTML)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = " ".join(b.title.split())  # a title with line breaks would break the header
    msg["Date"] = format_datetime(date or datetime.now(UTC))
    if sender:
        msg["From"] = check_address(sender)
    if to:
        msg["To"] = check_address(to)
    domain = parseaddr(sender or "")[1].rpartition("@")[2] or "briefing.invalid"
    msg["Message-ID"] = make_msgid(domain=domain)
    # Quoted-printable keeps every line under SMTP's 998-character limit (the inlined HTML has
    # long lines) and leaves the text readable in the raw message.
    msg.set_content(to_text(b), charset="utf-8", cte="quoted-printable")
    msg.add_alternative(to_html(b), subtype="html", charset="utf-8", cte="quoted-printable")
    for part in msg.iter_parts():
        del part["MIME-Version"]  # add_alternative copies it into the part; it belongs on top
    return msg


def to_eml(b: Briefing, *, sender: str | None = None, to: str | None = None) -> str:
    """The briefing as the text of an .eml file (CRLF line ends, as RFC 5322 wants)."""
    return make_message(b, sender=sender, to=to).as_string()


def parse_smtp(value: str) -> tuple[str, int]:
    """(host, port) from 'HOST:PORT' ('[::1]:25' for IPv6), or BriefingError."""
    host, sep, port = value.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise BriefingError(f"--smtp wants HOST:PORT, e.g. smtp.example.org:587, not {value!r}")
    return host, int(port)


def smtp_password(user: str) -> str:
    """The password from the environment, else from a prompt: never from the command line,
    where other users could read it in the process list."""
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    try:
        return getpass.getpass(f"SMTP password for {user} (or set {PASSWORD_ENV}): ")
    except EOFError:
        raise BriefingError(f"no SMTP password: set {PASSWORD_ENV}") from None


def send(
    msg: EmailMessage,
    host: str,
    port: int,
    *,
    starttls: bool = False,
    user: str | None = None,
    password: str | None = None,
    tls_context: ssl.SSLContext | None = None,
) -> None:
    """Send msg through the SMTP server host:port. Failures raise a one-line BriefingError."""
    if not msg["To"]:
        raise BriefingError("no recipient: give --to")
    if user and not starttls and host not in LOCAL_HOSTS:
        raise BriefingError("refusing to send a password unencrypted: add --starttls")
    try:
        with smtplib.SMTP(host, port, timeout=TIMEOUT) as server:
            if starttls:
                server.starttls(context=tls_context or ssl.create_default_context())
            if user:
                login(server, user, password if password is not None else smtp_password(user))
            server.send_message(msg)
    except smtplib.SMTPException as err:
        raise BriefingError(f"SMTP {host}:{port}: {_one_line(err)}") from None
    except OSError as err:  # refused, unknown host, timeout, TLS failure
        raise BriefingError(f"cannot reach SMTP server {host}:{port}: {_one_line(err)}") from None


def login(server: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; smtplib sends only ASCII credentials, so others go by AUTH PLAIN in UTF-8,
    as RFC 4616 defines it."""
    if (user + password).isascii():
        server.login(user, password)
        return
    server.ehlo_or_helo_if_needed()
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = server.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split()) or type(err).__name__
