"""Adding an interview: one free-text line, then one question at a time for what's missing.

The half-filled interview lives in the repository's conversation state as plain JSON,
so a restart in the middle of the questions loses nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from bot.model import (
    UNNAMED_INTERVIEWER,
    Channel,
    Culture,
    Interviewer,
    NewInterview,
    Promise,
    PromiseKind,
)
from bot.parsing import (
    ParsedInterview,
    parse_interview,
    parse_promise,
    parse_when_detail,
    parse_zone,
    read_names,
)
from bot.parsing.cleaning import SPOKEN_COMMA, SPOKEN_STOP
from bot.parsing.command_text import GREETING, GREETING_ONLY
from bot.parsing.dates import part_of_today
from bot.parsing.english import dictionary
from bot.parsing.impossible_dates import why_not
from bot.parsing.interview_line import _ROLE_WORDS, UNSURE
from bot.parsing.people import FILLERS, keyboard_mash
from bot.parsing.understanding.lexicon import (
    EARLY_OR_LATE,
    PART_OF_DAY,
    PROMISE_CUES,
    ROLE_VOCABULARY,
    TAKEN_BACK,
    THEIR_TIME,
)
from bot.parsing.understanding.normalise import role_words, star_fixed
from bot.parsing.zones_said import in_zone, zone_named, zones_after_clocks
from bot.text import MAX_FIELD, short

MAX_INTERVIEWERS = 10


class Ask(StrEnum):
    TZ = "tz"
    COMPANY = "company"
    ROLE = "role"
    WHEN = "when"
    TIME = "time"
    PEOPLE = "people"
    PROMISE = "promise"
    CULTURE = "culture"


QUESTIONS: dict[Ask, str] = {
    Ask.TZ: "First, which time zone are you in? For example `America/New_York`, "
    "`Europe/London` or a city like `Berlin`.",
    Ask.COMPANY: "Which company is the interview with?",
    Ask.ROLE: "What's the role?",
    Ask.WHEN: "When was it, or when is it? For example `today 2pm`, `yesterday 10:30am` "
    "or `Dec 3 at 3pm`.",
    Ask.TIME: "What time did it start (or will it)? For example `2pm` or `10:30`.",
    Ask.PEOPLE: "Who interviewed you? Names as they spell them, with e-mails if you have "
    "them: `Jane Smith (jane@acme.com) and Bob Lee`.",
    Ask.PROMISE: "Did they say what happens next? For example `they'll decide by Friday`, "
    "`call me in 4 days`, or `no`.",
    Ask.CULTURE: "Is it a traditional employer (a bank, a law firm) where a handwritten "
    "card fits, or a modern one? `traditional`, `modern`, or `skip`.",
}

_WITH = re.compile(r"\s+with\s+", re.I)
SAME_WORDS = {"same", "the same", "same people", "same as before", "same again", "yes"}


def prompt(asked: Ask, draft: AddDraft) -> str:
    """The question to show for `asked`; a next round's names question offers `same`."""
    if asked is Ask.PEOPLE and draft.last_round:
        names = " and ".join(p.name for p in draft.last_round[:3]) + (
            " and the others" if len(draft.last_round) > 3 else "")
        return ("Who will you meet this time? Names as they spell them, or `same` for "
                f"{names}.")
    return QUESTIONS[asked]


#: "I didn't get their name": an answer to "who interviewed you?" that names nobody.
NO_NAME = re.compile(r"^(?:(?:no\s+idea(?:\s+yet)?|no\s+clue|idk|dunno|sorry|honestly|tbh|um+|uh+|"
                     r"hmm+)\W*)*(?:(?:i\s+)?(?:didn'?t|did\s+not|"
                     r"don'?t|do\s+not|never|can'?t|forgot\s+to)\s+(?:get|catch|know|remember|recall|ask)"
                     r"\s+(?:for\s+)?(?:their|his|her|the|any)\s+names?\b|they\s+(?:didn'?t|did\s+not)\s+"
                     r"(?:tell\s+me|say|give\s+(?:me\s+)?)\s*(?:who|their\s+names?|(?:any\s+)?names?)\b)",
                     re.I)
NO_NAME_ANSWER = "I didn't get their name"
SKIP_WORDS = {"no", "none", "nothing", "skip", "n/a", "na", "-", "nope", "not really"}


