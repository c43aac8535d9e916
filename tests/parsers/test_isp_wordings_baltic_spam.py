"""Spam refusals in the Baltic languages (Lithuanian, Latvian, Estonian): a message refused or
classified as spam is the message's fault (soft, spam_detected), under a bare 550 and under 5.7.1
(where the sentence, not the status's security_error, names it); then sentences that hold the words
for spam but refuse nothing.
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import Case, check_phrases, reason_under_5_7_1

SPAM: list[Case] = [
    # Lithuanian: "šlamštas", "brukalas", "spamas"
    ("550 Laiškas atmestas kaip šlamštas", r.SPAM_DETECTED),
    ("550 Laiškas pažymėtas kaip brukalas", r.SPAM_DETECTED),
    ("550 Pranešimas laikomas šlamštu", r.SPAM_DETECTED),
    ("550 Įtariamas šlamštas", r.SPAM_DETECTED),
    ("550 Laiškas atmestas dėl įtarimo, kad tai šlamštas", r.SPAM_DETECTED),
    ("550 Šlamšto filtras atmetė laišką", r.SPAM_DETECTED),
    ("550 Laiškas užblokuotas: aptiktas šlamštas", r.SPAM_DETECTED),
    ("550 Jūsų pranešimas panašus į šlamštą", r.SPAM_DETECTED),
    # Latvian: "surogātpasts", "mēstule", "spams"
    ("550 Vēstule noraidīta kā surogātpasts", r.SPAM_DETECTED),
    ("550 Ziņojums tika atzīts par surogātpastu", r.SPAM_DETECTED),
    ("550 Aizdomas par surogātpastu", r.SPAM_DETECTED),
    ("550 Vēstule atzīmēta kā mēstule", r.SPAM_DETECTED),
    ("550 Ziņojums bloķēts, jo satur surogātpastu", r.SPAM_DETECTED),
    ("550 Surogātpasta filtrs noraidīja vēstuli", r.SPAM_DETECTED),
    ("550 Noraidīts: konstatēts surogātpasts", r.SPAM_DETECTED),
    ("550 Vēstule izskatās pēc surogātpasta", r.SPAM_DETECTED),
    # Estonian: "rämpspost", "spämm" (as spam: the essive -na or the translative -ks)
    ("550 Kiri lükati tagasi kui rämpspost", r.SPAM_DETECTED),
    ("550 Kiri tuvastati rämpspostina", r.SPAM_DETECTED),
    ("550 Sõnum märgiti rämpspostiks", r.SPAM_DETECTED),
    ("550 Rämpsposti kahtlus", r.SPAM_DETECTED),
    ("550 Kiri blokeeriti rämpspostifiltri poolt", r.SPAM_DETECTED),
    ("550 Rämpspostifilter lükkas kirja tagasi", r.SPAM_DETECTED),
    ("550 Tuvastatud rämpspost, kiri tagasi lükatud", r.SPAM_DETECTED),
    ("550 Kiri sarnaneb rämpspostiga", r.SPAM_DETECTED),
]


def test_a_spam_refusal_is_spam_detected() -> None:
    check_phrases(SPAM)


@pytest.mark.parametrize("text", [text for text, _ in SPAM])
def test_a_spam_refusal_under_5_7_1_is_spam_not_a_security_error(text: str) -> None:
    assert reason_under_5_7_1(text) == r.SPAM_DETECTED


@pytest.mark.parametrize(
    "text",
    [
        # the message is not spam, or a question about it, or a button's label: nothing refused
        "Laiškas nėra šlamštas",
        "Vēstule nav surogātpasts",
        "Kiri ei ole rämpspost",
        "Kas tas ir surogātpasts?",
        "Märgi rämpspostiks",
        # no spam found ("none detected"), or where to look for it
        "Rämpsposti ei tuvastatud",
        "Kirjas ei tuvastatud rämpsposti",
        "Šlamšto neaptikta",
        "Nav konstatēts surogātpasts",
        "Kontrollige oma rämpsposti kausta",
        "Pārbaudiet surogātpasta mapi",
        "Patikrinkite šlamšto aplanką",
        # refused, but not as spam
        "Laiškas atmestas",
        "Vēstule noraidīta kā nepareiza",
    ],
)
def test_sentences_about_spam_that_refuse_nothing(text: str) -> None:
    assert r.derive(None, None, text, "failed", None) != r.SPAM_DETECTED
