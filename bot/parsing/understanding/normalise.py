"""A line as the readers want it: emoji read or dropped, short forms and typos put right.

Typos are corrected only towards the domain's own words (`lexicon.VOCABULARY`), only for
words that are not English already, and never for the names the person has told the
coach: "Dana" stays Dana even though it is one letter from "data".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from bot.parsing.cleaning import dictated, spoken_clock
from bot.parsing.command_text import GREETING
from bot.parsing.dates import HOUR_NAMES, MONTH, hour_said
from bot.parsing.english import another_languages_word, slip_of
from bot.parsing.other_languages import days_in_english, verbs_in_english
from bot.parsing.people import spelled_out
from bot.parsing.understanding.lexicon import (
    EMOJI_WORDS,
    EYE_ROLL_AT_AN_OFFER,
    MIXED_IN,
    NUMBER_UNITS,
    ROLE_SLIPS,
    ROLE_VOCABULARY,
    SHORT_FORMS,
    VOCABULARY,
)

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'/]*")
_SPACES = re.compile(r"\s+")
_BETWEEN_WORDS = re.compile(r"(?<=\w)\s*\x00[\x00\s]*(?=(?:they|she|he|we|i|it|said|and|but|so|"
                            r"will)\b)", re.I)
_ALARM_BEFORE_VERB = re.compile(r"⏰\s*(?=(?:snooze|remind)\b)", re.I)
_LET_ME_NO = re.compile(r"\blet\s+(?:me|us)\s+no\b", re.I)  # "they'll let me no": "know"
#: "they would no by the forth of december": "know", "fourth"
_WOULD_NO = re.compile(r"\b(would|will|'ll|should)\s+no\s+(?=by\b)", re.I)
_FORTH_OF = re.compile(r"\bforth\s+(?=of\b)", re.I)
_CALL_VERB = re.compile(r"\b(?:called|rang|phoned|calling|ringing)\b", re.I)
_DRAWN_OUT = re.compile(r"(?!\b(?:OOO|ooo)\b)([A-Za-z])\1{2,}")  # "OOO" is out of office
_TOKEN = re.compile(r"\S+")
#: "ten a m", "3 p m", "ten am": a time dictated, its hour in words or its am or pm spoken
#: letter by letter; written as a clock.
_SPOKEN_MERIDIEM = re.compile(r"\b(\d{1,2}(?::\d{2})?|" + "|".join(HOUR_NAMES) +
                              r")\s+([ap])(?:\.?\s+m\b\.?|m\b|\.m\.)", re.I)
_DO_ONE_THING = re.compile(r"^\s*(?:please\s+|kindly\s+)?do\s+one\s+thing\s*[,:;.!-]*\s*", re.I)
#: Punctuation said aloud by dictation: "Cyberdyne comma robotics … period".
_TITLES_IN_CAPITALS = frozenset({"RN", "LPN", "CNA", "NP", "PA"})
_NURSE = re.compile(r"\b(?:(?P<lead>(?:staff|charge|travel|float|icu|er|grad|an|as)\s+)rn\b"
                    r"|rn(?=\s+(?:job|position|role|post|opening|vacancy)\b))", re.I)
#: "2. December": a day of the month written with a full stop, as in German.
_DOTTED_DAY = re.compile(r"\b(\d{1,2})\.\s+(?=" + MONTH + r")", re.I)
#: "14h30", "today 11h": a clock written as in French, Portuguese or Spanish; a bare
#: "2h" only after a word that puts a clock next ("remind me in 2h" is two hours).
_H_CLOCK = re.compile(r"(?<![\w.:])(?P<hour>[01]?\d|2[0-3])h(?P<minutes>[0-5]\d)\b|"
                      r"(?:(?<=\bat\s)|(?<=\btoday\s)|(?<=\btomorrow\s)|(?<=\byesterday\s)|"
                      # "snooze acme till 19h", "tonight 21h": a clock after a word of when
                      r"(?<=\btill\s)|(?<=\buntil\s)|(?<=\btil\s)|(?<=\bby\s)|(?<=\bafter\s)|"
                      r"(?<=\btonight\s)|"
                      r"(?<=@))(?P<hour2>[01]?\d|2[0-3])h\b|"
                      # "remind me 19h please": an hour no one snoozes for, so the clock's
                      r"(?<!\bin\s)(?<!\bfor\s)(?<![\w.:])(?P<hour3>1[3-9]|2[0-3])h\b", re.I)
#: A name spelled out letter by letter: "W-O-O" is Woo.
_LETTER_BY_LETTER = re.compile(r"\b[A-Za-z](?:-[A-Za-z]){2,}\b")
#: "-in'" for "-ing", as said in much of America and Britain: "callin'", "goin'".
#: Words typed as they sound, in the phrases where only one meaning fits.
_SOUNDS_ALIKE = tuple((re.compile(said, re.I), meant) for said, meant in (
    (r"\b(would|will|'ll|let\s+me|let\s+us)\s+no\b(?=\s+(?:by|in|on|within|before|after|"
     r"next|this|tomorrow|soon|when|if))", r"\1 know"),
    (r"\bforth\b(?=\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", "fourth"),
    (r"\bgimme\b", "give me"),  # "on shift, gimme 2 hrs"
    (r"\bmornin\b", "morning"),
    # "my appreciation mail", "a gratitude note": the thank-you, in other words
    (r"\b(?:appreciation|gratitude)\s+(?=(?:e-?)?mail|note|letter|message|card)",
     "thank-you "),
))
_DROPPED_G = re.compile(r"\b([A-Za-z]{2,}?)in['’](?=[\s,.!?;]|$)")
#: Letters of a short form said one by one, as voice typing writes them: "Q A", "H R".
_SPELLED_OUT = re.compile(r"\b(?:Q\s+A|H\s+R|Q\.\s?A\.)(?=\s|$|[,.!?])")
_SLEEPS = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven)\s+sleeps\b", re.I)
_AT_FOUR_DIGITS = re.compile(r"(?:(?<=\bat\s)|(?<=@\s)|(?<=@))([01]\d|2[0-3])([0-5]\d)\b"
                             r"(?![\s.-]?\d)|"
                             # "0800 this morning", "1400 hrs": a clock by what follows it
                             r"\b([01]\d|2[0-3])([0-5]\d)(?=\s*(?:hrs|hours|h)?\s+(?:this\s+"
                             r"(?:morning|afternoon|evening)|today|tomorrow|yesterday)\b)", re.I)
#: An address said aloud, as dictation writes it: "jane dot smith at acme dot com".
_SPOKEN_ADDRESS = re.compile(r"(?<!\b[A-Za-z]\s)\b([a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*)\s+at\s+"
                             r"([a-z0-9-]+(?:\s+dot\s+"
                             r"[a-z0-9-]+)*\s+dot\s+(?:com|org|net|io|co|edu|gov|uk|ca|de|fr|"
                             r"au|in|ie|nz|sg))\b", re.I)
_DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
#: A phone number said digit by digit, ten digits or more: "two one two five five five zero
#: one four seven" (a shorter one may have lost a digit, so it is left as said).
_SPOKEN_DIGITS = re.compile(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
                            r"(?:[\s,-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)){9,}"
                            r"\b", re.I)


def _address_said(found: re.Match[str]) -> str:
    return f"{found[1]}@{found[2]}".replace(" dot ", ".").replace(" ", "")


def _digits_said(found: re.Match[str]) -> str:
    return "".join(_DIGIT_WORDS[w.lower()] for w in re.findall(r"[a-z]+", found[0], re.I))


#: "by COB wed", "EOD friday": the day's end, which a day names already.
_DAYS_END = re.compile(r"\b(?:COB|EOD|EOP|close\s+of\s+business|end\s+of\s+play)\s+"
                       r"(?=(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|the\s+\d|\d))", re.I)
#: "a week Friday": a week after the coming Friday, as "Friday week" says it.
_A_WEEK_DAY = re.compile(r"\ba\s+week\s+(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                         re.I)
#: "2.30", "8.15 tonight": a clock written with a dot, as in Britain.
_DOTTED_CLOCK = re.compile(r"(?<=\bwas\s)([01]?\d|2[0-3])\.([0-5]\d)\b(?![.\d])|"
                           r"\b([01]?\d|2[0-3])\.([0-5]\d)(?=\s*(?:[ap]\.?m\b|tonight\b|this\s+"
                           r"(?:morning|afternoon|evening)\b|not\b))", re.I)
#: "decision NLT 4 Dec": military and civil-service shorthand for "no later than".
_NLT = re.compile(r"\bNLT\b")
#: A tag at the end that asks nothing: "They decide by 4 December, vale?", "…, innit?".
_TAG_QUESTION = re.compile(r"\s*,\s*(?:vale|lah|leh|innit|hein|oder|né)\s*\?+\s*$", re.I)
_EARLY_DOORS = re.compile(r"\bearly\s+doors\b", re.I)
_THE_MORRA = re.compile(r"\bthe\s+morra\b", re.I)
#: A filler that opens a line and says nothing of it: "ngl should i call initech"; and
#: Singapore English's "can" before a request, which asks nothing ("can remind me at 9.30
#: tonight ah"): only before a verb that changes nothing lasting.
_OPENING_FILLER = re.compile(
    r"^\s*(?:(?:ngl|tbh|lowkey|highkey|honestly|imo|welp|bruh)\b[,.!\s]*)+|"
    r"^\s*can\s+(?=(?:remind|ping|nudge|show|tell)\s+me\b)", re.I)
#: A particle that colours a sentence and names nothing, in Filipino ("St. Luke's pala",
#: "by Friday po") and Singapore English ("can lah"): dropped before a pause.
_PARTICLE = re.compile(r"(?<=\w)\s+(?:pala|po|naman|lah|leh|lor|la)(?=\s*(?:[,.!?;]|$))")
#: "I send de thank you to Jane jus now", "I ring Initech already": a present-tense verb
#: that "just now", "already" or a time gone by puts in the past, in Caribbean and
#: Singapore English.
_PAST_MARKED = re.compile(r"\b(?P<i>i|mi|ah)\s+(?P<verb>send|ring|call|phone|email)\b"
                          r"(?=(?:\s+[^\s.!?;]+){1,8}?\s+(?:just\s+now|jus\s+now|already|"
                          # "Ah send off de thank-you to Dana … dis morning"
                          r"(?:this|dis)\s+(?:morning|mawnin|mornin)|yesterday|last\s+night)\b)",
                          re.I)
#: "Already send the thank you": the present for the past, after "already".
_ALREADY_DONE = re.compile(r"\b(?P<i>already)\s+(?P<verb>send|ring|call|phone|email)\b|"
                           # "Call Jane already but she never pick up leh"
                           r"^\s*(?P<verb2>send|ring|call|phone|email)\b(?=\s+\w+\s+already\b)",
                           re.I)
_PAST_OF = {"send": "sent", "ring": "rang", "call": "called", "phone": "phoned",
            "email": "emailed"}
def _said_in_the_past(match: re.Match[str]) -> str:
    """"i send" → "i sent", "already send" → "already sent", "call jane already" →
    "called jane already"."""
    lead = match.groupdict().get("i") or ""
    verb = match.groupdict().get("verb") or match.group("verb2")
    return f"{lead} {_PAST_OF[verb.lower()]}".strip()


#: "half an hour", "an hour and a half": spans said in words.
_HALF_AN_HOUR = re.compile(r"\bhalf\s+an?\s+hour\b", re.I)
_HOUR_AND_HALF = re.compile(r"\b(?:an?|one|1)\s+hours?\s+and\s+(?:a\s+)?half\b", re.I)
#: "ten o'clock": an hour in words, written as a clock.
_WORD_OCLOCK = re.compile(r"\b(" + "|".join(HOUR_NAMES) + r")\s+o'?\s?clock\b", re.I)
#: A clock said roughly, then what follows a time in a story: "this morning around 10 for the
#: retail job", "about 2:30, with Sam" (never "about 10 minutes", "around 3 people").
_ROUGHLY_AT = re.compile(r"\b(?:around|about|roughly|approximately|approx\.?)\s+"
                         r"((?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?)"
                         r"(?=\s*(?:[,.;!]|$|\s(?:for|with|at|in|on|this|today|yesterday|"
                         r"tomorrow|and|o'?clock)\b))", re.I)
_CLOCK_OCLOCK = re.compile(r"\b(\d{1,2}:\d{2})\s*o'?\s?clock\b", re.I)
_UNIT = re.compile(r"\b(\d+(?:\.\d+)?)\s*(" + "|".join(NUMBER_UNITS) + r")\b", re.I)


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "forty-five": 45, "fourty": 40, "sixty": 60,
                "ninety": 90}
#: "in thirty minutes", "forty-five mins": a count of minutes or hours in words.
_COUNTED_IN_WORDS = re.compile(r"\b(" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) +
                               r")\s+(minutes?|mins?|hours?|hrs?)\b", re.I)


#: Their words to the person, as the person would tell them: "you" is "me".
_FIRST_PERSON = ((re.compile(r"\byou're\b", re.I), "I'm"), (re.compile(r"\byou've\b", re.I),
                 "I've"), (re.compile(r"\byou'll\b", re.I), "I'll"),
                 (re.compile(r"\byourself\b", re.I), "myself"),
                 (re.compile(r"\byour\b", re.I), "my"), (re.compile(r"\byou\b", re.I), "me"))
#: Someone's words quoted in a line: 'dana: "we'd like to offer you the QA role!"'.
QUOTED_SPEECH = re.compile(r"[\"“][^\"”]{3,}[\"”]")


def first_person(text: str) -> str:
    """An employer's message read as the person's own telling ("we'd like to offer you"
    is "… offer me"), so the readers of typed news read it too."""
    for pattern, mine in _FIRST_PERSON:
        text = pattern.sub(mine, text)
    return text


#: The speaker of words quoted, told of in the third person: "I'll call you" is "they'll
#: call me", "we'd like to offer you" "they'd like to offer me".
_THIRD_PERSON = ((re.compile(r"\b(?:I|we)'ll\b", re.I), "they'll"),
                 (re.compile(r"\b(?:I|we)'d\b", re.I), "they'd"),
                 (re.compile(r"\b(?:I'm|we're)\b", re.I), "they're"),
                 (re.compile(r"\b(?:I|we)'ve\b", re.I), "they've"),
                 (re.compile(r"\b(?:I|we)\b"), "they"), (re.compile(r"\bWe\b"), "They"),
                 (re.compile(r"\b(?:our|my)\b", re.I), "their"),
                 (re.compile(r"\bus\b", re.I), "them"))


#: Chinese 的 after a name, as English "'s": "Jane 的 email".
_OF_CHINESE = re.compile(r"(?<=\w)\s*的\s*")


def _as_told(quoted: re.Match[str]) -> str:
    """Someone's words in quotes, told by the person: speaker "they", and "you" "me"."""
    text = quoted.group(0)
    for pattern, theirs in _THIRD_PERSON:
        text = pattern.sub(theirs, text)
    return first_person(text)


