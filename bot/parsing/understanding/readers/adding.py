"""An `add` line that left out `add`: "Acme, data analyst, today 2pm, Jane Smith"."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.commands import (
    AddInterview,
)
from bot.parsing.dates import find_dates, names_a_day
from bot.parsing.interview_line import _ROLE_WORDS, parse_interview
from bot.parsing.promises import _PROMISE_START
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.ambiguity import weekday_variants
from bot.parsing.understanding.normalise import role_words
from bot.parsing.understanding.reading import Choice, Context, Line, Reading
from bot.text import short

# --- an add line without the verb ---------------------------------------------------------
#: A meeting's span as a calendar writes it: "10:00 – 11:00am", "1-2pm".
_TIME_RANGE = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[–—-]\s*"
                         r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|"
                         r"\b\d{1,2}:\d{2}\s*[–—-]\s*\d{1,2}:\d{2}\b", re.I)
_CALENDAR_MARK = re.compile(r"·|\b(?:guests|attendees|organi[sz]er)\s*:", re.I)


def comma_add(line: Line, ctx: Context) -> Reading | None:
    """"Acme, data analyst, today 2pm, Jane Smith": an `add` line that left out `add`,
    perhaps with a word before it ("Scheduled: …", "Got an interview! …") or dashes
    between its fields ("Globex — designer — 24/11 @ 11:00 — Tom Baker")."""
    after = _after_a_remark(line, ctx)
    if after is not None:
        return comma_add(after, ctx)
    if _TIME_RANGE.search(line.text) and _CALENDAR_MARK.search(line.text):
        return None  # a calendar's lines ("· 10:00 – 11:00am"): an invite, read as one or asked
    text = _LEAD.sub("", _SEPARATOR.sub(", ", _SLIPPED_ADD.sub("", _day_first(line.text))))
    if len(_SLASHES.findall(text)) >= 2:  # "Wayne Enterprises / security analyst / today …"
        text = _SLASHES.sub(", ", text)
    text = _FIELD_LABEL.sub(r"\1", text.strip())
    if text.count(",") < 2 and len(_SENTENCE_END.findall(text)) >= 2:
        text = _SENTENCE_END.sub(", ", text)  # "Walgreens. Pharmacy manager. Thursday …"
    if text.count(",") < 2 or lx.THEIR_TIME.search(text):
        return None  # "2pm their time" in a zone not named
    parsed = parse_interview(text, ctx.now, ctx.tz)
    unnamed = text
    for person in parsed.interviewers:  # "with Will Cook and Hope Young": a name, no hope
        unnamed = re.sub(rf"\b{re.escape(person.name)}\b", " ", unnamed, flags=re.I)
    if lx.HEDGES.search(unnamed):
        return None  # unsure
    if parsed.company and _A_SENTENCE_IN.search(parsed.company):
        return None  # "Acme went great! Also, Hooli tomorrow at 11, …": news, then an add
    if not (parsed.company and parsed.role and parsed.starts_at and parsed.interviewers) \
            or parsed.unclear or _NOT_A_FIELD.search(f"{parsed.company} {parsed.role}"):
        if parsed.company and parsed.role and lx.ADD_REQUEST.match(line.text) \
                and not _NOT_A_FIELD.search(f"{parsed.company} {parsed.role}"):
            return form_question(text)  # "also add …, wicked nice guy": asked to add, shown
        return None
    first = text.split(",", 1)[0].strip().lower()
    company = parsed.company.lower()
    if first != company and not (
            first.endswith(" " + company) and _ONLY_WHEN.fullmatch(first[:-len(company)].strip())
    ) and not (first.startswith(company + " ") and _WHEN_WORDS.fullmatch(first[len(company):]
                                                                           .strip())):
        return None
    role = role_words(parsed.role)  # "marketing asociate"
    text = text.replace(parsed.role, role, 1)
    days = weekday_variants(text, ctx.now, ctx.tz)
    if len(days) == 2:
        # "Maple & Finch, barista, Saturday 11am, …": last Saturday's, or this one's?
        return Reading(question="That day reads two ways. Which did you mean?",
                       choices=(*(Choice(f"{d.day:%a %-d %b %Y}", AddInterview(d.text))
                                  for d in days), Choice("Neither", None)))
    command = AddInterview(text)
    return rough_promise(command, ctx.now, ctx.tz) or \
        Reading(command, f"a new interview: {role} at {parsed.company}.")


def _after_a_remark(line: Line, ctx: Context) -> Line | None:
    """"Ironic, the HR coordinator on the other side of the table for once. Notion, people
    ops coordinator, today 12:30, with …": the fields after a first sentence that says
    nothing of any interview (no day, number, known name or news), which is left aside."""
    first = _FIRST_SENTENCE.match(line.text)
    if first is None or first.group("rest").count(",") < 2:
        return None
    said = first.group("said")
    found = Line.of(said, ctx).found
    if found.numbers or found.by_company or found.people or re.search(r"\d", said) \
            or names_a_day(said) or any(cue.search(said) for cue in _NEWS_CUES) \
            or any(cue.search(said) for cue, _ in lx.OUTCOME_CUES):
        return None
    return Line.of(first.group("rest"), ctx)


#: The first sentence of a line and the rest, when the rest starts as a field would.
_FIRST_SENTENCE = re.compile(r"^(?P<said>[^.!?]{3,200}?[.!?]+)\s+(?P<rest>[A-Z][^,.!?]{0,60},.*)$",
                             re.S)
#: Words of news a first sentence must not hold to be left aside.
_NEWS_CUES = (lx.SENT_CUES, lx.CALL_CUES, lx.PROMISE_CUES, lx.CANCEL_CUES, lx.SNOOZE_CUES,
              lx.REMOVE_CUES, lx.HEDGES, lx.ADD_REQUEST)


def telegraphic_add(line: Line, ctx: Context) -> Reading | None:
    """"Target cashier 11am today w Luis", "Ally Bank Wed 25th 9:15am fraud analyst panel
    Marcus Lee + Tina Ocampo": an interview told in its fields without commas. The day and
    time, the people after "with" and the company's capitals set the fields apart; the line
    is then read as the `add` line it spells out, so every check of a comma-separated add
    holds. Read only when the company (in capitals) and the job (in lower case, a word of
    a job in it) part cleanly and the add is sure; otherwise the line is left to the story
    reader, which shows what it read and asks."""
    text = _TELE_LEAD.sub("", _EMOJI.sub(" ", line.text)).strip(" !.")
    text = re.sub(r"\s*[!?]+(?=\s)", " ", text)  # "Slack interview tomorrow 4pm!! 🤞 …"
    if "," in text or len(text) > 200 or any(cue.search(text) for cue in _TELE_NEWS) \
            or lx.QUESTION_START.match(text) or lx.HEDGES.search(text):
        return None
    promise = _PROMISE_START.search(text)  # "…, she said she'd call me by wednesday"
    said = text[promise.start():] if promise is not None else ""
    text = text[:promise.start()].strip() if promise is not None else text
    tokens = find_dates(text)
    if not tokens:
        return None
    start, end = tokens[0].start, tokens[0].end
    for token in tokens[1:]:
        if not _TELE_JOIN.fullmatch(text[end:token.start]):
            return None  # two days apart: whose is which?
        end = token.end
    when = text[start:end]
    rest = f"{text[:start]} {text[end:]}"
    # "… 9am tomorrow Carla + Mike": the names after the day, without "with"
    people = _TELE_PEOPLE.search(rest) or (_TELE_NAMES_LAST.match(text[end:]) if
                                           text[end:].strip() else None)
    if people is None:
        return None
    names = _POST_BEFORE_NAME.sub("", people["names"].strip(" .!"))
    rest = rest[:people.start()] if people.re is _TELE_PEOPLE else text[:start]
    fields = _TELE_FILLER.sub(" ", rest).split()
    at = next((i for i, w in enumerate(fields) if w.lower() in ("at", "@")), None)
    if at is not None:  # "salesforce admin at Gap Inc"
        role_said, company = fields[:at], fields[at + 1:]
    else:  # "Target cashier", "Edward Jones branch office administrator", "Target HR …"
        capitals = next((i for i, w in enumerate(fields) if not _CAPITALISED.match(w)
                         or (i and w.lower() in lx.WORK_SHORT)), len(fields))
        company, role_said = fields[:capitals], fields[capitals:]
    role = " ".join(role_said)
    if any(w.lower().strip(".") in _SHORT_DAYS for w in fields):
        return None  # "Ally 2pm mon customer care": a day cut short, left among the fields
    if not company or not role_said or len(company) > 4 or len(role_said) > 5 \
            or not any(w.lower() in lx.ROLE_VOCABULARY or w.lower() in _ROLE_WORDS
                       or lx.POST_ENDING.search(w.lower()) for w in role_said):
        return None
    name = " ".join(company)
    if any(name.casefold() == k.company.casefold() for k in ctx.known):
        return None  # the interview already tracked, told again
    chunks = [one for one in _NAME_JOINS.split(names) if one]
    names = " and ".join(chunks)  # "Tyler an Marisol", "Carla + Mike"
    lengths = {len(one.split()) for one in chunks}
    line_said = f"add: {name}, {role}, {when} with {names}" + (f", {said}" if said else "")
    # "Bev Gareth and Lou": two people and one, or one and two? Names of one length read whole.
    clean = all(_CAPITALISED.match(w) for w in company) \
        and all(w.islower() or w.lower() in lx.WORK_SHORT for w in role_said) \
        and max(lengths) <= 3 and len(lengths) == 1
    early = lx.EARLY_OR_LATE.search(when)
    reading = comma_add(Line.of(line_said, ctx), ctx) if clean else None
    if reading is not None and reading.command is not None and early is not None:
        # "Chili's host interview tomorrow at 8 with Pam": a host's evening, or a morning?
        # Both offered, as a story's "Friday at 6" is.
        hour = early.group("hour")
        return Reading(
            question=f"Shall I add this interview: {role} at {name}, {when}? Is {hour} in the "
                     "morning or the evening?",
            choices=(*(Choice(f"{hour} {part}", AddInterview(line_said.replace(
                when, lx.EARLY_OR_LATE.sub(rf"\g<0>{suffix}", when), 1).removeprefix("add: ")))
                for part, suffix in (("in the morning", "am"), ("in the evening", "pm"))),
                Choice("Not quite", None)))
    # only a reading it is sure of: a story told in other words is the story reader's
    return reading if reading is not None and reading.command is not None else None


#: Words before the fields that say only that an interview follows.
_TELE_LEAD = re.compile(r"^(?:(?:new|another)\s+(?:interview|one)\s*:?|add\s*:?|interview\s*:)\s*",
                        re.I)
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]")
#: News or a request, which a line of fields is not.
_TELE_NEWS = (lx.SENT_CUES, lx.CALL_CUES, lx.CANCEL_CUES, lx.SNOOZE_CUES, lx.REMOVE_CUES,
              *(cue for cue, _ in lx.OUTCOME_CUES))
#: What may stand between the words of one day and time: "Wed 25th 9:15am", "Dec 1 at 11am",
#: "thurs 19th 10am".
_TELE_JOIN = re.compile(r"\s*(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s*)?(?:at|@|,|from)?\s*", re.I)
#: Names at the end, after the day, said without "with": "Tom Briggs and Alicia Gomez".
_TELE_NAMES_LAST = re.compile(r"\s*(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+)?(?P<names>"
                              r"(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"
                              r"(?:\s*(?:[+&]|and)\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?){0,3})\s*$")
#: A post said before a name: "w the GM Dave Ortiz", "w manager ahmed".
_POST_BEFORE_NAME = re.compile(r"^(?:the\s+)?(?:gm|hm|manager|recruiter|hr|boss|owner|supervisor|"
                               r"lead|director|chef)\s+(?=\w)", re.I)
_NAME_JOINS = re.compile(r"\s*(?:[+&,]|\band\b|\ban\b)\s*", re.I)  # "Tyler an Marisol"
_SHORT_DAYS = frozenset({"mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",
                         "sat", "sun"})
#: Who, from where they are named to the end: "w/ Linda Fry", "panel Marcus Lee + Tina".
_TELE_PEOPLE = re.compile(r"\b(?:with|w/|w|panel(?:\s+of)?|interviewers?(?:\s+(?:is|are|was|"
                          r"were))?|recruiter\s+is)\s+(?P<names>(?:the\s+)?(?:[A-Za-z][\w.'-]*"
                          r"(?:\s+|$|(?=\s*[+&])))"
                          r"(?:\s*(?:[+&]|and)?\s*[A-Za-z][\w.'-]*){0,7})\s*$",
                          re.I)
#: Words about the interview, not its company or job: "interview", "for the … role".
_TELE_FILLER = re.compile(r"\b(?:interview(?:ed)?|done|zoom|phone|video|teams|for|the|role|"
                          r"position|job)\b", re.I)
_CAPITALISED = re.compile(r"^(?:[A-Z][\w&'.-]*|&)$")


#: A sentence's end or a verb of news inside what would be the company's name.
_A_SENTENCE_IN = re.compile(r"[!?]|\b(?:went|was|were|is|are|also|reached|about|called|emailed|"
                            r"said|asked|wants?|offered)\b", re.I)


def rough_promise(command: AddInterview, now: datetime, tz: ZoneInfo) -> Reading | None:
    """"add: Notion, …, she said they'd let me know in about two weeks": their day said
    roughly, so the plan is not built on it without asking; the add is offered with it or
    without it."""
    parsed = parse_interview(command.text, now, tz) if command.text else None
    said = parsed.promise if parsed is not None else None
    if said is None or parsed is None:
        return None
    held = parsed.starts_at.astimezone(tz).date() if parsed.starts_at else None
    if held is not None and held < now.astimezone(tz).date() and _WEEK_SAID.search(said.text):
        # "fri 20th, …, they said: we'll let you know by the end of next week": the week
        # after the interview, or after today? Counted from the interview, and asked.
        day = f"{said.on:%a %d %b}"
        return Reading(question=f'"{short(said.text, 80)}": counted from the interview on '
                                f"{held:%a %d %b}, that's {day}. Shall I plan around that day?",
                       choices=(Choice(f"Yes, plan on {day}", command),
                                Choice("Add it without a day", AddInterview(
                                    command.text.replace(said.text, " ").strip(" ,.;"),
                                    command.again)),
                                Choice("Don't add it", None)))
    if not lx.SOMETIME.search(said.text):
        return None
    rest = command.text.replace(said.text, " ").strip(" ,.;")
    day = f"{said.on:%a %d %b}"
    return Reading(question=f'They gave a rough time ("{short(said.text, 80)}"), about {day}. '
                            "Shall I plan your follow-up around that day?",
                   choices=(Choice(f"Yes, plan on {day}", command),
                            Choice("Add it without a day", AddInterview(rest, command.again)),
                            Choice("Don't add it", None)))


def form_as_line(text: str) -> str | None:
    """An interview pasted as a form, one field a line ("Company: Rakuten", "Position: …",
    "Date: 11/20 16:00", "Interviewer: …"), as the `add` line it spells out (all four
    fields say it is a new interview, whatever else is tracked), the lines
    after the fields ("They will contact me by 11/30.") being what was promised; None when
    the text is no such form."""
    fields: dict[str, str] = {}
    after: list[str] = []
    for raw in _one_field_a_line(text).splitlines():
        raw = raw.replace("**", "").replace("__", "")  # "- **company:** Chase", in markdown
        found = _FORM_FIELD.match(raw)
        if found is not None:
            key = next(k for k, v in found.groupdict().items() if v and k != "value")
            fields[key] = f"{fields.get(key, '')} {found.group('value').strip(' .')}".strip()
        elif fields and _SIGNATURE.match(raw):
            break  # "--", "Regards, K. Osei": the sender's name and address, no fact
        elif fields and raw.strip() and (lx.PROMISE_CUES.search(raw) or _PROMISE_START.search(raw)
                                         or (_TOLD_TO.search(raw) and names_a_day(raw))):
            # "They indicated a decision by 1 December": the promise, without who said it
            # (a remark, "Covered leadership scenarios and budget.", is nobody's name)
            said = _WHO_SAID.sub("", _OTHER_LABEL.sub("", raw.strip().rstrip(".")))
            # "Told to contact Mr. Briggs …": by them, as the line reader wants it said
            told = _TOLD_TO.match(said)
            after.append(f"they {told[1].lower()} me to {said[told.end():].strip()}" if told
                         else said)
    if "when" not in fields and "time" in fields:  # "Time: 1000 today.": the day is in it
        fields["when"] = fields.pop("time")
    if not {"company", "role", "when", "who"} <= fields.keys():
        return None
    said = ", ".join([fields["company"], fields["role"],
                      f"{fields['when']} {fields.get('time', '')}".strip()])
    return f"add: {said} with {fields['who']}" + "".join(f", {rest}" for rest in after)


def form_question(form: str) -> Reading:
    """A form whose fields did not all read cleanly: shown back, and added only if the
    person says so (the add then asks for what it could not read)."""
    said = form.removeprefix("add: ")
    return Reading(question=f"Shall I add this interview: {short(said, 300)}?",
                   choices=(Choice("Add it", AddInterview(said)), Choice("Not quite", None)))


#: "Told to contact Mr. Briggs by phone on Wednesday": what the person was told to do.
_TOLD_TO = re.compile(r"\s*\b(told|asked)\s+(?:me\s+)?to\b(?=\s+(?:contact|call|ring|phone|e-?mail|"
                      r"follow\s+up)\b)", re.I)


#: One field of an interview pasted as a form.
_FORM_FIELD = re.compile(
    r"^\s*[-•*]?\s*(?:(?P<company>company|employer|organi[sz]ation|firm)|(?P<role>position|role|"
    r"job(?:\s+title)?|title|post)|(?P<when>date(?:\s*(?:and|&|/)\s*time)?|when|day)|(?P<time>time)|"
    r"(?P<who>interviewers?|interviewed\s+by|panel(?:\s+members)?|with|who))\s*[:=]\s*"
    r"(?P<value>\S.*)$",
    re.I)


#: A field's label inside a line: "… interview. Company: Rakuten USA / Position: …".
_LABEL_INSIDE = re.compile(r"(?:^|(?<!date)\s*[/|;]\s*|(?<=[.!])\s+)(?=(?:company|employer|"
                           r"position|role|job\s+title|date(?:\s*/\s*time)?|time|interviewers?|"
                           r"interviewed\s+by|panel)\s*:)", re.I)
#: Where a sentence ends after a form's last field: not after a title or an initial.
_FIELD_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\b[A-Z])\.\s+(?=[A-Z])")


def _one_field_a_line(text: str) -> str:
    """A form written on one line, its fields between slashes or sentences ("Company:
    Rakuten USA / Position: … / Interviewers: Mr. Sato and Ms. Yamada. They said …"), as
    one field a line, what follows the last field on a line of its own."""
    if "\n" in text.strip() or len(_LABEL_INSIDE.findall(text)) < 3:
        return text
    lines = [part.strip() for part in _LABEL_INSIDE.split(text) if part.strip()]
    last = _FIELD_END.split(lines[-1])
    return "\n".join(lines[:-1] + last)


#: A week said relative to when it was said: "next week", "the end of this week".
_WEEK_SAID = re.compile(r"\b(?:next|this|coming|following)\s+week\b", re.I)
#: A label of the form's that names no field: "- Next steps: she said to call her …".
_OTHER_LABEL = re.compile(r"^[-•*]?\s*[A-Za-z][\w ]{0,20}:\s*(?=\S)")
#: Who said what follows, before a promise under a form.
_WHO_SAID = re.compile(r"^(?:they|she|he)\s+(?:indicated|mentioned|stated|noted|confirmed)\s+"
                       r"(?:that\s+)?(?:an?\s+|the\s+)?(?=decision|answer|outcome|result)", re.I)
#: Where a message's signature starts.
_SIGNATURE = re.compile(r"^\s*(?:--+|[—–_]+|(?:kind\s+|best\s+|warm\s+)?regards\b|best\b|"
                        r"thanks\b|thank\s+you\b|cheers\b|sincerely\b|sent\s+from\b)", re.I)
#: A company or role holding a colon or the verb was not read field by field
#: ("Right, add Globex please: service designer, …" has no company "Right").
_NOT_A_FIELD = re.compile(r":|\b(?:add|please|pls)\b", re.I)
#: "company Globex, position graphic designer, …": each field said with its name.
_FIELD_LABEL = re.compile(r"(^|,\s*)(?:company|employer|position|role|job\s+title|post)\s*[:=]?\s+"
                          r"(?=\S)", re.I)
#: "ad hilton midtown, …": a slip of `add` before the fields.
_SLIPPED_ADD = re.compile(r"^(?:ad|addd|aad|adn)\s+", re.I)
#: Words before the fields that say only that this is an interview.
_LEAD = re.compile(
    r"^(?:(?:eh|oh|ok|okay|so|also|and|hey|howay|right|kindly|please|pls)\b[\s,]+)*"
    r"(?:(?:(?:(?:please|pls|plz|can\s+you)\s+)?add(?:ing)?(?:\s+(?:an?\s*other|anoth\w*|a\s+new)"
    r"(?:\s+one)?)?|new(?:\s+one)?(?:\s+for\s+(?:the|my)\s+list)?|scheduled|booked|confirmed|"
    r"update|fyi|anoth\w*(?:\s+one)?|"
    r"interview(?:\s+(?:booked|confirmed|lined\s+up))?)\s*[:!.-]+\s*|"
    r"(?:and\s+)?(?:add\s+)?(?:anoth\w*\s+one|one\s+more)\s*[:!,-]*\s+|"
    r"(?:add\s+)?(?:anoth\w*|one\s+more|a\s+new)(?:\s+one)?\s+\w{1,4}\s*[:,]\s*|"  # "… more leh:"
    # "add second interview:", "add the Dunkin on Tremont, …"
    r"(?:add\s+)?(?:an?\s+|my\s+)?(?:second|2nd|third|3rd|another|new|other)\s+interview\s*:\s*|"
    r"add\s+the\s+(?=[A-Z])|"
    r"(?:got|landed|have)\s+an?\s+interview\s*[!.:]+\s*|"
    # "i just booked one w globex, ux designer, …": "with" before the company's field
    r"(?:i\s+)?(?:just\s+)?(?:booked|got|landed|have)\s+(?:one|another(?:\s+one)?|an?\s+interview)"
    r"\s+(?:w|w/|with|at)\s+|"
    r"(?:please\s+)?(?:also\s+)?(?:record|note|log|track|add)\s+(?:the\s+following|this(?:\s+one)?)"
    r"(?:\s+(?:too|as\s+well|also))?\s*[!.:]+\s*)+", re.I)
#: A full stop between fields written as sentences; not one inside "9.30" or "St. James".
_SENTENCE_END = re.compile(r"(?<=[^\s.\d]{3})\.\s+(?=\S)")
#: "had a third one today too, Stark Industries, …": another interview, its day said first.
_HAD_ANOTHER = re.compile(r"^(?:i\s+)?(?:had|did)\s+(?:a|an|another)\s+(?:(?:second|2nd|third|"
                          r"3rd|other)\s+)?(?:one|interview)\s*(?P<day>today|yesterday)?"
                          r"(?:\s*(?:too|as\s+well|also))?\s*[,:!-]+\s*", re.I)
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b", re.I)


def _day_first(text: str) -> str:
    """"had a third one today too, X, role, 7am with Y" as "X, role, today 7am with Y"."""
    found = _HAD_ANOTHER.match(text)
    if found is None:
        return text
    rest = text[found.end():]
    day = found.group("day")
    if day and not re.search(r"\b(?:today|yesterday|tomorrow|\w+day)\b", rest, re.I):
        rest = _CLOCK_TIME.sub(lambda m: f"{day} {m.group(0)}", rest, count=1)
    return rest
#: "Hooli tomorrow 3pm, …": or after it.
_WHEN_WORDS = re.compile(r"(?:(?:on|at|@|today|tomorrow|tonight|next|this|\w+day|\d{1,2}"
                         r"(?:[:.]\d{2})?\s*(?:am|pm)?|\d{1,2}/\d{1,2})\s*)+", re.I)
_SEPARATOR = re.compile(r"\s+[—–|•·]\s+|\s+-\s+")
_SLASHES = re.compile(r"\s+/\s+")
#: "interview tomorrow Acme, …": the first field may say when before the company.
_ONLY_WHEN = re.compile(r"(?:interview\s+)?(?:today|tomorrow|tonight|on\s+\w+day|\w+day)?",
                        re.I)
