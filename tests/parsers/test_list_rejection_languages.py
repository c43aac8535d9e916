"""Sympa's moderator rejection in its translations (parsers.mta.listmanager): the rejection of a
post names the list, and only a refusal counts (an approval in the same words is none)."""

from __future__ import annotations

import pytest

from parsers import parse

HEAD = (
    "From: SYMPA <sympa@lists.example.org>\nTo: news@sender.example\nSubject: {subject}\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
)


def _events(subject: str, body: str) -> list[tuple[str | None, str]]:
    raw = (HEAD.format(subject=subject) + body).encode("utf-8")
    return [(e.recipient, e.classification) for e in parse(raw).events]


@pytest.mark.parametrize(
    "body",
    [
        # Polish and Czech written without their accents (a 7-bit gateway or an archive dropped them)
        "Twoja wiadomosc wyslana na liste chem@lists.example.org\nnie zostala rozeslana. Odrzucil ja moderator listy: m@lists.example.org\n",
        "Vase zprava do konference chem@lists.example.org\nnebyla rozeslana. Byla odmitnuta moderatorem konference:\nm@lists.example.org\n",
        "Sua mensagem para a lista chem@lists.example.org\nfoi rechaçado por m@lists.example.org, moderador da lista.\n",
    ],
)
def test_translated_rejection_is_a_soft_bounce_for_the_list(body: str) -> None:
    assert _events("Rejected", body) == [("chem@lists.example.org", "soft")]


def test_german_approval_in_the_same_words_is_no_rejection() -> None:
    body = "Ihr Beitrag zur Mailing-Liste chor@lists.example.org\nwurde von m@lists.example.org (Moderator) freigegeben.\n"
    assert _events("Ihr Beitrag wurde freigegeben", body) == []
