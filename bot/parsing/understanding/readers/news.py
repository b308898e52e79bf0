"""News in words: an outcome, a promise, a call made, a thank-you sent.

Each reader looks for its cues (`lexicon`), finds the interview meant, and returns a
`Reading`, sure or a question with buttons; None when its cues are absent.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from bot.commands import (
    CancelInterview,
    MarkSent,
    RecordPromise,
    ReportCall,
    ReportOutcome,
)
from bot.model import CallResult, Outcome, Promise, PromiseKind
from bot.parsing.command_text import text_or_social
from bot.parsing.dates import names_a_day, parse_when
from bot.parsing.english import dictionary
from bot.parsing.promises import (
    next_weekday_two_ways,
    parse_promise,
    round_day_two_ways,
    settle_next_weekday,
)
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.common import hedged, record, strangers, unnamed
from bot.parsing.understanding.reading import Choice, Context, Line, Reading, about_one
from bot.parsing.understanding.references import KnownInterview, pick

#: The choice that agrees, where the outcome's words would read oddly after "Yes,".
_YES_WORDS = {Outcome.WITHDREW: "I'm pulling out"}
_OUTCOME_WORDS = {Outcome.OFFER: "an offer", Outcome.REJECTED: "a no",
                  Outcome.NEXT_ROUND: "a next round", Outcome.WITHDREW: "you withdrawing",
                  Outcome.HEARD: "news that closes it"}

# --- outcomes -----------------------------------------------------------------------------
#: Their message taken back: "Please disregard our earlier message, sent in error".
_RETRACTED = re.compile(r"\bdisregard\s+(?:our|the|my|this|that)\s+(?:earlier|previous|last|"
                        r"prior)\s+(?:message|e-?mail|note|letter)\b|"
                        r"\bsent\s+(?:to\s+you\s+)?in\s+error\b", re.I)
#: A round that is moved, not offered: "move my second interview to friday".
_ROUND_MOVED = re.compile(r"\b(?:move|moving|moved|reschedul\w*|push\w*|postpon\w*)\s+(?:my|the|"
                          r"our)\s+(?:second|2nd|third|3rd|next|final|follow-?up)[\s-]+(?:round|"
                          r"interview|stage)", re.I)
#: Who the news is from, said first: "Hooli turned me down", "initech rejected me".
#: Sounds and small words before the news: "ugh", "so", "omg", "update:".
_OPENER = r"^\W*(?:(?:ugh|so|omg|well|welp|lol|update)\W+)*"
_NEWS_FROM = re.compile(rf"{_OPENER}(?P<who>[A-Za-z][\w&'-]*)\s+"
                        r"(?:just\s+|finally\s+|officially\s+)?(?:turned|rejected|passed|offered|"
                        r"said|sent|emailed|called|ghosted|went|decided|want|wants)\b", re.I)


def _told_of_another(line: Line, ctx: Context) -> bool:
    """News from a company no interview of theirs is with, said first, beside one that
    is ("Hooli turned me down today but honestly Acme was the one I wanted")."""
    said = _NEWS_FROM.match(line.text)
    if said is None or not line.found.numbers:
        return False
    who = said["who"].lower()
    known = {w.lower() for k in ctx.known for part in (k.company, *k.names) for w in part.split()}
    # At the line's start a capital says nothing: "Got rejected …" is no company
    return who not in known | line.found.company_words | _SUBJECTS_ANYONE and \
        not dictionary().known([who])


_SUBJECTS_ANYONE = frozenset({"they", "she", "he", "we", "it", "hr", "recruiter", "company",
                              "everyone", "somebody", "someone", "i", "i've", "i'm", "i'd"})


_SPELLING_ASKED = re.compile(r"\b(?:fix|correct|change)\s+(?:the\s+|her\s+|his\s+)?spelling\b",
                             re.I)
#: One piece of news for several interviews: "Acme and Initech BOTH said next round".
_BOTH = re.compile(r"\bboth\b|\b(?:each|all)\s+of\s+them\b", re.I)
_REMIND_ME = re.compile(r"\bremind\s+me\b", re.I)
#: A round spoken of, not offered: "… about the next round", "for the second round details".
_ROUND = r"(?:second|2nd|third|3rd|next|final|another)[\s-]+(?:round|interview|stage)\b"
_ABOUT_A_ROUND = re.compile(rf"\b(?:about|regarding|re|on)\s+(?:the|a|any)\s+{_ROUND}|"
                            rf"\bfor\s+the\s+{_ROUND}\s+(?:details|info|information|date|time|"
                            r"schedule|logistics)\b", re.I)
#: One more interview, said as such: "another interview today", "got another one".
_ANOTHER_ONE = re.compile(r"\banother\s+(?:interview|one)\b", re.I)


def outcome(line: Line, ctx: Context) -> Reading | None:
    found = next((o for pattern, o in lx.OUTCOME_CUES if pattern.search(line.text)), None)
    if found is Outcome.OFFER and any(o is Outcome.WITHDREW and p.search(line.text)
                                      for p, o in lx.OUTCOME_CUES):
        found = Outcome.WITHDREW  # "Hooli offered me a job so I'm pulling out of …"
    if found is Outcome.OFFER and _OFFERED_ELSEWHERE.search(line.text):
        found = Outcome.REJECTED  # "we've offered the role to someone else": a no
    if found is Outcome.OFFER and _AN_OFFER_ELSEWHERE.search(line.text):
        return None  # "stop reminding me about acme, I accepted an offer somewhere else"
    if found is Outcome.WITHDREW and _NOT_WITHDRAWING.search(line.text):
        return None  # "I'm not withdrawing from Initech, I'm just venting"
    if found is Outcome.REJECTED and any(o is Outcome.HEARD and p.search(line.text)
                                         for p, o in lx.OUTCOME_CUES):
        found = Outcome.HEARD  # "we regret … the requisition has been closed": the role's end
    if found is Outcome.REJECTED and lx.NOT_REJECTED.search(line.text):
        return None  # "they're not rejecting me, just still interviewing people"
    if found is Outcome.REJECTED and _NOT_YOU_REFUSED.search(line.text):
        return None  # "initech rejected my mileage reimbursement": not you, your claim
    if found is not None and lx.OTHER_DEAL.search(line.text) and not line.found.numbers:
        return None  # "the seller accepted our offer on the house!": no job's news
    if found is Outcome.OFFER and _OFFER_NEAR.search(line.text) \
            and not lx.PROMISE_CUES.search(line.text):
        return _offer_near(line, ctx)  # "they're very close to making me an offer"
    if found is Outcome.OFFER and _OFFER_TO_COME.search(line.text):
        return None  # "scheduled an offer call for Wednesday": the offer is still to come
    if found is Outcome.NEXT_ROUND and lx.DRINKS_ROUND.search(line.text):
        return None  # "next round's on me lads 🍻": drinks, not interviews
    if found is Outcome.NEXT_ROUND and lx.ADD_REQUEST.match(line.text):
        return None  # "please add second interview: Globex, …": the add reads it
    if found is Outcome.NEXT_ROUND and _ANOTHER_JOB.search(line.text):
        return None  # "another interview at Acme, different dept this time": a new one
    if found is not None and _RETRACTED.search(line.text):
        return None  # "Please disregard our earlier message, which was sent in error": theirs
    if found is not None and len(line.found.by_company) >= 2 and _BOTH.search(line.text):
        return Reading(question="That's news of more than one interview: tell me each on its "
                                "own line (`Acme wants me back for a next round`), so I record "
                                "each one right. I changed nothing yet.")
    if found is not None and _SPELLING_ASKED.search(line.text):
        return None  # "the rejection letter came from Dana Woo not Wu, can you fix the spelling"
    if found is Outcome.NEXT_ROUND and _ABOUT_A_ROUND.search(line.text) \
            and lx.PROMISE_CUES.search(line.text):
        return None  # "they'll get back to me by Wednesday about the next round": their word
    if found is Outcome.NEXT_ROUND and _ROUND_MOVED.search(line.text):
        return None  # "they want to move my second interview to friday": which one, when?
    if found in (Outcome.REJECTED, Outcome.HEARD) and _told_of_another(line, ctx):
        return None  # "Hooli turned me down today but … Acme was the one I wanted"
    if found is Outcome.NEXT_ROUND and not line.found.numbers and \
            _ANOTHER_ONE.search(line.text) and strangers(line, ctx):
        return None  # "Another interview today! Vandelay Industries, …": a new one, told
    if found is None and lx.PHONE_HOLD.search(line.text):
        return None  # "sat on hold for 20 min": the phone's hold, not the role's
    if found is None or (found is Outcome.REJECTED and lx.MAYBE_OVER.search(line.text)):
        # "on hold, they'll keep my resume on file": over, or not yet?
        return _maybe_over(line, ctx) if lx.MAYBE_OVER.search(line.text) else None
    others = lx.OTHERS_REJECTED.search(line.text) if found is Outcome.REJECTED else None
    if others is not None and not re.search(r"\b(?:me|my)\b", line.text[:others.start()], re.I):
        return None  # "they rejected the other finalist, so it's just me now!!"
    # "acme rejected me. jk it was initech 🙃": a joke told after the news still takes it back
    joked = bool(lx.JOKING.search(line.text))
    line = _news_clause(line, ctx)
    declined = found in (Outcome.OFFER, Outcome.REJECTED) and \
        lx.USER_DECLINED.search(line.text) is not None
    if declined:
        found = Outcome.WITHDREW
    unsure = hedged(line) or unnamed(line, ctx) or joked or (
        bool(lx.NOT_FINAL.search(line.text))) or (
        # "im gonna email jane and withdrw tomorow": a plan, not done
        found is Outcome.WITHDREW and bool(_WILL_WITHDRAW.search(line.text))) or (
        # "I rejected Initech's offer": theirs rejected, or yours? Said back to be sure.
        declined and bool(re.search(r"\bi\s+(?:rejected|refused)\b", line.text, re.I))) or (
        # "rejected for QA, but they want me for the automation role": no for this one only?
        found is Outcome.REJECTED and bool(lx.ANOTHER_ROLE.search(line.text))) or (
        found is Outcome.OFFER
        and bool(lx.OUTCOME_TWIST.search(lx.MONEY_TALK.sub("", line.text)))) or (
        found in (Outcome.OFFER, Outcome.NEXT_ROUND)
        and bool(lx.NEGATED.search(lx.RESIGNED.sub(" ", line.text)))) or (
        found is Outcome.NEXT_ROUND and bool(lx.ROUND_HAPPENED.search(line.text))) or (
        found is Outcome.NEXT_ROUND and bool(lx.ROUND_UNSETTLED.search(line.text))) or (
        # "send us two references, we're in the final stage": a stage, not a round set
        found is Outcome.NEXT_ROUND and bool(_REFERENCES.search(line.text))) or (
        found is Outcome.NEXT_ROUND and bool(lx.THEIR_TIME.search(line.text))) or (

        found is Outcome.NEXT_ROUND and _somewhere_else(line, ctx)) or (
        # "got an offer... from Initech?? or a scam": whether it is theirs at all is doubted
        _MAYBE_A_SCAM.search(line.text) is not None) or (
        _another_post(line, ctx))
    said = line.text if found is Outcome.NEXT_ROUND else ""
    on_a_call = _called_and_heard(line, ctx)

    def make(k: KnownInterview) -> ReportOutcome | ReportCall:
        news = ReportOutcome(record(k), found, said=said)
        # "Called Initech, Dana said they went with someone else": the call, then its news
        return ReportCall(record(k), CallResult.ANSWERED, news=news) if on_a_call else news

    if unsure:
        target = pick(line.found, ctx.known)
        if target is None:
            return about_one(line, ctx, make, lambda k: "", "")
        if found is Outcome.NEXT_ROUND and (_somewhere_else(line, ctx)
                                            or _another_post(line, ctx)):
            return Reading(
                question=f"Is that a next round with {target.company} (#{target.number}), or "
                         "a new interview, for another job or somewhere else? A new one is "
                         "added like `add <company>, <role>, <when> with <names>`.",
                choices=(Choice(f"A next round at {target.company}", make(target)),
                         Choice("A new interview", None)))
        return Reading(
            question=f"Just to be sure: is that {_OUTCOME_WORDS[found]} from "
                     f"{target.company} (#{target.number}), or are you still waiting?",
            choices=(Choice(f"Yes, {_YES_WORDS.get(found, _OUTCOME_WORDS[found])}",
                            make(target)),
                     Choice("Still waiting", None)))
    two_ways = round_day_two_ways(line.text, ctx.today) \
        if found is Outcome.NEXT_ROUND else None
    target = pick(line.found, ctx.known)
    by = _BY_WHOM.search(line.text)
    if by is not None and target is not None and not line.found.numbers \
            and by.group("who").casefold() not in line.found.company_words:
        # "rejected by stripe this morning": a company I don't track, or a slip?
        return Reading(question=f"News from {by.group('who')}: is that about {target.company} "
                                f"(#{target.number}), or a company I don't track?",
                       choices=(Choice(f"{target.company} (#{target.number})", make(target)),
                                Choice("Another company", None)))
    if found is Outcome.REJECTED and target is not None and _SOME_NO.search(line.text) \
            and not (line.found.numbers or line.found.by_company or line.found.people):
        # "just got a rejection email 😞": from the one tracked, or from somewhere else?
        return Reading(question=f"A no: I'm sorry. Is it from {target.company} "
                                f"(#{target.number}), or from a company I don't track?",
                       choices=(Choice(f"Yes, {target.company}", make(target)),
                                Choice("Another company", None)))
    if found is Outcome.OFFER and target is not None and not line.found.numbers \
            and _SOME_OFFER.search(line.text):
        # "got an offer!!!": theirs, or from somewhere they never told me about?
        return Reading(question=f"An offer: congratulations! Is it from {target.company} "
                                f"(#{target.number}), or from a company I don't track?",
                       choices=(Choice(f"Yes, {target.company}", make(target)),
                                Choice("Another company", None)))
    holiday = _on_a_holiday(line, ctx) if found is Outcome.NEXT_ROUND else None
    if holiday is not None and target is not None and two_ways is None:
        # "second round w acme thurs 3pm", Thursday being Thanksgiving: a slip, or so?
        return Reading(
            question=f"A next round with {target.company} (#{target.number}) on "
                     f"{holiday:%a %d %b}? That's a public holiday where you are.",
            choices=(Choice("Yes, that day", make(target)),
                     Choice("A next round, day to come", ReportOutcome(record(target), found)),
                     Choice("Neither", None)))
    if two_ways is not None and target is not None:
        # "back for a final round next Thursday", said on a Monday: which Thursday?
        return Reading(
            question=f"A next round with {target.company} (#{target.number}): which day?",
            choices=(*(Choice(f"{day:%a %d %b}", ReportOutcome(
                record(target), found, said=settle_next_weekday(line.text, day)))
                for day in two_ways), Choice("Neither", None)))
    def understood(k: KnownInterview) -> str:
        said = (f"You're pulling out of {k.company} (#{k.number})."
                if found is Outcome.WITHDREW else
                f"That ends it with {k.company} (#{k.number}): the role is closed."
                if found is Outcome.HEARD else
                f"{_OUTCOME_WORDS[found].capitalize()} from {k.company} (#{k.number}).")
        return f"You called {k.company} and someone picked up. {said}" if on_a_call else said

    return about_one(line, ctx, make, understood, "")


def _another_post(line: Line, ctx: Context) -> bool:
    """An interview there for another job ("another interview at acme, this time for the
    BI developer post"): a new interview, or the next round? Asked."""
    said = _FOR_THE_POST.search(line.text)
    target = pick(line.found, ctx.known)
    if said is None or target is None:
        return False
    words = set(said.group("role").casefold().split()) - {"the", "a", "an"}
    return not words <= set(target.role.casefold().split())


#: A job named with its kind: "for the BI developer post", "for a team lead role".
_FOR_THE_POST = re.compile(r"\b(?:for|in)\s+(?:the|a|an)\s+(?P<role>[\w/&-]+(?:\s+[\w/&-]+){0,3}?)"
                           r"(?:\s+\([^)]{0,30}\))?\s+(?:post|role|position|job|opening|vacancy)\b",
                           re.I)
#: Who the news came from, named after it: "rejected by stripe", "an offer from Hooli".
_BY_WHOM = re.compile(r"\b(?:rejected|turned\s+down|dropped|ghosted|offer(?:ed)?|passed\s+over)\s+"
                      r"(?:me\s+)?(?:by|from)\s+(?!(?:them|her|him|the|their|they|my|a|an|this|"
                      r"that|email|e-mail|phone|mail|text|letter|voicemail|hr|recruiter|everyone|"
                      r"all|both|one|you|us)\b)(?P<who>[A-Za-z][\w&'-]*)", re.I)
_OFFERED_ELSEWHERE = re.compile(r"\boffered\s+(?:it|the\s+(?:\w+\s+)?(?:job|role|position|post))\s+"
                                r"to\s+(?:someone|somebody|another|a\s+different|an\s+internal|"
                                r"the\s+other)", re.I)
_MAYBE_A_SCAM = re.compile(r"\b(?:scam|phishing|fake)\b", re.I)
#: The person's offer from somewhere else, told beside an interview: never that one's offer.
_AN_OFFER_ELSEWHERE = re.compile(r"\boffer\s+(?:somewhere\s+else|elsewhere|from\s+(?:another|a\s+"
                                 r"different|some\s+other)\s+(?:company|place|firm|employer))\b",
                                 re.I)
_NOT_WITHDRAWING = re.compile(r"\b(?:not|n't|never|no\s+way\s+i'?m)\s+(?:\w+\s+)?(?:withdraw\w*|"
                              r"pull\w*\s+out|quit\w*|declin\w*|dropping\s+out)", re.I)
#: Someone introduced by name: "wi a fella called Stevie", "a lady called Rose".
_SOMEONE_CALLED = re.compile(r"\b(?:guy|fella|feller|lady|woman|man|bloke|chap|girl|gal|dude|"
                             r"person|lass|lad|gentleman|gent|someone|somebody)\s+called\s+"
                             r"(?=[A-Z])")
#: Something of theirs refused that is no application: a claim, a slot, an invite.
_WILL_WITHDRAW = re.compile(r"\b(?:gonna|going\s+to|will|'ll|plan(?:ning)?\s+to|about\s+to|"
                            r"thinking\s+(?:of|about)|might|want\s+to)\s+(?:\w+\s+){0,4}?"
                            r"(?:withdr\w*|pull\s+out|drop\s+out)|"
                            # "can you tell Jane I'm withdrawing?": decided, not yet done
                            r"\btell\s+\w+\s+(?:that\s+)?i'?m\s+withdrawing\b|"
                            # "going to email acme tomorrow and tell them I'm not interested"
                            r"\b(?:gonna|going\s+to|will|'ll|plan\s+to)\b.{0,60}?\bnot\s+"
                            r"interested\b", re.I)
#: References asked for: a step of the stage they are in, not a round of interviews.
_REFERENCES = re.compile(r"\breferences?\b|\breferees?\b", re.I)
#: An offer on its way, not made: "hinted an offer is coming", "very close to making me an
#: offer".
_OFFER_NEAR = re.compile(r"\boffer\s+(?:is|was)\s+(?:coming|on\s+(?:its|the)\s+way|likely|"
                         r"probable|possible)\b|\bhint(?:ed|s|ing)?\s+(?:at\s+)?(?:an?\s+)?offer\b|"
                         r"\b(?:close|closer|near|nearly|almost|about)\s+to\s+(?:making|"
                         r"giving|extending|offering|make|give|extend|offer)\b", re.I)
#: A talk about an offer still to come: "scheduled an offer call for Wednesday".
_OFFER_TO_COME = re.compile(r"\boffer\s+(?:call|meeting|chat|conversation|discussion|stage)\b|"
                            + _OFFER_NEAR.pattern, re.I)


def _offer_near(line: Line, ctx: Context) -> Reading:
    """Good news that is no offer yet: said back warmly, nothing changed, and how to tell
    the offer when it comes."""
    target = pick(line.found, ctx.known)
    kept = f"the plan for {target.company} (#{target.number}) as it is" if target else \
        "your plans as they are"
    company = target.company if target else "<company>"
    return Reading(question=f"That sounds promising! An offer isn't made until they make it, "
                            f"so I've kept {kept}. When it comes, tell me "
                            f"(`{company} made me an offer`) and I'll stop the reminders.")
#: Another job at the same employer, not this one's next round.
_ANOTHER_JOB = re.compile(r"\b(?:different|other|another|separate|new)\s+(?:dept|department|team|"
                          r"role|position|job|opening|vacancy|division|office)\b", re.I)
#: An offer said with no one making it: "got an offer!!!".
_SOME_OFFER = re.compile(r"^\W*(?:i\s+)?(?:just\s+)?(?:got|have|received|landed|bagged)\s+an\s+"
                         r"offer\b(?!\s+from\s+(?:them|her|him)\b)", re.I)
#: A no told without whose: "just got a rejection email", "got rejected again".
_SOME_NO = re.compile(r"^\W*(?:i\s+)?(?:just\s+)?(?:got|received|had)\s+(?:a|an|another)\s+"
                      r"(?:rejection|no)\b|^\W*(?:i\s+)?(?:just\s+)?got\s+rejected\b", re.I)
_NOT_YOU_REFUSED = re.compile(r"\b(?:rejected|declined|refused|turned\s+down)\s+(?:my|our)\s+"
                              r"(?!application|candidacy|cv|resume|résumé|profile|submission)\w+",
                              re.I)


def _news_clause(line: Line, ctx: Context) -> Line:
    """`line`, pointing at the interview its news is about when it names two: "Acme said
    no, still waiting on Initech" is Acme's no, and the clauses about the other one are
    left out. Only when the news is in one clause that names one interview, and no other
    clause carries news of its own."""
    if len(line.found.by_company) < 2 or line.found.numbers - line.found.by_company:
        return line
    clauses = [c for c in _CLAUSE.split(line.text) if c.strip()]
    with_news = [c for c in clauses if any(p.search(c) for p, _ in lx.OUTCOME_CUES)]
    if len(with_news) != 1 or any(_NEWSY.search(c) for c in clauses if c is not with_news[0]):
        return line  # "withdrew from initech, taking the acme offer": news of both
    found = Line.of(with_news[0], ctx).found
    if len(found.numbers) != 1:
        return line
    # The clauses about the others go ("still waiting on Initech", "fingers crossed for
    # Initech I guess"): their doubts are about those, not about this news.
    kept = [c for c in clauses if Line.of(c, ctx).found.numbers <= found.numbers]
    text = ", ".join(c.strip() for c in kept)
    return Line(text, text.lower(), found)


#: Words of news, of any kind, in a clause about another interview.
_NEWSY = re.compile(r"\b(?:offer\w*|reject\w*|accept\w*|tak(?:e|ing)|took|round|interview\w*|"
                    r"withdr\w+|decid\w+|decision|heard|said|called|rang|emailed|no|yes|job|"
                    r"role|position|start\w*)\b", re.I)
#: Where one clause ends and the next begins: "Acme said no, still waiting on Initech".
_CLAUSE = re.compile(r"[,;.!?]+\s*|\s+(?:but|and|so|while|though)\s+", re.I)


def _on_a_holiday(line: Line, ctx: Context) -> date | None:
    """The public holiday a line's day falls on, if it does."""
    moment = parse_when(line.text, ctx.now, ctx.tz)
    day = None if moment is None else moment.astimezone(ctx.tz).date()
    return day if day in ctx.holidays else None


#: "another interview at the hospital": where it is, said in lower case too.
_ANOTHER_AT = re.compile(r"\b(?:another|a\s+new|one\s+more)\s+(?:interview|one)\s+(?:at|with)\s+"
                         r"(?:the\s+)?(?P<place>[\w&'-]+)", re.I)


def _somewhere_else(line: Line, ctx: Context) -> bool:
    """Another interview at a place the coach doesn't track: a new interview, maybe,
    not a next round of the one it knows."""
    found = _ANOTHER_AT.search(line.text)
    if found is not None and found.group("place").lower() not in line.found.company_words:
        return True
    # "got another interview thursday!!" names no one who asked them back; "a second
    # interview at the other place" says it is elsewhere.
    return bool(_ELSEWHERE.search(line.text)) or (
        bool(_ANOTHER_ALONE.search(line.text)) and not line.found.by_company
        and not _ASKED_BACK.search(line.text))


_ELSEWHERE = re.compile(r"\b(?:the\s+other|another|a\s+different)\s+(?:place|company|firm|"
                        r"employer|job|one)\b|\bsomewhere\s+else\b|\belsewhere\b", re.I)
_ANOTHER_ALONE = re.compile(r"\b(?:got|have|had|landed|booked)\s+(?:another|a\s+new)\s+"
                            r"interview\b", re.I)
_ASKED_BACK = re.compile(r"\b(?:back|again|round|stage|invited|they|she|he)\b", re.I)


def _maybe_over(line: Line, ctx: Context) -> Reading | None:
    """"Hiring is on hold": it may be over or not, so the person says which. "Acme put the
    role on hold" is news that closes it, said plainly, unless a word of theirs about
    coming back is in it ("they'll be in touch in the new year")."""
    if lx.ROLE_ON_HOLD.search(line.text) and not lx.PROMISE_CUES.search(line.text) \
            and not _HELD_UNTIL.search(line.text):
        return about_one(line, ctx, lambda k: ReportOutcome(record(k), Outcome.HEARD),
                         lambda k: f"{k.company} (#{k.number}) put the role on hold: that "
                                   "closes it for now.",
                         "Has {company} (#{n}) put the role on hold?",
                         sure=not (hedged(line) or unnamed(line, ctx)), yes="Yes, it's on hold")
    target = pick(line.found, ctx.known)
    if target is None:
        return None
    return Reading(question=f"Does that end it with {target.company} (#{target.number}), or "
                            "shall I keep the plan going in case they come back?",
                   choices=(Choice("It's over", ReportOutcome(record(target), Outcome.HEARD)),
                            Choice("Keep the plan going", None)))


#: On hold until something happens: "on hold until the January budget is signed off", "on
#: hold for now", "on hold, budget is frozen until January".
_HELD_UNTIL = re.compile(r"\bon\s+(?:hold|ice)\s+(?:(?:un)?til+|till|pending|while|till\s+after|"
                         r"for\s+now)\b|\bfrozen\s+(?:(?:un)?til+|till|through)\b", re.I)


# --- promises -----------------------------------------------------------------------------
def _unknown_speaker(line: Line, ctx: Context) -> bool:
    """"… a video call with Gridline Energy … Omar said they'll call me": the word of
    someone no tracked interview has, which may be another employer's."""
    known = {w.lower() for k in ctx.known for name in k.names for w in name.split()}
    return any(who.lower() not in known and who.lower() not in line.found.company_words
               for who in _SPEAKER_NAMED.findall(line.text))


_SPEAKER_NAMED = re.compile(r"\b(?!(?:they|she|he|we|it|hr|someone|everyone|who|recruiter)\b)"
                            r"((?-i:[A-Z])[a-z]+)\s+(?:said|says|told|mentioned)\b", re.I)
#: The employer as who sent it: "initech sent the '…' email", "Acme just sent me a …".
_THEY_SENT = re.compile(rf"{_OPENER}(?P<who>[\w&'-]+)\s+(?:just\s+)?"
                        r"sent\s+(?:me\s+)?(?:the|a|an|their|over)\b", re.I)
#: A day moved from one to another: "from friday to monday".
_FROM_TO = re.compile(r"\bfrom\s+(?:(?:this|next|last)\s+)?\w+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
                      r"\s+to\s+(?P<new>(?:(?:this|next)\s+)?\w+(?:\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)?)",
                      re.I)
#: Where someone is, said after their word: ", she's at the London office this week".
_WHERE_THEY_ARE = re.compile(r"[,;.]\s*(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+(?:at|in|away|"
                             r"off|out|on\s+(?:leave|holiday|vacation))\b.*$", re.I)
#: What they did not say, before what they did: "didn't say they'd decide by Friday, ".
_NOT_SAID_BUT = re.compile(r"\b(?:didn'?t|did\s+not|never)\s+say\b[^.;!?]*?,\s*(?=(?:they|she|he|"
                           r"it\s+was|(?-i:[A-Z])\w+)\b[^,]*\b(?:said|says|told|was))", re.I)
#: The person's own next try, after a call nobody answered.
_TRY_AGAIN = re.compile(r"\btry\s+(?:again|(?:her|him|them)\s+again|once\s+more)\b", re.I)


def promise(line: Line, ctx: Context) -> Reading | None:
    unsaid = _NOT_SAID_BUT.search(line.text)
    if unsaid is not None:
        # "Initech didn't say they'd decide by Friday, they said they'd email me by
        # Wednesday": only what they did say is their word
        line = replace(line, text=line.text[:unsaid.start()] + line.text[unsaid.end():])
    if lx.SO_SNOOZE.search(line.text):
        return None  # "… not deciding till friday so snooze this till then": the snooze
    pushed = _PUSHED.search(line.text)
    if pushed is not None and not lx.OWN_PLAN.search(line.text):
        return _pushed_back(line, ctx, pushed)
    if not lx.PROMISE_CUES.search(_told(line.text)) or lx.OWN_PLAN.search(line.text):
        return None  # "…, nobody home. Do I try again tomorrow?": asked, not their word
    if not line.found.numbers and _NEW_ONE_TOLD.search(line.text):
        return None  # "interview done - redwood & pine, store manager, …": a new one's word
    if lx.CALL_CUES.search(line.text) and not _they_called(line, ctx) and \
            not _CALL_CALLED_OFF.search(line.text) and _call_result(line) is CallResult.ANSWERED:
        return None  # "called, she said they'll decide by Friday": the call reader's
    if lx.CALL_CUES.search(line.text) and _TRY_AGAIN.search(line.text) and \
            _call_result(line) is CallResult.NO_ANSWER:
        return None  # "called at 11, no one answer. I try again Wednesday": the call's news
    # Who acts is read from what the line tells, not from a question it ends with ("does
    # that change when I'm meant to call them?").
    denied = _NOT_BY.search(line.text)
    if denied is not None:
        # "initech wont decide by friday, raj said theyll call me by tuesday": the day
        # ruled out is no promise; the one said after it is.
        rest = f"{line.text[:denied.start()]} {line.text[denied.end():]}".strip(" ,.;")
        if lx.PROMISE_CUES.search(rest):
            line = replace(line, text=rest)
    moved = _FROM_TO.search(line.text)
    if moved is not None:  # "moved the decision from friday to monday": the day it is now
        line = replace(line, text=f"{line.text[:moved.start()]} by {moved['new']}"
                                  f"{line.text[moved.end():]}")
    aside = _WHERE_THEY_ARE.search(line.text)
    if aside is not None:  # "…, she's at the London office this week": where, not when
        line = replace(line, text=line.text[:aside.start()])
    told = _told(line.text)
    kind = PromiseKind.YOU_CALL_ON if lx.USER_CALLS.search(told) else \
        PromiseKind.THEY_DECIDE_BY
    cue = lx.PROMISE_CUES.search(line.text)
    base = _counted_from(line, ctx)
    # The date after the cue first: "seeing people this week, will decide by Dec 4".
    said = parse_promise(line.text, base, ctx.now, ctx.tz, kind)
    later = parse_promise(line.text[cue.start():], base, ctx.now, ctx.tz, kind) \
        if cue is not None and cue.start() > 0 else None
    if later is not None:  # who acts is read from the whole line, the day after the cue
        said = later if said is None else type(said)(said.kind, later.on, said.text)
    if said is None:
        return no_such_day(line, ctx)
    if said.on < ctx.today and names_a_day(line.text) and pick(line.found, ctx.known):
        # "they would know by the 4th of december", said on the 5th: a day gone by
        return Reading(question=f"{said.on:%a %d %b} has already passed, so I haven't planned "
                                "around it. If they gave you a new day, tell me that one.")
    if said.on <= ctx.today:
        # "Dana emailed this morning, they need another fortnight to decide": the day
        # read was when they told it; their day is in the clause with their word
        told_later = next((p for clause in re.split(r",\s*", line.text)[1:]
                           if lx.PROMISE_CUES.search(clause)
                           and (p := parse_promise(clause, base, ctx.now, ctx.tz, kind))
                           is not None), None)
        if told_later is None or told_later.on <= ctx.today:
            return None  # "called today, told decision is still pending": no day ahead
        said = replace(told_later, text=said.text)
    if lx.USER_CALLS.search(told):
        said = type(said)(PromiseKind.YOU_CALL_ON, said.on, said.text)
    on_a_call = _called_and_heard(line, ctx)

    def make(k: KnownInterview) -> RecordPromise | ReportCall:
        # "called initech - still deciding fri": the call, with the day it brought
        return ReportCall(record(k), CallResult.ANSWERED, promise=said) if on_a_call \
            else RecordPromise(record(k), said, said=line.text)

    target = pick(line.found, ctx.known)
    if target is not None and target.promised == said.on and _REMIND_ME.search(line.text):
        return None  # "they decide friday anyway so remind me … friday at 4": the reminder
    both = _two_words(line, ctx, base)
    if both is not None and target is not None:
        # "Dana says they'll still decide Friday, and Raj told me to call him Monday if I
        # haven't heard": two promises, two days; which to plan around is theirs to say
        return Reading(question="You told me two days there. Which shall I plan around?",
                       choices=(*(Choice(_promise_label(p), RecordPromise(record(target), p,
                                                                          said=line.text))
                                  for p in both), Choice("Neither", None)))
    doubt = _day_in_doubt(line, ctx, said)
    if doubt is not None:
        target = pick(line.found, ctx.known)
        if target is None:
            return None
        question, days = doubt
        return Reading(question=question, choices=(*(Choice(
            f"{day:%a %d %b}{' (today)' if day == ctx.today else ''}",
            RecordPromise(record(target), replace(said, on=day), said=line.text))
            for day in days), Choice("Neither", None)))

    told_before = _told_at_the_interview(line, ctx, said)
    if told_before is not None:
        # "Dana told me at the interview they'd have an answer within 2 weeks", with their
        # word since noted for another day: which of the two still holds is theirs to say.
        return Reading(question=f"I have {told_before.company}'s word as "
                                f"{told_before.promised:%a %d %b}; what they said at the "
                                f"interview gives {said.on:%a %d %b}. Which shall I plan around?",
                       choices=(Choice(f"Keep {told_before.promised:%a %d %b}", None),
                                Choice(f"{said.on:%a %d %b}", make(told_before))))
    other = _other_day(line, ctx, said)
    if other is not None:
        # "Monday or Tuesday", "by the 4th but Raj said the 11th", "next Wednesday" on a
        # Monday: which day the plan waits for is the person's to say.
        target = pick(line.found, ctx.known)
        if target is None and not ctx.known:  # nothing tracked: says so, changes nothing
            return about_one(line, ctx, make, lambda k: "", "")
        if target is None or other.on == said.on:
            return None
        return Reading(question="That could be two days: which shall I plan around?",
                       choices=(Choice(f"{said.on:%a %d %b}",
                                       RecordPromise(record(target), said, said=line.text)),
                                Choice(f"{other.on:%a %d %b}",
                                       RecordPromise(record(target), other, said=line.text)),
                                Choice("Neither", None)))

    day = f"{said.on:%a %d %b}"
    words = (f"you call them on {day}" if said.kind is PromiseKind.YOU_CALL_ON
             else f"they'll be in touch by {day}")
    if on_a_call:
        words = f"you called, someone picked up, and {words}"
    return about_one(line, ctx, make, lambda k: f"{k.company} (#{k.number}): {words}.",
                     "Is that {company}'s word on what happens next (#{n}): " + words + "?",
                     sure=not (hedged(line) or unnamed(line, ctx)
                               or _unknown_speaker(line, ctx)
                               or lx.NOT_BEFORE.search(line.text)
                               or lx.NOT_THEIR_WORD.search(line.text)
                               or lx.SOMETIME.search(line.text)
                               # "… email me Friday morning their time", in Tokyo: maybe
                               # Thursday here
                               or (lx.THEIR_TIME.search(line.text)
                                   and lx.FAR_EAST.search(line.text))
                               or _before_their_word(line, ctx, said)
                               # "within 3 business days - note our office is closed
                               # Thursday and Friday": their days off are not mine to count
                               or (_CLOSED_DAYS.search(line.text) is not None
                                   and _DAYS_COUNTED.search(line.text) is not None)
                               # "we'd like to move forward with you! I'll be in touch
                               # tomorrow": news of a step on, whose kind is not said
                               or _MOVING_ON_WITH_YOU.search(line.text) is not None
                               # "will decide next week": a week, not a day
                               or (lx.A_WEEK_ONLY.search(line.text) is not None
                                   and _A_DAY_IN_IT.search(line.text) is None)))


_CLOSED_DAYS = re.compile(r"\b(?:office|offices|we|they|we'?re|they'?re|team)\s+(?:is\s+|are\s+|"
                          r"will\s+be\s+)?(?:closed|out|off)\s+(?:on\s+)?(?:mon|tues|wednes|thurs|"
                          r"fri)day\b", re.I)
_DAYS_COUNTED = re.compile(r"\b(?:within|in)\s+\w+\s+(?:business|working)?\s*days\b", re.I)
#: A day ruled out, as a clause: "initech wont decide by friday".
_NOT_BY = re.compile(r"[^,.;!?]*\b(?:won'?t|wont|will\s+not|not\s+going\s+to|can'?t|cannot|"
                     r"isn'?t|aren'?t)\s+(?:\w+\s+){0,3}?(?:by|before)\b[^,.;!?]*[,.;!?]?", re.I)
#: Good news of a step on, its kind not said: "we'd like to move forward with you".
_MOVING_ON_WITH_YOU = re.compile(r"\bmov(?:e|ing)\s+forward\s+with\s+(?:you|me|your)\b|"
                                 r"\bgreat\s+news\b", re.I)
#: A day that settles which of the week: a weekday, "the end of", "EOW".
_A_DAY_IN_IT = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bend\s+of\b|\beo[wd]\b|"
                          r"\b\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}/\d{1,2}", re.I)


