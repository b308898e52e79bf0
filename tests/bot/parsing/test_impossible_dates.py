"""Dates no calendar has are found, with why; dates that could be real never are."""

from __future__ import annotations

import pytest

from bot.parsing.impossible_dates import impossible_date, why_not


@pytest.mark.parametrize(("text", "said", "why"), [
    ("initech pushed it to 31/02", "31/02", "February has 29 days at most"),
    ("they said 02/30", "02/30", "February has 29 days at most"),
    ("move it to feb 30", "feb 30", "February has 29 days at most"),
    ("on the 30th of February", "30th of February", "February has 29 days at most"),
    ("we met on 31 april", "31 april", "April has 30 days"),
    ("jan 32nd at noon", "jan 32nd", "January has 31 days"),
    ("13/13", "13/13", "there is no month 13"),
    ("add Acme, 2026-13-01 10am", "2026-13-01", "there is no month 13"),
    ("2027-02-29", "2027-02-29", "2027 is not a leap year"),
])
def test_a_date_no_calendar_has_is_named_with_why(text: str, said: str, why: str) -> None:
    found = impossible_date(text)
    assert found is not None and (found.said, found.why) == (said, why)
    assert why_not(text) == f" ({why})"


@pytest.mark.parametrize("text", [
    "12/4", "call at 10/30", "it was a 9-5 shift", "Dec 3 at 3pm", "2028-02-29",
    "in may 5 people applied", "at 14:45", "10.30", "a 1/2 day", "score 10/10",
    "2026-11-20 10am", "oct 31", "march 10:30", "29 feb",
])
def test_a_date_that_could_be_real_is_never_called_impossible(text: str) -> None:
    assert impossible_date(text) is None and why_not(text) == ""
