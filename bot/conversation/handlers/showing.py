"""Showing the person where things stand: help, their list, one plan, a calendar, stats."""

from __future__ import annotations

import re

from bot.commands import (
    Calendar,
    ListInterviews,
    ReadMessage,
    ShowHelp,
    ShowPlan,
    ShowStats,
    StepRecord,
    Unknown,
)
from bot.content import calendar_file, notes
from bot.content.calendar_file import plan_calendar
from bot.content.stats import follow_up_stats, stats_chart_png, stats_text
from bot.conversation.turn import Turn
from bot.conversation.views import list_reply, plan_reply
from bot.messages import Action, ActionId, Attachment, Reply, Style
from bot.model import Interview
from bot.parsing.command_text import text_or_social
from bot.parsing.impossible_dates import impossible_date
from bot.text import short

HELP = """Here's what I understand. Tell me in your own words ("Just had my interview at \
Initech for the QA role…", "they passed on me", "called acme, no answer", "it's Jayne not \
Jane"), or use the short forms:
• `add <company>, <role>, <when> with <names>[, what they promised]` — or just `add` and I'll ask
• `list` — your interviews and what's next · `plan <n>` — every step for one
• `sent <n> [name]` — thank-you note sent · `done <n.m>` — mark a step done
• `called <n> answered` / `called <n> no answer` — after a follow-up call
• `heard <n> offer | rejected | next round | other | withdrew`
• `promised <n> <when>` — e.g. `promised 1 they'll decide by Tuesday`
• `snooze <n.m> <2h | 1d | tomorrow | until Mon 9am>` · `cancel <n>` — stop reminders for one
• `why <n.m>` — why a step falls on its day
• `fix <n> company <name>` / `role <role>` / `when <day and time>` — put a detail right
• `fix <n> <old name> -> <new name>` · `fix <n> add <name> [(email)]` · `fix <n> remove <name>`
• `fix <n> email <name> <address>` · `fix <n> phone <name> <number>` — an interviewer's details
• `fix <n> address <name>: <how>` (or "call her Maria") — how your notes greet someone
• `delete <n>` — an interview added by mistake, gone at once (Undo brings it back for a day)
• `note <n> <name>: <what you talked about>` — personalises the thank-you draft
• `check <n> <your note>` — spelling, and the names as you recorded them
• `tone formal` / `tone warm` — how your thank-you drafts sound
• `tz <zone>` · `quiet 21:00-08:00` · `name <your name>` · `phone <number>`
• `calendar` (a file) · `calendar feed` (a private link) · `calendar reset` · `stats`
• `email` — your private address: BCC it on thank-yous, forward replies to it · `email reset`
• `reflect <n>` · `journal` · `export` · `forget me`
• In a job-search club's channel: `club` · `club join` / `club leave` · `club mentions on|off`
• `share <n> none | progress | details` — what your clubs see · `share draft <n>` — feedback
  (interviewers by role; `share draft <n> with names` to show them)
• Organisers: `club start [name]` · `club settings` · `club report [days]` · `club stop`
  · `club organiser add|remove @member` — run the club together"""


def help_(turn: Turn, command: ShowHelp) -> list[Reply]:
    if command.greeting:
        return [Reply(text=HELP, title="Hi! I'm your interview follow-up coach.")]
    return [Reply(text=HELP, title="How I can help",
                  actions=(Action(ActionId.ADD, "Add an interview", "", Style.PRIMARY),))]


#: An add asked for after other words: "… Also can you add Hulu, producer, …".
_ADD_ASKED = re.compile(r"(?<=\S)\s+(?:(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+)?"
                        r"add\b\s*:?\s*(?=\S)", re.I)
#: `add` already typed, with a colon or a dash after it.
_ADD_SAID = re.compile(r"^\s*add\b\s*[:\-—–]?\s*", re.I)

#: Words from which a line is a sentence rather than a command.
_A_SENTENCE = 5
#: A sentence's opening that no command has: "they cancelled it", "my interview went ok".
_SPEAKER = re.compile(r"(?:i|i'm|im|i'll|i'd|i've|we|we're|they|they're|she|she's|he|he's|it|"
                      r"it's|my|our|the|their|so|and|but|just|well|hey|hi|hello|ok|okay|gonna|"
                      r"gotta|imma|lemme|omg|ugh|lol|yo|btw)(?![\w'])", re.IGNORECASE)
