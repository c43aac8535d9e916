"""Polish phrase families (data only): what servers and relays answering in Polish say (WP/o2,
Onet, Interia, localized Exchange and hosting reports).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("użytkownik nie istnieje" is read as "uzytkownik nie istnieje", and
"ł" as "l"), which also reads the unaccented spellings many Polish servers send.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    EXPIRED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    RATE_LIMITED,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHO = (
    r"(?:uzytkownik|adresat|odbiorca|konto(?: docelowe| odbiorcy| pocztowe| e-?mail)?|docelowe konto|adres(?: e-?mail)?"
    r"(?: odbiorcy)?|skrzynka(?: odbiorcy| pocztowa)?)"
)

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:adres|domena) )?nadawc(?:a|y) (?:zostal |jest )?(?:odrzucon[ya]|nieznan[ya]|nieprawidlow[ya]|nie istnieje)"
    r"|nieznany nadawca"
)

# The sender or its IP address blocked ("Nadawca zablokowany", "Adres IP nadawcy został
# zablokowany"), or its mail server (Interia: "Twoj serwer poczty <ip> zostal tymczasowo
# zablokowany za spam"): the sender's (soft), whatever user-unknown status the reply carries (VETO).
_SENDER_BLOCKED: Final = (
    r"nadawca (?:zostal |jest )?zablokowany|adres ip(?: nadawcy)? (?:zostal |jest )?zablokowany"
    r"|(?:twoj|wasz) serwer (?:poczty|pocztowy) (?:\S{1,60} )?(?:zostal |jest )?(?:tymczasowo )?zablokowany"
)

# What a limit counts when it is a rate, not the mailbox's size ("limit wysyłania i odbierania
# poczty", Onet; "dzienny limit wiadomości"; Gmail's "Osiągnięto limit wysyłanych wiadomości")
_RATE_NOUN: Final = r"(?:wysylania|wysylki|odbierania|wiadomosci|polaczen|wyslanych|wysylanych)"
_RATE: Final = r"(?:dzienn[ya] |godzinow[ya] )?" + _RATE_NOUN

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"nie (?:figuruje|wystepuje|jest (?:wymieniony|wymieniona|wpisany|wpisana|uwzgledniony)) w katalogu domino",
        # ("odnaleziony" beside "znaleziony": WP/o2's "Adresat nie został odnaleziony")
        _WHO
        + r" (?:nie istnieje|nieznany|nieznane|nie zostal[ao]? (?:zn|odn)alezion[aey]?|nie (?:zn|odn)aleziono)",
        r"nie ma takiego (?:konta|uzytkownika|adresu|adresata|odbiorcy)|brak takiego (?:konta|uzytkownika|adresu)",
        # a relative clause between the account and its verb (Interia: "Konto do którego próbujesz
        # wysłać maila nie istnieje")
        _WHO + r",? (?:do|na) (?:ktorego|ktora|ktory|ktore) [^.]{0,60}? nie istnieje",
        r"nieznany (?:adresat|odbiorca|uzytkownik|adres)|nieistniejac[aey] (?:konto|adres|uzytkownik|skrzynka)",
        r"nie znaleziono (?:adresata|odbiorcy|uzytkownika|konta|adresu)",
        # Exchange: "Nie można znaleźć wprowadzonego adresu e-mail."
        r"nie (?:mozna|udalo sie) (?:zn|odn)alezc (?:wprowadzonego |podanego )?adresu",
        # Exchange Online: "Nie znaleziono <użytkownik> w <domena>."
        r"(?:nie znaleziono \S{1,64}|nie zosta(?:l|ł)[ao]? znalezion[ya]) (?:w|na) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    MAILBOX_FULL: (
        r"skrzynka(?: pocztowa)?(?: odbiorcy| adresata)? (?:jest )?(?:pelna|przepelniona|zapelniona)",
        r"(?:przepelnion[aey]|pelna) skrzynk",
        # the account full (neuter), a relative clause allowed before the verb (kei.pl's qmail
        # notes: "konto e-mail, na które chciałeś wysłać wiadomość, jest pełne")
        r"konto(?: e-?mail| pocztowe| odbiorcy| adresata)?(?:,? na ktore [^.]{0,60}?,)? (?:jest )?(?:pelne|przepelnione|zapelnione)",
        # (not a limit on sending or receiving: a rate, below)
        r"przekroczon[oyaei]? (?:limit|pojemnosc|rozmiar|quota|limitu)(?! " + _RATE + r")(?: skrzynki)?",
        r"brak (?:wolnego )?miejsca(?: w skrzynce)?",
        # "too little space on the recipient's account" (Polish qmail translations)
        r"za malo (?:wolnego )?miejsca na (?:koncie|skrzynce)",
    ),
    SUSPEND: (
        r"konto(?: odbiorcy| adresata)? (?:zostalo |jest )?(?:(?:tym)?czasowo )?(?:zawieszone|zablokowane)"
        r"(?! (?:z powodu|ze wzgledu na|po) (?:dlugiego |dluzszego )?(?:braku aktywnosci|nieaktywnosci|nieuzywani))",
        r"(?:tym)?czasowo (?:zablokowan|zawieszon|niedostepn)",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer used", "no longer active" (ISPs' wording for a closed account)
        r"(?:adres|konto|skrzynka)(?: e-?mail| pocztowa)? (?:nie jest juz (?:uzywan[ya]|aktywn[ey])"
        r"|juz nie jest (?:uzywan[ya]|aktywn[ey]))",
        # whose, between noun and verb ("skrzynka odbiorcy jest nieaktywna", WP/o2's 5.2.1 wording;
        # "konto odbiorcy zostało usunięte")
        r"(?:konto|skrzynka|adres)(?: odbiorcy| adresata| pocztow[aey])? (?:zostal[oa]? |jest )?"
        r"(?:usuniet[eay]|wylaczon[eay]|dezaktywowan[eay]|zamkniet[eay]"
        r"|nieaktywn[eay]|zlikwidowan[eay])",
        # blocked or closed for non-use: the address is gone, not paused
        # the adjective first ("Nieaktywna skrzynka pocztowa", the 521 of Polish senders' code lists)
        r"(?:nieaktywn|zlikwidowan|dezaktywowan|usuniet)[aey] (?:skrzynka|konto|adres)(?! nadawcy)",
        r"(?:zablokowan|zawieszon|usuniet|wylaczon|dezaktywowan|zamkniet)[eay] (?:z powodu|ze wzgledu na|po) "
        r"(?:dlugiego |dluzszego )?(?:braku aktywnosci|nieaktywnosci|nieuzywani)",
        # expired ("konto wygasło")
        r"(?:konto|adres(?: e-?mail)?|skrzynka)(?: \S{1,20})? (?:wygasl[aoy]?|jest wygasl[aey])",
    ),
    HOST_UNKNOWN: (
        r"domena(?: odbiorcy| adresata)? (?:nie istnieje|jest nieznana|nie zostala znaleziona)",
        r"(?:nieznana|nieistniejaca) domena|nie ma takiej domeny",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (
        r"(?:uznan|rozpoznan|oznaczon|zakwalifikowan|odrzucon|sklasyfikowan)[aoy] (?:jako|za) spam",
        r"podejrzeni[ea] spamu",
    ),
    # the server gave up after days of trying: a final report's own sentence ("Zaprzestano dalszych
    # prób doręczenia", "Przekroczono czas oczekiwania w kolejce", "nie udało się dostarczyć przez 5 dni")
    EXPIRED: (
        r"zaprzestano (?:dalszych |kolejnych )?prob (?:doreczenia|dostarczenia|wyslania)",
        r"przekroczono (?:maksymalny )?czas (?:oczekiwania w kolejce|doreczenia|dostarczenia)",
        r"nie udalo sie (?:jej )?(?:dostarczyc|doreczyc) (?:wiadomosci )?(?:przez|w ciagu) \d+ (?:dni|godzin)",
    ),
    # a limit on sending or receiving exceeded (Onet: "Przekroczono limit wysyłania i odbierania
    # poczty"): a rate, soft, not the mailbox full
    # (reached, as Gmail says it: "Osiągnięto limit wysyłanych wiadomości"); a limit per day or
    # hour is a rate whatever verb comes with it ("Przekroczono dzienny limit wiadomości",
    # "godzinny limit wiadomości e-mail ... został przekroczony", iq.pl)
    RATE_LIMITED: (
        r"(?:przekroczon[oyaei]?|osiagnieto) (?:limit|limitu) " + _RATE,
        r"(?:dzienn[ya]|godzin(?:n|ow)[ya]|24-godzinn[ya]) limit(?:u)? " + _RATE_NOUN,
    ),
    # the sender or its IP address blocked ("Nadawca zablokowany")
    BLOCKED: (_SENDER_BLOCKED,),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:twoje|twoja|wasze|wasza) konto",),
    # the sender's mail server blocked for now (Interia: "Twoj serwer poczty <ip> zostal tymczasowo
    # zablokowany za spam"): a block of the sender (BLOCKED), not the recipient's mailbox paused
    SUSPEND: (r"\b(?:twoj|wasz) serwer",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"spr(?:ó|o)buj (?:ponownie )?p(?:ó|o)(?:ź|z)niej",
        r"tymczasowy b(?:ł|l)(?:ą|a)d",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,), BLOCKED: (_SENDER_BLOCKED,)}
