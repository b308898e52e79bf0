"""After a call someone answered: what did they say? The plan follows the answer.

An outcome closes the interview, a day they named becomes the promise that moves the
next call, and "no news" keeps the plan. Anything else is asked again: a guess here
would close or move something on a misreading.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from bot.commands import CallNews, InterviewRecord, RecordPromise, ReportOutcome
from bot.conversation import not_meant
from bot.conversation.flows import CallNewsFlow
from bot.conversation.handlers import progress
from bot.conversation.turn import Turn, holidays_near
from bot.messages import Reply
from bot.model import CallResult, Interview, Outcome, Promise, PromiseKind
from bot.parsing import parse_promise, parse_when
from bot.parsing.command_text import another_round, outcome_in
from bot.parsing.promises import next_weekday_two_ways, round_day_two_ways
from bot.parsing.understanding import Context, KnownInterview, understand
from bot.parsing.understanding.ambiguity import date_variants
from bot.parsing.understanding.lexicon import (
    A_UNIT_OR_TWO,
    A_WEEK_ONLY,
    ANOTHER_ROLE,
    HEDGES,
    NOT_BEFORE,
    NOT_FINAL,
    NOT_REJECTED,
    NOT_THEIR_WORD,
    OWN_PLAN,
    PROMISE_CUES,
    SOMETIME,
    THEN_ALSO,
)
from bot.parsing.understanding.reading import Choice, Reading
from bot.parsing.understanding.references import mentions

#: Words that say who acts next: they decide (and tell you), or you call them.
_THEY_DECIDE = re.compile(r"\b(?:decid\w*|decision|let (?:me|you) know|get back|hear back|"
                          r"(?:should|will|'ll|would|'d) know|^by\b|"
                          r"be in touch|reach(?:ing)? out|should hear|hear by|eod|cob|"
                          r"end of (?:the )?(?:day|business)|give (?:it|us|them) |"
                          r"need (?:\w+ )?(?:until|till|time))\b", re.I)
_YOU_CALL = re.compile(r"\b(?:call|ring|phone|telephone|try (?:her|him|them|again)|check in|"
                       r"check back|follow up)\b", re.I)
#: Their call to you: "they'll call me Monday", "she'll ring me back", "Raj will call me
#: back within 2 business days".
_THEY_CALL_YOU = re.compile(r"\b(?:they|she|he|hr|someone|(?-i:[A-Z][a-z]+))(?:'ll|\s+will|"
                            r"\s+would|'d|"
                            r"\s+are\s+going\s+to|'re\s+going\s+to)\s+(?:call|ring|phone|email|"
                            # "they'll call in 4 days": "me" left out
                            r"text)(?:\s+(?:me|you)\b|(?:\s+back)?\b(?!\s+(?:them|her|him|us|"
                            r"the|their|to)\b))", re.I)
_ASKED_BACK = re.compile(
    r"\b(?:wants? me (?:back|to come back|to come in again)|want me in again|"
    r"(?:asked|invited) me (?:back|in again)|come back in|second interview|"
    r"another interview)\b", re.I)
_NO_NEWS = re.compile(
    r"^(?:no news|nothing(?: new| yet)?|no update|not yet|still deciding|they'?re still "
    r"deciding|no decision(?: yet)?|nothing to report)\b", re.I)


def answer(turn: Turn, flow: CallNewsFlow, text: str) -> list[Reply] | None:
    """The reply to what the call brought; None when the question has lapsed (its
    interview closed or gone since), so the line is read as any other."""
    interview = turn.owned_interview(flow.interview_id)
    if interview is None or not interview.is_open:
        turn.set_flow(None)
        return None
    if THEN_ALSO.search(text):
        # "said to call back Monday. also his last name is Patil": two things, each of
        # which changes something; one at a time, so neither is half done.
        return [Reply(text="You told me two things there, and I want both right, so I changed "
                           f"nothing yet. First, what did {interview.company} say on the call? "
                           "Then tell me the other on its own.")]
    if _NOBODY_AFTER_ALL.search(text) and _NEVER_CONNECTED.search(text):
        return [Reply(text="If you hung up before it rang through, nobody had the chance to "
                           "answer, so I've changed nothing yet. Say `actually, nobody "
                           f"answered` to record the call to {interview.company} "
                           f"(#{interview.number}) as not picked up, or tell me what they said "
                           "if you did get through.")]
    if _NOBODY_AFTER_ALL.search(text) and not _A_CONVERSATION.search(text) and interview.calls \
            and interview.calls[-1].result is CallResult.ANSWERED:
        # "oh wait, it went to voicemail actually": the call just recorded as answered was
        # not; put right, and there is nothing they said to ask about.
        turn.repo.set_last_call_result(interview.id, CallResult.NO_ANSWER)
        turn.set_flow(None)
        return [Reply(text=f"Put right: nobody picked up on your call to {interview.company} "
                           f"(#{interview.number}), so I've recorded it as no answer. The "
                           "plan stays as it was: one more try if you don't hear back.")]
    if _NOT_SURE_YET.search(text):
        # "rejected. actually hang on, let me reread my notes", "did i type 2? i meant
        # acme": said, then held back; nothing is recorded from it.
        return [Reply(text=f"No problem: I changed nothing, and the question stays open. When "
                           f"you're sure, tell me what {interview.company} "
                           f"(#{interview.number}) said; if you called another of your "
                           "interviews, say `cancel` and tell me that one instead.")]
    if _FROM_ELSEWHERE.search(text) and not _I_WITHDREW.search(text):
        # "offer!! but from a different company lol, Initech just said wait": whose news
        # is which is not for me to sort out; nothing is recorded against this call.
        return [Reply(text=f"That sounds like news from another company, so I changed nothing "
                           f"for {interview.company} (#{interview.number}). What did "
                           f"{interview.company} say on the call (an offer, a no, a next round, "
                           "a day, or no news yet)? Another company's interview is added like "
                           "`add <company>, <role>, <when> with <names>`.")]
    if _PUT_OFF.search(text) and not PROMISE_CUES.search(text) and outcome_in(text) is None:
        # "can you remind me tomorrow at 8, I'm driving the bus": their news, not now. The
        # question stays open; nothing in the plan moves for it.
        return [Reply(text=f"No rush. I'll keep the question open, and nothing changes "
                           f"meanwhile: when you can, tell me what {interview.company} said "
                           "(an offer, a no, a next round, a day, or no news yet).")]
    if OWN_PLAN.search(text) and not _THEIR_WORD.search(text):
        # "I'm going to call back monday": the person's own plan, not what they were told
        return [Reply(text=f"That's your own plan, so I haven't planned around it. What did "
                           f"{interview.company} say on the call (an offer, a no, a next "
                           "round, a day, or no news yet)?")]
    # What they said is read from words: whatever it changes, "Not what I meant" takes
    # back, and asks "what did they say?" again.
    undo = not_meant.keep(turn, interview)
    return not_meant.attach(turn, undo, _answered(turn, interview, text.strip()))


#: The person pulling out, told as what happened on the call.
_I_WITHDREW = re.compile(r"\bi(?:'m|\s+am|\s+was)?\s+(?:withdr[ae]w\w*|pulling\s+out|pulled\s+out)|"
                         r"\btold\s+(?:them|him|her)\s+i'?m\s+(?:withdrawing|pulling\s+out)", re.I)
#: Their word, beside the person's plan: "she said to call back monday, so I'll do that".
_THEIR_WORD = re.compile(r"\b(?:they|she|he|[A-Z][a-z]+)\s+(?:said|says|told|asked|wants?)\b")
#: The call was not answered after all: "it went to voicemail actually", "misclicked,
#: nobody picked up", "it actually rang out, pressed the wrong thing".
_NOBODY_AFTER_ALL = re.compile(
    r"^(?=.*\b(?:voice\s*mail|(?:nobody|no\s*one)\s+(?:\w+\s+)?(?:picked\s+up|answered|was\s+there)|"
    r"didn'?t\s+(?:reach\s+any(?:one|body)|get\s+through)|rang\s+out|went\s+unanswered)\b)"
    r"(?=.*\b(?:actually|sorry|mis-?click\w*|wrong\s+(?:button|thing|one)|by\s+mistake|"
    r"messed\s+up|i\s+meant|wait|oops|pressed|tapped|hit)\b)", re.I | re.S)
#: Someone was spoken to: "… was fully prepared for voicemail. … She remembered me".
_A_CONVERSATION = re.compile(r"\b(?:she|he|they)\s+(?:said|remembered|told|asked|mentioned)\b|"
                             r"\b(?:picked\s+up\s+on|spoke\s+to|talked\s+to)\b", re.I)
#: A question of the person's own, put before anything they were told.
_ASKS_FIRST = re.compile(r"^\W*(?:(?:well|so|ok(?:ay)?|hmm+|um+|erm?)\b[\s,]*)?(?:"
                         r"(?:should|shall|can|could|do|is|would)\s+i\b[^.!]*\?|"
                         # "well should I call em again Friday or just sit tight": asked in
                         # its words, with or without the mark
                         r"(?:should|shall)\s+i\b[^.!?]*|"
                         # "why did you tell me to call today anyway, they said Friday": a
                         # question about the coach's plan, whatever follows it
                         r"(?:why|how\s+come)\s+(?:did|do|does|are|is)\s+(?:you|it|the\s+plan)\b.*)"
                         r"\s*$", re.I)
#: "I hung up before it connected": no call nobody answered, perhaps no call at all; asked.
_NEVER_CONNECTED = re.compile(r"\bbefore\s+(?:it\s+)?(?:connected|rang|went\s+through|"
                              r"(?:it\s+)?(?:even\s+)?(?:started\s+)?ringing)\b", re.I)
#: An answer held back as it is given: "hang on, let me reread my notes", "did i type 2?".
_NOT_SURE_YET = re.compile(r"\b(?:hang|hold)\s+on\b|\blet\s+me\s+(?:check|reread|re-read|look|"
                           r"double[\s-]check)\b|\bbefore\s+you\s+(?:write|record|put|log|save)\b|"
                           r"\bdid\s+i\s+(?:type|put|press|pick|choose)\b|\bi\s+meant\s+(?!to\b)|"
                           # "oops I actually called acme not initech": another one called
                           r"\bcalled\s+[\w&'-]+\s*,?\s+not\s+[\w&'-]+|\bcalled\s+[\w&'-]+\s+instead\b",
                           re.I)
#: News from somewhere else, told in answer to the call's question.
_FROM_ELSEWHERE = re.compile(r"\b(?:from|at|with|by)\s+(?:a\s+|an\s+)?(?:different|another|"
                             r"other)\s+(?:company|place|firm|job|employer|one)\b", re.I)
#: A lone "no": whose no is not said.
_BARE_NO = re.compile(r"\s*(?:no+|nope|nah|naw)\s*[.!]*\s*", re.I)
#: Their news put off for now: "remind me later", "can't talk, driving".
_PUT_OFF = re.compile(r"^(?:(?:can|could)\s+you\s+|pls\s+|please\s+)?remind\s+me\b|"
                      r"\bcan'?t\s+(?:talk|type|text)\b|\bi'?m\s+(?:driving|at\s+work|on\s+shift)\b|"
                      r"\b(?:tell|update)\s+you\s+later\b", re.I)


def runs_on_its_own(turn: Turn, flow: CallNewsFlow, text: str) -> bool:
    """Whether the line is for another of the person's interviews, named by its company
    and not the one called ("acme just emailed me an offer!" after calling Initech), or a
    question of their own: either runs as its own line, and the call's question waits."""
    from bot.conversation.understood import context_for  # it dispatches here

    interview = turn.owned_interview(flow.interview_id)
    if interview is None or _NOT_SURE_YET.search(text):
        return False  # "did i type 2? i meant acme": about this question, answered below
    if _ASKS_FIRST.match(text):
        # "Should I call them again tomorrow or is too much?": a question for the coach,
        # answered as any line is; what they said on the call is asked again after it
        return True
    second = THEN_ALSO.search(text)  # "they offered!! also I sent the Acme thank-you":
    first = text if second is None else text[:second.start() + 1]  # the news comes first
    # "acme offered me the job btw!! initech still deciding": the first sentence's news,
    # when it names one
    sentence = re.split(r"(?<=[.!?])\s+|\s+btw\b", first, maxsplit=1)[0]
    if mentions(sentence, context_for(turn).known).by_company:
        first = sentence
    found = mentions(first, context_for(turn).known)
    return bool(found.by_company) and interview.number not in found.numbers


