"""Hostile input for both platforms, and what must never come of it.

`hostile_texts(seed, n)` makes nasty strings from a fixed seed (mentions of every kind,
markdown and masked links, control characters, ANSI escapes, RTL and zero-width
characters, emoji and combining marks, huge lines, SQL-ish and HTML-ish text), alone
and inside commands whose answers echo them. `run_slack` sends them through the real
Bolt app over signed HTTP; `run_discord` through the real discord.py client against
the REST stand-in. Both check every message the bot posted:

- crashes: a 5xx, or a log record at ERROR or above (a caught exception is logged so);
- live mentions: Slack `<!channel>`-like markup, a bare @everyone/@here/@channel, or
  `<@U0EVIL>`-like ids; Discord an `allowed_mentions` that lets @everyone, roles or
  anyone but the person ping, or a role mention left live;
- markdown injections: a masked link (`<url|text>` in Slack mrkdwn, `[text](url)` on
  Discord) pointing at the hostile host.

`tests/adapters/test_hostile_inputs.py` runs a few hundred; `bench/faults.py` 10,000.
"""

from __future__ import annotations

import json
import logging
import random
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from adapters.runtime import build_runtime
from adapters.settings import Settings, load_settings
from bot.ports.clock import SystemClock
from tests.rendering import MASS

EVIL = "evil.example"
PIECES = (
    # mentions, Slack and Discord
    "<!channel>", "<!here>", "<!everyone>", "<!subteam^S0EVIL>", "<@U0EVIL>",
    "<@W0EVIL|boss>", "<#C0EVIL>", "<!channel|channel>", "@channel", "@here", "@everyone",
    "<@123456789012345678>", "<@!123456789012345678>", "<@&123456789012345678>",
    "<#123456789012345678>", "@\u200beveryone", "＠everyone",
    # markdown and links
    f"[click](http://{EVIL}/a)", f"<http://{EVIL}/b|click>", f"<https://{EVIL}>",
    f"[x](<https://{EVIL}/c>)", f"![img](http://{EVIL}/i.png)", "*bold*", "_it_", "~s~",
    "**b**", "__u__", "||spoiler||", "`code`", "```fence```", "> quote", "# heading",
    "-# small", "1. item", "- item", "<t:1:R>", "&lt;!channel&gt;", "&amp;", "\\",
    # control, ANSI, direction, invisible
    "\x00", "\x07", "\x08", "\x1b[31mred\x1b[0m", f"\x1b]8;;http://{EVIL}\x1b\\link\x1b]8;;\x1b\\",
    "\r\n", "\r", "\t", "\x0b", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff",
    "\u2028", "\u00a0", "\u180e",
    # emoji, combining, scripts
    "👩\u200d💻", "🇺🇸", "Z\u0338\u0322\u031b\u0316", "مرحبا", "שלום", "東京", "𝕳𝖊𝖑𝖑𝖔", "🙂" * 40,
    # injection-ish
    "'; DROP TABLE interviews; --", "\" OR 1=1 --", "%s%s%n", "{0}{name}", "${jndi:ldap://x}",
    "<script>alert(1)</script>", "<b>bold</b>", "&#x3C;!here&#x3E;", "../../etc/passwd",
    # words the grammar knows
    "add", "list", "cancel", "yes", "no", "forget me", "help", "1", "0", "-1", "99999999999",
    "tomorrow 2pm", "2026-02-30", "Acme", "with", ",", ";", "(", ")",
)
TEMPLATES = (
    "{x}", "{x}", "add {x}, analyst, tomorrow 2pm with Jane Smith",
    "add Acme, {x}, tomorrow 2pm with {x}", "add {x}, {x}, {x} with {x}",
    "note 1 {x}", "fix 1 company {x}", "fix 1 role {x}", "why {x}", "tz {x}", "{x} {x}",
)


def hostile_texts(seed: int, count: int) -> Iterator[str]:
    """`count` nasty lines, the same for the same seed; every 50th is huge."""
    rng = random.Random(seed)
    for n in range(count):
        if n % 50 == 49:
            yield rng.choice(PIECES) * rng.randint(200, 2000)
            continue
        template = rng.choice(TEMPLATES)
        while "{x}" in template:
            part = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4)))
            template = template.replace("{x}", part.replace("{", "(").replace("}", ")"), 1)
        yield template


