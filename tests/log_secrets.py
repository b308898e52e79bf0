"""No secret the suite uses may reach a log record, at any level: a pytest plugin.

From `pytest_configure` on, a handler at DEBUG on the root logger sees every record of
the session, from every thread (the root logger is at DEBUG, so the DEBUG lines that an
operator could turn on are made, and checked, too). Each is checked as it is emitted
against the secrets known so far; at the end of the session a record that held one
fails the run, naming the test, the logger and the level, never the secret itself.

The secrets:
- each token, signing secret and app token the tests hand the app, wrapped in `secret()`
  where it is defined (`tests/adapters/slack/*`, the Discord stand-in);
- the password in FOLLOWUP_TEST_POSTGRES_URL;
- every calendar feed token minted in the session: `calendar_file.feed_token`, which the
  coach calls by that name, is wrapped to record what it returns; it still mints one;
- every private mail address's token, the same way (`bot.mail.address.new_token`).

Processes a test starts (the CLI, worker processes) log to their own stderr: the test
hands what they wrote to `check_output`, which checks each line as a record.

The project's own logging set-up still works in a test (`configure_logging` replaces the
root's handlers and level); the watch is put back before the next test starts.
`tests/test_log_secrets.py` checks that a logged secret fails a run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot.content import calendar_file
from bot.mail import address as mail_address

#: Shorter strings would turn up in ordinary log lines by chance.
SHORTEST = 8
#: The attributes every LogRecord has; anything else came in through `extra=`.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime"}

_secrets: dict[str, str] = {}  # secret -> what it is
_lock = threading.Lock()


def secret(value: str, what: str) -> str:
    """Register `value` as a secret no log record may hold; returns it unchanged."""
    if len(value) < SHORTEST:
        raise ValueError(f"a test secret ({what}) needs {SHORTEST}+ characters to be "
                         "told apart from ordinary log text")
    with _lock:
        _secrets.setdefault(value, what)
    return value


def known_secrets() -> list[tuple[str, str]]:
    with _lock:
        return list(_secrets.items())


class _Leak:
    def __init__(self, test: str, record: logging.LogRecord, what: str, secret: str) -> None:
        self.test = test
        self.where = f"{record.levelname} {record.name} ({record.pathname}:{record.lineno})"
        self.what = f"{what} ({secret[:4]}…, {len(secret)} characters)"


class SecretWatch(logging.Handler):
    """Checks every record it is handed against the registered secrets."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.leaks: list[_Leak] = []
        self.records = 0
        self.test = "(outside any test)"

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1
        text = _everything_in(record)
        for value, what in known_secrets():
            if value in text and len(self.leaks) < 1000:
                self.leaks.append(_Leak(self.test, record, what, value))


def _everything_in(record: logging.LogRecord) -> str:
    """All a formatter or a JSON log could print of `record`: message, arguments,
    exception and stack, and any `extra` fields."""
    parts = [str(record.msg), repr(record.args)]
    # A bad format string raises here; its parts, above, are what would be printed.
    with contextlib.suppress(Exception):
        parts.append(record.getMessage())
    if record.exc_info:
        parts.append(logging.Formatter().formatException(record.exc_info))
    parts.extend(str(part) for part in (record.exc_text, record.stack_info) if part)
    parts.extend(f"{key}={value!r}" for key, value in vars(record).items()
                 if key not in _STANDARD)
    return "\n".join(parts)


_watch = SecretWatch()


def check_output(text: str | bytes | None, source: str) -> None:
    """Each line a process this session started wrote (`source` says which, e.g. "the
    slack worker's stderr") is checked against the secrets, as a record at level OUTPUT."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    for line in (text or "").splitlines():
        record = logging.makeLogRecord({"name": source, "msg": line, "args": None,
                                        "levelname": "OUTPUT", "pathname": source})
        watching().emit(record)


def watching() -> SecretWatch:
    """The session's watch, on the root logger at DEBUG again if something took it off
    (the project's `configure_logging` replaces the root's handlers and level)."""
    root = logging.getLogger()
    if _watch not in root.handlers:
        root.addHandler(_watch)
        root.setLevel(logging.DEBUG)
    return _watch


def _record_feed_tokens() -> None:
    minted = calendar_file.feed_token

    def feed_token() -> str:
        return secret(minted(), "a calendar feed token")

    feed_token.__doc__ = minted.__doc__
    calendar_file.feed_token = feed_token


def _record_mail_tokens() -> None:
    minted = mail_address.new_token

    def new_token() -> str:
        return secret(minted(), "a private mail address's token")

    new_token.__doc__ = minted.__doc__
    mail_address.new_token = new_token


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("FOLLOWUP_TEST_POSTGRES_URL")
    password = make_url(url).password if url else None
    if password and len(password) >= SHORTEST:
        secret(str(password), "the PostgreSQL password")
    _record_feed_tokens()
    _record_mail_tokens()
    logging.getLogger().setLevel(logging.DEBUG)
    watching()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    watching().test = item.nodeid


def pytest_runtest_teardown(item: pytest.Item) -> None:
    watching().test = item.nodeid


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    watch = watching()
    watch.test = "(after the session)"
    if watch.leaks:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    watch = watching()
    if not watch.leaks:
        terminalreporter.write_line(f"log records: {watch.records} checked against "
                                    f"{len(known_secrets())} secrets; none held one")
        return
    terminalreporter.section("secrets in the logs", sep="=", red=True, bold=True)
    terminalreporter.line(f"{len(watch.leaks)} log records held a secret (the run fails):",
                          red=True)
    for leak in watch.leaks[:50]:
        terminalreporter.line(f"  {leak.test}: {leak.where} held {leak.what}", red=True)
