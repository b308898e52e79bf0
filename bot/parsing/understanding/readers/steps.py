"""Steps in words: snooze the next one, stop the reminders, delete an interview."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from bot.commands import (
    CancelInterview,
    CorrectInterview,
    DeleteInterview,
    ReportOutcome,
    Snooze,
    SnoozeFor,
    SnoozeSpan,
    SnoozeTillMorning,
    SnoozeUnreadable,
    SnoozeUntil,
    StepNumber,
)
from bot.model import Outcome
from bot.parsing.command_text import snooze_span
from bot.parsing.dates import HOUR_NAMES, MONTH, _cut_dates, half_past, next_week_days
from bot.parsing.promises import next_weekday_two_ways
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.common import hedged, polite_request, record, unnamed
from bot.parsing.understanding.normalise import QUOTED_SPEECH
from bot.parsing.understanding.readers.corrections import correct
from bot.parsing.understanding.readers.news import no_such_day, outcome
from bot.parsing.understanding.reading import Choice, Context, Line, Reading, about_one, label
from bot.parsing.understanding.references import KnownInterview, pick
from bot.parsing.zones_said import ZONE_SAID, in_zone, my_clock, zone_named

# --- reminders ----------------------------------------------------------------------------
#: What a reminder is about, after its time: "ping me at 6 about acme".
_ABOUT_WHICH = re.compile(r"\s+(?:about|re|for)\s+(?:the\s+|my\s+|today'?s\s+)?"
                          r"(?:[\w&'-]+\s+){0,3}?(?:[\w&'-]+)(?:\s+(?:one|note|interview|call|"
                          r"stuff|thing))?\s*[.!]*$", re.I)
_AROUND = re.compile(r"^(?:around|about|at\s+about|at\s+around|round|~)\s+(?=\d)", re.I)
_SNOOZE_LEAD = re.compile(
    r"^.*?\b(?:remind\s+(?:me|us)\s+(?:about|of|for|abt|bout)\s+(?:the\s+)?(?:[^\s,\d]+\s+){1,6}?"
    r"(?=(?:in|at|on|"
    r"by|this|next|tomorrow|tonight|till|until|til|after|before|later|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)|"
    r"remind\s+(?:me|us)(?:\s+again)?(?:\s+about\s+\S+(?:\s+(?:call|one|interview))?)?|"
    r"ping\s+me|"
    r"(?:push|bump|put)\s+it\s+back(?:\s+by)?|"
    r"tell\s+me\s+again(?:\s+about\s+(?:the\s+)?\S+(?:\s+(?:call|one|interview))?)?|"
    r"(?:can|could)\s+(?:it|this|that|the\s+\S+(?:\s+one)?)\s+wait|"
    r"nudge\s+me|ask\s+me\s+again|give\s+me|"
    r"(?:mute|pause|silence|hush)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?=(?:for|until|till|til)\b)|"
    r"snooze(?:\s+(?!(?:tomorrow|tonight|today|till|until|"
    r"til|for|in|next|this|\d)\b)(?:the\s+)?\S+(?:\s+call)?)?|"
    r"(?:push|move|bump|shift|defer|put)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:call|reminder|thank[\s-]?you|"
    r"note|step|one|e-?mail|nudge|follow[\s-]?up)(?:\s+(?:to|for)\s+[A-Z]\w+)?(?:\s+reminder)?"
    r"(?:\s+back)?|hold\s+off(?:\s+on)?(?:\s+\S+){0,2}?|"
    r"hold\s+(?:everything|it\s+all|all\s+of\s+it|them\s+all)|"
    r"hold\s+(?:the\s+)?(?:\S+\s+){0,2}?(?:reminders?|calls?|notes?|steps?)|"
    r"(?:stop|quit)\s+(?:nagging|reminding|pinging|bugging)\s+me(?:\s+about\s+(?:the\s+)?\S+"
    r"(?:\s+(?:thank[\s-]?you|call|one|interview|note|reminder))?)?(?:\s+for)?|"
    r"try\s+me(?:\s+again)?|hit\s+me\s+up|leave\s+(?:it|that|the\s+\S+(?:\s+one)?)\s+with\s+me|"
    r"(?:postpone|delay)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:call|reminder|thank[\s-]?you|note|step)"
    r"(?:\s+reminder)?)\b\s*"
    r"(?:in\s+like\s+|like\s+|in\s+|at\s+|on\s+|till\s+|until\s+|til\s+|by\s+)?", re.I)


_TILL_THEN = re.compile(r"^(?P<company>[\w&'-]+)?.*?\b(?:till|until|til|by|on)\s+"
                        r"(?P<day>(?:next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow)"
                        r"\b.*?\bso\b.*\b(?:till|until|til)\s+then\b", re.I)


def snooze(line: Line, ctx: Context) -> Reading | None:
    if not lx.SNOOZE_CUES.search(line.text) or re.search(lx.ASKED_TO_WAIT, line.text, re.I):
        return None  # "Jane asked me to hold off calling until Wednesday": their word
    if lx.CANCEL_ELSE.search(line.text) or _reminder_of_else(line):
        return None  # "can u cancel my dentist reminder tmrw": no step of an interview
    if _REMIND_OF_ELSE.search(line.text):
        # "remind me to buy a new suit tomorrow": not a step of theirs to move
        return Reading(question="I can only remind you of your interviews' own steps (the "
                                "thank-you notes and the calls), so I changed nothing. To move "
                                "one, say e.g. `remind me about Acme tomorrow`.")
    till_then = _TILL_THEN.match(line.text)
    if till_then is not None:
        # "Initech isn't deciding until Friday so leave me alone about them till then":
        # "then" is the day said before the request
        line = replace(line, text=f"{till_then['company'] or ''} remind me {till_then['day']}")
    missing = no_such_day(line, ctx, who="you", example="remind me Dec 1")
    if missing is not None:
        return missing  # "snooze it till the 31st", said in November
    after = _AFTER_THEN_CLOCK.search(line.text) or _CLOCK_THEN_AFTER.search(line.text)
    if after is not None:  # "remind me after my shift, I get off at 11pm": at 11pm
        line = replace(line, text=f"remind me at {after['clock']}")
    asked = _SNOOZE_LEAD.sub("", line.text).strip(" .!,")
    # "at 6 about acme", "around 8:30": the time, without what it is about; "around" is "at"
    asked = _AROUND.sub("at ", _ABOUT_WHICH.sub("", asked)).strip(" .!,")
    rest = _HOUR_THEN_DAY.sub(_day_then_hour, _LATER.sub("", asked))
    rest = _PART_THEN_HOUR.sub(_part_then_hour, rest)
    # "remind me later, driving": the reason after a comma names no time either
    first = re.split(r"\s*[,;:–—]\s*|\s+-\s+", asked, maxsplit=1)[0]
    if any(re.sub(r"[^\w\s]", "", said).lower().strip() in _NO_TIME for said in (rest, first)) \
            and (not rest or _span(rest, ctx) is None):
        target = pick(line.found, ctx.known)
        if target is None:
            return None
        step = _step_of(line, target.number)
        return Reading(question=f"When shall I remind you about {target.company} "
                                f"(#{target.number}) again?",
                       choices=(Choice("In 2 hours", Snooze(step, SnoozeFor(_TWO_HOURS))),
                                Choice("Tomorrow morning", Snooze(step, SnoozeTillMorning())),
                                Choice("Don't snooze", None)))
    if _COUPLE_OF_DAYS.search(rest):
        # "in a couple of days": two, or three? Hours are near enough; days are not.
        target = pick(line.found, ctx.known)
        if target is None:
            return None
        step = _step_of(line, target.number)
        return Reading(question=f"Remind you about {target.company} (#{target.number}) in two "
                                "days, or three?",
                       choices=(Choice("2 days", Snooze(step, SnoozeFor(timedelta(days=2)))),
                                Choice("3 days", Snooze(step, SnoozeFor(timedelta(days=3)))),
                                Choice("Don't snooze", None)))
    if rest.lower().startswith("an hour") or rest.lower() == "hour":
        rest = "1 hour"
    unit_left = _NO_UNIT.search(line.text)
    if unit_left is not None and (target := pick(line.found, ctx.known)) is not None:
        # "remind me in 20": minutes, most likely, but hours are a number too
        n, step = int(unit_left.group(1)), _step_of(line, target.number)
        return Reading(question=f"Remind you about {target.company} (#{target.number}) in {n} "
                                "minutes, or hours?",
                       choices=(Choice(f"In {n} minutes", Snooze(step, SnoozeFor(
                                    timedelta(minutes=n)))),
                                Choice(f"In {n} hours", Snooze(step, SnoozeFor(
                                    timedelta(hours=n)))),
                                Choice("Don't snooze", None)))
    span = _span(rest, ctx)
    if span is None and (head := _time_said_first(rest, ctx)) is not None:
        # "at 7 im still at work", "in an hour and a half pls": the time, then why
        rest, span = head, _span(head, ctx)
    if span is None and _NEXT_WEEK.search(rest):
        # "remind me next week": which day of it is theirs to say; its Monday is offered
        return _what_time(line, ctx, SnoozeUntil(datetime.combine(
            ctx.today + timedelta(days=7 - ctx.today.weekday()), time(9), ctx.tz)),
            missing="which day next week")
    bare = _BARE_HOUR.match(rest.strip(" .!?"))
    if span is None and bare is not None and bare.group("zero") and int(bare.group("h")) <= 9:
        local = ctx.now.astimezone(ctx.tz)
        at = local.replace(hour=int(bare.group("h")), minute=int(bare.group("m") or 0),
                           second=0, microsecond=0)
        span = SnoozeUntil(at if at > local else at + timedelta(days=1), named=True)
    elif span is None and bare is not None and 1 <= int(bare.group("h")) <= 12:
        return _morning_or_evening(line, ctx, int(bare.group("h")), int(bare.group("m") or 0))
    if span is None:
        return None
    if isinstance(span, _TimeUnread):
        return _what_time(line, ctx, span.read)

    which = _which(_step_of(line, 0))  # "can the initech call reminder wait…"

    def make(k: KnownInterview) -> Snooze:
        return Snooze(_step_of(line, k.number), span)

    target = pick(line.found, ctx.known)
    zone = ZONE_SAID.search(line.text)
    if zone is not None and my_clock(zone.group(0), ctx.now, ctx.tz) and \
            not _AWAY.search(line.text):
        # "remind me tmrw 9am EST", said in New York: their own clock ("I'm in LA this
        # week, … 9am my time" is LA's, so that is asked)
        zone = None
    if zone is not None and isinstance(span, SnoozeUntil) and target is not None:
        return _in_their_zone(line, ctx, target, span, zone)
    two_ways = next_weekday_two_ways(line.text, ctx.today)
    if two_ways is not None and isinstance(span, SnoozeUntil) and target is not None:
        # "remind me next Friday", said on a Monday: this Friday, or the one after?
        moment = span.moment.astimezone(ctx.tz)
        return Reading(
            question=f"Snooze the next {which} of {target.company} (#{target.number}): "
                     "which day?",
            choices=(*(Choice(f"{day:%a %d %b}", Snooze(
                _step_of(line, target.number),
                SnoozeUntil(moment.replace(year=day.year, month=day.month, day=day.day))))
                for day in two_ways), Choice("Neither", None)))

    if _MUTED.search(line.text):
        return about_one(line, ctx, make, lambda k: f"Muting every reminder of {k.company} "
                         f"(#{k.number}) due before then.",
                         f"Mute {{company}} (#{{n}}){_till(span, ctx)}?",
                         sure=not (unnamed(line, ctx) or _EITHER.search(line.text)))
    return about_one(line, ctx, make, lambda k: f"Snoozing the next {which} of {k.company} "
                     f"(#{k.number}).",
                     f"Snooze the next {which} of {{company}} (#{{n}}){_till(span, ctx)}?",
                     # "push the initech call a week": a week from the call, or from now?
                     # "if Initech don't ring by Friday, remind me Monday": on a condition
                     sure=not (unnamed(line, ctx) or _EITHER.search(line.text)
                               or _IF_NOT.search(line.text) or (
                         isinstance(span, SnoozeFor) and _A_CALL.search(line.text))))


_IF_NOT = re.compile(r"\bif\b[^,.;]*\b(?:don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|not|no|never)\b",
                     re.I)


#: Away from home, where "my time" may be the place's: "I'm in LA for work this week".
_AWAY = re.compile(r"\b(?:i'?m|i\s+am|we'?re)\s+(?:\w+\s+)?(?:in|at|visiting)\s+(?!the\b)[A-Za-z]|"
                   r"\b(?:travel+ing|trip|abroad|away)\b", re.I)


def _in_their_zone(line: Line, ctx: Context, target: KnownInterview, span: SnoozeUntil,
                   zone: re.Match[str]) -> Reading:
    """"Remind me at 7pm pacific", "tomorrow 2pm CET": the hour is another zone's, so the
    moment in the person's own zone is offered, never taken as said."""
    name = zone_named(zone.group(0))
    step = _step_of(line, target.number)
    if name is None:  # "my time", "their time": which zone is not said
        return Reading(question=f"Which time zone is that in? I plan in yours ({ctx.tz.key}): "
                                "say the time as it is for you, e.g. `remind me tomorrow at "
                                "9am`. I changed nothing.")
    said = span.moment.astimezone(ctx.tz)
    theirs = in_zone(said, name, ctx.tz)
    return Reading(question=f"{said:%H:%M} {zone.group(0)} is {theirs:%a %H:%M} where you are. "
                            f"Snooze {target.company} (#{target.number}) till then?",
                   choices=(Choice(f"Yes, {theirs:%a %H:%M}",
                                   Snooze(step, SnoozeUntil(theirs, named=True))),
                            Choice("Don't snooze", None)))


