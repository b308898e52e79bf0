"""Calendar invites pasted whole are read as the `add` line they spell out, on the clock of
the zone they name, and only with every field found."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.parsing.understanding.readers.invites import invite_as_line

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 16, 30, tzinfo=NEW_YORK)

OUTLOOK = """Subject: Interview - Financial Analyst - Northbank
When: Wednesday, November 25, 2026 10:00 AM-11:00 AM (UTC-05:00) Eastern Time (US & Canada).
Where: Microsoft Teams Meeting
Organizer: Northbank Talent Acquisition
Required Attendees: Hannah Brooks; Luis Ortega"""

GOOGLE = """Interview: Content Strategist @ Paperleaf
Wednesday, December 2 · 11:00am – 12:00pm
Time zone: America/New_York
Google Meet joining info
Guests
Maya Lindgren - organizer
Theo Watts
me"""

CALENDLY = """New Event: 45 Minute Interview
Invitee: Sam Rivera
Host: Derek Shaw (Head of Sales, Helpline)
Event Date/Time: 11:30am - 12:15pm, Tuesday, November 24, 2026 (Eastern Time - US & Canada)
Position: SDR"""


def test_an_outlook_invite_names_the_role_company_start_and_attendees_not_the_mailbox() -> None:
    assert invite_as_line(OUTLOOK, NOW, NEW_YORK) == (
        "add: Northbank, Financial Analyst, Wednesday November 25 2026 10:00AM "
        "with Hannah Brooks and Luis Ortega")


def test_a_google_invite_lists_its_guests_without_me() -> None:
    assert invite_as_line(GOOGLE, NOW, NEW_YORK) == (
        "add: Paperleaf, Content Strategist, Wednesday December 2 11:00am "
        "with Maya Lindgren and Theo Watts")


def test_a_calendly_booking_takes_the_company_from_its_host() -> None:
    assert invite_as_line(CALENDLY, NOW, NEW_YORK) == (
        "add: Helpline, SDR, Tuesday November 24 2026 11:30am with Derek Shaw")


def test_an_invite_in_another_zone_is_not_read_as_the_persons_clock() -> None:
    # Its start is said with its own zone, which the add line then reads on that clock.
    pacific = OUTLOOK.replace("(UTC-05:00) Eastern Time", "(UTC-08:00) Pacific Time")
    assert invite_as_line(pacific, NOW, NEW_YORK) == (
        "add: Northbank, Financial Analyst, Wednesday November 25 2026 10:00AM UTC-8 "
        "with Hannah Brooks and Luis Ortega")
    assert invite_as_line(OUTLOOK, NOW, ZoneInfo("Europe/London")) == (
        "add: Northbank, Financial Analyst, Wednesday November 25 2026 10:00AM UTC-5 "
        "with Hannah Brooks and Luis Ortega")
    # Zones that disagree, or an offset of half an hour, are no one's to guess.
    india = OUTLOOK.replace("(UTC-05:00) Eastern Time", "(UTC+05:30) Chennai")
    assert invite_as_line(india, NOW, NEW_YORK) is None
    two = OUTLOOK.replace("(UTC-05:00) Eastern Time", "(UTC-08:00) Eastern Time")
    assert invite_as_line(two, NOW, NEW_YORK) is None


def test_text_that_is_no_invite_or_lacks_a_field_is_left_alone() -> None:
    assert invite_as_line("When: tomorrow\nwhere are you?", NOW, NEW_YORK) is None
    no_people = OUTLOOK.replace("Required Attendees: Hannah Brooks; Luis Ortega", "")
    assert invite_as_line(no_people, NOW, NEW_YORK) is None


GOOGLE_COMPACT = """add this pls:
Interview: Litigation Paralegal
Morrison & Finch LLP
Wed Nov 25, 2026 · 1:00 – 2:00pm EST
Guests: Carol Dean, Nick Abara"""


def test_a_title_line_with_the_company_below_and_guests_on_one_line() -> None:
    # The range's end gives the start its half of the day: "1:00 – 2:00pm" starts at 1 pm;
    # "EST" right after it is the person's own zone here, and three hours ahead of Pacific.
    assert invite_as_line(GOOGLE_COMPACT, NOW, NEW_YORK) == (
        "add: Morrison & Finch LLP, Litigation Paralegal, Wed Nov 25 2026 1:00pm "
        "with Carol Dean and Nick Abara")
    assert invite_as_line(GOOGLE_COMPACT, NOW, ZoneInfo("America/Los_Angeles")) == (
        "add: Morrison & Finch LLP, Litigation Paralegal, Wed Nov 25 2026 1:00pm UTC-5 "
        "with Carol Dean and Nick Abara")
    morning = GOOGLE_COMPACT.replace("1:00 – 2:00pm", "11:30 – 12:30pm")
    assert "Wed Nov 25 2026 11:30am " in str(invite_as_line(morning, NOW, NEW_YORK))


def test_what_the_person_says_after_an_invite_is_not_dropped() -> None:
    # "^ that was mine, … Tom Lyle did it": their own words after the fields are read by
    # the readers of words, never lost under the invite's.
    told = GOOGLE_COMPACT + "\n^ that was mine, Carol and Tom Lyle did it"
    assert invite_as_line(told, NOW, NEW_YORK) is None
    assert invite_as_line(GOOGLE + "\n", NOW, NEW_YORK) is not None  # "me" is a guest