@dataclass(slots=True)
class AddDraft:
    """The interview as far as we know it; serialised between messages."""

    company: str | None = None
    role: str | None = None
    starts_at: datetime | None = None
    had_time: bool = True
    #: The day is before today: its time changes nothing in the plan, so it isn't asked.
    day_gone: bool = False
    interviewers: list[Interviewer] = field(default_factory=list)
    promise: Promise | None = None
    culture: Culture | None = None
    channel: Channel | None = None
    stage: str | None = None
    parent_id: int | None = None
    ask_optional: bool = False  # "add" alone: also ask the optional questions
    promise_done: bool = False
    culture_done: bool = False
    need_tz: bool = False
    reread: str | None = None  # the add line, to read again once the real zone is known
    #: A platform's separate add options, likewise read once the real zone is known.
    fields: dict[str, str] = field(default_factory=dict)
    employer_tz: str | None = None  # "employer in Europe/Berlin": calls in their hours
    unclear: list[str] = field(default_factory=list)
    #: What the line said too long to keep as a company or role, for this turn's reply
    #: only (not stored: the question that follows asks for it).
    too_long: list[tuple[str, str]] = field(default_factory=list)
    #: A next round's previous interviewers: offered as `same`, never assumed.
    last_round: list[Interviewer] = field(default_factory=list)
    #: Another zone named with the time ("10am Pacific"): said back with the time it is for
    #: the person, whose clock `starts_at` already keeps.
    zone_said: str | None = None
    #: The zone said left the time in doubt ("today 9am Tokyo time"), for this turn's
    #: reply only: the time is asked for as it was for the person.
    zone_doubt: str | None = None

    @classmethod
    def from_parsed(cls, parsed: ParsedInterview) -> AddDraft:
        return cls(
            company=short(parsed.company) if parsed.company else None,
            role=short(parsed.role) if parsed.role else None,
            starts_at=parsed.starts_at,
            had_time=parsed.time_given or parsed.starts_at is None,
            interviewers=list(parsed.interviewers[:MAX_INTERVIEWERS]),
            promise=parsed.promise,
            culture=parsed.culture,
            channel=parsed.channel,
            stage=parsed.stage,
            unclear=list(parsed.unclear),
            too_long=list(parsed.too_long),
            zone_said=parsed.clock_zone if parsed.clock_zone and
            zone_named(parsed.clock_zone) and not parsed.zone_doubt else None,
            zone_doubt=parsed.clock_zone if parsed.zone_doubt else None,
        )

    def next_question(self) -> Ask | None:
        if self.need_tz:
            return Ask.TZ
        if not self.company:
            return Ask.COMPANY
        if not self.role:
            return Ask.ROLE
        if self.starts_at is None:
            return Ask.WHEN
        if not self.had_time and not self.day_gone:
            return Ask.TIME
        if not self.interviewers:
            return Ask.PEOPLE
        if self.ask_optional and self.promise is None and not self.promise_done:
            return Ask.PROMISE
        if (self.ask_optional and self.culture is None and self.channel is None
                and not self.culture_done):
            return Ask.CULTURE
        return None

    def to_new(self) -> NewInterview:
        assert self.company and self.role and self.starts_at and self.interviewers
        return NewInterview(
            company=self.company,
            role=self.role,
            starts_at=self.starts_at,
            interviewers=tuple(self.interviewers),
            promise=self.promise,
            culture=self.culture,
            channel=self.channel,
            stage=self.stage,
            parent_id=self.parent_id,
            employer_tz=self.employer_tz,
        )

    # --- JSON round trip ----------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "role": self.role,
            "starts_at": self.starts_at.isoformat() if self.starts_at else None,
            "had_time": self.had_time,
            "day_gone": self.day_gone,
            "interviewers": [
                {"name": p.name, "email": p.email, "title": p.title} for p in self.interviewers
            ],
            "promise": (
                {"kind": self.promise.kind.value, "on": self.promise.on.isoformat(),
                 "text": self.promise.text}
                if self.promise else None
            ),
            "culture": self.culture.value if self.culture else None,
            "channel": self.channel.value if self.channel else None,
            "stage": self.stage,
            "parent_id": self.parent_id,
            "ask_optional": self.ask_optional,
            "promise_done": self.promise_done,
            "culture_done": self.culture_done,
            "need_tz": self.need_tz,
            "reread": self.reread,
            "fields": self.fields,
            "employer_tz": self.employer_tz,
            "unclear": self.unclear,
            "zone_said": self.zone_said,
            "last_round": [
                {"name": p.name, "email": p.email, "title": p.title} for p in self.last_round
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AddDraft:
        promise = data.get("promise")
        return cls(
            company=data.get("company"),
            role=data.get("role"),
            starts_at=datetime.fromisoformat(data["starts_at"]) if data.get("starts_at") else None,
            had_time=bool(data.get("had_time", True)),
            day_gone=bool(data.get("day_gone", False)),
            interviewers=[
                Interviewer(name=p["name"], email=p.get("email"), title=p.get("title"))
                for p in data.get("interviewers", [])
            ],
            promise=(
                Promise(PromiseKind(promise["kind"]), date.fromisoformat(promise["on"]),
                        promise.get("text", ""))
                if promise else None
            ),
            culture=Culture(data["culture"]) if data.get("culture") else None,
            channel=Channel(data["channel"]) if data.get("channel") else None,
            stage=data.get("stage"),
            parent_id=data.get("parent_id"),
            ask_optional=bool(data.get("ask_optional")),
            promise_done=bool(data.get("promise_done")),
            culture_done=bool(data.get("culture_done")),
            need_tz=bool(data.get("need_tz")),
            reread=data.get("reread"),
            fields={str(k): str(v) for k, v in (data.get("fields") or {}).items()},
            employer_tz=data.get("employer_tz"),
            unclear=list(data.get("unclear", [])),
            zone_said=data.get("zone_said"),
            last_round=[
                Interviewer(name=p["name"], email=p.get("email"), title=p.get("title"))
                for p in data.get("last_round", [])
            ],
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """The result of one answer: the updated draft, or a reason to ask again."""

    draft: AddDraft
    problem: str | None = None
    new_tz: str | None = None


_EMPLOYER_ZONE = re.compile(
    r"[,;]?\s*(\()?\s*\b(?:employer|company|office|they(?:'re| are)?)\s+(?:is\s+|are\s+)?"
    r"(?:based\s+)?in\s+([A-Za-z_/ .'-]{2,40}?)\s*(?(1)\)|(?=[,;]|$))",
    re.IGNORECASE)


#: "Acme in London, analyst, …" or "Acme (Berlin), …": the company's own place.
_COMPANY_PLACE = re.compile(
    r"^(?P<company>[^,;()]+?)\s+(?:in\s+(?P<place>[A-Za-z_/ .'-]{2,40}?)|\((?P<inner>"
    r"[A-Za-z_/ .'-]{2,40})\))\s*(?=[,;]|$)", re.IGNORECASE)


def employer_zone(text: str) -> tuple[str, str | None]:
    """Take 'employer in Europe/Berlin' (or 'Acme in London' at the start) out of an add
    line; return the rest and the zone. A place that is no zone stays where it was."""
    place = _COMPANY_PLACE.match(text)
    if place is not None:
        zone = parse_zone(place.group("place") or place.group("inner"))
        if zone is not None:
            return place.group("company").strip() + text[place.end():], zone
    match = _EMPLOYER_ZONE.search(text)
    if not match:
        return text, None
    zone = parse_zone(match.group(2))
    if zone is None:
        return text, None
    return (text[: match.start()] + text[match.end():]).strip(" ,;"), zone


def too_long_problem(draft: AddDraft) -> str | None:
    """Say which part of the line was too long to keep, before asking for it again."""
    if not draft.too_long:
        return None
    return " ".join(f"“{text}” is too long for a {what} name, so I left it out."
                    for what, text in draft.too_long)


def _before_today(moment: datetime | None, now: datetime, tz: ZoneInfo) -> bool:
    return moment is not None and moment.astimezone(tz).date() < now.astimezone(tz).date()


def start(text: str, now: datetime, tz: ZoneInfo, *, need_tz: bool) -> AddDraft:
    if not text:
        return AddDraft(ask_optional=True, need_tz=need_tz)
    rest, employer = employer_zone(text)
    draft = AddDraft.from_parsed(parse_interview(rest, now, tz))
    draft.day_gone = _before_today(draft.starts_at, now, tz)
    named = zone_named(draft.zone_said) if draft.zone_said else None
    if named == tz.key:
        draft.zone_said = None  # "11:00 AM Eastern Time", said in New York: nothing to say
    elif employer and draft.zone_doubt and THEIR_TIME.fullmatch(draft.zone_doubt) and \
            draft.starts_at is not None and draft.had_time:
        # "add Acme in London, …, tomorrow 2pm their time": London's 2pm
        draft.starts_at, draft.zone_doubt = in_zone(draft.starts_at, employer, tz), None
        draft.zone_said = f"{employer.rsplit('/', 1)[-1].replace('_', ' ')} time"
    # "10am Pacific": their office is there, so calls keep to its hours as well
    draft.employer_tz = employer or (named if named and named != tz.key else None)
    draft.need_tz = need_tz
    if need_tz:
        # The line was read in a guessed zone; read it again once we know the real one.
        draft.reread = text
    return draft


#: Answers to "what's the role?" that are no role: not knowing, a question back, a guess.
_NOT_A_ROLE = re.compile(
    r"^(?:idk|dunno|no idea|not sure|unsure|can'?t remember|don'?t know|they didn'?t say|"
    r"a job|same|same as before|ok|okay|lol|hmm+|no|yes|erm+|um+|uh+|brb|afk|gtg|g2g|ttyl|"
    r"k|sec|1\s+sec|one\s+moment|back\s+in\s+a\s+(?:sec|min\w*|bit))\b|\?|\bor maybe\b|"
    r"\bbrb\b|"  # "Moment, mein Hund bellt, brb": away a moment, no title
    # "offer!!": news typed where the title was asked, no title
    r"^\W*(?:an?\s+)?(?:offer(?:ed)?|rejected|hired|got\s+(?:it|the\s+job))\W*$|"
    # "ugh mondays 😩": a sigh, no title
    r"^\W*(?:ugh+|urgh+|argh+|meh|sigh|omg|oof)\b(?:\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days?)?"
    r"\W*$|"
    # A second piece of news after the title ("designer. also sent jane her note"): asked.
    r"[.;!]\s*(?:also|and|plus|btw|oh|oh\s+and)\b|"
    r"\bnot sure\b|\bcan'?t remember\b|"
    # "Dana's email is dana.wu@initech.io": an address, no title
    r"[\w.+-]+@[\w-]+\.[\w.]+|"
    r"^(?:(?:oh|ah|um+)\W*)?(?:wait|actually|oops|btw|hold\s+on)\b|"
    r"\bbefore\s+that\b|\beither\b.+\bor\b|"
    r"\bsomething\b|\bvague\b|\b(?:one|a)\s+sec\b|\bhang\s+on\b|\bhold\s+on\b|"
    r"\bcheck(?:ing)?\b|^(?:why|what|how|do|does|can|should|are)\b|"
    # feelings and second thoughts: "I'm scared they'll say no so maybe don't bother"
    r"^i'?m\b|\bdon'?t\s+bother\b|\bmaybe\b|\bscared\b|"
    # the duties, not the title: "I'd basically be running their social media"
    r"^(?:i'?d|i\s+would|i'?ll|i\s+will)\b|\bbasically\b|"
    # the interview gone, or another company's: "Globex just cancelled on me", "merged"
    r"\bcancel+ed\b|\bcalled\s+(?:it\s+)?off\b|\bmerged\b|\bacquired\b|\bsame\s+company\b|"
    r"\bbefore\s+i\s+answer\b|\bwrong\s+(?:company|name|one|interview)\b|\bi\s+meant\b|"
    # two titles told: "the posting said Designer, Growth but the recruiter calls it …"
    r"\b(?:posting|ad|advert|listing)\s+said\b.*\bcall(?:s|ed|ing)?\s+it\b|"
    # news after the title: "designer, but they moved the interview to wednesday"
    r",?\s+but\s+(?:they|she|he|it|i|the\s+interview)\b|"
    # "is it ok to…" asks; "Is product designer lah" answers, in Singapore English
    r"^is\s+(?:it|this|that|there|the|my|a|an|he|she|they)\b|"
    # a step asked for, not a job: "remove the one from today"
    r"^(?:remove|delete|cancel|stop|called|rang|sent|snooze|remind|heard|list|show)\b|"
    # news of another step: "Acme thank you is sent btw"
    r"\bthank[\s-]?you\b|\b(?:is|was|got)\s+sent\b|"
    # who, not what: "oh wait, it was with Hope from HR"
    r"\b(?:it\s+was|i\s+(?:met|spoke|talked))\s+(?:with|to)\b|\bfrom\s+(?:hr|human\s+resources)\b|"
    # not known yet: "the one on the ad, i forget the exact title"
    r"\bforg[eo]t\b|\b(?:don'?t|can'?t|do\s+not|cannot)\s+remember\b|\bexact\s+title\b|"
    r"\bthe\s+one\s+(?:on|in|from)\s+the\b|"
    # put off, not answered: "skip", "the usual", "ugh so many questions, just save it"
    r"^(?:skip|pass|n/?a|none|nothing|the\s+usual|usual|whatever|later|tbd|tbc)\b|"
    r"\bjust\s+save\b|\bsave\s+it\b|\bso\s+many\s+questions\b|"
    # the whole interview told instead: "Globex, with Sam Lee, tomorrow at 11"
    r",\s*with\s+[A-Z]|\b(?:today|tomorrow|tonight|yesterday)\b|\bat\s+\d{1,2}\b|"
    r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b",
    re.I)


#: Words around a job title in a chatty answer: "it's for a … position", "… again lol";
#: a word of another language that opens it: "Che, es para barista trainer", "bon, c'est …".
_ROLE_LEAD = re.compile(r"^(?:(?:oh|ah|so|well|yeah|yes|ok|okay|um+|erm+|och|aye|eh|hmm+|"
                        r"che|oye|bueno|pues|mira|bon|alors|kak|mbak|mas|bang)\b[\s,!.]*)?"
                        # "kak posisinya staf admin gudang ya": Indonesian, the post is
                        r"(?:(?:it'?s|it\s+is|it\s+was|is|es|era|c'est|posisi(?:nya)?|jabatan(?:nya)?|"
                        r"(?:the\s+)?(?:role|job|position|"
                        r"title)\s+(?:is|was)(?:\s+called)?|"
                        # "I apply on vacancy Sales manager"
                        # "they're hiring a packaging engineer"
                        r"they'?re\s+hiring|they\s+are\s+hiring|"
                        r"i\s+appl(?:y|ied)(?:\s+(?:on|to|for))?(?:\s+(?:the\s+)?(?:vacancy|"
                        r"position|job|role|post)(?:\s+(?:of|for|as))?)?|"
                        r"i\s+applied)\s+)?(?:just\s+)?(?:(?:for|fro|as|para|pour)\s+)?"
                        r"(?:like\s+)?(?:(?:a|an|the|their|its)\s+)?"
                        r"(?:(?:position|role|job|post)\s+(?:of|as)\s+(?:an?\s+)?)?", re.I)
#: A start taken back: "es para el puesto de... sorry, for the position of X" is X.
_RESTARTED = re.compile(r"^(?:.*?(?:\.\.\.|…|[,;.!—–-])\s*)?(?:(?:sorry|oops|i\s+meant?|"
                        r"scratch\s+that)\b[\s,:-]*)+(?=\w)", re.I)
#: The title as the employer has it, after a description: "…, they call it X".
_CALLED = re.compile(r"\b(?:they|officially\s+they|the\s+posting|the\s+ad)\s+(?:call|calls|"
                     r"called|titled?)\s+it\s+(?:an?\s+)?(?P<title>[^,.;!?]+?)\s*[.!]?$|"
                     r"\b(?:official|actual)\s+title\s+is\s+(?:an?\s+)?(?P<title2>[^,.;!?]+)|"
                     # "my actual job is barista, this one is shift manager": the new one
                     r"\bthis\s+(?:one|job|role|position)\s+(?:is|was)\s+(?:for\s+)?(?:an?\s+)?"
                     r"(?P<title4>[^,.;!?]+?)\s*[.!]?$|"
                     r"\b(?:the\s+)?(?:job\s+)?(?:ad|advert|posting|listing)\s+said\s+"
                     r"(?:an?\s+)?(?P<title3>[^,.;!?]+?)\s*(?:[,.;!?]\s*(?:put|use|go\s+with)\s+"
                     r"(?:that|it|the\s+ad'?s?)\b.*)?[.!]?$",
                     re.I)
_ROLE_TAIL = re.compile(r"(?:[\s,]+(?:position|role|job|gig|post|opening|vacancy|again|lol|"
                        r"in\s+english|"  # "analityk danych, sorry, data analyst in english"
                        r"haha|lmao|tbh|i\s+think|sorry|po|please|pls|lah|lor|leh|only|eh|"
                        r"innit|mate|yeah|yaar|bro|ya|nih|kak|spot|na\s+ka|ka|krub|khrap|kha|too|"
                        # "It is Procurement Officer sir", "warehouse supervisor like, pet"
                        r"as\s+well|sir|ma'?am|madam|like(?=\s*,))|"
                        # "…, sorry my english", "…, I'd be working nights"
                        r",\s*i'?d\s+be\b.*|,\s*interviewed\s+by\b.*|"
                        # "data analyst same as the Acme one", "the supply chain analyst one"
                        r"[\s,]+same\s+as\s+(?:the\s+)?[\w&'-]+(?:\s+one)?|(?<=\w)\s+one|"
                        # "forklift operator lol nothing fancy", "… (EMEA)", ", APAC night shift",
                        # "night auditor in the hotel, the night shift"
                        r"[\s,]+(?:lol|lmao|haha+)\b.*|\s*\((?:emea|apac|latam|amer|na|us|uk|eu)\)|"
                        r",\s*(?:emea|apac|latam|amer)\b.*|"
                        r"\s+(?:in|at)\s+the\s+(?:hotel|store|shop|office|warehouse|hospital|clinic|"
                        r"restaurant|bank|branch|site|plant|school)\b.*|,\s*the\s+(?:night|day|early|"
                        r"late|morning|evening)\s+shift|"
                        # "accounts payable clerk i think thats what the posting said"
                        r"[\s,]+i\s+think\s+(?:that'?s|thats|it'?s|its)\s+what\s+(?:the\s+)?"
                        r"(?:posting|ad|advert|listing|job\s+ad)\s+(?:said|says|called\s+it)|"
                        # "registered nurse, en el hospital de Globex": where, in Spanish;
                        # "frontend developer ka role tha yaar": "was the role", in Hindi
                        r",\s*en\s+(?:el|la|los|las)\b.*|\s+ka\s+(?:role|job|post|position)"
                        r"(?:\s+(?:tha|thi|hai|h))?|\s+en\s+anglais|"
                        # "Motion designer, kak": whom they're talking to, after a comma
                        r"\s*,\s*(?:kak|kakak|sis|boss|bhai|ji|dear|buddy|dude|fam|hun|hon|ate|"
                        r"kuya|abang|bang|anna|akka|habibi|chief|sir|ma'?am|madam|pet|hen|luv))+\s*$",
                        re.I)
#: A level said after the title, as its own sentence: "project manager. junior." is a
#: junior project manager.
_LEVEL_AFTER = re.compile(r"^(?P<title>[^.!?]+?)\s*[.,]\s*(?P<level>junior|senior|jr|sr|"
                          r"entry[- ]level|mid[- ]level|trainee|graduate)\s*[.!]?$", re.I)
_ASIDE = re.compile(r"\s*\([^)]*\)\s*")
#: An aside that is a remark, not part of the title: "(analista de marketing, sorry my
#: english)", "(lol)".
_REMARK_IN = re.compile(r"^\W*not\b|#\s*\d|^\W*funny\b|[^\x00-\x7f]{2,}|"
                        # "(it's the museum side of Globex, the visitor centre)": about it
                        r"^\W*(?:it'?s|it\s+is|it\s+says|that'?s|which\s+is|they'?re|"
                        r"we'?d\s+be)\s|"
                        # "(Store #4471)", "(NYC office)", "(remote)": where, not what
                        r"\b(?:store|branch|site|location|campus|office|hq|remote|hybrid|"
                        r"on-?site)\b|"
                        # "(react)": a word in lower case about the work, not the title's
                        r"(?-i:^\s*\(\s*[a-z][a-z.+#/-]{0,15}\s*\)\s*$)|"
                        # "(interview's Tues 24th, 11:00)": when, not what
                        r"\binterview|\b\d{1,2}:\d{2}\b|"
                        # "(paid, thank god)", "(£28k)": what it pays and how that feels
                        r"\b(?:paid|unpaid|pays|salary|thank\s+god|thank\s+goodness|finally)\b|"
                        r"[$£€]\s?\d|\b\d+k\b|"
                        r"\b(?:sorry|english|lol|haha|lmao|btw|same\s+\w+\s+as|i\s+think|"
                        r"in\s+(?:spanish|french|portuguese|german|my\s+language))\b|"
                        # "(Fourteen years of fourth grade, and now this!)": a life, exclaimed
                        r"!|\byears?\s+(?:of|as|in|at|teaching|doing)\b", re.I)
_ON_A_TEAM = re.compile(r"\s+(?:on|in|for|with|within)\s+(?:the|their|a|an)\s+[\w&/ -]+?\s+"
                        r"(?:team|squad|department|dept|group)\b.*$", re.I)
#: How the job is held, not what it is: "(contract)", ", part-time", ", though they…".
_TERMS = (r"(?:contract(?:or)?|freelance|part[- ]?time|full[- ]?time|temp(?:orary)?|"
          r"(?:maternity|mat|parental|paternity)\s+(?:leave\s+)?cover(?:\s+\w+\s+\w+)?|"
          r"perm(?:anent)?|(?:fully\s+|100%\s+)?remote|hybrid|on[- ]?site|fixed[- ]term|internship|"
          r"\d+[- ]months?(?:\s+contract)?)")
_HELD_AS = re.compile(rf"\s*\(\s*{_TERMS}\s*\)|,\s*{_TERMS}\s*$|"
                      r",\s*(?:though|although|and|plus|but)\b.*$", re.I)
#: What the job is about, after its title: "Junior designer — brand work mostly".
_DESCRIPTION = re.compile(r"\s+[—–-]\s+(?!(?!(?:lol|lmao|haha|tbh|jk|ok|okay|sorry|thanks|thx|ty|"
                          # "sr software eng - platform", "Registered Nurse - ICU": a team
                          r"pls|please)\b)(?-i:[A-Z]{2,5}|[A-Za-z][a-z]+)\s*$).*$|,\s*the\s+(?:posting|ad|advert|listing)\b.*$|"
                          r",\s*that'?s\s+what\b.*$|"
                          # "…, thats the actual title", "…, if that matters"
                          r",\s*that'?s\s+(?:the|my|its|their)\s+(?:actual|official|real|proper|"
                          r"exact|full)\s+(?:title|name)\b.*$|,\s*if\s+that\s+(?:matters|helps)\b.*$|"
                          # "… position they posted last month": which posting, not the title
                          r"(?:(?<=position)|(?<=\brole)|(?<=\bjob)|(?<=\bpost))\s+(?:they|that|which|"
                          r"i|we|from|advertised|posted|listed)\b.*$|"
                          # "hr generalist, they said they'd decide by friday": news after it
                          r",\s*(?:they|she|he)\s+(?:said|siad|sed|say|says|told)\b.*$|"
                          # "…, nothing fancy": how it feels
                          r",\s*nothing\s+(?:fancy|special|major|big|glamorous)\b.*$|"
                          r",\s*(?:mostly|mainly|largely|focused|working|doing|"
                          r"on\s+(?:the|their|its)|in\s+(?:the|their)|for\s+(?:the|their)|with\s+a|"
                          # "…, in marketing department", its article dropped
                          r"in\s+(?:[\w&-]+\s+){1,2}(?:department|dept|team|division|unit|ward)|"
                          r"on\s+a|same\s+as|like\s+(?:the|at)|"
                          r"but|pays|paying|salary|pay\s+is|pay'?s|hybrid|remote|on[- ]?site)\b.*$|"
                          r",\s*[$£€]?\d+k?\b.*$|"
                          # "Teaching assistant, Year 4, …": the class, not the title
                          r",\s*(?:year|yr|grade|key\s+stage|ks)\s*\d+\b.*$|"
                          # "… supervisor position, bit of a step up for me": how it feels
                          r"(?:(?<=position)|(?<=\brole)|(?<=\bjob)|(?<=\bpost))\s*,.*$", re.I)


#: "the creative director", "the hiring manager": a person there, by their post.
_SOMEONE_THERE = re.compile(r"\W*the\s+(?:[\w-]+\s+){0,2}(?:director|manager|recruiter|ceo|cto|"
                            r"cfo|coo|founder|owner|boss|supervisor|vp|president|partner)\W*",
                            re.I)


_NO_TITLE_GIVEN = re.compile(r"^\W*(?:(?:hmm+|um+|erm+|well)\W+)?(?:not\s+sure|unsure|no\s+idea|"
                             r"idk)\b|"
                             r"\btold\s+(?:you|u|ya)\b|"
                             # "never mind, delete that", "designer, or maybe …, it said both"
                             r"\bnever\s*mind\b|\bnvm\b|\bdelete\b|\bby\s+mistake\b|\bforget\s+it\b|"
                             # "not globex, it was Initrode. role is …": the company put right
                             r"\bnot\s+[\w&'-]+\s*,\s*it\s+(?:was|is)\b|"
                             r"\bor\s+maybe\b|\bsaid\s+both\b|\b(?:lol|lmao|haha+|jk)\W*$|"
                             r"\b(?:i\s+)?(?:said|mentioned)\s+(?:before|earlier)\b|"
                             r"\bcompany\s+(?:is|was|name)\b|,\s*[\w-]+\s+one\W*$|"
                             # "it's the same job as last time I think": which, not what
                             r"^\W*(?:it'?s\s+|its\s+)?(?:the\s+)?same\s+(?:job|role|one|position)\b|"
                             # "designer or design lead, they hadn't decided which level"
                             r"^\W*[\w/&+-]+(?:\s+[\w/&+-]+){0,3}\s+or\s+(?!so\b)\w|"
                             r"\b(?:hadn'?t|haven'?t|not|never)\s+(?:yet\s+)?decided\b|"
                             # "both the QA lead and the SDET opening", "so one of those"
                             r"\bboth\s+(?:the\s+)?[\w\s/-]+?\s+and\b|\bone\s+of\s+(?:those|them|"
                             r"the\s+two)\b|\beither\b|"
                             # "jane just emailed, acme wants me back thursday": news, no title
                             r"\b(?:just\s+)?(?:emailed|texted|rang|phoned|messaged)\b|\bwants?\s+me\b|"
                             # "kept switching between designer and producer, no clue"
                             r"\bno\s+(?:clue|idea)\b|\bswitching\s+between\b|"
                             # "cancel 1... actually no leave it": taken back, no title
                             r"\b(?:leave|keep)\s+it\b|"
                             # "Jane from Acme said they'd let me know…": news, no title
                             r"^\W*(?:[A-Z][\w'-]*|she|he|they)\s+(?:from\s+[\w&'-]+\s+)?(?:said|says|"
                             r"told|called|rang|texted)\b",
                             re.I)
#: The new interview's company put right while its role is asked.
_COMPANY_PUT_RIGHT = re.compile(r"^\W*(?:(?:sorry|oops|wait|actually)\W+)*(?:it'?s|its|it\s+is|"
                                r"the\s+company\s+is)\s+(?P<new>[^,.;!?]+?),?\s+not\s+(?:plain\s+|"
                                r"just\s+)?(?P<old>[\w&'-]+)\b", re.I)
#: The title said after the company put right: "…. role is data scientist".
_ROLE_TOLD_TOO = re.compile(r"^\W*(?:and\s+)?(?:(?:the\s+)?(?:role|title|job|position)\s+"
                            r"(?:is|was|:)|"
                            # "…, and it's for a motion designer"
                            r"(?:it'?s|it\s+is|it\s+was)\s+for)\s*(?P<role>\S.*)$", re.I)
#: The title's line in a job ad pasted as the answer.
_PIPES = re.compile(r"\s+\|\s+")
#: "the recruiter was Priya Nair": who they met, answered where the title was asked.
_WHO_THEY_MET = re.compile(r"^\W*(?:the\s+|my\s+)?(?:[\w-]+\s+){0,2}(?:was|is|were)\s+"
                           r"(?:mr\.?\s+|ms\.?\s+|mrs\.?\s+|dr\.?\s+)?"
                           r"(?-i:(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+))\s*[.!]?$|"
                           # "Priya Nair interviewed me": who, told where the title was asked
                           r"^\W*(?-i:(?P<name2>[A-Z][a-z]+\s+[A-Z][a-z]+))\s+(?:interviewed|"
                           r"met\s+with|spoke\s+(?:to|with))\s+me\b", re.I)


def _who_they_met(text: str) -> bool:
    """A person's name after "was" ("the recruiter was Priya Nair"), not a title in
    capitals ("it was Senior Designer")."""
    met = _WHO_THEY_MET.search(text)
    return met is not None and not any(w.lower() in ROLE_VOCABULARY or w.lower() in _ROLE_WORDS
                                       for w in (met["name"] or met["name2"]).split())
_TITLE_LINE = re.compile(r"^\s*(?:job\s+title|title|position|role)\s*:\s*(?P<title>[^\n]+?)\s*$",
                         re.I | re.M)
#: Words of their sentence, which a title quoted alone never holds.
_THEIR_WORDS = r"\b(?:we|you|your|thanks?)\b"
#: The title quoted from where it was written, with the person's words about the source:
#: 'copy pasted from the job post: "…"', '"Position: Motion Designer" - from the email'.
_QUOTED_FROM = re.compile(r"^[^\"“]*\b(?:post(?:ing)?|ad|advert|listing|email|e-mail|says|said|"
                          r"wrote|pasted|invite)\b[^\"“]*[\"“](?P<said>(?![^\"”]*" + _THEIR_WORDS +
                          r")[^\"”]{2,80})[\"”]\s*$|"
                          r"^\s*[\"“](?P<said2>[^\"”]{2,80})[\"”]\s*[-–—,(]+\s*(?:from|in|on|it'?s\s+"
                          r"from)\b.*$", re.I)
#: Their own sentence quoted, and the post it names: "… in the staff accountant opening".
_THEIR_SENTENCE = re.compile(r"[\"“][^\"”]*" + _THEIR_WORDS + r"[^\"”]*[\"”]", re.I)
_THE_OPENING = re.compile(r"\b(?:the|our|your)\s+(?P<title>(?:(?!\b(?:the|our|your)\b)[\w/&-]+\s+)"
                          r"{0,4}?[\w/&-]+)\s+(?:opening|role|position|vacancy|post)\b", re.I)
#: "Interview – Marketing", as an email's subject puts it: the title after the dash.
_INTERVIEW_DASH = re.compile(r"^\s*interview\s*[-–—:]\s*", re.I)
#: A day or time said where the title was asked.
_A_WHEN_SAID = re.compile(r"^\W*(?:it'?s\s+|its\s+|it\s+is\s+)?(?:on\s+|at\s+)?(?:tomorrow|tmrw|"
                          r"tmr|tmrrw|2moro|2morrow|today|tdy|"
                          r"tonight|next\s+\w+|this\s+\w+|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|"
                          r"the\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?::\d{2})?\s*(?:[ap]m|o'?clock)|"
                          r"noon|midday)\b", re.I)
#: The interview's day told after the title, as its own sentence.
_ABOUT_THE_DAY = re.compile(r"(?<=[.!])\s+(?:the\s+)?interview(?:'s|\s+is|\s+was)\s+.*$", re.I)
#: A labelled line of something pasted whose label is no title's: "Organizer: …", "When: …".
_ANOTHER_FIELD = re.compile(r"^\s*[A-Za-z][\w ]{0,24}:\s*\S")
#: "nvm", "never mind", "forget it": no answer at all.
_LET_IT_GO = re.compile(r"nvm|never\s*mind|forget\s+it|nevermind|n/m", re.I)
#: Markdown emphasis around the whole title, and Slack's emoji codes after it.
_EMPHASIS = re.compile(r"([*_~]{1,2})([^*_~]+?)\1")
_SLACK_EMOJI = re.compile(r":[a-z0-9_+-]+:")
#: A title taken back as soon as it is said: "Lead designer... no sorry, senior designer".
_NO_SORRY = re.compile(r"(?:\.{2,}|…|[,;.—–-])\s*(?:no|nope|oops|wait)(?:\s*[,.!]+\s*|\s+(?=sorry|"
                       r"i\s+mean|my\s+bad))(?:sorry|i\s+mean|my\s+bad)?[,.!:\s]*(?=\w)", re.I)
#: Why the first was wrong, after the right one: ", lead was the other posting …".
_OTHER_POSTING = re.compile(r"\s*[,;.]\s*\w+(?:\s+\w+)?\s+(?:was|is)\s+(?:the|a|an|for)\s+"
                            r"(?:other|another|different)\b.*$", re.I)
#: A joke, then the real title: "… apparently lol. no it's product designer".
_NO_REALLY = re.compile(r"\b(?:lol|haha|lmao|jk)\b[.!]*\s+(?:no|nah|ok\s+no|but\s+)?(?:seriously|"
                        r"for\s+real|really)?[,.!]*\s*(?:it'?s|its|it\s+is)\s+", re.I)
#: The company said to be wrong, then the right one: "sorry, wrong company, I meant Soylent
#: not Globex".
_WRONG_COMPANY = re.compile(r"^\W*(?:(?:sorry|oops|wait|actually|no)\W+)*wrong\s+company\W+"
                            r"(?:i\s+meant|it'?s|its|it\s+is|should\s+be|make\s+it)\s+"
                            r"(?P<new>[^,.;!?]+?)(?:,?\s+not\s+(?P<old>[\w&'-]+))?\W*$", re.I)
#: A department is no title: "marketing" what? Asked again.
_DEPARTMENTS = frozenset({"marketing", "sales", "finance", "engineering", "hr", "operations",
                          "ops", "design", "product", "legal", "it", "support", "accounting",
                          "admin", "tech", "retail", "hospitality", "healthcare", "nursing"})
#: "…, so like IT support technician": the title said again the plain way, last.
_SO_LIKE = re.compile(r"[,;]\s*(?:so|donc)\s+(?:like\s+|basically\s+)?(?:an?\s+)?"
                      r"(?P<role>[\w /&+-]+?)(?:\s+(?:en\s+anglais|in\s+english))?\W*$|"
                      # "och it's just a wee admin job, office assistant": what it is, then
                      # its title
                      r"^\W*(?:\w+\W+)?(?:it'?s|its|it\s+is)\s+(?:just|only)\s+an?\s+[^,;]+?\s+"
                      r"(?:job|gig|role|position)\s*[,;:—–-]\s*(?P<title>[\w /&+-]+?)\W*$",
                      re.I)


#: How a posting's reference is labelled: "ref", "req", "job id", "vacancy no".
_REF_LABEL = (r"(?:ref(?:erence)?|req(?:uisition)?|job\s+(?:id|ref|code|no|number)|"
              r"vacancy\s+(?:id|ref|no|number)|posting\s+id)")
#: The posting's reference after the title: ", ref WTL-4471", "(req #5521)", "job id 88".
_REFERENCE = re.compile(rf"[\s,;(]+{_REF_LABEL}\b\.?\s*(?:no\.?|number|#|:)?\s*#?[a-z]*[-/]?\d"
                        r"[\w/-]*\)?\W*$", re.I)
#: The reference before it: "REQ-20931 – Sr. Visual Designer".
_REFERENCE_FIRST = re.compile(rf"^\W*(?:{_REF_LABEL}\s*[:#]?\s*)?#?[a-z]{{0,8}}[-/]?\d{{3,}}[\w/-]*"
                              r"\s*[–—:|-]+\s*", re.I)
#: A sentence of terms after the title: "6 month contract w/ possible extension".
_TERMS_SAID = re.compile(rf"\W*(?:\d+[- ]?(?:months?|weeks?|years?)\b|{_TERMS}\b|pay\b|salary\b|"
                         r"hours\b)", re.I)
#: A remark after the title, as its own sentence: "warehouse lead. which is a step DOWN …".
_REMARK_ON_THE_TITLE = re.compile(r"(?<=\w)[.!]+\s+(?:which|it'?s|that'?s|thats|lol|ugh|"
                                  r"not\s+that|i(?!\s+(?:think|guess|believe|mean|reckon))|i'?m|"
                                  r"i'?d|took|so|(?:the\s+)?guy|(?:the\s+)?lady)\b.*$", re.I | re.S)
#: No title known: "음.. I don't know exact title, something about marketing?".
#: A short title and "I think" after it, nothing more: unsure of the title itself.
_TITLE_I_THINK = re.compile(r"^\W*(?:(?:um+|uh+|erm?|hmm+)\W+)?(?:[\w/&'-]+\s+){1,4}?[\w/&'-]+"
                            r"\s*,?\s*(?:comma\s+)?i\s+think\W*$", re.I)
_DONT_KNOW = re.compile(r"\bi\s+(?:don'?t|do\s+not)\s+know\b|"
                        # "Pata nahi exactly, …": "no idea", in Hindi
                        r"\bpata\s+nahi(?:n)?\b", re.I)
#: A learner's apology after the title: "Is for position of pastry chef, sorry my english".
_SORRY_MY_ENGLISH = re.compile(r"[\s,.]*(?:sorry|sry|excuse)\s+(?:for\s+)?my\s+english[.!]*\s*$",
                               re.I)
#: A question of their own after the answer: "Supply chain analyst. Is Globex the right
#: spelling or is it GlobeX".
_ASKED_AFTER = re.compile(r"(?<=[.!])\s+(?:is|are|do|does|should|can|could|what|how|why|did)\b"
                          r"(?=[^.!]*(?:\?|\bor\b))[^.!]*$", re.I)
#: The first said, then put right: "designer, sorry not designer, design researcher".
_SORRY_NOT = re.compile(r"(?:^|[,.;]\s*)sorry\s*,?\s+not\s+[\w\s/&-]+?,\s*(?P<right>\S.*)$", re.I)


def role_answer(text: str) -> str | None:
    """The job title in an answer, without emoji or chat around it; None when it is not
    one ("qwerty", "it was for acme actually")."""
    if any(c in _LAUGHING for c in text) or any(c in _EYE_ROLLING for c in _ASIDE.sub(" ", text)):
        # "ceo obviously 😂": a joke, not the title; "'rockstar full stack unicorn'
        # apparently 🙄": their words, mocked ("(unpaid 🙄)" in brackets is a remark)
        return None
    if _DONT_KNOW.search(text):
        return None  # "음.. I don't know exact title, something about marketing?"
    if _TITLE_I_THINK.match(text):
        return None  # "um UX researcher I think", "legal secretary comma I think": a guess
    text = _SAID_STOP.sub(". ", text)  # "product designer period it's on the 24th", dictated
    text = SPOKEN_STOP.sub("", SPOKEN_COMMA.sub(",", text))  # "staff accountant comma …"
    text = _THANKS_AFTER.sub("", text)  # "ux designer, merci 🙏", "warehouse lead ✌️ ty"
    text = _SORRY_MY_ENGLISH.sub("", text)  # "Is for position of pastry chef, sorry my english"
    # "designer i think? the posting called it …": a guess, whatever the posting says
    guessed = "?" in text and UNSURE.search(text) is not None
    quoted = _QUOTED_FROM.search(text)
    if quoted is not None:  # 'copy pasted from the job post: "Senior UX Researcher …"'
        text = _INTERVIEW_DASH.sub("", quoted.group("said") or quoted.group("said2"))
    elif _THEIR_SENTENCE.search(text):
        # 'they wrote "thanks for your interest in the staff accountant opening, …"'
        named = _THE_OPENING.search(text)
        if named is None:
            return None
        text = named.group("title")
    posted = _TITLE_LINE.search(_PIPES.sub("\n", text))  # "Job Title: … | Req #48213 | …"
    if posted is not None:  # a job ad pasted: "Job title: Junior Interaction Designer\n…"
        text = posted.group("title")
    elif _ANOTHER_FIELD.match(text):
        return None  # "Required: Faith Mbeki; Roberto Salas", a line of an invite: no title
    if _LET_IT_GO.fullmatch(text.strip(" .!")):
        return None  # "nvm": the question let go, not a title
    if _A_WHEN_SAID.match(text) and not any(w.lower().strip(".,") in ROLE_VOCABULARY
                                            for w in text.split()):
        return None  # "it's on the 1st at noon": when, answered where the title was asked
    text = _ABOUT_THE_DAY.sub("", text)  # "sr data engineer. interview's thursday week btw"
    text = GREETING.sub("", _ASKED_AFTER.sub("", text))  # "hi! it's for …", "…. Is Globex …?"
    text = _REMARK_ON_THE_TITLE.sub("", text)  # "warehouse lead. which is a step DOWN …"
    text = FILLERS.sub("", text)  # "the role is um interaction designer"
    put_right = _SORRY_NOT.search(text)
    if put_right is not None:  # "designer, sorry not designer, design researcher"
        text = put_right.group("right")
    text = _REFERENCE_FIRST.sub("", _REFERENCE.sub("", text))  # "…, ref WTL-4471", "REQ-1 – …"
    text = _SLACK_EMOJI.sub(" ", text).strip()
    wrapped = _EMPHASIS.fullmatch(text)
    if wrapped is not None:  # "*UX designer* :art:": the whole title in bold, not a part
        text = wrapped.group(2)
    corrected = _NO_SORRY.search(text)
    if corrected is not None and text[corrected.end():].strip():
        # "Lead designer... no sorry, senior designer, lead was the other posting"
        text = _OTHER_POSTING.sub("", text[corrected.end():])
    said_after = _NO_REALLY.search(text)
    if said_after is not None and text[said_after.end():].strip():
        text = text[said_after.end():]  # "coffee fetcher apparently lol. no it's product designer"
    text = star_fixed(text)  # "Jr graphic dezigner *designer": a slip put right, chat-style
    if _SOMEONE_THERE.fullmatch(text.strip()) or _NO_TITLE_GIVEN.search(text) or \
            _who_they_met(text) or \
            text.strip(" .!").lower() in _DEPARTMENTS:
        # "the creative director": who they met, or the job? "not sure, …", "the one I
        # told you about", "company is not Globex": no title given. Asked again.
        return None
    so_like = _SO_LIKE.search(text)
    if so_like is not None:  # "a poste of technicien en support, so like IT support technician"
        text = so_like.group("role") or so_like.group("title")
    text = _ASIDE.sub(lambda m: " " if _REMARK_IN.search(m.group(0)) else m.group(0), text)
    joke = _JOKED.match(text)
    if joke is not None and text[joke.end():].strip():
        text = text[joke.end():]  # "barista lol jk. junior copywriter"
    taken_back = TAKEN_BACK.search(text)
    if taken_back is not None:
        # "marketing analyst — no wait that was the other place. brand designer"
        said = [s for s in re.split(r"(?<=[.!])\s+", text[taken_back.end():]) if s.strip()]
        while len(said) > 1 and _A_REMARK.match(said[0]):
            said.pop(0)
        text = " ".join(said)
    # An aside with an emoji in it ("(unpaid 🙄)") is a comment; "(contract)" is the title's.
    text = _ASIDE.sub(lambda m: " " if any(unicodedata.category(c) == "So" for c in m.group(0))
                      else m.group(0), text)
    text = _FEELING_AFTER.sub("", text)  # "supply chain analyst 🤞🤞 really want this one"
    role = " ".join("".join(c for c in text if unicodedata.category(c) != "So").split())
    role = _RESTARTED.sub("", role)
    role = _LEVEL_AFTER.sub(r"\g<level> \g<title>", role)
    said = [s for s in re.split(r"(?<=[.!?])\s+", role) if s.strip()]
    while len(said) > 1 and _A_REMARK.match(said[0]):
        said.pop(0)  # "sorry, that's the Acme one. Globex is a designer role"
    while len(said) > 1 and (_A_REMARK.match(said[-1]) or _ABOUT_ME.search(said[-1])
                             or _TERMS_SAID.match(said[-1]) or _not_english(said[-1])
                             # "Motion Graphics Designer. Do you need the requisition …?"
                             or said[-1].rstrip().endswith("?")):
        said.pop()  # "Designer. It is a new team.", "UX researcher! bit of a stretch for me"
    role = " ".join(said)
    head, comma, tail = role.rpartition(",")
    if comma and _mostly_not_english(tail) and any(
            w.lower() in ROLE_VOCABULARY or w.lower() in _ROLE_WORDS for w in head.split()):
        role = head  # "junior data engineer, bien chido el lugar": a remark, in Spanish
    role = _OWN_SCRIPT_AFTER.sub("", _WHY_ASKED.sub("", role))  # "designer, why?", "… 입니다"
    called = _CALLED.search(role)
    if called is not None:  # "basically UX writing, but they call it content designer"
        # "um graphic design? the ad called it 'visual designer II'": their word settles it
        role = next(t for t in called.groupdict().values() if t).strip("'\"‘’“” ")
    if ("?" in role and called is None) or (called is not None and guessed):
        return None  # "Product designer I think? the posting said…": unsure of itself
    if not any(c.isalpha() for c in role) or _NOT_A_ROLE.search(role) or \
            re.search(r"\bactually\b", role, re.I):
        return None
    two = _TWO_TITLES.fullmatch(role)
    if two is not None and all(w.lower() in ROLE_VOCABULARY for w in two.group(2).split()[-1:]):
        return None  # "diseñador gráfico — graphic designer": which of the two is theirs?
    role = _NOT_THE_OTHER.sub("", role)  # "designer, not senior designer"
    other = _THIS_ONE_WAS.fullmatch(role.strip(" .!"))
    if other is not None:  # "… that's acme. globex was the ops coordinator one"
        role = other.group("role")
    role = _DESCRIPTION.sub("", _HELD_AS.sub("", role)).strip(" .!,")
    role = _ON_A_TEAM.sub("", role)  # "junior data engineer on the payments team"
    role = role_words(_ROLE_TAIL.sub("", _ROLE_LEAD.sub("", role)).strip(" .!,"))
    if not role:
        return None
    if keyboard_mash(role.lower()) or _a_persons_name(role):
        return None
    words = [w.lower().strip(".,;:!?") for w in role.split()]
    if len(words) >= 6 and not any(w in ROLE_VOCABULARY or w in _ROLE_WORDS for w in words):
        return None  # "mañana te digo, no me acuerdo del nombre…": no title in it
    return role


#: Hope or feeling after the title, behind emoji: "… 🤞🤞 really want this one".
_FEELING_AFTER = re.compile(r"(?<=\w)\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*(?=\S)"
                            r"(?=.*\b(?:i|i'm|me|my|really|hope|want|wish|fingers)\b).*$",
                            re.I | re.S)
#: A feeling or hope after the title, as its own sentence: "… if they'll have me!", "bit of
#: a stretch for me but …" (never "I think.", "let me check", or news: those are asked).
_ABOUT_ME = re.compile(r"\b(?:for\s+me|(?:if|when)\s+they'?ll\s+have\s+me|long\s+day|"
                       r"(?:so\s+)?(?:tired|knackered|exhausted|shattered)|"
                       r"i\s+(?:really\s+)?(?:want|hope|love|need)\b|my\s+dream|wish\s+me|fingers\s+crossed|nervous|excited|"
                       r"so\s+happy)", re.I)


#: A title said in jest, then the real one: "barista lol jk. junior copywriter".
_JOKED = re.compile(r"^.*?\b(?:jk|j/k|just\s+kidding|kidding)\b(?:[\s.!,:;-]*(?:jk|j/k|"
                    r"kidding)\b)*[\s.!,:;-]*", re.I)
#: The title put as the company's: "Globex was the ops coordinator one", "Globex is a
#: designer role".
_THIS_ONE_WAS = re.compile(r"(?:[\w&'-]+\s+)?(?:was|is)\s+(?:the|a|an)\s+(?P<role>.+?)\s+"
                           r"(?:one|role|job|position)", re.I)
#: The title it is not, said after the one it is.
_NOT_THE_OTHER = re.compile(r"\s*[,;—–-]\s*not\s+(?:an?\s+|the\s+)?[\w\s/&+-]+$", re.I)
_LAUGHING = frozenset("😂🤣😆😜😝")
_EYE_ROLLING = frozenset("\U0001F644\U0001F612")
#: Two titles side by side: "diseñador gráfico — graphic designer".
_TWO_TITLES = re.compile(r"(.+?)\s+[—–/]\s+((?:[\w-]+\s+){0,2}[\w-]+)\s*")
#: A remark about the title taken back, before the right one: "that was the other place."
_A_REMARK = re.compile(r"(?:that|thats|it|this)\b", re.I)


#: A question back after the title: "designer, why?".
_WHY_ASKED = re.compile(r"\s*[,;]\s*(?:but\s+)?why(?:\s+do\s+you\s+(?:need|ask))?\s*\?+\s*$", re.I)
#: Words in another script after a title in Latin letters: "marketing coordinator 입니다".
_OWN_SCRIPT_AFTER = re.compile(r"(?<=[A-Za-z])[\s,.!]+[^\x00-\u024f]+[\s.!]*$")


def _not_english(sentence: str) -> bool:
    """A courtesy in the person's own language after the title ("Yoroshiku
    onegaishimasu"): no word of it English or a job's."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", sentence)]
    return bool(words) and not dictionary().known(words) and \
        not any(w in ROLE_VOCABULARY or w in _ROLE_WORDS for w in words)


#: The small words inside names: "Maria de la Cruz", "Jan van der Berg".
_PARTICLES = frozenset({"de", "la", "del", "las", "los", "van", "der", "den", "von", "bin",
                        "binti", "da", "dos", "das", "di", "le", "al", "el", "y", "ter", "ten",
                        "du"})


def _mostly_not_english(clause: str) -> bool:
    """A clause most of whose words are of another language, none a job's."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", clause)]
    return len(words) >= 2 and 2 * len(dictionary().known(words)) < len(words) and \
        not any(w in ROLE_VOCABULARY or w in _ROLE_WORDS for w in words)


def _a_persons_name(text: str) -> bool:
    """"Jane Smith" as the role: a name in capitals, no word of it a job's. One word alone
    ("Dana") is a name too unless it ends the way job titles do ("Janitor")."""
    words = text.split()
    if not (1 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)) \
            or any(w.lower() in _ROLE_WORDS or w.lower() in ROLE_VOCABULARY for w in words):
        return False
    return len(words) > 1 or not _A_JOBS_ENDING.search(words[0])


#: How a one-word job title often ends: "Janitor", "Therapist", "Trainee", "Secretary".
_A_JOBS_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman|ary|ive|ic|ess|ar)$", re.I)


