"""Looking back on a closed interview: three short questions kept in the journal."""

from __future__ import annotations

from bot.commands import Reflect
from bot.conversation.flows import ReflectFlow
from bot.conversation.turn import Turn
from bot.messages import Reply
from bot.model import CheckpointKind, Interview, JournalEntry
from bot.text import short

QUESTIONS = (
    "What went well?",
    "What would you do differently next time?",
    "Anything to remember for the next interview?",
)


def reflect(turn: Turn, command: Reflect) -> list[Reply]:
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    return start(turn, interview)


def start(turn: Turn, interview: Interview) -> list[Reply]:
    question = QUESTIONS[0]
    turn.set_flow(ReflectFlow(interview.id, 0, question))
    return [Reply(text=f"Looking back on {interview.title}. {question}\n"
                       "(Type `cancel` to stop.)")]


def answer(turn: Turn, flow: ReflectFlow, text: str) -> list[Reply]:
    step = flow.step
    if not text:
        return [Reply(text=QUESTIONS[min(step, 2)])]
    turn.repo.add_journal(turn.person.id, JournalEntry(
        interview_id=flow.interview_id, at=turn.now, question=QUESTIONS[min(step, 2)],
        answer=short(text, 2000),
    ))
    step += 1
    if step < len(QUESTIONS):
        question = QUESTIONS[step]
        turn.set_flow(ReflectFlow(flow.interview_id, step, question))
        return [Reply(text=question)]
    turn.set_flow(None)
    turn.complete_kind(flow.interview_id, CheckpointKind.REFLECT)
    return [Reply(text="Saved to your journal (`journal` shows it). Every interview "
                       "makes the next one easier.")]
