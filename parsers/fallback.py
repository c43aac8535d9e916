"""Last-resort reading of a bounce that no DSN part and no MTA text format explains.

Only a message that calls itself a bounce (sender mailer-daemon/postmaster, a bounce subject, or
X-Failed-Recipients) is read, and only addresses that the text presents as failed recipients
count: the sender, the bounce's own addressees and the daemon addresses never do.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from email.message import Message

from parsers import forwarded, patterncode, reasons
from parsers.attribution import envelope_recipient
from parsers.casefold import fold_case
from parsers.delivery import Delivery
from parsers.dsn import UTF8_ADDRESS_CHAR, address, command_in_text, human_text
from parsers.listadmin import (
    BOUNCE_WORDS,
    footer_start,
    is_list_admin,
    members_acted_on_by_rule,
    members_in_action_notice,
    posting_address,
    removes_member_for_failures,
    reports_bounce_run,
    sentences_naming_removal,
    sums_up_handled_errors,
    warns_member_of_bounces,
)
from parsers.mail import Mail, blank_line, decode_header_value, parse_header_block
from parsers.reasons.caseblind import CaseBlind
from parsers.reasons.classify import GAVE_UP, NOT_YET_DELIVERED
from parsers.reasons.derive import REPORT_TEXT
from parsers.reasons.families import fold

NAME = "fallback"
MAX_RECIPIENTS = 50

_DAEMON_FROM = CaseBlind(
    r"mailer-daemon|mail-daemon|postmaster|mail delivery (?:system|subsystem|service|agent)|mail administrator"
    r"|mailadmin|mail system|delivery (?:status )?(?:notification|subsystem|system)|mail ?router"
    r"|internet mail (?:delivery|service)|smtp (?:server|gateway|mailer|service)"
    # MDaemon signs its reports with its own name ("MDaemon@host"); an X.400 gateway with its
    # own ("X.400 Gateway <gateway@host>", "x400@host": the report's sender, no person's mailbox)
    r"|^mdaemon@|<mdaemon@|\bx\.?400\b"
    # Exchange's and Exchange Online's system mailbox signs its reports "Microsoft Exchange" /
    # "Microsoft Outlook" (<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@tenant>): the whole
    # display name, before its address or before a list's " via " (a list that re-sent the report
    # to its members kept only the display name, DMARC's From rewriting)
    r'|^"?microsoft (?:exchange|outlook)"? ?(?:<| via )',
)
# Subjects of failure reports, in English and the languages the reason table reads. (Warnings,
# "Delivery delayed", are failure reports too: the reason table tells them apart.)
_BOUNCE_SUBJECT = CaseBlind(
    # ("Returned:" then why, as a postmaster or a member writes it by hand: "Returned: address no
    # longer valid"; a reply prefix before it makes it a reply, _REPLY_PREFIX; smail's "mail failed,
    # returning to sender")
    r"undeliver|undelivered|returned(?: mail|\s*:)|return(?:ed|ing)? to sender|delivery (?:status notification|failure|failed"
    r"|problem|notification|report|error|delayed|has failed)|failure notice|failed delivery|failure delivery"
    r"|mail delivery failed|non[- ]?deliver|could not be delivered|delivery has failed|mail system error"
    r"|not delivered|could not send|bounced? (?:mail|message)|mail (?:returned|failure)|failed mail"
    r"|permanent (?:delivery )?(?:failure|error)|message status"
    # the same in the languages the reason table reads
    r"|nicht zustellbar|unzustellbar|zustellung fehlgeschlagen|non remis|non distribu|[eé]chec de (?:la )?remise"
    r"|no entregado|no se pudo entregar|entrega fallida|n[aã]o entregue|falha na entrega|mensagem n[aã]o entregue"
    r"|non recapitabile|non recapitat|mancata consegna|impossibile recapitare|onbestelbaar|niet afgeleverd|kunne ikke leveres"
    r"|returneret post|kunde inte levereras|kan ikke leveres"
    # (Spanish and Portuguese "returned mail" as ISPs' own systems title it, "Correo devuelto:",
    # "Mensagem devolvida:"; Exchange's "Undeliverable:" and "not delivered" in Catalan, Galician
    # and Basque: one grouped branch, looked for in one turn)
    r"|(?:(?:correo|mensaje) devuelto|mensagem devolvida|e-?mail devolvido|no es pot lliurar|missatge no lliurat"
    r"|non se pode entregar|mensaxe non entregada|ezin da entregatu)"
    r"|kh[oô]ng (?:th[eể] )?g[uư]i (?:[dđ][eế]n |[dđ][uư][oợ]c)|th[uư] b[iị] tr[aả] l[aạ]i"
    r"|nedoru[cč]iteln|nelze doru[cč]it|nedoru[cč]en|niedostarczon|nie mo[zż]na dostarczy|niedor[eę]czon"
    r"|配信(?:不能|エラー|失敗)|送信エラー|エラーメール|未配達|退信|无法投递|無法投遞|投递失败|投遞失敗|发送失败|系统退信"
    r"|전송 ?실패|배달 ?실패|반송|수신 ?실패|발송 ?실패|не доставлен|недоставленн|не может быть доставлен"
    # Exchange's "Undeliverable:" in the languages it is set to
    r"|no se puede entregar|n[aã]o (?:[eé] )?poss[ií]vel entregar|не уда[её]тся доставить|kan inte levereras"
    r"|无法送达|無法送達|无法传递|無法傳遞|niedostarczaln|배달되지 않음|전달되지 않음|teslim edilemedi"
    r"|k[eé]zbes[ií]thetetlen|ei voitu toimittaa|не вдалося доставити"
    # (Swedish's "Olevererbart:" and Finnish's "Toimittamaton:", as parsers.mta.exchange2007 reads
    # them; the Nordic "could not be delivered" as a subject: sv "Det gick inte att leverera",
    # nb "Ikke levert", da "Ikke leveret")
    r"|olevererbar|toimittamaton|gick inte att leverera|ikke levere?t"
    # (Exchange's "Delivery delayed:" in the languages it is set to: a warning, which the reason
    # table tells from a failure; grouped as one CaseBlind branch, its pieces looked for in one
    # turn of the branch loop: seven branches cost every subject seven turns)
    r"|(?:zustellung verz(?:ö|oe|o)gert|remise (?:retard(?:é|e)e|diff(?:é|e)r(?:é|e)e)|entrega (?:retrasada|atrasada)"
    r"|levering(?:en)? (?:er )?forsinket|consegna ritardata|bezorging vertraagd|leverans(?:en)? (?:f(?:ö|o)rdr(?:ö|o)jd|f(?:ö|o)rsenad))"
    # (and where only its form tells it from a person's words, "Word: <original subject>" as
    # Exchange writes it: Icelandic "Ekki hægt að afhenda:", Greek "Δεν παραδόθηκε:", Chinese
    # "未送达:", Spanish "No se ha podido entregar:", "Error en la entrega:"; "关于未送达的包裹",
    # "Error en la entrega del pedido" are a person's)
    r"|(?:ekki haegt a[dð] afhenda|δεν παραδ[οό]θηκε|未送[达達]|no se ha podido entregar|error en la entrega)\s*[:：]",
)
# (and in the other languages mail clients write them: Portuguese "RES:", Italian "RIF:", Polish
# "ODP:"/"PD:", Turkish "YNT:", Greek "ΑΠ:"/"ΠΡΘ:", Czech "VÁ:", Dutch "Doorst:", Finnish "VL:",
# Icelandic "FS:", Indonesian "BLS:", Chinese "回复："/"转发：", ...; the Italian forward "I:" is left
# out: a subject may start with an initial. It is read as any subject without a prefix is, over a
# forwarding marker: answers_a_report)
_REPLY_PREFIX = patterncode.compile(
    r"^\s*(re|aw|sv|vs|vb|antw|fwd?|wg|tr|rv|enc|r|res|ref|rif|odp|ynt|atb|bls|v[aá]|απ|doorst|vl|πρθ|fs|trs|pd"
    r"|回复|回覆|转发|轉寄)\s*(?:\[\d+\])?\s*[:：]",
    re.IGNORECASE,
)
# (of those, a forward's: "FW:", "WG:", French "TR:", Spanish "RV:", Portuguese "ENC:", Swedish
# "VB:", Outlook's "Vidarebefordrat", and the others' above)
_FORWARD_PREFIXES = frozenset(
    {"fw", "fwd", "wg", "tr", "rv", "enc", "vb", "doorst", "vl", "πρθ", "fs", "trs", "pd", "转发", "轉寄"}
)
# Chinese, Japanese and Korean letters (kana, ideographs, hangul) and their punctuation: those
# languages write them right against an address ("无法发送到a@b"), so they end an address as a space
# does. (Tested by code point, not in the patterns: a class over these ranges costs milliseconds to
# compile, case-blind even more, at the first report read.)
_CJK_RANGES = ((0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xFF00, 0xFFEF))


def _cjk(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


# (full-width punctuation ends an address too: "收件人：a@b", "（a@b）"; the quotes Exchange 5.5 and
# Novell put around it, "'a@b'", are not part of it)
# (an internationalised domain, RFC 6531, has a character past ASCII in its first label: "例子.广告",
# "bücher.example"; an ASCII one followed by prose in a script without spaces is no address of it)
_UTF8_LABEL_CHAR = r"(?:[A-Za-z0-9\-]|" + UTF8_ADDRESS_CHAR + ")"
_UTF8_DOMAIN = (
    r"[A-Za-z0-9\-]{0,63}"
    + UTF8_ADDRESS_CHAR
    + _UTF8_LABEL_CHAR
    + r"{0,62}(?:\."
    + _UTF8_LABEL_CHAR
    + "{1,63}){1,8}"
)
# (nor are the typographic quotes prose puts around it, "“a@b”", "„a@b“", "«a@b»": punctuation, which
# no local part holds, as UTF8_ADDRESS_CHAR says of a domain)
_ADDR = (
    r"[<'\"]?([^\s<>()\[\],;:\"'`：；，（）＜＞「」【】\u00ab\u00bb\u2018-\u201f\u2039\u203a]{1,200}@(?:[A-Za-z0-9][A-Za-z0-9.\-]{0,250}[A-Za-z0-9]|"
    + _UTF8_DOMAIN
    + "))>?"
)
# Phrases that introduce failed recipients, with the address on the same line. In any case:
# searched in the text folded by fold_case (re's case-blind comparison at every position cost about
# 2,000 instructions a character), the address read from the text as written.
_INTRO_SAME_LINE = patterncode.compile(
    r"(?:following recipients?(?: address(?:es)?)?|recipients? address(?:es)?|original recipient|recipient"
    r"|unknown user|user unknown|no such (?:user|mailbox|recipient)|invalid (?:recipient|address|mailbox)"
    r"|failed recipients?|delivery to|could not be delivered to|did not reach|unable to deliver (?:to|message to)"
    r"|failed to deliver to|undeliverable to|address(?:es)? (?:failed|rejected)|(?:message|mail),? addressed to)"
    r"[^\n@]{0,80}?"
    r"(?:\n[ \t*\-\u2022]*)?" + _ADDR,  # the address may start the next line, maybe as a list item
)
# The next address of a list on the line of _INTRO_SAME_LINE's, after a semicolon or a comma.
_LIST_NEXT = patterncode.compile(r">?[ \t]*[;,][ \t]*" + _ADDR)
# A line that starts with the failed address, as many MTAs print it ("<a@b>:", "a@b: 550 ...",
# '"a@b":', "'a@b' -- reason" as Exchange 5.5 and Novell quote it, "554 <a@b>... 550 Host unknown",
# "a@b [User unknown]"), perhaps as a list item (a bullet, or the three stars Mercury and the
# online services' gateways mark a failed address with: "*** a@b", its reason on the next line).
# (Japanese and Chinese reports write the brackets and the colon full-width: "＜a@b＞", "a@b：", and
# indent with the ideographic space)
_LEADING = patterncode.compile(
    r"(?m)^[ \t\u3000]{0,8}(?:(?:\*{1,3}|[\-\u2022])[ \t]+)?(?:[45]\d\d[ -])?[\"']?＜?"
    + _ADDR
    # (or the address as a possessive: "a@b's subscription has been disabled", Mailman 3, and its
    # Japanese particle, written on at once: "a@bのバウンススコアがLで増加しました。")
    + r"＞?(?:'s|[\"']?)[ \t]*(?::|：|\.{3}|[ \t]-[ \t]|[ \t]*[(\[（]|[ \t]+\w|$|の)"
)
# A line that labels the failed recipient, in the languages the reason table reads
# ("Destinataire : a@b", "Empfänger: a@b", "收件人：a@b", "宛先: a@b", "받는 사람 : a@b"), or labels
# the recipient's address as "Recipient address:" does ("收件人地址：a@b", "Adresse du destinataire : a@b").
_RECIPIENT_ADDRESS_LABEL = (
    r"收[ \u3000]{0,2}件[ \u3000]{0,2}(?:人|者)(?:的)?(?:电子邮件|電子郵件|邮件|郵件|邮箱|郵箱)?地址"
    r"|(?:宛先|受信者|送信先)(?:メール)?アドレス|(?:받는 ?사람|수신자|수신인) ?(?:메일 ?|이메일 ?)?주소"
    r"|empf(?:ä|ae|a)nger-?(?:e-?mail-?)?adresse|(?:e-?mail-?)?adresse des empf(?:ä|ae|a)ngers"
    r"|adresse (?:e-?mail |(?:é|e)lectronique )?du destinataire"
    r"|direcci(?:ó|o)n (?:de correo (?:electr(?:ó|o)nico )?|de e-?mail )?del destinatario"
    r"|endere(?:ç|c)o (?:de e-?mail |eletr(?:ô|o)nico )?do destinat(?:á|a)rio"
    r"|indirizzo (?:e-?mail |di posta (?:elettronica )?)?del destinatario"
    r"|(?:e-?mail)?adres van de ontvanger|ontvanger(?:s)?adres|modtager(?:ens )?(?:e-?mail-?)?adresse"
    r"|mottakerens (?:e-?post)?adresse|mottagarens (?:e-?post)?adress|adres odbiorcy|adresa p(?:ř|r)(?:í|i)jemce"
    r"|адрес (?:электронной почты )?(?:получателя|адресата)|(?:đ|d)(?:ị|i)a ch(?:ỉ|i) (?:email )?ng(?:ư|u)(?:ờ|o)i nh(?:ậ|a)n"
)
_LABELLED = patterncode.compile(
    r"(?im)^[ \t>*\-\u2022]{0,8}(?:(?:failed |original |intended )?recipient(?:\(s\)| address)?|destinataire"
    r"|empf(?:ä|ae|a)nger|destinatario|destinat(?:á|a)rio|destinatari|ontvanger|modtager|mottaker|mottagare"
    r"|vastaanottaja|adresat|odbiorca|p(?:ř|r)(?:í|i)jemce|adres(?:á|a)t|получатель|адресат|người nhận"
    # (Chinese and Japanese labels are often spaced out to align them: "收 件 人：", "宛　　先：")
    r"|nguoi nhan|收[ \u3000]{0,2}件[ \u3000]{0,2}人|收[ \u3000]{0,2}信[ \u3000]{0,2}人|收件地址"
    r"|收[ \u3000]{0,2}件[ \u3000]{0,2}者|宛[ \u3000]{0,4}先|受[ \u3000]{0,2}信[ \u3000]{0,2}者"
    r"|送[ \u3000]{0,2}信[ \u3000]{0,2}先|받는 ?사람|수신자|수신인"
    r"|al[ıi]c[ıi]|παραλ[ήη]πτης|destinatar(?:ul)?|c[íi]mzett|penerima|одержувач|отримувач|ผู้รับ"
    # (a list manager's notice that names the member whose mail failed: Mailman's "Member: a@b",
    # in its catalogues' languages "Mitglied:", "Membre :", "Miembro:", "Iscritto:", "Lid:",
    # "Członek:", "Подписчик:", "Člen:", "Medlem:", "会員:", "成员：")
    r"|member|mitglied|membre|miembro|membro|iscritto|lid|cz(?:ł|l)onek|подписчик|участник|(?:č|c)len|medlem"
    r"|会員|メンバー|成员|成員|"
    + _RECIPIENT_ADDRESS_LABEL
    # (a colon after the label, or the gap between a table's label cell and its address cell; the
    # address may carry the address type Windows servers write, MailEnable's "[SMTP:a@b]",
    # Exchange's "SMTP:a@b", whatever language the label is in)
    + r")(?:[ \t\u3000]*[:：]|[ \t\u3000]{2,}|\t)[ \t\u3000]*(?:\[?smtp:)?"
    + _ADDR
    + r"[ \t]*(?:$|[(\[\]（:：,;\-]|[ \t]\S)"
)
# "Could not be delivered" in the languages the reason table reads: a report's own sentence.
_NOT_DELIVERED = CaseBlind(
    r"could not be delivered|couldn't be delivered|was not delivered|undeliverable|delivery (?:has )?failed"
    r"|konnte nicht zugestellt|nicht zugestellt werden|n'a pas pu [eê]tre (?:remis|distribu|livr|d[eé]livr)"
    r"|no (?:se )?(?:ha )?pud[oi] (?:ser )?entregar|n[aã]o (?:foi poss[ií]vel|p[oô]de ser) entreg"
    r"|non (?:[eè]'? )?(?:stato |possibile )?recapit|kon niet (?:worden )?(?:bezorgd|afgeleverd)|kunne ikke leveres"
    r"|nemohl[ao]? b[yý]t doru[cč]en|nie (?:mog[lł]a|mo[zż]na|zosta[lł]a) (?:zosta[cć] )?dostarczon"
    r"|не (?:может быть|удалось|было|могло быть) достав|kh[oô]ng th[eể] g[uử]i|kh[oô]ng g[uử]i [dđ][uư][oợ]c"
    r"|配信できませんでした|配信できません|无法投递|無法投遞|未能送达|无法送达|无法发送|投递失败"
    r"|전달되지 ?(?:못|않)|전송(?:되지 ?않|하지 ?못| ?못| ?실패)|배달(?:되지)? ?(?:못|실패)"
    # the same sentences in the other forms servers write them
    r"|zustellung[^\n]{0,120}?fehlgeschlagen|unzustellbar"
    # (German puts the recipient between the negation and the verb: "konnte nicht an alle
    # Empfänger zugestellt werden", as "nicht an a@b übermittelt" below)
    r"|nicht (?:an [^\n]{1,200} )?zugestellt"
    r"|n'a pas (?:(?:é|e)t(?:é|e) |pu (?:(?:ê|e)tre )?)(?:remis|distribu|livr|d(?:é|e)livr|achemin)"
    r"|impossible de (?:remettre|distribuer|livrer|d(?:é|e)livrer)"
    r"|no (?:se )?(?:ha )?(?:pud[oi] |podido )?(?:ser )?entreg(?:ar|ado|ada)|no fue entregad"
    r"|n(?:ã|a)o (?:foi |p(?:ô|o)de ser )?entregue"
    r"|falha (?:na|de) entrega|n(?:ã|a)o (?:(?:é|e) )?poss(?:í|i)vel entregar"
    r"|non (?:(?:è|e'?) )?(?:stato |stata |possibile )?(?:consegnat|recapitat)|impossibile (?:consegnare|recapitare)"
    r"|(?:is|werd) niet (?:bezorgd|afgeleverd)|kunne ikke (?:afleveres|leveres)|kunde inte levereras"
    r"|не доставлен|не может быть доставлен|届きませんでした|送信できませんでした|配送できませんでした"
    r"|被退回|已退回|发送失败|發送失敗|投遞失敗|無法送達"
    # Swedish, Norwegian, Finnish, Turkish, Greek, Romanian, Hungarian, Indonesian, Ukrainian, Thai
    r"|kunde inte (?:skickas|delas ut)|leveransen misslyckades|gick inte att leverera"
    r"|kunne ikke (?:bli )?levert|levering(?:en)? mislyktes|ei voitu toimittaa|toimitus ep(?:ä|a)onnistui"
    # (Danish and Norwegian "was not delivered": Gmail's "Din meddelelse blev ikke leveret til a@b")
    r"|blev ikke (?:af)?leveret|ble ikke levert"
    r"|teslim edilemedi|iletilemedi|g(?:ö|o)nderilemedi"
    r"|δεν (?:ή|η)ταν δυνατ(?:ή|η) η παρ(?:ά|α)δοση|δεν παραδ(?:ό|ο)θηκε|η παρ(?:ά|α)δοση απ(?:έ|ε)τυχε"
    r"|nu a putut fi (?:livrat|trimis|remis)|nu a fost livrat|livrarea a e(?:ș|ş|s)uat"
    r"|nem siker(?:ü|u)lt k(?:é|e)zbes(?:í|i)teni|nem k(?:é|e)zbes(?:í|i)thet|k(?:é|e)zbes(?:í|i)t(?:é|e)s sikertelen"
    r"|tidak (?:dapat|bisa) (?:di|ter)kirim|gagal (?:di|ter)kirim|pengiriman gagal|не вдалося доставити"
    r"|ไม่สามารถ(?:ส่ง|จัดส่ง)|การ(?:จัด)?ส่ง(?:อีเมล|ข้อความ)? ?ล้มเหลว"
    # Exchange Online's first sentence as it writes it in other languages ("Ihre Nachricht an a@b
    # konnte nicht übermittelt werden", "kan niet worden bezorgd", "无法将你的邮件传递到 a@b",
    # "Nie można dostarczyć wiadomości do a@b", "a@b에게 메시지를 배달할 수 없습니다")
    r"|nicht (?:an [^\n]{1,200} )?(?:ü|ue|u)bermittelt|(?:ü|ue|u)bermittlung[^\n]{0,120}?fehlgeschlagen"
    r"|kan niet (?:worden )?(?:bezorgd|afgeleverd)|无法(?:将[^\n]{0,200})?传递|無法(?:將[^\n]{0,200})?傳遞"
    r"|non (?:(?:è|e'?) )?stato possibile (?:recapitare|consegnare)"
    r"|nie mo(?:ż|z)na dostarczy(?:ć|c)|(?:배달|전달|전송)할 수 없"
    # "not delivered yet": a delay notice's own sentence (the reason table reads the notice as a
    # delay, ignored); it names the recipient whose delivery is still being tried
    r"|n'a pas encore (?:pu )?(?:(?:ê|e)tre )?(?:(?:é|e)t(?:é|e) )?(?:remis|distribu|livr|d(?:é|e)livr)"
    r"|(?:todav(?:í|i)a|a(?:ú|u)n) no (?:ha )?(?:podido )?(?:sido |ser )?entregad|ainda n(?:ã|a)o (?:foi )?entregue"
    r"|non (?:(?:è|e'?) )?ancora stat[oa] (?:recapitat|consegnat)|nog niet (?:afgeleverd|bezorgd)"
    r"|(?:(?:ä|a)nnu inte|inte (?:ä|a)nnu) (?:har )?levererats"
    r"|"
    + NOT_YET_DELIVERED
    +
    # "the server gave up" (no more attempts): the message was not delivered
    r"|"
    + GAVE_UP,
)
# An address that "from" introduces is the sender's, whatever sentence it is in: "could not be
# delivered because they are not accepting mail from <list@host>".
_SENDER_BEFORE = patterncode.compile(r"(?i)\bfrom[ \t]*[<'\"]?$")
# A bare address inside a sentence ("Die Nachricht an a@b konnte nicht zugestellt werden").
_BARE = patterncode.compile(
    # (not inside a longer word: an ASCII one here, any other script in _bare_addresses)
    r"(?<![A-Za-z0-9_.+%=@<-])([A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9][A-Za-z0-9.\-]{0,250}[A-Za-z0-9])"
)
# A line that ends a sentence or a clause (or a label: "To:"), in Latin and CJK punctuation.
_SENTENCE_END = patterncode.compile(r"[.,;:!?\u3002\uff0c\uff1a\uff1b\uff01\uff1f>)\]]\s*$")
_ANGLED = patterncode.compile(r"<([^\s<>()\[\],;:\"'`]{1,200}@[A-Za-z0-9][A-Za-z0-9.\-]{0,250}[A-Za-z0-9])>")
# An SMTP transcript: the address given to RCPT TO, answered by an error.
_RCPT_TO = patterncode.compile(r"(?i)rcpt to:[ \t]*" + _ADDR)
# The text that follows is a copy of the original message, not the report. In any case: searched
# in the text folded by parsers.casefold.fold_case (re's case-blind comparison at every position
# cost about 800 instructions a character).
COPY_MARKER = patterncode.compile(
    r"(?m)^[ \t]*(?:[-=_*][-=_* ]*)?(?:below this line is a copy of the message|unsent message follows"
    r"|this is a copy of (?:your|the) message|original message follows|original message"
    # GroupWise's Internet agent: "Possibly truncated original message follows:"
    r"|possibly truncated original message follows"
    r"|returned message|the original message headers|message headers follow"
    # old hand-written and legacy reports: "---- START OF RETURNED MESSAGE ----", "Unsent Message
    # below:", "Original message as received is as follows:", "Your message reads (in part):"
    # (the rule before "start of" is the one every branch may open with: a second "-+" of its own
    # after it made a line of dashes cost the square of its length, 1.6 M instructions for 80)
    r"|start of (?:the )?returned message|unsent message below|your message reads"
    r"|a summary of the undelivered message|header of the (?:source|original) (?:mail|message)"
    # cc:Mail and other 1990s gateways: "Original text follows"; IBM VM mailers: "----- Mail item
    # follows -----"
    r"|original text follows|mail item follows"
    # Unix mailers that paste the returned message as it lay in the mailbox, under its envelope
    # line (escaped or not): ">From a@b Wed Mar 11 10:04:58 2009"
    r"|>?from [^\s@]{1,64}@[^\s]{1,255} +(?:mon|tue|wed|thu|fri|sat|sun) )"
)
# A copy of the original pasted without a marker: its header block, at the start of a line, where
# three header fields follow one another and one of them is a field a report's own summary never
# writes ("Subject:", "To:" and "Date:" alone may be the report's summary of the message).
_SUMMARY_FIELD = (
    r"(?:received|return-path|message-id|mime-version|content-type|from|to|cc|subject|date"
    r"|reply-to|x-[a-z0-9-]{1,40}):[^\n]*\n"
)
_ORIGINAL_FIELD = r"(?:received|return-path|message-id|mime-version|content-type):[^\n]*\n"
# (in any case: searched in the folded text, as COPY_MARKER)
_PASTED_HEADERS = patterncode.compile(
    r"(?m)^(?:" + _SUMMARY_FIELD + "){0,2}" + _ORIGINAL_FIELD +
    # (the field may be folded: a Received field's "with ... id ...; date" lines)
    r"(?:[ \t][^\n]*\n){0,4}"
    r"(?:(?:[a-z][a-z0-9-]{1,40}):[^\n]*\n)"
    # or the block's last field, after two or three others ("From:", "To:", "Subject:",
    # "Message-ID:" and the blank line that ends the original's header block)
    r"|^(?:" + _SUMMARY_FIELD + "){2,3}" + _ORIGINAL_FIELD
)


def copy_start(text: str) -> int | None:
    """Where the copy of the original starts in a report's text (a marker line, or its pasted
    header block), or None."""
    return _folded_copy_start(fold_case(text))


def _folded_copy_start(folded: str) -> int | None:
    """copy_start of the text that `folded` is folded from (fold_case)."""
    starts = [
        m.start() for m in (COPY_MARKER.search(folded), _PASTED_HEADERS.search(folded)) if m is not None
    ]
    return min(starts) if starts else None


_REPLY_ERROR = patterncode.compile(r"\b[45]\d\d[ -]")
_ERROR_WORDS = CaseBlind(
    r"\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b|unknown|not exist|no such|invalid|rejected|refused|denied"
    r"|full|quota|disabled|failed|failure|blocked|timed? ?out|expired|unreachable|not found|unavailable"
    r"|exceed|limit|error|reason|permanent|does not like|unable|could not"
    # (a list manager's summary of a member's failures: "MANY non-delivery reports" and its French
    # "NOMBREUX rapports de non-remise", Mailman's "Excessive or fatal bounces", "due to excessive
    # bounces", "bounce score")
    r"|non-?deliver|non-remise|(?:excessive|fatal|too many) bounces|bounce score"
    # (and theirs in the other languages of the list managers' catalogues)
    "|" + BOUNCE_WORDS,
)


def looks_like_bounce(mail: Mail) -> bool:
    """Does the message call itself a delivery failure?"""
    if mail.has_header("X-Failed-Recipients"):
        return True
    # (an abuse desk's report sent from its postmaster@ that passes on its users' complaints is
    # no failure report by its From: flufl.bounce would read the first pasted original's
    # recipient as a bounce; a failure subject still makes it one, `is_failure_report`)
    if _DAEMON_FROM.occurs_in(mail.from_) and not forwarded.is_abuse_report(mail):
        return True
    # (no Return-Path at all counts as the null sender here: stored mail often lost it)
    if _failure_subject(mail) and (
        mail.header("Return-Path").strip() in ("<>", "") or null_sender(mail) or mail.original is not None
    ):
        return True
    # a list manager's notice to the list's owner that it removes a member for the member's
    # delivery errors (parsers.listadmin); one that attaches the bounce that caused it (Mailman's
    # "The triggering bounce notice is attached below") is read from that bounce, which names the
    # reason (parsers.core unwraps a report attached whole)
    if mail.original is None and (is_list_admin(address(mail.from_)) or reports_bounce_run(mail.subject)):
        text = human_text(mail)
        return removes_member_for_failures(text) or bool(
            sentences_naming_removal(text, address(mail.header("To")))
        )
    return False


def signed_as_a_bounce(sender: str, subject: str) -> bool:
    """Whether a message's From and Subject both say it is a delivery failure report (a daemon
    sender and a failure subject): enough to read a message attached whole as a report."""
    return sent_by_mail_system(sender) and _BOUNCE_SUBJECT.occurs_in(fold(subject))


def sent_by_mail_system(sender: str) -> bool:
    """Whether a From (its whole value) is a mail system's own (MAILER-DAEMON, postmaster, "Mail
    Delivery System" ...)."""
    return _DAEMON_FROM.occurs_in(sender)


