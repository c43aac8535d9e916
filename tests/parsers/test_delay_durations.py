"""A delay notice whose "could not be delivered" names how long it has not been is a delay; the
recipient's domain unknown in English is the domain; a VERP message number is not the member's.

Postfix's delay notice says "Your message could not be delivered for 4.0 hours" under "THIS IS A
WARNING ONLY", and ISPs translate it (German "konnte seit 24 Stunden nicht zugestellt werden",
Italian "non è stato recapitato da 4 ore", Danish "kunne ikke leveres i 4 timer"): the sentence with
its duration is the delay's, not a final report's (issue 12: a delay report is ignored).
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.attribution import list_verp_member
from parsers.reasons import is_delay_notice
from tests.parsers.languages import check_phrases

DELAYS = {
    "en": "THIS IS A WARNING ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE.\n"
    "Your message could not be delivered for 4.0 hours.\nIt will be retried until it is 5.0 days old.",
    "de": "Die Nachricht konnte seit 24 Stunden nicht zugestellt werden.\nDies ist nur eine Warnung.",
    "de-retry": "Ihre Nachricht konnte seit 4.0 Stunden nicht zugestellt werden. Es wird weiterhin versucht.",
    "de-days": "Ihre Nachricht konnte seit 2 Tagen nicht zugestellt werden. Dies ist nur eine Warnung.",
    "es": "ÉSTE ES SÓLO UN MENSAJE DE AVISO.\nSu mensaje no se ha podido entregar durante 4.0 horas.",
    "it": "Questo è solo un avviso.\nIl messaggio non è stato recapitato da 4.0 ore.",
    "it-last": "Questo è solo un avviso. Il messaggio non è stato recapitato nelle ultime 24 ore.",
    "da": "Dette er kun en advarsel.\nDin besked kunne ikke leveres i 4.0 timer.",
    "da-last": "Dette er kun en advarsel. Beskeden kunne ikke leveres i de sidste 24 timer.",
    "hi": "यह केवल एक चेतावनी है। आपका संदेश amit@rediffmail.example.com को अभी तक डिलीवर नहीं हुआ है।",
    "hi-delayed": "ravi@mail.example.in को डिलीवरी में देरी हो रही है। सर्वर फिर से प्रयास करेगा।",
    "hi-nukta": "यह सिर्फ़ एक चेतावनी है। प्रयास जारी रहेंगे।",
}


@pytest.mark.parametrize("lang", sorted(DELAYS))
def test_a_delay_that_says_how_long_is_a_delay(lang: str) -> None:
    assert is_delay_notice("", DELAYS[lang])


@pytest.mark.parametrize(
    "text",
    [
        # the final sentence without a duration stays final, warning words or not
        "This is a warning only. Your message could not be delivered for the following reason: user unknown.",
        "Dies ist nur eine Warnung. Die Nachricht konnte nicht zugestellt werden.",
        "Questo è solo un avviso. Il messaggio non è stato recapitato per il seguente motivo.",
        "Dette er kun en advarsel. Beskeden kunne ikke leveres.",
        # a Hindi final report ("could not be delivered", "please try again later") is no delay
        "आपका संदेश amit@rediffmail.example.com को डिलीवर नहीं हो सका।\nकारण: उपयोगकर्ता मौजूद नहीं है।",
        "कृपया बाद में फिर से प्रयास करें।",
    ],
)
def test_a_final_report_is_not(text: str) -> None:
    assert not is_delay_notice("", text)


def test_the_recipients_domain_unknown_is_the_domain_not_the_user() -> None:
    check_phrases(
        [
            ("The domain of the recipient does not exist", r.HOST_UNKNOWN),
            ("The domain of the recipient was not found", r.HOST_UNKNOWN),
            ("The domain of recipient could not be found", r.HOST_UNKNOWN),
            ("The recipient's domain does not exist", r.HOST_UNKNOWN),  # (the domain phrase's own)
        ]
    )
    # a user unknown *in* the recipient's domain is still the user
    check_phrases(
        [
            ("The user does not exist in the recipient's domain", r.USER_UNKNOWN),
            ("User unknown in the domain of the recipient", r.USER_UNKNOWN),
            ("The recipient does not exist", r.USER_UNKNOWN),
        ]
    )


@pytest.mark.parametrize(
    ("return_path", "member"),
    [
        # the list's message number between the prefix and the member, as ezmlm and mlmmj put it
        ("bounce-12345-jane=example.com@lists.example.org", "jane@example.com"),
        ("bounce-123-mary-ann=isp.example@lists.example.org", "mary-ann@isp.example"),
        # a member of digits alone is still the member
        ("bounce-12345=isp.example@lists.example.org", "12345@isp.example"),
    ],
)
def test_a_verp_message_number_is_not_the_members(return_path: str, member: str) -> None:
    assert list_verp_member(return_path) == member
