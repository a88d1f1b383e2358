"""``email.risky_attachment``: an attachment that runs code or hides a web page.

Executables and scripts, disk images, macro-enabled Office files, archives, and HTML files
(a local phishing page that needs no link) are what malicious mail attaches; invoices and
results come as PDF. A double extension (``resultats.pdf.exe``) counts as the last one.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

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


# A program's name written in the body: "Documents: ArrivalNotice.pdf.exe", "open scan.iso".
# A double extension is enough; a single one needs attachment words on its line, so that a
# mailing list discussing "setup.exe" stays quiet.
_NAMED = rx(
    r"[\w-]+\.(pdf|docx?|xlsx?|jpe?g|png|txt|zip)[._ ]?(exe|scr|pif|bat|cmd|js|vbs|hta|jar|"
    r"msi|ps1|lnk|iso|img|html?)\b|(attach\w*|enclosed|open|download|documents?|file|"
    r"piece jointe|fichier)\b[^\n]{0,60}\b[\w-]+\.(exe|scr|pif|hta|msi|lnk|iso|img|vbs|bat|ps1|"
    r"jar)\b|"
    # An attached web page is a login form that runs in the browser, off any filter's sight.
    r"(attach\w*|enclosed|piece jointe)\b[^\n]{0,60}\b[\w-]+\.(html?|shtml|svg)\b"
)


def _check(ctx: Context) -> str | None:
    if ctx.message.channel == "email":
        named = ctx.search(_NAMED)
        if named is not None:
            return named.group(0).strip()[-60:]
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
