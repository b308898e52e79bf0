"""An interview told as a story: "Just finished my interview with Initech for the QA
role, Dana Wu and Raj Patel, they'll let me know next week."

The story is cut into the fields of an `add` (company, role, when, who, what they
promised) by the phrases people use for each; each field is then read exactly as the
answer to its own question would be (`AddInterviewFields`), so a story and a form store
the same thing. The coach adds it at once only when the company, the role and the day
were all found by a clear phrase; otherwise it shows what it read and asks first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta

from bot.commands import AddInterviewFields
from bot.parsing.dates import (
    MONTH,
    half_past,
    hour_of_part,
    names_a_day,
    ordinal_days,
    parse_when,
    quarter_hours,
)
from bot.parsing.english import dictionary
from bot.parsing.interview_line import _ROLE_WORDS
from bot.parsing.people import read_names
from bot.parsing.promises import next_weekday_two_ways, parse_promise
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.ambiguity import weekday_variants
from bot.parsing.understanding.normalise import role_words
from bot.parsing.understanding.reading import Choice, Context, Line, Reading
from bot.parsing.zones_said import without_my_zone, zones_after_clocks

_I = re.IGNORECASE
#: A line tells of an interview (done, or coming up).
STORY_CUE = re.compile(
    r"\b(?:interview(?:ed|s)?|phone\s+screen|screening\s+call|panel|had\s+one|got\s+one|"
    r"another\s+one|coming\s+up|(?:set|lined)\s+me\s+up|booked\s+(?:me\s+)?in|"
    r"assessment\s+(?:centre|center|day)|site\s+visit|trial\s+(?:shift|day)|hirevue|"
    r"tasting|working\s+interview|job\s+trial|"
    r"(?:got|have|had)\s+(?:a|an|another)\s+(?:[\w-]+\s+)?one\s+(?:at|with))\b", _I)
_LEAD = re.compile(r"^(?:(?:so|also|wait|ok|okay|just|finally|yay|phew|update|hey|hi)\b"
                   r"[\s,!.:-]*)+", _I)
#: A day or a month after a company's name is when, not the name ("Harbor City Transit
#: Wednesday Nov 25").
_CALENDAR = (r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|"
             r"June|July|August|September|October|November|December|Today|Tomorrow|Tonight)\b)"
             # a short form only beside a number: "Wed 25", "Nov 3rd", not "Blue Sun"
             r"(?!(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|"
             r"Oct|Nov|Dec)\.?(?:\s*(?:\d|the\b)|\s*[,.]|\s*$))")
#: A company's name never starts with a day or a month ("Monday, 10am, …").
_A_DAY = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|weds|thu|"
                    r"thur|thurs|fri|sat|sun|today|tomorrow|tonight|january|february|march|april|may|"
                    r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
                    r"jul|aug|sep|sept|oct|nov|dec)\b", re.I)
_NAME = rf"[A-Z][\w&'.-]*(?:\s+(?:&\s+)?{_CALENDAR}[A-Z][\w&'.-]*){{0,3}}"
#: Where, not who: "at home", "at the office", "at my old school".
_A_PLACE = (r"(?!(?:the|a|an|my|our|their|his|her|your|home|work|office|hq|headquarters|lunch|"
            r"noon|night|school|uni|college|church)\b)")
_LOWER_NAME = (rf"{_A_PLACE}[a-z][\w&'-]*(?:\s+(?:corp|inc|ltd|co|group|labs|bank|industries|"
               r"systems|solutions|technologies|tech|partners|consulting|health|media|studios|enterprises|"
               r"company|motors|foods|labs|insurance|capital|logistics|energy|clinic|hospital|"
               r"dental|hotels?|store|shop|cafe|restaurant|academy|council|university|"
               r"bakery|pharmacy|salon|studio|agency|associates|llc))?")
#: Words that end a lower-case company's name: "at home depot today 10am".
_LOWER_STOP = (r"for|today|tonight|tomorrow|yesterday|this|corporate|on|at|last|next|earlier|"
               r"later|went|"
               r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")
#: Last words that make a name a business's: "Turner Construction", "Bright Foods Ltd".
_BUSINESS = (r"Construction|Ltd|LLC|Inc|Group|Health|Healthcare|Bank|Foods|Logistics|Systems|"
             r"Solutions|Technologies|Partners|Consulting|Media|Motors|Insurance|Capital|Energy|"
             r"Corp|Co|Company|Hospital|Clinic|Dental|Labs|Industries|Services|Enterprises|"
             r"Academy|Library|College|University|School|Institute|Museum|Council|Trust|"
             r"Agency|Studios?|Pharmacy|Hotel|Airlines|Airways|Works|Science|Lab|HQ")
_COMPANY_AFTER = (
    # "interview in company Volga Transport", "with company Nile Logistics": the word said
    re.compile(rf"\b(?i:in|with|at|for)\s+(?i:the\s+)?(?i:company|firm|organi[sz]ation)\s+"
               rf"(?P<company>{_NAME})", 0),
    re.compile(rf"(?:\bat|@)\s+(?:the\s+)?(?P<company>{_NAME})", 0),
    re.compile(rf"\b(?i:interview(?:ed|ing)?|screen|screening|chat|panel|site\s+visit|loop|"
               rf"assessment\s+(?:centre|center|day))\s*,?\s+with\s+"
               rf"(?P<company>{_NAME})(?=\s+(?:for|today|tomorrow|yesterday|this|on|at|last|"
               rf"(?i:mon|tues|wednes|thurs|fri|satur|sun)day|\()|"
               rf"[,.(]|\s*$|\s+[-–—])", 0),
    re.compile(rf"(?:\bat|@)\s+(?P<company>{_LOWER_NAME})(?=\s+(?:for|today|tomorrow|this|on|"
               rf"at|went|\d{{1,2}}(?::\d{{2}})?\s*[ap]m)\b|[,.(]|\s*$)", 0),
    re.compile(rf"\b(?:with|w/)\s+(?P<company>{_LOWER_NAME})\s+for\b", 0),
    # "had intervew at home depot tday 10am", "interview at chipotle earlier today"
    re.compile(rf"\b(?i:interview(?:ed)?|site\s+visit|assessment\s+(?:centre|center|day))\s+"
               rf"(?:at|with)\s+(?P<company>{_A_PLACE}[a-z][\w&'-]*(?:\s+(?!{_LOWER_STOP})[a-z][\w&'-]*)"
               rf"{{0,2}})(?=\s+(?:{_LOWER_STOP})\b|\s*[,.(]|\s+\d)", 0),
    re.compile(rf"\b(?i:interview(?:ed)?|screen|screening|chat|panel|loop)\s+with\s+"
               rf"(?P<company>{_LOWER_NAME})"
               rf"(?=\s+(?:for|today|tomorrow|yesterday|this|on|at|last|"
               rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|,)", 0),
    # (not the name after "Dr.": "The interviewer was Dr. Faith Okafor, who …")
    re.compile(rf"(?:^|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)[!:.]\s*|\s[—–-]\s*|"
               rf"\b(?i:done|one)\s+)(?P<company>{_NAME})\s*(?:,|[—–]|\s-\s)", 0),
    # "site visit today 7am w Turner Construction": a name that says it is a business
    # "interview this morning by Republic Bank": "by" for "at", as in the Caribbean
    re.compile(rf"\b(?:with|w/|by|wi)\s+(?:the\s+)?(?P<company>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)"
               rf"{{0,2}}\s+(?:{_BUSINESS}))\b", 0),
    # "a phone screen with a recruiter from Stonebridge Insurance"
    re.compile(rf"\b(?i:recruiter|hiring\s+manager|someone|somebody|manager)\s+(?:from|at)\s+"
               rf"(?P<company>{_NAME})", 0),
    # "with Ms. Karen Doyle of Northwell Health": the person, then where she works
    re.compile(rf"\b(?:with|w/)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'-]+\s+[A-Z][\w'-]+\s+"
               rf"(?:of|from)\s+(?P<company>{_NAME})", 0),
    # "Had another one Friday gone, Admiral in Cardiff, claims handler, …"
    re.compile(rf"^(?i:had|got|did)\s+(?i:another|one\s+more)(?:\s+(?i:one))?\b[^,]{{0,25}},\s+"
               rf"(?P<company>{_NAME})(?=\s+in\s+[A-Z]|\s*,)", 0),
    # "also had one with Paladin Security this morning", "did another at Globex"
    re.compile(rf"\b(?i:had|got|did|done)\s+(?i:one|another(?:\s+one)?)\s+(?i:with|at|w/)\s+"
               rf"(?P<company>{_NAME})", 0),
    # "my Aperture Science interview", "the Saltmarsh Brewing interview"
    re.compile(rf"\b(?i:my|the)\s+(?P<company>{_NAME})\s+(?i:interview|phone\s+screen)\b", 0),
    # "had an interview today at 10:30, with Initrode for the analyst job"
    re.compile(rf"\b(?i:interview)\b[^.!?]{{0,40}}?\bwith\s+(?P<company>{_NAME})(?=\s+for\b)", 0),
    # "Initech interview on 27/11", "globex interview confirmed for tues 1st dec"
    re.compile(rf"^(?P<company>{_NAME}|[a-z][\w&'-]*)\s+(?i:interview|phone\s+screen)\b"
               rf"(?!\s+(?:with|at|for)\b)", 0),
    re.compile(rf"\b(?i:booked(?:\s+in)?|interview\s+booked|confirmed)\s+with\s+"
               rf"(?P<company>{_NAME})(?=\s+(?:for|on|at)\b|[,.]|\s*$)", 0),
    # "I did the interview in Nubank for product designer": "in" for "at"
    re.compile(rf"\b(?i:interview)\s+in\s+(?P<company>{_NAME})(?=\s+(?i:for)\b)", 0),
    # "I had interview for warehouse associate in Amazon, on Friday": "in" for "at"
    re.compile(rf"\b(?i:interview)\s+(?i:for)\s+[\w\s-]{{2,40}}?\s+in\s+(?P<company>{_NAME})"
               rf"(?=\s*[,.])", 0),
)
#: A possessive is part of a title: "children's librarian", "buyer's agent".
_ROLE = (
    re.compile(r"\bfor\s+(?:the|a|an|a\s+new)\s+(?P<role>(?:[\w\s/&+-]|(?<=\w)['’]s\b){2,60}?)\s+(?:role|position|"
               r"job|spot|post|opening|vacancy|gig)\b", _I),
    re.compile(r"\bfor\s+(?:the\s+|a\s+|an\s+)?(?P<role>(?:[\w\s/&+-]|(?<=\w)['’]s\b){2,60}?)(?=\s*(?:,|\.|!|$|"
               r"\s+(?:with|w/|today|tomorrow|yesterday|earlier|on|at|this|in|held|scheduled|"
               r"booked|last|next)\b|\s+\(|"
               # "for medical receptionist was Friday at 3": the role, then when
               r"\s+(?:was|is)\s+(?:(?:last|this|on)\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|"
               r"sat(?:ur)?|sun|today|yesterday|tomorrow)))", _I),
    # ", FO position on the Q400": a clause that says itself it is the job
    re.compile(r"(?:^|[,.;]\s+)(?P<role>[A-Z][\w/&+-]*(?:\s+[\w/&+-]+){0,3}?)\s+(?:position|role|"
               r"post)\b(?!\s+(?:is|was|of|as)\b)"),
    re.compile(r"\((?P<role>[^()]{2,60})\)"),
    # "The position is staff pharmacist.": a role told as its own sentence
    re.compile(r"\b(?:the|my)\s+(?:position|role|job|post|job\s+title)\s+(?:is|was)\s+(?:for\s+)?"
               r"(?:an?\s+)?(?P<role>(?:[\w\s/&+-]|(?<=\w)['’]s\b){2,60}?)(?=\s*(?:[,.;!]|$))", _I),
)
_ROLE_SUFFIX = re.compile(r"\s+(?:role|position|job|post|opening|vacancy)$", _I)
_NOT_ROLES = lx.words("second another new different other same one")
_HONORIFIC = (r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Mme|Mlle|Sra|Srta|Sr|Engr|Madam|Pani|Herr|Frau)"
              r"\.?\s+){0,2}")  # "Herr Dr. Klaus Becker": two of them
_INITIALS = r"(?:[A-Z]\.\s*)*"  # "T. Drake", "J.P. Morgan-Lee", "Mr. D. Patel"
_WORD = _HONORIFIC + _INITIALS + r"[A-Za-z][\w'-]*"
#: "Mrs. Eleanor Hatch": a capitalised first name and surname, with a courtesy title or not.
_FULL_NAME = _HONORIFIC + r"(?:(?:[A-Z]\.\s*)+[A-Z][\w'-]+|[A-Z][\w'-]+\s+" + _INITIALS + \
    r"[A-Z][\w'-]+|" \
    r"[A-Z][\w'-]+\s+(?![AI]\b)[A-Z]\.?(?![\w'-]))"  # "Karthik S", a surname's initial
_WEEKDAY_WORD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
_PEOPLE = (
    re.compile(r"\b(?:called|named)\s+(?P<people>[A-Z][\w'-]+(?:\s+(?!" + _WEEKDAY_WORD
               + r")[A-Z][\w'-]+){1,2})", 0),
    # "the guy who interviewed me was Marcus Feld": who, then the name
    re.compile(r"\b(?:recruiter|interviewer|manager|manger|hm|(?:guy|lady|woman|man|person|fella|"
               r"bloke|chap|gentleman)\s+who\s+interviewed\s+me|"
               r"(?:his|her|their|sir'?s|ma'?am'?s|"
               r"chef'?s|boss'?s|manager'?s|recruiter'?s|supervisor'?s|guy'?s|lady'?s|woman'?s|"
               r"man'?s|fella'?s|bloke'?s|gentleman'?s)\s+name)\s+(?:name\s+)?"
               # "interviewer is Mr Tan Wei Ming": a name of up to four words
               r"(?:was|is|will\s+be)\s+(?P<people>[A-Za-z][\w'.-]+(?:\s+(?!" + _WEEKDAY_WORD +
               r")[A-Z][\w'-]+){0,3})", _I),
    # "foreman Mike Rossi said…", "GM Ty said", "recruiter Carla Mendes": a title, then a name
    # (not one inside a list: "with Marco and his manager Priya Shah" names both)
    re.compile(r"(?<!\band\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bthe\s)(?<!\boffice\s)"
               r"(?<!\bhiring\s)"
               r"\b(?i:foreman|supervisor|GM|HM|recruiter|manager|boss|lead|director)\s+"
               r"(?P<people>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)(?=\s+(?i:said|says|told|asked|"
               r"wants|will|was)\b|\s*[,.]|\s*$)", 0),
    # "Editors were Hope Nakamura and Mark DiSalvo": who they were, then their names
    re.compile(r"\b(?:interviewers|panel|assessors|panell?ists|editors|partners|examiners|"
               r"managers|directors)(?:\s+(?:is|was|were|are)\s+|\s*:\s*)"
               r"(?:made\s+up\s+of\s+)?"
               r"(?P<people>" + _INITIALS + r"[A-Za-z][\w'-]+(?:\s+(?!and\b)[A-Za-z][\w'-]+)?"
               r"(?:\s*(?:,|\band\b|&)\s*" + _INITIALS +
               r"[A-Za-z][\w'-]+(?:\s+(?!and\b)[A-Za-z][\w'-]+)?){0,4})", _I),
    re.compile(rf"\b(?:with|w/|(?i:spoke|talked)\s+(?:to|with)|(?i:met)|(?:I'?ll\s+be\s+)?meeting|"
               rf"(?i:interviewed\s+by)|"
               rf"(?i:interviewers?(?:\s+(?:is|was|were|will\s+be))?):?)\s+(?P<people>{_WORD}(?:\s*(?:,|and|&|\+)?"
               rf"\s+{_WORD}){{0,5}})", 0),
    re.compile(r"(?:^|[,.]\s*)(?P<people>" + _FULL_NAME + r"(?:\s*(?:,|and|&|\+)\s*"
               + _FULL_NAME + r")+)\s*(?:[,.]|$)", 0),
    re.compile(r"(?:^|[,.]\s*)(?P<people>" + _FULL_NAME + r"(?:\s+and\s+" + _FULL_NAME + r")*)\s+"
               r"(?:interview(?:ed|s)?\s+me|will\s+be\s+interviewing|ran\s+it|ran\s+the\s+interview|"
               r"did\s+the\s+interview|led\s+it)\b", 0),
)
#: The same, for a story typed all in lower case ("pepper potts interviewed me").
_LOWER_PEOPLE = (
    re.compile(r"\b(?:called|named)\s+(?P<people>[a-z][\w'-]+\s+[a-z][\w'-]+)\b", 0),
    re.compile(r"(?:^|[,.]\s*)(?P<people>[a-z][\w'-]+\s+[a-z][\w'-]+(?:\s+and\s+[a-z][\w'-]+\s+"
               r"[a-z][\w'-]+)*)\s+interviewed\s+me\b", 0),
)
_DATE = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|"
    r"(?<!\bat\s)(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:\d{4})?(?!\d)|"  # "4.12."
    # "Wednesday the 25th", "Friday 4th December", "on the 2nd"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+|on\s+)(?:the\s+)?"
    r"\d{1,2}(?:st|nd|rd|th)(?:\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*)?|"
    + MONTH + r"\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH + r")"
    r"(?:,?\s+(?:at|@|around)?\s*(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|noon)\b)?", _I)
_DAY_WORDS = re.compile(
    r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|tomorrow|yesterday|"
    r"(?:last|this|next|on)\s+\w+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:last|this|on)\s+(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b|"
    r"on\s+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b)"
    r"(?:\s+(?:in\s+the\s+)?morning)?"  # "tomorrow morning at 7:30" is not the evening
    r"(?:,?\s+(?:at|@|around)?\s*(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|noon)(?![\d/-]))?",
    _I)
_JUST_NOW = re.compile(r"\b(?:just\s+(?:finished|had|did|got\s+out|done|wrapped)|"
                       r"interview\s+done|just\s+now)\b", _I)
_AT_TIME = re.compile(r"\bat\s+(\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|half\s+(?:past\s+)?\w+)"
                      r"(?![\d/-])", _I)
#: Where a clause ends: not inside a number ("until 4.12.", "at 9.30").
_CLAUSES = re.compile(r"(?:(?<!\d)[.!;,]+|[.!;,]+(?!\d))\s*|\s*[—–]\s*|\s+-\s+")
#: "Friday, 12/4" is one day: the comma between a weekday and its date cuts no clause.
_WEEKDAY_COMMA = re.compile(r"\b((?:mon|tues|wednes|thurs|fri|satur|sun)day),\s+(?=\d|"
                            + MONTH + r"\.?\s+\d)", _I)
#: "Interviewed on Friday", told in the past: the Friday that has been.
#: A time may follow ("Friday 10am"), a date may not ("Friday 12/4").
_BARE_WEEKDAY = re.compile(r"^(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|"
                           r"wed|thu|thur|thurs|fri|sat|sun)\b"
                           r"(?!\s*(?!\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\d{1,2}:\d{2})\d)"
                           r"(?!,?\s+the\s+\d)", _I)  # "Wednesday the 19th" is that date


#: "no idea who'll be on the call yet": no interviewers to name, and no hedge about the rest.
_NO_PEOPLE_YET = re.compile(r",?\s*(?:no\s+idea|not\s+sure|don'?t\s+know|dunno)\s+who\b[^,.;!]*",
                            _I)
_OCLOCK = re.compile(r"(?:\bat\s+)?\b(\d{1,2})\s*o'?\s*clock\b", _I)


#: "a second position", "another role": a new job at a company already tracked.
_ANOTHER_JOB = re.compile(r"\b(?:second|another|different|other|new)\s+"
                          r"(?:position|role|job|opening)\b", _I)
_ISH = re.compile(r"\b(\d{1,2})\s*-?ish\b", _I)  # "10ish"
_W = re.compile(r"\bw\s+(?=[a-z])")  # "an interview w wayne enterprises"
#: "Randstad set me up with an interview at Pfizer", "they've lined me up with Hooli":
#: the agency's words go, the employer stays.
_SET_UP = re.compile(r"^.*?\b(?:set|lined|booked)\s+me\s+up\s+with\s+(?:an\s+interview\s+"
                     r"(?P<at>(?=at\b))|an\s+interview\s+with\s+)?", _I)


def _set_up(match: re.Match[str]) -> str:
    return "interview " if match.group("at") is not None else "interview with "
_AGENCY = re.compile(r"\(?\b(?:through|thru|via)\s+(?:an?\s+|the\s+)?(?:recruiter|agency)?\s*"
                     r"\(?(?P<agency>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)?)\)?\)?")
#: "not Acme, a new one:": which interview this isn't.
_NOT_THAT_ONE = re.compile(r"\bnot\s+[A-Za-z][\w&'-]*\s*,?\s*(?:a\s+)?new\s+one\s*:?", _I)
#: "Friday gone" is last Friday; "at like 3" is at 3.
_DAY_GONE = re.compile(r"\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:just\s+)?gone\b", _I)
_AT_LIKE = re.compile(r"\bat\s+(?:like|around|about)\s+(?=\d)", _I)
def _last(match: re.Match[str], ctx: Context) -> str:
    today = ctx.now.astimezone(ctx.tz).strftime("%A").lower()
    return "today" if match.group(1).lower() == today else f"last {match.group(1)}"


#: "At 1030", "at 930": a time written without its colon.
_RUN_TIME = re.compile(r"\bat\s+([01]?\d|2[0-3])([0-5]\d)\b(?!\s*(?:/|-))", _I)
#: "9.15", "2.30pm": a time written with a dot.
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.([0-5]\d)(?=\s*(?:[ap]\.?m\b|[,;]|$)|\s)", _I)
#: A story told in the past ("had a video interview at 2pm"): a time with no day is today.
#: A day's hours as a span: "today 11 till 3", "Friday 9-5".
_FROM_TILL = re.compile(r"\b(?P<day>today|tomorrow|yesterday|(?:mon|tues|wednes|thurs|fri|satur|"
                        r"sun)day)\s+(?:from\s+)?(?P<start>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)"
                        r"\s*(?:till|til|until|to|-|–)\s*\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b",
                        _I)
_MERIDIEM_CLOCK = re.compile(r"(?<![\d:/.])(\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?)", _I)
_PAST = re.compile(r"\b(?:had|did|was|went|just|interviewed)\b", _I)
_BARE_TIME = re.compile(r"(?:^|,\s*)(\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)"
                        r"(?=\s*(?:,|$)|\s+(?:with|w/|w)\s)", _I)
#: A weekday with no date beside it ("Saturday 11am", not "Saturday 28th" or "Sat 28/11").
_WEEKDAY_ALONE = re.compile(r"^(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|"
                            r"wed|thu|thur|thurs|fri|sat|sun)\b(?!,?\s*\d{1,2}(?:st|nd|rd|th|/|-|\s+[a-z]))"
                            r"(?!\s+week\b)",
                            _I)
_NAMES_A_TIME = re.compile(r"\b(?:by|before|within|until|after|end\s+of|next|this)\s+\w|\d", _I)
_FUTURE = re.compile(r"\b(?:have|got|booked|lined|coming|will|upcoming|scheduled|set\s+up|"
                     r"tomorrow|next)\b|'ll\b", _I)
_SUBJECT = re.compile(r"\b(?:they|she|he|we|recruiter|said|told|i'?d|decision\s+by|decide\s+by)\b",
                      _I)
_VAGUE = re.compile(r"\bor\b|\bnext\s+(?:mon|tue|wed|thu|fri|sat|sun)", _I)
_STOP_WORDS = lx.words("the a an my our new today tomorrow yesterday this that went great "
                       "done interview another second final first next phone video zoom job "
                       "panel online virtual teams onsite technical group big one "
                       # a cry before the news: "Eish, Acme phoned…"
                       "eish aiyo aiya wah ach och oi ugh yay omg lol haha hmm welp yikes "
                       "phew whew gosh jeez dang darn wow ooh hooray woohoo "
                       # an answer's first word: "Yes, I went by Globex this morning…"
                       "yes yeah yep no nope ok okay so well right hi hello hey aye")


@dataclass(frozen=True, slots=True)
class _Story:
    company: str = ""
    role: str = ""
    when: str = ""
    people: str = ""
    promise: str = ""
    clear: bool = False  # every field came from a clear phrase
    which_week: bool = False  # "Saturday 11am": the one that was, or the one to come?
    ahead: bool = False  # told as done, but the time named is still to come


def story(line: Line, ctx: Context) -> Reading | None:
    if not STORY_CUE.search(line.text) or line.lower.startswith(("add ", "new ")):
        return None
    return told_story(line.text, ctx)


def told_story(text: str, ctx: Context) -> Reading | None:
    """A new interview told in words, added when every fact is clear, else shown and
    asked; None when it names no company, or only a tracked one with no role."""
    told = _read(text, ctx)
    if not told.company or (told.company.lower() in {k.company.lower() for k in ctx.known
                                                    if k.open} and not told.role):
        return None
    command = AddInterviewFields(told.company, told.role, told.when, told.people, told.promise)
    summary = ", ".join(part for part in (
        # "today 1pm." said at a sentence's end: shown without its full stop
        f"{told.role} at {told.company}" if told.role else told.company, told.when.rstrip("."),
        f"with {told.people}" if told.people else "") if part)
    if told.promise:  # "…, with Rick Dawson; he said call him Wednesday"
        summary += f"; {told.promise[:1].lower()}{told.promise[1:]}"
    # A company already tracked may be a second round or a slip, not a new interview.
    tracked = told.company.lower() in {k.company.lower() for k in ctx.known if k.open} and \
        not _ANOTHER_JOB.search(text)
    early = lx.EARLY_OR_LATE.search(told.when)
    if early is not None and not lx.PART_OF_DAY.search(text):
        # "Friday at 6", "Saturday at 7": a shift's start, or an evening? Both are offered.
        hour = early.group("hour")
        return Reading(question=f"Shall I add this interview: {summary}? Is {hour} in the "
                                "morning or the evening?",
                       choices=(*(Choice(f"{hour} {part}", replace(
                           command, when=lx.EARLY_OR_LATE.sub(rf"\g<0>{suffix}", told.when)))
                           for part, suffix in (("in the morning", "am"),
                                                ("in the evening", "pm"))),
                                Choice("Not quite", None)))
    # "Editors were Hope Nakamura and …": a name read as a name is no hedge
    unnamed_text = re.sub(rf"\b{re.escape(told.people)}\b", " ", text) if told.people else text
    if told.clear and not tracked and not lx.HEDGES.search(_NO_PEOPLE_YET.sub("", unnamed_text)):
        return Reading(command, f"a new interview: {summary}.")
    days = weekday_variants(told.when, ctx.now, ctx.tz) if told.which_week else []
    if len(days) == 2 and not tracked:
        return Reading(question="That day reads two ways. Which did you mean?",
                       choices=(*(Choice(f"{d.day:%a %-d %b %Y}", AddInterviewFields(
                           told.company, told.role, d.text, told.people, told.promise))
                           for d in days), Choice("Neither", None)))
    if told.ahead:
        now = ctx.now.astimezone(ctx.tz)
        return Reading(question=f"You told it as done, but {told.when} is still ahead (it's "
                                f"{now:%H:%M} now), so I haven't added it. Add it as you said: "
                                f"{summary}? If the day or time was a slip, choose Not quite "
                                "and tell me again.",
                       choices=(Choice("Add it", command), Choice("Not quite", None)))
    # Names it couldn't take ("the hiring manager and a guy named Gavin") are said to come.
    later = "" if told.people else " I'll ask who interviewed you next."
    return Reading(question=f"Shall I add this interview: {summary}?{later}",
                   choices=(Choice("Add it", command), Choice("Not quite", None)))


#: How a message someone passes on names the employer: "Acme wants to see you…",
#: "Hi Alex, Initech would like to invite you…". Only for `add_fields`.
_SENDER_COMPANY = re.compile(
    rf"(?:^|[!:.,]\s*)(?P<company>{_NAME})\s+(?:wants|would\s+like|'d\s+like|is\s+inviting|"
    rf"invites|has\s+invited|invited|asked|is\s+keen|are\s+keen|is\s+excited)\b", 0)


def add_fields(text: str, ctx: Context) -> AddInterviewFields | None:
    """The fields of an interview to add, read from a message someone passed on ("Acme
    wants to see me Tuesday 3pm with their CTO"): as a story is read, but without its
    cue words, and naming the employer only as a sender or a host does; None when it
    names no company, or neither a role nor a day."""
    told = _read(text, ctx, (_SENDER_COMPANY, *_COMPANY_AFTER[:2]))
    if not told.company or not (told.role or told.when):
        return None
    return AddInterviewFields(told.company, told.role, told.when, told.people, told.promise)


#: "at three fifteen": a clock said in words, written in digits before the day is looked for
#: (only these: "half ten" is read later, with the day it goes with).
_SPOKEN_CLOCK = re.compile(r"\b(?:at|@|around|by|from)\s+[a-z]+\s+(?:oh\s+five|forty[\s-]five|"
                           r"ten|fifteen|twenty|thirty|forty|fifty)\b(?:\s*[ap]\.?m\b\.?)?", _I)
def _from_speaker(clause: str) -> str:
    """A promise clause from the words that say it, in a story told without stops ("…
    the lady was called rose she was lovely and she said someone would be in touch …")."""
    if len(clause.split()) <= 12:
        return clause
    said = list(_SPEAKER_SAID.finditer(clause))
    return clause[said[-1].start():] if said else clause


#: Who said it, and that they said it: "she said", "the recruiter told me".
_SPEAKER_SAID = re.compile(r"\b(?:she|he|they|we|someone|the\s+\w+|[A-Z][a-z]+)\s+"
                           r"(?:said|says|told\s+me|mentioned|promised)\b", _I)
#: A span of days or weeks: "within 2 weeks", "in a few days".
_A_SPAN = re.compile(r"\b(?:within|in)\s+(?:a|an|one|two|three|four|five|\d+|a\s+few|"
                     r"a\s+couple\s+(?:of\s+)?)\s+(?:\w+\s+)?(?:days?|weeks?)\b|"
                     # "next week", said at an interview in a week gone: which week is it now?
                     r"\b(?:next|this|the\s+following)\s+week\b", _I)
#: "No decision date was given.", "she didn't say when they would decide": the clause
#: that says nothing was promised, which the story has read when it finds no promise.
_NOTHING_PROMISED = re.compile(
    r"(?:[^\s,.;!]+\s+){0,3}\b(?:no\s+(?:decision\s+)?(?:date|timeline|time\s*frame|promises?)|nothing\s+"
    r"(?:was\s+)?promised|(?:didn'?t|did\s+not|don'?t|do\s+not|never)\s+(?:say|said|mention|"
    r"mentioned|give|gave|tell\s+me|told\s+me)"
    r"\s+(?:when|a\s+date|a\s+timeline|anything))[^,.;!]*", _I)
_TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", _I)


#: Someone's post in brackets after their name: "Joy Bennett (Finance Manager)".
_TITLE_IN_BRACKETS = re.compile(r"(?<=[a-z])\s*\((?:(?-i:[A-Z])[\w&/'-]*\.?\s*){1,4}\)")


def _read(text: str, ctx: Context,
          companies: tuple[re.Pattern[str], ...] = _COMPANY_AFTER) -> _Story:
    just_now = bool(_JUST_NOW.search(text))
    text = without_my_zone(text, ctx.now, ctx.tz)  # "Wednesday at 11 Eastern", in New York
    # "thursday … 11am london time": the zone is set aside while the story is read, and
    # said again after its time, where the add reads it on that clock
    zones = zones_after_clocks(text)
    for zone in reversed(zones):
        text = f"{text[:zone.start()].rstrip()} {text[zone.end():].lstrip()}"
    text = _TITLE_IN_BRACKETS.sub("", text)  # "with Joy Bennett (Finance Manager) and …"
    text = _WEEKDAY_COMMA.sub(r"\1 ", _LEAD.sub("", _NO_PEOPLE_YET.sub("", text.strip())))
    text = _OCLOCK.sub(r"at \1:00", _ISH.sub(r"\1:00", quarter_hours(text, office_hours=True)))
    text = hour_of_part(text)  # "last thursday, 10 in the am"
    text = _SPOKEN_CLOCK.sub(lambda m: half_past(m.group(0), office_hours=True), text)
    text = _SET_UP.sub(_set_up, _W.sub("with ", text))
    for agency in {m.group("agency") for m in _AGENCY.finditer(text)}:
        # "through Hays …. Hays are ringing me by Friday": the agency's word is a promise
        text = re.sub(rf"\b{re.escape(agency)}\b(?=\s+(?:are|is|will|'ll|said|say|says|told))",
                      "the recruiter", text)
    text = _AGENCY.sub(" ", text)
    text = _NOT_THAT_ONE.sub(":", text)
    text = _DAY_GONE.sub(r"last \1", _AT_LIKE.sub("at ", text))
    text = _ON_DOTTED.sub(r"on \1.", text)  # "on 20.11 at 9:30": a day, written as in Europe
    text = _DOTTED_TIME.sub(r"\1:\2", _RUN_TIME.sub(r"at \1:\2", text))
    text = _FROM_TILL.sub(r"\g<day> at \g<start>", text)  # "today 11 till 3": from 11
    company = _first(companies, text, "company")
    role = _role(text, company) if company else ""
    # "… with Art Vandelay. Also Acme said they'd decide by Wednesday": Acme's word, not
    # this interview's; the story is then shown and asked.
    others = [c for c in _CLAUSES.split(text)
              if lx.PROMISE_CUES.search(c) and _another_company(c, company, ctx)]
    clause = next((c.strip(" ,'\"") for c in _CLAUSES.split(text)
                   if lx.PROMISE_CUES.search(c) and _SUBJECT.search(c) and c not in others
                   and not lx.OWN_PLAN.search(c.strip()) and not _NOTHING_PROMISED.search(c)),
                  "")
    promise = _from_speaker(clause)
    # The interview's day is never the promise's: "they'll decide by 11/30".
    past = bool(_PAST.search(text))
    when = _when(text.replace(promise, " ") if promise else text, just_now or past)
    if past:
        when = _BARE_WEEKDAY.sub(lambda m: _last(m, ctx), when)
    if zones and re.search(r"\d", when):
        when = f"{when} {' '.join(zone.group(0) for zone in zones)}"
    clock = _MERIDIEM_CLOCK.search(text.replace(promise, " ") if promise else text)
    if when == "today" and just_now and clock is not None:
        when = f"today at {clock.group(1)}"  # "Just now 2pm got interview with DBS"
    elif when == "today" and just_now:
        # "Just finished my interview": it started about an hour ago; the reply says so.
        began = (ctx.now.astimezone(ctx.tz) - timedelta(hours=1))
        # 24-hour, so "5:45" in the morning is never read as the evening.
        when = f"today at {began.hour:02d}:{began.minute // 15 * 15:02d}"
    people = _people(text, company, role)
    vague = bool(promise and _VAGUE.search(promise))
    if promise and not vague and parse_promise(promise, ctx.today, ctx.now, ctx.tz) is None \
            and _NAMES_A_TIME.search(promise):
        vague = True  # "I'd hear back before Thanksgiving": a day said, and not read
    # "Saturday 11am", told in neither tense: the Saturday that was, or the one to come?
    which_week = (bool(_WEEKDAY_ALONE.match(when)) and not past and not _FUTURE.search(text)) \
        or next_weekday_two_ways(when, ctx.today) is not None  # "next Wednesday", on a Monday
    # "just got out of an interview … at 10 this morning", typed at 5am: told as done, yet
    # still ahead, so one of the two is a slip; asked.
    told_done = just_now or (past and _TODAY.search(when) is not None) or \
        _WENT_WELL.search(text) is not None  # "Fairmont interview went great!! … tmrw at 10"
    ahead = bool(told_done and when and (moment := parse_when(when, ctx.now, ctx.tz))
                 and moment > ctx.now)
    # "they'll decide within 2 weeks", of an interview days ago: counted from the day it
    # was said there, or from today? Shown and asked.
    counted = bool(promise and _A_SPAN.search(promise) and when
                   and (held := parse_when(when, ctx.now, ctx.tz)) is not None
                   and held.astimezone(ctx.tz).date() < ctx.today)
    # "Interviewed Tues 17th … Said they'd call me by COB Wed", told on the 23rd: that
    # Wednesday has gone by, so which one they meant is shown and asked.
    gone = bool(promise and when and (held := parse_when(when, ctx.now, ctx.tz)) is not None
                and (then := parse_promise(promise, held.astimezone(ctx.tz).date(), ctx.now,
                                           ctx.tz)) is not None and then.on < ctx.today)
    # "they'll call me thursday", Thursday being Thanksgiving: a slip, or so? Shown, asked.
    on_holiday = bool(promise and (said := parse_promise(promise, ctx.today, ctx.now, ctx.tz))
                      and said.on in ctx.holidays)
    clear = bool(company and role and when and company.lower() not in _STOP_WORDS
                 and not on_holiday
                 and not lx.THIRD_PARTY.search(text)  # "my roommate has her interview …"
                 and not others
                 and not lx.THEIR_TIME.search(text)  # "2pm their time": which zone?
                 and not vague and not which_week and not ahead and not counted and not gone
                 and promise == clause  # a story run on without stops is shown and asked
                 and not _unexplained(role_words(_NOTHING_PROMISED.sub(" ", _remarks_aside(
                     text, company, role, when, people, clause))), company, role, when, people,
                     clause))
    if promise and not vague and parse_promise(promise, ctx.today, ctx.now, ctx.tz) is None:
        promise = ""  # "they'll get back to me soon" names no day to plan around
    return _Story(company, role, when, people, promise, clear, which_week, ahead)




def _another_company(clause: str, company: str, ctx: Context) -> bool:
    """Whether the clause names a tracked company other than the story's."""
    return any(k.company.casefold() != company.casefold()
               and re.search(rf"\b{re.escape(k.company)}\b", clause, re.I)
               for k in ctx.known)


#: Words a story may hold besides its facts; any other word left over means the story
#: says something the fields don't, and the coach shows what it read before adding it.
_FILLER = lx.words("""
    i i'm i've im my me had have has did do just finished got get out of done an a the
    interview interviewed interviews intervew phone screen screening call panel video
    onsite on-site in person at for with w/ and & + on this today tomorrow yesterday
    morning afternoon evening tonight it was is went great good well ok okay fine
    role position job spot post opening gig opportunity am pm at around about
    also so wait another one coming up upcoming excited nervous yay finally phew
    spoke to met by of in second recruiter hiring manager was
    ish landed booked wrapped lined arranged scheduled confirmed omg oh ooh wow
    zoom teams video virtual remote online in-person person talked interviewers were
    mon tue tues wed thu thur thurs fri sat sun guess who me meeting will be interviewing
    quarter past i'll started sharp hiya hey hi hello add here new
    th st nd rd interviewer interviewed is
    called named guy lady woman man chap bloke guy's lady's fella's bloke's earlier sharp
    final final-stage stage it's it'll
    please kindly held o'clock attended gone
    assessment centre center day site visit trial start assessors assessor vacancy name
    editors partners examiners managers directors panellists panelists
    too meet office team first years enjoyed invite confirming confirmation subject fwd
    here's nurse chef partner
    tasting shift
    foreman supervisor gm
    can could would you track record log requesting this mr mrs ms dr miss sir hr w like want to
    capture save thank thanks already noon midday now from aye till
    bonjour hola boa tarde buenos dias howdy grand bout passed namaste salaam greetings
    lol lmao haha ugh nice lovely alright anyway anyways regards best dear sincerely
    yours kind eh oi k really basically super sweet awesome amazing cool wow yay honestly
    literally cheers fingers crossed
    outta outa only lah real principal owner founder ceo cto director head
""")
#: A post before someone's name ("the terminal manager Rick Dawson"): said of them.
_POST_BEFORE = r"(?:\b[\w-]+\s+)?\b(?:manager|director|supervisor|lead|head|owner|recruiter|" \
    r"officer|coordinator|partner|president|foreman|boss|chef|captain|dispatcher|principal|" \
    r"superintendent|administrator)(?:'s\s+name\s+(?:is|was))?\s+"
_LEFT_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _remarks_aside(text: str, *facts: str) -> str:
    """The story without its remarks: whole sentences that hold none of its facts and no
    day, number, name, doubt, question or word of news ("I wore my dad's blazer which was
    way too big lol."), which tell how it felt, not what to plan."""
    names = {w.lower() for fact in facts[3:4] for w in _LEFT_WORD.findall(fact)}
    kept: list[str] = []
    for sentence in _SENTENCE_BREAK.split(text):
        if not _a_remark(sentence, facts, names):
            kept += [c for c in _CLAUSE_END.split(sentence) if not _a_remark(c, facts, names)]
    return " ".join(kept)


def _a_remark(sentence: str, facts: tuple[str, ...], names: set[str]) -> bool:
    """Whether a sentence or clause tells nothing the plan could use."""
    words = _LEFT_WORD.findall(sentence)
    lowered = sentence.lower()
    return bool(words) and not (
        any(fact and fact.lower() in lowered for fact in facts)
        or any(w.lower() in names or w.lower() in _ROLE_WORDS for w in words)
        # a capital inside the sentence may be another company or person
        or any(w[:1].isupper() and w != "I" and not w.startswith("I'")
               and not (w.isupper() and len(w) <= 5)  # "SQL", "CPR": a skill, no one
               # "She", "Honestly", "Wore my …", "Train was late": a word, capital first
               and not (n == 0 and (w.lower() in _OPENERS or _a_word(w)))
               for n, w in enumerate(words))
        or re.search(r"\d|\?", sentence) or names_a_day(sentence)
        or _ABOUT_THE_INTERVIEW.search(sentence)
        or any(cue.search(sentence) for cue in _NEWS_OR_DOUBT)
        or any(cue.search(sentence) for cue, _ in lx.OUTCOME_CUES))


#: The interview told as done by how it went: "Fairmont interview went great!!".
_WENT_WELL = re.compile(r"\binterview\s+(?:went|was)\s+(?:really\s+|so\s+)?(?:great|good|well|fine|"
                        r"ok|okay|amazing|awful|bad|terrible|badly)\b", _I)
#: A sentence's end, and a clause's after a comma, where a remark may stand on its own.
_SENTENCE_BREAK = re.compile(r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)"
                             r"(?<!\b[A-Za-z]\.)(?<=[.!])\s+")
_CLAUSE_END = re.compile(r"(?<=,)\s+")
#: Words about the interview and what follows it: never in a remark set aside.
_ABOUT_THE_INTERVIEW = re.compile(
    r"\b(?:interview\w*|role|job|position|post|company|employer|offer\w*|round|call\w*|"
    r"e-?mail\w*|note|thank\w*|decid\w*|decision|hear|heard|contact\w*|recruiter|manager|"
    r"hr|interviewer\w*|panel|with|not|never|no|wrong|instead|actually|wait|sorry|oops|"
    r"mistake|cancel\w*|delete|remove|stop|remind\w*|snooze|tomorrow|today|tonight|"
    r"yesterday|week|weekend|morning|afternoon|evening|"
    # what they said or will do, and when: "They said they would write within a fortnight"
    r"said|says|say|told|tell|ask(?:ed)?\s+(?:me\s+)?to|wants?|wanted|will|would|shall|going|"
    r"gonna|"
    r"write|reply|respond|back|next|soon|fortnight|months?|days?|hours?|minutes?|"
    r"they'?ll|they'?d|they'?re|they\s+will|they\s+would|moved|rescheduled|changed|postponed|"
    r"shortlist\w*|yet|who|clients?|agency|something|someone|somebody|name|called|named|"
    # a time of day in words: "half ten", "quarter past two"
    r"half|quarter|noon|midday|o'?clock|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b", _I)
def _a_word(word: str) -> bool:
    """An everyday English word (a sentence's first, capitalised), not only a name."""
    return bool(dictionary().known([word.lower()]))


#: Words that start a remark with a capital: "She was lovely.", "Honestly, …".
_OPENERS = lx.words("""i she he it we my so and but honestly also really anyway overall then
    oh ok okay well lol haha ugh wow a an this that there felt feeling just pretty quite kind
    super very though the our everyone everybody""")
_NEWS_OR_DOUBT = (lx.SENT_CUES, lx.CALL_CUES, lx.PROMISE_CUES, lx.CANCEL_CUES, lx.SNOOZE_CUES,
                  lx.REMOVE_CUES, lx.HEDGES)


def _unexplained(text: str, *facts: str) -> list[str]:
    rest = text
    for person in re.split(r"\s+and\s+", facts[3]) if facts[3] else ():
        rest = re.sub(f"{_POST_BEFORE}(?={re.escape(person)})", " ", rest, flags=_I)
    for fact in sorted((f for f in facts if f), key=len, reverse=True):
        rest = re.sub(re.escape(fact), " ", rest, flags=_I)
    for person in re.split(r"\s+and\s+", facts[3]) if facts[3] else ():
        rest = re.sub(re.escape(person), " ", rest, flags=_I)
    rest = _DAY_WORDS.sub(" ", _AT_TIME.sub(" ", rest))
    return [w for w in _LEFT_WORD.findall(rest) if w.lower() not in _FILLER]


#: "CDL-A driver interview w/ Swift": the job, then the interview and where.
_ROLE_FIRST = re.compile(r"^(?P<role>[\w/&+-]+(?:\s+[\w/&+-]+){0,3}?)\s+"
                         r"(?:interview|phone\s+screen)\s+(?:with|w/|at)\b", _I)


#: "Can you add my archivist interview at the Morgan Library": the job, in lower case,
#: between "my" and the interview (a company would have its capital).
_MY_ROLE_INTERVIEW = re.compile(r"\bmy\s+(?P<role>[a-z][\w/&+-]*(?:\s+[a-z][\w/&+-]*){0,2}?)\s+"
                                r"interview\s+(?:with|w/|at|for)\b")
#: What "my … interview" says of the interview itself, not of the job.
_INTERVIEW_KINDS = lx.words("""other another first second third final next last zoom phone
    video teams online virtual onsite on-site panel group technical big real actual new
    latest earlier later follow-up followup in-person remote""")


def _role(text: str, company: str) -> str:
    first = _ROLE_FIRST.match(text)
    if first is not None and any(w.lower() in _ROLE_WORDS for w in first.group("role").split()):
        return role_words(first.group("role"))
    mine = _MY_ROLE_INTERVIEW.search(text)
    if mine is not None:
        said = mine.group("role").split()
        if not any(w in _INTERVIEW_KINDS for w in said) and \
                any(w in _ROLE_WORDS or lx.POST_ENDING.search(w) for w in said):
            return role_words(mine.group("role"))
    role = _first(_ROLE, text.replace(f"({company})", ""), "role")
    role = _ROLE_SUFFIX.sub("", re.sub(r"^(?:the|a|an)\s+", "", role, flags=_I).strip())
    # "for the position of analyst", "for the position Lab Technician" (German word order)
    role = re.sub(r"^(?:the\s+)?(?:role|position|post|job)\s+(?:of\s+|as\s+)?(?:an?\s+)?(?=\w)",
                  "", role, flags=_I)
    if role.lower() in _NOT_ROLES or company.lower() in role.lower() or re.search(r"\d", role) \
            or _A_TEAM.search(role):
        # "for tues 1st dec 2pm" is when, not what; "for the Initech interview" which;
        # "for their QA team" where, not the title
        role = ""
    if role:
        return _ROLE_SUFFIX.sub("", role_words(role))
    for piece in _CLAUSES.split(text):  # ", store manager,": a piece that names a job
        # ", claims adjuster role,": the piece says itself that it is the job
        says_so = bool(_ROLE_SUFFIX.search(piece.strip())) and \
            not re.match(r"(?:the|a|an|my|this|that|their)\b", piece.strip(), _I)
        piece = _ROLE_SUFFIX.sub("", _ROLE_IS.sub("", piece.strip()))  # ", role is X,"
        piece = role_words(piece)  # "data analist"
        words = piece.lower().split()
        if 0 < len(words) <= 4 and (says_so or any(w in _ROLE_WORDS for w in words)) and \
                not re.search(r"\d|\b(?:with|at|for)\b", piece, _I):
            return piece
    return ""


_A_TEAM = re.compile(r"\b(?:team|department|dept|division|group|squad)$", _I)
_ROLE_IS = re.compile(r"^(?:the\s+)?(?:role|position|post|job|title)\s*(?:is|was|=|:)\s*|"
                      r"^(?:role|position)\s+(?=\S+\s+\S)", _I)  # ", role battery engineer,"
_SHORT_WEEKDAY = re.compile(r"\b(this|last|on)\s+(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)"
                            r"\b\.?", _I)
_BARE_SHORT_DAY = re.compile(r"\b(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b\.?"
                             r"(?=\s+(?:at\s+|@\s*)?\d)", _I)
_WHOLE_DAYS = {"mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday",
               "fr": "Friday", "sa": "Saturday", "su": "Sunday"}


def _whole_day(match: re.Match[str]) -> str:
    return f"{match.group(1)} {_WHOLE_DAYS[match.group(2)[:2].lower()]}"


_TIME_BEFORE_DAY = re.compile(r"\b(\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|noon|"
                              r"\d{1,2}(?=\s+this\s+(?:morning|afternoon)))\s+(?=(?:today|tonight|"
                              r"tomorrow|yesterday|this\s+(?:morning|afternoon|evening))\b)", _I)


_CLOCK = re.compile(r"(?<![\d/:.-])((?:[01]?\d|2[0-3]):[0-5]\d)(?![\d/:])")
_ON_DOTTED = re.compile(r"\bon\s+((?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2]))(?![.:\d])", _I)
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before|until|till|til|than)\s+(?:the\s+)?$", _I)


