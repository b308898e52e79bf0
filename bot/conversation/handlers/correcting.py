"""Putting right what was entered wrongly: `fix` one detail of an interview, or `delete`
an interview added by mistake (at once, with an Undo for a day; unlike `cancel`, nothing
of it is kept after that).

A correction never guesses: when the field, the interviewer or the new value is
unclear, the reply says what was understood and how to say it, and nothing changes.
After a correction the plan is worked out again and the reply lists each step it moved.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.commands import (
    ConfirmDelete,
    CorrectInterview,
    DeleteInterview,
    Fix,
    OnlyOpenInterview,
    UndoDelete,
)
from bot.content.formatting import checkpoint_label, when
from bot.conversation import flows
from bot.conversation.flows import DeleteFlow
from bot.conversation.replan import ACTIVE
from bot.conversation.turn import Turn, not_found
from bot.messages import Action, ActionId, Reply, Style
from bot.model import Checkpoint, Interview, Interviewer
from bot.parsing import names_a_day, parse_when_detail, read_names
from bot.parsing.zones_said import in_zone, zone_after_clock, zone_named
from bot.rules.plan import Key
from bot.text import MAX_FIELD, short

#: How to say each correction, for replies that could not read one.
HOW = ("`fix {n} company <name>` · `fix {n} role <role>` · `fix {n} when <day and time>` · "
       "`fix {n} <old name> -> <new name>` · `fix {n} add <name> [(email)]` · "
       "`fix {n} remove <name>` · `fix {n} email <name> <address>` · "
       "`fix {n} phone <name> <number>`")
_EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
#: What a note may open with: a name, or a title and surname ("Maria", "Dr. Garcia").
_GREETABLE = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame)\.?\s+)?[^\W\d_][\w'.-]*"
                        r"(?:\s+[^\W\d_][\w'.-]*){0,2}")
_PHONE = re.compile(r"\+?[\d\s().-]+(?:\s*(?:x|ext\.?)\s*\d{1,6})?", re.I)
YES_DELETE = frozenset({"yes", "y", "yes delete", "delete", "yes delete it", "delete it"})


# --- fix ------------------------------------------------------------------------------
def fix(turn: Turn, command: CorrectInterview) -> list[Reply]:
    interview = _interview(turn, command)
    if isinstance(interview, Reply):
        return [interview]
    n = interview.number
    if command.field is None:
        said = f"{short(command.said, 60)!r}" if command.said else "nothing after the number"
        return [Reply(text=f"I couldn't tell what to change on #{n} from {said}, so I "
                           f"changed nothing. Say one of:\n{HOW.format(n=n)}")]
    before = _active(turn.repo.checkpoints_for(interview.id))
    changed = _apply(turn, interview, command)
    if isinstance(changed, Reply):
        return [changed]
    after_interview, done = changed
    moved_day = command.field is Fix.WHEN
    turn.replan(after_interview, before=interview if moved_day else None)
    after = _active(turn.repo.checkpoints_for(interview.id))
    lines = [done, *_moves(interview, after_interview, before, after, turn.tz)]
    if moved_day and len(lines) == 1:
        lines.append("No step of the plan moved.")
    return [Reply(text="\n".join(lines))]


def _interview(turn: Turn, command: CorrectInterview) -> Interview | Reply:
    if isinstance(command.interview, OnlyOpenInterview) and len(turn.open_interviews()) > 1:
        return Reply(text="Which interview? Put its number after `fix`, e.g. "
                          f"`fix 1 {short(command.said, 40) or 'role <role>'}`. `list` "
                          "shows the numbers.")
    return turn.interview(command.interview)


def _apply(turn: Turn, interview: Interview, command: CorrectInterview
           ) -> tuple[Interview, str] | Reply:
    """Make the one change: the interview after it and a line saying what it was."""
    n, value, repo = interview.number, command.value.strip(), turn.repo
    field = command.field
    assert field is not None  # `fix` answered an unreadable field already
    if field in (Fix.COMPANY, Fix.ROLE):
        word = field.value
        if not value or len(value) > MAX_FIELD:
            return _unclear(n, f"the {word}", f"fix {n} {word} <new {word}>",
                            "a new name" if not value else "a shorter one")
        if field is Fix.COMPANY:
            return repo.update_interview(interview.id, company=value), \
                f"#{n}: the company is now {value} (was {interview.company})."
        return repo.update_interview(interview.id, role=value), \
            f"#{n}: the role is now {value} (was {interview.role})."
    if field is Fix.WHEN:
        moment = _new_start(turn, interview, value)
        if moment is None:
            return _unclear(n, "when it was", f"fix {n} when Dec 3 2pm",
                            f"a day or time I can read in {short(value, 40)!r}" if value
                            else "a day or time")
        if moment == interview.starts_at:
            return Reply(text=f"#{n} is already at {when(moment, turn.tz)}; nothing changed.")
        return repo.update_interview(interview.id, starts_at=moment), \
            f"#{n} moved from {when(interview.starts_at, turn.tz)} to {when(moment, turn.tz)}."
    if field is Fix.ADD:
        return _add_people(turn, interview, value)
    if field in (Fix.EMAIL, Fix.PHONE) and not value:
        example = "email Jane name@company.com" if field is Fix.EMAIL else \
            "phone Jane 555 123 4567"
        return _unclear(n, f"an interviewer's {field.value}", f"fix {n} {example}",
                        "an address" if field is Fix.EMAIL else "a number")
    person = _interviewer(interview, command.who, field)
    if isinstance(person, Reply):
        return person
    assert person.id is not None
    if field is Fix.REMOVE:
        return repo.remove_interviewer(person.id), \
            f"Took {person.name} off #{n}, with their thank-you steps."
    if field is Fix.NAME:
        new = _one_name(value)
        if new is None:
            return _unclear(n, f"how {person.name}'s name is spelled",
                            f"fix {n} {person.name.split()[0]} -> <name as it should be>",
                            "the new name" if not value else
                            f"a name I can read in {short(value, 40)!r}")
        if new == person.name:
            return Reply(text=f"{person.name} is already spelled that way on #{n}.")
        return repo.update_interviewer(person.id, name=new), \
            f"#{n}: {person.name} is now {new}."
    if field is Fix.ADDRESS:
        how = " ".join(value.split())
        if not how or len(how) > 60 or not _GREETABLE.fullmatch(how):
            return _unclear(n, f"how your notes greet {person.name}",
                            f"fix {n} address {_first(person)}: {_first(person)}",
                            "a name or a title and surname")
        return repo.update_interviewer(person.id, salutation=how), \
            f"#{n}: your notes to {person.name} now open “Dear {how},” (or “Hi {how},” " \
            "when warm)."
    if field is Fix.EMAIL:
        if not _EMAIL.fullmatch(value):
            return _unclear(n, f"{person.name}'s email", f"fix {n} email {_first(person)} "
                            "name@company.com", "an address like name@company.com")
        return repo.update_interviewer(person.id, email=value), \
            f"#{n}: {person.name}'s email is now {value}; their thank-you draft has it."
    digits = re.sub(r"[^\d+]", "", value)
    if not _PHONE.fullmatch(value) or not 7 <= len(digits) <= 16:
        return _unclear(n, f"{person.name}'s phone", f"fix {n} phone {_first(person)} "
                        "555 123 4567", "a phone number")
    return repo.update_interviewer(person.id, phone=short(value, 40)), \
        f"#{n}: {person.name}'s phone is now {short(value, 40)}."


def _unclear(n: int, about: str, example: str, missing: str) -> Reply:
    return Reply(text=f"I understood a change to {about} on #{n}, but I didn't find "
                      f"{missing}, so I changed nothing. Say it like `{example}`.")


def _first(person: Interviewer) -> str:
    return person.name.split()[0]


def _new_start(turn: Turn, interview: Interview, text: str) -> datetime | None:
    """The corrected start: a time alone keeps the day, a day alone keeps the time."""
    if not text:
        return None
    moment, timed = parse_when_detail(text, turn.now, turn.tz)
    if moment is None:
        return None
    old = interview.starts_at.astimezone(turn.tz)
    if not names_a_day(text):
        if not timed:
            return None
        moment = _local(old.replace(tzinfo=None).replace(hour=moment.hour,
                                                           minute=moment.minute), turn.tz)
    elif not timed:
        moment = _local(moment.replace(tzinfo=None, hour=old.hour, minute=old.minute),
                        turn.tz)
    zone = zone_after_clock(text)
    theirs = zone_named(zone.group(0)) if zone is not None and timed else None
    if theirs is not None:  # "2pm Central, not Eastern": Chicago's 2pm
        moment = in_zone(moment.astimezone(turn.tz), theirs, turn.tz)
    return moment.astimezone(interview.starts_at.tzinfo)


def _local(naive: datetime, tz: ZoneInfo) -> datetime:
    return naive.replace(tzinfo=tz)


def _one_name(text: str) -> str | None:
    people, unclear = read_names(text)
    if len(people) != 1 or unclear:
        return None
    return people[0].name


def _add_people(turn: Turn, interview: Interview, text: str) -> tuple[Interview, str] | Reply:
    n = interview.number
    people, unclear = read_names(text) if text else ((), [])
    if not people or unclear:
        what = (f"a name I can read in {short(text, 40)!r}" if text else "a name")
        return _unclear(n, "who interviewed you", f"fix {n} add Bob Lee (bob@acme.com)", what)
    known = {p.name.casefold() for p in interview.interviewers}
    twice = [p.name for p in people if p.name.casefold() in known]
    if twice:
        return Reply(text=f"{', '.join(twice)} is already on #{n}; nothing changed.")
    updated = interview
    for person in people:
        updated = turn.repo.add_interviewer(interview.id, person)
    names = ", ".join(p.name + (f" ({p.email})" if p.email else "") for p in people)
    return updated, f"Added {names} to #{n}."


def _interviewer(interview: Interview, who: str, field: Fix) -> Interviewer | Reply:
    """The one interviewer `who` names; with nobody named, the only one there is."""
    n = interview.number
    names = ", ".join(p.name for p in interview.interviewers) or "nobody yet"
    people = interview.interviewers
    if not who:
        if len(people) == 1:
            return people[0]
        example = {Fix.REMOVE: f"fix {n} remove <name>", Fix.NAME: f"fix {n} <old> -> <new>",
                   Fix.EMAIL: f"fix {n} email <name> <address>"}.get(
                       field, f"fix {n} phone <name> <number>")
        return Reply(text=f"Whose? #{n} has {names}. Say it like `{example}`; I changed "
                          "nothing.")
    wanted = [w for w in re.sub(r"'s\b", "", who.casefold()).replace(",", " ").split() if w]
    exact = [p for p in people if p.name.casefold() == " ".join(wanted)]
    found = exact or [p for p in people
                      if wanted and all(w in p.name.casefold().split() for w in wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        return Reply(text=f"No interviewer called {short(who, 40)!r} on #{n}; I have: "
                          f"{names}. I changed nothing.")
    return Reply(text=f"{short(who, 40)!r} could be {' or '.join(p.name for p in found)} "
                      f"on #{n}; give the whole name. I changed nothing.")


# --- what moved ---------------------------------------------------------------------------
def _active(rows: list[Checkpoint]) -> dict[Key, Checkpoint]:
    return {row.key: row for row in sorted(rows, key=lambda r: r.id) if row.state in ACTIVE}


def _moves(was: Interview, now: Interview, before: dict[Key, Checkpoint],
           after: dict[Key, Checkpoint], tz: ZoneInfo) -> list[str]:
    """One line per step the correction moved, added or made unnecessary, by date."""
    lines: list[tuple[datetime, str]] = []
    for key, cp in after.items():
        old = before.get(key)
        if old is None:
            lines.append((cp.due_at, f"New step: {checkpoint_label(cp, now)}, "
                                     f"{_short(cp.due_at, tz)}"))
        elif old.due_at != cp.due_at:
            lines.append((cp.due_at, f"{checkpoint_label(cp, now)} moved from "
                                     f"{_short(old.due_at, tz)} to {_short(cp.due_at, tz)}"))
    for key, cp in before.items():
        if key not in after:
            lines.append((cp.due_at, f"No longer needed: {checkpoint_label(cp, was)}, "
                                     f"{_short(cp.due_at, tz)}"))
    return [line for _, line in sorted(lines, key=lambda item: item[0])]


def _short(moment: datetime, tz: ZoneInfo) -> str:
    """'Mon 30 Nov 10:00': the day and time a step moved from or to."""
    here = moment.astimezone(tz)
    return f"{here:%a} {here.day} {here:%b %H:%M}"


# --- delete ---------------------------------------------------------------------------
#: How long a deleted interview can be brought back with Undo.
UNDO_FOR = timedelta(days=1)


def delete(turn: Turn, command: DeleteInterview) -> list[Reply]:
    """`delete 2` (or a sure reading naming it) deletes at once and offers Undo; a bare
    `delete` names no interview, so even with one open it is asked first."""
    if command.said:
        return [Reply(text=_how_to_delete(command.said))]
    if isinstance(command.interview, OnlyOpenInterview) and len(turn.open_interviews()) > 1:
        return [Reply(text="Which interview? Give its number, e.g. `delete 1`. `list` "
                           "shows the numbers.")]
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    if not isinstance(command.interview, OnlyOpenInterview):
        return [delete_with_undo(turn, interview)]
    n = interview.number
    question = (f"Type `yes` to delete #{n} ({interview.title}), anything else to keep it.")
    waiting = turn.flow()
    if isinstance(waiting, DeleteFlow):
        waiting = None if waiting.resume is None else flows.load(waiting.resume)
    turn.set_flow(DeleteFlow(interview.id, question,
                             None if waiting is None else flows.dump(waiting)))
    steps = len(turn.repo.checkpoints_for(interview.id))
    lead = ("(I'll come back to the question I'd asked before once this is settled.)\n"
            if waiting is not None else "")
    return [Reply(
        text=f"{lead}Delete #{n} ({interview.title}, {when(interview.starts_at, turn.tz)}) "
             f"for good, with its {steps} step{'s' if steps != 1 else ''}? To stop its "
             f"reminders but keep its history, use `cancel {n}` instead.\nType `yes` to "
             "delete it, anything else to keep it.",
        actions=(Action(ActionId.DELETE_INTERVIEW, f"Delete #{n}", str(interview.id),
                        Style.DANGER),
                 Action(ActionId.KEEP_INTERVIEW, "Keep it", str(interview.id))),
    )]


def delete_with_undo(turn: Turn, interview: Interview, *, again: str = "",
             replace: bool = False) -> Reply:
    """Delete it now, keeping a copy for Undo; a question waiting about it goes too."""
    set_aside = turn.repo.set_aside_interview(interview.id, turn.now + UNDO_FOR)
    if set_aside is None:
        return Reply(text="That interview is gone already." + again, replace_original=replace)
    held, counts = set_aside
    waiting = turn.flow()
    if getattr(waiting, "interview_id", None) == interview.id:
        turn.set_flow(None)  # a question about the interview just deleted
        again = ""
    steps = counts.get("checkpoints", 0)
    until = when(turn.now + UNDO_FOR, turn.tz)
    return Reply(text=f"Deleted #{interview.number} ({interview.title}) and its {steps} "
                      f"step{'s' if steps != 1 else ''}. Your other interviews keep their "
                      f"numbers; `list` shows them. Undo brings it back until {until}; to "
                      "stop reminders but keep an interview, `cancel` does that." + again,
                 actions=(Action(ActionId.UNDO_DELETE, "Undo", str(held)),),
                 replace_original=replace)


def undo_delete(turn: Turn, command: UndoDelete) -> list[Reply]:
    """The Undo button under a deleted interview: it comes back with its plan."""
    restored = turn.repo.restore_interview(command.held, turn.person.id, turn.now)
    interview = None if restored is None else turn.owned_interview(restored)
    if interview is None:
        return [Reply(text="I can't bring that interview back: its time for Undo is up, "
                           "or it's back already. `list` shows your interviews.",
                      replace_original=False)]
    turn.replan(interview)
    return [Reply(text=f"Back: #{interview.number} ({interview.title}), with its plan. "
                       f"`plan {interview.number}` shows it.", replace_original=False)]


def _how_to_delete(said: str) -> str:
    words = said.casefold()
    if words.strip(" .!") in {"everything", "all", "me", "all my data", "my data"}:
        return "To delete everything I keep about you, type `forget me`."
    return (f"I didn't delete anything: {short(said, 40)!r} isn't an interview number. "
            "To delete an interview added by mistake, say `delete <number>` (`list` shows "
            "them); to take an interviewer off one, `fix <number> remove <name>`.")


def confirm(turn: Turn, command: ConfirmDelete) -> list[Reply]:
    """A button under the delete question; it only acts while that question is open."""
    flow = turn.flow()
    record = command.interview.record_id
    if not isinstance(flow, DeleteFlow) or flow.interview_id != record:
        if turn.owned_interview(record) is None:
            return [not_found()]
        return [Reply(text="That question isn't open any more, so I did nothing. Type "
                           "`delete <number>` to ask again.", replace_original=True)]
    return [_settle(turn, flow, yes=command.yes, replace=True)]


def answer(turn: Turn, flow: DeleteFlow, text: str) -> list[Reply]:
    """The typed answer to the delete question."""
    return [_settle(turn, flow, yes=text.lower().strip(" .!") in YES_DELETE)]


def _settle(turn: Turn, flow: DeleteFlow, *, yes: bool, replace: bool = False) -> Reply:
    resumed = _resume(turn, flow)
    again = "" if resumed is None else f"\nBack to my earlier question: {resumed.question}"
    interview = turn.owned_interview(flow.interview_id)
    if interview is None:
        return Reply(text="That interview is gone already." + again, replace_original=replace)
    if not yes:
        return Reply(text=f"OK, I kept #{interview.number} ({interview.title})." + again,
                     replace_original=replace)
    return delete_with_undo(turn, interview, again=again, replace=replace)


def _resume(turn: Turn, flow: DeleteFlow) -> flows.Flow | None:
    """The question set aside for the delete, waiting again; None when there was none (or
    this release can no longer read it)."""
    try:
        resumed = None if flow.resume is None else flows.load(flow.resume)
    except flows.StaleFlow:
        resumed = None
    turn.set_flow(resumed)
    return resumed
