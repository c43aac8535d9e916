"""A mailing list manager's own administrative sender: the one home of the pattern.

Three readers ask it: parsers.autoreply (a list's notice to a poster is no recipient's auto-reply),
parsers.mta.listmanager (a list's refusal of our post is a bounce for the list's address) and
parsers.unsubscribe (a list's notice that it took a member off is no request of the list's own).
The pattern is compiled on its first use (parsers.lazyre): the detectors are imported without
compiling any of their patterns (tests/parsers/test_lazy_patterns.py).
"""

from __future__ import annotations

import re

from parsers.lazyre import compile_lazily
from parsers.reasons.caseblind import CaseBlind

# Mailman's list-bounces / list-owner / list-request / list-admin and its site address mailman@,
# Mailman 3's list-leave (its goodbye notice to a member comes from there), Majordomo's
# owner-list, ezmlm's list-help, LISTSERV@host, ListProc's listproc@host, Sympa's sympa@host, Lyris
# ListManager's lyris@host or listmanager@host, Ecartis's ecartis@host. A VERP tail after "+"
# (list-bounces+poster=example.org@) is part of the administrative address. mlmmj joins its
# addresses to the list's name with "+", its default delimiter: its notices come from list+owner@
# (groups.io's owner address is written so too).
_ADMIN_ADDRESS = compile_lazily(
    r"^(?:owner-[^@]+|[^@]+-(?:bounces|owner|request|admin|help|leave)(?:\+[^@]*)?|[^@]+\+owner"
    r"|listserv|listproc|majordomo|sympa|mailman|lyris|listmanager|ecartis)@",
    re.IGNORECASE,
)
# What the administrative addresses of the list managers whose refusals parsers.mta.listmanager
# reads hold, in any case (each alternative's fixed text; lower-case): a cheap necessary test, that
# detector's prefilter. Lyris's and Ecartis's site addresses are left out: it reads no notice of
# theirs (their removal notices are parsers.fallback's), and three more heading markers cost every
# message a look (2 M instructions over the dev corpus x5).
ADMIN_ADDRESS_NEEDS = (
    "owner-",
    "-bounces",
    "-owner",
    "-request",
    "-admin",
    "-help",
    "-leave",
    "+owner@",
    "listserv@",
    "listproc@",
    "majordomo@",
    "sympa@",
    "mailman@",
)
# The suffix that turns a list's posting address into its administrative one (quilters-owner@,
# mlmmj's birders+owner@).
_ADMIN_SUFFIX = compile_lazily(r"(?:-(?:owner|bounces|request|admin)(?:\+[^@]*)?|\+owner)@", re.IGNORECASE)


def is_list_admin(address: str | None) -> bool:
    """Whether `address` (a bare address) is a list manager's administrative address."""
    return bool(address) and _ADMIN_ADDRESS.match(address or "") is not None


def posting_address(admin: str) -> str | None:
    """The list's posting address behind an administrative address with a suffix
    (quilters-owner@lists.example.org -> quilters@lists.example.org), or None."""
    return _ADMIN_SUFFIX.sub("@", admin) if _ADMIN_SUFFIX.search(admin) else None


# A list manager's warning to a member that mail to the member's address has been bouncing
# (ezmlm's "ezmlm warning" and probe, "... seem to have been bouncing" in ezmlm-idx and "... seem
# to have been bounced" in ezmlm 0.53, Mailman's "membership ... disabled due to excessive
# bounces"): the list's notice about the list's own delivery, no report of ours.
_MEMBER_BOUNCE_WARNING = compile_lazily(
    # (the sentences wrap anywhere: white space is any run of it)
    r"seem\s+to\s+have\s+been\s+bounc(?:ing|ed)|excessive\s+bounces|too\s+many\s+bounces",
    re.IGNORECASE,
)


# ezmlm-warn's own marks on its warning and probe, the same whatever language the list's text files
# are in (ezmlm-idx ships them translated in lang/<code>/text/bounce-warn and bounce-probe: "Es
# scheint, daß einige Nachrichten der Mailingliste L an Sie nicht zustellbar waren", "I messaggi a
# te inviati dalla mailing list L sembrano tornare indietro", ...): the subjects "ezmlm warning" and
# "ezmlm probe", which ezmlm-warn writes untranslated, and its envelope sender, the list's
# "-return-warn-" or "-return-probe-" address followed by the time it was sent
# (L-return-warn-1580796720.<cookie>-member=host@H).
_EZMLM_WARNING_MARK = compile_lazily(
    r"\bezmlm\s+(?:warning|probe)\b|-return-(?:warn|probe)-\d", re.IGNORECASE
)