#: A word put right after the line, as chat does: "Jr graphic dezigner *designer",
#: "acme was at 2:30 not 2\n*3:30".
_STAR_FIX = re.compile(r"(?P<said>.+?)\s+\*(?P<right>[\w:'-]+)\*?[\s.!]*", re.S)
#: Markdown emphasis around words: "the role was _senior_ data analyst", "*really*".
_EMPHASIS = re.compile(r"(?<![\w*_])([*_]{1,2})(?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])\1(?![\w*_])")


def star_fixed(text: str) -> str:
    """`text` with a word put right after it ("… dezigner *designer") put in the place of
    the word most like it; the text as it was when nothing is starred."""
    starred = _STAR_FIX.fullmatch(text.strip())
    if starred is None:
        return text
    said, right = starred["said"], starred["right"]
    words = said.split(" ")
    likeness = [difflib.SequenceMatcher(None, w.lower(), right.lower()).ratio() for w in words]
    best = max(range(len(words)), key=likeness.__getitem__)
    if likeness[best] < 0.6:
        return f"{said} {right}"
    return " ".join([*words[:best], right, *words[best + 1:]])


_A_CLOCK_SAID = (r"(?:\d{1,2}(?::\d{2})?|(?:" + "|".join(HOUR_NAMES) + r")(?:\s+(?:thirty|fifteen|"
                 r"forty[- ]five|o'?clock))?)")