#: Chat around the names in an answer to "who interviewed you?": "It was …", "I'll be
#: seeing …", "Hiring manager is …", ", plus a recruiter named …", ", and maybe someone
#: from HR" (nobody to thank by name), ", Priya is the head of design".
_NAMES_LEAD = re.compile(r"^(?:(?:sir|ma'?am|madam)\s*,\s*)?"  # "Sir, Mr. Imran Qureshi …"
                         r"(?:"
                         # "it's gon be …", "It will be Mme …", "Interviewer names are …"
                         r"(?:it'?s\s+(?:gon|gonna|going\s+to)\s+be(?:\s+with)?|it\s+will\s+be(?:\s+with)?|"
                         r"(?:the\s+)?interviewers?(?:'?\s+names?)?\s+(?:are|were|is|was|will\s+be)|"
                         r"(?:their\s+)?names?\s+(?:are|is)|"
                         r"it\s+was|it'?s|its|it\s+is|it'?ll\s+be(?:\s+with)?|"
                         r"i'?ll\s+be\s+(?:seeing|meeting)|(?:i'?m\s+)?meeting(?:\s+with)?|"
                         r"i\s+(?:met|saw|spoke\s+(?:to|with))|(?:i\s+was\s+)?interviewed\s+by|"
                         # "The interview will be conducted by Dr. Beatriz Navarro, …"
                         r"(?:the\s+interview\s+)?(?:will\s+be\s+|was\s+|is\s+)?conducted\s+by|"
                         r"(?:the\s+)?(?:hiring\s+manager|"
                         r"recruiter|interviewer)\s+(?:is|was))\s+)?", re.I)
