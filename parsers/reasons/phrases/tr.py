"""Turkish phrase families (data only): what servers and relays answering in Turkish say (Türk
Telekom/ttmail, Yandex.TR, localized Exchange/Outlook reports and Postfix templates).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("ş" is read as "s", "ğ" as "g", "ç" as "c", "ü" as "u", "ö" as
"o", "İ" as "i"). The dotless "ı" has no folded form and stays; a server writing capitals
("KULLANICI") or ASCII sends "i" where the word has "ı", so each "ı" is written "[ıi]".
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_NON_USE = r"(?:uzun sure )?(?:kullan[ıi]lmad[ıi]g[ıi](?: icin|ndan)|kullan[ıi]lmamas[ıi] nedeniyle|inaktif oldu(?:gu icin|gundan))"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"domino dizini'?nde (?:listelenmemis|listelenmiyor|bulunmuyor|yok)",
        # ("alıcı adresi", the recipient's address)
        # (and the formal reported past servers write: "Alıcı bulunamamıştır")
        r"(?:kullan[ıi]c[ıi]|al[ıi]c[ıi](?: adresi)?|e-?posta adresi|adres|posta kutusu|hesap) "
        r"(?:bulunamad[ıi]|bulunamam[ıi]s|mevcut degil|yok)",
        # (the formal "bulunmamaktadır", "is not to be found", as servers write it)
        r"(?:boyle bir|bu isimde bir?) (?:kullan[ıi]c[ıi]|al[ıi]c[ıi]|adres|posta kutusu|hesap) "
        r"(?:yok|bulunmuyor|bulunmamaktad[ıi]r|mevcut degil)",
        r"bilinmeyen (?:kullan[ıi]c[ıi]|al[ıi]c[ıi]|adres)",
        # (Exchange: "E-posta hesabı, bu iletinin gönderildiği kuruluşta yok")
        r"e-?posta hesab[ıi],? [^.]{0,80}kurulusta (?:yok|bulunmuyor)",
        # not on this server or in our system ("sistemimizde kayıtlı değil", qmail's "bu sunucuda
        # bulunmuyor")
        r"(?:kullan[ıi]c[ıi]|al[ıi]c[ıi]|adres(?:i)?|hesap) (?:sistemimizde|sistemde|bu sunucuda|sunucuda)"
        r" (?:kay[ıi]tl[ıi] degil|bulunmuyor|bulunmamaktad[ıi]r|yok|mevcut degil)",
        r"(?:kullan[ıi]c[ıi]|al[ıi]c[ıi]) bilinmiyor",
        # Exchange: "Girdiğiniz e-posta adresi bulunamadı."
        r"girdiginiz e-?posta adresi",
        # "(recipient) address invalid"
        r"(?:al[ıi]c[ıi] |e-?posta )?adres(?:i)? gecersiz|gecersiz (?:al[ıi]c[ıi]|e-?posta adresi|adres)",
    ),
    MAILBOX_FULL: (
        # ("dolmuştur", "aşılmıştır": the formal reported past)
        r"(?:posta|gelen) kutusu (?:tamamen )?(?:dolu|doldu|dolmus)",
        r"(?:kota(?:s[ıi])?|depolama alan[ıi]) (?:as[ıi]l(?:d[ıi]|m[ıi]s)|doldu|dolmus|dolu)",
        r"kotay[ıi] ast[ıi]|kota limitini ast[ıi]",
    ),
    SUSPEND: (
        # (servers' formal reported past "-mıştır" as well as the witnessed "-dı": "askıya alınmıştır")
        r"gecici olarak (?:ask[ıi]ya al[ıi]n(?:d[ıi]|m[ıi]s)|kilitlen(?:di|mis)|engellen(?:di|mis)|devre d[ıi]s[ıi]"
        r"|kapat[ıi]l(?:d[ıi]|m[ıi]s))",
        r"(?:hesap|hesab[ıi]) (?:ask[ıi]ya al[ıi]n(?:d[ıi]|m[ıi]s)|kilitlen(?:di|mis)|engellen(?:di|mis))"
        r"(?!\w* " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        # (the reported past "-mış" as well as the witnessed "-dı": "kapatılmış", "silinmiş")
        r"(?:hesap|hesab[ıi]|posta kutusu|adres(?:i)?) (?:kal[ıi]c[ıi] olarak )?"
        r"(?:devre d[ıi]s[ıi] b[ıi]rak[ıi]l(?:d[ıi]|m[ıi]s)|kapat[ıi]l(?:d[ıi]|m[ıi]s)|kapal[ıi]|silin(?:di|mis)"
        r"|iptal edil(?:di|mis)|pasif)",
        # an address "no longer in use" (ISPs' wording for a closed account), as English's
        r"(?:adres(?:i)?|hesap|hesab[ıi]|posta kutusu) art[ıi]k (?:kullan[ıi]lm[ıi]yor|kullan[ıi]lmamakta|kullan[ıi]mda degil|kullan[ıi]m d[ıi]s[ıi]|aktif degil)",
        # blocked or closed for non-use: the address is gone, not paused
        _NON_USE + r" (?:kapat[ıi]l(?:d[ıi]|m[ıi]s)|silin(?:di|mis)|devre d[ıi]s[ıi]|engellen(?:di|mis)"
        r"|ask[ıi]ya al[ıi]n(?:d[ıi]|m[ıi]s))",
        # expired ("hesap süresi doldu", "süresi dolmuş hesap")
        r"(?:hesap|hesab[ıi]n(?:[ıi]n)?) (?:gecerlilik )?sure(?:si)? (?:doldu|dolmus)",
        r"suresi dol(?:mus|an) (?:hesap|posta kutusu)",
    ),
    HOST_UNKNOWN: (
        r"(?:alan ad[ıi]|etki alan[ıi]) (?:bulunamad[ıi]|mevcut degil|yok)",
        r"bilinmeyen (?:alan ad[ıi]|etki alan[ıi])|boyle bir alan ad[ıi]",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (
        r"spam olarak (?:alg[ıi]land[ıi]|tespit edildi|isaretlendi|degerlendirildi|reddedildi|s[ıi]n[ıi]fland[ıi]r[ıi]ld[ıi])",
        # ("istenmeyen e-posta", unwanted mail: the word Turkish servers and Outlook use for spam)
        r"istenmeyen (?:e-?posta|posta|ileti|mesaj) olarak",
    ),
    # the sender or its IP address blocked or black-listed ("IP adresiniz kara listede", "Gönderen
    # engellendi")
    BLOCKED: (
        r" kara liste(?:de|ye|lerde)",
        r"(?:ip adres(?:iniz|i)|gonderen(?: adres[ıi])?|gonderici) (?:engellendi|engellenmistir|bloke edildi)",
    ),
    # too many (simultaneous) connections from the sender ("Çok fazla bağlantı"): the sender's pace
    TOO_MANY_CONNECTIONS: (r"(?:cok fazla|asiri) (?:eszamanl[ıi] )?baglant[ıi]",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address ("gönderen adresi geçersiz"): a refusal of the sender
    # (with its verb: a template's "Gönderen adresi:" label is not it)
    USER_UNKNOWN: (
        r"gonder(?:en|ici)(?:n[ıi]n)? (?:e-?posta )?adres(?:i)? (?:bulunama(?:d[ıi]|m[ıi]s)|gecersiz|mevcut degil|yok)",
    ),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\bhesab[ıi]n[ıi]z",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"daha sonra (?:tekrar|yeniden) deneyin",
        r"ge(?:ç|c)ici (?:dns )?hata",
    ),
}