class Errors(logging.Handler):
    """Counts records at ERROR or above, with the first few for the report."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0
        self.first: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if len(self.first) < 5:
            self.first.append(f"{record.name}: {record.getMessage()[:200]}")


@contextmanager
def counting_errors() -> Iterator[Errors]:
    errors = Errors()
    root = logging.getLogger()
    root.addHandler(errors)
    try:
        yield errors
    finally:
        root.removeHandler(errors)


# --- what a posted message must never hold ----------------------------------------------
#: Markup Slack reads in mrkdwn (a date, `<!date^…>`, is the bot's own and pings nobody).
SLACK_LIVE = re.compile(r"<(?:!(?!date\^)|@|#|https?://)")
#: The people the run speaks as: the bot may mention them.
SLACK_PEOPLE = re.compile(r"<@U0HOST\d\d>")
SLACK_MASKED = re.compile(rf"<https?://[^>]*{re.escape(EVIL)}[^>]*\|")
DISCORD_MASKED = re.compile(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(\s*<?https?://")
DISCORD_ROLE = re.compile(r"(?<!\\)<@&\d+>")


def slack_findings(args: dict[str, Any]) -> Counter[str]:
    """Live mentions and masked links in what one Slack call posts (mrkdwn and the
    notification text; plain_text objects render nothing)."""
    found: Counter[str] = Counter()
    texts = [str(args.get("text") or "")]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
                texts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk([args.get("blocks"), args.get("attachments"), args.get("view")])
    for text in texts:
        for markup in SLACK_LIVE.findall(SLACK_PEOPLE.sub("", text)):
            found["live link" if markup.startswith("<http") else "live mention"] += 1
        found["mass mention"] += sum(text.count(m) for m in MASS)
        found["masked link"] += len(SLACK_MASKED.findall(text))
    return +found


def discord_findings(call: Any, person: int) -> Counter[str]:
    """Pings allowed beyond the person, live role mentions, masked links."""
    found: Counter[str] = Counter()
    data = call.data or {}
    if not (data.get("content") or data.get("embeds")):
        return found  # a deferral or an edit of buttons alone: nothing to read
    allowed = data.get("allowed_mentions")
    if allowed is None:
        found["no allowed_mentions"] += 1
    else:
        parse = set(allowed.get("parse") or [])
        if parse & {"everyone", "roles", "users"} or allowed.get("roles"):
            found["mention allowed"] += 1
        if set(allowed.get("users") or []) - {str(person), person}:
            found["user allowed"] += 1
    text = call.text
    found["role mention"] += len(DISCORD_ROLE.findall(text))
    found["masked link"] += len(DISCORD_MASKED.findall(text))
    return +found


# --- the runs -------------------------------------------------------------------------
def _settings(folder: Path) -> Settings:
    return load_settings(database_url=f"sqlite:///{folder / 'followup.db'}",
                         timezone="America/New_York", quiet_hours="21:00-08:00")


def run_slack(count: int, seed: int = 17) -> dict[str, Any]:
    """Half as `/followup` commands, half as DMs, to the real Bolt app over signed HTTP."""
    from tests.adapters.slack.conftest import SECRET, TOKEN, serve
    from tests.standins.slack_api import SlackApiStandIn

    api = SlackApiStandIn().start()
    statuses: Counter[int] = Counter()
    findings: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder, counting_errors() as errors:
        settings = _settings(Path(folder)).model_copy(update={
            "slack_bot_token": SecretStr(TOKEN), "slack_signing_secret": SecretStr(SECRET),
            "slack_api_url": api.url})
        runtime = build_runtime(settings, SystemClock())
        slack = serve(runtime, settings, api)
        try:
            for n, line in enumerate(hostile_texts(seed, count)):
                user = f"U0HOST{n % 20:02d}"
                answer = (slack.workspace.command(user, line) if n % 2
                          else slack.workspace.dm(user, line))
                statuses[answer.status] += 1
                if n % 100 == 99:  # bounded memory: check and forget what was posted
                    findings += _slack_posts(api)
            api.settle(quiet=0.5, timeout=60)
            findings += _slack_posts(api)
        finally:
            slack.stop()
            runtime.stop()
            api.stop()
    return {"inputs": count, "statuses": dict(statuses), "errors": errors.count,
            "first_errors": errors.first, "findings": dict(findings)}


def _slack_posts(api: Any) -> Counter[str]:
    found: Counter[str] = Counter()
    for call in api.calls():
        found += slack_findings(call.args)
        found["posts"] += 1
    api.clear()
    return found


def run_discord(count: int, seed: int = 17) -> dict[str, Any]:
    """Half as DMs, half as `/followup add` options, to the real client (its REST on the
    stand-in; events fed as the gateway would)."""
    from adapters.discord_bot.client import build_client
    from tests.standins.discord_api import DISCORD_TOKEN, BotProcess, DiscordApiStandIn

    person = 4_242_424_242_424_242
    api = DiscordApiStandIn().start()
    statuses: Counter[int] = Counter()
    findings: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder, counting_errors() as errors:
        settings = _settings(Path(folder)).model_copy(update={
            "discord_token": SecretStr(DISCORD_TOKEN), "discord_api_url": api.url})
        runtime = build_runtime(settings, SystemClock())
        bot = BotProcess(build_client(runtime, settings), runtime, api, person)
        try:
            for n, line in enumerate(hostile_texts(seed, count)):
                if n % 2:
                    calls = bot.dm(line[:2000])  # Discord refuses longer messages
                else:
                    calls = bot.command("add", company=line[:100], role=line[:100],
                                        when=line[:100], interviewers=line[:100])
                for call in calls:
                    statuses[call.status] += 1
                    if call.method in ("POST", "PATCH") and call.data is not None:
                        findings += discord_findings(call, person)
                        findings["posts"] += 1
        finally:
            bot.close()
            runtime.stop()
            api.stop()
    return {"inputs": count, "statuses": {str(k): v for k, v in statuses.items()},
            "errors": errors.count, "first_errors": errors.first,
            "findings": dict(findings)}


def verdict(result: dict[str, Any]) -> dict[str, int]:
    """The three figures of the issue: crashes, live mentions, markdown injections."""
    findings = result["findings"]
    crashes = result["errors"] + sum(v for k, v in result["statuses"].items()
                                     if int(k) >= 500)
    mentions = sum(v for k, v in findings.items() if "mention" in k or "allowed" in k)
    injections = findings.get("masked link", 0) + findings.get("live link", 0)
    return {"crashes": crashes, "live_mentions": mentions, "markdown_injections": injections}


def dumps(result: dict[str, Any]) -> str:
    return json.dumps(result | verdict(result), ensure_ascii=False)