_NAMES_JOIN = re.compile(r",?\s+plus\s+(?:a|an|the)\s+[\w\s-]{1,30}?\s+(?:named|called)\s+",
                         re.I)
_NAMES_TAIL = re.compile(r",?\s*(?:didn'?t|did\s+not|don'?t|do\s+not)\s+(?:get|catch|know)\s+"
                         r"(?:their\s+|the\s+|his\s+|"
                         r"her\s+)?(?:last|sur)\s*names?\b.*$|"
                         r",?\s+(?:both\s+)?from\s+(?:the\s+[\w-]+\s+team|hr|talent|recruiting)\b"
                         r"(?:\s*,\s*both\b.*)?(?=\s*(?:,\s*(?:didn'?t|did\s+not|don'?t)\b|$))|"
                         # "… plus an intern who'll be shadowing": nobody to thank by name
                         r"\s+(?:plus|and)\s+(?:an?|some)\s+(?:intern|trainee|student|shadow|"
                         r"observer|note[\s-]?taker)\b.*$|"
                         r",?\s+(?:and\s+)?(?:maybe|possibly|probably|perhaps)\s+(?:someone|"
                         r"somebody|one)\b.*$|,\s*[A-Z][\w'-]+\s+(?:is|was)\s+(?:the|a|an|our|"
                         r"their)\b.*$")


