"""Asking in words: show the list or a plan, a question the rules answer, `why <day>`."""

from __future__ import annotations

import re

from bot.commands import (
    AskCoach,
    ExplainStep,
    ListInterviews,
    ShowHelp,
    ShowPlan,
)
from bot.parsing.dates import MONTH, parse_when
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.common import record
from bot.parsing.understanding.reading import Context, Line, Reading
from bot.parsing.understanding.references import pick


# --- showing ------------------------------------------------------------------------------
def show(line: Line, ctx: Context) -> Reading | None:
    if lx.SHOW_HELP.search(line.text):
        return Reading(ShowHelp())
    if lx.SHOW_LIST.search(line.text) and not lx.CANCEL_CUES.search(line.text) and not (
            len(line.text.split()) > 12 and not _ASKS_TO_SEE.search(line.text)):
        # "stop the reminders but keep it on my list" is a cancel, not a look at the list;
        # "walked him through my pipeline", in a story, is no request to see anything
        return Reading(ListInterviews())
    if lx.SHOW_PLAN.search(line.text) and line.found.numbers:
        target = pick(line.found, ctx.known)
        if target is not None:
            return Reading(ShowPlan(record(target)))
        return Reading(ListInterviews())
    if lx.SHOW_PLAN.search(line.text) and _NEXT_OF_ALL.search(line.text):
        # "when's my next reminder": the one interview's plan, or the list of them all
        open_ones = [k for k in ctx.known if k.open]
        return Reading(ShowPlan(record(open_ones[0]))) if len(open_ones) == 1 else \
            Reading(ListInterviews())
    return None


#: The next step asked about with no interview named: "when's my next reminder".
_NEXT_OF_ALL = re.compile(r"\bmy\s+next\s+(?:step|reminder|nudge)\W*$", re.I)

_ASKS_TO_SEE = re.compile(r"\b(?:show|see|list|pull\s+up|bring\s+up|what)\b", re.I)


# --- questions ----------------------------------------------------------------------------
def question(line: Line, ctx: Context) -> Reading | None:
    """A line that starts as a question ("should I…", "what do I say…")."""
    if lx.QUESTION_START.match(line.text) or _FOR_YOU.search(line.text):
        return _answer(line, ctx)
    wondering = _WONDERING.match(line.text)
    if wondering is not None and lx.QUESTION_START.match(line.text[wondering.end():]):
        # "I wonder why you picked friday", "not sure what to put in the thank you note"
        return _answer(Line.of(line.text[wondering.end():], ctx), ctx)
    # "I have never written one. What ought I to say in it." asks last, after no news
    *told, last = _SENTENCES.split(line.text.strip())
    if told and lx.QUESTION_START.match(last) and not _NEWS.search(" ".join(told)):
        return _answer(Line.of(last, ctx), ctx)
    # "haven't sent the thank you yet, what do I even say in it": a step not done, then
    # the question about it
    *told, last = re.split(r",\s+", line.text.strip())
    if told and lx.QUESTION_START.match(last) and lx.NOT_SENT.search(" ".join(told)):
        return _answer(Line.of(last, ctx), ctx)
    return None


_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: "can you just email Jane the thank you for me": something asked of the coach to do.
_FOR_YOU = next(pattern for pattern, topic in lx.QUESTION_TOPICS if topic == "for_you")
#: A question asked without its question's word first: "I wonder why …", "not sure what …".
_WONDERING = re.compile(r"^(?:(?:ok|okay|so|well|erm?|um+|uh+|hmm+|right|hey|alright|also|"
                        r"and)\b[\s,.!]*)+"
                        r"(?=\w)|"
                        r"^(?:i\s+)?(?:wonder|'?m\s+wondering|am\s+wondering|was\s+wondering|"
                        r"(?:i'?m\s+|am\s+)?not\s+sure|no\s+idea|(?:could|can)\s+you\s+"
                        r"(?:advise|tell)\s+me(?:\s+on)?|quick\s+question)\s*[,:—–-]?\s*", re.I)
#: Words of news in the sentences before a question: the news is read, not the question.
_NEWS = re.compile(rf"{lx.SENT_VERBS.pattern}|{lx.CALL_CUES.pattern}|{lx.PROMISE_CUES.pattern}",
                   re.I)


def question_mark(line: Line, ctx: Context) -> Reading | None:
    """Any other line ending in "?", once no report was found in it."""
    return _answer(line, ctx) if line.text.rstrip().endswith("?") else None


_WHY_DAY = re.compile(r"^(?:why|how\s+come)(?:'s|\s+is|\s+are)?\s+"
                      r"(?:(?:on|is\s+it|the|this|that)\s+)?"
                      # "why did you tell me to call today": the day the plan gave
                      r"(?:(?:did|do|does)\s+(?:you|it)\s+(?:tell|ask|want|make|have)\s+me\s+"
                      r"(?:to\s+)?(?:call|ring|phone)\s+(?:them\s+|her\s+|him\s+)?(?:on\s+)?)?"
                      # "why's the initech call on the 30th": the step, then its day
                      r"(?:(?:the\s+|my\s+)?(?:[\w&'-]+\s+)?(?:call|calls|reminder|note|"
                      r"thank[\s-]?you|follow[\s-]?up)\s+(?:is\s+)?(?:on|for|set\s+for|"
                      r"planned\s+for)\s+(?:the\s+|next\s+)?)?"
                      # "monday the 14th": the weekday with its date, read whole
                      r"(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:the\s+)?"
                      r"\d{1,2}(?:st|nd|rd|th)?\b(?:\s+(?:of\s+)?" + MONTH + r")?)?|tomorrow|today|"
                      r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?:st|nd|rd|th)|"
                      + MONTH + r"\s+\d{1,2})\b",
                      re.I)


def _why_day(line: Line, ctx: Context) -> Reading | None:
    match = _WHY_DAY.match(line.text)
    if match is None:
        return None
    day = match.group("day")
    moment = parse_when(f"the {day}" if day[0].isdigit() and day[-1].isalpha() else day,
                        ctx.now, ctx.tz)
    if moment is None:
        return None
    named = pick(line.found, ctx.known) if len(line.found.numbers) == 1 else None
    return Reading(ExplainStep(on=moment.astimezone(ctx.tz).date(),
                               interview=None if named is None else record(named)))


def _answer(line: Line, ctx: Context) -> Reading:
    why = _why_day(line, ctx)
    if why is not None:
        return why
    topic = next((t for pattern, t in lx.QUESTION_TOPICS if pattern.search(line.text)), "other")
    target = pick(line.found, ctx.known) if line.found.numbers else None
    return Reading(AskCoach(topic, None if target is None else record(target)))