def _ezmlm_warning(subject: str, return_path: str) -> bool:
    """Whether a list's administrative message with `subject` and `return_path` bears ezmlm-warn's
    marks (a substring test first: no other message pays for the pattern)."""
    marks = f"{subject}\n{return_path}"
    if "ezmlm" not in marks.lower() and "-return-" not in return_path:
        return False
    return _EZMLM_WARNING_MARK.search(marks) is not None


def warns_member_of_bounces(sender: str | None, text: str, subject: str = "", return_path: str = "") -> bool:
    """Whether a message from `sender` (a bare address) with report text `text`, `subject` and
    `return_path` is a list manager's warning to a member that the member's mail bounces."""
    # (Mailman 3's notice to the owner that it removed a member "due to excessive bounces" shares
    # the warning's words: it names the member whose mail failed, `removes_member_for_failures`)
    return (
        is_list_admin(sender)
        and (_MEMBER_BOUNCE_WARNING.search(text[:4000]) is not None or _ezmlm_warning(subject, return_path))
        and not removes_member_for_failures(text)
    )


# What a list manager's translated notices call the bounces or non-delivery reports (German and
# Dutch say "Bounces"; French rebonds, non-remise; Spanish rebotes, no entrega; Catalan rebots; Italian messaggi
# respinti, errori/mancata consegna; Portuguese devoluções, não entrega; Polish zwroty,
# niedostarczone; Russian возвраты, недоставка; Czech nedoručitelné; Swedish studsar; Danish
# returmails; Japanese エラーメール; Chinese 退信), English's "bounces" and "non-delivery" among them. (parsers.fallback
# takes them for error words beside an address a list manager's notice lists.)
BOUNCE_WORDS = (
    r"bounc|non-?deliver|non-remise|unzustellbar|rebond|rebot|n(?:ã|a)?o\s+entrega|respint|errori\s+di\s+consegna"
    r"|mancata\s+consegna|devolu(?:ç|c)|zwrot|niedostarcz|возврат|недоставк|nedoru(?:č|c)iteln|studs"
    r"|returmail|エラーメール|退信"
    # (Mailman 2's bounce action notice in its other catalogues, templates/<lang>/bounce.txt's reason
    # line: Danish, Norwegian and Swedish "Permanent retur eller for meget retur", Brazilian
    # "Retornos excessivos ou fatais", Asturian "mensaxes fatales o devueltos", Turkish "geri
    # dönüş" (Mailman 3's "Geri dönme puanları"), Slovenian "nevarne zavrnitve", Romanian "Eşecuri
    # de livrare", Japanese "配送エラー"; Mailman 3's Japanese "バウンス"). (Each word's start is
    # asked after the word, in a look-behind: a boundary asked first is a Unicode class look-up on
    # either side at every position the searches below try the bounce words at.)
    r"|retur\b(?<=\bretur)|retornos\b(?<=\bretornos)|devuelt|geri\s+d(?:ö|o)n|zavrnit|e(?:ş|ș|s)ecuri\s+de\s+livrare|配送エラー|バウンス"
    # (Ukrainian "повернень" / "повернення пошти", Greek "επιστροφών", Korean "반송", Vietnamese
    # "thư nảy về", Mailman's words for the bounces in those catalogues)
    r"|поверн(?:ень|ення)|επιστροφ(?:ών|ές)|반송|nảy\s+về"
)
# Their words for a member taken off the list or disabled, as a participle (its stem: the ending
# varies with gender and number).
_TAKEN_OFF = (
    r"removed|unsubscribed|deleted|disabled|entfernt|abgemeldet|ausgetragen|gelöscht|deaktiviert|gesperrt"
    r"|désabonn|supprimé|retiré|désactivé|dad[oa]s?\s+de\s+baja|eliminad|borrad|deshabilitad|desactivad"
    r"|suspendid|rimoss|cancellat|disabilitat|sospes|removid|exclu(?:í|i)d|desativad|descadastrad"
    r"|verwijderd|uitgeschakeld|afgemeld|usuni(?:ę|e)t|zablokowan|wypisan|удал(?:е|ё)н|отключен|заблокирован"
    r"|отписан|odhl(?:á|a)(?:š|s)en|odstran(?:ě|e)n|pozastaven|borttagen|avst(?:ä|a)ngd|avregistrerad"
    r"|fjernet|frameldt|deaktiveret"
    # (Catalan eliminat, donat de baixa, inhabilitat; Japanese 削除 and 停止 of the delivery; Chinese
    # 删除, 移除, 禁用, 停用)
    r"|eliminat|donat\s+de\s+baixa|inhabilitat|削除|配送停止|删除|移除|禁用|停用"
    # (Mailman 3's owner notices in Turkish "aboneliği devre dışı bırakıldı", Hebrew "הושבתה",
    # Japanese "無効にされました" and "購読が解除されました")
    r"|devre\s+d(?:ı|i)(?:ş|s)(?:ı|i)\s+b(?:ı|i)rak(?:ı|i)l|הושבת|無効にされ|解除され"
    # (Ukrainian "видалено", "вимкнено", "відписано"; Greek "αφαιρέθηκε", "διαγράφηκε",
    # "απενεργοποιήθηκε"; Korean "삭제되었습니다", "비활성화되었습니다", "해지되었습니다")
    r"|видален|вимкнен|відписан|αφαιρέθηκ|διαγράφηκ|απενεργοποιήθηκ|삭제되|비활성화되|해지되"
)
# One character of a sentence: a full stop or a colon inside an address or a word does not end it,
# nor does a single line break (the templates wrap anywhere).
_SENTENCE = r"(?:[^.:\n]|[.:](?=\S)|\n(?![ \t]*\n))"


