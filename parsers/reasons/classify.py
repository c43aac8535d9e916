"""hard / soft / ignored, and what kind of event a recipient's outcome is: the one home of the rule.

- hard: the address itself is bad (user unknown, no such domain, a disabled or closed account, a
  mailbox that moved; not_accept only with a 5xx). A complaint is hard too: it suppresses.
- soft: anything else that failed, including every sender-side cause (`codes.SENDER_SIDE`).
- ignored: delivered, relayed, auto-replies, and delay reports (the message is still queued).

A rejection at the MAIL FROM stage, or one that names the sender's own return path and not the
recipient, is about the sender: never hard for the recipient (`sender_side`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.model import Classification, EventType
from parsers.reasons.caseblind import CaseBlind, WordGate
from parsers.reasons.codes import (
    AUTH_FAILURE,
    DELIVERED,
    EXPIRED,
    FEEDBACK,
    FILTERED,
    HARD,
    HAS_MOVED,
    IGNORED,
    NETWORK_ERROR,
    NOT_ACCEPT,
    ON_HOLD,
    REJECTED,
    SUSPEND,
    SYSTEM_ERROR,
    TOO_MANY_CONNECTIONS,
    UNDEFINED,
    UNSUBSCRIBE,
    VACATION,
)
from parsers.reasons.status import class_reading
from parsers.values import FrozenValue, draft_class, set_field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "Not delivered yet" as Danish, Vietnamese, Japanese, Chinese, Korean, Polish and Czech servers
# write it: a delay notice's own sentence, which also names the recipient still being tried (the
# text reader, parsers.fallback, reads the recipient from it).
NOT_YET_DELIVERED: Final = (
    r"endnu ikke (?:blevet )?leveret"
    r"|ch(?:ư|u)a (?:(?:đ|d)(?:ư|u)(?:ợ|o)c )?(?:g(?:ử|u)i (?:đ|d)i|chuy(?:ể|e)n (?:đ|d)i|g(?:ử|u)i (?:đ|d)(?:ế|e)n)"
    r"|まだ(?:配信|配送|送信)されていません|(?:暂时|暫時)(?:未能|无法|無法)(?:投递|投遞|送达|送達)|尚未(?:送达|送達|投递|投遞|遞送)"
    # (Korean "not yet delivered", the recipients maybe named between: "아직 한 명 이상의 받는
    # 사람에게 전달되지 않았습니다")
    r"|아직 (?:[^.\n]{1,30} )?(?:전달|전송|배달)되지 않"
    r"|(?:nie zosta(?:ł|l)[ao]? jeszcze|jeszcze nie zosta(?:ł|l)[ao]?) (?:dostarczon|dor(?:ę|e)czon)"
    r"|(?:zat(?:í|i)m|je(?:š|s)t(?:ě|e)|dosud) nebyl[ao]? doru(?:č|c)en"
    # (Czech's "could not be delivered yet": "Vaše zpráva pro <a@b> ... zatím nemohla být doručena",
    # and "it has not been possible to deliver it so far", as a translated Exim warning says it:
    # "Zprávu ... se dosud nepodařilo doručit")
    r"|zat(?:í|i)m nemohl[ao]? b(?:ý|y)t doru(?:č|c)en|(?:zat(?:í|i)m|dosud) nepoda(?:ř|r)ilo doru(?:č|c)it"
)

# A notice that the message is still queued (a delay report, ignored), as opposed to a final one.
_STILL_TRYING: Final = CaseBlind(
    r"this is a warning message only|warning only|just a warning|advisory-only|has been postponed|still being retried|has been delayed|will be retried"
    r"|will (?:continue|keep) (?:trying|to try)|will retry|(?:still|continue to) (?:be )?attempt"
    r"|will be (?:re-?)?(?:attempted|tried) again"
    # (a filter or gateway that holds the message for an administrator's review has not refused
    # it: it waits on a person, as a list's moderation hold does)
    r"|(?:has been|is being|is|was) held for (?:review|approval|moderation)"
    # (and a quarantine's notice that the message waits for that review: "has been quarantined
    # pending review by the administrator", German "wurde in die Quarantäne verschoben und wird
    # von einem Administrator geprüft")
    r"|(?:has been|is being|is|was) quarantined\s+pending\s+(?:an?\s+)?(?:administrator'?s?\s+)?(?:review|approval|release)"
    r"|in (?:die )?quarant(?:ä|ae|a)ne (?:verschoben|gestellt)[^.]{0,80}?(?<!nicht )gepr(?:ü|ue|u)ft"
    r"|delivery attempts will continue|still (?:being )?(?:retried|queued|trying)|not yet been delivered"
    r"|delivery (?:status notification )?\(delay\)|delayed mail|warning: message .{0,80} delayed"
    r"|message delayed|no action is required on your part|^delay reason:"
    r"|attempts to deliver (?:the|this|your) message will continue|no further action is required"
    r"|has not yet been (?:fully )?delivered|delivery attempts are still pending"
    r"|wird (?:weiterhin|erneut) versucht|zustellung (?:wurde )?verz(?:oe|o|ö)gert"
    r"|(?<!\bno )(?:se|lo) (?:seguir[aá]|volver[aá]) a intentar|(?<!aucune )nouvelles? tentatives? (?:sera|seront) effectu"
    # "not delivered yet" and "will try again" in the languages the reason table reads
    r"|versucht es (?:noch|weiter|erneut|sp(?:ä|ae|a)ter)|(?:bisher|noch) nicht zugestellt"
    r"|n'a pas encore (?:pu )?(?:(?:ê|e)tre )?(?:(?:é|e)t(?:é|e) )?(?:remis|distribu|livr|d(?:é|e)livr)"
    r"|(?:todav(?:í|i)a|a(?:ú|u)n) no (?:se )?(?:ha )?(?:podido )?(?:sido |ser )?entrega[dr]|(?:seguir|continuar)(?:á|a) intent(?:á|a)ndo"
    # (Spanish "will try again": "Gmail volverá a intentarlo", "el servidor lo intentará de nuevo",
    # "se intentará hasta que tenga 5 días"; not after "no", a final report's "no se volverá a
    # intentar")
    r"|(?<!\bno )volver(?:á|a) a intentarlo|(?<!\bno )(?:lo|se) intentar(?:á|a) (?:de nuevo|nuevamente|otra vez|hasta|durante)"
    # ("la entrega se reintentará durante 3 días"; not "no se reintentará")
    r"|(?<!\bno )(?<!\bno se )reintentar(?:á|a)n?\b"
    r"|ainda n(?:ã|a)o (?:foi |p(?:ô|o)de ser )?entregue"
    # (Catalan and Galician "not delivered yet", "will keep trying", "will try again": Exchange's
    # Catalan delay notice "Aquest missatge encara no s'ha lliurat. Es continuarà intentant
    # lliurar-lo", Gmail's "ho tornarà a provar", Galician "aínda non se puido entregar",
    # "seguirase tentando"; the delay itself "s'ha endarrerit")
    r"|encara no s['’]ha (?:pogut )?lliura[rt]|continuar(?:à|a) intentant|(?<!\bno )(?:ho|es) tornar(?:à|a) a (?:provar|intentar)"
    r"|s['’]ha endarrerit|a(?:í|i)nda non (?:se )?(?:(?:puido|foi) )?(?:ser )?entrega[dr]|(?:seguir|continuar)(?:á|a)se tentando"
    r"|nova(?:s)? tentativa(?:s)? (?:de (?:entrega|envio) )?(?:ser(?:á|a|ão|ao) )?(?:feita|realizada)"
    r"|non (?:(?:è|e'?) )?(?:ancora stato|stato ancora) (?:recapitat|consegnat)|(?:verr(?:à|a)|sar(?:à|a)) (?:ritentat|riprovat)"
    r"|nog niet (?:afgeleverd|bezorgd)|wordt (?:later )?opnieuw geprobeerd"
    r"|пока не (?:было )?доставлен|попытки доставки (?:будут )?продолж|продолжит попытки"
    r"|доставка[^\n]{0,120}?задерживается"
    r"|配信を再試行|再送を試み|配送が遅延|延迟投递|将(?:继续|稍后)(?:尝试|重试)"
    # Postfix's delay notice as ISPs translate it ("THIS IS A WARNING ONLY. YOU DO NOT NEED TO
    # RESEND YOUR MESSAGE", "will keep trying until ..."): the warning sentence, per language
    r"|(?:(?:é|e)ste|esto) es s(?:ó|o)lo una? (?:mensaje de )?(?:aviso|advertencia)|no es necesario que reenv(?:í|i)e"
    r"|no necesita reenviar|se seguir(?:á|a) intentando"
    r"|aix(?:ò|o) (?:(?:é|e)s )?nom(?:é|e)s un av(?:í|i)s|no cal que (?:el )?torneu a enviar"  # ca
    r"|isto (?:(?:é|e) )?s(?:ó|o) un aviso|non (?:(?:é|e) )?preciso (?:que )?reenv"  # gl
    r"|ceci est (?:uniquement |seulement )?un (?:simple )?avertissement"
    r"|vous n'avez pas (?:besoin de|(?:à|a)) renvoyer|continuera (?:d'|(?:à|a) )essayer"
    r"|questo (?:(?:è|e'?) )?(?:solo|soltanto) un avviso|non (?:(?:è|e'?) )?necessario (?:inviare di nuovo|reinviare)"
    r"|continuer(?:à|a) a tentare"
    r"|(?:esta|este) (?:(?:é|e) )?apenas uma? (?:mensagem de )?aviso|n(?:ã|a)o (?:(?:é|e) )?necess(?:á|a)rio reenviar"
    r"|continuar(?:á|a) (?:tentando|a tentar)"
    r"|dit is (?:alleen|slechts|enkel|maar) een waarschuwing"
    r"|u hoeft (?:het|uw) (?:bericht|e-?mail|mail) niet opnieuw te (?:verzenden|versturen)"
    r"|dies ist nur eine warnung|sie m(?:ü|ue|u)ssen die nachricht nicht (?:erneut|noch einmal) (?:senden|schicken)"
    # (qmail's "I'll keep trying" in the first person, as its German translation says it)
    r"|ich versuche es (?:weiter|sp(?:ä|ae|a)ter (?:erneut|noch einmal))"
    # (and in Spanish and Portuguese: "seguiré intentándolo", "continuarei tentando")
    r"|(?:seguir|continuar)(?:é|e) intent(?:á|a)ndo|(?:continuarei|vou continuar) (?:tentando|a tentar)"
    # (and in Russian: "Я продолжаю попытки", "буду продолжать попытки"; not "не буду")
    r"|продолжаю попытки|(?<!не )буду продолжать попытки"
    r"|dette er kun en advarsel|du beh(?:ø|oe|o)ver ikke at sende (?:beskeden|meddelelsen|mailen) igen"
    r"|vil forts(?:æ|ae)tte med at fors(?:ø|oe|o)ge|vil fortsat blive fors(?:ø|oe|o)gt"
    r"|(?:đ|d)(?:â|a)y ch(?:ỉ|i) l(?:à|a) (?:th(?:ô|o)ng b(?:á|a)o )?c(?:ả|a)nh b(?:á|a)o"
    r"|b(?:ạ|a)n kh(?:ô|o)ng c(?:ầ|a)n g(?:ử|u)i l(?:ạ|a)i|s(?:ẽ|e) ti(?:ế|e)p t(?:ụ|u)c th(?:ử|u)"
    r"|to jest tylko ostrze(?:ż|z)enie|nie musisz (?:ponownie )?wysy(?:ł|l)a(?:ć|c)"
    r"|это только предупреждение|(?:не нужно|нет необходимости) (?:повторно )?отправлять"
    # "will keep trying" as Danish, Japanese, Chinese (both scripts), Korean, Polish and Czech
    # servers word their own delay notices (and their "not delivered yet": NOT_YET_DELIVERED)
    r"|fors(?:ø|oe|o)ger (?:fortsat|stadig) at levere|nye fors(?:ø|oe|o)g p(?:å|aa|a) at levere"
    r"|引き続き(?:配信|配送|送信)を試み|(?:配信|配送|送信)(?:が)?(?:遅延|遅れて)"
    # ("送信を再試行しています": retrying now; not "再試行してください", a failure's advice to resend)
    r"|(?:配信|配送|送信)を再試行(?:しています|しております|します|いたします|中)"
    # ("仍在发送队列中": still in the sending queue)
    r"|(?:仍|仍然|还|還)在(?:发送|發送|投递|投遞|等待)?(?:队列|隊列|佇列)"
    r"|(?:将|會|会|將)(?:在)?(?:稍后|稍後|之后|之後)?(?:继续|繼續|再次|重新)(?:尝试|嘗試|重试|重試)"
    r"|延遲(?:遞送|投遞|傳送)"
    r"|계속 (?:전송|발송|배달)을? 시도|(?:전송|발송|배달)을 계속 시도|(?:전송|발송|배달)(?:이)? 지연"
    r"|ponawia(?:ł|l|c|ć)? pr(?:ó|o)b|kolejne pr(?:ó|o)by dor(?:ę|e)cz"
    r"|bude (?:d(?:á|a)le? )?pokou(?:š|s)et o doru|pokusy o doru(?:č|c)en(?:í|i) (?:budou )?(?:[^\s.]{1,12} ){0,3}pokra(?:č|c)ovat"
    r"|" + NOT_YET_DELIVERED +
    # the platforms' own languages as Exchange and hosting servers word a delay: German "versucht
    # weiterhin", "die Übermittlung (Zustellung) ... wurde verzögert", "noch in der Warteschlange"; Danish
    # "leveringen ... er forsinket", "stadig i køen"; Vietnamese "bị trì hoãn", "vẫn đang chờ
    # gửi", "sẽ thử lại"
    r"|versucht weiterhin|(?:(?:ü|ue|u)bermittlung|zustellung)[^.\n]{0,80}verz(?:ö|oe|o)gert|noch in der warteschlange"
    r"|weitere zustellversuche|levering(?:en)?[^.\n]{0,80}(?:er|blev) forsinket|stadig i k(?:ø|oe|o)en"
    r"|b(?:ị|i) tr(?:ì|i) ho(?:ã|a)n|v(?:ẫ|a)n (?:đ|d)ang ch(?:ờ|o) (?:g(?:ử|u)i|chuy(?:ể|e)n)|s(?:ẽ|e) th(?:ử|u) l(?:ạ|a)i",
    re.MULTILINE,
)
# Lower-case words one of which every _STILL_TRYING match holds (a WordGate: an ASCII text, most
# reports, is scanned for the ASCII words alone).
_STILL_TRYING_WORDS: Final = WordGate(
    "warning", "retr", "delay", "continue", "keep", "attempt", "still", "not yet", "no action", "advisory",
    "no further action", "pending", "held for", "quarant",
    "postponed",
    "versucht", "verz", "intentar", "tentative",
    "nicht zugestellt", "encore", "todav", "aún no", "aun no", "seguirá", "seguira", "ainda", "tentativa", "ancora", "ritentat", "riprovat",
    "nog niet", "opnieuw", "пока", "продолж", "задерж", "再試行", "再送", "遅延", "延迟", "将",
    "aviso", "reenv", "intentando", "advertencia", "encara", "intentant", "tornar", "endarrer", "aínda", "avís", "torneu", "seguiré", "continuaré", "seguire intent", "continuare intent", "avertissement", "renvoyer", "essayer", "avviso", "reinviare",
    "inviare di nuovo", "tentare", "reenviar", "tentando", "tentar", "waarschuwing", "bericht niet",
    "warnung", "versuche es", "nicht erneut", "nicht noch einmal", "advarsel", "igen", "fors", "cảnh báo", "canh bao",
    "gửi lại", "gui lai", "tiếp tục", "tiep tuc", "ostrze", "wysy", "предупреждение", "отправлять",
    "endnu ikke", "forsøger", "forsoger", "nye fors", "まだ", "引き続き", "遅延", "继续", "繼續", "再次", "重新",
    "暂时", "暫時", "遅れ", "队列", "隊列", "佇列", "尚未", "chưa", "chua", "延遲", "아직", "계속", "지연", "jeszcze", "ponawia", "kolejne pr", "zatím", "zatim", "dosud",
    "ještě", "jeste", "pokouš", "pokous", "pokusy o", "verzö", "verzoe", "verzo", "warteschlange", "zustellversuche",
    "forsinket", "køen", "koeen", "koen", "trì hoãn", "tri hoan", "đang chờ", "dang cho", "thử lại", "thu lai",
)  # fmt: skip
# The same warnings, and "not delivered yet" / "will try again", in the languages added later (sv,
# nb, fi, tr, el, ro, hu, id, uk, th, ar, he, fa, bg, hr, sk, sl, lt, lv, et): apart, with their own
# words, so that a report in none of them is not searched for them (a long alternation tries every
# phrase at every position).
_STILL_TRYING_MORE: Final = CaseBlind(
    r"detta (?:ä|a)r (?:endast|bara|enbart) en varning|du beh(?:ö|o)ver inte skicka (?:om|(?:ditt )?meddelandet? igen)"
    r"|kommer (?:att )?forts(?:ä|a)tta (?:att )?f(?:ö|o)rs(?:ö|o)ka|(?:(?:ä|a)nnu inte|inte (?:ä|a)nnu) (?:har )?levererats"
    # (Exchange's Swedish delay notice: "Leveransen till ... har fördröjts" / "är försenad", "har inte
    # levererats ännu" / "än", "Leveransförsöken fortsätter"; Finnish "Toimitus ... on viivästynyt")
    r"|inte levererats (?:(?:ä|a)nnu|(?:ä|a)n)(?!\w)|leveransf(?:ö|o)rs(?:ö|o)k(?:en)? (?:forts(?:ä|a)tter|kommer att forts(?:ä|a)tta)"
    r"|leveransen[^.\n]{0,80}(?:har f(?:ö|o)rdr(?:ö|o)jts|(?:ä|a)r f(?:ö|o)rsenad|har f(?:ö|o)rsenats)"
    r"|toimit(?:us|taminen)[^.\n]{0,80}viiv(?:ä|a)sty"
    r"|dette er bare en advarsel|du trenger ikke (?:(?:å|a) )?sende|vil fortsette (?:(?:å|a) )?(?:pr(?:ø|o)ve|fors(?:ø|o)ke)"
    r"|enn(?:å|a) ikke (?:blitt )?levert|ikke (?:blitt )?levert enn(?:å|a)"
    r"|t(?:ä|a)m(?:ä|a) on (?:vain|ainoastaan) varoitus|sinun ei tarvitse l(?:ä|a)hett(?:ä|a)(?:ä|a)"
    r"|yritet(?:ä|a)(?:ä|a)n (?:uudelleen|edelleen|my(?:ö|o)hemmin)|ei ole (?:viel(?:ä|a)|toistaiseksi) (?:voitu )?toimit"
    r"|bu (?:yaln[ıi]zca|sadece) bir uyar[ıi]|(?:yeniden|tekrar) g(?:ö|o)ndermenize gerek yok"
    r"|denemeye devam ed(?:ilecek|ecek)|(?:yeniden|tekrar) denenecek|hen(?:ü|u)z teslim edil(?:e)?medi"
    # (Exchange's Turkish delay notice: "Bu alıcılara veya gruplara teslim gecikti", "Bu iletinin
    # teslimi gecikti"; its title "Teslim Durumu Bildirimi (Gecikme)")
    r"|teslim(?:i|at)?[^.\n]{0,80}?gecik(?:ti|iyor|mektedir)|teslim durumu bildirimi \(gecikme\)"
    r"|αυτ(?:ό|ο) (?:ε|έ)(?:ί|ι)ναι μ(?:ό|ο)νο (?:μια )?προειδοπο(?:ί|ι)ηση|δεν χρει(?:ά|α)ζεται να (?:το )?(?:ξανα)?στε(?:ί|ι)λετε"
    # ("Η παράδοση σε αυτούς τους παραλήπτες ... καθυστερεί", delivery is being delayed: the present
    # tense; a final report's past "καθυστέρησε" is not it)
    r"|παρ(?:ά|α)δοση[^.\n]{0,80}?καθυστερε(?:ί|ι)"
    r"|θα συνεχ(?:ί|ι)σει να προσπαθε(?:ί|ι)|δεν (?:(?:έ|ε)χει )?παραδοθε(?:ί|ι) ακ(?:ό|ο)μ"
    r"|θα (?:γ(?:ί|ι)νει ν(?:έ|ε)α προσπ(?:ά|α)θεια|επαναληφθε(?:ί|ι))"
    r"|acesta este (?:doar|numai) un (?:mesaj de )?avertisment|nu (?:este necesar|trebuie) s(?:ă|a) retrimite"
    r"|(?:vom|va|se va) (?:continua s(?:ă|a) (?:î|i)ncerc|(?:mai )?(?:î|i)ncerca din nou|re(?:î|i)ncerca)"
    r"|nu a fost (?:(?:î|i)nc(?:ă|a)) livrat"
    # (Exchange's Romanian delay notice: "Livrarea către acești destinatari ... este întârziată",
    # "Serverul va încerca în continuare să livreze mesajul")
    r"|livrarea[^.\n]{0,80}?este (?:î|i)nt(?:â|a)rziat|va (?:î|i)ncerca (?:(?:î|i)n continuare|s(?:ă|a) livreze)"
    r"|ez (?:csak|csup(?:á|a)n) (?:egy )?figyelmeztet(?:é|e)s|nem kell (?:(?:ú|u)jra )?elk(?:ü|u)ldenie"
    r"|(?:tov(?:á|a)bb|(?:ú|u)jra) pr(?:ó|o)b(?:á|a)lkoz(?:ik|unk)|m(?:é|e)g nem (?:siker(?:ü|u)lt |lett |ker(?:ü|u)lt )?k(?:é|e)zbes(?:í|i)t"
    # (Exchange's Hungarian delay notice: "A kézbesítés a következő címzettekhez ... késik", "A
    # rendszer továbbra is megpróbálja kézbesíteni"; a server's "további 4 napig próbálkozik")
    r"|k(?:é|e)zbes(?:í|i)t(?:é|e)s[^.\n]{0,80}k(?:é|e)s(?:ik|leltetve)|tov(?:á|a)bbra is (?:meg)?pr(?:ó|o)b(?:á|a)l"
    r"|tov(?:á|a)bbi \d{1,3} (?:napig|(?:ó|o)r(?:á|a)ig) (?:meg)?pr(?:ó|o)b(?:á|a)l"
    r"|ini (?:hanya|cuma) (?:sebuah )?peringatan|tidak perlu mengirim(?:kan)? (?:ulang|kembali)"
    r"|akan (?:terus )?(?:mencoba|dicoba) (?:lagi|kembali|mengirim)|belum (?:berhasil |dapat )?(?:terkirim|dikirim)"
    r"|це (?:лише|тільки) попередження|не потр(?:і|i)бно (?:повторно )?надсилати|ще не (?:було )?доставлен"
    r"|спроби доставки (?:будуть )?продовж|буде повторено"
    # (Exchange's Ukrainian delay notice: "Доставку цим одержувачам або групам відкладено" /
    # "затримано", "Сервер продовжуватиме спроби ...")
    r"|доставк[ауи][^.\n]{0,80}?(?:відкладено|затримано|затримується|відкладається)|продовж(?:уватиме|ить) спроби"
    r"|นี่เป็นเพียง(?:ข้อความ)?(?:คำ)?เตือน|จะ(?:พยายาม)?(?:ลอง)?ส่ง(?:ใหม่)? ?อีกครั้ง|ยังไม่(?:ได้)?(?:ถูก)?(?:จัด)?ส่ง ?(?:ไป)?ถึง"
    # Arabic, Hebrew and Persian (Exchange's "delivery to these recipients is delayed", "will keep
    # trying", "not delivered yet", "this is only a warning")
    r"|(?:تأخر|تاخر|تأخير) (?:ال)?(?:تسليم|[إا]رسال)|سيستمر[^.\n]{0,30}في محاولة|هذا (?:مجرد |فقط )?تحذير"
    # ("بعد" at the sentence's end is "yet"; before a noun it is "after": "... بعد عدة محاولات",
    # not delivered after several attempts, is final)
    r"|لم يتم (?:ال)?تسليم[^\n]{0,80}?بعد(?= *(?:[.،!]|$))"
    # ("حتى الآن", so far, is "yet" too; "سيحاول ... مرة أخرى / إعادة", will try again)
    r"|لم يتم (?:ال)?تسليم[^.\n]{0,80}?حتى الآن|سيحاول[^.\n]{0,30}(?:مرة أخرى|[إا]عادة)"
    # (Hebrew "טרם נמסרה", not yet delivered; "תמשיך / ימשיכו לנסות", she / they will keep trying)
    r"|(?:המסירה|השליחה)[^.\n]{0,80}(?:מתעכבת|התעכבה|מעוכבת)|(?:ימשיך|תמשיך|ימשיכו) לנסות"
    r"|(?:עדיין לא|טרם) (?:נמסרה|נמסר|נשלחה)|זוהי אזהרה בלבד"
    # (still waiting in the queue: "ההודעה עדיין ממתינה בתור", "الرسالة لا تزال في قائمة الانتظار";
    # "ניסיונות המסירה יימשכו", the attempts will go on)
    r"|(?:עדיין|עדין) (?:ממתינה|ממתין|נמצאת|נמצא) בתור|ניסיונות ה?מסירה (?:יימשכו|ימשכו|ימשיכו)"
    r"|(?:لا تزال|ما زالت|مازالت)[^.\n]{0,20} في (?:قائمة|طابور) (?:ال)?انتظار"
    # (Persian "هنوز به گیرنده تحویل داده نشده", not delivered to the recipient yet; "همچنان ... تلاش
    # خواهد کرد", will keep trying)
    r"|با تأخیر|با تاخیر|هنوز[^.\n]{0,40}?تحویل (?:داده )?نشده|به تلاش[^.\n]{0,30}ادامه (?:خواهد داد|می‌دهد|میدهد)"
    r"|همچنان[^.\n]{0,30}تلاش (?:خواهد کرد|می‌کند|میکند)"
    # Swahili ("bado haijawasilishwa", not delivered yet; "tutajaribu tena", we will try again) and
    # Afrikaans ("nog nie ... afgelewer nie", not delivered yet; "sal aanhou probeer", will keep trying)
    r"|bado haija(?:wasilishwa|fikishwa|tumwa)|(?:tutajaribu|itajaribu|tutaendelea kujaribu) tena"
    r"|nog nie[^.\n]{0,60}?afgelewer nie|sal aanhou (?:probeer|poog)"
    # Bulgarian, Croatian (and its Latin-script neighbours), Slovak, Slovene: the warning sentence
    # and "not delivered yet" (always with its "yet": "nije isporučena" alone is a final report's
    # sentence); Lithuanian, Latvian, Estonian: "not delivered yet". (Each searched only in a text
    # holding one of its few words below: every word is a scan of every report.)
    r"|това е само предупреждение|все още не е (?:бил[оа]? )?доставен"
    # (a Bulgarian delay notice: "Доставката ... се забавя", "сървърът ще продължи да опитва", "не е
    # необходимо да изпращате писмото отново"; Serbian Cyrillic "испорука ... је одложена")
    r"|доставката[^.\n]{0,80}?се забавя|ще продължи да опитва"
    r"|не е (?:необходимо|нужно) да (?:изпращате|препращате)[^.\n]{0,40}?отново"
    r"|испорука[^.\n]{0,80}?(?:је )?одложена|наставиће (?:са )?покушај|наставити (?:са покушајима|да покушава)"
    r"|ово је (?:само|тек) упозорење"
    # (Kazakh: "жеткізу кешіктірілді" / "кешіктірілуде", delivery delayed; "әрекет етуді
    # жалғастырады", keeps trying)
    r"|жеткізу[^.\n]{0,80}?кешіктіріл|(?:әрекет етуді|талпынысты) жалғастырады"
    r"|ovo je (?:samo|tek) upozorenje|jo(?:š|s) (?:nije|nisu) (?:bil[ao]? )?(?:isporu(?:č|c)en|dostavljen)"
    # (its Latin-script neighbours: Serbian "Isporuka ... je odložena", Croatian "... odgođena je",
    # "server će nastaviti sa pokušajima", "ne morate ponovo da šaljete poruku"; Slovene "Dostava
    # ... je zakasnjena" / "zamuja", "strežnik bo še naprej poskušal")
    r"|isporuka[^.\n]{0,80}?odlo(?:ž|z)ena|isporuka[^.\n]{0,80}?odgo(?:đ|d|dj)ena"
    r"|nastavi(?:ti|ce|će) (?:sa |s )?poku(?:š|s)aj|ne morate (?:ponovo|ponovno) (?:da )?(?:(?:š|s)aljete|slati)"
    r"|dostava[^.\n]{0,80}?(?:zakasnjen|zamuja)|(?:š|s)e naprej posku(?:š|s)a"
    r"|toto je (?:iba|len) upozornenie|e(?:š|s)te nebol[ao]? doru(?:č|c)en"
    r"|zatia(?:ľ|l) nemohl[ao]? by(?:ť|t) doru(?:č|c)en|pokusy o doru(?:č|c)enie (?:bud(?:ú|u) )?pokra(?:č|c)ova"
    r"|to je (?:samo|le) opozorilo|(?<!\w)(?:š|s)e ni(?: bilo)? dostavljen"
    r"|dar (?:nepristatyt|nebuvo pristatyt)|v(?:ē|e)l nav (?:ticis |ticusi )?pieg(?:ā|a)d(?:ā|a)t"
    r"|(?:pole|ei ole) (?:veel|seni) (?:kohale )?toimetatud"
    # Hindi: "this is only a warning", "delivery is delayed", "will try again" / "attempts will
    # continue", "not delivered yet" (सिर्फ़'s nukta precomposed, decomposed or left out)
    r"|यह (?:केवल|सिर्(?:फ\u093c?|\u095e)) (?:एक )?चेतावनी है|(?:डिलीवरी|वितरण|संदेश भेजने) में (?:देरी|देर|विलंब)"
    r"|(?:फिर से|दोबारा|पुनः) (?:प्रयास|कोशिश) (?:करेगा|करेंगे|करेगी|किया जाएगा)|प्रयास (?:जारी रहेंगे|जारी रहेगा|करता रहेगा)"
    r"|अभी तक (?:डिलीवर|वितरित) नहीं"
    # South Asia's other languages, Central Asia's, and Khmer, Sinhala, Burmese, Lao, Mongolian,
    # Zulu: "not delivered yet" (Punjabi, Kyrgyz, Uyghur: "delivery delayed" too): Telugu,
    # Marathi, Gujarati, Kannada, Malayalam, Punjabi, Odia, Assamese (its য় whole or as য and nukta)
    r"|ఇంకా (?:డెలివరీ|బట్వాడా) కాలేదు|अद्याप वितरित (?:झाला|झालेला) नाही|(?:હજી|હજુ) સુધી (?:ડિલિવર|વિતરિત|પહોંચાડ)"
    r"|ಇನ್ನೂ ತಲುಪಿಸಲಾಗಿಲ್ಲ|ഇതുവരെ ഡെലിവ|ਅਜੇ ਤੱਕ ਡਿਲੀਵਰ ਨਹੀਂ|ਡਿਲੀਵਰੀ ਵਿੱਚ ਦੇਰੀ|ଏପର୍ଯ୍ୟନ୍ତ ବିତରଣ ହୋଇନାହିଁ"
    r"|এতি(?:\u09df|\u09af\u09bc)াও (?:ডেলিভাৰ|প্ৰেৰণ) কৰা হোৱা নাই"
    # (Kyrgyz, Tajik, Turkmen, Pashto, Kurdish in Kurmanji and Sorani, Uyghur)
    r"|азырынча жеткирил|жеткирүү[^.\n]{0,80}?кечиктир|ҳанӯз расонида нашуд|(?:entek|heniz) eltilmedi"
    r"|تر اوسه[^.\n]{0,30}?نه (?:دی|ده) (?:رسول|رسېدل|لېږل)|nehatiye gihandin|هێشتا نەگەیەنراوە"
    r"|تېخى يەتكۈزۈلمىدى|يەتكۈزۈش[^.\n]{0,30}?كېچىك"
    # (Khmer, Sinhala, Burmese, Lao, Mongolian, Zulu)
    r"|មិនទាន់(?:ត្រូវ)?បាន(?:បញ្ជូន|ផ្ញើ)|තවමත් (?:බෙදා හැර|භාර දී) නැත|မပို့(?:ဆောင်)?ရသေး|ຍັງບໍ່ໄດ້(?:ຖືກ)?ສົ່ງ"
    r"|хараахан хүргэгдээгүй|a(?:ku|yi|wu|li)kalethwa"
    # (Malay "belum dihantar", Tagalog "hindi pa naihahatid", Urdu "ابھی تک ... نہیں پہنچایا", Bengali
    # "এখনও ... পৌঁছানো হয়নি": not delivered yet)
    r"|belum (?:berjaya |dapat )?dihantar|hindi pa (?:rin )?nai(?:hahatid|hatid|papadala|padala)"
    r"|ابھی تک[^.\n۔]{0,40}?ن[ہه][یي]ں (?:پ[ہه]نچا|ڈ[یي]ل[یي]ور|بھ[یي]جا)"
    r"|এখনও[^।.\n]{0,40}?(?:পৌঁছানো|ডেলিভার করা|বিতরণ করা|পাঠানো) হ(?:\u09df|\u09af\u09bc)নি",
    re.MULTILINE,
)
# Lower-case words one of which every _STILL_TRYING_MORE match holds.
_STILL_TRYING_MORE_WORDS: Final = WordGate(
    "varning", "skicka", "levererats", "leveransf", "leveransen", "viiväst", "viivast", "trenger ikke", "fortsette", "levert", "varoitus", "tarvitse", "yritet",
    "toimit", "uyar", "gerek yok", "denemeye", "denenecek", "teslim", "προειδοπο", "χρει", "συνεχ", "παραδοθ",
    "επαναληφθ", "avertisment", "retrimite", "încerc", "incerc", "livrat", "figyelmeztet", "elküld", "elkuld",
    "próbálkoz", "probalkoz", "még nem", "meg nem", "továbbra", "tovabbra", "további", "tovabbi", "késik",
    "kesik", "késlelt", "keslelt", "zatiaľ", "zatial", "pokusy o", "peringatan", "fortsätta", "fortsatta", "προσπ",
    "tidak perlu", "mencoba", "dicoba", "belum", "hindi pa", "ابھی تک", "এখনও",
    "попередження", "надсилати", "доставлен", "продовж", "повторено",
    "เตือน", "อีกครั้ง", "ยังไม่",
    "تأخر", "تاخر", "تأخير", "سيستمر", "تحذير", "بعد", "الآن", "سيحاول", "מתעכב", "התעכב", "מעוכב", "ימשיך",
    "תמשיך", "ימשיכו", "עדיין", "טרם", "אזהרה", "تأخیر", "تاخیر", "هنوز", "ادامه", "همچنان",
    "ממתין", "בתור", "יימשכו", "ימשכו", "ימשיכו", "لا تزال", "ما زالت", "مازالت", "bado", "tutajaribu", "itajaribu", "tutaendelea", "nog nie", "aanhou",
    "предупреждение", "все още", "pozor", "još", "jos ", "nebol", "dostavljen", "pristatyt", "nav ",
    "toimetatud", "चेतावनी", "देर", "विलंब", "प्रयास", "कोशिश", "अभी तक",
    "gecik", "devam ed", "καθυστερ", "întârzi", "intarzi", "livreze", "відклад", "затрим", "продовжуват", "продовжить",
    "забав", "продължи", "необходимо", "нужно", "одложен", "наставиће", "наставити", "упозорење", "кешіктіріл",
    "жалғастырады", "odlož", "odloz", "odgo", "nastavi",
    "ne morate", "zakasn", "zamuja", "naprej",
    "ఇంకా", "अद्याप", "સુધી", "ಇನ್ನೂ", "ഇതുവരെ", "ਅਜੇ ਤੱਕ", "ਦੇਰੀ", "ଏପର୍ଯ୍ୟନ୍ତ", "এতি", "азырынча", "кечиктир",
    "ҳанӯз", "eltilmedi", "تر اوسه", "gihandin", "هێشتا", "تېخى", "كېچىك", "មិនទាន់", "තවමත්", "ရသေး",
    "ຍັງບໍ່ໄດ້", "хараахан", "kalethwa",
)  # fmt: skip
# Gmail's delay notice in its users' languages: its title ("Delivery incomplete") and "Gmail will
# retry for 47 more hours" (German "versucht es noch 47 Stunden", Danish "prøver igen", French
# "réessaiera", Italian "riproverà", Dutch "probeert het nog", Portuguese "tentará novamente",
# Japanese "再試行します", Chinese "小时内重试", Swedish "försöker igen", Norwegian "prøver igjen",
# Finnish "yrittää uudelleen", Turkish "tekrar deneyecek", Russian "будет повторять попытки", Polish
# "ponowi próbę", Czech "bude zkoušet", Korean "재시도합니다"; not after the negation of a final
# report, "ne réessaiera pas", "non riproverà", "não tentará novamente", "не будет", "nie ponowi",
# "nebude"). Apart, with its own words: most reports hold none of them and are not searched for
# these phrases.
_GMAIL_STILL_TRYING: Final = CaseBlind(
    r"delivery incomplete|zustellung unvollst(?:ä|ae|a)ndig|levering(?:en)? (?:er )?ufuldst(?:æ|ae)ndig"
    r"|entrega incompleta|lliurament incomplet|distribution incompl(?:è|e)te|consegna incompleta|配信未完了"
    r"|pr(?:ø|oe|o)ver (?:igen|fortsat|stadig)|(?<!ne )r(?:é|e)essaiera|(?<!non )riprover(?:à|a)|probeert het (?:nog|opnieuw|later)"
    r"|(?<!n(?:ã|a)o )tentar(?:á|a) (?:novamente|de novo)|再試行します|小(?:时|時)(?:内|內)重(?:试|試)"
    r"|f(?:ö|o)rs(?:ö|o)ker (?:igen|fortfarande)|pr(?:ø|o)ver (?:igjen|p(?:å|a) nytt)|yritt(?:ä|a)(?:ä|a) uudelleen"
    r"|(?:yeniden|tekrar) deneyecek|(?<!не )будет (?:повторять попытки|пытаться)|(?<!не )повторит попытку"
    r"|(?<!nie )ponowi pr(?:ó|o)b|(?<!ne)bude (?:to )?(?:znovu )?zkou(?:š|s)et|(?:재시도|다시 시도)(?:합니다|할 예정)"
)
# Lower-case words one of which every _GMAIL_STILL_TRYING match holds.
_GMAIL_STILL_TRYING_WORDS: Final = WordGate(
    "incompl", "unvollst", "ufuldst", "未完了", "prøver", "proever", "prover", "essaiera", "riprover",
    "probeert", "tentar", "再試行", "内重", "內重", "försöker", "forsoker", "forsöker", "försoker",
    "uudelleen", "deneyecek", "будет", "повторит", "ponowi", "zkou", "시도",
)  # fmt: skip
# "Gave up", "no more attempts", "permanent failure" in the languages added later (sv, nb, fi, tr,
# el, ro, hu, id, uk, th): a final report that also says the message was "not yet delivered" after
# days of trying is final, not a warning. (Also what the last-resort reader takes for a report's
# own statement that delivery failed.)
GAVE_UP: Final = (
    r"(?:har |hade )?(?:gett|gav|ger) upp|inga (?:fler|ytterligare|nya) (?:leverans)?f(?:ö|o)rs(?:ö|o)k"
    r"|permanent(?:a)? fel|(?:har )?(?:gitt|ga|gir) opp|ingen (?:flere|nye|ytterligere) (?:leverings)?fors(?:ø|o)k"
    r"|permanent feil|luovut(?:ti|tanut|taa|ettiin)|uusia yrityksi(?:ä|a) ei tehd(?:ä|a)"
    r"|ei yritet(?:ä|a) (?:enää |uudelleen)|pysyv(?:ä|a) (?:virhe|vika)"
    r"|vazge(?:ç|c)(?:ti|ildi)|(?:yeniden|tekrar) denenmeyecek|kal(?:ı|i)c(?:ı|i) (?:hata|bir hata)"
    r"|εγκατ(?:έ|ε)λειψε|δεν θα γ(?:ί|ι)νουν (?:(?:ά|α)λλες|ν(?:έ|ε)ες) προσπ(?:ά|α)θειες"
    r"|μ(?:ό|ο)νιμ(?:ο|η) (?:σφ(?:ά|α)λμα|αποτυχ(?:ί|ι)α)"
    r"|a renun(?:ț|ţ|t)at|nu se (?:vor )?mai (?:face|fac) (?:(?:î|i)ncerc(?:ă|a)ri|reîncerc)"
    r"|eroare permanent(?:ă|a)|(?:kiszolg(?:á|a)l(?:ó|o)|szerver|rendszer) feladta|tov(?:á|a)bbi pr(?:ó|o)b(?:á|a)lkoz(?:á|a)s nem"
    r"|nem pr(?:ó|o)b(?:á|a)lkozik tov(?:á|a)bb|(?:v(?:é|e)gleges|(?:á|a)lland(?:ó|o)) hiba"
    r"|(?:telah |sudah )?menyerah|tidak akan dicoba (?:lagi|kembali)|(?:kegagalan|kesalahan) permanen"
    r"|припинив спроби|повторних спроб не буде|більше не (?:намагатиметься|буде намагатися)"
    r"|постійна помилка|ยกเลิกการส่ง|จะไม่(?:ลอง)?ส่ง(?:ใหม่)?อีก|ข้อผิดพลาดถาวร"
    # Hindi: "gave up trying", "delivery was given up", "no (further) attempt will be made",
    # "permanent error" (छोड़'s nukta precomposed or decomposed; अस्थायी, temporary, holds स्थायी)
    r"|(?:प्रयास|कोशिश|कोशिशें) (?:करना )?(?:छो(?:ड\u093c|\u095c)|बंद कर) दि(?:या|ए|ये)"
    r"|(?:डिलीवरी|वितरण) (?:का प्रयास |के प्रयास )?छो(?:ड\u093c|\u095c) (?:दिया गया|दिए गए|दी गई)"
    r"|(?:प्रयास|कोशिश) नहीं (?:किया जाएगा|की जाएगी|किए जाएंगे|किए जाएँगे)|(?<!अ)स्थायी (?:त्रुटि|विफलता)"
)
_FINAL: Final = CaseBlind(
    # (a warning's "we will retry for 3 more days before giving up" is no final report)
    GAVE_UP + r"|(?<!before )giving up|given up|gave up|permanent(?:ly)? (?:error|fail)|failed permanently"
    # (a "could not be delivered" that names how long it has not been is the delay notice's own
    # sentence, Postfix's "could not be delivered for 4.0 hours" as ISPs translate it: German "seit
    # 24 Stunden nicht zugestellt werden", Spanish "durante 4 horas", Italian "da 4 ore", Danish "i 4
    # timer")
    r"|could not be delivered(?! for (?:more than|\d)| yet)"
    # (nor one followed by the warning's "Delivery attempts will continue to be made for 5 day(s)":
    # Symantec's delay notice, "could not be delivered to the following recipients" over the list)
    # (the lookahead fails at once on any other wording)
    r"(?! to the following recipients:[\s\S]{0,500}?delivery attempts will continue to be made)"
    # (a "temporary delivery failure" is the delay notice's own title: MDaemon's "Warning: Temporary
    # Delivery Failure Notice ... Delivery attempts will continue")
    r"|undeliverable|undelivered mail returned|returned mail|(?<!temporary )delivery failure|has expired"
    r"|was not delivered(?! yet)"
    r"|retry timeout exceeded|too long in (?:the )?queue|will not be retried|has been (?:returned|bounced)"
    # (nor Exchange's German delay notice: "Sie werden benachrichtigt, wenn die Nachricht bis dahin
    # nicht zugestellt werden kann", you will be told if it cannot be delivered by then; the verb
    # last, "... nicht zugestellt werden kann", is that conditional clause however it opens: "wenn
    # die Nachricht nicht zugestellt werden kann", where a final report says "konnte nicht
    # zugestellt werden")
    r"|aucune nouvelle tentative|(?<!bisher )(?<!noch )(?<!stunden )(?<!stunde )(?<!tagen )(?<!tag )(?<!dahin )nicht zugestellt werden(?! kann)"
    r"|no se ha podido entregar(?! (?:durante|en las (?:ú|u)ltimas|desde hace) \d)"
    # ("no more attempts will be made": a report that also says "not delivered yet" gave up)
    r"|no se (?:realizar|har)(?:á|a)n m(?:á|a)s intentos"
    r"|non (?:e stato|è stato) recapitato(?! (?:da|per|nelle ultime|negli ultimi) \d)"
    # returned, given up, no more attempts (Chinese, Japanese, Korean): a final report that also
    # says the message is "not yet delivered"
    r"|已(?:被)?退回|退信|已放弃|已放棄|不再(?:继续|繼續)?(?:尝试|嘗試|重试|重試)|配信を(?:中止|断念)|반송되었"
    # (Hindi "could not be / was not delivered", unless it says for how long, "4 घंटों से", or
    # "yet" or "still", "अभी तक", "अभी भी": the warning's own sentence)
    r"|(?<!से )(?<!तक )(?<!भी )(?:डिलीवर|वितरित) नहीं (?:हो सका|हो सकी|हो पाया|हो पाई|किया जा सका|की जा सकी|किया गया|हुआ)"
    # (Danish "could not be delivered" (not "for the last / more than N hours", the warning's, as
    # English above), "given up"; Vietnamese "has been returned", "stopped trying")
    r"|kunne ikke (?:af)?leveres(?! i (?:de sidste |mere end |over )?\d)|opgivet|ikke flere fors(?:ø|o)g|(?:đ|d)(?:ã|a) b(?:ị|i) tr(?:ả|a) l(?:ạ|a)i|ng(?:ừ|u)ng th(?:ử|u)"
    # (Gmail's Vietnamese "not delivered to X because the address (the domain) was not found":
    # its "chưa được gửi" is the not-yet of NOT_YET_DELIVERED, and the cause makes it final)
    r"|v(?:ì|i) kh(?:ô|o)ng t(?:ì|i)m th(?:ấ|a)y (?:(?:đ|d)(?:ị|i)a ch(?:ỉ|i)|mi(?:ề|e)n)",
)


# Vague reasons of a delay report: the delay itself is the reason.
_RETRYING: Final = frozenset({EXPIRED, ON_HOLD, UNDEFINED, NETWORK_ERROR, SYSTEM_ERROR, TOO_MANY_CONNECTIONS})


def is_delay_notice(subject: str, text: str) -> bool:
    """Whether a text-only report says the message is still queued (and is not a final report)."""
    head = text[:8000]
    low = head.lower()
    # (each case-insensitive search only where it can match)
    warns = (
        (_STILL_TRYING_WORDS.opens(low) and _STILL_TRYING.occurs_in(head))
        or (_STILL_TRYING_MORE_WORDS.opens(low) and _STILL_TRYING_MORE.occurs_in(head))
        or (_GMAIL_STILL_TRYING_WORDS.opens(low) and _GMAIL_STILL_TRYING.occurs_in(head))
    )
    # (the final-report search, slow on a long text, only when the text warns at all)
    return bool(warns) and not _FINAL.occurs_in(subject + "\n" + head)


# A text-only report that says the message *was* delivered: qmail's "success notice", Sendmail's
# "Return receipt", Exchange's "Relayed:" notice, Notes' "was delivered to", a German, French,
# Spanish, Italian, Dutch or Danish server's receipt, Outlook's "Delivered:" receipt in its
# translations. A delivery receipt (RFC 3464's delivered or
# relayed, written as text) is ignored, never a failure of the address. Without a DSN part the
# text decides for every recipient it names, so a text that also speaks of a failure (a mixed
# Sendmail report, a bounce quoting a receipt) or of a delay is no receipt.
_RECEIPT_WORDS: Final = WordGate("deliver", "relayed", "received your message", "zugestellt", "remis", "entreg", "consegnat", "afgeleverd", "leveret")  # fmt: skip
_RECEIPT: Final = CaseBlind(
    r"successfully (?:delivered|relayed)|successful delivery|delivered successfully"
    r"|(?:was|were|has been|have been) delivered to\b|relayed to the following recipients"
    # X.400's positive delivery report as gateways and legacy MTAs word it: "Positive delivery
    # report", "Message delivered to a@b", "Delivery to a@b succeeded"
    r"|positive delivery (?:report|notification)|(?:message|mail) delivered to\b"
    r"|delivery (?:of (?:your|the) message )?(?:to \S{1,200} )?succeeded"
    # (X.400 gateways' receipt lines "DELIVERED: a@b (ORNAME ...)" and Notes' "The following
    # recipients received your message")
    r"|(?:^|\n)delivered: [^@\s]{1,200}@|recipients? (?:listed below )?(?:has |have )?received your message"
    r"|delivery to (?:the following|these) recipients[^.]{0,40}? (?:is|was|has been) complete"
    r"|erfolgreich (?:an [^.\n]{1,80} )?zugestellt|(?:a|ont) (?:bien )?été remise?s? (?:avec succès|au destinataire)"
    r"|(?:se )?(?:entregó|entregado) (?:correctamente|con éxito)|(?:è|e) stat[oa] consegnat[oa]"
    r"|is (?:succesvol )?afgeleverd|blev(?:et)? (?:korrekt )?leveret"
)
# Outlook/Exchange's localized delivery receipt ("Delivered:"): "your message has been delivered to
# the following recipients" as each translation says it, and its relay notice ("delivery to these
# recipients or groups is complete"). Searched apart, only in a text that holds the word for
# "recipients" one of them needs: most reports hold "deliver" and none of these (each branch's
# pieces would be looked for in every such report). Outlook writes the sentence right after the
# To/Subject/Sent lines that open the receipt: only the opening is read (_RECEIPT_OPENING), not a
# long report in another script, whose every character each word's scan passes.
_TRANSLATED_RECEIPT_WORDS: Final = WordGate(
    "destinata", "destinatá", "levererats", "teslim edildi", "levert til følgende", "następujących", "empfänger",
    "doručena", "доставлен", "配信されました", "收件人", "được gửi", "thành công", "配信が完了", "chuyển phát",
)  # fmt: skip
_RECEIPT_OPENING: Final = 500
_TRANSLATED_RECEIPT: Final = CaseBlind(
    r"(?:wurde|ist) an (?:die )?folgenden? empfänger übermittelt|übermittlung an (?:diese|die folgenden) empfänger[^.]{0,40}? ist abgeschlossen"
    r"|été remise?s? aux destinataires suivants|remise (?:à|a) ces destinataires[^.]{0,40}? est terminée"
    r"|(?:entregó|entregado) a los siguientes destinatarios|entrega a estos destinatarios[^.]{0,40}? se ha completado"
    r"|(?:consegnat|recapitat)[oa] ai seguenti destinatari|entregue aos seguintes destinatários"
    r"|har levererats till|er levert til følgende|dostarczona do następujących"
    r"|doručena následujícím|доставлен[оа]? следующим получателям|次の受信者に配信されました"
    r"|已(?:送达|送達|传递到|傳遞到)以下收件人|alıcılara teslim edildi"
    # (a mail server's own text receipt opens the same way: Vietnamese "has been sent", "sent
    # successfully", "Thư của bạn đã được gửi đến người nhận sau" (the active "đã gửi đến", the
    # mail you sent to, opens failure notices too); Japanese "次の宛先に配信されました",
    # "配信が完了しました")
    r"|đã (?:được gửi|gửi thành công)|配信されました|配信が完了しました"
    # (and "has been delivered" in the word Vietnamese post and Outlook use, "Thư của bạn đã được
    # chuyển phát tới những người nhận sau đây")
    r"|đã được chuyển phát"
)
_NO_RECEIPT: Final = CaseBlind(
    r"fail|fatal|error|undeliver|reject|unknown|does not exist|bounced|not (?:yet )?(?:been )?delivered"
    r"|could(?:n't| not) be delivered|unable to deliver|will (?:continue|retry|keep)|not yet|delayed"
    r"|fehlgeschlagen|nicht zugestellt|échec|non remis|no se (?:ha podido|pudo) entregar|non consegnat"
    r"|niet afgeleverd|kunne ikke"
    # (English's "not yet" in the receipts' languages: a delay warning's "n'a pas encore été remis aux
    # destinataires suivants", "non è ancora stato consegnato ai seguenti destinatari" hold the
    # receipt's words)
    r"|pas encore|non (?:(?:è|e'?) )?ancora|noch nicht|todav(?:í|i)a no|a(?:ú|u)n no|ainda n(?:ã|a)o|nog niet|endnu ikke|ikke endnu"
    # (Italian puts the negation before the auxiliary: "non è stato consegnato" holds the receipt's
    # "è stato consegnato"; "mancato recapito", "impossibile consegnare" are failure titles)
    r"|non (?:(?:è|e'?) )?(?:stat[oa] )?(?:possibile )?(?:consegnat|recapitat)|mancat[oa] (?:consegna|recapito)"
    r"|impossibile (?:consegnare|recapitare)|nicht erfolgreich zugestellt"
    # (the same for the receipts' other languages: "could not be / was not delivered")
    r"|nicht übermittelt|konnte nicht|kunde inte|nie udało się dostarczyć|nepodařilo se doručit|não foi possível entregar|pas (?:pu )?être remis|pas été remis|no se entregó|no ha sido entregado"
    r"|não (?:foi|pôde ser) entregue|kunde inte levereras|inte (?:har )?levererats|ikke (?:(?:blevet|blitt) )?leve?re?t|nie (?:została|zostały|został) dostarczon"
    r"|nie można dostarczyć|nebyla doručena|nelze doručit|не (?:было )?доставлен|не удалось доставить"
    # (the negation before a modal: "не может быть доставлено следующим получателям", "nie może
    # zostać dostarczona do następujących", "nemohla být doručena následujícím", "no pudo ser
    # entregado a los siguientes destinatarios", "non può essere recapitato ai seguenti destinatari")
    r"|не (?:может|могло|могут) быть доставлен|nie mo(?:że|ze|gła|gla) (?:zostać |zostac )?dostarczon"
    r"|nemohl[ao]? b(?:ý|y)t doru(?:č|c)en|no (?:pudo|ha podido|puede) ser entregad|non pu(?:ò|o') essere (?:consegnat|recapitat)"
    r"|n(?:ã|a)o pode ser entregue"
    r"|配信できません|配信されませんでした|无法送达|未能送达|无法传递|無法傳遞|無法送達|teslim edilemedi"
    # (Vietnamese "not", "not yet", "failed", "error", "returned"; Japanese "failure", "error")
    r"|\bkh(?:ô|o)ng\b|\bch(?:ư|u)a\b|th(?:ấ|a)t b(?:ạ|a)i|\bl(?:ỗ|o)i\b|tr(?:ả|a) l(?:ạ|a)i|失敗|エラー"
)


# Words of _NO_RECEIPT's branches that most failure reports hold, in lower case and ASCII: a text
# that holds one is no receipt whatever else it says (what lower() turns into them, the case-blind
# search matches too), so a bounce is ruled out before the receipt search reads it.
_PLAIN_FAILURE_WORDS: Final = WordGate("fail", "error", "undeliver", "reject", "unknown", "fatal", "bounced", "delayed")  # fmt: skip


def delivery_receipt(subject: str, text: str) -> str | None:
    """The action a text-only delivery receipt states ("delivered" or "relayed"), or None when
    the text is no receipt."""
    head = text[:8000]
    # (a failure word the text writes in lower case is one of the lower-cased text too: str.lower
    # maps each character on its own, a lower-case ASCII letter to itself. Most reports write one,
    # and are ruled out before their text is lower-cased)
    if _PLAIN_FAILURE_WORDS.opens(head):
        return None
    low = head.lower()
    if _PLAIN_FAILURE_WORDS.opens(low):
        return None
    if not (_RECEIPT_WORDS.opens(low) and _RECEIPT.occurs_in(head)) and not (
        _TRANSLATED_RECEIPT_WORDS.opens(low[:_RECEIPT_OPENING])
        and _TRANSLATED_RECEIPT.occurs_in(head[:_RECEIPT_OPENING])
    ):
        return None
    whole = subject + "\n" + head
    if _NO_RECEIPT.occurs_in(whole) or _FINAL.occurs_in(whole):
        return None
    return "relayed" if "relayed" in low and "delivered" not in low else "delivered"


def is_temporary(status: str | None, smtp_code: str | None) -> bool:
    """Whether the report marks the failure as temporary (4.x.x / 4xx)."""
    if status:
        return status.startswith("4")
    return bool(smtp_code and smtp_code.startswith("4"))


def classify(
    reason: str,
    status: str | None = None,
    smtp_code: str | None = None,
    *,
    delay_warning: bool = False,
) -> Classification:
    """hard / soft / ignored for a reason (the one place this rule lives).

    `delay_warning`: the report says the message is still queued (Action: delayed, a warning);
    such a notice is ignored whatever the reason. A message that expired after the MTA gave up
    is not a warning: it stays soft.
    """
    if delay_warning and reason not in (FEEDBACK, VACATION, UNSUBSCRIBE):
        return "ignored"
    if reason in (FEEDBACK, UNSUBSCRIBE):
        return "hard"
    if reason in HARD:
        # A 4.x.x / 4xx is the server's own word that the failure is temporary, even when the
        # sender's MTA gave up retrying: soft (five of them count as a hard bounce). A moved
        # address (4.1.6) is gone whatever the code says.
        return "soft" if reason != HAS_MOVED and is_temporary(status, smtp_code) else "hard"
    if reason == NOT_ACCEPT:
        return "soft" if is_temporary(status, smtp_code) else "hard"
    if reason in IGNORED:
        return "ignored"
    return "soft"


# Reasons that would blame the recipient (or say nothing) and that a sender-side refusal corrects.
_ABOUT_THE_RECIPIENT: Final = frozenset({NOT_ACCEPT, ON_HOLD, UNDEFINED, FILTERED, SUSPEND})


def sender_side(reason: str, command: str | None, names_sender_only: bool) -> str:
    """`reason`, or `rejected` when the refusal was about the sender, not the recipient.

    A reply to MAIL FROM refuses the sender (its address or domain), and a refusal that names the
    sender's own return path but not the recipient ("<bounces@sender.example>... Access denied")
    is about the sender too: neither says anything about the recipient's address.
    """
    if reason not in HARD and reason not in _ABOUT_THE_RECIPIENT:
        return reason  # already sender-side, or a cause (mailbox full, expired) the text names
    if (command or "").upper() == "MAIL" or names_sender_only:
        return REJECTED
    return reason


def feedback_verdict(feedback_type: str) -> tuple[EventType, Classification, str]:
    """(event type, classification, reason) of a feedback report of `feedback_type` (ARF).

    - abuse, fraud, virus, other (RFC 5965) and unknown types: a complaint, hard (it suppresses);
    - auth-failure (RFC 6591): about the sender's SPF/DKIM, not the recipient: a complaint kept for
      the record, soft and sender-side (`auth_failure`), never suppressing;
    - opt-out / unsubscribe (and the ARF draft's opt-out-list, out of one list): the recipient asked
      for no more mail: an `unsubscribe` event (not a
      bounce, not a complaint); hard, because it removes the recipient at once for the sender;
    - not-spam (RFC 6430): the recipient took a message out of the spam folder: a `feedback`
      event, ignored.
    """
    kind = feedback_type.strip().lower()
    if kind == "auth-failure":
        return "complaint", "soft", AUTH_FAILURE
    if kind in ("opt-out", "optout", "opt-out-list", "unsubscribe"):
        return "unsubscribe", "hard", UNSUBSCRIBE
    if kind == "not-spam":
        return "feedback", "ignored", FEEDBACK
    return "complaint", "hard", FEEDBACK


class Verdict(FrozenValue):
    """What one recipient's outcome is: the event type, its class, reason and action."""

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "type",
        "classification",
        "reason",
        "action",
    )

    type: EventType
    classification: Classification
    reason: str
    action: str | None

    def __new__(
        cls,
        type: EventType,
        classification: Classification,
        reason: str,
        action: str | None,
    ) -> Verdict:
        # (one per recipient: built as its draft, then frozen, as an Event is)
        self = _new(_VerdictDraft)
        self.type = type
        self.classification = classification
        self.reason = reason
        self.action = action
        set_field(self, "__class__", cls)  # (frozen now: see parsers.values.draft_class)
        return self


