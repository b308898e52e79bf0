"""One coaching tip a week for club digests, drawn from the rules in docs/COACHING.md.

Written in the bot's own voice; the list rotates by ISO week so a club sees each tip
once before any repeats, and every club hears the same one in the same week.
"""

from __future__ import annotations

from datetime import date

TIPS: tuple[str, ...] = (
    "Before you leave any interview, ask two things: when they expect to decide, and when "
    "you may follow up. Their answer tells you the day to call.",
    "Get every interviewer's name (spelled right) and a way to reach them. One short note "
    "per person, addressed by name, beats a single e-mail to the whole panel.",
    "Write the thank-you on the day, ideally within an hour or two of walking out. A "
    "prompt note lands while they are still weighing candidates.",
    "A good thank-you does three things: thanks them for their time, says plainly that "
    "you want the job, and gives one concrete reason you fit. Close by asking to hear "
    "back either way.",
    "Forgot the note yesterday? Send it today. A day late still counts for far more than "
    "silence.",
    "Interviewing somewhere traditional? Follow the e-mail with a short handwritten card, "
    "in the post within two days.",
    "If they named a decision day and it passed without a word, call the next business "
    "day. Hiring managers expect it, and it shows you still care.",
    "Two follow-up calls is the limit: the first shows follow-through, the second shows "
    "initiative. After that, let your record speak.",
    "On voicemail keep it brief: who you are, the role, the day you interviewed, that "
    "you're still keen. Then your number, slowly, and once more.",
    "Keep thank-yous to e-mail or paper. Texts, social-media messages, gifts and "
    "connection requests before a decision tend to land badly.",
    "After each outcome, jot down what went well and what you'd change. Ten minutes of "
    "reflection makes the next interview easier.",
    "No reply a week after your second call? Close it without guilt: you did your part. "
    "Put that energy into the next application.",
)


def tip_of_the_week(day: date) -> str:
    """The tip for the ISO week containing `day`."""
    year, week, _ = day.isocalendar()
    return TIPS[(year * 53 + week) % len(TIPS)]
