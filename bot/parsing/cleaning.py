"""Cleaning what people type before reading it, and the work limits every reader keeps."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from bot.text import ANSI_ESCAPE

if TYPE_CHECKING:
    pass


# Work limits: a pasted essay must not make one message slow.
_MAX_LINE = 2000
_MAX_ANSWER = 300
_MAX_PIECE = 200
_MAX_PIECES = 40  # comma/semicolon pieces read from one line; real lines have under 15
_MAX_FRAGMENT = 80
_MAX_UNCLEAR = 8
_MAX_PEOPLE = 12
_MAX_NAME = 80
_MAX_FIELD = 100
_MAX_DATE_TOKENS = 6

_EARLIEST = date(1990, 1, 1)
_HORIZON = timedelta(days=730)
_DEFAULT_HOUR = time(9, 0)
_PART_OF_DAY = {"morning": time(9, 0), "afternoon": time(14, 0), "evening": time(18, 0)}



_SLACK_LINK = re.compile(r"<(?:mailto:|https?://)[^<>|]{0,200}\|([^<>]{0,200})>")
_SLACK_MENTION = re.compile(r"<[!@#][^<>]{0,200}>")
_ANGLED = re.compile(r"<(?:mailto:)?([^<>|]{0,200})>")
_MARKDOWN = re.compile(r"[*~`]+|(?<!\w)_+|_+(?!\w)|^[ \t]*(?:>|#+)[ \t]*", re.M)
_DASHES = str.maketrans(
    {"–": "-", "—": "-", "−": "-", "‒": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}
)
_SPACES = re.compile(r"[ \t]+")


def _clean(text: object, limit: int) -> tuple[str, str]:
    """Plain, single-spaced text (newlines kept) and whatever was cut off beyond `limit`."""
    if not isinstance(text, str):
        return "", ""
    text, rest = text[:limit], text[limit : limit + 60]
    if rest:
        rest = _clean(rest, 60)[0].replace("\n", " ")
    text = ANSI_ESCAPE.sub("", unicodedata.normalize("NFC", text).translate(_DASHES))
    text = _SLACK_LINK.sub(r"\1", text)
    text = _SLACK_MENTION.sub(" ", text)  # <!channel>, <@U123>: never part of what they mean
    text = _ANGLED.sub(r" \1 ", text)
    text = "".join(_clean_char(c) for c in text)
    text = _MARKDOWN.sub(" ", text)
    text = _spoken_dates(dictated(text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line), rest.strip()


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth", "twentieth")
_ORDINAL = (r"(?:(?:twenty|thirty)[\s-])?(?:" + "|".join(_ORDINALS) + r")|twentieth|thirtieth")
#: ("may" is left out: "they may first call" names no date.)
_MONTHS = (r"january|february|march|april|june|july|august|september|october|november|"
           r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
#: Dates as dictation writes them: "december second", "the third of december".
_MONTH_ORDINAL = re.compile(rf"\b({_MONTHS})\s+(?:the\s+)?({_ORDINAL})\b", re.I)
_ORDINAL_OF_MONTH = re.compile(rf"\b(?:the\s+)?({_ORDINAL})\s+of\s+({_MONTHS})\b", re.I)
#: Dictation's "within for working days": four.
_WITHIN_FOR = re.compile(r"\bwithin\s+for\b(?=\s+(?:\w+\s+)?(?:days|weeks)\b)", re.I)
#: "… by december 2 period": dictation's spoken full stop, after a date ("trial period" stays).
_SPOKEN_STOP = re.compile(r"\b(\d+(?:st|nd|rd|th)?|\w+day|tomorrow|week|month|noon|am|pm)\s+"
                          r"(?:period|full\s+stop)\s*$", re.I)


#: Dictation's punctuation said as words: "Cyberdyne comma robotics", "… at 2pm period".
SPOKEN_COMMA = re.compile(r"\s+comma\b", re.I)
SPOKEN_STOP = re.compile(r"\s+(?:period|full\s+stop)\s*$", re.I)
_SPOKEN_MID_STOP = re.compile(r"\s+(?:period|full\s+stop)\s+", re.I)
_SPOKEN_MARK = re.compile(r"\b(?:comma|period|full\s+stop)\b", re.I)


_ONE_STOP_SAID = re.compile(r"(?<![Tt]rial)(?<![Pp]robation)(?<![Nn]otice)(?<![Gg]race)"
                            r"(?<![Tt]ime)(?<![Ww]aiting)\s+period\s+(?=(?:nothing|they|i|she|he|we|"
                            r"it|also|and|but|so|still|no|not)\b)", re.I)


def dictated(text: str) -> str:
    """`text` with the punctuation dictation spells out written as marks, once it is
    plainly dictated (two marks said or more): a "trial period" alone stays."""
    if len(_SPOKEN_MARK.findall(text)) < 2:
        # one "period" said between two sentences ("… someone else period nothing from
        # acme yet") is a full stop; a "trial period" is not
        return _ONE_STOP_SAID.sub(". ", text)
    return _SPOKEN_MID_STOP.sub(". ", SPOKEN_STOP.sub(".", SPOKEN_COMMA.sub(",", text)))


#: "at 9 30 am": a time dictated without its colon (after "at", so never "Nov 20 10 am").
_SPOKEN_CLOCK = re.compile(r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\baround\s)|^)(\d{1,2})\s+([0-5]\d)\s+"
                           # "9 30 am", "at 7 30 tonight"
                           r"(?=[ap]\.?\s?m\b|tonight\b|this\s+(?:morning|afternoon|evening)\b|"
                           r"in\s+the\s+(?:morning|afternoon|evening)\b)", re.I)


def spoken_clock(text: str) -> str:
    """`text` with "9 30 am" written as "9:30 am" (words: `dates.half_past`)."""
    return _SPOKEN_CLOCK.sub(r"\1:\2 ", text)


def _day_number(word: str) -> str:
    word = word.lower().replace("-", " ")
    tens = 20 if word.startswith("twenty") else 30 if word.startswith("thirty") else 0
    unit = word.split()[-1]
    if unit in ("twentieth", "thirtieth"):
        return str(20 if unit == "twentieth" else 30)
    return str(tens + _ORDINALS.index(unit) + 1)


def _spoken_dates(text: str) -> str:
    text = _MONTH_ORDINAL.sub(lambda m: f"{m.group(1)} {_day_number(m.group(2))}", text)
    text = _ORDINAL_OF_MONTH.sub(lambda m: f"{_day_number(m.group(1))} {m.group(2)}", text)
    text = _WITHIN_FOR.sub("within four", text)  # dictation's "within for working days"
    text = spoken_clock(text)
    return _SPOKEN_STOP.sub(r"\1.", text)


def _clean_char(char: str) -> str:
    if char in "\n\r":
        return "\n"
    category = unicodedata.category(char)
    # Control, format and private-use characters and emoji carry nothing the coach can use.
    if category[0] == "C" or category in ("So", "Sk"):
        return " "
    return char


def _trim(fragment: str) -> str:
    """Strip edge punctuation and unbalanced brackets, keeping the ")" of "Acme (UK)"."""
    edges = " \t\n,;:.!?-|/\"'"
    previous = None
    while fragment != previous:
        previous = fragment = fragment.strip(edges)
        opened, closed = (
            fragment.count("(") + fragment.count("["),
            fragment.count(")") + fragment.count("]"),
        )
        if fragment[:1] in ("(", "[") and opened > closed:
            fragment = fragment[1:]
        elif fragment[-1:] in (")", "]") and closed > opened:
            fragment = fragment[:-1]
    return fragment


def _short(fragment: str) -> str:
    fragment = _trim(fragment)
    if len(fragment) > _MAX_FRAGMENT:
        fragment = fragment[: _MAX_FRAGMENT - 1].rstrip() + "…"
    return fragment
