"""Notes/Domino and Exchange 5.5 say "unknown user" as "not in the directory" / "name not
recognized", in each language they answer in: the address is gone (user_unknown, hard).

Domino's own wordings (Sisimai's Domino table has the French, Spanish and Japanese ones), then the
word orders and translations of the languages Domino servers run in. "Several matches found in the
directory" (an ambiguous name, the server's problem) is not an unknown user."""

from __future__ import annotations

import pytest

from parsers import reasons
from parsers.reasons.derive import derive

SENTENCES = (
    "User Kurt Weber (kurt.weber@corp.example) not listed in Domino Directory",
    "User Kurt Weber not listed in public Name & Address Book",
    "Benutzer Kurt Weber nicht im Domino-Verzeichnis aufgeführt",
    "L'utilisateur Kurt Weber n'est pas répertorié dans l'annuaire Domino",
    "The recipient name is not recognized",
    "L'utilisateur Jean Dupont (jean@example.fr) non répertorié dans l'annuaire Domino",
    "L'utilisateur Jean Dupont (jean@example.fr) ne figure pas dans l'annuaire Domino",
    "Utilisateur Jean Dupont (jean@example.fr) non repertorie dans le carnet d'adresses public",
    "El usuario Juan Pérez (juan@example.es) no se encuentra en el Directorio de Domino",
    "Usuario Juan Pérez (juan@example.es) no incluido en el Directorio de Domino",
    "Domino ディレクトリには見つかりません",
    # (HCL Domino's Japanese router: "listed", word for word)
    "ユーザー 田中 (tanaka@example.jp) は Domino ディレクトリにリストされていません",
    "Benutzer Hans Muster (hans@example.de) ist nicht im Domino Verzeichnis aufgeführt",
    "Benutzer Hans Muster (hans@example.de) ist im Domino-Verzeichnis nicht aufgeführt",
    "Utente Mario Rossi (mario@example.it) non presente nel Domino Directory",
    "Usuário João Silva (joao@example.com.br) não listado no Diretório Domino",
    "Utilizador João Silva (joao@example.pt) não consta do Directório do Domino",
    "Gebruiker Jan Jansen (jan@example.nl) niet vermeld in Domino-directory",
    "Användaren Sven Svensson (sven@example.se) finns inte i Domino-katalogen",
    "Brugeren Jens Hansen (jens@example.dk) findes ikke i Domino-kataloget",
    "Brukeren Ola Nordmann (ola@example.no) finnes ikke i Domino-katalogen",
    "Käyttäjää Matti Virtanen (matti@example.fi) ei ole Domino-hakemistossa",
    "Użytkownik Jan Kowalski (jan@example.pl) nie figuruje w katalogu Domino",
    "Uživatel Jan Novák (jan@example.cz) není uveden v adresáři Domino",
    "A felhasználó Kiss János (janos@example.hu) nem szerepel a Domino címtárban",
    "Пользователь Иван Петров (ivan@example.ru) отсутствует в каталоге Domino",
    "사용자 홍길동 (hong@example.kr) 은(는) Domino 디렉토리에 없습니다",
    "Kullanıcı Ali Veli (ali@example.com.tr) Domino Dizini'nde listelenmemiş",
    "Ο χρήστης Γιάννης (giannis@example.gr) δεν περιλαμβάνεται στον κατάλογο Domino",
    "Utilizatorul Ion Popescu (ion@example.ro) nu este listat în directorul Domino",
)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_not_in_the_directory_is_an_unknown_user(sentence: str) -> None:
    assert reasons.match_text(sentence) == reasons.USER_UNKNOWN
    assert reasons.classify(reasons.USER_UNKNOWN) == "hard"
    # as Domino's DSN gives it: a bare 5.0.0 and an X-Notes diagnostic, the server's own lookup
    assert derive("5.0.0", None, sentence, "failed", None, "X-NOTES") == reasons.USER_UNKNOWN


@pytest.mark.parametrize(
    "sentence",
    [
        "Mehrere Übereinstimmungen im Domino-Verzeichnis gefunden",
        "Plusieurs correspondances trouvées dans l'annuaire Domino",
        "Se encontraron varias coincidencias en el Directorio de Domino",
    ],
)
def test_several_matches_in_the_directory_is_not_an_unknown_user(sentence: str) -> None:
    assert reasons.match_text(sentence) != reasons.USER_UNKNOWN
