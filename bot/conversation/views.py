"""Replies that show the user's data: the plan of one interview, the list of all."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.content.formatting import checkpoint_label, checkpoint_ref, interview_status, when
from bot.messages import Action, ActionId, Field, Moment, Reply, Style
from bot.model import Checkpoint, CheckpointKind, CheckpointState, Interview, JournalEntry
from bot.rules.explain import explain
from bot.rules.plan import Prefs

HIDDEN = (CheckpointState.CANCELLED,)


def interview_line(interview: Interview, tz: ZoneInfo) -> str:
    people = ", ".join(p.name for p in interview.interviewers) or "no names yet"
    return (f"#{interview.number} {interview.title} — {when(interview.starts_at, tz)} "
            f"with {people}")


def numbered(checkpoints: list[Checkpoint]) -> list[tuple[int, Checkpoint]]:
    """Positions by creation order: stable, so '1.3' always names the same checkpoint."""
    return list(enumerate(sorted(checkpoints, key=lambda c: c.id), start=1))


def moved_mark(interview: Interview, cp: Checkpoint, prefs: Prefs) -> str:
    """" · moved past a public holiday (Thu 26 Nov)": a waiting step whose rule pointed at
    a day off says so in the plan, so the date never looks arbitrary (`why` says more)."""
    if cp.state not in (CheckpointState.PENDING, CheckpointState.SENDING) or cp.snoozed:
        return ""
    reason = explain(cp.kind, cp.due_at, interview, prefs)
    if reason.holidays:
        days = ", ".join(f"{day:%a %d %b}" for day in reason.holidays)
        return f" · moved past a public holiday ({days})"
    if reason.business_days is None and reason.aimed_at is not None and \
            reason.aimed_at.weekday() >= 5 and reason.skipped:
        return " · moved past the weekend"
    return ""


def checkpoint_line(
    interview: Interview, position: int, cp: Checkpoint, tz: ZoneInfo, now: datetime,
    prefs: Prefs | None = None,
) -> str:
    ref = checkpoint_ref(interview, position)
    label = checkpoint_label(cp, interview)
    if cp.state in (CheckpointState.PENDING, CheckpointState.SENDING):
        status = "due now" if cp.due_at <= now else ("snoozed" if cp.snoozed else "")
    elif cp.state is CheckpointState.CANCELLED and cp.sent_at is not None:
        status = "reminded"  # it went out; what followed made it moot
    else:
        status = {"sent": "reminded", "done": "done"}.get(cp.state.value, cp.state.value)
    if cp.kind is CheckpointKind.THANK_YOU_NUDGE and cp.state is CheckpointState.PENDING:
        label += " (only if not sent)"
    tail = f" — {status}" if status else ""
    mark = moved_mark(interview, cp, prefs) if prefs is not None else ""
    return f"{ref:>5}  {when(cp.due_at, tz)}  {label}{tail}{mark}"


def plan_reply(
    interview: Interview, checkpoints: list[Checkpoint], tz: ZoneInfo, now: datetime,
    *, title: str | None = None, prefs: Prefs | None = None,
) -> Reply:
    # In date order, each with its stable number: a promise that moved a call may put
    # step 1.5 before step 1.4, and `done 1.5` must still mean the same step.
    # A reminder that went out stays in the history even once an outcome cancelled it.
    shown = sorted(((pos, cp) for pos, cp in numbered(checkpoints)
                    if cp.state not in HIDDEN or cp.sent_at is not None),
                   key=lambda item: (item[1].due_at, item[0]))
    lines = [checkpoint_line(interview, pos, cp, tz, now, prefs) for pos, cp in shown]
    fields = [Field("Interview", interview_line(interview, tz)),
              Field("Status", interview_status(interview))]
    if interview.promise:
        fields.append(Field("They said", f"{interview.promise.text} "
                                         f"({interview.promise.on:%a %Y-%m-%d})"))
    calls = len(interview.calls)
    if calls:
        fields.append(Field("Calls made", f"{calls} of 2"))
    body = "\n".join(lines) if lines else "Nothing left to remind you of."
    actions: list[Action] = []
    if interview.is_open:
        actions.append(Action(ActionId.HEARD_BACK, "Heard back", str(interview.id),
                              Style.PRIMARY))
    moments = [Moment("Interview", interview.starts_at)]
    upcoming = next_step(checkpoints)
    if upcoming is not None:
        moments.append(Moment(f"Next: {checkpoint_label(upcoming, interview)}", upcoming.due_at))
    return Reply(
        text=body,
        title=title or f"Plan for #{interview.number}: {interview.title}",
        fields=tuple(fields),
        actions=tuple(actions),
        moments=tuple(moments),
    )


def next_step(checkpoints: list[Checkpoint]) -> Checkpoint | None:
    upcoming = [c for c in checkpoints
                if c.state in (CheckpointState.PENDING, CheckpointState.SENDING,
                               CheckpointState.SENT)]
    return min(upcoming, key=lambda c: c.due_at, default=None)


def list_reply(
    items: list[tuple[Interview, list[Checkpoint]]], tz: ZoneInfo
) -> Reply:
    if not items:
        return Reply(
            text="No interviews yet. Tell me about one: "
            "`add Acme, data analyst, today 2pm with Jane Smith`.",
            actions=(Action(ActionId.ADD, "Add an interview", "", Style.PRIMARY),),
        )
    lines = []
    for interview, checkpoints in items:
        line = interview_line(interview, tz)
        if not interview.is_open:
            line += f" — {interview_status(interview)}"
        else:
            upcoming = next_step(checkpoints)
            if upcoming is not None:
                line += (f"\n      next: {checkpoint_label(upcoming, interview)}, "
                         f"{when(upcoming.due_at, tz)}")
        lines.append(line)
    actions = tuple(
        Action(ActionId.SHOW_PLAN, f"Plan #{i.number}", str(i.id))
        for i, _ in items[:5] if i.is_open
    )
    return Reply(text="\n".join(lines), title="Your interviews", actions=actions)


def journal_reply(entries: list[JournalEntry], titles: dict[int, str], tz: ZoneInfo) -> Reply:
    if not entries:
        return Reply(text="Your journal is empty. After each outcome I'll ask three short "
                          "questions; `reflect <number>` starts them any time.")
    lines = []
    for entry in entries:
        about = titles.get(entry.interview_id or -1, "general")
        lines.append(f"{when(entry.at, tz)} · {about}\n  {entry.question}\n"
                     f"  → {entry.answer}")
    return Reply(text="\n".join(lines), title="Your journal")
