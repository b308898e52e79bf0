"""What an employer's (or a recruiter's) message says about an interview, in their voice.

A person's typed line says "I got the job"; an employer writes "we are delighted to
offer you the role" three paragraphs into a letter with a legal footer. This reader
weighs the whole message, sentence by sentence, for the four kinds of news the coach
records from mail: an offer, a rejection, an invitation to a next round, and a new
date for their decision. It is built for precision: a sentence that negates its cue
("this does not constitute an offer") is no evidence, an offer outranks the deadline
that comes with it ("let us know your decision by Wednesday" is the person's), and a
message that says two different things, or turns a no into another role, is a
question for the person, never a proposal. All phrases live in the tables below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from bot.model import Promise, PromiseKind
from bot.parsing.promises import parse_promise


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(patterns) + r")", re.I)


class Doubt(StrEnum):
    """Why a message's one piece of news is asked about rather than proposed."""

    OTHER_ROLE = "other_role"  # it names another job title, or pairs a no with one
    HEDGED = "hedged"  # it only guesses or sets a condition
    SOMEONE_ELSE = "someone_else"  # it greets someone other than the person
    TEMPLATE = "template"  # a form letter with blanks left in, or good news that says no


class News(StrEnum):
    OFFER = "offer"
    REJECTED = "rejected"
    NEXT_ROUND = "next_round"
    DECIDE_BY = "decide_by"


#: "We'd like to offer you the role", "an offer of employment", "the formal offer".
OFFER = _any(
    r"(?:like|love|pleased|delighted|happy|thrilled|excited|want|wants|able)\s+to\s+"
    r"(?:formally\s+)?(?:offer|extend)\s+(?:to\s+)?you",
    r"offer\s+you\s+(?:the|a|this)\s+(?:\w+\s+){0,4}(?:role|position|job|post)",
    r"offer\s+of\s+employment", r"(?:formal|official|written|verbal|conditional)\s+offer",
    r"(?:love|like)\s+(?:for\s+)?you\s+to\s+join\s+(?:the|our|us)",
    r"your\s+offer\s+(?:letter|from)", r"extended\s+(?:you\s+)?an\s+offer",
    r"(?:review|accept)\s+your\s+offer",
    r"congratulations\s+on\s+your\s+(?:new\s+)?(?:offer|role)")
#: "Not been successful", "moving forward with other candidates", "filled internally".
REJECTED = _any(
    r"not\s+been\s+successful", r"\bunsuccessful\b", r"regret\s+to\s+(?:inform|let)",
    r"(?:not|n't)\s+(?:be\s+)?(?:moving|move|going|proceeding|proceed|progressing|progress)"
    r"\s+(?:forward\s+)?(?:with\s+)?(?:your|you)",
    r"decided\s+not\s+to\s+(?:progress|proceed|move|continue|pursue|take)",
    r"(?:move|moving|proceed|proceeding|go|going)\s+(?:forward\s+)?with\s+(?:other|another|"
    r"a\s+different|the\s+other)\s+(?:candidate|applicant|person)",
    r"(?:go|going|gone|went)\s+(?:in\s+)?a\s+different\s+direction",
    r"(?:go|going|gone|went)\s+with\s+(?:a|another|an\s+internal|the\s+other)\s+"
    r"(?:\w+\s+){0,3}candidate",
    r"(?:fill|filled|filling)\s+(?:the\s+)?(?:\w+\s+){0,4}(?:role|position|job|vacancy)\s+"
    r"internally", r"(?:fill|filled|filling)\s+it\s+internally",
    r"(?:fill|filled|filling)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:role|position|job|vacancy)\s+"
    r"with\s+(?:an?\s+)?(?:internal|other|another|different|more\s+experienced)\s+"
    r"(?:candidate|applicant|person|hire)",
    r"offer(?:ed)?\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:role|position|job)\s+to\s+(?:them|"
    r"someone|another|a\s+different|the\s+other)",
    r"pursue\s+other\s+(?:candidates|applicants)", r"status:\s*not\s+selected",
    r"\bnot\s+selected\b",
    r"won'?t\s+be\s+(?:moving|taking)\s+(?:forward|things\s+further)",
    r"not\s+(?:be\s+)?offering\s+you", r"(?:not|n't)\s+be\s+making\s+you\s+an\s+offer",
    r"not\s+be\s+progressed", r"withdraw(?:n|ing)?\s+(?:the|our|your)\s+(?:\w+\s+)?offer",
    r"rescind")
