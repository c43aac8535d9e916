"""Auto-replies (RFC 3834 and the headers and subjects that real autoresponders use).

Run only after the complaint and bounce checks: Office365 and Postfix bounces can carry
`Auto-Submitted` and `Precedence: bulk` too. A message from mailer-daemon/postmaster is a bounce,
never an auto-reply.
"""

from __future__ import annotations

import re

from parsers import patterncode
from parsers.arf import inline_original
from parsers.casefold import fold_case, fold_case_ascii
from parsers.dsn import address
from parsers.fallback import addressee, failed_addressee, is_daemon, null_sender, reply_subject
from parsers.forwarded import original_recipient, quotes_a_message
from parsers.listadmin import is_list_admin
from parsers.mail import ORIGINAL_MARKER, Mail, decode_header_value
from parsers.reasons.caseblind import CaseBlind, WordGate
from parsers.reasons.codes import HAS_MOVED
from parsers.values import Value

_ROOT = patterncode.compile(r"\broot@", re.IGNORECASE)
# (DMARC reports come with Auto-Submitted: auto-replied: a report to the sender's domain, about
# authentication, never a recipient's reply)
_NOT_A_REPLY = patterncode.compile(
    r"security information for|^mail failure -|dmarc (?:failure|forensic|aggregate) report|^report domain:",
    re.IGNORECASE,
)
_DAEMON = patterncode.compile(r"mailer-daemon|postmaster|mail delivery (?:system|subsystem)", re.IGNORECASE)
_LIST_HEADERS = ("List-Id", "X-Mailman-Version", "Mailing-List", "X-BeenThere", "X-Listserver", "X-Loop")

