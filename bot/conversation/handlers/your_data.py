"""The person's own data: the journal, an export of everything, and forgetting them."""

from __future__ import annotations

import json

from bot.commands import ExportData, ForgetMe, ShowJournal
from bot.conversation.flows import ForgetFlow
from bot.conversation.turn import Turn
from bot.conversation.views import journal_reply
from bot.messages import Draft, Reply

YES_DELETE = frozenset({"yes", "y", "yes delete", "delete"})


def journal(turn: Turn, command: ShowJournal) -> list[Reply]:
    entries = turn.repo.journal(turn.person.id)
    titles = {i.id: i.title for i in turn.repo.list_interviews(turn.person.id)}
    return [journal_reply(entries, titles, turn.tz)]


def export(turn: Turn, command: ExportData) -> list[Reply]:
    data = turn.repo.export_person(turn.person.id)
    body = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return [Reply(text="Here is everything I keep about you, as JSON.",
                  drafts=(Draft(title="followup-export.json", body=body),))]


def forget(turn: Turn, command: ForgetMe) -> list[Reply]:
    if command.unclear:
        return [Reply(text="To delete all your data, type `forget me`.")]
    turn.set_flow(ForgetFlow())
    return [Reply(text="This deletes every interview, reminder and journal entry I "
                       "keep for you, for good. Type `yes` to go ahead, anything else "
                       "to keep it.")]


def answer(turn: Turn, flow: ForgetFlow, text: str) -> list[Reply]:
    turn.set_flow(None)
    if text.lower().strip(" .!") not in YES_DELETE:
        return [Reply(text="OK, I kept everything.")]
    counts = turn.repo.forget_person(turn.person.id)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "nothing"
    return [Reply(text=f"Done. I deleted: {summary}. If you write again, I'll start "
                       "fresh.")]
