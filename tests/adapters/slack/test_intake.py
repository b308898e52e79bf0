"""What `/slack/events` refuses: a body over the size limit (413) and correctly signed
requests that are not shaped as Slack's are (400), each with one log line that quotes
none of the body, and the app serving on afterwards."""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

import pytest

from adapters.slack.intake import MAX_BODY_BYTES
from tests.adapters.slack.conftest import USER, Slack

WORDS = "Sekrit"  # in every refused body; never in a log line
FORM = "application/x-www-form-urlencoded"


def form(payload: object) -> str:
    """An interactivity request's body around `payload` (JSON text, or an object)."""
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return "payload=" + quote(text)


MALFORMED = [
    ('{"type": "event_callback", "event": "' + WORDS + '"', "application/json"),
    (json.dumps([WORDS]), "application/json"),
    (json.dumps({"type": "event_callback", "event": WORDS}), "application/json"),
    (form("{" + WORDS), FORM),
    (form([WORDS]), FORM),
    (form({"type": "block_actions", "actions": WORDS}), FORM),
    (form({"type": "block_actions", "actions": [WORDS]}), FORM),
    (form({"type": "view_submission", "view": WORDS}), FORM),
]


def refused_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno > logging.DEBUG]


def assert_quotes_nothing(caplog: pytest.LogCaptureFixture) -> None:
    everything = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert WORDS not in everything and "Traceback" not in everything


def test_a_body_over_the_limit_gets_a_413_and_one_line_without_the_body(
        slack: Slack, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    body = "text=" + WORDS * (MAX_BODY_BYTES // len(WORDS) + 1)

    answer = slack.workspace.post(body, FORM)

    assert answer.status == 413
    [line] = refused_lines(caplog)
    assert line.name == "adapters.slack.intake" and "over the" in line.getMessage()
    assert_quotes_nothing(caplog)
    assert slack.api.settle() == []
    assert slack.workspace.dm(USER, "help").status == 200  # and the app serves on


@pytest.mark.parametrize(("body", "content_type"), MALFORMED)
def test_a_signed_request_not_shaped_as_slacks_gets_a_400_and_one_line(
        slack: Slack, caplog: pytest.LogCaptureFixture, body: str, content_type: str
) -> None:
    caplog.set_level(logging.DEBUG)

    answer = slack.workspace.post(body, content_type)  # correctly signed

    assert answer.status == 400
    [line] = refused_lines(caplog)
    assert line.name == "adapters.slack.intake"
    assert_quotes_nothing(caplog)
    assert slack.api.settle() == [] and slack.interviews() == []
    assert slack.workspace.dm(USER, "help").status == 200
