"""Adding an interview: from one line, a form, or one question at a time."""

from __future__ import annotations

import re
from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.commands import AddInterview, AddInterviewFields
from bot.content.call_scripts import call_contact
from bot.content.notes import name_parts
from bot.conversation import add_flow
from bot.conversation.flows import AddFlow
from bot.conversation.turn import Turn
from bot.conversation.views import plan_reply
from bot.messages import Action, ActionId, Reply
from bot.model import Checkpoint, CheckpointKind, Interview
from bot.parsing.impossible_dates import why_not
from bot.parsing.understanding.lexicon import THEIR_TIME
from bot.parsing.understanding.reading import Choice, Reading
from bot.parsing.understanding.story import told_story
from bot.rules.plan import WORK_CLOSES, WORK_OPENS
from bot.text import short


def add(turn: Turn, command: AddInterview) -> list[Reply]:
    draft = add_flow.start(command.text, turn.now, turn.tz,
                           need_tz=not turn.person.tz_confirmed)
    if not draft.company and not command.again and add_flow.too_long_problem(draft) is None:
        # "add an interview with Initech for QA engineer on Friday …": a sentence, not
        # fields; read as a story is (added when every fact is clear, else shown and asked).
        from bot.conversation.understood import act, context_for  # it dispatches here

        told = told_story(command.text, context_for(turn))
        if told is not None:
            return act(turn, told)
    problem = None if draft.need_tz else add_flow.too_long_problem(draft)
    if draft.starts_at is None and draft.unclear and \
            draft.next_question() is add_flow.Ask.WHEN:
        # Say what could not be read as a date ("2026-13-01"), not just ask again.
        problem = (f"{problem} " if problem else "") + "I couldn't read " + "; ".join(
            f"“{short(u, 40)}”" for u in draft.unclear[:2]) + " as a date" + why_not(
            " ".join(draft.unclear[:2])) + "."
    unnamed = next((u for u in draft.unclear if _SOMEONE_BY_TITLE.fullmatch(u.strip())), None)
    if draft.interviewers and unnamed is not None:
        # "with the branch manager and someone called Summer": one of them has no name
        # yet, so who is thanked is asked, not left out.
        named = " and ".join(p.name for p in draft.interviewers)
        draft.interviewers = []
        draft.unclear = [u for u in draft.unclear if unnamed not in u]  # asked for now
        problem = (f"I have {named}, but no name for “{short(unnamed, 40)}”. Give me "
                   "everyone's names as they spell them (or say `didn't get their name`).")
    if draft.starts_at is not None and draft.employer_tz is None and THEIR_TIME.search(
            command.text):
        # "yesterday 2pm their time": a clock in a zone not named is no time to plan on
        draft.starts_at = None
        problem = ("You said “their time” without saying where they are, so I haven't "
                   "guessed the time: give it as it was for you.")
    elif draft.starts_at is not None and draft.zone_doubt:
        # "today 9am Tokyo time", "2pm Pacific / 4pm my time": which moment is not sure
        draft.starts_at = None
        problem = (f"You gave the time with “{short(draft.zone_doubt, 30)}”, and I can't be "
                   "sure which moment that is on your clock, so I haven't guessed it: give it "
                   "as it is for you.")
    elif draft.starts_at is not None and draft.employer_tz is None and \
            draft.starts_at.astimezone(turn.tz).hour < _EARLIEST_HOUR:
        # "tomorrow 12am", "3am": an interview in the night is most likely a slip of am
        # for pm (or 12am for noon); asked, not planned on
        said = f"{draft.starts_at.astimezone(turn.tz):%H:%M}"
        draft.starts_at = None
        problem = (f"An interview at {said}, in the night? I haven't taken that time, in case "
                   "it was a slip: give it again with am or pm (`12pm` is noon).")
    twin = None if command.again or problem or draft.next_question() is not None \
        else _twin(turn, draft)
    if twin is not None:
        # "add Initech, QA engineer, Nov 20 10am" with that one tracked: a copy, or a
        # second interview there that day? Theirs to say; nothing is added yet.
        from bot.conversation.understood import act  # it dispatches here

        moved = "" if draft.starts_at is None or twin.starts_at.astimezone(turn.tz).date() == \
            draft.starts_at.astimezone(turn.tz).date() else (
            f" If it is that one on a new day, `fix {twin.number} when …` moves it instead.")
        return act(turn, Reading(
            question=f"You already have {twin.company} (#{twin.number}), {twin.role}, on "
                     f"{twin.starts_at.astimezone(turn.tz):%a %d %b}. Add this one as "
                     f"well?{moved}",
            choices=(Choice("Add it as well", replace(command, again=True)),
                     Choice("No, leave it", None))))
    return ask(turn, draft, problem, fresh=True)


