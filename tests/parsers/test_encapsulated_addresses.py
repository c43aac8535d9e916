"""Exchange's IMCEA encapsulations of other address types (parsers.dsn.decapsulated)."""

from __future__ import annotations

import pytest

from parsers.attribution import list_verp_member
from parsers.dsn import decapsulated


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("imceasmtp-ann+2elee+40b+2eexample@corp.example", "ann.lee@b.example"),
        ("imceasmtp-ann+40b.example@corp.example", "ann@b.example"),
        # (an X.500 name holds no SMTP address; one that decodes to no address stays as written)
        (
            "imceaex-_o=org_ou=exchange_cn=recipients_cn=ann@corp.example",
            "imceaex-_o=org_ou=exchange_cn=recipients_cn=ann@corp.example",
        ),
        ("imceasmtp-ann@corp.example", "imceasmtp-ann@corp.example"),
        ("imceasmtp-ann+40localhost@corp.example", "imceasmtp-ann+40localhost@corp.example"),
        ("ann@b.example", "ann@b.example"),
    ],
)
def test_decapsulated(written: str, meant: str) -> None:
    assert decapsulated(written) == meant


@pytest.mark.parametrize(
    ("return_path", "member"),
    [
        ("list-bounces+lee+news=mail.example@lists.example", "lee+news@mail.example"),
        ("list-bounces+lee=mail.example@lists.example", "lee@mail.example"),
        ("list+bounces-42-lee+x=mail.example@lists.example", "lee+x@mail.example"),
        ("SRS0=Hx4k=QZ=sender.example=alice@forwarder.example", None),
    ],
)
def test_list_verp_member_keeps_its_plus(return_path: str, member: str | None) -> None:
    assert list_verp_member(return_path) == member