#: "We'd like to invite you to a second interview", "bring you back for a technical round".
NEXT_ROUND = _any(
    r"invite\s+you\s+(?:back\s+)?(?:to|for)\s+(?:a|an|the|our)\s+(?:\w+[\s-]+){0,3}"
    r"(?:interview|round|stage|conversation|meeting|panel|chat)",
    r"(?:bring|have|see|get)\s+you\s+(?:back|in\s+again|again)", r"come\s+back\s+(?:in\s+)?for",
    r"invite\s+you\s+to\s+(?:complete|attend|join|take\s+part\s+in)\s+",
    r"moving\s+(?:on\s+)?to\s+the\s+(?:\w+\s+)?round",
    r"move\s+(?:you\s+)?forward\s+(?:with\s+you\s+)?to\s+(?:the|a)\s+",
    r"move\s+forward\s+with\s+you",
    r"moving\s+forward\s+in\s+the\s+(?:interview\s+)?process",
    r"next\s+step\s+(?:is|will\s+be)\s+(?:a|an|the)\s+(?:\w+[\s-]+){0,4}"
    r"(?:interview|round|chat|call|conversation|panel|exercise)",
    r"schedule\s+your\s+(?:\w+\s+){0,2}(?:interview|round)",
    r"(?:second|2nd|third|3rd|final|next|technical|onsite|on-site)[\s-]+"
    r"(?:round|stage)\s+(?:interview\s+)?(?:with|on|at)\b",
    r"\b(?:round|stage)\s+(?:2|3|two|three)\b")
#: Praise for how far they came is not an invitation ("on making it to the final round").
NOT_AN_INVITATION = _any(r"(?:making|made|make)\s+it\s+to\s+the", r"reach(?:ed|ing)\s+the")
#: Their decision, or their word, on a date: "make a decision by Friday, December 4".
DECISION = _any(
    r"(?:make|reach|made|reached|have)\s+(?:a|our|their|the)\s+(?:final\s+)?decision",
    r"(?:provide|providing|give|giving|have|share|sharing)\s+(?:an?\s+)?"
    r"(?:update|feedback|answer|news)", r"\bdecide\b", r"know\s+more",
    r"(?:be\s+in\s+touch|get\s+back\s+to\s+you|let\s+you\s+know)\s+(?:by|on|before|within)",
    r"(?:contact|update|inform|notify|tell)\s+(?:you|every\s+candidate|all\s+candidates|"
    r"candidates)\b", r"(?:pushed|moved)\s+(?:their|the|our)\s+decision", r"\brevert\b",
    r"\bdecision\b.{0,60}\b(?:by|before|no\s+later\s+than)\b",
    r"hear\s+from\s+(?:us|me)\b.{0,30}\bby\b")
#: "We'll make the call by Wednesday": the employer deciding, never a phone call.
MAKE_THE_CALL = _any(r"make\s+(?:the|a|our|their)\s+(?:final\s+)?call\b")
#: A message that takes back an earlier one ("sent in error, please disregard") is no news.
RETRACTED = _any(r"sent\s+in\s+error", r"please\s+disregard",
                 r"sent\s+(?:to\s+you\s+)?by\s+mistake")
#: A job title the message names: "the Marketing Coordinator position", "Your offer – X".
ROLE_NAMED = re.compile(
    r"(?:for|of|as|in)\s+(?:the|our|a|an)\s+(?P<a>(?:[A-Z][\w&/+-]*\s+){1,5})"
    r"(?:position|role|opening|vacancy)\b|^(?i:your\s+offer)\s+[–—-]\s+(?P<b>.+)$|"
    r"(?:position|role)\s+of\s+(?P<c>(?:[A-Z][\w&/+-]*\s*){1,5})", re.M)
#: The person's own decision (an offer's deadline) is not the employer's.
YOURS = _any(r"your\s+decision", r"your\s+acceptance", r"let\s+us\s+know\s+(?:your|if|whether)")
#: A no that comes with something else ("we'd love to consider you for another role").
ALTERNATIVE = _any(
    r"consider\s+you\s+for", r"(?:would|are)\s+you\s+(?:be\s+)?(?:interested|open)",
    r"you'?d\s+be\s+(?:interested|open)", r"could\s+suit\s+you", r"\binstead\b",
    r"(?:a|another|our)\s+(?:different|other|new)\s+(?:role|position|opening|opportunity)\s+"
    r"(?:that|which|we|on)", r"contract\s+(?:\w+\s+)?(?:role|position)",
    r"(?:a|another)\s+(?:similar|related|different|new)\s+(?:\w+\s+)?(?:role|position|"
    r"opening|vacancy|opportunity)",
    r"(?:passed|forwarded|sent|shared)\s+(?:on\s+)?your\s+(?:cv|resume|résumé|profile|"
    r"details|application)\s+(?:on\s+)?to")