def _told_at_the_interview(line: Line, ctx: Context, said: Promise) -> KnownInterview | None:
    """The interview whose earlier word a day told "at the interview" differs from."""
    target = pick(line.found, ctx.known)
    if _TOLD_THERE.search(line.text) and target is not None and \
            target.promised is not None and target.promised != said.on:
        return target
    return None


#: Said at the interview itself: "Dana told me at the interview …", "at the interview Raj
#: said …" (not "within 5 working days of the interview", which says what counts from).
_TOLD_THERE = re.compile(r"\b(?:told|said|mentioned)\b[^.]*?\b(?:at|during|in)\s+(?:the|my)\s+"
                         r"(?:[\w&'-]+\s+)?interview\b|\b(?:at|during|in)\s+(?:the|my)\s+"
                         r"(?:[\w&'-]+\s+)?interview\b[^.]*?\b(?:told|said|mentioned)\b", re.I)


def _counted_from(line: Line, ctx: Context) -> date:
    """The day a promise's span counts from: today, or the interview's day when the line
    says it was said there ("at the Initech interview Raj said within a week")."""
    target = pick(line.found, ctx.known)
    if _AT_THE_INTERVIEW.search(line.text) and target is not None and \
            target.starts_at is not None:
        return min(target.starts_at.astimezone(ctx.tz).date(), ctx.today)
    return ctx.today