def _failure_subject(mail: Mail) -> bool:
    """A failure subject on a message that is neither a person's reply or forward nor a list post.
    Sent to a list's bounce or admin mailbox, it is a report whatever else it carries: reports
    that reach a list's bounce processor often pass through the list's own machinery (List-*
    headers) or quote the subject of the list's notice with a reply prefix ("RE: Your message to
    L awaits moderator approval : non remis")."""
    subject = fold(mail.subject)  # ("Không gửi được" as "Khong gui duoc")
    if not _BOUNCE_SUBJECT.occurs_in(subject):
        return False
    from parsers import autoreply  # (it imports this module)

    if autoreply.quotes_its_cause(mail):
        # (an out-of-office reply to a report, quoting it: "Automatic reply: Undeliverable: ...";
        # the failure it quotes is the replying mailbox's own mail's)
        return False
    prefix = _REPLY_PREFIX.match(subject)
    to_bounce_mailbox = _to_bounce_mailbox(mail)
    if prefix is None and not to_bounce_mailbox:
        # (a thread's message or a list post is no report; a person's forward under no prefix is
        # asked last, of what would be one)
        if any(mail.has_header(name) for name in ("In-Reply-To", "References", "List-Id", "List-Post")):
            return False
        return not answers_a_report(mail)
    # (sent to the bounce mailbox, a report unless a person answers or forwards it; under a reply
    # prefix sent anywhere else, an answer)
    return to_bounce_mailbox and not answers_a_report(mail)