#: A sentence that only guesses or sets a condition ("we're hoping to have news possibly
#: next week", "if all goes well we'll invite you back"): its news is asked about. A bare
#: hope is not one: employers "hope to decide by Friday" as often as they promise it.
HEDGED = _any(
    r"\bpossibl[ey]\b", r"\bperhaps\b", r"\bmaybe\b",
    r"\bmight\b", r"\bdepend(?:s|ing)?\s+on\b", r"\bunless\b", r"\btentative(?:ly)?\b",
    r"\bmay\s+(?:be|have|want|need|reach|not|also|take|still|decide|hear|get|contact|"
    r"well|end|ask|come|invite|offer|make)\b",
    r"\bif\s+(?!you\s+(?:have|need|would\s+like|want)\b)(?!there\s+(?:is|are)\s+anything)",
    r"\bor\s+(?:the\s+)?(?:week|day|month)\s+after\b", r"\bor\s+so\b", r"fingers\s+crossed",
    r"(?:not|n't)\s+(?:yet\s+)?(?:sure|certain)\b")
#: A sentence saying it is not news ("this does not constitute an offer", "no decision yet").
NEGATED = _any(r"\bnot\b", r"\bno\b", r"n't\b", r"\bnever\b", r"\bwithout\b")
#: Blanks a form letter should have filled: "{{recruiter_name}}", "[NEXT_STEPS_TEXT]".
UNFILLED = re.compile(r"\{\{\s*\w+\s*\}\}|\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\]|%[A-Z]+(?:_[A-Z]+)*%")
#: Good news announced: with a no in the same message, the two contradict each other.
GOOD_NEWS = _any(r"good\s+news", r"(?:delighted|pleased|happy|thrilled)\s+to\s+(?:inform\s+you|"
                 r"tell\s+you|let\s+you\s+know\s+that|confirm\s+that|share\s+(?:the|some)\s+news)")
#: "I wish I had good news", "not the good news you hoped for": no good news at all.
NO_GOOD_NEWS = _any(r"\bwish\b", r"\bnot\b", r"n't\b", r"\bno\b", r"\bunfortunately\b",
                    r"\bhop(?:e|ed|ing)\b", r"\bhear\b")
#: "Hi Jordan," on the first line: whom the message was written to.
GREETING = re.compile(r"^\s*(?i:hi|hello|hey|dear)\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b",
                      re.M)
#: Greetings to no one in particular.
ANYONE = frozenset({"there", "all", "everyone", "team", "candidate", "applicant", "friend",
                    "again", "folks", "sir", "madam"})
#: Words after which a message is someone else's or boilerplate: legal footers, lists.
_FOOTER = _any(r"^\s*confidentiality\s+notice", r"^\s*this\s+(?:e-?mail|message)\s+and\s+any",
               r"^\s*you\s+are\s+receiving", r"^\s*you're\s+receiving",
               r"^\s*(?:from|sent):\s", r"registered\s+in\s+england")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: At most this many sentences are weighed: news comes early in a letter.
SENTENCES = 40


@dataclass(frozen=True, slots=True)
class Heard:
    """What a message says: one kind of news with its sentence (and a promise for a
    new decision date), or `unsure` when it says more than one thing."""

    news: News | None = None
    sentence: str = ""
    promise: Promise | None = None
    unsure: tuple[News, ...] = ()
    doubt: Doubt | None = None  # why `unsure` holds one piece of news


def sentences(text: str) -> list[str]:
    """The message's own sentences, before any footer or a quoted header block."""
    kept: list[str] = []
    for line in text.splitlines():
        if _FOOTER.search(line):
            break
        kept.append(line)
    found = [s.strip() for s in _SENTENCE_END.split("\n".join(kept)) if s.strip()]
    return found[:SENTENCES]