_AT_THE_INTERVIEW = re.compile(r"\b(?:at|in|during|after|of|from)\s+(?:the|my|your)\s+"
                               r"(?:[\w&'-]+\s+)?interview\b", re.I)


def _two_words(line: Line, ctx: Context, base: date) -> tuple[Promise, Promise] | None:
    """Two promises in one line, each in its own clause, for two days ("they'll decide
    Friday, and Raj told me to call him Monday"); None when there are not two."""
    said: list[Promise] = []
    for clause in _CLAUSE_BREAK.split(line.text):
        if not lx.PROMISE_CUES.search(clause):
            continue
        kind = PromiseKind.YOU_CALL_ON if lx.USER_CALLS.search(clause) else \
            PromiseKind.THEY_DECIDE_BY
        promise = parse_promise(clause, base, ctx.now, ctx.tz, kind)
        if promise is not None and promise.on > ctx.today and \
                all(promise.on != other.on for other in said):
            said.append(replace(promise, kind=kind))
    return (said[0], said[1]) if len(said) == 2 else None


#: Where one clause of a line ends and the next begins: "…, and Raj told me …".
_CLAUSE_BREAK = re.compile(r"\s*(?:,\s*and|;|\.(?=\s)|,\s*but|\s+but)\s+", re.I)