# An auto-reply's subject in each language its writers use: the prefix localized mail clients and
# servers put before the original subject (Outlook/Exchange "Automatic reply:" in its every
# translation, webmail vacation notices) and the words for "out of office" / "absent". An opening
# bracket may come first ("[Auto-Reply]", "【自動返信】").
_SUBJECT = patterncode.compile(
    r"^\s*[\[(【「『（<]?\s*(?:"
    r"auto(?:matic)?[ _-]?(?:reply|response|answer)"
    r"|autoresponse\s*-"
    r"|auto(?:reply)?\s*:"
    r"|out of(?: the)? office|oof\s*:|ooo\s*:|away until|on vacation|vacation (?:reply|notice)"
    # (vacation(1)'s own message on Linux, "Subject: away from my mail")
    r"|away from (?:my )?(?:e-?)?mail\b"
    r"|abwesenheits(?:notiz|nachricht|meldung)|automatische antwort|nicht im b(?:ü|ue|u)ro"  # de
    r"|urlaubs(?:abwesenheit|benachrichtigung|notiz|meldung)|abwesenheit\s*:"  # de (a vacation notice's own titles)
    r"|automatisch antwoord|afwezig"  # nl
    r"|r[ée]ponse automatique|absente? du bureau|message d'absence|absence\s*(?::|du\b|jusqu)"  # fr
    r"|risposta automatica|fuori sede|fuori ufficio"  # it
    r"|respuesta autom[áa]tica|fuera de (?:la )?oficina|mensaje de ausencia"  # es
    r"|resposta autom[áàa]tica|auto-resposta|fora do escrit[óo]rio|mensagem de aus[êe]ncia"  # pt, ca
    r"|ausente\s*(?::|d[oa] escrit[óo]rio)"  # pt, es ("Ausente: <subject>", as French's "Absence :")
    r"|fora de l['’]oficina|f[óo]ra da oficina"  # ca, gl
    r"|fr[åa]nvaro|autosvar|automatisk svar|automatisch svar|fr[aå]v[æa]r|(?:ikke|inte) p[åa] kontoret"  # sv, da, nb, nn
    r"|automaattinen vastaus|poissaolo"  # fi
    r"|automaatne vastus|automātiskā atbilde|automatinis atsakymas"  # et, lv, lt
    r"|r[ăa]spuns automat|automatikus v[áa]lasz|h[áa]zon k[íi]v[üu]l"  # ro, hu
    r"|odpowied[źz] automatyczna|autoodpowied[źz]|nieobecno[śs][ćc]|poza biurem"  # pl
    r"|automatick[áa] odpov(?:[ěe][dď]|e[dď])|nep[řr][íi]tomnost|mimo kancel[áa][řr]"  # cs, sk
    r"|automatski odgovor|samodejni odgovor"  # hr, sr, bs, sl
    r"|otomatik (?:yan[ıi]t|cevap)|ofis d[ıi][şs][ıi]nda"  # tr
    r"|автоответ|автоматический ответ|автовідповідь|автоматична відповідь|автоматичен отговор"  # ru, uk, bg
    r"|αυτ[όο]ματη απ[άα]ντηση|εκτ[όο]ς γραφε[ίι]ου"  # el
    r"|תשובה אוטומטית|מענה אוטומטי|מחוץ למשרד"  # he
    r"|(?:ال)?رد (?:ال)?(?:تلقائي|آلي)|خارج المكتب|پاسخ خودکار"  # ar, fa
    r"|t[ựu] [đd][ộo]ng tr[ảa] l[ờo]i|(?:th[ưu] )?tr[ảa] l[ờo]i t[ựu] [đd][ộo]ng|v[ắa]ng m[ặa]t"  # vi (đ or d: unaccented)
    r"|ph[ảa]n h[ồo]i t[ựu] [đd][ộo]ng"  # vi ("automatic response", as webmail and Zimbra title it)
    r"|(?:jawaban|balasan) otomatis|balasan automatik|di luar (?:kantor|pejabat)"  # id, ms (and "out of office")
    r"|ตอบกลับอัตโนมัติ|ตอบรับอัตโนมัติ|ไม่อยู่ที่(?:สำนักงาน|ออฟฟิศ)"  # th (and "out of office")
    r"|awtomatikong (?:tugon|sagot)|wala sa opisina|jibu la (?:ki)?otomatiki"  # tl (and "out of office"), sw
    r"|स्वचालित (?:उत्तर|जवाब)|স্ব(?:\u09df|\u09af\u09bc)ংক্রি(?:\u09df|\u09af\u09bc) উত্তর|தானியங்கு பதில்"  # hi, bn (য় either form), ta
    # (and Exchange's and Outlook's prefix in the languages of its smaller language packs: sr
    # (Cyrillic) "Аутоматски одговор:", mk "Автоматски одговор:", be "Аўтаматычны адказ:", kk
    # "Автоматты жауап:", mn "Автомат хариу:", sq "Përgjigje automatike:", eu "Erantzun
    # automatikoa:", is "Sjálfvirkt svar:", cy "Ateb awtomatig:", af "Outomatiese antwoord:", az/uz
    # "Avtomatik cavab/javob:", mt "Tweġiba awtomatika:", ga "Freagra uathoibríoch:", ka, hy, ur)
    r"|а[ув]томатски одговор|аўтаматычны адказ|автоматты жауап|автомат хариу"  # sr, mk, be, kk, mn
    r"|p[ëe]rgjigje automatike|erantzun automatikoa|sj[áa]lfvirkt svar|ateb awtomatig"  # sq, eu, is, cy
    r"|outomatiese antwoord|avtomatik (?:cavab|javob)|twe[ġg]iba awtomatika|freagra uathoibr[íi]och"  # af, az, uz, mt, ga
    r"|ავტომატური პასუხი|ավտոմատ պատասխան|خودکار جواب"  # ka, hy, ur
    # (and lb "Automatesch Äntwert:", km "ការឆ្លើយតបដោយស្វ័យប្រវត្តិ:" / "ការឆ្លើយតបស្វ័យប្រវត្តិ:")
    r"|automatesch (?:ä|ae|a)ntwert|ការឆ្លើយតប(?:ដោយ)?ស្វ័យប្រវត្តិ"  # lb, km
    r"|自動応答|自動返信|自動返答|不在(?:通知|のお知らせ)"  # ja
    r"|自[动動](?:回[复覆復]|答[复覆復])"  # zh (both scripts)
    r"|자동 ?(?:회신|응답|답장)|부재 ?중"  # ko
    r")",
    re.IGNORECASE,
)
# A help desk's or an office's acknowledgement of receipt as its subject opens (after a ticket's
# tag): Freshdesk's "Ticket Received - S", osTicket's "Support Ticket Opened [#N]", de
# "Eingangsbestätigung", nl "Ontvangstbevestiging", da "Kvittering for modtagelse", vi "Xác nhận đã
# nhận thư", fr "Accusé de réception". (A newsletter titled so is list mail, and a read receipt
# no acknowledgement: `_rule`.)
_ACK_SUBJECT = patterncode.compile(
    r"\s*[\[(]?\s*(?:(?:support )?ticket (?:received|opened|created)\b|eingangsbest(?:ä|ae)tigung|ontvangstbevestiging"
    r"|kvittering for (?:modtagelse|din henvendelse)|x[áa]c nh[ậa]n đ[ãa] nh[ậa]n|accus[ée] de r[ée]ception"
    # (Freshdesk's and Zendesk's translations: pt "Ticket recebido -", es "Ticket recibido -", it
    # "Richiesta ricevuta", pl OTRS's "Potwierdzenie otrzymania zgłoszenia")
    r"|ticket (?:recebido|recibido|ricevuto)\b|(?:richiesta|solicitud|solicita[çc][ãa]o) (?:ricevuta|recibida|recebida)"
    r"|potwierdzenie (?:otrzymania|przyj[ęe]cia)"
    # (and Freshdesk's Catalan "Tiquet rebut -", "Sol·licitud rebuda")
    r"|tiquet rebut\b|sol[·.]?licitud rebuda)",
    re.IGNORECASE,
)
# (Notes/Domino: "AUTO: Karen Holt is out of the office (returning 14/08/2006)", no In-Reply-To)
# (and as its translations word it: de "AUTO: Hans Müller ist außer Haus (Rückkehr am 12.01.2027)",
# fr "est absent(e) (retour le ...)", nl "is afwezig", it "è assente", es "está ausente"; sv "är inte
# på kontoret (åter ...)", da/nb "er ikke på kontoret (tilbage/tilbake ...)", fi "on poissa
# toimistosta (palaan ...)", pl "jest poza biurem (powrót ...)", cs "je mimo kancelář (návrat ...)",
# pt "está fora do escritório (regresso/retorno ...)")
_SUBJECT_TAIL = patterncode.compile(
    r"(?:is out of(?: the)? office|ist (?:au(?:ß|ss)er haus|nicht im b(?:ü|ue)ro)|est absente?|is afwezig"
    r"|(?:è|e') assente|est[áa] (?:ausente|fuera de la oficina)"
    r"|(?:är inte|er ikke) p[åa] kontoret|on poissa toimisto(?:sta|lta)|jest (?:poza biurem|nieobecn[ya])"
    r"|je mimo kancel[áa][řr]|est[áa] fora do escrit[óo]rio)\.?"
    r"(?:\s*\((?:returning|back|until|retour|r(?:ü|ue)ckkehr|zur(?:ü|ue)ck|terug|rientro|regreso|vuelta"
    r"|[åa]ter|tilbage|tilbake|palaa|powr[óo]t|n[áa]vrat|regresso|retorno)[^()]{0,60}\))?\s*$"
    r"|\(auto[- ]?reply\)\s*$",
    re.IGNORECASE,
)
# The tags a mailing list or a ticket system puts before a subject ("[users] ", "[example.com
# #48213] ", "[Ticket#2014030710000012] "): an auto-reply's own prefix follows them when the list
# re-sent the reply to its members or a help desk answered with its ticket number first (Request
# Tracker's "[rt.example #1] AutoReply: ...").
_TAGS = patterncode.compile(r"^\s*(?:\[[^\]\r\n]{1,60}\]\s*){1,2}")
# (branch by branch, each only in a text that holds a piece of it: one case-blind expression of
# ten languages' sentences tried at every position of 4,000 characters)
_BODY = CaseBlind(
    r"i am (?:currently )?(?:away on vacation|away until|out of (?:the )?office|on (?:annual |parental |maternity )?leave"
    r"|on (?:holiday|vacation)|away from (?:the|my) (?:office|desk))"
    r"|i'm (?:currently )?(?:on (?:holiday|vacation|(?:annual |parental |maternity )?leave)|out of (?:the )?office|away until)"
    r"|i(?:'m| am) only sleeping|i will be (?:out of (?:the )?office|away|traveling|travelling|on (?:holiday|vacation|leave))"
    # the same first-person sentence in the languages of the held-out ISPs' users: fr "je suis
    # absent(e) jusqu'au", de "ich bin bis ... nicht im Büro", es "estoy de vacaciones", it "sono
    # in ferie", pt "estou de férias", nl "ik ben afwezig", pl "jestem na urlopie", ru "я в
    # отпуске", sv "jag är ledig", da/nb "jeg er på ferie"
    r"|je suis (?:actuellement )?(?:absente?|en (?:cong[ée]s?|vacances))|je serai (?:absente?|en (?:cong[ée]s?|vacances))"
    # (with the dates between: "ich bin vom 21.12. bis 4.1. im Urlaub")
    r"|ich bin (?:[^\n]{1,40}? )?(?:nicht im b(?:ü|ue)ro|abwesend|im urlaub|au(?:ß|ss)er haus|wieder im b(?:ü|ue)ro"
    r"|auf (?:einer )?(?:schulung|fortbildung|dienstreise|gesch(?:ä|ae)ftsreise)|nicht erreichbar"
    r"|in (?:elternzeit|mutterschutz))"
    # (and the verb first after the dates: "vom 21.12. bis 06.01. bin ich nicht erreichbar / im Urlaub")
    r"|bin ich (?:[^\n]{1,40}? )?(?:nicht (?:erreichbar|im b(?:ü|ue)ro)|im urlaub|abwesend|au(?:ß|ss)er haus)"
    r"|(?:estoy|me encuentro) (?:actualmente )?(?:fuera de la oficina|de vacaciones|ausente)"
    r"|sono (?:attualmente )?(?:in ferie|fuori (?:sede|ufficio)|assente)"
    r"|(?:estou|encontro-me) (?:atualmente )?(?:de f[ée]rias|ausente|fora do escrit[óo]rio)"
    r"|ik ben (?:momenteel |tot [^\n]{1,30}? )?(?:afwezig|met vakantie|niet op kantoor)"
    r"|(?:jestem|przebywam) (?:na urlopie|poza biurem)|(?:я (?:нахожусь )?в (?:отпуске|командировке)|меня нет в офисе)"
    r"|jag är (?:ledig|på semester)|jeg er (?:på )?(?:ferie|barsel|orlov|kursus)"
    # the same in the future tense ("I will be away": pt "estarei ausente", es "estaré fuera de la
    # oficina", it "sarò fuori ufficio") and in tr "ofis dışındayım" / "izindeyim", ja "不在にしております",
    # zh "我目前不在办公室" / "正在休假", ko "부재중입니다" / "휴가 중입니다"
    r"|estarei (?:ausente|de f[ée]rias|fora do escrit[óo]rio)|estar[ée] (?:fuera de la oficina|de vacaciones)"
    r"|sar[òo] (?:in ferie|fuori (?:sede|ufficio))"
    r"|ofis d[ıi][şs][ıi]nday[ıi]m|izindeyim|tatildeyim"
    r"|不在にして(?:おります|います)|不在(?:办公室|辦公室)|正在休假|(?:부재|휴가) ?중입니다"
    # and in vi "tôi đang nghỉ phép" / "đang đi công tác", da "jeg er fraværende", he "אני נמצאת
    # מחוץ למשרד", ar "أنا خارج المكتب", ko "휴가 중이라" (the clause before the reason)
    r"|tôi (?:hiện )?(?:đang|sẽ) (?:nghỉ (?:phép|tết|lễ)|đi công tác|vắng mặt|đi vắng)|jeg er (?:fraværende|ikke på (?:kontoret|arbejde)|(?:væk|ude) fra kontoret)"
    # (and da "jeg holder (jule)ferie", I am on (Christmas) holiday)
    r"|jeg holder (?:jule|sommer|vinter|påske)?ferie"
    # (and is "ég er í sumarfríi / fjarverandi", cs "jsem na dovolené / mimo kancelář", sk "som na
    # dovolenke / mimo kancelárie")
    r"|ég er (?:í (?:sumarfríi|fríi|leyfi|orlofi)|fjarverandi)|jsem (?:na dovolené|mimo kancelář)|som (?:na dovolenke|mimo kancelárie)"
    # (and de "ich befinde mich ... im Urlaub", da "jeg har ferie", vi "(hiện) tôi không có mặt tại
    # văn phòng", and the Vietnamese sentences as many write them, without diacritics: "toi dang
    # nghi phep")
    r"|ich befinde mich (?:[^\n]{1,40}? )?(?:im urlaub|nicht im b(?:ü|ue)ro|au(?:ß|ss)er haus|auf (?:gesch(?:ä|ae)fts)?reise)"
    r"|jeg har ferie|tôi (?:hiện )?không có mặt (?:tại|ở) (?:văn phòng|cơ quan)"
    r"|toi (?:hien )?(?:dang|se) (?:nghi (?:phep|tet|le)|di cong tac|vang mat|di vang)|toi (?:hien )?khong co mat (?:tai|o) (?:van phong|co quan)"
    r"|(?:נמצא|נמצאת) (?:כעת )?מחוץ למשרד|أنا (?:حاليا |حالياً )?(?:خارج المكتب|في إجازة)|(?:부재|휴가) ?중(?:이라|이어서|이므로)"
)
# A help desk's or an office's acknowledgement that our message arrived and was filed (a ticket,
# a case, an incident): Zendesk's "Your request (48213) has been received and is being reviewed",
# Freshdesk's "we have received your request and a ticket has been created", osTicket's "A request
# for support has been created and assigned #N", ServiceNow's "has been opened on your behalf",
# Kayako's "A support ticket has now been opened for your request", Spiceworks' "Your ticket has
# been created"; OTRS/Znuny's and Zammad's German "ist bei uns eingegangen", "wir haben Ihre Anfrage
# erhalten", an office's "hiermit bestätigen wir den Eingang"; da "vi har modtaget din e-mail",
# nl "wij hebben uw e-mail in goede orde ontvangen", fr "nous avons bien reçu votre message",
# vi "chúng tôi đã nhận được thư".
_ACKNOWLEDGED = CaseBlind(
    r"your (?:request|ticket|case|enquiry|inquiry|incident)(?: \(?#?[a-z0-9-]{1,24}\)?)? has been (?:received|created|opened|logged)"
    r"|we(?: have|'ve)? (?:successfully )?received your (?:support )?(?:request|enquiry|inquiry|message|e-?mail)(?: and| ?,)"
    r"|(?:a|your) (?:new )?(?:support )?(?:ticket|case) has (?:now )?been (?:created|opened|logged)"
    r"|request for support has been created|has been opened on your behalf"
    r"|ist bei uns eingegangen|best(?:ä|ae)tigen (?:wir )?(?:ihnen )?den eingang|wir haben ihre (?:anfrage|nachricht|e-?mail) erhalten"
    r"|vi har modtaget din (?:e-?mail|henvendelse|besked|mail)|(?:wij|we) hebben uw (?:e-?mail|bericht|vraag|aanvraag)(?: in goede orde)? ontvangen"
    r"|nous avons bien re(?:ç|c)u votre (?:message|courriel|demande|e-?mail)|chúng tôi đã nhận được (?:thư|email|yêu cầu)"
    # the help desks' translations: es "Su solicitud (48213) ha sido recibida", "hemos recibido su
    # solicitud"; pt "Recebemos a sua solicitação", "sua solicitação foi recebida"; it "La tua
    # richiesta (31045) è stata ricevuta", "abbiamo ricevuto la tua richiesta"; pl "Twoje zgłoszenie
    # zostało przyjęte", "otrzymaliśmy Twoje zgłoszenie"
    r"|su (?:solicitud|petición|consulta|ticket|caso)(?: \(?#?[a-z0-9-]{1,24}\)?)? ha sido (?:recibid|cread|registrad)[ao]"
    r"|hemos recibido (?:su|tu) (?:solicitud|petición|consulta|mensaje|correo)"
    r"|recebemos (?:a )?(?:sua|seu) (?:solicitação|pedido|mensagem|chamado|e-?mail)"
    r"|(?:sua|seu) (?:solicitação|pedido|chamado)(?: \(?#?[a-z0-9-]{1,24}\)?)? foi (?:recebid|criad|registrad|abert)[ao]"
    r"|(?:la )?(?:tua|sua) richiesta(?: \(?#?[a-z0-9-]{1,24}\)?)? è stata (?:ricevuta|registrata|creata|presa in carico)"
    r"|abbiamo ricevuto (?:la )?(?:tua|sua) (?:richiesta|segnalazione|e-?mail|messaggio)"
    r"|(?:twoje|pana|pani|państwa) zgłoszenie(?: (?:nr )?#?[a-z0-9-]{1,24})? zostało (?:przyjęte|zarejestrowane|utworzone)"
    r"|otrzymaliśmy (?:twoje|pana|pani|państwa) (?:zgłoszenie|wiadomość|zapytanie)"
    # and Zendesk's sv "Ditt ärende (48213) har tagits emot", de "Ihre Anfrage (30211) wurde
    # empfangen"; sv "vi har tagit emot ditt meddelande"; ca "Hem rebut la vostra sol·licitud"
    # (Freshdesk); Kayako's "This is an automated response confirming the receipt of your ticket"
    r"|(?:ditt|ert) ärende(?: \(?#?[a-z0-9-]{1,24}\)?)? har (?:tagits emot|registrerats|skapats)"
    r"|vi har (?:tagit emot|mottagit) (?:ditt|ert|din) (?:ärende|meddelande|e-?post|mejl|förfrågan)"
    r"|ihre (?:anfrage|nachricht|e-?mail)(?: \(?#?[a-z0-9-]{1,24}\)?)? wurde (?:empfangen|erhalten|registriert|angelegt)"
    r"|hem rebut (?:la vostra|la teva|el vostre|el teu) (?:sol[·.]?licitud|missatge|correu|consulta)"
    # and cy "Rydym wedi derbyn eich e-bost" (Help Scout's Welsh)
    r"|rydym wedi derbyn eich (?:e-?bost|neges|cais|ymholiad)"
    r"|(?:confirm|acknowledg)(?:e|es|ing)? (?:the )?receipt of your (?:ticket|request|case|e-?mail|message|enquiry|inquiry)"
    # and OTRS/Znuny's English "Your e-mail with the subject "S" has been received", Front's "This
    # is an automated message to confirm we've received your email"
    r"|your (?:e-?mail|message) with the subject \"[^\"\n]{0,200}\" has been received"
    r"|(?:confirm|confirmation|let you know) (?:that )?we(?:'ve| have) received your (?:e-?mail|message|request|enquiry|inquiry)"
    # and the number a desk filed it under (Salesforce's case auto-response "Your case number is
    # 00412877", HubSpot's "Your ticket number is #18832")
    r"|your (?:case|ticket|request|reference) (?:number|reference) is:? ?#?[a-z0-9-]{3,24}\b"
)
# (a word of each of _ACKNOWLEDGED's branches, in a lower-cased text; none with i, k or s, as
# _MOVE_WORDS)
_ACK_WORDS = WordGate(
    "been",
    "ece",
    "ngang",
    "gegangen",
    "erhalten",
    "modtaget",
    "ontvangen",
    "reçu",
    "nhận được",
    "ha ",
    "hemo",
    " foi ",
    "è ",
    "cevut",
    "zgło",
    "otrzymal",
    "emot",
    "mottag",
    "ärende",
    "empfangen",
    "wurde",
    "rebut",
    "derbyn",
    "number",
    "referen",
)
# A ticket's number in a help desk's subject: "[Ticket #1203]", "[Ticket#2014030710000012]",
# "[#884212]", "(#31045)", "Case 00412877:", ServiceNow's "INC0047731", a tracker's "ITSD-3391".
_TICKET_TAG = patterncode.compile(
    r"(?:ticket ?#? ?|\(#|\[#|\bcase |\bcas-)\d{3,}|\b(?:inc|req|ritm|cs)\d{5,}\b|\b[A-Z]{2,10}-\d{2,}"
    # (a bracketed tag that holds the number after a word, in the desk's language: "[Caso #N]",
    # "[Ärende #N]", "[Chamado #N]")
    r"|\[[^\]\r\n#]{1,24}#\s?\d{3,}\]",
    re.IGNORECASE,
)
# (the line a help desk opens its mail with, above which a reply goes: Zendesk's "##- Please type
# your reply above this line -##" in each of its languages, "##- Vänligen skriv ditt svar ovanför
# denna rad -##", "##- Bitte geben Sie Ihre Antwort über dieser Zeile ein. -##")
_REPLY_ABOVE = patterncode.compile(r"##-[^\n#]{8,120}-##")
# A help desk's acknowledgement that says it is automatic in its own text, with no header that
# does (Help Scout's "This auto-reply is just to let you know ... We received your email and will
# get back to you", "This is an automated message to confirm we've received your email"): a person
# does not write that about the mail they write.
# (and as the desks' translations say it: de "Dies ist eine automatische Nachricht", fr "Ceci est
# une réponse automatique", es "Este es un mensaje automático", it "Questo è un messaggio
# automatico", pt "Esta é uma resposta automática", nl "Dit is een automatisch antwoord", sv "Detta
# är ett automatiskt svar", cy "Ateb awtomatig yw hwn")
_SAYS_AUTOMATIC = CaseBlind(
    r"this (?:is an? )?auto-?(?:reply|response|responder)\b|this (?:is an? )?automat(?:ed|ic)(?:ally generated)? (?:reply|response|message|e-?mail|acknowledge?ment|notification|confirmation)"
    r"|dies ist eine automatische (?:antwort|nachricht|e-?mail|benachrichtigung|eingangsbestätigung)"
    r"|ceci est (?:une réponse|un message|un courriel|un accusé de réception) automatique"
    r"|(?:este es|esta es) (?:un mensaje|una respuesta|un correo(?: electrónico)?) automátic[oa]"
    r"|questo è un messaggio (?:generato )?automatico|questa è una risposta automatica"
    r"|(?:esta|este) é (?:uma resposta|uma mensagem|um e-?mail) automátic[oa]"
    r"|dit is een automatisch (?:gegenereerd )?(?:antwoord|bericht|e-?mailbericht)"
    r"|detta är ett automatiskt (?:svar|meddelande)"
    r"|(?:ateb|neges) awtomatig yw (?:hwn|hon)|mae hwn yn ateb awtomatig"
)