#: An answer that puts the question off: no names in it, whatever it holds.
_NOT_NAMES = re.compile(r"\b(?:one|a)\s+(?:sec|second|moment|min|minute)\b|\bhang\s+on\b|"
                        r"\bhold\s+on\b|\bbrb\b|\bbe\s+right\s+back\b|\bgimme\s+a\b", re.I)
#: The new interview itself taken back: "actually delete this whole thing".
_NEVER_MIND = re.compile(r"^\W*never\s*mind\b|\bforget\s+it\b|\bby\s+mistake\b", re.I)
_DROP_IT = re.compile(r"\b(?:delete|remove|cancel|scrap|forget|undo|drop)\s+(?:this|that|it|the\s+"
                      r"whole|everything|all|the\s+[\w&'-]+\s+one)\b", re.I)


#: "Marcus Webb who ran it and then a woman from HR, Ellen Ripley": who they were, not
#: their names.
_WHO_THEY_WERE = re.compile(r"\s+who\s+(?:ran|led|chaired|did|was|is)\b[^,]*?(?=\s+and\b|,|$)|"
                            r"\s+and\s+(?:then\s+|also\s+)?(?:an?|the)\s+(?:guy|woman|man|lady|"
                            r"person|chap|bloke)\s+from\s+[\w&'-]+\s*,\s*", re.I)