def _promise_label(promise: Promise) -> str:
    if promise.kind is PromiseKind.YOU_CALL_ON:
        return f"I call on {promise.on:%a %d %b}"
    return f"They decide by {promise.on:%a %d %b}"


#: "in 8 days", "within fifteen days": a week or a fortnight, as much of Europe says it.
_DAYS_AS_WEEKS = re.compile(r"\b(?:in|within)\s+(?:(?P<week>8|eight)|15|fifteen)\s+days\b", re.I)


def _day_in_doubt(line: Line, ctx: Context, said: Promise) -> tuple[str, tuple[date, ...]] | None:
    """Why the day read may not be the day meant, as a question and the days it offers;
    None when it is clear.

    "Told me to call on Monday", said on a Monday about an interview before today or
    earlier today (and not right after a call): Monday may be today, or next week's. "Decide by the
    20th" on the 23rd: the 20th has just gone, so next month's is a guess. A call on a
    public holiday ("call her in Thursday", Thanksgiving): a slip?"""
    weekday = _BARE_DAY.search(line.text)
    target = pick(line.found, ctx.known)
    told_before = not ctx.just_spoke and target is not None and target.starts_at is not None \
        and target.starts_at.astimezone(ctx.tz).date() <= ctx.today
    if weekday is not None and told_before and _TOLD_BEFORE.search(line.text) \
            and weekday.group(1)[:3].lower() == f"{ctx.today:%a}".lower():
        return (f"They told you {weekday.group(1).capitalize()}, and today is "
                f"{ctx.today:%A}: did they mean today, or next week's?", (ctx.today, said.on))
    week_on = lx.DAY_WEEK.search(line.text)
    if week_on is not None and week_on.group(1)[:3].lower() == f"{ctx.today:%a}".lower():
        # "Monday week", said on a Monday: a week today, or the Monday after next?
        sooner = ctx.today + timedelta(days=7)
        return (f"{week_on.group(0).capitalize()}, said on a {ctx.today:%A}: a week today, or "
                "the one after?", (sooner, sooner + timedelta(days=7)))
    dom = _BARE_DATE.search(line.text)
    if dom is not None and said.on.month != ctx.today.month \
            and 0 < ctx.today.day - int(dom.group(1)) <= 7:
        return f"The {dom.group(0)[4:]} has just gone: did they mean next month's?", (said.on,)
    since = _since_when(line, ctx, said)
    if since is not None:
        return since
    weeks = _DAYS_AS_WEEKS.search(line.text)
    if weeks is not None:
        # "an answer in 8 days", "in 15 days": a week and a fortnight in French, Spanish,
        # Italian, Portuguese and more; in English, the days counted
        week = said.on - timedelta(days=1)
        span = "week" if weeks["week"] else "fortnight"
        return (f"{weeks.group(0).capitalize()} is {said.on:%a %d %b}; in many languages that's "
                f"how a {span} is said, which would be {week:%a %d %b}. Which did they mean?",
                (week, said.on))
    days = _CALENDAR_DAYS.search(line.text)
    if days is not None and (said.on.weekday() >= 5 or said.on in ctx.holidays):
        # "decide in 5 days" landing on a Saturday: calendar days, or working days?
        working = parse_promise(line.text[:days.end()].replace(
            days.group(0), f"{days.group(0)[:-len(days.group('unit'))]}business "
            f"{days.group('unit')}"), _counted_from(line, ctx), ctx.now, ctx.tz, said.kind)
        offered = (said.on,) + ((working.on,) if working and working.on != said.on else ())
        closed = "public holiday" if said.on in ctx.holidays else "weekend"
        return (f"Counted on the calendar, that lands on {said.on:%a %d %b}, a {closed}: did "
                "they mean calendar days, or working days?", offered)
    if said.on in ctx.holidays or said.on.weekday() >= 5:
        whose = "your call" if said.kind is PromiseKind.YOU_CALL_ON else "their news"
        closed = "a public holiday" if said.on in ctx.holidays else "a weekend day"
        return (f"{said.on:%a %d %b} is {closed}, when offices are mostly closed: "
                f"is that the day they gave for {whose}?", (said.on,))
    return None