def _twin(turn: Turn, draft: add_flow.AddDraft) -> Interview | None:
    """An open interview at the same company on the same day as the one being added, or
    for the same job on another day (a next round, or the day put right?)."""
    if draft.starts_at is None or not draft.company:
        return None
    company, day = draft.company.casefold(), draft.starts_at.astimezone(turn.tz).date()
    role = (draft.role or "").casefold()
    return next((i for i, _ in turn.repo.interviews_with_checkpoints(turn.person.id)
                 if i.is_open and i.company.casefold() == company
                 and (i.starts_at.astimezone(turn.tz).date() == day
                      or (bool(role) and i.role.casefold() == role))), None)


#: An interview before this hour, local time, is asked about: "12am" is seldom meant.
_EARLIEST_HOUR = 5


#: Someone named by their job alone: "the branch manager", "their HR person".
_SOMEONE_BY_TITLE = re.compile(r"(?:the|my|their|our|a|an)\s+(?:[\w-]+\s+){0,2}(?:manager|director|"
                               r"lead|supervisor|recruiter|head|owner|person|guy|lady|"
                               r"woman|man|chef|partner|officer)", re.I)


def add_fields(turn: Turn, command: AddInterviewFields) -> list[Reply]:
    fields = {"company": command.company, "role": command.role, "when": command.when,
              "interviewers": command.interviewers, "promise": command.promise}
    draft, problem = add_flow.from_fields(fields, turn.now, turn.tz,
                                          need_tz=not turn.person.tz_confirmed)
    return ask(turn, draft, problem)


def ask(turn: Turn, draft: add_flow.AddDraft, problem: str | None = None, *,
        fresh: bool = False) -> list[Reply]:
    """Ask the next missing thing, or add the interview when nothing is missing. A `fresh`
    draft (a whole `add` line) is not the question that may be waiting: adding it leaves
    that question open, to be asked again."""
    question = draft.next_question()
    if question is None:
        return finish(turn, draft, ends_question=not fresh)
    prompt = add_flow.prompt(question, draft)
    turn.set_flow(AddFlow(question, draft, prompt))
    text = f"{problem} {prompt}" if problem else prompt
    # A names answer that wasn't one: offer the way out of not knowing them.
    actions = (Action(ActionId.NO_NAME, add_flow.NO_NAME_ANSWER),) \
        if problem and question is add_flow.Ask.PEOPLE else ()
    return [Reply(text=text + "\n(Answer here, or with `/followup answer …` where you "
                              "used a command; `cancel` stops.)", actions=actions)]


def answer(turn: Turn, flow: AddFlow, text: str) -> list[Reply]:
    if flow.asking is add_flow.Ask.ROLE:
        text = _role_of_another(turn, text) or text
    if flow.asking is add_flow.Ask.PEOPLE and (met := _met_before(turn, text)) is not None:
        return ask(turn, flow.draft, f"{met} from another of your interviews, or someone else "
                                     "of that name? Type their whole name as they spell it.")
    result = add_flow.answer(flow.draft, flow.asking, text, turn.now, turn.tz)
    if result.new_tz:
        turn.refresh(turn.repo.update_person(turn.person.id, tz=result.new_tz,
                                             tz_confirmed=True))
    return ask(turn, result.draft, result.problem)


#: "same as the acme one lol": the role of an interview already tracked.
_SAME_AS = re.compile(r"^\W*(?:the\s+)?same\s+(?:as|like)\s+(?:the\s+|my\s+)?"
                      r"(?P<company>[\w&'. -]+?)(?:'s)?(?:\s+(?:one|role|job|position|interview))?"
                      r"(?:\s+(?:lol|haha|lmao))?\W*$", re.I)


def _met_before(turn: Turn, text: str) -> str | None:
    """A first name alone ("Dana") that is an interviewer of another tracked interview:
    the same person, or another of that name? Their whole name, if so."""
    said = text.strip(" .!").casefold()
    if not said.isalpha():
        return None
    met = {p.name for i, _ in turn.repo.interviews_with_checkpoints(turn.person.id)
           for p in i.interviewers if p.name.split()[0].casefold() == said}
    return next(iter(met)) if len(met) == 1 else None