_VerdictDraft = draft_class(Verdict)
_new = object.__new__


# A challenge-response system's notice (the message waits until the sender proves itself): an
# auto-reply, ignored, whatever form it takes; never a bounce of the address (parsing-rules).
CHALLENGE: Final = Verdict("auto_reply", "ignored", VACATION, None)


def verdict(
    reason: str,
    status: str | None,
    smtp_code: str | None,
    action: str | None,
    *,
    from_dsn_part: bool,
    still_trying: Callable[[], bool],
) -> Verdict:
    """The event for a recipient whose `reason` is known.

    `from_dsn_part`: the outcome was read from RFC 3464 fields, whose Action says whether the
    message is still queued. Otherwise (a text format) `still_trying()` tells whether the notice
    is a delay report; a 5xx that names a bad address is final whatever the text says.
    """
    if from_dsn_part:
        delay_warning = action == "delayed"
    else:
        delay_warning = (
            action in (None, "delayed")
            and not (reason in HARD and (status or "").startswith("5"))
            and reason not in (FEEDBACK, DELIVERED, UNSUBSCRIBE)
            and still_trying()
        )
        if delay_warning:
            action = "delayed"
            # (so is a code's generic class reading, "451 4.7.0 Try again later" read as a
            # security error before the notice was known to be a delay: derive does the same for
            # an Action: delayed it is told of)
            if reason in HARD or reason in IGNORED or reason in _RETRYING or reason == class_reading(status):
                reason = EXPIRED  # the delay is the reason (the remote's reply stays in the diagnostic)
    if reason == DELIVERED or action in ("delivered", "relayed", "expanded"):
        reason = DELIVERED if action in ("delivered", None) or reason == DELIVERED else reason
    classification = classify(reason, status, smtp_code, delay_warning=delay_warning)
    if reason == DELIVERED or action in ("relayed", "expanded"):
        classification = "ignored"
    etype: EventType = "bounce"
    if reason == FEEDBACK:
        # a provider's own complaint notification read by an MTA-format detector
        etype, action = "complaint", None
    elif reason == DELIVERED:
        etype = "delivered"
    elif delay_warning:
        etype = "delay"
    if action == "expired":
        action = "delayed"  # the MTA gave up after retrying: reported as a final delay
    elif action is None and reason == EXPIRED:
        action = "delayed"
    elif action is None and etype == "bounce":
        action = "failed"
    return Verdict(etype, classification, reason, action)
