"""The watch over the logs (`tests/log_secrets.py`) fails a run whose records hold a secret."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from adapters.runtime import configure_logging
from bot.content import calendar_file
from tests import log_secrets

ROOT = Path(__file__).resolve().parents[1]

INNER = '''
import logging
import threading

from bot.content import calendar_file
from tests.log_secrets import check_output, secret

TOKEN = secret("xoxb-inner-run-0000-token", "the Slack bot token")


def test_a_clean_record():
    logging.getLogger("inner").info("connected as %s", "U0BOT")


def test_a_debug_record_from_another_thread_that_holds_the_token():
    log = logging.getLogger("slack_sdk.inner")
    worker = threading.Thread(target=log.debug, args=("headers: %r", {"auth": TOKEN}))
    worker.start()
    worker.join()


def test_a_line_a_worker_process_wrote():
    check_output("INFO ok\\nDEBUG sending with " + TOKEN, "a worker's stderr")


def test_a_feed_link_in_an_exception():
    token = calendar_file.feed_token()
    try:
        raise ValueError(f"no feed at /calendar/{token}.ics")
    except ValueError:
        logging.getLogger("inner.web").exception("the feed failed")
'''


def test_a_run_whose_logs_hold_a_secret_fails_and_names_where_but_not_the_secret(
        tmp_path: Path) -> None:
    (tmp_path / "test_inner.py").write_text(INNER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.log_secrets",
         "-p", "no:cacheprovider", "test_inner.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)

    out = done.stdout
    assert done.returncode == 1, out  # every test passed, and still the run fails
    assert "4 passed" in out
    assert "3 log records held a secret" in out
    assert "test_a_line_a_worker_process_wrote: OUTPUT a worker's stderr" in out
    assert "test_a_debug_record_from_another_thread_that_holds_the_token: DEBUG " \
           "slack_sdk.inner" in out and "the Slack bot token (xoxb…, 25 characters)" in out
    assert "test_a_feed_link_in_an_exception: ERROR inner.web" in out
    assert "a calendar feed token (" in out
    assert "test_a_clean_record:" not in out
    assert "xoxb-inner-run-0000-token" not in out + done.stderr


def test_the_projects_own_logging_set_up_still_works_and_the_watch_comes_back() -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        configure_logging("WARNING")
        assert root.level == logging.WARNING  # the operator's level is the one in force
        assert log_secrets.watching() in root.handlers  # as before every test
        assert root.level == logging.DEBUG
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        for handler in handlers:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(level)


def test_every_feed_token_minted_is_registered_as_a_secret() -> None:
    token = calendar_file.feed_token()
    assert (token, "a calendar feed token") in log_secrets.known_secrets()