def _role_of_another(turn: Turn, text: str) -> str | None:
    """The role of the one tracked interview the answer names as the same, if it does."""
    said = _SAME_AS.match(text.strip())
    if said is None:
        return None
    company = said.group("company").strip().casefold()
    roles = {i.role for i, _ in turn.repo.interviews_with_checkpoints(turn.person.id)
             if i.company.casefold() == company}
    return roles.pop() if len(roles) == 1 else None


def ask_again(turn: Turn, flow: AddFlow) -> list[Reply]:
    """After a command typed mid-question: the command may have answered it (a `tz`)."""
    draft = flow.draft
    if draft.need_tz and turn.person.tz_confirmed:
        draft = add_flow.answer(draft, add_flow.Ask.TZ, turn.person.tz, turn.now,
                                turn.tz).draft
    return ask(turn, draft)


def office_hours_note(interview: Interview, checkpoints: list[Checkpoint]) -> str | None:
    """With the employer in another zone: where the first call lands for them, and a
    plain word when none of their office hours is a waking hour of the user's."""
    if not interview.employer_tz:
        return None
    call = next((cp for cp in checkpoints if cp.kind is CheckpointKind.FIRST_CALL), None)
    if call is None:
        return None
    theirs = call.due_at.astimezone(ZoneInfo(interview.employer_tz))
    place = interview.employer_tz.rsplit("/", 1)[-1].replace("_", " ")
    if WORK_OPENS <= theirs.time() < WORK_CLOSES and theirs.weekday() < 5:
        return f"Calls are planned in {place} office hours: the first is at " \
               f"{theirs:%H:%M} their time."
    return (f"None of {place}'s office hours falls outside your quiet hours, so the call is "
            f"at the first hour you're awake: {theirs:%H:%M} their time. Check they'll pick "
            "up, or change your quiet hours with `quiet`.")


def finish(turn: Turn, draft: add_flow.AddDraft, *, ends_question: bool = True
           ) -> list[Reply]:
    person = turn.person
    if ends_question and turn.repo.get_conversation(person.id) is not None:
        turn.set_flow(None)
    interview = turn.repo.add_interview(person.id, draft.to_new(), turn.now)
    checkpoints = turn.replan(interview, rows=[])  # just added: no steps yet
    notes = []
    if interview.promise is None:
        notes.append("No next step promised, so I've planned your first call about a "
                     f"working week out. If they said something, tell me: "
                     f"`promised {interview.number} they'll decide by Friday`.")
    if draft.day_gone and not draft.had_time:
        notes.append(f"You didn't say what time it was, so I've put "
                     f"{interview.starts_at.astimezone(turn.tz):%H:%M}: for a day gone by it "
                     f"changes nothing in the plan. `fix {interview.number} when <day and "
                     "time>` puts it right.")
    if draft.zone_said:
        zone = draft.zone_said if any(c.isupper() for c in draft.zone_said) \
            else draft.zone_said.title().replace(" Time", " time")  # "pacific" → "Pacific"
        if not zone.lower().endswith("time") and not zone.isupper():
            zone += " time"  # "Pacific time", "London time"; "PT" and "UTC-8" as said
        notes.append(f"You gave the time in {zone}: that's "
                     f"{interview.starts_at.astimezone(turn.tz):%a %d %b %H:%M} your time, "
                     "and the plan keeps your clock.")
    if draft.unclear:
        notes.append("I couldn't place: " + "; ".join(
            f"“{short(u, 60)}”" for u in draft.unclear[:3]))
    contact = call_contact(interview)
    if contact is not None and not contact.phone:
        # Asked once, here; the call reminder works without it (it names whom to ask for).
        _, given, family = name_parts(contact.name)  # "Mr. Sato" is Sato, not "Mr."
        first = given or family or contact.name.split()[0]
        notes.append(f"Got a direct number for {contact.name}? "
                     f"`fix {interview.number} phone {first} <number>` puts it in your "
                     "call reminder. No number is fine too.")
    office = office_hours_note(interview, checkpoints)
    if office:
        notes.append(office)
    reply = plan_reply(interview, checkpoints, turn.tz, turn.now,
                       title=f"Added #{interview.number}: {interview.title}",
                       prefs=turn.prefs())
    text = reply.text
    if notes:
        text += "\n\n" + "\n".join(notes)
    text += "\n\nI'll message you at each step. Following up is what hiring managers expect."
    return [Reply(text=text, title=reply.title, fields=reply.fields, actions=reply.actions)]
