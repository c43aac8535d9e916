"""Latvian phrase families (data only): what servers and relays answering in Latvian say (inbox.lv,
Tet/Lattelecom, localized Exchange/Outlook reports, Postfix and Exim templates of Latvian hosts).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("lietotājs neeksistē" is read as "lietotajs neeksiste", "bloķēts" as
"blokets"), which also reads the unaccented spellings most servers send.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHO = r"(?:lietotajs|sanemejs|adresats|adrese|e-pasta adrese|pastkastite|pastkaste|konts)"
_NON_USE = r"(?:ilgstosas )?(?:neaktivitates|nelietosanas) del"
_CLOSED = r"(?:atslegt|bloket|dzest|slegt|deaktivizet|likvidet)[sa]"
# What spam is called: "surogātpasts", "mēstule", "spams", and "nevēlams pasts" (unwanted mail)
# as the word for unsolicited mail ("izskatās pēc nevēlama pasta"), any case
_SPAM = r"(?:surogatpast|mestul|spam|nevelam\w{0,3} (?:e-)?past)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        _WHO + r"(?: sanemeja)? (?:neeksiste|nav atrast[sa]|nav zinam[sa]|ir nezinam[sa]|ir nederig[sa])",
        r"nezinam[sa] (?:lietotajs|sanemejs|adresats|adrese)",
        r"(?:tada|sada) (?:lietotaja|sanemeja|adresata|konta) nav|nav (?:tada|sada) (?:lietotaja|sanemeja|adresata)",
        r"neeksistejos[sa] (?:lietotajs|sanemejs|adrese|konts)",
        # Exchange: "Jūsu ievadīto e-pasta adresi nevarēja atrast."
        r"ievadito e-pasta adresi nevareja atrast",
        # Gmail: "jo adrese netika atrasta"
        r"adrese netika atrasta",
    ),
    MAILBOX_FULL: (
        r"(?:pastkastite|pasta kaste|pastkaste)(?: sanemeja)? (?:ir )?(?:pilna|parpildita)",
        r"(?:kvota|ierobezojums) (?:ir )?parsniegt[sa]|parsniegta kvota",
    ),
    SUSPEND: (r"islaicigi (?:blokets|bloketa|atslegts|atslegta|apturets|aptureta|nepieejams|nepieejama)",),
    ACCOUNT_DISABLED: (
        r"(?:konts|pastkastite|pastkaste|adrese|lietotajs)(?: sanemeja)? (?:ir )?(?:tika )?"
        r"(?:atslegt|dzest|slegt|deaktivizet|likvidet)[sa]",
        # blocked or closed for non-use: the address is gone, not paused
        _CLOSED + " " + _NON_USE,
        _NON_USE + r" (?:ir |tika )?" + _CLOSED,
    ),
    HOST_UNKNOWN: (
        r"domens (?:neeksiste|nepastav|nav atrasts|ir nezinams)",
        r"(?:nezinams|neeksistejoss) domens",
    ),
    # the message refused or classified as spam ("surogātpasts", "mēstule", "spams"): the
    # message's fault (soft), and under 5.7.1 the sentence, not the status, names it
    SPAM_DETECTED: (
        r"(?:noraidit|atzimet|klasificet|identificet|atpazit)[sa] ka " + _SPAM,
        r"(?:atzit|uzskatit|novertet)[sa] par " + _SPAM,
        r"aizdomas par " + _SPAM,
        # refused because it "contains spam" ("jo satur surogātpastu")
        r"satur " + _SPAM,
        # spam found in it ("konstatēts surogātpasts"; not "nav konstatēts", none found), or it
        # looks like spam ("izskatās pēc surogātpasta")
        r"(?<!nav )konstatet[sa] " + _SPAM,
        r"izskatas pec " + _SPAM,
        # the spam's marks or content ("surogātpasta pazīmes", "surogātpasta saturs")
        r"(?:surogatpasta|mestulu|spama) (?:pazim|saturs|satura)",
        # the spam filter refused it ("surogātpasta filtrs noraidīja")
        r"(?:surogatpasta|mestulu|spama) filtrs (?:noraidija|blokeja|aiztureja)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain (a network error, soft); the sender's domain is a refusal of the sender
    HOST_UNKNOWN: (r"sutitaja domens", r"meginiet (?:velreiz )?velak", r"islaiciga kluda"),
}
