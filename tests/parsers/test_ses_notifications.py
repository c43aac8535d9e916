"""parsers.ses: one SES notification read out of every envelope that carries it, each of a Lambda
function's batch, and the module loaded only when a message may hold one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from parsers.ses import MAX_RECORDS, notification, notifications

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


def _sqs(*docs: object) -> dict[str, Any]:
    return {"Records": [{"eventSource": "aws:sqs", "body": json.dumps(doc)} for doc in docs]}


def test_every_record_of_a_batch_is_read() -> None:
    # (SQS hands a Lambda function up to ten records; a later one may be the complaint)
    alarm = {"Type": "Notification", "Message": json.dumps({"AlarmName": "x"})}
    found = notifications(_sqs(alarm, ENVELOPE, PUBLISHED))
    assert [doc["notificationType"] for doc in found] == ["Complaint", "Complaint"]


@pytest.mark.parametrize("doc", [COMPLAINT, ENVELOPE, _sqs(ENVELOPE)], ids=["bare", "sns", "one-record"])
def test_a_single_notification_is_read_as_notification_reads_it(doc: dict[str, Any]) -> None:
    assert notifications(json.loads(json.dumps(doc))) == [notification(json.loads(json.dumps(doc)))]


def test_a_batch_is_read_as_far_as_its_bound() -> None:
    assert len(notifications(_sqs(*[ENVELOPE] * (MAX_RECORDS + 5)))) == MAX_RECORDS


def test_what_holds_no_notification_gives_no_list() -> None:
    assert notifications(_sqs({"AlarmName": "x"}, "not json")) == []
    assert notifications(["Complaint"]) == []


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
