"""bot/parsing/: `add` lines, answers, promises, durations, zones and quiet hours."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.model import Channel, Culture, Interviewer, Promise, PromiseKind
from bot.parsing import (
    ParsedInterview,
    cleaning,
    dates,
    parse_clock_range,
    parse_duration,
    parse_interview,
    parse_later,
    parse_people,
    parse_promise,
    parse_when,
    parse_when_detail,
    parse_zone,
    promises,
)
from bot.parsing.command_text import is_command_line
from bot.parsing.dates import half_past, military_time, quarter_hours

TZ = ZoneInfo("America/New_York")
#: Monday 2026-11-23, 16:30 in New York.
NOW = datetime(2026, 11, 23, 16, 30, tzinfo=TZ)
MONDAY = NOW.date()
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
LATEST = NOW + timedelta(days=731)


def at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


def who(name: str, email: str | None = None, title: str | None = None) -> Interviewer:
    return Interviewer(name=name, email=email, title=title)


def decide(month: int, day: int, text: str) -> Promise:
    return Promise(PromiseKind.THEY_DECIDE_BY, date(2026, month, day), text)


def call(month: int, day: int, text: str) -> Promise:
    return Promise(PromiseKind.YOU_CALL_ON, date(2026, month, day), text)


# --------------------------------------------------------------------------- add lines

ADD_LINES = [
    (
        "Acme, data analyst, today 2pm with Jane Smith and Bob Lee, they'll decide by Friday",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"), who("Bob Lee")),
            promise=decide(11, 27, "they'll decide by Friday"),
        ),
    ),
    (
        (
            "Initech - QA lead - interviewed yesterday at 10am with Dr. Maria Garcia "
            "(maria@initech.com); said call her in 4 days; traditional"
        ),
        ParsedInterview(
            company="Initech",
            role="QA lead",
            starts_at=at(11, 22, 10),
            interviewers=(who("Dr. Maria Garcia", email="maria@initech.com"),),
            promise=call(11, 26, "call her in 4 days"),
            culture=Culture.TRADITIONAL,
        ),
    ),
    (
        "data analyst at Acme, interview with Jane Smith on Tuesday at 3pm",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 24, 15),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        (
            "Globex; backend engineer; tomorrow 9:30am; phone screen with Ann O'Neil; will "
            "let me know by next Wednesday"
        ),
        ParsedInterview(
            company="Globex",
            role="backend engineer",
            starts_at=at(11, 24, 9, 30),
            interviewers=(who("Ann O'Neil"),),
            promise=decide(11, 25, "will let me know by next Wednesday"),
            stage="phone screen",
        ),
    ),
    (
        (
            "Umbrella Corp | senior designer | final round | Dec 3 14:00 | with Jane "
            "Smith, Bob Lee and Ann O'Neil | hear back by Dec 5"
        ),
        ParsedInterview(
            company="Umbrella Corp",
            role="senior designer",
            starts_at=at(12, 3, 14),
            interviewers=(who("Jane Smith"), who("Bob Lee"), who("Ann O'Neil")),
            promise=decide(12, 5, "hear back by Dec 5"),
            stage="final",
        ),
    ),
    (
        (
            "Hooli – product manager – video call last Thursday 3 pm with Gavin Belson "
            "(CEO) & Jian Yang; decision by end of week; startup"
        ),
        ParsedInterview(
            company="Hooli",
            role="product manager",
            starts_at=at(11, 19, 15),
            interviewers=(who("Gavin Belson", title="CEO"), who("Jian Yang")),
            promise=decide(11, 20, "decision by end of week"),
            culture=Culture.MODERN,
            stage="video",
        ),
    ),
    (
        (
            "First National Bank, teller, on-site 2 days ago at noon, with Mary Jones, "
            "hiring manager; follow up in a week; handwritten note"
        ),
        ParsedInterview(
            company="First National Bank",
            role="teller",
            starts_at=at(11, 21, 12),
            interviewers=(who("Mary Jones", title="hiring manager"),),
            promise=call(11, 28, "follow up in a week"),
            culture=Culture.TRADITIONAL,
            channel=Channel.POST,
            stage="on-site",
        ),
    ),
    (
        (
            "Wayne Enterprises, analyst, 2026-12-03 at 11am, with Lucius Fox "
            "(lucius@wayne.com), get back to me within 2 weeks"
        ),
        ParsedInterview(
            company="Wayne Enterprises",
            role="analyst",
            starts_at=at(12, 3, 11),
            interviewers=(who("Lucius Fox", email="lucius@wayne.com"),),
            promise=decide(12, 17, "get back to me within 2 weeks"),
        ),
    ),
    (
        "Stark Industries; engineer; next Monday 10am; with Pepper Potts; my number 555-123-4567",
        ParsedInterview(
            company="Stark Industries",
            role="engineer",
            starts_at=at(11, 30, 10),
            interviewers=(who("Pepper Potts"),),
            phone="555-123-4567",
        ),
    ),
    (
        (
            "Interviewed at Pied Piper for developer yesterday 4pm with Richard Hendricks. "
            "They said they'll decide by Dec 1. Tech startup."
        ),
        ParsedInterview(
            company="Pied Piper",
            role="developer",
            starts_at=at(11, 22, 16),
            interviewers=(who("Richard Hendricks"),),
            promise=decide(12, 1, "They said they'll decide by Dec 1"),
            culture=Culture.MODERN,
        ),
    ),
    (
        (
            "Vandelay Industries, importer, 3 December 9:30am, with Art Vandelay & George "
            "Costanza, by post"
        ),
        ParsedInterview(
            company="Vandelay Industries",
            role="importer",
            starts_at=at(12, 3, 9, 30),
            interviewers=(who("Art Vandelay"), who("George Costanza")),
            channel=Channel.POST,
        ),
    ),
    (
        "Acme / data analyst / Monday 3pm / Jane Smith",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 30, 15),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, data analyst, Monday 5pm with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 23, 17),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, data analyst, interviewed Monday 3pm with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 23, 15),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        (
            "Globex, sales rep, last Friday 9:30am, Jane Smith (hiring manager, "
            "jane@globex.com) and Bob Lee (CTO)"
        ),
        ParsedInterview(
            company="Globex",
            role="sales rep",
            starts_at=at(11, 20, 9, 30),
            interviewers=(
                who("Jane Smith", email="jane@globex.com", title="hiring manager"),
                who("Bob Lee", title="CTO"),
            ),
        ),
    ),
    (
        (
            "I had a video interview with Jane Smith from HR at Initech for the QA lead "
            "role 2 days ago at 3 pm; call her on Thursday"
        ),
        ParsedInterview(
            company="Initech",
            role="QA lead",
            starts_at=at(11, 21, 15),
            interviewers=(who("Jane Smith", title="HR"),),
            promise=call(11, 26, "call her on Thursday"),
            stage="video",
        ),
    ),
    (
        (
            "Software engineer at Hooli, on-site Dec 3 at 10am with Gavin Belson, Jared "
            "Dunn; they will let me know by Dec 10; prefers email"
        ),
        ParsedInterview(
            company="Hooli",
            role="Software engineer",
            starts_at=at(12, 3, 10),
            interviewers=(who("Gavin Belson"), who("Jared Dunn")),
            promise=decide(12, 10, "they will let me know by Dec 10"),
            channel=Channel.EMAIL,
            stage="on-site",
        ),
    ),
    (
        (
            "Acme Corp, Data Scientist, 14:00 today, interviewers: Jane Smith, Bob Lee; "
            "they'll get back to me in a couple of days"
        ),
        ParsedInterview(
            company="Acme Corp",
            role="Data Scientist",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"), who("Bob Lee")),
            promise=decide(11, 25, "they'll get back to me in a couple of days"),
        ),
    ),
    (
        "Pearson Hardman, paralegal, tomorrow at 3, with Jessica Pearson; old-school law firm",
        ParsedInterview(
            company="Pearson Hardman",
            role="paralegal",
            starts_at=at(11, 24, 15),
            interviewers=(who("Jessica Pearson"),),
            culture=Culture.TRADITIONAL,
        ),
    ),
    (
        "Acme, analyst, Tuesday afternoon, with Jane",
        ParsedInterview(
            company="Acme", role="analyst", starts_at=at(11, 24, 14), interviewers=(who("Jane"),)
        ),
    ),
    (
        "Acme, analyst, Jan 5 10am with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(1, 5, 10, year=2027),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, analyst, Nov 20 10am with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 20, 10),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "phone screen with Jane Smith at Acme for data analyst on Wednesday at 9:30am",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 25, 9, 30),
            interviewers=(who("Jane Smith"),),
            stage="phone screen",
        ),
    ),
    (
        (
            "Final round at Acme for staff engineer, Thursday 1-2pm, with Jane Smith and "
            "Bob Lee, they'll decide next week"
        ),
        ParsedInterview(
            company="Acme",
            role="staff engineer",
            starts_at=at(11, 26, 13),
            interviewers=(who("Jane Smith"), who("Bob Lee")),
            promise=decide(12, 4, "they'll decide next week"),
            stage="final",
        ),
    ),
    (
        "Acme, analyst, 12/3 at 10, with Jane Smith (jane@acme.com)",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(12, 3, 10),
            interviewers=(who("Jane Smith", email="jane@acme.com"),),
        ),
    ),
    (
        "Acme, analyst, on Dec 3rd at 2:00 pm, with J. Smith",
        ParsedInterview(
            company="Acme", role="analyst", starts_at=at(12, 3, 14), interviewers=(who("J. Smith"),)
        ),
    ),
    (
        "Acme, analyst, 3 pm tomorrow, with Jane Smith; no promise; my cell: (555) 987-6543",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 24, 15),
            interviewers=(who("Jane Smith"),),
            phone="(555) 987-6543",
        ),
    ),
    (
        (
            "Acme - analyst - yesterday morning - Jane Smith; Bob Lee - will hear back by "
            "end of next week"
        ),
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 9),
            interviewers=(who("Jane Smith"), who("Bob Lee")),
            promise=decide(12, 4, "will hear back by end of next week"),
        ),
    ),
    (
        "Acme, analyst, a week ago at 11am with Jane, they said they'd call me by Friday",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 16, 11),
            interviewers=(who("Jane"),),
            promise=decide(11, 20, "they said they'd call me by Friday"),
        ),
    ),
    (
        "Acme — analyst — this Friday 10am — with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 27, 10),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, analyst, yesterday with CTO Bob Lee and recruiter Ann Lee",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 9),
            time_given=False,  # a date alone: the time is asked for
            interviewers=(who("Bob Lee", title="CTO"), who("Ann Lee", title="recruiter")),
        ),
    ),
    (
        "Acme, analyst, yesterday 10am with Jane Smith, Bob Lee, PhD",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 10),
            interviewers=(who("Jane Smith"), who("Bob Lee, PhD")),
        ),
    ),
    (
        "Acme, analyst, noon yesterday with Jane Smith; call me in four days",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 12),
            interviewers=(who("Jane Smith"),),
            promise=call(11, 26, "call me in four days"),
        ),
    ),
    (
        "Acme, analyst, today 9am with the hiring team",
        ParsedInterview(
            company="Acme", role="analyst", starts_at=at(11, 23, 9), unclear=("hiring team",)
        ),
    ),
    (
        "Initech, QA, 30 February at 10am, with Bill Lumbergh",
        ParsedInterview(
            company="Initech",
            role="QA",
            interviewers=(who("Bill Lumbergh"),),
            unclear=("30 February 10am",),
        ),
    ),
    (
        "Initech, QA, 9999-01-01 10am, with Bill Lumbergh",
        ParsedInterview(
            company="Initech",
            role="QA",
            interviewers=(who("Bill Lumbergh"),),
            unclear=("9999-01-01 10am",),
        ),
    ),
    (
        "<!channel> **Acme**, _analyst_, today 3pm 🎉 with `Jane Smith`",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 15),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "'; DROP TABLE interviews; --",
        ParsedInterview(company="DROP TABLE"),
    ),
    (
        "Company: Acme; role: data analyst; when: today 2pm; with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        (
            "Had my final interview at Acme yesterday at 2 pm with Jane Smith, she said "
            "they'd decide by Friday"
        ),
        ParsedInterview(
            company="Acme",
            starts_at=at(11, 22, 14),
            interviewers=(who("Jane Smith"),),
            promise=decide(11, 27, "she said they'd decide by Friday"),
            stage="final",
        ),
    ),
    (
        "Acme (startup), data analyst, today 2pm with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
            culture=Culture.MODERN,
        ),
    ),
    (
        "Acme, analyst, last Thursday at 9:30am, over Zoom with Jane Smith; no promise",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 19, 9, 30),
            interviewers=(who("Jane Smith"),),
            stage="video",
        ),
    ),
    (
        "Acme, analyst, Dec 3 at 10am with Jane Smith; my phone is +44 20 7946 0958",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(12, 3, 10),
            interviewers=(who("Jane Smith"),),
            phone="+44 20 7946 0958",
        ),
    ),
    (
        "Northwind Bank, loan officer, 2 days ago 3pm, with Ann Lee; call him in 3 days",
        ParsedInterview(
            company="Northwind Bank",
            role="loan officer",
            starts_at=at(11, 21, 15),
            interviewers=(who("Ann Lee"),),
            promise=call(11, 24, "call him in 3 days"),
            culture=Culture.TRADITIONAL,
        ),
    ),
    (
        "Acme, analyst, Friday 11am with Jane Smith (she/her, jane@acme.com); snail mail",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 27, 11),
            interviewers=(who("Jane Smith", email="jane@acme.com"),),
            channel=Channel.POST,
        ),
    ),
    (
        (
            "Acme, analyst, Tuesday at 9 with Jane Smith; they'll decide by end of the "
            "week; corporate"
        ),
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 24, 9),
            interviewers=(who("Jane Smith"),),
            promise=decide(11, 27, "they'll decide by end of the week"),
            culture=Culture.TRADITIONAL,
        ),
    ),
    (
        "Acme, analyst, today 2pm with Jane Smith; decision on Dec 5",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
            promise=decide(12, 5, "decision on Dec 5"),
        ),
    ),
    (
        "Acme, analyst, today at 2pm with Jane Smith - she'll let me know in 2 weeks",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
            promise=decide(12, 7, "she'll let me know in 2 weeks"),
        ),
    ),
    (
        "Acme, analyst, yesterday, 10am, with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 10),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, analyst, with Jane Smith",
        ParsedInterview(company="Acme", role="analyst", interviewers=(who("Jane Smith"),)),
    ),
    (
        "Modern Health, designer, Dec 3 9:30am with Jane Smith",
        ParsedInterview(
            company="Modern Health",
            role="designer",
            starts_at=at(12, 3, 9, 30),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, tech lead, Dec 3 9:30am with Jane Smith; modern",
        ParsedInterview(
            company="Acme",
            role="tech lead",
            starts_at=at(12, 3, 9, 30),
            interviewers=(who("Jane Smith"),),
            culture=Culture.MODERN,
        ),
    ),
    (
        "Acme, tech lead, Dec 3 9:30am with Jane Smith, tech",
        ParsedInterview(
            company="Acme",
            role="tech lead",
            starts_at=at(12, 3, 9, 30),
            interviewers=(who("Jane Smith"),),
            culture=Culture.MODERN,
        ),
    ),
    (
        "Acme, associate, 3 December at 2 pm, with Jane Smith; law firm; by post",
        ParsedInterview(
            company="Acme",
            role="associate",
            starts_at=at(12, 3, 14),
            interviewers=(who("Jane Smith"),),
            culture=Culture.TRADITIONAL,
            channel=Channel.POST,
        ),
    ),
    (
        "Acme, analyst, 2026-12-03 14:00, with Jane Smith & Bob Lee; hear back by Dec 10; email",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(12, 3, 14),
            interviewers=(who("Jane Smith"), who("Bob Lee")),
            promise=decide(12, 10, "hear back by Dec 10"),
            channel=Channel.EMAIL,
        ),
    ),
    (
        "Acme, analyst, next Monday at noon with Jane Smith (hiring manager); call me in a week",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 30, 12),
            interviewers=(who("Jane Smith", title="hiring manager"),),
            promise=call(12, 7, "call me in a week"),
        ),
    ),
    (
        (
            "Acme, analyst, last Thursday 10am with Jane Smith, Bob Lee and Ann O'Neil; "
            "will let me know by next Wednesday"
        ),
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 19, 10),
            interviewers=(who("Jane Smith"), who("Bob Lee"), who("Ann O'Neil")),
            promise=decide(11, 25, "will let me know by next Wednesday"),
        ),
    ),
    (
        "Acme, analyst, Wednesday with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 25, 9),
            time_given=False,  # a date alone: the time is asked for
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme | analyst | had it Wednesday | Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 18, 9),
            time_given=False,  # a date alone: the time is asked for
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, analyst, 2 days ago, with Jane Smith, follow up in a week",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 21, 9),
            time_given=False,  # a date alone: the time is asked for
            interviewers=(who("Jane Smith"),),
            promise=call(11, 28, "follow up in a week"),
        ),
    ),
    (
        "Acme, analyst, today 2pm, with Jane Smith, old school bank",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
            culture=Culture.TRADITIONAL,
        ),
    ),
    (
        "Acme, analyst, today 2pm, with Jane Smith, it's a startup",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
            culture=Culture.MODERN,
        ),
    ),
    (
        "data analyst, Acme, today 2pm, with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="data analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, analyst, today 2pm, with Jane Smith, no timeline given",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        (
            "Acme, analyst, today 2pm with Jane Smith. Prefers a handwritten note. My "
            "number is 555.123.4567"
        ),
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
            channel=Channel.POST,
            phone="555.123.4567",
        ),
    ),
    (
        "Acme, analyst, yesterday 10am, with jane smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 10),
            interviewers=(who("jane smith"),),
        ),
    ),
    (
        "Acme, analyst, today 2pm with Jane Smith, hear back whenever",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 23, 14),
            interviewers=(who("Jane Smith"),),
            unclear=("hear back whenever",),
        ),
    ),
    (
        "Acme, analyst, tonight 6pm with Jane",
        ParsedInterview(
            company="Acme", role="analyst", starts_at=at(11, 23, 18), interviewers=(who("Jane"),)
        ),
    ),
    (
        "Acme, analyst, Thursday at 3 with Jane; they will decide by Thursday",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 26, 15),
            interviewers=(who("Jane"),),
            promise=decide(12, 3, "they will decide by Thursday"),
        ),
    ),
]


@pytest.mark.parametrize(("line", "expected"), ADD_LINES)
def test_an_add_line_yields_exactly_the_facts_it_states(
    line: str, expected: ParsedInterview
) -> None:
    assert parse_interview(line, NOW, TZ) == expected


def test_the_interview_time_is_in_the_users_zone() -> None:
    parsed = parse_interview("Acme, analyst, today 2pm with Jane Smith", NOW, TZ)
    assert parsed.starts_at is not None
    assert parsed.starts_at.tzinfo == TZ
    assert parsed.starts_at.utcoffset() == timedelta(hours=-5)


def test_the_same_line_in_another_zone_means_that_zones_wall_clock() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    parsed = parse_interview("Acme, analyst, today 2pm with Jane Smith", NOW, berlin)
    # 16:30 in New York is 22:30 in Berlin, still Monday there.
    assert parsed.starts_at == datetime(2026, 11, 23, 14, 0, tzinfo=berlin)


def test_an_empty_line_yields_nothing() -> None:
    assert parse_interview("", NOW, TZ) == ParsedInterview()
    assert parse_interview("   \n\t ", NOW, TZ) == ParsedInterview()


def test_a_line_of_only_names_gives_people_but_no_company() -> None:
    parsed = parse_interview("with Jane Smith and Bob Lee", NOW, TZ)
    assert parsed.company is None
    assert parsed.interviewers == (who("Jane Smith"), who("Bob Lee"))


def test_a_promise_without_an_interview_date_counts_from_today() -> None:
    parsed = parse_interview("Acme, analyst, with Jane Smith; call her in 3 days", NOW, TZ)
    assert parsed.starts_at is None
    assert parsed.promise == call(11, 26, "call her in 3 days")


def test_a_promise_with_no_readable_date_is_shown_as_unclear() -> None:
    parsed = parse_interview("Acme, analyst, today 2pm, with Jane, they'll decide soon", NOW, TZ)
    assert parsed.promise is None
    assert parsed.unclear == ("they'll decide soon",)


# --------------------------------------------------------------------------- when

WHEN_ANSWERS = [
    ("yesterday at 10am", at(11, 22, 10), True),
    ("it was yesterday", at(11, 22, 9), False),
    ("today 2pm", at(11, 23, 14), True),
    ("2pm", at(11, 23, 14), True),
    ("noon", at(11, 23, 12), True),
    ("14:00", at(11, 23, 14), True),
    ("9:30am tomorrow", at(11, 24, 9, 30), True),
    ("tomorrow", at(11, 24, 9), False),
    ("Tuesday 3pm", at(11, 24, 15), True),
    ("I had it Tuesday 3pm", at(11, 17, 15), True),
    ("Dec 3", at(12, 3, 9), False),
    ("3 December at 2 pm", at(12, 3, 14), True),
    ("2026-12-03 14:30", at(12, 3, 14, 30), True),
    ("2026-12-03 3", at(12, 3, 15), True),
    ("2026-12-03 10", at(12, 3, 10), True),
    ("2026-12-03 2:30", at(12, 3, 14, 30), True),
    ("2026-12-03T14:30", at(12, 3, 14, 30), True),  # ISO 8601, as calendars copy it
    ("2026-12-03t09:15:00", at(12, 3, 9, 15), True),
    ("the 15th", at(12, 15, 9), False),  # the next 15th: this month's has passed
    ("the 30th at 2pm", at(11, 30, 14), True),  # this month's is still ahead
    ("the 31st", at(12, 31, 9), False),  # November has none
    ("interviewed the 20th", at(11, 20, 9), False),  # past tense: the last one
    ("the 3rd of December", at(12, 3, 9), False),
    ("the 2nd round is Dec 3 at 2pm", at(12, 3, 14), True),  # an ordinal, not a date
    ("next Monday at 9", at(11, 30, 9), True),
    ("last Thursday", at(11, 19, 9), False),
    ("2 days ago", at(11, 21, 9), False),
    ("a week ago at 11am", at(11, 16, 11), True),
    ("Friday afternoon", at(11, 27, 14), True),  # near enough to plan by
    ("Jan 5 10am", at(1, 5, 10, year=2027), True),
    ("Nov 20 10am", at(11, 20, 10), True),
    ("Dec 3 2030", None, False),
    ("1985-06-01 10am", None, False),
    ("year 9999", None, False),
    ("9999-01-01", None, False),
    ("30 February", None, False),
    ("whenever suits", None, False),
    ("", None, False),
]


@pytest.mark.parametrize(("text", "moment", "had_time"), WHEN_ANSWERS)
def test_a_when_answer_gives_the_moment_and_whether_a_time_was_said(
    text: str, moment: datetime | None, had_time: bool
) -> None:
    assert parse_when_detail(text, NOW, TZ) == (moment, had_time)
    assert parse_when(text, NOW, TZ) == moment


def test_today_at_an_hour_already_gone_is_today_not_tomorrow() -> None:
    assert parse_when("today 2pm", NOW, TZ) == at(11, 23, 14)


def test_a_bare_weekday_looks_ahead_unless_the_text_is_in_the_past_tense() -> None:
    assert parse_when("Thursday 10am", NOW, TZ) == at(11, 26, 10)
    assert parse_when("interviewed Thursday 10am", NOW, TZ) == at(11, 19, 10)


def test_todays_weekday_counts_only_on_the_right_side_of_now() -> None:
    # It is Monday 16:30: 15:00 has passed, 17:00 has not.
    assert parse_when("Monday 5pm", NOW, TZ) == at(11, 23, 17)
    assert parse_when("Monday 3pm", NOW, TZ) == at(11, 30, 15)
    assert parse_when("was Monday 3pm", NOW, TZ) == at(11, 23, 15)
    assert parse_when("was Monday 5pm", NOW, TZ) == at(11, 16, 17)


def test_a_time_dateparser_cannot_read_still_keeps_the_date() -> None:
    assert parse_when_detail("Dec 3 25:00pm", NOW, TZ) == (at(12, 3, 9), False)
    assert parse_when_detail("25:00 today", NOW, TZ) == (at(11, 23, 9), False)


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30 10am", "2026-11-31"])
def test_a_date_no_calendar_has_is_not_bent_into_another(text: str) -> None:
    assert parse_when_detail(text, NOW, TZ) == (None, False)


@pytest.mark.parametrize(
    ("text", "zone", "wall"),
    [
        # Spring forward: 02:30 does not exist and moves on by the hour skipped.
        ("March 8 2026 2:30am", "America/New_York", datetime(2026, 3, 8, 3, 30)),
        ("March 14 2027 2:30am", "America/New_York", datetime(2027, 3, 14, 3, 30)),
        ("March 8 2027 2:30am", "America/New_York", datetime(2027, 3, 8, 2, 30)),
        ("28 March 2027 2:30am", "Europe/Berlin", datetime(2027, 3, 28, 3, 30)),
        # Fall back: 01:30 happens twice; the first one is taken.
        ("Nov 7 2027 1:30am", "America/New_York", datetime(2027, 11, 7, 1, 30)),
        ("31 October 2027 2:30am", "Europe/Berlin", datetime(2027, 10, 31, 2, 30)),
    ],
)
def test_wall_times_that_dst_skips_or_repeats_become_valid_aware_times(
    text: str, zone: str, wall: datetime
) -> None:
    tz = ZoneInfo(zone)
    moment = parse_when(text, NOW, tz)
    assert moment is not None
    assert moment.tzinfo == tz
    assert moment.replace(tzinfo=None) == wall
    # A valid wall time survives a round trip through UTC unchanged.
    assert moment.astimezone(UTC).astimezone(tz) == moment
    assert moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wall


def test_an_add_line_on_a_dst_gap_does_not_crash() -> None:
    parsed = parse_interview("Acme, analyst, March 14 2027 2:30am with Jane Smith", NOW, TZ)
    assert parsed.starts_at == datetime(2027, 3, 14, 3, 30, tzinfo=TZ)
    assert parsed.starts_at.utcoffset() == timedelta(hours=-4)


# --------------------------------------------------------------------------- promises

PROMISES = [
    ("they'll decide by Friday", MONDAY, decide(11, 27, "they'll decide by Friday")),
    (
        "will let me know by next Wednesday",
        MONDAY,
        decide(11, 25, "will let me know by next Wednesday"),
    ),
    ("hear back by Dec 5", MONDAY, decide(12, 5, "hear back by Dec 5")),
    ("decision by end of week", MONDAY, decide(11, 27, "decision by end of week")),
    ("decision by end of next week", MONDAY, decide(12, 4, "decision by end of next week")),
    ("they'll decide next week", MONDAY, decide(12, 4, "they'll decide next week")),
    ("call me next week", MONDAY, call(11, 30, "call me next week")),
    ("by the end of the month", MONDAY, decide(11, 30, "by the end of the month")),
    ("call me in four days", date(2026, 11, 22), call(11, 26, "call me in four days")),
    ("said call her in 4 days", date(2026, 11, 22), call(11, 26, "call her in 4 days")),
    ("call her on Thursday", MONDAY, call(11, 26, "call her on Thursday")),
    ("follow up in a week", MONDAY, call(11, 30, "follow up in a week")),
    ("get back to me within 2 weeks", MONDAY, decide(12, 7, "get back to me within 2 weeks")),
    ("they'll call me by Friday", MONDAY, decide(11, 27, "they'll call me by Friday")),
    ("in a couple of days", MONDAY, decide(11, 25, "in a couple of days")),
    ("tomorrow", MONDAY, decide(11, 24, "tomorrow")),
    ("by Friday end of day", MONDAY, decide(11, 27, "by Friday end of day")),
    ("  Dec 10.  ", MONDAY, decide(12, 10, "Dec 10")),
    # "By Friday" said on a Friday is the next one; a week's end from a Saturday is the next.
    ("they'll decide by Friday", date(2026, 11, 27), decide(12, 4, "they'll decide by Friday")),
    ("end of week", date(2026, 11, 28), decide(12, 4, "end of week")),
    # A span without "in", and a day of the month without one.
    ("they said 2 weeks", MONDAY, decide(12, 7, "they said 2 weeks")),
    ("a couple of days", MONDAY, decide(11, 25, "a couple of days")),
    ("by the 15th", MONDAY, decide(12, 15, "by the 15th")),
    ("call me the 1st", MONDAY, call(12, 1, "call me the 1st")),
    ("by the 23rd", MONDAY, decide(12, 23, "by the 23rd")),  # the interview day's is no deadline
    ("2 weeks ago", MONDAY, decide(11, 9, "2 weeks ago")),  # "ago" stays in the past
    ("no promise", MONDAY, None),
    ("they didn't say", MONDAY, None),
    ("soon, they hope", MONDAY, None),
    ("by 30 February", MONDAY, None),
    ("by Dec 5 2031", MONDAY, None),
    ("", MONDAY, None),
]


@pytest.mark.parametrize(("text", "base", "expected"), PROMISES)
def test_a_promise_counts_from_the_interview_day(
    text: str, base: date, expected: Promise | None
) -> None:
    assert parse_promise(text, base, NOW, TZ) == expected


def test_a_bare_date_takes_the_callers_default_kind() -> None:
    promise = parse_promise("Friday", MONDAY, NOW, TZ, PromiseKind.YOU_CALL_ON)
    assert promise == call(11, 27, "Friday")


LATER = [
    ("monday", at(11, 30, 9)),  # today is Monday: a bare weekday means next week's
    ("until Monday", at(11, 30, 9)),
    ("Monday 5pm", at(11, 23, 17)),  # later today
    ("until friday 3pm", at(11, 27, 15)),
    ("Dec 2 9am", at(12, 2, 9)),
    ("2026-12-02T09:00", at(12, 2, 9)),
    ("tomorrow", at(11, 24, 9)),
    ("the 15th", at(12, 15, 9)),
    ("today 2pm", None),  # already past
    ("yesterday", None),
    ("whenever", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "moment"), LATER)
def test_a_later_moment_is_strictly_ahead_or_none(text: str, moment: datetime | None) -> None:
    assert parse_later(text, NOW, TZ) == moment


# --------------------------------------------------------------------------- people

PEOPLE = [
    ("Jane Smith", (who("Jane Smith"),)),
    ("Jane Smith, Bob Lee and Ann O'Neil", (who("Jane Smith"), who("Bob Lee"), who("Ann O'Neil"))),
    ("Jane Smith & Bob Lee", (who("Jane Smith"), who("Bob Lee"))),
    ("Jane Smith (hiring manager)", (who("Jane Smith", title="hiring manager"),)),
    ("Jane Smith, hiring manager", (who("Jane Smith", title="hiring manager"),)),
    ("the CTO, Bob Lee", (who("Bob Lee", title="CTO"),)),
    ("CTO Bob Lee", (who("Bob Lee", title="CTO"),)),
    (
        "Dr. Maria Garcia (maria@initech.com)",
        (who("Dr. Maria Garcia", email="maria@initech.com"),),
    ),
    (
        "Jane Smith <jane@acme.com>, Bob Lee email: bob@acme.com",
        (who("Jane Smith", email="jane@acme.com"), who("Bob Lee", email="bob@acme.com")),
    ),
    ("Jane Smith (she/her)", (who("Jane Smith"),)),
    ("Bob Lee, PhD and Jane Smith", (who("Bob Lee, PhD"), who("Jane Smith"))),
    ("José Álvarez and Zoë Ng", (who("José Álvarez"), who("Zoë Ng"))),
    ("Jane Smith and Jane Smith", (who("Jane Smith"),)),
    ("the hiring manager", ()),
    ("12345", ()),
    ("R2D2", ()),
    ("A" * 81, ()),
    ("", ()),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_people_keep_their_names_as_written_in_order(
    text: str, expected: tuple[Interviewer, ...]
) -> None:
    assert parse_people(text) == expected


# --------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2h", timedelta(hours=2)),
        ("30m", timedelta(minutes=30)),
        ("3d", timedelta(days=3)),
        ("1w", timedelta(weeks=1)),
        ("2 hours", timedelta(hours=2)),
        ("an hour", timedelta(hours=1)),
        ("half an hour", timedelta(minutes=30)),
        ("1 week", timedelta(weeks=1)),
        ("90 minutes", timedelta(minutes=90)),
        ("1h30m", timedelta(minutes=90)),
        ("2 hours and 30 minutes", timedelta(minutes=150)),
        ("1.5 hours", timedelta(minutes=90)),
        ("two days", timedelta(days=2)),
        ("for 2 days", timedelta(days=2)),
        ("365d", timedelta(days=365)),
    ],
)
def test_a_duration_reads_short_and_long_units(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "junk", "30", "0h", "-2h", "366d", "2 fortnights", "2h junk"])
def test_a_duration_rejects_junk_zero_negative_and_over_a_year(text: str) -> None:
    assert parse_duration(text) is None


# --------------------------------------------------------------------------- zones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("America/New_York", "America/New_York"),
        ("america/new_york", "America/New_York"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("EST", "America/New_York"),
        ("ET", "America/New_York"),
        ("Eastern", "America/New_York"),
        ("eastern time", "America/New_York"),
        ("PT", "America/Los_Angeles"),
        ("Pacific", "America/Los_Angeles"),
        ("CET", "Europe/Berlin"),
        ("UK", "Europe/London"),
        ("London", "Europe/London"),
        ("UTC", "UTC"),
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("  Tokyo ", "Asia/Tokyo"),
    ],
)
def test_a_zone_is_found_by_iana_name_alias_or_city(text: str, expected: str) -> None:
    assert parse_zone(text) == expected


@pytest.mark.parametrize("text", ["", "Mars", "Europe/Atlantis", "+05:00", "🙂"])
def test_an_unknown_zone_is_none(text: str) -> None:
    assert parse_zone(text) is None


# --------------------------------------------------------------------------- quiet hours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:00-08:00", (time(21), time(8))),
        ("21:00–08:00", (time(21), time(8))),
        ("9pm-7am", (time(21), time(7))),
        ("22-7", (time(22), time(7))),
        ("9-7", (time(21), time(7))),
        ("from 10pm to 6:30am", (time(22), time(6, 30))),
        ("noon-1pm", (time(12), time(13))),
    ],
)
def test_quiet_hours_read_as_a_clock_range(text: str, expected: tuple[time, time]) -> None:
    assert parse_clock_range(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "21:00", "8-8", "25-7", "9pm-13pm", "21:61-07:00"])
def test_a_clock_range_that_is_not_one_is_none(text: str) -> None:
    assert parse_clock_range(text) is None


# --------------------------------------------------------------------------- robustness

HOSTILE = [
    "\x00\x01\x02 Acme\x7f, analyst\u200b, today 2pm with Jane\x1b[31m Smith",
    "🎉🎉🎉 Acme 🚀, analyst, today 2pm with 👩‍💼 Jane Smith",
    "**Acme**, _analyst_, `today 2pm` with ~Jane Smith~ > quoted",
    "<!channel> <@U123> <#C42|general> Acme, analyst, today 2pm",
    "Robert'); DROP TABLE interviews;-- , analyst, today 2pm",
    "Acme, analyst, year 9999 at 10am with Jane Smith",
    "Acme, analyst, 30 February 10am with Jane Smith",
    "Acme, analyst, 99/99 at 25:99 with 1234 5678",
    "((((((((((((((((((((((((((((((",
    "with with with with with , , , ; ; ; - - - | | |",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises_and_stays_in_range(text: str) -> None:
    parsed = parse_interview(text, NOW, TZ)
    assert_sane(parsed)


def test_control_characters_and_markup_do_not_reach_the_fields() -> None:
    parsed = parse_interview(HOSTILE[0], NOW, TZ)
    assert parsed.company == "Acme"
    assert parsed.role == "analyst"
    assert parsed.interviewers == (who("Jane Smith"),)
    assert parse_interview(HOSTILE[3], NOW, TZ).company == "Acme"


def test_an_impossible_date_is_reported_as_unclear() -> None:
    parsed = parse_interview(HOSTILE[6], NOW, TZ)
    assert parsed.starts_at is None
    assert "30 February 10am" in parsed.unclear


def test_a_huge_line_is_cut_and_the_cut_is_reported() -> None:
    line = "Acme, analyst, today 2pm with Jane Smith; " + "blah " * 8000
    parsed = parse_interview(line, NOW, TZ)
    assert parsed.company == "Acme"
    assert parsed.starts_at == at(11, 23, 14)
    assert parsed.unclear[-1].endswith("…")
    assert len(parsed.unclear) <= 8
    assert all(len(fragment) <= 80 for fragment in parsed.unclear)


def _dateparser_queries(monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    """What `parse_interview(text)` asks dateparser, the costly part of parsing."""
    asked: list[str] = []
    real = dates._dateparse

    def counted(query: str, relative_base: datetime) -> datetime | None:
        asked.append(query)
        return real(query, relative_base)

    # Every module that asks dateparser holds its own reference to the one function.
    for reader in (dates, promises):
        monkeypatch.setattr(reader, "_dateparse", counted)
    parse_interview(text, NOW, TZ)
    for reader in (dates, promises):
        monkeypatch.setattr(reader, "_dateparse", real)
    return asked


@pytest.mark.parametrize("unit", [
    "Acme, data analyst, today 2pm with Jane Smith and Bob Lee, they'll decide by Friday; ",
    "Jane, Dec 3 at 2pm; (call me) & ",
])
def test_a_long_line_costs_no_more_than_its_first_two_thousand_characters(
    monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    """Parsing work is bounded by the cut, not by the length (timings belong to bench/)."""
    text = unit * (41_000 // len(unit) + 1)
    cut = _dateparser_queries(monkeypatch, text[:2000])
    assert _dateparser_queries(monkeypatch, text[:4096]) == cut
    assert _dateparser_queries(monkeypatch, text) == cut
    assert len(cut) <= 3 * cleaning._MAX_PIECES


def test_importing_the_parser_does_not_load_dateparser() -> None:
    code = (
        "import sys, bot.parsing; print('dateparser' in sys.modules, 'nameparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --------------------------------------------------------------------------- properties

WORDS = st.sampled_from(
    [
        "Acme", "analyst", "with", "Jane Smith", "Dr.", "Bob", ",", ";", " - ", "|", "(", ")",
        "&", "and", "at", "on", "for", "today", "yesterday", "2pm", "9:30am", "14:00", "noon",
        "Dec 3", "3 December", "2026-12-03", "9999-01-01", "30 February", "next", "last",
        "Monday", "ago", "2 days", "in 4 days", "call me", "they'll decide by", "Friday",
        "end of week", "no promise", "traditional", "startup", "email", "by post",
        "phone screen", "final round", "x@y.com", "555-123-4567", "<!channel>", "**", "🎉", "\x00",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=40).map(" ".join))
ZONES = st.sampled_from(["America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC"])
NOWS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(UTC)
)
PROPERTY = settings(max_examples=300, deadline=None)


def assert_sane(parsed: ParsedInterview, now: datetime = NOW) -> None:
    latest = now + timedelta(days=731)
    if parsed.starts_at is not None:
        assert parsed.starts_at.tzinfo is not None
        assert EARLIEST <= parsed.starts_at <= latest
    if parsed.promise is not None:
        assert date(1990, 1, 1) <= parsed.promise.on <= latest.date()
    for person in parsed.interviewers:
        assert 0 < len(person.name) <= 80
        assert not any(c.isdigit() for c in person.name)
    assert len(parsed.unclear) <= 8


@PROPERTY
@given(text=TEXTS, zone=ZONES, now=NOWS)
def test_parse_interview_never_raises_and_its_dates_are_aware_and_in_range(
    text: str, zone: str, now: datetime
) -> None:
    assert_sane(parse_interview(text, now, ZoneInfo(zone)), now)


@PROPERTY
@given(text=TEXTS, zone=ZONES)
def test_parse_when_never_raises_and_gives_an_aware_time_in_range(text: str, zone: str) -> None:
    moment, had_time = parse_when_detail(text, NOW, ZoneInfo(zone))
    if moment is None:
        assert had_time is False
    else:
        assert moment.tzinfo is not None
        assert EARLIEST <= moment <= LATEST


@PROPERTY
@given(text=TEXTS, base=st.dates(min_value=date(1990, 1, 1), max_value=date(2028, 11, 1)))
def test_parse_promise_never_raises_and_its_date_is_in_range(text: str, base: date) -> None:
    promise = parse_promise(text, base, NOW, TZ)
    if promise is not None:
        assert date(1990, 1, 1) <= promise.on <= LATEST.date()
        assert promise.text == promise.text.strip()


@PROPERTY
@given(text=st.one_of(st.text(max_size=60), st.from_regex(r"-?\d{1,9}(\.\d+)? ?[a-z]{1,7}")))
def test_parse_duration_never_raises_and_stays_within_a_year(text: str) -> None:
    span = parse_duration(text)
    assert span is None or timedelta(0) < span <= timedelta(days=365)


@PROPERTY
@given(text=st.text(max_size=60))
def test_parse_zone_never_raises_and_names_a_loadable_zone(text: str) -> None:
    zone = parse_zone(text)
    if zone is not None:
        ZoneInfo(zone)


@PROPERTY
@given(text=st.one_of(st.text(max_size=40), st.from_regex(r"\d{1,3}(:\d{1,3})? ?(am|pm)?-\d{1,3}")))
def test_parse_clock_range_and_parse_people_never_raise(text: str) -> None:
    assert parse_clock_range(text) is None or len(parse_clock_range(text) or ()) == 2
    assert all(isinstance(p, Interviewer) for p in parse_people(text))




def test_a_weekday_beside_a_date_must_agree_with_it_across_the_new_year() -> None:
    december = datetime(2026, 12, 20, 16, 30, tzinfo=TZ)
    assert parse_when("Friday Jan 8 at 10am", december, TZ) == at(1, 8, 10, year=2027)
    assert parse_when("Thursday Jan 8 at 10am", december, TZ) is None  # 8 Jan is a Friday
    assert parse_when("4.12. at 10:00", NOW, TZ) == at(12, 4, 10)  # day first, dotted
    said = parse_promise("they will decide by Friday Jan 8", december.date(), december, TZ)
    assert said is not None and said.on == date(2027, 1, 8)
    assert parse_promise("decide by Tuesday the 25th", MONDAY, NOW, TZ) is None
    assert parse_promise("decide by the 31st", MONDAY, NOW, TZ) is None  # not in November
    week_tomorrow = parse_promise("ring her a week tomorrow", MONDAY, NOW, TZ)
    assert week_tomorrow is not None and week_tomorrow.on == date(2026, 12, 1)


def test_a_british_weekday_week_is_a_week_after_the_coming_one() -> None:
    friday = datetime(2026, 12, 4, 9, 0, tzinfo=TZ)
    def on(said: str, now: datetime) -> date | None:
        found = parse_promise(said, now.date(), now, TZ)
        return found.on if found else None

    assert on("call her monday week", friday) == date(2026, 12, 14)  # not the 7th
    assert on("call her monday next week", friday) == date(2026, 12, 7)
    assert on("decide by friday week", friday) == date(2026, 12, 11)  # said on a Friday
    assert on("call her tuesday week", NOW) == date(2026, 12, 1)


def test_half_an_hour_said_the_british_way_is_read_as_a_time() -> None:
    assert parse_when("half ten tomorrow", NOW, TZ) == at(11, 24, 10, 30)
    assert parse_when("tomorrow at half two", NOW, TZ) == at(11, 24, 14, 30)  # office hours


def test_a_grammar_verb_with_a_comma_after_its_number_is_a_command() -> None:
    assert is_command_line("called 7, no answer")
    assert not is_command_line("called them, no answer")


def test_clocks_said_in_words_in_the_morning_or_without_a_colon() -> None:
    assert parse_when("tomorrow at three fifteen", NOW, TZ) == at(11, 24, 15, 15)
    assert parse_when("tomorrow at ten forty-five am", NOW, TZ) == at(11, 24, 10, 45)
    assert parse_when("tomorrow morning at 7", NOW, TZ) == at(11, 24, 7, 0)
    assert parse_when("tomorrow at 7", NOW, TZ) == at(11, 24, 19, 0)  # office hours
    assert parse_when("tomorrow @ 1400", NOW, TZ) == at(11, 24, 14, 0)
    assert parse_when("tomorrow at 0930 hrs", NOW, TZ) == at(11, 24, 9, 30)
    # "two thirty-minute calls" stays words: a spoken clock needs "at" before it
    assert half_past("two thirty-minute calls") == "two thirty-minute calls"


def test_a_weekday_with_a_day_of_the_month_in_words_is_that_date() -> None:
    def on(said: str) -> date | None:
        found = parse_promise(said, NOW.date(), NOW, TZ)
        return found.on if found else None

    assert on("call him Tuesday the first") == date(2026, 12, 1)
    assert on("they'll decide by Wednesday the second") == date(2026, 12, 2)


def test_clocks_and_days_people_write_their_own_way() -> None:
    # "at 9.15" is a quarter past nine; "0800" a clock; "by 30.11" the 30th of November.
    assert parse_when("tomorrow at 9.15", NOW, TZ) == datetime(2026, 11, 24, 9, 15, tzinfo=TZ)
    assert military_time("Remind me 0800 tomorrow") == "Remind me 08:00 tomorrow"
    assert military_time("call 0800 123 456") == "call 0800 123 456"  # a phone number
    assert _on("decision by 30.11") == date(2026, 11, 30)
    # "this coming Monday" said on a Monday is next week's; "5 more business days" skips
    # the weekend and Thanksgiving; "the Monday after next" is the week after next.
    assert _on("call her this coming Monday") == date(2026, 11, 30)
    assert _on("they need 5 more business days to decide") == date(2026, 12, 1)
    assert _on("a decision the Monday after next") == date(2026, 12, 7)
    assert quarter_hours("at quarter to 11") == "at 10:45"


def _on(said: str) -> date:
    promise = parse_promise(said, MONDAY, NOW, TZ)
    assert promise is not None, said
    return promise.on


def test_the_near_days_read_without_dateparser_are_read_as_dateparser_reads_them() -> None:
    """`near_day` saves a dateparser call for the commonest words; it must agree with
    dateparser itself, so this fails loudly if either changes."""
    from dateparser import parse

    from bot.parsing.dates import _settings, near_day

    base = datetime(2026, 11, 23, 16, 30)
    for day in ("today", "yesterday", "tomorrow", "Yesterday", "TODAY"):
        for clock in ("", " 2pm", " 2 pm", " 2:30pm", " 12am", " 12pm", " 11:45 am",
                      " 14:00", " 09:05", " 0:00", " 23:59"):
            said = day + clock
            assert near_day(said, base) == parse(said, languages=["en"],
                                                 settings=_settings(base)), said
    # Anything else is left to dateparser.
    assert near_day("today 13pm", base) is None and near_day("next friday", base) is None
