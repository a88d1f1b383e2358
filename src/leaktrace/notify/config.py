"""Notification settings: the SMTP relay, the SMS gateway, links, delays.

Built once at an entry point (CLI or API) with :meth:`NotifySettings.from_env`; nothing below
reads the environment. ``repr`` never shows a password or a webhook token.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field

from leaktrace.errors import InputError

__all__ = ["NotifySettings", "SmtpConfig"]

_TRUE = frozenset({"1", "true", "yes", "on"})
_DEFAULT_SENDER = "leaktrace@localhost"
_DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """Where and how to hand mail over: ``smtp://[user[:password]@]host[:port][?starttls=1]``.

    ``smtps://`` speaks TLS from the first byte (port 465 by default). Credentials are
    percent-decoded, so a password may hold ``@`` or ``:`` written as ``%40``, ``%3A``.
    """

    host: str
    port: int = 25
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    starttls: bool = False
    ssl: bool = False
    timeout: float = 10.0

    @classmethod
    def parse(cls, url: str) -> SmtpConfig:
        # The URL may hold a password: errors name the problem, never the URL.
        try:
            parts = urllib.parse.urlsplit(url)
            port = parts.port
        except ValueError:
            raise InputError("LEAKTRACE_SMTP_URL is not a valid URL") from None
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise InputError("LEAKTRACE_SMTP_URL must look like smtp://[user:password@]host:port")
        query = urllib.parse.parse_qs(parts.query)
        unknown = set(query) - {"starttls", "timeout"}
        if unknown:
            raise InputError("LEAKTRACE_SMTP_URL: only ?starttls=1 and ?timeout=S are understood")
        secure = parts.scheme == "smtps"
        try:
            timeout = float(query.get("timeout", ["10"])[0])
        except ValueError:
            raise InputError("LEAKTRACE_SMTP_URL: timeout must be a number of seconds") from None
        return cls(
            host=parts.hostname,
            port=port or (465 if secure else 25),
            user=urllib.parse.unquote(parts.username) if parts.username else None,
            password=urllib.parse.unquote(parts.password) if parts.password else None,
            starttls=query.get("starttls", ["0"])[0].lower() in _TRUE,
            ssl=secure,
            timeout=timeout,
        )


@dataclass(frozen=True, slots=True)
class NotifySettings:
    """Everything notification delivery needs besides the home folder and the store."""

    base_url: str = _DEFAULT_BASE_URL
    smtp: SmtpConfig | None = None
    sender: str = _DEFAULT_SENDER
    sms_webhook: str | None = field(default=None, repr=False)  # its query may hold a token
    sms_token: str | None = field(default=None, repr=False)
    lang: str = "en"
    token_ttl: float = 24 * 3600.0  # email verification links
    code_ttl: float = 10 * 60.0  # SMS codes: short, since 6 digits are few
    code_attempts: int = 5  # wrong codes before the code is void
    resend_interval: float = 60.0  # at most one verification message per address per minute
    backoff_base: float = 30.0
    backoff_max: float = 6 * 3600.0
    lease: float = 120.0  # how long a delivery worker owns a message it is sending
    deliver_interval: float = 30.0  # the API's retry loop; 0 turns it off
    org_threshold: int = 5  # aggregate counts below this are not shown
    org_upload_interval: float = 0.0  # seconds between two member uploads of one org

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, base_url: str | None = None) -> NotifySettings:
        """``LEAKTRACE_SMTP_URL``, ``LEAKTRACE_SMTP_FROM``, ``LEAKTRACE_SMS_WEBHOOK``,
        ``LEAKTRACE_SMS_TOKEN``, ``LEAKTRACE_BASE_URL`` (``base_url`` wins when given)."""
        smtp_url = env.get("LEAKTRACE_SMTP_URL") or None
        webhook = env.get("LEAKTRACE_SMS_WEBHOOK") or None
        if webhook is not None and not webhook.startswith(("http://", "https://")):
            raise InputError("LEAKTRACE_SMS_WEBHOOK must be an http:// or https:// URL")
        sender = env.get("LEAKTRACE_SMTP_FROM") or _DEFAULT_SENDER
        if "@" not in sender or any(c in sender for c in "\r\n<>"):
            raise InputError(
                "LEAKTRACE_SMTP_FROM must be a bare address such as alerts@example.org"
            )
        lang = env.get("LEAKTRACE_NOTIFY_LANG") or "en"
        if lang not in ("fr", "en"):
            raise InputError("LEAKTRACE_NOTIFY_LANG must be 'fr' or 'en'")
        return cls(
            base_url=(base_url or env.get("LEAKTRACE_BASE_URL") or _DEFAULT_BASE_URL).rstrip("/"),
            smtp=SmtpConfig.parse(smtp_url) if smtp_url else None,
            sender=sender,
            sms_webhook=webhook,
            sms_token=env.get("LEAKTRACE_SMS_TOKEN") or None,
            lang=lang,
        )
