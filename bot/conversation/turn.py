"""One person's request in progress: who asked, the services, and the lookups handlers share.

Handlers get a `Turn` and a typed command; what they look up (an interview by number or
by a button's record id, a step like `1.2`) is found here, once, with the same friendly
replies when it is not there or not theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.commands import (
    BadInterviewRef,
    BadStepRef,
    InterviewNumber,
    InterviewRecord,
    InterviewRef,
    OnlyOpenInterview,
    StepNumber,
    StepRecord,
    StepRef,
)
from bot.conversation import flows
from bot.conversation.replan import ACTIVE, replan
from bot.conversation.views import numbered
from bot.messages import Inbound, Reply
from bot.model import (
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Interview,
    Outcome,
    Person,
    QuietHours,
)
from bot.ports.clock import Clock
from bot.ports.repository import PlanChange, Repository
from bot.rules.holidays import country_for_zone, public_holidays
from bot.rules.plan import NOTE_KINDS, PHONE_KINDS, Prefs
from bot.text import short


@dataclass(frozen=True, slots=True)
class CoachDefaults:
    tz: str
    quiet: QuietHours
    public_url: str | None = None  # where the web process serves calendar feeds
    mail_domain: str | None = None  # where private mail addresses live (FOLLOWUP_MAIL_DOMAIN)


@lru_cache(maxsize=512)
def holidays_near(tz_name: str, year: int) -> frozenset[date]:
    """Public holidays of the zone's country around `year`, for business-day rules."""
    return public_holidays(country_for_zone(tz_name), range(year - 1, year + 3))


def prefs_for(person: Person, clock: Clock) -> Prefs:
    return Prefs(tz=ZoneInfo(person.tz), quiet=person.quiet,
                 holidays=holidays_near(person.tz, clock.now().year))


def not_found() -> Reply:
    return Reply(text="I can't find that one. It may have been deleted, or it isn't yours. "
                      "`list` shows your interviews.", replace_original=False)


