"""The one-line description of an interview that `add` takes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.model import Channel, Culture, Interviewer, Promise
from bot.parsing.cleaning import (
    _MAX_FIELD,
    _MAX_FRAGMENT,
    _MAX_LINE,
    _MAX_PEOPLE,
    _MAX_PIECE,
    _MAX_PIECES,
    _MAX_UNCLEAR,
    _clean,
    _short,
    _trim,
)
from bot.parsing.dates import (
    _PAST_TENSE,
    DATE_KINDS,
    _cut_dates,
    _local_now,
    _when,
    day_word_slips,
    dotted_clock,
    find_dates,
    half_past,
    hour_of_part,
    next_week_days,
    part_of_today,
)
from bot.parsing.keywords import _COMPANY_CULTURE, _cut_keywords, _Found
from bot.parsing.other_languages import days_in_english
from bot.parsing.people import (
    _EMAIL,
    _NEVER_IN_NAMES,
    _PEOPLE_LEAD,
    _is_suffix,
    _people,
    _split_top,
    _title_like,
    _vocabulary,
    _words,
)
from bot.parsing.promises import _NO_PROMISE, _PROMISE_START, parse_promise
from bot.parsing.zones_said import in_zone, my_clock, zone_named, zones_after_clocks

if TYPE_CHECKING:
    pass


@dataclass(frozen=True, slots=True)
class ParsedInterview:
    """What one `add` line said; every field is optional so the conversation can ask for gaps."""

    company: str | None = None
    role: str | None = None
    starts_at: datetime | None = None  # aware, in the user's zone
    time_given: bool = True  # False: a date alone, read as 09:00 until the user says when
    day_given: bool = True  # False: a time alone ("10am"), read as today's
    interviewers: tuple[Interviewer, ...] = ()
    promise: Promise | None = None
    culture: Culture | None = None
    channel: Channel | None = None
    stage: str | None = None  # "phone screen" | "video" | "on-site" | "final" | None
    phone: str | None = None
    unclear: tuple[str, ...] = ()  # fragments it could not place, to show the user
    #: ("company" or "role", its start) said at more length than a name can be: left
    #: empty, so the conversation says so and asks for it.
    too_long: tuple[tuple[str, str], ...] = ()
    #: The zone said after the time ("10am Pacific"), as said; `starts_at` is already
    #: moved to the person's own clock when the words name a zone.
    clock_zone: str | None = None
    #: The zone said leaves the time in doubt: two zones given ("2pm Pacific / 4pm my
    #: time"), one that names no place ("their time"), or a day said as "today" that the
    #: other zone's clock moves to another day ("today 9am Tokyo time"). Asked, not kept.
    zone_doubt: bool = False


_PHONE_LABELLED = re.compile(
    r"\b(?:(?:my|our)\s+)?(?:(?:phone|cell|mobile|tel|telephone)(?:\s+(?:number|no\.?|#))?|number"
    r"|(?:you\s+can\s+)?(?:call|reach|text)\s+me\s+(?:at|on))(?:\s+is)?\s*[:#]?\s*"
    r"(?P<number>\+?\(?\d[\d\s().-]{5,20}\d)",
    re.I,
)
_PHONE_BARE = re.compile(
    r"(?<![\w@.+-])(?P<number>(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5})(?![\w@-])"
)
#: Where the people start: "with Jane", "interviewed by …", and the short "w/ Jane".
_WITH = re.compile(
    r"(?:\b(?:interviewed\s+by|met\s+with|interviewers?\s*[:=]|panel\s*[:=]|guests?\s*[:=]|"
    r"attendees\s*[:=]|with|met|"
    r"interviewers?(?:\s+(?:was|were))?(?=\s)|"
    # "bloke called Pat Dooley", "a wumman called Grace Mackie"
    r"(?:an?\s+)?(?:bloke|guy|fella|fellow|chap|lad|man|lady|woman|wumman|girl|lass|gent)\s+"
    r"(?:called|named|by\s+the\s+name\s+of)(?=\s+[A-Z]))|(?<!\S)w/)"
    r"\s*(?<=\s|/)(?=\S)", re.I
)
_PEOPLE_TAIL = re.compile(r"\s+(?:at|@|for)\s+(?=\S)", re.I)
_LABELS = re.compile(
    r"^(?:(?P<company>company|employer|firm)|(?P<role>role|position|job|title))\s*[:=]\s*(?P<value>.+)$"
    # "role battery process engineer": the label said without its colon
    # "role is retail specialist", as dictation says it
    r"|^(?P<role3>role|position)\s+(?:is|was)\s+(?P<value3>\S.*)$"
    r"|^(?P<role2>role|position)\s+(?P<value2>\S+\s+\S.*)$",
    re.I,
)
_FILLER_WORDS = re.compile(r"\binterview(?:ed|ing|s)?\b", re.I)
_LEADING_FILLER = re.compile(
    r"^(?:(?:oh|and|also|plus|then|so|but|i|i've|ive|i'm|im|we|just|had|have|has|got|did|my|our|an?"
    r"|the|(?-i:it|It)|it's|its|was|is|went|to|job|round|today's|tomorrow's|yesterday's|upcoming"
    r"|new)\b\s*)+",  # "IT support" is a role: only a lower-case "it" is filler
    re.I,
)
#: A few words and a colon before the company: "one more leh: Grab", "new: Hooli".
_LEAD_TO_COLON = re.compile(r"^(?:[^\s:]+\s+){0,3}[^\s:]+\s*:\s*")
_TOO_AFTER = re.compile(r"\s+(?:too|also|as\s+well|"
                        # "Brightwave Labs just called, phone screen …": how it came
                        r"(?:just\s+)?(?:called|rang|phoned|emailed|texted|messaged|reached\s+out|"
                        r"got\s+in\s+touch)(?:\s+me)?)$", re.I)
_TRAILING_ROLE = re.compile(r"\s+(?:role|position|job|opening|opportunity|vacancy)$", re.I)
_AT_FOR = re.compile(
    r"^(?:at|@)\s+(?P<company>.+?)\s+(?:for|as)\s+(?:(?:the|a|an)\s+)?(?P<role>.+)$", re.I
)
_ROLE_AT = re.compile(
    r"^(?:(?:for|as)\s+)?(?:(?:the|a|an)\s+)?(?P<role>.+?)\s+(?:at|@)\s+(?P<company>.+)$", re.I
)
_AT = re.compile(r"^(?:at|@)\s+(?P<company>.+)$", re.I)
#: Where it is held, not who holds it: "tomorrow 7am at the depot", "… at their head office".
_WHERE_HELD = re.compile(r"(?:^|\s+)(?:at|@|in)\s+(?:the|their|its)\s+(?:[\w-]+\s+)?(?:depot|"
                         r"office|offices|site|warehouse|store|shop|branch|hq|headquarters|plant|"
                         r"factory|yard|campus|building|studio|hub|reception)\s*$", re.I)
_FOR = re.compile(r"^(?:for|as)\s+(?:(?:the|a|an)\s+)?(?P<role>.+)$", re.I)
_COMPANY_FOR = re.compile(
    r"^(?P<company>.+?)\s+(?:for|as)\s+(?:(?:the|a|an)\s+)?(?P<role>.+)$", re.I
)
_ROLE_WORDS = _vocabulary(
    """
    analyst engineer developer manager designer lead scientist intern director assistant
    associate specialist coordinator consultant architect administrator admin officer
    representative rep accountant nurse teacher writer editor recruiter programmer
    technician head vp executive clerk teller cashier chef cook driver agent advisor adviser
    counsel attorney lawyer paralegal qa sre devops tester researcher professor lecturer
    pharmacist therapist mechanic electrician operator supervisor president cto ceo cfo coo
    junior senior jr sr staff principal trainee apprentice fellow internship owner
    strategist planner marketer salesperson bookkeeper auditor controller secretary
    receptionist barista server technologist steward physician doctor dentist
    copywriter illustrator animator photographer producer buyer merchandiser stylist
    paramedic carer caregiver cleaner porter warehouse picker packer courier bartender
    waiter waitress host hostess housekeeper librarian tutor instructor coach trainer
    surveyor estimator inspector underwriter actuary economist statistician translator
    interpreter journalist reporter copyeditor curator chemist biologist hygienist
    optometrist radiographer midwife pilot dispatcher foreman handler installer welder
    plumber carpenter machinist fitter labourer laborer groundskeeper gardener baker butcher
    """
)


_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "mt", "inc",
                            "co", "ltd", "corp", "vs", "approx", "dept", "no"})


def _split_clauses(text: str) -> list[str]:
    """Strong separators: ';', '|', ' - ', ' / ', new lines and sentence ends (not "Dr. ")."""
    clauses: list[str] = []
    for chunk in re.split(r"\s*(?:[;|\n]|\s-+\s|\s/\s)\s*", text):
        start = 0
        # "… with Jane Smith. their SLA is EOD": a sentence may start in lower case
        for match in re.finditer(r"\.\s+(?=[A-Za-z])", chunk):
            before = chunk[start : match.start()].split()
            last = before[-1].lower() if before else ""
            if (len(last) == 1 and last.isalpha()) or last in _ABBREVIATIONS or \
                    re.fullmatch(r"\d{1,2}\.\d{1,2}", last):  # "4.12. at 10:00": a dotted date
                continue
            clauses.append(chunk[start : match.start()])
            start = match.end()
        clauses.append(chunk[start:])
    return [c.strip() for c in clauses if c.strip()]


_A_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})")


def _cut_phone(text: str) -> tuple[str, str | None]:
    for pattern in (_PHONE_LABELLED, _PHONE_BARE):
        for match in pattern.finditer(text):
            number = match.group("number").strip()
            if _A_DATE.fullmatch(number):
                continue  # "call me on 2026-11-30" is a day, not a number to ring
            if 7 <= sum(c.isdigit() for c in number) <= 15:
                return text[: match.start()] + " " + text[match.end() :], number
    return text, None


def _looks_like_people(piece: str) -> bool:
    """Whether a comma piece after "with X" continues the list of people."""
    piece = _trim(piece)
    if not piece or any(c.isdigit() for c in re.sub(_EMAIL, "", piece)) or len(piece.split()) > 10:
        return False
    first = _PEOPLE_LEAD.sub("", piece)[:1]
    return first.isupper() or _title_like(piece) or bool(_EMAIL.search(piece)) or _is_suffix(piece)


def _cut_people_tail(people: str, found: _Found) -> str:
    """ "Jane Smith at Initech for the QA role": the place and the role are not part of the name."""
    tail = _PEOPLE_TAIL.search(people)
    if tail is None:
        return people
    found.residue.append(people[tail.start() :])
    return people[: tail.start()]


def _read_piece(piece: str, found: _Found, in_people: bool) -> bool:
    """Place one comma piece; returns whether a list of people is still running after it."""
    promise = _PROMISE_START.search(piece)
    if promise:
        found.promises.append(piece[promise.start() :])
        piece = piece[: promise.start()]
        if _SAID_LEAD.fullmatch(piece):  # "Told decision within 10 working days."
            return False
        if _PROSE.search(piece):  # "their SLA on a decision is …": the sentence's start
            found.unclear.append(piece.strip())
            return False
    found.context.append(piece)
    piece, groups = _cut_dates(piece)
    found.dates.extend(groups)
    piece = _cut_keywords(piece, found)
    with_match = _WITH.search(piece)
    if with_match:
        found.residue.append(piece[: with_match.start()])
        found.people.append(_cut_people_tail(piece[with_match.end() :], found))
        return promise is None
    if in_people and _trim(piece) and _looks_like_people(piece):
        found.people[-1] += ", " + _cut_people_tail(piece, found)
        return promise is None
    found.residue.append(piece)
    return in_people and not _trim(piece) and promise is None


#: Who said the promise, and nothing else: "(they) told (me)", "she said".
_SAID_LEAD = re.compile(r"\s*(?:(?:i\s+was|we\s+were|they|she|he|i)\s+)?(?:told|said|says|"
                        r"mentioned)(?:\s+(?:me|us))?\s*|"
                        # "Her follow-up email said …": where it was said
                        r"\s*(?:her|his|their|the|a)\s+(?:[\w-]+\s+){0,2}(?:e-?mail|message|"
                        r"letter|text|note|voicemail)(?:\s+(?:said|says|stated|mentioned))?\s*",
                        re.I)


#: Words of a sentence, not of a field: what leads into a promise with them is no field.
_PROSE = re.compile(r"\b(?:their|our|his|her|my|on\s+a|is|are|was)\b|"
                    r"^\s*(?:Their|Our|His|Her|My|She|He|They)\b")


def _tidy(piece: str) -> str:
    piece = _FILLER_WORDS.sub(" ", piece)
    piece = re.sub(r"\s+", " ", piece).strip()
    piece = _trim(_LEADING_FILLER.sub("", _trim(piece)))
    # A label whose value went elsewhere ("when: today 2pm") leaves only the label behind.
    return "" if piece.lower() in ("when", "date", "time", "who", "where", "stage") else piece


def _role_like(text: str) -> bool:
    return any(w in _ROLE_WORDS for w in _words(text))


#: Words that make a role a guess, to be asked rather than stored.
UNSURE = re.compile(r"\b(?:i\s+think|might(?:'ve)?|maybe|not\s+sure|or\s+maybe|probably|"
                    r"i\s+guess)\b", re.I)


#: Words no company's name holds: a request, or the agency's part ("through Hays").
_NOT_A_COMPANY = re.compile(r"\b(?:please|pls|plz|through|thru|via|my\s+interview)\b|"
                            # "nine AM": a clock in words, never a company
                            r"^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                            r"twelve)(?::\d{2})?\s*[ap]\.?m\.?$", re.I)


#: Where a place is told, not a company named: "the boots on main street for pharmacy
#: dispenser" (words in lower case between more than three: "Teach For America" passes).
_A_PLACE_SAID = re.compile(r"^(?=(?:\S+\s+){3,}\S)(?-i:.*\s(?:on|for|near|by|next\s+to)\s)")


def _company_and_role(
    residue: Iterable[str], found: _Found
) -> tuple[str | None, str | None, list[str], list[tuple[str, str]]]:
    """Company and role from what is left of the line, plus the pieces that are neither,
    and which of the two was too long to keep (placed, then emptied: a long company must
    not leave its place to the next piece)."""
    company: str | None = None
    role: str | None = None
    plain: list[str] = []
    for raw in residue:
        piece = _tidy(raw)
        if not piece:
            continue
        piece = _WHERE_HELD.sub("", _cut_keywords_inside_parentheses(piece, found))
        if not piece:
            continue
        if _FILLER_WORDS.sub("", raw).rstrip().endswith(":"):  # "new ticket lol: …" names nothing
            found.unclear.append(raw.strip())
            continue
        label = _LABELS.match(piece)
        match = _AT_FOR.match(piece) or _ROLE_AT.match(piece)
        if label and label.group("company") and company is None:
            company = _trim(label.group("value"))
        elif label and (label.group("role") or label.group("role2") or label.group("role3")) \
                and role is None:
            role = _trim(label.group("value") or label.group("value2") or label.group("value3"))
        elif match and company is None and role is None:
            company, role = _trim(match.group("company")), _trim(match.group("role"))
        elif (m := _AT.match(piece)) and company is None:
            company = _trim(m.group("company"))
        elif (m := _FOR.match(piece)) and role is None:
            role = _trim(m.group("role"))
        elif (m := _COMPANY_FOR.match(piece)) and company is None and role is None:
            company, role = _trim(m.group("company")), _trim(m.group("role"))
        else:
            plain.append(piece)
    if company is None and role is None and len(plain) >= 2:
        first, second = plain[0], plain[1]
        if _role_like(first) and not _role_like(second):
            first, second = second, first
        company, role = first, second
        plain = plain[2:]
    elif company is None and role is None and plain:
        if _role_like(plain[0]):
            role = plain.pop(0)
        else:
            company = plain.pop(0)
    elif company is None and plain:
        company = plain.pop(0)
    elif role is None and plain:
        role = plain.pop(0)
    if role:
        role = _TRAILING_ROLE.sub("", role) or role
    if company:  # "add initech too - QA engineer, …": the company, not "initech too"
        company = _TOO_AFTER.sub("", company) or company
    if company and (lead := _LEAD_TO_COLON.match(company)) and company[lead.end():].strip():
        company = company[lead.end():].strip()  # "one more leh: Grab" names Grab
    too_long = [(what, _short(value)) for what, value in (("company", company), ("role", role))
                if value and len(value) > _MAX_FIELD]
    if company and (len(company) > _MAX_FIELD or not re.search(r"[^\W\d_]", company)):
        company = None  # "@ 1400" is a time, never a company
    if company and (_NOT_A_COMPANY.search(company) or _A_PLACE_SAID.search(company)):
        found.unclear.append(company)  # "my interview through Hays please": asked for
        company = None
    if role and len(role) > _MAX_FIELD:
        role = None
    return company or None, role or None, plain, too_long


def _cut_keywords_inside_parentheses(piece: str, found: _Found) -> str:
    """ "Acme (startup)": a parenthesis that is only a culture or channel note is taken as one."""

    def inner(match: re.Match[str]) -> str:
        rest = _trim(_cut_keywords(match.group(1), found))
        return f"({rest})" if rest else " "

    return _trim(re.sub(r"\s+", " ", re.sub(r"\(([^()]*)\)", inner, piece)))


def _stage(stages: list[str]) -> str | None:
    # "Final round on Zoom" is about the step in the process more than the medium.
    if "final" in stages:
        return "final"
    return stages[0] if stages else None


def _finish_unclear(fragments: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for fragment in fragments:
        short = _short(fragment)
        if short.casefold().strip(" .") in _SUBJECTS:
            continue  # "… Chase Liu. They decide by 4 December": the promise's own "They"
        if short and short.casefold() not in (s.casefold() for s in seen):
            seen.append(short)
    return tuple(seen[:_MAX_UNCLEAR])


def _all_lower(text: str) -> bool:
    """Typed without capitals, where a lower-case word may still be a name's."""
    return not any(c.isupper() for c in text)