# Mailman 2's bounce action notice, whatever its labels' language (templates/<lang>/bounce.txt): an
# indented "Label: address" line (the member), the action's line, then the reason's line naming the
# bounces ("Mitglied: a@b" / "Aktion: Abonnement deaktiviert." / "Grund: Zu viele oder fatale
# Bounces."; "Medlem:", "Jäsen:", "Účastník:", "Üye:", "Član:", "Utilizatorul:", "会員:" ...). The
# member is read from the block itself, whatever its label says (`members_in_action_notice`).
# Where a catalogue's reason line names no bounces (Hungarian "Indok: Problémás vagy hibás e-mail
# cím.", Korean "이유 : 범위 초과 혹은 치명적인 에러", Estonian "Põhjus: tõrked kirjade saatmisel",
# Interlingua "Motivo: Resaltamentos excessive o fatal."), the block's shape says it: the list's line
# above the member's names the list by its name, with no "@" (bounce.txt's "%(listname)s", the
# list's real name), and two labelled lines follow the member's. (The held post's request,
# postauth.txt, has the same four lines with the list's address on the first, "List: L@H", and the
# poster on the second.)
# (A label may be two or three words: Vietnamese "Thành viên:", "Hộp thư:", "Lý do:".)
_LABEL = r"[ \t]+[^\s:\uff1a]{1,24}(?:[ \t][^\s:\uff1a]{1,24}){0,2}[ \t]*[:\uff1a][ \t]*"
_ACTION_NOTICE = (
    rf"^{_LABEL}<?([^\s@<>]{{1,64}}@[^\s<>]{{1,255}})>?[ \t]*\n"
    rf"[ \t]+[^\n]{{1,80}}\n[ \t]+[^\n]{{0,80}}?(?:{BOUNCE_WORDS})"
    rf"|^{_LABEL}[^\s@:\uff1a]{{1,80}}[ \t]*\n{_LABEL}<?([^\s@<>]{{1,64}}@[^\s<>]{{1,255}})>?[ \t]*\n"
    rf"{_LABEL}[^\n]{{1,80}}\n{_LABEL}[^\n]{{1,80}}"
)