#: "remind me to buy a suit": a reminder of something that is no step of the plan.
#: A reminder named by what it is for: "my dentist reminder", "the acme reminder".
_NAMED_REMINDER = re.compile(r"\b(?:my|the)\s+(?P<what>[\w'-]+)\s+(?:appointment\s+)?reminder\b",
                             re.I)
_STEP_WORDS = frozenset({"thank", "thank-you", "thankyou", "interview", "call", "follow-up",
                         "followup", "note", "nudge", "next"})


def _reminder_of_else(line: Line) -> bool:
    """"my dentist reminder": a reminder of something no interview of theirs is."""
    named = _NAMED_REMINDER.search(line.text)
    if named is None:
        return False
    what = named["what"].lower().removesuffix("'s")
    names = {w.lower() for people in line.found.people.values() for n in people for w in n.split()}
    return what not in _STEP_WORDS and what not in line.found.company_words and what not in names


_REMIND_OF_ELSE = re.compile(r"\bremind\s+(?:me|us)\s+to\s+(?:e-?mail|send|text)\s+[\w'-]+\s+"
                             # "remind me to email Jane my portfolio link": something else sent
                             r"(?:my|the|a|an|some|her|him|them)\s+(?!thank|note|card|follow)\w+|"
                             r"\bremind\s+(?:me|us)\s+(?:(?:tomorrow|later|tonight|on\s+\w+day|"
                             r"\w+day|next\s+week)\s+)?to\s+(?!(?:call|ring|phone|send|e-?mail|"
                             r"write|follow|thank|check|chase|text|reply|respond|contact|message|get|"
                             r"do|finish|try|reach|ask|note|drop|touch)\b)\w+", re.I)
