"""Words that describe an interview rather than name it: stage, channel, culture."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.model import Channel, Culture
from bot.parsing.cleaning import _trim
from bot.parsing.dates import _Token

if TYPE_CHECKING:
    pass


_STAGES = (
    ("final", r"final(?:\s+(?:round|interview|stage))?"),
    ("on-site", r"on[\s-]?site|in[\s-]person|at\s+(?:their|the)\s+office"),
    (
        "video",
        r"video(?:\s+(?:call|interview|chat|screen|meeting))?|zoom(?:\s+(?:call|interview))?"
        r"|(?:ms\s+|microsoft\s+)?teams\s+(?:call|interview|meeting)|(?:on|via|over)\s+teams"
        r"|google\s+meet|webex|skype",
    ),
    (
        "phone screen",
        r"phone(?:\s+(?:screen(?:ing)?|interview|call|chat))?|(?:recruiter|hr|intro|introductory"
        r"|screening)\s+(?:screen|call|chat)|screening(?:\s+call)?",
    ),
)
_STAGE_RE = re.compile(
    r"\b(?:(?:a|an|the|my|on|via|over|by)\s+)*(?:"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(_STAGES))
    + r")\b",
    re.I,
)
_ROUND_RE = re.compile(
    r"\b(?:(?:a|an|the|my)\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|initial|next|technical"
    r"|tech|behaviou?ral|panel|case|group|coding|take[\s-]home)\s+(?:round|interview|stage)"
    r"|round\s+\d{1,2}|portfolio\s+(?:review|presentation)|case\s+study|skills?\s+test|"
    r"trial\s+shift|working\s+interview|job\s+talk|super\s?day|assessment\s+(?:day|cent(?:re|er)))\b",
    re.I,
)
_CHANNELS = (
    (
        Channel.POST,
        r"(?:(?:send|write|mail)\s+(?:an?\s+)?)?hand[\s-]?written(?:\s+(?:thank[\s-]you\s+)?"
        r"(?:notes?|cards?|letters?))?|snail[\s-]?mail|postal\s+mail|paper\s+(?:notes?|letters?)"
        r"|(?:by|via|through)\s+(?:post|mail|letter)",
    ),
    (Channel.EMAIL, r"(?:(?:by|via|over|through)\s+)?e-?mails?(?![\w.@+-]|\s*[:=]?\s*[\w.+'-]+@)"),
    (Channel.PHONE, r"(?<=prefers\s)(?:a\s+)?(?:phone(?:\s+calls?)?|calls?)"),
)
_CHANNEL_RE = re.compile(
    r"\b(?:(?:prefers?|likes?|wants?)\s+(?:an?\s+|to\s+get\s+)?(?=\w))?(?:"
    + "|".join(f"(?P<c{i}>{pattern})" for i, (_, pattern) in enumerate(_CHANNELS))
    + r")\b",
    re.I,
)
_CULTURE_RE = re.compile(
    r"\b(?:(?P<traditional>traditional|old[\s-]?school|old[\s-]fashioned|conservative|formal"
    r"|corporate|bank(?:ing)?|law\s+(?:firm|office)|legal|government|public\s+sector|insurance)"
    r"|(?P<modern>modern|start[\s-]?up|scale[\s-]?up|tech|casual|relaxed|informal))\b",
    re.I,
)
_CULTURE_FILLER = re.compile(
    r"\b(?:it'?s|its|is|they'?re|they\s+are|a|an|the|very|quite|pretty|super|really|feels?|seems?"
    r"|like|culture|company|firm|place|employer|shop|vibe|org|organi[sz]ation|environment|kind\s+of"
    r"|more|fairly|rather|type|style|small|big|large|and|sector|industry)\b",
    re.I,
)
_COMPANY_CULTURE = re.compile(r"\b(?:bank|law\s+firm|llp|insurance|credit\s+union)\b", re.I)


@dataclass(slots=True)
class _Found:
    """What one `add` line has yielded so far (private, mutable while reading the line)."""

    context: list[str] = field(default_factory=list)  # the words outside promises, for tense
    dates: list[list[_Token]] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)
    promises: list[str] = field(default_factory=list)
    unclear: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    culture: Culture | None = None
    channel: Channel | None = None
    phone: str | None = None


def _cut_keywords(piece: str, found: _Found) -> str:
    """Lift stage, channel and culture words out of a piece; return the rest."""

    def stage(match: re.Match[str]) -> str:
        index = next(i for i in range(len(_STAGES)) if match.group(f"s{i}"))
        found.stages.append(_STAGES[index][0])
        return " "

    def channel(match: re.Match[str]) -> str:
        index = next(i for i in range(len(_CHANNELS)) if match.group(f"c{i}"))
        found.channel = _CHANNELS[index][0]
        return " "

    # Channels first: "prefers phone calls" is a channel, "phone call" alone is a stage.
    piece = _CHANNEL_RE.sub(channel, piece)
    piece = _STAGE_RE.sub(stage, piece)
    piece = _ROUND_RE.sub(" ", piece)
    return _culture_only(piece, found)


def _culture_only(piece: str, found: _Found) -> str:
    """Take a piece as a culture note only if it is nothing else ("very old-school", "a bank")."""
    kinds = [m.lastgroup for m in _CULTURE_RE.finditer(piece)]
    if not kinds:
        return piece
    rest = _CULTURE_FILLER.sub(" ", _CULTURE_RE.sub(" ", piece))
    if _trim(rest.strip()):
        return piece
    found.culture = Culture.TRADITIONAL if kinds[0] == "traditional" else Culture.MODERN
    return ""
