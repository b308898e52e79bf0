"""A typed line (`sent 1 Jane`, `snooze 1.2 until Monday`) read into one typed command.

Only free text comes here: buttons, forms and slash-command options build their command
directly. Each verb has one reader, which takes the rest of the line and the moment and
zone it was said in; a verb nobody knows is `Unknown`, for the conversation to explain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.commands import (
    AddInterview,
    Answer,
    BadInterviewRef,
    BadStepRef,
    Calendar,
    CancelInterview,
    CheckNote,
    ClubCommand,
    Command,
    CorrectInterview,
    DeleteInterview,
    ExplainStep,
    ExportData,
    Fix,
    ForgetMe,
    InterviewNumber,
    InterviewRef,
    ListInterviews,
    MailAddress,
    MarkDone,
    MarkSent,
    NoteTopic,
    OnlyOpenInterview,
    RecordPromise,
    Reflect,
    ReportCall,
    ReportOutcome,
    SetName,
    SetPhone,
    SetQuietHours,
    SetTimeZone,
    SetTone,
    ShareCommand,
    ShowHelp,
    ShowJournal,
    ShowPlan,
    ShowStats,
    Snooze,
    SnoozeFor,
    SnoozeSpan,
    SnoozeTillMorning,
    SnoozeUnreadable,
    SnoozeUntil,
    StepNumber,
    StepRef,
    Unknown,
)
from bot.model import CallResult, Outcome, Tone
from bot.parsing.dates import parse_later, parse_when_detail
from bot.parsing.promises import parse_promise
from bot.parsing.settings_values import parse_clock_range, parse_duration, parse_zone
from bot.text import one_slip

#: `1`, `#2`, `1.2` (interview 1, step 2).
REF = re.compile(r"^#?([0-9]{1,6})(?:\.([0-9]{1,3}))?$")
_NUMBERISH = re.compile(r"^#?[-+]?[0-9]")

OUTCOME_WORDS: dict[str, Outcome] = {
    "offer": Outcome.OFFER,
    "got an offer": Outcome.OFFER,
    "rejected": Outcome.REJECTED,
    "rejection": Outcome.REJECTED,
    "no": Outcome.REJECTED,
    "next round": Outcome.NEXT_ROUND,
    "nextround": Outcome.NEXT_ROUND,
    "next": Outcome.NEXT_ROUND,
    "second round": Outcome.NEXT_ROUND,
    "other": Outcome.HEARD,
    "heard": Outcome.HEARD,
    "withdrew": Outcome.WITHDREW,
    "withdraw": Outcome.WITHDREW,
    "withdrawn": Outcome.WITHDREW,
}
#: Outcomes people say in words; read only when nothing in the line hedges or negates.
_OUTCOME_PHRASES = (
    (re.compile(r"\b(?:got the (?:job|role|offer)|(?:made|gave) me (?:an|the) offer|"
                r"offered me the (?:job|role|position))\b"), Outcome.OFFER),
    (re.compile(r"\b(?:passed on me|turned me down|didn'?t get (?:it|the job|the role)|"
                r"went with (?:someone|somebody|another candidate)|"
                r"(?:not|won'?t be) moving forward with me)\b"), Outcome.REJECTED),
)
_HEDGED = re.compile(r"\b(?:think|maybe|might|may|hope|hoping|if|whether|not sure|unless|"
                     r"don'?t know|wonder|probably|yet|\?)", re.I)
#: Outcome words that still mean that outcome with more words after them.
_LEADING_OUTCOMES = ("got an offer", "offer", "rejected", "rejection", "next round",
                     "nextround", "second round", "withdrew", "withdrawn")
#: "The 2nd round is Dec 3", "another interview on Friday": a next round, said in words.
_ANOTHER_ROUND = re.compile(
    r"\b(?:next|second|2nd|third|3rd|fourth|4th|final|another|later)\s+"
    r"(?:round|interview|stage)\b", re.I)
_TEXT_OR_SOCIAL = re.compile(
    r"\b(text(?:ed|ing)? (?:message|msg)|text(?:ed)? (?:her|him|them)|by text|via text|sms|"
    r"txt(?:ed|d)?|texted|(?<=\ba )(?:quick |short )?text(?! of)|"
    r"whatsapp|linkedin|twitter|facebook|instagram|social media|dm(?:'?ed)?)\b",
    re.IGNORECASE)
_TOMORROW = frozenset({"tomorrow", "until tomorrow", "1 day", "a day"})
_FORGET_ME = frozenset({"me", "me please", "everything", ""})

#: Verbs that, typed alone, are a command even while a question waits for an answer.
_ALONE = frozenset({"help", "list", "ls", "interviews", "journal", "export", "stats",
                    "calendar", "plan", "why"})
#: Verbs that are a command when an interview number follows ("plan 1", "sent 2 Jane").
_WITH_NUMBER = frozenset({"plan", "show", "sent", "done", "called", "heard", "promised",
                          "snooze", "note", "check", "reflect", "share", "cancel", "why",
                          "fix", "correct", "edit", "change", "delete", "remove", "del",
                          "stop"})
#: A number that counts, not one naming an interview: "called 3 times", "2 more rounds".
A_COUNT = re.compile(r"^\S+\s+(?:times|x|more|calls|people|ppl|rounds|days|hours|hrs|weeks|"
                     r"of\s+\d+|out\s+of)\b", re.I)  # "call 1 of 2": a count, no interview
#: Whole lines that are a command whatever question waits.
_WHOLE = frozenset({"forget me", "help me", "help pls", "help please"})


@dataclass(frozen=True, slots=True)
class Said:
    """The rest of a line after its verb, with the moment and zone it was said in."""

    rest: str
    now: datetime
    tz: ZoneInfo

    @property
    def first(self) -> str:
        """The first word, without the comma of "called #2, got voicemail"."""
        return self.rest.split(" ", 1)[0].rstrip(",;:!") if self.rest else ""

    @property
    def numbered(self) -> bool:
        return bool(REF.match(self.first)) and not A_COUNT.match(self.rest)

    @property
    def after_number(self) -> str:
        """What follows an interview number, or all of it when there is no number."""
        words = self.rest.split(" ", 1)
        if self.numbered:
            return words[1].strip() if len(words) > 1 else ""
        return self.rest.strip()


#: "new one: Nakatomi, …", "add interview: …": words that only say an add follows.
_ADD_LEAD = re.compile(r"^(?:(?:one|interview|another(?:\s+one)?)(?:\s+(?:please|pls|abeg|lah|po|"
                       r"too|more|again|here|for\s+(?:the|my)\s+list))?\s*)?:\s*|"
                       # "new one - Beatriz Costa, …": a dash for the colon
                       r"^(?:one|interview|another(?:\s+one)?)\s+[-–—]\s*|"
                       # "new one. Massive Dynamic, …", dictated: its full stop for a colon;
                       # "New one!! Cirque du Soleil, …": its exclamation marks
                       r"^(?:one|interview|another(?:\s+one)?)\s*(?:\.|!+)\s+", re.I)


_GREETING_WORDS = (r"(?:(?:hi|hello|hey|hiya|hoi|hallo|hola|bonjour|ciao|salut|selam|sala+m|yo|"
                   r"namaste|merhaba|jambo|habari|kumusta|ol[aá]|buongiorno|good\s+(?:morning|"
                   r"afternoon|evening|day))(?:\s+(?:there|po|all|everyone|team|bot|sir|"
                   r"ma'?am|madam))?"
                   # a mail's own greeting, pasted with it: "Hi Priya,", "Dear Sam,"
                   r"|(?:hi|hello|dear)\s+(?-i:[A-Z][\w'-]+)(?=\s*,))")
#: A greeting before what they came to say: "Hi! add …", "Good evening sir. Please I had …".
GREETING = re.compile(rf"^{_GREETING_WORDS}\s*[!,.]+\s*(?=\S)", re.I)
#: A greeting and nothing else ("hey there", "good morning!"): answered as "hi" is.
GREETING_ONLY = re.compile(rf"^{_GREETING_WORDS}\W*$", re.I)


#: An add asked for, then the interview: "Can you add another one please? Riverside …",
#: "Forgot to log this one: Barclays, …".
_ASKED_TO_ADD = re.compile(r"^(?:(?:(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+)add\s+"
                           r"(?:another|a\s+new|one\s+more|this|an?)(?:\s+(?:one|interview))?"
                           r"(?:\s+(?:please|pls|for\s+me))?\s*[?:.!,—–-]+|"
                           # "Forgot to log this one: Barclays, graduate analyst, …"
                           r"(?:i\s+)?forgot\s+to\s+(?:log|add|put\s+in|enter)\s+(?:this|another)"
                           r"(?:\s+one)?\s*:)\s*", re.I)


#: "no. 2", "nr 2", "number 2" after a verb: the interview's number, said the long way.
_NUMBER_SAID = re.compile(r"^(\S+)\s+(?:no\.|nr\.?|num\.?|number)\s*(?=#?\d)", re.I)


def read_command(text: str, now: datetime, tz: ZoneInfo) -> Command:
    """The command a cleaned line of text asks for."""
    if not text:
        return ShowHelp(greeting=True)
    asked = _ASKED_TO_ADD.match(text)
    if asked is not None and text[asked.end():].strip():
        text = f"add {text[asked.end():].strip()}"  # "Can you add another one please? Riverside …"
    if GREETING_ONLY.match(text):
        return ShowHelp()
    greeted = GREETING.match(text)
    if greeted is not None and text[greeted.end():].strip():
        # "Hoi! add Orchard & Co, …" is the add; "Hello po! I had my interview …" is news,
        # read whole ("Hey! New here 🙂 I had …" is no `new`)
        rest = text[greeted.end():].strip()
        return read_command(rest, now, tz) if rest.lower().startswith("add ") else Unknown(text)
    text = _NUMBER_SAID.sub(r"\1 ", text)  # "Delete no. 2 please": interview 2
    verb, _, rest = text.partition(" ")
    if verb.lower() in ("/followup", "followup") and rest.strip():
        return read_command(rest.strip(), now, tz)  # "/followup stop 1" pasted into a DM
    reader = READERS.get(verb.lower().lstrip("/"))
    if reader is None and not rest.strip() and one_slip(verb.strip(".!?"), "help"):
        reader = _help  # "hlep": help asked for, with one slip (its reply says what it is)
    if reader is None:
        return Unknown(text)
    return reader(Said(rest.strip(), now, tz))


def is_command_line(text: str) -> bool:
    """Whether text typed while a question is open is plainly a command, not an answer:
    `list` is not anybody's job title, `plan 2` is not a date, `cancel 1` is no role,
    and a whole `add …` line is a new interview, not a name."""
    words = text.lower().split()
    if not words:
        return False
    verb = words[0].lstrip("/")
    if " ".join(words).strip(" .!") in _WHOLE:
        return True
    if len(words) == 1:
        return verb in _ALONE
    if verb in ("add", "new"):
        # A one-line add names at least a company and a role, comma-separated.
        return text.count(",") >= 2
    if verb == "show" and words[1] in _ALONE:  # "show plan 1", "show list"
        return len(words) == 2 or bool(REF.match(words[2]))
    # "called 7, no answer": the number with its comma
    return verb in _WITH_NUMBER and bool(REF.match(words[1].rstrip(",;:"))) \
        and not A_COUNT.match(" ".join(words[1:]))


#: Chat before a command: "btw also add: …", "oh and cancel 2".
_LEAD_IN = re.compile(r"^(?:(?:btw|by\s+the\s+way|oh|and|also|ok|okay|so|actually|oops|howay|"
                      r"one\s+more\s+thing)[,:!.]?\s+)+", re.I)


def command_after_lead_in(text: str) -> str | None:
    """The command line after a chatty lead-in ("btw also add: Monsters Inc, …"), when
    what follows the lead-in is plainly one; None otherwise."""
    rest = _LEAD_IN.sub("", text.strip(), count=1)
    if rest == text.strip():
        return None
    rest = re.sub(r"^(add|new)\s*:\s*", r"\1 ", rest, flags=re.I)
    return rest if is_command_line(rest) else None


def text_or_social(text: str) -> str | None:
    """The channel named, if the text says a thank-you went by text or social media."""
    found = _TEXT_OR_SOCIAL.search(text)
    return found.group(1).lower() if found else None


def interview_ref(word: str) -> InterviewRef:
    match = REF.match(word.rstrip(".,;:!"))  # "Called 1. No answer."
    if match:
        return InterviewNumber(int(match.group(1)))
    if _NUMBERISH.match(word):
        # A number that is no interview's ("99999999", "-1", "1.2.3") never falls back
        # to the open one: a call or an outcome must not land on the wrong interview.
        return BadInterviewRef(word)
    return OnlyOpenInterview()


def step_ref(word: str) -> StepRef:
    match = REF.match(word)
    if not match:
        return BadStepRef(word)
    position = match.group(2)
    return StepNumber(int(match.group(1)), None if position is None else int(position))


_ONE_UNIT = frozenset({"hr", "hour", "h", "day", "week", "wk"})
_SPAN_FOR = re.compile(r"^for\s+(?=(?:an?|half|\d|one|two|three|a\s+few|a\s+couple)\b)")
_SPAN_REMARK = re.compile(r"\s*[,;]\s*(?:i'?m|i\s+am|im|cos|because|as|since|busy|driving)\b.*$")
_AN_HOUR = re.compile(r"^(?:an|one|a)\s+hour$|^half\s+an\s+hour$")
_UNITS = frozenset({"hours", "hrs", "days", "weeks", "wks", "mins", "minutes"})


def snooze_span(text: str, now: datetime, tz: ZoneInfo) -> SnoozeSpan:
    text = text.strip().lower()
    # "for an hour, i'm driving": the span, without the reason after it
    text = _SPAN_REMARK.sub("", _SPAN_FOR.sub("", text)).strip()
    text = _AN_HOUR.sub(lambda m: "30 minutes" if m.group(0).startswith("half") else "1 hour",
                        text)
    if text in _TOMORROW:
        return SnoozeTillMorning()
    if text in _ONE_UNIT:  # "snooze 1 hr": the 1 is the interview, the span one hour
        text = f"1 {text}"
    if (span := parse_duration(text)) is not None:
        return SnoozeFor(span)
    if (moment := parse_later(text, now, tz)) is not None:
        return SnoozeUntil(moment, named=parse_when_detail(text, now, tz)[1])
    passed = parse_when_detail(text, now, tz)[0] is not None
    return SnoozeUnreadable(text, passed=passed)


# --- one reader per verb ----------------------------------------------------------------
#: The note named before whom it went to: "sent thnk u to jame", "sent the thank you note to".
_NOTE_NAMED = re.compile(r"^(?:(?:(?:the|a|my)\s+)?(?:thank[\s-]?you|thanks|thank\s+u|"
                         r"thnk\s*(?:u|you)|thx|ty|tq)(?:\s+(?:note|e-?mail|card|letter|message|"
                         r"msg))?\s+)?(?:to\s+)?", re.I)


def _sent(said: Said) -> Command:
    who = _NOTE_NAMED.sub("", said.after_number.lower())
    return MarkSent(interview_ref(said.first), to=who, by=text_or_social(said.rest))


def _done(said: Said) -> Command:
    return MarkDone(step_ref(said.first) if said.rest else None)


def _called(said: Said) -> Command:
    result_text = said.after_number.lower()
    result: CallResult | None = None
    if "no" in result_text.split() or "voicemail" in result_text or \
            result_text.startswith(("no", "left", "nobody", "unanswered")):
        result = CallResult.NO_ANSWER
    elif result_text.startswith(("answer", "spoke", "talk", "yes", "got")):
        result = CallResult.ANSWERED
    # "answered" says someone picked up, not what they said: the coach asks.
    # "called 3 times" counts calls: no interview #3
    return ReportCall(interview_ref("" if A_COUNT.match(said.rest) else said.first), result,
                      ask_news=result is CallResult.ANSWERED)


def outcome_in(text: str) -> Outcome | None:
    """The outcome a short report names, read strictly: "offer from them!" is an offer;
    "other people are still in the running" is no outcome at all, and "next week
    they'll decide" is a promise, not a next round."""
    what = text.lower().strip(" .!")
    outcome = OUTCOME_WORDS.get(what)
    if outcome is None:
        for word in _LEADING_OUTCOMES:
            if what.startswith(word + " ") or re.match(rf"{re.escape(word)}!+(?:\s|$)", what):
                return OUTCOME_WORDS[word]
    if outcome is None and not _HEDGED.search(what):
        for phrases, said in _OUTCOME_PHRASES:
            if phrases.search(what):
                return said
    return outcome