#: "Hugh Grantham — sorry, Hugh Grantley — and Mei Tanaka": a name taken back at once.
_NAME_RETAKEN = re.compile(r"(?:^|(?<=,\s)|(?<=\band\s))(?:(?!\band\b)[^,—–])+?\s*(?:[—–,]|\s-)\s*"
                           r"(?:sorry|oops|i\s+mean|no\s+wait)\b[\s,:]*(?=\w)", re.I)


#: An invite's label before the names: "Attendees: …", "Interviewers: …".
_NAMES_LABEL = re.compile(r"^\s*(?:attendees|interviewers?|panel|required(?:\s+attendees)?|"
                          r"optional|guests|participants|invitees)\s*:\s*", re.I)


def _names_only(text: str) -> str:
    text = _NAMES_LABEL.sub("", text)
    if text.count("|") >= 2:  # "Grace Lindqvist | Talent Acquisition Partner | Globex | …"
        text = text.split("|", 1)[0]
    text = _SOMETHING_AFTER.sub("", text)  # "Gene something, didn't catch the surname"
    text = _THEIR_AND.sub(" and ", text)  # "Wang Li 和 Kevin Zhou", "Ana y Luis Soto"
    text = _AN_SAID.sub(" and ", text)  # "Miss Sandy Thibodeaux an' her boss Cliff Guidry"
    text = SPOKEN_STOP.sub("", SPOKEN_COMMA.sub(",", text))  # "priya nair comma tom …"
    if _BULLET.search(text):  # "- Summer Nguyen (lead)\n- Chase Ito": one name a line
        text = ", ".join(item for item in _BULLET.split(text.strip())
                         if item.strip() and not _NOT_CAUGHT.search(item))
    text = _SAID_TWICE.sub("", text.strip())  # "Frank. Frank Hope."
    text = _THEIR_EMAIL.sub(r" (\g<address>)", text)  # "Hannah Lee, her email's hannah.lee@…"
    text = _LIST_ENDS.sub("", text)  # "Will Foster and Grace, that's it. Groetjes"
    text = _REMARK_AFTER.sub("", text)  # "Hank Scorpio. funny enough my friend …"
    text = _POST_AFTER.sub("", text)
    text = re.sub(r"\s*[—–]\s*(?=and\b)", " ", _NAME_RETAKEN.sub("", text))
    text = _WHO_THEY_WERE.sub(lambda m: " and " if "," in m.group(0) else "", text)
    text = _SOMEONE_NAMED.sub("", _ONE_PERSON.sub("", _NAMES_LEAD.sub("", text)))
    text = _HONORIFIC.sub("", _POLITE_END.sub("", _THEIR_TITLE.sub("", text)))
    text = _THANKS_AFTER.sub("", text)  # "Mr Tunde Bakare and Mrs Funmi Adeyemi. E se."
    text = _POST_NOMINALS.sub("", text)  # "Prof. Yuki Sato, PhD"
    return _NAMES_TAIL.sub("", _NAMES_JOIN.sub(" and ", text)).strip(" .")


#: News where names were asked: a call, a note or an outcome, never anyone's name.
_NEWS_NOT_NAMES = re.compile(r"^\W*(?:i\s+)?(?:just\s+)?(?:called|rang|phoned|emailed|texted)\b|"
                             r"\b(?:picked\s+up|voicemail|no\s+answer|got\s+(?:the\s+job|"
                             r"an\s+offer)|offered|rejected|hired)\b", re.I)
#: Letters after a name that are no part of how they're greeted: "Prof. Yuki Sato, PhD".
_POST_NOMINALS = re.compile(r",?\s+(?:Ph\.?\s?D|MBA|CPA|Esq|DDS|MSc|BSc|FRCS|PMP)\b\.?(?=\s*(?:,|"
                            r"\band\b|&|\+|$))")
#: A surname not caught, said as "something": "Gene something".
_SOMETHING_AFTER = re.compile(r"(?<=[A-Za-z])\s+(?:something|summat|whatsit|whatever)\b"
                              r"(?=\s*(?:,|$))", re.I)
#: "and" in the person's own language, between two names: 和/与/及/跟 (Chinese), y
#: (Spanish), e (Portuguese, Italian), und, et, en, och, og, i (Polish), ve (Turkish), dan
#: (Indonesian), at (Filipino), và (Vietnamese); lower case only ("Dan" is a name).
_THEIR_AND = re.compile(r"\s*[和與与及跟]\s*(?=\S)|"
                        r"(?<=[A-Za-z])\s+(?:y|e|und|et|en|och|og|i|ve|dan|at|và)\s+(?=[A-Z])")
#: "and" as it is said in the South and the Caribbean: "an'", "n'".
_AN_SAID = re.compile(r"\s+(?:an'|n'|(?-i:n))\s+(?=\w)", re.I)  # "Marcus Bell n his coworker"
#: A list item's start: "- ", "* ", "• ", "1. ".
_BULLET = re.compile(r"(?:^|\n)\s*(?:[-*•]|\d{1,2}[.)])\s+")
#: A list item for someone whose name was not caught: "someone from HR, didn't catch her
#: name" (the note goes to the others named).
_NOT_CAUGHT = re.compile(r"\b(?:didn'?t|did\s+not|couldn'?t|never)\s+(?:get|catch|hear)\s+"
                         r"(?:her|his|their|the)\s+name\b", re.I)


#: Someone's address said after their name: "Hannah Lee, her email's hannah.lee@globex.com
#: if that helps" is "Hannah Lee (hannah.lee@globex.com)".
_THEIR_EMAIL = re.compile(r"\s*,?\s*(?:her|his|their)\s+e-?mail(?:'s|\s+is)?\s+"
                          r"(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
                          r"(?:\s+if\s+(?:that|it)\s+helps)?\W*", re.I)
