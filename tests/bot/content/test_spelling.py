"""The spelling check catches real typos and near-miss names, and leaves good notes alone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.content import spelling
from bot.content.notes import thank_you_variant
from bot.content.spelling import Issue, Reason, check_interview_note, check_note, warm_up
from bot.model import Interview, Interviewer

NAMES = ["Jane Smith", "Dr. Maria Garcia", "Initech", "Acme"]
NEW_YORK = ZoneInfo("America/New_York")

GOOD_NOTE = """Dear Dr. Garcia,

Thank you for meeting me on Monday 23 November to talk about the data analyst role at
Acme. I especially enjoyed our conversation about the colour scheme of your dashboards and
how the organisation plans to grow the team. I'd be delighted to join you, and I hope you'll
offer me the position: my SQL and Python work at Initech matches what you need.
[one sentence on why you fit] Whatever you decide, please let me know either way.
You can reach me at sam.lee@example.com or see https://example.com/portfolio.

Yours sincerely,
Sam Lee
"""


def _words(issues: list[Issue]) -> dict[str, str | None]:
    return {i.word: i.suggestion for i in issues}


def test_common_misspellings_are_flagged_with_the_right_word() -> None:
    issues = check_note("I was glad to recieve the oppurtunity to meet you.", NAMES)
    assert _words(issues) == {"recieve": "receive", "oppurtunity": "opportunity"}
    assert all(i.reason is Reason.SPELLING for i in issues)


def test_a_near_miss_of_the_interviewers_full_name_is_flagged_whole() -> None:
    (issue,) = check_note("Dear Jane Smyth, thank you for today.", NAMES)
    assert issue == Issue("Jane Smyth", "Jane Smith", Reason.NAME)


def test_a_near_miss_of_a_surname_or_company_is_flagged() -> None:
    issues = check_note("Thank you, Ms Smyth. I would love to work at Initec.", NAMES)
    assert _words(issues) == {"Smyth": "Smith", "Initec": "Initech"}
    assert {i.reason for i in issues} == {Reason.NAME}


def test_a_dictionary_word_close_to_the_company_is_still_flagged_mid_sentence() -> None:
    (issue,) = check_note("I would be proud to join Acne next month.", NAMES)
    assert (issue.word, issue.suggestion, issue.reason) == ("Acne", "Acme", Reason.NAME)


def test_a_near_miss_after_a_title_is_caught() -> None:
    assert _words(check_note("Dear Dr. Garica,", NAMES)) == {"Garica": "Garcia"}


def test_a_greeting_before_a_correct_name_is_not_a_near_miss() -> None:
    assert check_note("Hi Maria,\nDear Smith,\nDear Dean Jones,", [*NAMES, "Dean Jones"]) == []


def test_a_near_miss_of_a_full_name_at_the_start_of_a_line_is_flagged_whole() -> None:
    assert _words(check_note("Thanks!\nJane Smyth was lovely.", NAMES)) == {
        "Jane Smyth": "Jane Smith"
    }


def test_a_correct_note_has_no_issues() -> None:
    assert check_note(GOOD_NOTE, NAMES, ignore=["data analyst", "Sam Lee"]) == []


def test_the_bots_own_thank_you_draft_passes() -> None:
    interview = Interview(
        id=1,
        person_id=1,
        number=1,
        company="Initech",
        role="Data Analyst",
        starts_at=datetime(2026, 11, 23, 21, 30, tzinfo=UTC),
        interviewers=(Interviewer("Dr. Maria Garcia", note="the quarterly forecasts", id=4),),
        created_at=datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
    )
    note = thank_you_variant(interview, interview.interviewers[0], NEW_YORK, tone="formal",
                             medium="email", sender_name="Sam Lee")
    assert check_interview_note(note.body, interview, "Sam Lee") == []
    typo = note.body.replace("Initech", "Initec", 1)
    assert _words(check_interview_note(typo, interview)) == {"Initec": "Initech"}


def test_placeholders_acronyms_and_brands_are_not_checked() -> None:
    text = "I used SQL and LinkedIn daily. [yuor naem] [recieve this]"
    assert check_note(text, NAMES) == []


def test_unknown_proper_nouns_far_from_any_word_are_left_alone() -> None:
    assert check_note("I deployed it on Kubernetes at Globex with Snowflake.", NAMES) == []


def test_capitalised_words_at_a_sentence_start_are_checked_as_words() -> None:
    assert _words(check_note("Recieve my thanks. Dear Dean,", ["Dean Jones"])) == {
        "Recieve": "Receive"
    }


def test_a_misspelt_weekday_is_caught_even_mid_sentence() -> None:
    assert _words(check_note("We spoke on Tuesdy about it.", NAMES)) == {"Tuesdy": "Tuesday"}


def test_issues_come_in_the_order_of_the_text() -> None:
    issues = check_note("I recieve it. Dear Jane Smyth, teh team at Initec.", NAMES)
    assert [i.word for i in issues] == ["recieve", "Jane Smyth", "teh", "Initec"]


def test_each_word_is_reported_once() -> None:
    issues = check_note("recieve, recieve and recieve", NAMES)
    assert [i.word for i in issues] == ["recieve"]


def test_issue_reads_as_a_question() -> None:
    issue = Issue("Smyth", "Smith", Reason.NAME)
    assert issue.describe() == "“Smyth”: did you mean “Smith”? (close to a name in this interview)"


def test_the_dictionary_is_loaded_once_not_per_note() -> None:
    """Loading the word list is the slow part (timings belong to bench/): it happens once."""
    warm_up()
    loaded = spelling._dictionary.cache_info()
    note = GOOD_NOTE + " I hope to recieve the oppurtunity. Initec. Jane Smyth."
    for _ in range(10):
        assert [i.word for i in check_note(note, NAMES)] == ["recieve", "oppurtunity",
                                                              "Initec", "Jane Smyth"]
    after = spelling._dictionary.cache_info()
    assert after.misses == loaded.misses and after.hits == loaded.hits + 10