def another_round(text: str) -> bool:
    """Whether the words name a further round ("a final round with the director")."""
    return bool(_ANOTHER_ROUND.search(text))


def _heard(said: Said) -> Command:
    ref = interview_ref(said.first)
    what_said = said.after_number
    what = what_said.lower().strip(" .!")
    outcome = outcome_in(what_said)
    if outcome is Outcome.NEXT_ROUND or (outcome is None and _ANOTHER_ROUND.search(what)):
        # Its day and people may come with it: "next round on Dec 3 with Carol Diaz".
        return ReportOutcome(ref, Outcome.NEXT_ROUND, said=what_said)
    if outcome is None and what:
        promise = parse_promise(what_said, said.now.astimezone(said.tz).date(), said.now,
                                said.tz)
        if promise is not None:
            # "heard 1 they said 2 weeks" is news about timing, not an outcome.
            return RecordPromise(ref, promise, said=what_said)
    return ReportOutcome(ref, outcome)


def _promised(said: Said) -> Command:
    # The handler reads the date: a slash command's option arrives the same way.
    return RecordPromise(interview_ref(said.first), said=said.after_number)


def _snooze(said: Said) -> Command:
    parts = said.rest.split(" ", 1)
    if len(parts) < 2 or not parts[0]:
        return Snooze()
    if parts[0].isdigit() and parts[1].strip().lower() in _UNITS:
        # "snooze 2 days": a length, not interview 2; the only open interview's next step
        return Snooze(None, snooze_span(said.rest, said.now, said.tz))
    return Snooze(step_ref(parts[0]), snooze_span(parts[1], said.now, said.tz))