def _someone_elses(turn: Turn, interview: Interview, said: str) -> list[Reply] | None:
    """"Jane said they'll decide by Friday" after calling Initech, Jane being Acme's:
    whose news it is is asked, and nothing changes."""
    from bot.conversation.understood import context_for  # it dispatches here

    ctx = context_for(turn)
    found = mentions(said, ctx.known)
    others = [k for k in ctx.known if k.number in found.people and k.number != interview.number]
    if not others or interview.number in found.numbers:
        return None
    other = others[0]
    who = found.people[other.number][0]
    return [Reply(text=f"{who} is from {other.company} (#{other.number}), and you called "
                       f"{interview.company}: I changed nothing. Tell me whose news that is "
                       f"(e.g. `{other.company} will decide by Friday`), and what "
                       f"{interview.company} said on the call.")]


def _round_on_a_holiday(turn: Turn, said: str) -> date | None:
    """The public holiday a next round's day, as said, falls on, if it does."""
    moment = parse_when(said, turn.now, turn.tz)
    day = None if moment is None else moment.astimezone(turn.tz).date()
    return day if day is not None and day in holidays_near(turn.person.tz, day.year) else None


def _answered(turn: Turn, interview: Interview, said: str) -> list[Reply]:
    elsewhere = _someone_elses(turn, interview, said)
    if elsewhere is not None:
        return elsewhere
    if _I_WITHDREW.search(said):
        # "I told them I'm withdrawing. I took the Acme offer …": what the call brought is
        # the person's own no, whatever day the rest names
        turn.set_flow(None)
        return progress.record_outcome(turn, interview, Outcome.WITHDREW, said=said)
    if _BARE_NO.fullmatch(said):
        # "no" to "what did they say?": they said no, or nothing to tell yet? Asked.
        from bot.conversation.understood import act  # the understood module dispatches here

        record = InterviewRecord(interview.id)
        return act(turn, Reading(
            question=f"Did {interview.company} say no to you, or is there no news yet?",
            choices=(Choice("They said no", ReportOutcome(record, Outcome.REJECTED)),
                     Choice("No news yet", CallNews(record, no_news=True)),
                     Choice("Neither", None))), resume=turn.flow())
    said = _day_put_right(said)  # "by the 2nd, no sorry the 3rd": the 3rd
    outcome = outcome_in(said)
    if outcome is not None and NOT_FINAL.search(said):
        outcome = None  # "will send an offer once the budget's approved": not yet theirs
    if outcome is Outcome.REJECTED and NOT_REJECTED.search(said):
        outcome = None  # "they're not rejecting me, just still interviewing people"
    if outcome is Outcome.REJECTED and (another_round(said) or _ASKED_BACK.search(said)
                                        or ANOTHER_ROLE.search(said)):
        # "rejected for QA but they want me for the automation role": two pieces of news,
        # and which closes what is the person's to say
        return [Reply(text="That sounds like a no for this role and an invitation for "
                           "another. I changed nothing: say `they said no` to close this one, "
                           "and add the new role as its own interview (`add …`).")]
    local_today = turn.now.astimezone(turn.tz).date()
    if outcome is None and (another_round(said) or (
            # "they want me back Dec 1 at 10": asked back is a next round, on the day said;
            # "… next Thursday at 2" is recorded below and its day asked, not guessed
            _ASKED_BACK.search(said) and not HEDGES.search(said)
            and round_day_two_ways(said, local_today) is None)):
        outcome = Outcome.NEXT_ROUND
    if outcome is not None and HEDGES.search(_WHEN_UNSURE.sub(" ", said)):
        # "she said I might get a second round, they're still deciding": a maybe
        return [Reply(text="That sounds like it isn't settled yet, so I changed nothing. If "
                           f"{interview.company} has decided, tell me what (`they want me back "
                           "Tuesday at 10`, `they said no`); if they're still deciding, say "
                           "`no news yet`, with the day they gave if they gave one.")]
    if outcome is Outcome.NEXT_ROUND and round_day_two_ways(said, local_today) is not None:
        # "second round next tuesday at 2" (or "tuesday at 2"), said on a Monday: which
        # Tuesday is asked
        asked = _which_day(turn, interview, said, ReportOutcome)
        if asked is not None:
            return asked
    variants = [v for v in date_variants(said, turn.now, turn.tz) if v.day > local_today] \
        if outcome is Outcome.NEXT_ROUND else []
    if len(variants) > 1:
        # "second round! on 1/12 at 3pm": the 1st of December, or the 12th of January?
        from bot.conversation.understood import act  # the understood module dispatches here

        record = InterviewRecord(interview.id)
        return act(turn, Reading(
            question="A next round: that date reads two ways. Which is it?",
            choices=(*(Choice(f"{v.day:%a %d %b}", ReportOutcome(record, Outcome.NEXT_ROUND,
                                                                   said=v.text))
                       for v in variants), Choice("Neither", None))), resume=turn.flow())
    holiday = _round_on_a_holiday(turn, said) if outcome is Outcome.NEXT_ROUND else None
    if holiday is not None:
        # "a final round thursday at 10", Thursday being Thanksgiving: a slip, or so?
        from bot.conversation.understood import act  # the understood module dispatches here

        record = InterviewRecord(interview.id)
        return act(turn, Reading(
            question=f"A next round with {interview.company} on {holiday:%a %d %b}? That's "
                     "a public holiday where you are.",
            choices=(Choice("Yes, that day", ReportOutcome(record, Outcome.NEXT_ROUND,
                                                           said=said)),
                     Choice("A next round, day to come", ReportOutcome(
                         record, Outcome.NEXT_ROUND)),
                     Choice("Neither", None))), resume=turn.flow())
    if outcome is not None:
        turn.set_flow(None)
        return progress.record_outcome(turn, interview, outcome, said=said)
    if _ASKED_BACK.search(said) and not HEDGES.search(said):
        # Asked back is a next round; its day ("next Thursday at 2") is asked, not guessed.
        turn.set_flow(None)
        return progress.record_outcome(turn, interview, Outcome.NEXT_ROUND)
    promise = _their_word(said, local_today, turn)
    nothing_yet = _NO_NEWS.match(said.lower())
    if nothing_yet and promise is None:
        return no_news(turn, interview)
    if nothing_yet:
        # "still deciding, call back wednesday": your call, said after their news; "no
        # decision yet, they said friday": their decision, with its day after.
        rest = said[nothing_yet.end():].strip(" ,;.-")
        after = parse_promise(rest, local_today, turn.now, turn.tz)
        if after is not None and after.kind is PromiseKind.YOU_CALL_ON:
            said, promise = rest, after
    if promise is not None and _THEY_CALL_YOU.search(said):
        # "they'll call me Monday": their move, though "call" is in it
        promise = replace(promise, kind=PromiseKind.THEY_DECIDE_BY)
    two_ways = next_weekday_two_ways(said, local_today)
    if promise is not None and two_ways is not None and promise.on == two_ways[0]:
        # "call him back next Tuesday", said on a Monday: which Tuesday is theirs to say.
        return _which_day(turn, interview, said) or [Reply(
            text=f"Next {two_ways[0]:%A}: {two_ways[0]:%a %d %b} or {two_ways[1]:%a %d %b}? "
                 "Say it with the date (`call back on the 1st`), so I can't get it wrong.")]
    if promise is not None:
        doubt = _doubt(turn, said[nothing_yet.end():] if nothing_yet else said, promise)
        if doubt is not None:
            return _unsure_day(turn, interview, said, promise, *doubt)
    if promise is not None and not _who_acts_is_clear(said, promise.kind) \
            and "?" not in said and not HEDGES.search(said):
        # "she said to call back Wednesday": read as their day, but the words say yours
        other = PromiseKind.YOU_CALL_ON if promise.kind is PromiseKind.THEY_DECIDE_BY \
            else PromiseKind.THEY_DECIDE_BY
        if _who_acts_is_clear(said, other):
            promise = replace(promise, kind=other)
    # Only a day whose words agree on who acts next: "call back Wednesday" read as their
    # deadline would move the call to the wrong day, so such a line is asked again.
    if promise is not None and _who_acts_is_clear(said, promise.kind):
        turn.set_flow(None)
        return progress.promised(turn, RecordPromise(InterviewRecord(interview.id), promise,
                                                     said=said))
    heard = _understood(turn, interview, said)
    if heard is not None:
        return heard
    if promise is not None:
        # "she said within 5 business days": a day, but not who moves on it
        return _unsure_day(turn, interview, said, promise,
                           f"I have {promise.on:%a %d %b} from that, but not who acts then.",
                           (promise.on,), ask="Which is it?")
    return [Reply(text="I didn't catch that. Did they make an offer, say no, ask you back, "
                       "name a day (`they'll decide by Friday`), or have no news yet? "
                       "(`cancel` stops.)")]


