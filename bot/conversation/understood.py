"""Running what free text was understood as: act when sure, ask with buttons when not.

A sure reading runs at once, after one line saying what was understood, so a misreading
is seen straight away. An unsure one becomes a `ChoiceFlow`: a button per reading, each
holding its command; typing its number, its label, `yes` (where there is one thing to
say yes to) or `no` answers too.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from typing import cast

from bot.commands import (
    AddInterview,
    AddInterviewFields,
    BadStepRef,
    CancelInterview,
    Command,
    CorrectInterview,
    DeleteInterview,
    ExplainStep,
    Fix,
    InterviewNumber,
    ListInterviews,
    MarkDone,
    MarkSent,
    OnlyOpenInterview,
    RecordPromise,
    ReportCall,
    ReportOutcome,
    SetPhone,
    ShowPlan,
    Snooze,
    SnoozeUnreadable,
    Unknown,
)
from bot.conversation import command_codec, flows, not_meant
from bot.conversation.dispatch import dispatch
from bot.conversation.flows import CallNewsFlow, ChoiceFlow, Flow, StoredChoice
from bot.conversation.turn import Turn, holidays_near
from bot.messages import Action, ActionId, Reply
from bot.parsing.command_text import REF, read_command
from bot.parsing.dates import find_dates
from bot.parsing.interview_line import parse_interview
from bot.parsing.understanding import Choice, Context, KnownInterview, Reading, understand
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.ambiguity import date_variants, weekday_variants
from bot.parsing.understanding.common import strangers
from bot.parsing.understanding.normalise import normalise
from bot.parsing.understanding.readers.adding import form_as_line, rough_promise
from bot.parsing.understanding.readers.invites import invite_as_line, zone_unread
from bot.parsing.understanding.reading import Line
from bot.parsing.understanding.references import mentions

#: Verbs the grammar knows that people also use in sentences ("called initech, nobody
#: picked up"): when no number follows, the sentence is read in words first.
_WORDY = (MarkSent, ReportCall, DeleteInterview, CancelInterview, Snooze, ShowPlan)
#: Commands whose words may hold a date: a note's or a club's text holds none to settle.
_DATED = (Unknown, AddInterview, RecordPromise, ReportOutcome, Snooze, CorrectInterview,
          MarkSent, ReportCall, CancelInterview, DeleteInterview, ShowPlan, SetPhone)
_YES = frozenset({"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "right",
                  "that's right", "yes please", "please do", "do it"})
_NO = frozenset({"no", "n", "nope", "neither", "none", "nah", "no thanks", "none of these",
                 "not that", "wrong"})


def worth_reading(command: Command, text: str) -> bool:
    """Whether a line deserves the free-text reading rather than the grammar's reply."""
    if isinstance(command, Unknown):
        return True
    if lx.TAKEN_BACK.search(text):  # "called #2 — wait, no, called #1": the words after count
        return True
    words = text.split()
    if isinstance(command, Snooze) and (isinstance(command.span, SnoozeUnreadable)
                                        or _no_step(command)):
        return True
    if isinstance(command, SetPhone):  # "phone interview w juniper foods at 4 today, …"
        return bool(re.match(r"[^\W\d]", command.number))
    if isinstance(command, ReportOutcome) and command.outcome is None:
        return len(words) > 1 and not REF.match(words[1])  # "heard back from raj: …"
    if isinstance(command, ExplainStep):
        return isinstance(command.step, BadStepRef)  # "why friday?"
    if isinstance(command, MarkDone):
        return isinstance(command.step, BadStepRef)  # "done with initech, no more reminders"
    if _doubted(command, text):
        return True
    if isinstance(command, _WORDY):
        return len(words) > 1 and not REF.match(words[1])
    if isinstance(command, CorrectInterview) and isinstance(command.interview, OnlyOpenInterview):
        return True  # "fix teh name, its Dana Woo not Wu": the name says which interview
    if _ADD_AS_PERSON.match(text):  # "add Tom Reyes as an interviewer too"
        return True
    # "Add Tom Greer to the Acme interview, he sat in": a person added, before any comma
    return text.lower().startswith("add ") and " to " in text.lower().split(",")[0]


