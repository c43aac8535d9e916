"""The link pages in a real headless Chromium: the button posts under the strict CSP and says done.

The pages are served alone by a small loopback HTTP server in this module (the routes that mint
tokens and suppress are tested elsewhere): `GET /u/…` and `/r/…` give the confirm page, a `POST`
is recorded and answered with the done page, any other path gets the 404 page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from service.api.pages import (
    CONTENT_SECURITY_POLICY,
    ONE_CLICK_BODY,
    TEXTS,
    Action,
    Page,
    confirm_page,
    done_page,
    not_found_page,
)
from tests.fixtures.browser import PAGE_LOAD_SECONDS, browser_log

RECIPIENT = "jane.doe+news@example.com"
TOKEN = "abcdefghijklmnop0123456789"
MAX_BODY = 4096

pytestmark = pytest.mark.browser


@dataclass
class Post:
    path: str
    content_type: str
    body: bytes
    accept_language: str


@dataclass
class PageServer:
    """The pages on 127.0.0.1, with every POST it received and an optional CSP override."""

    server: ThreadingHTTPServer
    posts: list[Post] = field(default_factory=list)
    csp: str = CONTENT_SECURITY_POLICY

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"


def _handler(state: PageServer) -> type[BaseHTTPRequestHandler]:
    actions = {"u": Action.UNSUBSCRIBE, "r": Action.REPORT_SPAM}

    class Handler(BaseHTTPRequestHandler):
        def _action(self) -> Action | None:
            parts = self.path.split("?", 1)[0].split("/")
            if len(parts) == 3 and parts[0] == "" and parts[2] == TOKEN:
                return actions.get(parts[1])
            return None

        def _send(self, page: Page) -> None:
            self.send_response(page.status)
            for name, value in page.headers.items():
                self.send_header(name, state.csp if name == "Content-Security-Policy" else value)
            self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            self.wfile.write(page.body)

        def do_GET(self) -> None:
            language = self.headers.get("Accept-Language")
            action = self._action()
            if action is None:
                self._send(not_found_page(language))
            else:
                self._send(confirm_page(action, RECIPIENT, language))

        def do_POST(self) -> None:
            language = self.headers.get("Accept-Language")
            body = self.rfile.read(min(int(self.headers.get("Content-Length") or 0), MAX_BODY))
            action = self._action()
            if action is None:
                self._send(not_found_page(language))
                return
            state.posts.append(Post(self.path, self.headers.get("Content-Type", ""), body, language or ""))
            self._send(done_page(action, RECIPIENT, language))

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

    return Handler


@pytest.fixture
def pages() -> Iterator[PageServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    state = PageServer(server)
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def wait_until(browser: Any, condition: Callable[[], bool]) -> None:
    from selenium.common.exceptions import JavascriptException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # An element or script read while the next page replaces it fails: the page is not there yet, ask again.
    ignored = (StaleElementReferenceException, JavascriptException)
    WebDriverWait(browser, PAGE_LOAD_SECONDS, ignored_exceptions=ignored).until(lambda _driver: condition())


def heading(browser: Any) -> str:
    # Read in one script on the page: finding the element and then asking for its text is two
    # driver calls, and a page replaced between them fails with "Node ... does not belong to the
    # document" (a plain WebDriverException, not a stale reference), which CI hit once.
    text = browser.execute_script("const h = document.querySelector('h1'); return h ? h.innerText : '';")
    return str(text)


def csp_violations(browser: Any) -> list[str]:
    return [
        entry["message"]
        for entry in browser_log(browser)
        if entry.get("source") == "security" or "Content Security Policy" in entry["message"]
    ]


def test_the_unsubscribe_button_posts_the_one_click_body_and_shows_done(
    browser: Any, pages: PageServer
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{pages.url}/u/{TOKEN}")
    texts = TEXTS["en"]  # headless Chromium asks for en-US
    assert heading(browser) == texts["unsubscribe_confirm.heading"]
    assert browser.find_element(By.TAG_NAME, "strong").text == RECIPIENT
    assert pages.posts == []  # a GET changes nothing
    # The hashed inline style applies under the CSP (the button is blue, not the default grey).
    button = browser.find_element(By.TAG_NAME, "button")
    assert button.value_of_css_property("background-color") == "rgba(29, 78, 216, 1)"
    assert csp_violations(browser) == []

    button.click()
    wait_until(browser, lambda: heading(browser) == texts["unsubscribe_done.heading"])

    assert browser.find_element(By.TAG_NAME, "p").text == texts["unsubscribe_done.text"].format(
        address=RECIPIENT
    )
    assert [(post.path, post.content_type, post.body) for post in pages.posts] == [
        (f"/u/{TOKEN}", "application/x-www-form-urlencoded", ONE_CLICK_BODY.encode())
    ]
    assert browser.current_url == f"{pages.url}/u/{TOKEN}"
    assert csp_violations(browser) == []


def test_the_report_button_posts_an_empty_form_and_shows_thanks(browser: Any, pages: PageServer) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{pages.url}/r/{TOKEN}")
    assert heading(browser) == TEXTS["en"]["report_confirm.heading"]
    browser.find_element(By.TAG_NAME, "button").click()
    wait_until(browser, lambda: heading(browser) == TEXTS["en"]["report_done.heading"])
    assert [(post.path, post.body) for post in pages.posts] == [(f"/r/{TOKEN}", b"")]
    assert csp_violations(browser) == []


@pytest.mark.parametrize(
    ("accept_language", "language"), [("de-DE,de;q=0.9", "de"), ("da", "da"), ("vi", "vi")]
)
def test_the_page_speaks_the_browser_language_and_the_keyboard_reaches_the_button(
    browser: Any, pages: PageServer, accept_language: str, language: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Accept-Language": accept_language}})
    try:
        browser.get(f"{pages.url}/u/{TOKEN}?utm_source=newsletter")
        texts = TEXTS[language]
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        assert heading(browser) == texts["unsubscribe_confirm.heading"]
        assert browser.title == texts["unsubscribe_confirm.heading"]
        # Tab to the button and press Enter: the page works without a mouse.
        browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        assert focused.tag_name == "button"
        assert focused.text == texts["unsubscribe_confirm.button"]
        focused.send_keys(Keys.ENTER)
        wait_until(browser, lambda: heading(browser) == texts["unsubscribe_done.heading"])
    finally:
        browser.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {}})
    # The form posts back to the page's own URL, query and all; the body is still the one-click one.
    assert [(post.path, post.body, post.accept_language) for post in pages.posts] == [
        (f"/u/{TOKEN}?utm_source=newsletter", ONE_CLICK_BODY.encode(), accept_language)
    ]
    assert csp_violations(browser) == []


def test_a_bad_token_gets_the_plain_404_page(browser: Any, pages: PageServer) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{pages.url}/u/{TOKEN}x")
    assert heading(browser) == TEXTS["en"]["not_found.heading"]
    assert browser.find_elements(By.TAG_NAME, "form") == []
    assert csp_violations(browser) == []


def test_the_violation_check_sees_a_blocked_style(browser: Any, pages: PageServer) -> None:
    # The control for "no CSP violation" above: with a wrong style hash, Chromium blocks the style
    # and says so in the log this module reads, and the button falls back to its default look.
    from selenium.webdriver.common.by import By

    pages.csp = CONTENT_SECURITY_POLICY.replace("'sha256-", "'sha256-AAAA", 1)
    browser.get(f"{pages.url}/u/{TOKEN}")
    button = browser.find_element(By.TAG_NAME, "button")
    assert button.value_of_css_property("background-color") != "rgba(29, 78, 216, 1)"
    violations: list[str] = []

    def blocked() -> bool:
        violations.extend(csp_violations(browser))
        return any("style-src" in message for message in violations)

    wait_until(browser, blocked)


def test_the_csp_blocks_a_form_that_posts_elsewhere(browser: Any, pages: PageServer) -> None:
    # The control for form-action 'self': a form pointed at another origin does not submit.
    from selenium.webdriver.common.by import By

    other = pages.url.replace("127.0.0.1", "localhost")
    browser.get(f"{pages.url}/u/{TOKEN}")
    form = browser.find_element(By.TAG_NAME, "form")
    browser.execute_script("arguments[0].action = arguments[1]", form, f"{other}/u/{TOKEN}")
    browser.find_element(By.TAG_NAME, "button").click()
    violations: list[str] = []

    def blocked() -> bool:
        violations.extend(csp_violations(browser))
        return any("form-action" in message for message in violations)

    wait_until(browser, blocked)
    assert pages.posts == []
    assert heading(browser) == TEXTS["en"]["unsubscribe_confirm.heading"]
