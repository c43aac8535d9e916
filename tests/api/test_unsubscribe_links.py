"""Unsubscribe and report-spam links end to end, on SQLite and PostgreSQL: minted through the API,
clicked on the public endpoints, and what that does (and does not do) to the list and the feed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.api.pages import CONTENT_SECURITY_POLICY
from service.app.apikeys import create_key
from service.config import Settings
from service.domain.tokens import make_link_token
from service.store.db import Database
from tests.accounts_support import SECRET, create_accounts, suppressed_for, verp_settings

A, B = "shop-a", "shop-b"
RECIPIENT = "jane.doe@example.com"
PUBLIC_URL = "https://links.example/mail"
UNSUBSCRIBE_ADDRESS = "unsubscribe@bounce.example"
ONE_CLICK = {
    "content": b"List-Unsubscribe=One-Click",
    "headers": {"Content-Type": "application/x-www-form-urlencoded"},
}


@dataclass
class World:
    client: TestClient
    db: Database
    settings: Settings
    keys: dict[str, str]

    def as_(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[who]}"}

    def mint(self, who: str, recipients: list[str], account: str | None = None) -> Any:
        body: dict[str, Any] = {"recipients": recipients}
        if account is not None:
            body["account"] = account
        return self.client.post("/v1/unsubscribe-links", json=body, headers=self.as_(who))

    def link(self, recipient: str = RECIPIENT, account: str = A) -> dict[str, Any]:
        response = self.mint("global", [recipient], account)
        assert response.status_code == 200, response.text
        one: dict[str, Any] = response.json()["links"][0]
        return one

    def events(self) -> list[dict[str, Any]]:
        response = self.client.get("/v1/events", headers=self.as_("global-read"), params={"limit": 1000})
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["events"]
        return items

    def types(self) -> list[str]:
        return [event["type"] for event in self.events()]


def path_of(url: str) -> str:
    assert url.startswith(PUBLIC_URL + "/")
    return url[len(PUBLIC_URL) :]


def make_world(database: Database, **overrides: Any) -> Iterator[World]:
    create_accounts(database, A, B)
    values = {"public_url": PUBLIC_URL, "unsubscribe_address": UNSUBSCRIBE_ADDRESS, **overrides}
    settings = verp_settings(database.url, **values)
    keys: dict[str, str] = {}
    with database.transaction() as session:
        for who, scope, account in (
            ("global", "ingest", None),
            ("global-read", "read", None),
            ("global-admin", "admin", None),
            ("a", "ingest", A),
            ("a-read", "read", A),
            ("b", "ingest", B),
        ):
            _, keys[who] = create_key(session, who, scope, account=account, now=datetime.now(UTC))
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as client:
        yield World(client, database, settings, keys)


@pytest.fixture()
def world(database: Database) -> Iterator[World]:
    yield from make_world(database)


# --- minting ---------------------------------------------------------------------------------------


def test_minting_gives_urls_mailto_and_the_exact_header_lines(world: World) -> None:
    response = world.mint("a", ["Jane.Doe@Example.COM", "max@example.org"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["account"] == A
    first, second = body["links"]
    assert [first["recipient"], second["recipient"]] == [RECIPIENT, "max@example.org"]
    token = make_link_token(SECRET.encode(), A, RECIPIENT)
    assert first["unsubscribe_url"] == f"{PUBLIC_URL}/u/{token}"
    assert first["report_spam_url"] == f"{PUBLIC_URL}/r/{token}"
    assert first["mailto"] == f"unsubscribe+{token}@bounce.example"
    assert first["header_lines"] == [
        f"List-Unsubscribe: <{PUBLIC_URL}/u/{token}>, <mailto:unsubscribe+{token}@bounce.example?subject=unsubscribe>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    ]
    assert first["list_unsubscribe_post"] == "List-Unsubscribe=One-Click"
    assert first["header_lines"][0] == "List-Unsubscribe: " + first["list_unsubscribe"]
    # Minting is pure: nothing is stored or announced.
    assert world.types() == []


def test_minting_is_scoped_like_every_account_write(world: World) -> None:
    assert world.mint("a", [RECIPIENT], B).status_code == 403  # another account's key
    assert world.mint("b", [RECIPIENT], A).json()["type"].endswith("forbidden-account")
    assert world.mint("a-read", [RECIPIENT]).status_code == 403  # read scope
    assert world.mint("global", [RECIPIENT]).status_code == 422  # a global key names the account
    assert world.mint("global", [RECIPIENT], "nobody").status_code == 404
    assert world.mint("a", [RECIPIENT], A).status_code == 200
    response = world.client.post("/v1/unsubscribe-links", json={"recipients": [RECIPIENT]})
    assert response.status_code == 401
    bad = world.mint("a", [RECIPIENT, "not an address"])
    assert bad.status_code == 422 and "recipients[1]" in bad.json()["detail"]


def test_minting_without_a_public_url_is_a_clear_409(database: Database) -> None:
    for world in make_world(database, public_url=""):
        response = world.mint("a", [RECIPIENT])
        assert response.status_code == 409
        assert "BOUNCEBACK_PUBLIC_URL" in response.json()["detail"]


def test_without_an_unsubscribe_mailbox_the_header_has_the_url_only(database: Database) -> None:
    for world in make_world(database, unsubscribe_address=""):
        one = world.link()
        assert one["mailto"] is None
        assert one["list_unsubscribe"] == f"<{one['unsubscribe_url']}>"


# --- one click -----------------------------------------------------------------------------------


def test_one_click_suppresses_for_the_links_account_only_with_one_event(world: World) -> None:
    one = world.link()
    response = world.client.post(path_of(one["unsubscribe_url"]), **ONE_CLICK)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert RECIPIENT in response.text
    assert suppressed_for(world.db, RECIPIENT, A) == ("unsubscribe", A)
    assert suppressed_for(world.db, RECIPIENT, B) == (None, None)
    assert suppressed_for(world.db, RECIPIENT, None) == (None, None)
    events = world.events()
    assert [e["type"] for e in events] == ["bounceback.unsubscribe", "bounceback.suppression.added"]
    unsubscribe, added = (e["data"] for e in events)
    assert unsubscribe["recipient"] == RECIPIENT
    assert unsubscribe["account"] == A and unsubscribe["attributed_by"] == "link"
    assert unsubscribe["feedback_type"] == "opt-out"
    assert added["reason"] == "unsubscribe" and added["scope"] == "account" and added["account"] == A


def test_repeated_clicks_change_nothing_after_the_first(world: World) -> None:
    path = path_of(world.link()["unsubscribe_url"])
    first = world.client.post(path, **ONE_CLICK)  # type: ignore[arg-type]
    again = world.client.post(path, **ONE_CLICK)  # type: ignore[arg-type]
    empty = world.client.post(path)  # an empty body is one-click too
    upper = world.client.post(path.upper().replace("/U/", "/u/"))  # transit may change case
    assert [r.status_code for r in (first, again, empty, upper)] == [200, 200, 200, 200]
    assert first.text == again.text == empty.text
    assert world.types() == ["bounceback.unsubscribe", "bounceback.suppression.added"]


def test_the_click_is_in_the_recipients_history(world: World) -> None:
    world.client.post(path_of(world.link()["unsubscribe_url"]), **ONE_CLICK)  # type: ignore[arg-type]
    response = world.client.get(f"/v1/suppressions/{RECIPIENT}/history", headers=world.as_("a-read"))
    assert response.status_code == 200, response.text
    kinds = [(item["kind"], item.get("type") or item.get("reason")) for item in response.json()["items"]]
    assert ("event", "unsubscribe") in kinds
    # shop-b learns nothing of shop-a's unsubscribe.
    other = world.client.get(
        f"/v1/suppressions/{RECIPIENT}/history", headers=world.as_("global-read"), params={"account": B}
    )
    assert other.json()["items"] == []


def test_report_spam_is_a_complaint_for_the_account(world: World) -> None:
    one = world.link()
    page = world.client.get(path_of(one["report_spam_url"]))
    assert page.status_code == 200 and "<form" in page.text
    assert world.types() == []
    response = world.client.post(path_of(one["report_spam_url"]))
    assert response.status_code == 200
    assert suppressed_for(world.db, RECIPIENT, A) == ("complaint", A)
    assert suppressed_for(world.db, RECIPIENT, B) == (None, None)
    events = world.events()
    assert [e["type"] for e in events] == ["bounceback.complaint", "bounceback.suppression.added"]
    assert events[0]["data"]["account"] == A and events[0]["data"]["feedback_type"] == "abuse"
    # A later unsubscribe is recorded, but the address was already suppressed for the account.
    world.client.post(path_of(one["unsubscribe_url"]), **ONE_CLICK)  # type: ignore[arg-type]
    assert world.types()[2:] == ["bounceback.unsubscribe"]


def test_a_click_after_a_resubscription_unsubscribes_again(world: World) -> None:
    path = path_of(world.link()["unsubscribe_url"])
    world.client.post(path, **ONE_CLICK)  # type: ignore[arg-type]
    removed = world.client.delete(
        f"/v1/suppressions/{RECIPIENT}", headers=world.as_("global-admin"), params={"account": A}
    )
    assert removed.status_code in (200, 204), removed.text
    assert suppressed_for(world.db, RECIPIENT, A) == (None, None)
    world.client.post(path, **ONE_CLICK)  # type: ignore[arg-type]
    assert suppressed_for(world.db, RECIPIENT, A) == ("unsubscribe", A)
    world.client.post(path, **ONE_CLICK)  # and once more: nothing new
    assert world.types().count("bounceback.unsubscribe") == 2


# --- what changes nothing ------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["u", "r"])
def test_a_get_changes_nothing(world: World, prefix: str) -> None:
    one = world.link()
    url = one["unsubscribe_url"] if prefix == "u" else one["report_spam_url"]
    for language, button in (
        ("en", "Unsubscribe" if prefix == "u" else "Report spam"),
        ("de-DE, de;q=0.9", None),
    ):
        page = world.client.get(path_of(url), headers={"Accept-Language": language})
        assert page.status_code == 200
        assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert '<form method="post">' in page.text and RECIPIENT in page.text
        if button is not None:
            assert f">{button}</button>" in page.text
        else:
            assert page.headers["content-language"] == "de"
    assert suppressed_for(world.db, RECIPIENT, A) == (None, None)
    assert world.types() == []


def bad_tokens() -> list[tuple[str, str]]:
    good = make_link_token(SECRET.encode(), A, RECIPIENT)
    flipped = good[:20] + ("a" if good[20] != "a" else "b") + good[21:]
    foreign = make_link_token(b"another-installation-secret-key", A, RECIPIENT)
    return [
        ("tampered", flipped),
        ("truncated", good[:-3]),
        ("tag only", good[:16]),
        ("foreign key", foreign),
        ("overlong", good + "a" * 600),
        ("not the alphabet", good[:-1] + "_"),
    ]


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("prefix", ["u", "r"])
def test_a_bad_token_gets_404_and_changes_nothing(world: World, method: str, prefix: str) -> None:
    for what, token in bad_tokens():
        response = world.client.request(method, f"/{prefix}/{token}", content=b"List-Unsubscribe=One-Click")
        assert response.status_code == 404, what
        assert response.headers["content-type"].startswith("text/html"), what
        assert RECIPIENT not in response.text
    assert world.types() == []
    with world.db.session() as session:
        from service.store.models import InboundMessage

        assert session.query(InboundMessage).count() == 0


def test_a_token_for_an_account_that_does_not_exist_is_404(world: World) -> None:
    token = make_link_token(SECRET.encode(), "gone-account", RECIPIENT)
    assert world.client.post(f"/u/{token}").status_code == 404
    assert world.types() == []


def test_an_oversized_form_body_is_refused_and_changes_nothing(world: World) -> None:
    path = path_of(world.link()["unsubscribe_url"])
    response = world.client.post(path, content=b"List-Unsubscribe=One-Click&" + b"x" * 10_000)
    assert response.status_code == 413
    assert world.types() == []


def test_bursts_from_one_client_are_limited(database: Database) -> None:
    for world in make_world(database, link_rate_burst=3):
        path = path_of(world.link()["unsubscribe_url"])
        statuses = [world.client.get(path).status_code for _ in range(3)]
        refused = world.client.post(path, **ONE_CLICK)  # type: ignore[arg-type]
        assert statuses == [200, 200, 200]
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert world.types() == []  # the refused POST did nothing


# --- mailed unsubscribes ---------------------------------------------------------------------------


def mailed_unsubscribe(to: str, sender: str, **headers: str) -> bytes:
    lines = [f"From: {sender}", f"To: {to}", "Subject: unsubscribe", "Message-ID: <m1@mail.example>"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\nplease unsubscribe me\r\n").encode()


@pytest.mark.parametrize("apple", [False, True])
def test_a_mail_to_the_mailto_address_unsubscribes_the_links_recipient(world: World, apple: bool) -> None:
    mailto = world.link()["mailto"]
    # Sent from another address (a forwarded copy, an alias): the token says who is unsubscribed.
    extra = {"X-Apple-Unsubscribe": "true"} if apple else {}
    raw = mailed_unsubscribe(mailto, "Jane <jane.alias@example.net>", **extra)
    response = world.client.post(
        "/v1/messages", content=raw, headers={**world.as_("global"), "Content-Type": "message/rfc822"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["account"] == A and response.json()["attributed_by"] == "link"
    assert suppressed_for(world.db, RECIPIENT, A) == ("unsubscribe", A)
    assert suppressed_for(world.db, RECIPIENT, B) == (None, None)
    assert suppressed_for(world.db, "jane.alias@example.net", A) == (None, None)
    assert world.types() == ["bounceback.unsubscribe", "bounceback.suppression.added"]


def test_a_mail_to_a_tampered_mailto_address_attributes_nothing_by_it(world: World) -> None:
    mailto = world.link()["mailto"]
    local, _, domain = mailto.partition("@")
    forged = f"{local[:-2]}zz@{domain}"
    raw = mailed_unsubscribe(forged, "mallory@example.net")
    response = world.client.post(
        "/v1/messages", content=raw, headers={**world.as_("global"), "Content-Type": "message/rfc822"}
    )
    assert response.status_code == 201
    assert response.json()["attributed_by"] != "link"
    assert suppressed_for(world.db, RECIPIENT, A) == (None, None)


def test_a_key_bound_to_another_account_cannot_use_a_links_token(world: World) -> None:
    # shop-b posts a mail carrying shop-a's token: its writes stay within shop-b (or nobody).
    raw = mailed_unsubscribe(world.link()["mailto"], "jane.alias@example.net")
    response = world.client.post(
        "/v1/messages", content=raw, headers={**world.as_("b"), "Content-Type": "message/rfc822"}
    )
    assert response.status_code == 201
    assert suppressed_for(world.db, RECIPIENT, A) == (None, None)


def link_requests(kind: str, outcome: str) -> float:
    from prometheus_client import REGISTRY

    return (
        REGISTRY.get_sample_value("bounceback_link_requests_total", {"kind": kind, "outcome": outcome}) or 0.0
    )


def test_every_outcome_is_counted(database: Database) -> None:
    for world in make_world(database, link_rate_burst=5):
        path = path_of(world.link()["unsubscribe_url"])
        outcomes = ("page", "acted", "repeated", "invalid", "limited")
        before = {outcome: link_requests("u", outcome) for outcome in outcomes}
        world.client.get(path)
        world.client.post(path)
        world.client.post(path)
        world.client.post(path[:-2])
        world.client.post(path)  # no. 5: still allowed
        world.client.post(path)
        after = {outcome: link_requests("u", outcome) - before[outcome] for outcome in outcomes}
        assert after == {"page": 1, "acted": 1, "repeated": 2, "invalid": 1, "limited": 1}