def reply_subject(subject: str) -> bool:
    """Whether a subject opens with a reply prefix ("Re:", "AW:", "Sv:"), not a forward's."""
    prefix = _REPLY_PREFIX.match(subject)
    return prefix is not None and prefix.group(1).lower() not in _FORWARD_PREFIXES


def answers_a_report(mail: Mail) -> bool:
    """Whether the message is a person's answer that quotes what it answers, a report perhaps
    ("RE: Undelivered Mail Returned to Sender", "AW: Unzustellbar: ..." with the bounce quoted under
    the person's own words): a reply prefix, or a forwarding line under any subject, sent by no mail
    system and not from the null sender. The addresses in the quote failed for the person's mail,
    not ours. (A gateway
    that put "RE:" before a report's subject quotes nothing; a person who forwards a report to the
    bounce mailbox passes it on to be read, unless what it passes on was sent to him: then the
    failure is his own mail's, as in a reply. One who forwards a report to any other mailbox, ours
    included, writes about his own mail's failure: the report was sent to him, perhaps at another
    of his addresses, and what it names are his correspondents, not our recipients.)"""
    prefix = _REPLY_PREFIX.match(mail.subject)
    if null_sender(mail) or _DAEMON_FROM.occurs_in(mail.from_):
        return False
    if prefix is None:
        # (the Italian forward "I:", left out of the prefixes as an initial may open a subject, is
        # one over a forwarding line: "-------- Messaggio inoltrato --------"; so is a forward
        # under no prefix at all, the report's own subject kept or the person's own words: some
        # clients write none, and a person may take it off. A forward's own line, not an
        # original's title: a report pastes the message it returns under "------ Mensaje original
        # ------")
        if not forwarded.forwards_under_a_forward_line(mail.text):
            # (a member's post that a list passed on, the list's tag opening its subject ("[Hikers]
            # Undelivered Mail Returned to Sender ??"), pastes the report of the member's own mail
            # under no forwarding line, asking the list what it means: his correspondent failed,
            # not our recipient. A list that re-sent a mail system's report keeps the system's name
            # in From, above)
            return _list_tag_opens(mail.subject) and not _to_bounce_mailbox(mail)
    elif prefix.group(1).lower() not in _FORWARD_PREFIXES:
        return forwarded.quotes_a_message(mail.text)
    if not _to_bounce_mailbox(mail):
        # (a forward to any other mailbox is a person writing to us about the report pasted under
        # his words: a failure of his own mail, sent to him or to another of his addresses)
        return forwarded.quotes_a_message(mail.text)
    return forwarded.passes_on_own_mail(mail)


