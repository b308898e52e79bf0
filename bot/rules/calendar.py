"""Wall-clock arithmetic in the user's zone: business days, quiet hours, DST-safe times.

Every rule is computed on local dates and times and only then turned into an aware
moment, so a 10:00 call stays 10:00 local across a daylight-saving change.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.model import QuietHours

NO_HOLIDAYS: frozenset[date] = frozenset()


def at_local(day: date, moment: time, tz: ZoneInfo) -> datetime:
    """The aware moment for a local wall-clock time, pushed forward out of a DST gap."""
    naive = datetime.combine(day, moment)
    aware = naive.replace(tzinfo=tz)
    # A time inside a spring-forward gap does not exist; the round trip moves it past
    # the gap, which is what a person expects ("02:30" becomes "03:30").
    return aware.astimezone(UTC).astimezone(tz)


def local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.astimezone(tz)


def is_business_day(day: date, holidays: Container[date] = NO_HOLIDAYS) -> bool:
    return day.weekday() < 5 and day not in holidays


def business_day_on_or_after(day: date, holidays: Container[date] = NO_HOLIDAYS) -> date:
    for _ in range(60):
        if is_business_day(day, holidays):
            return day
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int, holidays: Container[date] = NO_HOLIDAYS) -> date:
    """`count` business days after `day` (day itself not counted)."""
    added = 0
    while added < count:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            added += 1
    return day


def end_of_quiet(moment: datetime, quiet: QuietHours, tz: ZoneInfo) -> datetime:
    """`moment` if it is outside quiet hours, else the moment quiet hours end."""
    here = local(moment, tz)
    if not quiet.contains(here.timetz().replace(tzinfo=None)):
        return moment
    end_today = at_local(here.date(), quiet.end, tz)
    if end_today > here:
        return end_today
    return at_local(here.date() + timedelta(days=1), quiet.end, tz)


def latest_before_quiet(moment: datetime, quiet: QuietHours, tz: ZoneInfo) -> datetime:
    """`moment` if outside quiet hours, else the last half hour before they began."""
    here = local(moment, tz)
    for _ in range(100):
        if not quiet.contains(here.time()):
            return here
        here = (here - timedelta(minutes=30)).astimezone(tz)
    return here


def call_slot(
    day: date,
    call_time: time,
    quiet: QuietHours,
    tz: ZoneInfo,
    holidays: Container[date] = NO_HOLIDAYS,
) -> datetime:
    """The call time on the first business day from `day`, moved out of quiet hours."""
    day = business_day_on_or_after(day, holidays)
    moment = at_local(day, call_time, tz)
    if quiet.contains(call_time):
        moment = at_local(day, quiet.end, tz)
    return moment


def in_working_hours(
    moment: datetime,
    tz: ZoneInfo,
    opens: time,
    closes: time,
    holidays: Container[date] = NO_HOLIDAYS,
) -> bool:
    here = local(moment, tz)
    return is_business_day(here.date(), holidays) and opens <= here.time() < closes