def _cancel(said: Said) -> Command:
    ref = interview_ref(said.first)
    return CancelInterview(None if isinstance(ref, OnlyOpenInterview) else ref)


#: `fix <n> <field> …`: the word that names what changes.
FIX_WORDS: dict[str, Fix] = {
    "company": Fix.COMPANY, "employer": Fix.COMPANY,
    "role": Fix.ROLE, "position": Fix.ROLE, "job": Fix.ROLE,
    "when": Fix.WHEN, "date": Fix.WHEN, "time": Fix.WHEN, "day": Fix.WHEN,
    "name": Fix.NAME, "spelling": Fix.NAME,
    "add": Fix.ADD,
    "remove": Fix.REMOVE, "drop": Fix.REMOVE, "delete": Fix.REMOVE,
    "email": Fix.EMAIL, "e-mail": Fix.EMAIL, "mail": Fix.EMAIL,
    "phone": Fix.PHONE, "tel": Fix.PHONE, "mobile": Fix.PHONE, "number": Fix.PHONE,
    "address": Fix.ADDRESS, "greet": Fix.ADDRESS, "greeting": Fix.ADDRESS,
}
#: "Jane -> Jayne Smith", "Jane → Jayne", "Jane => Jayne"; after `name`, also "Jane: Jayne".
_RENAME = re.compile(r"\s*(?:-+>|→|=>)\s*")
_LEAD_WORDS = re.compile(r"^(?:to|is|=|:)\s+|^[:=]\s*", re.I)
_PHONE_START = re.compile(r"[+(]?\d")


