"""The pages that quote the bot quote what it says now: docs/SAMPLES.md and the README's
week of coaching are regenerated from real output (`python -m tests.samples`)."""

from __future__ import annotations

from tests import samples


def test_the_samples_page_is_the_bots_real_output():
    assert samples.PAGE.read_text(encoding="utf-8") == samples.page(), \
        "docs/SAMPLES.md is out of date: run `python -m tests.samples`"


def test_the_readme_transcript_is_the_bots_real_output():
    assert samples.README.read_text(encoding="utf-8") == samples.readme(), \
        "README.md's transcript is out of date: run `python -m tests.samples`"


def test_every_sample_shows_its_kind_of_interview():
    page = samples.page()
    casual, bank, panel, next_round = page.split("\n## ")[1:]
    assert "Hi Jane," in casual and "Hi Bob," in casual and "Did your note to Bob" in casual
    assert "Dear Dr. Garcia," in bank and "Dear Jane Smith," in bank
    assert "falls on a Sunday" in bank and "on +1 212 555 0142" in bank
    assert casual.count("Time to call") == 1 and "Second and last call" in casual
    assert all(f"[something you and {n} discussed]" in panel for n in ("Priya", "Ana"))
    assert "the release checklist" in panel and "Time to move on" in panel
    assert "Added #2" in next_round and "heard 2 offer" in next_round
