"""Text in, facts out: what people type, read into dates, promises, names and commands.

Pure functions of text, a clock value and a zone; nothing here raises on user input.
Regular expressions cut a sentence into parts, dateparser reads every date and time of
day, nameparser keeps names sensible. Each module reads one kind of fact.
"""

from bot.parsing.dates import names_a_day, parse_later, parse_when, parse_when_detail
from bot.parsing.interview_line import ParsedInterview, parse_interview
from bot.parsing.people import parse_people, read_names
from bot.parsing.promises import parse_promise
from bot.parsing.settings_values import parse_clock_range, parse_duration, parse_zone

__all__ = [
    "ParsedInterview",
    "names_a_day",
    "parse_clock_range",
    "parse_duration",
    "parse_interview",
    "parse_later",
    "parse_people",
    "parse_promise",
    "parse_when",
    "parse_when_detail",
    "parse_zone",
    "read_names",
]