_MERIDIEM = r"\s*[ap](?:\.\s?m\.|\s?m\b)"
#: A clock said, then put right at once: "at nine thirty no wait it was ten", "at 2pm no
#: sorry 3pm". The first is a clock by its "at" or its am/pm, never "2 sorry 3 people".
_CLOCK_PUT_RIGHT = re.compile(
    rf"(?:\bat\s+{_A_CLOCK_SAID}(?:{_MERIDIEM})?|\b{_A_CLOCK_SAID}{_MERIDIEM})\s*,?\s+"
    r"(?:no\s+wait|wait\s+no|no\s*,?\s*sorry|sorry|i\s+mean|i\s+meant)\s*,?\s+"
    rf"(?:it\s+was\s+|make\s+(?:that|it)\s+)?(?:at\s+)?(?P<right>{_A_CLOCK_SAID}(?:{_MERIDIEM})?)"
    r"(?![\w:])", re.I)


#: An hour said in a word after "at", where a clock goes: "this morning at ten, …".
_AT_HOUR_WORD = re.compile(r"\bat\s+(" + "|".join(HOUR_NAMES[1:]) + r")(?=\s*(?:[,.;!?]|$)|"
                           r"\s+(?:this|in\s+the|on|with|for|and|because|sharp|ish|today|"
                           r"tomorrow|tonight)\b)", re.I)


