"""A recipient pastes the spam, full headers and all, under the forward marker their mail client
writes in their language: the report is a complaint for the original's recipient whatever the
client and language (parsers.forwarded)."""

from __future__ import annotations

import pytest

from parsers import parse

MARKERS = {
    "outlook-de": "-----Ursprüngliche Nachricht-----",
    "outlook-nl": "-----Oorspronkelijk bericht-----",
    "outlook-da": "-----Oprindelig meddelelse-----",
    "outlook-sv": "-----Ursprungligt meddelande-----",
    "outlook-fi": "-----Alkuperäinen viesti-----",
    "outlook-pl": "-----Wiadomość oryginalna-----",
    "outlook-cs": "-----Původní zpráva-----",
    "gmail-fr": "---------- Message transféré ---------",
    "gmail-pl": "---------- Przekazana wiadomość ---------",
    "gmail-vi": "---------- Thư đã chuyển tiếp ---------",
    "gmail-ja": "---------- 転送されたメッセージ ---------",
    "gmail-zh": "---------- 转发的邮件 ---------",
    "gmail-ko": "---------- 전달된 메시지 ----------",
    "gmail-tr": "---------- Yönlendirilmiş ileti ----------",
    "foxmail-zh": "------------------ 原始邮件 ------------------",
    "thunderbird-sv": "-------- Vidarebefordrat meddelande --------",
    # Outlook's HTML forward read as text: a rule of underscores before From/Sent/To/Subject
    "outlook-html": "________________________________",
    # an abuse desk's own dashed title over the original it forwards
    "abuse-desk": "------------- Reported message -------------",
}


def _forward(marker: str) -> bytes:
    return (
        "From: A Recipient <someone@dest.example>\n"
        "To: abuse@sender.example\n"
        "Subject: Spam\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "Never asked for this.\n\n"
        f"{marker}\n"
        "Received: from mta1.sender.example (mta1.sender.example [192.0.2.10])\n"
        "\tby mx.dest.example with ESMTP id 4AbC\n"
        "\tfor <someone@dest.example>; Mon, 02 Mar 2026 09:00:00 +0100\n"
        "From: News <news@sender.example>\n"
        "To: someone@dest.example\n"
        "Subject: Offers\n\n"
        "Buy now.\n"
    ).encode()


@pytest.mark.parametrize("client", sorted(MARKERS))
def test_a_forward_marker_in_the_clients_language_starts_the_pasted_original(client: str) -> None:
    events = parse(_forward(MARKERS[client])).events
    assert [(e.recipient, e.type) for e in events] == [("someone@dest.example", "complaint")]


def test_a_marker_without_the_original_s_transport_headers_is_no_complaint() -> None:
    # a person's forward of another person's mail keeps only From, Date, Subject, To: not a report
    raw = (
        _forward(MARKERS["outlook-de"])
        .replace(b"Received: from", b"X-Seen: from")
        .replace(b"To: someone@dest.example", b"To: colleague@dest.example")
    )
    assert parse(raw).events == ()


@pytest.mark.parametrize("client", ["outlook-html", "abuse-desk"])
def test_a_rule_or_a_title_without_the_original_s_transport_headers_is_no_complaint(client: str) -> None:
    # a rule in a signature, a dashed heading over another person's mail: not a pasted original
    raw = (
        _forward(MARKERS[client])
        .replace(b"Received: from", b"X-Seen: from")
        .replace(b"To: someone@dest.example", b"To: colleague@dest.example")
    )
    assert parse(raw).events == ()


def test_a_dashed_title_over_headers_without_transport_headers_is_no_complaint() -> None:
    # only a client's own marker may start a forward whose To is the forwarder's address; a dashed
    # title of any words needs the original's Received field
    raw = _forward(MARKERS["abuse-desk"]).replace(b"Received: from", b"X-Seen: from")
    assert parse(raw).events == ()
