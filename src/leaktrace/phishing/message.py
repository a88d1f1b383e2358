"""Messages to analyse: SMS text, plain e-mail text, or a raw RFC 5322 (.eml) e-mail.

:func:`parse_message` is the one entry point. It refuses, with one :class:`InputError`, what
cannot be a message: nothing, something too large, binary data, an .eml cut short. An .eml is
read with the stdlib ``email`` package (``policy.compat32``: headers stay as written, and
only From and Subject are decoded); its HTML parts go through
:mod:`leaktrace.phishing._html` so that link targets and link texts are both kept. Nothing is
ever fetched: images, links and attachments are only described, by name and type.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, field
from email import policy
from email.errors import CloseBoundaryNotFoundDefect, StartBoundaryNotFoundDefect
from email.header import decode_header, make_header
from email.message import Message as StdMessage
from email.utils import parseaddr
from typing import Literal

from leaktrace.errors import InputError
from leaktrace.phishing._html import html_fields, looks_like_html
from leaktrace.phishing._undecoded import as_text, part_text, undecoded_parts
from leaktrace.phishing.sender import read_sender

__all__ = [
    "MAX_EML_BYTES",
    "MAX_TEXT_CHARS",
    "Attachment",
    "Channel",
    "Message",
    "looks_like_eml",
    "parse_message",
]

Channel = Literal["sms", "email"]
MAX_TEXT_CHARS = 200_000  # far above any SMS or mail text; protects the regexes' running time
MAX_EML_BYTES = 10_000_000  # a mail with a few attachments
_SENDER_FOR_TEXTS = "a sender is given for texts only: an e-mail's sender is its From: header"
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]", re.MULTILINE)
_KEY_HEADERS = re.compile(
    rb"^(from|received|return-path|message-id|mime-version|date|to):", re.IGNORECASE | re.MULTILINE
)
_SUBJECT_LINE = re.compile(r"^\s*(objet|subject|sujet)\s*:\s*(.*)$", re.IGNORECASE)
# Control characters other than tab, line feed, form feed and carriage return, as the bytes
# of every other character: deleting those from UTF-8 leaves one byte per control character.
_NOT_CONTROLS = bytes(b for b in range(256) if not (b <= 0x08 or b == 0x0B or 0x0E <= b <= 0x1F))
_AUTH = re.compile(r"\b(spf|dkim|dmarc)\s*=\s*([a-z]+)", re.IGNORECASE)
# "type/subtype; charset=x", as nearly every mailer writes its Content-Type: the charset that
# get_content_charset() returns, read without its RFC 2231 parameter parser. (The type is a
# parameter to it too: with a "/" and no "=", it is never one named "charset".)
_PLAIN_CHARSET = re.compile(
    r'[^;"\\=/]*/[^;"\\=]*;[ \t]*[Cc][Hh][Aa][Rr][Ss][Ee][Tt]=("?)([A-Za-z0-9._:+-]+)\1'
)
# A header block of plain "Name: value" lines and their continuations, as the feed parser
# reads it (no envelope "From " line, nothing it would flag as a defect).
_FIELD_NAME = r"[\041-\071\073-\176]+"  # printable ASCII but the colon
_FIELD_LINES = r"[^\n]*\n(?:[ \t][^\n]*\n)*"  # the rest of the line and its continuations
_HEADER_FIELD = re.compile(rf"({_FIELD_NAME}):[ \t]*({_FIELD_LINES})")
_HEADER_BLOCK = re.compile(rf"(?:{_FIELD_NAME}:{_FIELD_LINES})+")
# The shapes nearly every sender writes ("Name <a@b.c>", '"Name" <a@b.c>', "<a@b.c>", "a@b.c"),
# which parseaddr() returns as written; anything else (comments, escapes, groups) goes to it.
_ATOM = r"[^()<>@,:;.\"\[\] \t\r\n]+"
_PHRASE_WORD = r"[^()<>@,:;\"\[\] \t\r\n]+"  # a display name may hold dots ("J. Doe")
_ADDR_SPEC = rf"{_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*"
_PLAIN_ADDRESS = re.compile(
    rf'(?:({_PHRASE_WORD}(?: {_PHRASE_WORD})*) ?|"([^"\\\r]*)" ?)?<({_ADDR_SPEC})>|({_ADDR_SPEC})'
)


@dataclass(frozen=True, slots=True)
class Attachment:
    """An attachment as declared: never opened."""

    filename: str
    content_type: str


@dataclass(frozen=True, slots=True)
class Message:
    """What the rules look at. ``body`` is plain text; HTML anchors are in ``links``."""

    channel: Channel
    body: str
    subject: str = ""
    from_name: str = ""
    from_addr: str = ""
    reply_to: str = ""
    return_path: str = ""
    to_addr: str = ""  # the first address of To: (Delivered-To: without one)
    auth: dict[str, str] = field(default_factory=dict)  # {"spf": "pass", "dmarc": "fail"}
    links: tuple[tuple[str, str], ...] = ()  # HTML anchors as (href, visible text)
    attachments: tuple[Attachment, ...] = ()
    is_eml: bool = False
    form_fields: tuple[str, ...] = ()  # HTML form fields as "type:name" ("password:pass")
    sender: str = ""  # a text's sender as the phone shows it (checked by ``read_sender``)

    @property
    def authenticated(self) -> bool:
        """The receiving server vouches for the sender: DMARC pass, or both DKIM and SPF."""
        auth = self.auth
        return auth.get("dmarc") == "pass" or (
            auth.get("dkim") == "pass" and auth.get("spf") == "pass"
        )

    @property
    def text(self) -> str:
        """Subject and body, the text every lure rule reads."""
        return f"{self.subject}\n{self.body}" if self.subject else self.body


def looks_like_eml(data: bytes) -> bool:
    """A block of at least two header lines, one of them a transport header, at the top."""
    head = data[:4096].lstrip()
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    return (
        _HEADER.match(block) is not None
        and len(_HEADER.findall(block)) >= 2
        and _KEY_HEADERS.search(block) is not None
    )


def _check_text(text: str) -> str:
    if not text or text.isspace():
        raise InputError("the message is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"the message is too large (more than {MAX_TEXT_CHARS:,} characters)")
    head = text[:4096]
    controls = len(head.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROLS))
    if "\x00" in text or controls > len(head) // 10:
        raise InputError("the message is not text (binary data?)")
    return text


def _plain(text: str, channel: Channel, sender: str) -> Message:
    subject, body = "", text
    if channel == "email":
        first, _, rest = text.lstrip().partition("\n")
        match = _SUBJECT_LINE.match(first)
        if match:
            subject, body = match.group(2).strip(), rest
    return Message(channel=channel, body=body.strip(), subject=subject, sender=sender)


def _header(msg: StdMessage, name: str) -> str:
    """A header with its RFC 2047 encoded words decoded (From, Subject).

    ``policy.compat32`` leaves headers as written, which is what makes it cheap; only the two
    headers a person reads are decoded, here. Raw 8-bit text, as mail clients now write it
    ("Subject: Remboursement de vos frais médicaux", RFC 6532) and exports keep it, reads as
    UTF-8 (else Windows-1252); the stdlib would turn each of its bytes into U+FFFD.
    """
    wanted = name.lower()
    values = [_unescaped(str(v)) for k, v in msg.raw_items() if k.lower() == wanted]
    try:
        if not any("=?" in value for value in values):
            return " ".join(" ".join(value.split()) for value in values)
        return " ".join(str(make_header(decode_header(value))) for value in values)
    except Exception:  # hostile encoded words make the decoder raise assorted errors
        return " ".join(" ".join(value.split()) for value in values)


def _unescaped(value: str) -> str:
    """A raw header value whose 8-bit bytes the parser kept as surrogate escapes, decoded."""
    if value.isascii() or not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    return as_text(value.encode("utf-8", "surrogateescape"))


def _address(value: str) -> tuple[str, str]:
    """``parseaddr(value)``, without its character-by-character parser for the usual shapes."""
    if not value:
        return "", ""
    plain = _PLAIN_ADDRESS.fullmatch(value)
    if plain is None:
        return parseaddr(value)
    words, quoted, bracketed, bare = plain.groups()
    if bare is not None:
        return "", bare
    return words or quoted or "", bracketed


# To: often lists several people; the first is enough to know the recipients' organisation.
_ANY_ADDRESS = re.compile(r"[\w.+'-]+@([\w-]+\.)+[\w-]+")


def _first_address(value: str) -> str:
    found = _ANY_ADDRESS.search(value[:2000])
    return found.group(0).lower() if found else ""


def _raw(msg: StdMessage, name: str) -> str:
    """A header as written: for machine-made headers, parsing them costs more than it gives."""
    return " ".join(str(value) for value in msg.get_all(name, []))


def _part_info(part: StdMessage) -> tuple[str, str, str, str | None]:
    """(content type, charset, file name, disposition), read from the raw headers."""
    ctype = part.get_default_type()
    header = part.get("content-type")
    if header is not None:
        written = str(header).split(";", 1)[0].strip().lower()
        if written.count("/") == 1:
            ctype = written
    disposition = part.get("content-disposition")
    plain = _PLAIN_CHARSET.fullmatch(header) if isinstance(header, str) else None
    try:
        charset = plain.group(2).lower() if plain else str(part.get_content_charset() or "utf-8")
        # Content-Disposition ``filename`` then Content-Type ``name``, RFC 2231 decoded. Without
        # the one, and without "name" in the other, there is none: its parameters (just read
        # for the charset) are not parsed again.
        if disposition is None and (header is None or "name" not in str(header).lower()):
            filename = ""
        else:
            filename = str(part.get_filename() or "")
        if "=?" in filename:  # an RFC 2047 encoded word, as some mailers write file names
            filename = str(make_header(decode_header(filename)))
    except Exception:  # malformed parameters (RFC 2231) raise assorted errors
        return ctype, "utf-8", "", None
    kind = str(disposition).split(";", 1)[0].strip().lower() if disposition is not None else ""
    return ctype, charset, filename, kind or None


def _auth(msg: StdMessage) -> dict[str, str]:
    results: dict[str, str] = {}
    # The first Authentication-Results header is the one the receiving server added.
    first = next((str(v) for k, v in msg.raw_items() if k.lower() == "authentication-results"), "")
    for key, value in _AUTH.findall(first):
        results.setdefault(key.lower(), value.lower())
    spf = _raw(msg, "Received-SPF").split()
    if spf and "spf" not in results:
        results["spf"] = spf[0].lower()
    return results


def _message_from_bytes(data: bytes) -> StdMessage:
    """``email.message_from_bytes(data, policy=policy.compat32)``.

    A single-part mail with plain header lines is split here in a few C-level passes; the feed
    parser reads it line by line, for a third of an e-mail's analysis. It would make the same
    message: the headers as ``set_raw`` pairs (the value after the colon and its blanks, with
    its continuation lines, without the last line break) and the rest after the blank line as
    the payload. Line breaks other than ``\\n``, an envelope line, a header line the feed
    parser would flag, or a multipart or ``message/*`` type: the feed parser reads the mail.
    """
    text = data.decode("ascii", "surrogateescape")  # as BytesParser does
    blank = text.find("\n\n")
    if blank > 0 and "\r" not in text and _HEADER_BLOCK.fullmatch(text, 0, blank + 1):
        msg = StdMessage(policy=policy.compat32)
        for name, value in _HEADER_FIELD.findall(text, 0, blank + 1):
            msg.set_raw(name, value[:-1])
        if msg.get_content_maintype() not in ("multipart", "message"):
            msg.set_payload(text[blank + 2 :])
            return msg
    return email.message_from_bytes(data, policy=policy.compat32)


def _parse_eml(data: bytes) -> Message:
    if len(data) > MAX_EML_BYTES:
        raise InputError(f"the e-mail is too large (more than {MAX_EML_BYTES:,} bytes)")
    msg = _message_from_bytes(data)
    texts: list[str] = []
    links: list[tuple[str, str]] = []
    attachments: list[Attachment] = []
    fields: list[str] = []
    for part in msg.walk():
        if any(
            isinstance(d, CloseBoundaryNotFoundDefect | StartBoundaryNotFoundDefect)
            for d in part.defects
        ):
            raise InputError("the e-mail is truncated: a MIME part has no closing boundary")
        if part.is_multipart():
            continue
        ctype, charset, filename, disposition = _part_info(part)
        if filename or disposition == "attachment":
            attachments.append(Attachment(filename, ctype))
        elif ctype.startswith("text/"):
            text = part_text(part, charset)
            for kind, written in undecoded_parts(text, ctype) or ((ctype, text),):
                if kind == "text/html" or (kind == "text/plain" and looks_like_html(written)):
                    written, anchors, inputs = html_fields(written)
                    links.extend(anchors)
                    fields.extend(inputs)
                texts.append(written)
    body = "\n".join(t.strip() for t in texts if t.strip())
    subject = _header(msg, "Subject")[:1000]
    # An empty body after the blank line is a mail whose words were images or were stripped on
    # export: its subject is still read. Headers that stop without one were cut short.
    if not body and not attachments and not links:
        ended = b"\n\n" in data or b"\r\n\r\n" in data
        if not (subject.strip() and ended):
            raise InputError("the e-mail has headers but no body: it looks truncated")
    from_name, from_addr = _address(_header(msg, "From"))
    return Message(
        channel="email",
        body=body[:MAX_TEXT_CHARS],
        subject=subject,
        from_name=from_name,
        from_addr=from_addr.lower(),
        reply_to=_address(_raw(msg, "Reply-To"))[1].lower(),
        return_path=_address(_raw(msg, "Return-Path"))[1].lower(),
        to_addr=_first_address(_raw(msg, "To")) or _first_address(_raw(msg, "Delivered-To")),
        auth=_auth(msg),
        links=tuple(links),
        attachments=tuple(attachments),
        is_eml=True,
        form_fields=tuple(fields),
    )


def parse_message(
    data: str | bytes, channel: Channel | None = None, *, sender: object = None
) -> Message:
    """Parse a message; ``channel=None`` guesses: an .eml is e-mail, anything else an SMS.

    ``sender`` is a text's sender as the phone shows it (number, short code, name or e-mail
    address); an e-mail has its From: header instead.
    Raises :class:`InputError` for empty, oversized, binary or truncated input, and for a
    sender that is not one or is given with an e-mail.
    """
    if channel not in (None, "sms", "email"):
        raise InputError("channel must be 'sms' or 'email'")
    checked = read_sender(sender)
    if checked and channel == "email":
        raise InputError(_SENDER_FOR_TEXTS)
    raw = data if isinstance(data, bytes) else data.encode("utf-8", errors="replace")
    if channel != "sms" and looks_like_eml(raw):
        if checked:
            raise InputError(_SENDER_FOR_TEXTS)
        _check_text(as_text(raw[:8192]))
        return _parse_eml(raw)
    if len(raw) > MAX_TEXT_CHARS * 4:
        raise InputError(f"the message is too large (more than {MAX_TEXT_CHARS:,} characters)")
    text = _check_text(data if isinstance(data, str) else as_text(data))
    return _plain(text, channel or "sms", checked)
