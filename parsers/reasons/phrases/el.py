"""Greek phrase families (data only): what servers and relays answering in Greek say (Otenet/Cosmote,
Forthnet, localized Exchange/Outlook reports and Postfix templates).

Patterns are searched in the lower-cased diagnostic. Greek accents are not folded away
(parsers.reasons.families folds Latin only), and a server writing capitals ("ΔΕΝ ΥΠΑΡΧΕΙ") loses
the tonos when lower-cased: phrases are written with their accents and `_either` lets each accented
vowel also match without it. (Only the accented vowel: the rest of each word stays a literal the
keyword index can use.)
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    EXPIRED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# each vowel with a tonos -> a class of it with and without (the rest of the word stays a literal)
_EITHER: Final = str.maketrans({a: f"[{a}{p}]" for a, p in zip("άέήίόύώΐΰ", "αεηιουωϊϋ", strict=True)})


def _either(pattern: str) -> str:
    """`pattern`, written with its accents, also matching as written in capitals (no tonos)."""
    return pattern.translate(_EITHER)


# what kind and whose, between the noun and its verb ("η διεύθυνση ηλεκτρονικού ταχυδρομείου του
# παραλήπτη δεν υπάρχει", "ο λογαριασμός email του παραλήπτη έχει απενεργοποιηθεί")
_WHOSE = r"(?: ηλεκτρονικού ταχυδρομείου| email| e-mail)?(?: του παραλήπτη)? "
_NON_USE = r"(?:λόγω|εξαιτίας) (?:αδράνειας|μη χρήσης|μακροχρόνιας αδράνειας)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    _either(
        r"(?:(?:η διεύθυνση|ο τομέας) )?(?:του )?αποστολέα (?:απορρίφθηκε|είναι άγνωστος|δεν υπάρχει|δεν βρέθηκε)"
    )
    + "|"
    + _either(r"άγνωστος αποστολέας")
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: tuple(
        _either(p)
        for p in (
            # (what kind and whose may stand between noun and verb: "η διεύθυνση ηλεκτρονικού
            # ταχυδρομείου του παραλήπτη δεν υπάρχει")
            r"(?:ο χρήστης|ο παραλήπτης|η διεύθυνση|το γραμματοκιβώτιο|ο λογαριασμός)"
            + _WHOSE
            + r"(?:δεν υπάρχει|δεν βρέθηκε)",
            r"(?:άγνωστος|ανύπαρκτος) (?:χρήστης|παραλήπτης)",
            r"(?:άγνωστη|ανύπαρκτη) διεύθυνση",
            r"δεν υπάρχει (?:τέτοιος|αυτός ο) (?:χρήστης|παραλήπτης|λογαριασμός)",
            # Exchange: "Δεν ήταν δυνατή η εύρεση της διεύθυνσης ηλεκτρονικού ταχυδρομείου που καταχωρήσατε."
            r"δεν ήταν δυνατή η εύρεση της διεύθυνσης",
            # "the address you typed was not found"
            r"που (?:πληκτρολογήσατε|καταχωρήσατε|εισαγάγατε) δεν βρέθηκε",
            r"δεν βρέθηκε (?:ο χρήστης|ο παραλήπτης|η διεύθυνση)",
            # (Notes/Domino: the user is not in the directory)
            r"δεν (?:περιλαμβάνεται|αναφέρεται|υπάρχει) στον κατάλογο domino",
        )
    ),
    MAILBOX_FULL: tuple(
        _either(p)
        for p in (
            r"(?:το γραμματοκιβώτιο|η θυρίδα)(?: του παραλήπτη)? (?:είναι )?(?:γεμάτο|γεμάτη|πλήρες|πλήρης)",
            r"(?:υπέρβαση|ξεπέρασε|υπερέβη|έχει υπερβεί) (?:του |το )?(?:ορίου|όριο)",
            r"δεν υπάρχει (?:αρκετός|επαρκής|διαθέσιμος) χώρος",
        )
    ),
    SUSPEND: tuple(
        _either(p)
        for p in (
            r"προσωρινά (?:κλειδωμένος|κλειδωμένο|απενεργοποιημένος|απενεργοποιημένο|σε αναστολή|μη διαθέσιμος)",
            r"(?:ο λογαριασμός|το γραμματοκιβώτιο) (?:έχει )?(?:ανασταλεί|κλειδωθεί)",
            r"(?:κλειδώθηκε|ανεστάλη)(?!\w* " + _NON_USE + r")",
        )
    ),
    ACCOUNT_DISABLED: tuple(
        _either(p)
        for p in (
            r"(?:ο λογαριασμός|το γραμματοκιβώτιο|η διεύθυνση)"
            + _WHOSE
            + r"(?:έχει )?(?:απενεργοποιηθεί|διαγραφεί|κλείσει|καταργηθεί)",
            r"(?:ο λογαριασμός|το γραμματοκιβώτιο) (?:είναι )?(?:απενεργοποιημένος|απενεργοποιημένο|ανενεργός|ανενεργό)",
            # the past tense ("διαγράφηκε": was deleted) and expiry ("έχει λήξει", "έληξε")
            r"(?:ο λογαριασμός|το γραμματοκιβώτιο|η διεύθυνση)"
            + _WHOSE
            + r"(?:διαγράφηκε|καταργήθηκε|έχει λήξει|έληξε)",
            # blocked or closed for non-use: the address is gone, not paused
            r"(?:απενεργοποιήθηκε|διαγράφηκε|έκλεισε|κλειδώθηκε|ανεστάλη|έχει απενεργοποιηθεί) " + _NON_USE,
            # an address "no longer in use" ("Η διεύθυνση δεν χρησιμοποιείται πλέον"): closed, as English's
            # (whose, named between: "του παραλήπτη"; the sender's is not it)
            r"(?:η διεύθυνση|το γραμματοκιβώτιο|ο λογαριασμός)"
            + _WHOSE
            + r"δεν (?:χρησιμοποιείται|είναι ενεργ\w{0,3}|είναι έγκυρ\w{0,3}|ισχύει) πλέον",
        )
    ),
    HOST_UNKNOWN: tuple(
        _either(p)
        for p in (
            r"(?:ο τομέας|το domain|το όνομα τομέα)(?: του παραλήπτη)? (?:δεν υπάρχει|δεν βρέθηκε)",
            r"(?:άγνωστος|ανύπαρκτος) τομέας",
        )
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (
        _either(r"(?:χαρακτηρίστηκε|αναγνωρίστηκε|απορρίφθηκε|εντοπίστηκε) ως (?:spam|ανεπιθύμητ)"),
    ),
    # the sender or its IP address blocked or black-listed ("Ο αποστολέας έχει αποκλειστεί", "η
    # διεύθυνση IP βρίσκεται σε μαύρη λίστα")
    BLOCKED: tuple(
        _either(p)
        for p in (
            r"ο αποστολέας (?:έχει )?(?:αποκλειστεί|μπλοκαριστεί)|(?:η διεύθυνση ip|η ip)(?: του αποστολέα)? "
            r"(?:έχει )?(?:αποκλειστεί|μπλοκαριστεί)",
            r"(?:σε|στη|στην) μαύρη λίστα",
        )
    ),
    # the server gave up after its time ("Το χρονικό όριο παράδοσης έληξε", "Έληξε ο χρόνος παράδοσης")
    EXPIRED: tuple(
        _either(p)
        for p in (
            r"(?:το χρονικό όριο|ο χρόνος|η προθεσμία) (?:παράδοσης|αναμονής) (?:έχει )?(?:έληξε|λήξει)",
            r"έληξε (?:το χρονικό όριο|ο χρόνος|η προθεσμία) (?:παράδοσης|αναμονής)",
        )
    ),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"δοκιμ(?:άστε|αστε|άσετε|ασετε) (?:ξαν(?:ά|α) |π(?:ά|α)λι )?αργ(?:ό|ο)τερα",),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
