"""Answers to the add questions are checked before they are stored: a role must be a role,
and every piece of a names answer must be a name."""

from __future__ import annotations

import pytest

from bot.conversation.add_flow import role_answer
from bot.parsing import read_names


@pytest.mark.parametrize(("said", "role"), [
    ("designer", "designer"),
    ("Senior UX Designer", "Senior UX Designer"),
    ("graphic designer 🎨", "graphic designer"),
    ("QA engineer (Selenium)", "QA engineer (Selenium)"),
])
def test_a_role_is_kept_as_written_without_emoji(said: str, role: str) -> None:
    assert role_answer(said) == role


@pytest.mark.parametrize(("said", "role"), [
    ("QA engineer (contract)", "QA engineer"),
    ("visual designer, contract", "visual designer"),
    ("Design lead (part-time)", "Design lead"),
    ("copywriter, though they also mentioned some social media stuff", "copywriter"),
    ("it's a motion designer gig", "motion designer"),
])
def test_how_the_job_is_held_and_asides_are_not_the_title(said: str, role: str) -> None:
    """Messages say "your QA engineer interview": the contract is not the job's name."""
    assert role_answer(said) == role


@pytest.mark.parametrize("said", [
    "idk", "idk yet", "not sure", "designer or maybe ux, not sure", "why do you need that?",
    "wait it's Globo not Globex", "a job", "same as before", "lol", "🙂", "hmm",
    "can't remember", "either designer or illustrator, they were vague",
    "erm, brand something? I'd have to check the ad", "one sec, checking the email",
])
def test_an_answer_that_is_no_role_is_asked_again(said: str) -> None:
    assert role_answer(said) is None


@pytest.mark.parametrize(("said", "names"), [
    ("Dana Wu and Raj Patel", ["Dana Wu", "Raj Patel"]),
    ("just Priya", ["Priya"]),
    ("dana wu", ["Dana Wu"]),  # typed all in lower case: written as a name is
    ("johan van der merwe", ["Johan van der Merwe"]),
    ("ollie mcdonald and bea o'neil", ["Ollie McDonald", "Bea O'Neil"]),
    ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
    ("Jane Smith (jane@acme.com)", ["Jane Smith"]),
    ("Tom Baker adn Sue Lin", ["Tom Baker", "Sue Lin"]),  # "adn": a slip of "and"
])
def test_names_are_read_as_written(said: str, names: list[str]) -> None:
    people, unclear = read_names(said)
    assert [p.name for p in people] == names and unclear == []


@pytest.mark.parametrize("said", [
    "the manager lady", "some guy from HR", "idk", "ok", "no",
    "Tom B. and someone called Sue I think?", "Tom Baker adn Sue Lin and Priya's boss",
    "Marta, and maybe her manager", "Priya and her boss",
    "their names are in the invite email, hang on",
])
def test_an_answer_with_anything_that_is_not_a_name_is_not_stored(said: str) -> None:
    people, unclear = read_names(said)
    assert unclear or not people
