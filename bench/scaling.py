"""docs/SCALING.md's figures: what runs where for 1k, 100k and 1M users.

Two kinds of number, kept apart in every table:

- *measured*: per-process rates from the benchmarks on this machine (2 shared cores),
  read from the last run's files in /tmp/followup-bench when there are any, else the
  figures docs/BENCHMARKS.md records (`Measured.load` says which, per figure);
- *derived*: a synthetic population (`ASSUMED`: zones, platforms, how often people
  interview and answer) whose interviews go through the product's own rules
  (`bot.rules.plan.plan_checkpoints`, `second_call_due`, `move_on_due`), so every reminder
  falls due when the product would send it; from those due times, the peak second, and
  from the peak and the measured rates, processes, connections and drain times.

The simulation is of `SAMPLE` people; counts scale linearly to each size. Nothing here
talks to a network or a database. `python -m bench.scaling [--write docs/SCALING.md]`.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.report import wrap, write_section
from bench.worker import WORK_DIR

RESULTS = WORK_DIR
SIZES = (1_000, 100_000, 1_000_000)
SAMPLE = 20_000
SECTION = "scaling"

#: Assumptions about people, not measurements: change them here and run again.
ASSUMED: dict[str, Any] = {
    # Where people live (weights): the US East Coast is the largest single zone.
    "zones": {"America/New_York": 0.30, "America/Chicago": 0.12, "America/Denver": 0.04,
              "America/Los_Angeles": 0.14, "Europe/London": 0.10, "Europe/Berlin": 0.14,
              "Asia/Kolkata": 0.10, "Australia/Sydney": 0.06},
    "slack_share": 0.6,  # of people; the rest on Discord
    "active_share": 0.3,  # of people with an interview in a given week
    "interviews_per_active_week": 1.0,
    "added_before_share": 0.5,  # added before the interview (a prepare reminder)
    "nudge_share": 0.4,  # thank-yous not marked sent by the next morning
    "no_answer_share": 0.6,  # calls that reach no one (a second call, then move on)
    "answer_share": 0.8,  # reminders answered by one command or button
    "answer_mean_minutes": 10.0,  # how soon, exponential
    "own_commands_per_interview": 3.0,  # add, list, heard… in working hours
    "slash_share": 0.5,  # commands typed as /followup (the rest: buttons, DMs)
    "people_per_workspace": 200,  # Slack workspaces: the biggest holds 5 % of Slack users
    "biggest_workspace_share": 0.05,
    "people_per_guild": 50,  # Discord servers the bot is in
    "headroom": 2.0,  # capacity planned per measured peak
}
DISCORD_BUDGET = 48.0  # requests/s the shared budget grants (section 5; Discord's is 50)
GUILDS_PER_SHARD = 2_500  # Discord requires a shard per 2,500 guilds
POOL = 15  # SQLAlchemy's QueuePool: 5 kept + 10 overflow, per process
#: Connections kept outside the pool: the web process's inbox writer, the clock's LISTEN.
DETACHED = {"web": 1, "clock": 1, "discord": 0}


@dataclass(frozen=True)
class Measured:
    """Per-process figures from the benchmarks, with where each came from."""

    delivery_per_clock: float = 1116.0  # Slack reminders/s, PostgreSQL (section 1)
    delivery_cpu_ms: float = 0.82
    answers_per_clock: float = 30.0  # commands/s with answer p99 < 1 s (section 8)
    command_cpu_ms: float = 22.9  # the clock's CPU per answered command (section 8)
    server_cpu_ms: float = 5.9  # PostgreSQL's CPU per answered command (section 8)
    web_acks: float = 787.0  # /followup acks/s, web process alone (section 4)
    web_cpu_ms: float = 1.05  # per ack (section 4)
    claims_per_s: float = 8377.0  # ClaimQueue, batch 20, one worker (section 7)
    discord_budget: float = DISCORD_BUDGET
    source: str = "docs/BENCHMARKS.md"

    @classmethod
    def load(cls, folder: Path = RESULTS) -> Measured:
        """This machine's last run where its files exist, else the recorded figures."""
        found = cls()
        sources = []
        answers = folder / "answer-latency.json"
        if answers.exists():
            data = json.loads(answers.read_text())
            good = [s for s in data["steps"] if s["answer_p99_ms"] < 1000 and not s["errors"]]
            if good:
                best = max(good, key=lambda s: s["rate"])
                found = replace(found, answers_per_clock=best["rate"],
                                command_cpu_ms=best["clock_cpu_ms"],
                                server_cpu_ms=best["server_cpu_ms"] or found.server_cpu_ms)
                sources.append("section 8's last run")
        queue = folder / "claim_queue.json"
        if queue.exists():
            rows = [r for r in json.loads(queue.read_text())
                    if r["variant"] == "product" and r["workers"] == 1 and r["batch"] == 20]
            if rows:
                found = replace(found, claims_per_s=rows[0]["rate"])
                sources.append("section 7's last run")
        rest = "docs/BENCHMARKS.md for the rest" if sources else "docs/BENCHMARKS.md"
        return replace(found, source=", ".join([*sources, rest]) + (
            " (each part's last run keeps its figures in /tmp/followup-bench)"
            if sources else ""))