def _doubted(command: Command, text: str) -> bool:
    """A delete or a cancel by number with words after it that doubt it ("remove #1 — or
    actually maybe just stop the reminders? idk"): nothing ends on those."""
    words = text.split()
    return isinstance(command, (DeleteInterview, CancelInterview)) and len(words) > 2 \
        and _UNSURE_TAIL.search(" ".join(words[2:])) is not None


#: Doubt after a delete's or a cancel's number: a question, an alternative, a hedge.
_UNSURE_TAIL = re.compile(rf"\?|\bor\b|\bidk\b|\bnot\s+sure\b|{lx.HEDGES.pattern}", re.I)
_ADD_AS_PERSON = re.compile(r"(?:(?:please|kindly)\s+)?add\s+.+?\s+as\s+(?:an?\s+|another\s+)?"
                            r"(?:interviewer|person)\b|"
                            # "add Kevin Brooks, he joined halfway through"
                            r"add\s+[^,]+,\s*(?:she|he|they)\s+(?:joined|sat\s+in|came\s+in)\b|"
                            r"add\s+(?=\S+'s\s+e-?mail\b)", re.I)
#: "add Jane's email jane@acme.com": her address, not an interview.
_ADD_ADDRESS = re.compile(r"^add\s+(?=\S+'s\s+e-?mail\b)", re.I)


def context_for(turn: Turn) -> Context:
    interviews = turn.repo.list_interviews(turn.person.id)
    known = tuple(KnownInterview(i.number, i.id, i.company, i.role,
                                 tuple(p.name for p in i.interviewers), i.outcome is None,
                                 i.promise.on if i.promise else None, i.starts_at)
                  for i in interviews)
    return Context(turn.now, turn.tz, known, holidays_near(turn.person.tz, turn.now.year))


#: Verbs that, followed by one of the person's interviews or interviewers ("called acme",
#: "sent jane a note"), make a line a command even while a question waits.
_VERBS = frozenset({"called", "rang", "phoned", "sent", "thanked", "heard", "promised",
                    "snooze", "cancel", "delete", "remove", "fix", "plan", "show"})


def reads_as_command(turn: Turn, text: str, waiting: Flow | None = None) -> bool:
    """Whether a line typed while a question (`waiting`) waits is a command about an
    interview: a command verb before one of them ("called acme"), or words the layer is
    sure change one it names ("can you stop the acme reminders", "jane's email is
    jane@acme.com"). News is the answer, not an aside, when the question is what a call
    brought ("Raj said they'll decide by 12/2")."""
    verb = text.partition(" ")[0].lower().lstrip("/")
    reading = read(turn, text, named_only=True)
    if reading is None:
        return False
    # "oh wait, before that: I sent Jane her thank-you": an aside, said as one.
    aside = (lx.ASIDE_LEAD.match(text) is not None or _ASIDE_AFTER.search(text) is not None) \
        and reading.command is not None
    kinds = _SURE_WHILE_ASKED + (() if isinstance(waiting, CallNewsFlow) else _NEWS)
    if not aside and lx.THEN_ALSO.search(text):
        return False  # "Kim Park. oh and acme said …": the answer first, then news
    # "mute bunnings for the weekend" while the title is asked: the layer asks about it
    # (stop, or pause?), and what it offers is a change to a named interview, no title
    offered = reading.command is None and any(isinstance(c.command, kinds)
                                              for c in reading.choices)
    return verb in _VERBS or isinstance(reading.command, kinds) or aside or offered


#: "Acme thank you is sent btw": an aside, said so at its end.
_ASIDE_AFTER = re.compile(r"[\s,]+(?:btw|by\s+the\s+way|fyi)[.!]*$", re.I)


#: Changes sure enough, naming an interview, to run while a question waits: none of them
#: answers "what's the role?", "who interviewed you?" or "when is the next round?"
#: ("Initech offered me the job!" is news about Initech, not a date).
_SURE_WHILE_ASKED = (CancelInterview, DeleteInterview, CorrectInterview, ShowPlan,
                     ListInterviews,
                     # "Just sent the thank you to Jane! 🎉", "remind me about the acme note
                     # in 2h": no title, name or day, whatever was asked
                     MarkSent, Snooze)
