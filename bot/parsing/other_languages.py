"""Words people mix into English from their own language: today, tomorrow and yesterday
("add Orchard & Co, junior accountant, vandaag 3pm"), since the date reader is asked for
English only, and "delete" before an interview's number ("xoá #2 please")."""

from __future__ import annotations

import re

#: today / tomorrow / yesterday in Dutch, German, French, Italian, Polish, Spanish and
#: Portuguese ("Morgen" after "guten" is a greeting; "mañana" is left alone: it may mean
#: "later"; French "hier" only before a time, where it cannot be the English word).
_DAY_WORDS = tuple((re.compile(rf"(?<![\w'’-])(?:{said})(?![\w'’-])", re.I), meant)
                   for said, meant in (
    (r"vandaag|heute|aujourd'hui|aujourd’hui|oggi|dzisiaj|dziś|dzis|hoy|hoje", "today"),
    (r"(?<!guten\s)morgen|demain|domani|jutro", "tomorrow"),
    (r"gisteren|gestern|hier(?=\s+(?:à|a|at|\d))|ieri|wczoraj|ayer|ontem", "yesterday"),
))


def days_in_english(text: str) -> str:
    """`text` with today, tomorrow and yesterday said in another language written in English."""
    for said, meant in _DAY_WORDS:
        text = said.sub(meant, text)
    return text


#: "delete" in Vietnamese, German, French, Spanish, Italian, Portuguese, Polish and Dutch,
#: only at the start of a line and before an interview's number ("xoá #2 please, dup
#: entry"), where it can be nothing else.
_DELETE_FIRST = re.compile(r"^\s*(?:(?:please|pls|plz)\s+)?(?:xoá|xóa|xoa|lösche|löschen|loesche|"
                           r"supprime[rz]?|borra|borrar|"
                           r"elimina|eliminar|apaga|apagar|usuń|usun|verwijder)"
                           r"(?=\s+(?:#|no\.?\s*|number\s+)?\d)", re.I)


def verbs_in_english(text: str) -> str:
    """`text` with a leading "delete" said in another language written in English."""
    return _DELETE_FIRST.sub(lambda m: re.sub(r"\S+$", "delete", m.group(0)), text)
