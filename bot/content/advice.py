"""Short answers to the questions people ask in their own words, from the coaching rules.

Each answer says what to do and why, in a message or two (docs/COACHING.md has the
rules and their sources). The conversation picks the topic; `answer_for` words it.
"""

from __future__ import annotations

ANSWERS: dict[str, str] = {
    "gifts": (
        "Better not: flowers, gifts or a hamper before they decide can look like you're "
        "trying to sway them. A warm thank-you note, sent today, does the job; save any "
        "gesture for after you've accepted an offer."),
    "linkedin": (
        "Hold the connection request until they've decided. While you're still a "
        "candidate it can feel out of place; after the decision, whichever way it goes, "
        "it's a friendly way to stay in touch."),
    "text": (
        "Stick to e-mail (or a handwritten card for a traditional employer). A thank-you by "
        "text or chat app strikes most employers as too casual, and it can read as a lack "
        "of business manners."),
    "call_or_wait": (
        "Call on the day they named, or the business day after the day they said they'd "
        "decide. With no promise, give it about a working week. Calling sooner can feel "
        "like pressure; your plan already has the right day in it."),
    "third_call": (
        "Two calls is the limit. The first shows follow-through and the second shows real "
        "interest; a third starts to feel like pressure. If two calls bring nothing, a week "
        "of silence tells you they've moved on, and your energy is better spent elsewhere."),
    "email_instead": (
        "A call works better for the follow-up: it's harder to overlook than an e-mail and "
        "shows you keep your word. If you can't get through twice, that is your answer; "
        "there's no need to chase by e-mail as well."),
    "what_to_say_call": (
        "Keep it short: your name, the role and the day you interviewed, that you're still "
        "keen, and a question about where things stand. If nobody picks up, leave a brief "
        "message with your number said twice, slowly. The call reminder has both scripts "
        "ready for you."),
    "what_to_write": (
        "Thank them for their time, mention one thing you talked about, say you want the "
        "role and why you fit, and ask to hear either way. One short note per interviewer, "
        "sent today. The thank-you reminder comes with a draft for each person."),
    "timezone": "Type `tz` and your zone, for example `tz Europe/London` or `tz America/Chicago`.",
    "cancel_vs_delete": (
        "`cancel <n>` stops the reminders for an interview but keeps its history. "
        "`delete <n>` removes an interview you added by mistake, at once; its Undo button "
        "brings it back for a day, and after that it is gone for good."),
    "how_it_works": (
        "You tell me about an interview; I plan each step from when it was and what they "
        "promised: the thank-you note the same day, a call on the right business day, at "
        "most two calls, and a kind nudge to move on after a week of silence. Tell me what "
        "happens and the plan adapts. `plan <n>` shows the steps and `why <n.m>` explains "
        "a date."),
    "human": (
        "I'm a bot, not a person: a coach for the days after an interview. I don't read "
        "your other messages, and everything I keep about you can be exported (`export`) "
        "or deleted (`forget me`)."),
    "for_you": (
        "That one is yours to do: I can't send e-mails, make calls or apply for you. What "
        "I do is tell you when, and write the words: each thank-you reminder comes with a "
        "draft to copy, and each call reminder with what to say."),
    "other": (
        "I'm not sure I can answer that one. I can help with thank-you notes, follow-up "
        "calls and what to do when you hear back; `help` lists what I understand."),
}


def answer_for(topic: str) -> str:
    return ANSWERS.get(topic, ANSWERS["other"])
