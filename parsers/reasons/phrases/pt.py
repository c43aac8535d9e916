"""Portuguese phrase families (data only): what servers and relays answering in Portuguese say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out (they are folded on both sides).
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
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
_RECIPIENTS_DOMAIN_GONE: Final = r"dom[ií]nio do destinat[aá]rio (?:(?:e )?desconhecido|(?:e )?inexistente|n[aã]o existe|n[aã]o (?:foi )?encontrado)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:endere[cç]o|dom[ií]nio) do )?remetente (?:e |foi )?(?:desconhecido|rejeitado|recusado|inv[aá]lido|bloqueado"
    r"|n[aã]o autorizado|inexistente|n[aã]o existe|n[aã]o encontrado)"
)

# What kind of account or mailbox, and whose, between the noun and its verdict: Brazil's "de
# e-mail", Portugal's "de correio (electrónico)" (MEO, SAPO: "a conta de correio do destinatário foi
# desactivada"), "de utilizador", "do destinatário"; one or two of them.
_KIND: Final = r"(?:(?:de e-?mail|de correio(?: elec?tr[oôó]nico)?|de utilizador|do destinat[aá]rio) ){0,2}"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    # (Brazil writes "usuário", "cota", "eletrônico"; Portugal "utilizador", "quota", "electrónico":
    # both wherever they stand)
    USER_UNKNOWN: (
        # "invalid address" and "no user with that address", as English's "invalid recipient", "no such user"
        # (what kind and whose, the address itself and the verb may stand between: "o endereço de e-mail
        # do destinatário <a@b> está incorreto")
        r"endere[cç]o (?:(?:de e-?mail|de correio(?: elec?tr[oôó]nico)?|do destinat[aá]rio|de destino) ){0,2}"
        r"(?:<[^\s<>]{1,200}> )?(?:e |esta )?(?:inv[aá]lido|incorreto)",
        r"nenhum (?:usu[aá]rio|utilizador|destinat[aá]rio) (?:com (?:esse|este) (?:endere[cç]o|nome))",
        # (Notes/Domino: the user is not in the directory)
        r"n[aã]o (?:(?:est[aá]|consta) )?(?:listado |relacionado )?[nd]o direc?t[oó]rio (?:do )?domino",
        r"(?:usu[aá]rio|utilizador) (?:desconhecido|inexistente|n[aã]o existe|n[aã]o (?:encontrado|localizado)|inv[aá]lido)",
        # (the participle between: "o e-mail informado não existe")
        r"e-?mail (?:(?:informado|digitado|inserido|indicado|especificado) )?(?:desconhecido|inexistente|n[aã]o existe"
        r"|n[aã]o encontrado)",
        r"destinat[aá]rio (?:desconhecido|inexistente|n[aã]o existe|n[aã]o (?:encontrado|localizado)|inv[aá]lido)",
        r"endere[cç]o (?:de e-?mail |de correio(?: elec?tr[oôó]nico)? |do destinat[aá]rio |de destino )?(?:desconhecido|inexistente|n[aã]o existe"
        r"|n[aã]o encontrado)",
        r"conta " + _KIND + r"(?:e |esta )?(?:inexistente|n[aã]o existe|n[aã]o encontrada)",
        r"caixa (?:postal|de correio) (?:do destinat[aá]rio )?(?:e |esta )?(?:inexistente|n[aã]o existe|n[aã]o encontrada)",
        # (Brazilian providers: the user is "not registered")
        r"(?:usu[aá]rio|utilizador|destinat[aá]rio|endere[cç]o|e-?mail|conta) n[aã]o cadastrad[oa]",
        # the verb first: "não existe caixa postal com esse nome" (qmail), "não existe a conta"
        r"n[aã]o existe (?:a |o |uma |um |nenhuma |nenhum |esta |essa |este |esse )?(?:caixa (?:postal|de correio)|conta"
        r"|usu[aá]rio|utilizador|e-?mail|endere[cç]o)",
        # Exchange: "Não foi possível encontrar (localizar) o endereço de email que você inseriu."
        r"n[aã]o (?:foi|e) poss[ií]vel (?:encontrar|localizar) o endere[cç]o",
        # Gmail: "porque o endereço não foi encontrado ou não pode receber e-mails"
        r"o endere[cç]o (?:de e-?mail )?n[aã]o foi (?:encontrado|localizado)",
        # Exchange: "O endereço de email inserido não foi encontrado."
        r"endere[cç]o (?:de e-?mail |de correio(?: elec?tr[oôó]nico)? )?(?:inserido |digitado |informado |especificado )"
        r"n[aã]o foi (?:encontrado|localizado)",
        # Exchange Online: "<usuário> não foi encontrado em <domínio>."
        r"n(?:a|ã)o foi encontrad[oa] (?:em|no|na) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    # a Sieve reject or the delivery agent's refusal as its rejection text reads in a hosting
    # panel's translation ("Sua mensagem para <a@b> foi automaticamente rejeitada"): the recipient's own rule
    FILTERED: (
        r"(?:a )?sua mensagem (?:para|a) <[^>\s]{1,300}> foi (?:automaticamente rejeitada|rejeitada automaticamente)(?!.{0,300}(?:spam|virus))",
    ),
    MAILBOX_FULL: (
        r"caixa (?:postal|de correio|de entrada|de e-?mail)(?: do destinat[aá]rio)? (?:est[aá] )?(?:cheia|lotada)",
        # (whose: "Cota da caixa postal excedida", translated Exim templates of Brazilian hosts)
        r"(?:cota|quota) (?:de (?:disco|armazenamento|e-?mail) |da caixa (?:postal|de correio|de entrada) |do destinat[aá]rio )?"
        r"(?:foi )?(?:excedida|esgotada|ultrapassada)",
        r"(?:excedeu|ultrapassou) (?:a|sua|a sua) (?:cota|quota)",
        r"(?:excedeu|ultrapassou|atingiu) o (?:seu )?limite (?:de (?:espa[cç]o|armazenamento|tamanho)|m[aá]ximo)",
        # the mailbox as subject, whose limit unsaid ("A caixa postal atingiu o limite")
        r"caixa (?:postal|de correio|de entrada|de e-?mail)(?: do destinat[aá]rio)? (?:atingiu|excedeu|ultrapassou)"
        r" (?:o (?:seu )?limite|a (?:sua )?capacidade(?: m[aá]xima)?)",
        r"espa[cç]o (?:em disco |de armazenamento )?(?:insuficiente|esgotado)",
    ),
    SUSPEND: (
        # (the mailbox too: "Caixa postal bloqueada temporariamente por falta de pagamento")
        r"(?:conta "
        + _KIND
        + r"|caixa (?:postal|de correio) )(?:foi |est[aá] )?(?:temporariamente )?(?:suspensa|bloqueada)"
        r"(?! por (?:falta de uso|inatividade|desuso|n[aã]o uso))",
    ),
    ACCOUNT_DISABLED: (
        # an address "no longer active", "no longer in use" (ISPs' wording for a closed account)
        r"(?:endereco|conta|caixa(?: postal)?)(?: de e-?mail| eletronico)? (?:nao (?:esta|e) mais|ja nao (?:esta|e))"
        r" (?:ativ[ao]|em uso|utilizad[ao]|valid[ao])",
        # (Brazilian ISPs name whose account it is: "A conta do destinatário está desativada")
        # (what kind and whose may both stand between noun and verb: "a conta de e-mail do destinatário")
        r"conta " + _KIND + r"(?:foi |est[aá] )?(?:desac?tivada|desabilitada|cancelada"
        r"|encerrada|exclu[ií]da|inac?tiva|removida)",
        r"(?:usu[aá]rio|utilizador|caixa (?:postal|de correio)|endereco) " + _KIND + r"(?:foi |est[aá] )?"
        r"(?:desac?tivad[oa]|desabilitad[oa]"
        r"|cancelad[oa]|inac?tiv[oa])",
        # expired, or closed for non-use: the address is gone, not paused
        r"(?:conta|caixa (?:postal|de correio)|usu[aá]rio|utilizador)(?: de e-?mail)? (?:foi |est[aá] )?(?:expirad|vencid)[oa]",
        r"(?:conta|caixa (?:postal|de correio)) expirou",
        r"(?:expirad|vencid|suspens|bloquead|desac?tivad|desabilitad|cancelad|exclu[ií]d|removid|encerrad)[oa]s? "
        r"por (?:falta de uso|inatividade|desuso|n[aã]o uso)",
    ),
    HOST_UNKNOWN: (
        r"dom[ií]nio (?:desconhecido|inexistente|n[aã]o existe|n[aã]o encontrado)",
        # the domain named between noun and verb ("O domínio x.com.br não existe")
        r"dom[ií]nio [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ (?:e desconhecido|n[aã]o existe|n[aã]o foi encontrado)",
        _RECIPIENTS_DOMAIN_GONE,
        # not registered ("o domínio (x) não parece estar registrado")
        r"\bdom[ií]nio(?: \([^)\s]{1,255}\)| [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+)? n[aã]o (?:parece (?:estar |ser )|est(?:a|á) )?registrado",
    ),
    # a refusal that calls the message spam (a 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        r"(?:considerad|detectad|identificad|classificad|marcad)[oa] como (?:poss[ií]vel )?(?:spam|lixo eletr[oô]nico)",
        r"(?:rejeitad|recusad)[oa] por (?:ser |conter )?(?:suspeita de )?spam|suspeita de spam",
    ),
    # the server refuses to relay for the sender ("Relay não permitido", "Relay negado"): the
    # sender's, soft (English's "relay access denied")
    NO_RELAYING: (r"relay (?:nao (?:permitido|autorizado)|negado)",),
    # a scanner found a virus in the message ("contém vírus", "vírus detetado"; not "não contém
    # vírus", "nenhum vírus detetado")
    VIRUS_DETECTED: (
        r"(?<!nenhum )(?<!ningun )virus (?:detetado|detectado|encontrado)|(?<!\bnao) contem (?:um )?virus",
    ),
    # ("Demasiadas ligações simultâneas": European Portuguese says "ligação" for a connection)
    TOO_MANY_CONNECTIONS: (r"(?:demasiadas|excesso de) (?:ligacoes|conexoes)",),
    # the sender's messages too many ("excedeu o limite de envio", "muitas mensagens"; the noun first,
    # "Limite de envio excedido", is Spanish's too: es.py)
    RATE_LIMITED: (
        r"(?:excedeu|ultrapassou|atingiu) o limite de envio|\bmuitas mensagens\b|excesso de (?:mensagens|envios)",
    ),
    # the sender's server on a block list ("seu IP está listado em nossa lista de bloqueio"; "lista
    # negra" is Spanish's too: es.py): the sender's, soft
    BLOCKED: (r"\blista de bloqueios?\b",),
    # the sender's server without a reverse DNS name ("DNS reverso"; "registro PTR" is Spanish's
    # too: es.py)
    REQUIRE_PTR: (r"\bdns reverso\b|\bresolucao reversa\b",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\b(?:sua|tua) conta",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"dom(?:i|í)nio do remetente",  # (the sender's domain)
        r"tente (?:novamente |de novo )?(?:mais tarde|depois)",
        r"erro tempor(?:á|a)rio|falha tempor(?:á|a)ria",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
