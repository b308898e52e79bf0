"""A calendar invite pasted whole (Outlook, Teams, Google Calendar, Calendly), read as the
`add` line it spells out: its title names the role and the company, its start the day and
time, its organiser and attendees who interviewed. Only an invite in the person's own time
zone is read: one in another zone is left to be asked about."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.parsing.dates import MONTH
from bot.parsing.zones_said import zone_named, zones_after_clocks


def invite_as_line(text: str, now: datetime, tz: ZoneInfo) -> str | None:
    """The `add: company, role, when with …` line an invite spells out; None when the text
    is no invite, or one whose company, role, start or people can't all be found."""
    lines = _lines(text)
    if sum(bool(_INVITE_FIELD.match(line)) for line in lines) < 2 and "Guests" not in lines:
        return None
    zone = _their_zone(text, now, tz)
    if zone is None or _told_after(lines):
        return None
    role, company = _title(lines)
    start = _start(lines)
    people = _people(lines, company)
    if not (role and company and start and people):
        return None
    # Another zone's start is said with its zone, so the line reads it on their clock.
    return f"add: {company}, {role}, {start}{zone} with {' and '.join(people)}"


def _told_after(lines: list[str]) -> bool:
    """Whether the person says something of their own after the invite's fields ("^ that
    was mine last week, Denise and Tom Lyle did it"): what they add is read, not dropped."""
    first = next((i for i, line in enumerate(lines) if _INVITE_FIELD.match(line)), len(lines))
    return any(not _INVITE_FIELD.match(line) and line.casefold() not in _THE_PERSON
               and _OWN_WORDS.search(line) for line in lines[first + 1:])


#: The person's own words, which an invite's fields never hold.
_OWN_WORDS = re.compile(r"(?i:\b(?:i'?m|i'?ve|i'?d|me|my|mine|did|was|were)\b)|\bI\b|^\^")


def zone_unread(text: str, now: datetime, tz: ZoneInfo) -> bool:
    """Whether the text is an invite whose zones can't be put on the person's clock (two
    that disagree, or a half-hour offset): its times are then no one's to guess."""
    lines = _lines(text)
    invite = sum(bool(_INVITE_FIELD.match(line)) for line in lines) >= 2 or "Guests" in lines
    return invite and _their_zone(text, now, tz) is None


def _lines(text: str) -> list[str]:
    """The invite's lines; an invite pasted on one line keeps its fields between bars
    ("Subject: Interview – Underwriter II – Travelers | When: … | Attendees: …")."""
    if "\n" not in text.strip() and text.count(" | ") >= 2:
        text = text.replace(" | ", "\n")
    return [line.strip() for line in text.splitlines() if line.strip()]


#: The fields that mark an invite.
_INVITE_FIELD = re.compile(r"^(?:when|where|location|interviewers?|organi[sz]er|interview|"
                           r"required(?:\s+attendees)?|optional|"
                           r"attendees|guests|invitee|host|event\s+date/time|time\s+zone|"
                           r"meeting\s+id|passcode)\s*:", re.I)


def _title(lines: list[str]) -> tuple[str, str]:
    """Role and company from the invite's title ("Interview - Financial Analyst - Woodgrove
    Bank", "Senior Pharmacist Interview – CVS Health", "Interview: Content Strategist @
    Squarespace"), or from its Position line and its host's company (Calendly)."""
    for line in lines:
        said = _SUBJECT.sub("", line)
        for pattern in _TITLES:
            found = pattern.fullmatch(said)
            if found is not None:
                return found["role"].strip(), _BRANCH.sub("", found["company"]).strip(" .")
    for line, after in pairwise(lines):
        # Google Calendar's "Interview: Litigation Paralegal", the company on the next line
        titled = _TITLE_ALONE.fullmatch(line)
        if titled is not None and not _INVITE_FIELD.match(after) and not _A_TIME.search(after) \
                and after[:1].isupper() and ":" not in after:
            return titled["role"].strip(), after.strip(" .")
    role = next((m["value"] for line in lines if (m := _POSITION.match(line))), "")
    host = next((m["value"] for line in lines if (m := _HOST.match(line))), "")
    company = _COMPANY_IN_BRACKETS.search(host)
    return (role.strip(), company["company"].strip()) if company else ("", "")