@dataclass
class Reminder:
    due: datetime  # UTC
    slack: bool
    person: int


def _business_days(monday: date, weeks: int) -> list[date]:
    return [monday + timedelta(days=d) for d in range(7 * weeks) if (d % 7) < 5]


def simulate(rng: random.Random, sample: int = SAMPLE, weeks: int = 4
             ) -> tuple[list[Reminder], list[datetime], date]:
    """Every reminder the product would send `sample` people over `weeks` weeks, and the
    moments of the commands they type unprompted; the Monday the last week starts."""
    from bot.model import CallRecord, CallResult, Interview, Interviewer, Outcome
    from bot.rules.plan import Prefs, move_on_due, plan_checkpoints, second_call_due

    a = ASSUMED
    zones = list(a["zones"])
    weights = list(a["zones"].values())
    monday = date(2026, 11, 2)
    days = _business_days(monday, weeks)
    reminders: list[Reminder] = []
    own: list[datetime] = []
    for person in range(sample):
        tz = ZoneInfo(rng.choices(zones, weights)[0])
        prefs = Prefs(tz)
        slack = rng.random() < a["slack_share"]
        for _week in range(weeks):
            if rng.random() >= a["active_share"] * a["interviews_per_active_week"]:
                continue
            day = rng.choice(days)
            start = datetime.combine(day, time(9, 0), tz) + timedelta(
                minutes=30 * rng.randrange(16))
            before = rng.random() < a["added_before_share"]
            created = start - timedelta(days=rng.uniform(1, 3)) if before \
                else start + timedelta(hours=1.5)
            interview = Interview(id=person, person_id=person, number=1, company="Co",
                                  role="analyst", starts_at=start.astimezone(UTC),
                                  interviewers=(Interviewer("Jane Smith", id=1),),
                                  created_at=created.astimezone(UTC))
            due = [p for p in plan_checkpoints(interview, prefs, interview.created_at)
                   if p.kind.value != "thank_you_nudge" or rng.random() < a["nudge_share"]]
            first = next(p.due_at for p in due if p.kind.value == "first_call")
            due_at = [p.due_at for p in due]
            call = CallRecord(first + timedelta(hours=1), CallResult.NO_ANSWER)
            if rng.random() < a["no_answer_share"]:
                second = second_call_due(replace(interview, calls=(call,)), prefs)
                due_at.append(second)
                last = CallRecord(second + timedelta(hours=1), CallResult.NO_ANSWER)
                due_at.append(move_on_due(replace(interview, calls=(call, last)), prefs))
            else:  # heard back after the first call: the plan ends with a reflection
                heard = replace(interview, outcome=Outcome.REJECTED, outcome_at=call.at)
                due_at += [p.due_at for p in plan_checkpoints(heard, prefs, call.at)]
            reminders += [Reminder(d.astimezone(UTC), slack, person) for d in due_at]
            mean = a["own_commands_per_interview"]
            for _ in range(int(mean) + (rng.random() < mean - int(mean))):
                moment = datetime.combine(rng.choice(days), time(9, 0), tz) + timedelta(
                    minutes=rng.uniform(0, 9 * 60))
                own.append(moment.astimezone(UTC))
    return reminders, own, days[-5]


