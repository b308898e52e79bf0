"""A BCC'd thank-you to one clear interviewer: marked sent at once, with an Undo button.

The message itself is the evidence (the person sent it, to that person), so this is the
one thing mail does without asking; anything less clear is asked (`proposals`).
"""

from __future__ import annotations

from bot.conversation.replan import ACTIVE
from bot.conversation.turn import Turn
from bot.mail.matching import Match
from bot.messages import Action, ActionId, Reply
from bot.model import CheckpointKind, Interviewer


def mark_sent(turn: Turn, match: Match) -> list[Reply]:
    """Mark `match.interviewer`'s thank-you sent; one line, Undo, and a spelling note."""
    assert match.interviewer is not None
    replies = [_marked(turn, match)]
    if match.greeted:
        replies.append(Reply(text=f"Heads-up: your note greets “{match.greeted}”, but I "
                                  f"have “{match.interviewer.name}”. Worth checking the "
                                  "spelling."))
    return replies


def _marked(turn: Turn, match: Match) -> Reply:
    interview, who = match.interview, match.interviewer
    assert isinstance(who, Interviewer)
    if turn.now < interview.starts_at:
        return Reply(text=f"I saw a thank-you to {who.name}, but your {interview.title} "
                          "interview is still ahead, so I changed nothing.")
    waiting = [cp.id for cp in turn.repo.checkpoints_for(interview.id)
               if cp.kind is CheckpointKind.THANK_YOU and cp.interviewer_id == who.id
               and cp.state in ACTIVE]
    if not waiting or not turn.mark_done(interview, (CheckpointKind.THANK_YOU,), {who.id}):
        return Reply(text=f"I saw your thank-you to {who.name} ({interview.title}); it was "
                          "already marked sent.")
    turn.replan(turn.repo.get_interview(interview.id) or interview)
    return Reply(text=f"Saw your thank-you to {who.name} (#{interview.number}, "
                      f"{interview.title}): marked sent.",
                 actions=(Action(ActionId.UNDO_DONE, "Undo", str(waiting[0])),))