# A no-reply mailbox's answer that no one reads it ("This is an unattended mailbox", "This mailbox
# is not monitored", "Emails sent to this address are not read"; de "Dieses Postfach wird nicht
# überwacht", fr "Cette adresse n'est pas surveillée", da "Denne postkasse overvåges ikke"): a person
# does not write that about the mailbox they write from. (Not moved: the mailbox was never read.)
_UNATTENDED = CaseBlind(
    r"this (?:is an? )?(?:unattended|unmonitored|no-?reply) (?:e-?mail )?(?:mailbox|inbox|address|account)"
    r"|this (?:e-?mail )?(?:mailbox|inbox|address|account) is (?:not (?:monitored|read|checked|attended)|unattended|unmonitored)"
    r"|(?:e-?mails|messages|replies) (?:sent )?to this (?:e-?mail )?address (?:are|will) not (?:be )?(?:read|monitored|answered)"
    r"|(?:dieses|unser) (?:e-?mail-?)?postfach wird nicht (?:überwacht|betreut|gelesen)|diese (?:e-?mail-?)?adresse wird nicht (?:überwacht|betreut|gelesen)"
    r"|cette (?:adresse(?: e-?mail| électronique)?|boîte(?: aux lettres| mail| de réception)?) n['’]est pas (?:surveillée|consultée|lue)"
    r"|denne (?:postkasse|e-?mailadresse|adresse) (?:overvåges ikke|bliver ikke (?:læst|overvåget))"
)
# (a word of each of _UNATTENDED's branches, in a lower-cased text; none with i, k or s)
_UNATTENDED_WORDS = WordGate(
    "nattended", "unmon", "no-reply", "noreply", "not mon", "not re", "not che", "not be ", "überwacht", "betreut", "gele",
    "pas ", "overvåg", "bliver ",
)  # fmt: skip