#: News, which answers only the question of what a call brought.
_NEWS = (ReportOutcome, RecordPromise)


def read_for(turn: Turn, command: Command, text: str) -> Reading | None:
    """The reading to use instead of what the grammar made of the line, if any."""
    if isinstance(command, AddInterview) and _PUT_RIGHT_AFTER.search(text):
        # "add Stark Industries, …, 20/11 at 3pm with Pepper Potts — actually it was half 3"
        return Reading(question="You put part of that right as you typed, so I haven't "
                                "added it yet: send the `add` line again the way it should "
                                "be, and I'll add it.")
    if isinstance(command, AddInterview) and _ADD_TAKEN_BACK.search(text):
        # "Add an interview: … Actually wait, don't add it, I already withdrew"
        return Reading(question="You said not to add it after all, so I haven't. If you "
                                "change your mind, send the `add` line again on its own.")
    if isinstance(command, AddInterview) and _UNSURE_AFTER.search(text):
        # "add Acme … with Jane Smith... oh hang on, I think it was 3? let me check"
        return Reading(question="You weren't sure of part of that, so I haven't added it "
                                "yet: send the `add` line again once you've checked, and "
                                "I'll add it.")
    if isinstance(command, AddInterview) and lx.THIRD_PARTY.search(text.split(":")[0]):
        # "add my brother's interview: Vandelay Industries, …": someone else's to follow
        return Reading(question="That sounds like someone else's interview, so I haven't "
                                "added it: I coach the person who went. If you want it "
                                "tracked here anyway, send the `add` line on its own.")
    if isinstance(command, AddInterview) and zone_unread(text, turn.now, turn.tz):
        return Reading(question="That invite gives its time in a zone I can't put on your "
                                "clock for sure, so I haven't added it: send it as `add "
                                "<company>, <role>, <day and time as it is for you>, with "
                                "<names>`.")
    if isinstance(command, AddInterview) and (
            form_as_line(text) or invite_as_line(text, turn.now, turn.tz)) is not None:
        return read(turn, text)  # "new one:\n- **company:** Chase\n…", an invite pasted
    clash = _renamed_as_another(turn, command)
    if clash is not None:
        return clash
    if isinstance(command, AddInterview) and _PASTED_MESSAGE.search(command.text):
        # "add this: "Hi Sam, confirming your interview for …"": their message, read as one
        return read(turn, command.text) or Reading(
            question="That reads as their message, so I haven't added it from its words "
                     "alone. Send it as `add <company>, <role>, <when>, with <names>`.")
    if isinstance(command, AddInterview) and _TOLD_AS_STORY.match(command.text):
        # "Please add another one. I did interview with Zenith Bank for …": a story after
        # the verb, whose first words are no company; read as the story it is.
        return read(turn, command.text) or Reading(
            question="I couldn't read that as an interview for sure, so I haven't added it. "
                     "Send it as `add <company>, <role>, <when>, with <names>`, or tell me "
                     "about it in a sentence.")
    no_day = _only_a_clock(command, turn)
    if no_day is not None:
        return no_day
    if isinstance(command, AddInterview) and _THEY_ARE_IN.search(text):
        # "add …, tomorrow at 10 (they're in seattle), …": whose 10?
        return Reading(question="Is the time in that line yours, or the employer's? I haven't "
                                "added it yet: send it again with the time as it is where you "
                                "are, and put their city after the company (`add Acme in "
                                "Seattle, …`) so I keep their office hours in mind.")
    if isinstance(command, Snooze) and lx.DAY_WEEK.search(text):
        # "snooze 2 till tomorrow week": a week after tomorrow, which the words read right
        reading = read(turn, text)
        if reading is not None:
            return reading
    rough = rough_promise(command, turn.now, turn.tz) if isinstance(command, AddInterview) \
        else None
    if rough is not None:
        return rough
    if not worth_reading(command, text):
        return None
    # "delete it. wait no, just stop the reminders": what follows the take-back is read,
    # whether or not it names an interview.
    taken_back = lx.TAKEN_BACK.search(text) is not None
    named_only = needs_a_name(command) and not taken_back and not _ADD_AS_PERSON.match(text) \
        and not _points_at_one(command, text) and not _doubted(command, text) \
        and not (isinstance(command, ReportCall) and lx.CANCEL_CUES.search(text))
    # ("called twice, no answer, just stop bugging me": a stop beside the call is read too)
    reading = read(turn, text, named_only=named_only)
    if reading is None and taken_back:
        # The grammar would act on the words taken back ("called 2 wait no 1, …").
        return Reading(question="You took part of that back, and I couldn't read the rest "
                                "for sure, so I changed nothing. Say it again in one go, "
                                "the way you mean it.")
    if reading is None and named_only and not isinstance(command, CorrectInterview) \
            and not mentions(text, context_for(turn).known).numbers \
            and _names_a_stranger(turn, text):
        # "Called Globex, no answer", with only Acme tracked: the grammar would put it on
        # the one open interview, which it is not about.
        return Reading(question="Which interview is that about? I don't track the one you "
                                "named; `list` shows the ones I do, by number.")
    if reading is None and named_only and lx.THIRD_PARTY.search(text):
        # "called the garage re the car. no answer": the grammar would put it on the one
        # open interview, and it is about something else
        return Reading(question="That sounds like it's about someone or something else, so I "
                                "changed nothing. If it was about one of your interviews, "
                                "name it (`called Acme, no answer`).")
    if reading is None and _ADD_ADDRESS.match(text):
        # "add Dana's email …" with no Dana among the interviewers: no interview to start
        return Reading(question="I couldn't find that person among your interviewers, so I "
                                "changed nothing. `list` shows them; `fix <n> email <name> "
                                "<address>` gives one an address.")
    if isinstance(command, ExplainStep) and (
            reading is None or not isinstance(reading.command, ExplainStep)):
        return None  # "why soon": the grammar's own reply says what a step looks like
    return reading


