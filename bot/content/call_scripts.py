"""What to say on the phone: a short call script and a voicemail that leaves the number twice.

Thank-you notes live in bot/content/notes.py; both follow docs/COACHING.md.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.messages import Draft
from bot.model import Interview, Interviewer

FIT_PLACEHOLDER = "[one sentence on why you fit, e.g. the project you talked about]"
NAME_PLACEHOLDER = "[your name]"
PHONE_PLACEHOLDER = "[your phone number]"


def _day(moment: datetime, tz: ZoneInfo) -> str:
    here = moment.astimezone(tz)
    return f"{here:%A} {here.day} {here:%B}"


def call_contact(interview: Interview) -> Interviewer | None:
    """Whom to call: the first interviewer whose number is known, else the first one."""
    for person in interview.interviewers:
        if person.phone:
            return person
    return interview.interviewers[0] if interview.interviewers else None


def call_script(interview: Interview, tz: ZoneInfo, sender_name: str | None = None) -> Draft:
    found = call_contact(interview)
    contact = found.name if found else "the recruiter"
    body = (
        f"Hello, this is {sender_name or NAME_PLACEHOLDER}. I interviewed with {contact} "
        f"on {_day(interview.starts_at, tz)} for the {interview.role} position. "
        "I'm still very interested, and I wanted to ask where things stand "
        "and when you expect to decide."
    )
    return Draft(title="Call script", body=body)


def voicemail_script(
    interview: Interview, tz: ZoneInfo, phone: str | None, sender_name: str | None = None
) -> Draft:
    number = phone or PHONE_PLACEHOLDER
    body = (
        f"Hi, it's {sender_name or NAME_PLACEHOLDER} calling about the {interview.role} "
        f"position I interviewed for on {_day(interview.starts_at, tz)}. I'm still keen "
        f"and would love an update. My number is {number}. Again, that's {number}. "
        "Thank you."
    )
    return Draft(title="Voicemail (say the number slowly)", body=body)