#: Something to wait for, then when it ends: "remind me after bedtime, kids go down
#: around 8:30", "Remind us after me tea, about 7".
_AFTER_THEN_CLOCK = re.compile(r"\bremind\s+(?:me|us)\s+after\b[^,.;?]*[,;.?]\s*(?:[^,.;\d]*?\b)?"
                               r"(?:at|around|about|by|til|till|until|roughly)\s+"
                               r"(?P<clock>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)\W*$", re.I)
#: "on shift til 11pm, remind me after".
_CLOCK_THEN_AFTER = re.compile(r"\b(?:til|till|until|to)\s+(?P<clock>\d{1,2}(?::\d{2})?\s*"
                               r"(?:[ap]\.?m\.?)?)\s*[,;.]\s*remind\s+(?:me|us)\s+after\W*$", re.I)
#: "8 tomorrow morning": the hour said before its day and its part of the day.
_HOUR_THEN_DAY = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s+(tomorrow|today|tonight)\s+"
                            r"(morning|afternoon|evening|night)\b", re.I)


def _day_then_hour(match: re.Match[str]) -> str:
    """"8 tomorrow morning" as "tomorrow at 8:00am"."""
    hour, minute = int(match.group(1)), match.group(2) or "00"
    suffix = "am" if match.group(4).lower() == "morning" else "pm"
    return f"{match.group(3)} at {hour}:{minute}{suffix}"


#: "tomorrow afternoon, around 3", "tomorrow at lunch, like 12:30": the part of the day,
#: then the hour in it.
_PART_THEN_HOUR = re.compile(r"\b(?:at\s+|in\s+the\s+)?(morning|afternoon|evening|lunch|"
                             r"lunchtime)\s*,?\s+(?:like|around|about|say|at)\s+(\d{1,2})"
                             r"(?::(\d{2}))?\s*(?:-?ish)?\b(?!\s*[ap]\.?m)", re.I)


def _part_then_hour(match: re.Match[str]) -> str:
    """"afternoon, around 3" as "at 3:00pm"; "morning, like 8" as "at 8:00am"."""
    hour, minute = int(match.group(2)), match.group(3) or "00"
    part = match.group(1).lower()
    morning = part == "morning" or (part.startswith("lunch") and hour >= 11 and hour != 12)
    if not 1 <= hour <= 12:
        return match.group(0)
    return f"at {hour}:{minute}{'am' if morning else 'pm'}"


def _morning_or_evening(line: Line, ctx: Context, hour: int, minute: int) -> Reading | None:
    """"Remind me at 7.30": morning or evening is not said, so the next of each is offered."""
    target = pick(line.found, ctx.known)
    if target is None:
        return None
    step = _step_of(line, target.number)
    local = ctx.now.astimezone(ctx.tz)
    times = []
    for at in (hour % 12, hour % 12 + 12):
        moment = local.replace(hour=at, minute=minute, second=0, microsecond=0)
        times.append(moment if moment > local else moment + timedelta(days=1))
    evening = times[1]
    if evening.date() == local.date() and evening.hour <= _LAST_EVENING_HOUR and \
            evening - local <= _SOON and not hedged(line) and not unnamed(line, ctx):
        # "ping me at 6", said at 16:30: this evening's, hours away, not tomorrow's dawn
        return Reading(Snooze(step, SnoozeUntil(evening)),
                       f"Snoozing the next step of {target.company} (#{target.number}) "
                       f"till {evening:%H:%M} this evening.")
    return Reading(question=f"Remind you about {target.company} (#{target.number}) at which "
                            f"{hour}:{minute:02d}?",
                   choices=(*(Choice(f"{t:%a %d %b, %H:%M}", Snooze(step, SnoozeUntil(t)))
                              for t in sorted(times)), Choice("Don't snooze", None)))


#: A bare hour is this evening's when that is this soon, and no later in the evening.
_SOON = timedelta(hours=2)
_LAST_EVENING_HOUR = 20
#: "7.30", "7": an hour with no morning or evening said ("08:30", written with its
#: nought, is a 24-hour clock: the next 8:30 in the morning).
_BARE_HOUR = re.compile(r"^(?:at\s+)?(?P<zero>0)?(?P<h>\d{1,2})(?:[.:](?P<m>[0-5]\d))?$", re.I)


def _what_time(line: Line, ctx: Context, read: SnoozeSpan,
               missing: str = "the time") -> Reading | None:
    """A snooze whose time of day went unread: the moment as read and its day's morning
    (both days, for "next Tuesday" said early in a week) are offered, and the time asked."""
    target = pick(line.found, ctx.known)
    if target is None:
        return None
    step = _step_of(line, target.number)
    days = []
    if isinstance(read, SnoozeUntil):
        # the moment as read ("at 8 tonight" beside "on shift till 7:30"), and its day's
        # morning ("friday" beside "dentist at 3")
        moment = read.moment.astimezone(ctx.tz)
        days = [moment] if (moment.hour, moment.minute) != (9, 0) else []
        days += [moment.replace(year=d.year, month=d.month, day=d.day, hour=9, minute=0)
                 for d in next_weekday_two_ways(line.text, ctx.today) or (moment.date(),)]
    return Reading(question=f"I didn't catch {missing} to remind you about {target.company} "
                            f"(#{target.number}). Tell me again with the day and time, like "
                            f"`remind me about {target.company} Friday at 2pm`, or choose:",
                   choices=(*(Choice(f"{day:%a %d %b, %H:%M}", Snooze(step, SnoozeUntil(day)))
                              for day in days if day > ctx.now),
                            Choice("Don't snooze", None)))


