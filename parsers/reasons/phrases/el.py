"""Greek phrase families (data only): what servers and relays answering in Greek say (Otenet/Cosmote,
Forthnet, localized Exchange/Outlook reports and Postfix templates).

Patterns are searched in the lower-cased diagnostic. Greek accents are not folded away
(parsers.reasons.families folds Latin only), and a server writing capitals ("ΔΕΝ ΥΠΑΡΧΕΙ") loses
them when lower-cased: `_either` lets each vowel match with or without its tonos, and sigma in
either form, so the phrases are written plain.
"""

from __future__ import annotations

from typing import Final

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

_TONOS: Final = {
    "α": "[αά]",
    "ε": "[εέ]",
    "η": "[ηή]",
    "ι": "[ιίϊΐ]",
    "ο": "[οό]",
    "υ": "[υύϋΰ]",
    "ω": "[ωώ]",
    "ς": "[σς]",
}


def _either(pattern: str) -> str:
    """`pattern` (plain lower-case Greek, no character classes) with each vowel's tonos optional."""
    return "".join(_TONOS.get(char, char) for char in pattern)


_NON_USE = r"(?:λογω|εξαιτιας) (?:αδρανειας|μη χρησης|μακροχρονιας αδρανειας)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: tuple(
        _either(p)
        for p in (
            r"(?:ο χρηστης|ο παραληπτης|η διευθυνση|το γραμματοκιβωτιο|ο λογαριασμος) (?:δεν υπαρχει|δεν βρεθηκε)",
            r"(?:αγνωστος|ανυπαρκτος) (?:χρηστης|παραληπτης)|(?:αγνωστη|ανυπαρκτη) διευθυνση",
            r"δεν υπαρχει (?:τετοιος|αυτος ο) (?:χρηστης|παραληπτης|λογαριασμος)",
            # Exchange: "Δεν ήταν δυνατή η εύρεση της διεύθυνσης ηλεκτρονικού ταχυδρομείου που καταχωρήσατε."
            r"δεν ηταν δυνατη η ευρεση της διευθυνσης",
            r"δεν βρεθηκε (?:ο χρηστης|ο παραληπτης|η διευθυνση)",
        )
    ),
    MAILBOX_FULL: tuple(
        _either(p)
        for p in (
            r"(?:το γραμματοκιβωτιο|η θυριδα)(?: του παραληπτη)? (?:ειναι )?(?:γεματο|γεματη|πληρες|πληρης)",
            r"(?:υπερβαση|ξεπερασε|υπερβηκε|εχει υπερβει) (?:του |το )?(?:οριου|οριο|οριου χωρου|χωρο)",
            r"δεν υπαρχει (?:αρκετος|επαρκης|διαθεσιμος) χωρος",
        )
    ),
    SUSPEND: tuple(
        _either(p)
        for p in (
            r"προσωρινα (?:κλειδωμενος|κλειδωμενο|απενεργοποιημενος|απενεργοποιημενο|σε αναστολη|μη διαθεσιμος)",
            r"(?:ο λογαριασμος|το γραμματοκιβωτιο) (?:εχει )?(?:ανασταλει|κλειδωθει)",
            r"(?:κλειδωθηκε|ανασταλθηκε)(?!\w* " + _NON_USE + r")",
        )
    ),
    ACCOUNT_DISABLED: tuple(
        _either(p)
        for p in (
            r"(?:ο λογαριασμος|το γραμματοκιβωτιο|η διευθυνση) (?:εχει |εχουν )?"
            r"(?:απενεργοποιηθει|διαγραφει|κλεισει|καταργηθει)",
            r"(?:ο λογαριασμος|το γραμματοκιβωτιο) (?:ειναι )?(?:απενεργοποιημενος|απενεργοποιημενο|ανενεργος|ανενεργο)",
            # blocked or closed for non-use: the address is gone, not paused
            r"(?:απενεργοποιηθηκε|διαγραφηκε|εκλεισε|κλειδωθηκε|ανασταλθηκε|εχει απενεργοποιηθει) "
            + _NON_USE,
        )
    ),
    HOST_UNKNOWN: tuple(
        _either(p)
        for p in (
            r"(?:ο τομεας|το domain|το ονομα τομεα) (?:δεν υπαρχει|δεν βρεθηκε)",
            r"(?:αγνωστος|ανυπαρκτος) τομεας",
        )
    ),
}