#: Which of its shops or sites, after the company: "Walgreens (Store #4471)".
_BRANCH = re.compile(r"\s*\((?:store|branch|site|location|unit)\b[^()]*\)\s*$", re.I)
_SUBJECT = re.compile(r"^subject\s*:\s*", re.I)
_DASH = r"\s+[-–—|]\s+"
_TITLES = (
    # "Interview – Staff Pharmacist, Walgreens (Store #4471)": a comma between the two too
    re.compile(rf"interview(?:{_DASH}|\s*:\s*)(?P<role>[^@–—|,]+?)(?:{_DASH}|\s+@\s+|\s+at\s+|"
               r",\s+)"
               r"(?P<company>.+)", re.I),
    re.compile(rf"(?P<role>[^@–—|:]+?)\s+interview(?:{_DASH}|\s+@\s+|\s+(?:with|at)\s+)"
               r"(?P<company>.+)", re.I),
)
_TITLE_ALONE = re.compile(r"interview\s*:\s*(?P<role>[^@–—|,:]+)", re.I)
_POSITION = re.compile(r"^(?:position|role|job)\s*:\s*(?P<value>.+)$", re.I)
_HOST = re.compile(r"^(?:host|organi[sz]er)\s*:\s*(?P<value>.+)$", re.I)
_COMPANY_IN_BRACKETS = re.compile(r"\([^()]*,\s*(?P<company>[A-Z][\w&'. -]+)\)")


def _start(lines: list[str]) -> str:
    """The day and start time of the first line that has both ("When: Wednesday, November
    25, 2026 10:00 AM-11:00 AM (UTC-05:00) …", "Thu 12/3/2026 2:30 PM - 3:15 PM")."""
    for line in lines:
        if _NOT_A_TIME_LINE.match(line):
            continue
        said = _WHEN_LABEL.sub("", line)
        zone = _ZONE_SAID.search(said)
        if zone is not None:  # "… (UTC+01:00) Amsterdam, Berlin, …": the cities are the zone's
            said = said[:zone.start()]
        times = _A_TIME.findall(said)
        if not times or not _A_DAY.search(said):
            continue
        day = _A_TIME.sub(" ", said)
        day = re.sub(r"[·•]|\s[-–—]\s|(?<=\s)[-–—](?=\s)|\bto\b", " ", day)
        day = " ".join(day.replace(",", " ").split()).strip(" .-–—")
        return f"{day} {_with_its_half(times)}"
    return ""


def _with_its_half(times: list[str]) -> str:
    """The start, with the half of the day the end gives it: "1:00 – 2:00pm" starts at
    1 pm, "11:30 – 12:30pm" at 11:30 am, "15:00-16:00" as written."""
    start = times[0].replace(" ", "")
    half = re.search(r"([ap])\.?m", times[-1], re.I) if len(times) > 1 else None
    if half is None or re.search(r"[ap]\.?m", start, re.I) or ":" not in start:
        return start
    hour, end = int(start.split(":")[0]), int(re.match(r"\d+", times[-1])[0])  # type: ignore[index]
    if hour > 12:
        return start
    pm = half[1].lower() == "p" and (hour % 12 <= end % 12)
    return f"{start}{'pm' if pm else 'am'}"


_WHEN_LABEL = re.compile(r"^(?:when|event\s+date/time|date(?:\s+and\s+time)?|time)\s*:\s*", re.I)
_NOT_A_TIME_LINE = re.compile(r"^(?:meeting\s+id|passcode|time\s+zone)\b", re.I)
_A_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?![a-z])|"
                     r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?!\s*[ap]\.?m)", re.I)  # "15:00-16:00"
_A_DAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b" + MONTH +
                    r"\s+\d{1,2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|"
                    # "25 November 2026", as Europe writes it
                    r"\b\d{1,2}\s+" + MONTH,
                    re.I)
#: A zone in the time line, in brackets or after it: "(UTC-05:00) Eastern Time (US &
#: Canada)", "(Eastern)".
_ZONE_SAID = re.compile(r"\([^()]*(?:utc|gmt|time|eastern|central|mountain|pacific)[^()]*\)|"
                        r"(?-i:\s\(?[A-Z]{1,3}[SD]?T\)?(?![\w(]))|"  # "… 9:00am SGT"
                        r"\b(?:eastern|central|mountain|pacific)\s+time\b(?:\s*\([^()]*\))?",
                        re.I)


