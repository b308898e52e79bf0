"""`followup-bot mail`, the Procfile's mail process, started as an operator starts it."""

from __future__ import annotations

import os
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.adapters.test_cli import ROOT, run
from tests.log_secrets import check_output
from tests.standins.ports import free_port


def test_without_a_mail_domain_it_says_what_to_set(tmp_path: Path) -> None:
    done = run(["mail"], tmp_path)
    assert done.returncode == 2 and "FOLLOWUP_MAIL_DOMAIN" in done.stderr


def test_it_serves_smtp_and_refuses_an_unknown_address_at_rcpt(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DISCORD_", "FOLLOWUP_"))}
    env.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), FOLLOWUP_MAIL_DOMAIN="mail.test",
               FOLLOWUP_MAIL_HOST="127.0.0.1", FOLLOWUP_MAIL_PORT=str(port),
               FOLLOWUP_DATABASE_URL=f"sqlite:///{tmp_path / 'mail.db'}")
    process = subprocess.Popen([sys.executable, "-m", "adapters.cli", "mail"], env=env,
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                client = smtplib.SMTP("127.0.0.1", port, timeout=5)
                break
            except OSError:
                assert process.poll() is None, "the mail process exited"
                assert time.monotonic() < deadline, "the mail process did not come up"
                time.sleep(0.2)
        with client:
            unknown = "a" * 32 + "@mail.test"
            with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
                client.sendmail("alex@example.com", [unknown], b"Subject: hi\r\n\r\nhello\r\n")
            assert refused.value.recipients[unknown][0] == 550
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
        check_output(out.decode(), "followup-bot mail stdout")
        check_output(err.decode(), "followup-bot mail stderr")
    assert process.returncode == 0, err.decode()[-2000:]