def _renamed_as_another(turn: Turn, command: Command) -> Reading | None:
    """`fix 2 company Acme Inc` while #1 is Acme: the wrong number, or the same employer
    twice? Asked, with the change as its button."""
    if not (isinstance(command, CorrectInterview) and command.field is Fix.COMPANY
            and isinstance(command.interview, InterviewNumber) and command.value.split()):
        return None
    known = context_for(turn).known
    first = command.value.split()[0].casefold()
    other = next((k for k in known if k.number != command.interview.number
                  and k.company.split() and k.company.split()[0].casefold() == first), None)
    this = next((k for k in known if k.number == command.interview.number), None)
    if other is None or this is None:
        return None
    return Reading(question=f"#{other.number} is {other.company} already. Rename "
                            f"#{this.number} ({this.company}) to {command.value} as well?",
                   choices=(Choice(f"Yes, rename #{this.number}", command), Choice("No", None)))


def _only_a_clock(command: Command, turn: Turn) -> Reading | None:
    """`add Wonka Industries, chocolatier, 10am with Mr. Slugworth`: a time with no day,
    which the line reader takes as today's; today's or tomorrow's is asked."""
    if not isinstance(command, AddInterview):
        return None
    parsed = parse_interview(command.text, turn.now, turn.tz)
    clock = next((t for t in find_dates(command.text) if t.kind == "time"), None)
    if parsed.starts_at is None or parsed.day_given or clock is None:
        return None
    return Reading(question=f"{clock.text}: today's or tomorrow's? I haven't added it yet.",
                   choices=(*(Choice(f"{day.capitalize()} at {clock.text}", AddInterview(
                       f"{command.text[:clock.start]}{day} {command.text[clock.start:]}",
                       command.again)) for day in ("today", "tomorrow")),
                            Choice("Neither", None)))


#: A message pasted after `add`: in quotes, with a greeting, or with its mail headers.
_PASTED_MESSAGE = re.compile(r"^\W*(?:this(?:\s+one)?(?:\s+too)?\W*)?(?:[\"“'](?=\s*(?:hi|hello|"
                             r"hey|dear)\b)|(?:hi|hello|dear)\s+[A-Z][\w'-]*\s*[,!])|^\s*(?:from|"
                             r"subject|sent|to)\s*:", re.I | re.M)