# An address-change notice: the mailbox answers that its owner moved or left ("my e-mail address has
# changed", "this address will no longer be read", "Dana White is no longer with Example Corp", "Nora
# Blake has left the firm", "we have moved to a new email address").
# Many such replies carry no auto-reply header at all (vacation programs of the 1990s and 2000s,
# a mailbox kept alive only to answer): the words alone make it one, recorded as has_moved.
_MOVED = CaseBlind(
    r"(?:my|our) (?:e-?mail )?address has changed|(?:my|our) new (?:e-?mail )?address is"
    # (a company's notice: "we have changed our e-mail address", "X replaces this address", "this
    # address will stop receiving mail on 31 March")
    r"|(?:i|we) (?:have|'ve) changed (?:my|our) (?:e-?mail )?address|(?:replaces|has replaced) (?:this|my|our) (?:e-?mail )?address"
    r"|(?:this|my|our) (?:e-?mail )?address will (?:stop receiving|no longer receive) "
    # (written out twice: as "(?:moved to )?" the branch's rarest piece was " have ")
    r"|(?:i|we) have a new (?:e-?mail )?address|(?:i|we) have moved to a new (?:e-?mail )?address"
    r"|(?:this|my old|my) (?:e-?mail )?address (?:is no longer (?:valid|in use|active|monitored|read)"
    r"|will (?:no longer|not) be (?:valid|in use|active|monitored|read))"
    r"|is no longer (?:with|employed (?:by|at|with)|working (?:for|at|with)) \S"
    r"|(?:has|have) left (?:the (?:company|firm|organi[sz]ation|university|practice|agency|business)"
    r"|\S{1,60} (?:and|as of|on))"
    # de: "Frau X ist nicht mehr in unserem Unternehmen tätig", "hat das Unternehmen verlassen",
    # "diese Adresse ist nicht mehr gültig / wird nicht mehr gelesen", "meine neue Adresse lautet"
    r"|(?:arbeitet|arbeite) nicht mehr (?:bei|für|in)\b"
    r"|ist nicht mehr (?:in (?:unserem|diesem) (?:unternehmen|hause?)|im (?:unternehmen|hause)|(?:bei|für) \S|tätig|beschäftigt)"
    r"|(?:hat|haben) (?:unser (?:unternehmen|haus)|das unternehmen|die firma|uns) verlassen"
    r"|(?:diese|meine(?: alte)?) (?:e-?mail-?)?adresse (?:ist|wird) nicht mehr (?:gültig|aktiv|in (?:betrieb|gebrauch|benutzung)|gelesen|abgerufen|genutzt|verwendet|benutzt)"
    # (and the mailbox, or either closed: "dieses Postfach wurde geschlossen / wird nicht mehr
    # gelesen", "diese Adresse wurde deaktiviert")
    r"|(?:dieses|mein(?: altes)?) (?:e-?mail-?)?postfach (?:ist|wird) nicht mehr (?:aktiv|in (?:betrieb|gebrauch|benutzung)|gelesen|abgerufen|genutzt|verwendet|benutzt)"
    r"|(?:dieses|mein(?: altes)?) (?:e-?mail-?)?postfach (?:wurde|ist) (?:geschlossen|deaktiviert|stillgelegt|aufgelöst)"
    r"|(?:diese|meine(?: alte)?) (?:e-?mail-?)?adresse (?:wurde|ist) (?:geschlossen|deaktiviert|stillgelegt|aufgelöst)"
    # (or gone: "dieses Postfach existiert nicht mehr", "diese Adresse existiert nicht mehr")
    r"|(?:dieses|mein(?: altes)?) (?:e-?mail-?)?postfach existiert nicht mehr|(?:diese|meine(?: alte)?) (?:e-?mail-?)?adresse existiert nicht mehr"
    r"|(?:meine|unsere) (?:e-?mail-?)?adresse hat sich geändert|(?:meine|unsere) neue (?:e-?mail-?)?adresse (?:lautet|ist)"
    # (and a company's "wir sind unter einer neuen E-Mail-Adresse erreichbar")
    r"|unter (?:einer|unserer|meiner) neuen (?:e-?mail-?)?adresse (?:erreichbar|zu erreichen)"
    # fr: "cette adresse n'est plus valide", "ne fait plus partie de la société", "a quitté
    # l'entreprise", "ma nouvelle adresse est", "mon adresse a changé"
    # (and closed: "cette adresse e-mail a été fermée / désactivée / clôturée")
    r"|(?:cette|mon ancienne|mon) adresse (?:e-?mail |électronique |mail |de messagerie )?(?:n['’]est plus (?:valide|active|utilisée|consultée|lue|en service)"
    r"|a été (?:fermée|désactivée|supprimée|clôturée))"
    r"|ne (?:fait|fais) plus partie (?:de|du|des) |ne travaille plus (?:pour|chez|à|au|dans|avec)"
    r"|a quitté (?:la société|l['’]entreprise|le cabinet|l['’]organisation|nos effectifs)"
    r"|(?:ma|notre) nouvelle adresse (?:e-?mail |électronique |mail )?est|(?:mon|notre) adresse (?:e-?mail |électronique |mail )?a changé"
    # es: "ya no trabajo en X", "ha dejado la empresa", "esta dirección ya no está activa / dejará
    # de funcionar", "mi nueva dirección es"
    r"|ya no (?:trabaj[ao] (?:en|para|con)|forma parte de|pertenece a)|ha dejado (?:la empresa|de trabajar (?:en|para|con))"
    # (and closed: "esta dirección de correo ha sido cerrada / dada de baja", "ya no se utiliza")
    r"|(?:esta|mi antigua|mi) (?:dirección|cuenta) (?:de correo (?:electrónico )?)?(?:ya no (?:está|es) (?:activa|válida|operativa|en uso)"
    r"|(?:dejará|ha dejado) de (?:funcionar|estar activa|usarse|utilizarse)|ha sido (?:cerrada|dada de baja)"
    r"|ya no se (?:utiliza|usa|lee|consulta))"
    r"|mi (?:dirección|cuenta) (?:de correo (?:electrónico )?)?ha cambiado|mi nueva (?:dirección|cuenta) (?:de correo (?:electrónico )?)?es"
    # (and a company's "hemos cambiado nuestra dirección de correo")
    r"|(?:hemos|he) cambiado (?:nuestra|mi) (?:dirección|cuenta) de correo"
    # pt: "meu endereço de e-mail mudou", "meu novo e-mail é", "não trabalha mais na empresa",
    # "deixou a empresa", "este e-mail não está mais ativo"
    r"|(?:meu|nosso) (?:endereço (?:de )?)?e-?mail mudou|(?:meu|nosso) endereço (?:eletrônico |electrónico )?mudou"
    r"|(?:meu|nosso) novo (?:endereço (?:de )?)?e-?mail é|(?:meu|nosso) novo endereço (?:eletrônico |electrónico )?é"
    r"|não (?:trabalha|trabalho|faz parte) mais|não (?:está|estou) mais (?:na|no|em) (?:empresa|companhia|\S{1,40} (?:desde|a partir))"
    r"|deixou (?:a empresa|a companhia|de trabalhar)"
    # (and closed, pt-BR and pt-PT: "este endereço de e-mail foi encerrado", "este endereço de
    # correio eletrónico foi desativado e já não se encontra em uso", "esta caixa postal foi
    # desativada")
    r"|(?:este|esse) (?:endereço (?:de )?)?(?:e-?mail|correio eletr[óô]nico|endereço) (?:não está mais ativo|não é mais (?:válido|utilizado|monitorado)"
    r"|foi (?:desativado|desactivado|encerrado|cancelado|descontinuado)|já não (?:se encontra em uso|é utilizado|está ativo|está activo))"
    r"|(?:esta|essa) caixa (?:postal|de (?:e-?mail|correio)) foi (?:desativada|desactivada|encerrada|cancelada)"
    # it: "non lavora più presso X", "ha lasciato l'azienda", "questo indirizzo non è più attivo",
    # "il mio nuovo indirizzo è"
    r"|non (?:lavora|collabora|fa) più (?:per|presso|con|parte)|ha lasciato (?:l['’]azienda|la società|lo studio)"
    # (and closed: "questo indirizzo e-mail è stato chiuso", "non viene più utilizzato")
    r"|(?:questo|il mio(?: vecchio)?) indirizzo (?:e-?mail |di posta (?:elettronica )?)?(?:non è più (?:attivo|valido|in uso|utilizzato|monitorato)"
    r"|è stato (?:chiuso|disattivato|dismesso|cessato)|non viene più (?:utilizzato|usato|letto|consultato))"
    r"|il mio indirizzo (?:e-?mail |di posta (?:elettronica )?)?è cambiato|il mio nuovo indirizzo (?:e-?mail |di posta (?:elettronica )?)?è"
    # nl: "is niet meer werkzaam bij X", "heeft het bedrijf verlaten", "dit adres is niet meer in
    # gebruik", "mijn nieuwe e-mailadres is"
    r"|(?:is|ben) niet (?:langer|meer) (?:werkzaam|in dienst) (?:bij|voor)|werkt niet (?:langer|meer) (?:bij|voor)"
    r"|heeft (?:het bedrijf|ons|onze organisatie) verlaten|dit (?:e-?mail)?adres is niet (?:langer|meer) (?:actief|in gebruik|geldig)"
    r"|mijn (?:e-?mail)?adres is (?:gewijzigd|veranderd)|mijn nieuwe (?:e-?mail)?adres is"
    # en: "this mailbox is no longer monitored"; zh "已离职" (has left the job), "此邮箱不再使用";
    # ja "退職いたしました", "このメールアドレスは使用しておりません"; ko "퇴사했습니다"
    r"|(?:this|my) (?:mailbox|inbox|e-?mail account|account) (?:is no longer|will no longer be) (?:monitored|in use|active|read)"
    # (and closed: "this mailbox has been closed / deactivated")
    r"|(?:this|my) (?:e-?mail )?(?:mailbox|inbox|account|address) (?:has been|was) (?:closed|deactivated|disabled|discontinued)"
    r"|已(?:经)?(?:离职|離職)|(?:此|该|該)(?:邮箱|郵箱|电子邮件地址|電子郵件地址)(?:已)?不再使用"
    r"|退職(?:いたしました|しました|致しました)|このメールアドレスは(?:現在)?(?:使用して|使われて)(?:おりません|いません)"
    r"|퇴사(?:하였습니다|했습니다|하셨습니다)"
    # pl: "nie pracuje już w naszej firmie", "ten adres e-mail nie jest już aktywny"; pt: "esta
    # caixa de e-mail não é mais monitorada"; sv: "har slutat på företaget", "denna e-postadress är
    # inte längre aktiv"; ru: "мой адрес электронной почты изменился", "больше не работает в"
    r"|nie pracuje już (?:w|dla|u|na)\b|(?:ten|mój|nasz) adres (?:e-?mail(?:owy)? )?nie jest już (?:aktywny|używany|obsługiwany|sprawdzany)"
    r"|(?:esta|essa|minha) caixa (?:de (?:e-?mail|correio) )?(?:não é mais|deixou de ser) (?:monitorada|lida|utilizada)"
    r"|har slutat (?:på|hos|sin anställning)|(?:denna|den här|min) (?:e-?post)?adress är inte längre (?:aktiv|i bruk|giltig)"
    r"|(?:мой|наш) (?:адрес|e-?mail|почтовый адрес)(?: электронной почты)? (?:изменился|сменился)|больше не работает (?:в|у) "
    # it: "questa casella di posta non è più attiva"; nl: "dit e-mailadres wordt niet meer
    # gebruikt"; da: "denne e-mailadresse er ikke længere aktiv", "er ikke længere ansat hos",
    # "jeg har fået ny e-mailadresse", "min nye e-mailadresse er", "jeg er fratrådt min stilling";
    # vi: "địa chỉ email này không còn được sử dụng", "đã nghỉ việc", "địa chỉ email mới của tôi là";
    # ja: "メールアドレスを変更いたしました", "新しいメールアドレスは"
    r"|(?:questa|la mia) casella (?:di posta (?:elettronica )?|e-?mail )?non è più (?:attiva|in uso|utilizzata|monitorata)"
    r"|(?:dit|mijn|het) (?:e-?mail)?adres wordt niet (?:meer|langer) (?:gebruikt|gelezen)"
    r"|(?:denne|min(?: gamle)?) (?:e-?mail|mail)?adresse er (?:ikke længere (?:aktiv|i brug|gyldig)|nedlagt|lukket|deaktiveret|slettet)"
    r"|(?:denne|min(?: gamle)?) (?:e-?mail)?adresse (?:bliver|vil) ikke (?:længere |mere )?(?:blive )?(?:læst|brugt|benyttet)"
    r"|er ikke (?:længere|mere) ansat (?:hos|i|ved)|(?:er|har) fratrådt (?:min|sin|hans|hendes) stilling|\ber fratrådt\b|(?:jeg|vi) har fået (?:en )?ny (?:e-?mail)?adresse"
    r"|min nye (?:e-?mail)?adresse er"
    r"|địa chỉ (?:e-?mail|thư(?: điện tử)?) (?:này )?(?:không còn|đã ngừng) (?:được )?sử dụng|đã nghỉ việc"
    # (and closed: "địa chỉ email này đã bị đóng / đã bị hủy / đã ngừng hoạt động")
    r"|địa chỉ (?:e-?mail|thư(?: điện tử)?) (?:này )?(?:đã bị (?:đóng|hủy|xóa|vô hiệu hóa)|đã (?:đóng|ngừng hoạt động))"
    r"|địa chỉ (?:e-?mail|thư(?: điện tử)?) mới (?:của (?:tôi|chúng tôi) )?là"
    # (and "(we) have changed (our) e-mail address", "đã (thay) đổi địa chỉ email")
    r"|đã (?:thay )?đổi địa chỉ (?:e-?mail|thư(?: điện tử)?)"
    # (and "no longer works at", "không còn làm việc tại", and the Vietnamese sentences without
    # diacritics: "toi da nghi viec", "dia chi email nay khong con duoc su dung")
    r"|không còn (?:làm việc|công tác) (?:tại|ở|cho|với)\b|khong con (?:lam viec|cong tac) (?:tai|o|cho|voi)\b|\bda nghi viec\b"
    r"|dia chi (?:e-?mail|thu(?: dien tu)?) (?:nay )?(?:khong con|da ngung) (?:duoc )?su dung"
    r"|(?:đã|da) (?:chuyển công tác|chuyen cong tac)\b|(?:đã|da) (?:nghỉ làm|nghi lam) (?:ở|tại|o|tai)\b"
    # de: "ist aus unserem Unternehmen ausgeschieden" (has left: the firm's word for an employee gone);
    # da: "har forladt virksomheden", "jeg er stoppet hos", "denne postkasse er nedlagt"
    r"|aus (?:unserem|dem|der|unserer) (?:unternehmen|hause?|firma|kanzlei|praxis|team|betrieb|dienst) ausgeschieden"
    r"|(?:har|er) forladt (?:virksomheden|firmaet|organisationen|kommunen|os)\b|(?:jeg|hun|han) er stoppet (?:hos|i|ved)\b"
    r"|(?:jeg|hun|han) arbejder ikke (?:længere|mere) (?:hos|i|ved|for)\b"
    # (and retired: da "er gået på pension", de "ist / bin in den Ruhestand gegangen / getreten", vi
    # "đã nghỉ hưu"; quit: vi "đã thôi việc")
    r"|(?:jeg|hun|han) er gået på pension|(?:ist|bin) in den ruhestand (?:gegangen|getreten|verabschiedet)"
    r"|(?:đã|da) (?:nghỉ hưu|nghi huu|thôi việc|thoi viec)\b"
    r"|(?:denne|min(?: gamle)?) (?:postkasse|mailboks) er (?:nedlagt|lukket|deaktiveret|slettet|ikke længere aktiv)"
    r"|メールアドレスを?変更(?:いたしました|しました|致しました)|新しいメールアドレスは"
    # and "no longer works here" as nb "jobber ikke lenger i/hos", "er ikke lenger ansatt", "har
    # sluttet i firmaet", fi "ei enää työskentele", cs/sk "již/už nepracuje (ve/v/pro)", tr "artık
    # (şirketimizde) çalışmamaktadır", hu "már nem dolgozik", ro "nu mai lucrează la/pentru/în"
    r"|jobber ikke lenger (?:i|hos|for|ved)\b|er ikke lenger ansatt|har sluttet (?:i|hos|ved) |ei (?:enää työskentele|työskentele enää)"
    r"|(?:již|už) nepracuje|artık (?:\S{1,40} )?çalışma(?:maktadır|mıyor)"
    r"|már nem dolgozik|nu mai lucrea(?:ză|za) (?:la|pentru|în|in)\b"
    # and et "ei tööta enam", "see e-posti aadress ei ole enam kasutusel"; lv "vairs nestrādā",
    # "šī e-pasta adrese vairs netiek izmantota"; ca "ja no treballa a", "aquesta adreça electrònica
    # ja no està activa"; is "hefur látið af störfum", "þetta netfang er ekki lengur í notkun"
    r"|ei (?:tööta|ole) enam (?:meie|ettevõttes|\S{1,40} (?:töötaja|ettevõttes))|(?:see|minu) e-?posti aadress ei ole enam (?:kasutusel|aktiivne)"
    r"|vairs nestrādā|e-?pasta adrese vairs netiek (?:izmantota|lietota)"
    r"|ja no treballa (?:a|per|amb|en)\b|(?:aquesta|la meva) adreça (?:electrònica |de correu (?:electrònic )?)?ja no (?:està activa|és vàlida|s'utilitza|es fa servir)"
    r"|hefur látið af störfum|netfang(?:ið)? (?:mitt )?er ekki lengur í notkun"
    # lt: "nebedirba (mūsų įmonėje)", no longer works (here); "šis el. pašto adresas nebenaudojamas"
    # / "nebeaktyvus", this e-mail address is no longer used / active
    r"|nebedirba\b|(?:šis|mano) (?:el\. ?pašto |e-?pašto )?adresas (?:yra )?(?:nebenaudojamas|nebeaktyvus)"
    # and "no longer works here" in the languages of Exchange's smaller language packs, whose
    # auto-reply prefixes _SUBJECT reads: ka "აღარ მუშაობს", hy "այլևս չի աշխատում", az "artıq
    # (şirkətimizdə) işləmir", mn "ажиллахаа больсон" / "ажлаас гарсан", sq "nuk punon më" / "është
    # larguar nga kompania", mk "повеќе не работи во/за/кај" / "ја напушти компанијата"
    r"|აღარ მუშაობს|այլ(?:և|եւ)ս չի աշխատում|artıq (?:\S{1,40} )?(?:işləmir|çalışmır)"
    r"|ажиллахаа больсон|ажлаас гарсан|nuk punon më\b|(?:është|ka) larguar nga (?:kompania|firma|shoqëria|puna)"
    r"|повеќе не работи (?:во|за|кај)\b|ја напушти (?:компанијата|фирмата)"
)
# A word each of _MOVED's branches holds (in a lower-cased text; none with i, k or s, which a
# case-blind letter matches in forms lower() keeps apart): most auto-replies hold none, and are
# ruled out with these few scans instead of one for each of the branches' own pieces.
_MOVE_WORDS = WordGate(
    "addre", "adre", "no longer", " left ", "cht mehr", "verla", "plu", "ya no", "deja", "camb", "nueva", "mudou",
    "ovo", "xou", "vado", "ha la", "et meer", "et langer",
    "tté", "não", "più", "już", "lutat", "längre", "изменил", "сменил", "больше не", "离职", "離職", "不再使用", "退職", "このメールアドレスは", "퇴사",
    "længere", "mere an", "fået ny", "ng còn", "đã ngừng", "đã ngh", " mớ", "アドレスを変更", "アドレス変更", "新しいメールアドレス",
    "lenger", "luttet", "fratr", "enää", "nepracuje", "çal", "már nem", "lucrea",
    "been clo", "been d", "was clo", "was d", "đổi địa chỉ",
    "enam", "trādā", "ja no ", "törfum", "lengur", "nebed", "nebenaud", "nebea",
    "ng con", "da ngh", "chuyển công", "chuyen cong", "eden", "forladt", "toppet", "rbejder", "gået på", "ruhe", "thôi v", "thoi v", "nne po", "n po", "lbo",
    "cerrad", "de baja", "cancelad", "nuado", "vada", "tato ", "tfach", "đã bị", "đã đóng",
    "აღარ მუშ", "չի աշխատ", "şləm", "ажиллахаа", "ажлаас", "punon më", "larguar", "повеќе не", "напушти",
)  # fmt: skip
_PRECEDENCE_AUTO = patterncode.compile(r"^auto[_-]reply", re.IGNORECASE)
# A challenge-response system's own words (the held message waits for the sender to prove itself)
# and the names of the systems that send them: Boxbe, ChoiceMail, BoxTrapper, Spam Arrest, TMDA
# (EarthLink's "added to my list of approved senders", iPermitMail's "held by my anti-spam system",
# a quarantine's "requires your confirmation", Vanquish's "confirm that the above message actually
# came from you").
# Several send their notice from the null sender or a daemon address, worded as a delivery failure
# ("could not be delivered until you verify"): what the notice asks for is what tells it apart.
_CHALLENGE = CaseBlind(
    # (TMDA names itself "TMDA/1.1.12" in its headers' copy, "mail delivery software (TMDA)" in its text)
    r"click (?:on )?the (?:following )?link to be added|boxbe|choicemail|boxtrapper|spam ?arrest|tmda/|\(tmda\)"
    r"|(?:confirm|verify|prove|ensure) (?:that )?you are (?:a )?(?:human|real person|not a (?:robot|spammer))"
    r"|awaiting (?:your )?(?:verification|confirmation)"
    r"|reply to this confirmation request|placed in (?:my|a|the) pending queue"
    r"|added to (?:my|the|your) (?:list of approved senders|approved senders? list|white ?list|guest list)"
    # (a waiting list's notice as Boxbe words it without naming itself: "Your message to a@b has
    # been waitlisted", "placed on my Waiting List")
    r"|(?:message|e-?mail|mail)\b.{0,250}? (?:has been|was|is) waitlisted|(?:placed|held|put|kept) (?:on|in) (?:my|the|their|his|her|(?:the )?recipient'?s?) waiting list"
    r"|held by (?:my|an?|the) anti-?spam|requires your confirmation|actually came from you"
    # (a whitelist gateway's "Message held pending sender verification")
    r"|held (?:pending|until|for) (?:sender |your |address )?(?:verification|confirmation)"
    # what the notice asks of the sender to have the held message delivered: Sendio's "The
    # message you sent to a@b is pending verification", Bluebottle's "To have your email delivered,
    # please verify your address by clicking the link below", Qurb's "To release your message,
    # please click the link below"
    r"|(?:is|are|remains?) pending (?:sender |your |address )?(?:verification|confirmation)"
    r"|to have your (?:e-?mail|message|mail) delivered,? (?:please |simply |just )?(?:verify|confirm|click|reply)"
    # (the lead of the notice: "greg only accepts mail from senders who have confirmed their address")
    r"|accepts? (?:e-?mail|mail|messages) (?:only )?from senders who have (?:confirmed|verified) their (?:e-?mail )?address"
    r"|(?:verify|confirm|release) your (?:e-?mail |sender )?(?:address|message|e-?mail|mail),? by clicking"
    r"|to release your (?:e-?mail|message|mail),? (?:please )?(?:click|reply|visit)"
    # the same asked in fr "en attente de vérification", "veuillez confirmer votre adresse en
    # cliquant"; de "bestätigen Sie Ihre Adresse", "Absendern, die ihre Adresse bestätigt haben";
    # es "confirme que es usted una persona"
    r"|en attente de (?:v[ée]rification|confirmation)|(?:confirmer|valider) votre adresse (?:e-?mail |électronique )?en cliquant"
    r"|bestätigen sie (?:bitte )?ihre (?:e-?mail-?)?adresse|die ihre (?:e-?mail-?)?adresse bestätigt haben"
    r"|confirme (?:usted )?que es (?:usted )?una persona"
    # and in it "conferma il tuo indirizzo cliccando sul link", "non può essere consegnato finché non
    # verifichi il tuo indirizzo", "conferma che sei una persona reale"; pt "sua mensagem está
    # aguardando verificação", "para que sua mensagem seja entregue, clique no link", "confirme que
    # você é uma pessoa"; ja "送信者の確認をお願いしております" (a hold's request, as those above)
    r"|(?:conferma|verifica)(?:re)? il tuo indirizzo (?:e-?mail )?(?:cliccando|facendo clic|clicca)"
    r"|finché non (?:verifichi|confermi) il tuo indirizzo|(?:sei|essere) una persona reale"
    r"|(?:está|estão|esta) aguardando (?:a )?(?:verificação|confirmação)"
    r"|para que (?:a )?sua mensagem seja entregue,? (?:clique|confirme|responda)|confirme que (?:você )?é uma pessoa"
    r"|送信者の?確認(?:を|のお願い)"
    # and in ru "чтобы подтвердить, что вы не робот, перейдите по ссылке", pl "aby potwierdzić, że
    # nie jesteś robotem, kliknij w link"
    r"|подтверди(?:те|ть),? что вы (?:не (?:робот|спамер)|(?:реальный )?человек)"
    r"|potwierd(?:zi[ćc]|[źz]),? [żz]e (?:nie jeste[śs] (?:robotem|spamerem)|jeste[śs] (?:prawdziw[ąa] )?osob[ąa]|jeste[śs] cz[łl]owiekiem)"
    # and in nl (the Dutch translations of Spam Arrest's, Mailwasher's and the hosted filters'
    # notices): "bevestig dat u een mens bent" / "... geen robot bent", "verifieer uw adres", "uw
    # adres te verifiëren door op de link te klikken", "uw e-mail wacht op verificatie"
    r"|bevestig(?:en)? dat u (?:een (?:echt )?mens|geen (?:robot|spammer)) bent"
    r"|(?:verifieer|bevestig) uw (?:e-?mail)?adres|uw (?:e-?mail)?adres te (?:verifiëren|bevestigen)"
    r"|wacht(?:en)? op (?:uw )?(?:verificatie|bevestiging)|in afwachting van (?:uw )?(?:verificatie|bevestiging)"
)


