"""The link pages of the real service in a headless Chromium, on SQLite and PostgreSQL: open the
page a link leads to, press the button, see the confirmation, and find the recipient suppressed for
the link's account (and nothing changed before the button)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from service.api import create_app
from service.api.pages import TEXTS
from service.app.unsubscribe import Links, links_for
from service.store.db import Database
from tests.accounts_support import create_accounts, suppressed_for, verp_settings
from tests.api.test_pages_browser import csp_violations, heading
from tests.api_support import serving
from tests.fixtures.browser import PAGE_LOAD_SECONDS

pytestmark = pytest.mark.browser

A, B = "shop-a", "shop-b"
RECIPIENT = "jane.doe@example.com"


def wait_until(browser: Any, condition: Callable[[], bool]) -> None:
    """Wait for `condition` while the next page replaces this one: an element read mid-way is stale,
    or (Chromium) belongs to no document any more; both mean "not there yet", so ask again."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(
        browser, PAGE_LOAD_SECONDS, ignored_exceptions=(StaleElementReferenceException, WebDriverException)
    ).until(lambda _driver: condition())


@pytest.fixture()
def site(database: Database) -> Iterator[tuple[str, Links]]:
    """The service on a loopback port, and the links of shop-a's mail to RECIPIENT."""
    create_accounts(database, A, B)
    settings = verp_settings(database.url)
    with serving(create_app(settings, database)) as base:
        links = links_for(settings.model_copy(update={"public_url": base}), A, [RECIPIENT])[0]
        yield base, links


def test_the_unsubscribe_page_button_unsubscribes(
    browser: Any, site: tuple[str, Links], database: Database
) -> None:
    from selenium.webdriver.common.by import By

    _, links = site
    texts = TEXTS["en"]
    browser.get(links.unsubscribe_url)
    assert heading(browser) == texts["unsubscribe_confirm.heading"]
    assert browser.find_element(By.TAG_NAME, "strong").text == RECIPIENT
    assert suppressed_for(database, RECIPIENT, A) == (None, None)  # the GET changed nothing

    browser.find_element(By.TAG_NAME, "button").click()
    wait_until(browser, lambda: heading(browser) == texts["unsubscribe_done.heading"])

    assert suppressed_for(database, RECIPIENT, A) == ("unsubscribe", A)
    assert suppressed_for(database, RECIPIENT, B) == (None, None)
    assert csp_violations(browser) == []
    # Back and pressed again (a double click, an impatient reader): the same page, nothing new.
    browser.get(links.unsubscribe_url)
    browser.find_element(By.TAG_NAME, "button").click()
    wait_until(browser, lambda: heading(browser) == texts["unsubscribe_done.heading"])


def test_the_report_spam_page_button_reports(
    browser: Any, site: tuple[str, Links], database: Database
) -> None:
    from selenium.webdriver.common.by import By

    _, links = site
    browser.get(links.report_spam_url)
    assert heading(browser) == TEXTS["en"]["report_confirm.heading"]
    browser.find_element(By.TAG_NAME, "button").click()
    wait_until(browser, lambda: heading(browser) == TEXTS["en"]["report_done.heading"])
    assert suppressed_for(database, RECIPIENT, A) == ("complaint", A)
    assert csp_violations(browser) == []


def test_a_tampered_link_shows_the_not_found_page(
    browser: Any, site: tuple[str, Links], database: Database
) -> None:
    _, links = site
    browser.get(links.unsubscribe_url[:-2])
    assert heading(browser) == TEXTS["en"]["not_found.heading"]
    assert suppressed_for(database, RECIPIENT, A) == (None, None)