def clock_put_right(text: str) -> str:
    """`text` with a clock taken back at once replaced by the one said after it, so the
    take-back ("no wait") does not cut the line: "at nine thirty no wait it was ten"."""
    return _CLOCK_PUT_RIGHT.sub(lambda said: f"at {said['right']}" if said.group(0).lower()
                                .startswith("at") else said["right"], text)


def normalise(text: str, names: Iterable[str] = ()) -> str:
    """The line with meaningful emoji as words, the rest dropped, slips corrected, and
    someone's words in quotes told as the person would tell them."""
    text = star_fixed(_EMPHASIS.sub(r"\2", text))  # "_senior_", "2:30 not 2\n*3:30"
    text = QUOTED_SPEECH.sub(_as_told, text)
    text = _OF_CHINESE.sub("'s ", text)  # "Jane 的 email": Jane's email
    text = _ALARM_BEFORE_VERB.sub("", text)  # "⏰ snooze initech 3 days"
    if _shouted(text):  # "JUST HAD INTERVIEW AT HOME DEPOT…": read as if typed in lower case
        text = text.lower()
    text = _PARTICLE.sub("", _OPENING_FILLER.sub("", _DOTTED_DAY.sub(r"\1 ", text)))
    text = GREETING.sub("", text)  # "Hola, today I have the interview in Banco Azteca …"
    text = _THE_MORRA.sub("tomorrow", text)  # Scots: "they'll let me know the morra"
    text = _EARLY_DOORS.sub("early", text)  # British: "early doors next week"
    text = _SLEEPS.sub(r"\1 days", text)  # "in two sleeps", as said to children
    text = _HOUR_AND_HALF.sub("90 minutes", _HALF_AN_HOUR.sub("30 minutes", text))
    text = _WORD_OCLOCK.sub(lambda m: f"{hour_said(m[1])}:00", text)  # "ten o'clock"
    text = _CLOCK_OCLOCK.sub(r"\1", text)  # "10:00 o'clock", as German speakers write it
    text = _ROUGHLY_AT.sub(r"at \1", text)  # "this morning around 10 for the …": at 10
    text = _AT_FOUR_DIGITS.sub(lambda m: f"{m[1] or m[3]}:{m[2] or m[4]}", text)  # "at 0830"
    text = _TAG_QUESTION.sub(".", _NLT.sub("no later than", text))
    text = _A_WEEK_DAY.sub(r"\1 week", _DAYS_END.sub("", text))
    text = _DOTTED_CLOCK.sub(lambda m: f"{m[1] or m[3]}:{m[2] or m[4]}", text)
    text = _SPOKEN_DIGITS.sub(_digits_said, _SPOKEN_ADDRESS.sub(_address_said, text))
    for sound, meant in _SOUNDS_ALIKE:  # "they would no by the forth of december"
        text = sound.sub(meant, text)
    text = _DROPPED_G.sub(r"\1ing", text)  # "callin' 'em", "they're goin' with"
    for marked in (_PAST_MARKED, _ALREADY_DONE):  # "mi send it just now", "already send"
        text = marked.sub(_said_in_the_past, text)
    text = _LETTER_BY_LETTER.sub(lambda m: m.group(0).replace("-", "").capitalize(), text)
    text = spelled_out(text)  # "is W O O not W U", "Priya Nair that's N A I R"
    text = verbs_in_english(days_in_english(text))
    for said, meant in MIXED_IN:  # "hoy a las 10am, con la señora Marisol Reyes"
        text = said.sub(meant, text)
    text = _H_CLOCK.sub(lambda m: f"{m['hour'] or m['hour2'] or m['hour3']}:"
                                  f"{m['minutes'] or '00'}", text)
    text = _SPELLED_OUT.sub(lambda m: m.group(0).replace(" ", ""), text)  # "the Q A job"
    text = _DO_ONE_THING.sub("", text)  # "Do one thing, remind me…": what to do comes next
    text = dictated(text)  # "Cyberdyne comma robotics …", "new one period Massive Dynamic"
    if _CALL_VERB.search(text):  # "just called initech 📞 talked to raj": the phone adds nothing
        text = text.replace("📞", ", ").replace("☎", ", ")
    text = EYE_ROLL_AT_AN_OFFER.sub(lambda m: f"{m[1] or ''} eyeroll ", text)
    for emoji, words in EMOJI_WORDS.items():
        text = text.replace(emoji, words)
    # An emoji before a new clause ends a thought: "…Jared Dunn 🙏 they decide by Dec 2".
    text = "".join("\x00" if _decorative(c) else c for c in text)
    text = _BETWEEN_WORDS.sub(", ", text).replace("\x00", " ")
    keep = {word.lower() for name in names for word in name.split()}
    text = _COUNTED_IN_WORDS.sub(lambda m: f"{_COUNT_WORDS[m[1].lower()]} {m[2]}", text)
    text = _UNIT.sub(lambda m: f"{m[1]} {NUMBER_UNITS[m[2].lower()]}", text)
    text = _LET_ME_NO.sub("let me know", text)
    text = _FORTH_OF.sub("fourth ", _WOULD_NO.sub(r"\1 know ", text))
    # "staff rn job": the nurse, not "right now"
    text = _NURSE.sub(lambda m: f"{m['lead'] or ''}RN", text)
    text = _SPOKEN_MERIDIEM.sub(
        lambda m: f"{hour_said(m[1]) or m[1]}{m[2].lower()}m", spoken_clock(text))
    text = _AT_HOUR_WORD.sub(lambda m: f"at {hour_said(m[1])}", text)  # "at ten because"
    text = _TOKEN.sub(lambda m: _drawn_in(m.group(0)), text)  # "I GOT ITTTT", "soooo"
    # A capital inside the line is a name ("w/ Sundar"): never "corrected" to a word.
    text = _WORD.sub(lambda m: m.group(0) if m.start() > 0 and m.group(0)[0].isupper()
                     and not m.group(0).isupper() else _word(m.group(0), keep), text)
    return _SPACES.sub(" ", text).strip()


