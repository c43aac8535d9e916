"""Hindi phrase families (data only): what servers and relays answering in Hindi say (Rediffmail,
Indian hosting panels, localized Exchange/Outlook and Gmail reports).

Devanagari has no case and no accents to fold. A nukta letter (ज़) is written precomposed or as
its letter and the nukta sign, and informal writers leave the nukta out ("मौजूद" and "मौजुद" alike),
so such letters are classes; "मेलबॉक्स" is also spelled without its candra o ("मेलबाक्स").
Hindi puts the verb last ("... मौजूद नहीं है", does not exist), after the noun.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_Z = "(?:\u095b|\u091c\u093c?)"  # ज़, precomposed, decomposed or without its nukta
_EXISTS = "मौ" + _Z + "ूद"  # "मौजूद", present / existing
# the recipient, its address or its mailbox ("प्राप्तकर्ता", recipient; "उपयोगकर्ता", user; "ईमेल पता",
# e-mail address; "खाता", account), with an optional possessive between ("प्राप्तकर्ता का ईमेल पता")
_WHO = (
    r"(?:प्राप्तकर्ता|उपयोगकर्ता|यूज़र|यूजर)(?: (?:का|की|के))?(?: (?:ईमेल|ई-मेल) (?:पता|खाता))?"
    r"|(?:ईमेल|ई-मेल) (?:पता|खाता)|मेलब(?:ॉ|ा)क्स"
)
_ACCOUNT = r"(?:(?:ईमेल |ई-मेल )?खाता|मेलब(?:ॉ|ा)क्स|(?:ईमेल |ई-मेल )?पता)"
# "temporarily": a pause that ends (soft)
_TEMPORARY = r"(?:अस्थायी|अस्थाई)(?: रूप से)?"
# "because of inactivity", "because it has not been used for a long time"
_NON_USE = r"(?:निष्क्रियता|(?:लंबे समय से )?(?:उपयोग|इस्तेमाल) न (?:होने|करने)) (?:के कारण|की वजह से)"
# the verbs of a closed account: deactivated, closed, deleted, cancelled, disabled
_CLOSED = r"(?:निष्क्रिय|बंद|हटा|डिलीट|रद्द|अक्षम|समाप्त)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "... does not exist", "... was not found", "... is invalid"
        r"(?:" + _WHO + r") (?:" + _EXISTS + r" नहीं (?:है|हैं)|नहीं मिला|नहीं मिल सका|नहीं पाया गया|अमान्य है)",
        r"(?:अज्ञात|अमान्य) (?:प्राप्तकर्ता|उपयोगकर्ता|(?:ईमेल|ई-मेल) पता)",
        # "(this) account does not exist / was not found"
        r"खाता (?:" + _EXISTS + r" नहीं (?:है|हैं)|नहीं मिला)",
        # "there is no such user", "this address does not exist"
        r"ऐसा कोई (?:प्राप्तकर्ता|उपयोगकर्ता|(?:ईमेल|ई-मेल) (?:पता|खाता)|खाता) (?:नहीं है|" + _EXISTS + " नहीं)",
        # Gmail's and Exchange's: "आप जिस ईमेल खाते तक पहुँचने का प्रयास कर रहे हैं, वह मौजूद नहीं है",
        # "आपके द्वारा दर्ज किया गया ईमेल पता नहीं मिल सका"
        r"(?:ईमेल|ई-मेल) खाते तक पहु(?:ँ|ं)चने का प्रयास कर रहे हैं,? वह " + _EXISTS + " नहीं",
        r"दर्ज (?:किया गया|किए गए) (?:ईमेल|ई-मेल) पता नहीं मिल",
    ),
    MAILBOX_FULL: (
        r"(?:मेलब(?:ॉ|ा)क्स|इनब(?:ॉ|ा)क्स)(?: पूरा| पूरी तरह)? (?:भर (?:गया|चुका)|भरा हुआ)",
        r"(?:भंडारण|संग्रहण|स्टोरेज) (?:कोटा|सीमा|स्थान) (?:पार|समाप्त|पूरा|भर)",
        r"कोटा (?:पार हो|पार कर|समाप्त हो|पूरा हो)",
    ),
    SUSPEND: (
        _TEMPORARY + r" (?:निलंबित|बंद|अक्षम|अवरुद्ध|लॉक|रोका)",
        # suspended with no word for how long: a pause until it says why (non-use) or for good
        _ACCOUNT + r" (?:को )?निलंबित(?! (?:कर दिया गया है )?" + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        # "the account has been deactivated / closed / deleted" (not "temporarily")
        _ACCOUNT + r" (?:को )?(?:स्थायी रूप से )?" + _CLOSED + r" (?:कर दिया गया|हो गया|हो चुका|है)",
        # "... is inactive / no longer in use"
        _ACCOUNT + r" (?:अब )?(?:निष्क्रिय है|उपयोग में नहीं है|अब उपयोग में नहीं)",
        # closed or suspended for non-use: the address is gone, not paused
        _NON_USE + r"[^।.\n]{0,30}?(?:" + _CLOSED + r"|निलंबित)",
    ),
    HOST_UNKNOWN: (
        r"(?:डोमेन|डोमेन नाम) (?:" + _EXISTS + r" नहीं|नहीं मिला|अज्ञात है)",
        r"अज्ञात डोमेन",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address or account ("प्रेषक", sender; "आपका खाता", your account): a refusal
    # of the sender, never the recipient's address being gone
    # (with its verb: a template's "प्रेषक का पता:" label next to the recipient's reason is not it)
    USER_UNKNOWN: (r"(?:प्रेषक|भेजने वाले) (?:का|के) (?:ईमेल )?पता (?:" + _EXISTS + r" नहीं|नहीं मिला|अमान्य)",),
    ACCOUNT_DISABLED: (r"आपका (?:ईमेल )?खाता",),
    # a domain "not found" that says to try again later, or that is the sender's: not the
    # recipient's domain gone
    HOST_UNKNOWN: (r"(?:प्रेषक|भेजने वाले) (?:का|के) डोमेन", r"बाद में (?:पुनः|फिर से) (?:प्रयास|कोशिश)"),
}