def _since_when(line: Line, ctx: Context, said: Promise) -> tuple[str, tuple[date, ...]] | None:
    """"Raj said they will contact me within 3 business days", about an interview on an
    earlier day, with nothing saying when he said it: counted from the interview, or from
    today? The two give different days, so the person picks."""
    target = pick(line.found, ctx.known)
    if ctx.just_spoke or target is None or target.starts_at is None or \
            not _TOLD_BEFORE.search(line.text) or not _A_SPAN.search(line.text) or \
            _AT_THE_INTERVIEW.search(line.text) or _SAID_SINCE.search(line.text):
        return None
    held = target.starts_at.astimezone(ctx.tz).date()
    if held >= ctx.today:
        return None
    then = parse_promise(line.text, held, ctx.now, ctx.tz, said.kind)
    if then is None or then.on == said.on or then.on <= ctx.today:
        return None
    return (f"Said at the interview ({held:%a %d %b}), that's {then.on:%a %d %b}; said today, "
            f"{said.on:%a %d %b}. Which shall I plan around?", (then.on, said.on))


#: A span counted from when it was said: "within 3 business days", "in two weeks".
_A_SPAN = re.compile(r"\b(?:in|within|give\s+it)\s+(?:an?|one|a\s+couple\s+(?:of\s+)?|\d{1,2}|two|"
                     r"three|four|five|six|seven|eight|nine|ten)\s+(?:(?:business|working)\s+)?"
                     r"(?:days?|weeks?|fortnight)\b", re.I)
#: Words that place the telling after the interview: a call, a mail, today.
_SAID_SINCE = re.compile(r"\b(?:today|just|now|this\s+(?:morning|afternoon|evening)|called|"
                         r"rang|phoned|spoke|speaking|talked|emailed|texted|messaged|voicemail|"
                         r"wrote|(?:in|by)\s+(?:an?\s+|her\s+|his\s+)?(?:e-?mail|message|text))\b",
                         re.I)
#: "In 5 days", not "5 business days": a count that may land on a weekend.
_CALENDAR_DAYS = re.compile(r"\b(?:in|within)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|"
                            r"nine|ten)\s+(?P<unit>days?)\b", re.I)
#: A weekday said alone ("on Monday", not "next Monday" or "Monday the 30th").
_BARE_DAY = re.compile(r"(?<!next\s)(?<!this\s)(?<!coming\s)\b((?:mon|tues|wednes|thurs|fri|satur|"
                       r"sun)day)\b(?!,?\s+(?:the\s+)?\d)(?!\s+(?:week|after))"
                       r"(?!,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", re.I)
#: Words reporting what was said before today.
_TOLD_BEFORE = re.compile(r"\b(?:told|said|asked|mentioned|wanted|promised|wrote|emailed)\b",
                          re.I)
#: A day of the month said without its month: "by the 20th".
_BARE_DATE = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|"
                        r"may|jun|jul|aug|sep|oct|nov|dec))", re.I)


_LATE_DAY = re.compile(r"\bthe\s+(29|30|31)(?:st|th)\b", re.I)


def no_such_day(line: Line, ctx: Context, *, who: str = "they",
                example: str = "they'll decide by Dec 1") -> Reading | None:
    """"By the 31st" said in November: no such day this month, so which one is asked."""
    found = _LATE_DAY.search(line.text)
    if found is None or int(found.group(1)) <= calendar.monthrange(*ctx.today.timetuple()[:2])[1]:
        return None
    return Reading(question=f"{ctx.today:%B} has no {found.group(0)[4:]}: which day did {who} "
                            f"mean? Tell me with the month, e.g. `{example}`. I changed "
                            "nothing yet.")


def _told(text: str) -> str:
    """The sentences of a line that tell rather than ask."""
    return " ".join(s for s in re.split(r"(?<=[.!?])\s+", text) if not s.rstrip().endswith("?"))


def _before_their_word(line: Line, ctx: Context, said: Promise) -> bool:
    """A call asked for, on a condition, before the day they said they'd decide by
    ("they'll decide by Friday" on record, "call him Tuesday if you haven't heard"):
    which word stands is the person's to say. Said plainly ("Dana told me to call her
    Wednesday"), the newer word stands."""
    target = pick(line.found, ctx.known)
    return said.kind is PromiseKind.YOU_CALL_ON and target is not None and \
        target.promised is not None and said.on < target.promised and \
        _ON_A_CONDITION.search(line.text) is not None