def _people(lines: list[str], company: str) -> list[str]:
    """Who interviewed: the Interviewers line if there is one, else the organiser, the
    attendees and the guests, without the person themself or a team's mailbox."""
    listed = [m["names"] for line in lines if (m := _INTERVIEWERS.match(line))]
    if not listed:
        listed = [m["names"] for line in lines if (m := _ATTENDING.match(line))]
        listed += _guests(lines)
    names: list[str] = []
    for chunk in listed:
        for name in re.split(r"\s*[;,]\s*|\s+and\s+", re.sub(r"\([^()]*\)", " ", chunk)):
            name = _ORGANISER_MARK.sub("", name).strip(" .")
            if name and _A_NAME.fullmatch(name) and not _A_TEAM.search(name) and \
                    not _A_POST.search(name) and \
                    name.casefold() != company.casefold() and name not in names:
                names.append(name)
    return names


_INTERVIEWERS = re.compile(r"^(?:interviewers?|panel)\s*:\s*(?P<names>.+)$", re.I)
_ATTENDING = re.compile(r"^(?:organi[sz]er|required(?:\s+attendees)?|attendees|guests|host)\s*:\s*"
                        r"(?P<names>.+)$", re.I)
_ORGANISER_MARK = re.compile(r"\s*[-–—]\s*organi[sz]er\b.*$", re.I)
_A_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}")
#: Their post after their name, in capitals as an invite writes it: "District Manager".
_A_POST = re.compile(r"\b(?:manager|director|recruiter|officer|partner|coordinator|specialist|"
                     r"lead|president|supervisor|associate|analyst|engineer|consultant|"
                     r"executive|administrator|assistant|representative|generalist|advisor)$",
                     re.I)
_A_TEAM = re.compile(r"\b(?:talent|recruit\w*|acquisition|team|careers|hr|hiring|people|"
                     r"bank|inc|ltd|llc|meeting|calendar)\b", re.I)


def _guests(lines: list[str]) -> list[str]:
    """The names listed under Google Calendar's "Guests" line, one a line."""
    if "Guests" not in lines:
        return []
    after = lines[lines.index("Guests") + 1:]
    return [line for line in after if line.casefold() not in _THE_PERSON]


#: How a guest list names the person themself.
_THE_PERSON = frozenset({"me", "you"})


def _their_zone(text: str, now: datetime, tz: ZoneInfo) -> str | None:
    """"" when every zone the invite names keeps the person's own clock (an invite in
    "Eastern Time" for someone in New York); " UTC+1" when all keep one other whole-hour
    offset, to be said after its start; None when they disagree or one can't be read."""
    offsets = {_offset(said.group(0), now) for said in _ZONES.finditer(text)}
    # zone letters after a clock ("1:00 – 2:00pm EST"), as every reader takes them
    offsets |= {now.astimezone(ZoneInfo(name)).utcoffset() for said in zones_after_clocks(text)
                if (name := zone_named(said.group(0))) is not None}
    mine = now.astimezone(tz).utcoffset()
    if not offsets or offsets == {mine}:
        return ""
    offset = offsets.pop() if len(offsets) == 1 else None
    if offset is None:
        return None
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    return None if rest else f" UTC{hours:+d}"


_ZONES = re.compile(r"\b(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::\d{2})?|"
                    r"\b(?:eastern|central|mountain|pacific)\b|\b(?:gmt|utc)\b(?!\s*[+-]\s*\d)|"
                    r"\b(?:america|europe|asia|africa|australia)/[A-Za-z_]+", re.I)
_NAMED = {"gmt": "Etc/GMT", "utc": "UTC", "eastern": "America/New_York",
          "central": "America/Chicago", "mountain": "America/Denver",
          "pacific": "America/Los_Angeles"}


def _offset(said: str, now: datetime) -> timedelta | None:
    fixed = re.fullmatch(r"(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::(\d{2}))?", said, re.I)
    if fixed is not None:
        sign = -1 if fixed[1] == "-" else 1
        return sign * timedelta(hours=int(fixed[2]), minutes=int(fixed[3] or 0))
    try:
        zone = ZoneInfo(_NAMED.get(said.lower(), said))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return now.astimezone(zone).utcoffset()