def _fix(said: Said) -> Command:
    ref = interview_ref(said.first) if said.rest else OnlyOpenInterview()
    body = said.rest if isinstance(ref, OnlyOpenInterview) else \
        said.rest.partition(" ")[2].strip()
    word, _, rest = body.partition(" ")
    field = FIX_WORDS.get(word.lower().rstrip(":"))
    rest = _LEAD_WORDS.sub("", rest.strip()).strip()
    if field is None:
        old, arrow, new = _partition(_RENAME, body)
        if arrow:
            return CorrectInterview(ref, Fix.NAME, old, new, said=body)
        return CorrectInterview(ref, None, said=body)
    if field is Fix.NAME:
        old, arrow, new = _partition(_RENAME, rest)
        if not arrow:
            old, arrow, new = (part.strip() for part in rest.partition(":"))
        return CorrectInterview(ref, field, old, new if arrow else "", said=body)
    if field in (Fix.ADD, Fix.COMPANY, Fix.ROLE, Fix.WHEN):
        return CorrectInterview(ref, field, value=rest, said=body)
    if field is Fix.REMOVE:
        return CorrectInterview(ref, field, who=rest, said=body)
    if field is Fix.ADDRESS:  # `fix 1 address Maria Garcia: Maria`
        who, _, how = (part.strip() for part in rest.partition(":"))
        return CorrectInterview(ref, field, who, how, said=body)
    if field is Fix.EMAIL:
        address = next((w for w in rest.split() if "@" in w), "")
        who = " ".join(w for w in rest.split() if w != address)
        return CorrectInterview(ref, field, _LEAD_WORDS.sub("", who.rstrip(":")).strip(),
                                address.strip("<>.,;()"), said=body)
    found = _PHONE_START.search(rest)  # Fix.PHONE: the name, then the number
    who, number = (rest[:found.start()], rest[found.start():]) if found else (rest, "")
    return CorrectInterview(ref, field, who.strip(" :"), number.strip(), said=body)