#: The subject of a promise left before its verb, no fragment of anything unread.
_SUBJECTS = frozenset({"they", "she", "he", "we"})


def parse_interview(text: str, now: datetime, tz: ZoneInfo) -> ParsedInterview:
    """Read one free-text `add` line: company, role, when, who, what they promised, and more.

    Separators may be ',', ';', '|', ' - ' or sentence ends; "role at Company" and "interview
    with X on Tuesday at 3pm" work too. The interview date follows `parse_when_detail`; promise
    dates count from the interview day. Anything not placed is returned in `unclear`. Only the
    first 2,000 characters are read. Never raises.
    """
    try:
        return _parse_interview(text, now, tz)
    except Exception:  # a parser must never turn a user's words into a traceback
        cleaned, _ = _clean(text, _MAX_FRAGMENT)
        return ParsedInterview(unclear=_finish_unclear([cleaned]))


#: "another one, Nexus, …": words that say only that one more interview follows.
_ONE_MORE = re.compile(r"^\s*(?:(?:another|one\s+more|a\s+new|new|a\s+second)(?:\s+(?:one|"
                       r"interview))?)\s*[,:;—–-]+\s*", re.I)


#: A bare hour before the part of the day it is in: "8 this morning", "3 this afternoon".
#: A day said relative to today, which another zone's clock may make another day.
_RELATIVE_DAY = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|this\s+(?:morning|"
                           r"afternoon|evening))\b", re.I)


