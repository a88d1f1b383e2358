"""Sites where anyone can publish a page: free web hosts, cloud buckets, form builders, IPFS.

A page on ``sites.google.com``, ``*.web.app``, ``*.weebly.com`` or an IPFS gateway is written
by whoever opened the account, not by Google or Weebly: it is no brand's site, whatever the
registered domain. Phishing kits live there because mail filters trust those domains. The
lists are data, kept to platforms that host arbitrary pages or files: Google's documents
(``docs.google.com/document``, ``drive.google.com``) are not on them, its forms and sites are;
OneDrive share links and SharePoint tenants are (``Context.foreign_urls`` counts the sender's
own tenant, ``acme.sharepoint.com`` from ``acme.com``, as the sender's site).
"""

from __future__ import annotations

from leaktrace.phishing.urls import Url

__all__ = ["FREE_HOSTING", "FREE_MAIL", "is_redirect", "is_user_content"]


# Mail providers where anyone opens an address: "Wells Fargo <wf.secure@outlook.com>" is not
# Microsoft speaking, and not Wells Fargo either.
def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


FREE_MAIL: frozenset[str] = _names(
    "gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk hotmail.fr live.com live.fr "
    "msn.com yahoo.com yahoo.fr yahoo.co.uk yahoo.ca ymail.com rocketmail.com aol.com aim.com "
    "icloud.com me.com mac.com mail.com gmx.com gmx.net gmx.de gmx.fr web.de proton.me "
    "protonmail.com pm.me yandex.com yandex.ru mail.ru zoho.com zohomail.com tutanota.com "
    "orange.fr wanadoo.fr free.fr laposte.net sfr.fr"
)

# Registered domains whose every subdomain is someone's page.
FREE_HOSTING: frozenset[str] = _names(
    " ".join(
        (
            # Free site builders and blogs.
            "weebly.com weeblysite.com wixsite.com wix.com 000webhostapp.com godaddysites.com "
            "square.site webflow.io blogspot.com wordpress.com strikingly.com jimdosite.com "
            "site123.me yolasite.com mystrikingly.com carrd.co framer.website webnode.page "
            "tilda.ws ucraft.site mozellosite.com",
            # Cloud and developer platforms.
            "firebaseapp.com web.app appspot.com netlify.app vercel.app github.io gitlab.io "
            "pages.dev workers.dev r2.dev herokuapp.com azurewebsites.net azureedge.net "
            "windows.net amazonaws.com cloudfront.net googleapis.com googleusercontent.com "
            "glitch.me repl.co replit.app ngrok.io ngrok-free.app ngrok.app onrender.com "
            "fly.dev surge.sh backblazeb2.com digitaloceanspaces.com",
            # IPFS gateways.
            "ipfs.io dweb.link cloudflare-ipfs.com ipfs.w3s.link nftstorage.link fleek.co",
            # Form builders and page tools.
            "typeform.com jotform.com formstack.com forms.gle formspree.io wufoo.com "
            "zohopublic.com notion.site",
        )
    )
)
# (host, path prefix) pairs on otherwise official sites.
_HOSTED_PAGES: tuple[tuple[str, str], ...] = (
    ("sites.google.com", "/"),
    ("script.google.com", "/"),
    ("docs.google.com", "/forms"),
    ("forms.office.com", "/"),
    ("forms.microsoft.com", "/"),
    ("onedrive.live.com", "/"),
    ("1drv.ms", "/"),
)


def is_user_content(url: Url) -> bool:
    """A page published by any user of a hosting platform, not by the platform's owner."""
    host = url.host
    if host.registered in FREE_HOSTING:
        return True
    name = host.host
    if name.endswith(".sharepoint.com") or name.endswith(".myshopify.com"):
        return True
    return _on_listed_page(url, _HOSTED_PAGES)


def _on_listed_page(url: Url, pages: tuple[tuple[str, str], ...]) -> bool:
    """``url`` is on one of the (host, path prefix) pairs of ``pages``."""
    name, path = url.host.host, url.path.lower()
    return any(name == host and path.startswith(prefix) for host, prefix in pages)


# Open redirects and click trackers of search engines and social networks: (host, path
# prefix). "bing.com/ck/a?…" is Microsoft's address, but where it leads is written in its
# query; legitimate mail links to its own sites or its mailing service, not through these.
_REDIRECTS: tuple[tuple[str, str], ...] = (
    ("www.bing.com", "/ck/a"),
    ("bing.com", "/ck/a"),
    ("www.google.com", "/url"),
    ("google.com", "/url"),
    ("www.google.com", "/amp/s/"),
    ("l.facebook.com", "/l.php"),
    ("lm.facebook.com", "/l.php"),
    ("l.instagram.com", "/"),
    ("www.linkedin.com", "/redir"),
    ("www.youtube.com", "/redirect"),
    ("youtube.com", "/redirect"),
    ("duckduckgo.com", "/l/"),
    ("yandex.ru", "/clck"),
    ("away.vk.com", "/"),
)


def is_redirect(url: Url) -> bool:
    """A link through an open redirect or a search engine's click tracker."""
    return _on_listed_page(url, _REDIRECTS)
