"""Public holidays by country and zone, and business days that skip them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.rules.calendar import add_business_days
from bot.rules.holidays import country_for_zone, public_holidays

THANKSGIVING_2026 = date(2026, 11, 26)
BOXING_DAY_SUBSTITUTE_2026 = date(2026, 12, 28)
SUMMER_BANK_HOLIDAY_2026 = date(2026, 8, 31)


def test_us_holidays_include_thanksgiving() -> None:
    us = public_holidays("US", [2026])
    assert THANKSGIVING_2026 in us
    assert date(2026, 7, 3) in us  # 4 July is a Saturday: observed on the Friday
    assert date(2026, 11, 27) not in us


def test_uk_holidays_include_substitute_and_summer_bank_holidays() -> None:
    gb = public_holidays("GB", [2026])
    assert {BOXING_DAY_SUBSTITUTE_2026, SUMMER_BANK_HOLIDAY_2026, date(2026, 4, 6)} <= gb
    assert public_holidays("uk", [2026]) == gb


def test_a_region_adds_its_own_holidays() -> None:
    assert date(2026, 3, 31) in public_holidays("US-CA", [2026])  # César Chávez Day
    assert date(2026, 3, 31) not in public_holidays("US", [2026])
    scotland = public_holidays("GB-SCT", [2026])
    assert date(2026, 1, 2) in scotland
    assert SUMMER_BANK_HOLIDAY_2026 not in scotland  # Scotland's is in early August


def test_an_unknown_region_falls_back_to_the_country() -> None:
    assert public_holidays("US-ZZ", [2026]) == public_holidays("US", [2026])


@pytest.mark.parametrize("country", [None, "", "ZZ", "XX-YY"])
def test_no_or_unknown_country_means_no_holidays(country: str | None) -> None:
    assert public_holidays(country, [2026]) == frozenset()


def test_several_years_at_once() -> None:
    both = public_holidays("US", range(2026, 2028))
    assert THANKSGIVING_2026 in both
    assert date(2027, 11, 25) in both
    assert public_holidays("US", []) == frozenset()


def test_business_days_skip_thanksgiving() -> None:
    us = public_holidays("US", [2026])
    # Wednesday before Thanksgiving: the next business day is the Friday.
    assert add_business_days(date(2026, 11, 25), 1, us) == date(2026, 11, 27)
    assert add_business_days(date(2026, 11, 25), 1) == THANKSGIVING_2026


def test_business_days_skip_christmas_and_the_substitute_boxing_day() -> None:
    gb = public_holidays("GB", [2026, 2027])
    # Thursday 24 December: Friday 25 and Monday 28 are holidays.
    assert add_business_days(date(2026, 12, 24), 1, gb) == date(2026, 12, 29)
    assert add_business_days(date(2026, 8, 28), 1, gb) == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("America/New_York", "US"),
        ("America/Los_Angeles", "US"),
        ("Europe/London", "GB"),
        ("Europe/Berlin", "DE"),
        ("Australia/Sydney", "AU"),
        ("Asia/Kolkata", "IN"),
    ],
)
def test_a_zone_names_its_country(zone: str, country: str) -> None:
    assert country_for_zone(zone) == country


@pytest.mark.parametrize(
    ("alias", "country"),
    [("US/Eastern", "US"), ("Asia/Calcutta", "IN"), ("Europe/Belfast", "GB"), ("GB", "GB")],
)
def test_an_old_alias_reads_as_the_country_of_its_zone(alias: str, country: str) -> None:
    assert country_for_zone(alias) == country


@pytest.mark.parametrize("zone", ["UTC", "Etc/GMT+5", "Mars/Olympus_Mons", "", "../tzdata"])
def test_zones_of_no_country_give_none(zone: str) -> None:
    assert country_for_zone(zone) is None


def test_zone_and_holidays_together_for_a_new_yorker() -> None:
    holidays = public_holidays(country_for_zone("America/New_York"), [2026])
    assert THANKSGIVING_2026 in holidays