@dataclass(slots=True)
class Turn:
    """A person's request: the services it may use and the person, as of now."""

    repo: Repository
    clock: Clock
    defaults: CoachDefaults
    person: Person
    inbound: Inbound | None = None

    @property
    def now(self) -> datetime:
        return self.clock.now()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.person.tz)

    def prefs(self) -> Prefs:
        return prefs_for(self.person, self.clock)

    def refresh(self, person: Person) -> None:
        """Use `person` as changed by this turn (a new zone, a name)."""
        self.person = person

    def replan(self, interview: Interview, *, before: Interview | None = None,
               rows: list[Checkpoint] | None = None, also: Sequence[PlanChange] = (),
               outcome: Outcome | None = None) -> list[Checkpoint]:
        """`bot.conversation.replan.replan` for this turn: the checkpoints it leaves."""
        return replan(self.repo, interview, self.prefs(), self.now, before=before, rows=rows,
                      also=also, outcome=outcome)

    # --- the open question ------------------------------------------------------------
    def flow(self) -> flows.Flow | None:
        """The question waiting for this person's answer; a stale one is dropped."""
        stored = self.repo.get_conversation(self.person.id)
        if not stored:
            return None
        try:
            flow = flows.load(stored)
        except flows.StaleFlow:
            flow = None
        if flow is None or (isinstance(flow, flows.ChoiceFlow) and flow.until is not None
                            and flow.until <= self.now):
            self.repo.set_conversation(self.person.id, None)
            return None
        return flow

    def set_flow(self, flow: flows.Flow | None) -> None:
        until = flow.until if isinstance(flow, flows.ChoiceFlow) else None
        self.repo.set_conversation(self.person.id, None if flow is None else flows.dump(flow),
                                   expires_at=until)

    # --- finding what a command points at ---------------------------------------------
    def open_interviews(self) -> list[Interview]:
        return self.repo.list_interviews(self.person.id, open_only=True)

    def interview(self, ref: InterviewRef | None) -> Interview | Reply:
        """The interview `ref` names, or the reply saying why there is none."""
        if isinstance(ref, InterviewNumber):
            found = self.repo.find_interview(self.person.id, ref.number)
            if found is None:
                return Reply(text=f"I can't find interview #{ref.number} in your list. "
                                  "`list` shows yours.")
            return found
        if isinstance(ref, InterviewRecord):
            return self.owned_interview(ref.record_id) or not_found()
        if isinstance(ref, BadInterviewRef):
            return Reply(text=f"I can't find interview {short(ref.said, 20)} in your "
                              "list. `list` shows the numbers.")
        if isinstance(ref, OnlyOpenInterview):
            open_ones = self.open_interviews()
            if len(open_ones) == 1:
                return open_ones[0]
            if not open_ones:
                return Reply(text="You have no open interviews. Add one with `add`.")
        return Reply(text="Which interview? Give its number, e.g. `plan 1`. "
                          "`list` shows the numbers.")

    def interview_and_plan(self, ref: InterviewRef | None
                           ) -> tuple[Interview, list[Checkpoint] | None] | Reply:
        """`interview`, with its checkpoints when they came in the same read (an
        interview named by its number); None when they were not read."""
        if isinstance(ref, InterviewNumber):
            found = self.repo.interviews_with_checkpoints(self.person.id, ref.number)
            if not found:
                return Reply(text=f"I can't find interview #{ref.number} in your list. "
                                  "`list` shows yours.")
            interview, rows = found[0]
            return interview, rows
        named = self.interview(ref)
        return named if isinstance(named, Reply) else (named, None)

    def owned_interview(self, record_id: int) -> Interview | None:
        interview = self.repo.get_interview(record_id)
        if interview is None or interview.person_id != self.person.id:
            return None
        return interview

    def step(self, ref: StepRef) -> tuple[Interview, Checkpoint] | Reply:
        """The checkpoint `ref` names with its interview, or the reply saying why not."""
        found = self.step_of_plan(ref)
        return found if isinstance(found, Reply) else found[:2]

    def step_of_plan(self, ref: StepRef
                     ) -> tuple[Interview, Checkpoint, list[Checkpoint] | None] | Reply:
        """`step`, with the interview's checkpoints as read to find it (None when they
        were not read: a button names its step by record id), so that a change to the
        step can replan without reading them again."""
        if isinstance(ref, StepRecord):
            cp = self.repo.get_checkpoint(ref.record_id)
            interview = None if cp is None else self.owned_interview(cp.interview_id)
            if cp is None or interview is None:
                return not_found()
            return interview, cp, None
        if isinstance(ref, BadStepRef):
            return Reply(text=f"{short(ref.said, 20)!r} isn't a step I know. Steps "
                              "look like `1.2` (interview 1, step 2); `plan 1` lists them.")
        found = self.repo.interviews_with_checkpoints(self.person.id, ref.interview)
        if not found:
            return Reply(text=f"I can't find interview #{ref.interview}. `list` shows yours.")
        return self._numbered_step(*found[0], ref)

    def _numbered_step(self, interview: Interview, read: list[Checkpoint], ref: StepNumber
                       ) -> tuple[Interview, Checkpoint, list[Checkpoint]] | Reply:
        rows = numbered(read)
        if ref.position is None:
            active = [cp for _, cp in rows if cp.state in ACTIVE
                      and (not ref.calls_only or cp.kind in PHONE_KINDS)
                      and (not ref.notes_only or cp.kind in NOTE_KINDS)]
            if not active:
                what = "call" if ref.calls_only else "note" if ref.notes_only else "step"
                return Reply(text=f"Interview #{interview.number} has no {what} waiting.")
            return interview, min(active, key=lambda c: c.due_at), read
        for pos, cp in rows:
            if pos == ref.position:
                return interview, cp, read
        return Reply(text=f"Interview #{interview.number} has no step {ref.position}. "
                          f"`plan {interview.number}` lists them.")

    def items(self) -> list[tuple[Interview, list[Checkpoint]]]:
        """The person's interviews with their checkpoints, in a fixed number of queries."""
        return self.repo.interviews_with_checkpoints(self.person.id)

    # --- changing steps ---------------------------------------------------------------
    def done_and_replanned(self, interview: Interview, kinds: tuple[CheckpointKind, ...],
                           interviewer_ids: set[int | None],
                           rows: list[Checkpoint] | None = None) -> list[Checkpoint]:
        """`mark_done`, then `replan`, their writes sent together: the checkpoints left.
        `rows`: the interview's checkpoints when the caller has just read them."""
        rows = self.repo.checkpoints_for(interview.id) if rows is None else rows
        done: list[PlanChange] = []
        seen: list[Checkpoint] = []
        for cp in rows:
            if cp.kind in kinds and cp.state in ACTIVE and cp.interviewer_id in interviewer_ids:
                # As `mark_done` makes it: from any active state, whatever delivery did.
                done.append(PlanChange(cp.id, ACTIVE, state=CheckpointState.DONE,
                                       done_at=self.now))
                cp = replace(cp, state=CheckpointState.DONE)
            seen.append(cp)
        return self.replan(interview, rows=seen, also=done)

    def mark_done(self, interview: Interview, kinds: tuple[CheckpointKind, ...],
                  interviewer_ids: set[int | None] | None = None) -> int:
        """Mark the matching waiting checkpoints done; return how many changed."""
        count = 0
        for cp in self.repo.checkpoints_for(interview.id):
            matches = cp.kind in kinds and cp.state in ACTIVE and (
                interviewer_ids is None or cp.interviewer_id in interviewer_ids)
            if matches and self.repo.update_checkpoint(
                cp.id, state=CheckpointState.DONE, expect=ACTIVE, done_at=self.now
            ):
                count += 1
        return count

    def complete_kind(self, interview_id: int | None, kind: CheckpointKind) -> None:
        if interview_id is None:
            return
        interview = self.owned_interview(interview_id)
        if interview is not None:
            self.mark_done(interview, (kind,))
