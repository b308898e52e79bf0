"""What every reader needs: is the line hedged, or about something the coach doesn't know?

Acting on the only open interview is a guess when the line names another company or a
word the coach can't place; such a line is asked about instead.
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.commands import (
    InterviewRecord,
)
from bot.parsing.english import dictionary
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.reading import Context, Line, a_longer_name
from bot.parsing.understanding.references import KnownInterview
from bot.parsing.zones_said import zones_after_clocks

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
#: Capitalised words that name no company: sentence starts, days, months, "I".
_COMMON_CAPITALS = lx.words("""i i'm i've i'll i'd im ok okay hr ceo cto vp uk us usa
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december dec nov jan feb mar apr jun
    jul aug sep sept oct mon tue tues wed thu thur thurs fri sat sun qa ux ui ml am pm hm
    eow eod cob mr mrs ms mx miss dr prof sir madam""")


def strangers(line: Line, ctx: Context) -> bool:
    """Whether the line names something the coach doesn't know, such as another company:
    acting on the only open interview would then be a guess."""
    known = {w.lower() for k in ctx.known for part in (k.company, *k.names)
             for w in _WORD.findall(part)} | line.found.company_words
    if _another_job(line, ctx) or _held_at_another_time(line, ctx) or _a_longer_name(line, ctx):
        return True
    speaker = _SPEAKER.match(line.text)
    if speaker is not None and speaker.group("who").lower() not in known | _ANYONE:
        return True  # "Dana said they'd decide by Friday", with no Dana tracked
    place = _HELD_AT_THE.search(line.text)
    if place is not None and place.group("what").lower() not in known | _NOT_A_PLACE:
        return True  # "The interview at the bank went well, …", with no bank tracked
    for named in _SOMEONE_IN_LOWER_CASE.finditer(line.text):
        # "dana emailed, they picked someone else", "called dana no answer", "sent dana the
        # thank you": a name typed in lower case, which no tracked interview has
        who = named.group("who") or named.group("whom")
        if who.lower() not in known | _ANYONE | _NOT_A_NAME and not lx.VOCABULARY & {who}:
            return True
    shouting = line.text.upper() == line.text
    zones = [(z.start(), z.end()) for z in zones_after_clocks(line.text)]
    for found in _WORD.finditer(line.text):
        word = found.group(0)
        if any(start <= found.start() < end for start, end in zones):
            continue  # "9am EST", "10pm NY time": a clock's zone, no one's name
        lower = word.lower().removesuffix("'s")
        if lower in known or lower in _COMMON_CAPITALS or lower in lx.VOCABULARY:
            continue
        if len(word) > 1 and word.isupper() and dictionary().known([lower]):
            continue  # "I GOT IT", "THEY SAID YES": shouted words, not a name
        # A capital that starts a sentence says nothing; one inside a sentence is a name.
        sentence_start = not line.text[:found.start()].rstrip() or \
            line.text[:found.start()].rstrip()[-1] in ".!?"
        if word[0].isupper() and not sentence_start and not shouting:
            return True
        # "thank-you", "follow-up"; "should've", "would've": a word and its contraction
        parts = [_CONTRACTED.sub("", p) for p in lower.split("-") if p]
        if not all(p in lx.VOCABULARY or dictionary().known([p]) for p in parts):
            return True
    return False


_CONTRACTED = re.compile(r"(?<=\w)(?:'ve|'ll|'d|'re|'m)$")
#: Someone named who said or sent something: "Dana said …", "Priya emailed …".
_SPEAKER = re.compile(r"^\W*(?P<who>[A-Z][a-z]+)\s+(?:just\s+)?(?:said|says|told|emailed|texted|"
                      r"called|rang|wrote|messaged|phoned)\b")
#: An interview told by the kind of place it was at: "the interview at the bank".
_HELD_AT_THE = re.compile(r"\binterview\s+(?:at|with)\s+the\s+(?P<what>[a-z]{3,})\b", re.I)
_NOT_A_PLACE = lx.words("""office offices company same start end beginning moment time
    building hq headquarters place site store shop branch firm team""")
#: Someone named in lower case as who wrote or rang, or whom a call or a note went to.
_SOMEONE_IN_LOWER_CASE = re.compile(
    r"^\W*(?P<who>[a-z]{3,})\s+(?:just\s+)?(?:emailed|called|rang|texted|messaged|phoned|wrote)\b|"
    r"\b(?:called|rang|phoned|sent|emailed|texted|thanked)\s+(?P<whom>[a-z]{3,})\b"
    r"(?=\s+(?:the|a|an|my|no\b|back\b|again\b|but\b|,)|\s*(?:[,.;!]|$))")
#: Words in those places that are no one's name.
_NOT_A_NAME = lx.words("""they she he you them her him it this that back again someone
    somebody nobody everyone recruiter reception receptionist office company team manager
    boss hiring people folks guys over out off up round through twice once earlier today
    yesterday tonight already still just too also and but the then there here now
    thanks thank note notes card email mail message text letter follow followup both all
    each one two everybody interviewer interviewers panel mine done yes okay finally
    successfully yet via anyway lol haha thx""")
#: Who may say so without being anyone's name.
_ANYONE = lx.words("they she he hr someone somebody recruiter i we it everyone nobody "
                   "mum mom dad")
#: "the QA folks", "the nursing job": an interview named by the work it is for.
_BY_ITS_WORK = re.compile(r"\bthe\s+(?P<words>[a-z]+(?:\s+[a-z]+)?)\s+(?:folks|people|team|job|"
                          r"role|position|one|interview|gig)\b", re.I)


def _another_job(line: Line, ctx: Context) -> bool:
    """The line names a job by its work ("the QA folks") that no known role is."""
    roles = {w.lower() for k in ctx.known for w in _WORD.findall(f"{k.role} {k.company}")} | \
        {w for k in ctx.known for w in f"{k.role} {k.company}".lower().split()}
    for found in _BY_ITS_WORK.finditer(line.text):
        said = found.group("words").lower().split()
        # ("the bank job": where it is, as good as what it is)
        if all(w in lx.ROLE_VOCABULARY or w in lx.WORK_SHORT or w in _WORKPLACES
               for w in said) and not any(w in roles for w in said):
            return True
    return False


#: Kinds of employer a job is named by: "the bank job", "the hospital one".
_WORKPLACES = lx.words("""bank hospital school clinic hotel restaurant cafe store shop warehouse
    factory plant agency startup council university college library museum airline airport
    bakery pharmacy law firm church charity gym salon""")


#: An interview's day and clock told as news of it: "… stock associate today 10am w ben".
_HELD_AT = re.compile(r"\b(?P<day>today|yesterday)\s+(?:at\s+|@\s*)?(?P<hour>\d{1,2})"
                      r"(?::(?P<minute>\d{2}))?\s*(?P<ap>[ap])\.?m\b", re.I)
#: Words before a day and clock that make them a promise's or a reminder's, not a meeting's.
_NOT_HELD = re.compile(r"\b(?:by|before|until|till|til|after|call|ring|phone|email|hear|know|"
                       r"decide|remind|snooze|reminder|ping|back|moved?|pushed|changed)\b", re.I)


def _held_at_another_time(line: Line, ctx: Context) -> bool:
    """Whether the line tells of an interview today or yesterday at a clock time that no
    tracked one was held at ("kohl's stock associate today 10am w ben ward, they'll let me
    know by friday", Acme being at 2pm): news of another interview, not of these."""
    for said in _HELD_AT.finditer(line.text):
        clause = re.split(r"[,.;!?]", line.text[:said.start()])[-1]
        if _NOT_HELD.search(clause):
            continue
        day = ctx.today - timedelta(days=1 if said["day"].lower() == "yesterday" else 0)
        hour = int(said["hour"]) % 12 + (12 if said["ap"].lower() == "p" else 0)
        minute = int(said["minute"] or 0)
        if not any(k.starts_at is not None and (at := k.starts_at.astimezone(ctx.tz)).date()
                   == day and (at.hour, at.minute) == (hour, minute) for k in ctx.known):
            return True
    return False


def _a_longer_name(line: Line, ctx: Context) -> bool:
    """A tracked company's name with another firm's word after it: "acme foods want me
    back", with Acme tracked, is news of Acme Foods."""
    known = [w.lower() for k in ctx.known for name in k.names for w in name.split()]
    return any(a_longer_name(line.text, k.company, known) for k in ctx.known)


def unnamed(line: Line, ctx: Context) -> bool:
    """No interview named, and the line may be about one the coach doesn't know."""
    return not line.found.numbers and strangers(line, ctx)


def hedged(line: Line) -> bool:
    """Unsure words, someone else's news, or a question: "can you stop them?" is a
    request, not a doubt."""
    # "Acme: 'Are you available Thursday …?'": a question quoted is still a question
    asked = line.text.rstrip(" '\"’”").endswith("?") and not polite_request(line.text)
    # "it was my sister's interview" is why an entry goes, not news of hers
    someone_else = bool(lx.THIRD_PARTY.search(line.text)
                        or lx.ANOTHER_INTERVIEW.search(line.text)) \
        and not lx.BY_MISTAKE.search(line.text)
    said = lx.MY_OWN_THINKING.sub(" ", lx.RESIGNED.sub(" ", line.text))
    return bool(lx.HEDGES.search(said)) or asked or someone_else


def polite_request(text: str) -> bool:
    """"Can you stop them?", "…by mistake, could you bin it?": asked, but a request."""
    return bool(_REQUEST.search(text))


_REQUEST = re.compile(r"^(?:(?:please|pls|ok|so)\s+)?(?:can|could|would|will)\s+you\b|"
                      r"[.!,]\s*(?:can|could|would|will)\s+you\b|"
                      # "can delete or not?": asked the Singaporean way, a request
                      r"\bcan\s+\w+(?:\s+\w+)?\s+or\s+not\W*$", re.I)


def record(k: KnownInterview) -> InterviewRecord:
    return InterviewRecord(k.record_id)