def _partition(pattern: re.Pattern[str], text: str) -> tuple[str, str, str]:
    found = pattern.search(text)
    if found is None:
        return text.strip(), "", ""
    return text[:found.start()].strip(), found.group(0), text[found.end():].strip()


def _delete(said: Said) -> Command:
    if not said.rest:
        return DeleteInterview(OnlyOpenInterview())
    alone = said.rest.strip(" .!")
    ref = interview_ref(alone)
    if " " not in alone and not isinstance(ref, OnlyOpenInterview):
        return DeleteInterview(ref)  # a lone number, "#2", or a bad one ("-1")
    words = said.rest.split()
    if said.numbered and (words[0].endswith((",", ";", ":")) or words[1] in ("-", "–", "—")
                          or words[1].lower() in ("please,", "pls,", "plz,")):
        # "delete #2, added by mistake", "remove 2 - entered by mistake"
        return DeleteInterview(interview_ref(said.first))
    return DeleteInterview(OnlyOpenInterview(), said=said.rest)


def _note(said: Said) -> Command:
    body = said.after_number if said.numbered and " " in said.rest else said.rest
    who, sep, topic = body.partition(":")
    if not sep:
        return NoteTopic(interview_ref(said.first))
    return NoteTopic(interview_ref(said.first), who.strip(), topic.strip())


