"""Spelling checks for a draft note, above all of the interviewers' and company's names.

docs/COACHING.md asks for polished notes; a misspelt name is the mistake a reader notices first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.parsing.english import dictionary

if TYPE_CHECKING:
    from spellchecker import SpellChecker

    from bot.model import Interview

#: How close a capitalised word must be to a known name to count as a near miss.
NAME_SIMILARITY = 0.75
MIN_NAME_LENGTH = 3

_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?|mailto):\S+", re.IGNORECASE)
# A word: letters, with inner apostrophes or hyphens; not glued to digits or '@'.
_WORD = re.compile(r"(?<![\w@])[A-Za-z]+(?:['-][A-Za-z]+)*(?![\w@])")
_SENTENCE_END = frozenset(".!?:;\n")
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "st", "e.g", "i.e"})
_ALWAYS_CAPITALISED = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
# British spellings the (American) dictionary lacks: each pair rewrites an ending or
# an infix to its American form; a word whose American form is known is accepted.
_BRITISH = (
    ("our", "or"),
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("mme", "m"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ence", "ense"),
)


class Reason(StrEnum):
    NAME = "close to a name in this interview"
    SPELLING = "not in the dictionary"


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing to fix: the `word` as written and, when known, the `suggestion`."""

    word: str
    suggestion: str | None
    reason: Reason

    def describe(self) -> str:
        if self.suggestion:
            return f"“{self.word}”: did you mean “{self.suggestion}”? ({self.reason})"
        return f"“{self.word}” ({self.reason})"


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def check_interview_note(
    text: str, interview: Interview, sender_name: str | None = None
) -> list[Issue]:
    """`check_note` with the interview's people and company as names, its role as jargon."""
    names = [interview.company, *(p.name for p in interview.interviewers)]
    ignore = [interview.role, *(p.title or "" for p in interview.interviewers)]
    if sender_name:
        ignore.append(sender_name)
    return check_note(text, names, ignore=ignore)


def check_note(text: str, known_names: Iterable[str], *, ignore: Iterable[str] = ()) -> list[Issue]:
    """Misspelt words in a draft, in the order they appear, each once.

    `known_names` (people, the company) are always accepted, and a capitalised word or
    pair of words that is close to one but not equal is flagged with the right spelling:
    "Jane Smyth" for "Jane Smith", "Acne" for "Acme". Words in `ignore` (role words,
    the sender's name) are accepted but never suggested. Placeholders in [brackets],
    e-mail addresses, links and acronyms are skipped. Only words one edit away from a
    dictionary word are reported as misspelt: anything further off is far more often
    jargon or a proper noun than a typo, and checking it would be slow.
    """
    spell = _dictionary()
    names = [n.strip() for n in known_names if n and n.strip()]
    name_words = {w.lower(): w for n in names for w in _WORD.findall(n)}
    accepted = set(name_words) | {w.lower() for i in ignore for w in _WORD.findall(i)}
    targets = {k: v for k, v in name_words.items() if len(k) >= MIN_NAME_LENGTH}
    # Names are compared a pair of words at a time, as they appear in a note: the pair
    # "Maria Garcia" from "Dr. Maria Garcia".
    full_names = {
        f"{a} {b}".lower(): f"{a} {b}"
        for n in names
        for a, b in pairwise(w for w in _WORD.findall(n) if len(w) >= MIN_NAME_LENGTH)
    }

    tokens = _tokens(text)
    found: dict[str, tuple[int, Issue]] = {}  # word → where it first appears, the issue
    covered: set[int] = set()  # token positions already judged as part of a name

    def report(issue: Issue, at: int) -> None:
        if issue.word not in found or at < found[issue.word][0]:
            found[issue.word] = (at, issue)

    # Pairs first, so "Jane Smyth" is reported whole rather than as "Smyth"; names
    # written correctly first of all, so "Dear Dean Smith" never reads as "Dear Dean".
    pairs = _capitalised_pairs(tokens, text)
    for i, pair in pairs:
        if pair.lower() in full_names:
            covered.update((i, i + 1))
    for i, pair in pairs:
        if covered & {i, i + 1} or _both_known(tokens[i], tokens[i + 1], accepted):
            continue
        first = tokens[i]
        if (
            first.sentence_start
            and first.text.lower() not in accepted
            and _known(first.text.lower(), spell)
        ):
            continue  # a greeting before a name: "Hi Maria", "Dear Smith"
        match = _closest(pair.lower(), full_names)
        if match:
            covered.update((i, i + 1))
            report(Issue(pair, match, Reason.NAME), first.start)

    for i, token in enumerate(tokens):
        if i in covered:
            continue
        for word in token.text.split("-"):
            issue = _check_word(word, token, spell, accepted, targets)
            if issue:
                report(issue, token.start)
    return [issue for _, issue in sorted(found.values(), key=lambda f: f[0])]


