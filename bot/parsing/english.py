"""The English word list, loaded once for whoever needs to tell a word from a typo."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker


@cache
def dictionary() -> SpellChecker:
    # Imported here: loading the word list is the slow part and few messages need it.
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)