#: "Friday, or maybe Saturday, whichever": two times offered, the choice left to the coach.
_EITHER = re.compile(r"\bor\s+(?:maybe|perhaps|possibly|even|two|three|so)\b|\bwhichever\b|"
                     # "can you move acme to tomorrow? or wednesday maybe", "… or is that
                     # too late"
                     r"\bor\s+(?:\w+\s+){1,2}(?:maybe|perhaps|possibly)\b|"
                     r"\bor\s+is\s+(?:that|it)\b|"
                     r"\beither\b|"
                     # "push the Acme one to Wednesday, or Friday, I'll see"
                     r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\W+or\s+(?:on\s+)?(?:mon|tues|"
                     r"wednes|thurs|fri|satur|sun)day|\bi'?ll\s+see\b|"
                     # "remind me again in 5 minutes, that'll be SO helpful": in jest
                     r"(?-i:\bSO)\s+(?:helpful|useful|great)|\byeah\s+right\b|"
                     # "remind me in a few hours": how many is not said
                     r"\ba\s+few\s+(?:more\s+)?(?:hours?|hrs?|days?|minutes?|mins?)\b", re.I)


def _till(span: SnoozeSpan, ctx: Context) -> str:
    """The moment a snooze asked about would end, so "Yes" says what it agrees to."""
    if isinstance(span, SnoozeUntil):
        return f" till {span.moment.astimezone(ctx.tz):%a %d %b, %H:%M}"
    return ""


#: "next week", no day of it said.
_NEXT_WEEK = re.compile(r"^(?:some\s*time\s+|sometime\s+|early\s+)?next\s+week\b", re.I)
#: "after 3 hours", "after two days": a span from now.
_AFTER_SPAN = re.compile(r"\bafter\s+(?=(?:an?|\d+|one|two|three|four|five|six)\s+(?:hours?|hrs?|"
                         r"days?|minutes?|mins?)\b)", re.I)
_COUPLE_OF_DAYS = re.compile(r"\bcouple\s+(?:of\s+)?days\b", re.I)
_NO_TIME = ("", "later", "not now", "not now later", "busy", "busy later")
_A_CALL = re.compile(r"\bcall(?:ing|s)?\b", re.I)
#: "remind me about the thank you in thirty minutes": the note named, not the next step
#: (which may be "prepare your questions" for an interview still to come).
_A_NOTE = re.compile(r"\bthank[\s-]?(?:you|u)\b|\bthanks?\s+(?:note|e-?mail|card|letter)\b|"
                     r"\bthe\s+e-?mail\s+to\b|"
                     r"\b(?:ty|t/y)\s+note\b|\bnotes?\b|\bcard\b", re.I)


def _step_of(line: Line, number: int) -> StepNumber:
    """The next waiting step of interview `number`, or its next call or note when the
    line names one of them (and not both)."""
    if _MUTED.search(line.text):
        return StepNumber(number, every_step=True)
    calls, notes = bool(_A_CALL.search(line.text)), bool(_A_NOTE.search(line.text))
    return StepNumber(number, calls_only=calls and not notes, notes_only=notes and not calls)


def _which(step: StepNumber) -> str:
    return "call" if step.calls_only else "thank-you note" if step.notes_only else "step"


#: A stop for a while of everything: "mute acme for 3 days", "hold everything til monday".
_MUTED = re.compile(r"\b(?:mute|pause|silence|hush)\s+(?:\S+\s+){0,3}?(?:for|until|till|til)\b|"
                    r"\bhold\s+(?:everything|it\s+all|all\s+of\s+it|them\s+all|all\s+(?:the\s+)?"
                    r"(?:[\w&'-]+\s+)?(?:stuff|reminders|things))\b", re.I)


_THANKS_TAIL = re.compile(r"[\s,]+(?:please|pls|plz|thanks|thx|ty|cheers)[.!]*$", re.I)
_AFTER_WEEKEND = re.compile(r"\b(?:(?:un)?til+\s+)?after\s+the\s+weekend\b", re.I)


#: "one more hour", "another day", "2 more hours": a span on top of the time it had.
_MORE = re.compile(r"\b(?:(?:one|1|an?)\s+more|another|(?P<n>\d{1,2})\s+more)\s+"
                   r"(?P<unit>hours?|days?|minutes?|mins?)\b", re.I)


#: A word about time: dropped from a snooze's end, it would change when.
_OF_TIME = re.compile(r"(?<!\d)\d+(?![\d.,]*\s*(?:degrees?|°|%|percent|kg|kilos?|lbs?|pounds|"
                      r"miles|km|mph|bucks|dollars|euros|quid)\b)|"
                      r"\b(?:a\.?m|p\.?m|am|pm|noon|midnight|morning|afternoon|evening|night|"
                      r"tonight|today|tomorrow|tmrw|day|days|week|weeks|hours?|hrs?|minutes?|mins?|"
                      r"half|quarter|later|earlier|(?:mon|tues|wednes|thurs|fri|satur|sun)day|one|"
                      r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|then|after|"
                      r"before|till|until|o'?clock|time|zone)\b", re.I)


def _time_said_first(rest: str, ctx: Context) -> str | None:
    """The start of `rest` that is a time to snooze to, when what follows says nothing
    of time ("at 7 im still at work", "in an hour and a half pls"); None otherwise."""
    words = rest.split()
    for n in range(len(words) - 1, 0, -1):
        tail = " ".join(words[n:])
        if _OF_TIME.search(tail) or ZONE_SAID.search(tail):
            return None  # a word about when (or whose clock) would be dropped: never
        head = " ".join(words[:n]).strip(" .!,;:")
        if _span(head, ctx) is not None or _BARE_HOUR.match(head):
            return head
    return None


def _span(rest: str, ctx: Context) -> SnoozeSpan | _TimeUnread | None:
    """How long to snooze for: the whole rest of the line, else the words after its last
    "to", "till" or "in" ("push the Acme reminder to 8 tonight, I'm out"); only its first
    sentence ("to Wednesday? Bit swamped this evening")."""
    rest = _PART_THEN_CLOCK.sub(r"at \g<clock>", rest)  # "Wednesday afternoon can? Like 3pm"
    rest = re.split(r"[?!]\s+|\.\s+(?=[A-Z])", rest, maxsplit=1)[0]
    rest = _THANKS_TAIL.sub("", rest)  # "in 3 hrs pls"
    rest = _MORE.sub(lambda m: f"{m['n'] or 1} {m['unit']}", rest)  # "one more hour"
    rest = _END_OF_DAY.sub("5pm", rest)  # "EOD tomorrow", "by end of day"
    rest = _BARE_ORDINAL.sub(r"the \1", rest)  # "on 30th", its "on" cut with the lead
    rest = _LEADING_CLOCK.sub(r"\1:\2", rest)  # "1400 tomorrow", its "at" cut with the lead
    rest = _LEADING_DOTTED.sub(r"\1:\2", rest)  # "19.00", likewise
    rest = _AFTER_WEEKEND.sub("monday", rest)  # the Monday after it, whatever today is
    rest = _AFTER_SPAN.sub("in ", rest)  # "after 3 hours": said where English says "in"
    if re.match(r"after\b", rest, re.I):
        # "after the holiday, my family arrives tomorrow": when is after something, which
        # the first clause alone must say; a day in the next clause is no answer.
        rest = re.split(r"[,;]", rest, maxsplit=1)[0]
        span = snooze_span(rest, ctx.now, ctx.tz)
        if isinstance(span, SnoozeUnreadable):
            return None
        # "after my doctor's appt tomorrow": a moment of their day, not the morning's
        return _TimeUnread(span) if _CLOCK_LEFT.search(rest) else span
    rest = _COUPLE.sub("2 ", next_week_days(_spoken_time(rest), ctx.today))
    rest = _FIRST_THING_ON.sub(r"\g<day> 9am", _DAY_FIRST_THING.sub(r"\g<day> 9am", rest))
    rest = _FIRST_THING.sub("tomorrow morning", _SHORT_DAY.sub(_day_name, rest))
    tries = [rest, *[m.group("when") for m in _AFTER_WORD.finditer(rest)][::-1]]
    # "3 hrs, doing pickup and dinner", "1 hour please": the span without what follows
    tries.append(_TAIL.sub("", re.split(r"[,;]", rest)[0]))
    lead = _LEADING_SPAN.match(rest)
    if lead is not None:  # "two hours im on the train": the span, then why
        tries.append(lead.group(0))
    start = _WHEN_START.search(rest)
    if start is not None:  # "the thank-you note tomorrow instead?": from the day on
        tries.append(_TAIL.sub("", re.split(r"[?,;!]", rest[start.start():])[0]))
    for text in tries:
        span = snooze_span(_ROUGHLY.sub("", text.strip(" .!,?")), ctx.now, ctx.tz)
        if not isinstance(span, SnoozeUnreadable):
            # "friday at ten-ish o'clock" read as Friday alone: a time said and not read
            # would be replaced by the morning's, so the line is not taken at all.
            return _TimeUnread(span) if _time_unread(rest, text) else span
    return None


#: A part of the day, then the hour meant in it: "Wednesday afternoon can? Like 3pm".
_PART_THEN_CLOCK = re.compile(r"\b(?:morning|afternoon|evening)\b[^.!?\d]{0,12}[?!.,]*\s*"
                              r"(?:like|say|around|about|maybe|ish)?\s*"
                              r"(?P<clock>\d{1,2}(?::\d\d)?\s*[ap]\.?m\b\.?)", re.I)


@dataclass(frozen=True)
class _TimeUnread:
    """A span read from part of the words, while a time of day said with it was not."""

    read: SnoozeSpan


def _time_unread(rest: str, used: str) -> bool:
    """Whether a time of day was said and not read into the span ("friday at ten-ish",
    "next tuesday, around 2"), or read from words about something else ("friday, I have
    the dentist at 3"): either way the snooze would end at a moment nobody asked for."""
    left, groups = _cut_dates(used)
    # a time standing apart from the day it would be joined to
    time_apart = len(groups) > 1 and any(all(t.kind in _TIME_KINDS for t in g) for g in groups)
    return time_apart or bool(_CLOCK_LEFT.search(f"{rest.replace(used, ' ')} {left}"))


_TIME_KINDS = frozenset({"time", "bare", "trange", "part"})


#: An hour a clock has ("at 57 degrees" names none), in digits or words.
_HOUR = r"(?:(?:[01]?\d|2[0-3])(?::\d{2})?(?!\s*(?:degrees?|°|%|percent)\b)|" + \
    "|".join(HOUR_NAMES) + ")"
#: Words that say a time of day, left over once the snooze's span is read.
_CLOCK_LEFT = re.compile(rf"\b{_HOUR}\s*(?:[ap]\.?m\b|o'?clock|-?ish\b)|\b(?:noon|midday|"
                         rf"midnight|o'?clock|half\s+(?:past\s+)?\w+|quarter\s+(?:past|to))\b|"
                         rf"(?:\b(?:at|around|about|by|after|before|from)|@)\s*{_HOUR}\b|"
                         # a moment of their day: "before my shift", "after lunch"
                         r"\b(?:before|after|end\s+of|during|on)\s+(?:my\s+|the\s+|our\s+)?"
                         r"(?:(?:night|day|morning|late|early)\s+)?(?:shift|lunch|break|work|class|"
                         r"classes|school|dinner|breakfast|tea|church|practice|the\s+school\s+run|"
                         r"(?:doctor'?s|dentist'?s|vet'?s)?\s*(?:appt|appointment)|doctor'?s|"
                         r"dentist'?s|gym|meeting|errands?)\b|"
                         r"\bwhen\s+i\s+(?:get|finish|clock|am|'m)\s+(?:off|home|out|done|back)\b|"
                         r"\bonce\s+i(?:'m|\s+am|\s+get)\s+(?:off|home|out|done|back)\b", re.I)


_LEADING_CLOCK = re.compile(r"^([01]\d|2[0-3])([0-5]\d)\b(?!\s*(?:/|-|\d))")
#: "19.00", "13.45": a 24-hour clock with a dot, never a date (no month is 00 or over 12);
#: "7.30" is morning or evening, which is asked.
_LEADING_DOTTED = re.compile(r"^(1[3-9]|2[0-3])\.(00|1[3-9]|[2-5]\d)\b(?![.\d])")
_BARE_ORDINAL = re.compile(r"^(\d{1,2}(?:st|nd|rd|th))\b", re.I)
_LEADING_SPAN = re.compile(r"^(?:an?|\d+|one|two|three|four|five|six|a\s+couple\s+of)\s+"
                           r"(?:hours?|hrs?|days?|minutes?|mins?|weeks?)\b", re.I)
_AFTER_WORD = re.compile(r"\b(?:to|till|til|until|in|at|by|for)\s+(?P<when>[^?,;!]+)", re.I)
_COUPLE = re.compile(r"\ba\s+couple\s+(?:of\s+)?", re.I)
_FIRST_THING = re.compile(r"\bfirst\s+thing(?:\s+(?:tomorrow|in\s+the\s+morning))?"
                          r"(?!\s+(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun|next|this)\w*)|"
                          # "remind me in the morning", said in the afternoon or evening
                          r"^(?:in\s+)?the\s+morning$", re.I)
#: "first thing Monday": that day's morning.
_FIRST_THING_ON = re.compile(r"\bfirst\s+thing\s+(?:on\s+)?(?P<day>(?:next\s+|this\s+)?"
                             r"(?:mon|tue|wed|thu|fri|sat|sun)\w*)", re.I)
#: "stop tracking the other one": which, when only one is open?
_THE_OTHER_ONE = re.compile(r"\bthe\s+other\s+(?:one|interview)\b", re.I)
#: "in 20": a span without its unit.
_NO_UNIT = re.compile(r"\bin\s+(\d{1,2})\W*$", re.I)
#: "monday first thing": the day, then its first thing.
_DAY_FIRST_THING = re.compile(r"\b(?P<day>(?:next\s+|this\s+)?(?:mon|tue|wed|thu|fri|sat|sun)\w*)"
                              r"\s+first\s+thing\b", re.I)
#: The end of a working day, as a reminder's time: "EOD", "end of day", "COB".
_END_OF_DAY = re.compile(r"\b(?:by\s+)?(?:eod|cob|end\s+of\s+(?:the\s+)?day|close\s+of\s+"
                         r"business)\b", re.I)
_SHORT_DAY = re.compile(r"\b(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b\.?", re.I)
_DAY_NAMES = {"mo": "monday", "tu": "tuesday", "we": "wednesday", "th": "thursday",
              "fr": "friday", "sa": "saturday", "su": "sunday"}
_WHEN_START = re.compile(r"\b(?:tomorrow|tonight|today|this\s+evening|next\s+week|(?:mon|tues|"
                         r"wednes|thurs|fri|satur|sun)day)\b", re.I)
_TAIL = re.compile(r"\s+(?:instead|please|pls|thanks|thank\s+you|cheers|then|on\s+the|for\s+the|"
                   r"with\s+the)\b.*$", re.I)
_ROUGHLY = re.compile(r"^(?:like|about|around|maybe|roughly)\s+", re.I)


def _day_name(match: re.Match[str]) -> str:
    return _DAY_NAMES[match.group(1)[:2].lower()]
_TWO_HOURS = timedelta(hours=2)
#: "later, 30 mins": the length after it says when.
_LATER = re.compile(r"^later\s*[,:-]\s*(?=\S)", re.I)
_HOUR_TONIGHT = re.compile(r"\b(\d{1,2}(?::\d{2})?)\s+(?:tonight|this\s+evening)\b", re.I)
_TONIGHT_AT = re.compile(r"\b(tonight|this\s+evening)\s+at\s+(\d{1,2})(?::(\d{2}))?\b(?!\s*[ap]m)",
                         re.I)


def _spoken_time(text: str) -> str:
    """"Half six" is 6:30 (the next one); "tonight at 8" is 8pm tonight."""
    def tonight(match: re.Match[str]) -> str:
        hour = int(match.group(2)) % 12 + 12
        return f"{match.group(1)} {hour}:{match.group(3) or '00'}"

    # "half 8 tonight": the half hour read first, so "8 tonight" does not take its hour
    return _TONIGHT_AT.sub(tonight, _HOUR_TONIGHT.sub(r"tonight at \1", half_past(text)))


def cancel(line: Line, ctx: Context) -> Reading | None:
    # "got this from acme?? "… we need to cancel your interview …"": their words quoted
    theirs_cut = QUOTED_SPEECH.sub(" ", line.text)
    if not lx.CANCEL_CUES.search(_NOT_CANCEL.sub(" ", lx.CANCEL_ELSE.sub(" ", theirs_cut))) \
            or lx.ASKS_WHETHER.search(line.text):
        return None  # "push the thank you reminder 2 hrs pls, dont cancel anything"
    # "stop nagging me for 2 hours": a snooze, read as one; "stop reminding me about acme,
    # caseload's mad this week", which no snooze reads: for good or for the week? Asked.
    for_a_while = bool(lx.FOR_A_WHILE.search(line.text) and lx.SNOOZE_CUES.search(line.text))
    if for_a_while and snooze(line, ctx) is not None:
        return None
    if _NOTE_REMINDER.search(line.text) and lx.SENT_VERBS.search(line.text):
        return None  # "cancel the thank-you reminder, I sent it": the note's news
    if lx.CALL_CUES.search(line.text) and any(p.search(line.text) for p, _ in lx.CALL_RESULTS):
        return None  # "called twice, no answer, just stop bugging me": the call's reader asks
    if any(o is Outcome.HEARD and p.search(line.text) for p, o in lx.OUTCOME_CUES):
        return None  # "the position is cancel because no budget": their news, not a stop
    if _THE_OTHER_ONE.search(line.text) and len([k for k in ctx.known if k.open]) < 2:
        return Reading(question="Which one is the other one? I only have one open interview; "
                                "`list` shows it.")
    if _A_DETAIL_WRONG.search(line.text):
        # "cancel that, wrong company": a detail to put right, or the interview to stop?
        return Reading(question="Something there was wrong, so I changed nothing. To put a "
                                "detail right, tell me the right one (e.g. `the company is "
                                "Initrode`); to stop an interview's reminders, `cancel` and "
                                "its number.")
    tonight = _FOR_NOW_ONLY.search(line.text)
    target = pick(line.found, ctx.known)
    if tonight is not None and target is not None:
        # "cancel the acme reminders for tonight only, i'll look at it tomorrow": a hold
        # till the morning, not a stop
        return snooze(replace(line, text=f"mute {target.company} till tomorrow morning"), ctx)
    if _WITHDREW_TOLD.search(line.text) or _their_no(line, ctx, Outcome.OFFER):
        # "i withdrew from initech this morning, stop the reminders", "stop tracking acme,
        # they offered and I said YES": the outcome, which also stops
        return None
    if _ONE_STEP.search(line.text):
        # "cancel the second initech call, one is plenty": one step, not all of them
        target = pick(line.found, ctx.known)
        if target is None:
            return None
        n = target.number
        return Reading(question=f"Stop every reminder for {target.company} (#{n}), or only "
                                f"that one? To skip a single step, mark it done: `plan {n}` "
                                f"numbers them, then e.g. `done {n}.3`.",
                       choices=(Choice("Stop them all", CancelInterview(record(target))),
                                Choice("Keep them", None)))

    def make(k: KnownInterview) -> CancelInterview:
        return CancelInterview(record(k))

    return about_one(line, ctx, make,
                     lambda k: f"No more reminders for {k.company} (#{k.number}).",
                     "Stop the reminders for {company} (#{n})?" if not for_a_while else
                     "Stop every reminder for {company} (#{n}) for good? For a pause instead, "
                     "say until when (`mute {company} till Monday 9am`).",
                     sure=not (for_a_while or hedged(line) or unnamed(line, ctx)
                               or lx.CANCEL_TOLD.search(line.text)
                               # "the one from friday": a day is a clue, not a name
                               or bool(line.found.by_when and len(ctx.known) > 1)
                               # "cancel it": what "it" is was said before, not here
                               or (not line.found.numbers and _CANCEL_IT.match(line.text))
                               # "cancel Jane": her note, or the interview? Asked.
                               or _by_person_only(line)
                               # "Acme cancel the interview": they did, or do it?
                               or _company_cancels(line)
                               # "stop pinging me", and nothing else: for good, or tonight?
                               or bool(_BARE_STOP.fullmatch(line.text))), yes="Yes, stop them")


#: The right day said beside a removal: "… It's actually next Monday".
_RIGHT_DAY_SAID = re.compile(r"\b(?:it'?s|it\s+is|it\s+was|should\s+be)\s+(?:actually\s+)?"
                             r"(?:on\s+)?(?:next\s+|this\s+)?(?:(?:mon|tues|wednes|thurs|fri|"
                             r"satur|sun)day|tomorrow|today|yesterday|"
                             r"\d{1,2}(?:st|nd|rd|th|/\d{1,2})|" + MONTH + r"\.?\s+\d)", re.I)
#: A stop for a while only: "for tonight only", "just for today".
_FOR_NOW_ONLY = re.compile(r"\b(?:for\s+)?(?:tonight|today|this\s+evening)\s+only\b|"
                           # "just stop the acme reminders for tonight, I can't look at it"
                           r"\bfor\s+(?:tonight|this\s+evening)\b|"
                           r"\bjust\s+for\s+(?:tonight|today|this\s+evening)\b", re.I)
#: A stop said with nothing else: which interview, or for how long, is not said.
_BARE_STOP = re.compile(r"\W*(?:(?:please|pls|plz)\s+)?(?:stop|quit)\s+(?:pinging|reminding|"
                        r"nagging|messaging|bugging)\s+(?:me|us)\W*(?:(?:please|pls|plz)\W*)?",
                        re.I)


def _company_cancels(line: Line) -> bool:
    """"Acme cancel the interview": the company as the subject of the verb, which a
    learner may write for what they did as well as for what to do."""
    first = line.text.split(maxsplit=1)[0].strip(",:").lower() if line.text.split() else ""
    return first in line.found.company_words and \
        re.match(r"^\W*[\w&'-]+\s+cancel\b", line.text, re.I) is not None


def _their_no(line: Line, ctx: Context, *also: Outcome) -> bool:
    """Whether the line tells their no (or one of `also`), surely, beside a stop or a
    delete ("get rid of initech, … they went with someone else", "dey cancel de
    position"): the outcome reader's, which also stops."""
    told = outcome(line, ctx)
    return told is not None and isinstance(told.command, ReportOutcome) and \
        told.command.outcome in (Outcome.REJECTED, Outcome.HEARD, *also)


#: A stop said only to rule it out: "dont cancel anything", "don't stop the reminders".
_NOT_CANCEL = re.compile(r"\b(?:don'?t|dont|do\s+not|never|no\s+need\s+to)\s+(?:\w+\s+)?"
                         r"(?:cancel|stop|mute|discontinue|turn\s+off|switch\s+off)\w*\b|"
                         # "I only meant mute tonight's one": that one reminder, not all
                         r"\bmute\s+(?:tonight'?s|today'?s|this|that|the\s+next)\s+(?:one|reminder|"
                         r"ping|nudge)\b", re.I)
#: One step named as what to stop: "cancel the second initech call", "skip the nudge".
_ONE_STEP = re.compile(r"\b(?:cancel|stop|drop|skip|mute|scrap)\s+(?:the\s+|my\s+|that\s+)?"
                       r"(?:[\w'-]+\s+){0,2}?(?:call|nudge|step|follow[\s-]?up\s+call)\b(?!s)",
                       re.I)
#: A withdrawal told as done, beside a stop: the outcome closes it, and says so.
#: A detail said to be wrong: "wrong company", "the date's wrong".
_A_DETAIL_WRONG = re.compile(r"\bwrong\s+(?:company|name|date|day|time|role|title|person|"
                             r"number|email|one|interview)\b|\b(?:company|name|date|time|role)"
                             r"(?:'s|\s+is|\s+was)\s+wrong\b", re.I)
_WITHDREW_TOLD = re.compile(r"\bi\s+(?:have\s+|'ve\s+|just\s+)?(?:withdrew|withdrawn|"
                            r"pulled\s+out)\s+(?:from|of)\b|"
                            # "stop reminding me about initech, I withdrew this morning"
                            r"\bi\s+(?:have\s+|'ve\s+|just\s+)?(?:withdrew|withdrawn|pulled\s+out)"
                            r"(?=\s*(?:$|[.,;!]|\s+(?:today|yesterday|this\s+morning|earlier|"
                            r"last\s+\w+)\b))|"
                            # "cancel the rest, I'm pulling out, took another offer"
                            r"\bi'?m\s+(?:pulling|dropping)\s+out\b", re.I)
#: The thank-you's own reminder: stopping it is no stop of the interview's reminders.
_NOTE_REMINDER = re.compile(r"\b(?:cancel|stop|mute|drop)\s+(?:the\s+|my\s+)?thank[\s-]?you\s+"
                            r"(?:note\s+)?(?:reminders?|nudges?|pings?)\b|"
                            # "STOP REMINDING ME ABOUT THE THANK YOU I ALREADY SENT IT"
                            r"\b(?:stop|quit)\s+(?:reminding|nagging|pinging|bugging)\s+me\s+(?:about|re|for|"
                            r"of)\s+(?:the\s+|my\s+)?thank[\s-]?you\b", re.I)
_CANCEL_IT = re.compile(r"^\W*(?:please\s+|pls\s+)?(?:cancel|stop|mute)\s+(?:it|that|this)\W*$",
                        re.I)


def _by_person_only(line: Line) -> bool:
    return bool(line.found.people) and not line.found.by_company and \
        not line.found.numbers - set(line.found.people)


def remove(line: Line, ctx: Context) -> Reading | None:
    if not lx.REMOVE_CUES.search(line.text) or lx.ASKS_WHETHER.search(line.text) \
            or lx.NOT_DELETE.search(line.text) \
            or (_their_no(line, ctx) and not _DELETE_VERB.search(line.text)):
        return None  # "get rid of initech, … they went with someone else": their no
    condition = _IF_NOT.search(line.text)
    target = pick(line.found, ctx.known)
    if condition is not None and target is not None:
        # "if I haven't heard from acme by next week just delete it": not now, and not on
        # a condition the coach can't watch; the plan already says when to move on.
        return Reading(question=f"Delete {target.company} (#{target.number}) now? I can't "
                                "delete on a condition, and its plan already tells you when "
                                "to move on if they stay silent.",
                       choices=(Choice("Delete it now", DeleteInterview(record(target))),
                                Choice("Keep it", None)))
    told = outcome(line, ctx)
    if told is not None and told.command is not None and target is not None and \
            not lx.BY_MISTAKE.search(line.text):
        # "delete initech, just got the rejection email": their no kept with its history,
        # or the interview gone for good? Both offered.
        return Reading(question=f"{told.understood.rstrip('.')}: record that and keep its "
                                "history, or delete it for good?",
                       choices=(Choice("Record it", told.command),
                                Choice("Delete it", DeleteInterview(record(target))),
                                Choice("Neither", None)))
    only_people = line.found.people and not line.found.by_company \
        and not line.found.numbers - set(line.found.people)
    if only_people or _A_PERSON_TAKEN.search(_person_words(line)):
        return None  # a person taken off an interview: a correction
    if _RIGHT_DAY_SAID.search(line.text) and target is not None:
        # "Remove the Acme interview, I put it in wrong. It's actually next Monday": gone,
        # or its day put right?
        return Reading(question=f"Delete {target.company} (#{target.number}) for good, or put "
                                "its day right? To move it, tell me the new day and time "
                                f"(e.g. `the {target.company} interview is Monday at 2pm`).",
                       choices=(Choice("Delete it", DeleteInterview(record(target))),
                                Choice("Keep it", None)))

    def make(k: KnownInterview) -> DeleteInterview:
        return DeleteInterview(record(k))

    # "the one from friday" is a clue, not a name, unless it is the only interview or
    # they say why it was a mistake
    named = bool(line.found.by_company or line.found.numbers - line.found.by_when or (
        line.found.by_when and (len(ctx.known) == 1 or lx.BY_MISTAKE.search(line.text)))) or (
        len(ctx.known) == 1 and _THE_ONE_ADDED.search(line.text) is not None)
    # "delete", or a reason it was a mistake, says what; "get rid of acme" may as well
    # mean stop its reminders, so that is asked.
    meant = bool(_DELETE_VERB.search(line.text) or lx.BY_MISTAKE.search(line.text))
    # "stop or delete, whatever", "delete reminders for Acme": which is theirs?
    torn = bool(_TORN.search(line.text) or _THE_REMINDERS.search(line.text))
    meant = meant and not torn and not (lx.DONE_WITH_THEM.search(line.text)
                                        and not lx.BY_MISTAKE.search(line.text))
    request = bool(lx.BY_MISTAKE.search(line.text)) and polite_request(line.text)
    # Torn between the two, unsure or not ("remove it or just stop reminders? not sure"):
    # both are offered, and Neither.
    if (named or torn) and not meant and target is not None and (torn or not hedged(line)):
        return Reading(question=f"{target.company} (#{target.number}): delete it as added by "
                                "mistake, or stop its reminders and keep its history?",
                       choices=(Choice("Delete it", make(target)),
                                Choice("Stop the reminders", CancelInterview(record(target))),
                                Choice("Neither", None)))
    fix = _a_fix_too(line, ctx)
    if fix is not None and target is not None:
        # "remove the Acme interview, I typed it wrong. The company is Acme Insurance":
        # a field put right is no interview deleted; which one they want is asked.
        return Reading(question=f"{target.company} (#{target.number}): change it ({fix.said}) "
                                "and keep it, or delete it for good?",
                       choices=(Choice("Change it", fix),
                                Choice("Delete it", make(target)), Choice("Neither", None)))
    field = _A_FIELD_WRONG.search(line.text)
    if field is not None and target is not None:
        # "remove brightside, i typed the company wrong, it's Brightside Dental Group":
        # a field typed wrong may be put right rather than the interview deleted
        what = (field["what"] or field["what2"] or field["what3"]).lower()
        verb = {"title": "role", "time": "when", "date": "when", "day": "when"}.get(what, what)
        return Reading(question=f"{target.company} (#{target.number}): delete it, or keep it "
                                f"and put the {what} right (`fix {target.number} {verb} …`)?",
                       choices=(Choice("Delete it", make(target)), Choice("Keep it", None)))
    if _WHICH_COPY.search(line.text) or (_A_COPY.search(line.text) and line.found.by_company):
        # "I added Initech twice, delete the extra one": the name says which pair, not
        # which of it; with one Initech in the list, there is no copy to delete. "#2, it
        # was a duplicate" points at the copy itself; "Initech, a duplicate" at neither.
        same = [k for k in ctx.known if target is not None
                and k.company.casefold() == target.company.casefold()]
        if target is not None and len(same) == 1:
            return Reading(question=f"I have {target.company} only once in your list "
                                    f"(#{target.number}). Delete it for good?",
                           choices=(Choice("Yes, delete it", make(target)),
                                    Choice("No, keep it", None)))
        meant = False
    sure = named and meant and (request or not hedged(line))
    return about_one(line, ctx, make, lambda k: f"Delete {label(k)}.",
                     "Delete {company} (#{n}) for good?", sure=sure, yes="Yes, delete it")


def _a_fix_too(line: Line, ctx: Context) -> CorrectInterview | None:
    """A field put right in another sentence of a delete ("… The company is Acme Insurance,
    not just Acme."), as the corrections reader takes it alone; None when there is none."""
    for said in re.split(r"(?<=[.!?])\s+|\s*[,;]\s+", line.text):
        if said.strip() and not lx.REMOVE_CUES.search(said):
            fix = correct(Line.of(said, ctx), ctx)
            if fix is not None and isinstance(fix.command, CorrectInterview):
                return fix.command
    return None


#: A field said to be wrong, beside a delete: "i typed the company wrong".
_A_FIELD_WRONG = re.compile(r"\b(?:typed|put|got|entered|spelt|spelled|wrote)\s+(?:the|her|his|"
                            r"their)\s+(?P<what>company|role|title|name|time|date|day)"
                            r"(?:\s+name)?\s+wrong\b|\b(?:the\s+)?(?P<what2>company|role|title|name|"
                            r"time|date)\s+(?:is|was)\s+wrong\b|"
                            # "I typed wrong company, should be another one"
                            r"\b(?:typed|put|got|entered|wrote|picked|chose)\s+(?:the\s+|a\s+)?"
                            r"wrong\s+(?P<what3>company|role|title|name|time|date|day)\b", re.I)


#: "delete reminders for Acme": the reminders deleted, which may mean stopping them.
_THE_REMINDERS = re.compile(r"\b(?:delete|remove|erase|clear|bin)\s+(?:the\s+|all\s+(?:the\s+)?|"
                            r"my\s+|any\s+)?(?:[\w&'-]+\s+){0,2}?(?:reminders?|notifications?|"
                            r"alerts?|nudges?|messages?|pings?)\b", re.I)
#: "the interview I added", with one in the list: that one.
_THE_ONE_ADDED = re.compile(r"\bthe\s+(?:interview|entry|one)\s+(?:that\s+)?i\s+(?:just\s+)?"
                            r"(?:added|entered|made|put\s+in|created)\b", re.I)
#: One of two copies, not named itself: "added it twice", "delete the extra one".
_WHICH_COPY = re.compile(r"\b(?:twice|(?:two|2)\s+times|"
                         r"(?:the|that)\s+(?:extra|spare|second|other|duplicate)"
                         r"(?:\s+(?:one|entry|copy))?|the\s+copy)\b", re.I)
_A_COPY = re.compile(r"\b(?:double[ds]?(?!-)|duplicated?)\b", re.I)
#: "delete Dana from Initech": the verb's object is someone on it, not the interview.
_A_PERSON_TAKEN = re.compile(r"\b(?:delete|remove|erase|drop)\s+@", re.I)


def _person_words(line: Line) -> str:
    """The line with each interviewer's first name it mentions written as "@"."""
    firsts = {name.split()[0].lower() for names in line.found.people.values() for name in names}
    return re.sub(r"[\w'-]+", lambda m: "@" if m.group().lower() in firsts else m.group(),
                  line.text)


_DELETE_VERB = re.compile(r"\b(?:delete|remove|erase)\b|\bstrike\b(?=.*\bfrom\s+the\s+record\b)",
                          re.I)
#: Deleting and stopping both offered: "remove acme or just stop it?".
_TORN = re.compile(r"\b(?:stop|cancel|mute|pause)\b.*\bor\b|\bor\b.*\b(?:stop|cancel|mute|pause)\b|"
                   # "they cancelled on me, take it off": kept as theirs, or gone for good?
                   r"\b(?:they|she|he)\s+(?:cancell?ed|called\s+(?:it\s+)?off)\b", re.I)
