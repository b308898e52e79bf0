"""Thank-you notes in the tone and medium the person picked, and replies to outcomes.

Same rules as bot/content/call_scripts.py (docs/COACHING.md): a thank-you thanks, says
you want the job, gives one reason you fit, asks for the job and to hear either way.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo

from nameparser import HumanName

from bot.content.call_scripts import FIT_PLACEHOLDER, NAME_PLACEHOLDER
from bot.messages import Draft
from bot.model import UNNAMED_INTERVIEWER, Culture, Interview, Interviewer, Tone

#: bot.model.Tone members (a StrEnum) are accepted as they are.
ToneName = Tone | Literal["formal", "warm"]
Medium = Literal["email", "card"]

#: A card is read in seconds and written by hand: keep it short.
CARD_WORD_LIMIT = 60
CARD_FIT_PLACEHOLDER = "[one reason you fit]"

SIGN_OFFS: dict[str, str] = {"formal": "Yours sincerely,", "warm": "Best wishes,"}


def greeting(person: Interviewer, tone: ToneName, *, traditional: bool = False) -> str:
    """How the user would open: "Hi Jane" when warm, "Dear Dr. Garcia" when a title is
    known, "Dear Jane Smith" at a traditional employer, else "Dear Jane".

    The title comes only from the name as given ("Dr.", "Prof."): a gender is never
    guessed, so a traditional employer without one gets the full name, not "Ms Smith".
    """
    if person.name == UNNAMED_INTERVIEWER:
        return "Dear hiring team"
    return f"{'Hi' if tone == 'warm' and not traditional else 'Dear'} " \
        f"{address(person, tone, traditional=traditional)}"


def address(person: Interviewer, tone: ToneName, *, traditional: bool = False) -> str:
    """The name the note uses for `person` (see `greeting`)."""
    if person.name == UNNAMED_INTERVIEWER:
        return "the hiring team"
    if person.salutation:
        return person.salutation  # what the user told us to call them
    title, first, last = name_parts(person.name)
    if tone == "warm" and not traditional and first:
        return first
    if title and last:
        return f"{title} {last}"
    if traditional or not first:
        return person.name
    return first


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
        # A traditional employer reads a handwritten card as a letter: formal register.
        tone = "formal" if interview.culture is Culture.TRADITIONAL else tone
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


def short_note(
    interview: Interview, person: Interviewer, tz: ZoneInfo, *, tone: ToneName,
    sender_name: str | None,
) -> Draft:
    """The nudge's note: a day late, a short one goes out today rather than a long one
    never. Thanks (with what was discussed), the ask, and either way."""
    when, topic = _day(interview.starts_at, tz), _topic_or_gap(interview, person)
    about = f" and for our conversation about {topic}" if topic else ""
    if tone == "formal":
        lines = [f"Thank you again for meeting me on {when}{about}. I would very much like "
                 f"to join {interview.company} and hope you will offer me the "
                 f"{interview.role} role; either way, I would be glad to hear your decision."]
    else:
        lines = [f"Thanks again for your time on {when}{about}. I'd love to join "
                 f"{interview.company} and I hope you'll offer me the {interview.role} "
                 "role. Either way, I'd be glad to hear how it goes."]
    traditional = interview.culture is Culture.TRADITIONAL
    body = "\n".join([f"{greeting(person, tone, traditional=traditional)},", "", *lines, "",
                      SIGN_OFFS[tone], sender_name or NAME_PLACEHOLDER])
    subject = f"Thank you – {interview.role} interview"
    mailto = mailto_link(person.email, subject, body) if person.email else None
    return Draft(title=f"Short note for {person.name}", body=body, mailto=mailto)


def rejection_reply(interview: Interview, tz: ZoneInfo, sender_name: str | None = None) -> Draft:
    """A gracious answer to a no: thanks, a request for feedback, and a door left open.

    Addressed to the first interviewer, who is most often the one who wrote.
    """
    person = interview.interviewers[0] if interview.interviewers else None
    traditional = interview.culture is Culture.TRADITIONAL
    opening = greeting(person, "formal", traditional=traditional) if person \
        else "Dear hiring team"
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
    how = channel_phrase(channel_word)
    return (
        f"Better not send it {how}. In a poll cited by one careers guide, "
        "90% of those asked said a thank-you by text or over social media was "
        "inappropriate. To an interviewer it reads as a message between friends rather "
        "than part of a hiring process, and it can make a strong candidate look unsure "
        "of workplace manners. Email gets there just as quickly and never raises an "
        "eyebrow, so send a short one today. Hold any connection requests until they "
        "have made their decision."
    )


def channel_phrase(said: str) -> str:
    """'by text message', 'on LinkedIn': the channel as a phrase, whatever words were
    found ("texted her", "via SMS", "dm'd him on linkedin")."""
    word = said.lower()
    for name in ("linkedin", "instagram", "facebook", "twitter", "whatsapp", "slack"):
        if name in word:
            return f"on {SOCIAL_NAMES.get(name, name.capitalize())}"
    if re.search(r"\b(dm|direct message)", word):
        return "by direct message"
    return "by text message"


SOCIAL_NAMES = {"linkedin": "LinkedIn", "whatsapp": "WhatsApp"}


# --- the texts ------------------------------------------------------------------


#: Per seat on a panel (the interviewer's place in the list, round and round): the
#: opening, the "talked about" line, the ask and the close, so that two colleagues who
#: compare their notes read two letters, not one form.
FORMAL_THANKS = (
    "Thank you for taking the time to meet me on {when} to discuss the {role} position "
    "at {company}.",
    "I enjoyed our conversation on {when} about the {role} position at {company}, and I "
    "am grateful for the time you gave me.",
    "Thank you for your part in my interview for the {role} position at {company} on "
    "{when}.",
)
FORMAL_TOPIC = (
    " I particularly valued our conversation about {topic}.",
    " What you told me about {topic} has stayed with me since.",
    " Hearing your view on {topic} was a highlight of the day.",
)
FORMAL_WANT = (
    "I am keen to join your team and hope you will offer me the role. {fit}",
    "The interview confirmed how much I would like to work at {company}, and I hope you "
    "will offer me the role. {fit}",
    "I would welcome the chance to contribute to your team and hope you will offer me "
    "the role. {fit}",
)
FORMAL_CLOSE = (
    "Whatever you decide, I would be grateful if you could let me know either way.",
    "I would be grateful to hear your decision either way.",
    "Either way, I would appreciate hearing how the decision goes.",
)
WARM_THANKS = (
    "Thanks so much for your time on {when}. I really enjoyed hearing about the {role} "
    "role at {company}",
    "It was great to meet you on {when} and to learn more about the {role} role at "
    "{company}",
    "Thank you for making time for me on {when}; I came away with a much clearer "
    "picture of the {role} role at {company}",
)
WARM_TOPIC = (
    ", especially our conversation about {topic}.",
    ", and I keep coming back to what you said about {topic}.",
    ", not least from our chat about {topic}.",
)
WARM_WANT = (
    "I came away even more excited about the job, and I'd be thrilled if you offered "
    "me the role. {fit}",
    "I'd love to join the team, and I hope you'll offer me the job. {fit}",
    "I'm keen on the work, and I'd be delighted if you offered me the role. {fit}",
)
WARM_CLOSE = (
    "Could you let me know how things go, either way? I'd love to hear from you.",
    "Either way, I'd be grateful to hear how things go.",
    "Whatever you decide, do let me know either way.",
)
FORMAL_CARD_OPENINGS = (
    "Thank you for meeting me about the {role} position",
    "Thank you for your time and your questions at my {role} interview",
    "It was a pleasure to meet you about the {role} position",
)
WARM_CARD_OPENINGS = ("Thank you for your time the other day", "It was lovely to meet you",
                      "Thanks for a great conversation")


def seat(interview: Interview, person: Interviewer) -> int:
    """`person`'s place on the panel (0 for the first or only interviewer)."""
    for position, other in enumerate(interview.interviewers):
        if other == person or (person.id is not None and other.id == person.id):
            return position
    return 0


