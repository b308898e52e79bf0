"""Which interview and interviewer a message is about; anything unclear matches none."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.mail.matching import Match, greeting_name, match
from bot.mail.reading import Mail
from bot.model import Interview, Interviewer

WHEN = datetime(2026, 11, 23, 19, 0, tzinfo=UTC)


def interview(record: int, company: str, *names: str, email: str | None = None) -> Interview:
    people = tuple(Interviewer(name, email=email if n == 0 else None, id=record * 10 + n)
                   for n, name in enumerate(names))
    return Interview(record, 1, record, company, "analyst", WHEN, people, WHEN)


ACME = interview(1, "Acme", "Jane Smith", "Bob Lee", email="jsmith@acme.com")
GLOBEX = interview(2, "Globex Corporation", "Pat Kim")


def bcc(to: str, text: str, name: str = "") -> Mail:
    return Mail(("Alex", "alex@example.com"), ((name, to),), "Thank you", text)


def test_the_interviewers_own_address_wins():
    found = match(bcc("jsmith@acme.com", "Hello,\nthanks"), [ACME, GLOBEX])
    assert found == Match(ACME, ACME.interviewers[0])


def test_a_name_on_a_company_address_finds_the_interviewer():
    found = match(bcc("bob.lee@acme.com", "Thanks!"), [ACME, GLOBEX])
    assert found == Match(ACME, ACME.interviewers[1])


def test_the_company_domain_and_the_greeting_find_the_interviewer():
    found = match(bcc("careers@globexcorp.io", "Dear Pat,\nthanks"), [ACME, GLOBEX])
    assert found == Match(GLOBEX, GLOBEX.interviewers[0])


def test_a_misspelt_greeting_is_kept_to_be_pointed_out():
    found = match(bcc("careers@acme.com", "Dear Jayne,\nthanks"), [ACME, GLOBEX])
    assert found == Match(ACME, ACME.interviewers[0], "Jayne")
    assert match(bcc("jsmith@acme.com", "Hi Jane,\nthanks"), [ACME]).greeted is None


def test_a_public_mailbox_says_nothing_about_the_employer():
    assert match(bcc("jane.smith@gmail.com", "Dear Jane,\nthanks"), [ACME, GLOBEX]) is None


def test_two_interviews_at_one_company_match_neither():
    again = interview(3, "Acme", "Lee Wong")
    assert match(bcc("careers@acme.com", "Hello,\nthanks"), [ACME, again]) is None


def test_with_several_interviewers_and_no_name_the_interview_is_found_alone():
    found = match(bcc("careers@acme.com", "Hello team,\nthanks"), [ACME])
    assert found == Match(ACME, None)


def test_a_forward_is_matched_by_who_wrote_the_forwarded_message():
    mail = Mail(("Alex", "alex@example.com"), (("", "token@mail.test"),), "Fwd: news",
                "We will decide by Friday.", forwarded=True,
                forwarded_from=("Pat Kim", "pat@globex.com"))
    assert match(mail, [ACME, GLOBEX]) == Match(GLOBEX, GLOBEX.interviewers[0])


def test_greetings():
    assert greeting_name("Dear Ms. Smyth,\n") == "Smyth"
    assert greeting_name("Hi Jane!\n") == "Jane"
    assert greeting_name("Thank you for today.") is None