#: A first name said, then the whole name: "Frank. Frank Hope.", "Jane, Jane Smith".
_SAID_TWICE = re.compile(r"^([A-Z][\w'-]*)\s*(?:[.,!…]+|\s-)\s*(?=\1\s+[A-Z])", re.I)


#: A remark after the names, as its own sentence: "Chris. my mom says I should've worn a
#: tie", "Ana Ruiz, she said they'd decide Tuesday week" (what happens next is asked next).
#: ("oh and Jane from Acme said …" is other news, never dropped: asked as before.)
_REMARK_AFTER = re.compile(r"(?:(?<=[A-Za-z])[.!]+\s+(?:(?:she|he|they|"
                           r"(?:the\s+)?(?:recruiter|recuiter|hr))\s+(?:said|says|told)|my|"
                           r"funny|lol|small\s+world|anyway)\b|"
                           r",\s*(?:she|he|they)\s+(?:said|says|told)\b|"
                           r",\s*both\s+from\b|"
                           # "…, inshallah it goes well": a blessing, after the names
                           r"[,.!]\s*(?:inshallah|in\s*sha'?\s*allah|god\s+willing|fingers\s+crossed|"
                           r"wish\s+me\s+luck)\b).*$", re.I | re.S)
#: Their post after a name: "Mr. Raj Mehta, the hiring mgr".
_POST_AFTER = re.compile(r",\s*(?:the|our|their|my)\s+(?:hiring\s+)?(?:mgr|manager|recruiter|"
                         r"director|lead|boss|supervisor)\s*\.?$|"
                         # "Dr. Miles Kerrigan, Head of Design."
                         r",\s*(?:head|director|vp|chief|manager|lead)\s+(?:of|for)\s+"
                         r"[\w&' -]+\.?$",
                         re.I)
#: An answer that puts the names off: "skip for now".
_SKIPPED = re.compile(r"(?:skip|pass|later|n/?a|none|same\s+as)\b", re.I)


def _names_then_remark(text: str, people: tuple[Interviewer, ...], unclear: list[str]
                       ) -> tuple[tuple[Interviewer, ...], list[str]]:
    """"Nora Kim (design director) — she's kind of intimidating tbh", "Marcus Bell. he
    seemed nice on the phone": the names, then a remark about them that tells nothing to
    act on; the names alone when they read whole, else as read before. A number in the
    remark is the one person's phone ("Lena Fischer, her direct line is 646 555 0188")."""
    parts = _REMARK_BREAK.split(text.strip(), maxsplit=1)
    if len(parts) < 2 or _NEWS_IN_REMARK.search(parts[1]):
        return people, unclear
    names, left = read_names(_names_only(parts[0]))
    if not names or left:
        return people, unclear
    phone = _PHONE_IN_REMARK.search(parts[1])
    if phone is not None:
        if len(names) > 1:
            return people, unclear
        return (replace(names[0], phone=phone.group(0).strip()),), []
    return names, []


#: Where names end and a remark about them begins: "…. he seemed …", ", her direct line".
_REMARK_BREAK = re.compile(r"(?<=\S)(?:(?:[.!]+\s+|\s+[—–-]\s+|,\s*)(?=(?:her|his|she'?s|he'?s|"
                           r"she|he|seemed|like\s+i\s+said)\b)|!{3,}\s*)", re.I)
#: News in a remark after the names, which must not be dropped with it; or a name.
_NEWS_IN_REMARK = re.compile(r"\b(?:sent|emailed|called|rang|phoned|decide|decision|offer|"
                             r"reject\w*|withdr\w*|cancel\w*|wait|scratch|actually|not\s+\w+|"
                             r"instead|only|just|sorry|said|told|back|pushed|moved|check)\b|"
                             r"(?-i:\b(?!I\b)[A-Z][a-z]+)", re.I)
_PHONE_IN_REMARK = re.compile(r"\+?\(?\d[\d\s().-]{5,17}\d")
#: "Lee, Sam": one person written surname first, or two? Asked.
_SURNAME_FIRST = re.compile(r"[A-Z][a-z'-]+,\s*[A-Z][a-z'-]+")
#: Forgotten rather than never heard: "can't remember her name".
_FORGOTTEN = re.compile(r"\b(?:remember|recall)\b", re.I)
#: "…, someone from recruiting": a person described, which a careful coach asks about.
_SOMEONE = re.compile(r"\b(?:someone|somebody|from|guy|woman|man|lady)\b", re.I)
#: "just one guy, Marcus Lee", "Just the one, a chap called Ollie Brennan".
_ONE_PERSON = re.compile(r"^(?:(?:(?:just|jsut|juts)\s+)?(?:the\s+)?one\b(?:\s+(?:guy|person|woman|"
                         r"lady|man|chap|bloke))?\s*[,:-]?\s*)?(?:(?:there\s+was\s+)?an?\s+(?:guy|chap|woman|lady|"
                         r"man|bloke|person)\s+(?:called|named)\s+)?", re.I)
#: "Mr. Okafor and a woman named Lin": who she is, before her name.
_SOMEONE_NAMED = re.compile(r"\ban?\s+(?:guy|chap|woman|lady|man|bloke|person|gentleman|fella|"
                            r"fellow|gal|girl|lad|lass|dude)\s+"
                            r"(?:called|named)\s+(?=\w)", re.I)
#: A name the person isn't sure of: "stan or sam, something like that", "Priya I think?".
_UNSURE_NAME = re.compile(r"\b(?:something\s+like\s+(?:that|this)|or\s+something|i\s+think|"
                          r"not\s+(?:sure|100\s*%)|(?:can'?t|don'?t)\s+remember|maybe|"
                          r"possibly|or\s+was\s+it)\b|^\W*[a-z]+\s+or\s+[a-z]+\b(?!\s+and\b)", re.I)
#: "Tom Baker and his manager, Fiona Grant": who she is, then her name.
_THEIR_TITLE = re.compile(r"\b(?:his|her|their)\s+(?:manager|boss|colleague|co-?worker|supervisor|"
                          r"director|lead|team\s+lead|deputy|assistant|associate|partner)"
                          r"(?:\s*,\s*|\s+(?=[A-Z]))", re.I)
#: "Sir Mark Reyes and Ma'am Liza Cruz po": a courtesy, not part of a name.
_HONORIFIC = re.compile(r"(?:(?<=^)|(?<=\s))(?-i:M\.)\s+(?=[A-Z][a-z]+\s+[A-Z])|"  # "M. Julien …"
                        r"\b(?:(?:la|il)\s+)?(?:sir|ma'?am|signora|signore|signor|señora|señor|"
                        r"mme\.?|mlle\.?|encik|cik|puan|tuan|senhora|senhor|madame|monsieur|herr|frau|pak|bapak|ibu|alhaji|alhaja|"
                        r"hajia)\s+(?=[A-Z])", re.I)
_POLITE_END = re.compile(r"\s+po\b[.!]*$", re.I)
#: Thanks, in any language, after an answer, with emoji or not: "… E se.", "…, merci 🙏",
#: "… ✌️ ty", "…. Jazakallah khair".
_THANKS_AFTER = re.compile(r"(?<=[\w)])\s*[,.!\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]"
                           r"[\s,.!\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]*"
                           r"(?:thanks|thank\s+you|thx|ty|tq|cheers|e\s+se|ese|asante|gracias|"
                           r"merci|danke|grazie|obrigad[oa]|kiitos|tack|takk|shukran|shukriya|"
                           r"dhanyavaad|salamat|arigato|xie\s*xie|spasibo|jazakallah(?:\s+khair)?)"
                           r"(?:\s+(?:so\s+much|a\s+lot|lots|po|bach|mate|love|hun|boss|bro|"
                           r"sis|kak|dear|x+))?"
                           r"[\s.!\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]*$", re.I)
#: A full stop said aloud before the next sentence: "… period it's on the 24th".
_SAID_STOP = re.compile(r"\s+(?:period|full\s+stop)\s+(?=(?:it'?s|its|it\s+is|the|and|"
                        r"interview|i|i'?m|we|they)\b)", re.I)
#: The list said to be over, and whatever follows: ", that's it. Groetjes", "- nobody else".
_LIST_ENDS = re.compile(r"\s+only\W*$|"  # "… and Mrs. Lakshmi Narayanan only."
                        r"\s*[,.;:–—-]?\s*\b(?:that'?s\s+(?:it|all|everyone|everybody|the\s+lot)|"
                        r"(?:nobody|no\s+one|no-one)\s+else)\b.*$", re.I | re.S)


