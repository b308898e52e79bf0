"""One reader per thing people tell the coach in their own words.

Each reader looks for its cues (`lexicon`), finds the interview the line is about, and
returns a `Reading`: sure, or a question with buttons. A reader returns None when its
cues are absent, so the next one may try. Nothing here changes anything: the coach runs
what a reading says, when it is sure or when the person presses a button.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.commands import (
    AddInterview,
    AskCoach,
    CancelInterview,
    CorrectInterview,
    DeleteInterview,
    ExplainStep,
    Fix,
    InterviewRecord,
    ListInterviews,
    MarkSent,
    RecordPromise,
    ReportCall,
    ReportOutcome,
    ShowHelp,
    ShowPlan,
    Snooze,
    SnoozeFor,
    SnoozeTillMorning,
    SnoozeUnreadable,
    StepNumber,
)
from bot.model import CallResult, Outcome, PromiseKind
from bot.parsing.command_text import snooze_span, text_or_social
from bot.parsing.dates import parse_when
from bot.parsing.english import dictionary
from bot.parsing.interview_line import parse_interview
from bot.parsing.people import read_names
from bot.parsing.promises import parse_promise
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.reading import Choice, Context, Line, Reading, about_one, label
from bot.parsing.understanding.references import KnownInterview, pick

_OUTCOME_WORDS = {Outcome.OFFER: "an offer", Outcome.REJECTED: "a no",
                  Outcome.NEXT_ROUND: "a next round", Outcome.WITHDREW: "you withdrawing",
                  Outcome.HEARD: "news that closes it"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
#: Capitalised words that name no company: sentence starts, days, months, "I".
_COMMON_CAPITALS = lx.words("""i i'm i've i'll i'd im ok okay hr ceo cto vp uk us usa
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december dec nov jan feb mar apr jun
    jul aug sep sept oct mon tue tues wed thu thur thurs fri sat sun qa ux ui ml""")


def _strangers(line: Line, ctx: Context) -> bool:
    """Whether the line names something the coach doesn't know, such as another company:
    acting on the only open interview would then be a guess."""
    known = {w.lower() for k in ctx.known for part in (k.company, *k.names)
             for w in _WORD.findall(part)} | line.found.company_words
    words = _WORD.findall(line.text)
    shouting = line.text.upper() == line.text
    for n, word in enumerate(words):
        lower = word.lower().removesuffix("'s")
        if lower in known or lower in _COMMON_CAPITALS or lower in lx.VOCABULARY:
            continue
        if word[0].isupper() and n > 0 and not shouting:
            return True
        if not dictionary().known([lower]):
            return True
    return False


def _unnamed(line: Line, ctx: Context) -> bool:
    """No interview named, and the line may be about one the coach doesn't know."""
    return not line.found.numbers and _strangers(line, ctx)


def _hedged(line: Line) -> bool:
    return bool(lx.HEDGES.search(line.text)) or line.text.rstrip().endswith("?")


def _record(k: KnownInterview) -> InterviewRecord:
    return InterviewRecord(k.record_id)


# --- outcomes -----------------------------------------------------------------------------
def outcome(line: Line, ctx: Context) -> Reading | None:
    found = next((o for pattern, o in lx.OUTCOME_CUES if pattern.search(line.text)), None)
    if found is None:
        return None
    if found in (Outcome.OFFER, Outcome.REJECTED) and lx.USER_DECLINED.search(line.text):
        found = Outcome.WITHDREW
    unsure = _hedged(line) or _unnamed(line, ctx) or (
        found is Outcome.OFFER and bool(lx.OUTCOME_TWIST.search(line.text))) or (
        found in (Outcome.OFFER, Outcome.NEXT_ROUND) and bool(lx.NEGATED.search(line.text)))
    said = line.text if found is Outcome.NEXT_ROUND else ""

    def make(k: KnownInterview) -> ReportOutcome:
        return ReportOutcome(_record(k), found, said=said)

    if unsure:
        target = pick(line.found, ctx.known)
        if target is None:
            return about_one(line, ctx, make, lambda k: "", "")
        return Reading(
            question=f"Just to be sure: is that {_OUTCOME_WORDS[found]} from "
                     f"{target.company} (#{target.number}), or are you still waiting?",
            choices=(Choice(f"Yes, {_OUTCOME_WORDS[found]}", make(target)),
                     Choice("Still waiting", None)))
    return about_one(line, ctx, make,
                     lambda k: f"{_OUTCOME_WORDS[found].capitalize()} from {k.company} "
                               f"(#{k.number}).", "")