# A list manager's notice to the list's owner that it takes a member off the list for the member's
# delivery errors (LISTSERV: "a@b has been automatically deleted from the L list because of delivery
# errors"; Sympa: below; ListProc: "Automatic removal: user a@b (possibly mentioned below) will be removed from
# the system files", over the bounce that caused it): a report of that member's failure, which
# names the member and quotes the error. (A member who left the list names no failure: no report.)
# (Asked only whether it occurs: searched as a CaseBlind, branch by branch and each branch only in a
# text that holds a piece of it, where the whole case-blind alternation tried each of its branches,
# the bounce words' among them, at every position of the text: 1.5 M instructions a notice.)
_MEMBER_REMOVED = CaseBlind(
    r"automatic\s+removal:|(?:deleted|removed)\s+from\s+the\s+\S{1,80}\s+list\s+because\s+of\s+"
    r"(?:\S{1,20}\s+)?(?:delivery\s+errors|bounces)"
    # Sympa's automatic bounce management: "Because we received MANY non-delivery reports, the 2
    # subsribers listed bellow have been removed from list L :" over the addresses, one a line
    # (its other two actions, "notified that they might be removed" and "selected ... as severe
    # bouncing addresses", remove nobody)
    r"|non-delivery\s+reports,[^.:]{0,80}?\shave\s+been\s+(?:deleted|removed)\s+from\s+(?:the\s+)?list\s"
    # (its French template: "Notre serveur ayant reçu de NOMBREUX rapports de non-remise, les 2
    # abonnés listés ci-dessous ont été désabonnés de la liste L :")
    r"|rapports\s+de\s+non-remise,[^.:]{0,80}?\sont\s+(?:é|e)t(?:é|e)\s+d(?:é|e)sabonn(?:é|e)s\s+de\s+la\s+liste\s"
    # Mailman 2's "bounce action notice" to the owner ("Member: a@b", "Action: Subscription
    # disabled.", "Reason: Excessive or fatal bounces.", the triggering bounce attached or not);
    # Mailman 3's owner notices, one a member: "a@b has been removed from L due to excessive
    # bounces.", "a@b's subscription has been disabled on L due to their bounce score exceeding the
    # mailing list's bounce_score_threshold.", "a@b's bounce score on L has been incremented to 3.0."
    # (its warning to the member himself says "your membership": `warns_member_of_bounces`)
    r"|mailing\s+list\s+bounce\s+action\s+notice"
    r"|has\s+been\s+(?:removed|unsubscribed|deleted)\s+from\s+\S{1,80}\s+(?:due\s+to|because\s+of)\s+"
    r"(?:excessive|too\s+many)\s+bounces"
    r"|subscription\s+has\s+been\s+disabled\s+on\s+\S{1,80}\s+due\s+to\s+their\s+bounce\s+score"
    r"|bounce\s+score\s+on\s+\S{1,80}\s+has\s+been\s+incremented"
    # (its Japanese templates/ja/list:admin:notice:increment.txt: "a@bのバウンススコアがLで増加しました。")
    r"|バウンススコアが\S{1,80}?で増加"
    # the same of a member named by address, or of the members listed ("The member a@b of list L
    # has been put on hold because too much mail sent to this address bounced" and "The following
    # members ... have been held because of excessive bounces", "These members were placed on hold
    # because of multiple bounces" from Lyris ListManager; SmartList's
    # "a@b has been removed from the list after 6 bounces"; Ecartis's "The user a@b has been
    # unsubscribed from list 'L' by the bounce handler"): the sentence names the bounces. (A
    # member's own notice says "your membership ... has been placed on hold": no member named.)
    # (Ecartis names the list before the cause: "User a@b has been removed from list L: too many
    # bounces"; a colon inside the line goes on with the sentence, one that ends the line heads the
    # list of members below it)
    # (Dada Mail's bounce handler: "The following addresses have been unsubscribed from L because
    # their bounce score exceeded the threshold:"; a member's own notice says "your address", in
    # the singular.) The cause may be named "delivery failures" or "delivery errors" (Majordomo 2:
    # "The address a@b was removed from the L mailing list after repeated delivery failures.").
    r"|(?:@\S{1,80}|\bmembers?|\busers?|\bsubscribers|\baddresses)\b[^.:]{0,80}?\s(?:(?:has|have)\s+been|was|were)\s+"
    r"(?:removed|unsubscribed|deleted|held|(?:put|placed)\s+on\s+hold)\b(?:[^.:]|:(?=[ \t]+\S)){0,80}?"
    r"(?:\bbounc|\bdelivery\s+(?:failures|errors))"
    # phpList's bounce processing report to its administrator ("phpList Bounce Processing info"):
    # the subscribers its run marked unconfirmed for consecutive bounces, listed below "Below are
    # users who have been marked unconfirmed. The in () is the number of consecutive bounces." one
    # a line with their count; and its bounce rules' actions on a subscriber whose bounce a rule
    # matched, "User a@b deleted by bounce rule 3", "email a@b blacklisted by bounce rule 5", "User
    # a@b made unconfirmed by bounce rule 2" (its advanced bounce processing)
    r"|marked\s+unconfirmed\.\s+the\s+in\s+\(\)\s+is\s+the\s+number\s+of\s+consecutive\s+bounces"
    r"|@\S{1,255}\s+(?:deleted|blacklisted|made\s+unconfirmed)\s+by\s+bounce\s+rule\s"
    # The same notices in the languages the list managers' catalogues render them in (a list's
    # notices are in the list's language). Mailman 2's bounce action notice (`_ACTION_NOTICE`)
    rf"|{_ACTION_NOTICE}"
    # Mailman 3's owner notice that names the member first ("a@b wurde wegen zu vieler Bounces von
    # L entfernt.", "a@b a été désabonné de L en raison d'un nombre excessif de rebonds.", "a@b ha
    # sido dado de baja de L debido a un exceso de rebotes."): the sentence that starts with the
    # member's address says both that the member was taken off (or disabled) and the bounces
    rf"|^[ \t]*<?[^\s@<>]{{1,64}}@[^\s<>]{{1,255}}>?\s(?={_SENTENCE}{{0,200}}?(?:{_TAKEN_OFF}))"
    rf"(?={_SENTENCE}{{0,200}}?(?:{BOUNCE_WORDS}))"
    # Sympa's automatic bounce management in its other templates: the non-delivery reports, then
    # the members "have been removed" over the list of them ("... han sido dados de baja de la lista
    # L :", "... sono stati cancellati dalla lista L :", Polish "... zostało usuniętych z listy L :",
    # German "... wurden ... von der Liste L abgemeldet :", the participle last). Its notify action
    # ("han sido notificados de que podrían ser dados de baja", "... entfernt werden könnten :")
    # removes nobody: the participle follows the auxiliary at once, or ends the sentence at its colon.
    rf"|(?:{BOUNCE_WORDS}){_SENTENCE}{{0,200}}?(?:\b(?:han\s+sido|sono\s+stati|foram|zijn|zosta(?:ł[aoy]?|li)|byli|были)\s+"
    rf"(?:{_TAKEN_OFF})|(?:{_TAKEN_OFF})\w*(?:\s+(?:von|aus)\s+(?:der\s+)?liste\s+\S{{1,80}})?\s*:)",
    re.MULTILINE,
)