def answer(draft: AddDraft, asked: Ask, text: str, now: datetime, tz: ZoneInfo) -> Answer:
    """Fold one typed answer into the draft."""
    text = text.strip()
    lowered = text.lower().strip(" .!")
    if asked is Ask.TZ:
        zone = parse_zone(text)
        if zone is None:
            return Answer(draft, f"I don't know the time zone {short(text, 40)!r}.")
        if draft.fields:
            draft, problem = from_fields(draft.fields, now, ZoneInfo(zone), need_tz=False)
            return Answer(draft, problem, new_tz=zone)
        if draft.reread:
            draft = start(draft.reread, now, ZoneInfo(zone), need_tz=False)
        draft.need_tz = False
        return Answer(draft, too_long_problem(draft), new_tz=zone)
    if not text:
        return Answer(draft, "I didn't get an answer there.")
    if asked in (Ask.COMPANY, Ask.ROLE):
        if len(text) > MAX_FIELD:
            return Answer(draft, f"That's long for a {asked.value} name; "
                                 f"keep it under {MAX_FIELD} characters.")
        if asked is Ask.COMPANY:
            draft.company = text
            return Answer(draft)
        renamed = _COMPANY_PUT_RIGHT.match(text)
        wrong = _WRONG_COMPANY.match(text)
        if wrong is not None and draft.company and (
                not wrong["old"] or wrong["old"].casefold() == draft.company.casefold()):
            # "sorry, wrong company, I meant Soylent not Globex": said to be wrong, put right
            draft.company = short(wrong["new"].strip())
            return Answer(draft, f"Got it: the company is {draft.company}.")
        if renamed is not None and draft.company and \
                renamed["old"].casefold() == draft.company.casefold() and \
                draft.company.casefold() in renamed["new"].casefold():
            # "sorry, it's Globex Logistics, not plain Globex": the company's full name; a
            # name of another shape ("it's Globo not Globex") is asked again, as before
            draft.company = short(renamed["new"].strip())
            # "…. role is data scientist": the title, told with it
            rest = _ROLE_TOLD_TOO.match(text[renamed.end():])
            role = role_answer(rest["role"]) if rest is not None else None
            if role is not None:
                draft.role = role
            return Answer(draft, f"Got it: the company is {draft.company}.")
        role = role_answer(text)
        if role is None and lowered.startswith("why"):
            return Answer(draft, "Your thank-you drafts and reminders name the role, so "
                                 "they read right to the people who interviewed you.")
        if role is None and (_DROP_IT.search(text) or _NEVER_MIND.search(text)):
            # "never mind, delete that, I added it by mistake": asked, not done
            return Answer(draft, "Nothing is saved yet: say `cancel` to drop this new "
                                 "interview, or tell me the job title.")
        if role is None:
            return Answer(draft, "I need the job title, as they wrote it in the posting "
                                 "(`designer`, `senior data analyst`); `cancel` stops.")
        draft.role = role
        return Answer(draft)
    if asked is Ask.WHEN:
        if PROMISE_CUES.search(text):
            # "gavin said they would let me know by friday": their day, not the interview's
            return Answer(draft, "That sounds like when they'll get back to you, not when the "
                                 "interview was: tell me that again once this one is added.")
        early = EARLY_OR_LATE.search(text)
        if early is not None and not PART_OF_DAY.search(text):
            # "tomorrow at 6": a shift's start, or an evening? Not guessed.
            hour = early.group("hour")
            return Answer(draft, f"Is {hour} in the morning or the evening? Say it again "
                                 f"with am or pm, e.g. `at {hour}am`.")
        zones = zones_after_clocks(text)  # "Dec 2, 10:00 AM PST": read on that clock
        plain = text
        for found in reversed(zones):
            plain = f"{plain[:found.start()]} {plain[found.end():]}"
        theirs = {zone_named(found.group(0)) for found in zones}
        if len(theirs) > 1 or None in theirs:
            return Answer(draft, "Which clock is that time on? Give it as it is for you.")
        moment, had_time = parse_when_detail(plain, now, tz)
        if moment is not None and had_time and theirs:
            moment = in_zone(moment, theirs.pop() or tz.key, tz)
            draft.zone_said = zones[0].group(0)
        part = None if had_time or moment is None else part_of_today(text)
        if part is not None and moment is not None:  # "this morning": 9:00 will do
            moment, had_time = moment.replace(hour=part.hour, minute=part.minute), True
        if moment is None:
            return Answer(draft, f"I couldn't read {short(text, 60)!r} as a date"
                                 f"{why_not(text)}.")
        draft.starts_at, draft.had_time = moment, had_time
        draft.day_gone = _before_today(moment, now, tz)
        # "Dec 2 at 11am with Carol Diaz": the names are not dropped.
        pieces = _WITH.split(plain, maxsplit=1)
        people, unclear = read_names(pieces[1]) if len(pieces) == 2 else ((), [])
        if people and not unclear:  # "… with the Seattle team, …, via Zoom": no names
            draft.interviewers = list(people[:MAX_INTERVIEWERS])
        return Answer(draft)
    if asked is Ask.TIME:
        assert draft.starts_at is not None
        if sum(c.isdigit() for c in text) > 4:
            # "priya number is 020 7946 0018 …": a number, not the time it started
            return Answer(draft, f"I couldn't read {short(text, 40)!r} as a time of day.")
        moment, had_time = parse_when_detail(
            f"{draft.starts_at.astimezone(tz):%Y-%m-%d} {text}", now, tz
        )
        if moment is None or not had_time:
            return Answer(draft, f"I couldn't read {short(text, 40)!r} as a time of day.")
        draft.starts_at, draft.had_time = moment, True
        return Answer(draft)
    if asked is Ask.PEOPLE:
        if draft.last_round and lowered in SAME_WORDS:
            draft.interviewers = list(draft.last_round)
            return Answer(draft)
        if _SKIPPED.fullmatch(text.strip(" .!")):
            # "skip": no name to thank yet, so the notes go to "the hiring team" until one
            # is added (`fix`)
            draft.interviewers = [Interviewer(UNNAMED_INTERVIEWER)]
            return Answer(draft)
        if _SKIPPED.match(text):
            return Answer(draft, "I need at least one name, the way they spell it, or say "
                                 "`didn't get their name`.")
        if _SURNAME_FIRST.fullmatch(text.strip(" .")):
            return Answer(draft, f"Is “{short(text, 40)}” one person, surname first, or two "
                                 "people? Write each name as they'd sign it, e.g. `Sam Lee`, "
                                 "or `Sam and Lee`.")
        no_name = NO_NAME.search(text)
        if no_name and _FORGOTTEN.search(text[:no_name.end()]):
            # "can't remember her name": it may be in the invite, so it is asked once more
            return Answer(draft, "Their name is often in the invite or the e-mail that set it "
                                 "up: type it if you find it, or say `didn't get their name` "
                                 "and the note goes to the hiring team.")
        if no_name and re.search(r"\byet\b", text[no_name.end():no_name.end() + 12], re.I):
            # "I don't know their names yet, the interview's tomorrow": known later
            return Answer(draft, "Then say `didn't get their name` and the notes go to the "
                                 "hiring team; add the names once you know them (`fix`).")
        if no_name and not _SOMEONE.search(text[no_name.end():]):
            # The note then goes to "the hiring team"; a name can be added later (`fix`).
            draft.interviewers = [Interviewer(UNNAMED_INTERVIEWER)]
            return Answer(draft)
        if _NOT_NAMES.search(text):  # "one sec, my toddler is screaming"
            return Answer(draft, "Take your time; I'll wait.")
        if _DROP_IT.search(text):  # asked, not done: `cancel` drops the new interview
            return Answer(draft, "Nothing is saved yet: say `cancel` to drop this new "
                                 "interview, or tell me who interviewed you.")
        if GREETING_ONLY.match(text.strip()):  # "hi 👋": hello, and the question stands
            return Answer(draft, "Hi!")
        if _NEWS_NOT_NAMES.search(text):
            # "called them, nobody picked up", "GOT THE JOB!!!": news typed where names
            # were asked; it waits until this interview is added
            return Answer(draft, "That reads as news, not names: tell me it again once this "
                                 "interview is added.")
        if _UNSURE_NAME.search(_names_only(text)):  # "stan or sam, something like that"
            return Answer(draft, "I'd rather not guess a name: a note to the wrong one is worse "
                                 "than one to the hiring team. Type it as they spell it, or "
                                 "say `didn't get their name`.")
        people, unclear = read_names(_names_only(text))
        if unclear or not people:
            people, unclear = _names_then_remark(text, people, unclear)
        if not people:
            return Answer(draft, "I need at least one name, the way they spell it.")
        if not unclear and text == text.lower():
            # "espera, antes enséñame mi lista porfa": typed in lower case, a "name" of
            # more than three words is a sentence
            unclear = [p.name for p in people
                       if len([w for w in p.name.split() if w.lower() not in _PARTICLES]) > 3]
        if unclear:
            # Half an answer is not stored: drafts addressed to "the manager lady" or
            # to only one of two people are worse than asking once more.
            return Answer(draft, f"I couldn't take “{short(unclear[0], 40)}” as a name.")
        draft.interviewers = list(people[:MAX_INTERVIEWERS])
        remark = _REMARK_AFTER.search(text.strip())
        said = parse_promise(remark.group(0).lstrip(".!, "), draft.starts_at.astimezone(tz).date(),
                             now, tz) if remark is not None and draft.starts_at is not None \
            else None
        if said is not None and not draft.promise_done:
            # "Sam Lee. she said they'd let me know by friday": their word, kept
            draft.promise, draft.promise_done = said, True
        return Answer(draft)
    if asked is Ask.PROMISE:
        if lowered in SKIP_WORDS:
            draft.promise_done = True
            return Answer(draft)
        assert draft.starts_at is not None
        base = draft.starts_at.astimezone(tz).date()
        promise = parse_promise(text, base, now, tz)
        if promise is None:
            return Answer(draft, "I couldn't find a date in that.")
        draft.promise, draft.promise_done = promise, True
        return Answer(draft)
    if asked is Ask.CULTURE:
        draft.culture_done = True
        if lowered.startswith(("trad", "formal", "old")):
            draft.culture = Culture.TRADITIONAL
        elif lowered.startswith(("mod", "tech", "startup", "casual")):
            draft.culture = Culture.MODERN
        elif lowered not in SKIP_WORDS and lowered not in {"dont know", "don't know", "?"}:
            return Answer(replace(draft, culture_done=False),
                          "Please answer `traditional`, `modern` or `skip`.")
        return Answer(draft)
    return Answer(draft)


FORM_FIELDS = ("company", "role", "when", "interviewers", "promise", "culture")
#: A platform's add options, each read as the answer to its own question, in this order.
FIELD_QUESTIONS = (("company", Ask.COMPANY), ("role", Ask.ROLE), ("when", Ask.WHEN),
                   ("interviewers", Ask.PEOPLE), ("promise", Ask.PROMISE))


def from_fields(fields: dict[str, str], now: datetime, tz: ZoneInfo, *, need_tz: bool
                ) -> tuple[AddDraft, str | None]:
    """A draft from separate options (a slash command's): each one read as the answer to
    its own question, so nothing is joined into a line and split again. The first
    problem comes back to be said before the question that follows; with the zone still
    unknown, nothing is read until it is."""
    given = {key: value.strip() for key, value in fields.items() if value and value.strip()}
    if need_tz:
        return AddDraft(need_tz=True, fields=given), None
    draft, problem = AddDraft(promise_done=True, culture_done=True), None
    for key, asked in FIELD_QUESTIONS:
        value = given.get(key)
        if not value or (asked is Ask.PROMISE and draft.starts_at is None):
            continue
        result = answer(draft, asked, value, now, tz)
        if result.problem:
            problem = problem or result.problem
        else:
            draft = result.draft
    return draft, problem


def from_form(form: dict[str, str], now: datetime, tz: ZoneInfo
              ) -> tuple[AddDraft, dict[str, str]]:
    """A whole add form at once: the draft, and a problem per field that needs fixing."""
    draft = AddDraft(promise_done=True, culture_done=True)
    problems: dict[str, str] = {}
    steps = ((Ask.COMPANY, "company"), (Ask.ROLE, "role"), (Ask.WHEN, "when"),
             (Ask.PEOPLE, "interviewers"))
    for asked, key in steps:
        value = form.get(key, "").strip()
        if not value:
            problems[key] = "Please fill this in."
            continue
        result = answer(draft, asked, value, now, tz)
        if result.problem:
            problems[key] = result.problem
        else:
            draft = result.draft
    if "when" not in problems and draft.starts_at is not None and not draft.had_time \
            and not draft.day_gone:
        problems["when"] = "Add the time it started, e.g. `Dec 3 2pm`."
    promise = form.get("promise", "").strip()
    if promise and promise.lower().strip(" .!") not in SKIP_WORDS:
        base = (draft.starts_at or now).astimezone(tz).date()
        found = parse_promise(promise, base, now, tz)
        if found is None:
            problems["promise"] = "I couldn't find a date in that; e.g. `decide by Friday`."
        draft.promise = found
    culture = form.get("culture", "").strip()
    if culture:
        result = answer(replace(draft, culture_done=False), Ask.CULTURE, culture, now, tz)
        if result.problem:
            problems["culture"] = result.problem
        else:
            draft = result.draft
    return draft, problems
