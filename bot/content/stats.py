"""How well a person has followed up so far: counts, rates, a summary and a small chart.

Computed from stored interviews and checkpoints only; no clock is needed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median
from zoneinfo import ZoneInfo

from bot.model import Checkpoint, CheckpointKind, CheckpointState, Interview, Outcome
from bot.rules.calendar import local

#: Outcomes that mean the employer answered.
RESPONSES = frozenset({Outcome.OFFER, Outcome.REJECTED, Outcome.NEXT_ROUND, Outcome.HEARD})
#: Outcomes that say whether the employer answered. Withdrawn and cancelled interviews
#: are left out: the person stopped waiting, so they say nothing about the employer.
CLOSED = RESPONSES | {Outcome.NO_RESPONSE}
CALL_KINDS = frozenset({CheckpointKind.FIRST_CALL, CheckpointKind.SECOND_CALL})
#: Nudge states that mean the nudge actually went out.
NUDGE_FIRED = frozenset({CheckpointState.SENDING, CheckpointState.SENT, CheckpointState.DONE})

CHART_SIZE_PX = (600, 300)
CHART_DPI = 100


@dataclass(frozen=True, slots=True)
class Stats:
    """Follow-up counts over a person's interviews (those cancelled as mistakes excluded)."""

    interviews: int
    thank_yous_due: int  # notes the plans asked for and did not cancel
    thank_yous_sent: int  # of those, marked sent
    thank_yous_same_day: int  # of those sent, sent on the interview's day (approximate)
    calls_made: int
    calls_planned: int
    closed: int  # interviews whose outcome says whether the employer answered
    responses: int  # of those, the employer answered
    median_days_to_hear: float | None  # calendar days, interview to answer
    offers: int

    @property
    def same_day_share(self) -> float | None:
        """Of the notes sent, the share that went out the same day."""
        return self.thank_yous_same_day / self.thank_yous_sent if self.thank_yous_sent else None

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.closed if self.closed else None


def follow_up_stats(items: Iterable[tuple[Interview, list[Checkpoint]]], tz: ZoneInfo) -> Stats:
    """Count what was planned and what was done.

    "Same day" is an approximation, because the moment a note was marked sent is not
    stored: a thank-you counts as same-day when it is DONE, was due on the interview's
    local day, and its next-morning nudge to the same interviewer never went out (a
    nudge fires only if the note was still unsent the next morning).
    """
    interviews = 0
    due = sent = same_day = calls_made = calls_planned = 0
    closed = responses = offers = 0
    waits: list[int] = []
    for interview, checkpoints in items:
        if interview.outcome is Outcome.CANCELLED:
            continue
        interviews += 1
        calls_made += len(interview.calls)
        interview_day = local(interview.starts_at, tz).date()
        nudged = {
            c.interviewer_id
            for c in checkpoints
            if c.kind is CheckpointKind.THANK_YOU_NUDGE and c.state in NUDGE_FIRED
        }
        for checkpoint in checkpoints:
            if checkpoint.state is CheckpointState.CANCELLED:
                continue
            if checkpoint.kind in CALL_KINDS:
                calls_planned += 1
            if checkpoint.kind is not CheckpointKind.THANK_YOU:
                continue
            due += 1
            if checkpoint.state is CheckpointState.DONE:
                sent += 1
                if (
                    local(checkpoint.due_at, tz).date() == interview_day
                    and checkpoint.interviewer_id not in nudged
                ):
                    same_day += 1
        outcome = interview.outcome
        if outcome in CLOSED:
            closed += 1
        if outcome in RESPONSES:
            responses += 1
            if interview.outcome_at is not None:
                heard = local(interview.outcome_at, tz).date()
                waits.append((heard - interview_day).days)
        if outcome is Outcome.OFFER:
            offers += 1
    return Stats(
        interviews=interviews,
        thank_yous_due=due,
        thank_yous_sent=sent,
        thank_yous_same_day=same_day,
        calls_made=calls_made,
        calls_planned=calls_planned,
        closed=closed,
        responses=responses,
        median_days_to_hear=float(median(waits)) if waits else None,
        offers=offers,
    )


def stats_text(stats: Stats) -> str:
    """A few lines a person can read at a glance, ending on a word of encouragement."""
    if stats.interviews == 0:
        return "No interviews tracked yet. Add your next one and I'll plan every follow-up for you."
    lines = [f"Interviews tracked: {stats.interviews}"]
    if stats.thank_yous_due:
        line = f"Thank-you notes: {stats.thank_yous_sent} of {stats.thank_yous_due} sent"
        if stats.thank_yous_sent:
            line += f", {stats.thank_yous_same_day} on the day of the interview"
        lines.append(line)
    if stats.calls_planned or stats.calls_made:
        lines.append(f"Follow-up calls: {stats.calls_made} made, {stats.calls_planned} planned")
    if stats.closed:
        rate = stats.response_rate or 0.0
        line = f"Heard back: {stats.responses} of {stats.closed} closed interviews ({rate:.0%})"
        if stats.median_days_to_hear is not None:
            line += f", typically after {_days(stats.median_days_to_hear)}"
        lines.append(line)
    if stats.offers:
        lines.append(f"Offers: {stats.offers}")
    lines.append(_encouragement(stats))
    return "\n".join(lines)


def stats_chart_png(stats: Stats) -> bytes:
    """A 600×300 bar chart of planned versus done, as PNG bytes for an attachment."""
    # Imported here: matplotlib is slow to load and only this function needs it.
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    labels = [
        "Thank-yous\ndue",
        "Thank-yous\nsent",
        "Same day",
        "Calls\nplanned",
        "Calls\nmade",
        "Heard\nback",
        "Offers",
    ]
    values = [
        stats.thank_yous_due,
        stats.thank_yous_sent,
        stats.thank_yous_same_day,
        stats.calls_planned,
        stats.calls_made,
        stats.responses,
        stats.offers,
    ]
    colours = ["#9db4d3", "#2f6db5", "#1b4a82", "#c9b37e", "#a07d1c", "#6aa56a", "#2e7d32"]

    width, height = CHART_SIZE_PX
    # A Figure without pyplot keeps no global state, so concurrent requests are safe.
    figure = Figure(figsize=(width / CHART_DPI, height / CHART_DPI), dpi=CHART_DPI)
    axes = figure.add_subplot()
    bars = axes.bar(range(len(values)), values, color=colours)
    axes.bar_label(bars, padding=2, fontsize=9)
    axes.set_xticks(range(len(values)), labels, fontsize=8)
    axes.set_title(f"Your follow-ups across {_plural(stats.interviews, 'interview')}", fontsize=11)
    axes.set_ylim(0, max([*values, 1]) * 1.2)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    return buffer.getvalue()


def _days(value: float) -> str:
    shown = f"{value:g}"
    return "1 day" if shown == "1" else f"{shown} days"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _encouragement(stats: Stats) -> str:
    if stats.offers:
        return "An offer is the best answer there is. Well done, and keep following up."
    if stats.thank_yous_due and stats.thank_yous_sent == stats.thank_yous_due:
        return "Every thank-you went out. That kind of follow-through gets noticed."
    if stats.thank_yous_sent < stats.thank_yous_due:
        return (
            "A note still to send? Send it now: a late thank-you beats none, and "
            "hiring managers expect one."
        )
    return "Keep going: each follow-up is something hiring managers look for."
