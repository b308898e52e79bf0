"""Cleaning what people type before the core reads it.

Escaping what the bot echoes back is each adapter's job (Slack escapes mrkdwn and keeps
only the mentions a reply lists; Discord sends with no mentions allowed but those):
the core writes plain words, and a mention only as `bot.messages.mention`.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import OSA, Levenshtein

MAX_INPUT = 4000  # Slack's slash-command text tops out near here; DMs may be longer
MAX_FIELD = 120  # a company, role or name longer than this is a paste, not a name

#: A terminal escape sequence, whole (ECMA-48), so no `[31m` is left behind: a CSI
#: (ESC [ or its 8-bit form) with its parameter, intermediate and final bytes; a string
#: (OSC, DCS, SOS, PM, APC) up to BEL or ST; any other ESC with its intermediates and final.
ANSI_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,256}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]{0,8}[0-~]"
)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def clean_input(text: str) -> tuple[str, bool]:
    """Normalise typed text; return it with whether it had to be cut short."""
    text = ANSI_ESCAPE.sub("", unicodedata.normalize("NFC", text or ""))
    text = _DEVICE_SIGNATURE.sub("", _CONTROL.sub("", text))  # "…. Sent from my iPhone"
    text = _SPACES.sub(" ", text).strip()
    text = starred_fix(_dictated(_last_stop_said(_TO_THE_BOT.sub("", text))))
    truncated = len(text) > MAX_INPUT
    return text[:MAX_INPUT], truncated


#: A phone's signature under what was typed or pasted: "Sent from my iPhone". Never news.
#: Only one that stands alone at the end: "just sent from my phone, the thank you to jane"
#: is news, kept.
_DEVICE_SIGNATURE = re.compile(r"(?:^|(?<=[.!?])\s*)(?:-+\s*)?sent\s+from\s+my\s+(?:iphone|ipad|"
                               r"android|samsung|galaxy|pixel|mobile|phone|blackberry|huawei|"
                               r"xiaomi|outlook|[\w-]+\s+(?:phone|device))"
                               r"(?:\s+(?:for\s+)?(?:ios|android|(?-i:[A-Z][\w-]*)))*\s*[.!]?\s*$",
                               re.I | re.M)
#: Punctuation said aloud to a phone's dictation ("Northwind comma receptionist comma …").
_SAID_COMMA = re.compile(r"\s+comma\b\s*", re.I)
_COMMA_AND = re.compile(r"\s+comma\s+and\s+", re.I)
_SAID_STOP = re.compile(r"\s+(?:period|full\s+stop)\b(?:\s+|$)", re.I)


#: The bot named first, as in a channel: "@followup-bot help".
_TO_THE_BOT = re.compile(r"^@[\w.-]*(?:bot|followup)[\w.-]*[:,]?\s+(?=\S)", re.I)
#: A last "period" said aloud: "junior product designer period". Not one that is the
#: line's subject ("trial period", "ask about the notice period").
_SAID_STOP_LAST = re.compile(r"(?<=[\w.)])\s+(?:period|full\s+stop)\.?$", re.I)
_A_PERIOD_OF = frozenset((
    "a", "an", "the", "this", "that", "same", "trial", "notice", "grace", "probation",
    "probationary", "waiting", "holiday", "rest", "pay", "billing", "time", "review",
    "training", "test", "transition", "handover", "induction", "contract", "cooling-off",
    "free", "fixed", "short", "long", "busy", "quiet"))


def _last_stop_said(text: str) -> str:
    """`text` without a full stop said as a word at its end, after two words or more."""
    said = _SAID_STOP_LAST.search(text)
    if said is None or len(text[:said.start()].split()) < 2 or \
            text[:said.start()].split()[-1].lower() in _A_PERIOD_OF:
        return text
    return text[:said.start()]


def _dictated(text: str) -> str:
    """`text` with punctuation said as words written as marks, when it plainly is
    dictation (two "comma"s or more, or "comma and"): a company called Comma keeps its name
    otherwise."""
    if len(_SAID_COMMA.findall(text)) < 2 and not _COMMA_AND.search(text):
        return text
    return _SAID_STOP.sub(". ", _SAID_COMMA.sub(", ", text)).strip()


def short(text: str, limit: int = MAX_FIELD) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: A word put right after it was sent, chat-style: "with Gavin Belsen.. Belson* sorry".
_STARRED = re.compile(r"[\s.,;]+(?<![*\w])(?P<word>[A-Za-z][\w'-]{2,})\*(?:[\s,.]*(?:sorry|soz|"
                      r"oops|my\s+bad))?[\s.!]*$", re.I)


_STARRED_BEFORE_NOT = re.compile(r"(?<![*\w])([A-Za-z][\w'-]{2,})\*(?=\s*,?\s+not\s)")


def starred_fix(text: str) -> str:
    """`text` with a starred word at its end ("Belson*") put in place of the last word
    before it that it plainly corrects (one or two letters apart); unchanged otherwise."""
    text = _STARRED_BEFORE_NOT.sub(r"\1", text)  # "raj patil* not patel": the star adds nothing
    found = _STARRED.search(text)
    if found is None:
        return text
    head, word = text[:found.start()], found.group("word")
    for earlier in reversed(list(re.finditer(r"[A-Za-z][\w'-]*", head))):
        said = earlier.group(0)
        if said.casefold() != word.casefold() and Levenshtein.distance(said.casefold(),
                                                                      word.casefold()) <= 2:
            return head[:earlier.start()] + word + head[earlier.end():]
    return text


def one_slip(said: str, word: str) -> bool:
    """Whether `said` is `word` typed with one slip (a letter wrong, missing, extra or two
    swapped), in words of four letters or more that begin with the same letter."""
    said, word = said.casefold(), word.casefold()
    return len(said) >= 4 and len(word) >= 4 and said[0] == word[0] and \
        OSA.distance(said, word) <= 1


def one_slip_from(said: str, name: str) -> bool:
    """Whether `said` is one slip from a part of `name` ("jame" for Jane Smith)."""
    said = said.strip()
    return " " not in said and any(one_slip(said, part) for part in name.split())