def _day_put_right(said: str) -> str:
    """What they said with a day taken back as it was typed put right ("she said they'd
    decide by the 2nd, no sorry the 3rd" reads as "by the 3rd")."""
    retaken = _RETAKEN.search(said)
    after = said[retaken.end():].strip(" ,.") if retaken else ""
    if retaken is None or not _DAY_SAID.fullmatch(after):
        return said
    days = list(_DAY_SAID.finditer(said[:retaken.start()]))
    return said if not days else said[:days[-1].start()] + after


#: A day taken back at once: "…, no sorry the 3rd", "… — I mean Thursday".
_RETAKEN = re.compile(r"[,;—–-]?\s*\b(?:no\s*,?\s*sorry|no\s+wait|sorry\s*,?\s*i\s+mean|i\s+mean)\b"
                      r"[,:]?\s*", re.I)
_DAY_SAID = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b|"
                       r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*", re.I)


def _understood(turn: Turn, interview: Interview, said: str) -> list[Reply] | None:
    """The answer in other words ("they offered it to me on the phone!!", "they said to
    try again on Monday"), read about this interview alone, and only when sure."""
    reading = understand(said, Context(turn.now, turn.tz, (_known(interview),), just_spoke=True))
    if reading is None or reading.command is None:
        return None
    command = reading.command
    if isinstance(command, ReportOutcome) and command.outcome is not None:
        turn.set_flow(None)
        return progress.record_outcome(turn, interview, command.outcome, said=command.said)
    if isinstance(command, RecordPromise) and command.promise is not None:
        turn.set_flow(None)
        return progress.promised(turn, command)
    return None


