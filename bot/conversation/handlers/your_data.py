"""The person's own data: the journal, an export of everything, and forgetting them."""

from __future__ import annotations

import json

from bot.commands import ConfirmForget, ExportData, ForgetMe, ShowJournal
from bot.content import notes
from bot.conversation.flows import ForgetFlow
from bot.conversation.turn import Turn
from bot.conversation.views import journal_reply
from bot.messages import Action, ActionId, Draft, Reply, Style

YES_DELETE = frozenset({"yes", "y", "yes delete", "delete"})


def journal(turn: Turn, command: ShowJournal) -> list[Reply]:
    entries = turn.repo.journal(turn.person.id)
    titles = {i.id: i.title for i in turn.repo.list_interviews(turn.person.id)}
    return [journal_reply(entries, titles, turn.tz)]


def export(turn: Turn, command: ExportData) -> list[Reply]:
    data = turn.repo.export_person(turn.person.id)
    # Drafts are not stored but made from what is: the export shows them as made now.
    data["drafts"] = [
        {"interview": interview.number, "to": person.name, "title": draft.title,
         "body": draft.body}
        for interview, _ in turn.items() if interview.is_open
        for person in interview.interviewers
        for draft in [notes.thank_you_variant(interview, person, turn.tz, tone=turn.person.tone,
                                              medium="email",
                                              sender_name=turn.person.display_name)]
    ]
    body = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return [Reply(text="Here is everything I keep about you, as JSON.",
                  drafts=(Draft(title="followup-export.json", body=body),))]


def forget(turn: Turn, command: ForgetMe) -> list[Reply]:
    if command.unclear:
        return [Reply(text="To delete all your data, type `forget me`.")]
    turn.set_flow(ForgetFlow())
    who = str(turn.person.id)
    return [Reply(text="This deletes every interview, reminder and journal entry I "
                       "keep for you, your club memberships and settings, for good. "
                       "Type `yes` to go ahead, or press a button; anything else keeps it.",
                  actions=(Action(ActionId.FORGET_ME, "Yes, delete it all", who,
                                  Style.DANGER),
                           Action(ActionId.KEEP_MY_DATA, "No, keep it", who)))]


def answer(turn: Turn, flow: ForgetFlow, text: str) -> list[Reply]:
    turn.set_flow(None)
    if text.lower().strip(" .!") not in YES_DELETE:
        return [Reply(text="OK, I kept everything.")]
    return _forget(turn)


def confirm_forget(turn: Turn, command: ConfirmForget) -> list[Reply]:
    """A button under the question: acts only on the presser's own, still open question."""
    if command.person_id != turn.person.id or not isinstance(turn.flow(), ForgetFlow):
        return [Reply(text="That question has closed, so I changed nothing. Type "
                           "`forget me` to ask again.", replace_original=True)]
    return answer(turn, ForgetFlow(), "yes" if command.yes else "no")


def _forget(turn: Turn) -> list[Reply]:
    counts = turn.repo.forget_person(turn.person.id)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "nothing"
    return [Reply(text=f"Done. I deleted: {summary}. If you write again, I'll start "
                       "fresh.", forgotten=True)]
