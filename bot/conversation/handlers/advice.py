"""Questions asked in words: an answer from the coaching rules, never a change."""

from __future__ import annotations

from bot.commands import AskCoach
from bot.content import notes
from bot.content.advice import answer_for
from bot.conversation.turn import Turn
from bot.messages import Reply


def answer(turn: Turn, command: AskCoach) -> list[Reply]:
    if command.topic == "text":
        return [Reply(text=notes.why_not_text_or_social("text message"))]
    return [Reply(text=answer_for(command.topic))]
