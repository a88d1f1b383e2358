"""``email.risky_attachment``: an attachment that runs code or hides a web page.

Executables and scripts, disk images, macro-enabled Office files, archives, and HTML files
(a local phishing page that needs no link) are what malicious mail attaches; invoices and
results come as PDF. A double extension (``resultats.pdf.exe``) counts as the last one.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RISKY_EXTENSIONS", "RULE"]

RISKY_EXTENSIONS = frozenset(
    [
        "exe",
        "scr",
        "com",
        "pif",
        "bat",
        "cmd",
        "js",
        "jse",
        "vbs",
        "vbe",
        "wsf",
        "hta",
        "jar",
        "msi",
        "ps1",
        "lnk",
        "iso",
        "img",
        "vhd",
        "html",
        "htm",
        "shtml",
        "xhtml",
        "svg",
        "zip",
        "rar",
        "7z",
        "gz",
        "ace",
        "docm",
        "xlsm",
        "pptm",
        "dotm",
        "xlam",
        "one",
    ]
)
_RISKY_TYPES = (
    "application/x-msdownload",
    "application/x-dosexec",
    "application/java-archive",
    "text/html",
    "application/x-iso9660-image",
    "application/vnd.ms-excel.sheet.macro",
)


def _check(ctx: Context) -> str | None:
    for attachment in ctx.message.attachments:
        name = attachment.filename.lower().strip()
        extension = name.rpartition(".")[2] if "." in name else ""
        if extension in RISKY_EXTENSIONS or attachment.content_type.startswith(_RISKY_TYPES):
            return f"{name or '(no name)'} ({attachment.content_type})"
    return None


RULE = Rule(
    rule_id="email.risky_attachment",
    weight=30,
    explanation={
        "fr": "La pièce jointe peut contenir un programme ou une fausse page web",
        "en": "The attachment may contain a program or a fake web page",
    },
    check=_check,
)