_ON_A_CONDITION = re.compile(r"\b(?:if|unless|in\s+case|otherwise)\b", re.I)


def _pushed_back(line: Line, ctx: Context, pushed: re.Match[str]) -> Reading:
    """"They pushed the decision back a week": that long after the day they gave before.
    Sure only when the line says it is their decision ("pushed it back" may be the
    interview itself)."""
    target = pick(line.found, ctx.known)
    if target is None or target.promised is None:
        which = "" if target is None else f" {target.number}"
        return Reading(question="Moved back from which day? I have no date of theirs to "
                                "count from. Tell me the new one, e.g. "
                                f"`promised{which} they'll decide by Friday`.")
    count = _COUNTS[pushed.group("n").lower()]
    step = timedelta(weeks=count) if pushed.group("unit").lower().startswith("week") \
        else timedelta(days=count)
    said = Promise(PromiseKind.THEY_DECIDE_BY, target.promised + step, line.text)
    day = f"{said.on:%a %d %b}"
    on_a_call = _called_and_heard(line, ctx)
    return about_one(line, ctx, lambda k: ReportCall(record(k), CallResult.ANSWERED,
                                                     promise=said)
                     if on_a_call else RecordPromise(record(k), said, said=line.text),
                     lambda k: f"{k.company} (#{k.number}): they'll be in touch by {day}.",
                     "Did {company} (#{n}) move their decision back to " + day + "?",
                     # "pushed their decision 2 weeks": by two weeks, or to two weeks from now?
                     sure=bool(lx.PROMISE_CUES.search(line.text)) and not hedged(line)
                     and bool(pushed.group("back")))


def _other_day(line: Line, ctx: Context, said: Promise) -> Promise | None:
    """The second day a promise line could mean, if it names or implies one."""
    if _EITHER_DAY.search(line.text):
        # "the first or the second of december": the month read with the second day, so
        # the day that differs from it is the first, said with the same month
        days = (parse_promise(_EITHER_DAY.sub(keep, line.text), ctx.today, ctx.now, ctx.tz,
                              said.kind) for keep in (r"\g<2>", r"\g<1>"))
        return next((day for day in days if day is not None and day.on != said.on), said)
    or_two = lx.A_UNIT_OR_TWO.search(line.text)
    if or_two is not None:
        # "they'll get back to me in a week or two": a week on, or two?
        unit = or_two["unit"].lower()
        return parse_promise(f"{line.text[:or_two.start()]} in 2 {unit}s "
                             f"{line.text[or_two.end():]}", ctx.today, ctx.now, ctx.tz,
                             said.kind)
    turn = _BUT.search(line.text)
    if turn is not None:
        after = parse_promise(line.text[turn.end():], ctx.today, ctx.now, ctx.tz, said.kind)
        if after is not None:
            return Promise(said.kind, after.on, said.text)
    two_ways = next_weekday_two_ways(line.text, ctx.today)
    if two_ways is not None and said.on == two_ways[0]:
        # "next Wednesday" said on a Monday: this week's, or the one after?
        return Promise(said.kind, two_ways[1], said.text)
    return None


_AN_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
#: "pushed the decision back a week", "moved it back by two days".
_PUSHED = re.compile(r"\b(?:pushed|moved|put|set)\s+(?:\w+\s+){0,2}(?P<back>back\s+)?(?:by\s+)?"
                     r"(?P<n>a|an|one|1|two|2|three|3)\s+(?P<unit>weeks?|days?)\b", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}
#: Their decision moved, told on a call: "he said they pushed it to monday".
_MOVED_TO = re.compile(r"\b(?:said|says|told\s+me)\s+(?:that\s+)?(?:they'?(?:ve|d)?|she'?s|"
                       r"he'?s)?\s*(?:pushed|moved|postponed|delayed|put\s+off)\s+(?:it|the\s+"
                       r"decision|their\s+decision|things)\s+(?:back\s+)?(?:to|till|until)\s+",
                       re.I)
#: "by the 4th but Raj said the 11th": a second day after the turn.
_BUT = re.compile(r"\b(?:but|whereas|while|though)\b", re.I)


def _call_result(line: Line) -> CallResult | None:
    return next((r for pattern, r in lx.CALL_RESULTS if pattern.search(line.text)), None)


def _said_on_the_call(line: Line, ctx: Context) -> Promise | None:
    """The day named on an answered call ("she said they'll decide by Friday", "he said
    they pushed it to monday"), if any."""
    moved = _MOVED_TO.search(line.text)
    if moved is not None and not hedged(line):
        said = parse_promise(f"they'll decide by {line.text[moved.end():]}", ctx.today,
                             ctx.now, ctx.tz, PromiseKind.THEY_DECIDE_BY)
        return None if said is None else Promise(PromiseKind.THEY_DECIDE_BY, said.on, said.text)
    cue = lx.PROMISE_CUES.search(line.text)
    if cue is None or hedged(line):
        return None
    kind = PromiseKind.YOU_CALL_ON if lx.USER_CALLS.search(line.text[cue.start():]) else \
        PromiseKind.THEY_DECIDE_BY
    said = parse_promise(line.text[cue.start():], ctx.today, ctx.now, ctx.tz, kind)
    if said is None:
        return None
    return Promise(kind, said.on, said.text)


def _called_and_heard(line: Line, ctx: Context) -> bool:
    """Whether the line tells of a call the person made that someone took ("Called Dana,
    2nd round wed 1pm!"): the news it brings came on that call."""
    text = _SOMEONE_CALLED.sub("", line.text)
    return bool(lx.CALL_CUES.search(text)) and not _they_called(line, ctx) \
        and not _CALL_CALLED_OFF.search(text) and not lx.HOLD_THEN_LOST.search(text) \
        and _call_result(line) is not CallResult.NO_ANSWER \
        and not (_AN_INTERVIEW_TOLD.search(text) and not _DIALLED.search(text)) \
        and not _THEY_RANG.search(text)


#: "acme's hiring manager just called", "Acme already call me": they rang, not the person.
_THEY_RANG = re.compile(r"(?<!\bi\s)(?:just|already)\s+(?:called|call|rang|phoned)\b"
                        # "just called acme, jane answered": the person rang Acme
                        r"(?!\s+(?!me\b|back\b|and\b|to\b|with\b|about\b)[\w&'-]+)|"
                        r"\b(?:called|call|rang|phoned|ringing|calling)\s+me\b", re.I)


def _they_called(line: Line, ctx: Context) -> bool:
    """Whether someone else rang the person ("Dana rang", "she called me")."""
    names = {word.lower() for k in ctx.known for name in k.names
             for word in name.split()} | {k.company.lower() for k in ctx.known}
    callers = "|".join(re.escape(n) for n in sorted(names | set(lx.CALLERS)) if n)
    # "Miss Jane Smith of Acme telephoned": the caller may carry where they work
    return re.search(rf"\b(?:{callers})(?:\s+(?:of|from|at)\s+\w+)?\s+(?:just\s+)?"
                     r"(?:called|rang|phoned|telephoned)\b", line.text, re.I) is not None


_DAY_WORD = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|tomorrow|"
             r"\d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}|"
             # "the first or the second of december", dictated
             r"(?:(?:twenty|thirty)[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|"
             r"eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|"
             r"twentieth|thirtieth")
_EITHER_DAY = re.compile(rf"\b({_DAY_WORD}),?\s+or\s+(?:the\s+)?({_DAY_WORD})\b", re.I)