# The local part of a list's or a sender's bounce mailbox: "l-bounces", "l-admin", "l-owner",
# "bounce", "bounces+token" (VERP).
# (a bare "admin@" or "owner@" is a person's mailbox as often as not: only a list's suffix counts)
_BOUNCE_MAILBOX = patterncode.compile(r"(?:^|[-+._])bounces?(?:[-+._=]|@)|[-+._](?:admin|owner)@")


def _list_tag_opens(subject: str) -> bool:
    """Whether the tag a list puts before its posts' subjects opens `subject` ("[Hikers] ",
    "[dev] "): one word in brackets, then a space."""
    opened = subject.lstrip()
    end = opened.find("]", 1, 62)
    tag = opened[1:end]
    return opened[:1] == "[" and end > 1 and tag.split() == [tag] and opened[end + 1 : end + 2].isspace()


def _to_bounce_mailbox(mail: Mail) -> bool:
    """Whether the message is addressed to a bounce or list-admin mailbox."""
    for value in mail.headers("To")[:2]:
        for chunk in value.split(",")[:4]:
            a = address(chunk)
            if a and _BOUNCE_MAILBOX.search(a):
                return True
    return False


def null_sender(mail: Mail) -> bool:
    """Whether the message came with the null return path (`Return-Path: <>`, or an mbox From line
    of MAILER-DAEMON)."""
    if mail.has_header("Return-Path") and mail.header("Return-Path").strip() in ("<>", ""):
        return True
    unixfrom = (mail.message.get_unixfrom() or "").lower()
    return unixfrom.startswith(("from mailer-daemon", "from <>", "from postmaster"))


