"""Korean phrase families (data only): what servers and relays answering in Korean say (Naver,
Daum/Kakao, Nate and localized Exchange reports).

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
Hangul is left as it is. Korean writes particles after nouns (이/가, 을/를, 은/는, 의) and may
leave the space out between words, so both are optional in the patterns.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    FILTERED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    RATE_LIMITED,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# ("회원", member: portals call their users members, "탈퇴한 회원", a member who withdrew; "수신인",
# the recipient, beside "수신자"; "사서함", Exchange's word for the mailbox, and "메일박스")
_NOUN = r"(?:사용자|수신자|수신인|받는 ?사람|계정|아이디|회원|메일 ?주소|이메일 ?주소|주소|메일 ?계정|메일함|편지함|사서함|메일 ?박스)"
_PARTICLE = r"(?:이|가|은|는|을|를|의)? ?"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"domino ?디렉(?:토|터)리에 (?:없습니다|없음|나열되어 있지 않습니다)",
        r"(?:존재하지 않는|없는|알 수 없는|등록되지 않은|찾을 수 없는) ?" + _NOUN,
        _NOUN + _PARTICLE + r"(?:존재하지 않|없습니다|찾을 수 없|확인되지 않)",
        # ("수신인": the recipient, as Naver's notice writes it)
        r"수신(?:자|인)(?:을|를|이|가)? ?(?:찾을 수 없|확인할 수 없)",
        # "the address is not valid" ("메일 주소가 유효하지 않습니다", "유효하지 않은 수신자")
        # ... or wrong ("수신자 주소가 잘못되었습니다")
        r"(?:메일 ?주소|이메일 ?주소|수신자 ?주소|받는 ?사람 ?주소|수신자)"
        + _PARTICLE
        + r"(?:유효하지 않|잘못(?:되|된|됨))",
        r"유효하지 않은 ?(?:메일 ?주소|이메일 ?주소|수신자|받는 ?사람)",
        # Exchange Online: "<도메인>에서 <사용자>을(를) 찾을 수 없습니다."
        r"[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+에서 \S{1,64} ?찾을 수 없습니다",
    ),
    MAILBOX_FULL: (
        r"(?:메일함|편지함|사서함|받은 ?편지함)" + _PARTICLE + r"(?:용량" + _PARTICLE + r")?"
        r"(?:가득 ?(?:찼|참)|꽉 ?(?:찼|참)|초과|부족|한도)",
        r"(?:저장 ?)?(?:공간|용량)" + _PARTICLE + r"(?:부족|초과|가득)",
        r"용량 ?초과",
    ),
    SUSPEND: (
        # (with or without the particle: "일시적으로 사용이 중지된 계정", temporarily stopped)
        r"(?:일시 ?(?:적으로 ?)?|임시 ?)(?:정지|중지|차단|사용이? ?(?:중지|정지)|잠금|잠겨)",
        r"계정" + _PARTICLE + r"(?:일시 ?)?(?:잠겨|잠금|잠긴)",
        # "계정이 정지되었습니다" (the account is suspended, no word of it being for good)
        r"계정" + _PARTICLE + r"정지(?:되|된|됨)",
    ),
    ACCOUNT_DISABLED: (
        # (dormant: closed for non-use, which makes the address gone; "휴면 상태의 계정", an account
        # in the dormant state, as Naver words it)
        r"(?:사용 ?중지|사용 ?정지|휴면|탈퇴|해지|삭제|비활성화?|폐쇄|만료)(?:된|한| ?(?:된 ?)?상태(?:의|인))? ?"
        + _NOUN,
        _NOUN + _PARTICLE + r"(?:사용 ?중지|사용 ?정지|휴면|탈퇴|해지|삭제|비활성|폐쇄|만료)",
        # "use has been stopped" with its particle, "processed as dormant" ("사용이 중지된 계정",
        # "휴면 처리된 계정"), and "for long non-use" ("장기 미사용으로")
        r"사용이 ?(?:중지|정지)(?:된|되었)|(?:휴면|탈퇴|해지|삭제|비활성|폐쇄) ?처리(?:된|되었)|장기 ?미사용",
        # "no longer used" ("더 이상 사용하지 않는 메일 주소입니다"): closed, as English's "no longer in use"
        r"더 이상 사용(?:하지|되지) 않는 ?" + _NOUN,
        _NOUN + _PARTICLE + r"더 이상 사용(?:하지|되지) 않",
    ),
    # the recipient's own refusal settings ("수신자의 수신 거부 설정", "수신 차단 설정"): the recipient's
    # filter, soft, not the address gone
    FILTERED: (
        r"수신 ?(?:거부|차단) ?(?:설정|목록)",
        r"(?:수신자|받는 ?사람)(?:가|이|의 ?설정에 의해) ?(?:메일 ?)?(?:수신을 )?(?:거부|차단)",
    ),
    HOST_UNKNOWN: (
        r"(?:존재하지 않는|알 수 없는|없는) ?도메인",
        r"도메인" + _PARTICLE + r"(?:존재하지 않|찾을 수 없|없습니다)",
    ),
    # a message classified or suspected as spam ("스팸으로 분류되어", "스팸 의심"): soft
    SPAM_DETECTED: (
        r"스팸(?: ?메일)?(?:으로|로) ?(?:분류|판단|판정|인식|간주|의심|차단|처리)",
        r"스팸 ?의심",
    ),
    # the sender's volume over the receiver's limit ("발송량 초과로 수신이 제한되었습니다"): soft
    RATE_LIMITED: (r"(?:발송량|발신량|전송량|발송 ?한도|발신 ?한도) ?(?:이 |가 )?초과",),
    # the sending IP or server refused ("발신 IP가 차단되었습니다"), or block-listed
    BLOCKED: (
        r"(?:발신 ?ip|송신 ?ip|발신 ?서버 ?ip)(?: ?주소)?(?:가|는|이)? ?(?:차단|거부|블랙리스트)",
        r"블랙리스트에 (?:등록|포함)",
        # the sender or its address blocked ("발신자 주소가 차단되었습니다")
        r"(?:발신자|보낸 ?사람|발송자|송신자)(?:의)? ?(?:메일 ?주소|이메일 ?주소|주소|도메인|ip)?"
        + _PARTICLE
        + r"차단(?:되|된|됨)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
# the sender's own address or domain ("보낸 사람의 도메인", "발신자 주소"): a refusal of the sender
# (with its verb: a template's "보낸 사람 주소:" label next to the recipient's reason is not it)
_SENDERS = (
    r"(?:보낸 ?사람|발신자|송신자|발송자)(?:의)? ?(?:도메인|주소|메일 ?주소|이메일 ?주소|계정)"
    + _PARTICLE
    + r"(?:존재하지 않|찾을 수 없|없습니다|확인되지 않|유효하지 않|잘못(?:되|된|됨))"
)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_SENDERS,),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (
        r"(?:귀하|당신)의 계정",
        # use stopped for now ("일시적으로 사용이 중지된"): a pause, not an account gone
        r"(?:일시 ?(?:적으로 ?)?|임시 ?)사용이? ?(?:중지|정지)",
    ),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        _SENDERS,
        r"(?:잠시 후|나중에) 다시 시도",
        r"일시적인 (?:dns )?오류",
    ),
}