# --- calls --------------------------------------------------------------------------------
def call(line: Line, ctx: Context) -> Reading | None:
    if not lx.CALL_CUES.search(_SOMEONE_CALLED.sub("", line.text)):
        return _no_answer_from(line, ctx) if _BARE_NO_ANSWER.fullmatch(line.text.strip()) \
            else None
    if _they_called(line, ctx):
        return None  # "a fella called Stevie Armstrong": named so, not phoned
    if _AN_INTERVIEW_TOLD.search(line.text) and not _DIALLED.search(line.text):
        return None  # "interviewed today at 11, spoke to Kevin": the talk was the interview
    if _CALL_CALLED_OFF.search(line.text):
        return None  # "Dana cancelled our follow-up call": no call was made
    lost = lx.HOLD_THEN_LOST.search(line.text)  # "on hold for 20 min then it cut off"
    result = CallResult.NO_ANSWER if lost else _call_result(line)
    if result is None or (lx.CALL_UNCLEAR.search(line.text) and not lost):
        target = pick(line.found, ctx.known)
        if target is None:
            return None
        return Reading(question=f"How did your call to {target.company} (#{target.number}) "
                                "go: did you speak to someone?",
                       choices=(_nobody_picked_up(target),
                                Choice("I spoke to someone", ReportCall(
                                    record(target), CallResult.ANSWERED, ask_news=True)),
                                Choice("I haven't called", None)))

    said = _said_on_the_call(line, ctx) if result is CallResult.ANSWERED else None

    def make(k: KnownInterview) -> ReportCall:
        return ReportCall(record(k), result, ask_news=result is CallResult.ANSWERED and
                          said is None, promise=said)

    two_ways = next_weekday_two_ways(line.text, ctx.today) if said is not None else None
    target = pick(line.found, ctx.known)
    if said is not None and two_ways is not None and said.on in two_ways and target is not None:
        # "spoke w/ jane, they pushed the decision to next friday", said on a Monday
        return Reading(
            question=f"Your call to {target.company} (#{target.number}): someone picked up, "
                     "and which day did they give?",
            choices=(*(Choice(f"{day:%a %d %b}", ReportCall(record(target), result,
                                                             promise=replace(said, on=day)))
                       for day in two_ways), Choice("Neither", None)))
    if said is not None and target is not None and (
            lx.SOMETIME.search(line.text) or lx.NOT_BEFORE.search(line.text)
            or _EITHER_DAY.search(line.text) or said.on in ctx.holidays):
        # "spoke to dana, they'll decide thursday or friday": the call is sure, the day not
        either = _said_on_the_call(Line.of(_EITHER_DAY.sub(r"\g<2>", line.text), ctx), ctx) \
            if _EITHER_DAY.search(line.text) else None
        days = [p for p in (said, either) if p is not None]
        return Reading(
            question=f"Your call to {target.company} (#{target.number}): someone picked up. "
                     "Which day shall I plan on?",
            choices=(*(Choice(f"{p.on:%a %d %b}", ReportCall(record(target), result, promise=p))
                       for p in days),
                     Choice("Just the call", ReportCall(record(target), result,
                                                        ask_news=True)),
                     Choice("Neither", None)))
    words = "someone picked up" if result is CallResult.ANSWERED else "nobody picked up"
    if _A_PAUSE_TOO.search(line.text) and target is not None:
        # "called initech, no one picked up. stop for today": the call, and a pause whose
        # end is theirs to say
        return Reading(question=f"Your call to {target.company} (#{target.number}): {words}. "
                                "Shall I note the call? For a pause, tell me when to remind "
                                "you again (`remind me tomorrow`).",
                       choices=(Choice("Note the call", make(target)), Choice("Neither", None)))
    if lx.CANCEL_CUES.search(line.text) and target is not None:
        # "called twice, no answer both times, just stop bugging me about it": two
        # requests, one of them a stop; which is meant is theirs to choose
        return Reading(question=f"Your call to {target.company} (#{target.number}): "
                                f"{words}. Shall I note the call, or stop its reminders?",
                       choices=(Choice("Note the call", make(target)),
                                Choice(f"Stop {target.company}'s reminders",
                                       CancelInterview(record(target))),
                                Choice("Neither", None)))
    if said is not None:
        words += (f" and you call again on {said.on:%a %d %b}"
                  if said.kind is PromiseKind.YOU_CALL_ON
                  else f" and they'll be in touch by {said.on:%a %d %b}")
    return about_one(line, ctx, make,
                     lambda k: f"You called {k.company} (#{k.number}) and {words}.",
                     "Your call to {company} (#{n}): " + words + "?",
                     # "called initech twice today": one call, or two of the two?
                     sure=not (hedged(line) or unnamed(line, ctx) or _TWICE.search(line.text)
                               # "spoke to jane", and no word of a phone: a call, or the
                               # interview itself?
                               or bool(_ONLY_SPOKE.fullmatch(line.text.strip(" .!")))))


#: A pause asked for beside a call: "stop for today", "enough for now".
_A_PAUSE_TOO = re.compile(r"\b(?:stop|enough|no\s+more)\s+(?:for\s+)?(?:today|tonight|now|"
                          r"the\s+day)\b", re.I)


#: "initech no answer": nobody picked up when they rang, or no reply to wait for yet?
_BARE_NO_ANSWER = re.compile(r"\W*[\w&'.-]+(?:\s+[\w&'.-]+){0,3}?\s*[,:;-]?\s*(?:no\s+(?:answer|"
                             r"reply|response|pick\s*up)|nobody\s+(?:answered|picked\s+up))\W*",
                             re.I)


def _no_answer_from(line: Line, ctx: Context) -> Reading | None:
    """A name and "no answer", and nothing else: both readings offered, neither taken."""
    named = line.found.by_company or line.found.people or line.found.numbers
    target = pick(line.found, ctx.known) if named else None
    if target is None:
        return None
    return Reading(question=f"{target.company} (#{target.number}), no answer: did you call and "
                            "nobody picked up, or have they not got back to you yet?",
                   choices=(_nobody_picked_up(target, "I called, nobody picked up"),
                            Choice("No word from them yet", None)))


def _nobody_picked_up(target: KnownInterview, label: str = "Nobody picked up") -> Choice:
    return Choice(label, ReportCall(record(target), CallResult.NO_ANSWER))


_ONLY_SPOKE = re.compile(r"(?:i\s+)?(?:just\s+)?(?:spoke|talked)\s+(?:to|with)\s+[\w'-]+"
                         r"(?:\s+[\w'-]+)?", re.I)
_TWICE = re.compile(r"\b(?:twice|two\s+times|both\s+times|either\s+time|again\s+and\s+again)\b",
                    re.I)
#: A new interview told, its fields after: "interview done - redwood & pine, store manager".
_NEW_ONE_TOLD = re.compile(r"^\W*(?:(?:an?|my|the)\s+)?interview\s+(?:done|over|finished)\b"
                           r"\s*[-–—:,]", re.I)
_AN_INTERVIEW_TOLD = re.compile(r"\b(?:interviewed|(?:had|did)\s+(?:an?|my|the)\s+(?:\w+\s+)?"
                                r"interview|put\s+me\s+forward)\b", re.I)
_CALL_CALLED_OFF = re.compile(r"\b(?:cancel+ed|called\s+off|postponed|rescheduled|moved|pushed)"
                              r"\s+(?:our|the|my|this|that)\s+(?:[\w-]+\s+){0,2}call\b", re.I)
_DIALLED = re.compile(r"\b(?:called|rang|phoned|telephoned|dialled|dialed|voicemail|log(?:ged)?"
                      r"\s+(?:a|the|my)\s+call)\b", re.I)


# --- thank-you notes ----------------------------------------------------------------------
def sent(line: Line, ctx: Context) -> Reading | None:
    if _from_them(_THEY_WROTE.search(line.text), ctx):
        return None  # "Jane emailed: 'thanks again for coming in'": their mail, not my note
    if _MAIL_HEADER.search(line.text):
        return None  # "From: Dana Wu …": a message pasted, read by the other readers
    if lx.ASKS_WHETHER.search(line.text):
        return None  # "wait did i already mark jane's thank you as sent or no": asked
    sender = _THEY_SENT.match(line.text)
    if sender is not None and sender["who"].lower() in line.found.company_words:
        return None  # "ugh initech sent the 'we've decided to go …' email": their mail
    verb_led = bool(re.match(r"^(?:sent|thanked)\b", line.text, re.I))
    if not (lx.SENT_CUES.search(line.text) and (verb_led or lx.NOTE_WORDS.search(line.text))):
        return None
    text = lx.BUT_NOT.sub("", line.text)
    if lx.NOT_SENT.search(text) or _NOT_POSTED.search(line.text):
        return None
    if text != line.text and ctx.known:
        # "sent jane a thank you, still need to do dana and raj": the rest is the notes to
        # come, so the interview is the one the note sent names
        cut = Line.of(text, ctx)
        if cut.found.numbers:
            line = replace(line, found=cut.found)
    # "I wrote the note, I'll send it tonight": written is not yet sent, so it is asked.
    rest = line.text[len(text):]
    # ("I wrote the thank you for jane but didnt send yet": the same note, not yet sent)
    written_only = (bool(lx.TO_SEND_LATER.search(rest) or (
        lx.NOT_SENT.search(rest) and not Line.of(rest, ctx).found.people))
                    and not lx.SENT_OUT.search(text))
    if not (verb_led or lx.SENT_VERBS.search(text) or lx.SENT_DONE.search(text)):
        return None  # "the thank-you for jane": a note named is no note sent
    if _AN_ADDRESS.search(text) and not lx.SENT_VERBS.search(text):
        return None  # "here's Raj's address for the thank-you: raj@…" gives a detail
    if _THEIR_MAIL_SENT.search(text) and not _I_SENT.search(text):
        return None  # "Acme ain't want me, they sent the 'we regret' email": theirs
    by = text_or_social(text)
    if by is None and re.search(r"\btexted\b", text, re.I):
        by = "text message"
    named = Line.of(text, ctx).found.people if ctx.known else {}
    # "to Dana only, Raj's email bounced": the one it didn't reach is no one it went to
    failed = {(m["who"] or m["who2"]).casefold() for m in _DID_NOT_REACH.finditer(text)}
    if failed:
        named = {n: tuple(p for p in people if not failed & {w.casefold() for w in p.split()})
                 for n, people in named.items()}
    card = bool(_A_CARD.search(text))

    def make(k: KnownInterview) -> MarkSent:
        people = named.get(k.number, ())
        return MarkSent(record(k), to=people[0] if len(people) == 1 else "", by=by)

    def said(k: KnownInterview) -> str:
        people = named.get(k.number, ())
        return (f"Your thank-you to {people[0]} ({k.company}, #{k.number}) went out."
                if len(people) == 1 else f"Your thank-you notes for {k.company} "
                f"(#{k.number}) went out.")

    def one_card(k: KnownInterview) -> bool:
        """A card goes to one person: to the company, with two people met, it is whose?"""
        return not card or len(named.get(k.number, ())) == 1 or len(k.names) <= 1

    target = pick(line.found, ctx.known)
    if _NOT_A_NOTE.search(text) and not lx.NOTE_WORDS.search(text):
        return None  # "sent jane the portfolio link she asked for": no thank-you
    return about_one(line, ctx, make, said, "Did your thank-you for {company} (#{n}) go out?",
                     sure=not (hedged(line) or unnamed(line, ctx) or written_only
                               or _NOT_TO.search(text) or _ELSEWHERE_SENT.search(text)
                               or _sent_before(text, target, ctx)
                               or _another_spelling(text, target)
                               or (target is not None and len(target.names) > 1
                                   and not named.get(target.number)
                                   and (_BY_TITLE.search(text) is not None
                                        or _ONE_PERSON.search(text) is not None))
                               # "sent my thank you to the hr coordinator bc i never got
                               # janes email": to someone other than the one met
                               or _TO_THE_OFFICE.search(text) is not None
                               # "… to the generic careers@initech.com address"
                               or _TO_A_SHARED_MAILBOX.search(text) is not None
                               # "sent it to the wrong Jane", "to Mike, who popped in at
                               # the end": not (only) to someone on the interview
                               or _TO_THE_WRONG.search(text) is not None
                               or _to_someone_else(text, target)
                               # "to Jane and the other guy": one of them not on it
                               or _and_someone_else(text, target)
                               # "emailed the recruiter a quick thanks": no interviewer
                               or (target is not None and not named.get(target.number)
                                   and _RECRUITER.search(text) is not None))
                     and (target is None or one_card(target)))


