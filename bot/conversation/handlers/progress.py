"""Reporting progress: a note sent, a step done, a call made, an answer heard, a promise,
a snooze, a stop. Each one changes the plan, so each ends with a replan."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

from bot.clubs.commands import celebrate
from bot.commands import (
    CancelInterview,
    InterviewRecord,
    MarkDone,
    MarkSent,
    OnlyOpenInterview,
    RecordPromise,
    ReportCall,
    ReportOutcome,
    Snooze,
    SnoozeFor,
    SnoozeSpan,
    SnoozeTillMorning,
    SnoozeUntil,
    StepNumber,
)
from bot.content import notes
from bot.content.formatting import OUTCOME_LABELS, checkpoint_label, when
from bot.conversation import add_flow
from bot.conversation.flows import CallNewsFlow
from bot.conversation.handlers import adding, reflection
from bot.conversation.replan import ACTIVE
from bot.conversation.turn import Turn
from bot.messages import Action, ActionId, Draft, Reply, Style
from bot.model import (
    CallRecord,
    CallResult,
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Interview,
    Outcome,
    PromiseKind,
)
from bot.parsing import parse_promise
from bot.rules.calendar import end_of_quiet
from bot.rules.plan import MAX_CALLS, PHONE_KINDS, next_morning, release_time
from bot.text import one_slip_from, short

# --- thank-you notes and steps ------------------------------------------------------------
#: Everyone on the interview, as said after "to": "sent the thank you to both".
_EVERYONE = frozenset({"both", "both of them", "all", "all of them", "everyone", "everybody",
                       "them", "them all", "them both", "each of them"})


def sent(turn: Turn, command: MarkSent) -> list[Reply]:
    if command.by:
        return [Reply(text=notes.why_not_text_or_social(command.by) + " Once the e-mail "
                           "is out, type `sent` again.")]
    found = turn.interview_and_plan(command.interview)
    if isinstance(found, Reply):
        return [found]
    interview, rows = found
    who = command.to.lower()
    if who in _EVERYONE:  # "sent the thank you to both"
        who = "all"
    people = [p for p in interview.interviewers
              if not who or who in p.name.lower() or who == "all"]
    if not people:
        # "sent thnk u to jame": one letter off the only name it can be, as typed in a hurry
        people = [p for p in interview.interviewers if one_slip_from(who, p.name)]
        people = people if len(people) == 1 else []
    if not people:
        names = ", ".join(p.name for p in interview.interviewers)
        return [Reply(text=f"No interviewer called {short(who, 40)!r} on "
                           f"#{interview.number}. I have: {names}.")]
    if turn.now < interview.starts_at:
        # A note written before the interview cannot thank them for it: keep the reminder.
        return [Reply(text=f"Your {interview.title} interview is still ahead "
                           f"({when(interview.starts_at, turn.tz)}), so there's nothing "
                           "to thank them for yet. Send the note after it, ideally the "
                           "same day; I'll remind you then, with a draft.")]
    # Marking steps done leaves the interview as it was (and only this unit changes it).
    left = turn.done_and_replanned(interview, (CheckpointKind.THANK_YOU,),
                                   {p.id for p in people}, rows)
    names = ", ".join(p.name for p in people)
    text = (f"Marked your thank-you to {names} as sent. Well done: a prompt note "
            "is the follow-up most candidates skip.")
    if any(cp.kind is CheckpointKind.HANDWRITTEN and cp.state in ACTIVE for cp in left):
        text += " Don't forget the handwritten card."
    return [Reply(text=text)]


def done(turn: Turn, command: MarkDone) -> list[Reply]:
    if command.step is None:
        return [Reply(text="Which step? For example `done 1.2`; `plan 1` lists the steps.")]
    found = turn.step(command.step)
    if isinstance(found, Reply):
        return [found]
    return [complete(turn, *found)]


def complete(turn: Turn, interview: Interview, cp: Checkpoint) -> Reply:
    if cp.kind in PHONE_KINDS:
        return Reply(text=f"How did the call go? `called {interview.number} answered` or "
                          f"`called {interview.number} no answer`.",
                     actions=call_buttons(interview))
    if cp.kind is CheckpointKind.REFLECT:
        return reflection.start(turn, interview)[0]
    if cp.state in (CheckpointState.DONE, CheckpointState.CANCELLED):
        return Reply(text=f"{checkpoint_label(cp, interview)} is already "
                          f"{'done' if cp.state is CheckpointState.DONE else 'closed'}.",
                     replace_original=True)
    ids: set[int | None] = {cp.interviewer_id}
    kinds: tuple[CheckpointKind, ...] = (cp.kind,)
    if cp.kind is CheckpointKind.THANK_YOU_NUDGE:
        kinds = (CheckpointKind.THANK_YOU, CheckpointKind.THANK_YOU_NUDGE)
    turn.mark_done(interview, kinds, ids)
    turn.replan(interview)  # marking steps done leaves the interview as it was
    if cp.kind in (CheckpointKind.THANK_YOU, CheckpointKind.THANK_YOU_NUDGE):
        text = (f"✓ {checkpoint_label(cp, interview).replace(' nudge', ' note')} sent. "
                "Nice work: speed is what makes a thank-you count.")
    elif cp.kind is CheckpointKind.HANDWRITTEN:
        text = "✓ Cards posted. At a traditional employer, a handwritten card stands out."
    else:
        text = f"✓ {checkpoint_label(cp, interview)}: done."
    return Reply(text=text, replace_original=True)


# --- calls -----------------------------------------------------------------------------------
CALL_NEWS_QUESTION = "What did they say?"


def _drop_call_news(turn: Turn, interview: Interview) -> None:
    """An outcome or a day for this interview answers "what did they say?"."""
    flow = turn.flow()
    if isinstance(flow, CallNewsFlow) and flow.interview_id == interview.id:
        turn.set_flow(None)


def call_buttons(interview: Interview) -> tuple[Action, ...]:
    iid = str(interview.id)
    return (
        Action(ActionId.CALLED_NO_ANSWER, "No answer", iid),
        Action(ActionId.CALLED_ANSWERED, "Spoke, no news yet", iid),
        Action(ActionId.HEARD_BACK, "Heard back", iid, Style.PRIMARY),
    )


def called(turn: Turn, command: ReportCall) -> list[Reply]:
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    if command.result is None:
        return [Reply(text=f"Did anyone pick up? `called {interview.number} answered` or "
                           f"`called {interview.number} no answer`.",
                      actions=call_buttons(interview))]
    reply = record_call(turn, interview, command.result)
    if command.news is not None:
        # "Called Dana, 2nd round wed 1pm!": the call is on record, and its news says
        # what comes next (a third call or a closed interview leaves the news to say it).
        return heard(turn, command.news)
    recorded = turn.repo.get_interview(interview.id)
    if command.promise is not None and recorded is not None and recorded.is_open and \
            len(recorded.calls) > len(interview.calls):
        # The day they gave sets what comes next, so the call's own "I'll remind you on …"
        # (which the promise moves) is not said beside it.
        return promised(turn, RecordPromise(InterviewRecord(interview.id), command.promise))
    if command.ask_news and recorded is not None and recorded.is_open and \
            len(recorded.calls) > len(interview.calls):
        return [ask_call_news(turn, recorded, reply.text)]
    return [reply]


def record_call(turn: Turn, interview: Interview, result: CallResult) -> Reply:
    if not interview.is_open:
        assert interview.outcome is not None
        return Reply(text=f"#{interview.number} is already closed "
                          f"({OUTCOME_LABELS[interview.outcome]}). Nothing more to "
                          "call about.",
                     replace_original=True)
    if len(interview.calls) >= MAX_CALLS:
        return Reply(text="You've already made two follow-up calls, and that's where I "
                          "stop: once shows follow-through, twice shows initiative, a "
                          "third starts to feel like pressure. If they call back, tell "
                          f"me with `heard {interview.number} …`.",
                     replace_original=True)
    interview = turn.repo.add_call(interview.id, CallRecord(turn.now, result))
    kind = (CheckpointKind.FIRST_CALL if len(interview.calls) == 1
            else CheckpointKind.SECOND_CALL)
    turn.mark_done(interview, (kind,))
    turn.replan(interview)
    rows = {cp.kind: cp for cp in turn.repo.checkpoints_for(interview.id)
            if cp.state in ACTIVE}
    if kind is CheckpointKind.FIRST_CALL and CheckpointKind.SECOND_CALL in rows:
        nxt = rows[CheckpointKind.SECOND_CALL]
        text = ("Noted. Following up once shows you follow through. If you don't hear "
                f"back, I'll remind you to try once more on {when(nxt.due_at, turn.tz)}.")
    elif CheckpointKind.MOVE_ON in rows:
        nxt = rows[CheckpointKind.MOVE_ON]
        text = ("Noted: that's your second call, and the last I'll suggest. If there's "
                f"still no word by {when(nxt.due_at, turn.tz)}, we'll call it and move on.")
    else:
        text = "Noted."
    return Reply(text=text, replace_original=True)


def ask_call_news(turn: Turn, interview: Interview, lead: str) -> Reply:
    """Ask what they said, with the likely answers as buttons."""
    turn.set_flow(CallNewsFlow(interview.id, CALL_NEWS_QUESTION))
    iid = str(interview.id)
    return Reply(
        text=f"{lead} {CALL_NEWS_QUESTION} An offer, a no, another round, a day they named "
             "(`they'll decide by Friday`), or no news yet.",
        actions=(
            Action(ActionId.OUTCOME_OFFER, "Offer", iid, Style.PRIMARY),
            Action(ActionId.OUTCOME_NEXT_ROUND, "Next round", iid),
            Action(ActionId.OUTCOME_REJECTED, "Not this time", iid),
            Action(ActionId.NAMED_A_DAY, "They named a day", iid),
            Action(ActionId.NO_NEWS, "No news yet", iid),
        ),
        replace_original=True)



# --- the employer's answer --------------------------------------------------------------------
def heard(turn: Turn, command: ReportOutcome) -> list[Reply]:
    found = turn.interview_and_plan(command.interview)
    if isinstance(found, Reply):
        return [found]
    interview, rows = found
    if command.outcome is None:
        return [outcome_question(interview)]
    return record_outcome(turn, interview, command.outcome, said=command.said, rows=rows)


def outcome_question(interview: Interview) -> Reply:
    iid = str(interview.id)
    return Reply(
        text=f"What did {interview.company} say? Or type "
             f"`heard {interview.number} offer | rejected | next round | other`.",
        actions=(
            Action(ActionId.OUTCOME_OFFER, "Offer", iid, Style.PRIMARY),
            Action(ActionId.OUTCOME_NEXT_ROUND, "Next round", iid),
            Action(ActionId.OUTCOME_REJECTED, "Not this time", iid),
            Action(ActionId.OUTCOME_OTHER, "Something else", iid),
        ),
    )


def record_outcome(turn: Turn, interview: Interview, outcome: Outcome, *,
                   said: str = "", rows: list[Checkpoint] | None = None) -> list[Reply]:
    """Close the interview with `outcome`; for a next round, `said` may already give
    its date (and people), which then need not be asked for. `rows`: the interview's
    checkpoints when the caller read them with it (the outcome leaves them as they
    were, so the replan need not read them again). `interview` must be as read in this
    unit."""
    _drop_call_news(turn, interview)
    if interview.outcome is not None and interview.outcome is not Outcome.NO_RESPONSE:
        return [Reply(text=f"#{interview.number} is already closed as "
                           f"{interview.outcome.value.replace('_', ' ')}.",
                      replace_original=True)]
    # Recorded with the plan it leaves, in one go: only this unit changes the interview,
    # so it is as read, with its outcome.
    interview = replace(interview, outcome=outcome, outcome_at=turn.now.astimezone(UTC))
    turn.replan(interview, rows=rows, outcome=outcome)
    celebrate(turn.repo, turn.person, interview, turn.now)
    title = interview.title
    messages = {
        Outcome.OFFER: f"An offer for {title}! 🎉 {notes.offer_checklist()}",
        Outcome.REJECTED: f"I'm sorry about {title}. It stings, and it's also normal. "
        "A short, gracious reply thanking them and asking for feedback keeps the door "
        "open for the next role there.",
        Outcome.HEARD: f"Thanks for telling me. I've stopped the reminders for {title}.",
        Outcome.WITHDREW: f"Noted: you withdrew from {title}. I've stopped its reminders.",
        Outcome.NO_RESPONSE: f"Closed {title} as no response.",
        Outcome.NEXT_ROUND: f"A next round at {interview.company}: well done!",
    }
    found: tuple[Draft, ...] = ()
    if outcome is Outcome.REJECTED:
        found = (notes.rejection_reply(interview, turn.tz, turn.person.display_name),)
    replies = [Reply(text=messages.get(outcome, "Noted.") +
                     "\nLater I'll ask you three short questions to reflect on it.",
                     drafts=found, replace_original=True)]
    if outcome is Outcome.NEXT_ROUND:
        draft = add_flow.AddDraft(
            company=interview.company, role=interview.role,
            last_round=list(interview.interviewers), parent_id=interview.id,
            stage="next round", promise_done=True, culture=interview.culture,
            channel=interview.channel,
        )
        if said:  # "the 2nd round is Dec 3 at 2pm": no need to ask when
            answered = add_flow.answer(draft, add_flow.Ask.WHEN, said, turn.now, turn.tz)
            draft = draft if answered.problem else answered.draft
        replies.extend(adding.ask(turn, draft))
    return replies


def promised(turn: Turn, command: RecordPromise) -> list[Reply]:
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    promise = command.promise
    if promise is None and not command.said:
        return [Reply(text=f"What did they say? e.g. `promised {interview.number} they'll "
                           "decide by Friday` or `promised "
                           f"{interview.number} call me on Tuesday`.")]
    if promise is None:
        # Said in an option of its own (a slash command): read it in the person's zone.
        promise = parse_promise(command.said, turn.now.astimezone(turn.tz).date(), turn.now,
                                turn.tz)
    if promise is None:
        return [Reply(text=f"I couldn't find a date in {short(command.said, 60)!r}. "
                           f"Try `promised {interview.number} they'll decide by Friday`.")]
    if not interview.is_open:
        return [Reply(text=f"#{interview.number} is closed; reopen it by telling me what "
                           "happened first.")]
    interview_day = interview.starts_at.astimezone(turn.tz).date()
    if promise.on < interview_day:
        return [Reply(text=f"{promise.on:%a %Y-%m-%d} is before the interview itself "
                           f"({interview_day:%a %Y-%m-%d}), so I've kept the plan as it "
                           "was. What did they say about after it? e.g. `promised "
                           f"{interview.number} they'll decide by Friday`.")]
    _drop_call_news(turn, interview)
    before = interview
    interview = turn.repo.set_promise(interview.id, promise)
    for cp in turn.repo.checkpoints_for(interview.id):
        if cp.kind in PHONE_KINDS and cp.snoozed and cp.state in ACTIVE:
            turn.repo.update_checkpoint(cp.id, snoozed=False)
    turn.replan(interview, before=before)
    who = "you'll call them on" if promise.kind is PromiseKind.YOU_CALL_ON \
        else "they'll decide by"
    # "Call her Thursday", and Thursday is Thanksgiving: the plan moves, and says why.
    holiday = promise.kind is PromiseKind.YOU_CALL_ON and promise.on in turn.prefs().holidays
    why = f"{promise.on:%a %Y-%m-%d} is a public holiday where you are, so offices are " \
          "likely closed. " if holiday else ""
    return [Reply(text=f"Noted: {who} {promise.on:%a %Y-%m-%d}. {why}"
                       + _next_call_line(turn, interview))]


def _next_call_line(turn: Turn, interview: Interview) -> str:
    """What the plan now holds for calls, after a promise changed it."""
    waiting = {cp.kind: cp for cp in turn.repo.checkpoints_for(interview.id)
               if cp.state is CheckpointState.PENDING}
    now, prefs, tz = turn.now, turn.prefs(), turn.tz

    def going_out(cp: Checkpoint) -> str:
        # A day already past means now, or the next working hour if it's late.
        due = cp.due_at if cp.due_at > now else release_time(cp.kind, interview, now, prefs)
        return "is due now: the reminder follows" if due <= now \
            else f"is now planned for {when(due, tz)}"

    if CheckpointKind.FIRST_CALL in waiting:
        return f"Your call {going_out(waiting[CheckpointKind.FIRST_CALL])}."
    if CheckpointKind.SECOND_CALL in waiting:
        return ("Your second (and last) call "
                f"{going_out(waiting[CheckpointKind.SECOND_CALL])}.")
    if CheckpointKind.MOVE_ON in waiting and len(interview.calls) >= MAX_CALLS:
        cp = waiting[CheckpointKind.MOVE_ON]
        return ("You've made both calls, so there's no third one; if there's still no "
                f"word by {when(cp.due_at, tz)}, I'll suggest moving on.")
    return "Nothing else in the plan had to move."


# --- snoozing and stopping --------------------------------------------------------------------
def snooze(turn: Turn, command: Snooze) -> list[Reply]:
    if command.span is None:
        return [Reply(text="Snooze which step, and for how long? e.g. `snooze 1.2 2h` or "
                           "`snooze 1 tomorrow`.")]
    step = command.step
    if step is None:  # "snooze 2 days": the only open interview's next step
        only = turn.interview(OnlyOpenInterview())
        if isinstance(only, Reply):
            return [only]
        step = StepNumber(only.number)
    if isinstance(step, StepNumber) and step.every_step:
        return _mute(turn, step.interview, command.span)
    found = turn.step_of_plan(step)
    if isinstance(found, Reply):
        return [found]
    interview, cp, rows = found
    # "remind me about the thank you in 2 hours", two people met: both notes wait
    twins = [row for row in rows or () if isinstance(step, StepNumber) and step.notes_only
             and row.id != cp.id and row.kind is cp.kind and row.due_at == cp.due_at
             and row.state in ACTIVE]
    replies = [snooze_step(turn, interview, cp, command.span, rows=None if twins else rows)]
    return replies + [snooze_step(turn, interview, twin, command.span) for twin in twins]


def _mute(turn: Turn, number: int, span: SnoozeSpan) -> list[Reply]:
    """"Mute acme for 3 days": every waiting step due before the span ends (counted from
    now) waits until it ends; later steps keep their times."""
    found = turn.repo.interviews_with_checkpoints(turn.person.id, number)
    if not found:
        return [Reply(text=f"I can't find interview #{number}. `list` shows yours.")]
    interview, rows = found[0]
    now, prefs = turn.now, turn.prefs()
    if isinstance(span, SnoozeFor):
        until = now + span.span
    elif isinstance(span, SnoozeUntil):
        until = span.moment
    elif isinstance(span, SnoozeTillMorning):
        until = next_morning(now, prefs)
    else:
        return [Reply(text="I couldn't read how long to mute it for. Try `mute 1 for 2 days` "
                           "or `mute 1 until Monday`.")]
    due = [cp for cp in rows if cp.state in ACTIVE and cp.due_at < until]
    if not due:
        return [Reply(text=f"Nothing of #{number} ({interview.company}) is due before "
                           f"{when(until, prefs.tz)}, so nothing had to move.")]
    # A reminder going out this very moment can't be held back: it says so, not nothing.
    return [Reply(text=f"{checkpoint_label(cp, interview)} is going out right now, so it "
                       "still reaches you; its own Snooze button moves it after that.")
            if cp.state is CheckpointState.SENDING else
            snooze_step(turn, interview, cp, SnoozeUntil(until), keep_hour=False) for cp in due]


def snooze_step(turn: Turn, interview: Interview, cp: Checkpoint, span: SnoozeSpan, *,
                rows: list[Checkpoint] | None = None, keep_hour: bool = True) -> Reply:
    """Move the step later. `rows`: the interview's checkpoints when the caller read
    them to find the step; the replan after the snooze then reads none."""
    now, prefs = turn.now, turn.prefs()
    if cp.state not in ACTIVE or cp.state is CheckpointState.SENDING:
        return Reply(text=f"{checkpoint_label(cp, interview)} isn't waiting, so there's "
                          "nothing to snooze.", replace_original=True)
    # A step still ahead moves on from its own time: a snooze never brings it closer.
    base = max(cp.due_at, now) if cp.state is CheckpointState.PENDING else now
    if isinstance(span, SnoozeTillMorning):
        until = next_morning(base, prefs)
    elif isinstance(span, SnoozeFor):
        until = base + span.span
    elif isinstance(span, SnoozeUntil):
        moment = span.moment
        if cp.kind in PHONE_KINDS and not span.named and keep_hour:
            # "move the call to Friday": the day moves, and the call keeps its own hour
            own = cp.due_at.astimezone(prefs.tz)
            moment = moment.astimezone(prefs.tz).replace(hour=own.hour, minute=own.minute)
        if moment <= base:  # a snooze only ever moves a step later
            return Reply(text=f"{checkpoint_label(cp, interview)} is already planned "
                              f"for {when(base, prefs.tz)}, after "
                              f"{when(moment, prefs.tz)}. A snooze only moves a step "
                              "later.")
        until = moment
    elif span.passed:
        return Reply(text=f"{short(span.said, 30)!r} has already passed; a "
                          "snooze moves a step later, e.g. `2h` or `until Monday`.")
    else:
        return Reply(text=f"I couldn't read {short(span.said, 30)!r} as a "
                          "length of time or a day. Try `2h`, `3d`, `1w`, `tomorrow` "
                          "or `until Monday`.")
    # Said as it will really go out: after quiet hours, and calls in office hours. A
    # moment the person named ("remind me at 9 tonight") is theirs to choose, quiet or not.
    asked_for = isinstance(span, SnoozeUntil) and span.named and \
        until != end_of_quiet(until, prefs.quiet, prefs.tz)
    if not asked_for:
        until = end_of_quiet(until, prefs.quiet, prefs.tz)
    if cp.kind in PHONE_KINDS:
        until = release_time(cp.kind, interview, until, prefs)
    moved = turn.repo.update_checkpoint(cp.id, state=CheckpointState.PENDING, due_at=until,
                                        snoozed=True, expect=[cp.state])
    # Unmoved (delivery took the step meanwhile), the replan reads the rows afresh.
    left = None if moved is None or rows is None else \
        [moved if row.id == moved.id else row for row in rows]
    # A call reminder snoozed after it went out is no longer waiting for a report.
    turn.replan(interview, rows=left)
    quiet = " (in your quiet hours, as you asked)" if asked_for else ""
    return Reply(text=f"Snoozed {checkpoint_label(cp, interview)} until "
                      f"{when(until, prefs.tz)}{quiet}.", replace_original=True)


def cancel(turn: Turn, command: CancelInterview) -> list[Reply]:
    if command.interview is None:
        return [Reply(text="Which interview? Give its number, e.g. `plan 1`. "
                           "`list` shows the numbers.")]
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    if interview.outcome is Outcome.CANCELLED:
        return [Reply(text=f"#{interview.number} is already stopped.")]
    if interview.outcome is not None:
        # Closed with an outcome: nothing left to stop, and the outcome is history.
        return [Reply(text=f"#{interview.number} is already closed "
                           f"({OUTCOME_LABELS[interview.outcome]}); no reminders are "
                           "left to stop.")]
    interview = turn.repo.set_outcome(interview.id, Outcome.CANCELLED, turn.now)
    turn.replan(interview)
    return [Reply(text=f"Stopped every reminder for #{interview.number} "
                       f"({interview.title}). Its history stays in `plan "
                       f"{interview.number}`.")]