# A content scanner's notice to the sender of a message it stopped ("VIRUS (W32/Netsky-P) IN MAIL
# FROM YOU", "ScanMail ... has detected virus-infected attachment(s)", "Virus found in sent
# message", MailScanner's "E-mail viruses detected ... Our virus detector has just been triggered by
# a message you sent"): it is about the sender's mail, not a recipient's address.
_VIRUS_NOTICE = CaseBlind(
    r"virus(?:es)?[- ]?(?:alert|warning|found|detected|infected)|(?:found|detected) (?:an? )?(?:virus|worm)"
    r"|(?:has|have) detected (?:an? )?virus|virus (?:detector|scanner) has (?:just )?been triggered"
)


# Where a notice names the mailbox our message was addressed to, in the notice's own sentence:
# "Your message to a@b has been waitlisted" (Boxbe's subject), "Your message about "S" to a@b ..."
# (its text), "your email to Ann <a@b> is held", a scanner's "Your message to a@b ... was infected";
# and in the languages challenge systems write it: it "il messaggio che hai inviato a a@b", "il tuo
# messaggio a a@b", ru "Ваше письмо на адрес a@b", pl "Twoja wiadomość do a@b", nl "uw bericht aan
# a@b". Searched in a lower-cased text (`addressee`): each branch opens on a letter, so the search
# skips to the positions that hold one of the five.
ADDRESSED_TO = patterncode.compile(
    r"(?:your (?:e-?mail|message|mail)(?: about \"[^\"\n]{0,200}\")? to|messaggio (?:che hai inviato |inviato )?a"
    r"|ваше (?:письмо|сообщение) (?:на адрес|для|адресату)|twoja wiadomo(?:ść|sc) (?:do|na adres)|uw (?:e-?mail|bericht) aan)"
    r" (?:[^\n<@,]{0,60}<)?([^\s<>\"@,;]{1,64}@[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
)


def addressee(low: str) -> re.Match[str] | None:
    """Where a lower-cased text names the mailbox our message was addressed to (ADDRESSED_TO)."""
    return ADDRESSED_TO.search(low) if "@" in low else None


def failed_addressee(text: str) -> str | None:
    """The mailbox the start of a notice names as the one our message was addressed to, in a
    sentence that says the message was not delivered ("Your message to a@b could not be
    delivered: the recipient's mailbox is full"), or None."""
    head = text[:2000].lower()
    m = addressee(head)
    if m is None:
        return None
    return address(m.group(1)) if _NOT_DELIVERED.occurs_in(head[m.end() : m.end() + 300]) else None


def aggregate_report(mail: Mail) -> bool:
    """Whether the message is an aggregate report to the sending domain: DMARC's (RFC 7489 7.2.1.1,
    a compressed XML file under the subject "Report Domain: d Submitter: s Report-ID: id", which
    reporters also write "DMARC Aggregate Report for d") or SMTP TLS reporting's (RFC 8460: report
    type tlsrpt, the same subject). Counts of the domain's mail that failed, with no recipient.
    (Not any "aggregate report": a bounce of the sender's "Monthly aggregate report" is a bounce.)"""
    if mail.report_type == "tlsrpt":
        return True
    subject = mail.subject
    # (asked of every message that may be a failure report: literal tests of the subject as
    # written before it is lower-cased)
    if (
        "ubmitter" not in subject
        and "ggregate" not in subject
        and "UBMITTER" not in subject
        and "GGREGATE" not in subject
    ):
        return False
    low = subject.lower()
    return ("submitter:" in low and "report domain:" in low) or "dmarc aggregate report" in low


def notice_not_report(mail: Mail, text: str) -> bool:
    """Whether a message that reads like a failure report is a notice about the sender's own mail
    instead: a content scanner's virus notice that quotes no SMTP reply or status code (a server's
    refusal of an infected message does: that one is a bounce), a list manager's warning to a
    member that the member's mail bounces, or its periodic summary of the errors it handled, or an
    aggregate report on the sender's authentication (`aggregate_report`), or a DMARC failure report
    that is no ARF report, whatever its title ("Failure notice", "Notification": its own words
    before the copy say what it is, and quote no SMTP reply or status code as a bounce's do). None
    names a failed recipient of ours."""
    if aggregate_report(mail):
        return True
    head = f"{mail.subject}\n{text[:3000]}"
    low = head.lower()
    if "dmarc" in low and _auth_failure_report(text):
        return True
    if (
        "virus" in low
        and _VIRUS_NOTICE.occurs_in(head)
        and not _CODE.search(text[:8000])
        and not addressee(low)
    ):
        # (a scanner's notice that names the mailbox our message was addressed to, "Your message
        # to a@b ... was infected ... and was not delivered", reports that recipient's failure: a
        # soft one, for the content)
        return True
    return warns_member_of_bounces(
        address(mail.from_), text, mail.subject, mail.header("Return-Path")
    ) or sums_up_handled_errors(text)


def _auth_failure_report(text: str) -> bool:
    """Whether the text's own words, before any copy of the message, say it is a DMARC failure
    report or name a failed DMARC check (parsers.forwarded's reading), and quote no SMTP reply or
    status code."""
    head = text[:3000]
    copy = _folded_copy_start(fold_case(head))
    own = head if copy is None else head[:copy]
    return forwarded.auth_failure_named(own) > 0 and not _CODE.search(own)


def is_failure_report(mail: Mail) -> bool:
    """Whether the message is a delivery failure report by any sign: a report structure, the null
    sender, a daemon From, or a failure subject (in the languages the reason table reads) on a
    message that is neither a reply nor a list post; not a notice about the sender's own mail
    (`notice_not_report`)."""
    if not mail.delivery_status and notice_not_report(mail, human_text(mail)):
        return False
    if mail.delivery_status or mail.report_type == "delivery-status" or looks_like_bounce(mail):
        return True
    # (a message disposition notification, RFC 8098, reports what a reader's client did with the
    # message: never its delivery, whatever its disposition says, "processed/error" included)
    if (
        null_sender(mail)
        and not mail.feedback_report
        and mail.report_type != "disposition-notification"
        and not _answers_as_a_person(mail)
        and _states_a_failure(human_text(mail))
    ):
        return True
    return _failure_subject(mail)


def _states_a_failure(text: str) -> bool:
    """Whether the start of a text says, in any language the reason table reads, that something
    failed, or that the message is held until the sender proves itself (a challenge, which the
    bounce readers turn into the held mailbox's auto-reply): what the null sender alone cannot
    tell. A help desk's acknowledgement or an out-of-office sent with it ("we received your
    request", "I am away until ...") names a colleague's or a support address, and no failure."""
    from parsers import autoreply  # (it imports this module)

    head = text[:4000]
    return (
        _NOT_DELIVERED.occurs_in(head)
        or _ERROR_WORDS.occurs_in(head)
        or _names_a_reason(head)
        or autoreply.is_challenge(head, hold=True)
    )


def _answers_as_a_person(mail: Mail) -> bool:
    """Whether a message with the null sender answers ours from a person's mailbox: an auto-reply
    (RFC 3834 allows the null sender), or a reply under a reply prefix ("Re:", "AW:", "Sv:") from
    an address no mail system uses. Vacation programs and a mailbox kept alive only to say its
    owner moved answer so, without any auto-reply header and in any language; the address they
    write is the owner's new one or a colleague's, never a failed recipient. (A failure subject
    makes it a report whatever its prefix, `_failure_subject`.)"""
    prefix = _REPLY_PREFIX.match(mail.subject)
    if (
        prefix is not None
        and prefix.group(1).lower() not in _FORWARD_PREFIXES
        and not _DAEMON_FROM.occurs_in(mail.from_)
        and not is_daemon(address(mail.from_) or "")
    ):
        return True
    return _reads_as_auto_reply(mail)


def _reads_as_auto_reply(mail: Mail) -> bool:
    """A person's auto-reply that an MTA sent with the null sender (RFC 3834 allows it): the null
    sender alone does not make it a failure report."""
    from parsers import autoreply

    return autoreply.inquire(mail) is not None


_OWN_HEADERS = (
    "From", "Sender", "Reply-To", "Return-Path", "Errors-To", "To", "Cc", "Delivered-To", "X-Original-To",
    "Envelope-To",
)  # fmt: skip


def own_addresses(mail: Mail) -> set[str]:
    """The report's own sender and addressees (the original's return path): never a failed
    recipient. A report quotes them ("not accepting mail from <bounces@sender>")."""
    out: set[str] = set()
    for name in _OWN_HEADERS:
        for value in mail.headers(name)[:8]:
            for chunk in value.split(",")[:16]:
                a = address(chunk)
                if a:
                    out.add(a)
    return out


def is_daemon(addr: str) -> bool:
    """Whether the address is a mail system's own (never a failed recipient)."""
    local = addr.split("@", 1)[0]
    return local in ("mailer-daemon", "postmaster", "root", "noreply", "no-reply", "abuse")


