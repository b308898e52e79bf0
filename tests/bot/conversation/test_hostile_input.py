"""Thousands of odd and hostile inputs: always a reply, never a crash or a mass mention.

The core echoes what people typed as plain words; what may never ping is checked where a
ping would happen, in each platform's rendering of the reply."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.conversation.coach import APOLOGY
from bot.messages import ActionId
from bot.model import Identity, Platform
from tests.chat import Chat
from tests.rendering import assert_nothing_can_ping

ME = Identity(Platform.SLACK, "T1", "U1")

VERBS = ["add", "list", "plan", "sent", "done", "called", "heard", "promised", "snooze",
         "cancel", "tz", "quiet", "journal", "export", "note", "name", "phone", "reflect",
         "help", "forget"]
NASTY = ["<!channel>", "<!here|here>", "@everyone", "@here", "<@U123>", "'; DROP TABLE people;--",
         "30 February", "year 9999", "0000-00-00", "9999-12-31T23:59", "\u202egnp.exe", "𝕬𝖈𝖒𝖊",
         "\x00", "\x1b[31m", "**bold** _it_ `code`", "```", "1.999999", "#-1", "1e309",
         "NaN", "∞", "\ud7ff", "👩‍💻", "‮", " " * 50, "\n\n\n", "call me in -4 days",
         "with " + "Jane, " * 40, "snooze 1.1 100000w", "tz ../../etc/passwd"]

words = st.one_of(st.sampled_from(VERBS), st.sampled_from(NASTY),
                  st.text(min_size=1, max_size=30),
                  st.integers(-10, 10**12).map(str))
lines = st.one_of(
    st.lists(words, min_size=1, max_size=12).map(" ".join),
    st.text(max_size=600),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=3000, max_size=4500),
)

@pytest.fixture
def seeded(db_chat: Chat) -> Chat:
    """On both databases: PostgreSQL enforces column sizes that SQLite lets slide. What
    follows is typed with no zone from the platform."""
    db_chat.by(ME).say("add Acme, analyst, today 2pm with Jane Smith")
    return db_chat.by(ME, platform_tz=None)


@settings(max_examples=2000, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=lines, action=st.sampled_from([None, *ActionId]), value=st.text(max_size=20))
def test_any_input_gets_a_clear_reply_and_nothing_breaks(seeded, text, action, value):
    replies = seeded.say(text) if action is None else seeded.press(action, value)
    assert replies, "every input deserves an answer"
    for reply in replies:
        assert reply.text != APOLOGY, f"crashed on {text!r} / {action} {value!r}"
        assert_nothing_can_ping(reply)
    # The interview we started with is still readable and intact.
    interview = seeded.runtime.repo.find_interview(1, 1)
    if interview is not None:
        assert interview.company == "Acme"
    seeded.say("cancel")  # leave any question behind