#: A lone yes, no or number: the answer to a question no longer waiting.
_NO_QUESTION = re.compile(r"(?:yes|yeah|yep|no|nope|nah|ok|okay|\d{1,2})[.!]?", re.IGNORECASE)
#: "no offer yet", "still no word", "haven't heard anything yet": waiting, not news.
_NO_NEWS_YET = re.compile(
    r"(?:still\s+)?(?:(?:no|nothing|not\s+a)\b(?:\s+(?:news|word|offer|reply|response|update|"
    r"answer|peep|call|email|thing))?|(?:have\s+not|haven'?t|not|still\s+not)\s+heard\b)"
    r"[^.?!]{0,40}?\b(?:yet|so\s+far)\b|still\s+(?:no|nothing|waiting)\b", re.IGNORECASE)
DIDNT_FOLLOW = ("I didn't follow that, so I changed nothing. Tell me in a few words what "
                "happened, for example `sent Jane a thank-you`, `called Acme, no answer`, "
                "`Acme made me an offer` or `Initech will decide by Friday`; `help` lists "
                "everything I understand.")


#: Someone's message quoted after who sent it: `acme: 'we'll let you know by wednesday'`,
#: `Initech HR: "The QA Engineer requisition has been cancelled…"`.
_QUOTED_MESSAGE = re.compile(r"^(?P<lead>[^\"“”'‘’]{1,80}?)\s*[:,-]?\s*[\"“'‘](?P<words>.{12,})"
                             r"[\"”'’]\W{0,3}(?:\s+\S+){0,3}\s*$", re.S)
#: A word in the lead that says the quote is a message: "emailed", "texted", "Acme:".
_SENT_WORD = re.compile(r"\b(?:e-?mail(?:ed)?|text(?:ed)?|wrote|messaged|sent|said|says|mail|"
                        r"message|letter|portal)\b|:\s*$", re.I)


def pasted_message(text: str) -> str | None:
    """The words of an employer's message the line quotes, with who sent it, or None."""
    found = _QUOTED_MESSAGE.match(text.strip())
    if found is None or not _SENT_WORD.search(found.group("lead") + ":" * (":" in text[:90])):
        return None
    return f"{found.group('lead').rstrip(' :,-')}: {found.group('words')}"


def unknown(turn: Turn, command: Unknown) -> list[Reply]:
    text = command.text
    channel = text_or_social(text)
    if channel and re.search(r"\bthank", text, re.IGNORECASE):
        return [Reply(text=notes.why_not_text_or_social(channel))]
    bad = impossible_date(text)
    if bad is not None:
        # "initech pushed it to 31/02": the day is what went wrong, so say that.
        return [Reply(text=f"“{short(bad.said, 30)}” isn't on the calendar ({bad.why}), so "
                           "I changed nothing. Say it again with the right day, and the "
                           "month in words so I can't misread it: for example `Initech "
                           "moved the interview to 3 March`.")]
    pasted = pasted_message(text)
    if pasted is not None:
        # "Initech have emailed: 'We are delighted to offer you…'": their words, read as
        # "Follow up on this" reads a message: proposed, never acted on unconfirmed.
        from bot.conversation.handlers import message_reading  # it dispatches back here

        replies = message_reading.read(turn, ReadMessage(pasted))
        if replies and replies[0].text != message_reading.NOTHING:
            return replies
    hint = ""
    if re.search(r"\bwith\b", text, re.IGNORECASE) and re.search(r"\d", text):
        # "add: Monday, …" is shown once with its verb; "Friday's fine. Also can you add
        # Hulu, …" from the add on
        asked = _ADD_ASKED.search(text)
        fields = text[asked.end():] if asked is not None else _ADD_SAID.sub("", text)
        hint = f"\nIf that's an interview, start with `add`: `add {short(fields, 80)}`"
    if _NO_QUESTION.fullmatch(text.strip()):
        # "no", "yes", "2" with nothing asked: an answer to a question that's gone.
        return [Reply(text="I'm not waiting for an answer right now, so I changed nothing. "
                           "Tell me what happened in a few words, or `list` to see your "
                           "interviews.")]
    if _THANKS_ONLY.fullmatch(text.strip()):
        # "thanks for the help": said to the coach, answered as a person would
        return [Reply(text="You're welcome! Tell me whenever there's news, and I'll keep "
                           "the plan up to date (`list` shows it).")]
    if _NO_NEWS_YET.match(text.strip()):
        return [Reply(text="Still waiting, then: I changed nothing, and I'll tell you when "
                           "it's time to follow up (`list` shows each plan). Tell me as soon "
                           "as you hear.")]
    if len(text.split()) >= _A_SENTENCE or (len(text.split()) > 2 and _SPEAKER.match(text)):
        # A sentence the coach could not read is no mistyped command: say what it can
        # read instead of naming its first word.
        return [Reply(text=DIDNT_FOLLOW + hint)]
    word = short(text.split(" ", 1)[0], 30)
    # Echoed as typed, in plain quotes (never Python's repr, which shows escapes); each
    # adapter makes it harmless on its platform (no mentions, no markup).
    return [Reply(text=f"I don't know the command “{word}”. Type `help` to see "
                       f"what I can do.{hint}")]