_TO_A_SHARED_MAILBOX = re.compile(r"\bto\s+(?:(?:the|their|a|an|generic|general|main|shared)\s+)*"
                                  + lx.SHARED_MAILBOX.pattern, re.I)
_TO_THE_WRONG = re.compile(r"\bto\s+the\s+wrong\s+(?:person|one|\w+)\b", re.I)
_TO_SOMEONE = re.compile(r"\bto\s+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+)?((?-i:[A-Z][a-z]+))\b")


#: Mail they sent, told in the middle of a line: "…, they sent the 'we regret' email".
_THEIR_MAIL_SENT = re.compile(r"\b(?:they|she|he|hr|the\s+recruiter)\s+(?:just\s+|finally\s+|"
                              r"already\s+)?(?:sent|emailed|mailed)\s+(?:me\s+)?(?:the|a|an|their|"
                              r"this|that)\b", re.I)
_I_SENT = re.compile(r"\bi\s+(?:\w+\s+)?(?:sent|emailed|mailed)\b|^\W*(?:sent|emailed|mailed)\b",
                     re.I)
#: Someone a note did not reach: "Raj's email bounced", "the one to Raj came back".
_DID_NOT_REACH = re.compile(r"\b(?P<who>[A-Za-z][\w-]+)'s\s+(?:e-?mail|note|one|address|message)\s+"
                            r"(?:bounced|came\s+back|failed|(?:didn'?t|did\s+not)\s+(?:go|send|"
                            r"arrive))\b|"
                            # "didn't bother with Dana", "skipped Raj", "but not Dana"
                            r"\b(?:didn'?t\s+bother\s+with|skipped|but\s+not|not\s+to|except(?:\s+for)?)"
                            r"\s+(?P<who2>(?-i:[A-Z])[\w-]+)", re.I)
#: Whom a note went to, "at" their employer: "to dan a woo at initech".
_TO_SOMEONE_AT = re.compile(r"\bto\s+(?P<who>(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:at|from|@)\s+"
                            r"(?P<at>[\w&'-]+)", re.I)
_NOBODY_IN_PARTICULAR = frozenset({"the", "her", "him", "them", "everyone", "everybody", "both",
                                   "all", "each", "one", "team", "hiring", "people", "guys",
                                   "folks", "panel", "interviewers", "my", "their", "his"})


_AND_SOMEONE = re.compile(r"\band\s+(?:(?P<other>the\s+other\s+(?:guy|one|person|lady|woman|man|"
                          r"interviewer)|(?:her|his|their)\s+(?:boss|manager|colleague|assistant))|"
                          r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+)?(?P<name>(?-i:[A-Z][a-z]+)))\b",
                          re.I)


def _and_someone_else(text: str, target: KnownInterview | None) -> bool:
    """Whether a note sent "to Jane and …" also went to someone not on the interview."""
    if target is None:
        return False
    known = {w.lower() for name in target.names for w in name.split()}
    return any(found["other"] or found["name"].lower() not in known
               for found in _AND_SOMEONE.finditer(text))


def _to_someone_else(text: str, target: KnownInterview | None) -> bool:
    """Whether the note went to someone named who is not on the interview."""
    if target is None:
        return False
    known = {word.casefold() for part in (target.company, *target.names) for word in part.split()}
    if any(who.casefold() not in known for who in _TO_SOMEONE.findall(text)):
        return True
    # "sent the thank you to dan a woo at initech": typed in lower case, no word of it a
    # name on the interview (dictated, misheard?), so whose is asked
    said = _TO_SOMEONE_AT.search(text)
    return said is not None and said["at"].casefold() in known and not any(
        w.casefold() in known or w.casefold() in _NOBODY_IN_PARTICULAR
        for w in said["who"].split())


def _from_them(wrote: re.Match[str] | None, ctx: Context) -> bool:
    """Whether the line opens with an interviewer, their company or "they" writing."""
    if wrote is None:
        return False
    who = (wrote.group("who") or wrote.group("whose") or wrote.group("named")).casefold() \
        .removesuffix("'s")
    known = {word.casefold() for k in ctx.known for part in (k.company, *k.names)
             for word in part.split()}
    return who in _THEM or who in known


_THEY_WROTE = re.compile(r"^\W*(?P<who>[\w'-]+)\s+(?:just\s+)?(?:emailed|texted|wrote|messaged|"
                         r"replied|sent\s+(?:me|this|a|an|the))\b|"
                         # "… 😔 Dana wrote email this morning, they refused me": theirs
                         r"(?:^|[.!?]\s+|\W\s+)(?P<named>(?-i:[A-Z][a-z]+))\s+(?:wrote|sent)\s+"
                         r"(?:me\s+)?(?:an?\s+)?e-?mail\b|"
                         # "Dana's reply to my email: …": their answer, not my note
                         r"^\W*(?P<whose>[\w-]+)'s\s+(?:reply|response|answer)\b", re.I)
_THEM = frozenset({"she", "he", "they", "hr", "recruiter"})
_MAIL_HEADER = re.compile(r"^\s*(?:from|re|subject|fwd?)\s*:", re.I | re.M)


def _sent_before(text: str, target: KnownInterview | None, ctx: Context) -> bool:
    """Whether the note was sent on a day before the interview ("sent the thank you on
    friday", of today's interview), or for an earlier round ("two weeks ago")."""
    if _EARLIER_ROUND.search(text):
        return True
    if target is not None and target.starts_at is not None and \
            re.search(r"\byesterday\b", text, re.I) and \
            target.starts_at.astimezone(ctx.tz).date() >= ctx.today:
        return True  # "sent the thank you yesterday", of today's interview: another round's?
    day = _ON_WEEKDAY.search(text)
    if day is None or target is None or target.starts_at is None:
        return False
    wanted = ("mo", "tu", "we", "th", "fr", "sa", "su").index(day.group(1)[:2].lower())
    back = (ctx.today.weekday() - wanted) % 7
    return ctx.today - timedelta(days=back) < target.starts_at.astimezone(ctx.tz).date()


def _another_spelling(text: str, target: KnownInterview | None) -> bool:
    """"sent the thank you to Jane Smyth", Jane Smith's: the same person, or a slip?"""
    said = _TO_FULL_NAME.search(text)
    if said is None or target is None:
        return False
    first, last = said.group(1).casefold(), said.group(2).casefold()
    names = [n.casefold().split() for n in target.names]
    return any(n[0] == first for n in names) and not any(n[0] == first and n[-1] == last
                                                         for n in names)


#: Things sent that are no thank-you: "the portfolio link", "my references".
_NOT_A_NOTE = re.compile(r"\b(?:portfolio|link|application|cv|resume|résumé|references?|contract|"
                         r"forms?|documents?|assignment|take[\s-]?home|task|invoice|availability|"
                         r"transcripts?|certificates?|samples?|deck|slides|paperwork)\b", re.I)
#: A note for an earlier round: "after the phone screen two weeks ago".
_EARLIER_ROUND = re.compile(r"\b(?:(?:days?|weeks?|months?)\s+ago|last\s+(?:week|month)|"
                            r"after\s+the\s+(?:phone\s+screen|screen(?:ing)?|first\s+(?:round|"
                            r"interview)))\b", re.I)
_ON_WEEKDAY = re.compile(r"\b(?:on|last)\s+(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
#: Sent to the wrong place: "sent Dana's note to Raj's email".
_ELSEWHERE_SENT = re.compile(r"\bto\s+[\w'-]+'s\s+(?:e-?mail|address|inbox|phone|number)\b", re.I)
_RECRUITER = re.compile(r"\b(?:recruiter|recruiting|hr|talent|agency|headhunter|coordinator|"
                        r"hiring\s+team|the\s+team)\b", re.I)
_TO_FULL_NAME = re.compile(r"\bto\s+([A-Z][\w'-]+)\s+([A-Z][\w'-]+)")
#: Sent to someone who keeps the process, not to whoever interviewed: "to the hr coordinator".
_TO_THE_OFFICE = re.compile(r"\bto\s+the\s+(?:[\w&'-]+\s+)?(?:coordinator|recruiter|hr|"
                            r"hiring\s+team|office|assistant|receptionist|front\s+desk)\b", re.I)
#: One of several, not named: "sent one to the initech person".
_ONE_PERSON = re.compile(r"\b(?:the|one)\s+(?:[\w&'-]+\s+)?(?:person|guy|lady|woman|man|one)\b"
                         r"(?!\s+(?:interview|job|role))", re.I)
#: Someone named by their job, not their name: "to the hiring manager".
_BY_TITLE = re.compile(r"\bto\s+(?:the\s+)?(?:[\w&'-]+\s+)?(?:hiring\s+manager|recruiter|hr|"
                       r"manager|interviewer|boss|lead|director)\b", re.I)


#: "wrote jane's card but haven't posted it yet": the same note, not out.
_NOT_POSTED = re.compile(r"\bhaven'?t\s+(?:yet\s+)?(?:sent|posted|mailed|emailed)\s+(?:it|them)\b",
                         re.I)
#: "sent it to the recruiter not Jane": whose note went out is not the one named.
_NOT_TO = re.compile(r"\b(?:not|instead\s+of|rather\s+than)\s+(?:to\s+)?(?!(?:yet|sure|"
                     r"really|just|only|much|a|an|the|that|this|it|too|quite|so)\b)[A-Za-z]",
                     re.I)
_A_CARD = re.compile(r"\b(?:card|handwritten|hand-written)\b", re.I)
