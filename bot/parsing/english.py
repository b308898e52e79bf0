"""The English word list, loaded once for whoever needs to tell a word from a typo, and the
word of a small vocabulary a non-word is a slip of."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

if TYPE_CHECKING:
    from spellchecker import SpellChecker


@cache
def dictionary() -> SpellChecker:
    # Imported here: loading the word list is the slow part and few messages need it.
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


#: The languages whose words job seekers here most often write into English titles.
_OTHER_LANGUAGES = ("es", "pt", "fr", "it")


@cache
def _word_list(language: str) -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language=language, distance=1)


def another_languages_word(lower: str) -> bool:
    """Whether a word that is no English word is one of Spanish, Portuguese, French or
    Italian ("administrativo", "técnico"): left as written, never taken for a slip. The
    word lists load on the first such word, which few messages hold."""
    return not dictionary().known([lower]) and any(
        _word_list(language).known([lower]) for language in _OTHER_LANGUAGES)


def slip_of(lower: str, vocabulary: frozenset[str]) -> str | None:
    """The domain word a non-word is a slip of ("snet" → "sent"), if exactly one fits."""
    if dictionary().known([lower]):
        return None
    limit = 1 if len(lower) < 7 else 2
    close = [w for w in vocabulary if w[0] == lower[0] and abs(len(w) - len(lower)) <= limit
             and OSA.distance(lower, w) <= limit]
    if len(close) > 1:
        # "decied": a swap within the word beats a letter more or less; "offerd": the word
        # it starts like, then the longer ("offered", not "offer").
        close.sort(key=lambda w: _rank(lower, w))
        best, second = close[0], close[1]
        if _rank(lower, best) == _rank(lower, second):
            return None
        return best
    return close[0] if close else None


def _rank(lower: str, word: str) -> tuple[int, bool, int, int]:
    return (OSA.distance(lower, word), len(word) != len(lower), -_common_start(lower, word),
            -len(word))


def _common_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