# --- promises -----------------------------------------------------------------------------
def promise(line: Line, ctx: Context) -> Reading | None:
    if not lx.PROMISE_CUES.search(line.text) or lx.OWN_PLAN.search(line.text):
        return None
    kind = PromiseKind.YOU_CALL_ON if lx.USER_CALLS.search(line.text) else \
        PromiseKind.THEY_DECIDE_BY
    said = parse_promise(line.text, ctx.today, ctx.now, ctx.tz, kind)
    if said is None:
        return None
    if lx.USER_CALLS.search(line.text):
        said = type(said)(PromiseKind.YOU_CALL_ON, said.on, said.text)

    def make(k: KnownInterview) -> RecordPromise:
        return RecordPromise(_record(k), said, said=line.text)

    if _EITHER_DAY.search(line.text):
        # "Monday or Tuesday": which day the plan waits for is theirs to say.
        target = pick(line.found, ctx.known)
        later = parse_promise(_EITHER_DAY.sub(r"\g<2>", line.text), ctx.today, ctx.now,
                              ctx.tz, said.kind)
        if target is None or later is None or later.on == said.on:
            return None
        return Reading(question="They named two days: which shall I plan around?", choices=(
            Choice(f"{said.on:%a %d %b}", RecordPromise(_record(target), said, said=line.text)),
            Choice(f"{later.on:%a %d %b}", RecordPromise(_record(target), later,
                                                         said=line.text)),
            Choice("Neither", None)))

    day = f"{said.on:%a %d %b}"
    words = (f"you call them on {day}" if said.kind is PromiseKind.YOU_CALL_ON
             else f"they'll be in touch by {day}")
    return about_one(line, ctx, make, lambda k: f"{k.company} (#{k.number}): {words}.",
                     "Is that {company}'s word on what happens next (#{n}): " + words + "?",
                     sure=not (_hedged(line) or _unnamed(line, ctx)))


_DAY_WORD = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|tomorrow|"
             r"\d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}")
_EITHER_DAY = re.compile(rf"\b({_DAY_WORD})\s+or\s+({_DAY_WORD})\b", re.I)


# --- calls --------------------------------------------------------------------------------
def call(line: Line, ctx: Context) -> Reading | None:
    if not lx.CALL_CUES.search(line.text):
        return None
    result = next((r for pattern, r in lx.CALL_RESULTS if pattern.search(line.text)), None)
    if result is None or lx.CALL_UNCLEAR.search(line.text):
        target = pick(line.found, ctx.known)
        if target is None:
            return None
        return Reading(question=f"How did your call to {target.company} (#{target.number}) "
                                "go: did you speak to someone?",
                       choices=(Choice("Nobody picked up", ReportCall(
                                    _record(target), CallResult.NO_ANSWER)),
                                Choice("I spoke to someone", ReportCall(
                                    _record(target), CallResult.ANSWERED, ask_news=True)),
                                Choice("I haven't called", None)))

    def make(k: KnownInterview) -> ReportCall:
        return ReportCall(_record(k), result, ask_news=result is CallResult.ANSWERED)

    words = "someone picked up" if result is CallResult.ANSWERED else "nobody picked up"
    return about_one(line, ctx, make,
                     lambda k: f"You called {k.company} (#{k.number}) and {words}.",
                     "Your call to {company} (#{n}): " + words + "?",
                     sure=not (_hedged(line) or _unnamed(line, ctx)))


