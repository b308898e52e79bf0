"""Typed text is cleaned whole: a terminal escape sequence leaves nothing behind."""

from __future__ import annotations

import pytest

from bot.text import clean_input


@pytest.mark.parametrize("typed", [
    "\x1b[31mAcme\x1b[0m",  # colour on, colour off
    "\x1b[38;5;196mAcme\x1b[m",  # 256 colours, bare reset
    "\x1b[1;4;31mAcme\x1b[0m",
    "\x9b31mAcme\x9b0m",  # the 8-bit CSI
    "\x1b[>4;2mAcme",  # private parameters
    "\x1b[1 qAcme",  # an intermediate byte (cursor shape)
    "\x1b]0;window title\x07Acme",  # OSC ended by BEL
    "\x1b]8;;https://evil.example\x1b\\Acme\x1b]8;;\x1b\\",  # a hyperlink, ended by ST
    "\x1b(BAcme\x1b7",  # charset, save cursor
])
def test_an_escape_sequence_is_stripped_whole(typed: str) -> None:
    assert clean_input(typed) == ("Acme", False)


def test_words_around_escapes_keep_their_spaces() -> None:
    assert clean_input("add \x1b[1mAcme\x1b[0m, analyst")[0] == "add Acme, analyst"


def test_punctuation_said_to_dictation_is_written_only_when_it_plainly_is_dictation() -> None:
    said, _ = clean_input("add Northwind comma receptionist comma today 3pm period thanks")
    assert said == "add Northwind, receptionist, today 3pm. thanks"
    assert clean_input("interview at Comma Labs, designer, today 3pm")[0] == \
        "interview at Comma Labs, designer, today 3pm"  # one "comma": a name, kept


@pytest.mark.parametrize(("typed", "kept"), [
    ("sent jane a thank you note. Sent from my iPhone", "sent jane a thank you note."),
    ("thanks!\nSent from my Samsung Galaxy", "thanks!"),
    # "sent from my phone" inside the news is the news, not a signature
    ("just sent from my phone, the thank you to jane",
     "just sent from my phone, the thank you to jane"),
    ("sent from my phone the note to jane", "sent from my phone the note to jane"),
])
def test_a_phones_signature_at_the_end_is_dropped_and_nothing_else(typed: str,
                                                                   kept: str) -> None:
    assert clean_input(typed)[0] == kept