def inquire(mail: Mail) -> list[Delivery] | None:
    """Failed recipients of a bounce in an unknown text format, or None."""
    if not looks_like_bounce(mail):
        return None
    text = addresses_as_typed(human_text(mail)[:65536])
    footer = footer_start(text)
    if footer is not None:
        text = text[:footer]
    if (
        "@" not in text
        and "@" not in mail.subject
        and not mail.has_header("X-Failed-Recipients")
        and mail.original is None
    ):
        return None
    if not mail.delivery_status and notice_not_report(mail, text):
        return None
    folded = fold_case(text)
    copy = _folded_copy_start(folded)
    pasted = ""
    if copy:
        text, pasted, folded = text[:copy], text[copy:], folded[:copy]
    excluded = own_addresses(mail)
    found: list[str] = []
    # (how the report writes a recipient it does not name by address: a user id, a person's name)
    written: dict[str, str] = {}

    def add(raw: str | None) -> None:
        a = _without_cjk_prefix(address(raw))
        # (nor the returned original's sender, which GroupWise's status report prints in its own text
        # as "From: list <list@host>": asked last, of a candidate only)
        # (an address with a one-label domain is no recipient's: the name of a virus a scanner found,
        # "W32/Klez.h@MM", or a routing name)
        if (
            a
            and "." in a.rpartition("@")[2]
            and a not in excluded
            and not is_daemon(a)
            and a not in found
            and len(found) < MAX_RECIPIENTS
            and (mail.original is None or a != address(mail.original_header("From")))
        ):
            found.append(a)

    for value in mail.headers("X-Failed-Recipients"):
        for chunk in value.split(","):
            add(chunk)
    if not found:
        for m in _INTRO_SAME_LINE.finditer(folded):
            start, end = m.span(1)
            # (a verdict at the end of a line that names its own address introduces nothing on the
            # next line: smail's failed addresses, one a line, " a@b ... unknown user"; searched in
            # place, no slices: this runs for every candidate)
            before = m.start()
            if (
                folded.find("\n", before, start) >= 0
                and folded.find("@", folded.rfind("\n", 0, before) + 1, before) >= 0
            ):
                continue
            if not _SENDER_BEFORE.search(text, max(0, start - 12), start):
                add(text[start:end])
                # (the line may go on with more of the list: "a@b; c@d;", "<a@b>, <c@d>")
                more = _LIST_NEXT.match(text, end)
                while more is not None:
                    add(more.group(1))
                    more = _LIST_NEXT.match(text, more.end())
    if not found:
        listed_until = -1
        for m in _LEADING.finditer(text):
            # the address must come with an error nearby, not in a greeting or a signature (or,
            # in a delay notice, with the sentence that its delivery is delayed: "Die Übermittlung
            # an folgende Empfänger wurde verzögert:", "Leveringen ... er forsinket:"); a line
            # that goes on with the list an accepted address began is one more failed recipient,
            # however far the heading above the list now is (IIS/Exchange's "Delivery to the
            # following recipients failed." over twenty addresses, one a line)
            window = text[max(0, m.start() - 300) : m.start() + 400]
            line_end = text.find("\n", m.start())
            continues_list = listed_until >= 0 and not text[listed_until : m.start()].strip()
            if (
                continues_list
                or _ERROR_WORDS.occurs_in(window)
                or _NOT_DELIVERED.occurs_in(window)
                or _names_a_reason(window)
                or reasons.is_delay_notice("", window)
            ):
                add(m.group(1))
                listed_until = len(text) if line_end < 0 else line_end
            else:
                listed_until = -1
    if not found and reports_bounce_run(mail.subject):
        # (a list manager's report on its bounce processing run names each subscriber its bounce
        # rules acted on in a line of its own)
        for member in members_acted_on_by_rule(text):
            add(member)
    if not found and is_list_admin(address(mail.from_)):
        # (a list manager's notice that names the member it took off inside its sentence; the
        # list's own addresses in it are no member)
        addressee = address(mail.header("To"))
        own = (posting_address(addressee or "") or "").lower()
        for sentence in sentences_naming_removal(text, addressee):
            for m in _bare_addresses(sentence):
                if m.group(1).lower() != own and not is_list_admin(m.group(1)):
                    add(m.group(1))
        # (Mailman 2's bounce action notice names the member on a labelled line, in the labels of
        # its catalogues)
        for member in members_in_action_notice(text):
            if member.lower() != own and not is_list_admin(member):
                add(member)
    if not found:
        for m in _LABELLED.finditer(text):
            # (the line names the recipient; the report must say elsewhere that delivery failed)
            window = text[max(0, m.start() - 400) : m.end() + 400]
            if _NOT_DELIVERED.occurs_in(window) or _names_a_reason(window) or _ERROR_WORDS.occurs_in(window):
                add(m.group(1))
    if not found:
        for m in _RCPT_TO.finditer(text):
            if _REPLY_ERROR.search(text, m.end(), m.end() + 300):
                add(m.group(1))
    if not found:
        # An address in angle brackets inside the report's own sentence, in any language ("Vaše
        # zpráva pro <a@b> ... nemohla být doručena", "받는 사람: <a@b>" under "전달되지 못했습니다"):
        # the sentence or the lines around it say the mail was not delivered, or name a reason.
        for m in itertools.islice(_ANGLED.finditer(text), MAX_RECIPIENTS):
            start = text.rfind("\n", 0, m.start()) + 1
            window = text[max(0, start - 300) : m.end() + 200]
            if _SENDER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            if _NOT_DELIVERED.occurs_in(window) or _names_a_reason(window):
                add(m.group(1))
    if not found:
        # A bare address in the report's own sentence that says, in any language, that the
        # message was not delivered: that one sentence, not the lines around it (a greeting or a
        # signature names addresses too), and not the sender's ("from a@b"). A sentence that the
        # report wraps goes on on the next line ("Die E-Mail an a@b konnte nicht\nzugestellt
        # werden"); a line that ends in punctuation ("Hallo a@b,") ends it.
        for m in itertools.islice(_bare_addresses(text), MAX_RECIPIENTS):
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            line = text[start : end if end >= 0 else len(text)]
            if end >= 0 and line.rstrip() and not _SENTENCE_END.search(line):
                following = text.find("\n", end + 1)
                line += " " + text[end + 1 : following if following >= 0 else len(text)]
            if _NOT_DELIVERED.occurs_in(line) and not _SENDER_BEFORE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                add(m.group(1))
    if not found:
        for recipient, name in original_recipient_named(mail, text, excluded, pasted):
            found.append(recipient)
            written[recipient] = name
    if not written:
        # The accounts the report lists by user id alone, each with its reason in brackets, beside
        # the addresses it lists or instead of them, and more than the one a report names by name
        # (GroupWise: "kmeyer (User account is expired)" over "aroth (user not found)").
        for recipient, user_id in _listed_by_id(text, mail, pasted):
            if recipient not in found:
                add(recipient)
                written[recipient] = user_id
    if not found and "@" in mail.subject and _BOUNCE_SUBJECT.occurs_in(fold(mail.subject)):
        # A failure subject that names the failed address, the report's text naming none ("Returned
        # mail: Quota exceeded for user a@b", "Returned mail: message not deliverable: <a@b>", as
        # old Sendmail configurations and their imitators write it): the subject is the report's
        # first line.
        for m in itertools.chain(_ANGLED.finditer(mail.subject), _bare_addresses(mail.subject)):
            add(m.group(1))
        if found:
            text = f"{mail.subject}\n{text}"
    if not found:
        return None
    out = []
    for a in found:
        diagnostic = explanation(text, written.get(a, a), alone=len(found) == 1)
        out.append(
            Delivery(
                recipient=a,
                diagnostic=diagnostic,
                smtp_command=command_in_text(diagnostic),
                diagnostic_type=REPORT_TEXT,
            )
        )
    return out


_ORIGINAL_RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "To")
_HEADER_LINE = patterncode.compile(r"[A-Za-z][A-Za-z0-9-]{0,60}:")
_NOT_ALNUM = patterncode.compile(r"[\W_]+")
# An X.400 O/R name's given name and surname ("G=Jane; S=Doe"), in a lower-cased line.
_OR_FIELD = patterncode.compile(r"\b([gs]) ?= ?([a-z0-9-]+)")
# The headers that name a mailing list's own address (see _list_itself).
_LIST_ADDRESS_HEADERS = ("List-Id", "List-Post")


def _pasted_original(copy: str) -> Message | None:
    """The header block of an original pasted into a report's text after its marker line ("---
    Returned message ---", "Original text follows"), as legacy gateways return it: no MIME part."""
    lines = copy.split("\n", 40)
    if COPY_MARKER.match(fold_case(lines[0])):  # (the marker is one line)
        lines = lines[1:]
    while lines and _SEPARATOR.match(lines[0]):
        lines = lines[1:]  # (blank lines and a rule under the marker)
    rest = "\n".join(lines)
    if not _HEADER_LINE.match(rest):
        return None
    head = parse_header_block(rest[: max(blank_line(rest), 0) or len(rest)] + "\n\n")
    return head if head.get("To") or head.get("From") else None