# --- thank-you notes ----------------------------------------------------------------------
def sent(line: Line, ctx: Context) -> Reading | None:
    verb_led = bool(re.match(r"^(?:sent|thanked)\b", line.text, re.I))
    if not (lx.SENT_CUES.search(line.text) and (verb_led or lx.NOTE_WORDS.search(line.text))):
        return None
    text = lx.BUT_NOT.sub("", line.text)
    if lx.NOT_SENT.search(text):
        return None
    by = text_or_social(text)
    if by is None and re.search(r"\btexted\b", text, re.I):
        by = "text message"
    named = Line.of(text, ctx).found.people if ctx.known else {}

    def make(k: KnownInterview) -> MarkSent:
        people = named.get(k.number, ())
        return MarkSent(_record(k), to=people[0] if len(people) == 1 else "", by=by)

    def said(k: KnownInterview) -> str:
        people = named.get(k.number, ())
        return (f"Your thank-you to {people[0]} ({k.company}, #{k.number}) went out."
                if len(people) == 1 else f"Your thank-you notes for {k.company} "
                f"(#{k.number}) went out.")

    return about_one(line, ctx, make, said, "Did your thank-you for {company} (#{n}) go out?",
                     sure=not (_hedged(line) or _unnamed(line, ctx)))


# --- reminders ----------------------------------------------------------------------------
_SNOOZE_LEAD = re.compile(
    r"^.*?\b(?:remind\s+me(?:\s+about\s+\S+(?:\s+(?:call|one|interview))?)?|ping\s+me|"
    r"nudge\s+me|ask\s+me\s+again|give\s+me|snooze(?:\s+(?:the\s+)?\S+(?:\s+call)?)?)\b\s*"
    r"(?:in\s+like\s+|like\s+|in\s+|at\s+|on\s+|till\s+|until\s+|til\s+)?", re.I)


def snooze(line: Line, ctx: Context) -> Reading | None:
    if not lx.SNOOZE_CUES.search(line.text):
        return None
    rest = _SNOOZE_LEAD.sub("", line.text).strip(" .!,")
    if re.sub(r"[^\w\s]", "", rest).lower().strip() in ("", "later", "not now", "not now later",
                                                         "busy", "busy later"):
        target = pick(line.found, ctx.known)
        if target is None:
            return None
        step = StepNumber(target.number)
        return Reading(question=f"When shall I remind you about {target.company} "
                                f"(#{target.number}) again?",
                       choices=(Choice("In 2 hours", Snooze(step, SnoozeFor(_TWO_HOURS))),
                                Choice("Tomorrow morning", Snooze(step, SnoozeTillMorning())),
                                Choice("Don't snooze", None)))
    if rest.lower().startswith("an hour") or rest.lower() == "hour":
        rest = "1 hour"
    rest = _spoken_time(rest)
    span = snooze_span(rest, ctx.now, ctx.tz)
    if isinstance(span, SnoozeUnreadable):
        return None

    def make(k: KnownInterview) -> Snooze:
        return Snooze(StepNumber(k.number), span)

    return about_one(line, ctx, make, lambda k: f"Snoozing the next step of {k.company} "
                     f"(#{k.number}).", "Snooze the next step of {company} (#{n})?",
                     sure=not _unnamed(line, ctx))


_TWO_HOURS = timedelta(hours=2)
_HOUR_WORDS = {w: n for n, w in enumerate(lx.words_in_order(
    "one two three four five six seven eight nine ten eleven twelve"), 1)}
_HALF = re.compile(r"\bhalf\s+(\w+)\b", re.I)
_TONIGHT_AT = re.compile(r"\b(tonight|this\s+evening)\s+at\s+(\d{1,2})(?::(\d{2}))?\b(?!\s*[ap]m)",
                         re.I)