_WHO_ACTS = {PromiseKind.THEY_DECIDE_BY: "They'll decide by", PromiseKind.YOU_CALL_ON: "I call on"}


def _doubt(turn: Turn, said: str, promise: Promise) -> tuple[str, tuple[date, ...]] | None:
    """Why a day read from what they said may not be theirs to plan on, and the days to
    offer; None when it is sure."""
    if HEDGES.search(said):  # "she said they eventually will decide this week"
        return "That sounds unsure, so I haven't planned around it yet.", (promise.on,)
    if _IF_QUIET.search(said):  # "if I haven't heard by the 30th I should call Dana"
        return "That sounds like your own plan if they stay quiet, not their word.", \
            (promise.on,)
    if NOT_THEIR_WORD.search(said):  # "Dana is out until the 30th"
        return "That day may be about something other than their answer.", (promise.on,)
    if SOMETIME.search(said) or NOT_BEFORE.search(said):  # "sometime next week"
        return "That's a stretch of time, not a day.", (promise.on,)
    if A_WEEK_ONLY.search(said) and not _WEEKDAY_SAID.search(said):
        # "they said call back next week": its Monday, or its Friday? Both offered.
        monday = promise.on - timedelta(days=promise.on.weekday())
        return "That's a week, not a day.", (monday, monday + timedelta(days=4))
    if _THIS_WEEK.search(said) and not _WEEKDAY_SAID.search(said):
        # "HR will call this week with an offer": some day this week, by its Friday
        return "That's a week, not a day.", (promise.on,)
    either = _EITHER_DAY.search(said)
    if either is not None:  # "they'll call me thursday or friday"
        wanted = _WEEKDAYS.index(either.group(2)[:3].lower())
        other = promise.on + timedelta(days=(wanted - promise.on.weekday()) % 7 or 7)
        return "They gave two days.", (promise.on, other)
    today = turn.now.astimezone(turn.tz).date()  # a day gone is no reading of their word
    span = _EITHER_COUNT.search(said)
    if span is not None:  # "they'll call in 4 or 5 days": not "within", so not the latest
        days = tuple(p.on for n in (span["low"], span["high"])
                     if (p := parse_promise(said[:span.start()] + f"in {n}" + said[span.end():],
                                            today, turn.now, turn.tz)) is not None)
        if len(set(days)) == 2:
            return "They gave two days.", days
    or_two = A_UNIT_OR_TWO.search(said)
    if or_two is not None:  # "call back in a week or two": a week on, or two?
        unit = or_two["unit"].lower()
        days = tuple(p.on for n in ("1", "2")
                     if (p := parse_promise(said[:or_two.start()] + f"in {n} {unit}s"
                                            + said[or_two.end():], today, turn.now, turn.tz,
                                            promise.kind)) is not None)
        if len(set(days)) == 2:
            return "They gave a span, not a day.", days
    either_date = _EITHER_DATE.search(said)
    if either_date is not None:  # "they'd decide by the 4th or 5th"
        later = (promise.on + timedelta(days=n) for n in range(1, 32))
        other_day = next((d for d in later if d.day == int(either_date.group(2))), None)
        if other_day is not None:
            return "They gave two days.", (promise.on, other_day)
    second = _BUT_SAID.search(said)
    if second is not None:  # "Dana said Friday but Raj said Monday": two voices, two days
        theirs = parse_promise(said[second.start():], today, turn.now, turn.tz, promise.kind)
        if theirs is not None and theirs.on != promise.on:
            return "They gave two days.", (promise.on, theirs.on)
    if promise.on in holidays_near(turn.person.tz, promise.on.year):
        return (f"{promise.on:%a %d %b} is a public holiday where you are, so offices are "
                "likely closed.", (promise.on,))
    if promise.on.weekday() >= 5 and promise.on > today:  # "hear back in five days", on a Monday
        return (f"{promise.on:%a %d %b} is a weekend day, when offices are mostly closed.",
                (promise.on,))
    days = tuple(v.day for v in date_variants(said, turn.now, turn.tz) if v.day > today)
    if len(days) > 1:  # "decision by 1/12": the 12th of January, or the 1st of December?
        return "That date reads two ways.", days
    return None


