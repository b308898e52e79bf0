"""Follow-up statistics over a hand-built history of interviews."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.content.stats import Stats, follow_up_stats, stats_chart_png, stats_text
from bot.model import (
    CallRecord,
    CallResult,
    Checkpoint,
    CheckpointKind,
    CheckpointState,
    Interview,
    Interviewer,
    Outcome,
)

NEW_YORK = ZoneInfo("America/New_York")
K = CheckpointKind
S = CheckpointState


def _at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=NEW_YORK)


def _interview(
    ident: int,
    starts: datetime,
    outcome: Outcome | None = None,
    outcome_at: datetime | None = None,
    calls: int = 0,
) -> Interview:
    return Interview(
        id=ident,
        person_id=1,
        number=ident,
        company=f"Company {ident}",
        role="analyst",
        starts_at=starts.astimezone(UTC),
        interviewers=(
            Interviewer("Jane Smith", id=ident * 10),
            Interviewer("Raj Patel", id=ident * 10 + 1),
        ),
        created_at=starts - timedelta(days=1),
        outcome=outcome,
        outcome_at=outcome_at,
        calls=tuple(
            CallRecord(starts + timedelta(days=7 + i), CallResult.NO_ANSWER) for i in range(calls)
        ),
    )


def _cp(
    ident: int, kind: CheckpointKind, due: datetime, state: CheckpointState, who: int | None = None
) -> Checkpoint:
    return Checkpoint(
        id=ident,
        interview_id=0,
        kind=kind,
        due_at=due.astimezone(UTC),
        state=state,
        created_at=due,
        interviewer_id=who,
    )


# 1: both notes sent on the day; one call made; offer 6 days later.
ONE = _interview(1, _at(2, 9), Outcome.OFFER, _at(8, 15), calls=1)
ONE_CPS = [
    _cp(1, K.THANK_YOU, _at(2, 11), S.DONE, 10),
    _cp(2, K.THANK_YOU, _at(2, 11), S.DONE, 11),
    _cp(3, K.THANK_YOU_NUDGE, _at(3, 9), S.CANCELLED, 10),
    _cp(4, K.THANK_YOU_NUDGE, _at(3, 9), S.CANCELLED, 11),
    _cp(5, K.FIRST_CALL, _at(9), S.CANCELLED),
    _cp(6, K.SECOND_CALL, _at(11), S.CANCELLED),
]
# 2: one note sent only after the morning nudge, one never; two calls; no response.
TWO = _interview(2, _at(4, 14), Outcome.NO_RESPONSE, _at(27), calls=2)
TWO_CPS = [
    _cp(11, K.THANK_YOU, _at(4, 16), S.DONE, 20),
    _cp(12, K.THANK_YOU, _at(4, 16), S.SENT, 21),
    _cp(13, K.THANK_YOU_NUDGE, _at(5, 9), S.DONE, 20),
    _cp(14, K.THANK_YOU_NUDGE, _at(5, 9), S.SENT, 21),
    _cp(15, K.FIRST_CALL, _at(11), S.DONE),
    _cp(16, K.SECOND_CALL, _at(13), S.DONE),
    _cp(17, K.MOVE_ON, _at(20), S.DONE),
]
# 3: rejected 10 days later; one note added days late (due the next day), sent.
THREE = _interview(3, _at(9, 15), Outcome.REJECTED, _at(19, 12))
THREE_CPS = [
    _cp(21, K.THANK_YOU, _at(10, 9), S.DONE, 30),
    _cp(22, K.THANK_YOU, _at(9, 17), S.CANCELLED, 31),
    _cp(23, K.FIRST_CALL, _at(16), S.CANCELLED),
]
# 4: still open, call planned, note pending.
FOUR = _interview(4, _at(20, 9))
FOUR_CPS = [
    _cp(31, K.THANK_YOU, _at(20, 11), S.PENDING, 40),
    _cp(32, K.FIRST_CALL, _at(27), S.PENDING),
]
# 5: withdrawn (not a response either way) and 6: added by mistake (ignored entirely).
FIVE = _interview(5, _at(21, 9), Outcome.WITHDREW, _at(22))
SIX = _interview(6, _at(22, 9), Outcome.CANCELLED, _at(22, 10))
SIX_CPS = [_cp(41, K.THANK_YOU, _at(22, 11), S.CANCELLED, 60)]

HISTORY = [
    (ONE, ONE_CPS),
    (TWO, TWO_CPS),
    (THREE, THREE_CPS),
    (FOUR, FOUR_CPS),
    (FIVE, []),
    (SIX, SIX_CPS),
]


def test_counts_interviews_but_not_ones_cancelled_as_mistakes() -> None:
    assert follow_up_stats(HISTORY, NEW_YORK).interviews == 5


def test_thank_yous_due_sent_and_same_day() -> None:
    stats = follow_up_stats(HISTORY, NEW_YORK)
    assert stats.thank_yous_due == 6  # cancelled notes are not owed
    assert stats.thank_yous_sent == 4
    # Interview 1's two; not the one sent after a nudge, nor the one due the day after.
    assert stats.thank_yous_same_day == 2
    assert stats.same_day_share == 0.5


def test_calls_made_versus_planned() -> None:
    stats = follow_up_stats(HISTORY, NEW_YORK)
    assert stats.calls_made == 3
    assert stats.calls_planned == 3  # two done at interview 2, one pending at 4


def test_response_rate_counts_answers_over_closed_interviews() -> None:
    stats = follow_up_stats(HISTORY, NEW_YORK)
    assert (stats.responses, stats.closed) == (2, 3)
    assert stats.response_rate == 2 / 3
    assert stats.offers == 1


def test_median_days_to_hear_back_uses_local_calendar_days() -> None:
    assert follow_up_stats(HISTORY, NEW_YORK).median_days_to_hear == 8.0  # 6 and 10


def test_no_history_gives_zeros_and_no_rates() -> None:
    stats = follow_up_stats([], NEW_YORK)
    assert stats.interviews == 0
    assert stats.response_rate is None
    assert stats.same_day_share is None
    assert stats.median_days_to_hear is None
    assert "No interviews" in stats_text(stats)


def test_summary_text_reads_the_numbers_and_encourages() -> None:
    text = stats_text(follow_up_stats(HISTORY, NEW_YORK))
    assert "Interviews tracked: 5" in text
    assert "4 of 6 sent, 2 on the day of the interview" in text
    assert "3 made, 3 planned" in text
    assert "2 of 3 closed interviews (67%), typically after 8 days" in text
    assert "Offers: 1" in text
    assert "Well done" in text


def test_summary_nudges_when_a_note_is_still_unsent() -> None:
    stats = Stats(
        interviews=1,
        thank_yous_due=2,
        thank_yous_sent=1,
        thank_yous_same_day=1,
        calls_made=0,
        calls_planned=1,
        closed=0,
        responses=0,
        median_days_to_hear=None,
        offers=0,
    )
    assert "late thank-you beats none" in stats_text(stats)


def test_chart_is_a_600_by_300_png() -> None:
    png = stats_chart_png(follow_up_stats(HISTORY, NEW_YORK))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (600, 300)


def test_chart_draws_for_an_empty_history_too() -> None:
    png = stats_chart_png(follow_up_stats([], NEW_YORK))
    assert struct.unpack(">II", png[16:24]) == (600, 300)