# A list manager's notice to the list's own administrative address in a language whose sentence does
# not open with the member's address (Mailman 3's owner notices: "L'iscrizione di a@b a L è stata
# disabilitata perché il suo punteggio di bounce ha superato ...", "A inscrição de a@b em L foi
# desativada porque a sua pontuação de devoluções ...", "Подписка a@b на L отключена, так как её
# рейтинг возвратов ...", "由于退信分数超过 ...，a@b 在 L 上的订阅已被禁用。"): a sentence that names an
# address, the member taken off or disabled and the bounces. (The member's own notice, sent to the
# member, says the same of the list's address: "La tua iscrizione alla lista L@H è stata
# disabilitata ...": asked only of a notice to the list's administrative address, and the list's
# own addresses are no member.) A participle after "be" says what may yet happen, not what was done
# (Sympa's notify action: "the subscribers listed below have been notified that they might be
# removed from list L@H :", Spanish "podrían ser dados de baja", French "pourraient être
# désabonnés", Italian "potrebbero essere rimossi"): no member taken off. (Those look-behinds are
# asked where a participle starts, not before each character the sentence's scan tries.)
_SENTENCE_NAMING_MEMBER = compile_lazily(
    rf"^(?={_SENTENCE}{{0,300}}?(?=(?:{_TAKEN_OFF}))(?<!\bbe )(?<!\bser )(?<!tre )(?<!essere ))"
    rf"(?={_SENTENCE}{{0,300}}?(?:{BOUNCE_WORDS})){_SENTENCE}{{0,300}}",
    re.IGNORECASE | re.MULTILINE,
)


def sentences_naming_removal(text: str, addressee: str | None) -> list[str]:
    """The sentences of a list manager's notice to `addressee`, the list's administrative address,
    that say it took a member off or disabled him for his bounces (parsers.fallback reads the
    members' addresses in them: any but the list's own)."""
    head = text[:4000]
    if "@" not in head or not is_list_admin(addressee):
        return []
    return [m.group() for m in _SENTENCE_NAMING_MEMBER.finditer(head) if "@" in m.group()]


_ACTION_NOTICE_MEMBER = compile_lazily(_ACTION_NOTICE, re.IGNORECASE | re.MULTILINE)


