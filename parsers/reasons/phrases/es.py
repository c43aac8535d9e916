"""Spanish phrase families (data only): what servers and relays answering in Spanish say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out (they are folded on both sides).
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    EXPIRED,
    FILTERED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    NO_RELAYING,
    RATE_LIMITED,
    REJECTED,
    REQUIRE_PTR,
    SPAM_DETECTED,
    SUSPEND,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# The recipient's domain unknown, whose domain after the noun: the domain is gone (host_unknown),
# not the user whose noun stands inside it; the verdict is named too, so a user unknown *in* that
# domain stays the user.
_RECIPIENTS_DOMAIN_GONE: Final = r"dominio del destinatario (?:no existe|es desconocido|(?:es )?inexistente|no (?:fue |ha sido )?encontrado)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:direcci[oó]n|dominio) (?:del|de) )?remitente (?:es |fue |ha sido )?(?:desconocid[oa]|rechazad[oa]|no v[aá]lid[oa]"
    r"|inv[aá]lid[oa]|no autorizad[oa]|inexistente|no existe|no encontrad[oa])"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # qmail's "no mailbox here by that name" as translated notices word it ("Lo siento, aquí no existe
        # ningún buzón con ese nombre", "no hay un buzón con ese nombre")
        r"no (?:hay|existe) (?:un |ningun )?buzon (?:aqui )?(?:con|de) (?:ese|este) nombre",
        # "invalid address" and "no user with that address", as English's "invalid recipient", "no such user"
        # (what kind and whose, the address itself and the verb may stand between: "la dirección de correo
        # del destinatario <a@b> es incorrecta")
        r"direcci[oó]n (?:(?:de correo(?: electr[oó]nico)?|de e-?mail|del destinatario|de destino) ){0,2}"
        r"(?:<[^\s<>]{1,200}> )?(?:es |esta )?(?:incorrecta|inv[aá]lida|err[oó]nea)",
        r"no hay (?:ning[uú]n )?(?:usuario|destinatario|buz[oó]n) (?:con (?:esa|esta) direcci[oó]n|con ese nombre)",
        # (Notes/Domino: the user is not in the directory)
        r"no (?:aparece|figura|est[aá]|se encuentra|(?:est[aá] )?incluido) (?:listado |registrado )?en el directorio (?:de )?domino",
        r"usuario (?:desconocido|inexistente|no existe|no encontrado|no v[aá]lido)",
        # "cuenta de correo no válida" (the recipient's mail account is not valid; not "su cuenta",
        # the sender's own)
        r"(?<!su )cuenta de (?:correo(?: electr[oó]nico)?|e-?mail)(?: del destinatario)? (?:no v[aá]lida|inv[aá]lida)",
        # (and "no such user" word for word: "No existe tal usuario aquí")
        r"(?:el|este) usuario no existe|no existe (?:el|ese|dicho|tal) (?:usuario|destinatario)|no existe dicha persona",
        r"no existe (?:la |esa |dicha |ninguna |tal )?(?:cuenta|casilla|direcci[oó]n|buz[oó]n)",
        r"(?:usuario|destinatario) no tiene (?:una )?cuenta",
        r"destinatario (?:desconocido|inexistente|no existe|no encontrado|no (?:es )?v[aá]lido)",
        # "not found in our system" (not "no se encuentra disponible": unavailable, soft)
        r"(?:usuario|destinatario|cuenta|casilla|direcci[oó]n|buz[oó]n)(?: de correo(?: electr[oó]nico)?)? no"
        r" (?:se encuentra|existe|est[aá]) (?:registrad[oa] )?en (?:nuestro|este|el) (?:sistema|servidor|dominio)",
        r"direcci[oó]n (?:de correo(?: electr[oó]nico)? |de e-?mail |del destinatario |de destino )?(?:desconocida|inexistente"
        r"|no existe|no encontrada)",
        r"(?:la )?cuenta de correo(?: electr[oó]nico)? (?:no existe|que intentaste contactar no existe)",
        r"buz[oó]n (?:de correo )?(?:inexistente|desconocido|no existe|no encontrado)",
        r"cuenta (?:de correo(?: electr[oó]nico)? )?(?:inexistente|desconocida|no encontrada)",
        # (Rioplatense and Chilean servers call the mailbox a "casilla")
        r"casilla (?:de correo )?(?:inexistente|desconocida|no existe|no encontrada)",
        # Exchange: "No se encontró la dirección de correo electrónico que escribiste."
        r"no se (?:encontro|ha encontrado|pudo encontrar|puede encontrar) (?:la )?direcci[oó]n",
        # (what kind and whose may both stand between noun and verb: "de correo del destinatario")
        r"(?:la )?direcci[oó]n (?:(?:de correo(?: electr[oó]nico)?|de e-?mail|del destinatario) ){0,2}no (?:es )?v[aá]lida",
        # Exchange Online: "No se encontró <usuario> en <dominio>."
        r"no se (?:ha )?encontrado (?:a )?(?:\S{1,64} )?en [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+|no se encontro (?:a )?(?:\S{1,64} )?en [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    # a Sieve reject or the delivery agent's refusal as its rejection text reads in a hosting
    # panel's translation ("Su mensaje a <a@b> ha sido rechazado automáticamente"): the recipient's own rule
    FILTERED: (
        r"su mensaje (?:a|para) <[^>\s]{1,300}> (?:ha sido|fue) rechazado automaticamente(?!.{0,300}(?:spam|virus))",
    ),
    MAILBOX_FULL: (
        r"buz[oó]n (?:de correo )?(?:del destinatario )?(?:est[aá] )?(?:lleno|completo|saturado|excedido)",
        r"cuota (?:de (?:disco|almacenamiento|buz[oó]n) )?(?:excedida|superada|agotada)",
        # the mailbox over its size ("El buzón del destinatario excede el tamaño permitido")
        # (the past tense too: "La casilla del destinatario superó su espacio asignado")
        r"(?:buz[oó]n|casilla)(?: de correo)?(?: del destinatario)? (?:ha )?(?:excede|supera|excedido|superado|sobrepasa|sobrepasado"
        r"|alcanzado|alcanz[oó]|excedi[oó]|super[oó]|sobrepas[oó])"
        r" (?:el|la|su) (?:tama[nñ]o|capacidad|l[ií]mite|espacio|cuota)",
        r"(?:ha )?(?:excedido|superado|excedi[oó]|super[oó]) (?:su|la) cuota",
        r"sin espacio (?:en el buz[oó]n|disponible)|buz[oó]n (?:de correo )?sin espacio|espacio (?:en disco )?insuficiente",
        r"casilla (?:de correo )?(?:del destinatario )?(?:est[aá] )?(?:llena|completa|saturada|excedida)",
    ),
    SUSPEND: (
        # (whose and what kind may stand between noun and verb: "la cuenta del destinatario está
        # suspendida temporalmente", Telefónica's wording)
        r"cuenta (?:(?:de correo(?: electr[oó]nico)?|de e-?mail|del destinatario) ){0,2}(?:ha sido |fue |est[aá] )?"
        r"(?:temporalmente )?(?:suspendida|bloqueada)"
        r"(?! por (?:falta de uso|inactividad|desuso|no uso))",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer in use", "no longer active" (ISPs' wording for a closed account)
        r"(?:direccion|cuenta|buzon|casilla|usuario)(?: de correo(?: electronico)?)? ya no (?:esta (?:en uso|activ[ao]"
        r"|operativ[ao])|se (?:usa|utiliza)|existe|es valid[ao])",
        # what kind and whose may both stand between noun and verb ("la cuenta de correo del destinatario
        # ha sido desactivada")
        r"cuenta (?:(?:de correo(?: electr[oó]nico)?|de e-?mail|del destinatario) ){0,2}(?:ha sido |fue |est[aá] )?"
        r"(?:deshabilitada|desactivada"
        r"|cancelada|eliminada|cerrada|inhabilitada|dada de baja|inactiva)",
        r"buz[oó]n (?:de correo )?(?:ha sido |est[aá] )?(?:deshabilitado|desactivado|inactivo|eliminado|cerrado)",
        r"usuario (?:ha sido |est[aá] )?(?:deshabilitado|desactivado|dado de baja|inactivo)",
        # deregistered ("dado de baja"), any noun, the reflexive too ("el usuario se ha dado de baja
        # del servicio", "la dirección de correo fue dada de baja")
        r"(?:usuario|destinatario|cuenta|casilla|direcci[oó]n|buz[oó]n)(?: de correo(?: electr[oó]nico)?)?"
        r" (?:se )?(?:ha sido |ha |fue |est[aá] )?dad[oa] de baja",
        r"casilla (?:de correo )?(?:ha sido |fue |est[aá] )?(?:deshabilitada|desactivada|inactiva|eliminada"
        r"|cerrada|dada de baja)",
        # expired, or closed for non-use: the address is gone, not paused
        r"(?:cuenta|buz[oó]n|casilla|usuario)(?: de correo(?: electr[oó]nico)?)? (?:ha |fue |est[aá] )?"
        r"(?:expirad|vencid|caducad)[oa]",
        r"(?:expirad|vencid|caducad|suspendid|bloquead|desactivad|deshabilitad|eliminad|cerrad|dad)[oa]s? "
        r"(?:de baja )?por (?:falta de uso|inactividad|desuso|no uso)",
    ),
    HOST_UNKNOWN: (
        r"dominio (?:desconocido|inexistente|no existe|no encontrado)",
        r"(?:el|este) dominio no existe|no existe el dominio",
        # (the domain named: "No se encontró el dominio x", "El dominio x no existe")
        r"no se (?:encontr(?:o|ó)|ha encontrado|pudo encontrar) el dominio",
        r"\bdominio [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ no existe",
        _RECIPIENTS_DOMAIN_GONE,
        # not registered ("el dominio (x) no parece estar registrado")
        r"\bdominio(?: \([^)\s]{1,255}\)| [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+)? no (?:parece (?:estar |ser )|est(?:a|á) )?registrado",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        r"(?:considerad|detectad|identificad|clasificad|catalogad|marcad)[oa] como (?:posible )?(?:spam|correo no deseado)",
        # (the reflexive too: "rechazado por considerarse correo no deseado")
        r"rechazad[oa] por (?:ser |considerarse )?(?:considerad[oa] )?(?:como )?(?:posible )?(?:spam|correo no deseado)",
        # what the message holds ("contiene contenido no deseado (spam)", "el mensaje contiene correo
        # no deseado"; not "no contiene ..."). (Not "contiene spam": a phrase holding " spam" is
        # indexed under that keyword, which English diagnostics hold, and searched for each of them.)
        r"\bcontenido (?:no deseado|no solicitado)\b",
        r"(?<!\bno )\bcontiene correo no deseado\b",
    ),
    # the server gave up after trying for hours or days: a final report's sentences ("No se ha
    # podido entregar su mensaje a a@b en las últimas 72 horas", "No se realizarán más intentos")
    EXPIRED: (
        r"no se ha podido entregar (?:su |el )?(?:mensaje )?(?:a \S{1,200} )?en las ultimas \d+ (?:horas|dias)",
        r"no se (?:realizaran|haran) mas intentos",
    ),
    # the server refuses to relay for the sender ("Relay no permitido", "Relay denegado"): the
    # sender's, soft (English's "relay access denied")
    NO_RELAYING: (r"relay (?:no (?:permitido|autorizado)|denegado)",),
    # a scanner found a virus in the message ("virus detectado", "contiene un virus"; not "no
    # contiene virus", "ningún virus detectado")
    VIRUS_DETECTED: (
        r"(?<!ningun )(?<!nenhum )virus (?:detectado|encontrado)|(?<!\bno)(?<!\bnon) contiene (?:un )?virus",
    ),
    TOO_MANY_CONNECTIONS: (r"demasiadas conexiones",),
    # the sender's messages too many ("Ha superado el límite de envío", "demasiados mensajes")
    # (the noun first too, "Límite de envío excedido", as Portuguese also writes it, "Limite de envio
    # excedido")
    RATE_LIMITED: (
        r"(?:superado|excedido|alcanzado) el limite de envio|demasiados (?:mensajes|correos)\b"
        r"|limite de envio (?:excedido|superado|alcanzado|ultrapassado|atingido)",
    ),
    # the sender's server on a block list ("la dirección IP de origen se encuentra en una lista
    # negra", "lista de bloqueo"; Portuguese writes "lista negra" alike): the sender's, soft
    # (English's "blacklisted by", "is in a black list")
    BLOCKED: (r"\blista (?:negra|de bloqueo)\b",),
    # the sender's server without a reverse DNS name ("no tiene DNS inverso", "registro PTR";
    # Portuguese writes "registro PTR" alike): English's "no ptr record", "reverse dns"
    REQUIRE_PTR: (r"\bdns inverso\b|\bresolucion inversa\b|\bregistro ptr\b",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"dominio del remitente",  # (the sender's domain)
        r"(?:int(?:é|e)ntelo|vuelva a intentar(?:lo)?|reintente|intente)(?: de nuevo| nuevamente)? (?:m(?:á|a)s tarde|luego)",
        r"error temporal",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
