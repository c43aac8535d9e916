"""Vietnamese phrase families (data only): what servers and relays answering in Vietnamese say.

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
    MESSAGE_TOO_BIG,
    NETWORK_ERROR,
    RATE_LIMITED,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# Written without diacritics: the text is folded the same way ("không tồn tại" is read as
# "khong ton tai", "hộp thư đầy" as "hop thu day"), which also reads the unaccented spellings that
# many Vietnamese servers send.
# "because it has not been used (for a long time)", "because it is inactive"
_NON_USE = (
    r"(?:do|vi) (?:(?:lau ngay|qua lau|mot thoi gian dai) )?(?:khong (?:duoc )?(?:su dung|hoat dong|dang nhap)"
    r"|khong con (?:duoc )?su dung)"
)

# "mailbox": "hộp thư" in the south, "hòm thư" in the north (VNPT, Viettel)
# (bare branches, each spelled whole, to stand among a group's other nouns: the text index takes its
# keywords from the literal each branch opens with)
_BOX = r"hop thu|hom thu"
# ... and "hộp mail" / "hòm mail" in webmail wording: only where the text index keys on the verb
# (their grams "hop"/"hom" as keys would be met in English words: "shop", "whom")
_BOX_MAIL = r"hop mail|hom mail"
# The sender (its address, its domain) refused, unknown or invalid: "Địa chỉ người gửi không hợp lệ",
# "Người gửi không tồn tại", "Người gửi bị từ chối"
_SENDER_REFUSED: Final = (
    r"nguoi gui (?:nay )?(?:da )?(?:bi )?"
    r"(?:khong hop le|khong ton tai|khong xac dinh|khong tim thay|tu choi|chan)\b"
)
# whose, between noun and verb: the recipient's ("của người nhận"), or the receiving one ("nhận")
_WHOSE = r"(?: (?:cua )?nguoi nhan| nhan)? "
# "address": "địa chỉ", "địa chỉ email", "địa chỉ thư", "địa chỉ thư điện tử" (the formal word for e-mail)
_ADDRESS = r"dia chi(?: email| thu dien tu| thu| e-?mail)?"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (whose between noun and verb: "Hộp thư người nhận không tồn tại", "Địa chỉ email nhận
        # không tồn tại", the receiving address)
        rf"(?:nguoi dung|nguoi nhan|{_ADDRESS}|{_BOX}|{_BOX_MAIL}|tai khoan(?: email)?){_WHOSE}(?:nay )?"
        r"(?:khong ton tai|khong co that|khong tim thay|khong hop le)",
        r"khong tim thay (?:nguoi nhan|nguoi dung|" + _BOX + r"|dia chi|tai khoan)",
        rf"khong co (?:nguoi dung|nguoi nhan|tai khoan(?: email)?|{_BOX}|{_ADDRESS}) (?:nao|nay)",
        # the verb first ("Không tồn tại người dùng"), as some servers word it
        r"khong ton tai (?:nguoi dung|nguoi nhan|dia chi|" + _BOX + r"|tai khoan)",
        # the login name, as webmail hosts name the mailbox ("Tên đăng nhập không tồn tại"; a log-in
        # refused, with the password, is UNLESS's)
        r"ten (?:dang nhap|tai khoan) (?:nay )?khong ton tai",
        r"(?:nguoi dung|nguoi nhan|" + _ADDRESS + r"|" + _BOX + r") khong co trong he thong",
        # "unknown address", "unknown recipient" ("Người nhận không xác định")
        r"(?:" + _ADDRESS + r"|nguoi nhan|nguoi dung) khong xac dinh",
        # "the (recipient's) address is wrong" ("Địa chỉ email người nhận không đúng", "sai địa chỉ")
        # (or "not accurate", "không chính xác")
        _ADDRESS + r"(?: (?:cua )?nguoi nhan)? (?:khong dung|khong chinh xac|sai)\b",
        r"\bsai " + _ADDRESS + r"(?: (?:cua )?nguoi nhan)?\b",
        # "Email (người nhận) không tồn tại": the English word alone as the noun
        # (or invalid, "Email không hợp lệ"; not the message's content or subject, "nội dung email")
        r"(?<!noi dung )(?<!tieu de )\be-?mail (?:(?:cua )?nguoi nhan )?(?:nay )?(?:khong ton tai|khong co that|khong tim thay"
        r"|khong hop le)",
        # Exchange Online: "Không tìm thấy <người dùng> tại <miền>."
        r"khong tim thay \S{1,64} tai [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    MAILBOX_FULL: (
        # (the space inside each branch: the text index then keys on the whole word "thu")
        r"(?:hop thu |hom thu )(?:(?:cua )?nguoi nhan )?(?:(?:da|bi) )?"
        r"(?:day|het dung luong|vuot qua (?:dung luong|han muc))",
        # (a sending quota, "hạn mức gửi thư", is the sender's rate: RATE_LIMITED)
        r"(?:vuot qua|het) (?:dung luong|han muc(?! gui))(?: luu tru| (?:" + _BOX + r"))?",
        r"dung luong (?:(?:" + _BOX + r") )?(?:da )?(?:day|het)",
        # "the recipient's account has reached its storage limit"
        r"(?:tai khoan|" + _BOX + r")(?: (?:cua )?nguoi nhan)? (?:da )?dat (?:den |toi )?gioi han dung luong",
    ),
    # the message itself too big ("Thư quá lớn", "Dung lượng thư vượt giới hạn cho phép"; the
    # message, "thư" alone, not the mailbox, "hộp thư", whose storage "vượt quá dung lượng" is full)
    MESSAGE_TOO_BIG: (
        r"(?<!hop )(?<!hom )\bthu (?:qua lon|vuot qua kich thuoc)",
        r"(?:dung luong|kich thuoc) (?:cua )?thu (?:da )?vuot (?:qua )?(?:gioi han|muc|kich thuoc)",
    ),
    SUSPEND: (
        # (whose between noun and verb: "Tài khoản người nhận tạm thời bị khóa"; "đang bị tạm khóa",
        # is locked for now, as "đã bị": the state, not the event)
        r"(?:tai khoan|" + _BOX + r")" + _WHOSE + r"(?:nay )?(?:da |dang )?(?:bi )?"
        r"(?:tam (?:khoa|ngung)|dinh chi|khoa tam thoi|tam thoi (?:bi )?(?:khoa|ngung|dinh chi))",
        # unavailable for now ("Hộp thư tạm thời không khả dụng", English's "temporarily unavailable")
        rf"(?:tai khoan|{_BOX}){_WHOSE}(?:nay )?(?:dang )?tam thoi khong kha dung",
        # "locked" with no word for how long: a pause until it says permanently
        # (the user too: "Người dùng đã bị khóa tài khoản")
        rf"(?:tai khoan|{_BOX}|nguoi dung){_WHOSE}(?:nay )?(?:da |dang )?bi khoa(?! vinh vien| {_NON_USE})",
    ),
    ACCOUNT_DISABLED: (
        # whose account, between noun and verb ("Tài khoản người nhận đã bị xóa")
        r"t[aà]i kho[aả]n (?:c[uủ]a )?ng[uư][oờ]i nh[aậ]n (?:[dđ][aã] )?(?:b[iị] )?(?:x[oó]a|v[oô] hi[eệ]u h[oó]a|kh[oó]a v[iĩ]nh vi[eễ]n)",
        # (what kind between noun and verb: "Tài khoản email đã ngừng hoạt động"; whose too: "Hộp thư
        # người nhận đã bị vô hiệu hóa")
        r"(?:tai khoan(?: email| thu)?|"
        + _BOX
        + r"|"
        + _ADDRESS
        + r")"
        + _WHOSE
        + r"(?:nay )?(?:da )?(?:bi )?"
        # (or "no longer in use", "đã ngừng sử dụng"; "tạm ngừng", for now, is SUSPEND's, searched first)
        r"(?:vo hieu hoa|xoa|dong|ngung hoat dong|ngung su dung|huy|khoa vinh vien)",
        # locked or closed for non-use: the address is gone, not paused
        r"(?:bi )?(?:khoa|dong|xoa|vo hieu hoa) " + _NON_USE,
        # "inactive", "no longer used", "expired": the account is gone
        # (what kind between noun and verb: "Tài khoản email đã hết hạn sử dụng")
        r"(?:tai khoan(?: email| thu)?|" + _BOX + r"|" + _ADDRESS + r")" + _WHOSE + r"(?:nay )?(?:da )?"
        r"(?:khong (?:con )?hoat dong|khong con (?:duoc )?su dung|het han)",
        # "no longer exists" (not "does not exist"): an address that was and is gone
        rf"(?:tai khoan(?: email)?|{_BOX}|{_ADDRESS}|nguoi dung|e-?mail) (?:nay )?khong con ton tai",
        # the user disabled, or locked for good, as the account is ("Người dùng đã bị vô hiệu hóa")
        r"nguoi dung (?:nay )?(?:da )?(?:bi )?(?:vo hieu hoa|khoa vinh vien|ngung hoat dong)",
        # the user or recipient deleted ("Người nhận đã bị xóa khỏi hệ thống"; "bị", passive: one who
        # "đã xóa thư", deleted the message, is a reader)
        r"(?:nguoi dung|nguoi nhan) (?:nay )?(?:da )?bi xoa\b",
    ),
    HOST_UNKNOWN: (
        # whose domain, between noun and verb: "Tên miền của người nhận không tồn tại" (Zing)
        # (or not registered: "Tên miền người nhận chưa được đăng ký")
        r"ten mien (?:(?:cua )?nguoi nhan )?(?:nay )?(?:khong ton tai|khong hop le|khong tim thay|chua (?:duoc )?dang ky)",
        # "Không tìm thấy Host" (host not found: Zing's word for a recipient domain that does not exist)
        # (and Gmail's "không tìm thấy miền x.vn", domain not found, "miền" without "tên")
        r"khong tim thay (?:(?:ten )?mien\b|host\b)",
        # "miền" alone, the domain ("Miền không tồn tại")
        r"\bmien (?:nay )?(?:khong ton tai|khong hop le)",
    ),
    # the sender's server on a block list ("Địa chỉ IP của bạn nằm trong danh sách đen") or its IP
    # blocked: the sender's, soft (English's "blacklisted by", "blocked using")
    # (or the sending server itself: "Máy chủ gửi thư của bạn đã bị chặn")
    BLOCKED: (
        r"trong danh sach den\b",
        # (or refused: "Địa chỉ IP gửi thư đã bị từ chối")
        r"\bip\b[^.\n]{0,80}?\bbi (?:chan|tu choi)\b",
        r"\bmay chu (?:gui(?: thu)? )?(?:cua ban )?(?:da )?bi chan\b",
    ),
    # the sender past its sending quota or rate ("vượt quá hạn mức gửi thư trong ngày", "đã đạt giới
    # hạn gửi", "gửi quá nhiều thư"): the sender's, soft (English's "exceeded the sending limit")
    RATE_LIMITED: (
        r"(?:vuot qua|vuot|het|dat) (?:(?:den|toi) )?(?:han muc|gioi han|so luong) (?:thu )?gui\b",
        r"\bgui (?:qua nhieu (?:thu|email|mail)|thu qua nhanh)",
    ),
    # the recipient's own block of the sender ("Người nhận đã chặn địa chỉ của bạn"): the recipient's
    # filter, soft (English's "recipient has blocked")
    FILTERED: (r"nguoi nhan (?:da )?chan (?:dia chi|email|thu) (?:cua )?ban\b",),
    # a message determined or marked as spam ("bị xác định là thư rác"; "thư mục thư rác", the
    # spam folder, says nothing)
    SPAM_DETECTED: (
        r"(?:xac dinh|danh dau|nhan dien|phan loai|coi|nghi ngo) (?:la |nhu )?thu rac|\bla thu rac",
        # (the English word, as Vietnamese servers often write it: "bị đánh dấu là spam")
        r"(?:xac dinh|danh dau|nhan dien|phan loai|danh gia|nghi ngo) (?:la |nhu )?spam\b",
    ),
    # the domain name could not be resolved ("Lỗi phân giải tên miền", "Không phân giải được tên
    # miền"): the lookup failed, the domain may exist, soft (English's "DNS lookup failed")
    NETWORK_ERROR: (r"(?:loi|khong the|khong) phan giai(?: duoc)? (?:ten mien|dns)\b",),
    # a scanner found a virus in the message ("Thư bị từ chối vì chứa virus", "phát hiện mã độc")
    VIRUS_DETECTED: (r"(?:chua|nhiem|phat hien) (?:virus|ma doc)\b",),
    # too many recipients in one message ("quá nhiều người nhận"): a limit on the sender's message,
    # soft (English's "too many recipients")
    TOO_MANY_CONNECTIONS: (r"qua nhieu nguoi nhan\b",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the recipient's domain that does not exist ("tên miền của người nhận không tồn tại"): the
    # domain gone, not the user
    # (or Gmail's "không tìm thấy miền x.vn" under its title "Không tìm thấy địa chỉ", address not
    # found)
    # (and a log-in refused, "tên đăng nhập hoặc mật khẩu", the password named: the sender's own account)
    USER_UNKNOWN: (r"ten mien (?:cua )?nguoi nhan", r"khong tim thay (?:ten )?mien\b", r"\bmat khau\b"),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"tai khoan cua ban",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"t(?:e|ê)n mi(?:e|ề)n (?:c(?:u|ủ)a )?ng(?:u|ư)(?:o|ờ)i g(?:u|ử)i",  # (the sender's domain)
        r"thu lai sau",
        r"loi (?:dns )?tam thoi",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
