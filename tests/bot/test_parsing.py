"""Tests for bot/parsing.py: free-text `add` lines, answers, promises, durations, zones, quiet hours."""

from __future__ import annotations

import subprocess
import sys
import time as timer
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.model import Channel, Culture, Interviewer, Promise, PromiseKind
from bot.parsing import (
    ParsedInterview,
    parse_clock_range,
    parse_duration,
    parse_interview,
    parse_people,
    parse_promise,
    parse_when,
    parse_when_detail,
    parse_zone,
)

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
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee"),
            ),
            promise=decide(11, 27, "they'll decide by Friday"),
        ),
    ),
    (
        "Initech - QA lead - interviewed yesterday at 10am with Dr. Maria Garcia (maria@initech.com); said call her in 4 days; traditional",
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
        "Globex; backend engineer; tomorrow 9:30am; phone screen with Ann O'Neil; will let me know by next Wednesday",
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
        "Umbrella Corp | senior designer | final round | Dec 3 14:00 | with Jane Smith, Bob Lee and Ann O'Neil | hear back by Dec 5",
        ParsedInterview(
            company="Umbrella Corp",
            role="senior designer",
            starts_at=at(12, 3, 14),
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee"),
                who("Ann O'Neil"),
            ),
            promise=decide(12, 5, "hear back by Dec 5"),
            stage="final",
        ),
    ),
    (
        "Hooli – product manager – video call last Thursday 3 pm with Gavin Belson (CEO) & Jian Yang; decision by end of week; startup",
        ParsedInterview(
            company="Hooli",
            role="product manager",
            starts_at=at(11, 19, 15),
            interviewers=(
                who("Gavin Belson", title="CEO"),
                who("Jian Yang"),
            ),
            promise=decide(11, 20, "decision by end of week"),
            culture=Culture.MODERN,
            stage="video",
        ),
    ),
    (
        "First National Bank, teller, on-site 2 days ago at noon, with Mary Jones, hiring manager; follow up in a week; handwritten note",
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
        "Wayne Enterprises, analyst, 2026-12-03 at 11am, with Lucius Fox (lucius@wayne.com), get back to me within 2 weeks",
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
        "Interviewed at Pied Piper for developer yesterday 4pm with Richard Hendricks. They said they'll decide by Dec 1. Tech startup.",
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
        "Vandelay Industries, importer, 3 December 9:30am, with Art Vandelay & George Costanza, by post",
        ParsedInterview(
            company="Vandelay Industries",
            role="importer",
            starts_at=at(12, 3, 9, 30),
            interviewers=(
                who("Art Vandelay"),
                who("George Costanza"),
            ),
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
        "Globex, sales rep, last Friday 9:30am, Jane Smith (hiring manager, jane@globex.com) and Bob Lee (CTO)",
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
        "I had a video interview with Jane Smith from HR at Initech for the QA lead role 2 days ago at 3 pm; call her on Thursday",
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
        "Software engineer at Hooli, on-site Dec 3 at 10am with Gavin Belson, Jared Dunn; they will let me know by Dec 10; prefers email",
        ParsedInterview(
            company="Hooli",
            role="Software engineer",
            starts_at=at(12, 3, 10),
            interviewers=(
                who("Gavin Belson"),
                who("Jared Dunn"),
            ),
            promise=decide(12, 10, "they will let me know by Dec 10"),
            channel=Channel.EMAIL,
            stage="on-site",
        ),
    ),
    (
        "Acme Corp, Data Scientist, 14:00 today, interviewers: Jane Smith, Bob Lee; they'll get back to me in a couple of days",
        ParsedInterview(
            company="Acme Corp",
            role="Data Scientist",
            starts_at=at(11, 23, 14),
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee"),
            ),
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
        "Final round at Acme for staff engineer, Thursday 1-2pm, with Jane Smith and Bob Lee, they'll decide next week",
        ParsedInterview(
            company="Acme",
            role="staff engineer",
            starts_at=at(11, 26, 13),
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee"),
            ),
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
        "Acme - analyst - yesterday morning - Jane Smith; Bob Lee - will hear back by end of next week",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 9),
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee"),
            ),
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
            interviewers=(
                who("Bob Lee", title="CTO"),
                who("Ann Lee", title="recruiter"),
            ),
        ),
    ),
    (
        "Acme, analyst, yesterday 10am with Jane Smith, Bob Lee, PhD",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 22, 10),
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee, PhD"),
            ),
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
        "Had my final interview at Acme yesterday at 2 pm with Jane Smith, she said they'd decide by Friday",
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
        "Acme, analyst, Tuesday at 9 with Jane Smith; they'll decide by end of the week; corporate",
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
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee"),
            ),
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
        "Acme, analyst, last Thursday 10am with Jane Smith, Bob Lee and Ann O'Neil; will let me know by next Wednesday",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 19, 10),
            interviewers=(
                who("Jane Smith"),
                who("Bob Lee"),
                who("Ann O'Neil"),
            ),
            promise=decide(11, 25, "will let me know by next Wednesday"),
        ),
    ),
    (
        "Acme, analyst, Wednesday with Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 25, 9),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme | analyst | had it Wednesday | Jane Smith",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 18, 9),
            interviewers=(who("Jane Smith"),),
        ),
    ),
    (
        "Acme, analyst, 2 days ago, with Jane Smith, follow up in a week",
        ParsedInterview(
            company="Acme",
            role="analyst",
            starts_at=at(11, 21, 9),
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
        "Acme, analyst, today 2pm with Jane Smith. Prefers a handwritten note. My number is 555.123.4567",
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