def _names_in_order(local: str, text: str) -> str | None:
    """The line of `text` that names the person whose local part is `local` ("jane.doe") with the
    words the other way round, as directories write a name ("Doe, Jane": cc:Mail, GroupWise), or
    as an X.400 O/R name gives them ("G=Jane; S=Doe; O=Corp; C=US": given name and surname)."""
    words = [w for w in _NOT_ALNUM.split(local) if w]
    if len(words) != 2 or min(map(len, words)) < 2:
        return None
    for line in text.split("\n"):
        found = _NOT_ALNUM.split(line.lower())
        for i in range(len(found) - 1):
            if found[i] == words[1] and found[i + 1] == words[0]:
                return line.strip().lower()
        if "=" in line:
            fields = dict(_OR_FIELD.findall(line.lower()))
            if fields.get("g") == words[0] and fields.get("s") == words[1]:
                return line.strip().lower()
    return None


def original_recipient_named(
    mail: Mail, text: str, excluded: set[str], pasted: str = ""
) -> list[tuple[str, str]]:
    """The returned original's one recipient, when the report names that person only by name: a
    display name or a directory name ("Hanna Berg on 3/3/2026", "CN=Kurt Weber/O=Corp", "Doe,
    Jane") instead of the address. Exchange, Notes and cc:Mail write reports that way. The original
    (attached, or pasted into the text after its marker: `pasted`) must name exactly one recipient
    (never a list's post: its To is the list), and the report's own text must name them: the To's
    display name, or the local part with its punctuation dropped ("kurt.weber" for "Kurt Weber")
    or its two words the other way round; or, when the report names no address at all and says
    why the message failed, nobody (a provider's notice about "your message" to that recipient).
    Several of its recipients when a report that writes no address names each by display name
    (`_each_named_by_display`). Returns each address and the name as the report writes it (lower
    case; "" when it names none)."""
    original = mail.original if mail.original is not None else (_pasted_original(pasted) if pasted else None)
    if original is None:
        return []
    if signed_as_a_bounce(
        decode_header_value(original.get("From", "")), decode_header_value(original.get("Subject", ""))
    ):
        # The attached message is itself a failure report that a list manager hands on to its
        # owner (LISTSERV's "identified as a possible delivery error notice", enclosing the
        # bounce sent to the list): its To is the list, and the wrapper's text names the list.
        # The report inside names its failed recipient itself (parsers.core reads it whole).
        return []
    candidate: str | None = None
    display = ""
    for name in _ORIGINAL_RECIPIENT_HEADERS:
        values = original.get_all(name) or []
        if not values:
            continue
        chunks = [c for v in values[:2] for c in decode_header_value(v).split(",")[:4] if "@" in c]
        if len(chunks) > 1:
            # several recipients: the one the report names by user id, as a word of its own
            # (GroupWise: "kmeyer (User account is expired)"), or by display name; which one
            # failed cannot be told when it names none of them, or more than one, unless it names
            # each by display name
            chunks = [c for c in chunks if _named_by_id(c, text)]
            if len(chunks) > 1:
                return _each_named_by_display(original, chunks, text, excluded)
        if len(chunks) != 1:
            return []  # (none with an address, or several the report does not tell apart)
        candidate = address(chunks[0])
        display = _display_name(chunks[0])
        break
    if not candidate or candidate in excluded or is_daemon(candidate) or _list_itself(original, candidate):
        return []
    if candidate == address(decode_header_value(original.get("From", ""))):
        return []  # a message to oneself (or a list's own copy)
    low = text.lower()
    if candidate in low:
        return []  # the report names the address itself: not a report that names only a person
    named = _person_named(candidate, display, text, low)
    if (
        named is None
        and "@" not in low
        and envelope_recipient(original) in (None, candidate)
        and says_why(low)
        # (nor one that lists another account by its user id: "bheld (Mailbox is full)" where
        # the original was addressed to office@b, the id one of its Cc recipients)
        and not _listed_ids(text)
    ):
        # A report that names no address and no person, and says why the message failed: the
        # providers' own notices that name the message by its subject ("보내신 메일 'Newsletter'이(가)
        # 발송되지 않았습니다 ... 받는 사람의 메일 주소가 존재하지 않습니다", "退信原因：收件人邮箱空间已满")
        # speak of the original's one recipient, unless its last hops were delivering it to another
        # address (a list's post: its To is the list). (No name as written: `explanation` reads
        # the report.)
        return [(candidate, "")]
    return [named] if named is not None else []


def _each_named_by_display(
    original: Message, chunks: list[str], text: str, excluded: set[str]
) -> list[tuple[str, str]]:
    """The recipients of the returned original (`chunks`: the addresses of its header that the
    report names) when a report that writes no address names each by display name, as Exchange's
    lists the recipients it could not reach ("Anna Berg on 3/5/2026", each with its own reason);
    none when it writes an address (its own readers find those) or names one only by user id."""
    low = text.lower()
    if "@" in low:
        return []
    sender = address(decode_header_value(original.get("From", "")))
    out = []
    for chunk in chunks:
        candidate = address(chunk)
        display = _display_name(chunk).lower()
        if (
            not candidate
            or len(display) < 4
            or display not in low
            or candidate in excluded
            or candidate == sender
            or is_daemon(candidate)
            or _list_itself(original, candidate)
        ):
            return []
        out.append((candidate, display))
    return out


# A failed-recipient list's line that names an account by its user id alone, its reason in
# brackets after it (GroupWise's "The message that you sent was undeliverable to the following:"
# over "<tab>kmeyer (user not found)").
_LISTED_ID = patterncode.compile(
    r"(?m)^[ \t]{1,8}([A-Za-z0-9][A-Za-z0-9._-]{1,63})[ \t]+\(([^()\n@]{3,120})\)[ \t]*$"
)
_ADDRESSED_HEADERS = ("To", "Cc")


def _listed_id(line: str) -> str | None:
    """The user id a failed-recipient list's line names with its reason in brackets (lower case)."""
    m = _LISTED_ID.match(line) if "(" in line else None
    return m.group(1).lower() if m is not None and _names_a_reason(m.group(2)) else None


def _listed_ids(text: str) -> set[str]:
    """The user ids the report lists with their reasons in brackets (_LISTED_ID), lower case."""
    if "(" not in text:
        return set()
    return {m.group(1).lower() for m in _LISTED_ID.finditer(text) if _names_a_reason(m.group(2))}


def _listed_by_id(text: str, mail: Mail, pasted: str) -> list[tuple[str, str]]:
    """The returned original's recipients that the report lists by user id alone, each on its own
    line with the reason in brackets ("kmeyer (user not found)"), as GroupWise writes the accounts
    of its own post office: the original's To or Cc address whose local part is that id, when no
    other of its addresses has the same local part (which one failed could not be told). Returns
    each address with the id as the report writes it (lower case)."""
    ids = _listed_ids(text)
    if not ids:
        return []
    original = mail.original if mail.original is not None else (_pasted_original(pasted) if pasted else None)
    if original is None:
        return []
    by_id: dict[str, list[str]] = {}
    for name in _ADDRESSED_HEADERS:
        for value in (original.get_all(name) or [])[:2]:
            for chunk in decode_header_value(value).split(",")[:MAX_RECIPIENTS]:
                candidate = address(chunk)
                if candidate and "@" in candidate:
                    local = candidate.split("@", 1)[0].lower()
                    if local in ids and candidate not in by_id.setdefault(local, []):
                        by_id[local].append(candidate)
    return [(addresses[0], local) for local, addresses in by_id.items() if len(addresses) == 1]


def _display_name(chunk: str) -> str:
    """The display name of one address of a header ("Karl Meyer <kmeyer@b>"), or ""."""
    return chunk.split("<", 1)[0].strip().strip("\"'").strip() if "<" in chunk else ""


def _named_by_id(chunk: str, text: str) -> bool:
    """Whether the report `text` names the recipient `chunk` (one address of the original's header)
    by its user id as a word of its own, or by its display name (four characters at least)."""
    low = text.lower()
    local = (address(chunk) or "").split("@", 1)[0].lower()
    at = low.find(local) if len(local) >= 3 else -1
    while at >= 0:
        # (not inside a longer word or another address: "info" in "information", "kmeyer" in
        # "x.kmeyer@b")
        before = low[at - 1] if at else " "
        end = at + len(local)
        after = low[end] if end < len(low) else " "
        if not (before.isalnum() or before in "._@-") and not (after.isalnum() or after in "_@-"):
            return True
        at = low.find(local, at + 1)
    display = _display_name(chunk).lower()
    return len(display) >= 4 and display in low