#: An `add` whose words are a story, not fields: "add: I did interview with Zenith Bank…".
_TOLD_AS_STORY = re.compile(r"\W*(?:i|we)\s+(?:just\s+)?(?:did|had|went|was|got|interviewed|met|"
                            r"attended|sat)\b", re.I)
#: "(they're in seattle)" beside an add line's time: whose clock is it?
_THEY_ARE_IN = re.compile(r"\(\s*(?:they'?re|they\s+are|office\s+is|team\s+is|based)\s+"
                          r"(?:based\s+)?in\s+[a-z]+", re.I)


#: A fact put right at the end of an add line: "… — actually it was half 3".
_PUT_RIGHT_AFTER = re.compile(r"(?:[—–]|\s-\s|[.,;])\s*(?:oh\s+)?(?:actually|sorry|i\s+mean|"
                              r"correction|wait)\b[,:]?\s*(?:it\s+was|it'?s|make\s+(?:it|that)|"
                              r"no\b)", re.I)


#: The add itself taken back as it was typed: "… Actually wait, don't add it".
_ADD_TAKEN_BACK = re.compile(r"\b(?:don'?t|do\s+not|no\s+need\s+to)\s+(?:add|track|save|"
                             r"put\s+in)\s+(?:it|this|that|this\s+one|that\s+one)\b", re.I)


#: Doubt about the line, after it: "… with Jane Smith... oh hang on, I think it was 3?".
_UNSURE_AFTER = re.compile(r"(?:[—–]|\s-\s|[.,;…])\s*(?:oh\s+|wait\s*,?\s*)?(?:actually\s+)?(?:"
                           # "— wait actually hold off, she might need to move it"
                           r"hold\s+off|i'?ll\s+confirm\s+(?:it\s+)?later|(?:hang|hold)\s+on|"
                           r"let\s+me\s+(?:check|double[\s-]check)|i\s+think\s+it\s+was|"
                           r"not\s+(?:100\s*%\s+)?sure\s+(?:if|whether|about|of))\b", re.I)


def _names_a_stranger(turn: Turn, text: str) -> bool:
    """The line names a company or a word the coach can't place ("called Globex")."""
    ctx = context_for(turn)
    line = Line.of(normalise(text, [p for k in ctx.known for p in (k.company, *k.names)]), ctx)
    return strangers(line, ctx)


def needs_a_name(command: Command) -> bool:
    """Whether a grammar verb's line must name an interview to be read in words: "called
    initech" must, "why friday?" (about a day, not an interview) need not."""
    return not (isinstance(command, Unknown | ExplainStep | SetPhone) or _no_step(command)
                # "done the thank you card, posted it": no step number, the note's news
                or (isinstance(command, MarkDone) and isinstance(command.step, BadStepRef))
                # "sent the thank you note": the note, not a person called that
                or (isinstance(command, MarkSent) and lx.NOTE_WORDS.search(command.to) is not None))


#: "snooze that till friday", "snooze it 2h", "snooze till tomorrow": the step meant is
#: the one open interview's.
_POINTING = frozenset({"that", "it", "this", "them", "those", "till", "until", "til", "for",
                       "the", "my"})  # "snooze the analyst one 3 hours"


def _points_at_one(command: Command, text: str) -> bool:
    """"remove it or just stop reminders?": a delete or stop about "it", read in words."""
    words = text.lower().split()
    return isinstance(command, DeleteInterview | CancelInterview) and len(words) > 1 \
        and words[1].strip(",.?!") in _POINTING


def _no_step(command: Command) -> bool:
    return isinstance(command, Snooze) and (command.step is None or (isinstance(
        command.step, BadStepRef) and command.step.said.lower() in _POINTING))


