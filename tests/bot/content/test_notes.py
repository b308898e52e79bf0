"""Thank-you variants, the rejection reply and the advice texts follow docs/COACHING.md."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest

from bot.content.notes import (
    CARD_WORD_LIMIT,
    offer_checklist,
    rejection_reply,
    thank_you_variant,
    why_not_text_or_social,
)
from bot.content.spelling import check_interview_note
from bot.model import Culture, Interview, Interviewer

NEW_YORK = ZoneInfo("America/New_York")
GARCIA = Interviewer(
    "Dr. Maria Garcia", email="maria.garcia@acme.test", note="the new churn dashboard", id=1
)
SMITH = Interviewer("Jane Smith", id=2)
INTERVIEW = Interview(
    id=1,
    person_id=1,
    number=1,
    company="Acme",
    role="data analyst",
    starts_at=datetime(2026, 11, 23, 21, 30, tzinfo=UTC),  # Monday 16:30 in New York
    interviewers=(GARCIA, SMITH),
    created_at=datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
)
TONES = ("formal", "warm")
MEDIA = ("email", "card")
#: Fingerprints of the source articles' seven-word runs: their wording, not their text.
SEED_RUNS = Path(__file__).resolve().parents[2] / "data" / "seed_runs.txt"


def _variant(person: Interviewer, tone: str, medium: str, sender: str | None = "Sam Lee"):
    return thank_you_variant(
        INTERVIEW, person, NEW_YORK, tone=tone, medium=medium, sender_name=sender
    )


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("medium", MEDIA)
def test_every_variant_asks_for_the_job_and_to_hear_either_way(tone: str, medium: str) -> None:
    for person in (GARCIA, SMITH):
        body = _variant(person, tone, medium).body
        assert re.search(r"offer(ed)? me the (role|job)", body)
        assert "either way" in body.lower()
        assert "Acme" in body
        assert body.rstrip().endswith("Sam Lee")


def test_formal_note_addresses_a_doctor_by_title_and_closes_sincerely() -> None:
    body = _variant(GARCIA, "formal", "email").body
    assert body.startswith("Dear Dr. Garcia,\n")
    assert "Yours sincerely," in body


def test_formal_note_without_a_title_uses_the_first_name_at_a_modern_employer() -> None:
    assert _variant(SMITH, "formal", "email").body.startswith("Dear Jane,\n")


def test_a_traditional_employer_gets_title_and_surname_or_the_full_name_never_a_guess() -> None:
    bank = replace(INTERVIEW, culture=Culture.TRADITIONAL)
    for tone in TONES:
        for medium in MEDIA:
            garcia = thank_you_variant(bank, GARCIA, NEW_YORK, tone=tone, medium=medium,
                                       sender_name="Sam Lee").body
            smith = thank_you_variant(bank, SMITH, NEW_YORK, tone=tone, medium=medium,
                                      sender_name="Sam Lee").body
            assert garcia.startswith("Dear Dr. Garcia,\n")
            assert smith.startswith("Dear Jane Smith,\n")  # no "Ms": a gender is not guessed


def test_a_traditional_employers_card_is_formal_and_short_whatever_the_tone() -> None:
    bank = replace(INTERVIEW, culture=Culture.TRADITIONAL)
    card = thank_you_variant(bank, SMITH, NEW_YORK, tone="warm", medium="card",
                             sender_name="Sam Lee")
    assert "(formal)" in card.title
    assert "Yours sincerely," in card.body and "I'd love" not in card.body
    assert len(card.body.split()) <= CARD_WORD_LIMIT


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("medium", MEDIA)
def test_each_note_of_a_panel_reads_differently(tone: str, medium: str) -> None:
    panel = replace(INTERVIEW, interviewers=(
        Interviewer("Jane Smith", id=1), Interviewer("Bob Lee", id=2),
        Interviewer("Priya Shah", id=3)))
    bodies = [thank_you_variant(panel, p, NEW_YORK, tone=tone, medium=medium,
                                sender_name="Sam Lee").body for p in panel.interviewers]
    openings = [b.split("\n")[2 if medium == "email" else 1][:40] for b in bodies]
    assert len(set(openings)) == 3, openings
    for body, first in zip(bodies, ("Jane", "Bob", "Priya"), strict=True):
        # No topic recorded: a marked gap asks for one detail of that conversation.
        assert f"[something you and {first} discussed]" in body


def test_a_topic_noted_for_one_panellist_goes_in_their_note_only() -> None:
    bob = Interviewer("Bob Lee", id=2, note="the on-call rota")
    panel = replace(INTERVIEW, interviewers=(Interviewer("Jane Smith", id=1), bob))
    jane_note, bob_note = (thank_you_variant(panel, p, NEW_YORK, tone="warm", medium="email",
                                             sender_name=None).body
                           for p in panel.interviewers)
    assert "the on-call rota" in bob_note and "[something" not in bob_note
    assert "the on-call rota" not in jane_note and "[something you and Jane" in jane_note


def test_warm_note_uses_the_first_name_and_best_wishes() -> None:
    for person, first in ((GARCIA, "Maria"), (SMITH, "Jane")):
        body = _variant(person, "warm", "email").body
        assert body.startswith(f"Hi {first},\n")
        assert "Best wishes," in body


def test_email_has_three_parts_thanks_want_and_fit() -> None:
    alone = replace(INTERVIEW, interviewers=(SMITH,))
    body = thank_you_variant(alone, SMITH, NEW_YORK, tone="formal", medium="email",
                             sender_name="Sam Lee").body
    thanks, want, either_way = [p for p in body.split("\n\n")][1:4]
    assert thanks.startswith("Thank you") and "Monday 23 November" in thanks
    assert "keen to join" in want and "[one sentence on why you fit" in want
    assert "let me know either way" in either_way


def test_the_interviewers_note_personalises_the_thanks() -> None:
    for tone in TONES:
        assert (
            "our conversation about the new churn dashboard."
            in _variant(GARCIA, tone, "email").body
        )
    assert "about the new churn dashboard" in _variant(GARCIA, "warm", "card").body
    alone = replace(INTERVIEW, interviewers=(SMITH,))
    assert "conversation about" not in thank_you_variant(
        alone, SMITH, NEW_YORK, tone="formal", medium="email", sender_name=None).body


@pytest.mark.parametrize("tone", TONES)
def test_card_stays_within_the_word_limit(tone: str) -> None:
    for person in (GARCIA, SMITH):
        draft = _variant(person, tone, "card", sender=None)
        assert len(draft.body.split()) <= CARD_WORD_LIMIT
        assert draft.mailto is None
        assert "card" in draft.title.lower()


def test_a_long_note_is_dropped_from_the_card_rather_than_overflowing_it() -> None:
    chatty = Interviewer(
        "Jane Smith",
        note="the way the analytics team plans to rebuild its reporting pipeline over the "
        "next two quarters while also migrating every legacy dashboard to the new warehouse",
        id=3,
    )
    body = _variant(chatty, "formal", "card").body
    assert len(body.split()) <= CARD_WORD_LIMIT
    assert "pipeline" not in body
    assert "offer me the role" in body


@pytest.mark.parametrize("tone", TONES)
def test_mailto_decodes_back_to_the_body(tone: str) -> None:
    draft = _variant(GARCIA, tone, "email")
    assert draft.mailto is not None
    link = urlsplit(draft.mailto)
    assert link.scheme == "mailto"
    assert unquote(link.path) == "maria.garcia@acme.test"
    query = parse_qs(link.query, strict_parsing=True)
    assert query["body"] == [draft.body]
    assert "data analyst" in query["subject"][0]


def test_no_mailto_without_an_email_address() -> None:
    assert _variant(SMITH, "warm", "email").mailto is None


def test_missing_sender_name_leaves_a_placeholder() -> None:
    assert _variant(SMITH, "formal", "email", sender=None).body.endswith("[your name]")


def test_variants_pass_the_spelling_check() -> None:
    for tone in TONES:
        for medium in MEDIA:
            for person in (GARCIA, SMITH):
                body = _variant(person, tone, medium).body
                assert check_interview_note(body, INTERVIEW, "Sam Lee") == []


def test_rejection_reply_is_gracious_asks_for_feedback_and_to_be_kept_in_mind() -> None:
    draft = rejection_reply(INTERVIEW, NEW_YORK, "Sam Lee")
    body = draft.body
    assert body.startswith("Dear Dr. Garcia,")
    assert "Thank you for letting me know" in body
    assert "feedback" in body
    assert "keep me in mind" in body
    assert "Monday 23 November" in body
    assert body.endswith("Sam Lee")
    assert draft.mailto is not None
    assert parse_qs(urlsplit(draft.mailto).query)["body"] == [body]


def test_rejection_reply_with_no_interviewers_greets_the_team() -> None:
    alone = Interview(
        id=2,
        person_id=1,
        number=2,
        company="Initech",
        role="engineer",
        starts_at=INTERVIEW.starts_at,
        interviewers=(),
        created_at=INTERVIEW.created_at,
    )
    draft = rejection_reply(alone, NEW_YORK, None)
    assert draft.body.startswith("Dear hiring team,")
    assert draft.mailto is None


def test_offer_checklist_covers_the_essentials() -> None:
    text = offer_checklist()
    for point in ("in writing", "by when", "Accept in writing", "other employers"):
        assert point in text
    assert text.count("•") >= 5


@pytest.mark.parametrize(("said", "channel"), [
    ("text message", "by text message"), ("texted her", "by text message"),
    ("via sms", "by text message"), ("LinkedIn", "on LinkedIn"), ("linkedin dm", "on LinkedIn"),
])
def test_why_not_text_or_social_names_the_channel_cites_the_poll_and_offers_email(
    said: str, channel: str,
) -> None:
    text = why_not_text_or_social(said)
    assert text.startswith(f"Better not send it {channel}.")
    assert "90%" in text
    assert "inappropriate" in text
    assert "Email" in text


def _runs(text: str, size: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _fingerprint(run: tuple[str, ...]) -> str:
    return hashlib.blake2b(" ".join(run).encode(), digest_size=8).hexdigest()


def test_no_text_repeats_a_run_of_seven_words_from_the_seed_articles() -> None:
    seed_runs = {line for line in SEED_RUNS.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")}
    assert len(seed_runs) > 1000  # the fingerprints are there, not an empty file
    texts = [
        offer_checklist(),
        why_not_text_or_social("text message"),
        rejection_reply(INTERVIEW, NEW_YORK, "Sam Lee").body,
    ]
    texts += [_variant(p, t, m).body for p in (GARCIA, SMITH) for t in TONES for m in MEDIA]
    panel = replace(INTERVIEW, interviewers=(GARCIA, SMITH, Interviewer("Bob Lee", id=3)))
    texts += [thank_you_variant(panel, p, NEW_YORK, tone=t, medium=m, sender_name=None).body
              for p in panel.interviewers for t in TONES for m in MEDIA]
    for text in texts:
        assert not {_fingerprint(run) for run in _runs(text)} & seed_runs, text
