"""The message a checkpoint sends when it falls due, with the buttons that fit it."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.content import call_scripts, notes
from bot.content.call_scripts import call_contact
from bot.content.formatting import when
from bot.messages import Action, ActionId, Draft, Moment, Reply, Style
from bot.model import Checkpoint, CheckpointKind, Interview, Interviewer, Person, PromiseKind
from bot.rules.holidays import country_for_zone, public_holidays
from bot.rules.plan import (
    HANDWRITTEN_DEADLINE,
    MAX_CALLS,
    SUNDAY,
    Prefs,
    handwritten_deadline,
)


def _interviewer(interview: Interview, checkpoint: Checkpoint) -> Interviewer | None:
    for person in interview.interviewers:
        if person.id == checkpoint.interviewer_id:
            return person
    return None


def _snoozes(cp: Checkpoint) -> tuple[Action, ...]:
    return (
        Action(ActionId.SNOOZE_2H, "Snooze 2 h", str(cp.id)),
        Action(ActionId.SNOOZE_TOMORROW, "Tomorrow", str(cp.id)),
    )


def _call_actions(cp: Checkpoint, interview: Interview) -> tuple[Action, ...]:
    iid = str(interview.id)
    return (
        Action(ActionId.CALLED_NO_ANSWER, "Called – no answer", iid),
        Action(ActionId.CALLED_ANSWERED, "Called – no news yet", iid),
        Action(ActionId.HEARD_BACK, "Heard back", iid, Style.PRIMARY),
        *_snoozes(cp),
    )


def _call_drafts(interview: Interview, tz: ZoneInfo, person: Person) -> tuple[Draft, ...]:
    return (
        call_scripts.call_script(interview, tz, person.display_name),
        call_scripts.voicemail_script(interview, tz, person.phone, person.display_name),
    )


def _move_on_text(interview: Interview, tz: ZoneInfo) -> str:
    """Why it is time to move on: two calls and a week, their deadline, or a silent week."""
    closing = ("I've closed this one as \"no response\"; if they come back, tell me and "
               "we'll pick it up. Put the energy into your next application.")
    calls = interview.calls
    if len(calls) < MAX_CALLS:
        return ("A week has gone by since your follow-up call was due, with no word from "
                "them and none from you about the call. Following up was the right "
                f"move either way. {closing}")
    promise = interview.promise
    if promise is not None and local_day(calls[-1].at, tz) < promise.on:
        return (f"They said they'd have news by {promise.on:%a %Y-%m-%d}, and that's "
                "passed without a word after your two calls. You did everything right. "
                f"{closing}")
    return ("A week has passed since your last call and they haven't answered. You did "
            f"everything right: a prompt note and two calls. {closing}")


def _whom(interview: Interview, *, again: bool = False) -> str:
    """'Call Jane Smith on +1 555 0100.': whom to ask for, and their number when known."""
    contact = call_contact(interview)
    if contact is None:
        return "Call the company and ask for whoever is hiring."
    verb = "Try" if again else "Call"
    if contact.phone:
        return f"{verb} {contact.name} on {contact.phone}."
    return f"{verb} {contact.name} (on their direct line, or ask for them at reception)."


def _card_text(interview: Interview, prefs: Prefs) -> str:
    """Post the card by the deadline, saying so when a Sunday or holiday moved it."""
    deadline = handwritten_deadline(interview, prefs)
    by = when(deadline, prefs.tz)
    text = ("A traditional employer values a handwritten card. Write one per interviewer "
            "in a few formal lines, as below, ")
    due = local_day(interview.starts_at + HANDWRITTEN_DEADLINE, prefs.tz)
    if local_day(deadline, prefs.tz) != due:
        closed = "a Sunday" if due.weekday() == SUNDAY else "a public holiday"
        return text + (f"and post it by {by}. Two days after the interview falls on "
                       f"{closed}, when no post is collected, so the next collection "
                       "is your deadline.")
    return text + f"and post it by {by} (48 hours after the interview)."


def local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def late_line(cp: Checkpoint, now: datetime, tz: ZoneInfo) -> str:
    return f"(Late: this was due {when(cp.due_at, tz)}, while I was offline.)"


def _prefs(person: Person, tz: ZoneInfo, now: datetime) -> Prefs:
    """The rules' view of the person's calendar: only the card's deadline needs it."""
    return Prefs(tz=tz, holidays=public_holidays(country_for_zone(person.tz),
                                                 range(now.year - 1, now.year + 2)))