def _person_named(candidate: str, display: str, text: str, low: str) -> tuple[str, str] | None:
    """`candidate` and the name the report (`text`, `low` its lower case) writes for that person:
    the To's `display` name, the local part's letters, or its two words the other way round."""
    if display and len(display) >= 4 and display.lower() in low:
        return candidate, display.lower()
    local = _NOT_ALNUM.sub("", candidate.split("@", 1)[0])
    if len(local) < 4:
        return None
    flat = _NOT_ALNUM.sub("", low)
    if local not in flat:
        reversed_name = _names_in_order(candidate.split("@", 1)[0], text)
        return (candidate, reversed_name) if reversed_name else None
    # the name as written: the first line whose letters hold the local part's
    for line in text.split("\n"):
        if local in _NOT_ALNUM.sub("", line.lower()):
            return candidate, line.strip().lower()
    return None


def _list_itself(original: Message, candidate: str) -> bool:
    """Whether `candidate`, the returned original's recipient, is the mailing list that sent it: a
    list's post is addressed to the list (its List-Post mailto, or the List-Id "<name.host>" of
    name@host). A list that writes each copy to its member (Mailman's personalised mail, a
    newsletter) names the member, who can fail."""
    list_id, list_post = (
        decode_header_value(original.get(name, "")).lower() for name in _LIST_ADDRESS_HEADERS
    )
    if not (list_id or list_post):
        return False
    return candidate.replace("@", ".", 1) in list_id or f"mailto:{candidate}" in list_post


def _names_a_reason(text: str) -> bool:
    """Whether the text names a failure in any language the reason table reads."""
    return reasons.match_text(text) not in (None, reasons.ON_HOLD)


_SEPARATOR = patterncode.compile(r"^\s*(?:[-=_*]{3,}.*)?$")
_CODE = patterncode.compile(r"\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b")
MAX_OCCURRENCES = 8


def says_why(text: str) -> bool:
    """Whether the text gives a cause: an SMTP reply or status code, or a reason the table reads."""
    return bool(_CODE.search(text if text.isascii() else reasons.ascii_codes(text))) or _names_a_reason(text)


def _block(text: str, start: int, written: str) -> tuple[str, int]:
    """The line that starts at `start` and the lines after it, up to a blank line, a separator or
    a line that names another address, or another account by user id and reason (_listed_id):
    their text, and where they end."""
    out: list[str] = []
    end = start
    for i, line in enumerate(text[start:].split("\n", 6)[:6]):
        if i > 0 and (
            _SEPARATOR.match(line)
            or ("@" in line and written not in line.lower())
            or _listed_id(line) not in (None, written)
        ):
            break
        out.append(line.strip())
        end += len(line) + 1
    return " ".join(out)[:1000], end


_RULE = patterncode.compile(r"\s*[-=_*]{3,}")


def _next_paragraph_line(text: str, end: int) -> str | None:
    """The first line of the paragraph after a block that ends at `end`, when it is text about
    that block (no separator, no other address, within a few blank lines), else None."""
    for line in text[end : end + 400].split("\n")[:4]:
        if not line.strip():
            continue
        if "@" in line or _RULE.match(line):
            return None
        return line.strip()
    return None


def _without_cjk_prefix(addr: str | None) -> str | None:
    """The address without the Chinese, Japanese or Korean words written right before it. A local
    part of those letters alone is the address's own (RFC 6531: "用户@例子.广告")."""
    if addr is None:
        return None
    start = 0
    while start < len(addr) and _cjk(addr[start]):
        start += 1
    return addr if addr.startswith("@", start) else addr[start:]


# An address typed with an East Asian input method: its letters, digits and signs full-width
# ("ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ", "tanaka＠example.co.jp") or its domain's dots the ideographic full
# stop ("wang.li@example。cn"), which IDNA (RFC 3490 3.1, UTS 46) reads as a label separator too.
_WIDE = r"\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A"
# (tried only where a run of the local part's characters starts, and never given back: a search
# from each character of a long run is quadratic in it)
_LOCAL_CHAR = rf"[A-Za-z0-9._+\-{_WIDE}\uFF0B\uFF0D\uFF0E\uFF3F\u3002\uFF61]"
_TYPED_ADDRESS = patterncode.compile(
    rf"(?<!{_LOCAL_CHAR}){_LOCAL_CHAR}{{1,64}}+[@\uFF20]"
    rf"[A-Za-z0-9\-{_WIDE}\uFF0D]{{1,63}}(?:[.\u3002\uFF0E\uFF61][A-Za-z0-9\-{_WIDE}\uFF0D]{{1,63}}){{1,8}}"
)
_IDEOGRAPHIC_STOPS = "\u3002\uff0e\uff61"


def _narrowed(m: re.Match[str]) -> str:
    written = m.group(0)
    before_stop = written.rpartition("@")[2]
    for stop in _IDEOGRAPHIC_STOPS:
        before_stop = before_stop.split(stop, 1)[0]
    if "\uff20" not in written and "." in before_stop:
        # (an ASCII address that ends a Japanese or Chinese sentence, "a@b.example。Please ...", keeps
        # its stop: a domain typed with ideographic stops has no ASCII dot before the first)
        return written
    return "".join(
        "." if ch in _IDEOGRAPHIC_STOPS else chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch
        for ch in written
    )


# Characters no one sees that a report's text may carry in or beside an address: the directional
# marks right-to-left text puts around a left-to-right one (Hebrew, Arabic and Persian reports;
# the reason table drops them too: parsers.reasons.families), and a zero-width space, word joiner,
# soft hyphen or byte order mark inside one (a break opportunity an HTML-to-text step kept).
_DIRECTIONAL_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_WITHOUT_DIRECTIONAL_MARKS = dict.fromkeys(map(ord, _DIRECTIONAL_MARKS))
_ZERO_WIDTH = "\u00ad\u200b\u2060\ufeff"
# (between two of an address's characters: one between two words of Thai, Khmer or Lao, which write
# no spaces, stays)
_ZERO_WIDTH_IN_ADDRESS = patterncode.compile(
    rf"(?<=[A-Za-z0-9._%+\-@])[{_ZERO_WIDTH}]+(?=[A-Za-z0-9._%+\-@])"
)


# (an ideographic stop in a domain: what _TYPED_ADDRESS is asked of in a text with no full-width at
# sign; searched from each '@', so the other ideographic stops of a Chinese or Japanese text cost
# nothing)
_STOP_IN_DOMAIN = patterncode.compile(r"@[A-Za-z0-9\-]{1,63}[\u3002\uff61]")


def addresses_as_typed(text: str) -> str:
    """`text` with each address as the address it is: typed in full-width forms or with ideographic
    stops, written in ASCII (other full-width text as it was); without the invisible marks in it
    or beside it."""
    if text.isascii():
        return text
    if any(mark in text for mark in _DIRECTIONAL_MARKS):
        text = text.translate(_WITHOUT_DIRECTIONAL_MARKS)
    if any(mark in text for mark in _ZERO_WIDTH):
        text = _ZERO_WIDTH_IN_ADDRESS.sub("", text)
    if "\uff20" in text or ("@" in text and _STOP_IN_DOMAIN.search(text)):
        return _TYPED_ADDRESS.sub(_narrowed, text)
    return text


def _bare_addresses(text: str) -> Iterator[re.Match[str]]:
    """Bare addresses in prose, not inside a longer word ("jürgen@" holds no "rgen@"); Chinese,
    Japanese and Korean letters are no part of the word before an address."""
    for m in _BARE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if not before.isalnum() or _cjk(before):
            yield m


def explanation(text: str, written: str, *, alone: bool = False) -> str | None:
    """What the report says about one failed address (`written` as the report writes it, lower
    case): the first of its lines that gives a cause, with the lines that follow it (a reason, an
    error code field). When none does: the first line of the next paragraph, when it gives a cause
    ("<a@b>" / blank / "No such user"); then the lines just before it too ("The account is disabled."
    / "<a@b>"); and for the report's only recipient (`alone`), the start of the report, which
    then speaks of that recipient ("Error detail: mailbox is full" a paragraph further on)."""
    low = text.lower()
    if not written:
        # (the report's only recipient, named nowhere in it: the report speaks of them throughout)
        return " ".join(text[:1500].split()) or None
    blocks: list[tuple[int, str, int]] = []
    pos = low.find(written)
    while pos >= 0 and len(blocks) < MAX_OCCURRENCES:
        before = low[pos - 1] if pos > 0 else " "
        # (not inside a longer address; Chinese, Japanese and Korean are written right against it)
        if not ((before.isalnum() and not _cjk(before)) or before in "._%+-="):
            start = low.rfind("\n", 0, pos) + 1
            block, end = _block(text, start, written)
            if says_why(block.lower().replace(written, " ")):
                return block
            blocks.append((start, block, end))
        pos = low.find(written, pos + len(written))
    if not blocks:
        return None
    start, block, end = blocks[0]
    following = _next_paragraph_line(text, end)
    if following and says_why(following.lower()):
        # "<a@b>" / blank line / "No such user": the cause stands in the paragraph after it
        return f"{block} {following}".strip()
    lines = [line.strip() for line in text[max(0, start - 600) : start].split("\n") if line.strip()]
    joined = " ".join([*lines[-3:], block]).strip()
    if alone and not says_why(joined):
        rest = " ".join(text[end : end + 1500].split())
        joined = f"{joined} {rest}".strip()
    return joined or None
