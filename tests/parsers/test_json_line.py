"""`bounceback parse --json` writes each line field by field (service.cli.parse.json_line): the same
text, to the byte, as the generic JSON encoder gives for the result's to_dict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import parse
from parsers.model import Attribution, Event, ParseResult
from service.cli.parse import json_line

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("fixtures/*/*.eml")) + sorted(HERE.glob("mta/fixtures/*/*.eml"))


def generic(source: str, result: ParseResult) -> str:
    return json.dumps({"source": source, **result.to_dict()}, ensure_ascii=False)


def test_every_fixture_is_written_as_the_generic_encoder_writes_it() -> None:
    assert CASES
    for case in CASES:
        result = parse(case.read_bytes())
        assert json_line(str(case), result) == generic(str(case), result), case.name


# Strings JSON must escape or keep as they are: quotes, backslashes, control characters, letters of
# other scripts, a lone surrogate (8-bit bytes read as surrogate escapes), '%' (the line's template).
TEXT = st.text(alphabet=st.sampled_from('aZ"\\\n\t\x00\x1f\x7f%sé漢\U0001f600\udc80 '), max_size=12)
MAYBE = st.none() | TEXT
EVENTS = st.builds(
    Event,
    recipient=TEXT,
    type=st.sampled_from(["bounce", "complaint"]),
    classification=st.sampled_from(["hard", "soft"]),
    reason=TEXT,
    status=MAYBE,
    smtp_code=MAYBE,
    diagnostic=MAYBE,
    remote_mta=MAYBE,
    action=MAYBE,
    feedback_type=MAYBE,
    original_message_id=MAYBE,
    original_mail_from=MAYBE,
)
ATTRIBUTIONS = st.none() | st.builds(
    Attribution,
    verp_local_part=MAYBE,
    envelope_addresses=st.lists(TEXT, max_size=3).map(tuple),
    account=MAYBE,
    feedback_id=MAYBE,
    feedback_sender_id=MAYBE,
    original_message_id=MAYBE,
    from_domain=MAYBE,
    mail_from_domain=MAYBE,
    dkim_domain=MAYBE,
)
RESULTS = st.builds(
    ParseResult,
    message_type=st.sampled_from(["dsn", "arf", "unknown"]),
    events=st.lists(EVENTS, max_size=3).map(tuple),
    detector=MAYBE,
    subject=MAYBE,
    message_id=MAYBE,
    date=MAYBE,
    defects=st.lists(TEXT, max_size=3).map(tuple),
    attribution=ATTRIBUTIONS,
)


@settings(max_examples=300, deadline=None)
@given(source=TEXT, result=RESULTS)
def test_any_result_is_written_as_the_generic_encoder_writes_it(source: str, result: ParseResult) -> None:
    assert json_line(source, result) == generic(source, result)


def test_a_value_of_another_type_is_left_to_the_generic_encoder() -> None:
    odd: list[Any] = [7, True, 1.5, ["a", None]]
    for value in odd:
        event = Event("a@b", "bounce", "hard", "user_unknown", status=value)
        result = ParseResult(
            "dsn", (event,), detector=value, defects=(value,), attribution=Attribution(account=value)
        )
        assert json_line("s", result) == generic("s", result), value
