"""The two ways a message leaves: an SMTP relay (stdlib ``smtplib``) and an SMS gateway webhook.

A sender either returns (the relay or gateway accepted the message: only then is it marked sent)
or raises :class:`DeliveryFailure`. Failure reasons are short codes ("SMTP 451",
"ConnectionRefusedError", "gateway HTTP 503"): an SMTP server's reply text often quotes the
recipient, so it is never kept, logged or shown.
"""

from __future__ import annotations

import email.utils
import smtplib
import ssl
from email.message import EmailMessage
from typing import Protocol

import httpx

from leaktrace.notify.config import SmtpConfig
from leaktrace.notify.outbox import Envelope

__all__ = ["DeliveryFailure", "Sender", "SmtpSender", "WebhookSender"]


class DeliveryFailure(Exception):
    """The message was not accepted. ``permanent``: retrying cannot help (a 5xx recipient)."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class Sender(Protocol):
    def send(self, envelope: Envelope, message_id: str, date: float) -> None:
        """Hand one message over; raise DeliveryFailure unless it was accepted."""

    def close(self) -> None: ...


def _header(text: str) -> str:
    # Subjects hold breach titles chosen at ingest: no line break may reach a header.
    return " ".join(text.split())


class SmtpSender:
    """Mail through one SMTP connection, opened on first use and reused for a delivery pass."""

    def __init__(self, config: SmtpConfig, sender: str) -> None:
        self._config = config
        self._sender = sender
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        cfg = self._config
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if cfg.ssl:
            smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=context)
        else:
            smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        try:
            smtp.ehlo()
            if cfg.starttls:
                smtp.starttls(context=context)
                smtp.ehlo()
            if cfg.user is not None:
                smtp.login(cfg.user, cfg.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _message(self, envelope: Envelope, message_id: str, date: float) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self._sender
        msg["To"] = envelope.to
        msg["Subject"] = _header(envelope.subject)
        msg["Date"] = email.utils.formatdate(date, usegmt=True)
        # Derived from the idempotency key: if a crash makes us send a message twice, both
        # copies carry the same Message-ID, which mail stores use to drop duplicates.
        msg["Message-ID"] = f"<{message_id}@{self._sender.rpartition('@')[2]}>"
        msg["Auto-Submitted"] = "auto-generated"
        msg["List-Unsubscribe"] = f"<{envelope.unsubscribe_url}>"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
        msg.set_content(envelope.body)
        return msg

    def send(self, envelope: Envelope, message_id: str, date: float) -> None:
        try:
            if self._smtp is None:
                self._smtp = self._connect()
            self._smtp.send_message(self._message(envelope, message_id, date))
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            code = codes[0] if codes else 0
            raise DeliveryFailure(f"SMTP {code}", permanent=500 <= code < 600) from None
        except smtplib.SMTPDataError as exc:
            self.close()
            raise DeliveryFailure(
                f"SMTP {exc.smtp_code}", permanent=500 <= exc.smtp_code < 600
            ) from None
        except smtplib.SMTPResponseException as exc:
            # Sender refused, authentication failed, 4xx: a configuration or transient
            # problem, not the recipient's. Keep the message and retry.
            self.close()
            raise DeliveryFailure(f"SMTP {exc.smtp_code}") from None
        except (OSError, smtplib.SMTPException, ValueError) as exc:
            self.close()
            raise DeliveryFailure(type(exc).__name__) from None

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()


class WebhookSender:
    """SMS through a gateway: ``POST <url>`` with ``{"to": "+33…", "text": "…", "id": "…"}``.

    Any 2xx answer means accepted. ``id`` is the idempotency-derived message id, so a gateway
    that deduplicates can drop a resend after a crash. Every failure is retried: a gateway that
    answers 401 is misconfigured, and the message must survive until it is fixed.
    """

    def __init__(self, url: str, token: str | None = None, timeout: float = 10.0) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._url = url
        self._client = httpx.Client(timeout=timeout, headers=headers, follow_redirects=False)

    def send(self, envelope: Envelope, message_id: str, date: float) -> None:
        document = {"to": envelope.to, "text": envelope.body, "id": message_id}
        try:
            response = self._client.post(self._url, json=document)
        except httpx.HTTPError as exc:
            raise DeliveryFailure(type(exc).__name__) from None
        if not response.is_success:
            raise DeliveryFailure(f"gateway HTTP {response.status_code}")

    def close(self) -> None:
        self._client.close()