def _shouted(text: str) -> bool:
    """A whole line typed in capitals (four words or more): its capitals say nothing of
    what is a name, so they are read as lower case."""
    words = [w for w in _WORD.findall(text) if any(c.isalpha() for c in w)]
    return len(words) >= 4 and all(w.isupper() for w in words if len(w) > 1)


def _drawn_in(word: str) -> str:
    """A word typed with a letter held down, said once; never an address or a number."""
    if "@" in word or "." in word.strip(".!?,") or any(c.isdigit() for c in word):
        return word
    return _DRAWN_OUT.sub(r"\1", word)


def _decorative(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("So", "Sk", "Cf", "Co", "Cs") or char == "\ufe0f"


def _word(word: str, keep: set[str]) -> str:
    lower = word.lower()
    if word in _TITLES_IN_CAPITALS:  # "RN" is a nurse; "rn" is right now
        return word
    if lower in SHORT_FORMS:
        return SHORT_FORMS[lower]
    if lower in keep or lower in VOCABULARY or not lower.isalpha() or len(lower) < 3:
        return word
    if lower.endswith("s") and lower[:-1] in keep:  # "did danas note": Dana's
        return f"{word[:-1]}'s"
    fixed = typo_of(lower)
    return word if fixed is None else fixed


def role_words(role: str) -> str:
    """A job title with slips in its words corrected ("senoir analyst" → "senior analyst")."""
    return _WORD.sub(lambda m: _role_word(m.group(0)), role)


def _role_word(word: str) -> str:
    lower = word.lower()
    if lower in ROLE_SLIPS:
        return ROLE_SLIPS[lower]
    if lower in ROLE_VOCABULARY or not lower.isalpha() or len(lower) < 4:
        return word
    fixed = typo_of(lower, ROLE_VOCABULARY)
    # "asistente administrativo": a word of another language, not a slip of "administrative"
    return word if fixed is None or another_languages_word(lower) else fixed


def typo_of(lower: str, vocabulary: frozenset[str] = VOCABULARY) -> str | None:
    """The domain word a non-word is a slip of ("snet" → "sent"), if exactly one fits."""
    return slip_of(lower, vocabulary)
