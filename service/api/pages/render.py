"""Render the public link pages (confirm, done, not found, too many requests) with their headers.

Pure: strings in, a `Page` (status, body, headers) out; the route turns it into a response.

- No script, no third-party resource, one inline style allowed by its hash: the CSP below forbids
  everything else. `form-action 'self'` lets the button post back to the page's own URL.
- The form has no `action`, so it posts to the URL the page was fetched from, whatever prefix a
  proxy puts before `/u/`; the unsubscribe form sends `List-Unsubscribe=One-Click`, so one POST
  handler serves both RFC 8058 one-click and the button.
- The recipient address is shown in full: the token is the credential and is only signed, not
  encrypted, so whoever holds the link can read the address from it anyway. Nothing else about
  the account is shown.
- Every interpolated value, and the texts themselves, are HTML-escaped.
- A GET changes nothing, so the confirm page is safe for link scanners; the done page is the same
  whether this click or an earlier one did it (a repeated click must not look like an error).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import html
from collections.abc import Mapping
from dataclasses import dataclass

from service.api.pages.language import negotiate_language
from service.api.pages.texts import DEFAULT_LANGUAGE, TEXTS

# RFC 8058 §3.1: the body a mailbox provider POSTs; the unsubscribe button sends the same.
ONE_CLICK_FIELD = "List-Unsubscribe"
ONE_CLICK_VALUE = "One-Click"
ONE_CLICK_BODY = f"{ONE_CLICK_FIELD}={ONE_CLICK_VALUE}"

_STYLE = (
    ":root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}"
    "body{margin:0;padding:2rem 1rem}"
    "main{max-width:32rem;margin:0 auto}"
    "h1{font-size:1.5rem;margin:0 0 1rem}"
    "p{margin:0 0 1.5rem;overflow-wrap:anywhere}"
    "button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:.3rem;"
    "background:#1d4ed8;color:#fff;cursor:pointer}"
    "button:hover{background:#1e40af}"
    "button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}"
)
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode("ascii")

CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src '{STYLE_HASH}'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
CONTENT_TYPE = "text/html; charset=utf-8"


class Action(enum.Enum):
    """What a link does: `/u/{token}` unsubscribes, `/r/{token}` reports spam."""

    UNSUBSCRIBE = "unsubscribe"
    REPORT_SPAM = "report"


@dataclass(frozen=True, slots=True)
class Page:
    """A rendered page: the HTTP status, the UTF-8 body and every header the response needs."""

    status: int
    body: bytes
    headers: Mapping[str, str]
    language: str


def page_language(accept_language: str | None) -> str:
    """The page language for an `Accept-Language` header (all its field lines joined by commas)."""
    return negotiate_language(accept_language, tuple(TEXTS), DEFAULT_LANGUAGE)


def confirm_page(action: Action, recipient: str, accept_language: str | None) -> Page:
    """The GET page: one sentence saying what will happen to `recipient`, and a button that POSTs."""
    language = page_language(accept_language)
    texts = TEXTS[language]
    prefix = f"{action.value}_confirm"
    hidden = (
        f'<input type="hidden" name="{ONE_CLICK_FIELD}" value="{ONE_CLICK_VALUE}">'
        if action is Action.UNSUBSCRIBE
        else ""
    )
    form = f'<form method="post">{hidden}<button type="submit">{_text(texts, prefix + ".button")}</button></form>'
    return _page(200, language, prefix, recipient, form)


def done_page(action: Action, recipient: str, accept_language: str | None) -> Page:
    """The page after the POST, the same whether this request or an earlier one did the work."""
    language = page_language(accept_language)
    return _page(200, language, f"{action.value}_done", recipient, "")


def not_found_page(accept_language: str | None) -> Page:
    """404 for a token that does not verify (tampered, truncated, another key): says nothing more."""
    return _page(404, page_language(accept_language), "not_found", None, "")


def too_many_requests_page(accept_language: str | None, retry_after_seconds: int) -> Page:
    """429 for a client over the burst limit, with `Retry-After` (whole seconds, at least 1)."""
    page = _page(429, page_language(accept_language), "too_many_requests", None, "")
    headers = {**page.headers, "Retry-After": str(max(1, retry_after_seconds))}
    return Page(page.status, page.body, headers, page.language)


def _page(status: int, language: str, prefix: str, recipient: str | None, form: str) -> Page:
    texts = TEXTS[language]
    heading = _text(texts, prefix + ".heading")
    sentence = _text(texts, prefix + ".text")
    if recipient is not None:
        sentence = sentence.replace("{address}", f"<strong>{html.escape(recipient)}</strong>")
    document = (
        "<!doctype html>\n"
        f'<html lang="{html.escape(language)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{heading}</title>\n"
        f"<style>{_STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"<h1>{heading}</h1>\n"
        f"<p>{sentence}</p>\n"
        f"{form}\n"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )
    headers = {
        "Content-Type": CONTENT_TYPE,
        "Content-Language": language,
        "Vary": "Accept-Language",
        **SECURITY_HEADERS,
    }
    return Page(status, document.encode("utf-8"), headers, language)


def _text(texts: Mapping[str, str], key: str) -> str:
    """A text, HTML-escaped (`{address}` survives: escaping leaves braces alone)."""
    return html.escape(texts[key])