def peaks(rng: random.Random) -> dict[str, Any]:
    """Per person simulated: the busiest second of reminders in the last week, its
    split by platform, the busiest minute of commands, and daily totals."""
    reminders, own, last_monday = simulate(rng)
    begin = datetime.combine(last_monday, time(0, 0), UTC)
    end = begin + timedelta(days=7)
    week = [r for r in reminders if begin <= r.due < end]
    seconds = Counter(int(r.due.timestamp()) for r in week)
    peak_at, peak = seconds.most_common(1)[0]
    slack_at_peak = sum(1 for r in week if int(r.due.timestamp()) == peak_at and r.slack)
    a = ASSUMED
    commands = [r.due + timedelta(minutes=rng.expovariate(1 / a["answer_mean_minutes"]))
                for r in week if rng.random() < a["answer_share"]]
    commands += [c for c in own if begin <= c < end]
    minutes = Counter(int(c.timestamp()) // 60 for c in commands)
    busiest_minute = max(minutes.values())
    moment = datetime.fromtimestamp(peak_at, UTC)
    zone = max(a["zones"], key=lambda z: a["zones"][z] if moment.astimezone(
        ZoneInfo(z)).time() in (time(9, 0), time(10, 0)) else 0.0)
    new_york_monday = datetime.combine(last_monday, time(10, 0), ZoneInfo("America/New_York"))
    return {"sample": SAMPLE, "reminders_week": len(week) / SAMPLE,
            "peak_second": peak / SAMPLE, "peak_slack": slack_at_peak / SAMPLE,
            "monday_ten": seconds[int(new_york_monday.timestamp())] / SAMPLE,
            "peak_at": moment.isoformat(), "peak_local": moment.astimezone(
                ZoneInfo(zone)).strftime("%A %H:%M") + f" in {zone}",
            "commands_week": len(commands) / SAMPLE,
            "peak_commands_per_s": busiest_minute / 60 / SAMPLE,
            "busiest_second_share": peak / max(len(week), 1)}


def plan_for(users: int, shape: dict[str, Any], m: Measured) -> dict[str, Any]:
    """Processes, connections and drain times for `users` people (derived)."""
    a = ASSUMED
    head = a["headroom"]
    peak = shape["peak_second"] * users
    slack_peak = shape["peak_slack"] * users
    discord_peak = peak - slack_peak
    commands = shape["peak_commands_per_s"] * users
    slash = commands * a["slack_share"] * a["slash_share"]
    clock_delivery = math.ceil(slack_peak / (m.delivery_per_clock * 60)) or 1
    clock_answers = math.ceil(slash * head / m.answers_per_clock) or 1
    clocks = max(clock_delivery, clock_answers, 1)
    # The web process acks everything Slack sends, and answers buttons and DMs itself.
    slack_requests = commands * a["slack_share"]
    web_cpu = (slack_requests * m.web_cpu_ms
               + (slack_requests - slash) * m.command_cpu_ms) / 1000 * head
    webs = max(math.ceil(web_cpu), math.ceil(slack_requests * head / m.web_acks), 1)
    # From 100,000 people, two of each, so that a deploy or a crash leaves one serving.
    spare = 2 if users >= 100_000 else 1
    webs, clocks = max(webs, spare), max(clocks, spare)
    discord_users = users * (1 - a["slack_share"])
    guilds = math.ceil(discord_users / a["people_per_guild"])
    shards = max(math.ceil(guilds / GUILDS_PER_SHARD), 1)
    discord_commands = commands * (1 - a["slack_share"])
    # Discord sends every DM's gateway event to shard 0 alone.
    shard0_dms = discord_commands * (1 - a["slash_share"])
    connections = (webs * (POOL + DETACHED["web"]) + clocks * (POOL + DETACHED["clock"])
                   + shards * (POOL + DETACHED["discord"]))
    server_cores = commands * m.server_cpu_ms / 1000 * head
    return {
        "users": users,
        "peak_reminders": peak, "peak_slack": slack_peak, "peak_discord": discord_peak,
        "slack_drain_s": slack_peak / (clocks * m.delivery_per_clock),
        "discord_drain_s": discord_peak / m.discord_budget,
        "biggest_workspace_peak": slack_peak * min(1.0, max(
            a["biggest_workspace_share"],
            a["people_per_workspace"] / max(users * a["slack_share"], 1))),
        "monday_ten": shape["monday_ten"] * users,
        "workspaces": math.ceil(users * a["slack_share"] / a["people_per_workspace"]),
        "peak_commands": commands, "peak_slash": slash,
        "discord_commands": discord_commands, "shard0_dms": shard0_dms,
        "shard0_cores": shard0_dms * m.command_cpu_ms / 1000,
        "web": webs, "clock": clocks, "clock_for_answers": clock_answers,
        "clock_for_delivery": clock_delivery, "guilds": guilds, "shards": shards,
        "connections": connections, "server_cores": server_cores,
        "reminders_day": shape["reminders_week"] * users / 5,
        "claims_share": (peak / 60) / m.claims_per_s,
    }


def _n(value: float) -> str:
    if isinstance(value, int) or value >= 10:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def tables(shape: dict[str, Any], m: Measured, plans: list[dict[str, Any]]) -> str:
    sizes = [f"{p['users']:,} users" for p in plans]

    def row(label: str, kind: str, key: str, fmt: Any = _n) -> str:
        return f"| {label} | {kind} | " + " | ".join(fmt(p[key]) for p in plans) + " |"

    header = "| | kind | " + " | ".join(sizes) + " |\n|---|---|" + "---|" * len(plans)

    def database(p: dict[str, Any]) -> str:
        pooled = ("; over PostgreSQL's default 100: PgBouncer in transaction mode (see "
                  "below) or a higher `max_connections`" if p["connections"] > 100 else "")
        return (f"{p['connections']} connections at most{pooled}; "
                f"{p['server_cores']:.2f} cores for commands")

    def first_limit(p: dict[str, Any]) -> str:
        if p["discord_drain_s"] < 10:
            return "none"
        return (f"Discord's 50 requests/s: {p['discord_drain_s']:.0f} s to send the busiest "
                "second's reminders")

    summary = [
        "| | " + " | ".join(sizes) + " |", "|---|" + "---|" * len(plans),
        "| `web` (Slack HTTP: store and ack; buttons and DMs) | "
        + " | ".join(str(p["web"]) for p in plans)
        + " |",
        "| `clock`, then `answer` (each delivers and answers stored `/followup`; "
        "counted together) | "
        + " | ".join(str(p["clock"]) for p in plans)
        + " |",
        "| `discord` (one gateway shard each) | " + " | ".join(
            str(p["shards"]) + (" (shard 0 on a core of its own)" if p["shards"] > 1 else "")
            for p in plans) + " |",
        "| PostgreSQL | " + " | ".join(database(p) for p in plans) + " |",
        "| first limit met | " + " | ".join(first_limit(p) for p in plans) + " |",
    ]
    measured = [
        ("Slack reminders a clock process delivers", f"{m.delivery_per_clock:,.0f}/s",
         "section 1, `python -m bench --only delivery`"),
        ("commands one clock answers with answer p99 < 1 s (2 cores shared with web and "
         "PostgreSQL)", f"{m.answers_per_clock:,.0f}/s",
         "section 8, `python -m bench.answer_latency`"),
        ("the clock's CPU per answered command", f"{m.command_cpu_ms:.1f} ms", "section 8"),
        ("PostgreSQL's CPU per answered command", f"{m.server_cpu_ms:.1f} ms", "section 8"),
        ("acks a web process gives `/followup` (alone)", f"{m.web_acks:,.0f}/s",
         "section 4, `python -m bench --only slack`"),
        ("claim and complete, batch 20, one worker", f"{m.claims_per_s:,.0f} jobs/s",
         "section 7, `python -m bench.claim_queue`"),
        ("Discord requests/s every process shares (one bot token)",
         f"{m.discord_budget:.0f}/s", "section 5, `python -m bench.global_limit`"),
    ]
    return wrap(SECTION, [
        "What runs where (derived; from 100,000 people two `web` and two answering "
        "processes (`clock`, `answer`) at least, "
        "so that a deploy or a crash leaves one serving):", "", *summary, "",
        f"Measured on this machine, read from {m.source}.", "",
        "| per process | figure | from |", "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in measured], "",
        f"Derived from {shape['sample']:,} simulated people through the product's rules "
        f"(`bench/scaling.py`, assumptions in its `ASSUMED`): {shape['reminders_week']:.2f} "
        f"reminders and {shape['commands_week']:.2f} commands a person a week; the busiest "
        f"second is {shape['peak_local']} (UTC {shape['peak_at'][:19]}), when "
        f"{shape['busiest_second_share']:.1%} of the week's reminders fall due at once.", "",
        header,
        row("reminders due in the busiest second", "derived", "peak_reminders"),
        row("… on Slack", "derived", "peak_slack"),
        row("… on Discord", "derived", "peak_discord"),
        row("reminders due Monday 10:00:00 in New York", "derived", "monday_ten"),
        row("seconds to send Slack's (all clocks)", "derived", "slack_drain_s"),
        row("seconds to send Discord's (50/s per bot)", "derived", "discord_drain_s"),
        row("the biggest workspace's share of the peak", "derived",
            "biggest_workspace_peak"),
        row("commands a second, busiest minute", "derived", "peak_commands",
            lambda v: f"{v:.1f}"),
        row("… of them `/followup` (answered by clocks)", "derived", "peak_slash",
            lambda v: f"{v:.1f}"),
        row("web processes (Slack HTTP)", "derived", "web"),
        row("clock processes", "derived", "clock"),
        row("Slack workspaces", "assumed", "workspaces"),
        row("Discord servers", "assumed", "guilds"),
        row("Discord shard processes (2,500 servers each)", "derived", "shards"),
        row("Discord DMs a second, busiest minute, all on shard 0", "derived", "shard0_dms",
            lambda v: f"{v:.1f}"),
        row("… shard 0's cores to answer them", "derived", "shard0_cores",
            lambda v: f"{v:.2f}"),
        row("PostgreSQL connections at most (no pooler)", "derived", "connections"),
        row("PostgreSQL cores for commands", "derived", "server_cores",
            lambda v: f"{v:.2f}"),
        row("reminders a business day", "derived", "reminders_day"),
        "", "Run: `python -m bench.scaling --write docs/SCALING.md` (seconds; no network, "
        "no database)."])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args(argv)
    measured = Measured.load()
    shape = peaks(random.Random(args.seed))
    plans = [plan_for(users, shape, measured) for users in SIZES]
    text = tables(shape, measured, plans)
    (RESULTS / "scaling.json").write_text(json.dumps(
        {"shape": shape, "measured": asdict(measured), "plans": plans}))
    if args.write is None:
        print(text)
        return
    write_section(text, args.write, SECTION)
    print(f"written to {args.write}")


if __name__ == "__main__":
    main()
