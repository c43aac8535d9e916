"""Delay warnings in the languages the reason table reads are delay notices (ignored), and the
final report in the same language is not."""

from __future__ import annotations

import pytest

from parsers.reasons import is_delay_notice

STILL_TRYING = {
    "de": "Ihre Nachricht konnte bisher nicht zugestellt werden. Der Server versucht es weiter.",
    "fr": "Votre message n'a pas encore pu être remis au destinataire.",
    "es": "Su mensaje todavía no ha podido ser entregado.",
    # ("aún no": not yet, as often as "todavía no"; "seguirá intentándolo": it will keep trying)
    "es-aun": "Su mensaje para garcia@dest.example aún no ha podido ser entregado.",
    "es-seguira": "El servidor seguirá intentándolo durante 5 días.",
    "pt": "Sua mensagem ainda não foi entregue. Novas tentativas serão realizadas.",
    "it": "Il messaggio non è ancora stato recapitato: verrà ritentato.",
    "nl": "Uw bericht is nog niet afgeleverd; het wordt later opnieuw geprobeerd.",
    "ru": "Ваше письмо пока не доставлено. Попытки доставки будут продолжены.",
    "ja": "メールの配送が遅延しています。配信を再試行します。",
    "zh": "邮件延迟投递，系统将继续尝试。",
    # (as Danish, Japanese, Chinese, Korean, Polish and Czech servers, and Exchange and hosting servers
    # in the platforms' languages, word their own delay notices)
    "da": "Din besked er endnu ikke blevet leveret. Vi forsøger fortsat at levere beskeden.",
    "ja-not-yet": "次の宛先へのメールは、まだ配信されていません。引き続き配信を試みます。",
    "zh-hans": "您的邮件暂时未能投递。系统将在稍后继续尝试投递。",
    "zh-hant": "您寄給對方的郵件尚未送達。系統將繼續嘗試遞送此郵件。",
    "ko": "보낸 메일이 아직 전달되지 않았습니다. 시스템이 계속 전송을 시도합니다.",
    # (a translated Exim warning: the recipients named between "not yet" and "delivered", the
    # object before "keep trying")
    "ko-recipients-between": "보내신 메시지가 아직 한 명 이상의 받는 사람에게 전달되지 않았습니다.",
    "ko-object-first": "한동안 전송을 계속 시도하며 이 경고는 반복될 수 있습니다.",
    "pl": "Twoja wiadomość nie została jeszcze dostarczona. Serwer będzie ponawiał próby doręczenia.",
    "cs": "Vaše zpráva zatím nebyla doručena. Server se bude dále pokoušet o doručení.",
    # (a translated Exim warning: "has not been possible to deliver so far", attempts "will go on
    # for some time")
    "cs-so-far": "Zprávu, kterou jste odeslali, se dosud nepodařilo doručit jednomu nebo více příjemcům.",
    "cs-attempts-go-on": "Pokusy o doručení budou ještě nějakou dobu pokračovat.",
    "fr-not-yet": "Votre message n'a pas encore été remis.",
    "es-not-yet": "Su mensaje todavía no ha sido entregado.",
    "vi": "Thư của bạn chưa được gửi đi.",
    "de-exchange": "Die Übermittlung an folgende Empfänger wurde verzögert. Der Server versucht weiterhin, sie zu übermitteln.",
    "de-queue": "Dies ist eine Warnung. Ihre Nachricht befindet sich noch in der Warteschlange.",
    "da-exchange": "Leveringen til disse modtagere eller grupper er forsinket.",
    "da-queue": "Levering forsinket: din meddelelse ligger stadig i køen.",
    "da-postfix": "Din besked kunne ikke leveres i mere end 4 time(r). Vi forsøger fortsat at levere beskeden.",
    "vi-delayed": "Việc gửi thư đến người nhận này bị trì hoãn.",
    "vi-waiting": "Thư của bạn vẫn đang chờ gửi. Hệ thống sẽ thử lại.",
    # Gmail's delay notice in its users' languages: the title ("Delivery incomplete") or "Gmail will
    # retry for 47 more hours"
    "en-gmail": "** Delivery incomplete ** There was a temporary problem delivering your message.",
    "de-gmail": "Bei der Zustellung ist ein vorübergehendes Problem aufgetreten. Gmail versucht es noch 47 Stunden lang.",
    "de-gmail-title": "** Zustellung unvollständig **",
    "da-gmail": "Der opstod et midlertidigt problem. Gmail prøver igen i 47 timer mere.",
    "da-gmail-title": "** Leveringen er ufuldstændig **",
    "es-gmail": "Se ha producido un problema temporal. Gmail lo volverá a intentar durante 47 horas más.",
    "es-gmail-title": "** Entrega incompleta **",
    "fr-gmail": "Un problème temporaire est survenu. Gmail réessaiera pendant encore 47 heures.",
    "fr-gmail-title": "** Distribution incomplète **",
    "it-gmail": "Si è verificato un problema temporaneo. Gmail riproverà per altre 47 ore.",
    "it-gmail-title": "** Consegna incompleta **",
    "nl-gmail": "Er is een tijdelijk probleem opgetreden. Gmail probeert het nog 47 uur.",
    "pt-gmail": "Houve um problema temporário. O Gmail tentará novamente por mais 47 horas.",
    "ja-gmail": "一時的な問題が発生しました。Gmail はあと 47 時間再試行します。",
    "ja-gmail-title": "** 配信未完了 **",
    "zh-gmail": "传送时出现暂时性问题。Gmail 将在接下来的 47 小时内重试。",
    "zh-hant-gmail": "傳送時發生暫時性問題。Gmail 會在接下來的 47 小時內重試。",
    "sv-gmail": "Ett tillfälligt problem uppstod. Gmail försöker igen under 47 timmar till.",
    "nb-gmail": "Det oppsto et midlertidig problem. Gmail prøver igjen i 47 timer til.",
    "fi-gmail": "Tapahtui tilapäinen virhe. Gmail yrittää uudelleen vielä 47 tunnin ajan.",
    "tr-gmail": "Geçici bir sorun oluştu. Gmail 47 saat daha yeniden deneyecek.",
    "ru-gmail": "Возникла временная проблема. Gmail будет повторять попытки ещё 47 часов.",
    "pl-gmail": "Wystąpił tymczasowy problem. Gmail ponowi próbę w ciągu 47 godzin.",
    "cs-gmail": "Došlo k dočasnému problému. Gmail to bude zkoušet ještě 47 hodin.",
    "ko-gmail": "일시적인 문제가 발생했습니다. Gmail에서 47시간 동안 재시도합니다.",
    "ko-gmail-again": "일시적인 문제가 발생했습니다. Gmail에서 47시간 동안 다시 시도합니다.",
    # (Exchange's delay notice in Swedish, Danish and Finnish: "har fördröjts", "är försenad", "har
    # inte levererats ännu / än", "Leveransförsöken fortsätter", "Der vil fortsat blive forsøgt",
    # "Toimitus ... on viivästynyt")
    "sv-exchange": "Leveransen till följande mottagare eller grupper har fördröjts:",
    "sv-exchange-late": "Leveransen till de här mottagarna eller grupperna är försenad:",
    "sv-not-yet": "Meddelandet har inte levererats ännu. Leveransförsöken fortsätter.",
    "sv-not-yet-an": "Det här meddelandet har inte levererats än.",
    "da-exchange-attempts": "Denne meddelelse er ikke leveret. Der vil fortsat blive forsøgt levering.",
    "fi-exchange": "Toimitus näille vastaanottajille tai ryhmille on viivästynyt:",
    # (Postfix's delay template as a Dutch bounce.cf words it, and qmail-send's "I'll keep trying"
    # in German, in the first person)
    "nl-postfix": "# Dit is enkel een waarschuwing, u hoeft uw mail niet opnieuw te verzenden. #",
    "de-qmail": "Dies ist ein vorübergehender Fehler; ich versuche es weiter.",
    "ru-qmail": "Это временная ошибка. Я продолжаю попытки.",
    "ru-qmail-will": "Это временная ошибка; я буду продолжать попытки доставки.",
    # (Turkish, Greek, Romanian, Ukrainian, Bulgarian, Serbian, Croatian, Slovene and Kazakh servers,
    # and Exchange set to those languages)
    "tr-exchange": "Bu alıcılara veya gruplara teslim gecikti:",
    "tr-message": "UYARI: Bu iletinin teslimi gecikti.",
    "tr-title": "Teslim Durumu Bildirimi (Gecikme)",
    "tr-keeps-trying": "Sunucu iletiyi teslim etmeyi denemeye devam edecek.",
    "el-exchange": "Η παράδοση σε αυτούς τους παραλήπτες ή τις ομάδες καθυστερεί:",
    "ro-exchange": "Livrarea către acești destinatari sau grupuri este întârziată:",
    "ro-keeps-trying": "Serverul va încerca în continuare să livreze mesajul.",
    "uk-exchange": "Доставку цим одержувачам або групам відкладено:",
    "uk-held": "Доставку повідомлення затримано.",
    "uk-keeps-trying": "Сервер продовжуватиме спроби доставити повідомлення.",
    "bg-delayed": "Доставката на писмото Ви до следния получател се забавя:",
    "bg-keeps-trying": "Сървърът ще продължи да опитва да го достави.",
    "bg-no-resend": "Не е необходимо да изпращате писмото отново.",
    "sr-cyrillic": "Испорука ваше поруке је одложена.",
    "sr-cyrillic-warning": "Ово је само упозорење. Сервер ће наставити да покушава.",
    "kk-delayed": "Хатыңызды келесі алушыға жеткізу кешіктірілді:",
    "kk-keeps-trying": "Сервер хатты жеткізуге әрекет етуді жалғастырады.",
    "sr-latin": "Isporuka Vaše poruke sledećem primaocu je odložena:",
    "hr-exchange": "Isporuka ovim primateljima ili grupama odgođena je:",
    "sr-keeps-trying": "Server će nastaviti sa pokušajima isporuke.",
    "sr-no-resend": "Ne morate ponovo da šaljete poruku.",
    "sl-delayed": "Dostava vašega sporočila naslednjemu prejemniku je zakasnjena:",
    "sl-keeps-trying": "Strežnik bo še naprej poskušal dostaviti sporočilo.",
    # (Spanish "will try again" with the pronoun after the verb, "lo intentará de nuevo", "se
    # intentará hasta", "not delivered yet" with the reflexive, Postfix's Spanish warning line;
    # Catalan and Galician as Exchange, Gmail and translated Postfix templates word them)
    "es-gmail-intentarlo": "Gmail volverá a intentarlo durante 46 horas más.",
    "es-de-nuevo": "El servidor lo intentará de nuevo durante 3 días.",
    "es-hasta": "Se intentará hasta que el mensaje tenga 5 días de antigüedad.",
    "es-aun-no-se": "Su mensaje aún no se ha entregado.",
    "es-advertencia": "# ESTO ES SÓLO UNA ADVERTENCIA. NO NECESITA REENVIAR SU MENSAJE. #",
    "ca-exchange": "Aquest missatge encara no s'ha lliurat. Es continuarà intentant lliurar-lo.",
    "ca-exchange-delayed": "El lliurament a aquests destinataris o grups s'ha endarrerit:",
    "ca-gmail": "Gmail ho tornarà a provar durant 46 hores més.",
    "ca-gmail-title": "** Lliurament incomplet **",
    "ca-postfix": "# AIXÒ ÉS NOMÉS UN AVÍS. NO CAL QUE TORNEU A ENVIAR EL MISSATGE. #",
    "gl-not-yet": "A súa mensaxe aínda non se puido entregar. Seguirase tentando ata 5 días.",
    "gl-postfix": "# ISTO É SÓ UN AVISO. NON É PRECISO QUE REENVÍE A MENSAXE. #",
    "es-continuara": "El sistema continuará intentando la entrega durante 4 días.",
    "es-reintentara": "La entrega se reintentará automáticamente durante 3 días.",
    "pt-de-entrega": "Novas tentativas de entrega serão feitas durante os próximos 4 dias.",
    # (qmail-send's "This is a temporary error; I'll keep trying" as its Spanish and Portuguese
    # translations say it, in the first person)
    "es-qmail": "Este es un error temporal; seguiré intentándolo.",
    "pt-qmail": "Este é um erro temporário; continuarei tentando.",
    # (Middle-Eastern and African servers: Arabic "so far" for "yet", "will try again", "still in
    # the queue"; Hebrew "טרם" (not yet), "she will keep trying", "still waiting in the queue";
    # Persian "yet" away from its verb, "will keep trying"; Swahili and Afrikaans "not yet delivered"
    # and "will try again / keep trying")
    "ar-so-far": "لم يتم تسليم رسالتك إلى المستلم التالي حتى الآن:",
    "ar-will-try": "سيحاول الخادم إعادة الإرسال تلقائيا خلال الساعات القادمة.",
    "ar-queue": "الرسالة لا تزال في قائمة الانتظار.",
    "he-not-yet": "ההודעה שלך טרם נמסרה לנמען הבא:",
    "he-keeps-trying": "המערכת תמשיך לנסות למסור את ההודעה.",
    "he-queue": "ההודעה שלך עדיין ממתינה בתור לשליחה.",
    "he-attempts-go-on": "ניסיונות המסירה יימשכו במשך 3 ימים נוספים.",
    "fa-not-yet": "پیام شما هنوز به گیرنده زیر تحویل داده نشده است:",
    "fa-keeps-trying": "سرور همچنان برای ارسال آن تلاش خواهد کرد.",
    "sw-not-yet": "Barua pepe yako bado haijawasilishwa kwa mpokeaji huyu:",
    "sw-will-try": "Tutajaribu tena kuiwasilisha.",
    "ms-not-yet": "Mesej anda kepada ali@isp.my.example belum dihantar lagi.",
    "tl-not-yet": "Ang iyong mensahe kay juan@isp.ph.example ay hindi pa naihahatid.",
    "ur-not-yet": "آپ کا پیغام ali@isp.pk.example کو ابھی تک نہیں پہنچایا گیا۔",
    "bn-not-yet": "আপনার বার্তা rahim@isp.bd.example এ এখনও পৌঁছানো হয়নি।",
    "af-not-yet": "Jou boodskap is nog nie aan die volgende ontvanger afgelewer nie:",
    "af-keeps-trying": "Die bediener sal aanhou probeer om dit af te lewer.",
    # (South Asia's other languages, Central Asia's, and the six scripts of the language matrix)
    "te": "మీ సందేశం ఇంకా డెలివరీ కాలేదు. సర్వర్ మళ్లీ ప్రయత్నిస్తుంది.",
    "mr": "आपला संदेश अद्याप वितरित झाला नाही. सर्व्हर पुन्हा प्रयत्न करत राहील.",
    "gu": "તમારો સંદેશ હજી સુધી પહોંચાડવામાં આવ્યો નથી. સર્વર ફરી પ્રયાસ કરતું રહેશે.",
    "kn": "ನಿಮ್ಮ ಸಂದೇಶವನ್ನು ಇನ್ನೂ ತಲುಪಿಸಲಾಗಿಲ್ಲ. ಸರ್ವರ್ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸುತ್ತದೆ.",
    "ml": "നിങ്ങളുടെ സന്ദേശം ഇതുവരെ ഡെലിവർ ചെയ്തിട്ടില്ല. സെർവർ വീണ്ടും ശ്രമിക്കും.",
    "pa": "ਤੁਹਾਡਾ ਸੁਨੇਹਾ ਅਜੇ ਤੱਕ ਡਿਲੀਵਰ ਨਹੀਂ ਹੋਇਆ। ਸਰਵਰ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੇਗਾ।",
    "or": "ଆପଣଙ୍କ ବାର୍ତ୍ତା ଏପର୍ଯ୍ୟନ୍ତ ବିତରଣ ହୋଇନାହିଁ। ସର୍ଭର ପୁନର୍ବାର ଚେଷ୍ଟା କରିବ।",
    "as": "আপোনাৰ বাৰ্তা এতিয়াও ডেলিভাৰ কৰা হোৱা নাই। চাৰ্ভাৰে পুনৰ চেষ্টা কৰি থাকিব।",
    "ky": "Катыңыз азырынча жеткирилген жок. Сервер аракет кылууну улантат.",
    "tg": "Паёми шумо ҳанӯз расонида нашуд. Сервер кӯшишро идома медиҳад.",
    "tk": "Siziň hatyňyz entek eltilmedi.",
    "ps": "ستاسو پیغام تر اوسه نه دی رسول شوی. سرور به بیا هڅه وکړي.",
    "ku": "Peyama we hêj nehatiye gihandin.",
    "ku-sorani": "نامەکەت هێشتا نەگەیەنراوە.",
    "ug": "ئۇچۇرىڭىز تېخى يەتكۈزۈلمىدى. مۇلازىمېتىر قايتا سىنايدۇ.",
    "km": "សាររបស់អ្នកមិនទាន់បានបញ្ជូននៅឡើយទេ។ ម៉ាស៊ីនមេនឹងព្យាយាមម្ដងទៀត។",
    "si": "ඔබගේ පණිවිඩය තවමත් බෙදා හැර නැත. සේවාදායකය නැවත උත්සාහ කරයි.",
    "my": "သင့်စာကို မပို့ဆောင်ရသေးပါ။ ဆာဗာက ထပ်မံကြိုးစားပါမည်။",
    "lo": "ຂໍ້ຄວາມຂອງທ່ານຍັງບໍ່ໄດ້ສົ່ງ. ເຊີບເວີຈະພະຍາຍາມອີກຄັ້ງ.",
    "mn": "Таны захидал хараахан хүргэгдээгүй байна. Сервер дахин оролдох болно.",
    "zu": "Umlayezo wakho awukalethwa.",
}
FINAL = {
    "de": "Ihre Nachricht konnte nicht zugestellt werden. Der Server hat aufgegeben.",
    "fr": "Votre message n'a pas pu être remis. Aucune nouvelle tentative ne sera effectuée.",
    "es": "No se ha podido entregar su mensaje.",
    "it": "Il messaggio non è stato recapitato.",
    # (returned, given up: final though it also says "not yet delivered")
    "zh-returned": "您的邮件尚未送达，已被退回。",
    "ja-returned": "配信を中止しました。メールはまだ配信されていません。",
    "ko-returned": "메일이 아직 전달되지 않아 반송되었습니다.",
    "da-returned": "Meddelelsen kunne ikke leveres. Leveringen er forsinket og er nu opgivet.",
    "vi-returned": "Thư bị trì hoãn quá lâu và đã bị trả lại.",
    # (Gmail's final reports ask the sender to try again: "versuchen Sie es noch einmal", "prøv
    # igen", "réessayez", "inténtalo de nuevo", "probeer het opnieuw": an imperative, no retry of
    # Gmail's; and its Vietnamese "chưa được gửi đến X vì không tìm thấy địa chỉ", not delivered
    # because the address was not found, is final though "chưa" is "not yet")
    "de-gmail-advice": "Ihre Nachricht wurde nicht zugestellt. Prüfen Sie die Adresse und versuchen Sie es noch einmal.",
    "da-gmail-advice": "Din meddelelse blev ikke leveret. Kontrollér adressen, og prøv igen.",
    "fr-gmail-advice": "Votre message n'a pas été distribué. Vérifiez l'adresse, puis réessayez.",
    "es-gmail-advice": "Tu mensaje no se ha entregado. Comprueba la dirección e inténtalo de nuevo.",
    "nl-gmail-advice": "Je bericht is niet afgeleverd. Controleer het adres en probeer het opnieuw.",
    "vi-gmail-not-found": "Thư của bạn chưa được gửi đến a@b.vn vì không tìm thấy địa chỉ hoặc địa chỉ không thể nhận thư.",
    # (and the negation of Gmail's "will retry": the final report's "will not retry")
    "fr-gmail-no-retry": "Votre message n'a pas été distribué. Gmail ne réessaiera pas.",
    "it-gmail-no-retry": "Il messaggio è stato respinto. Gmail non riproverà più.",
    "pt-gmail-no-retry": "Sua mensagem foi rejeitada. O Gmail não tentará novamente.",
    "ru-gmail-no-retry": "Сообщение отклонено. Gmail не будет повторять попытки.",
    "ru-qmail-gave-up": "Это постоянная ошибка; я прекратил попытки. Я не буду продолжать попытки.",
    "pl-gmail-no-retry": "Wiadomość została odrzucona. Gmail nie ponowi próby.",
    "cs-gmail-no-retry": "Zpráva byla odmítnuta. Gmail to nebude zkoušet znovu.",
    "cs-final": "Zprávu se nepodařilo doručit jednomu nebo více příjemcům. Toto je trvalá chyba.",
    "ko-advice": "메일을 전송하지 못했습니다. 주소를 확인한 후 다시 시도하세요.",
    "vi-gmail-no-domain": "Thư của bạn chưa được gửi đến a@b.vn vì không tìm thấy miền b.vn.",
    # (the final reports beside them: "could not be delivered", "delivery failed"; "inte levererats"
    # with no "yet" is final)
    "sv-final": "Det gick inte att leverera meddelandet. Det har inte levererats till mottagaren.",
    "fi-final": "Viestiä ei voitu toimittaa. Toimitus epäonnistui.",
    # (the Dutch Postfix failure template and qmail-send's German permanent notice)
    "nl-postfix-final": "Uw bericht kon niet worden afgeleverd aan één of meer ontvangers.",
    "de-qmail-final": "Dies ist ein permanenter Fehler; ich habe aufgegeben. Tut mir leid.",
    # (the past tense: the delivery *was* delayed, and the message is returned)
    "el-past": "Η παράδοση καθυστέρησε πάνω από 5 ημέρες και το μήνυμα επιστράφηκε.",
    "ro-past": "Livrarea a fost întârziată peste limita de 5 zile; mesajul a fost returnat.",
    "bg-past": "Доставката беше забавена твърде дълго и писмото е върнато.",
    "tr-final": "İletiniz teslim edilemedi. Bu kalıcı bir hatadır.",
    "sr-final": "Vaša poruka nije isporučena primaocu.",
    # (the negations of the Spanish and Catalan "will try again": a final report's)
    "es-no-retry": "Tu mensaje se ha rechazado y Gmail no volverá a intentarlo.",
    "es-no-lo-retry": "El mensaje fue rechazado; no lo volverá a intentar.",
    "es-no-se-retry": "Error permanente: no se intentará de nuevo.",
    "ca-no-retry": "El missatge s'ha rebutjat. Gmail no ho tornarà a provar.",
    "ca-final": "Lamentem informar-vos que el vostre missatge no s'ha pogut lliurar.",
    "es-no-reintentara": "El mensaje ha sido rechazado y no se reintentará.",
    # (the Middle-Eastern and African servers' final reports: "could not be delivered", "please try
    # again" (an imperative), "will not try again")
    "ar-final": "تعذر تسليم رسالتك إلى المستلم. يرجى المحاولة مرة أخرى لاحقا.",
    "ar-no-retry": "لم يتم تسليم الرسالة، ولن يحاول الخادم مرة أخرى.",
    "he-final": "ההודעה לא נמסרה לנמען. זוהי שגיאה קבועה.",
    "fa-final": "پیام شما تحویل داده نشد.",
    "sw-final": "Barua pepe yako haikuweza kuwasilishwa.",
    "ms-final": "Mesej anda tidak dapat dihantar kepada ali@isp.my.example: alamat tidak wujud.",
    "tl-final": "Hindi naihatid ang iyong mensahe kay juan@isp.ph.example: hindi nahanap ang address.",
    "ur-final": "آپ کا پیغام ali@isp.pk.example کو نہیں پہنچایا جا سکا: پتہ موجود نہیں ہے۔",
    "bn-final": "আপনার বার্তা rahim@isp.bd.example এ পৌঁছানো যায়নি: ঠিকানাটি খুঁজে পাওয়া যায়নি।",
    "af-final": "Jou boodskap kon nie afgelewer word nie.",
    # (and the same languages' final reports: "could not be delivered", no "yet")
    "te": "మీ సందేశం బట్వాడా కాలేదు.",
    "mr": "आपला संदेश वितरित करता आला नाही.",
    "kn": "ನಿಮ್ಮ ಸಂದೇಶವನ್ನು ತಲುಪಿಸಲಾಗಲಿಲ್ಲ.",
    "ky": "Сиздин катыңыз жеткирилген жок.",
    "tg": "Паёми шумо расонида нашуд.",
    "tk": "Siziň hatyňyz eltilmedi.",
    "km": "សាររបស់អ្នកមិនអាចបញ្ជូនបានទេ។",
    "mn": "Таны захидлыг хүргэж чадсангүй.",
}


@pytest.mark.parametrize("lang", sorted(STILL_TRYING))
def test_a_warning_that_delivery_goes_on_is_a_delay(lang: str) -> None:
    assert is_delay_notice("", STILL_TRYING[lang])


@pytest.mark.parametrize("lang", sorted(FINAL))
def test_a_final_report_is_not_a_delay(lang: str) -> None:
    assert not is_delay_notice("", FINAL[lang])


def test_an_old_queue_warning_is_a_delay() -> None:
    # (MMDF-style: still pending, attempts continue, nothing to do)
    text = (
        "After 12 days your message has not yet been fully delivered. Attempts to deliver the message\n"
        "will continue for 2 more days. No further action is required by you.\n"
    )
    assert is_delay_notice("Failed mail", text.replace("message\nwill", "message will"))
