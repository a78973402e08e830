"""The briefing as an e-mail message: a standard MIME message, written as an .eml file.

Built with the standard library's `email` package. The message is multipart/alternative: the
plain-text briefing first, the HTML briefing second (clients show the last part they can).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr

from briefing.model import Briefing, BriefingError
from briefing.render.html import to_html
from briefing.render.plain import to_text


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
