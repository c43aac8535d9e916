"""The public HTML pages behind unsubscribe and report-spam links (`/u/{token}`, `/r/{token}`)."""

from service.api.pages.language import negotiate_language, parse_accept_language
from service.api.pages.render import (
    CONTENT_SECURITY_POLICY,
    ONE_CLICK_BODY,
    SECURITY_HEADERS,
    Action,
    Page,
    confirm_page,
    done_page,
    not_found_page,
    page_language,
    too_many_requests_page,
)
from service.api.pages.texts import DEFAULT_LANGUAGE, TEXTS

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "DEFAULT_LANGUAGE",
    "ONE_CLICK_BODY",
    "SECURITY_HEADERS",
    "TEXTS",
    "Action",
    "Page",
    "confirm_page",
    "done_page",
    "negotiate_language",
    "not_found_page",
    "page_language",
    "parse_accept_language",
    "too_many_requests_page",
]
