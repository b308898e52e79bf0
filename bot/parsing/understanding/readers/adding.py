"""An `add` line that left out `add`: "Acme, data analyst, today 2pm, Jane Smith"."""

from __future__ import annotations

from bot.commands import (
    AddInterview,
)
from bot.parsing.interview_line import parse_interview
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.reading import Context, Line, Reading


# --- an add line without the verb ---------------------------------------------------------
def comma_add(line: Line, ctx: Context) -> Reading | None:
    """"Acme, data analyst, today 2pm, Jane Smith": an `add` line that left out `add`."""
    if line.text.count(",") < 2 or lx.HEDGES.search(line.text):
        return None
    parsed = parse_interview(line.text, ctx.now, ctx.tz)
    if not (parsed.company and parsed.role and parsed.starts_at and parsed.interviewers) \
            or parsed.unclear:
        return None
    if line.text.split(",", 1)[0].strip().lower() != parsed.company.lower():
        return None
    return Reading(AddInterview(line.text), f"a new interview: {parsed.role} at "
                                            f"{parsed.company}.")
