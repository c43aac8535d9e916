"""Notes/Domino and Exchange 5.5 say "unknown user" as "not in the directory" / "name not
recognized", in each language they answer in: the address is gone (user_unknown, hard)."""

from __future__ import annotations

import pytest

from parsers import reasons

SENTENCES = (
    "User Kurt Weber (kurt.weber@corp.example) not listed in Domino Directory",
    "User Kurt Weber not listed in public Name & Address Book",
    "Benutzer Kurt Weber nicht im Domino-Verzeichnis aufgeführt",
    "L'utilisateur Kurt Weber n'est pas répertorié dans l'annuaire Domino",
    "The recipient name is not recognized",
)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_not_in_the_directory_is_an_unknown_user(sentence: str) -> None:
    assert reasons.match_text(sentence) == reasons.USER_UNKNOWN
    assert reasons.classify(reasons.USER_UNKNOWN) == "hard"