def _spoken_time(text: str) -> str:
    """"Half six" is 6:30 (the next one); "tonight at 8" is 8pm tonight."""
    def half(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        hour = _HOUR_WORDS.get(word) or (int(word) if word.isdigit() else None)
        return f"{hour}:30" if hour else match.group(0)

    def tonight(match: re.Match[str]) -> str:
        hour = int(match.group(2)) % 12 + 12
        return f"{match.group(1)} {hour}:{match.group(3) or '00'}"

    return _TONIGHT_AT.sub(tonight, _HALF.sub(half, text))


def cancel(line: Line, ctx: Context) -> Reading | None:
    if not lx.CANCEL_CUES.search(line.text) or lx.ASKS_WHETHER.search(line.text):
        return None

    def make(k: KnownInterview) -> CancelInterview:
        return CancelInterview(_record(k))

    return about_one(line, ctx, make,
                     lambda k: f"No more reminders for {k.company} (#{k.number}).",
                     "Stop the reminders for {company} (#{n})?",
                     sure=not (_hedged(line) or _unnamed(line, ctx)), yes="Yes, stop them")


def remove(line: Line, ctx: Context) -> Reading | None:
    if not lx.REMOVE_CUES.search(line.text) or lx.ASKS_WHETHER.search(line.text):
        return None
    if line.found.people and not line.found.by_company and not line.found.numbers - set(
            line.found.people):
        return None  # a person taken off an interview: a correction

    def make(k: KnownInterview) -> DeleteInterview:
        return DeleteInterview(_record(k))

    sure = bool(line.found.by_company or line.found.numbers) and not _hedged(line)
    return about_one(line, ctx, make, lambda k: f"Delete {label(k)}.",
                     "Delete {company} (#{n}) for good?", sure=sure, yes="Yes, delete it")


# --- showing ------------------------------------------------------------------------------
def show(line: Line, ctx: Context) -> Reading | None:
    if lx.SHOW_HELP.search(line.text):
        return Reading(ShowHelp())
    if lx.SHOW_LIST.search(line.text):
        return Reading(ListInterviews())
    if lx.SHOW_PLAN.search(line.text) and line.found.numbers:
        target = pick(line.found, ctx.known)
        if target is not None:
            return Reading(ShowPlan(_record(target)))
        return Reading(ListInterviews())
    return None


# --- corrections --------------------------------------------------------------------------
_POSSESSIVE = re.compile(
    r"^(?P<who>[A-Za-z][\w-]*|her|his|their)(?:'s)?\s+(?P<what>e-?mail(?:\s+address)?|phone"
    r"(?:\s+number)?|number|mobile|cell|surname|last\s+name|first\s+name|name)\s*(?:is|:|=)?\s*"
    r"(?P<value>.+?)(?:,?\s+not\s+(?P<wrong>.+))?$", re.I)
_FIELD_IS = re.compile(
    r"^(?:the\s+)?(?:(?P<company>[\w'-]+)\s+)?(?P<field>company|employer|role|position|job(?:\s+"
    r"title)?|title)\s+(?:is|was)\s+(?:actually\s+|really\s+)?(?P<value>.+?)"
    r"(?:,?\s+not\s+(?P<wrong>.+))?$", re.I)
_I_MEAN = re.compile(r"^.*\bI\s+mean[t]?\s+", re.I)
_WHEN_WAS = re.compile(
    r"^(?:the\s+)?(?:(?P<company>[\w'-]+)\s+)?interview\s+(?:was|is)\s+(?:actually\s+)?"
    r"(?P<value>.+?)(?:,?\s+not\s+(?P<wrong>.+))?$", re.I)
_ADD_TO = re.compile(r"^add\s+(?P<names>.+?)\s+to\s+(?:the\s+)?(?P<company>.+?)"
                     r"(?:\s+(?:one|interview))?$", re.I)
_ALSO_PERSON = re.compile(
    r"\b(?:also|another|third|second|one\s+more)\b.*\b(?:person|interviewer|lady|guy|man|woman|"
    r"someone|one)\b.*?[,:-]\s*(?P<names>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)\s*$")
_TAKE_OFF = re.compile(r"\b(?:take\s+(?:her|him|them)\s+off|wasn'?t\s+(?:actually\s+)?"
                       r"(?:in\s+the\s+interview|there)|remove|drop)\b", re.I)
_WAS_TIME = re.compile(r"^(?:it\s+was\s+)?(?:actually\s+)?(?:at\s+)?(?P<value>\d{1,2}(?::\d{2})?"
                       r"\s*(?:[ap]\.?m\.?)?)\s*,?\s*not\s+(?P<wrong>\d{1,2}(?::\d{2})?\s*"
                       r"(?:[ap]\.?m\.?)?)$", re.I)


def correct(line: Line, ctx: Context) -> Reading | None:
    text = lx.CORRECTION_LEAD.sub("", line.text).strip(" .!")
    text = re.sub(r"^wrong\s+(?:company|role|name|time|date)\s*[,:-]\s*", "", text, flags=re.I)
    for attempt in (_possessive, _field_is, _when_was, _was_time, _not_that, _add_to,
                    _also_person, _take_off):
        reading = attempt(text, line, ctx)
        if reading is not None:
            return reading
    return None


def _fix(line: Line, ctx: Context, field: Fix, who: str, value: str, said: str,
         *, sure: bool = True, target: KnownInterview | None = None) -> Reading:
    def make(k: KnownInterview) -> CorrectInterview:
        return CorrectInterview(_record(k), field, who=who, value=value, said=said)

    if target is not None:
        return Reading(make(target), f"Correcting {label(target)}.") if sure else Reading(
            question=f"Change {target.company} (#{target.number}): {said}?",
            choices=(Choice("Yes, change it", make(target)), Choice("No", None)))
    return about_one(line, ctx, make, lambda k: f"Correcting {label(k)}.",
                     "Change {company} (#{n}): " + said + "?",
                     sure=sure and not _hedged(line), yes="Yes, change it")


def _person(line: Line, ctx: Context, word: str) -> tuple[KnownInterview, str] | None:
    """The interview and interviewer a first name or surname names, if only one."""
    word = word.lower().removesuffix("'s")
    hits = [(k, name) for k in ctx.known for name in k.names
            if word in (p.lower().strip(".") for p in name.split())]
    return hits[0] if len(hits) == 1 else None


def _possessive(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _POSSESSIVE.match(text)
    if match is None:
        return None
    who, what = match.group("who"), match.group("what").lower()
    value = match.group("value").strip(" .")
    if who.lower() in ("her", "his", "their", "my", "your", "the"):
        return _pronoun_fix(line, ctx, what, value)
    found = _person(line, ctx, who)
    if found is None:
        return None
    k, name = found
    if "mail" in what:
        address = next((w for w in value.split() if "@" in w), "")
        return _fix(line, ctx, Fix.EMAIL, name, address.strip("<>.,;()"),
                    f"{name}'s e-mail is {address}", target=k) if address else None
    if what.startswith(("phone", "number", "mobile", "cell")):
        return _fix(line, ctx, Fix.PHONE, name, value, f"{name}'s number is {value}", target=k)
    new = _renamed(name, who, what, value)
    return _fix(line, ctx, Fix.NAME, name, new, f"{name} is spelled {new}", target=k)


def _renamed(name: str, who: str, what: str, value: str) -> str:
    parts = name.split()
    if what in ("surname", "last name") and len(parts) > 1:
        return " ".join([*parts[:-1], value])
    if what == "first name":
        return " ".join([value, *parts[1:]])
    return value if " " in value or len(parts) == 1 else value + " " + " ".join(parts[1:])


def _pronoun_fix(line: Line, ctx: Context, what: str, value: str) -> Reading | None:
    """"Her e-mail is …": the coach never guesses who "her" is, unless there is one person."""
    if "mail" not in what and not what.startswith(("phone", "number", "mobile", "cell")):
        return None
    field = Fix.EMAIL if "mail" in what else Fix.PHONE
    value = value.strip("<>.,;() ") if field is Fix.EMAIL else value
    domain = value.partition("@")[2].split(".")[0].lower() if field is Fix.EMAIL else ""
    candidates = [(k, name) for k in ctx.known if k.open for name in k.names
                  if not domain or domain in k.company.lower().replace(" ", "")]
    if not candidates:
        candidates = [(k, name) for k in ctx.known if k.open for name in k.names]
    local = re.split(r"[._+-]", value.partition("@")[0].lower()) if field is Fix.EMAIL else []
    named = [(k, name) for k, name in candidates
             if any(part.lower() in local for part in name.split() if len(part) > 1)]
    if len(named) == 1:  # "dana@initech.com" is Dana's
        candidates = named
    if len(candidates) == 1:
        k, name = candidates[0]
        return _fix(line, ctx, field, name, value, f"{name}: {value}", target=k)
    if not candidates:
        return None
    return Reading(question=f"Whose is {value}?", choices=(
        *(Choice(f"{name} ({k.company})", CorrectInterview(_record(k), field, who=name,
                                                           value=value, said=value))
          for k, name in candidates[:5]),
        Choice("Nobody here", None)))


def _field_is(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _FIELD_IS.match(text)
    if match is None:
        return None
    value = _I_MEAN.sub("", match.group("value")).strip(" .")
    field = Fix.COMPANY if match.group("field").lower() in ("company", "employer") else Fix.ROLE
    company = match.group("company")
    if company and not line.found.by_company:
        return None
    return _fix(line, ctx, field, "", value, f"the {field.value} is {value}")


def _when_was(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _WHEN_WAS.match(text)
    if match is None:
        return None
    value = re.sub(r"^(?:at|on)\s+", "", match.group("value").strip(" ."), flags=re.I)
    if not re.search(r"\d|today|yesterday|tomorrow|day\b", value, re.I):
        return None
    value = _business_hour(_weekday_and_day(value, ctx))
    return _fix(line, ctx, Fix.WHEN, "", value, f"it was {value}")


def _business_hour(value: str) -> str:
    """"At 3" for an interview is 3pm; "at 9" is 9am: interviews keep office hours."""
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", value.strip())
    if match is None:
        return value
    hour = int(match.group(1))
    if not 1 <= hour <= 12:
        return value
    suffix = "am" if 8 <= hour <= 11 else "pm"
    return f"{hour}:{match.group(2) or '00'}{suffix}"


_WD_DOM = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?(\d{1,2})"
                     r"(?:st|nd|rd|th)?\b(?!\s*(?:[:.]\d|[ap]\.?m))", re.I)


def _weekday_and_day(value: str, ctx: Context) -> str:
    """"Thursday 19th" is the 19th that is a Thursday nearest today, written as a date."""
    match = _WD_DOM.search(value)
    if match is None:
        return value
    wanted = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(match.group(1).lower())
    today, day = ctx.today, int(match.group(2))
    found = []
    for offset in range(-3, 4):
        month_index = today.year * 12 + today.month - 1 + offset
        try:
            found.append(date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue
    fitting = [d for d in found if d.weekday() == wanted]
    if not fitting:
        return value
    best = min(fitting, key=lambda d: abs((d - today).days))
    return value[:match.start()] + best.isoformat() + value[match.end():]


def _was_time(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _WAS_TIME.match(text)
    if match is None:
        return None
    value = _business_hour(match.group("value"))
    return _fix(line, ctx, Fix.WHEN, "", value, f"it was at {value}")


def _not_that(text: str, line: Line, ctx: Context) -> Reading | None:
    match = lx.NOT_THAT.match(text)
    if match is None:
        return None
    right, wrong = match.group("right").strip(" ."), match.group("wrong").strip(" .")
    person = _person(line, ctx, wrong.split()[0]) if wrong.split() else None
    if person is not None:
        k, name = person
        new = _renamed(name, wrong, "name", right) if len(wrong.split()) == 1 else right
        if len(wrong.split()) == 1 and len(right.split()) == 1:
            parts = name.split()
            new = " ".join(right if p.lower() == wrong.lower() else p for p in parts)
        return _fix(line, ctx, Fix.NAME, name, new, f"{name} is spelled {new}", target=k)
    for k in ctx.known:
        if wrong.lower() == k.company.lower():
            return _fix(line, ctx, Fix.COMPANY, "", right, f"the company is {right}", target=k)
        if wrong.lower() == k.role.lower():
            return _fix(line, ctx, Fix.ROLE, "", right, f"the role is {right}", target=k)
    return None


def _add_to(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _ADD_TO.match(text)
    if match is None or not line.found.by_company:
        return None
    people, unclear = read_names(match.group("names"))
    if not people or unclear:
        return None
    names = " and ".join(p.name for p in people)
    return _fix(line, ctx, Fix.ADD, "", match.group("names"), f"add {names}")


def _also_person(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _ALSO_PERSON.search(text)
    if match is None:
        return None
    people, unclear = read_names(match.group("names"))
    if len(people) != 1 or unclear:
        return None
    return _fix(line, ctx, Fix.ADD, "", people[0].name, f"add {people[0].name}")


def _take_off(text: str, line: Line, ctx: Context) -> Reading | None:
    if not _TAKE_OFF.search(text) or not line.found.people:
        return None
    people = [(n, name) for n, names in line.found.people.items() for name in names]
    if len(people) != 1:
        return None
    number, name = people[0]
    target = next(k for k in ctx.known if k.number == number)
    return _fix(line, ctx, Fix.REMOVE, name, "", f"take {name} off", target=target)


# --- questions ----------------------------------------------------------------------------
def question(line: Line, ctx: Context) -> Reading | None:
    """A line that starts as a question ("should I…", "what do I say…")."""
    if not lx.QUESTION_START.match(line.text):
        return None
    return _answer(line, ctx)


def question_mark(line: Line, ctx: Context) -> Reading | None:
    """Any other line ending in "?", once no report was found in it."""
    return _answer(line, ctx) if line.text.rstrip().endswith("?") else None


_WHY_DAY = re.compile(r"^why\s+(?:(?:on|is\s+it|the|this|that)\s+)?(?P<day>(?:mon|tues|wednes|"
                      r"thurs|fri|satur|sun)day|tomorrow|today|\d{4}-\d{1,2}-\d{1,2}|"
                      r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2})\b",
                      re.I)


def _why_day(line: Line, ctx: Context) -> Reading | None:
    match = _WHY_DAY.match(line.text)
    if match is None:
        return None
    moment = parse_when(match.group("day"), ctx.now, ctx.tz)
    if moment is None:
        return None
    return Reading(ExplainStep(on=moment.astimezone(ctx.tz).date()))


def _answer(line: Line, ctx: Context) -> Reading:
    why = _why_day(line, ctx)
    if why is not None:
        return why
    topic = next((t for pattern, t in lx.QUESTION_TOPICS if pattern.search(line.text)), "other")
    target = pick(line.found, ctx.known) if line.found.numbers else None
    return Reading(AskCoach(topic, None if target is None else _record(target)))


# --- an add line without the verb ---------------------------------------------------------
def comma_add(line: Line, ctx: Context) -> Reading | None:
    """"Acme, data analyst, today 2pm, Jane Smith": an `add` line that left out `add`."""
    if line.text.count(",") < 2 or lx.HEDGES.search(line.text):
        return None
    parsed = parse_interview(line.text, ctx.now, ctx.tz)
    if not (parsed.company and parsed.role and parsed.starts_at and parsed.interviewers) \
            or parsed.unclear:
        return None
    if line.text.split(",", 1)[0].strip().lower() != parsed.company.lower():
        return None
    return Reading(AddInterview(line.text), f"a new interview: {parsed.role} at "
                                            f"{parsed.company}.")
