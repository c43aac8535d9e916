"""Italian certified mail (PEC, posta elettronica certificata): the providers' receipts and notices.

A PEC provider answers a certified message with signed receipts and notices (DPR 68/2005 and the
technical rules of DM 2 novembre 2005): the kind is named in the `X-Ricevuta` header, the facts in
the attached `daticert.xml` (`<consegna>`: the recipient; `<errore-esteso>`: the failure as the
recipient's provider stated it). The human text says the same ("... ed indirizzato a "a@b" ...",
"Errore: 5.1.1 - ... - indirizzo non valido").

- errore-consegna ("Avviso di mancata consegna"): the message could not be delivered to that
  recipient: a failure, its reason read from the stated error;
- preavviso-errore-consegna (no answer from the recipient's provider within 12 hours): a delay;
- rilevazione-virus, non-accettazione (a virus found; the sender's own provider refusing the
  message): failures, on the sender's side as their words say;
- avvenuta-consegna ("Ricevuta di avvenuta consegna"): a delivery receipt;
- accettazione, presa-in-carico (the sender's provider accepted the message, the recipient's took
  it in charge): the message was passed on (relayed).
"""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail, payload_text
from parsers.mta._providers import guarded, make

NAME = "PEC"
# Prefilter: the header is the gate.
MARKER_HEADERS = ("X-Ricevuta",)

_ACTIONS = {
    "errore-consegna": "failed",
    "rilevazione-virus": "failed",
    "non-accettazione": "failed",
    "preavviso-errore-consegna": "delayed",
    "avvenuta-consegna": "delivered",
    "accettazione": "relayed",
    "presa-in-carico": "relayed",
}
# daticert.xml's fields (one element a line in every provider's file; a value never holds "<")
_FIELD = compile_lazily(r"<(consegna|destinatari|errore-esteso)\b[^>]{0,200}>([^<]{1,2000})</")
# the text's own sentence: "... ed indirizzato a "a@b" ..." and its "Errore: ..." line
_ADDRESSED = compile_lazily(r"(?i)\bindirizzat[oa] a:?\s{1,20}\"?([^\"\s<>]{1,200}@[^\"\s<>]{1,255})")
_ERROR_LINE = compile_lazily(
    r"(?im)^[ \t]*errore(?: riscontrato)?[ \t]*(?:(?:è|e'?)[ \t]*)?:[ \t]*(\S[^\n]{0,1000})"
)


def _daticert(mail: Mail) -> str:
    """The text of the attached daticert.xml ("" when there is none)."""
    for part in mail.message.walk():
        if (part.get_filename() or "").lower() == "daticert.xml":
            return payload_text(part)
    return ""


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    kind = mail.header("X-Ricevuta").strip().lower()
    action = _ACTIONS.get(kind)
    if action is None:
        return None
    fields: dict[str, list[str]] = {}
    for name, value in _FIELD.findall(_daticert(mail)):
        fields.setdefault(name, []).append(value.strip())
    recipients = fields.get("consegna") or [m.group(1) for m in _ADDRESSED.finditer(mail.text)]
    if not recipients and action == "relayed":
        recipients = fields.get("destinatari", [])
    stated = fields.get("errore-esteso")
    found = _ERROR_LINE.search(mail.text) if not stated else None
    diagnostic = stated[0] if stated else (found.group(1) if found else None)
    if action == "failed" and not diagnostic:
        diagnostic = mail.text.strip()[:1000] or None
    return [make(r, diagnostic, action=action) for r in dict.fromkeys(recipients)]
