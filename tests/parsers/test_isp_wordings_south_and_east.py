"""What servers of Latin America, Iberia, Turkey, Greece, Romania, Hungary, Indonesia, Thailand,
Israel and Arabic hosts answer, per family: what kind of address and whose stand between the noun
and its verb ("la dirección de correo del destinatario no es válida", "contul de e-mail a fost
dezactivat", "akun email penerima telah dinonaktifkan", "η διεύθυνση ηλεκτρονικού ταχυδρομείου δεν
υπάρχει"), Hungarian's possessive, Turkish's formal negative, and "no longer in use / exists"."""

from __future__ import annotations

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_what_kind_and_whose_between_noun_and_verb() -> None:
    check_phrases(
        [
            ("550 La dirección de correo del destinatario no es válida", r.USER_UNKNOWN),
            ("550 La dirección de correo electrónico del destinatario no es válida", r.USER_UNKNOWN),
            ("550 Contul de e-mail a fost dezactivat", r.ACCOUNT_DISABLED),
            ("550 Adresa de e-mail a destinatarului nu există", r.USER_UNKNOWN),
            ("550 Contul de e-mail al destinatarului este inexistent", r.USER_UNKNOWN),
            ("550 Akun email penerima telah dinonaktifkan", r.ACCOUNT_DISABLED),
            ("550 Akun email tidak aktif", r.ACCOUNT_DISABLED),
            ("550 Η διεύθυνση ηλεκτρονικού ταχυδρομείου δεν υπάρχει", r.USER_UNKNOWN),
            ("550 Η ΔΙΕΥΘΥΝΣΗ EMAIL ΤΟΥ ΠΑΡΑΛΗΠΤΗ ΔΕΝ ΥΠΑΡΧΕΙ", r.USER_UNKNOWN),
            ("550 A conta de e-mail do destinatário foi desativada", r.ACCOUNT_DISABLED),
            ("550 La cuenta de correo del destinatario ha sido desactivada", r.ACCOUNT_DISABLED),
            ("550 Ο λογαριασμός email του παραλήπτη έχει απενεργοποιηθεί", r.ACCOUNT_DISABLED),
            ("550 บัญชีอีเมลนี้ถูกปิดแล้ว", r.ACCOUNT_DISABLED),
            ("550 חשבון הדואר של הנמען נסגר", r.ACCOUNT_DISABLED),
            ("550 حساب البريد الإلكتروني للمستلم معطل", r.ACCOUNT_DISABLED),
            # Hungarian's possessive ("a címzett e-mail címe", "a címzett fiókja")
            ("550 A címzett e-mail címe nem létezik", r.USER_UNKNOWN),
            ("550 A címzett fiókja megszűnt", r.ACCOUNT_DISABLED),
            # a temporary pause stays a pause with the words between
            ("550 Akun email penerima dinonaktifkan untuk sementara", r.SUSPEND),
            ("550 Contul de e-mail a fost dezactivat temporar", r.SUSPEND),
        ]
    )


def test_turkish_formal_negative_and_no_longer_in_use() -> None:
    check_phrases(
        [
            ("550 Böyle bir kullanıcı bulunmamaktadır", r.USER_UNKNOWN),
            ("550 BOYLE BIR KULLANICI BULUNMAMAKTADIR", r.USER_UNKNOWN),
            ("550 Bu e-posta adresi artık kullanılmıyor", r.ACCOUNT_DISABLED),
            ("550 Bu hesap artık aktif değil", r.ACCOUNT_DISABLED),
        ]
    )
    # the sender's own account no longer active is the sender's problem
    assert r.derive("5.0.0", "550", "550 Hesabınız artık aktif değil", "failed", "RCPT") != r.ACCOUNT_DISABLED


def test_an_address_that_no_longer_exists_or_is_valid_is_gone() -> None:
    check_phrases(
        [
            ("550 Esta cuenta de correo ya no existe", r.ACCOUNT_DISABLED),
            ("550 El usuario ya no existe", r.ACCOUNT_DISABLED),
            ("550 Este endereço de email não é mais válido", r.ACCOUNT_DISABLED),
            # (a temporary suspension is not)
            ("550 A conta do destinatário está temporariamente bloqueada", r.SUSPEND),
        ]
    )
