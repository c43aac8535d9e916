"""Japanese phrase families (data only): what servers and relays answering in Japanese say.

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
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "user unknown" written in katakana, "invalid address"
        r"ユーザー?不明",
        r"無効な(?:メール)?アドレス",
        # (Notes/Domino: the user is not in the directory; HCL's Japanese router says "listed",
        # リストされていません, word for word)
        r"domino ?ディレクトリ(?:に|へ)(?:は)?(?:登録|記載|掲載|リスト)されていません",
        r"domino ?ディレクトリ(?:に|で)(?:は)?見つかりません",
        # ("受取人不明": the recipient unknown, as ISPs' translations of "User unknown" write it)
        r"(?:宛先|受取人)不明",
        r"存在しない(?:ユーザ|アドレス|メールアドレス|宛先|アカウント)",
        # ("ユーザ名が見つかりません": the user name, as ISPs' notices word it)
        r"(?:ユーザー?(?:名)?|アカウント|メールアドレス|宛先|受信者|アドレス)(?:が|は)(?:存在しません|見つかりません|存在しない)",
        r"不明な(?:宛先|ユーザー?|メールアドレス|アドレス)",
        # (Exchange: "電子メール アカウントは、このメッセージの送信先の組織に存在しません")
        r"(?:ユーザー?|アカウント|メールボックス|メールアドレス|宛先)(?:が|は)(?:\S{1,30}に)?(?:存在しません|見つかりません)",
        # ("該当するメールアドレスはありません": no such mail address)
        r"該当(?:する)?(?:ユーザー?|(?:メール)?アドレス|宛先)(?:が|は)(?:存在しません|ありません)",
        r"そのような(?:ユーザー?|アドレス|宛先|アカウント)は(?:いません|ありません|存在しません)",
        # ISPs' translations of "user unknown": "<a@b> のユーザーは登録されていません" (the user is
        # not registered), "未登録のアドレス"
        r"(?:ユーザー?|アカウント|メールアドレス|アドレス|宛先|受信者)(?:は|が)(?:登録されていません|未登録です)",
        r"(?:未登録|登録されていない)(?:の)?(?:ユーザー?|アドレス|メールアドレス|宛先)",
        # Exchange Online: "<ドメイン> で <ユーザー> が見つかりませんでした。"
        r"[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ ?(?:に|で|上で) ?\S{1,64} ?が見つかりませんでした",
        # (the address first: "a@b が x で見つかりませんでした")
        r"[^\s@]{1,64}@[^\s>]{1,255}>? ?(?:が|は) ?(?:\S{1,255} ?(?:に|で|上で) ?)?見つかりませんでした",
        # "(該当する)メールボックスがありません" (there is no such mailbox)
        r"(?:該当する|該当の|その)?(?:メールボックス|アカウント)(?:が|は)ありません",
    ),
    MAILBOX_FULL: (
        r"容量(?:超過|オーバー)",
        r"メールボックス(?:が|の容量が)(?:一杯|いっぱい|満杯|上限)",
        r"(?:メールボックス|受信箱|ディスク)(?:の)?容量(?:が)?(?:不足|超過|上限)",
        r"(?:メールボックス|受信箱)の容量を(?:超えて|超過して)",
    ),
    SUSPEND: (
        r"(?:一時的に|一時)(?:停止|利用停止|無効)",
        # "利用停止中" (its use suspended now): a state that ends, as "suspended" does in the other
        # languages. One stopped for a cause ("未使用のため", "解約により", "ログインがないため、この
        # アカウントは": non-use, cancellation) is ACCOUNT_DISABLED's; Japanese gives the cause
        # first, so the sentence before the verb must give none (SUSPEND is searched first)
        r"(?:^|[.。!！?？\n])(?:(?!ため|より|ので)[^.。\n]){0,80}?(?:利用|使用)停止中",
    ),
    ACCOUNT_DISABLED: (
        r"(?:アカウント|メールアドレス|ユーザー?|アドレス)(?:は|が)(?:無効|廃止|削除|解約)",
        r"(?:無効|廃止|解約済み|削除済み)の(?:アカウント|アドレス|メールアドレス)",
        # deleted or stopped after long non-use: gone, not paused
        r"(?:長期間|長期)?(?:未使用|未利用|利用がない)(?:のため|により)(?:(?:利用|使用)?停止|削除|廃止|無効)",
        # stopped by cancellation or withdrawal ("解約により利用停止", "退会のため停止")
        # ... or by the contract's end ("契約終了により削除されました", the hosting plan ended)
        r"(?:解約|退会|契約(?:終了|解除|満了))(?:済み)?(?:のため|により)(?:(?:利用|使用)?停止|削除|廃止|無効)",
        # stopped, as a done act ("利用停止されています"); "利用停止中" (suspended now) is SUSPEND's
        r"(?:アカウント|メールアドレス|ユーザー?|アドレス)(?:は|が)(?:利用停止|使用停止|停止)(?:されて|され)",
        # "このメールアドレスは現在使われておりません" (this address is not in use now), the carriers'
        # and ISPs' wording of an address that no longer exists (as for a disconnected number): a
        # closed address, as "no longer in use" is in the other languages. "現在" (now) is enough
        # without the noun: a reply next to the recipient that says "現在使用されていません" under a
        # 5.2.1 speaks of that address.
        r"(?:メールアドレス|アドレス|アカウント|ユーザー?|宛先)(?:は|が)(?:現在)?(?:使われて|使用されて|利用されて)(?:おりません|いません)",
        r"現在(?:は)?(?:使われて|使用されて|利用されて)(?:おりません|いません)",
        # expired ("アカウントの有効期限が切れています")
        r"(?:アカウント|メールアドレス|アドレス)の有効期限(?:が|は)(?:切れ|過ぎ)",
        # ... and as a noun: "このアカウントは有効期限切れです"
        r"(?:アカウント|メールアドレス|アドレス)(?:は|が)(?:有効)?期限切れ",
        # "stopped because it has not been used for a long time" (the sentence form)
        r"(?:長期間|長期|一定期間)(?:ご)?(?:利用|使用|ログイン)(?:が)?(?:され)?(?:てい)?(?:ない|なかった)(?:ため|ので|ことにより)"
        r".{0,20}?(?:停止|削除|無効|廃止)",
    ),
    # the recipient's own reception settings refused the mail (the carriers' 受信拒否設定, 指定受信,
    # 迷惑メールフィルター): the recipient's filter, soft, not the address gone
    FILTERED: (
        r"受信(?:者|側)の(?:受信)?(?:拒否)?設定(?:により|によって|で)",
        r"受信拒否(?:設定|リスト|指定)",
        r"(?:受信者|受信側|相手|宛先)(?:が|は|により)(?:受信を)?拒否",
    ),
    HOST_UNKNOWN: (
        # ("ドメイン名が存在しません": the domain name)
        r"ドメイン(?:名)?(?:が|は)(?:存在しません|見つかりません)",
        r"(?:存在しない|不明な)ドメイン",
    ),
    # a message judged spam ("迷惑メールと判断されたため", "スパムとして検出"): the message's fault, soft
    SPAM_DETECTED: (
        r"(?:迷惑メール|スパム(?:メール)?)(?:と|として)(?:判断|判定|認識|検出|検知|分類|識別|見な)",
        r"(?:迷惑メール|スパム)の(?:疑い|可能性)",
    ),
    # the sender's IP address or server refused ("送信元IPアドレスからの接続を拒否"), or block-listed
    BLOCKED: (
        r"(?:送信元|送信者|差出人)(?:の)?(?:ip ?アドレス|ip|サーバー?|ホスト)(?:からの(?:接続|メール|受信))?(?:を|は|が)(?:拒否|ブロック|遮断)",
        r"ブラックリスト(?:に(?:登録|掲載)|入り)",
        # refused "by (our) anti-spam measures" ("迷惑メール対策により受信を拒否"): the receiving ISP's
        # policy against the sender, not the recipient's own settings or the address (the refusal
        # named in the sentence: a sender check's "迷惑メール対策のため、送信者の確認を" holds the mail)
        r"迷惑メール(?:対策|防止)(?:のため|の為|により|によって)[^。\n]{0,40}?(?:拒否|受信できません|受け付けられません|お受けできません)",
    ),
    # the delivery's time limit passed ("配送期限切れのため"): the server gave up, soft
    EXPIRED: (r"(?:配送|配信|送信)(?:の)?(?:有効)?期限(?:切れ|が切れ|を(?:超過|過ぎ))",),
    # the sender's own domain or address refused ("送信元ドメインが存在しません"): sender-side
    REJECTED: (
        r"(?:送信元|送信者|差出人)(?:の)?(?:ドメイン|メールアドレス|アドレス)(?:が|は)(?:存在しません|見つかりません|不正|無効)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own address ("送信元アドレスが存在しません"): a refusal of the sender, never the
    # recipient unknown
    # (with its particle: a template's "差出人アドレス:" label is not it)
    USER_UNKNOWN: (r"(?:送信者|差出人|送信元)(?:の)?(?:メールアドレス|アドレス|アカウント)(?:が|は)",),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"(?:お客様|あなた)のアカウント",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"(?:送信者|差出人|送信元)(?:の)?ドメイン",  # (the sender's domain)
        r"しばらくしてから|時間をおいて",
        r"一時的な(?:dns)?(?:エラー|障害)",
    ),
}