#: Thanks and nothing else: "thanks for the help", "thank you so much!", "ty 🙏".
_THANKS_ONLY = re.compile(r"(?:thanks|thank\s+you|thx|ty|cheers|much\s+appreciated)"
                          r"(?:\s+(?:so\s+much|a\s+lot|again|for\s+(?:the|your|all\s+the)\s+"
                          r"(?:help|advice|tips|reminder|reminders)))*[\s!.🙏😊👍]*", re.I)


def list_(turn: Turn, command: ListInterviews) -> list[Reply]:
    items = turn.items()
    # Open ones first, newest interview first within each group.
    items.sort(key=lambda item: (not item[0].is_open, -item[0].number))
    return [list_reply(items, turn.tz)]


def plan(turn: Turn, command: ShowPlan) -> list[Reply]:
    if isinstance(command.interview, StepRecord):  # a reminder's "show drafts" button
        found = turn.step(command.interview)
        if isinstance(found, Reply):
            return [found]
        return [plan_of(turn, found[0])]
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    return [plan_of(turn, interview)]


def plan_of(turn: Turn, interview: Interview) -> Reply:
    return plan_reply(interview, turn.repo.checkpoints_for(interview.id), turn.tz, turn.now,
                      prefs=turn.prefs())


def calendar(turn: Turn, command: Calendar) -> list[Reply]:
    word = command.what
    public_url = turn.defaults.public_url
    if word in {"feed", "link", "subscribe", "reset"}:
        if not public_url:
            return [Reply(text="A calendar feed needs the bot's web address "
                               "(FOLLOWUP_PUBLIC_URL). Meanwhile `calendar` gives you a "
                               "file to import.")]
        person = turn.person
        if word != "reset" and person.calendar_token_hash is not None:
            # Only the token's hash is kept, so an existing link cannot be shown again.
            return [Reply(text="You already have a private calendar link, and it keeps "
                               "working wherever you subscribed to it. I keep only a "
                               "fingerprint of it, not the link itself, so I can't show it "
                               "again. Lost it? `calendar reset` makes a new link and the "
                               "old one stops working.")]
        token = calendar_file.feed_token()  # shown once, below; only its hash is stored
        turn.refresh(turn.repo.update_person(
            person.id, calendar_token_hash=calendar_file.feed_token_hash(token),
            calendar_feed_made_at=turn.now))
        url = f"{public_url.rstrip('/')}/calendar/{token}.ics"
        lead = ("Done: the old link no longer works. Your new private link"
                if word == "reset" and person.calendar_token_hash is not None
                else "Your private calendar link")
        return [Reply(text=f"{lead} (subscribe to it in Google, Apple or Outlook "
                           f"Calendar; it updates as your plan changes):\n{url}\n"
                           "Keep it to yourself, and save it now: I keep only a "
                           "fingerprint of it, so I can't show it again. "
                           "`calendar reset` revokes it.")]
    if word and word not in {"file", "ics"}:
        return [Reply(text="Try `calendar` (a file), `calendar feed` (a private link "
                           "your calendar app follows) or `calendar reset`.")]
    content = plan_calendar(turn.person, turn.items(), turn.now)
    return [Reply(text="Your plan as a calendar file: open it to add every step, each "
                       "with an alarm.",
                  files=(Attachment("followup-plan.ics", content, "text/calendar"),))]


def stats(turn: Turn, command: ShowStats) -> list[Reply]:
    items = turn.items()
    if not items:
        return [Reply(text="No interviews yet, so no habits to show. Add one with `add`.")]
    found = follow_up_stats(items, turn.tz)
    return [Reply(text=stats_text(found), title="Your follow-up habits",
                  files=(Attachment("followup-stats.png", stats_chart_png(found),
                                    "image/png"),))]
