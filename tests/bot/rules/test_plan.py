"""The coaching rules of docs/COACHING.md, one test per rule, plus properties over random input."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.model import (
    CallRecord,
    CallResult,
    Channel,
    CheckpointKind,
    Culture,
    Interview,
    Interviewer,
    Outcome,
    Promise,
    PromiseKind,
    QuietHours,
)
from bot.rules.plan import (
    CALL_KINDS,
    PHONE_KINDS,
    Prefs,
    handwritten_deadline,
    plan_checkpoints,
    release_time,
)

NY = ZoneInfo("America/New_York")
PREFS = Prefs(tz=NY)
K = CheckpointKind


def interview(
    starts: datetime,
    *,
    created: datetime | None = None,
    people: int = 1,
    promise: Promise | None = None,
    culture: Culture | None = None,
    channel: Channel | None = None,
    calls: tuple[CallRecord, ...] = (),
    outcome: Outcome | None = None,
    outcome_at: datetime | None = None,
) -> Interview:
    return Interview(
        id=1, person_id=1, number=1, company="Acme", role="data analyst",
        starts_at=starts,
        interviewers=tuple(Interviewer(name=f"Person {i}", id=i + 1) for i in range(people)),
        created_at=created or starts - timedelta(days=2),
        promise=promise, culture=culture, channel=channel, calls=calls,
        outcome=outcome, outcome_at=outcome_at,
    )


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0, tz: ZoneInfo = NY) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=tz)


def due(plan, kind: CheckpointKind) -> list[datetime]:
    return [p.due_at.astimezone(NY) for p in plan if p.kind is kind]


def test_prepare_comes_two_hours_before_a_future_interview():
    plan = plan_checkpoints(interview(at(2026, 11, 25, 14)), PREFS, at(2026, 11, 23, 12))
    assert due(plan, K.PREPARE) == [at(2026, 11, 25, 12)]


def test_prepare_is_skipped_once_the_interview_has_started():
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14)), PREFS, at(2026, 11, 23, 16))
    assert due(plan, K.PREPARE) == []


def test_prepare_for_an_early_interview_moves_to_the_evening_before():
    plan = plan_checkpoints(interview(at(2026, 11, 25, 8, 30)), PREFS, at(2026, 11, 23, 12))
    [prepare] = due(plan, K.PREPARE)
    assert prepare < at(2026, 11, 25, 8, 30)
    assert not PREFS.quiet.contains(prepare.time())


def test_one_thank_you_per_interviewer_an_hour_after_the_interview_ends():
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), people=2), PREFS,
                            at(2026, 11, 23, 12))
    thanks = [p for p in plan if p.kind is K.THANK_YOU]
    assert {p.interviewer_id for p in thanks} == {1, 2}
    assert all(p.due_at == at(2026, 11, 23, 16) for p in thanks)


def test_a_late_evening_thank_you_stays_on_the_same_day_despite_quiet_hours():
    plan = plan_checkpoints(interview(at(2026, 11, 23, 20)), PREFS, at(2026, 11, 23, 12))
    [thanks] = due(plan, K.THANK_YOU)
    assert thanks.date() == date(2026, 11, 23)
    assert thanks.time() >= time(21, 0)  # inside quiet hours, on purpose


def test_a_thank_you_for_an_interview_days_ago_is_due_when_we_hear_of_it():
    created = at(2026, 11, 23, 11)
    plan = plan_checkpoints(interview(at(2026, 11, 19, 10), created=created), PREFS, created)
    assert due(plan, K.THANK_YOU) == [created]


def test_an_unsent_note_gets_one_nudge_the_next_morning():
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14)), PREFS, at(2026, 11, 23, 12))
    assert due(plan, K.THANK_YOU_NUDGE) == [at(2026, 11, 24, 9)]


def test_a_sent_note_gets_no_nudge():
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14)), PREFS, at(2026, 11, 23, 12),
                            done={(K.THANK_YOU, 1)})
    assert due(plan, K.THANK_YOU_NUDGE) == []
    assert due(plan, K.THANK_YOU) == []


def test_a_traditional_employer_gets_a_handwritten_card_within_48_hours():
    start = at(2026, 11, 23, 14)
    plan = plan_checkpoints(interview(start, culture=Culture.TRADITIONAL), PREFS, start)
    [card] = due(plan, K.HANDWRITTEN)
    assert start < card < start + timedelta(hours=48)


def test_a_card_due_on_a_sunday_or_holiday_is_posted_by_the_next_collection_day():
    friday = interview(at(2026, 11, 27, 14), culture=Culture.TRADITIONAL)
    assert handwritten_deadline(friday, PREFS) == at(2026, 11, 30, 14)  # Sun -> Mon
    before_christmas = interview(at(2026, 12, 23, 14), culture=Culture.TRADITIONAL)
    holidays = Prefs(tz=NY, holidays=frozenset({date(2026, 12, 25)}))
    assert handwritten_deadline(before_christmas, holidays) == at(2026, 12, 26, 14)  # Sat
    tuesday = interview(at(2026, 11, 24, 14), culture=Culture.TRADITIONAL)
    assert handwritten_deadline(tuesday, PREFS) == at(2026, 11, 26, 14)


def test_choosing_post_also_plans_the_card_but_modern_email_does_not():
    start = at(2026, 11, 23, 14)
    assert due(plan_checkpoints(interview(start, channel=Channel.POST), PREFS, start),
               K.HANDWRITTEN)
    assert not due(plan_checkpoints(interview(start, culture=Culture.MODERN), PREFS, start),
                   K.HANDWRITTEN)


def test_call_me_in_four_days_means_calling_on_that_day():
    promise = Promise(PromiseKind.YOU_CALL_ON, date(2026, 11, 26), "call me in 4 days")
    plan = plan_checkpoints(interview(at(2026, 11, 22, 10), promise=promise), PREFS,
                            at(2026, 11, 22, 12))
    assert due(plan, K.FIRST_CALL) == [at(2026, 11, 26, 10)]


def test_decide_by_friday_means_calling_the_next_business_day():
    promise = Promise(PromiseKind.THEY_DECIDE_BY, date(2026, 11, 27), "decide by Friday")
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), promise=promise), PREFS,
                            at(2026, 11, 23, 16))
    assert due(plan, K.FIRST_CALL) == [at(2026, 11, 30, 10)]  # Monday


def test_no_promise_means_calling_about_a_working_week_later():
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14)), PREFS, at(2026, 11, 23, 16))
    assert due(plan, K.FIRST_CALL) == [at(2026, 11, 30, 10)]


def test_a_call_day_on_a_weekend_moves_to_monday():
    promise = Promise(PromiseKind.YOU_CALL_ON, date(2026, 11, 28), "call me Saturday")
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), promise=promise), PREFS,
                            at(2026, 11, 23, 16))
    assert due(plan, K.FIRST_CALL) == [at(2026, 11, 30, 10)]


def test_a_second_call_comes_two_business_days_after_an_unanswered_first():
    first = CallRecord(at(2026, 11, 30, 10, 5), CallResult.NO_ANSWER)
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=(first,)), PREFS,
                            at(2026, 11, 30, 10, 5), done={(K.FIRST_CALL, None)})
    assert due(plan, K.SECOND_CALL) == [at(2026, 12, 2, 10)]
    assert due(plan, K.FIRST_CALL) == []


def test_after_two_calls_the_bot_plans_a_move_on_a_week_later_and_never_a_third_call():
    calls = (CallRecord(at(2026, 11, 30, 10), CallResult.NO_ANSWER),
             CallRecord(at(2026, 12, 2, 10), CallResult.NO_ANSWER))
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=calls), PREFS,
                            at(2026, 12, 2, 10), done={(K.FIRST_CALL, None),
                                                       (K.SECOND_CALL, None)})
    assert due(plan, K.MOVE_ON) == [at(2026, 12, 9, 10)]
    assert [p for p in plan if p.kind in CALL_KINDS] == []


def test_a_new_promise_heard_on_the_first_call_moves_the_second_call_to_that_day():
    first = CallRecord(at(2026, 11, 30, 10, 5), CallResult.ANSWERED)
    promise = Promise(PromiseKind.THEY_DECIDE_BY, date(2026, 12, 8), "next Tuesday")
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=(first,), promise=promise),
                            PREFS, at(2026, 11, 30, 10, 10), done={(K.FIRST_CALL, None)})
    assert due(plan, K.SECOND_CALL) == [at(2026, 12, 9, 10)]  # the business day after


def test_a_promise_sooner_than_the_usual_gap_never_pulls_the_second_call_forward():
    first = CallRecord(at(2026, 11, 30, 10, 5), CallResult.ANSWERED)
    promise = Promise(PromiseKind.YOU_CALL_ON, date(2026, 12, 1), "call me tomorrow")
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=(first,), promise=promise),
                            PREFS, at(2026, 11, 30, 10, 10), done={(K.FIRST_CALL, None)})
    assert due(plan, K.SECOND_CALL) == [at(2026, 12, 2, 10)]


def test_the_promise_that_set_the_first_call_does_not_delay_the_second():
    promise = Promise(PromiseKind.THEY_DECIDE_BY, date(2026, 11, 27), "decide by Friday")
    first = CallRecord(at(2026, 11, 30, 10, 5), CallResult.NO_ANSWER)
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=(first,), promise=promise),
                            PREFS, at(2026, 11, 30, 10, 10), done={(K.FIRST_CALL, None)})
    assert due(plan, K.SECOND_CALL) == [at(2026, 12, 2, 10)]


def test_after_two_calls_a_later_promise_holds_the_move_on_until_its_day_has_passed():
    calls = (CallRecord(at(2026, 11, 30, 10), CallResult.NO_ANSWER),
             CallRecord(at(2026, 12, 2, 10), CallResult.ANSWERED))
    promise = Promise(PromiseKind.THEY_DECIDE_BY, date(2026, 12, 18), "by the 18th")
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=calls, promise=promise),
                            PREFS, at(2026, 12, 2, 10, 5),
                            done={(K.FIRST_CALL, None), (K.SECOND_CALL, None)})
    assert due(plan, K.MOVE_ON) == [at(2026, 12, 21, 10)]
    assert [p for p in plan if p.kind in CALL_KINDS] == []


def test_an_unanswered_call_reminder_is_checked_once_then_moved_on_after_a_silent_week():
    sent = at(2026, 11, 30, 10)
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14)), PREFS, at(2026, 11, 30, 12),
                            done={(K.THANK_YOU, 1)}, reminded={(K.FIRST_CALL, None): sent})
    assert due(plan, K.CALL_CHECK) == [at(2026, 12, 2, 10)]
    assert due(plan, K.MOVE_ON) == [at(2026, 12, 7, 10)]
    assert due(plan, K.SECOND_CALL) == []


def test_an_unreported_second_call_is_checked_and_moved_on_too():
    first = CallRecord(at(2026, 11, 30, 10, 5), CallResult.NO_ANSWER)
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=(first,)), PREFS,
                            at(2026, 12, 2, 12), done={(K.FIRST_CALL, None)},
                            reminded={(K.SECOND_CALL, None): at(2026, 12, 4, 10)})
    assert due(plan, K.CALL_CHECK) == [at(2026, 12, 8, 10)]  # two business days on
    assert due(plan, K.MOVE_ON) == [at(2026, 12, 11, 10)]


def test_a_reported_call_needs_no_check():
    first = CallRecord(at(2026, 11, 30, 10, 5), CallResult.NO_ANSWER)
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), calls=(first,)), PREFS,
                            at(2026, 11, 30, 12), done={(K.FIRST_CALL, None)},
                            reminded={(K.FIRST_CALL, None): at(2026, 11, 30, 10)})
    assert due(plan, K.CALL_CHECK) == []
    assert due(plan, K.MOVE_ON) == []


def test_any_outcome_cancels_the_rest_and_asks_for_reflection():
    for outcome in (Outcome.OFFER, Outcome.REJECTED, Outcome.NEXT_ROUND, Outcome.HEARD,
                    Outcome.WITHDREW, Outcome.NO_RESPONSE):
        plan = plan_checkpoints(
            interview(at(2026, 11, 23, 14), outcome=outcome, outcome_at=at(2026, 11, 25, 12)),
            PREFS, at(2026, 11, 25, 12))
        assert [p.kind for p in plan] == [K.REFLECT]
        assert plan[0].due_at == at(2026, 11, 25, 13)


def test_a_stopped_interview_has_no_plan_at_all():
    plan = plan_checkpoints(
        interview(at(2026, 11, 23, 14), outcome=Outcome.CANCELLED,
                  outcome_at=at(2026, 11, 24, 12)), PREFS, at(2026, 11, 24, 12))
    assert plan == []


def test_a_snoozed_checkpoint_keeps_the_time_the_user_chose():
    later = at(2026, 11, 24, 18)
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14)), PREFS, at(2026, 11, 23, 16),
                            snoozed={(K.THANK_YOU, 1): later})
    assert due(plan, K.THANK_YOU) == [later]


def test_a_ten_oclock_call_stays_ten_oclock_across_the_dst_change():
    # US clocks fall back on Sunday 2026-11-01; the call is the Monday after.
    promise = Promise(PromiseKind.YOU_CALL_ON, date(2026, 11, 2), "call me Monday")
    plan = plan_checkpoints(interview(at(2026, 10, 29, 14), promise=promise), PREFS,
                            at(2026, 10, 29, 16))
    [call] = due(plan, K.FIRST_CALL)
    assert (call.hour, call.minute) == (10, 0)
    assert call.utcoffset() == timedelta(hours=-5)


def test_release_holds_a_call_that_fell_due_at_night_until_the_next_morning():
    start = interview(at(2026, 11, 23, 14))
    held = release_time(K.FIRST_CALL, start, at(2026, 11, 30, 22), PREFS)
    assert held == at(2026, 12, 1, 10)


def test_release_holds_a_late_nudge_until_quiet_hours_end():
    start = interview(at(2026, 11, 23, 14))
    assert release_time(K.THANK_YOU_NUDGE, start, at(2026, 11, 24, 23), PREFS) == \
        at(2026, 11, 25, 8)


def test_release_lets_the_same_day_thank_you_through_in_quiet_hours():
    start = interview(at(2026, 11, 23, 19))
    assert release_time(K.THANK_YOU, start, at(2026, 11, 23, 22), PREFS) == \
        at(2026, 11, 23, 22)


def test_a_call_to_an_employer_in_berlin_lands_in_berlin_office_hours():
    berlin = ZoneInfo("Europe/Berlin")
    promise = Promise(PromiseKind.YOU_CALL_ON, date(2026, 11, 26), "call me Thursday")
    it = replace(interview(at(2026, 11, 23, 9), promise=promise), employer_tz="Europe/Berlin")
    [call] = [p.due_at for p in plan_checkpoints(it, PREFS, at(2026, 11, 23, 10))
              if p.kind is K.FIRST_CALL]
    there, here = call.astimezone(berlin), call.astimezone(NY)
    assert there.date() == date(2026, 11, 26) and 9 <= there.hour < 17
    assert not PREFS.quiet.contains(here.time())  # 08:00 or later in New York


def test_calls_skip_public_holidays_like_thanksgiving():
    from bot.rules.holidays import public_holidays

    prefs = Prefs(tz=NY, holidays=public_holidays("US", [2026]))
    promise = Promise(PromiseKind.YOU_CALL_ON, date(2026, 11, 26), "call me Thursday")
    plan = plan_checkpoints(interview(at(2026, 11, 23, 14), promise=promise), prefs,
                            at(2026, 11, 23, 16))
    assert due(plan, K.FIRST_CALL) == [at(2026, 11, 27, 10)]  # Friday, not Thanksgiving
    no_promise = plan_checkpoints(interview(at(2026, 11, 20, 14)), prefs, at(2026, 11, 20, 16))
    assert due(no_promise, K.FIRST_CALL) == [at(2026, 11, 30, 10)]  # 5 working days


# --- properties ----------------------------------------------------------------------

ZONES = ["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney",
         "Asia/Kolkata", "America/Los_Angeles", "Pacific/Auckland", "UTC"]

moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31),
                       timezones=st.just(UTC))
quiet_hours = st.tuples(st.integers(18, 23), st.integers(5, 9)).map(
    lambda hs: QuietHours(time(hs[0]), time(hs[1])))
promises = st.one_of(
    st.none(),
    st.builds(Promise, st.sampled_from(list(PromiseKind)),
              st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 1, 31))),
)
call_results = st.lists(st.sampled_from(list(CallResult)), max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    start=moments, zone=st.sampled_from(ZONES), quiet=quiet_hours, promise=promises,
    results=call_results, lag=st.integers(-3 * 24, 10 * 24),
    culture=st.sampled_from([None, *Culture]), people=st.integers(1, 3),
    reminded_after=st.one_of(st.none(), st.integers(0, 20 * 24)),
)
def test_plans_respect_quiet_hours_business_days_and_the_two_call_limit(
    start, zone, quiet, promise, results, lag, culture, people, reminded_after
):
    tz = ZoneInfo(zone)
    prefs = Prefs(tz=tz, quiet=quiet)
    created = start + timedelta(hours=lag)
    calls = tuple(CallRecord(start + timedelta(days=7 + 2 * i), r)
                  for i, r in enumerate(results[:2]))
    it = interview(start, created=created, people=people, promise=promise, culture=culture,
                   calls=calls)
    done = {(K.FIRST_CALL, None)} if calls else set()
    if len(calls) > 1:
        done.add((K.SECOND_CALL, None))
    waiting = K.SECOND_CALL if calls else K.FIRST_CALL
    reminded = {} if reminded_after is None else {
        (waiting, None): created + timedelta(hours=reminded_after)}
    plan = plan_checkpoints(it, prefs, created, done=done, reminded=reminded)

    call_checkpoints = [p for p in plan if p.kind in CALL_KINDS]
    assert len(call_checkpoints) + len(calls) <= 2
    assert len([p for p in plan if p.kind is K.CALL_CHECK]) <= 1
    assert len([p for p in plan if p.kind is K.MOVE_ON]) <= 1
    for p in plan:
        here = p.due_at.astimezone(tz)
        same_day_thanks = p.kind is K.THANK_YOU and here.date() == start.astimezone(tz).date()
        if not same_day_thanks:
            assert not quiet.contains(here.time()), (p, here)
        if p.kind in PHONE_KINDS:
            assert here.weekday() < 5, (p, here)
            if p.due_at > created and p.kind in CALL_KINDS:
                # 10:00, the end of quiet hours, or (a promise that named a day before
                # the interview ended) at once after it, in working hours.
                assert here.time() in (time(10, 0), quiet.end) or \
                    p.due_at == start + timedelta(hours=1), (p, here)
        if p.kind is K.HANDWRITTEN:
            # Before the posting deadline: 48 hours on, moved to a day the post is collected.
            assert p.due_at < handwritten_deadline(it, prefs)
    assert len([p for p in plan if p.kind is K.THANK_YOU]) == people


@settings(max_examples=200, deadline=None)
@given(now=moments, zone=st.sampled_from(ZONES), kind=st.sampled_from(list(K)))
def test_release_never_lands_in_quiet_hours_or_on_a_weekend_for_calls(now, zone, kind):
    tz = ZoneInfo(zone)
    prefs = Prefs(tz=tz)
    it = interview(now - timedelta(days=3))
    released = release_time(kind, it, now, prefs).astimezone(tz)
    assert released >= now
    assert not prefs.quiet.contains(released.time())
    if kind in PHONE_KINDS:
        assert released.weekday() < 5
