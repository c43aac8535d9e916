"""Provider vocabularies: a remote host's documented reply names the reason, keyed on the host."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.delivery import Delivery
from parsers.reasons import providers as rhost


@pytest.mark.parametrize(
    ("host", "diagnostic", "reason"),
    [
        (
            "cluster1.eu.messagelabs.com",
            "553 Sorry, your envelope sender is in my badmailfrom list",
            "rejected",
        ),
        ("cluster1.eu.messagelabs.com", "550-Invalid recipient <a@b.example> 550 (#5.1.1)", "user_unknown"),
        (
            "smtpz4.laposte.net",
            "554 5.7.1 <mx[192.0.2.9]>: Client host rejected LPN000_630",
            "policy_violation",
        ),
        (
            "smtp-in.orange.fr",
            "421 4.2.1 Service refuse. Service refused, please try later. LPN006_107",
            "undefined",
        ),
        ("smtp-in.orange.fr", "550 5.1.1 Invalid recipient. OFR_416 [416]", "user_unknown"),
        # a mailbox archived after months without use: closed for non-use (hard)
        (
            "smtp-in.orange.fr",
            "550 5.5.0 Boite du destinataire archivee. Archived recipient. OFR_415 [415]",
            "account_disabled",
        ),
        # (La Poste's code for the same archived mailbox: was suspend, soft)
        (
            "smtp-in.laposte.net",
            "550 5.5.0 Boite du destinataire archivee. Archived recipient. LPN007_420",
            "account_disabled",
        ),
    ],
)
def test_provider_reply_names_the_reason(host: str, diagnostic: str, reason: str) -> None:
    d = Delivery("a@b.example", status="5.0.0", diagnostic=diagnostic, remote_mta=host)
    assert rhost.reason(d) == reason


@pytest.mark.parametrize(
    ("status", "reason"),
    [("5.2.0", "filtered"), ("5.1.1", "user_unknown")],
)
def test_docomo_rules_follow_the_recipients_domain_through_any_relay(status: str, reason: str) -> None:
    # docomo's "550 Unknown user" means its receiving filter under 5.2.0, a missing address under
    # 5.1.1, whichever relay (no docomo host named) reports it
    d = Delivery(
        "keitai@docomo.ne.jp",
        status=status,
        diagnostic="550 Unknown user keitai@docomo.ne.jp",
        remote_mta="relay.example.net",
    )
    assert rhost.reason(d) == reason


def test_the_same_words_from_another_host_are_left_to_the_generic_table() -> None:
    d = Delivery(
        "a@b.example",
        diagnostic="553 Sorry, your envelope sender is in my badmailfrom list",
        remote_mta="mx.example.net",
    )
    assert rhost.reason(d) is None


@pytest.mark.parametrize(
    ("host", "diagnostic", "reason"),
    [
        (
            "163mx01.mxmail.netease.com",
            "553 RP:RDN http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1",
            "user_unknown",
        ),
        ("mx.corp.cn.example", "553 RP:RDN", "user_unknown"),  # (Coremail, whoever runs it)
        ("126mx00.mxmail.netease.com", "552 RP:UQT 126mx00,ABCD", "mailbox_full"),
        ("163mx14.mxmail.netease.com", "554 DT:SPM 163mx14,QsCowABnK8wE 1741165260", "spam_detected"),
        ("mx.edu.cn.example", "550 MI:IPB mx1 http://mail.163.com/help/help_spam_16.htm", "blocked"),
        ("mx.edu.cn.example", "550 MI:SPF mx1", "auth_failure"),
    ],
)
def test_a_coremail_code_names_the_reason_whoever_runs_it(host: str, diagnostic: str, reason: str) -> None:
    d = Delivery("a@b.example", status="5.0.0", diagnostic=diagnostic, remote_mta=host)
    assert rhost.reason(d) == reason


def test_a_coremail_like_word_that_is_no_code_of_its_table_says_nothing() -> None:
    d = Delivery("a@b.example", status="5.0.0", diagnostic="550 RP:XYZ", remote_mta="mx.example.net")
    assert rhost.reason(d) is None


def test_ionos_refusing_the_senders_domain_is_sender_side_whatever_the_command() -> None:
    # (the "mailbox unavailable" of its first line is the sender's: its domain has no MX)
    text = "550-Requested action not taken: mailbox unavailable 550 invalid DNS MX or A/AAAA resource record"
    for host in ("mx00.ionos.de", "mx-ha02.web.de", "relay.example.net"):
        d = Delivery("a@b.example", status="5.0.0", diagnostic=text, remote_mta=host, smtp_command="RCPT")
        assert rhost.reason(d) == "rejected"


def _plain_by_domain(domain: str) -> object:
    """The rule the recipient's domain names, found as the table reads: the first of its domains
    that is the recipient's or a parent of it."""
    for fragments, rule in rhost._BY_DOMAIN:
        for fragment in fragments:
            if domain and (domain == fragment or domain.endswith("." + fragment)):
                return rule
    return None


