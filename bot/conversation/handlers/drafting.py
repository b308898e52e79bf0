"""Helping with the notes themselves: what to mention to whom, and a check before sending."""

from __future__ import annotations

from bot.commands import CheckNote, NoteTopic
from bot.content.spelling import check_interview_note
from bot.conversation.turn import Turn
from bot.messages import Reply
from bot.text import short


def note(turn: Turn, command: NoteTopic) -> list[Reply]:
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    if not command.topic:
        return [Reply(text=f"Write it as `note {interview.number} Jane: talked about the "
                           "Q3 migration`.")]
    who = command.who.lower()
    matches = [p for p in interview.interviewers if who in p.name.lower()]
    if len(matches) != 1 or not who:
        names = ", ".join(p.name for p in interview.interviewers)
        return [Reply(text=f"Which interviewer? I have: {names}.")]
    target = matches[0]
    assert target.id is not None
    turn.repo.set_interviewer_note(target.id, short(command.topic, 300))
    return [Reply(text=f"Noted for {target.name}; their thank-you draft will "
                       "mention it.")]


def check(turn: Turn, command: CheckNote) -> list[Reply]:
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    if not command.note.strip():
        return [Reply(text=f"Paste your note after the number: `check {interview.number} "
                           "Dear Jane, thank you …`.")]
    issues = check_interview_note(command.note, interview, turn.person.display_name)
    if not issues:
        return [Reply(text="I found no spelling slips, and every name matches what you "
                           "recorded. Send it!")]
    lines = [f"• {issue.describe()}" for issue in issues[:12]]
    return [Reply(text="Worth a second look before you send:\n" + "\n".join(lines))]