def reminder(
    cp: Checkpoint, interview: Interview, person: Person, now: datetime, *, late: bool = False
) -> Reply:
    """Render one due checkpoint for its owner."""
    tz = ZoneInfo(person.tz)
    name = person.display_name
    title: str
    text: str
    found: tuple[Draft, ...] = ()
    actions: tuple[Action, ...]
    kind = cp.kind
    subject = f"{interview.role} at {interview.company}"
    contact = _interviewer(interview, cp)

    if kind is CheckpointKind.PREPARE:
        title = f"Your {subject} interview is at {when(interview.starts_at, tz)}"
        text = (
            "Two things to do before you leave the room:\n"
            "• Ask: \"When do you expect to decide, and when may I follow up?\" "
            "Then tell me what they said, e.g. `promised "
            f"{interview.number} they'll decide by Friday`.\n"
            "• Get every interviewer's card or e-mail, and check how each name is spelt: "
            "your thank-you notes go out today."
        )
        actions = (Action(ActionId.DONE, "Got it", str(cp.id), Style.PRIMARY),)
    elif kind is CheckpointKind.THANK_YOU and contact is not None:
        same_day = now.astimezone(tz).date() == interview.starts_at.astimezone(tz).date()
        if same_day:
            title = f"Send your thank-you note to {contact.name} today"
            text = (
                f"Speed matters most: a short, personal note to {contact.name} within hours "
                f"of your {subject} interview puts you back on their mind while they decide. "
                "E-mail is fine. Check the spelling of every name before you send."
            )
        else:
            title = f"Send your thank-you note to {contact.name} now"
            text = (
                f"Your {subject} interview was on {when(interview.starts_at, tz)}. A note "
                "today still counts, and late beats never: e-mail it now. Check the "
                "spelling of every name before you send."
            )
        found = (notes.thank_you_variant(interview, contact, tz, tone=person.tone,
                                         medium="email", sender_name=name),)
        actions = (Action(ActionId.SENT, "Sent", str(cp.id), Style.PRIMARY), *_snoozes(cp))
    elif kind is CheckpointKind.THANK_YOU_NUDGE and contact is not None:
        title = f"Did your note to {contact.name} go out?"
        text = "Not marked sent yet. A day late still counts; a short one will do:"
        found = (notes.short_note(interview, contact, tz, tone=person.tone,
                                  sender_name=name),)
        actions = (Action(ActionId.SENT, "Sent", str(cp.id), Style.PRIMARY), *_snoozes(cp))
    elif kind is CheckpointKind.HANDWRITTEN:
        title = f"Write and post your cards for {interview.company}"
        text = _card_text(interview, _prefs(person, tz, now))
        found = tuple(notes.thank_you_variant(interview, p, tz, tone=person.tone,
                                              medium="card", sender_name=name)
                      for p in interview.interviewers)
        actions = (Action(ActionId.SENT, "Posted", str(cp.id), Style.PRIMARY), *_snoozes(cp))
    elif kind is CheckpointKind.SECOND_CALL:
        title = f"Second and last call about {subject}"
        promise = interview.promise
        if promise is not None and interview.calls and \
                local_day(interview.calls[0].at, tz) < promise.on:
            why = (f"On your first call they pointed to {promise.on:%a %Y-%m-%d}, and "
                   "there's no news, so one more try.")
        else:
            why = "No news since your first call, so one more try."
        text = (f"{why} {_whom(interview, again=True)} Same script as before; after this "
                "one I won't suggest a third. Then tell me how it went.")
        found = _call_drafts(interview, tz, person)
        actions = _call_actions(cp, interview)
    elif kind is CheckpointKind.FIRST_CALL:
        title = f"Time to call about {subject}"
        promise = interview.promise
        if promise is not None and promise.kind is PromiseKind.YOU_CALL_ON:
            why = f"They asked you to call on {promise.on:%a %Y-%m-%d}."
        elif promise is not None:
            why = (f"They meant to decide by {promise.on:%a %Y-%m-%d} and you haven't "
                   "heard, so today is the day to ask.")
        else:
            why = "It's been about a working week since the interview."
        text = (
            f"{why} {_whom(interview)} Hiring managers expect a follow-up, and this call "
            "shows you mean it. Keep it short: who you are, the role, the date you "
            "interviewed, that you're still keen, and where things stand. Then tell me how "
            "it went."
        )
        found = _call_drafts(interview, tz, person)
        actions = _call_actions(cp, interview)
    elif kind is CheckpointKind.CALL_CHECK:
        title = f"Did you reach {interview.company}?"
        text = (
            f"Your call about {subject} was due recently and I haven't heard how it went. "
            f"{_whom(interview)} "
            "If you called, press what happened so I can plan the next step. If you "
            "haven't yet, today is a good day for it: the script is below."
        )
        found = _call_drafts(interview, tz, person)
        actions = _call_actions(cp, interview)
    elif kind is CheckpointKind.MOVE_ON:
        title = f"Time to move on from {subject}"
        text = _move_on_text(interview, tz)
        actions = (
            Action(ActionId.REFLECT, "Reflect now", str(interview.id), Style.PRIMARY),
            Action(ActionId.HEARD_BACK, "Actually, I heard back", str(interview.id)),
        )
    else:  # REFLECT, or a per-person checkpoint whose interviewer is gone
        title = f"A few minutes to look back on {subject}"
        text = (
            "Three short questions while it's fresh: what went well, what you'd do "
            "differently, and what to remember for next time. Type "
            f"`reflect {interview.number}` or press the button."
        )
        actions = (Action(ActionId.REFLECT, "Reflect now", str(interview.id), Style.PRIMARY),)

    if late:
        text = f"{text}\n{late_line(cp, now, tz)}"
    moments = [Moment("Interview", interview.starts_at)]
    if kind is CheckpointKind.HANDWRITTEN:
        moments.append(Moment("Post it by",
                              handwritten_deadline(interview, _prefs(person, tz, now))))
    return Reply(text=text, title=title, drafts=found, actions=actions, checkpoint_id=cp.id,
                 moments=tuple(moments))