def read_news(subject: str, text: str, now: datetime, tz: ZoneInfo, role: str = "", *,
              known_on: date | None = None, reader: str = "") -> Heard:
    """The news in one employer's message about the interview for `role`, weighed over all
    its sentences. A decision date equal to `known_on` (the one already recorded) is no
    news; a message about another job title, hedged, greeting someone other than
    `reader` (the person's name, if known) or retracted is never sure."""
    if RETRACTED.search(subject + "\n" + text):
        return Heard()
    found: dict[News, str] = {}
    alternative = False
    promise: Promise | None = None
    for sentence in [subject, *sentences(text)]:
        alternative = alternative or bool(ALTERNATIVE.search(sentence))
        for news, cue in ((News.OFFER, OFFER), (News.REJECTED, REJECTED),
                          (News.NEXT_ROUND, NEXT_ROUND)):
            hit = cue.search(sentence)
            if hit is None or news in found:
                continue
            if news is not News.REJECTED and _negated(sentence, hit.start()):
                continue  # "does not constitute an offer", "we're not able to offer you"
            if news is News.NEXT_ROUND and NOT_AN_INVITATION.search(sentence):
                continue
            found[news] = sentence
        decision = DECISION.search(sentence) or MAKE_THE_CALL.search(sentence)
        if promise is None and decision and not YOURS.search(sentence) \
                and not _negated(sentence, decision.start()):
            promise = _promise(sentence, decision.start(), now, tz)
            if promise is not None and promise.on == known_on:
                promise = None  # the date they gave before: maybe a later sentence moves it
            if promise is not None:
                found.setdefault(News.DECIDE_BY, sentence)
    heard = _weigh(found, promise, alternative)
    if heard.news is None:
        return heard
    doubt = Doubt.TEMPLATE if UNFILLED.search(subject + "\n" + text) or (
        heard.news is News.REJECTED and _good_news(subject, text)) else \
        Doubt.OTHER_ROLE if role and _other_role(subject, text, role) else \
        Doubt.SOMEONE_ELSE if reader and _greets_another(text, reader) else \
        Doubt.HEDGED if HEDGED.search(heard.sentence) else None
    if doubt is None:
        return heard
    return Heard(sentence=heard.sentence, promise=heard.promise, unsure=(heard.news,),
                 doubt=doubt)


def _negated(sentence: str, cue: int) -> bool:
    """A negation just before the cue: "this is not a formal offer", "I can't give you a
    decision by Friday"."""
    return bool(NEGATED.search(sentence[max(0, cue - 25):cue]))


def _good_news(subject: str, text: str) -> bool:
    """The message announces good news somewhere (not "I wish I had good news")."""
    for sentence in [subject, *sentences(text)]:
        for hit in GOOD_NEWS.finditer(sentence):
            if not NO_GOOD_NEWS.search(sentence[max(0, hit.start() - 30):hit.start()]):
                return True
    return False


def _greets_another(text: str, reader: str) -> bool:
    """The message opens by greeting a first name that is not the reader's."""
    greeting = GREETING.search("\n".join(text.strip().splitlines()[:3]))
    first = reader.split()[0].lower() if reader.split() else ""
    if greeting is None or not first:
        return False
    name = greeting.group("name").lower()
    return name not in ANYONE and fuzz.ratio(name, first) < 80 and not (
        first.startswith(name) or name.startswith(first))  # "Alex" for "Alexandra"


def _other_role(subject: str, text: str, role: str) -> bool:
    """The message names a job title, and none it names is the interview's."""
    subject = re.sub(r"^(?:\s*(?:fwd?|fw|re)\s*:\s*)+", "", subject, flags=re.I)
    named = [(m.group("a") or m.group("b") or m.group("c") or "").strip()
             for m in ROLE_NAMED.finditer(subject + "\n" + text)]
    named = [n for n in named if n]
    return bool(named) and all(fuzz.token_set_ratio(n.lower(), role.lower()) < 80
                               for n in named)


def _promise(sentence: str, cue: int, now: datetime, tz: ZoneInfo) -> Promise | None:
    """Their date, read in the cue's clause first ("we're seeing people this week and
    will decide by the end of next week" means next week; "…by Wednesday, and I'll reach
    out that day" is still their decision), then after the cue, then in the sentence."""
    sentence = MAKE_THE_CALL.sub("decide", sentence)  # their decision, not a phone call
    cue = min(cue, len(sentence))
    clause = re.split(r",\s+(?:and|but)\s+|;", sentence[cue:], maxsplit=1)[0]
    for text in (clause, sentence[cue:], sentence):
        promise = parse_promise(text, now.date(), now, tz, PromiseKind.THEY_DECIDE_BY)
        if promise is not None and promise.kind is PromiseKind.THEY_DECIDE_BY:
            return promise
    return None


def _weigh(found: dict[News, str], promise: Promise | None, alternative: bool) -> Heard:
    outcomes = [n for n in (News.OFFER, News.REJECTED, News.NEXT_ROUND) if n in found]
    if News.REJECTED in outcomes and (alternative or len(outcomes) > 1):
        if len(outcomes) > 1:
            return Heard(unsure=tuple(outcomes))
        return Heard(unsure=(News.REJECTED,), doubt=Doubt.OTHER_ROLE)
    if len(outcomes) > 1:
        if outcomes == [News.OFFER, News.NEXT_ROUND]:
            return Heard(News.OFFER, found[News.OFFER])  # "the next step is your offer call"
        return Heard(unsure=tuple(outcomes))
    if outcomes:
        return Heard(outcomes[0], found[outcomes[0]])
    if promise is not None:
        return Heard(News.DECIDE_BY, found[News.DECIDE_BY], promise)
    return Heard()
