"""parsers.ses: one SES notification read out of every envelope that carries it, and the module
loaded only when a message may hold one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from parsers.ses import notification

ROOT = Path(__file__).resolve().parents[2]
DSN = ROOT / "tests" / "parsers" / "fixtures" / "dsn" / "single-user-unknown.eml"

COMPLAINT: dict[str, Any] = {
    "notificationType": "Complaint",
    "mail": {"messageId": "0102-abc", "destination": ["a@b.example"]},
    "complaint": {"complainedRecipients": [{"emailAddress": "a@b.example"}]},
}
PUBLISHED = {**{k: v for k, v in COMPLAINT.items() if k != "notificationType"}, "eventType": "Complaint"}
ENVELOPE = {"Type": "Notification", "Message": json.dumps(COMPLAINT)}


@pytest.mark.parametrize(
    "doc",
    [
        COMPLAINT,
        PUBLISHED,
        ENVELOPE,
        {"Records": [{"EventSource": "aws:sns", "Sns": ENVELOPE}]},
        {"Records": [{"eventSource": "aws:sqs", "body": json.dumps(ENVELOPE)}]},
        {"source": "aws.ses", "detail-type": "Email Complained", "detail": PUBLISHED},
        {"Type": "Notification", "Message": json.dumps({"source": "aws.ses", "detail": PUBLISHED})},
    ],
    ids=["bare", "event-publishing", "sns", "lambda-sns", "lambda-sqs", "eventbridge", "eventbridge-in-sns"],
)
def test_the_notification_is_read_out_of_its_envelope(doc: dict[str, Any]) -> None:
    found = notification(json.loads(json.dumps(doc)))
    assert found is not None
    assert found["notificationType"] == "Complaint"
    assert found["complaint"] == COMPLAINT["complaint"]


@pytest.mark.parametrize(
    "doc",
    [
        {"Records": []},
        {"Message": "not json"},
        {"source": "aws.health", "detail": PUBLISHED},  # (another service's EventBridge event)
        {"Records": [{"Sns": {"Message": json.dumps({"AlarmName": "x"})}}]},
        ["Complaint"],
    ],
)
def test_what_holds_no_notification_gives_none(doc: object) -> None:
    assert notification(doc) is None


def test_the_module_is_not_loaded_by_a_parse_of_a_bounce() -> None:
    # (parsers.fbl, loaded at start-up, imports it where an SES document may be read)
    code = (
        "import sys\n"
        "from service.wiring import main\n"
        f"main.main(['parse', '--json', '--jobs', '1', {str(DSN)!r}])\n"
        "print('parsers.ses' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"
