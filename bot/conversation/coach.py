"""The conversation's front door: one neutral event in, the bot's replies out.

Every platform calls `Coach.handle`. Typed text is read into a command, a button or a
slash command's options arrive as one, and a question left open takes the next line
as its answer unless that line is plainly a command. User mistakes become friendly
replies in the handlers; anything unexpected is logged and the user gets an apology.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from bot.commands import Answer, Command, Unknown
from bot.conversation import add_flow, buttons, flows, understood
from bot.conversation.dispatch import dispatch
from bot.conversation.flows import (
    AddFlow,
    CallNewsFlow,
    ChoiceFlow,
    DeleteFlow,
    Flow,
    ReflectFlow,
)
from bot.conversation.handlers import (
    adding,
    call_news,
    cancelling,
    correcting,
    reflection,
    your_data,
)
from bot.conversation.outage import OutageLog
from bot.conversation.replan import replan
from bot.conversation.turn import CoachDefaults, Turn, not_found, prefs_for
from bot.messages import ActionId, Inbound, Reply
from bot.model import Checkpoint, CheckpointKind, Interview, Outcome, Person
from bot.parsing import parse_zone
from bot.parsing.command_text import command_after_lead_in, is_command_line, read_command
from bot.parsing.understanding import NOT_FOR_ME, not_for_me
from bot.ports.clock import Clock
from bot.ports.repository import Repository, RepositoryUnavailable
from bot.rules.plan import CALL_KINDS, Prefs
from bot.text import clean_input, short

log = logging.getLogger(__name__)

__all__ = ["APOLOGY", "DATABASE_DOWN", "Coach", "CoachDefaults", "FormResult"]

CANCEL_WORDS = {"cancel", "stop", "quit", "never mind", "nevermind", "abort"}
APOLOGY = "Sorry, something went wrong on my side. Nothing you told me before is lost; " \
    "please try that again in a moment."
DATABASE_DOWN = "I can't reach my storage right now, so I couldn't save or look that up. " \
    "Please try again in a minute."
LOST_QUESTION = "I lost track of my last question, sorry (I was updated since). Nothing " \
    "you had saved is lost; please start that again, e.g. with `add`."


@dataclass(frozen=True, slots=True)
class FormResult:
    """What a form submission did: replies to show, or problems keyed by field."""

    replies: list[Reply] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)


def _set_aside(flow: Flow) -> Reply:
    """Said when a new question with buttons takes the place of the one that waited."""
    return Reply(text=f"(My earlier question, “{short(flow.question, 60)}”, waits: I'll ask "
                      "it again once this one is settled.)")


class Coach:
    """The bot's brain: people, interviews and plans, for any platform."""

    def __init__(
        self,
        repo: Repository,
        clock: Clock,
        defaults: CoachDefaults,
        on_plan_changed: Callable[[], None] | None = None,
    ) -> None:
        self.repo = repo
        self.clock = clock
        self.defaults = defaults
        self._on_plan_changed = on_plan_changed or (lambda: None)
        self._outage = OutageLog(log, "the coach can neither read nor save until it is back")

    # --- entry point ------------------------------------------------------------------
    def handle(self, inbound: Inbound) -> list[Reply]:
        try:
            # One unit per event: what it reads and the replan it makes are not
            # interleaved with another event of the person's, in this process or another.
            with self._unit(inbound) as person:
                turn = Turn(self.repo, self.clock, self.defaults, person, inbound)
                if inbound.typed is not None:
                    replies = self._explicit(turn, inbound.typed)
                elif inbound.action is ActionId.CHOOSE:
                    replies = understood.pressed(turn, inbound.value)
                elif inbound.action is ActionId.NO_NAME:
                    replies = self._explicit(turn, Answer(add_flow.NO_NAME_ANSWER))
                elif inbound.action is not None:
                    command = buttons.command_for(inbound.action, inbound.value)
                    replies = [not_found()] if command is None else dispatch(turn, command)
                else:
                    replies = self._on_text(turn, inbound)
        except RepositoryUnavailable as error:
            self._outage.failed(error)
            return [Reply(text=DATABASE_DOWN)]
        except Exception:
            log.exception("failed to handle a %s event (action=%s, command=%s)",
                          inbound.identity.platform, inbound.action,
                          type(inbound.typed).__name__ if inbound.typed else None)
            return [Reply(text=APOLOGY)]
        self._outage.succeeded()
        self._on_plan_changed()
        return replies

    def prefs(self, person: Person) -> Prefs:
        return prefs_for(person, self.clock)

    def replan(self, interview: Interview, person: Person | None = None, *,
               before: Interview | None = None) -> None:
        # Inside the caller's unit this joins it; a caller outside one still gets one.
        with self.repo.serialised(interview.person_id):
            person = person or self.repo.get_person(interview.person_id)
            if person is None:
                return
            replan(self.repo, interview, self.prefs(person), self.clock.now(),
                   before=before)

    # --- people ---------------------------------------------------------------------
    @contextmanager
    def _unit(self, inbound: Inbound) -> Iterator[Person]:
        """The person's unit for this event, and the person as of its lock, with what
        the platform reports about them (zone, name) kept. The person is looked up once:
        not at all when the adapter found them already (`Inbound.person`), whose id alone
        is relied on, the row being read with the lock."""
        found = inbound.person or self.repo.person_for(
            inbound.identity, self.defaults.tz, self.defaults.quiet)
        with ExitStack() as unit:
            unit.enter_context(self.repo.serialised(found.id))
            person = self.repo.get_person(found.id)  # read with the lock: no statement
            if person is None:
                # Forgotten since it was looked up (`forget me` elsewhere): a new person,
                # whose lock this unit takes too.
                person = self.repo.person_for(inbound.identity, self.defaults.tz,
                                              self.defaults.quiet)
                unit.enter_context(self.repo.serialised(person.id))
            yield self._as_platform_says(inbound, person)

    def _as_platform_says(self, inbound: Inbound, person: Person) -> Person:
        """The person with the zone and name their platform reports, where they have
        none of their own yet (stored)."""
        changes: dict[str, object] = {}
        if inbound.platform_tz and not person.tz_confirmed:
            try:
                ZoneInfo(inbound.platform_tz)
                changes.update(tz=inbound.platform_tz, tz_confirmed=True)
            except (ValueError, KeyError):
                pass
        if inbound.display_name and not person.display_name:
            changes["display_name"] = short(inbound.display_name, 80)
        if changes:
            person = self.repo.update_person(person.id, **changes)  # type: ignore[arg-type]
        return person

    # --- typed text and open questions ----------------------------------------------------
    def _on_text(self, turn: Turn, inbound: Inbound) -> list[Reply]:
        text, truncated = clean_input(inbound.text)
        replies = self._route_text(turn, inbound, text)
        if truncated:
            replies.insert(0, Reply(text="That was very long, so I read only the first "
                                         "4,000 characters."))
        return replies

    def _route_text(self, turn: Turn, inbound: Inbound, text: str) -> list[Reply]:
        """A question left open takes typed text; a slash command runs, then re-asks it."""
        stored = self.repo.get_conversation(turn.person.id)
        pending = turn.flow() if stored else None
        lost = stored is not None and pending is None
        if isinstance(pending, ChoiceFlow) and understood.about_the_add_offered(pending, text):
            # "sent tom his thank you" while "Shall I add … with Tom …?" waits: that
            # interview is not added yet, so its question comes first
            return [Reply(text="That's about the interview I haven't added yet: first, shall "
                               "I add it? Then tell me again."), understood.ask(pending)]
        if pending is not None:
            text = command_after_lead_in(text) or text  # "btw also add: …" is no answer
        in_words = pending is not None and understood.reads_as_command(turn, text, pending)
        explicit = inbound.command or is_command_line(text) or \
            text.partition(" ")[0].lower().lstrip("/") == "answer" or in_words
        if pending is not None and (text.lower().strip(" .!") in CANCEL_WORDS or not explicit):
            return self._answer(turn, pending, text)
        if lost and not explicit:
            return [Reply(text=LOST_QUESTION)]
        command = read_command(text, turn.now, turn.tz)
        # `/followup yes` to a waiting question: a slash command that is no command answers it.
        if isinstance(command, Answer | Unknown) and pending is not None and not in_words:
            return self._answer(turn, pending, command.text)
        if not isinstance(command, Answer):
            settled, asked = understood.two_dates(turn, text, command)
            if asked:
                if pending is not None and self.repo.get_conversation(turn.person.id) != stored:
                    stepped = turn.flow()
                    if isinstance(stepped, ChoiceFlow) and stepped.resume is None:
                        # the question that waited comes back once this one is settled
                        turn.set_flow(replace(stepped, resume=flows.dump(pending), again=True))
                    asked.append(_set_aside(pending))
                return asked
            if settled != text:
                text, command = settled, read_command(settled, turn.now, turn.tz)
        if isinstance(command, Answer):
            if pending is None:
                return [Reply(text=LOST_QUESTION if lost else
                              "There's no question waiting for an answer right now.")]
            return self._answer(turn, pending, command.text)
        reading = understood.read_for(turn, command, text)
        replies = understood.act(turn, reading) if reading is not None else \
            dispatch(turn, command)
        if pending is not None and self.repo.get_conversation(turn.person.id) == stored:
            # The command left the question open (a `tz` may have answered it).
            replies.extend(self._ask_again(turn, pending))
        elif pending is not None and not isinstance(pending, ChoiceFlow) and \
                isinstance(stepped := turn.flow(), ChoiceFlow):
            # A reading it wasn't sure of stepped in front of the question that waited,
            # which is asked again once that one is settled.
            if stepped.resume is None:
                turn.set_flow(replace(stepped, resume=flows.dump(pending), again=True))
            replies.append(_set_aside(pending))
        return replies

    def _explicit(self, turn: Turn, command: Command) -> list[Reply]:
        """A command built by the platform (slash-command options): it runs even while a
        question waits, which is then asked again."""
        stored = self.repo.get_conversation(turn.person.id)
        pending = turn.flow() if stored else None
        if isinstance(command, Answer):
            if pending is None:
                return [Reply(text=LOST_QUESTION if stored else
                              "There's no question waiting for an answer right now.")]
            return self._answer(turn, pending, clean_input(command.text)[0])
        replies = dispatch(turn, command)
        if pending is not None and self.repo.get_conversation(turn.person.id) == stored:
            replies.extend(self._ask_again(turn, pending))
        return replies

    def _answer(self, turn: Turn, flow: Flow, text: str) -> list[Reply]:
        if text.lower().strip(" .!") in CANCEL_WORDS:
            turn.set_flow(None)
            return [cancelling.dropped(flow)]
        if text.lower() in {"help", "?"}:
            return [Reply(text="I'm waiting for an answer to my last question; type `cancel` "
                               "to drop it.\n" + flow.question)]
        if not_for_me(text):  # "sorry, wrong chat 🙈 that was meant for my brother"
            return [Reply(text=f"{NOT_FOR_ME} {flow.question}")]
        if isinstance(flow, AddFlow):
            return adding.answer(turn, flow, text)
        if isinstance(flow, ReflectFlow):
            return reflection.answer(turn, flow, text)
        if isinstance(flow, CallNewsFlow):
            assert turn.inbound is not None  # typed answers always come with their event
            if call_news.runs_on_its_own(turn, flow, text):
                # News of another interview runs as its own line; the call's question
                # waits on, and is asked again after it.
                turn.set_flow(None)
                other = self._route_text(turn, turn.inbound, text)
                asked = turn.flow()
                if asked is None:
                    turn.set_flow(flow)
                    other.append(Reply(text=f"And your call: {flow.question}"))
                elif isinstance(asked, ChoiceFlow) and asked.resume is None:
                    # its question first; the call's is asked again once it is answered
                    turn.set_flow(replace(asked, resume=flows.dump(flow), again=True))
                return other
            news = call_news.answer(turn, flow, text)
            if news is not None:
                return news
            return self._route_text(turn, turn.inbound, text)
        if isinstance(flow, DeleteFlow):
            return correcting.answer(turn, flow, text)
        if isinstance(flow, ChoiceFlow):
            replies = understood.answered(turn, flow, text)
            if replies is not None:
                return replies
            turn.set_flow(None)  # something else entirely: the choice lapses
            assert turn.inbound is not None  # typed answers always come with their event
            return self._route_text(turn, turn.inbound, text)
        return your_data.answer(turn, flow, text)

    def _ask_again(self, turn: Turn, flow: Flow) -> list[Reply]:
        """After an explicit command mid-question: repeat the question, or move past it."""
        if isinstance(flow, AddFlow):
            return adding.ask_again(turn, flow)
        if isinstance(flow, ChoiceFlow):
            return [understood.ask(flow)]
        return [Reply(text=f"Still waiting for your answer: {flow.question}")]

    # --- forms --------------------------------------------------------------------------
    def add_from_form(self, inbound: Inbound, form: dict[str, str]) -> FormResult:
        """Add an interview from a platform form (modal) in one step.

        Keys: company, role, when, interviewers, and optionally promise, culture, tz.
        Problems come back per field, for the platform to show beside each one.
        """
        try:
            with self._unit(inbound) as person:
                result = self._add_from_form(
                    Turn(self.repo, self.clock, self.defaults, person, inbound), form)
        except RepositoryUnavailable:
            return FormResult(replies=[Reply(text=DATABASE_DOWN)])
        except Exception:
            log.exception("failed to add an interview from a %s form",
                          inbound.identity.platform)
            return FormResult(replies=[Reply(text=APOLOGY)])
        if result.replies:
            self._on_plan_changed()
        return result

    def _add_from_form(self, turn: Turn, form: dict[str, str]) -> FormResult:
        person = turn.person
        zone_text = form.get("tz", "").strip()
        zone = parse_zone(zone_text) if zone_text else person.tz
        problems: dict[str, str] = {}
        if zone is None:
            problems["tz"] = "I don't know that time zone; try a city like Berlin."
            zone = person.tz
        draft, problems_found = add_flow.from_form(form, turn.now, ZoneInfo(zone))
        problems.update(problems_found)
        if not person.tz_confirmed and not zone_text:
            problems["tz"] = "Which time zone are you in? e.g. America/New_York."
        if problems:
            return FormResult(problems=problems)
        if zone != person.tz or not person.tz_confirmed:
            turn.refresh(self.repo.update_person(person.id, tz=zone, tz_confirmed=True))
        turn.set_flow(None)
        return FormResult(replies=adding.finish(turn, draft))

    # --- read by the web process ----------------------------------------------------------
    def calendar_feed(self, token: str) -> bytes | None:
        """The private feed behind a calendar link, or None for a wrong or revoked token."""
        from bot.content.calendar_file import feed_token_hash, plan_calendar

        person = self.repo.person_by_calendar_token_hash(feed_token_hash(token))
        if person is None:
            return None
        turn = Turn(self.repo, self.clock, self.defaults, person)
        return plan_calendar(person, turn.items(), self.clock.now())

    # --- used by delivery ---------------------------------------------------------------
    @staticmethod
    def acts_after(cp: Checkpoint) -> bool:
        """Whether `after_delivery` has anything to do (and so touches the database)."""
        return cp.kind in CALL_KINDS or cp.kind is CheckpointKind.MOVE_ON

    def after_delivery(self, cp: Checkpoint) -> None:
        """Side effects of a reminder having gone out.

        A call reminder starts the wait for the user's report (a check two business
        days later, a move-on after a silent week); the move-on closes the interview.
        """
        if not self.acts_after(cp):
            return
        found = self.repo.get_interview(cp.interview_id)
        if found is None:
            return
        with self.repo.serialised(found.person_id):
            # Read again under the lock: the person may have reported an outcome since.
            interview = self.repo.get_interview(cp.interview_id)
            if interview is None or not interview.is_open:
                return
            if cp.kind is CheckpointKind.MOVE_ON:
                interview = self.repo.set_outcome(interview.id, Outcome.NO_RESPONSE,
                                                  self.clock.now())
            self.replan(interview)

