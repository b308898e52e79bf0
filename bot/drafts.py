"""Texts the user can send as they are: thank-you notes, call and voicemail scripts.

Each follows DOMAIN.md: a note thanks, says you want the job, gives one reason you
fit, asks for the job and asks to hear either way; a call is short; a voicemail
leaves the number slowly, twice.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from nameparser import HumanName

from bot.messages import Draft
from bot.model import Interview, Interviewer

FIT_PLACEHOLDER = "[one sentence on why you fit, e.g. the project you talked about]"
NAME_PLACEHOLDER = "[your name]"
PHONE_PLACEHOLDER = "[your phone number]"


def salutation(person: Interviewer) -> str:
    """'Dear Dr. Garcia' when a title is known, else 'Dear Jane': polite and personal."""
    name = HumanName(person.name)
    if name.title and name.last:
        return f"Dear {name.title} {name.last}"
    return f"Dear {name.first or person.name}"


def _day(moment: datetime, tz: ZoneInfo) -> str:
    here = moment.astimezone(tz)
    return f"{here:%A} {here.day} {here:%B}"


def thank_you_note(
    interview: Interview, person: Interviewer, tz: ZoneInfo, sender_name: str | None = None
) -> Draft:
    when = _day(interview.starts_at, tz)
    topic = f" about {person.note}" if person.note else ""
    fit = f"Our conversation{topic} made me sure that {FIT_PLACEHOLDER}." if topic else \
        f"{FIT_PLACEHOLDER.capitalize()}."
    body = "\n".join(
        [
            f"{salutation(person)},",
            "",
            f"Thank you for meeting me on {when} to talk about the {interview.role} "
            f"position at {interview.company}. I appreciated the time you gave me{topic}.",
            "",
            f"I left even keener on the role and would very much like to join your team. "
            f"{fit}",
            "",
            "I would welcome the chance to take this further. Whatever you decide, "
            "could you let me know either way?",
            "",
            "Kind regards,",
            sender_name or NAME_PLACEHOLDER,
        ]
    )
    subject = f"Thank you – {interview.role} interview"
    mailto = None
    if person.email:
        mailto = f"mailto:{person.email}?subject={quote(subject)}&body={quote(body)}"
    return Draft(title=f"Thank-you note to {person.name}", body=body, mailto=mailto)


def handwritten_note(interview: Interview, person: Interviewer) -> Draft:
    body = "\n".join(
        [
            f"{salutation(person)},",
            f"Thank you for your time today and for telling me about the {interview.role} "
            f"role. I would be glad to join {interview.company}, and I hope to hear "
            "from you either way.",
            "With best wishes,",
            NAME_PLACEHOLDER,
        ]
    )
    return Draft(title=f"Card for {person.name}", body=body)


def call_script(interview: Interview, tz: ZoneInfo, sender_name: str | None = None) -> Draft:
    contact = interview.interviewers[0].name if interview.interviewers else "the recruiter"
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


def thank_you_drafts(interview: Interview, tz: ZoneInfo) -> tuple[Draft, ...]:
    return tuple(thank_you_note(interview, p, tz) for p in interview.interviewers)