def _when(text: str, just_now: bool) -> str:
    text = ordinal_days(_SHORT_WEEKDAY.sub(_whole_day, text))
    # "at Starbucks fri at 3pm": a day cut short, its time after it
    text = _BARE_SHORT_DAY.sub(lambda m: _WHOLE_DAYS[m.group(1)[:2].lower()], text)
    # A date after "by" or "until" is their deadline, not the interview's day ("…today…
    # result will be notice by December 1").
    found = next((m for m in _DATE.finditer(text) if not _DEADLINE_BEFORE.search(
        text[:m.start()])), None) or _DAY_WORDS.search(text)
    when = found.group(0) if found else ("today" if just_now else "")
    bare = _BARE_TIME.search(text)
    if when and bare and not re.search(r"\d", when) and not _AT_TIME.search(text):
        when += f" at {bare.group(1)}"
    before = _TIME_BEFORE_DAY.search(text)
    if when and before and not re.search(r"\d", when):  # "3pm today"
        when += f" at {before.group(1)}"
    if when and not re.search(r"\d\s*(?:[ap]\.?m|:\d)|\bat\s+\d|\bnoon\b|\bhalf\b", when, _I):
        at = _AT_TIME.search(text) or _CLOCK.search(text)  # "…, 09:30 start"
        when += f" at {at.group(1)}" if at else ""
    return half_past(when.strip(), office_hours=True)