def read(turn: Turn, text: str, *, named_only: bool = False) -> Reading | None:
    """The line's reading; with `named_only`, only if the line names one of the person's
    interviews or interviewers ("called initech", not "called 1234567" or "snooze x 2h",
    whose own replies say what was wrong)."""
    ctx = context_for(turn)
    text = _ADD_ADDRESS.sub("", text)
    if named_only:
        found = mentions(text, ctx.known)
        by_day = Line.of(text, ctx).found.numbers - found.numbers  # "the one from Friday"
        if not (found.by_company or found.people or by_day):
            return None
    return understand(text, ctx)


#: How long a proposal read from someone else's words (a forwarded email, a message
#: "Follow up on this" was used on) waits for its answer: it holds a few of those words.
PROPOSAL_LIFETIME = timedelta(days=7)


def act(turn: Turn, reading: Reading, keep_for: timedelta | None = None,
        resume: Flow | None = None) -> list[Reply]:
    """Run a sure reading, or store its question; `keep_for` bounds how long the question
    (and the words it holds) waits for an answer, and `resume` is the question asked again
    if the person picks the choice that changes nothing."""
    if reading.command is not None:
        undo = not_meant.before(turn, reading.command) if reading.understood else None
        replies = dispatch(turn, reading.command)
        if reading.understood:
            replies.insert(0, Reply(text=f"I read that as: {reading.understood}",
                                    actions=not_meant.button(turn, undo)))
        return replies
    if not reading.choices:
        return [Reply(text=reading.question)]
    stored = tuple(StoredChoice(_code(), c.label, None if c.command is None
                                else cast(dict[str, object], command_codec.encode(c.command)))
                   for c in reading.choices)
    flow = ChoiceFlow(reading.question, stored, edit=reading.editable,
                      until=None if keep_for is None else turn.now + keep_for,
                      resume=None if resume is None else flows.dump(resume))
    turn.set_flow(flow)
    return [ask(flow)]


def two_dates(turn: Turn, text: str, command: Command) -> tuple[str, list[Reply]]:
    """A date that reads two ways: settle it by its weekday, or ask which was meant.

    Returns the line to go on with, and the replies when a question was asked instead.
    """
    if not isinstance(command, _DATED):
        return text, []  # "check 1 … a 1/2 day" is no date
    found = date_variants(text, turn.now, turn.tz)
    if not found and isinstance(command, AddInterview):
        found = weekday_variants(text, turn.now, turn.tz)
    if len(found) == 1:
        return found[0].text, []
    if not found:
        return text, []
    choices = []
    for variant in found:
        meant = _command_for(turn, variant.text)
        if meant is None:
            days = " or ".join(f"{v.day:%-d %B %Y}" for v in found)
            return text, [Reply(text=f"Did you mean {days}? I changed nothing; please say "
                                     "it again with the month's name (`4 Dec`), so I can't "
                                     "get it wrong.")]
        choices.append(Choice(f"{variant.day:%a %-d %b %Y}", meant))
    reading = Reading(question="That date reads two ways. Which did you mean?",
                      choices=(*choices, Choice("Neither", None)))
    return text, act(turn, reading)


def _command_for(turn: Turn, text: str) -> Command | None:
    """What one reading of a two-way date would do, if it is sure of it."""
    command = read_command(text, turn.now, turn.tz)
    if worth_reading(command, text):
        reading = read_for(turn, command, text)
        return None if reading is None else reading.command
    return None if isinstance(command, Unknown) else command


def ask(flow: ChoiceFlow) -> Reply:
    options = " ".join(f"{n}. {c.label}" for n, c in enumerate(flow.choices, 1))
    actions = [Action(ActionId.CHOOSE, c.label, str(c.code)) for c in flow.choices]
    acting = [c for c in flow.choices if c.command is not None]
    if flow.edit and len(acting) == 1:
        # Last, so the buttons' numbers match the choices' numbers in the question.
        actions.append(Action(ActionId.EDIT, "Edit", str(acting[0].code)))
    return Reply(text=f"{flow.question} ({options})", actions=tuple(actions))


def _code() -> int:
    return 100_000 + secrets.randbelow(900_000)