#: Between two days said as one or the other: "the 17th or the 18th", "tue or was it wed".
_OR_BETWEEN = re.compile(r"^[\s,]*or(?:\s+(?:maybe|perhaps|possibly|was\s+it))?[\s,]*$", re.I)


def _either_day(text: str) -> str:
    """Two days given as either one ("the 17th or the 18th"), or "": the day is not known,
    whichever reads first."""
    tokens = find_dates(text)
    return next((text[a.start:b.end] for a, b in pairwise(tokens)
                 if _OR_BETWEEN.match(text[a.end:b.start])), "")


def _parse_interview(text: str, now: datetime, tz: ZoneInfo) -> ParsedInterview:
    cleaned, rest = _clean(text, _MAX_LINE)
    cleaned = day_word_slips(_ONE_MORE.sub("", cleaned))  # "tomorow 10am"
    # "Thursday week at 11": the interview's day, written as its date; a promise after it
    # keeps its words ("he'd bell me Thursday week"), which the promise reader reads itself
    said = _PROMISE_START.search(cleaned)
    cut = len(cleaned) if said is None else said.start()
    cleaned = next_week_days(cleaned[:cut], _local_now(now, tz).date()) + cleaned[cut:]
    cleaned = half_past(days_in_english(cleaned), office_hours=True)  # "vandaag", "at nine thirty"
    cleaned = dotted_clock(cleaned)
    cleaned = hour_of_part(cleaned)  # "8 this morning": 8am
    zones = zones_after_clocks(cleaned)  # "11:00 AM Eastern Time": the clock's, no one's name
    for said in reversed(zones):
        cleaned = f"{cleaned[:said.start()]} {cleaned[said.end():]}"
    zone = zones[0] if zones else None
    theirs = zone_named(zone.group(0)) if zone is not None else None
    doubt = len({zone_named(z.group(0)) for z in zones}) > 1 or (
        zone is not None and theirs is None and not my_clock(zone.group(0), now, tz))
    found = _Found()
    cleaned, found.phone = _cut_phone(cleaned)
    budget = _MAX_PIECES
    for clause in _split_clauses(cleaned):
        in_people = False
        for piece in _split_top(clause, ","):
            budget -= 1
            if len(piece) > _MAX_PIECE or budget < 0:
                found.unclear.append(piece)
                continue
            in_people = _read_piece(piece, found, in_people)
    company, role, leftovers, too_long = _company_and_role(found.residue, found)
    if role and UNSURE.search(role):  # "I think the role was X but it might've been Y"
        found.unclear.append(role)
        role = None
    if found.culture is None and company and _COMPANY_CULTURE.search(company):
        found.culture = Culture.TRADITIONAL

    for index, leftover in enumerate(leftovers):
        # "Acme / analyst / Monday 3pm / Jane Smith": names need no "with" once the rest is placed.
        maybe = index < _MAX_PEOPLE and _looks_like_people(leftover)
        people, bits = _people(leftover) if maybe else ((), [])
        # "boss fella": a word for someone, no one's name
        # "UX researcher" among the names: a title written where a name was looked for
        named = all(w.casefold() not in _NEVER_IN_NAMES
                    and not (w.islower() and w in _ROLE_WORDS and not _all_lower(leftover))
                    for p in people for w in p.name.replace(".", " ").split())
        if people and not bits and named:
            found.people.append(leftover)
        else:
            found.unclear.append(leftover)

    interviewers: list[Interviewer] = []
    for chunk in found.people:
        people, bits = _people(chunk)
        found.unclear.extend(bits)
        interviewers.extend(
            p for p in people if all(p.name.casefold() != q.name.casefold() for q in interviewers)
        )

    past = bool(_PAST_TENSE.search(" ".join(found.context)))
    starts_at, time_given = _when(found.dates, now, tz, past)
    either = _either_day(cleaned)
    if either:  # "the 17th or the 18th, can't remember": which is asked, said first
        starts_at = None
        found.unclear[:0] = [either]
        found.unclear = [u for u in found.unclear if u.strip(" ,.").lower() != "or"]
    part = None if time_given or starts_at is None else part_of_today(cleaned)
    if part is not None and starts_at is not None:  # "this morning": 9:00 will do
        starts_at, time_given = starts_at.replace(hour=part.hour, minute=part.minute), True
    if starts_at is not None and time_given and theirs is not None:
        moved = in_zone(starts_at, theirs, tz)  # "10am Pacific", said in New York: 13:00
        # "today 9am Tokyo time": whose today? A day said by name or date is theirs.
        doubt = doubt or (moved.date() != starts_at.date() and _RELATIVE_DAY.search(cleaned)
                          is not None)
        starts_at = moved
    if starts_at is None and found.dates:
        found.unclear.extend(" ".join(t.text for t in g) for g in found.dates)

    promise = None
    base = starts_at.date() if starts_at else _local_now(now, tz).date()
    for phrase in found.promises:
        if _NO_PROMISE.search(phrase):
            continue
        promise = promise or parse_promise(phrase, base, now, tz)
        if promise is None:
            found.unclear.append(phrase)

    if rest:
        found.unclear.append(f"{rest[:40]}…")  # the user should know the tail was not read
    return ParsedInterview(
        company=company,
        role=role,
        starts_at=starts_at,
        time_given=time_given or starts_at is None,
        day_given=starts_at is None or any(t.kind in DATE_KINDS for g in found.dates for t in g),
        interviewers=tuple(interviewers[:_MAX_PEOPLE]),
        promise=promise,
        culture=found.culture,
        channel=found.channel,
        stage=_stage(found.stages),
        phone=found.phone,
        unclear=_finish_unclear(found.unclear),
        too_long=tuple(too_long),
        clock_zone=zone.group(0) if zone is not None else None,
        zone_doubt=doubt,
    )