#: A plan for if nothing comes: "if I haven't heard by the 30th…", "if they don't call".
_IF_QUIET = re.compile(r"\bif\s+(?:i|we)\s+(?:haven'?t|have\s+not|don'?t|do\s+not|still\s+"
                       r"haven'?t)\s+(?:heard|hear|got|gotten)\b|\bif\s+(?:they|she|he)\s+"
                       r"(?:don'?t|do\s+not|doesn'?t|haven'?t|never)\s+(?:call|ring|email|get|"
                       r"reply|respond|come)", re.I)
_WEEKDAY_SAID = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bend\s+of\b|\beo[wd]\b",
                          re.I)
#: Two days given as either: "thursday or friday".
_EITHER_DAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+or\s+(mon|tue|wed|thu|fri|sat|"
                         r"sun)[a-z]*\b", re.I)
#: A count of days given two ways, not as a limit: "in 4 or 5 days", "3-4 days".
_EITHER_COUNT = re.compile(r"\bin\s+(?P<low>\d{1,2})\s*(?:or|-|–|to)\s*"
                           r"(?P<high>\d{1,2})\b", re.I)
#: Unsure only of when: "a final round, not sure when yet" is a round all the same.
_WHEN_UNSURE = re.compile(r"\bnot\s+sure\s+(?:when|what\s+day|of\s+the\s+(?:date|day|time))"
                          r"(?:\s+yet)?\b", re.I)
