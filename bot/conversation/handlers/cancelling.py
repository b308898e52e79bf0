"""What `cancel` mid-question says: exactly what was dropped and what was already kept."""

from __future__ import annotations

from bot.conversation.flows import CallNewsFlow, DeleteFlow, Flow, ForgetFlow, ReflectFlow
from bot.conversation.handlers.reflection import QUESTIONS
from bot.messages import Reply


def dropped(flow: Flow) -> Reply:
    """The question is gone; say truthfully what, if anything, was saved before it."""
    if isinstance(flow, ReflectFlow):
        if flow.step == 0:
            return Reply(text="OK, I stopped there. Nothing was saved.")
        kept = " and ".join(f"“{q}”" for q in QUESTIONS[:flow.step])
        return Reply(text=f"OK, I stopped there. Your answer to {kept} is kept in your "
                          "journal (`journal` shows it); the rest is left blank.")
    if isinstance(flow, CallNewsFlow):
        return Reply(text="OK. Your call is noted; tell me their news whenever you have it.")
    if isinstance(flow, ForgetFlow):
        return Reply(text="OK, I kept everything.")
    if isinstance(flow, DeleteFlow):
        return Reply(text="OK, nothing was deleted.")
    return Reply(text="OK, I dropped that. Nothing was saved.")
