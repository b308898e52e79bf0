"""What every reader needs: is the line hedged, or about something the coach doesn't know?

Acting on the only open interview is a guess when the line names another company or a
word the coach can't place; such a line is asked about instead.
"""

from __future__ import annotations

import re

from bot.commands import (
    InterviewRecord,
)
from bot.parsing.english import dictionary
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.reading import Context, Line
from bot.parsing.understanding.references import KnownInterview

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
#: Capitalised words that name no company: sentence starts, days, months, "I".
_COMMON_CAPITALS = lx.words("""i i'm i've i'll i'd im ok okay hr ceo cto vp uk us usa
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december dec nov jan feb mar apr jun
    jul aug sep sept oct mon tue tues wed thu thur thurs fri sat sun qa ux ui ml""")


def strangers(line: Line, ctx: Context) -> bool:
    """Whether the line names something the coach doesn't know, such as another company:
    acting on the only open interview would then be a guess."""
    known = {w.lower() for k in ctx.known for part in (k.company, *k.names)
             for w in _WORD.findall(part)} | line.found.company_words
    words = _WORD.findall(line.text)
    shouting = line.text.upper() == line.text
    for n, word in enumerate(words):
        lower = word.lower().removesuffix("'s")
        if lower in known or lower in _COMMON_CAPITALS or lower in lx.VOCABULARY:
            continue
        if word[0].isupper() and n > 0 and not shouting:
            return True
        parts = [p for p in lower.split("-") if p]  # "thank-you", "follow-up"
        if not all(p in lx.VOCABULARY or dictionary().known([p]) for p in parts):
            return True
    return False


def unnamed(line: Line, ctx: Context) -> bool:
    """No interview named, and the line may be about one the coach doesn't know."""
    return not line.found.numbers and strangers(line, ctx)


def hedged(line: Line) -> bool:
    return bool(lx.HEDGES.search(line.text)) or line.text.rstrip().endswith("?")


def record(k: KnownInterview) -> InterviewRecord:
    return InterviewRecord(k.record_id)