def _check(said: Said) -> Command:
    return CheckNote(interview_ref(said.first), said.after_number)


def _tone(said: Said) -> Command:
    try:
        return SetTone(Tone(said.rest.strip().lower()))
    except ValueError:
        return SetTone(None)


#: "add intervew w/ Corvane Health, …": the word "interview" slipped, "with" cut short.
_INTERVIEW_SLIP = re.compile(r"^(?:intervew|interveiw|inteview|interviw|intreview|intrview|"
                             r"interivew)\b", re.I)
_INTERVIEW_W = re.compile(r"^(interview)\s+w/\s*", re.I)


def _add_said(rest: str) -> str:
    """An `add` line's words with its first word's slips put right."""
    return _INTERVIEW_W.sub(r"\1 with ", _INTERVIEW_SLIP.sub("interview", rest))


def _forget(said: Said) -> Command:
    return ForgetMe(unclear=said.rest.strip().lower() not in _FORGET_ME)


def _help(said: Said) -> Command:
    return ShowHelp()


READERS: dict[str, Callable[[Said], Command]] = {
    "help": _help, "?": _help, "hi": _help, "hello": _help, "start": _help,
    "add": lambda s: AddInterview(_ADD_LEAD.sub("", _add_said(s.rest))),
    "new": lambda s: AddInterview(_ADD_LEAD.sub("", _add_said(s.rest))),
    "list": lambda s: ListInterviews(), "ls": lambda s: ListInterviews(),
    "interviews": lambda s: ListInterviews(),
    "plan": lambda s: ShowPlan(interview_ref(s.first)),
    "show": lambda s: ShowPlan(interview_ref(s.first)),
    "sent": _sent, "thanked": _sent,
    "done": _done,
    "called": _called, "call": _called,
    "heard": _heard,
    "promised": _promised, "promise": _promised,
    "snooze": _snooze,
    # "why 1.2" is the grammar's; "why is the initech call on the 30th" is said in words
    "why": lambda s: ExplainStep(step_ref(s.first) if s.rest else None)
    if len(s.rest.split()) < 2 or s.first[:1].isdigit() else Unknown(f"why {s.rest}"),
    "cancel": _cancel,
    "fix": _fix, "correct": _fix, "edit": _fix, "change": _fix,
    "delete": _delete, "remove": _delete, "del": _delete,
    # "stop 1" stops #1's reminders; "stop" alone, or before words, is read in words
    "stop": lambda s: _cancel(s) if s.numbered else Unknown(f"stop {s.rest}".strip()),
    "tz": lambda s: SetTimeZone(parse_zone(s.rest) if s.rest else None, s.rest),
    "timezone": lambda s: SetTimeZone(parse_zone(s.rest) if s.rest else None, s.rest),
    "quiet": lambda s: SetQuietHours(parse_clock_range(s.rest) if s.rest else None, s.rest),
    "journal": lambda s: ShowJournal(),
    "reflect": lambda s: Reflect(interview_ref(s.first)),
    "export": lambda s: ExportData(),
    "forget": _forget,
    "note": _note,
    "name": lambda s: SetName(s.rest),
    "phone": lambda s: SetPhone(s.rest),
    "tone": _tone,
    "check": _check,
    "calendar": lambda s: Calendar(s.rest.strip().lower()),
    "email": lambda s: MailAddress(s.rest.strip().lower()),
    "stats": lambda s: ShowStats(),
    "club": lambda s: ClubCommand(s.rest),
    "share": lambda s: ShareCommand(s.rest),
    "answer": lambda s: Answer(s.rest),
}
