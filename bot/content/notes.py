"""Thank-you notes in the tone and medium the person picked, and replies to outcomes.

Same rules as bot/content/call_scripts.py (docs/COACHING.md): a thank-you thanks, says
you want the job, gives one reason you fit, asks for the job and to hear either way.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo

from nameparser import HumanName

from bot.content.call_scripts import FIT_PLACEHOLDER, NAME_PLACEHOLDER
from bot.messages import Draft
from bot.model import Interview, Interviewer, Tone

#: bot.model.Tone members (a StrEnum) are accepted as they are.
ToneName = Tone | Literal["formal", "warm"]
Medium = Literal["email", "card"]

#: A card is read in seconds and written by hand: keep it short.
CARD_WORD_LIMIT = 60
CARD_FIT_PLACEHOLDER = "[one reason you fit]"

SIGN_OFFS: dict[str, str] = {"formal": "Yours sincerely,", "warm": "Best wishes,"}


def greeting(person: Interviewer, tone: ToneName) -> str:
    """'Dear Dr. Garcia' or 'Dear Jane Smith' when formal; 'Hi Jane' when warm."""
    title, first, last = name_parts(person.name)
    if tone == "warm":
        return f"Hi {first or person.name}"
    if title and last:
        return f"Dear {title} {last}"
    if first and last:
        return f"Dear {first} {last}"
    return f"Dear {person.name}"


@lru_cache(maxsize=4096)
def name_parts(name: str) -> tuple[str, str, str]:
    """(title, first, last) of a name; parsed once per name, since every reminder asks."""
    parsed = HumanName(name)
    return parsed.title, parsed.first, parsed.last


def mailto_link(address: str, subject: str, body: str) -> str:
    """A mailto: URL with subject and body percent-encoded, so any mail app opens it."""
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def thank_you_variant(
    interview: Interview,
    person: Interviewer,
    tz: ZoneInfo,
    *,
    tone: ToneName,
    medium: Medium,
    sender_name: str | None,
) -> Draft:
    """A thank-you to one interviewer in the tone and medium the person picked.

    The email carries a mailto: link when the interviewer's address is known; the
    card is a handwritten text of at most CARD_WORD_LIMIT words, so the interviewer's
    note is dropped from it when keeping it would run over.
    """
    if medium == "card":
        body = _card(interview, person, tone, sender_name, with_topic=True)
        if _word_count(body) > CARD_WORD_LIMIT:
            body = _card(interview, person, tone, sender_name, with_topic=False)
        return Draft(title=f"Handwritten card for {person.name} ({tone})", body=body)

    body = _email(interview, person, tz, tone, sender_name)
    subject = (
        f"Thank you – {interview.role} interview"
        if tone == "formal"
        else f"Thanks for your time – {interview.role} at {interview.company}"
    )
    mailto = mailto_link(person.email, subject, body) if person.email else None
    return Draft(title=f"Thank-you email to {person.name} ({tone})", body=body, mailto=mailto)


def rejection_reply(interview: Interview, tz: ZoneInfo, sender_name: str | None = None) -> Draft:
    """A gracious answer to a no: thanks, a request for feedback, and a door left open.

    Addressed to the first interviewer, who is most often the one who wrote.
    """
    person = interview.interviewers[0] if interview.interviewers else None
    opening = greeting(person, "formal") if person else "Dear hiring team"
    body = "\n".join(
        [
            f"{opening},",
            "",
            f"Thank you for letting me know your decision about the {interview.role} "
            f"position. I'm naturally disappointed, but I'm grateful for the time the team "
            f"gave me on {_day(interview.starts_at, tz)}, and I enjoyed learning how "
            f"{interview.company} works.",
            "",
            "If you can spare a few minutes, I would value any feedback on where I could "
            "have made a stronger case. It would help me a great deal with the next "
            "application.",
            "",
            f"I'm still very interested in {interview.company}, so please keep me in mind "
            "for future openings that suit my experience. I hope our paths cross again.",
            "",
            "Kind regards,",
            sender_name or NAME_PLACEHOLDER,
        ]
    )
    mailto = None
    if person and person.email:
        mailto = mailto_link(person.email, f"Re: {interview.role} position", body)
    return Draft(title="Reply to the decision", body=body, mailto=mailto)


def offer_checklist() -> str:
    """What to do between hearing 'we'd like to offer you the job' and saying yes."""
    return "\n".join(
        [
            "Congratulations! Before you say yes:",
            "• Thank them warmly and ask by when they need your answer.",
            "• Ask for the offer in writing: pay, title, start date, hours, place of work, "
            "benefits and notice period.",
            "• Check it against what you discussed. If something is short, ask once, "
            "politely, with a figure in mind and a reason for it.",
            "• Waiting on other employers? Tell them you hold an offer and the date you "
            "must decide by; it often speeds them up.",
            "• Accept in writing and restate the terms you agreed, so nothing is left to memory.",
            "• Then tell the other employers you are withdrawing, and thank everyone "
            "who helped you along the way.",
            "• Jot down what worked in this search: it will help next time.",
        ]
    )