_THIS_WEEK = re.compile(r"\b(?:this|later\s+this|sometime\s+this)\s+week\b", re.I)
#: "in a week or two", "a day or two": one unit or two of them.
#: Two days of the month given as either: "the 4th or 5th", "4 or 5 December".
_EITHER_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+or\s+(?:the\s+)?(\d{1,2})"
                          r"(?:st|nd|rd|th)?\b"
                          r"(?!\s*(?:days?|weeks?|hours?|working|business|[ap]\.?m\b|:))", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: A second person's word after the first's: "… but Raj said Monday".
_BUT_SAID = re.compile(r"\b(?:but|whereas|while|though)\s+(?:\w+\s+){0,2}?(?:said|says|reckons|"
                       r"told\s+me|thinks)\b", re.I)


def _unsure_day(turn: Turn, interview: Interview, said: str, promise: Promise, why: str,
                days: tuple[date, ...], ask: str = "") -> list[Reply]:
    """A day said without certainty is offered, never planned on by itself."""
    from bot.conversation.understood import act  # the understood module dispatches here

    record = InterviewRecord(interview.id)
    kinds = (promise.kind,) if _who_acts_is_clear(said, promise.kind) else tuple(PromiseKind)
    reading = Reading(
        question=f"{why} " + (ask or f"Did they give {days[0]:%a %d %b} for sure?"
                              if len(days) == 1 else "Which day did they give?"),
        choices=(*(Choice(f"{_WHO_ACTS[kind]} {day:%a %d %b}",
                          RecordPromise(record, promise=replace(promise, kind=kind, on=day),
                                        said=said))
                   for day in days for kind in kinds),
                 Choice("No news yet", CallNews(record, no_news=True)),
                 Choice("Neither", None)))
    return act(turn, reading, resume=turn.flow())


