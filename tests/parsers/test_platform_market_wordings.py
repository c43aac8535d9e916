"""The platforms' own markets (German, Danish, Vietnamese, Latin American, Turkish, Indonesian
hosts): forms of the phrase families their servers and translated MTA templates use that the
textbook wording misses — a participle or reported past, an adverb of place between verb and
negation, what kind of account between noun and verb. Each is read under a 5.0.0 answering RCPT TO,
so the text alone decides (DESIGN: unknown or closed is hard, full or paused is soft)."""

from __future__ import annotations

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_german_unknown_here_and_no_longer_existing() -> None:
    check_phrases(
        [
            # qmail/Exim templates translated by German hosts
            ("Dieser Benutzer existiert hier nicht mehr.", r.ACCOUNT_DISABLED),
            ("Das Postfach existiert auf diesem Server nicht mehr", r.ACCOUNT_DISABLED),
            ("Diese E-Mail-Adresse ist nicht mehr vergeben", r.ACCOUNT_DISABLED),
            ("Der Inhaber hat diese E-Mail-Adresse aufgegeben", r.ACCOUNT_DISABLED),
            ("Empfänger bei uns unbekannt", r.USER_UNKNOWN),
            ("Benutzer auf diesem Server unbekannt", r.USER_UNKNOWN),
            ("Diesen Empfänger gibt es nicht", r.USER_UNKNOWN),
            ("Empfänger nicht existent", r.USER_UNKNOWN),
        ]
    )


def test_spanish_deregistered_and_not_in_our_system() -> None:
    check_phrases(
        [
            ("La dirección de correo fue dada de baja", r.ACCOUNT_DISABLED),
            ("El usuario se ha dado de baja del servicio", r.ACCOUNT_DISABLED),
            ("El destinatario no se encuentra en nuestro sistema", r.USER_UNKNOWN),
            ("El usuario no está registrado en nuestro servidor", r.USER_UNKNOWN),
        ]
    )


def test_turkish_reported_past_and_not_registered() -> None:
    check_phrases(
        [
            ("Kullanıcı hesabı kapatılmış", r.ACCOUNT_DISABLED),
            ("Bu e-posta adresi silinmiş", r.ACCOUNT_DISABLED),
            ("Hesap iptal edilmiş", r.ACCOUNT_DISABLED),
            ("Bu e-posta adresi artık kullanım dışı", r.ACCOUNT_DISABLED),
            ("Bu kullanıcı sistemimizde kayıtlı değil", r.USER_UNKNOWN),
            ("Bu kullanıcı bu sunucuda bulunmuyor.", r.USER_UNKNOWN),
        ]
    )


def test_danish_vietnamese_indonesian_portuguese_forms() -> None:
    check_phrases(
        [
            # Exchange in Danish says "du har indtastet" as well as "du angav"
            ("Den mailadresse, du har indtastet, blev ikke fundet.", r.USER_UNKNOWN),
            ("Der er ingen bruger med navnet anna på denne server", r.USER_UNKNOWN),
            ("Tài khoản email đã ngừng hoạt động", r.ACCOUNT_DISABLED),
            ("Alamat email sudah tidak aktif", r.ACCOUNT_DISABLED),
            ("Este endereço foi desativado definitivamente", r.ACCOUNT_DISABLED),
        ]
    )