def test_the_domain_index_finds_what_testing_every_domain_finds() -> None:
    known = [f for fragments, _ in rhost._BY_DOMAIN for f in fragments]
    domains = ["", "net", "ua", "example.com", "mail.example.net", "a.b.c.d.jp"]
    for f in known:
        # the domain, a subdomain, a lookalike that only ends with its letters, one that holds it
        domains += [f, "mx." + f, "x" + f, f + ".example", f + ".", "." + f]
    for domain in domains:
        assert rhost._by_domain(domain) is _plain_by_domain(domain), domain


def test_a_reply_reads_its_own_status_and_code_only_where_the_report_gives_none() -> None:
    given = rhost._Reply(
        Delivery("a@b.example", status="5.1.1", smtp_code="550", diagnostic="421 4.7.0 later")
    )
    assert (given.status, given.code) == ("5.1.1", "550")
    quoted = rhost._Reply(Delivery("a@b.example", status="5.0.0", diagnostic="421 4.7.0 try later"))
    assert (quoted.status, quoted.code) == ("4.7.0", "421")
    assert (rhost._Reply(Delivery("a@b.example")).status, rhost._Reply(Delivery("a@b.example")).code) == (
        "",
        "",
    )


def test_a_phrase_table_keeps_the_tables_order_and_the_first_reason_of_a_phrase() -> None:
    table = rhost._phrase_table({"blocked": ("zeta", "shared"), "rejected": ("shared", "alpha")})
    assert table[0] == ("zeta", "shared", "alpha")
    reply = rhost._Reply(Delivery("a@b.example", diagnostic="550 ALPHA  and\tshared"))
    assert rhost._phrases(reply, table) == "blocked"
    assert rhost._phrases(rhost._Reply(Delivery("a@b.example", diagnostic="alpha")), table) == "rejected"


def test_the_white_space_of_an_ascii_reply_is_what_collapsed_looks_for() -> None:
    # (what lets an ASCII reply without these, double or outer spaces stand as its own normal form)
    assert [c for c in map(chr, range(128)) if c.isspace()] == [*"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", " "]


def _old_reply_text(low: str) -> str:
    """The reply's text as it was made (a printable text's only white space is the space)."""
    return low if low.isprintable() and "  " not in low and low.strip() is low else " ".join(low.split())


# Replies as words between runs of white space of every kind, ASCII and not (a non-printable
# character and a non-ASCII letter among the words' letters), and any at either end.
_SPACE = st.sampled_from([*" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u3000", "  ", "\r\n", ""])
_WORD = st.text(alphabet="ab5.\x00é", min_size=1, max_size=3)
_REPLY = st.builds(
    lambda first, runs, end: first + "".join(space + word for space, word in runs) + end,
    st.one_of(_WORD, st.tuples(_SPACE, _WORD).map("".join)),
    st.lists(st.tuples(_SPACE, _WORD), max_size=4),
    st.one_of(st.just(""), _SPACE),
)


@settings(max_examples=400, deadline=None)
@given(_REPLY)
def test_a_collapsed_reply_is_the_one_it_was(low: str) -> None:
    assert rhost.collapsed(low) == _old_reply_text(low) == " ".join(low.split())


def test_every_character_between_words_and_at_either_end_collapses_as_it_did() -> None:
    # (every character up to U+3000, the last white space str.split knows)
    for char in map(chr, range(0x3001)):
        for low in (f"a{char}b", f"{char}ab", f"ab{char}", f"a {char}b"):
            assert rhost.collapsed(low) == _old_reply_text(low), ascii(low)


@pytest.mark.parametrize(
    "diagnostic",
    [
        "550 5.1.1 User Unknown",
        "550  5.1.1 user unknown",
        " 550 5.1.1",
        "550 5.1.1 ",
        "550\t5.1.1",
        "550-5.1.1 a\r\n550 5.1.1 b",
        "550\u00a05.1.1 x",
        "550\u20035.1.1\u3000x",
        "550\x1c5.1.1",
        "550\x855.1.1",
        "Empfänger UNBEKANNT",
        "",
    ],
)
def test_the_reply_text_is_lower_cased_with_white_space_collapsed(diagnostic: str) -> None:
    reply = rhost._Reply(Delivery("a@b.example", diagnostic=diagnostic))
    assert reply.text == " ".join(diagnostic.lower().split())


@pytest.mark.parametrize(
    ("command", "reason"), [("rcpt", "user_unknown"), ("Data", "rejected"), (None, None)]
)
def test_docomo_reads_the_command_in_any_case(command: str | None, reason: str | None) -> None:
    # (the reply's command is upper-cased when the rule asks, as it was when the reply was made)
    delivery = Delivery("a@docomo.ne.jp", status="5.0.0", smtp_command=command, diagnostic="550 refused")
    assert rhost._docomo(rhost._Reply(delivery)) == reason
