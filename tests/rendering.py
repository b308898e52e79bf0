"""What a reply looks like once a platform renders it: where a ping would really happen."""

from __future__ import annotations

import json

from adapters.discord_bot.views import render as discord_message
from adapters.slack.blocks import fallback_text, reply_blocks
from bot.messages import Reply

MASS = ("<!channel>", "<!here", "<!everyone", "@everyone", "@here", "@channel")


def assert_nothing_can_ping(reply: Reply) -> None:
    """Slack: no live special mention and no bare @everyone-like word in what is posted.
    Discord: nobody may be pinged but the users the reply lists."""
    posted = json.dumps([reply_blocks(reply), fallback_text(reply)], ensure_ascii=False)
    for mention in MASS:
        assert mention not in posted
    allowed = discord_message(reply).allowed_mentions()
    assert not allowed.everyone and not allowed.roles
    assert allowed.users in (False, []) or reply.mentions
