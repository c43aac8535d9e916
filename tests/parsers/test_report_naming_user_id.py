"""A report that names its failed recipient only by user id or name (GroupWise's "kmeyer (User
account is expired)") is matched to the returned original's recipient
(`fallback.original_recipient_named`); an original whose recipient header holds no address at all
("To: undisclosed-recipients:;") names nobody, and the parse says so without a parser error."""

from __future__ import annotations

from parsers import parse


def _report(to: bytes) -> bytes:
    return (
        b"From: Mail Delivery System <postmaster@corp.example>\r\n"
        b"To: news@sender.example\r\n"
        b"Subject: Undeliverable: Monthly letter\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\n"
        b"The message that you sent was undeliverable to the following:\r\n"
        b"        kmeyer (User account is expired)\r\n\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n"
        b"From: news@sender.example\r\nTo: " + to + b"\r\n"
        b"Subject: Monthly letter\r\n\r\nHello\r\n--b--\r\n"
    )


def test_an_original_without_an_address_names_nobody() -> None:
    result = parse(_report(b"undisclosed-recipients:;"))
    assert result.defects == ()
    assert result.events == ()


def test_the_user_id_picks_one_of_several_recipients() -> None:
    result = parse(_report(b"Anna Berg <aberg@corp.example>, Karl Meyer <kmeyer@corp.example>"))
    assert [(e.recipient, e.classification) for e in result.events] == [("kmeyer@corp.example", "hard")]