class AutoReply(Value):
    """An auto-reply: who sent it (the original recipient) and what kind it is."""

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "recipient",
        "reason",
        "rule",
        "challenge",
    )

    recipient: str | None
    reason: str
    rule: str
    challenge: bool

    def __init__(
        self,
        recipient: str | None,
        reason: str = "vacation",
        rule: str = "rfc3834",
        challenge: bool = False,
    ) -> None:
        self.recipient = recipient
        self.reason = reason
        self.rule = rule
        self.challenge = challenge


# A piece of each of _CHALLENGE's alternatives, looked for in the text's head case-folded
# (parsers.casefold.fold_case: a letter the case-blind search matches to an ASCII letter is that
# letter there, İ ı ſ and the Kelvin sign included): a text none of them is in cannot match, and
# nearly every bounce is ruled out by these tests instead of the case-blind search. Each piece is
# a run of the pattern's letters without a blank (the search reads the text with its blanks
# collapsed) and as long as one can be: a longer needle is skipped past faster.
# With each piece, what else (all of one group) a text must hold for an alternative it comes from
# to match: "are" is in many a report, and each of the alternatives that hold it ("you are a
# human", "... a real person", "... not a robot", "... not a spammer") needs more words ("person"
# alone is in a bounce's "the person you are writing to");
# "confirmation" comes in the report of a mailbox whose owner must confirm something, and each of
# the two alternatives that have only it as a piece ("reply to this confirmation request",
# "requires your confirmation") needs more words. ("added" is in two alternatives: "click the
# link to be added", "added to my list of approved senders".)
_CHALLENGE_MARKS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("added", ()),
    ("boxbe", ()),
    ("choicemail", ()),
    ("boxtrapper", ()),
    ("arrest", ()),  # spam arrest
    ("tmda", ()),  # tmda/, (tmda)
    ("are", (("human",), ("real", "person"), ("robot",), ("spammer",))),
    ("awaiting", ()),
    ("confirmation", (("reply", "this", "request"), ("requires", "your"))),
    ("held", ()),  # held by my anti-spam system, held pending verification
    ("actually", ()),  # actually came from you
    ("placed", ()),  # placed in my pending queue
)
# And of the alternatives that say what a hold asks of the sender ("pending verification", "to
# have your email delivered, please verify", fr "en attente de vérification", de "bestätigen Sie
# Ihre Adresse", a waiting list's "has been waitlisted"): looked for only where the notice holds the message (`is_challenge(hold=True)`: a
# failure read as on_hold, a message no bounce reader took), as each piece costs a scan of every
# bounce's text. ("have" and "your" apart are in every Postfix bounce: "sorry to have to inform
# you that your message could not be delivered".)
_HOLD_MARKS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("pending", (("verification",), ("confirmation",))),  # is pending verification
    ("delivered", (("have your",), ("have\nyour",))),  # to have your email delivered, please verify
    ("senders", (("confirmed", "their"), ("verified", "their"))),  # who have confirmed their address
    ("clicking", ()),  # verify your address by clicking
    ("wait", (("waitlist",), ("waiting", "list"))),  # has been waitlisted, placed on my waiting list
    ("release", (("your",),)),  # to release your message
    ("attente", ()),  # fr en attente de vérification
    ("cliquant", ()),  # fr confirmer votre adresse en cliquant
    ("persona", ()),  # es confirme que es usted una persona, it sei una persona reale
    (
        "indirizzo",
        (("tuo",),),
    ),  # it conferma il tuo indirizzo cliccando, finché non verifichi il tuo indirizzo
    ("aguardando", ()),  # pt está aguardando verificação
    ("entregue", (("sua",),)),  # pt para que sua mensagem seja entregue
    ("pessoa", ()),  # pt confirme que você é uma pessoa
    ("bevestig", ()),  # nl bevestig dat u een mens bent, bevestig uw adres, wacht op bevestiging
    ("verificatie", ()),  # nl wacht op verificatie
    ("verifieer", ()),  # nl verifieer uw adres
)
# (a text that is not ASCII: with the pieces only such a text holds)
_HOLD_MARKS_ALL = (
    *_HOLD_MARKS,
    ("bestätig", ()),  # de bestätigen Sie Ihre Adresse
    ("подтверд", ()),  # ru подтвердите, что вы не робот
    ("potwierd", ()),  # pl potwierdzić, że nie jesteś robotem
    ("送信者", ()),  # ja 送信者の確認
    ("verifiëren", ()),  # nl uw adres te verifiëren
)
_BLANKS = patterncode.compile(r"\s+")


