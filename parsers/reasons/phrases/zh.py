"""Chinese phrase families (data only): what servers and relays answering in Chinese say.

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
    RATE_LIMITED,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# Simplified and traditional characters side by side.
PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "invalid address"
        r"无效的?(?:邮箱|电子邮件|邮件)?地址|無效的?(?:郵箱|電子郵件|郵件)?地址",
        # (Notes/Domino: the user is not in the directory)
        r"(?:未在|不在|没有在|沒有在) ?domino ?(?:目录|目錄)中(?:列出)?|(?:未|没有|沒有)(?:列在|列于|列於) ?domino ?(?:目录|目錄)",
        # ("用户名": the user name; "使用者": the user, as Taiwan writes it)
        # ("收信人": the recipient, as Tencent's and NetEase's notices also write it)
        r"(?:用户名?|用戶名?|使用者|收件人|收信人|收件者|邮箱|郵箱|信箱|邮件地址|郵件地址|帐户|帐号|账户|账号|帳戶|帳號)(?:地址)?"
        r"(?:不存在|未找到)",
        # "the (recipient's) mail address is wrong" ("收件人邮件地址有误", NetEase): a mail noun
        # before "地址", so an IP address that is wrong is not it
        r"(?:收件人|收信人|收件者|邮件|郵件|邮箱|郵箱|信箱)(?:的)?(?:电子邮件|電子郵件|邮件|郵件|邮箱|郵箱)?地址"
        r"(?:有误|有誤|错误|錯誤|不正确|不正確)",
        # ("没有这个用户": "no such user" with the demonstrative written out, as Sina's notice words it)
        r"(?:无此|無此|没有该|沒有該|没有此|沒有此|没有这个|沒有這個)(?:用户|用戶|使用者|收件人|邮箱|郵箱|帐号|帳號)",
        # ("查無此人": no such person, the post office's wording that Taiwanese servers borrow)
        r"查(?:无|無)此人",
        # (Exchange: "此邮件发送到的组织中不存在该电子邮件帐户", the account named after the verb)
        r"不存在(?:该|此|該)?(?:电子邮件|電子郵件)?(?:帐户|帐号|账户|帳戶|帳號)",
        r"(?:用户|用戶|收件人|邮箱|郵箱)在\S{1,8}(?:中|里|裡)?不存在",
        r"未知的?(?:邮件|郵件|电子邮件|電子郵件|邮箱|郵箱)?地址|未知(?:用户|用戶|收件人)",
        r"(?:找不到|未找到)(?:该|該)?(?:用户|用戶|收件人|邮箱|郵箱)",
        # ("收件人信箱無效": the recipient's mailbox invalid)
        r"(?:收件人|收信人|收件者)(?:的)?(?:邮箱|郵箱|信箱)?(?:地址)?(?:无效|無效)",
        # Tencent QQ: "该用户未开通QQ邮箱" (the user has no QQ mailbox opened: no such mailbox)
        r"未(?:开通|開通)[a-z0-9]{0,8}(?:邮箱|郵箱|信箱|邮件服务|郵件服務)",
        # "the mailbox was never activated" ("该邮箱未激活", Sina): no mailbox to deliver to
        r"(?:邮箱|郵箱|信箱|帐户|帐号|账户|账号|帳戶|帳號)(?:尚)?未(?:激活|啟用|启用)",
        # Exchange: "找不到您输入的电子邮件地址" (traditional: "找不到您輸入的電子郵件地址")
        r"找不到(?:您|你)?(?:输入|輸入)的(?:电子邮件|電子郵件|邮件|郵件)?地址",
        # Exchange Online: "在 <域> 上找不到 <用户>。"
        r"在 ?[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+ ?(?:上|中)?(?:找不到|未找到)",
    ),
    MAILBOX_FULL: (
        # ("满" alone, but not "满足"/"满意", satisfy/satisfied)
        r"(?:邮箱|郵箱|信箱)(?:已满|已滿|满了|滿了|满(?![足意])|滿(?![足意])|空间不足|空間不足|容量不足)",
        r"(?:邮箱|郵箱|信箱)?(?:空间|空間|容量|配额|配額)(?:已满|已滿|满(?!足)|滿(?!足)|不足|已用完|超出|超限)",
        r"超出(?:邮箱|郵箱)?(?:容量|配额|配額)",
    ),
    SUSPEND: (
        r"(?:帐户|帐号|账户|账号|帳戶|帳號|邮箱|郵箱|用户|用戶)(?:已|已经|已經)?(?:被)?(?:临时|臨時|暂时|暫時)?"
        # ("锁定": locked, as Sina and Coremail word a held account)
        r"(?:冻结|凍結|暂停|暫停|锁定|鎖定)",
        # ("暂时被冻结": for now, then the verb)
        r"(?:帐户|帐号|账户|账号|帳戶|帳號|邮箱|郵箱|用户|用戶)(?:已|已经|已經)?(?:临时|臨時|暂时|暫時)(?:被)(?:冻结|凍結|暂停|暫停|锁定|鎖定)",
    ),
    ACCOUNT_DISABLED: (
        r"(?:帐户|帐号|账户|账号|帳戶|帳號|邮箱|郵箱|信箱|用户|用戶)(?:已|已经|已經)?(?:被)?"
        r"(?:停用|注销|註銷|禁用|关闭|關閉|删除|刪除)",
        # closed after long non-use: gone, not paused
        r"(?:因|由于|由於)?(?:长期|長期)(?:未使用|未登录|未登錄|未登入|不使用).{0,12}?(?:注销|註銷|停用|删除|刪除|关闭|關閉|冻结|凍結|禁用)",
        # ... and with the cause after it: "邮箱已被冻结(长期未登录)", "已注销，因长期未使用"
        r"(?:注销|註銷|停用|删除|刪除|关闭|關閉|冻结|凍結|禁用)[^。.]{0,6}?(?:因|由于|由於)?(?:长期|長期)(?:未使用|未登录|未登錄|未登入|不使用)",
        # expired
        r"(?:帐户|帐号|账户|账号|帳戶|帳號|邮箱|郵箱)(?:已|已经|已經)?(?:过期|過期)",
        # closed ("销户"), no longer in service ("已停止使用"), stopped for unpaid fees ("欠费停用",
        # "因欠费已被停机")
        r"(?:已|已经|已經)(?:被)?(?:销户|銷戶)",
        r"(?:帐户|帐号|账户|账号|帳戶|帳號|邮箱|郵箱|信箱)(?:已|已经|已經)?(?:被)?停止(?:使用|服务|服務)",
        r"(?:欠费|欠費)(?:已|已经|已經)?(?:被)?(?:停用|停机|停機|注销|註銷|关闭|關閉)",
        # "has become void" ("该邮箱地址已失效", China Mobile's 139): the address no longer works
        r"(?:帐户|帐号|账户|账号|帳戶|帳號|邮箱|郵箱|信箱)(?:地址)?(?:已|已经|已經)?失效",
        # "no longer used" ("该邮箱已不再使用", "此地址不再接收邮件"): closed, as English's "no longer in use"
        # (not the sender's, "发件人邮箱", nor "your" mailbox)
        r"(?<!发件人)(?<!發件人)(?<!寄件人)(?<!您的)(?<!你的)"
        r"(?:帐户|帐号|账户|账号|帳戶|帳號|邮箱|郵箱|信箱|地址)(?:已|已经|已經)?不再(?:使用|有效|可用|接收|接受)",
    ),
    # the recipient refuses the mail by its own settings ("收件人已设置拒收", "对方已将您加入黑名单"):
    # the recipient's filter, soft, not the address gone
    FILTERED: (
        r"(?:收件人|收信人|对方|對方)(?:已)?(?:设置|設置|设定|設定)(?:了)?(?:拒收|拒绝接收|拒絕接收)",
        r"(?:收件人|收信人|对方|對方)(?:已)?(?:将|將|把)(?:您|你|发件人|發件人)(?:加入|列入)(?:了)?(?:黑名单|黑名單)",
        r"(?:收件人|收信人)(?:的)?(?:拒收|黑名单|黑名單)(?:设置|設置|规则|規則)",
        # the recipient refuses it ("收件人拒收此邮件")
        r"(?:收件人|收信人|对方|對方)(?:已)?(?:拒收|拒绝接收|拒絕接收)",
    ),
    # a refusal that calls the message spam ("被判定为垃圾邮件", "被識別為垃圾郵件", "疑似垃圾邮件"; a
    # 5.7.1 status alone says only "security")
    SPAM_DETECTED: (
        r"(?:判定|识别|識別|认定|認定|检测|檢測|视|視|当|當|归类|歸類|标记|標記)(?:为|為|成|作)垃圾(?:邮件|郵件)",
        r"(?:疑似|怀疑是|懷疑是)垃圾(?:邮件|郵件)",
    ),
    HOST_UNKNOWN: (
        # ("網域名稱": the domain name, as Taiwan writes it)
        r"(?:域名|網域|网域)(?:名称|名稱)?(?:不存在|无效|無效|未找到)",
        r"(?:找不到|未找到)(?:该|該|此)?(?:域名|網域|网域)",
    ),
    # the sender refused or black-listed ("发件人被拒绝", "发信IP被列入黑名单")
    BLOCKED: (
        r"(?:发件人|發件人|发信人|發信人|发送方|發送方|发信|發信)(?:的)?(?:ip|地址|服务器|伺服器)?(?:已)?(?:被|遭)(?:拒绝|拒絕|屏蔽|封禁|列入黑名[单單])",
        r"(?:发件人|發件人|发信|發信)(?:ip|地址|服务器)?(?:在|已在)?黑名[单單]",
    ),
    # the sender sends too often ("发信频率过快", "发送频率超限", Tencent's and NetEase's own notices):
    # the sender's rate, soft
    RATE_LIMITED: (
        r"(?:发信|發信|发送|發送)(?:的)?(?:频率|頻率)(?:过快|過快|过高|過高|超限|超过限制|超過限制|太快|太高)",
    ),
    # the delivery timed out ("投递超时", "投遞逾時"): the server gave up, soft
    EXPIRED: (r"(?:投递|投遞|发送|發送)(?:超时|超時|逾時)",),
    # the sender's own account frozen or disabled ("您的账户已被冻结"): sender-side
    REJECTED: (
        r"(?:您|你)的(?:账户|帳戶|账号|帳號|邮箱|郵箱)(?:已|因[^，,。]{0,20})?(?:被)?(?:冻结|凍結|停用|禁用|封禁)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own mailbox or address ("发件人邮箱不存在"): a refusal of the sender, never the
    # recipient unknown
    USER_UNKNOWN: (
        # (with its verb: a template's "发件人地址：" label next to the recipient's reason is not it)
        r"(?:发件人|發件人|发信人|發信人|寄件者|寄件人)(?:的)?"
        r"(?:邮箱|郵箱|信箱|地址|邮件地址|郵件地址|帐户|帐号|账户|账号|帳戶|帳號)(?:地址)?"
        r"(?:不存在|未找到|无效|無效|有误|有誤|错误|錯誤|不正确|不正確)",
        # the sender's own account not activated ("您的帐号未激活")
        r"(?:您|你)的(?:邮箱|郵箱|信箱|帐户|帐号|账户|账号|帳戶|帳號)(?:尚)?未(?:激活|啟用|启用)",
    ),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"(?:您|你)的(?:帐户|帐号|账户|账号|帳戶|帳號)",),
    # frozen after long non-use ("由于长期未登录，该帐号已被冻结"): closed for non-use, not paused
    SUSPEND: (r"(?:长期|長期)(?:未使用|未登录|未登錄|未登入|不使用)",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"(?:发件人|發件人|发信人|寄件者|寄件人)(?:的)?(?:域名|網域|网域)",  # (the sender's domain)
        r"请稍(?:后|候)(?:重试|再试)|請稍(?:後|候)(?:重試|再試)",
        r"(?:临时|暂时|臨時|暫時)(?:性)?(?:的)?(?:dns)?(?:错误|錯誤|失败|失敗)",
    ),
}
