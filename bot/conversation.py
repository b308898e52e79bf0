"""The conversation layer: one neutral event in, the bot's replies out.

Every platform calls `Coach.handle`. User mistakes become friendly replies here;
anything unexpected is logged with context and the user gets a short apology.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot import intake, notes
from bot.calendar_rules import end_of_quiet
from bot.clock import Clock
from bot.club_share import ShareCommands
from bot.clubs import ClubCommands, celebrate
from bot.formatting import OUTCOME_LABELS, checkpoint_label, when
from bot.holidays_calendar import country_for_zone, public_holidays
from bot.ics import feed_token, plan_calendar
from bot.messages import Action, ActionId, Attachment, Draft, Inbound, Reply, Style
from bot.model import (
    CallRecord,
    CallResult,
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Interview,
    JournalEntry,
    Outcome,
    Person,
    PromiseKind,
    QuietHours,
    Tone,
)
from bot.parsing import (
    parse_clock_range,
    parse_duration,
    parse_later,
    parse_promise,
    parse_when_detail,
    parse_zone,
)
from bot.plan import CALL_KINDS, MAX_CALLS, PHONE_KINDS, Prefs, next_morning, release_time
from bot.replan import ACTIVE, replan
from bot.repository import Repository, RepositoryUnavailable
from bot.spelling import check_interview_note
from bot.stats import follow_up_stats, stats_chart_png, stats_text
from bot.text import clean_input, defuse, short
from bot.views import journal_reply, list_reply, numbered, plan_reply

log = logging.getLogger(__name__)

HELP = """Here's what I understand:
• `add <company>, <role>, <when> with <names>[, what they promised]` — or just `add` and I'll ask
• `list` — your interviews and what's next · `plan <n>` — every step for one
• `sent <n> [name]` — thank-you note sent · `done <n.m>` — mark a step done
• `called <n> answered` / `called <n> no answer` — after a follow-up call
• `heard <n> offer | rejected | next round | other | withdrew`
• `promised <n> <when>` — e.g. `promised 1 they'll decide by Tuesday`
• `snooze <n.m> <2h | 1d | tomorrow | until Mon 9am>` · `cancel <n>` — stop reminders for one
• `note <n> <name>: <what you talked about>` — personalises the thank-you draft
• `check <n> <your note>` — spelling, and the names as you recorded them
• `tone formal` / `tone warm` — how your thank-you drafts sound
• `tz <zone>` · `quiet 21:00-08:00` · `name <your name>` · `phone <number>`
• `calendar` (a file) · `calendar feed` (a private link) · `calendar reset` · `stats`
• `reflect <n>` · `journal` · `export` · `forget me`
• In a job-search club's channel: `club` · `club join` / `club leave` · `club mentions on|off`
• `share <n> none | progress | details` — what your clubs see · `share draft <n>` — feedback
• Organisers: `club start [name]` · `club settings` · `club report [days]` · `club stop`"""

OUTCOME_WORDS: dict[str, Outcome] = {
    "offer": Outcome.OFFER,
    "got an offer": Outcome.OFFER,
    "rejected": Outcome.REJECTED,
    "rejection": Outcome.REJECTED,
    "no": Outcome.REJECTED,
    "next round": Outcome.NEXT_ROUND,
    "next": Outcome.NEXT_ROUND,
    "second round": Outcome.NEXT_ROUND,
    "other": Outcome.HEARD,
    "heard": Outcome.HEARD,
    "withdrew": Outcome.WITHDREW,
    "withdraw": Outcome.WITHDREW,
    "withdrawn": Outcome.WITHDREW,
}

REFLECT_QUESTIONS = (
    "What went well?",
    "What would you do differently next time?",
    "Anything to remember for the next interview?",
)

CANCEL_WORDS = {"cancel", "stop", "quit", "never mind", "nevermind", "abort"}
APOLOGY = "Sorry, something went wrong on my side. Nothing you told me before is lost; " \
    "please try that again in a moment."
DATABASE_DOWN = "I can't reach my storage right now, so I couldn't save or look that up. " \
    "Please try again in a minute."

_NUMBERISH = re.compile(r"^#?[-+]?[0-9]")
_REF = re.compile(r"^#?([0-9]{1,6})(?:\.([0-9]{1,3}))?$")
#: "The 2nd round is Dec 3", "another interview on Friday": a next round, said in words.
_ANOTHER_ROUND = re.compile(
    r"\b(?:next|second|2nd|third|3rd|fourth|4th|final|another|later)\s+"
    r"(?:round|interview|stage)\b", re.I)


@dataclass(frozen=True, slots=True)
class FormResult:
    """What a form submission did: replies to show, or problems keyed by field."""

    replies: list[Reply] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CoachDefaults:
    tz: str
    quiet: QuietHours
    public_url: str | None = None  # where the web process serves calendar feeds


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

    # --- entry point ------------------------------------------------------------------
    def handle(self, inbound: Inbound) -> list[Reply]:
        try:
            person = self._person(inbound)
            # One unit per event: what it reads and the replan it makes are not
            # interleaved with another event of the person's, in this process or another.
            with self.repo.serialised(person.id):
                person = self.repo.get_person(person.id) or person  # as of the lock
                if inbound.action is not None:
                    replies = self._on_action(person, inbound)
                else:
                    replies = self._on_text(person, inbound)
        except RepositoryUnavailable:
            log.warning("database unavailable while handling %s", inbound.identity.platform)
            return [Reply(text=DATABASE_DOWN)]
        except Exception:
            log.exception("failed to handle a %s event (action=%s)",
                          inbound.identity.platform, inbound.action)
            return [Reply(text=APOLOGY)]
        self._on_plan_changed()
        return replies

    def prefs(self, person: Person) -> Prefs:
        year = self.clock.now().year
        return Prefs(tz=ZoneInfo(person.tz), quiet=person.quiet,
                     holidays=holidays_near(person.tz, year))

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
    def _person(self, inbound: Inbound) -> Person:
        person = self.repo.person_for(inbound.identity, self.defaults.tz, self.defaults.quiet)
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

    # --- typed text -------------------------------------------------------------------
    def _on_text(self, person: Person, inbound: Inbound) -> list[Reply]:
        text, truncated = clean_input(inbound.text)
        replies = self._route_text(person, inbound, text)
        if truncated:
            replies.insert(0, Reply(text="That was very long, so I read only the first "
                                         "4,000 characters."))
        return replies

    def _route_text(self, person: Person, inbound: Inbound, text: str) -> list[Reply]:
        """A pending question takes typed text; a slash command runs, then re-asks it."""
        pending = self.repo.get_conversation(person.id)
        word, _, rest = text.partition(" ")
        if word.lower() == "answer":
            if not pending:
                return [Reply(text="There's no question waiting for an answer right now.")]
            answered = self._continue_flow(person, rest)
            return answered if answered is not None else []
        typed_command = pending is not None and _is_command_line(text)
        if (not inbound.command and not typed_command) or \
                text.lower().strip(" .!") in CANCEL_WORDS:
            answered = self._continue_flow(person, text) if pending else None
            if answered is not None:
                return answered
        replies = self._command(person, text, inbound)
        if pending and self.repo.get_conversation(person.id) == pending:
            # The command left the question open (a `tz` may have answered it).
            replies.extend(self._ask_again(person))
        return replies

    def _command(self, person: Person, text: str, inbound: Inbound) -> list[Reply]:
        if not text:
            return [Reply(text=HELP, title="Hi! I'm your interview follow-up coach.")]
        verb, _, rest = text.partition(" ")
        verb = verb.lower().lstrip("/")
        rest = rest.strip()
        in_context = self._channel_verbs().get(verb)
        if in_context is not None:
            return in_context(person, inbound, rest)
        handler = self._verbs().get(verb)
        if handler is None:
            return [self._unknown(text)]
        return handler(person, rest)

    def _channel_verbs(self) -> dict[str, Callable[[Person, Inbound, str], list[Reply]]]:
        """Verbs whose meaning depends on where they are said (a club's channel)."""
        return {
            "club": ClubCommands(self.repo, self.clock).club,
            "share": ShareCommands(self.repo, self.clock).share,
        }

    def _verbs(self) -> dict[str, Callable[[Person, str], list[Reply]]]:
        return {
            "help": self._help, "?": self._help, "hi": self._help, "hello": self._help,
            "start": self._help,
            "add": self._add, "new": self._add,
            "list": self._list, "ls": self._list, "interviews": self._list,
            "plan": self._plan, "show": self._plan,
            "sent": self._sent, "thanked": self._sent,
            "done": self._done,
            "called": self._called, "call": self._called,
            "heard": self._heard,
            "promised": self._promised, "promise": self._promised,
            "snooze": self._snooze,
            "cancel": self._cancel,
            "tz": self._tz, "timezone": self._tz,
            "quiet": self._quiet,
            "journal": self._journal,
            "reflect": self._reflect,
            "export": self._export,
            "forget": self._forget,
            "note": self._note,
            "name": self._name,
            "phone": self._phone,
            "tone": self._tone,
            "check": self._check,
            "calendar": self._calendar,
            "stats": self._stats,
        }

    def _unknown(self, text: str) -> Reply:
        channel = _text_or_social(text)
        if channel and re.search(r"\bthank", text, re.IGNORECASE):
            return Reply(text=notes.why_not_text_or_social(channel))
        word = short(text.split(" ", 1)[0], 30)
        hint = ""
        if re.search(r"\bwith\b", text, re.IGNORECASE) and re.search(r"\d", text):
            hint = f"\nIf that's an interview, start with `add`: `add {short(text, 80)}`"
        return Reply(text=f"I don't know the command {defuse(word)!r}. Type `help` to see "
                          f"what I can do.{defuse(hint)}")

    def _help(self, person: Person, rest: str) -> list[Reply]:
        return [Reply(text=HELP, title="How I can help",
                      actions=(Action(ActionId.ADD, "Add an interview", "", Style.PRIMARY),))]

    # --- multi-turn flows -------------------------------------------------------------
    def _continue_flow(self, person: Person, text: str) -> list[Reply] | None:
        state = self.repo.get_conversation(person.id)
        if not state:
            return None
        flow = state.get("flow")
        if text.lower().strip(" .!") in CANCEL_WORDS:
            self.repo.set_conversation(person.id, None)
            return [Reply(text="OK, I dropped that. Nothing was saved.")]
        if text.lower() in {"help", "?"}:
            return [Reply(text="I'm waiting for an answer to my last question; type `cancel` "
                               "to drop it.\n" + state.get("question", ""))]
        if flow == "add":
            return self._add_answer(person, state, text)
        if flow == "reflect":
            return self._reflect_answer(person, state, text)
        if flow == "forget":
            self.repo.set_conversation(person.id, None)
            if text.lower().strip(" .!") in {"yes", "y", "yes delete", "delete"}:
                return self._forget_now(person)
            return [Reply(text="OK, I kept everything.")]
        self.repo.set_conversation(person.id, None)
        return None

    def _ask_again(self, person: Person) -> list[Reply]:
        """After an explicit command mid-question: repeat the question, or move past it."""
        state = self.repo.get_conversation(person.id)
        if not state:
            return []
        if state.get("flow") == "add":
            person = self.repo.get_person(person.id) or person
            try:
                draft = intake.AddDraft.from_json(state["draft"])
            except (KeyError, ValueError, TypeError):
                self.repo.set_conversation(person.id, None)
                return []
            if draft.need_tz and person.tz_confirmed:
                # The command set the zone the question was about.
                draft = intake.answer(draft, intake.Ask.TZ, person.tz, self.clock.now(),
                                      ZoneInfo(person.tz)).draft
            return self._ask(person, draft)
        return [Reply(text=f"Still waiting for your answer: {state.get('question', '')}")]

    def add_from_form(self, inbound: Inbound, form: dict[str, str]) -> FormResult:
        """Add an interview from a platform form (modal) in one step.

        Keys: company, role, when, interviewers, and optionally promise, culture, tz.
        Problems come back per field, for the platform to show beside each one.
        """
        try:
            person = self._person(inbound)
            with self.repo.serialised(person.id):
                person = self.repo.get_person(person.id) or person  # as of the lock
                now = self.clock.now()
                zone_text = form.get("tz", "").strip()
                zone = parse_zone(zone_text) if zone_text else person.tz
                problems: dict[str, str] = {}
                if zone is None:
                    problems["tz"] = "I don't know that time zone; try a city like Berlin."
                    zone = person.tz
                draft, problems_found = intake.from_form(form, now, ZoneInfo(zone))
                problems.update(problems_found)
                if not person.tz_confirmed and not zone_text:
                    problems["tz"] = "Which time zone are you in? e.g. America/New_York."
                if problems:
                    return FormResult(problems=problems)
                if zone != person.tz or not person.tz_confirmed:
                    person = self.repo.update_person(person.id, tz=zone, tz_confirmed=True)
                self.repo.set_conversation(person.id, None)
                replies = self._finish_add(person, draft)
        except RepositoryUnavailable:
            return FormResult(replies=[Reply(text=DATABASE_DOWN)])
        except Exception:
            log.exception("failed to add an interview from a %s form",
                          inbound.identity.platform)
            return FormResult(replies=[Reply(text=APOLOGY)])
        self._on_plan_changed()
        return FormResult(replies=replies)

    def _ask(self, person: Person, draft: intake.AddDraft, problem: str | None = None
             ) -> list[Reply]:
        question = draft.next_question()
        if question is None:
            return self._finish_add(person, draft)
        prompt = intake.prompt(question, draft)
        self.repo.set_conversation(person.id, {
            "flow": "add", "asking": question.value, "draft": draft.to_json(),
            "question": prompt,
        })
        text = f"{problem} {prompt}" if problem else prompt
        return [Reply(text=text + "\n(Answer here, or with `/followup answer …` where you "
                                  "used a command; `cancel` stops.)")]

    def _add(self, person: Person, rest: str) -> list[Reply]:
        now = self.clock.now()
        draft = intake.start(rest, now, ZoneInfo(person.tz), need_tz=not person.tz_confirmed)
        problem = None
        if draft.starts_at is None and draft.unclear and draft.next_question() is intake.Ask.WHEN:
            # Say what could not be read as a date ("2026-13-01"), not just ask again.
            problem = "I couldn't read " + "; ".join(
                f"“{defuse(short(u, 40))}”" for u in draft.unclear[:2]) + " as a date."
        return self._ask(person, draft, problem)

    def _add_answer(self, person: Person, state: dict, text: str) -> list[Reply]:
        try:
            draft = intake.AddDraft.from_json(state["draft"])
            asked = intake.Ask(state["asking"])
        except (KeyError, ValueError, TypeError):
            self.repo.set_conversation(person.id, None)
            return [Reply(text="I lost track of that interview, sorry. Please start again "
                               "with `add`.")]
        now = self.clock.now()
        result = intake.answer(draft, asked, text, now, ZoneInfo(person.tz))
        if result.new_tz:
            person = self.repo.update_person(person.id, tz=result.new_tz, tz_confirmed=True)
        return self._ask(person, result.draft, result.problem)

    def _finish_add(self, person: Person, draft: intake.AddDraft) -> list[Reply]:
        now = self.clock.now()
        if self.repo.get_conversation(person.id) is not None:
            self.repo.set_conversation(person.id, None)
        interview = self.repo.add_interview(person.id, draft.to_new(), now)
        self.replan(interview, person)
        tz = ZoneInfo(person.tz)
        notes = []
        if interview.promise is None:
            notes.append("No next step promised, so I've planned your first call about a "
                         f"working week out. If they said something, tell me: "
                         f"`promised {interview.number} they'll decide by Friday`.")
        if draft.unclear:
            notes.append("I couldn't place: " + "; ".join(
                f"“{defuse(short(u, 60))}”" for u in draft.unclear[:3]))
        checkpoints = self.repo.checkpoints_for(interview.id)
        reply = plan_reply(interview, checkpoints, tz, now,
                           title=f"Added #{interview.number}: {defuse(interview.title)}")
        text = reply.text
        if notes:
            text += "\n\n" + "\n".join(notes)
        text += "\n\nI'll message you at each step. Following up is what hiring managers expect."
        return [Reply(text=text, title=reply.title, fields=reply.fields, actions=reply.actions)]

    def _reflect(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        return self._start_reflection(person, interview)

    def _start_reflection(self, person: Person, interview: Interview) -> list[Reply]:
        question = REFLECT_QUESTIONS[0]
        self.repo.set_conversation(person.id, {
            "flow": "reflect", "interview": interview.id, "step": 0, "question": question,
        })
        return [Reply(text=f"Looking back on {defuse(interview.title)}. {question}\n"
                           "(Type `cancel` to stop.)")]

    def _reflect_answer(self, person: Person, state: dict, text: str) -> list[Reply]:
        step = int(state.get("step", 0))
        interview_id = state.get("interview")
        now = self.clock.now()
        if not text:
            return [Reply(text=REFLECT_QUESTIONS[min(step, 2)])]
        self.repo.add_journal(person.id, JournalEntry(
            interview_id=interview_id, at=now, question=REFLECT_QUESTIONS[min(step, 2)],
            answer=short(text, 2000),
        ))
        step += 1
        if step < len(REFLECT_QUESTIONS):
            question = REFLECT_QUESTIONS[step]
            self.repo.set_conversation(person.id, {
                "flow": "reflect", "interview": interview_id, "step": step,
                "question": question,
            })
            return [Reply(text=question)]
        self.repo.set_conversation(person.id, None)
        self._complete_kind(person, interview_id, CheckpointKind.REFLECT)
        return [Reply(text="Saved to your journal (`journal` shows it). Every interview "
                           "makes the next one easier.")]

    # --- looking things up ------------------------------------------------------------
    def _open_interviews(self, person: Person) -> list[Interview]:
        return self.repo.list_interviews(person.id, open_only=True)

    def _find(self, person: Person, rest: str, *, allow_default: bool = True
              ) -> Interview | Reply:
        """The interview named by the first word of `rest` (a number), or the only open one."""
        word = rest.split(" ", 1)[0] if rest else ""
        match = _REF.match(word)
        if match:
            interview = self.repo.find_interview(person.id, int(match.group(1)))
            if interview is None:
                return Reply(text=f"I can't find interview #{match.group(1)} in your list. "
                                  "`list` shows yours.")
            return interview
        if _NUMBERISH.match(word):
            # A number that is no interview's ("99999999", "-1", "1.2.3") never falls back
            # to the open one: a call or an outcome must not land on the wrong interview.
            return Reply(text=f"I can't find interview {defuse(short(word, 20))} in your "
                              "list. `list` shows the numbers.")
        if allow_default:
            open_ones = self._open_interviews(person)
            if len(open_ones) == 1:
                return open_ones[0]
            if not open_ones:
                return Reply(text="You have no open interviews. Add one with `add`.")
        return Reply(text="Which interview? Give its number, e.g. `plan 1`. "
                          "`list` shows the numbers.")

    def _owned_interview(self, person: Person, value: str) -> Interview | None:
        record = _record_id(value)
        if record is None:
            return None
        interview = self.repo.get_interview(record)
        if interview is None or interview.person_id != person.id:
            return None
        return interview

    def _owned_checkpoint(self, person: Person, value: str
                          ) -> tuple[Interview, Checkpoint] | None:
        record = _record_id(value)
        if record is None:
            return None
        cp = self.repo.get_checkpoint(record)
        if cp is None:
            return None
        interview = self._owned_interview(person, str(cp.interview_id))
        return (interview, cp) if interview else None

    def _checkpoint_by_ref(self, person: Person, word: str
                           ) -> tuple[Interview, Checkpoint] | Reply:
        match = _REF.match(word)
        if not match:
            return Reply(text=f"{defuse(short(word, 20))!r} isn't a step I know. Steps look "
                              "like `1.2` (interview 1, step 2); `plan 1` lists them.")
        interview = self.repo.find_interview(person.id, int(match.group(1)))
        if interview is None:
            return Reply(text=f"I can't find interview #{match.group(1)}. `list` shows yours.")
        rows = numbered(self.repo.checkpoints_for(interview.id))
        if match.group(2) is None:
            active = [cp for _, cp in rows if cp.state in ACTIVE]
            if not active:
                return Reply(text=f"Interview #{interview.number} has no step waiting.")
            return interview, min(active, key=lambda c: c.due_at)
        position = int(match.group(2))
        for pos, cp in rows:
            if pos == position:
                return interview, cp
        return Reply(text=f"Interview #{interview.number} has no step {position}. "
                          f"`plan {interview.number}` lists them.")

    # --- showing ----------------------------------------------------------------------
    def _list(self, person: Person, rest: str) -> list[Reply]:
        items = self._items(person)
        # Open ones first, newest interview first within each group.
        items.sort(key=lambda item: (not item[0].is_open, -item[0].number))
        return [list_reply(items, ZoneInfo(person.tz))]

    def _plan(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        return [self._plan_reply(person, interview)]

    def _plan_reply(self, person: Person, interview: Interview) -> Reply:
        return plan_reply(interview, self.repo.checkpoints_for(interview.id),
                          ZoneInfo(person.tz), self.clock.now())

    # --- reporting progress -----------------------------------------------------------
    def _sent(self, person: Person, rest: str) -> list[Reply]:
        channel = _text_or_social(rest)
        if channel:
            return [Reply(text=notes.why_not_text_or_social(channel) + " Once the e-mail "
                               "is out, type `sent` again.")]
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        words = rest.split(" ", 1)
        who = words[1].strip().lower() if len(words) > 1 and _REF.match(words[0]) else (
            rest.strip().lower() if rest and not _REF.match(words[0]) else "")
        people = [p for p in interview.interviewers
                  if not who or who in p.name.lower() or who == "all"]
        if not people:
            names = ", ".join(p.name for p in interview.interviewers)
            return [Reply(text=f"No interviewer called {defuse(short(who, 40))!r} on "
                               f"#{interview.number}. I have: {defuse(names)}.")]
        self._mark_done(interview, (CheckpointKind.THANK_YOU,), {p.id for p in people})
        self.replan(self.repo.get_interview(interview.id) or interview, person)
        names = ", ".join(p.name for p in people)
        text = (f"Marked your thank-you to {defuse(names)} as sent. Well done: a prompt note "
                "is the follow-up most candidates skip.")
        if any(cp.kind is CheckpointKind.HANDWRITTEN and cp.state in ACTIVE
               for cp in self.repo.checkpoints_for(interview.id)):
            text += " Don't forget the handwritten card."
        return [Reply(text=text)]

    def _mark_done(self, interview: Interview, kinds: tuple[CheckpointKind, ...],
                   interviewer_ids: set[int | None] | None = None) -> int:
        """Mark the matching waiting checkpoints done; return how many changed."""
        count = 0
        for cp in self.repo.checkpoints_for(interview.id):
            matches = cp.kind in kinds and cp.state in ACTIVE and (
                interviewer_ids is None or cp.interviewer_id in interviewer_ids)
            if matches and self.repo.update_checkpoint(
                cp.id, state=CheckpointState.DONE, expect=ACTIVE, done_at=self.clock.now()
            ):
                count += 1
        return count

    def _complete_kind(self, person: Person, interview_id: int | None,
                       kind: CheckpointKind) -> None:
        if interview_id is None:
            return
        interview = self._owned_interview(person, str(interview_id))
        if interview is not None:
            self._mark_done(interview, (kind,))

    def _done(self, person: Person, rest: str) -> list[Reply]:
        if not rest:
            return [Reply(text="Which step? For example `done 1.2`; `plan 1` lists the steps.")]
        found = self._checkpoint_by_ref(person, rest.split(" ", 1)[0])
        if isinstance(found, Reply):
            return [found]
        interview, cp = found
        return [self._complete(person, interview, cp)]

    def _complete(self, person: Person, interview: Interview, cp: Checkpoint) -> Reply:
        if cp.kind in PHONE_KINDS:
            return Reply(text=f"How did the call go? `called {interview.number} answered` or "
                              f"`called {interview.number} no answer`.",
                         actions=self._call_buttons(interview))
        if cp.kind is CheckpointKind.REFLECT:
            return self._start_reflection(person, interview)[0]
        if cp.state in (CheckpointState.DONE, CheckpointState.CANCELLED):
            return Reply(text=f"{checkpoint_label(cp, interview)} is already "
                              f"{'done' if cp.state is CheckpointState.DONE else 'closed'}.",
                         replace_original=True)
        ids: set[int | None] = {cp.interviewer_id}
        kinds: tuple[CheckpointKind, ...] = (cp.kind,)
        if cp.kind is CheckpointKind.THANK_YOU_NUDGE:
            kinds = (CheckpointKind.THANK_YOU, CheckpointKind.THANK_YOU_NUDGE)
        self._mark_done(interview, kinds, ids)
        self.replan(self.repo.get_interview(interview.id) or interview, person)
        if cp.kind in (CheckpointKind.THANK_YOU, CheckpointKind.THANK_YOU_NUDGE):
            text = (f"✓ {checkpoint_label(cp, interview).replace(' nudge', ' note')} sent. "
                    "Nice work: speed is what makes a thank-you count.")
        else:
            text = f"✓ {checkpoint_label(cp, interview)}: done."
        return Reply(text=text, replace_original=True)

    def _call_buttons(self, interview: Interview) -> tuple[Action, ...]:
        iid = str(interview.id)
        return (
            Action(ActionId.CALLED_NO_ANSWER, "No answer", iid),
            Action(ActionId.CALLED_ANSWERED, "Spoke, no news yet", iid),
            Action(ActionId.HEARD_BACK, "Heard back", iid, Style.PRIMARY),
        )

    def _called(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        words = rest.split(" ", 1)
        result_text = (words[1] if _REF.match(words[0] or "") and len(words) > 1
                       else ("" if _REF.match(words[0] or "") else rest)).lower().strip()
        if "no" in result_text.split() or "voicemail" in result_text or \
                result_text.startswith(("no", "left", "nobody", "unanswered")):
            result = CallResult.NO_ANSWER
        elif result_text.startswith(("answer", "spoke", "talk", "yes", "got")):
            result = CallResult.ANSWERED
        else:
            return [Reply(text=f"Did anyone pick up? `called {interview.number} answered` or "
                               f"`called {interview.number} no answer`.",
                          actions=self._call_buttons(interview))]
        return [self._record_call(person, interview, result)]

    def _record_call(self, person: Person, interview: Interview, result: CallResult) -> Reply:
        if not interview.is_open:
            return Reply(text=f"#{interview.number} is already closed "
                              f"({OUTCOME_LABELS[interview.outcome]}). Nothing more to "
                              "call about.",
                         replace_original=True)
        tz = ZoneInfo(person.tz)
        if len(interview.calls) >= MAX_CALLS:
            return Reply(text="You've already made two follow-up calls, and that's where I "
                              "stop: once shows follow-through, twice shows initiative, a "
                              "third starts to feel like pressure. If they call back, tell "
                              f"me with `heard {interview.number} …`.",
                         replace_original=True)
        now = self.clock.now()
        interview = self.repo.add_call(interview.id, CallRecord(now, result))
        kind = (CheckpointKind.FIRST_CALL if len(interview.calls) == 1
                else CheckpointKind.SECOND_CALL)
        self._mark_done(interview, (kind,))
        self.replan(interview, person)
        rows = {cp.kind: cp for cp in self.repo.checkpoints_for(interview.id)
                if cp.state in ACTIVE}
        if kind is CheckpointKind.FIRST_CALL and CheckpointKind.SECOND_CALL in rows:
            nxt = rows[CheckpointKind.SECOND_CALL]
            text = ("Noted. Following up once shows you follow through. If you don't hear "
                    f"back, I'll remind you to try once more on {when(nxt.due_at, tz)}.")
        elif CheckpointKind.MOVE_ON in rows:
            nxt = rows[CheckpointKind.MOVE_ON]
            text = ("Noted: that's your second call, and the last I'll suggest. If there's "
                    f"still no word by {when(nxt.due_at, tz)}, we'll call it and move on.")
        else:
            text = "Noted."
        return Reply(text=text, replace_original=True)

    def _heard(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        words = rest.split(" ", 1)
        said = (words[1] if _REF.match(words[0] or "") and len(words) > 1
                else ("" if _REF.match(words[0] or "") else rest)).strip()
        what = said.lower().strip(" .!")
        outcome = OUTCOME_WORDS.get(what)
        if outcome is None:
            for word, candidate in OUTCOME_WORDS.items():
                if what.startswith(word) and len(word) > 2:
                    outcome = candidate
                    break
        if outcome is None and _ANOTHER_ROUND.search(what):
            return self._record_outcome(person, interview, Outcome.NEXT_ROUND, said=said)
        if outcome is None:
            now = self.clock.now()
            tz = ZoneInfo(person.tz)
            if what and parse_promise(said, now.astimezone(tz).date(), now, tz) is not None:
                # "heard 1 they said 2 weeks" is news about timing, not an outcome.
                return self._promised(person, f"{interview.number} {said}")
            return [self._outcome_question(interview)]
        return self._record_outcome(person, interview, outcome)

    def _outcome_question(self, interview: Interview) -> Reply:
        iid = str(interview.id)
        return Reply(
            text=f"What did {defuse(interview.company)} say? Or type "
                 f"`heard {interview.number} offer | rejected | next round | other`.",
            actions=(
                Action(ActionId.OUTCOME_OFFER, "Offer", iid, Style.PRIMARY),
                Action(ActionId.OUTCOME_NEXT_ROUND, "Next round", iid),
                Action(ActionId.OUTCOME_REJECTED, "Not this time", iid),
                Action(ActionId.OUTCOME_OTHER, "Something else", iid),
            ),
        )

    def _record_outcome(self, person: Person, interview: Interview, outcome: Outcome,
                        *, said: str = "") -> list[Reply]:
        """Close the interview with `outcome`; for a next round, `said` may already give
        its date (and people), which then need not be asked for."""
        now = self.clock.now()
        if interview.outcome is not None and interview.outcome is not Outcome.NO_RESPONSE:
            return [Reply(text=f"#{interview.number} is already closed as "
                               f"{interview.outcome.value.replace('_', ' ')}.",
                          replace_original=True)]
        interview = self.repo.set_outcome(interview.id, outcome, now)
        self.replan(interview, person)
        celebrate(self.repo, person, interview, now)
        title = defuse(interview.title)
        messages = {
            Outcome.OFFER: f"An offer for {title}! 🎉 {notes.offer_checklist()}",
            Outcome.REJECTED: f"I'm sorry about {title}. It stings, and it's also normal. "
            "A short, gracious reply thanking them and asking for feedback keeps the door "
            "open for the next role there.",
            Outcome.HEARD: f"Thanks for telling me. I've stopped the reminders for {title}.",
            Outcome.WITHDREW: f"Noted: you withdrew from {title}. I've stopped its reminders.",
            Outcome.NO_RESPONSE: f"Closed {title} as no response.",
            Outcome.NEXT_ROUND: f"A next round at {defuse(interview.company)}: well done!",
        }
        found: tuple[Draft, ...] = ()
        if outcome is Outcome.REJECTED:
            found = (notes.rejection_reply(interview, ZoneInfo(person.tz),
                                           person.display_name),)
        replies = [Reply(text=messages.get(outcome, "Noted.") +
                         "\nLater I'll ask you three short questions to reflect on it.",
                         drafts=found, replace_original=True)]
        if outcome is Outcome.NEXT_ROUND:
            draft = intake.AddDraft(
                company=interview.company, role=interview.role,
                last_round=list(interview.interviewers), parent_id=interview.id,
                stage="next round", promise_done=True, culture=interview.culture,
                channel=interview.channel,
            )
            if said:  # "the 2nd round is Dec 3 at 2pm": no need to ask when
                answered = intake.answer(draft, intake.Ask.WHEN, said, now,
                                         ZoneInfo(person.tz))
                draft = draft if answered.problem else answered.draft
            replies.extend(self._ask(person, draft))
        return replies

    def _promised(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        words = rest.split(" ", 1)
        what = (words[1] if _REF.match(words[0] or "") and len(words) > 1
                else ("" if _REF.match(words[0] or "") else rest)).strip()
        if not what:
            return [Reply(text=f"What did they say? e.g. `promised {interview.number} they'll "
                               "decide by Friday` or `promised "
                               f"{interview.number} call me on Tuesday`.")]
        tz = ZoneInfo(person.tz)
        now = self.clock.now()
        promise = parse_promise(what, now.astimezone(tz).date(), now, tz)
        if promise is None:
            return [Reply(text=f"I couldn't find a date in {defuse(short(what, 60))!r}. Try "
                               f"`promised {interview.number} they'll decide by Friday`.")]
        if not interview.is_open:
            return [Reply(text=f"#{interview.number} is closed; reopen it by telling me what "
                               "happened first.")]
        interview_day = interview.starts_at.astimezone(tz).date()
        if promise.on < interview_day:
            return [Reply(text=f"{promise.on:%a %Y-%m-%d} is before the interview itself "
                               f"({interview_day:%a %Y-%m-%d}), so I've kept the plan as it "
                               "was. What did they say about after it? e.g. `promised "
                               f"{interview.number} they'll decide by Friday`.")]
        before = interview
        interview = self.repo.set_promise(interview.id, promise)
        for cp in self.repo.checkpoints_for(interview.id):
            if cp.kind in PHONE_KINDS and cp.snoozed and cp.state in ACTIVE:
                self.repo.update_checkpoint(cp.id, snoozed=False)
        self.replan(interview, person, before=before)
        who = "you'll call them on" if promise.kind is PromiseKind.YOU_CALL_ON \
            else "they'll decide by"
        return [Reply(text=f"Noted: {who} {promise.on:%a %Y-%m-%d}. "
                           + self._next_call_line(interview, person))]

    def _next_call_line(self, interview: Interview, person: Person) -> str:
        """What the plan now holds for calls, after a promise changed it."""
        waiting = {cp.kind: cp for cp in self.repo.checkpoints_for(interview.id)
                   if cp.state is CheckpointState.PENDING}
        now, prefs, tz = self.clock.now(), self.prefs(person), ZoneInfo(person.tz)

        def going_out(cp: Checkpoint) -> str:
            # A day already past means now, or the next working hour if it's late.
            due = cp.due_at if cp.due_at > now else release_time(cp.kind, interview, now,
                                                                 prefs)
            return "is due now: the reminder follows" if due <= now \
                else f"is now planned for {when(due, tz)}"

        if CheckpointKind.FIRST_CALL in waiting:
            return f"Your call {going_out(waiting[CheckpointKind.FIRST_CALL])}."
        if CheckpointKind.SECOND_CALL in waiting:
            return ("Your second (and last) call "
                    f"{going_out(waiting[CheckpointKind.SECOND_CALL])}.")
        if CheckpointKind.MOVE_ON in waiting and len(interview.calls) >= MAX_CALLS:
            cp = waiting[CheckpointKind.MOVE_ON]
            return ("You've made both calls, so there's no third one; if there's still no "
                    f"word by {when(cp.due_at, tz)}, I'll suggest moving on.")
        return "Nothing else in the plan had to move."

    def _snooze(self, person: Person, rest: str) -> list[Reply]:
        parts = rest.split(" ", 1)
        if len(parts) < 2 or not parts[0]:
            return [Reply(text="Snooze which step, and for how long? e.g. `snooze 1.2 2h` or "
                               "`snooze 1 tomorrow`.")]
        found = self._checkpoint_by_ref(person, parts[0])
        if isinstance(found, Reply):
            return [found]
        interview, cp = found
        return [self._snooze_checkpoint(person, interview, cp, parts[1])]

    def _snooze_checkpoint(self, person: Person, interview: Interview, cp: Checkpoint,
                           span_text: str) -> Reply:
        now = self.clock.now()
        prefs = self.prefs(person)
        if cp.state not in ACTIVE or cp.state is CheckpointState.SENDING:
            return Reply(text=f"{checkpoint_label(cp, interview)} isn't waiting, so there's "
                              "nothing to snooze.", replace_original=True)
        span_text = span_text.strip().lower()
        # A step still ahead moves on from its own time: a snooze never brings it closer.
        base = max(cp.due_at, now) if cp.state is CheckpointState.PENDING else now
        if span_text in {"tomorrow", "until tomorrow", "1 day", "a day"}:
            until = next_morning(base, prefs)
        elif (span := parse_duration(span_text)) is not None:
            until = base + span
        elif (moment := parse_later(span_text, now, prefs.tz)) is not None:
            if moment <= base:  # a snooze only ever moves a step later
                return Reply(text=f"{checkpoint_label(cp, interview)} is already planned "
                                  f"for {when(base, prefs.tz)}, after "
                                  f"{when(moment, prefs.tz)}. A snooze only moves a step "
                                  "later.")
            until = moment
        elif parse_when_detail(span_text, now, prefs.tz)[0] is not None:  # in the past
            return Reply(text=f"{defuse(short(span_text, 30))!r} has already passed; a "
                              "snooze moves a step later, e.g. `2h` or `until Monday`.")
        else:
            return Reply(text=f"I couldn't read {defuse(short(span_text, 30))!r} as a "
                              "length of time or a day. Try `2h`, `3d`, `1w`, `tomorrow` "
                              "or `until Monday`.")
        # Said as it will really go out: after quiet hours, and calls in office hours.
        until = end_of_quiet(until, prefs.quiet, prefs.tz)
        if cp.kind in PHONE_KINDS:
            until = release_time(cp.kind, interview, until, prefs)
        self.repo.update_checkpoint(cp.id, state=CheckpointState.PENDING, due_at=until,
                                    snoozed=True, expect=[cp.state])
        # A call reminder snoozed after it went out is no longer waiting for a report.
        self.replan(interview, person)
        return Reply(text=f"Snoozed {checkpoint_label(cp, interview)} until "
                          f"{when(until, prefs.tz)}.", replace_original=True)

    def _cancel(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest, allow_default=False)
        if isinstance(interview, Reply):
            return [interview]
        if interview.outcome is Outcome.CANCELLED:
            return [Reply(text=f"#{interview.number} is already stopped.")]
        if interview.outcome is not None:
            # Closed with an outcome: nothing left to stop, and the outcome is history.
            return [Reply(text=f"#{interview.number} is already closed "
                               f"({OUTCOME_LABELS[interview.outcome]}); no reminders are "
                               "left to stop.")]
        interview = self.repo.set_outcome(interview.id, Outcome.CANCELLED, self.clock.now())
        self.replan(interview, person)
        return [Reply(text=f"Stopped every reminder for #{interview.number} "
                           f"({defuse(interview.title)}). Its history stays in `plan "
                           f"{interview.number}`.")]

    # --- settings ---------------------------------------------------------------------
    def _replan_all(self, person: Person) -> None:
        for interview in self._open_interviews(person):
            self.replan(interview, person)

    def _tz(self, person: Person, rest: str) -> list[Reply]:
        if not rest:
            return [Reply(text=f"Your time zone is {person.tz}. Change it with "
                               "`tz Europe/London` (or a city name).")]
        zone = parse_zone(rest)
        if zone is None:
            return [Reply(text=f"I don't know the time zone {defuse(short(rest, 40))!r}. "
                               "Use a name like `America/Chicago` or a city like `Paris`.")]
        person = self.repo.update_person(person.id, tz=zone, tz_confirmed=True)
        self._replan_all(person)
        now = self.clock.now()
        return [Reply(text=f"Time zone set to {zone}; it's {when(now, ZoneInfo(zone))} there. "
                           "I've re-timed your reminders.")]

    def _quiet(self, person: Person, rest: str) -> list[Reply]:
        if not rest:
            q = person.quiet
            return [Reply(text=f"Quiet hours: {q.start:%H:%M}–{q.end:%H:%M}. Change with "
                               "`quiet 22:00-07:00`.")]
        parsed = parse_clock_range(rest)
        if parsed is None:
            return [Reply(text="Give quiet hours as a range, e.g. `quiet 21:00-08:00` or "
                               "`quiet 10pm-7am`.")]
        quiet = QuietHours(*parsed)
        person = self.repo.update_person(person.id, quiet=quiet)
        self._replan_all(person)
        return [Reply(text=f"Quiet hours set to {quiet.start:%H:%M}–{quiet.end:%H:%M}. "
                           "I won't message you then, except a same-day thank-you reminder.")]

    def _name(self, person: Person, rest: str) -> list[Reply]:
        if not rest:
            return [Reply(text="Tell me your name for the drafts: `name Alex Doe`.")]
        self.repo.update_person(person.id, display_name=short(rest, 80))
        return [Reply(text=f"Thanks, {defuse(short(rest, 80))}. I'll sign drafts with it.")]

    def _phone(self, person: Person, rest: str) -> list[Reply]:
        digits = re.sub(r"[^\d+]", "", rest)
        if not 7 <= len(digits) <= 16:
            return [Reply(text="That doesn't look like a phone number. e.g. `phone 555 123 4567`.")]
        self.repo.update_person(person.id, phone=short(rest, 30))
        return [Reply(text="Saved. Your voicemail script will include it, said twice.")]

    def _note(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        words = rest.split(" ", 1)
        body = words[1] if _REF.match(words[0] or "") and len(words) > 1 else rest
        who, sep, note = body.partition(":")
        if not sep or not note.strip():
            return [Reply(text=f"Write it as `note {interview.number} Jane: talked about the "
                               "Q3 migration`.")]
        matches = [p for p in interview.interviewers if who.strip().lower() in p.name.lower()]
        if len(matches) != 1 or not who.strip():
            names = ", ".join(p.name for p in interview.interviewers)
            return [Reply(text=f"Which interviewer? I have: {defuse(names)}.")]
        target = matches[0]
        assert target.id is not None
        self.repo.set_interviewer_note(target.id, short(note.strip(), 300))
        return [Reply(text=f"Noted for {defuse(target.name)}; their thank-you draft will "
                           "mention it.")]

    def _tone(self, person: Person, rest: str) -> list[Reply]:
        try:
            tone = Tone(rest.strip().lower())
        except ValueError:
            return [Reply(text=f"Your drafts are {person.tone.value}. Choose `tone formal` "
                               "(Dear Ms Smith … Yours sincerely) or `tone warm` (Hi Jane … "
                               "Best wishes).")]
        self.repo.update_person(person.id, tone=tone)
        return [Reply(text=f"From now on your thank-you drafts are {tone.value}.")]

    def _check(self, person: Person, rest: str) -> list[Reply]:
        interview = self._find(person, rest)
        if isinstance(interview, Reply):
            return [interview]
        words = rest.split(" ", 1)
        numbered_note = _REF.match(words[0] or "")
        # Without a number it is the only open interview, and all of `rest` is the note.
        note = (words[1] if len(words) > 1 else "") if numbered_note else rest
        if not note.strip():
            return [Reply(text=f"Paste your note after the number: `check {interview.number} "
                               "Dear Jane, thank you …`.")]
        issues = check_interview_note(note, interview, person.display_name)
        if not issues:
            return [Reply(text="I found no spelling slips, and every name matches what you "
                               "recorded. Send it!")]
        lines = [f"• {defuse(issue.describe())}" for issue in issues[:12]]
        return [Reply(text="Worth a second look before you send:\n" + "\n".join(lines))]

    def _calendar(self, person: Person, rest: str) -> list[Reply]:
        word = rest.strip().lower()
        if word in {"feed", "link", "subscribe", "reset"}:
            if not self.defaults.public_url:
                return [Reply(text="A calendar feed needs the bot's web address "
                                   "(FOLLOWUP_PUBLIC_URL). Meanwhile `calendar` gives you a "
                                   "file to import.")]
            if word == "reset" or person.calendar_token is None:
                person = self.repo.update_person(person.id, calendar_token=feed_token())
            url = f"{self.defaults.public_url.rstrip('/')}/calendar/{person.calendar_token}.ics"
            lead = ("Done: the old link no longer works. Your new private link"
                    if word == "reset" else "Your private calendar link")
            return [Reply(text=f"{lead} (subscribe to it in Google, Apple or Outlook "
                               f"Calendar; it updates as your plan changes):\n{url}\n"
                               "Keep it to yourself; `calendar reset` revokes it.")]
        if word and word not in {"file", "ics"}:
            return [Reply(text="Try `calendar` (a file), `calendar feed` (a private link "
                               "your calendar app follows) or `calendar reset`.")]
        content = plan_calendar(person, self._items(person), self.clock.now())
        return [Reply(text="Your plan as a calendar file: open it to add every step, each "
                           "with an alarm.",
                      files=(Attachment("followup-plan.ics", content, "text/calendar"),))]

    def calendar_feed(self, token: str) -> bytes | None:
        """The private feed behind a calendar link, or None for a wrong or revoked token."""
        person = self.repo.person_by_calendar_token(token)
        if person is None:
            return None
        return plan_calendar(person, self._items(person), self.clock.now())

    def _stats(self, person: Person, rest: str) -> list[Reply]:
        items = self._items(person)
        if not items:
            return [Reply(text="No interviews yet, so no habits to show. Add one with `add`.")]
        stats = follow_up_stats(items, ZoneInfo(person.tz))
        return [Reply(text=stats_text(stats), title="Your follow-up habits",
                      files=(Attachment("followup-stats.png", stats_chart_png(stats),
                                        "image/png"),))]

    def _items(self, person: Person) -> list[tuple[Interview, list[Checkpoint]]]:
        """The person's interviews with their checkpoints, in a fixed number of queries."""
        interviews = self.repo.list_interviews(person.id)
        checkpoints = self.repo.checkpoints_for_many([i.id for i in interviews])
        return [(i, checkpoints[i.id]) for i in interviews]

    # --- your data ----------------------------------------------------------------------
    def _journal(self, person: Person, rest: str) -> list[Reply]:
        entries = self.repo.journal(person.id)
        titles = {i.id: i.title for i in self.repo.list_interviews(person.id)}
        return [journal_reply(entries, titles, ZoneInfo(person.tz))]

    def _export(self, person: Person, rest: str) -> list[Reply]:
        data = self.repo.export_person(person.id)
        body = json.dumps(data, indent=2, ensure_ascii=False, default=str)
        return [Reply(text="Here is everything I keep about you, as JSON.",
                      drafts=(Draft(title="followup-export.json", body=body),))]

    def _forget(self, person: Person, rest: str) -> list[Reply]:
        if rest.strip().lower() not in {"me", "me please", "everything", ""}:
            return [Reply(text="To delete all your data, type `forget me`.")]
        self.repo.set_conversation(person.id, {
            "flow": "forget", "question": "Type `yes` to delete everything."})
        return [Reply(text="This deletes every interview, reminder and journal entry I "
                           "keep for you, for good. Type `yes` to go ahead, anything else "
                           "to keep it.")]

    def _forget_now(self, person: Person) -> list[Reply]:
        counts = self.repo.forget_person(person.id)
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "nothing"
        return [Reply(text=f"Done. I deleted: {summary}. If you write again, I'll start "
                           "fresh.")]

    # --- buttons ----------------------------------------------------------------------
    def _on_action(self, person: Person, inbound: Inbound) -> list[Reply]:
        action, value = inbound.action, inbound.value
        if action is ActionId.ADD:
            return self._add(person, "")
        if action in (ActionId.SENT, ActionId.DONE):
            found = self._owned_checkpoint(person, value)
            if found is None:
                return [_not_found()]
            return [self._complete(person, *found)]
        if action in (ActionId.SNOOZE_2H, ActionId.SNOOZE_TOMORROW):
            found = self._owned_checkpoint(person, value)
            if found is None:
                return [_not_found()]
            span = "2h" if action is ActionId.SNOOZE_2H else "tomorrow"
            return [self._snooze_checkpoint(person, *found, span)]
        if action is ActionId.SHOW_DRAFTS:
            found = self._owned_checkpoint(person, value)
            if found is None:
                return [_not_found()]
            return [self._plan_reply(person, found[0])]
        interview = self._owned_interview(person, value)
        if interview is None:
            return [_not_found()]
        if action is ActionId.CALLED_NO_ANSWER:
            return [self._record_call(person, interview, CallResult.NO_ANSWER)]
        if action is ActionId.CALLED_ANSWERED:
            return [self._record_call(person, interview, CallResult.ANSWERED)]
        if action is ActionId.HEARD_BACK:
            return [self._outcome_question(interview)]
        outcomes = {
            ActionId.OUTCOME_OFFER: Outcome.OFFER,
            ActionId.OUTCOME_REJECTED: Outcome.REJECTED,
            ActionId.OUTCOME_NEXT_ROUND: Outcome.NEXT_ROUND,
            ActionId.OUTCOME_OTHER: Outcome.HEARD,
        }
        if action in outcomes:
            return self._record_outcome(person, interview, outcomes[action])
        if action is ActionId.SHOW_PLAN:
            return [self._plan_reply(person, interview)]
        if action is ActionId.REFLECT:
            return self._start_reflection(person, interview)
        return [_not_found()]

    # --- used by delivery ---------------------------------------------------------------
    @staticmethod
    def acts_after(cp: Checkpoint) -> bool:
        """Whether `after_delivery` has anything to do (and so touches the database)."""
        return cp.kind in CALL_KINDS or cp.kind is CheckpointKind.MOVE_ON

    def after_delivery(self, cp: Checkpoint) -> None:
        """Side effects of a reminder having gone out.

        A call reminder starts the wait for the user's report (a check the next
        business day, a move-on after a silent week); the move-on closes the interview.
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


@lru_cache(maxsize=512)
def holidays_near(tz_name: str, year: int) -> frozenset[date]:
    """Public holidays of the zone's country around `year`, for business-day rules."""
    return public_holidays(country_for_zone(tz_name), range(year - 1, year + 3))


_TEXT_OR_SOCIAL = re.compile(
    r"\b(text(?:ed|ing)? (?:message|msg)|text(?:ed)? (?:her|him|them)|by text|via text|sms|"
    r"whatsapp|linkedin|twitter|facebook|instagram|social media|dm(?:'?ed)?)\b",
    re.IGNORECASE)


#: Verbs that, typed alone, are a command even while a question waits for an answer.
_ALONE = frozenset({"help", "list", "ls", "interviews", "journal", "export", "stats",
                    "calendar", "plan"})
#: Verbs that are a command when an interview number follows ("plan 1", "sent 2 Jane").
_WITH_NUMBER = frozenset({"plan", "show", "sent", "done", "called", "heard", "promised",
                          "snooze", "note", "check", "reflect", "share"})


def _is_command_line(text: str) -> bool:
    """Whether text typed while a question is open is plainly a command, not an answer:
    `list` is not anybody's job title, and `plan 2` is not a date."""
    words = text.lower().split()
    if not words:
        return False
    verb = words[0].lstrip("/")
    if len(words) == 1:
        return verb in _ALONE
    return verb in _WITH_NUMBER and bool(_REF.match(words[1]))


def _text_or_social(text: str) -> str | None:
    found = _TEXT_OR_SOCIAL.search(text)
    return found.group(1).lower() if found else None


def _record_id(value: str) -> int | None:
    """A button's record id, if it is one: plain ASCII digits that fit a database integer."""
    if value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return None


def _not_found() -> Reply:
    return Reply(text="I can't find that one. It may have been deleted, or it isn't yours. "
                      "`list` shows your interviews.", replace_original=False)