def _email(
    interview: Interview, person: Interviewer, tz: ZoneInfo, tone: ToneName, sender_name: str | None
) -> str:
    fill = {"when": _day(interview.starts_at, tz), "role": interview.role,
            "company": interview.company, "fit": FIT_PLACEHOLDER}
    turn = seat(interview, person) % len(FORMAL_THANKS)
    topic = _topic_or_gap(interview, person)
    traditional = interview.culture is Culture.TRADITIONAL
    if tone == "formal":
        thanks = FORMAL_THANKS[turn].format(**fill)
        if topic:
            thanks += FORMAL_TOPIC[turn].format(topic=topic)
        want, either_way = FORMAL_WANT[turn], FORMAL_CLOSE[turn]
    else:
        thanks = WARM_THANKS[turn].format(**fill)
        thanks += WARM_TOPIC[turn].format(topic=topic) if topic else "."
        want, either_way = WARM_WANT[turn], WARM_CLOSE[turn]
    return "\n".join(
        [
            f"{greeting(person, tone, traditional=traditional)},",
            "",
            thanks,
            "",
            want.format(**fill),
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
    topic = _topic_or_gap(interview, person) if with_topic else None
    role, company = interview.role, interview.company
    turn = seat(interview, person) % len(FORMAL_CARD_OPENINGS)
    if tone == "formal":
        text = FORMAL_CARD_OPENINGS[turn].format(role=role)
        text += f" and for our conversation about {topic}." if topic else "."
        text += (
            f" I would be glad to join {company} and hope you will offer me the role: "
            f"{CARD_FIT_PLACEHOLDER}. Please let me know either way."
        )
    else:
        text = WARM_CARD_OPENINGS[turn]
        text += f" and for the chat about {topic}." if topic else "."
        text += (
            f" I'd love to join {company} as your next {role}, and I hope you'll offer me "
            f"the job: {CARD_FIT_PLACEHOLDER}. Either way, do let me know how it goes."
        )
    traditional = interview.culture is Culture.TRADITIONAL
    return "\n".join([f"{greeting(person, tone, traditional=traditional)},", text,
                      SIGN_OFFS[tone], sender_name or NAME_PLACEHOLDER])


def _topic_or_gap(interview: Interview, person: Interviewer) -> str | None:
    """What the user talked about with `person`; on a panel, without one, a marked gap
    for it, so that no two notes of the panel read alike."""
    topic = _topic(person)
    if topic or len(interview.interviewers) < 2:
        return topic
    first = name_parts(person.name)[1] or person.name
    return f"[something you and {first} discussed]"


def _topic(person: Interviewer) -> str | None:
    if not person.note:
        return None
    return person.note.strip().rstrip(".!") or None


def _day(moment: datetime, tz: ZoneInfo) -> str:
    return _day_name(moment.astimezone(tz).date())


@lru_cache(maxsize=1024)
def _day_name(day: date) -> str:
    """'Monday 23 November', formatted once per day: every thank-you names one."""
    return f"{day:%A} {day.day} {day:%B}"


def _word_count(text: str) -> int:
    return len(text.split())