def _earlier(flow: Flow | None) -> Flow | None:
    """The question a choice stepped in front of, if it can still be read."""
    if not isinstance(flow, ChoiceFlow) or flow.resume is None:
        return None
    try:
        return flows.load(flow.resume)
    except flows.StaleFlow:
        return None


def pressed(turn: Turn, value: str) -> list[Reply]:
    """A choice's button: it counts only while its question is the one waiting."""
    flow = turn.flow()
    if not isinstance(flow, ChoiceFlow):
        return [Reply(text="That question has passed, so I changed nothing. Tell me again "
                           "if it still matters.", replace_original=False)]
    chosen = next((c for c in flow.choices if str(c.code) == value), None)
    if chosen is None:
        return [Reply(text="That button belongs to an earlier question, so I changed "
                           "nothing.", replace_original=False)]
    return _run(turn, chosen)


def answered(turn: Turn, flow: ChoiceFlow, text: str) -> list[Reply] | None:
    """A typed answer to the choice; None when the text is no answer to it."""
    said = text.lower().strip(" .!")
    chosen: StoredChoice | None = None
    acting = [c for c in flow.choices if c.command is not None]
    if said in _YES and len(acting) == 1:
        chosen = acting[0]  # "yes" picks only where there is one thing to say yes to
    elif said in _NO:
        chosen = next((c for c in flow.choices if c.command is None), None)
        if chosen is None:
            turn.set_flow(None)
            return [Reply(text="OK, I left everything as it was.")]
    elif said.isdigit() and 1 <= int(said) <= len(flow.choices):
        chosen = flow.choices[int(said) - 1]
    else:
        chosen = next((c for c in flow.choices if c.label.lower() == said), None)
    return None if chosen is None else _run(turn, chosen)


def about_the_add_offered(flow: ChoiceFlow, text: str) -> bool:
    """Whether a line names the company or someone of an interview this choice offers to
    add ("Shall I add … Canva … with Mia Wong and Tom O'Brien?", then "sent tom his thank
    you"): it is about that interview, which is not added until the choice is answered. A
    line that tells an interview again ("Can you add my archivist interview at …") is
    its own."""
    if _TELLS_AN_INTERVIEW.search(text):
        return False
    for choice in flow.choices:
        if choice.command is None:
            continue
        try:
            command = command_codec.decode_command(choice.command)
        except (ValueError, TypeError):
            continue
        told = command.text if isinstance(command, AddInterview) else \
            f"{command.company} {command.interviewers}" \
            if isinstance(command, AddInterviewFields) else None
        if told is not None:
            names = {w.lower().removesuffix("'s") for w in _CAPITALISED.findall(told)}
            said = {w.lower().removesuffix("'s") for w in re.findall(r"[\w'-]+", text)}
            if names & said - _NOT_NAMES:
                return True
    return False


_TELLS_AN_INTERVIEW = re.compile(r"\badd\b|\binterview", re.I)
#: Capitalised words of an add line: its company and its people.
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")
#: Capitalised words of an add line that name no one: "Add", "Friday", "I".
_NOT_NAMES = frozenset({"add", "i", "the", "a", "an", "and", "with", "at", "on", "for", "they",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "today", "tomorrow", "yesterday", "next", "this"})


def _run(turn: Turn, chosen: StoredChoice) -> list[Reply]:
    flow = turn.flow()
    turn.set_flow(None)
    if chosen.command is None:
        earlier = _earlier(flow)
        if earlier is not None:
            turn.set_flow(earlier)
            return [Reply(text=f"OK, I left everything as it was. Back to my question: "
                               f"{earlier.question}")]
        return [Reply(text="OK, I left everything as it was.")]
    try:
        command = command_codec.decode_command(chosen.command)
    except (ValueError, TypeError):
        return [Reply(text="I couldn't read that choice any more (I was updated since), "
                           "so I changed nothing. Please tell me again.")]
    replies = dispatch(turn, command)
    earlier = _earlier(flow) if isinstance(flow, ChoiceFlow) and flow.again else None
    if earlier is not None and turn.flow() is None:
        # The question this one stepped in front of comes back once it is settled.
        turn.set_flow(earlier)
        replies.append(Reply(text=f"Back to my question: {earlier.question}"))
    return replies
