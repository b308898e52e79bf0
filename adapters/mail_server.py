"""`followup-bot mail`: an SMTP server (aiosmtpd) for a domain whose MX points here.

Unknown and reset addresses are refused at RCPT time (550), before any message is
sent, so such mail is never received, let alone stored; an address over its hourly or
daily limit gets 452 (try later), at RCPT and again at DATA; a message over the size
limit is refused by aiosmtpd itself (552). Each accepted message goes to `MailIntake` on a
worker thread, since the intake talks to the database and must not block the loop.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiosmtpd.controller import Controller

from adapters.library_logs import quiet_body_loggers
from bot.mail.intake import MAX_BYTES, MailIntake, Received
from bot.ports.repository import RepositoryUnavailable

log = logging.getLogger(__name__)
#: Recipients per message: a person BCCs one address; more is someone spraying.
MAX_RECIPIENTS = 5
OVER_LIMIT = "452 4.2.2 Too much mail for this address just now; try later"


class _Handler:
    def __init__(self, intake: MailIntake) -> None:
        self.intake = intake

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if len(envelope.rcpt_tos) >= MAX_RECIPIENTS:
            return "452 4.5.3 Too many recipients"
        loop = asyncio.get_running_loop()
        try:
            person = await loop.run_in_executor(None, self.intake.person_for, address)
            if person is not None and await loop.run_in_executor(
                    None, self.intake.over_limit, address, person):
                return OVER_LIMIT
        except RepositoryUnavailable:
            return "451 4.3.0 Try again later"
        if person is None:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "replace")
        loop = asyncio.get_running_loop()
        limited = False
        try:
            for address in envelope.rcpt_tos:
                received = await loop.run_in_executor(None, self.intake.receive, address,
                                                      raw, envelope.mail_from)
                limited = limited or received is Received.LIMITED
        except RepositoryUnavailable:
            return "451 4.3.0 Try again later"
        except Exception:
            log.exception("failed to take in a message")  # the traceback holds no body
            return "451 4.3.0 Try again later"
        return OVER_LIMIT if limited else "250 OK"


class MailServer:
    """The SMTP server on `host:port`, in its own thread."""

    def __init__(self, intake: MailIntake, host: str, port: int,
                 max_bytes: int = MAX_BYTES) -> None:
        quiet_body_loggers()  # aiosmtpd's INFO lines would log each RCPT TO's address
        self._controller = Controller(_Handler(intake), hostname=host, port=port,
                                      data_size_limit=max_bytes,
                                      server_hostname=intake.domain)

    def start(self) -> MailServer:
        self._controller.start()
        return self

    @property
    def port(self) -> int:
        return int(self._controller.port)

    def stop(self) -> None:
        self._controller.stop()