def is_challenge(text: str, hold: bool = False) -> bool:
    """Whether the text is a challenge-response system's (Boxbe, ChoiceMail, BoxTrapper: the
    message is held until the sender proves itself; never clicked). `hold`: the notice holds the
    message (see _HOLD_MARKS)."""
    head = text[:4000]
    # (every piece is ASCII: one that is not is case-folded as an ASCII string, parsers.casefold)
    ascii_head = head.isascii()
    folded = fold_case(head) if ascii_head else fold_case_ascii(head)
    for mark, needs in _CHALLENGE_MARKS:  # (a plain loop: no generator per bounce)
        if mark in folded and (not needs or _holds_a_group(folded, needs)):
            # (the phrases are read across the text's line breaks: a notice wraps anywhere)
            # (searched branch by branch: only those with a piece in the text, not the whole
            # case-blind expression at every position)
            return _CHALLENGE.occurs_in(_BLANKS.sub(" ", head))
    if hold:
        # (a hold's request comes at the notice's start)
        # (a head that is not ASCII folded as it is: the German piece is not ASCII)
        folded = folded[:2000] if ascii_head else fold_case(head[:2000])
        for mark, needs in _HOLD_MARKS if folded.isascii() else _HOLD_MARKS_ALL:
            if mark in folded and (not needs or _holds_a_group(folded, needs)):
                return _CHALLENGE.occurs_in(_BLANKS.sub(" ", head))
    return False