def why_not_text_or_social(channel_word: str) -> str:
    """Why a thank-you should not go by text or social media, and what to send instead."""
    # The word as found: "via text", "by text", "linkedin", "text message"...
    how = channel_word if channel_word.startswith(("via ", "by ")) else f"by {channel_word}"
    return (
        f"Better not send it {how}. In a poll cited by one careers guide, "
        "90% of those asked said a thank-you by text or over social media was "
        "inappropriate. To an interviewer it reads as a message between friends rather "
        "than part of a hiring process, and it can make a strong candidate look unsure "
        "of workplace manners. Email gets there just as quickly and never raises an "
        "eyebrow, so send a short one today. Hold any connection requests until they "
        "have made their decision."
    )


# --- the texts ------------------------------------------------------------------


def _email(
    interview: Interview, person: Interviewer, tz: ZoneInfo, tone: ToneName, sender_name: str | None
) -> str:
    when = _day(interview.starts_at, tz)
    topic = _topic(person)
    role, company = interview.role, interview.company
    if tone == "formal":
        thanks = (
            f"Thank you for taking the time to meet me on {when} to discuss the {role} "
            f"position at {company}."
        )
        if topic:
            thanks += f" I particularly valued our conversation about {topic}."
        want = f"I am keen to join your team and hope you will offer me the role. {FIT_PLACEHOLDER}"
        either_way = "Whatever you decide, I would be grateful if you could let me know either way."
    else:
        thanks = (
            f"Thanks so much for your time on {when}. I really enjoyed hearing about the "
            f"{role} role at {company}"
        )
        thanks += f", especially our conversation about {topic}." if topic else "."
        want = (
            "I came away even more excited about the job, and I'd be thrilled if you "
            f"offered me the role. {FIT_PLACEHOLDER}"
        )
        either_way = "Could you let me know how things go, either way? I'd love to hear from you."
    return "\n".join(
        [
            f"{greeting(person, tone)},",
            "",
            thanks,
            "",
            want,
            "",
            either_way,
            "",
            SIGN_OFFS[tone],
            sender_name or NAME_PLACEHOLDER,
        ]
    )


def _card(
    interview: Interview,
    person: Interviewer,
    tone: ToneName,
    sender_name: str | None,
    *,
    with_topic: bool,
) -> str:
    topic = _topic(person) if with_topic else None
    role, company = interview.role, interview.company
    if tone == "formal":
        text = f"Thank you for meeting me about the {role} position"
        text += f" and for our conversation about {topic}." if topic else "."
        text += (
            f" I would be glad to join {company} and hope you will offer me the role: "
            f"{CARD_FIT_PLACEHOLDER}. Please let me know either way."
        )
    else:
        text = "Thank you for your time"
        text += f" and for the chat about {topic}." if topic else " the other day."
        text += (
            f" I'd love to join {company} as your next {role}, and I hope you'll offer me "
            f"the job: {CARD_FIT_PLACEHOLDER}. Either way, do let me know how it goes."
        )
    return "\n".join(
        [f"{greeting(person, tone)},", text, SIGN_OFFS[tone], sender_name or NAME_PLACEHOLDER]
    )


def _topic(person: Interviewer) -> str | None:
    if not person.note:
        return None
    return person.note.strip().rstrip(".!") or None


def _day(moment: datetime, tz: ZoneInfo) -> str:
    here = moment.astimezone(tz)
    return f"{here:%A} {here.day} {here:%B}"


def _word_count(text: str) -> int:
    return len(text.split())