def _which_day(turn: Turn, interview: Interview, said: str,
               kind: type[RecordPromise | ReportOutcome] = RecordPromise) -> list[Reply] | None:
    """The understanding layer's question about a day that reads two ways, asked."""
    from bot.conversation.understood import act  # the understood module dispatches here

    reading = understand(said, Context(turn.now, turn.tz, (_known(interview),), just_spoke=True))
    if reading is None or not any(isinstance(c.command, kind) for c in reading.choices):
        return None
    return act(turn, reading, resume=turn.flow())


def _known(interview: Interview) -> KnownInterview:
    return KnownInterview(interview.number, interview.id, interview.company, interview.role,
                          tuple(p.name for p in interview.interviewers),
                          promised=interview.promise.on if interview.promise else None)


def named_a_day(turn: Turn, interview: Interview) -> list[Reply]:
    turn.set_flow(CallNewsFlow(interview.id, "Which day did they name?"))
    return [Reply(text="Which day did they name? e.g. `they'll decide by Friday` or "
                       "`call me back on the 9th`.")]


def no_news(turn: Turn, interview: Interview) -> list[Reply]:
    turn.set_flow(None)
    return [Reply(text="Noted: no news yet. The plan stands; I'll remind you before the next "
                       f"step for {interview.title}.", replace_original=True)]


