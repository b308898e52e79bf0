"""Free text read into typed commands, with how sure the reading is.

The command grammar (`bot.parsing.command_text`) reads `sent 1 Jane`; this package reads
what people write instead: "sent jane a thank you email", "Initech passed on me",
"it's Jayne not Jane". A reading is either sure (run it, and say what was understood) or
a question with one button per possible reading. Precision comes before recall: a line
that might be about another interview, or that hedges ("I think…"), is asked, never
acted on.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.parsing.understanding import story
from bot.parsing.understanding.normalise import normalise
from bot.parsing.understanding.readers import adding, asking, corrections, news, steps
from bot.parsing.understanding.reading import Choice, Context, Line, Reading
from bot.parsing.understanding.references import KnownInterview

__all__ = ["Choice", "Context", "KnownInterview", "Reading", "understand"]

#: In order: the first reader whose cues are in the line reads it.
READERS: tuple[Callable[[Line, Context], Reading | None], ...] = (
    asking.show, corrections.correct, steps.remove, steps.cancel, asking.question,
    news.outcome, story.story, adding.comma_add, news.promise, news.call, news.sent,
    steps.snooze, asking.question_mark,
)


def understand(text: str, ctx: Context) -> Reading | None:
    """What the line asks for, or None when no reader recognises it."""
    names = [part for k in ctx.known for part in (k.company, *k.names)]
    line = Line.of(normalise(text, names), ctx)
    for reader in READERS:
        reading = reader(line, ctx)
        if reading is not None:
            return reading
    return None