def when_in(text: str) -> str:
    """The day and time a text names ("on Tuesday at 3pm"), or ''."""
    return _when(text, False)


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, each searched from just after the last one's start: "w/ Keystone
    Insurance for claims adjuster, interviewer Rob Delaney" holds a second list of people
    inside the first match's span."""
    at = 0
    while (match := pattern.search(text, at)) is not None:
        yield match
        at = match.start() + 1


def _first(patterns: tuple[re.Pattern[str], ...], text: str, group: str) -> str:
    for pattern in patterns:
        for match in pattern.finditer(text):
            value = match.group(group).strip(" ,.")
            if group == "company":  # "my interview with peloton is on tuesday": no "is"
                value = _COPULA_AFTER.sub("", value)
            if value and value.lower() not in _STOP_WORDS and not re.match(r"^\d", value) \
                    and not (group == "company" and _A_DAY.match(value)):
                return value
    return ""


#: A verb read into a company's name: "peloton is", "acme was".
_COPULA_AFTER = re.compile(r"\s+(?:is|was|are|were|will\s+be)$", re.I)
#: "… and her boss Mr. D. Patel": who the next one is to the last, before the name.
_THEIR_BOSS = re.compile(r"\s+(?:and|&)\s+(?:her|his|their|the)\s+(?:(?:office|hiring|store|"
                         r"area|team|general|practice)\s+)?(?:boss|manager|colleague|supervisor|"
                         r"director|team\s+lead|lead)\s*,?\s+(?=(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z])")