def members_in_action_notice(text: str) -> list[str]:
    """The members a list manager's bounce action notice (Mailman 2's, in any of its languages)
    names on its labelled line, whatever the label's word (parsers.fallback reads them when no
    label it knows names the recipient)."""
    head = text[:4000]
    if "@" not in head:
        return []
    return [m.group(1) or m.group(2) for m in _ACTION_NOTICE_MEMBER.finditer(head)]


# The subject of a list manager's report on its run over the bounces it received, sent from whatever
# address its administrator set for the list's mail rather than an administrative one of its own
# (phpList's "phpList Bounce Processing info", its "Bounce processing error" when the run failed).
_BOUNCE_RUN_SUBJECT = compile_lazily(r"\bbounce\s+processing\b", re.IGNORECASE)


def reports_bounce_run(subject: str) -> bool:
    """Whether `subject` names a list manager's report on its bounce processing run (parsers.fallback
    reads such a report as it reads a list manager's own notice: `removes_member_for_failures`)."""
    if "ounce" not in subject and "OUNCE" not in subject:
        return False
    return _BOUNCE_RUN_SUBJECT.search(subject) is not None


# phpList's bounce rules' actions as its report lists them, a subscriber a line ("User a@b deleted
# by bounce rule 3", "email a@b blacklisted by bounce rule 5"): the subscriber whose bounce the rule
# matched.
_RULE_ACTION_MEMBER = compile_lazily(
    r"^(?:user|email)[ \t]+<?([^\s@<>]{1,64}@[^\s<>]{1,255})>?[ \t]+"
    r"(?:deleted|blacklisted|made[ \t]+unconfirmed)[ \t]+by[ \t]+bounce[ \t]+rule\b",
    re.IGNORECASE | re.MULTILINE,
)


def members_acted_on_by_rule(text: str) -> list[str]:
    """The subscribers a list manager's bounce processing report says its bounce rules deleted,
    blacklisted or unconfirmed (phpList's advanced bounce processing), in order."""
    head = text[:4000]
    if "rule" not in head:
        return []
    return [m.group(1) for m in _RULE_ACTION_MEMBER.finditer(head)]


def removes_member_for_failures(text: str) -> bool:
    """Whether a list manager's own message (parsers.fallback asks it of one, `is_list_admin`) with
    report text `text` is its notice that it removes a member for the member's delivery errors."""
    return _MEMBER_REMOVED.occurs_in(text[:4000])


# LISTSERV's daily error monitoring report to the list's owner: a table of the members whose mail
# bounced ("The following 2 subscribers are currently being monitored:", "Err First Last Address",
# each with its "Last error:") and its legend ("Err= Number of delivery errors received thus far").
# It sums up bounces the list manager received and handled one by one, and it repeats them every
# day until they stop: counted again, one mailbox-full bounce would count five times in five days.
# A summary, no report of a failure.
_MONITORING_REPORT = compile_lazily(
    r"(?:subscribers?|members?)\s+(?:is|are)\s+currently\s+being\s+monitored"
    r"|number\s+of\s+delivery\s+errors\s+received\s+thus\s+far",
    re.IGNORECASE,
)


def sums_up_handled_errors(text: str) -> bool:
    """Whether report text `text` is a list manager's periodic summary of the delivery errors it has
    received and handled (LISTSERV's daily error monitoring report): no failure report of its own."""
    head = text[:4000]
    # (LISTSERV writes both phrases in lower case: a plain search rules out every other report
    # before the case-blind one, which tries its branches at every position)
    if "monitored" not in head and "thus far" not in head:
        return False
    return _MONITORING_REPORT.search(head) is not None


# The footer a list manager appends to each message it passes on, a report it re-sent to its
# members too: Mailman 2's and 3's default (a rule of underscores, then "<List> mailing list" and
# the list's own addresses: "<List> mailing list -- list@host" in Mailman 3), Google Groups' ("You
# received this message because you are subscribed to the Google Groups ... group.").
_FOOTER = compile_lazily(
    r"^_{20,}[ \t]*\n[^\n]{0,200}\bmailing list\b|^You received this message because you are subscribed to the Google Groups",
    re.MULTILINE,
)


def footer_start(text: str) -> int | None:
    """Where the list's footer begins in a message's text, or None: the addresses after it are the
    list's own, never a failed recipient."""
    if "mailing list" not in text and "Google Groups" not in text:
        return None
    m = _FOOTER.search(text)
    return None if m is None else m.start()
