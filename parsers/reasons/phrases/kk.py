"""Kazakh phrase families (data only): what servers and relays answering in Kazakh say (localized
Exchange/Outlook reports and Kazakh hosts; most Kazakh ISPs answer in Russian, which ru.py reads).

Kazakh is written in Cyrillic with its own letters (ә ғ қ ң ө ұ ү һ і); servers put the subject
first and the verb last ("Пайдаланушы табылмады", user was not found), with suffixes on the noun,
so the nouns are written as stems.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# user, recipient, (e-mail) address, mailbox, account: stems that take the case suffixes
_WHO = r"(?:пайдаланушы|алушы|мекенжай|пошта жәшіг|жәшік|тіркелгі|аккаунт)"
_GAP = r"[^.\n]{0,40}?"
# "temporarily": a suspension that ends (soft)
_TEMPORARY = r"уақытша"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "... табылмады" (was not found), "... жарамсыз" (invalid); "жоқ" (there is none) and
        # "белгісіз" (unknown) only right after the noun ("жоқ" ends many other sentences)
        _WHO + r"\w{0,6}" + _GAP + r"(?:табылмады|табылған жоқ|жарамсыз)",
        _WHO + r"\w{0,6} (?:жоқ|белгісіз)",
        r"(?:белгісіз|жарамсыз) (?:пайдаланушы|алушы|мекенжай)",
    ),
    MAILBOX_FULL: (r"(?:пошта )?жәшіг\w{0,6} (?:толы|толып қалды|толған)", r"квота\w{0,4} (?:асып|толды)"),
    SUSPEND: (_TEMPORARY + _GAP + r"(?:бұғатталған|тоқтатылған|өшірілген)",),
    ACCOUNT_DISABLED: (
        r"(?:тіркелгі|аккаунт|жәшік|пошта жәшіг)\w{0,6}" + _GAP + r"(?:өшірілген|жойылған|жабылған)"
        r"(?![^.\n]{0,30}" + _TEMPORARY + r")",
    ),
    HOST_UNKNOWN: (r"домен\w{0,4}" + _GAP + r"(?:табылмады|жоқ|белгісіз)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own ("жіберуші", the sender; "сіздің тіркелгіңіз", your account)
    USER_UNKNOWN: (r"жіберуші",),
    ACCOUNT_DISABLED: (r"сіздің (?:тіркелгі|аккаунт)",),
    HOST_UNKNOWN: (r"жіберуші",),
}