#: Where a sentence ends among names: not after "Mr", "Dr" or an initial ("Tom K. Lee").
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)"
                           r"(?<!\bMme)(?<!\bProf)(?<!\b[A-Za-z])[.!?;]\s+", _I)


_A_TITLED = re.compile(r"\ba\s+(?=(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z])")


def _people(text: str, company: str, role: str) -> str:
    text = _THEIR_BOSS.sub(" and ", text)  # "Marco and his manager Priya Shah": both named
    for pattern in (*_PEOPLE, *(_LOWER_PEOPLE if text.islower() else ())):
        for match in _overlapping(pattern, text):
            said = match.group("people").strip(" ,.")
            said = re.sub(r"^(?:the\s+)?(?:company|firm|organi[sz]ation)\s+", "", said, flags=_I)
            if company and said.lower().startswith(company.lower()):
                continue
            said = re.split(r"\s+(?:for|at|on|today|this|tomorrow|yesterday|about|who|and\s+"
                            r"(?:it|they|he|she))\b|,\s*(?:they|she|he|it|we|i)\b", said,
                            maxsplit=1, flags=_I)[0]
            said = _SENTENCE_END.split(said, maxsplit=1)[0]  # "… Mr Chikore. They said …"
            said = _THEIR_BOSS.sub(" and ", said)  # "Karen and her boss Mr. D. Patel"
            said = _A_TITLED.sub("", said)  # "with a Mrs. Ramdass and Mr. Ali"
            words = said.split()
            while words:  # the longest start of it that is all names
                people, unclear = read_names(" ".join(words))
                if people and not unclear:
                    return " and ".join(p.name for p in people)
                words.pop()
    for piece in reversed(_CLAUSES.split(text)):  # a piece of names: ", dana wu", "— Miles Dyson"
        written_as_names = text.islower() or all(w[:1].isupper() for w in piece.split())
        if not piece.strip() or not written_as_names or re.search(r"\d", piece) or \
                piece.strip().lower() in (company.lower(), role.lower()):
            continue
        people, unclear = read_names(piece)
        if people and not unclear and len(piece.split()) >= 2:
            return " and ".join(p.name for p in people)
    return ""