def _holds_a_group(folded: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `folded` holds every word of one of `groups`."""
    # (only past a first piece; plain loops: any() and all() left their generators suspended at the
    # first word missing or group held, each closed with a GeneratorExit)
    for group in groups:
        for word in group:
            if word not in folded:
                break
        else:
            return True
    return False


def _rule(mail: Mail) -> str | None:
    """Which header or subject rule says this is an auto-reply, or None."""
    submitted = mail.header("Auto-Submitted").lower()
    if submitted.startswith("auto-replied") or "vacation" in submitted:
        return "auto-submitted"
    # auto-generated / auto-notified: machine mail answering ours (RFC 3834 keywords); once the
    # bounce and complaint checks found nothing it is recorded the same way, as ignored.
    if submitted.startswith(("auto-generated", "auto-notified")):
        return "auto-submitted"
    suppress = mail.header("X-Auto-Response-Suppress").lower()
    if "oof" in suppress or "autoreply" in suppress:
        return "x-auto-response-suppress"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-AutoReply-From", "X-Mail-Autoreply"):
        if mail.has_header(name):
            return name.lower()
    if mail.header("X-Apple-Action").upper() == "VACATION":
        return "x-apple-action"
    if mail.has_header("X-Amazon-Auto-Reply"):
        return "x-amazon-auto-reply"
    if suppress and mail.has_header("X-MS-Exchange-Inbox-Rules-Loop"):
        return "exchange-inbox-rule"
    for name in ("Precedence", "X-Precedence", "Preference"):
        if _PRECEDENCE_AUTO.match(mail.header(name)):
            return name.lower()
    if "autoresponder" in mail.header("Delivered-To").lower():
        return "delivered-to"
    if "autoresponder" in mail.header("X-POST-MessageClass").lower():
        return "x-post-messageclass"
    if mail.header("X-FC-MachineGenerated").lower() == "true":
        return "x-fc-machinegenerated"
    if mail.header("X-Autogenerated").lower() in (
        "reply",
        "forward",
        "letter",
        "mirror",
        "redirect",
        "group",
    ):
        return "x-autogenerated"
    if "autoresponse" in mail.header("Thread-Topic").lower():
        return "thread-topic"
    if mail.header("X-Mailer").lower().startswith("kana response"):
        return "x-mailer"
    subject = mail.subject
    bare = _TAGS.sub("", subject) if subject.lstrip().startswith("[") else subject
    tail = subject and _SUBJECT_TAIL.search(subject)
    # (a bracketed prefix may be the auto-reply's own: "[Auto-Reply] ...", so the subject as
    # written is read too)
    by_subject = subject and (_SUBJECT.search(subject) or (bare != subject and _SUBJECT.search(bare)) or tail)
    # "Auto:" alone is too common a prefix; it counts only on a reply to our message or when the
    # subject also ends as an auto-reply's does (Notes: "AUTO: Ann Lee is out of the office")
    if by_subject and (tail or not bare.lower().startswith("auto:") or mail.has_header("In-Reply-To")):
        return "subject"
    # (nor is a read receipt, RFC 8098, whose French title is the same: "Accusé de réception (affiché)")
    listed = mail.has_header("List-Id") or mail.has_header("List-Unsubscribe")
    if subject and not listed and mail.report_type != "disposition-notification" and _ACK_SUBJECT.match(bare):
        return "acknowledgement"
    # (the body's words count on machine mail only: an RFC 3834 keyword, the null sender RFC 3834
    # sends auto-replies with, or a reply marked bulk that no list sent, as Gmail's and Google
    # Workspace's vacation responder sends it without Auto-Submitted; a person writes "I am out
    # of the office" too)
    machine = (
        (submitted and submitted != "no")
        or null_sender(mail)
        or (
            not listed
            and mail.has_header("In-Reply-To")
            and mail.header("Precedence").strip().lower() in ("bulk", "junk")
        )
    )
    if machine and _BODY.occurs_in(mail.text[:4000]):
        return "body"
    # (and an acknowledgement's on machine mail, under a help desk's ticket number or reply line,
    # or in a text that says it is automatic)
    head = mail.text[:1500]
    low = head.lower()
    if (
        machine
        or _TICKET_TAG.search(subject)
        or ("##-" in head[:200] and _REPLY_ABOVE.search(head[:200]) is not None)
        or (("auto" in low or "awtomat" in low) and _SAYS_AUTOMATIC.occurs_in(head))
    ) and (_ACK_WORDS.opens(low) and _ACKNOWLEDGED.occurs_in(head)):
        return "acknowledgement"
    # (a no-reply mailbox's answer to ours, from no list: on a reply only, as a bank's or a shop's
    # own notice says the same of the address it was sent from)
    if (
        not listed
        and (mail.has_header("In-Reply-To") or reply_subject(subject))
        and _UNATTENDED_WORDS.opens(low)
        and _UNATTENDED.occurs_in(head)
    ):
        return "unattended"
    return None


def is_list_notice(mail: Mail) -> bool:
    """Whether `mail` is a mailing list's own notice to a poster (held for moderation, rejected,
    "you are not allowed to post"): sent from the list's administrative address by the list
    software. It is no recipient's auto-reply, and names no mailbox of one: no event. (Sympa's
    notices to a list's owner and to a poster carry none of the list's headers, only RFC 3834's
    Auto-Submitted mark: from the list's administrative address that mark is the list software's
    own, as a list header is.)"""
    if mail.header("X-List-Administrivia").strip().lower() == "yes":
        return True
    if not is_list_admin(address(mail.from_)):
        return False
    return any(mail.has_header(name) for name in _LIST_HEADERS) or mail.header(
        "Auto-Submitted"
    ).strip().lower() not in ("", "no")


def _announces_move(text: str) -> bool:
    """Whether the start of `text` says its mailbox moved or its owner left (_MOVED)."""
    head = text[:2000]
    if not _MOVE_WORDS.opens(head.lower()):
        return False
    # (branch by branch, each only in a text that holds a piece of it: one case-blind expression
    # of every language's wording over 2,000 characters cost milliseconds a text)
    return _MOVED.occurs_in(head)


def inquire(mail: Mail) -> AutoReply | None:
    """The auto-reply in `mail`, or None."""
    sender = mail.from_
    if _DAEMON.search(sender) or mail.delivery_status or _NOT_A_REPLY.search(mail.subject):
        return None
    if sender.rstrip().endswith("<>") and null_sender(mail):
        # the null address written as the author too ("From: <>" over "Return-Path: <>", an Exim
        # notice's "You sent mail to a@b. That's not a valid user here."): a mail system's notice,
        # as a daemon's is; a person's auto-reply names the person
        return None
    if _ROOT.search(sender) or _ROOT.search(mail.header("To")):
        return None  # system mail to or from root (cron, sudo)
    if is_list_notice(mail):
        return None
    names = mail.header_names()
    if "x-arf" in names or "x-xarf" in names:
        # an abuse desk's X-ARF report (one about a host: a port scan, a login attack) carries
        # `Auto-Submitted: auto-generated` as machine mail does: a report about the sender's
        # network, never a reply of the reporter's mailbox (parsers.fbl reads those about mail)
        return None
    rule = _rule(mail)
    moved = _announces_move(mail.text)
    challenge = is_challenge(mail.text, hold=True)  # (no bounce reader took it: not a bounce's cost)
    if rule is not None and not challenge and failed_addressee(_own_words(mail.text)):
        # a failure notice sent as an auto-reply ("Auto-Submitted: auto-replied" over "Your message
        # to a@b could not be delivered: the mailbox is full"): a report, the bounce readers'
        return None
    held = (_challenged_recipient(mail) or _held_for(mail)) if challenge else None
    if rule is None:
        # (a challenge is machine mail answering ours whatever its headers: Boxbe's notice may
        # carry none of the auto-reply headers. Then it must name the mailbox that holds our
        # message, its words must be its own, not the copy's, and list mail is none: a newsletter
        # may tell Boxbe's users to add it to their guest list, a list ask to confirm a request)
        if moved:
            rule = "body-moved"
        elif (
            (held or _answers_from_mailbox(mail))
            and not (mail.has_header("List-Id") or mail.has_header("List-Unsubscribe"))
            and is_challenge(mail.text.partition(ORIGINAL_MARKER)[0], hold=True)
        ):
            rule = "challenge"
        else:
            return None
    recipient = (
        held or address(sender) or address(mail.header("Reply-To")) or address(mail.header("Return-Path"))
    )
    return AutoReply(
        recipient=recipient,
        reason=HAS_MOVED if moved else "vacation",
        rule=rule,
        challenge=challenge,
    )


def quotes_its_cause(mail: Mail) -> bool:
    """Whether `mail` is an auto-reply by its own subject's prefix ("Automatic reply: Undeliverable:
    ...", "Réponse automatique : ...") that quotes the message it answers below its own words: an
    out-of-office rule answers whatever reaches the mailbox, a failure report too, and the failures
    it quotes are the replying mailbox's own mail's, not ours. (A report's subject opens with no
    auto-reply's prefix: "Undeliverable: Automatic reply: ..." is a report of an auto-reply.)"""
    subject = mail.subject
    # (the reports that carry Auto-Submitted come from a daemon, and an auto-reply that quotes
    # what it answers puts its prefix before the original's subject, a colon between: the
    # cheaper tests first)
    if (":" not in subject and "：" not in subject) or _DAEMON.search(mail.from_):
        return False
    return _SUBJECT.match(subject) is not None and quotes_a_message(mail.text)


def _own_words(text: str) -> str:
    """The text above the lines it quotes with "> ": an auto-reply quotes the message it answers,
    which may be a report of a failure ("> Your message to a@b could not be delivered"), the
    replying mailbox's own, not ours."""
    quote = text.find("\n>")
    return text if quote < 0 else text[:quote]


def _answers_from_mailbox(mail: Mail) -> bool:
    """Whether a challenge answers our message from the held mailbox itself (Spam Arrest's "I
    apologize for this automatic reply to your email", sent from its user's address as a reply):
    a reply to ours, from no mail system's address."""
    if not (mail.has_header("In-Reply-To") or reply_subject(mail.subject)):
        return False
    sender = address(mail.from_)
    return sender is not None and not is_daemon(sender)


def _held_for(mail: Mail) -> str | None:
    """The mailbox a challenge says holds our message, from its subject or its text's start."""
    m = addressee(mail.subject.lower()) or addressee(mail.text[:4000].lower())
    return address(m.group(1)) if m is not None else None


def _challenged_recipient(mail: Mail) -> str | None:
    """The one recipient the original a challenge holds names (attached, or its headers pasted
    into the notice: TMDA's "Enclosed is a copy of the request I received"), read as a forwarded
    original's is: the notice's From is often the challenge system's own address (TMDA's
    "jan-confirm-<stamp>@", "verify@"), not the mailbox our message was sent to."""
    original = mail.original if mail.original is not None else inline_original(mail.text)
    if original is None:
        return None
    found = original_recipient(original)
    # (a list post's To is the list: only its envelope headers or Received "for" name the member)
    if found and original.get("List-Id") and found == address(decode_header_value(original.get("To", ""))):
        return None
    return found
