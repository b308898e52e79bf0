"""A step's reason in words: which rule set its day, and what it stepped over to get there."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.content.formatting import when
from bot.model import Interview
from bot.rules.explain import Reason, Rule

_WHY = {
    Rule.PREPARE: "a little before the interview, so you can ask about next steps while "
                  "you're in the room",
    Rule.THANK_YOU: "the same day, about an hour after the interview: speed is what makes "
                    "a thank-you count",
    Rule.NUDGE: "the morning after the note is due, only if it still isn't marked sent",
    Rule.CARD: "the morning after, so a handwritten card can be in the post within 48 "
               "hours of the interview",
    Rule.CALL_CHECK: "a call reminder went out and you haven't told me how it went, so I "
                     "check in once, two business days later",
    Rule.MOVE_ON: "a week after your last call with no answer: time to put the energy "
                  "elsewhere",
    Rule.REFLECT: "an hour after the outcome, while it's fresh",
    Rule.SNOOZED: "you snoozed it to then",
}


def explanation(reason: Reason, interview: Interview, tz: ZoneInfo) -> str:
    """One or two sentences: the rule, then any weekend or holiday it stepped over."""
    if reason.rule in _WHY:
        lead = _WHY[reason.rule]
    elif reason.rule is Rule.CALL_ON_THEIR_DAY and interview.promise is not None:
        lead = (f"they told you to call on {interview.promise.on:%a %d %b}, and calls go at "
                "10:00 on a business day")
    elif reason.rule is Rule.CALL_AFTER_DEADLINE and interview.promise is not None:
        lead = (f"they said they'd decide by {interview.promise.on:%a %d %b}; if you haven't "
                "heard by then, you call the next business day")
    elif reason.rule is Rule.SECOND_CALL:
        lead = ("nobody gave you news on the first call, so you try once more two business "
                "days later (and never a third time)")
    else:
        lead = ("nothing was promised, so you call about a working week after the "
                "interview, if you haven't heard")
    text = f"{when(reason.due, tz)}: {lead}."
    weekend = [d for d in reason.skipped if d not in reason.holidays]
    moved = []
    if weekend:
        moved.append("a weekend" if len(weekend) <= 2 else "weekends")
    if reason.holidays:
        days = ", ".join(f"{d:%a %d %b}" for d in reason.holidays)
        moved.append(f"a public holiday ({days})")
    if moved:
        text += " Counting business days, it steps over " + " and ".join(moved) + "."
    return text
