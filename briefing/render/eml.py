"""The briefing as an e-mail message: a standard MIME message, written as an .eml file.

Built with the standard library's `email` package. The message is multipart/alternative: the
plain-text briefing first, the HTML briefing second (clients show the last part they can).
"""

from __future__ import annotations

import base64
import re
import unicodedata
from datetime import UTC, datetime
from email import message_from_string, policy
from email.message import EmailMessage
from email.policy import EmailPolicy, Policy
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


# Characters that must not reach a header as themselves: C0/C1 controls (CR, LF, NUL, TAB...),
# lone surrogates, and the line and paragraph separators that str.splitlines() breaks at.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_READER = policy.default  # how a receiving program parses the message
_EW_BYTES = 42  # UTF-8 bytes per encoded word: "Subject: =?utf-8?b?<56 chars>?=" is 77 columns


def subject_text(title: str) -> str:
    """The title as one line of plain text: control characters and line breaks become spaces,
    runs of white space one space."""
    safe = "".join(" " if unicodedata.category(c) in _UNSAFE_CATEGORIES else c for c in title)
    return " ".join(safe.split())


class Subject(str):
    """A Subject header value that the email package stores and writes as is.

    A plain string given to an EmailMessage is parsed by the policy's header factory, which
    *decodes* any RFC 2047 encoded word in it: a title holding "=?utf-8?q?=0D=0ABcc=3A_x?="
    would be written out with a raw CR LF and a header of its own. An object with a `name` is
    kept unparsed (EmailPolicy.header_store_parse) and folded by its own `fold`, so the text
    here is always the text the reader sees.
    """

    name = "Subject"

    def fold(self, *, policy: Policy) -> str:
        return fold_subject(str(self), policy)


def fold_subject(text: str, policy: Policy) -> str:
    """'Subject: ...' for text (already one line, see subject_text) as the policy writes it,
    or as encoded words when that would not read back as exactly one Subject holding text.

    Text with "=?" is always encoded: it may look like an encoded word to some reader (some
    decode "=?...?=" even inside a word), and encoding it makes the reader show it literally,
    as the title has it, since encoded words are decoded once, never again.
    """
    linesep = policy.linesep
    if "=?" not in text and isinstance(policy, EmailPolicy):
        header = policy.header_factory("Subject", text)
        if str(header) == text:
            folded: str = header.fold(policy=policy)
            if _reads_back(folded, text, policy):
                return folded
    return "Subject: " + f"{linesep} ".join(_encoded_words(text)) + linesep


def _reads_back(folded: str, text: str, policy: Policy) -> bool:
    """Whether a reader finds exactly one header, a Subject holding text, in folded lines that
    are no longer than the policy allows."""
    lines = folded.removesuffix(policy.linesep).split(policy.linesep)
    limit = policy.max_line_length or None
    if limit is not None and any(len(line) > limit for line in lines):
        return False
    if any(line[:1] not in (" ", "\t") for line in lines[1:]):
        return False
    msg = message_from_string(folded + policy.linesep, policy=_READER)
    return msg.keys() == ["Subject"] and str(msg["Subject"]) == text and not msg.defects


def _encoded_words(text: str) -> list[str]:
    """text as RFC 2047 UTF-8 "B" encoded words, each whole characters and at most 68 columns;
    a reader joins them without the folding white space between them."""
    words: list[str] = []
    chunk = b""
    for char in text:
        data = char.encode("utf-8")
        if len(chunk) + len(data) > _EW_BYTES:
            words.append(_encoded_word(chunk))
            chunk = b""
        chunk += data
    if chunk:  # an empty encoded word is not one (RFC 2047 wants encoded text)
        words.append(_encoded_word(chunk))
    return words


def _encoded_word(data: bytes) -> str:
    return "=?utf-8?b?" + base64.b64encode(data).decode("ascii") + "?="


def make_message(
    b: Briefing,
    *,
    sender: str | None = None,
    to: str | None = None,
    date: datetime | None = None,
) -> EmailMessage:
    """The briefing as a multipart/alternative message (UTF-8 plain text and HTML)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = Subject(subject_text(b.title))  # one header, whatever the title holds
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
