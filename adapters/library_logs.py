"""Platform libraries whose DEBUG lines would log what must never be logged.

slack_sdk logs each Web API and response_url request and response whole at DEBUG;
discord.py logs REST bodies, gateway events and interaction webhook URLs. Those hold
what people write, the calendar feed links the bot sends them (a feed's token is its
whole secret), Slack's response_urls and Discord's interaction tokens. These loggers
therefore start at INFO, whatever FOLLOWUP_LOG_LEVEL says; the bot's own DEBUG lines
hold none of that. `tests/log_secrets.py` checks every record of the test suite.
"""

from __future__ import annotations

import logging

BODY_LOGGERS = ("slack_sdk", "discord.http", "discord.gateway", "discord.webhook")
#: aiosmtpd logs every SMTP command line at INFO, and `RCPT TO:<token@…>` holds a private
#: address's whole secret: it starts at WARNING.
ADDRESS_LOGGERS = ("mail.log",)


def quiet_body_loggers() -> None:
    """Raise each of `BODY_LOGGERS` to INFO and `ADDRESS_LOGGERS` to WARNING (a stricter
    level set by hand stays)."""
    for names, floor in ((BODY_LOGGERS, logging.INFO), (ADDRESS_LOGGERS, logging.WARNING)):
        for name in names:
            logger = logging.getLogger(name)
            if logger.level < floor:
                logger.setLevel(floor)
