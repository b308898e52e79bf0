"""Free text read into typed commands, with how sure the reading is.

The command grammar (`bot.parsing.command_text`) reads `sent 1 Jane`; this package reads
what people write instead: "sent jane a thank you email", "Initech passed on me",
"it's Jayne not Jane". A reading is either sure (run it, and say what was understood) or
a question with one button per possible reading. Precision comes before recall: a line
that might be about another interview, or that hedges ("I think…"), is asked, never
acted on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from bot.commands import (
    AddInterview,
    AddInterviewFields,
    AskCoach,
    CancelInterview,
    CorrectInterview,
    DeleteInterview,
    MarkSent,
    RecordPromise,
    ReportCall,
    ReportOutcome,
    Snooze,
)
from bot.parsing.dates import DATE_KINDS, find_dates
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding import story
from bot.parsing.understanding.common import polite_request, strangers
from bot.parsing.understanding.normalise import clock_put_right, normalise
from bot.parsing.understanding.readers import adding, asking, corrections, invites, news, steps
from bot.parsing.understanding.reading import Choice, Context, Line, Reading
from bot.parsing.understanding.references import KnownInterview, Mentions, mentions

__all__ = ["Choice", "Context", "KnownInterview", "Reading", "understand"]

#: In order: the first reader whose cues are in the line reads it.
READERS: tuple[Callable[[Line, Context], Reading | None], ...] = (
    asking.show, corrections.correct, steps.remove, steps.cancel, asking.question,
    news.outcome, adding.telegraphic_add, story.story, adding.comma_add, news.promise,
    news.call, news.sent, steps.snooze, asking.question_mark,
)


NOT_FOR_ME = "Understood, that wasn't for me: I changed nothing."


def not_for_me(text: str) -> bool:
    """Whether the line says it went to the wrong chat ("sorry, wrong chat 🙈"): never an
    answer nor a command, whatever it holds."""
    return lx.NOT_FOR_ME.search(text) is not None


#: With nothing tracked yet, nothing can be put right: "Oscorp interview is tomorrow
#: 10:30am, lab assistant, with Dr. Otto Octavius" is a new interview, and the corrections
#: reader comes last, to say so only when no other reader reads the line.
_NOTHING_TRACKED = (*(r for r in READERS if r is not corrections.correct), corrections.correct)


def understand(text: str, ctx: Context, carried: Mentions | None = None) -> Reading | None:
    """What the line asks for, or None when no reader recognises it."""
    form = adding.form_as_line(text) or invites.invite_as_line(text, ctx.now, ctx.tz)
    if form is not None:
        # An interview pasted as a form is a new one, whatever else it mentions.
        names = [part for k in ctx.known for part in (k.company, *k.names)]
        return adding.comma_add(Line.of(normalise(form, names), ctx), ctx) or \
            adding.form_question(form)
    if not_for_me(text):
        # "cancel acme. sorry wrong window", "I'm just venting, ignore me"
        return Reading(question=NOT_FOR_ME)
    if lx.QUOTED_COMMAND.search(text):
        # `my friend said to just type "cancel 1"`: words suggested, not a request
        return Reading(question="I changed nothing: a command in quotes reads as advice, "
                                "not a request. If you want it done, send it on its own. "
                                "`cancel <n>` stops an interview's reminders and keeps its "
                                "history; `delete <n>` removes one added by mistake.")
    said = [part.strip() for part in text.splitlines() if part.strip()]
    if len(said) > 1 and len({part.casefold() for part in said}) == 1:
        # The same line twice in one message: pasted twice, or done twice? Once, if so.
        once = understand(said[0], ctx, carried)
        if once is None or once.command is None:
            return once
        return Reading(question=f"That line came {len(said)} times in one message; I read it "
                                f"once: {once.understood} Is that right?",
                       choices=(Choice("Yes, once", once.command), Choice("No", None)))
    text = _day_taken_back(clock_put_right(text))
    taken_back = lx.TAKEN_BACK.search(text)
    if taken_back is not None and taken_back.start() > 0 \
            and not text[taken_back.end():].strip(" .!?"):
        # "delete 2 no wait": taken back before anything else was said
        return Reading(question="You took that back, so I changed nothing. Tell me again "
                                "when you're sure.")
    if taken_back is not None and text[taken_back.end():].strip():
        # "delete the acme one. wait no, just stop the reminders": what came after, about
        # the interview named before if it names none.
        before = mentions(text[:taken_back.start()], ctx.known)
        # "called 2 wait no 1, no answer": a number said first is the interview's.
        rest = re.sub(r"^\s*(\d{1,3})\b(?![:./]\d)", r"#\1", text[taken_back.end():])
        carried = before if len(before.numbers) == 1 else None
        reading = understand(rest, ctx, carried)
        head = _VALUE_LEAD.match(text[:taken_back.start()])
        if reading is None and head is not None:
            # "role should be senior analyst — no wait, just analyst II": the new value
            reading = understand(f"{head.group(0)} {_JUST.sub('', rest)}", ctx, carried)
        return reading
    own_plan = lx.OWN_PLAN_AFTER.search(text)
    if own_plan is not None and any(cue.search(text[:own_plan.start()]) for cue in (
            lx.PROMISE_CUES, lx.CALL_CUES, lx.SENT_CUES)):
        text = text[:own_plan.start()]  # the news, without the person's own plan after
    names = [part for k in ctx.known for part in (k.company, *k.names)]
    line = Line.of(normalise(text, names), ctx)
    if carried is not None and not line.found.numbers:
        line = replace(line, found=carried)
    for reader in READERS if ctx.known else _NOTHING_TRACKED:
        reading = reader(line, ctx)
        if reading is not None:
            return _asked_about(_one_piece_of_news(reading, line, ctx), line)
    return None


def _asked_about(reading: Reading, line: Line) -> Reading:
    """A sure reading from a line that also asks what it means ("references!! does that
    mean I got it", "can you delete initech? wait is that the same as cancel?"): said
    back and asked, never done on its own."""
    if reading.command is None or reading.question or not lx.ASKS_MEANING.search(line.text):
        return reading
    return Reading(question=f"You asked me something there too, so I changed nothing yet. "
                            f"{reading.understood} Shall I go ahead?",
                   choices=(Choice("Yes, go ahead", reading.command), Choice("No", None)))


#: Between a day and the day that replaces it: "Friday — no, Thursday the 19th", "11/20.
#: Wait no, it was Thursday 11/19".
_INSTEAD = re.compile(r"\s*[,;.—–-]*\s*(?:no|wait\s*,?\s*no|no\s*,?\s*wait|sorry|i\s+mean|"
                      r"or\s+rather)\s*[,;!—–-]*\s*(?:(?:she|he|they)\s+said\s+|"
                      r"it\s+was\s+|it'?s\s+|make\s+that\s+)?", re.I)


def _day_taken_back(text: str) -> str:
    """`text` without a day the person took back at once ("by tuesday, no wait, she said
    wednesday" is by Wednesday); unchanged when no day is. A time said with the day taken
    back stays, when the new day comes without one ("11/20 3:30pm. Wait no, it was
    Thursday 11/19" is the 19th at 3:30pm)."""
    found = find_dates(text)
    tokens = [t for t in found if t.kind in DATE_KINDS]
    for said, instead in pairwise(tokens):
        times = [t for t in found if t.kind == "time" and said.end <= t.start < instead.start]
        gap = text[times[-1].end if times else said.end:instead.start]
        time_with_day = not times or not text[said.end:times[0].start].strip()
        if time_with_day and _INSTEAD.fullmatch(gap):
            # "last Thursday — no, Wednesday": last Wednesday
            kept = f"{said.modifier} " if said.kind == instead.kind == "wd" and \
                said.modifier and not instead.modifier else ""
            return _with_time(text[:said.start] + kept + text[instead.start:],
                              text[times[0].start:times[-1].end].rstrip(". ") if times else "",
                              said.start)
    return text


def _with_time(text: str, time: str, day_at: int) -> str:
    """`text` with `time` after the day written at `day_at`, unless a time follows it."""
    if not time:
        return text
    day_end = day_at
    for token in find_dates(text):
        if token.start < day_at:
            continue
        if token.kind == "time":
            return text  # the new day has its own time
        if token.kind in DATE_KINDS and not text[day_end:token.start].strip(" ,"):
            day_end = token.end
    return f"{text[:day_end]} {time}{text[day_end:]}"


#: The words before a value taken back ("role should be …"), and "just" before the new one.
_VALUE_LEAD = re.compile(r"^.*?\b(?:is|was|should\s+be|should\s+read)(?=\s)", re.I)
_JUST = re.compile(r"^\s*(?:just|actually|it'?s|its)\s+", re.I)


def _one_piece_of_news(reading: Reading, line: Line, ctx: Context) -> Reading:
    """A sure reading of a call or a promise from a line that also says a note went out
    ("sent jane her note, and she said they'd decide by friday") would drop half of it,
    as would a note's news from a line that also puts something right ("sent. oh and it's
    Jane Smythe, with an e"), or any news from a line that also adds an interview: asked
    instead, one at a time."""
    if isinstance(reading.command, RecordPromise | ReportCall) \
            and lx.SENT_VERBS.search(line.text) and lx.NOTE_WORDS.search(line.text):
        return _TWO_THINGS
    parts = [part for part in _SENTENCES.split(line.text) if part.strip()]
    if isinstance(reading.command, MarkSent) and len(parts) > 1 and any(
            corrections.correct(Line.of(part, ctx), ctx) is not None
            # "Jane Smith and also Marcus Lee were in the room. sent notes to both":
            # someone not on the interview, beside the notes' news
            or (not lx.SENT_VERBS.search(part)
                and strangers(Line.of(_QUOTED_WORDS.sub(" ", part), ctx), ctx))
            for part in parts):
        return _TWO_THINGS
    if reading.question and reading.choices:
        # "Priya said they'd decide within 8 days. Also remind me tomorrow at 9": the day
        # is asked, and the other thing must not vanish once a button is pressed
        choices = [c.command for c in reading.choices if c.command is not None]
        other = _another_fact(Reading(choices[0]), line, ctx) \
            if choices and isinstance(choices[0], _CHANGES) else None
        # "remove #1 — or … just stop the reminders?": the other is one of the choices
        if other is not None and not any(_same_fact(c, other) for c in choices):
            return replace(reading, question=f"{reading.question.rstrip()} (You told me "
                                             "something else there too: send it on its own "
                                             "line after this.)")
        return reading
    other = _another_fact(reading, line, ctx) if reading.command is not None \
        and not reading.question else None
    if other is None:
        return reading
    # "Acme rejected me. Globex, designer, tomorrow 11am, with Sam Lee": the news and a
    # new interview; one done alone would drop the other, so the first is offered and the
    # other asked for on its own line
    rest = "the new interview" if isinstance(other, AddInterview | AddInterviewFields) \
        and not isinstance(reading.command, AddInterview | AddInterviewFields) else "the other"
    first = reading.understood or "I can do the first."
    return Reading(question=f"You told me two things there, and I want both right. {first} "
                            f"Shall I do that now? Then send me {rest} on its own line.",
                   choices=(Choice("Yes, do that", reading.command), Choice("No", None)))


#: What changes what the coach knows or plans; a question or a view changes nothing.
_CHANGES = (MarkSent, ReportCall, ReportOutcome, RecordPromise, Snooze, CancelInterview,
            CorrectInterview, DeleteInterview, AddInterview, AddInterviewFields)
#: A word that joins a part to the one before: "— and she called, …".
_PART_LEAD = re.compile(r"^(?:and|but|so|then|also|plus|anyway|oh)\b[\s,]*", re.I)
#: Where one fact of a line ends and another may begin: a sentence's end, a dash, "but".
_FACTS = re.compile(r"(?<=\S)\s*(?:[.;!?]+\s+|\.{2,}\s*|…\s*)|\s+[—–]\s+|,?\s+but\s+|"
                    # "… SENIOR data analyst 😎 and they offered it to me on the spot!!"
                    r",?\s+and\s+(?=(?:they|she|he)\s+(?!said\b|told\b|says\b)\w+)|"
                    # "acme was at 1 not 2 and I've emailed jane the thank you"
                    r",?\s+and\s+(?=i(?:'ve|\s+have|'m|\s+am)?\s+(?:just\s+|already\s+|also\s+)?"
                    r"(?:called|rang|phoned|emailed|sent|mailed|posted|texted)\b)|"
                    # "jane's email is … and add Bob Lin from HR too"
                    r",?\s+and\s+(?=(?:also\s+)?(?:add|remove|delete|take\s+off)\s)|"
                    # "sent the thank you and also can you delete acme"
                    r",?\s+and\s+also\s+|"
                    # "Raj's email is …, he said follow up there on the 30th"
                    r",\s+(?=(?:she|he|they)\s+(?:said|says|told\s+me|asked|wants?)\b)", re.I)


def _another_fact(reading: Reading, line: Line, ctx: Context) -> object | None:
    """A change that a part of the line, read alone, means or offers, of another kind or to
    another interview than the reading of the whole ("called initech, voicemail. remind me
    again thursday", "It's Jane Smyth with a y, sorry! Just sent her the note"), since doing
    the one would silently drop the other; None when there is none."""
    parts = [_PART_LEAD.sub("", part.strip()) for part in _FACTS.split(line.text)
             if part and part.strip()]
    if len(parts) < 2 or not isinstance(reading.command, _CHANGES):
        return None
    whole = reading.command
    for part in parts:
        if isinstance(whole, AddInterview | AddInterviewFields) and lx.SENT_OUT.search(part) \
                and lx.NOTE_WORDS.search(part) and not lx.NOT_SENT.search(part):
            # "add Umbrella Corp, …. I already emailed her a thank-you before lunch"
            return part
        if lx.ADD_REQUEST.match(part) and part.count(",") >= 2 \
                and not isinstance(whole, AddInterview | AddInterviewFields):
            return part  # "…. Also add Wayne Enterprises, security analyst, Wednesday 3pm."
        if _SOMEONE_ADDED.match(part) and not isinstance(whole, AddInterview | AddInterviewFields):
            return part  # "jane's email is … and add Bob Lin from HR too"
        alone = next((r for r in (reader(Line.of(part, ctx), ctx) for reader in READERS)
                      if r is not None), None)
        if isinstance(alone.command if alone else None, AskCoach) and polite_request(part) \
                and lx.SNOOZE_CUES.search(part) and not isinstance(whole, Snooze):
            # "Rang Raj, no answer. Can you push the next call to Monday?": asked as a
            # question, meant as a request
            return part
        if alone is None:
            continue
        if alone.command is not None and not alone.question:
            offered = [alone.command]
            if isinstance(whole, AddInterview | AddInterviewFields) and isinstance(
                    alone.command, RecordPromise) and _names_one(part, ctx):
                # "Jane said they'd decide by Dec 2. Also … Hooli, BI analyst, …": Jane's
                # word is Acme's, not the new interview's
                return alone.command
        elif isinstance(whole, AddInterview | AddInterviewFields):
            continue  # a remark beside a new interview, asked about alone, tells nothing sure
        else:
            # a part asked about ("which interview?", "that day reads two ways") still tells
            # of one kind of change; a story offered as a guess ("Shall I add …?") does not
            offered = [c.command for c in alone.choices if c.command is not None]
            if len({type(said) for said in offered}) != 1 or \
                    isinstance(offered[0], AddInterviewFields):
                continue
        other = next((said for said in offered
                      if isinstance(said, _CHANGES) and not _same_fact(whole, said)), None)
        if other is not None and not any(_same_fact(whole, said) for said in offered):
            return other
    return None


def _names_one(part: str, ctx: Context) -> bool:
    """Whether a part names a tracked interview, by number, company or someone on it."""
    found = Line.of(part, ctx).found
    return bool(found.numbers or found.by_company or found.people)


def _same_fact(whole: object, part: object) -> bool:
    """Whether a part's change is the whole line's, or a piece of it: a call and what was
    said on it, an add with its promise, the same change to the same interview."""
    if isinstance(whole, AddInterview | AddInterviewFields):
        return isinstance(part, RecordPromise | AddInterview | AddInterviewFields)
    same_one = getattr(whole, "interview", None) == getattr(part, "interview", None)
    if isinstance(whole, CorrectInterview) and isinstance(part, CorrectInterview):
        # "Jane's email is …. Her cell is …": two details put right, not one
        return same_one and (whole.field, whole.who) == (part.field, part.who)
    if type(whole) is type(part):
        return same_one
    calls_and_words = {ReportCall, RecordPromise, ReportOutcome}
    # "emailed jane my thank you and she replied that they've already filled the role":
    # the outcome ends the interview, so its note's reminder goes with it
    closes = isinstance(whole, ReportOutcome) and isinstance(part, MarkSent)
    return same_one and ({type(whole), type(part)} <= calls_and_words or closes)


#: Words in quotes ("should've used 'Best' or 'Kind regards'"): said, not anyone's name.
_QUOTED_WORDS = re.compile(r"(?<!\w)['‘\"“][^'’\"”\n]{1,40}['’\"”](?!\w)")
#: Someone put on or taken off, said as its own request: "add Bob Lin from HR too".
_SOMEONE_ADDED = re.compile(r"^(?:also\s+)?(?:add|remove)\s+(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)", re.I)
_TWO_THINGS = Reading(question="You told me two things there, and I want both right: tell me "
                               "one at a time, the thank-you first (e.g. `sent Jane a "
                               "thank-you`), then the rest. I changed nothing yet.")
#: Where one sentence of a line ends and the next begins, or an "also" starts another.
_SENTENCES = re.compile(r"(?<=\S)\s*(?:[.;!]+\s+|,\s*(?=(?:also|and\s+also|oh\s+and|btw)\b))")