def pressed(turn: Turn, command: CallNews) -> list[Reply]:
    """The "They named a day" and "No news yet" buttons under "what did they say?"."""
    interview = turn.interview(command.interview)
    if isinstance(interview, Reply):
        return [interview]
    if command.no_news:
        return no_news(turn, interview)
    return named_a_day(turn, interview)


#: Where a clause of its own begins: "…for the holiday, said they'd call me monday" (not the
#: comma inside "Wednesday, December 2").
_NEW_CLAUSE = re.compile(r"\s*[,;]\s*(?=(?:said|she|he|they|and|but)\b)", re.I)


def _their_word(said: str, today: date, turn: Turn) -> Promise | None:
    """The day they gave, read from the clause that gives it when there is one: "they're
    closed thu and fri for the holiday, said they'd call me monday" is Monday."""
    clauses = [c for c in _NEW_CLAUSE.split(said) if PROMISE_CUES.search(c)]
    if len(clauses) == 1 and clauses[0] != said:
        told = parse_promise(clauses[0], today, turn.now, turn.tz)
        if told is not None:
            return replace(told, text=said)
    return parse_promise(said, today, turn.now, turn.tz)


def _who_acts_is_clear(said: str, kind: PromiseKind) -> bool:
    if _THEY_CALL_YOU.search(said) and not _YOU_CALL.search(_THEY_CALL_YOU.sub(" ", said)):
        return kind is PromiseKind.THEY_DECIDE_BY
    they, you = bool(_THEY_DECIDE.search(said)), bool(_YOU_CALL.search(said))
    if kind is PromiseKind.YOU_CALL_ON:
        return you and not they
    return they and not you
