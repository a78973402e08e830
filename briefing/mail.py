"""Deliver a briefing by e-mail: send the message briefing.render.eml builds through SMTP."""

from __future__ import annotations

import base64
import getpass
import os
import smtplib
import ssl
import sys
from email.message import EmailMessage

from briefing.model import BriefingError
from briefing.render.eml import check_address, make_message, to_eml

PASSWORD_ENV = "BRIEFING_SMTP_PASSWORD"
TIMEOUT = 30.0  # seconds for each SMTP connection step
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

__all__ = [
    "PASSWORD_ENV",
    "check_address",  # re-exported: building the message is briefing.render.eml's
    "make_message",
    "needs_tls",
    "parse_smtp",
    "send",
    "to_eml",
]


def parse_smtp(value: str) -> tuple[str, int]:
    """(host, port) from 'HOST:PORT' ('[::1]:25' for IPv6), or BriefingError."""
    host, sep, port = value.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise BriefingError(f"not HOST:PORT (e.g. smtp.example.org:587): {value!r}")
    return host, int(port)


def smtp_password(user: str) -> str:
    """The password from the environment, else from a prompt: never from the command line,
    where other users could read it in the process list."""
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        # No one to ask: getpass would read a line of standard input instead.
        raise BriefingError(f"no SMTP password: set {PASSWORD_ENV}")
    try:
        password = getpass.getpass(f"SMTP password for {user} (or set {PASSWORD_ENV}): ")
    except EOFError:
        password = ""
    if not password:
        raise BriefingError(f"no SMTP password given: type it at the prompt or set {PASSWORD_ENV}")
    return password


def needs_tls(host: str, user: str | None, starttls: bool) -> bool:
    """Whether logging in would send the password in clear to another machine."""
    return bool(user) and not starttls and host not in LOCAL_HOSTS


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
        raise BriefingError("no recipient: the message has no To address")
    if needs_tls(host, user, starttls):
        raise BriefingError("refusing to send a password unencrypted: use STARTTLS")
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