def warm_up() -> None:
    """Load the dictionary now (about a third of a second) rather than on the first note."""
    _dictionary()


_dictionary = dictionary  # one word list, shared with the parser's typo reading


def _tokens(text: str) -> list[_Token]:
    cleaned = _PLACEHOLDER.sub(_blank, text.replace("’", "'"))
    cleaned = _ADDRESS.sub(_blank, cleaned)
    tokens = []
    for match in _WORD.finditer(cleaned):
        word = match.group()
        if word.endswith("'s"):
            word = word[:-2]
        tokens.append(
            _Token(
                word,
                match.start(),
                match.start() + len(word),
                _starts_sentence(cleaned, match.start()),
            )
        )
    return tokens


def _capitalised_pairs(tokens: list[_Token], text: str) -> list[tuple[int, str]]:
    """Adjacent capitalised words with one space between: where full names appear."""
    pairs = []
    for i, (first, second) in enumerate(pairwise(tokens)):
        if first.capitalised and second.capitalised and text[first.end : second.start] == " ":
            pairs.append((i, f"{first.text} {second.text}"))
    return pairs


def _blank(match: re.Match[str]) -> str:
    # Keep offsets and keep a following word mid-sentence, as it was.
    return " " * len(match.group())


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t")
    if not before:
        return True
    if before[-1] not in _SENTENCE_END:
        return False
    if before[-1] == ".":
        previous = before[:-1].rsplit(None, 1)[-1:] or [""]
        return previous[0].lower() not in _ABBREVIATIONS
    return True


def _check_word(
    word: str,
    token: _Token,
    spell: SpellChecker,
    accepted: set[str],
    targets: dict[str, str],
) -> Issue | None:
    lower = word.lower()
    if len(word) < 2 or lower in accepted:
        return None
    if word.isupper() or any(c.isupper() for c in word[1:]):
        return None  # an acronym (SQL) or a brand in camel case (LinkedIn)
    known = _known(lower, spell)
    capitalised = word[0].isupper()
    # A capitalised dictionary word at a sentence's start ("Dear", "Best") is just
    # capitalised; elsewhere it may be a name typed wrong ("join Acne").
    if capitalised and not (known and token.sentence_start):
        match = _closest(lower, targets)
        if match:
            return Issue(word, match, Reason.NAME)
    if known:
        return None
    suggestion = _correction(lower, spell)
    if suggestion is None:
        return None
    if capitalised and not token.sentence_start and suggestion not in _ALWAYS_CAPITALISED:
        return None  # most likely a proper noun the dictionary does not know
    if capitalised:
        suggestion = suggestion.capitalize()
    return Issue(word, suggestion, Reason.SPELLING)


def _known(lower: str, spell: SpellChecker) -> bool:
    if lower in spell:
        return True
    for british, american in _BRITISH:
        if british in lower and lower.replace(british, american) in spell:
            return True
    return False


def _correction(lower: str, spell: SpellChecker) -> str | None:
    candidates = spell.known(spell.edit_distance_1(lower))
    if not candidates:
        return None
    # Most frequent first; ties broken alphabetically so the answer is stable.
    return max(sorted(candidates), key=lambda w: spell[w])


def _closest(lower: str, targets: dict[str, str]) -> str | None:
    """The known name `lower` is a near miss of, or None if it is one or is far from all."""
    if lower in targets:
        return None
    best, best_score = None, (NAME_SIMILARITY, False)
    for key, name in targets.items():
        # On a tie, a name that starts with the same letter is the likelier slip.
        score = (SequenceMatcher(None, lower, key).ratio(), key[:1] == lower[:1])
        if score >= best_score:
            best, best_score = name, score
    return best


def _both_known(first: _Token, second: _Token, accepted: set[str]) -> bool:
    return first.text.lower() in accepted and second.text.lower() in accepted
