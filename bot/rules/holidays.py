"""Public holidays for a person's country, so calls never land on a day offices are shut.

The result feeds `Prefs.holidays`; the country can be guessed from the person's time zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources

#: Countries whose national list in `holidays` leaves out bank holidays most of the
#: country keeps, because they differ by region: without a region, use the largest.
DEFAULT_SUBDIVISION = {"GB": "ENG", "UK": "ENG"}
ALIASES = {"UK": "GB"}

_ZONEINFO_PACKAGE = "tzdata.zoneinfo"


def public_holidays(country: str | None, years: Iterable[int]) -> frozenset[date]:
    """Every public holiday (observed days included) in `years` for an ISO 3166 code.

    Accepts "US", "GB", "DE", and a region as in ISO 3166-2: "US-CA", "GB-SCT".
    An unknown region falls back to the country; None or an unknown country gives no
    holidays, so the plan still works with weekends alone.
    """
    if not country:
        return frozenset()
    code, _, region = country.strip().upper().partition("-")
    code = ALIASES.get(code, code)
    wanted = tuple(sorted(set(years)))
    if not wanted:
        return frozenset()
    found = _holidays(code, region or DEFAULT_SUBDIVISION.get(code), wanted)
    if found is None and region:
        found = _holidays(code, DEFAULT_SUBDIVISION.get(code), wanted)
    return found or frozenset()


def country_for_zone(tz_name: str) -> str | None:
    """The ISO country code of an IANA zone: "America/New_York" → "US".

    Read from tzdata's zone.tab, which names one country per zone. An old alias
    ("US/Eastern", "Europe/Belfast") is resolved to the zone it is a copy of; "UTC"
    and other zones of no country give None.
    """
    countries = _zone_countries()
    if tz_name in countries:
        return countries[tz_name]
    data = _zone_bytes(tz_name)
    if data is None:
        return None
    matches = _countries_by_data().get(data, set())
    return next(iter(matches)) if len(matches) == 1 else None


@cache
def _zone1970_zones() -> frozenset[str]:
    """Zones tzdb keeps as their own: the target of a link, never the link."""
    text = resources.files(_ZONEINFO_PACKAGE).joinpath("zone1970.tab").read_text("utf-8")
    return frozenset(
        fields[2]
        for line in text.splitlines()
        if line and not line.startswith("#") and len(fields := line.split("\t")) >= 3
    )


@cache
def _holidays(code: str, region: str | None, years: tuple[int, ...]) -> frozenset[date] | None:
    # Imported here: the library loads every country's rules, and most messages
    # never need them.
    import holidays

    try:
        table = holidays.country_holidays(code, subdiv=region, years=years)
    except NotImplementedError:
        return None  # no such country, or no such region in it
    return frozenset(table)


@cache
def _zone_countries() -> dict[str, str]:
    text = resources.files(_ZONEINFO_PACKAGE).joinpath("zone.tab").read_text("utf-8")
    countries: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            countries[fields[2]] = fields[0]
    return countries


def _zone_bytes(tz_name: str) -> bytes | None:
    parts = tz_name.split("/")
    if not tz_name or any(p in ("", ".", "..") for p in parts):
        return None
    node = resources.files(_ZONEINFO_PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    try:
        return node.read_bytes()
    except (OSError, ValueError):
        return None


@cache
def _countries_by_data() -> dict[bytes, set[str]]:
    """Zone file contents → countries: tzdata ships an alias as a copy of its target.

    Only zones tzdb keeps as their own count, so an alias of Europe/London reads as
    GB and not also as Jersey or Guernsey, whose zones are links to London's.
    """
    own = _zone1970_zones()
    by_data: dict[bytes, set[str]] = {}
    for zone, country in _zone_countries().items():
        if zone not in own:
            continue
        data = _zone_bytes(zone)
        if data is not None:
            by_data.setdefault(data, set()).add(country)
    return by_data
