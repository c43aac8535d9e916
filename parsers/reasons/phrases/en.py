"""English phrase families: what servers answering in English say, per reason (data only).

Each pattern is a regular expression searched in the lower-cased, accent-folded diagnostic (see
parsers.reasons.families); write it in lower case. Patterns avoid nested unbounded repetition, so
that a hostile diagnostic cannot make them backtrack for long: `.{0,N}` and `\\S{1,N}` bound gaps.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    AUTH_FAILURE,
    BAD_REPUTATION,
    BLOCKED,
    CONTENT_ERROR,
    EXCEED_LIMIT,
    EXPIRED,
    FILTERED,
    HAS_MOVED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    MAILER_ERROR,
    MESSAGE_TOO_BIG,
    NETWORK_ERROR,
    NO_RELAYING,
    NOT_ACCEPT,
    NOT_COMPLIANT_RFC,
    ON_HOLD,
    POLICY_VIOLATION,
    RATE_LIMITED,
    REJECTED,
    REQUIRE_PTR,
    SECURITY_ERROR,
    SPAM_DETECTED,
    SUSPEND,
    SYNTAX_ERROR,
    SYSTEM_ERROR,
    SYSTEM_FULL,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# The recipient's domain unknown, whose recipient after the noun ("the domain of the recipient does
# not exist"): the domain is gone (host_unknown), not the user whose "recipient does not exist" stands
# inside it; the verdict is named too, so a user unknown *in* that domain stays the user. ("The
# recipient's domain does not exist" is the domain phrase's own: "domain does not exist"; "The
# recipient's domain is unknown" is this one's.)
_RECIPIENTS_DOMAIN_GONE: Final = (
    r"domain of (?:the )?recipient (?:(?:does not|doesn'?t) exist|is unknown|(?:was |is |could )?not (?:be )?found)",
    # (spelt out: its own keyword, not the common "found")
    r"recipient'?s? domain is unknown",
)

# Blocked, locked or suspended for non-use: closed, gone, whatever addressing status it bears (VETO).
_CLOSED_FOR_NON_USE: Final = (
    r"(?:blocked|locked|suspended|frozen|disabled|deactivated|closed|deleted) (?:due to|because of|for)"
    r" (?:(?:long|extended|prolonged) )?(?:inactivity|non-?use)"
)

# A refusal by the receiver's policy restrictions (United Internet's wording).
_POLICY_RESTRICTIONS: Final = r"reject(?:ed)? due to policy restrictions"

# Many unknown addresses tried by the sender: the sending IP's refusal for its list's hygiene.
_TOO_MANY_UNKNOWN: Final = r"too many (?:unknown|invalid|bad|non-?existent|nonexisting|non-?existing) (?:users|recipients|addresses|rcpts?)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    MAILBOX_FULL: (
        r"account is (?:exceeding their quota|(?:temporarily )?over quota)",
        r"delivery failed: over quota",
        r"dis[ck] quota exceeded",
        r"does not have enough space",
        r"exceeded storage allocation",
        r"exceeding its mailbox quota",
        r"full mailbox",
        # SmarterMail-style reports (quoted by Vietnamese hosts' help pages): "Error Description:
        # Inbox is full. Additional information: The recipients inbox is full."
        r"inbox (?:is )?full",
        r"is over (?:disk )?quota",
        # a bare "Over quota": Zimbra's LMTP ("552 5.2.2 Over quota"), T-Online's "Over STORAGE quota",
        # quoted under a relay's generic 5.0.0 ("Depot returns error: <552 5.2.2 Over quota>")
        r"(?<![\w-])over (?:storage |disk )?quota",
        # GNU Mailutils' mda: "user: message would exceed maximum mailbox size for this recipient"
        r"would exceed (?:the )?maximum mailbox size",
        r"mail quota exceeded",
        r"mailbox (?:exceeded the local limit|full|has exceeded its disk space limit|is full"
        r"|over quota|quota usage exceeded|size limit exceeded|would exceed)",
        r"maildir over quota",
        r"mailfolder is full",
        r"mail ?box space (?:is )?not enough",  # (Jetmail and other Chinese ISPs' English)
        r"not enough storage space",
        # web.de's English half: "User has exhausted allowed storage space."
        r"exhausted (?:the |its |their )?(?:allowed )?storage",
        r"over the allowed quota",
        r"quota (?:exceeded|violation)",
        r"recipient reached disk quota",
        r"space has (?:been )?used up",
        r"exceeded (?:its |the )?dropfile size quota",
        # "The message to a@b is bounced because : Quota exceed the hard limit", HERMES's
        # "551 bounce as<the destination mailbox <a@b> is full>"
        r"quota exceed(?:ed)? the (?:hard )?limit",
        r"mailbox <[^>\s]{1,300}> is full",
        # "Sorry the recipient quota limit is exceeded.", "The user to whom this message was
        # addressed has exceeded the allowed mailbox quota."
        r"quota limit (?:is |has been )?exceeded",
        r"exceeded the (?:allowed )?mailbox quota",
        r"user'?s? (?:is over (?:the )?quota|over quota|has exceeded)",
        r"the user you are trying to reach is over quota",
        r"too much mail data",
        r"user has too many messages",
        r"account disabled temporarly for exceeding receiving limits",
        r"diskspace quota",
        r"mail file size exceeds the maximum size allowed for mail delivery",
        r"maildir delivery failed: (?:user|domain)disk quota",
    ),
    MESSAGE_TOO_BIG: (
        r"exceeded maximum inbound message size",
        r"line limit exceeded",
        r"max(?:imum)? message size exceeded",
        r"message (?:file )?too big",
        r"message too large for this ",
        r"message size exceeds (?:fixed )?(?:maximum|limit)",
        r"message size \S+ exceeds",
        r"size (?:of message |limit )?exceeds?",
        r"message length exceeds",
        r"email (?:size|message) (?:is )?too large",
        r"size limit",
    ),
    EXCEED_LIMIT: (
        r"message too large for this recipient",
        r"exceeds? (?:the )?(?:per-)?(?:mailbox|recipient) (?:message )?(?:size )?limit",
        r"message too large",
        r"message header size exceeds limit",
    ),
    SUSPEND: (
        r"account (?:has been |is )?(?:suspended|frozen|locked)",
        r"(?:suspended|locked|frozen) (?:mail)?(?:box|account)",
        r"mailbox (?:is )?(?:suspended|locked|frozen)",
        r"mailbox currently suspended",
        r" temporary locked",
        r"recipient rejected: temporarily inactive",
        r"recipient suspend the service",
        r"has been suspended",
        r"is (?:currently )?suspended",
        r"(?<!delivery )temporarily (?:disabled|suspended|deactivated|inactive|locked|blocked)",
        r"recipient (?:address )?(?:is )?suspended",
        r"user suspended",
        r"user status is locked",
        # Korean ISPs' English ("550 5.1.1 Suspended user"): a suspension, not a closure
        r"suspended (?:user|recipient)",
        r"vdelivermail: account is locked",
    ),
    # The address is gone for good: an account disabled, discontinued, closed, deleted or expired
    # for non-use (hard). A temporary suspension (SUSPEND, searched first) is not.
    ACCOUNT_DISABLED: (
        r"account (?:has been |has |is |was )?(?:permanently )?(?:disabled|deactivated|inactive|closed|terminated"
        r"|discontinued|deleted|removed|expired|cancell?ed|no longer (?:active|available|valid|in use))",
        r"(?:disabled|inactive|deactivated|closed|expired|terminated|deleted) (?:mail)?(?:box|account|user|recipient)",
        # the account named by its address, as a postmaster writes it: "The account for a@b was
        # closed at the end of the semester"
        r"account (?:for|of) \S{1,200} (?:has been|is|was) (?:permanently )?(?:disabled|deactivated|closed"
        r"|terminated|discontinued|deleted|removed|cancell?ed)",
        r"mailbox (?:is |has been )?(?:disabled|deactivated|closed|inactive|expired|deleted|removed)",
        r"invalid/inactive user",
        # dormant: closed after a year or more without a login (Korean portals' "DORMANT ACCOUNT")
        r"dormant (?:account|mailbox|user)",
        r"is unavailable: user is terminated",
        r"archived recipient",
        r"this address no longer accepts mail",
        # WP and o2.pl: '550 "a@o2.pl": Podane konto jest zablokowane administracyjnie lub
        # nieaktywne / This account is disabled or not yet active (#5.1.1)'
        r"this account is disabled or not yet active",
        r"user or domain is disabled",
        r"is a deactivated mailbox",
        # (a list's subscription or membership disabled is the list manager's own step after the
        # member's bounces: "a@b's subscription has been disabled on L due to their bounce score")
        r"(?<!subscription )(?<!membership )has been (?:disabled|deactivated|closed|terminated|discontinued)",
        r"is (?:currently )?(?:disabled|deactivated)",
        r"recipient (?:address )?(?:is )?(?:inactive|disabled|deactivated)",
        r"email account that you tried to reach is (?:disabled|inactive)",
        r"this account has been disabled or discontinued",
        # blocked, locked or suspended for non-use ("mailbox has been blocked due to inactivity"):
        # closed for non-use, gone (the languages' families say the same; SUSPEND's exception)
        _CLOSED_FOR_NON_USE,
        # (also with the address written after the word: "The address a@b is no longer valid")
        r"(?:address|user|recipient|mailbox|inbox) (?:<?[^\s@]{1,64}@\S{1,200} )?(?:is )?no longer (?:active|valid|in use)",
        # Coremail and its peers: "550 user disabled", GMX: "550 5.2.1 <a@b> User is inactive" (a
        # sending account's AUTH refusal names the sender's: UNLESS)
        r"(?<![\w-])user (?:is |has been )?(?:disabled|inactive)",
        # CommuniGate Pro's local delivery module: "LOCAL module(account a) reports: mail receiving
        # disabled" (the account is kept but takes no mail)
        r"mail receiving (?:is )?disabled",
        # closed for non-use in the old free-mail services' words (issue 12: gone, hard): "Due to
        # extended inactivity new mail is not currently being accepted for this mailbox", "User
        # hasn't entered during last 90 days", Hotmail's "recipient never logged onto their free
        # account", "Mailaddress is administratively disabled"
        r"due to extended inactivity new mail is not currently being accepted",
        r"user hasn'?t (?:entered|logged ?in|logged on) (?:during|for|in|within) (?:the )?last",
        r"never logged (?:on|in)(?: ?to)?",
        r"is administrativ(?:e|el)?ly disabled",
        # Chinese ISPs' MTAs: "550 <a> is now disabled with MTA service"; an account never
        # activated takes no mail ("550 <a@b>... User account not activated")
        r"disabled with (?:the )?(?:mta|smtp|e-?mail|mail) service",
        r"(?:user |mail ?box |e-?mail )?account (?:is )?not activated",
    ),
    HAS_MOVED: (
        r" has been replaced by ",
        r"address (?:has )?moved",
        r"no longer (?:on server|at this)",
        # a postmaster's own words for a person who left: "Jim Thompson is no longer with the
        # company", "no longer employed by the firm", "has left the organization" (the mailbox goes
        # with the person: hard)
        r"no longer (?:employed|works? (?:for|at|with|here)|working (?:for|at|with|here))\b",
        r"no longer with (?:the |this |our )?(?:company|firm|organi[sz]ation|university|college|school|agency"
        r"|institute)",
        r"(?:has|have) left (?:the |this |our )?(?:company|firm|organi[sz]ation|university|college|school"
        r"|agency|institute)",
    ),
    NO_RELAYING: (
        r"relay(?:ing)? (?:access )?(?:denied|not (?:allowed|permitted))",
        r"(?:not|isn'?t) allowed to relay",
        r"we do not relay",
        r"unable to relay",
        r"relay not permitted",
        r"not permitted to relay",
        r"no relaying allowed",
        r"that domain isn'?t in my list of allowed rcpthosts",
        r"relaying (?:mail )?(?:to \S+ )?(?:is )?(?:not allowed|prohibited|denied)",
        r"sorry, that domain isn't in my list",
        r"not local host \S{1,255},? not a gateway",
    ),
    USER_UNKNOWN: (
        r"user unknown",
        # (legacy MTAs: "unknown local user", "unknown virtual user")
        r"unknown (?:(?:local |virtual )?(?:e-?mail address|mailbox|recipient|user|address)|local[- ]part)",
        r"#5\.1\.1 bad address",
        r"<[^>\s]{1,300}> not found",
        # 1&1 (kundenserver.de): "550 Cannot route to <a@b>" for an address it has no mailbox for
        # (Sendmail relays it as "550 5.1.1 ... User unknown"); a host it cannot route to names no address
        r"cannot route to <[^>\s@]{1,64}@",
        r"address (?:does not exist|unknown)",
        # (and "adress", as many servers of non-English hosts spell it: Strato's "550 recipient
        # e-mail adress unknown"; its own pattern, keyed on its own word)
        r"adress (?:does not exist|unknown)",
        r"bad[-_ \t]recipient",
        r"can'?t accept user",
        r"destination addresses were unknown",
        r"destination server rejected recipients",
        r"e-?mail (?:address|account) (?:does not exist|could not be found|that you tried to reach does not exist)",
        # (whose account: the recipient's, as the other languages' "la cuenta no existe")
        r"(?:recipient'?s?|user'?s?|this|the) account (?:does not|doesn'?t) exist",
        # Coremail's and Chinese ISPs' English: "550 recipient does not have an account" (named
        # by its noun: the sender's own account never reads as the recipient's)
        r"(?:recipient|user|addressee) (?:does not|doesn'?t) have an? (?:\S{1,64} )?account",
        r"invalid (?:address|mailbox|recipient|user)",
        r"is not (?:a known user|a valid mailbox|an active address)",
        r"mailbox (?:does not exist|invalid|is (?:inactive|unavailable)|not (?:present|found)|unavailable|unknown)",
        r"mailbox \S{1,300} does not exist",
        r"no (?:account by that name|mail ?box (?:available|by that name|found|here)"
        r"|such (?:local |virtual )?(?:address|mailbox|person|recipient|user))",
        # legacy relays' and list hosts' words for an address they do not have: "There is no user
        # by that name", "no users here by that name", Comcast's "551 not our customer", qmail's
        # "server doesn't handle mail for that user", Exchange's "The recipient cannot be verified",
        # "not a recognised email account", "Unable to find alias user", "Unknown destination
        # address", "The mailbox is not available on this system", RFC 3463's X.1.1 text "bad
        # destination mailbox address" (a syntax error in it is the syntax family's, below)
        r"no (?:users?|one)(?: here)? by that name",
        r"not our customer",
        r"(?:doesn'?t|does not) handle mail for that user",
        r"recipient cannot be verified",
        r"not a recogni[sz]ed (?:e-?mail )?(?:account|address|user)",
        r"unable to find (?:alias )?user",
        r"unknown destination (?:e-?mail )?address",
        r"(?:mailbox|user|recipient) is not available on this (?:system|server)",
        r"bad destination (?:e-?mail |mailbox )?address(?! syntax)",
        # "550 Command RCPT User <a@b> not OK", "550 User not a member of domain: <a@b>",
        # "550-I'm sorry but a@b does not have an account here", "553 5.3.0 <a@b>... Recipient
        # address no longer exists", "550 Mailbox ( a@b ) not found or inactivated"
        r"user <[^>\s]{1,300}> not ok",
        r"not a member of (?:this |the )?domain",
        r"(?:does not|doesn'?t) have an? (?:e-?mail )?account (?:here|on this (?:server|system))",
        r"(?:address|user|recipient|mailbox) no longer exists?",
        r"mailbox \( ?[^)\s]{1,300} ?\) not found",
        r"no valid recipients, bye",
        r"non-?existent (?:user|recipient|address)",
        r"not a (?:valid user|local address)",
        # (the address in brackets or left out: "554 Rcpt does not exist")
        r"rcpt (?:<[^>]{1,300}> )?does not exist",
        r"recipient (?:\S{1,300} was not found|address rejected: (?:access denied|invalid user|unknown user|user unknown)"
        r"|does not exist|is not local|not (?:exist|found|ok)|unknown)",
        r"requested action not taken: mailbox unavailable",
        r"resolver\.adr\.recip(?:ient)?notfound",
        r"sorry, (?:user unknown|badrcptto|no mailbox here)",
        r"the email account that you tried to reach does not exist",
        r"e-?mail name is not found",
        r"the recipient name is not recognized",  # (Exchange 5.5 and its X.400 gateways)
        # MMDF's local channel: "(Username not recognized)" under "could not be delivered to"
        r"user ?name (?:is )?not recogni[sz]ed",
        # Sendmail's answer to DATA once every RCPT TO was refused ("503 All recipients are
        # invalid"): no recipient of the message exists there (derive.RCPT_STAGE_OUTCOMES: the
        # answer to DATA that still reports the RCPT stage)
        r"all recipients are invalid",
        # X.400 gateways, NTMail, Banyan VINES, Scalix: "Recipient name is unknown", "The recipient
        # was unknown on this system", "Recipient is not known", "Recipient not known at this site";
        # BITNET's network mailers name the user: "User ABC123 is not known on node VM"
        r"recipient(?: name)? (?:(?:was|is) )?(?:unknown|not known)|user \S{1,300} (?:is|was) not known",
        # (the X.400 reason as printed without a verb: "Recipient name unknown (unrecognized recipient)";
        # MS Mail's SMTP gateway: "Recipient name not found in the Postoffice Address List";
        # StarNine's Mail*Link: "the recipient name could not be found")
        r"recipient name (?:unknown|not known|not found|could not be found)|unrecogni[sz]ed recipient",
        # the online services' own directories: "*** No such MCI Mail user", "No such CompuServe user"
        r"no such (?:\S{1,30} ){1,2}mail user|no such compuserve user",
        # X.400 diagnostic 0 as Exchange's MTA prints it: "diagnostic: 0 (unrecognized O/R name)"
        r"unrecogni[sz]ed o/r name|o/r name (?:unknown|not (?:found|recogni[sz]ed))",
        # the same diagnostic under its X.411 name, as X.400 gateways and PMDF print it:
        # "Diagnostic: unrecognised-ORName", "Unrecognized originator/recipient name"
        r"unrecogni[sz]ed-orname|unrecogni[sz]ed originator/recipient name",
        # Mercury/32 and ZMailer: "Unknown or illegal user name", "unknown or illegal alias: a@b"
        r"unknown or illegal (?:user|alias|address|recipient|mailbox)",
        # IBM VM mailers (RSCS/PROFS gateways of campus lists): "Not in CMS directory ----> A@B"
        r"not in (?:the )?cms directory",
        # Novell GroupWise's Internet agent: "mbathal (User not on post office)"
        r"user not on (?:the )?post office",
        r"unknown quickmail recipient",  # (QuickMail's "Unknown QuickMail recipient(s):")
        r"receiver not found",  # (CompuServe)
        r"not listed in (?:the )?(?:public name (?:&|and) address book|domino directory)",  # (Notes/Domino)
        r"there is no one at this address",
        r"this (?:address no longer accepts mail|email address is wrong or no longer valid)",
        r"this user doesn'?t have an? \S{1,200} account",
        # (GroupWise's Internet agent: "Reason: User a@b not found")
        r"user (?:\S{1,300} (?:(?:was )?not found|does not exist|unknown)|does ?n[o']t exist|missing home directory"
        r"|not (?:active|found|known)|unknown)",
        r"invalid or unknown (?:virtual )?user",
        r"your envelope recipient is in my badrcptto list",
        r"550 address invalid",
        r"5\.1\.0 address rejected",
        r"address not present in directory",
        r"mailbox unavaiable",
        r"no thank you rejected: account unavailable",
        r"not a valid (?:recipient|user|mailbox)",
        r"not email addresses",
        r"recipient address rejected(?:\. \(in reply to rcpt to command\)|: (?:invalid-recipient|userunknown"
        r"|user \S{1,300}\s{1,3}does not exist|user unknown in \S{0,100} ?table))",
        r"recipient (?:is not accepted|refuses to accept your mail)",
        r"resolver\.adr\.recipient notfound",
        r"sorry, your envelope recipient has been denied",
        r"that domain or user isn'?t in my list of allowed rcpthosts",
        r"the following recipients was undeliverable",
        r"this recipient is (?:in my badrecipientto|not in my validrcptto) list",
        r"this spectator does not exist",
        r"user not exist",
        r"<[^>\s]{1,300}>\.\.\. blocked by ",
        r"account \S{1,300} does not exist at the organization",
        r"mailbox \S{1,300} unavailable or access denied",
        r"\bno \S{1,300} in name directory",
        r"rcpt \([^)]{1,300}\) \S{0,10}t exist",
        r"user \(\S{1,300}\) unknown",
        r"@[a-z0-9.-]{1,255}>?,? (?:does not exist|doesn'?t exist)",
        r"invalid (?:final )?(?:delivery )?user(?:id)?",
        r"user hasn'?t got the service mapped",  # (Seznam)
        # CSO/ph directories in front of a campus's mail ("Returned mail - nameserver error report"):
        # the name matched nobody in the directory, or nobody with a mailbox
        r"no matches to nameserver query",
        r"does not have a final e-?mail delivery point",
        r"did not (?:exactly )?match an? \S{1,60} e-?mail address",
        # Coremail (the mail system of NetEase 163/126, Sina and many Chinese ISPs and companies)
        # and its peers answer in their own English: "unavailable mail user", "User [a@b] not found",
        # "User a@b is not found in Server", "local server don't exists that user", and Google's
        # sentence with its verb misspelt ("does no exists")
        r"unavailable mail user",
        r"user \[[^\]\s]{1,300}\] (?:is |was )?not found|user \S{1,300} is not found in (?:the )?server",
        r"don'?t exists? that user",
        # ("550 not user of this server": the address is none of the server's users)
        r"not (?:an? )?user of this (?:server|system|domain)",
        r"that you tried to reach does not? exists",
        # Tencent QQ's answer to RCPT TO for an address it has no mailbox for (a random local
        # part gets it): RFC 5321's "mailbox unavailable", hedged (not a suspension)
        r"mailbox unavailable or access denied",
        # SoftBank (Japan): "553 5.3.0 <a@b>... Addressee unknown"; Daum (Korea): "<a@b> account does not exist"
        r"addressee unknown|unknown addressee",
        r"@[a-z0-9.-]{1,255}> account (?:does not|doesn'?t) exist",
        # Exchange Online: "<user> wasn't found at <domain>." (the report's own sentence)
        r"(?:wasn'?t|was not) found at [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
        # An address the server calls syntactically invalid (RFC 3463's 5.1.3, "bad destination
        # mailbox address syntax"; RFC 5321's 501/553 to RCPT TO): no mail can reach it as written.
        # "Sender" forms are not matched; a refusal at MAIL FROM never reaches this family.
        r"bad (?:recipient |destination )?(?:mailbox )?address syntax",
        r"(?:invalid|illegal|malformed) (?:recipient |destination )?(?:e-?mail )?address syntax",
        r"(?:recipient|destination|mailbox) address syntax (?:error|incorrect|invalid)",
        r"malformed (?:recipient |destination |e-?mail )?address",
        r"syntax error in (?:the )?(?:recipient|destination|mailbox) address",
        r"(?:recipient|destination) address (?:<[^>\s]{1,300}> )?is not a valid (?:rfc[- ]?(?:5321|2821|822) |e-?mail )address",
        # a mobile carrier's e-mail-to-SMS gateway: the number the address names is no
        # subscriber's ("This number is not a valid mobile number", "The mobile number is no
        # longer in service", "this number cannot receive email"): no mail reaches it
        r"not a valid (?:mobile|wireless|cell(?:ular)?|phone|subscriber) (?:phone )?number",
        r"(?:mobile|wireless|cell(?:ular)?|phone|subscriber) number (?:is )?(?:no longer|not) in service",
        r"(?:this|the) (?:mobile |phone |cell(?:ular)? )?number (?:cannot|can'?t|is unable to) receive e-?mail",
    ),
    FILTERED: (
        r"account is protected by",
        r"has restricted sms e-?mail",
        # (and as the carriers' gateways word it: "The subscriber has blocked messages sent from
        # email", the recipient's own choice)
        r"(?:subscriber|recipient|customer) has blocked (?:text )?messages (?:sent )?from e-?mail",
        r"is not accepting any mail",
        r"message filtered",
        r"message rejected due to user rules",
        r"not found recipient account",
        r"recipient id refuse to receive mail",
        r"recipient is only accepting mail from specific email addresses",
        r"refused due to recipient preferences",
        r"user refuse[ds]? to receive this mail",
        r"user reject",
        r"you have been blocked by the recipient",
        # the recipient's own block list (Interia: "550 5.7.1 Recipient doesn't want your mail")
        r"(?:recipient|user|addressee) (?:doesn'?t|does not) want (?:your|this) (?:e-?)?(?:mail|message)",
        r"rejected by (?:the )?recipient'?s? (?:filter|rules|settings?)",
        r"bounced address",
        r"resolver\.rst\.notauthorized",
        # a Sieve reject (RFC 5429) or the delivery agent's refusal, as Dovecot words its MDN ("Your
        # message to <a@b> was automatically rejected: ..."): the recipient's own rule, unless its text
        # names a reason searched before (a full mailbox: "Quota exceeded") or spam or a virus (the
        # content's verdict, which the rule only carries out)
        r"your message to <[^>\s]{1,300}> was automatically rejected(?!.{0,300}(?:spam|virus))",
    ),
    REJECTED: (
        r"access denied \(in reply to mail from command\)",
        r"administrative prohibition",
        r"all recipient addresses rejected : access denied",
        r"badsendermx",
        r"backscatter protection detected an invalid or expired email address",
        r"by non-member to a members-only list",
        r"connections not accepted from servers without a valid sender domain",
        r"domain of sender address ",
        r"email address is on senderfilterconfig list",
        r"empty (?:email address|envelope senders? not allowed)",
        r"fully qualified email address required",
        r"has an outgoing mail suspension",
        r"invalid sender",
        r"is not a registered gateway user",
        r"mail from not owned by user",
        r"mailfrom domain is listed in spamhaus",
        r"not member article from ",
        r"null sender is not allowed",
        r"returned mail not accepted here",
        # Interia: "550 5.7.1 Recipient doesn't want your mail" (the recipient has blocked the sender)
        r"recipient doesn'?t want your mail",
        r"sender (?:is spammer|not pre-approved|domain is empty|domain listed at |verify failed"
        r"|address rejected|rejected|\S{1,200} rejected|is \S{1,100} ?list)",
        r"sendernoa",
        r"server does not accept mail from",
        r"too many spam complaints",
        r"unroutable sender address",
        r"you are not allowed to post to this mailing list",
        r"your email address has been blacklisted",
        r"domain \S{1,200} is a dead domain",
        r"reject mail from \S{0,200}@",
        r"sender address (?:unknown|invalid|not accepted|has been blacklisted)",
        r"access denied \(sender blacklisted\)",
        r"(?<!recipient )(?<!destination )(?<!sender ip )(?<!5\.1\.0 )address rejected",
        r"batv (?:failed to verify|validation failure|defense)|\(batv: no tag",
        r"because the sender isn'?t on the recipient'?s list of senders",
        r"bogus mail from",
        r"can'?t determine purported responsible address",
        r"denied \[bouncedeny\]",
        r"denied by secumail valid-address-filter",
        r"delivery not authorized, message refused",
        r"does not exist e2110",
        r"envelope blocked [-–] ",
        r"error: no third-party dsns",
        r"from: domain is invalid",
        r"invalid domain, see <url:",
        r"message rejected: email address is not verified",
        r"mx records for ",
        r"recipient addresses rejected : access denied",
        r"rfc 1035 violation: recursive cname records",
        r"rule imposed mailbox access for",
        r"sending this from a different address or alias using the ",
        r"sender email address rejected",
        r"sender is in my black list",
        # (the recipient's own list: qmail chkuser's "550 5.1.1 <sender> sender is blacklisted")
        r"sender (?:is |has been )?blacklisted",
        r"transaction failed unsigned dsn for",
        r"you are sending to/from an address that has been blacklisted",
        r"your access to submit messages to this e-mail system has been rejected",
    ),
    HOST_UNKNOWN: (
        r"domain (?:does not exist|is not reachable|must exist|not found)",
        # the domain named between noun and verb ("domain example.org does not exist")
        r"domain \S{1,255} (?:does not exist|not found)",
        # MailEnable: "the domain name (x.example) does not appear to be registered"
        r"domain(?: name)?(?: \(\S{1,255}\)| \S{1,255})? does not appear to be registered",
        r"host (?:or domain name not found|unknown|not found)",
        # Post.Office (and the ISPs that ran it): "Host example.org not found", under "the
        # destination computer was not found" (a lookup to retry says so: UNLESS)
        r"host \S{1,255} not found",
        # MDaemon's own verdict on an NXDOMAIN answer: "Name server reports domain name unknown"
        r"name server reports domain name unknown",
        # CommuniGate Pro's verdict on an NXDOMAIN answer: "the domain name is not found" (a lookup
        # that failed for now says "DNS server is not responding")
        r"the domain name is not found",
        # PMDF and Sun/iPlanet Messaging Server: "Reason: Illegal host/domain name found"
        r"illegal host/domain name",
        # Lotus Notes/Domino's router: "No route found to domain x from server MAIL01/CORP" (no
        # domain of that name in its directory or on the Internet)
        r"no route found to domain",
        r"destination computer was not found",
        # Exchange 2000/2003's SMTP service on a failed lookup of the recipient's domain (its 5.4.0
        # "DNS lookup failure"): "Host x could not be found in DNS", in the NDR's prose "the
        # recipient's destination email system is unknown or invalid", 2003's "The destination
        # server for this recipient could not be found in Domain Name Service (DNS)" (UNLESS: for now)
        r"could not be found in (?:dns|domain name service)",
        r"destination e-?mail system is unknown",
        r"mail domain mentioned in email address is unknown",
        r"domain not used for mail",  # (a domain whose owner says it takes no mail: as a null MX)
        r"name or service not known",
        r"no such domain",
        r"recipient (?:address rejected: unknown domain name|domain must exist)",
        r"the account or domain may not exist",
        r"couldn'?t find any host (?:named|by that name)",
        r"unknown host",
        r"unrouteable address|unroutable address",
        # Exim's dnslookup router on an NXDOMAIN (a lookup that failed for now is deferred instead)
        r"unrouteable mail domain",
        # MTAs written in Go (their resolver's NXDOMAIN, "lookup x on y: no such host"; a failed
        # lookup says "server misbehaving") and the 1990s' MTAs ("No such host", "Host name is
        # unknown", "host does not exist")
        r"no such host\b|host ?name (?:is )?unknown|host does not exist",
        # (SmarterMail: "No MX records were found for the 'example.biz' domain.")
        r"no (?:mx|mail exchanger|mx or a) (?:records? )?(?:(?:were |was )?found|for)",
        # hMailServer: no MX and no A record for the recipient's domain
        r"no mail servers appear to exists? for the recipients?'? address",
        r"dns (?:error|lookup failed).{0,60}(?:does not exist|not found)",
        # the resolver's own answer that the name does not exist (RFC 1035's NXDOMAIN), however the
        # report words the lookup (Google's "DNS type 'mx' lookup of x responded with code NXDOMAIN
        # / Domain name not found: x"); a lookup that failed for now says SERVFAIL, timed out or
        # "try again" (UNLESS)
        # (plain strings, each looked for with `in`: an expression opening on \b is tried at every
        # position of every text that holds the family's keywords)
        r"nxdomain",
        r"domain name not found",
        # a null MX (RFC 7505): the domain says it takes no mail at all
        r"null ?mx",
        r"(?:mx|srv) record indicated no smtp service",
        r"domain (?:publishes|has) a null mx",
        *_RECIPIENTS_DOMAIN_GONE,
    ),
    SPAM_DETECTED: (
        r"the mail server detected your message as spam",
        r"appears to be unsolicited",
        r"blacklisted url in message",
        r"block(?:ed)? for spam",
        r"blocked by spamassassin",
        # (Strato's rzone.de words it "Refused by local policy. No SPAM please!")
        r"(?:blocked|refused) by (?:local )?policy[.:] no spam please",
        r"bulk e-?mail",
        r"content filter rejection",
        r"denied due to spam list",
        r"mail (?:appears to be unsolicited|content denied)",
        r"may consider spam",
        r"message (?:content rejected|looks like spam|refused by mailmarshal spamprofiler"
        r"|rejected (?:as spam|because of unacceptable content|due to suspected spam content))",
        r"our (?:email server thinks this email is spam|system has detected that this message is)",
        r"probable spam",
        r"(?:content|it) looks like spam",
        r"reject bulk\.advertising",
        r"rejected(?:: spamassassin score | due to spam content| by \S{1,100} \(spam\))",
        r"rejecting banned content",
        r"related to content with spam-like characteristics",
        r"sending address not accepted due to spam filter",
        r"spam (?:blocked|check|content matched|detected|e-?mail|message rejected|not accepted"
        r"|refused|rejection|reporting address|score)",
        r"spambouncer identified spam",
        r"spamming not allowed",
        r"too much spam",
        r"the message (?:has been rejected by spam filtering engine|was rejected due to classification as bulk mail)",
        r"the content of this message looked like spam",
        r"this (?:e-?)?mail (?:cannot be forwarded because it was detected as spam|is classified as spam)",
        r"this message (?:appears to be spam|has been (?:identified|scored) as spam|was classified as spam"
        r"|scored \S{1,30} spam points|was rejected by recurrent pattern detection system)",
        r"transaction failed spam message not queued",
        r"we dont accept spam",
        r"you're using a mass mailer",
        r"your (?:e-?mail|message) (?:appears similar to spam|breaches local uribl policy|had spam-like"
        r"|is (?:considered|probably) spam|was detected as spam|as spam and has prevented delivery"
        r"|has been (?:temporarily blocked by our filter|rejected because it appears to be spam)"
        r"|has triggered a spam block|may contain the spam contents|failed several antispam checks)",
        r"high probability of (?:being )?spam",
        r"classified as spam",
        # Yandex: "554 5.7.1 [2] Message rejected under suspicion of SPAM"
        r"suspicion of spam",
        r"\buce\b|\bube\b",
        r"reject,.{0,200} - spam\.",
        r"(?:\d\.\d\.\d|\d{3}) spam$",
        r"554 5\.7\.0 reject, id=\d",
        r"blocked for abuse\. see http://att\.net/blocks",
        r"mail rejete\. mail rejected\. ",
        r"message considered as spam or virus",
        r"message refused by trustwave seg spamprofiler",
        r"our filters rate at and above \d+ percent probability of being spam",
        r"rejected due to spam (?:url in )?(?:classification|content)",
        r"rejecting mail content",
        # ISPs' spam policy named as the cause: SFR's "550 5.7.1 Email <id> rejected per SPAM
        # policy", "541 5.7.1 Mail rejected due to antispam policy" (and its 451 "deferred"), Daum's
        # "554 5.7.1 DAS51 <ip>: Your mail is blocked automatically by anti-spam system. (E06)"
        r"rejected per spam policy",
        r"(?:rejected|deferred) due to anti-?spam policy",
        r"blocked automatically by anti-?spam system",
        r"rule imposed as \S{1,200} is blacklisted on",
        r"spam \S{1,100} exceeded",
    ),
    TOO_MANY_CONNECTIONS: (
        r"too many (?:connections|concurrent|simultaneous|smtp sessions|recipients)",
        r"connection (?:rate|limit) (?:exceeded|reached)",
        r"exceeds? (?:the )?(?:connection|recipient) limit",
        r"no more connections",
        r"server busy",
        r"all available ips are at maximum connection limit",
        r"exceeds per-domain connection limit",
        # (cPanel's Exim limits on the sending domain: "Domain a has exceeded the max emails per hour
        # (200/200 (100%)) allowed", "... the max defers and failures per hour (5/5 (100%))")
        r"has exceeded the max (?:emails|defers and failures) per hour",
        r"throttling failure: (?:daily message quota|maximum sending rate) exceeded",
        r"too many errors from your ip",
        r"we have already made numerous attempts to deliver this message",
    ),
    RATE_LIMITED: (
        # (also written as one word, as Mail.ru's "Ratelimit exceeded for mailbox")
        r"rate ?limit(?:ed|ing)?",
        r"receiving mail at a rate that prevents additional messages",
        r"(?:sending|receiving) (?:too many|rate)",
        r"too many (?:messages|emails|mails)",
        r"throttl",
        r"unusual rate of unsolicited mail",
        r"exceeded (?:the )?(?:sending|message|hourly|daily) (?:rate|limit|quota)",
        r"please try again slower",
    ),
    BLOCKED: (
        r"access from ip address \S{1,60} blocked",
        r"bad sender ip address",
        r"black ?listed by",
        r"(?:blocked|refused) - see https?://",
        r"can'?t determine purported responsible address",
        r"cannot resolve your address",
        r"client host (?:\S{1,200} blocked using|rejected)",
        r"confirm this mail server",
        r"connection (?:dropped|refused by|reset by peer|was dropped by remote host)",
        r"connections (?:not accepted from ip addresses on spamhaus|will not be accepted from)",
        r"currently sending spam",
        r"dnsbl|\brbl\b|spamhaus|spamcop|barracudacentral|sorbs\.net|abuseat\.org",
        r"dynamic/zombied/spam ips blocked",
        # a dial-up or dynamically assigned sending address refused (T-Online: "554 IP=... -
        # Dialup/transient IP not allowed. Use a mailgateway ... (DIAL)")
        # (keyed on "not allowed" and "refused", not "blocked": the index takes the rarer words)
        r"dial-?up(?:/transient)? ip(?:s| address(?:es)?)? (?:is |are )?(?:not allowed|refused)",
        # (its other refusals of the sending host, "554 IP=<ip> - A problem occurred. (Ask your
        # postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)", name only the
        # desk that lifts them)
        r"tosa@rx\.t-online\.de",
        r"e-?mail blocked by",
        r"go away",
        r"refused to talk to me",
        r"hosts with dynamic ip",
        r"invalid ip for sending mail of domain",
        r"ip \d{1,3}(?:\.\d{1,3}){3} is blocked",
        r"is in a black ?list",
        r"is not allowed to send (?:mail )?from",
        r"listed (?:in|on|at) (?:the )?\S{0,60}(?:black ?list|block ?list|rbl|dnsbl)",
        r"mail server at \S{1,200} is blocked",
        r"message from \S{1,200} rejected based on blacklist",
        r"messages from \S{1,200} temporarily deferred due to user complaints",
        r"no access from mail server",
        r"not currently accepting mail from your ip",
        r"part of their network is on our block list",
        r"please use the smtp server of your isp",
        r"rejecting open proxy",
        r"sender ip (?:address rejected|reverse lookup rejected)",
        r"server access \S{0,200}forbidden",
        r"server ip \S{1,60} listed as abusive",
        r"smtp error from remote mail server after initial connection",
        r"sorry, your remotehost looks suspiciously like spammer",
        r"the (?:email|domain|ip)\S{0,200} is blacklisted",
        r"too many spams from your ip",
        r"unresolvable relay host name",
        r"your (?:network is temporary blacklisted|sender's ip address is listed|server requires confirmation)",
        r"was blocked by ",
        r"we do not accept mail from (?:dynamic ips|hosts with dynamic ip)",
        r"you are not allowed to connect",
        r"your ip (?:address )?(?:has been |is )?(?:blocked|blacklisted|listed|banned)",
        # (KPN: "Your IP: 192.0.2.80 is blacklisted", the address after a colon)
        # (GMX, mail.com: "554-No SMTP service 554-IP address is black listed.", in two words)
        r"\bip(?: address)?:? (?:\S{1,60} )?(?:is |has been )?(?:blocked|black ?listed|banned)",
        # Korean portals (Naver, Hanafos): "421 4.3.2 Your IP(<ip>) is filtered and this connection
        # will be closed. You must register your IP to ..."
        r"your ip ?\(\S{1,60}\) is filtered",
        r"connection refused",
        r"access denied for ip",
        r" said: 550 blocked",
        r"service not available, closing transmission channel",
        r"to submit messages to this e-mail system has been rejected",
        r"banned sending ip",
        r"blocked using ",
        r"(?:blocked|refused) - see http",
        r"esmtp not accepting connections",
        r"extreme bad ip profile",
        r"helo command rejected:",
        r"host network not allowed",
        r"rejected - multi-blacklist",
        r"rejected because the sending mta or the sender has not passed validation",
        r"temporarily deferred due to unexpected volume or user complaints",
        r"too many unwanted messages have been sent from the following ip address",
        r"you are sending spam",
        r"\(\S{0,300}@\S{0,300}:blocked\)",
        r"mail from \d{1,3}(?:\.\d{1,3}){3} refused:",
        r"the (?:domain|email|ip) \S{1,200} is blacklisted",
        r"service refused, please try later\. ",
        r"poor reputation|bad reputation|reputation (?:of|is)",
        _TOO_MANY_UNKNOWN,
    ),
    REQUIRE_PTR: (
        r"all mail servers must have a ptr record",
        r"ip name lookup failed",
        r"cannot find your hostname",
        r"client host rejected: cannot find your (?:reverse )?hostname",
        r"fix reverse dns for",
        r"ips with missing ptr records",
        r"no ptr record",
        r"ptr record setup",
        r"reverse (?:dns|lookup) (?:failed|required|lookup for host|entry|failure)",
        r"(?:no|missing|invalid) (?:reverse dns|rdns)",
        r"please get a custom reverse dns",
        r"this system will not accept messages from servers/devices with no reverse dns",
        r"unresolvable (?:client )?hostname",
        r"host name (?:does not match|not found)",
        r"bad dns ptr resource record",
        r"sender ip reverse lookup rejected",
        r"the corresponding forward dns entry does not point to the sending ip",
        r"generic dns ptr-records",
        r"domain \S{1,200} mismatches client ip",
        r"service permits \S{1,200} unverifyable sending ips",
    ),
    AUTH_FAILURE: (
        r"\bspf\b.{0,40}(?:fail|check|validation|record|not (?:permitted|authorized|allowed))",
        r"\bdkim\b.{0,40}(?:fail|invalid|signature|required)",
        r"\bdmarc\b.{0,40}(?:fail|policy|reject)",
        r"is not allowed to send mail.{0,80}spf",
        r"please inspect your spf settings",
        r"sender policy framework",
        r"authentication (?:failed|failure|required)",
        r"does not have authentication information|fails? to pass (?:authentication|spf|dkim|dmarc)",
        r"not authenticated",
        r"(?:spf|dkim|dmarc) authentication",
        r"//spf\.pobox\.com",
        r"is not allowed to send mail\..{0,200}_401",
        # the check named as the refusal's cause (Forpsi/Czech hosts: "550 5.1.0 <id> blocked by SPF")
        r"(?:blocked|rejected|refused|denied) (?:by|due to|because of) (?:spf|dkim|dmarc)\b",
        # GMX/web.de: "550 <a@b>: Reject due to SPF policy. The originating IP ... is not permitted"
        r"reject(?:ed)? due to (?:the )?spf policy",
    ),
    VIRUS_DETECTED: (
        r"virus (?:detected|found|infected)",
        r"contain(?:s|ed)? (?:a )?(?:virus|malware|malicious)",
        r"message was infected",
        r"infected with",
        r"(?:virus|malware) (?:scan|check)",
        r"mail content denied",
        r"attachment (?:blocked|rejected|not allowed)|banned attachment|illegal attachment",
        r"it has a potentially executable attachment",
        r"contains prohibited virus or spam content",
        r"this form of attachment has been used by recent viruses or other malware",
        r"virus phishing/malicious_url detected",
        # the scanners' notices to the sender (AMaViS, its forks): "Our viruschecker found the
        # W32/Klez.h@MM virus in your email to the following recipient"
        r"virus ?(?:checker|scanner) found|virus(?:es|\(es\))? in your (?:e-?)?mail",
    ),
    POLICY_VIOLATION: (
        r"email not accepted for policy reasons",
        _POLICY_RESTRICTIONS,
        r"policy (?:violation|rejection|reasons)",
        r"violates? (?:our|the)? ?(?:local )?(?:policy|policies|terms)",
        r"by our policy",
        r"content policy",
        # (a gateway's content rules: "Message rejected due to content restrictions")
        r"due to content restrictions",
        r"not accepted for policy",
        r"rejected by policy|policy rejected",
        # Mimecast's documented refusals by a header-based policy ("550 Rejected by header based
        # Anti-Spoofing policy", "... Blocked Senders - Block policy for Header From")
        r"rejected by header based",
        r"due to local policy",
        r"the message was rejected by organization policy",
        r"because the message was rejected by policy",
        r"dmarc policy",
        r"an illegal attachment on your message",
        r"because the recipient is not accepting mail with ",
        r"closed mailing list",
        r"denied by policy",
        r"email rejected due to security policies",
        r"header are not accepted",
        r"message bounced due to organizational settings",
        r"message given low priority",
        r"messages with multiple addresses",
        r"protocol violation",
        r"the email address used to send your message is not subscribed to this group",
        r"this message was blocked because its content presents a potential",
        r"we do not accept messages containing images or other attachments",
        r"exceeded the (?:the )?allowable number of posts without solving a captcha",
    ),
    SECURITY_ERROR: (
        r"authentication (?:credentials invalid|mechanism is too weak)",
        r"(?:starttls|tls) (?:is )?required",
        r"encryption (?:needed|required)",
        r"must issue a starttls command first",
        r"user not authenticated",
        r"unauthenticated (?:senders?|e-?mail|mail) (?:not allowed|rejected)",
        r"account security",
        r"sending from a different address",
        r"account not subscribed to ses",
        r"authentication turned on in your email client",
        r"executable files are not allowed in compressed files",
        r"insecure mail relay",
        r"sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
        r"verification failure",
        r"you are not authorized to send mail, authentication is required",
        r"is not authorized to perform ses:sendrawemail",
    ),
    SYSTEM_ERROR: (
        r"aliasing/forwarding loop broken",
        r"can'?t create user output file",
        r"could not load drd for domain",
        r"internal (?:error|server error)",
        r"interrupted system call",
        r"it encountered an error while being processed",
        r"local (?:configuration|error)",
        r"loop(?:ing)? detected|it would create a mail loop",
        r"mail system (?:error|configuration)",
        r"timeout waiting for input",
        r"unable to (?:connect|process)",
        r"server configuration error|misconfigur",
        r"system (?:error|config error|failure)",
        r"temporary (?:local )?(?:problem|failure|error)",
        r"service (?:temporarily |currently )?(?:unavailable|not available)",
        r"mail server (?:temporarily )?rejected",
        r"local delivery failed|mailbox delivery failed",
        r"loop was found in the mail exchanger",
        r"loops back to myself",
        r"queue file write error",
        r"recipient deferred because there is no mdb",
        r"transaction failed ",
    ),
    SYSTEM_FULL: (
        r"mail system full",
        r"(?:disk|file system|filesystem) (?:full|is full)",
        r"insufficient system (?:resources|storage)",
        r"too many messages in queue",
        r"out of (?:disk|storage) space",
        r"insufficient (?:disk|system) (?:space|storage)",
    ),
    NETWORK_ERROR: (
        r"could not connect and send the mail to",
        # Coremail (NetEase 163/126, Sina, 21cn) when the recipient's host never answered: "Can not
        # connect to <domain>:<ip>:<port>"
        r"can ?not connect to \S{1,200}:\d{1,3}(?:\.\d{1,3}){3}",
        # Windows' socket timeout as .NET mail servers quote it ("A connection attempt failed because
        # the connected party did not properly respond after a period of time ... Tried 5 time(s)")
        r"connected party did not properly respond",
        r"dns records? for the destination computer could not be found",
        r"hop count exceeded",
        r"host (?:is )?unreachable|network is unreachable|no route to host",
        r"name service error",
        r"the destination host is not reachable",
        r"unable to resolve route",
        r"no (?:mx|route) (?:for|to)",
        r"connection (?:lost|closed)",
        r"lost connection",
        r"temporary (?:dns|lookup) failure|dns (?:lookup )?(?:failure|timeout|error)",
        r"malformed or unexpected name server reply",
        r"network error",
        r"dns type '?\w+'? lookup",
        r"host name lookup failure",
        r"too many hops|routing loop",
        r"host not found, try again",
        r"servfail|dns lookup failed|lookup timed out",
        r"mail forwarding loop for ",
        r"malformed name server reply",
        r"maximum forwarding loop count exceeded",
        r"message looping",
        # qmail's "This message is looping: it already has my Delivered-To line."
        r"message is looping",
        # CommuniGate Pro's SMTP module: "connection with mx1.example.org is broken"
        r"connection (?:with|to) \S{1,255} (?:is|was) broken",
    ),
    EXPIRED: (
        r"connection timed out",
        r"could not find a gateway for",
        r"delivery (?:time expired|attempts? (?:has|have) (?:failed|expired))",
        r"failed to deliver to domain \S{1,200} after \d+ tries",
        # (not qmail-remote's "Giving up on 192.0.2.8." after a permanent refusal it quotes: the
        # remote's reply says why, qmail only that it will not retry)
        r"giving up(?! on [0-9a-z.:\-]+\.(?:\s|$))",
        r"given up",
        r"it has not been collected after",
        r"message (?:expired|timed out|has been (?:in the queue|delayed) (?:too long|for))",
        r"retry (?:time not reached for any host after a long failure period|timeout exceeded)",
        r"server did not respond",
        r"this message has been in the queue too long",
        r"was not reachable within the allowed queue period",
        r"your message could not be delivered for more than",
        r"could not be delivered for \S{1,20} days",
        r"queue (?:life ?time|time ?out) exceeded|too long in (?:the )?queue",
        r"expired after",
        r"maximum (?:delivery )?time exceeded",
        r"delivery attempts will continue to be",
        r"failed to deliver to domain ",
        r"have been failing for a long time",
        r"has been delayed",
        r"unable to deliver message after multiple retries",
    ),
    CONTENT_ERROR: (
        r"improper use of 8-bit data in message header",
        r"message header size exceeds limit",
        r"message mime complexity exceeds the policy maximum",
        r"routing loop detected -- too many received: headers",
        r"this message contain invalid mime headers",
        r"this message contains improperly-formatted binary content",
        r"this message contains text that uses unnecessary base64 encoding",
        r"header (?:error|syntax)|malformed (?:header|mime|message)",
        r"invalid (?:header|mime)",
        r"(?:message|content) (?:is )?(?:not )?(?:rfc|rfc-?\d+) ?compliant",
        r"bare (?:lf|cr|newline)",
        r"duplicate header",
        r"header size exceeds maximum permitted",
        r"message header size, or recipient list, exceeds policy limit",
        r"this message contains? (?:invalid mime headers|improperly-formatted binary content"
        r"|text that uses unnecessary base64 encoding)",
        # an internationalised (RFC 6531) address or header the next server cannot take: Postfix's
        # "SMTPUTF8 is required, but was not offered by host ..." and its server's "Must declare
        # SMTPUTF8 to send unicode address", Exim's "utf8 support required but not offered for
        # forwarding", RFC 6531's "non-ASCII addresses are not permitted", chasquid's "local part
        # is not ASCII but server does not support SMTPUTF8"
        r"smtputf8 (?:is )?required|must declare smtputf8|(?:does not|doesn'?t) support smtputf8",
        r"utf-?8 support required but not offered|non-ascii address(?:es)? (?:is |are )?not permitted",
    ),
    NOT_ACCEPT: (
        r"(?:host|domain|host/domain) (?:does not|doesn'?t) accept (?:any )?mail",
        r"accepts no mail",
        r"no mx record found for domain",
        r"name server: \.: host not found",
        r"no route for current request",
        r"smtp protocol returned a permanent error",
    ),
    MAILER_ERROR: (
        r"x-unix;",
        r"command (?:died with status|failed|output)",
        r"exit ?(?:code|status) \d+",
        r"procmail: ",
        r"bin/(?:procmail|maildrop|sh)|\.forward",
        r"mailer (?:error|failed)",
        r"pipe to \|",
        r"service unavailable.{0,40}pipe",
        r"unknown mailer error",
        r"mail for \S{1,200} loops back to myself",
    ),
    SYNTAX_ERROR: (
        r"syntax error",
        r"command (?:not (?:recognized|implemented)|unrecognized)",
        r"bad (?:command|sequence of commands)",
        r"unrecognized command",
        r"invalid command",
        r"line too long",
    ),
    NOT_COMPLIANT_RFC: (
        r"multiple addresses in from:",
        r"not (?:rfc|rfc-?)\s?(?:5322|2822|822|5321|2821) (?:compliant|conformant)",
        r"(?:message|header)s? (?:is |are )?not (?:rfc|standards?)[- ]compliant",
        r"duplicate (?:message-id|from|date|subject)",
        r"support\.google\.com/mail/\?p=rfcmessagenoncompliant",
        r"missing (?:required )?(?:header|date|from|message-id)",
        r"rfc ?(?:5322|2822) (?:violation|section)",
        # QQ Mail: '550 The "From" header is missing or invalid. Please follow RFC5322, RFC2047,
        # RFC822 standard protocol.'
        r"please follow rfc ?5322",
    ),
    BAD_REPUTATION: (
        r"a poor email reputation score",
        # filtering gateways' reputation services named as the cause ("Connection rejected by
        # FortiGuard AntiSpam IP reputation", "blocked by ... Email Reputation Service")
        r"\bip reputation\b",
        r"e-?mail reputation service",
        r"ip/domain reputation problems",
        r"likely suspicious due to the very low reputation",
        r"the sending mta'?s poor reputation",
    ),
    ON_HOLD: (r"on hold",),
}

# A family does not apply to a text that contains one of these (the phrase means another reason
# there: "recipient address rejected" is about the recipient, not the sender).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a DNS lookup that failed for now (try again, SERVFAIL, a time-out, a malformed answer) says
    # nothing about the domain: a network error, soft
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    # the sender's address unknown ("sender address unknown"): a refusal of the sender
    USER_UNKNOWN: (
        r"sender(?:'s)? (?:e-?mail )?(?:add?ress )?(?:is )?(?:unknown|does not exist|not found)",
        *_RECIPIENTS_DOMAIN_GONE,
        # United Internet's (GMX, web.de, IONOS) refusal by policy under RFC 5321's canned 550
        # line ("550-Requested action not taken: mailbox unavailable 550-Reject due to policy
        # restrictions. 550 For explanation visit ..."): their last lines give the cause, a
        # sender-side one (POLICY_VIOLATION), whatever the first says of the mailbox
        _POLICY_RESTRICTIONS,
        # the sending IP held back for having tried many addresses that do not exist (SFR's
        # "Service refused due to bad behavior - Too many unknown users SFR_IN_104", "Too many
        # invalid recipients from your IP"): the sender's list, not this recipient (BLOCKED)
        _TOO_MANY_UNKNOWN,
    ),
    HOST_UNKNOWN: (
        # the sender's domain (its return path's): a refusal of the sender, never the recipient's
        # domain gone (soft, sender-side)
        # (and RFC 7505's text of 5.7.27, "Sender address has null MX": the sender's domain takes no mail)
        r"sender'?s? (?:domain|host|mail ?domain|(?:e-?mail )?address has (?:a )?null ?mx)|domain of (?:the )?sender|(?:mail )?from domain (?:does not|doesn'?t) exist",
        # (not the advice to correct the address: "Check the address and try again", Exchange's
        # NDR prose under any code, and Gmail's "Check for typos or unnecessary spaces and try
        # again" say nothing of the lookup)
        r"(?<!address and )(?<!spaces and )try again",
        r"servfail",
        r"timed? ?out",
        r"malformed or unexpected name server reply|malformed name server reply",
        r"temporary (?:dns |lookup )?(?:failure|error)",
        r"dns (?:lookup )?(?:timeout|temporary)",
    ),
    # an account of the sender's (its sending or relay access), not the recipient's mailbox
    ACCOUNT_DISABLED: (
        r"your (?:account|domain|ip|server|sending|smtp)",
        r"(?:sending|outgoing|outbound|smtp|relay|sender'?s?|submission) (?:account|access|privileges?)",
        r"(?:auth|authentication|login|smtp|sender|sending) user (?:is |has been )?(?:disabled|inactive)",
        # sending disabled for the account that submitted (Mail.ru's submission server: "550 message
        # sending for this account is disabled"): the sender's account
        r"sending (?:for|from) (?:this|the|your) account",
        # Postfix's "Sender address rejected: mailbox disabled": the sender's mailbox, whatever
        # address the reply quotes
        r"sender address rejected",
    ),
    # a suspension or block for non-use is a closure, not a pause (ACCOUNT_DISABLED)
    SUSPEND: (
        r"(?:suspended|locked|blocked|frozen) (?:due to|because of|for) (?:(?:long|extended|prolonged) )?(?:inactivity|non-?use)",
    ),
    # the host refused by the sender domain's SPF record ("550 5.7.0 [SPF] host 192.0.2.1 is not
    # allowed to send mail from domain ...", Interia): the sender's authentication (AUTH_FAILURE),
    # not a block of its IP
    BLOCKED: (r"spf.{0,40}not (?:permitted|authorized|allowed) to send",),
    REJECTED: (
        r"5\.1\.0 address rejected",
        r"recipient address rejected",
        r"sender ip address rejected",
    ),
}

# A user-unknown status code (5.1.1, 5.1.0 ...) is overruled only by an explicit statement that the
# sender or its IP address was refused; the broad block-list vocabulary of BLOCKED and REJECTED
# (a provider's URL naming Spamhaus, "listed in ...") does not undo what the code says.
VETO: Final[dict[str, tuple[str, ...]]] = {
    # a refusal of the message as spam, whatever addressing status the relay put on it (Exchange
    # 2003 writes "5.1.0 - Unknown address error" around any 5xx reply without a status of its own:
    # "550-'Message rejected as spam by Content Filtering'", Korean portals' "(SPAM_SUSPECT:...)")
    SPAM_DETECTED: (
        r"rejected as spam",
        r"(?:message|mail) (?:looks|seems) like spam",
        r"(?:under )?suspicion of spam",
        r"\bspam_suspect\b",
        r"(?:classified|detected|identified) as spam",
        r"high probability of (?:being )?spam",
    ),
    AUTH_FAILURE: (
        r"//spf\.pobox\.com",
        r"bad spf records for",
        r"dmarc policy",
        r"please inspect your spf settings",
        r"sender policy framework (?:\(spf\) fail|violation)",
        r"spf \(sender policy framework\) domain authentication fail",
        r"spf check: fail",
        r"is not allowed to send from <[^>]{1,300}> per it'?s spf record",
        # (a 5.1.0 on "550 5.1.0 <id> blocked by SPF" says nothing of the recipient)
        r"(?:blocked|rejected|refused|denied) (?:by|due to|because of) (?:spf|dkim|dmarc)\b",
    ),
    SUSPEND: (
        r" is currently suspended",
        r" temporary locked",
        # ("550 5.1.1 <a@b>: Recipient address rejected: Mailbox locked (temporarily)", "Account is
        # temporarily locked")
        r"(?:mail ?box|account) (?:is |has been )?(?:temporarily )?locked",
        r"has been suspended",
        r"mailbox (?:currently suspended|is frozen)",
        r"recipient rejected: temporarily inactive",
        r"recipient suspend the service",
        r"this account has been temporarily suspended",
        r"user suspended",
        # Korean ISPs' English ("550 5.1.1 Suspended user"): a suspension, not a closure
        r"suspended (?:user|recipient)",
        r"vdelivermail: account is locked",
    ),
    ACCOUNT_DISABLED: (
        r"archived recipient",
        # ("550 5.1.1 <a@b>: Recipient address rejected: Account locked due to inactivity")
        _CLOSED_FOR_NON_USE,
        r"email account that you tried to reach is (?:disabled|inactive)",
        r"inactive account",
        r"invalid/inactive user",
        r"is a deactivated mailbox",
        r"is unavailable: user is terminated",
        r"mailbox disabled",
        # a 5.1.1 that says the mailbox is gone because it was deleted: a closed account
        r"(?:mail ?box|account) (?:has been |was )?deleted",
        r"deleted (?:mail ?box|account)",
        r"this account has been disabled or discontinued",
        r"this address no longer accepts mail",
        # WP and o2.pl: '550 "a@o2.pl": Podane konto jest zablokowane administracyjnie lub
        # nieaktywne / This account is disabled or not yet active (#5.1.1)'
        r"this account is disabled or not yet active",
        r"this mailbox is disabled",
        r"user or domain is disabled",
    ),
    BLOCKED: (
        r" said: 550 blocked",
        # (Forpsi's "550 5.1.0 <id> policy violation, see https://support.forpsi.com/kb/a4081": the
        # sending IP paused after many undeliverable messages, whatever addressing status it bears)
        r"policy violation, see https?://",
        r"//www\.spamcop\.net/bl\.",
        r"bad sender ip address",
        r"banned sending ip",
        r"black ?listed by",
        r"blocked using ",
        r"(?:blocked|refused) - see http",
        r"client host (?:rejected: (?:abus detecte|may not be mail exchanger|was not authenticated)|\S{1,200} blocked using)",
        r"confirm this mail server",
        r"connection (?:dropped|refused by|reset by peer|was dropped by remote host)",
        r"connections not accepted from ip addresses on spamhaus xbl",
        r"connections will not be accepted from \S{1,200} because the ip is in spamhaus",
        r"currently sending spam see: ",
        r"dnsbl:(?:attrbl|rbl )",
        r"dynamic/zombied/spam ips blocked",
        r"e-?mail blocked by \S{0,200}(?:barracudacentral|spamhaus)",
        r"esmtp not accepting connections",
        r"extreme bad ip profile",
        r"go away",
        r"helo command rejected:",
        r"host network not allowed",
        r"hosts with dynamic ip",
        r"invalid ip for sending mail of domain",
        r"is in a black list",
        r"is in an \S{0,60} ?rbl on ",
        r"is not allowed to send mail from",
        r"access from ip address \S{1,60} blocked",
        r"ip \S{1,60} is blocked by earthlink",
        r"mail server at \S{1,200} is blocked",
        r"message from \S{1,200} rejected based on blacklist",
        r"messages from \S{1,200} temporarily deferred due to user complaints",
        r"no access from mail server",
        r"not currently accepting mail from your ip",
        r"part of their network is on our block list",
        r"please use the smtp server of your isp",
        r"refused to talk to me: .{0,200}blocked",
        r"rejected - multi-blacklist",
        r"rejected because the sending mta or the sender has not passed validation",
        r"rejecting open proxy",
        r"sender ip address rejected",
        r"server access forbidden by your ip ",
        r"server ip \S{1,60} listed as abusive",
        r"service not available, closing transmission channel",
        r"smtp error from remote mail server after initial connection",
        r"sorry, your remotehost looks suspiciously like spammer",
        r"temporarily deferred due to unexpected volume or user complaints",
        r"the (?:domain|email|ip) \S{1,200} is blacklisted",
        r"to submit messages to this e-mail system has been rejected",
        r"too many spams from your ip",
        r"too many unwanted messages have been sent from the following ip address",
        r"was blocked by ",
        r"we do not accept mail from dynamic ips",
        r"you are not allowed to connect",
        r"you are sending spam",
        r"your ip address is listed in the rbl|your ip address \S{0,60} ?is blocked by rbl",
        r"your network is temporary blacklisted",
        r"your sender'?s ip address is listed at \S{1,200}\.abuseat\.org",
        r"your server requires confirmation",
    ),
    REJECTED: (
        r"access denied \(in reply to mail from command\)",
        r"access denied \(sender blacklisted\)",
        r"sender address rejected",  # (a bare "address rejected" with a 5.1.x is the recipient)
        r"administrative prohibition",
        r"batv failed to verify",
        r"batv validation failure",
        r"backscatter protection detected an invalid or expired email address",
        r"because the sender isn't on the recipient's list of senders to accept mail from",
        r"bogus mail from",
        r"can't determine purported responsible address",
        r"connections not accepted from servers without a valid sender domain",
        r"denied \[bouncedeny\]",
        r"denied by secumail valid-address-filter",
        r"delivery not authorized, message refused",
        r"does not exist e2110",
        r"domain of sender address",
        r"email address is on senderfilterconfig list",
        r"empty envelope senders not allowed",
        r"envelope blocked –",
        r"error: no third-party dsns",
        r"from: domain is invalid\. please provide a valid from:",
        r"fully qualified email address required",
        r"invalid domain, see <url:",
        r"invalid sender",
        r"is not a registered gateway user",
        r"mail from not owned by user",
        r"message rejected: email address is not verified",
        r"mx records for",
        r"null sender is not allowed",
        r"recipient addresses rejected : access denied",
        r"recipient not accepted\. \(batv: no tag",
        r"returned mail not accepted here",
        r"rfc 1035 violation: recursive cname records for",
        r"rule imposed mailbox access for",
        r"sending this from a different address or alias using the",
        r"sender address has been blacklisted",
        r"sender email address rejected",
        r"sender is in my black list",
        # (qmail chkuser puts its 5.1.1 on the recipient's refusal of the sender too)
        r"sender (?:is |has been )?blacklisted",
        r"sender is spammer",
        r"sender not pre-approved",
        r"sender rejected",
        r"sender domain is empty",
        r"sender verify failed",
        r"spam reporting address",
        r"syntax error: empty email address",
        r"the message has been rejected by batv defense",
        r"this server does not accept mail from",
        r"transaction failed unsigned dsn for",
        r"unroutable sender address",
        r"you are not allowed to post to this mailing list",
        r"you are sending to/from an address that has been blacklisted",
        r"your access to submit messages to this e-mail system has been rejected",
        r"your email address has been blacklisted",
    ),
}
