"""Corrections in words: "it's Jayne not Jane", "the role was senior analyst",
"Raj's number is 555-0134", "add bob lee to acme", "Dana wasn't there, take her off".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from rapidfuzz.distance import OSA

from bot.commands import (
    CorrectInterview,
    Fix,
)
from bot.parsing.dates import (
    _cut_dates,
    half_past,
    hour_said,
    names_a_day,
    parse_when,
    parse_when_detail,
)
from bot.parsing.english import dictionary
from bot.parsing.people import read_names
from bot.parsing.promises import next_weekday_two_ways
from bot.parsing.understanding import lexicon as lx
from bot.parsing.understanding.common import hedged, record
from bot.parsing.understanding.normalise import role_words
from bot.parsing.understanding.reading import Choice, Context, Line, Reading, about_one, label
from bot.parsing.understanding.references import KnownInterview, pick

# --- corrections --------------------------------------------------------------------------
_POSSESSIVE = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+)?(?P<who>the\s+interviewer|[A-Za-z][\w-]*(?:\s+(?-i:[A-Z])[\w-]*(?='s))?|her|his|their)(?:'s)?\s+"
    r"(?P<what>e-?mail(?:\s+address)?|phone(?:\s+number)?|number|mobile(?:\s+number)?|"
    r"cell(?:\s+number)?|direct\s+(?:line|number|dial)|work\s+number|surname|last\s+name|"
    r"first\s+name|full\s+name|name)\s*(?:is|'s|:|=)?\s*"
    r"(?P<value>.+?)(?:,?\s+not\s+(?P<wrong>.+))?$", re.I)
_FIELD_IS = re.compile(
    r"^(?:the\s+)?(?:(?:name|title)\s+of\s+(?:the\s+)?)?(?:(?P<company>[\w'-]+)\s+)?"
    r"(?:(?:req|requisition|official|actual)\s+)?"
    r"(?P<field>company|employer|role|roll|position|post|job(?:\s+"
    r"title)?|title)(?:(?:'s)?\s+(?:(?:full|proper|real|legal|official|correct|right|actual)\s+)?"
    r"name)?(?:\s+(?:at|for|of|on)\s+(?:#\s*(?P<number>\d{1,3})\b|(?P<at>[\w'-]+)))?(?:\s+(?:is|was|should\s+be|"
    r"should\s+(?:read|say))\s+|'s\s+|\s*(?::|->|=>)\s*(?:it'?s\s+|its\s+|it\s+is\s+)?|"
    # "acme role → data analyst intern" (the arrow read as "to"), "change the role to …"
    r"\s+to\s+(?!be\b))"
    r"(?:actually\s+|really\s+)?(?P<value>.+?)"
    r"(?:,?\s+not\s+(?P<wrong>.+))?$", re.I)
#: The `fix` verb before a company's name instead of its number.
_FIX_VERB = re.compile(r"^(?:fix|correct|update|change)\s+(?=(?:the\s+)?[\w'-]+\s+(?:company|"
                       r"employer|role|position|job|title)\b)", re.I)
_FIELD_THEN_VALUE = re.compile(r"^(?P<field>(?:the\s+)?[\w'-]+\s+(?:company|employer|role|position|"
                               r"job|title))\s+(?!(?:is|was|should|to)\b)(?=\w)", re.I)
_I_MEAN = re.compile(r"^.*\bI\s+mean[t]?\s+", re.I)
#: ", sorry", ", thanks", " btw" after a corrected value are not part of it.
_ASIDE_TAIL = re.compile(r"(?:[,.]?\s+(?:actually|sorry|sory|soz|thanks|thank\s+you|btw|lol|haha|"
                         r"cheers|ta|"
                         r"eh|bro|mate|lah|pls|please|innit|bruv|fam|yeah|"
                         r"my\s+bad|oops|(?:my\s+)?typo|my\s+mistake|fat\s+fingers?|"
                         r"(?:i\s+)?misremembered|(?:i\s+)?mixed\s+(?:it|them)\s+up|"
                         # "…, i mixed up my days", "… I entered it wrong", "I saw it on her card"
                         r"i\s+mix(?:ed)?\s+up\s+(?:my\s+)?(?:days|dates|times)|"
                         r"i\s+(?:entered|typed|put|wrote)\s+it\s+(?:in\s+)?wrong|"
                         r"i\s+saw\s+it\s+on\s+(?:her|his|their)\s+(?:card|badge|email|signature)|"
                         r"(?:can|could)\s+you\s+(?:fix|change|update)\s+(?:that|it)\??|"
                         r"(?:please|kindly|pls)\s+(?:fix|change|update|correct|amend)"
                         r"(?:\s+(?:that|it|this))?|"
                         # "…, 2 o's", "…, hyphenated", "…, with an e", "…, double n"
                         r"(?:\d|two|double)\s+[a-z]'?s?|hyphenated|with\s+an?\s+[a-z]|"
                         r"double\s+[a-z]|[a-z](?:-[a-z]){2,}|"
                         # "INITECH, all caps, like on their website"
                         r"(?:in\s+)?all\s+caps|in\s+capitals|like\s+on\s+(?:their|the)\s+\w+|"
                         r"as\s+on\s+(?:their|the)\s+\w+)[.!]*)+[.!?]*$",
                         re.I)
#: A name spelled out letter by letter inside the line: "it's Dana Woo, w-o-o, not Wu",
#: or the word said twice once it is read ("Dana Woo, Woo, not Wu").
_SPELLED_INSIDE = re.compile(r",\s*[a-z](?:-[a-z]){2,}\s*,", re.I)
_SAID_AGAIN = re.compile(r"\b([A-Za-z][\w'-]+),\s+\1\b", re.I)
_WHEN_WAS = re.compile(
    r"^(?:the\s+|my\s+)?(?:(?P<company>[\w'-]+)\s+)?interview\s+(?:was|is)\s+(?:actually\s+)?"
    r"(?P<value>.+?)(?:,?\s+not\s+(?P<wrong>.+))?$", re.I)
#: "Could you add …", "Kindly add …": a request to add.
_ASKED_TO_ADD = r"^(?:(?:please|kindly|could\s+you|can\s+you|would\s+you)\s+)*add\s+"
#: "…; he joined for the last twenty minutes": why, not who.
_WHY_TAIL = r"(?:\s*[?,.;]\s*(?:she|he|they)\b.*)?$"
_ADD_TO = re.compile(_ASKED_TO_ADD + r"(?P<names>.+?)\s+to\s+(?:the\s+)?(?P<company>.+?)"
                     r"(?:\s+(?:one|interview))?\??" + _WHY_TAIL, re.I)
#: "Add Tom Reyes as an interviewer too, he joined for the last 10 min".
_ADD_AS = re.compile(_ASKED_TO_ADD + r"(?P<names>.+?)\s+as\s+(?:an?\s+|another\s+)?"
                     r"(?:interviewer|person)\b(?:\s+(?:to|for|on)\s+(?:the\s+)?[\w&'-]+"
                     r"(?:\s+(?:one|interview))?)?(?:\s+too)?" + _WHY_TAIL, re.I)
#: "(also) add Kevin Brooks, he joined halfway through": a person added, and why.
_ADD_JOINED = re.compile(_ASKED_TO_ADD + r"(?P<names>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)\s*[,;.]\s*"
                         r"(?:she|he|they)\s+(?:joined|sat\s+in|was\s+(?:also\s+)?there|"
                         r"came\s+in|was\s+(?:also\s+)?(?:on|in)\s+(?:it|the))\b.*$")
_ALSO_PERSON = re.compile(
    r"\b(?:also|another|third|second|2nd|3rd|one\s+more)\b.*\b(?:person|interviewer|lady|guy|man|woman|"
    r"someone|one)\b.*?[,:-]\s*(?P<names>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)"
    r"(?:\s+from\s+[\w&'-]+)?\s*(?:[,;.]\s*(?:she|he|they|(?:i\s+)?forgot)\b.*)?$|"
    r"(?P<also>[A-Z][\w'-]+\s+[A-Z][\w'-]+)(?:\s+from\s+[\w&'-]+)?\s+was\s+(?:also\s+)?(?:on|in|at)\s+"
    r"(?:the\s+)?"
    r"(?:\w+\s+)?(?:panel|interview|call)\b|"
    r"(?i:\b(?:also|another|third|second)\b.*\b(?:guy|woman|man|lady|person|someone)\s+(?:called|"
    # "also a guy called Hunter from finance in the room": a first name alone, capitalised
    r"named)\s+)(?P<named>(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)(?=\s+from\b|\W*$|\s+(?:in|on|was|"
    r"who)\b)|[A-Za-z][\w'-]+\s+[A-Za-z][\w'-]+)|"
    # "a guy from HR named Marcus was in there too"
    r"(?i:\b(?:a|an)\s+(?:guy|woman|man|lady|person|someone)(?:\s+from\s+[\w&'-]+)?\s+"
    r"(?:called|named)\s+)(?P<lone>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
    r"(?=\s+(?i:was|sat|joined|came)\b.*\b(?i:too|also|as\s+well)\W*$)|"
    # "Mike Chen interviewed me too at Acme, I forgot to mention him"
    r"^(?P<me_too>[A-Z][\w'-]+\s+[A-Z][\w'-]+)(?:\s+from\s+[\w&'-]+)?\s+(?i:also\s+)?"
    r"(?i:interviewed\s+me)(?:\s+(?i:too|as\s+well|also))?(?:\s+(?i:at|for)\s+[\w&'-]+)?"
    r"(?:\s*,\s*(?i:i\s+forgot\s+(?:to\s+mention|about)\s+(?:him|her|them)))?\W*$|"
    # "Mark Liu from the team sat in too", "forgot to mention, Will from finance sat in too"
    r"^(?i:(?:oh\s+|and\s+)?(?:i\s+)?forgot\s+(?:to\s+(?:mention|say)|someone(?:\s+(?:at|from)\s+"
    r"[\w&'-]+)?)\s*[,:—–-]?\s*)?"
    # "Jane's manager Tom Becker joined for the last 15 min"
    r"(?i:(?:her|his|their|(?-i:[A-Z])[\w'-]*'s)\s+(?:manager|boss|colleague|supervisor|director)\s+)?"
    r"(?P<sat>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)(?:\s+from\s+(?:the\s+)?[\w&'-]+)?\s+(?i:sat\s+in"
    r"(?:\s+on\s+(?:it|the\s+interview))?|"
    r"joined(?:\s+in)?|was\s+(?:there|in\s+(?:the\s+room|there)|on\s+the\s+(?:panel|call)))\s+"
    r"(?i:too|as\s+well|also|for\s+(?:the\s+)?(?:last|first)\s+"
    r"\d+\s+min\w*|for\s+(?:part|some|a\s+bit)\s+of\s+it)\W*$")
_FORGOT = re.compile(r"\b(?:also|too|as\s+well|forgot|forgotten)\b", re.I)
_TAKE_OFF = re.compile(r"\b(?:take\s+[\w'-]+\s+(?:off|of)|wasn'?t\s+(?:really\s+)?part\s+of|"
                       r"wasn'?t\s+(?:actually\s+|really\s+)?"
                       r"(?:in\s+(?:the|my)\s+(?:\w+\s+)?interview|in\s+it|there|in\s+the\s+room|"
                       r"on\s+(?:my|the)\s+panel)|(?:ended\s+up\s+)?not\s+joining|remove|drop|"
                       # "scratch raj from initech, dana did it solo"
                       r"scratch(?=\s+[\w'-]+\s+(?:from|off)\b)|"
                       # "delete Dana from Initech"; "delete the interview of Dana" is the interview
                       r"(?:delete|erase)(?=\s+(?!(?:the|this|that|it|my|our|all|everything|entry|"
                       r"interview|record)\b)[\w'-]+))\b",
                       re.I)
_A_DETAIL_OF = re.compile(r"'s\s+(?:e-?mail|address|number|phone|cell|mobile|title)\b", re.I)
_NOT_THERE = re.compile(r"\b(?:wasn'?t|was\s+not|weren'?t)\s+(?:actually\s+)?"
                        r"(?:really\s+)?(?:there|in\s+it|in\s+(?:the|my|that)\s+(?:\w+\s+)?"
                        r"(?:interview|room|call))\b|\bjust\s+said\s+hi\b|"
                        r"\bwasn'?t\s+(?:really\s+)?part\s+of\b|\bpopped\s+in\b", re.I)
_WAS_TIME = re.compile(
    r"^(?:it\s+was\s+|(?:the\s+|my\s+)?[\w'-]+\s+(?:interview\s+|one\s+)?(?:timing\s+|time\s+)?"
    r"was\s+|"
    r"(?:the\s+|my\s+)?interview\s+(?:at|with|for)\s+[\w'-]+\s+was\s+)?(?:actually\s+)?"
    r"(?:this\s+(?:morning|afternoon)\s+)?"
    r"(?:at\s+)?(?P<value>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|half\s+(?P<half>\w+)|"
    r"quarter\s+(?P<toward>past|to)\s+(?P<quarter>\w+))(?:\s+only)?\s*,?\s*"
    r"not\s+(?P<wrong>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|[a-z]+(?:\s+[a-z]+)?)"
    r"(?:\s+(?:at|for|with)\s+[\w'-]+)?$"
    r"|^(?:the\s+)?(?:(?:interview\s+)?time\s+(?:for|of|on)\s+(?:the\s+)?[\w'-]+(?:\s+(?:one|"
    r"interview))?|[\w'-]+\s+interview\s+time(?:\s+\d{1,2}:\d{2})?)"
    r"\s+(?:should\s+be|is|was)\s+(?:at\s+)?(?P<should>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)$"
    r"|^(?:it|the\s+interview|[\w'-]+\s+interview)\s+(?:actually\s+)?(?:started|began|kicked\s+off)\s+"
    r"at\s+(?P<start>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)(?:\s+actually)?(?:\s*,?\s*not\s+\S+)?$",
    re.I)


def correct(line: Line, ctx: Context) -> Reading | None:
    reading = _correct(line, ctx)
    command = reading.command if reading is not None else None
    if isinstance(command, CorrectInterview) and command.field in (Fix.EMAIL, Fix.PHONE):
        return _contact_asked(line, ctx, command) or reading
    return reading


def _contact_asked(line: Line, ctx: Context, command: CorrectInterview) -> Reading | None:
    """The question to ask before saving an e-mail or phone that the line holds with
    something else (another person's, the other of the two, a day to call), or at
    another firm's address; None when it can be saved as read."""
    other = {Fix.EMAIL: _PHONE_ASKED, Fix.PHONE: _EMAIL_ASKED}
    if len(_AN_ADDRESS_IN.findall(line.text)) > 1 or len(_A_NUMBER_IN.findall(line.text)) > 1:
        # "Jane's phone is 212 555 0107 and Dana's is 212 555 0188": two people's
        return Reading(question="That's more than one person's details: send each on its own "
                                "line (`jane's phone is …`), and I'll take them one at a time. "
                                "I changed nothing yet.")
    if _AN_ADDRESS_IN.search(line.text) and _A_NUMBER_IN.search(line.text) \
            and command.field is not None \
            and other[command.field].search(_AN_ADDRESS_IN.sub(" ", line.text)):
        # "Jane Smith | jsmith@acme.com | 212-555-0144 add her email and phone": one change
        # at a time, so neither is dropped
        who = command.who or "them"
        return Reading(question=f"I can take {who}'s e-mail and phone one at a time: send "
                                f"`{who.split()[0].lower()}'s email is …`, then "
                                f"`{who.split()[0].lower()}'s phone is …`. I changed nothing yet.")
    target = next((k for k in ctx.known if record(k) == command.interview), None)
    if command.field is Fix.EMAIL and target is not None \
            and _another_firms_address(command.value, target.company):
        # "Jane Smith's email is jsmith@globex.com", Jane being Acme's: whose is it?
        whose = f"{command.who}'s" if command.who else "their"
        return Reading(question=f"{command.value} is at another firm's address than "
                                f"{target.company}'s. Is it {whose} e-mail for "
                                f"{target.company} (#{target.number})?",
                       choices=(Choice("Yes, save it", command), Choice("No", None)))
    if _A_DAY_TO_USE_IT.search(line.text) and names_a_day(line.text.replace(command.value, " ")):
        # "Raj's direct line is (646) 555 0143, he said use it Wednesday": the number,
        # and a day to call on; one at a time, so the day isn't lost
        whose = f"{command.who}'s" if command.who else "their"
        return Reading(question=f"I can take {whose} number and the day to "
                                "call one at a time: send the number on its own, then the day "
                                "(`they asked me to call Wednesday`). I changed nothing yet.")
    return None


def _another_firms_address(address: str, company: str) -> bool:
    """An address at a firm's own domain that shares no word with the company's name
    (personal mail, gmail and the like, can be anyone's)."""
    domain = address.rpartition("@")[2].casefold()
    name = domain.split(".")[0]
    if name in _PERSONAL_MAIL or "." not in domain:
        return False
    words = [w.casefold() for w in re.findall(r"[A-Za-z]{3,}", company)]
    squashed = re.sub(r"[^a-z]", "", company.casefold())
    # ("jsmith@acme.com" for "Akme": a slip of the name, the same firm)
    return not any(w in name or name in w or OSA.distance(w, name) <= 1 for w in words) \
        and name not in squashed


#: Mail anyone may have, which says nothing of the employer.
_PERSONAL_MAIL = frozenset({"gmail", "googlemail", "yahoo", "outlook", "hotmail", "live", "msn",
                            "icloud", "me", "mac", "aol", "proton", "protonmail", "gmx", "mail",
                            "yandex", "zoho", "fastmail", "hey", "qq", "163", "naver",
                            "rediffmail"})
#: A day said for using the number or address: "he said use it Wednesday".
_A_DAY_TO_USE_IT = re.compile(r"\b(?:said|says|told\s+me)\b.*\b(?:use|call|ring|try|email|"
                              r"reach)\b", re.I)
#: The other of the two asked for too: "add her email and phone" ("save the email" is one).
_PHONE_ASKED = re.compile(r"\b(?:phone|number|cell|mobile|both)\b", re.I)
_EMAIL_ASKED = re.compile(r"\b(?:e-?mail|address|both)\b", re.I)
#: An e-mail address and a phone number in one line.
_AN_ADDRESS_IN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: (any country's: "212-555-0144", "98450 12345", "+44 7700 900123")
_A_NUMBER_IN = re.compile(r"(?<![\w@.])\+?\(?\d(?:[\s().-]?\d){7,14}\b")


#: When it began, said for when it was: "the Initech one started at 9 not 10".
_STARTED_AT = re.compile(r"\b(one|interview)\s+(?:started|began|kicked\s+off)\s+at\b", re.I)


def _correct(line: Line, ctx: Context) -> Reading | None:
    text = _NAME_SAID_KIND.sub(r"\1 is ", _SIGNED.sub("", line.text))
    text = _ASIDES.sub("", lx.CORRECTION_LEAD.sub("", _BRACKETED_TAIL.sub("", text)))
    text = _SAID_AGAIN.sub(r"\1", _SPELLED_INSIDE.sub(",", text))  # "Woo, w-o-o, not Wu"
    text = _ASIDE_TAIL.sub("", text.strip(" .!")).strip(" .!")
    text = _STARTED_AT.sub(r"\1 was at", text)  # "the Initech one started at 9 not 10"
    text = _BRACKETED_TAIL.sub("", text).strip(" .!")  # "… (the subsidiary). Can you fix that?"
    # "wrong role - its senior data analyst": the field named, then its value
    # "the Initech role's wrong, it's QA lead": the same, its interview named first
    text = re.sub(r"^(?:the\s+)?([\w&-]+)\s+(company|role|title|position)(?:'s|\s+is)\s+wrong"
                  r"\s*[,:;–—-]+\s*(?:it'?s|its|it\s+is|should\s+be)\s+", r"the \1 \2 is ", text,
                  flags=re.I)
    text = re.sub(r"^wrong\s+(company|role|title|position)\s*[,:;–—-]*\s*(?:it'?s|its|it\s+is|"
                  r"should\s+be)\s+", r"the \1 is ", text, flags=re.I)
    # "fix the name, its Dana Woo not Wu": the grammar's verb, then the correction
    text = re.sub(r"^(?:please\s+)?fix\s+(?:the\s+|her\s+|his\s+)?(?:name|spelling)\s*[,:;–—-]*\s*",
                  "", text, flags=re.I)
    # "her name's Jane Smyth with a y": the name said again, as "it's Jane Smyth …" is
    text = re.sub(r"^(?:her|his|their)\s+(?:full\s+)?name(?:'s|\s+is)\s+(?:spelled\s+|spelt\s+|"
                  r"written\s+)?(?-i:(?=[A-Z]))", "it's ",
                  text, flags=re.I)
    text = re.sub(r"^wrong\s+(?:company|role|name|time|date)\s*(?:[,:-]\s*|(?=it\s+(?:was|is)\b))",
                  "", text, flags=re.I)
    # "Jane's on +44 7700 900123": her number
    text = re.sub(r"^([A-Za-z][\w-]*)'s\s+on\s+(?=\+?[\d(])", r"\1's number is ", text)
    # "small fix, the company's full name is …": what follows is the correction
    text = re.sub(r"^(?:a\s+)?(?:small|quick|minor|tiny|one)\s+(?:fix|correction|change|thing)"
                  r"\s*[,:;–—-]+\s*", "", text, flags=re.I)
    text = _OF_COMPANY.sub(r"\g<who>'s ", lx.ASIDE_LEAD.sub("", text))
    text = _FOR_COMPANY.sub("", text)  # "for Acme it's Jane Smyth, not Smith"
    text = _NAME_AT.sub(r"\g<name>", text)  # "Jane's last name at Acme is Smyth"
    text = _TIME_SAID_PLAINLY[0].sub(lambda m: f"the {m[1] or m[2]} interview was at ", text)
    text = _TIME_SAID_PLAINLY[1].sub(r"\1 ", _TIME_SAID_PLAINLY[2].sub(" ", text))
    text = _said_plainly(text)
    elsewhere = _AT_NOT_THERE.match(text)
    if elsewhere is not None and any(elsewhere["wrong"].lower() == k.company.lower()
                                     for k in ctx.known):
        text = f"it's {elsewhere['right']}, not {elsewhere['wrong']}"
    for pattern, plain in _PLAINLY:
        text = pattern.sub(plain, text)
    bare = _INTERVIEW_MOVED.match(text)
    open_ones = [k for k in ctx.known if k.open]
    only = pick(line.found, ctx.known) or (open_ones[0] if len(open_ones) == 1 else None)
    if bare is not None and only is not None:
        # "interview rescheduled to the 30th": the one interview it can be, moved
        text = f"{only.company} moved it to {bare['when']}"
        line = replace(line, found=Line.of(only.company, ctx).found)
    moved = _THEY_MOVED.match(text) or _GOT_MOVED.match(text)
    told = _MOVED_IN_NEWS.search(text) if moved is None else None
    named = [k for k in ctx.known if k.open and k.company.lower() in line.found.company_words]
    if told is not None and len(named) == 1:
        # "Acme just emailed, they've pushed my interview to Wednesday, same time"
        text = f"{named[0].company} moved it to {told.group('when')}"
        moved = _GOT_MOVED.match(text)
    if moved is not None and moved.group("company").lower() in line.found.company_words:
        # "Acme moved it to Wednesday 3pm": their interview, to a day and a time; a flight
        # "pushed to wed" moves nothing, and a day without its time is asked
        if not _A_CLOCK.search(text[moved.end("company"):]) and \
                not _KEEPS_ITS_TIME.search(text[moved.end("company"):]):
            target = pick(line.found, ctx.known)
            number = "<number>" if target is None else target.number
            return Reading(question="Moved to when? Give me the day and the time, e.g. "
                                    f"`fix {number} when Wednesday 3pm`; I changed nothing yet.")
        when = moved.group("when") if "when" in moved.groupdict() else text[moved.end():]
        text = f"the {moved.group('company')} interview is {when}"
    # "Sorry, I got the time wrong — the Acme interview was at 3, not 2": the correction
    # may follow an admission.
    admitted = _ADMISSION.match(text)
    tries = [text] + ([text[admitted.end():].strip(" .!")] if admitted else [])
    before_dash = _DASH.split(text)[0].strip(" .!")
    if before_dash != text:  # "it's Initrode, not Initech — I always mix them up"
        tries.append(before_dash)
    if len(_ADDRESSES.findall(line.text)) > 1:
        # "Raj's is raj@… and Dana's is dana@…": each address said on its own, so none
        # lands with the wrong person.
        return Reading(question="Two addresses there: give me one at a time, so each "
                                "goes to the right person, e.g. `Dana's email is "
                                "dana@company.com`. I changed nothing yet.")
    # "had the 2nd interview today at 10 w/ Raj and a new guy, Sam Lowe": who was at a
    # round since, not someone left off the interview tracked
    round_since = lx.ROUND_HAPPENED.search(line.text) is not None
    owner = _OWNER.match(text)
    if owner is not None and owner["who"].lower() not in line.found.company_words \
            and not _DAY_NAME.fullmatch(owner["who"]) and _person(line, ctx, owner["who"]) is None:
        if owner["my"]:
            return None  # "My Netflix interview is at 11 on Monday…": a new one, told
        # "Initech's interview was at 10:30", with no Initech tracked: never another's
        return Reading(question=f"I don't track an interview with {owner['who']}, so I "
                                "changed nothing. `list` shows the ones I do.")
    for said in tries:
        for attempt in (_signature, _spells_it, _call_them, _address_of, _company_name,
                        _possessive, _field_is,
                        _weekday_was, _when_was, _was_time, _company_was, _not_that, _add_to,
                        _also_person, _counted_people, _take_off, _its_name):
            if round_since and attempt in (_add_to, _also_person, _counted_people):
                continue
            reading = attempt(said, line, ctx)
            if reading is not None:
                return reading
    return None


_ADDRESSES = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
#: "Acme moved it to Tue Dec 1, same time": the day moved, its time kept.
_KEEPS_ITS_TIME = re.compile(r"\bsame\s+time\b", re.I)
#: A time put right, said the ways the readers below don't take: "correction: acme started
#: at 13:15", "wrong time on acme: 1pm"; "the acme interview today was …"; "… actually".
_TIME_SAID_PLAINLY = (
    re.compile(r"^(?:the\s+)?([\w&'-]+?)(?:'s)?(?:\s+interview)?\s+(?:started|began|kicked\s+off)"
               r"\s+at\b|^wrong\s+time\s+(?:on|for)\s+(?:the\s+)?([\w&'-]+?)(?:\s+interview)?\s*"
               r"[:,–—-]\s*(?:it\s+was\s+)?(?:at\b)?", re.I),
    re.compile(r"(\binterview)\s+(?:today|this\s+morning|this\s+afternoon|yesterday|on\s+\w+day|"
               r"(?:mon|tues|wednes|thurs|fri)day)\s+(?=(?:was|is|started)\b)", re.I),
    re.compile(r"(?<=\s)actually\s+(?=(?:at|on|\d))|,?\s+actually(?=\s*,\s*not\b)", re.I),
)
#: Corrections said another way, and the way the readers below take them.
_PLAINLY = (
    # "role should be senior data analyst not just data analyst": the field, then its value
    (re.compile(r"^(?:the\s+)?(?P<field>role|title|job\s+title|position|company|employer)\s+"
                r"should\s+(?:be|read|say)\s+", re.I), r"the \g<field> is "),
    # "whoops acme's at 2 on wednesday, not today": the company's interview, then when
    (re.compile(r"^(?:(?:whoops|oops|sorry|ah|oh)\W+)?(?P<c>[\w&-]+)'s\s+(?=(?:at|on)\s)", re.I),
     r"the \g<c> interview is "),
    # "You've got Jane's name wrong. It's Jayne, with a y.": the name as it should be
    (re.compile(r"^(?:you'?ve|you\s+have)\s+got\s+(?P<who>[\w-]+?)'s\s+name\s+wrong\s*[.,;:!–—-]*"
                r"\s*(?:it'?s|its|it\s+is)\s+(?P<right>(?-i:[A-Z])[\w'-]+)\b.*$", re.I),
     r"it's \g<right>, not \g<who>"),
    # "raj gave me his cell, (917) 555-0177", "Jane gave me her number: 212 555 0183"
    (re.compile(r"^(?P<who>[\w-]+)\s+gave\s+me\s+(?:his|her|their)\s+(?:cell|mobile|number|"
                r"phone(?:\s+number)?|direct\s+line)\b[^\d+(]*(?P<value>\+?[\d(][\d\s().-]{6,}\d)"
                r"\W*$", re.I), r"\g<who>'s number is \g<value>"),
    # "Dana's not Wu, it's Wu-Hartley": her name, the wrong part then the right
    (re.compile(r"^[\w'-]+'s\s+not\s+(?P<wrong>[^,;]+?)\s*[,;]\s*(?:it'?s|its)\s+(?P<right>[^,;.]+)$",
                re.I), r"it's \g<right>, not \g<wrong>"),
    # "Initech should be Initech Systems": the company's name, put right
    (re.compile(r"^(?P<wrong>[\w&'-]+)\s+should\s+(?:be|read|say)\s+(?P<right>[^,;.]+)$", re.I),
     r"it's \g<right>, not \g<wrong>"),
    # "I gave you the wrong company for #2, it's Initrode"
    # "wrong company on #2, it was initrode not initech", "wrong role for acme: …"
    (re.compile(r"^(?:i\s+(?:gave|told)\s+you\s+the\s+|(?:you\s+have\s+the\s+)?)wrong\s+"
                r"(?P<field>company|role|title)\s+(?:for|on)\s+(?P<which>\S+?)\s*[,;:–—-]\s*"
                r"(?:it'?s|its|it\s+is|it\s+was|should\s+be)\s+", re.I),
     r"the \g<field> for \g<which> is "),
    # "can you add raj's email for me, it's rpatel@initech.com", "Can you change Dana's
    # email, I typed it wrong. It's dwu@initech.io"
    (re.compile(r"^(?:can|could)\s+you\s+(?:add|save|put\s+in|change|fix|update|correct)\s+"
                r"(?P<who>[\w'-]+?)'s\s+(?P<what>e-?mail|number|phone|cell)\b.*?\b(?:it'?s|its|"
                r"it\s+is|should\s+be)\s+", re.I), r"\g<who>'s \g<what> is "),
    # "the acme one has the wrong date, its tmrw"
    (re.compile(r"^(?:the\s+)?(?P<c>[\w&'-]+)\s+(?:one|interview)\s+has\s+the\s+wrong\s+"
                r"(?:date|day|time)\s*[,;:–—-]\s*(?:it'?s|its|it\s+is)\s+", re.I),
     r"the \g<c> interview is "),
    # "initech guy was dana woo not wu": the person by where they are, then the name
    (re.compile(r"^(?:the\s+)?[\w&'-]+\s+(?:guy|lady|person|woman|man|interviewer)\s+(?:was|is)\s+"
                r"(?=\S+\s+\S+\s*,?\s+not\b)", re.I), "it's "),
    # "it wasn't Acme itself, it was Acme Analytics", "i put 2pm but it was at 12 noon"
    (re.compile(r"^it\s+(?:wasn'?t|was\s+not|isn'?t|is\s+not)\s+(?P<wrong>[^,;]+?)(?:\s+itself)?\s*"
                r"(?:[,;—–-]\s*|\s+)it\s+(?:was|is|'s)\s+(?P<right>[^,;.]+?)"
                # "…, totally different company lol": how it feels, after the value
                r"(?:\s*,\s*(?:totally|completely|a)\s+(?:different|other)\s+\w+(?:\s+lol)?)?$",
                re.I),
     r"it's \g<right>, not \g<wrong>"),
    (re.compile(r"^i\s+(?:put|typed|entered|wrote)\s+(?P<wrong>[^,;]+?)\s*,?\s+but\s+it\s+(?:was|is)\s+"
                r"(?P<right>[^,;.]+)$", re.I), r"it was \g<right>, not \g<wrong>"),
    # "it's Acme Health not just Acme": "just" adds nothing to which is wrong
    (re.compile(r"\bnot\s+(?:just|plain|simply)\s+", re.I), "not "),
    # "It's on 24/11 at 3pm, not today": the interview's new moment, its old day after
    (re.compile(r"^it'?s\s+(?:actually\s+)?on\s+(?P<when>[^,;]+?),?\s+not\s+(?:today|tomorrow|"
                r"yesterday)$", re.I), r"the interview is \g<when>"),
    # "Her surname's double-barrelled actually: Smith-Okafor"
    (re.compile(r"^(?P<who>her|his|their)\s+(?P<what>surname|last\s+name)(?:'s|\s+is)\s+(?:double[\s-]*"
                r"barrel+ed|hyphenated)(?:\s+actually)?\s*[:,—–-]\s*", re.I),
     r"\g<who> \g<what> is "),
    # "Just noticed I wrote Jane's name wrong, it's Jane Smit, no h"
    (re.compile(r"^(?:just\s+noticed\s+)?i\s+(?:wrote|typed|spelt|spelled|put)\s+(?P<who>[\w-]+)'s\s+"
                r"(?:name|surname)\s+wrong\s*[,:;—–-]\s*(?:it'?s|it\s+is)\s+(?P<right>[A-Z][\w'-]+"
                r"(?:\s+[A-Z][\w'-]+)?)(?:\s*,\s*no\s+\w)?$", re.I),
     r"\g<who>'s name is \g<right>"),
    # "full name is Rajesh Patel btw, put that down instead of Raj"
    (re.compile(r"^(?:(?:his|her|their)\s+)?full\s+name\s+is\s+(?P<right>[A-Z][\w'-]+\s+[A-Z][\w'-]+)"
                r".*?\binstead\s+of\s+(?P<wrong>[A-Z][\w'-]+)\b.*$", re.I),
     r"\g<wrong>'s name is \g<right>"),
    # "raj patel mobile +1 (415) 555-0178", "Initech interviewer Raj Patel email address is …"
    (re.compile(r"^(?:[\w&-]+\s+)?(?:interviewer\s+)?(?P<first>[A-Za-z][\w-]+)(?:\s+[A-Za-z][\w-]+)?"
                r"(?:'s)?\s+(?P<what>e-?mail(?:\s+address)?|phone(?:\s+number)?|mobile(?:\s+number)?|"
                r"cell(?:\s+number)?)\s+(?:is\s+)?(?=[+(\d]|[\w.+-]+@)", re.I),
     r"\g<first>'s \g<what> is "),
    # "the Acme interviewer is Janet, not Jane": the name, then the one it is not
    (re.compile(r"^(?:the\s+)?(?:[\w&'-]+\s+)?interviewer(?:'s\s+name)?\s+(?:is|was)\s+"
                r"(?=[\w'-]+\s*,?\s+not\s+[\w'-]+$)", re.I), ""),
    # "Initech is actually Initrode, I mix them up", "the second one isnt initech, its initrode"
    (re.compile(r"^(?P<wrong>[\w&'-]+)\s+is\s+(?:actually|really)\s+(?!(?:next|last|this|tomorrow|"
                r"today|tonight|yesterday|on|at|in|the|a|an|(?:mon|tues|wednes|thurs|fri|satur|"
                r"sun)day)\b|\d)(?P<right>[\w&'-]+(?:\s+[A-Z][\w&'-]*)?)"
                r"(?:\s*[,;—–-].*)?$", re.I), r"it's \g<right>, not \g<wrong>"),
    (re.compile(r"^(?:the\s+)?(?:second|first|other)\s+one\s+(?:isn'?t|isnt|is\s+not)\s+"
                r"(?P<wrong>[\w&'-]+)\s*,\s*(?:it'?s|its|it\s+is)\s+(?P<right>[\w&'-]+)"
                r"(?:\s*[,;.—–-].*)?$", re.I), r"it's \g<right>, not \g<wrong>"),
    # "the lady who interviewed me, it is Jane Smithe": who, then the name said plainly
    (re.compile(r"^the\s+(?:lady|woman|man|guy|gentleman|person)\s+who\s+interviewed\s+me\s*,\s*"
                r"(?:it\s+is|it'?s|she\s+is|he\s+is)\s+", re.I), "it's "),
    # "its not data analyst, its data analyst II. data analyst II": the right one first
    (re.compile(r"^it'?s\s+not\s+(?P<wrong>[^,.;]+?),\s*it'?s\s+(?P<right>[^,.;]+?)(?:[.!].*)?$",
                re.I), r"it's \g<right>, not \g<wrong>"),
    # "the acme one is a product analyst role, not data analyst"
    (re.compile(r"^(?:the\s+)?(?P<company>[\w'-]+)\s+(?:one|interview)\s+(?:is|was)\s+(?:an?\s+)?"
                r"(?P<role>[\w /&-]+?)\s+(?:role|position|job)\b", re.I),
     r"the \g<company> role is \g<role>"),
    # "Could you change the date to 25/11, 10am please — they've moved it"
    (re.compile(r"^(?:(?:could|can|would)\s+you\s+)?(?:please\s+)?(?:change|move|update|set)\s+"
                r"(?:the\s+)?(?:(?P<company>[\w'-]+)(?:'s)?\s+)?(?:date|time|day|date\s+and\s+time)\s+"
                r"to\s+(?P<when>[^—–]+?)(?:,?\s+please)?\s*(?:[—–].*)?$", re.I),
     r"the \g<company> interview is \g<when>"),
    # "typed the wrong time, it was 1:30 not 2": the admission without its "I"
    (re.compile(r"^(?:i\s+)?(?:typed|put|got|entered)\s+the\s+wrong\s+(?:time|date|day)(?:\s+in)?"
                r"\s*[,:;—–-]\s*",
                re.I), ""),
    # "her name's spelled Jayne, Jayne, not Jane" (its letters said out, then written)
    (re.compile(r"^(?:her|his|their|the)\s+(?:first\s+|last\s+|sur)?name'?s?\s+(?:is\s+)?"
                r"(?:spel+(?:ed|t)\s+)?(?P<right>[\w'-]+)(?:,\s*(?P=right))?\s*,?\s+not\s+",
                re.I), r"it's \g<right>, not "),
    # "Smith is wrong — Smithe, with an e on the end"
    (re.compile(r"^(?P<wrong>[\w'-]+)\s+is\s+wrong\s*[—–,:;-]+\s*(?:it'?s\s+)?(?P<right>[\w'-]+)"
                r"(?:[\s,].*)?$", re.I), r"it's \g<right>, not \g<wrong>"),
    # "wait acme is TOMORROW not today 😅 same time"
    (re.compile(r"^(?P<company>[\w'-]+)\s+is\s+(?P<when>tomorrow|today|yesterday|(?:mon|tues|wednes|"
                r"thurs|fri|satur|sun)day)\s+not\s+(?:today|tomorrow|yesterday|\w+day)\b", re.I),
     r"the \g<company> interview is \g<when>"),
    # "Tom Becker from their data team was in the interview too": where they work, left out
    (re.compile(r"\s+from\s+(?:their|the)\s+(?:[\w&-]+\s+){0,2}(?:team|department|dept|side)\b",
                re.I), ""),
    # "the qa one was thursday not friday": the interview named by its role
    (re.compile(r"^the\s+(?P<role>[\w-]+)\s+one\s+(?P<verb>was|is)\s+", re.I),
     r"the \g<role> interview \g<verb> "),
    # "there was also a Mike Chen from acme in the room", "also Pedro Gomez was in the
    # interview, I forget to put him": someone added, said plainly
    (re.compile(r"^(?:also\s+)?there\s+was\s+also\s+(?:an?\s+)?(?P<who>[A-Z][\w'-]+\s+[A-Z][\w'-]+)"
                r"(?:\s+from\s+[\w&'-]+)?\s+in\s+the\s+(?:room|interview)\b.*$"),
     r"\g<who> was in the interview too, forgot to say"),
    (re.compile(r"^(?:also\s+)?(?P<who>[A-Z][\w'-]+\s+[A-Z][\w'-]+)\s+was\s+in\s+the\s+interview\s*,"
                r"\s*i\s+(?:forgot|forget)\b.*$"),
     r"\g<who> was in the interview too, forgot to say"),
    # "It's Initrode not Initech, I always mix them up": the remark after it
    (re.compile(r",\s*(?:i\s+(?:always|keep|often)|my\s+bad|lol|oops)\b.*$", re.I), ""),
    (re.compile(r"[.!]\s*(?:i\s+)?(?:always|keep|often)\s+mix\w*\s+(?:them|those|it)\s+up\W*$",
                re.I), ""),
)
#: A message signed off: "… Regards, Susan", "… Thanks, Harold".
_SIGNED = re.compile(r"[.!]?\s+(?:(?:Kind|Best|Warm)\s+)?(?:Regards|Thanks|Thank\s+you|Cheers|Best|"
                     r"Sincerely|Many\s+thanks)\s*,?\s*[A-Z][a-z]+\.?\s*$")


def _said_plainly(text: str) -> str:
    """A time or day correction written the way the readers below expect it: "was not at
    14 hours, it was at 13 hours" is "was at 13:00, not 14:00"; "the acme time was wrong,
    it was 11 not 10" is "it was 11 not 10"; "at 2:30 PM and not 2 PM" drops its "and";
    "time 1400 should read 1430" is "time … should be 14:30"."""
    text = _AND_NOT.sub(" not", _HOURS_SAID.sub(r"\1:00", text))
    text = re.sub(r"\b(?:12\s*)?noon\b", "12pm", text, flags=re.I)  # "it was at (12) noon"
    text = re.sub(r"\s+itself\b", "", text, flags=re.I)  # "it wasn't Acme itself, it was …"
    text = _SAME_TIME.sub("", _DETAIL_OF.sub(r"\g<who>'s \g<what> ", text))
    text = _SPELLED.sub(r"\1 ", text)  # "Dana's last name is spelled Woo"
    one_is = _ONE_IS_ROLE.match(text)
    if one_is is not None and one_is.group("value").split()[-1].lower() in lx.ROLE_VOCABULARY:
        text = f"the role is {one_is.group('value')}"  # "the analyst one is actually senior …"
    text = _NAME_PUT_RIGHT.sub(_name_put_right, text)
    text = _MILITARY.sub(lambda m: f"{m.group(1)}:{m.group(2)}", text)
    text = _SHOULD_READ.sub("should be", _WRONG_LEAD.sub("", text))
    swapped = _NOT_THEN_IT_WAS.match(text)
    if swapped is not None:
        text = f"{swapped.group('who')} was {swapped.group('right')}, not {swapped.group('wrong')}"
    return text


#: "the QA job is at Initrode, not Initech": the company put right, the job named first.
_AT_NOT_THERE = re.compile(r"^(?:the\s+)?(?:[\w&'-]+\s+){0,3}(?:job|role|position|one|interview)"
                           r"\s+(?:is|was)\s+(?:actually\s+|really\s+)?(?:at|with|for)\s+"
                           r"(?P<right>(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*){0,3})\s*,?\s+"
                           r"not\s+(?:at\s+|with\s+|for\s+)?(?P<wrong>[\w&'.-]+(?:\s+[\w&'.-]+){0,3})$",
                           re.I)
#: "the surname of Dana is Woo": whose detail, said the other way round.
_DETAIL_OF = re.compile(r"^(?:the\s+)?(?P<what>surname|last\s+name|first\s+name|family\s+name|"
                        r"e-?mail|phone(?:\s+number)?|number)\s+of\s+(?P<who>[A-Za-z][\w-]*)\s+"
                        r"(?=is\b)", re.I)
#: "Dana's last name is spelled Woo", "it's spelled Jayne, not Jane": the value after it.
_SPELLED = re.compile(r"\b((?:name|surname|company)\s+is|it'?s|it\s+is)\s+(?:spelled|spelt|"
                      r"written)\s+", re.I)
#: ", same time 10am, not friday": the time kept, only the day corrected.
_SAME_TIME = re.compile(r"\s*,\s*same\s+time(?:\s+\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?"
                        r"(?=\s*,?\s*not\b)", re.I)
#: "Acme actually moved my interview, it's tomorrow at 3": the new moment, said after.
_THEY_MOVED = re.compile(r"^(?P<company>[\w'-]+)\s+(?:actually\s+|just\s+|has\s+|have\s+)?"
                         r"(?:(?:moved|rescheduled|changed|pushed)\s+(?:my|the)\s+interview\s*[.,;:—–-]+\s*"
                         r"(?:(?:it'?s|it\s+is)\s+(?:now\s+)?|now\s+)|"
                         r"rescheduled\s*[,;:—–-]*\s*it\s+(?:got|was|has\s+"
                         r"been|'s\s+been)\s+(?:moved|pushed|changed)\s+to\s+)", re.I)
#: "today's Acme interview got moved, it's actually Wednesday at 2pm", "Acme moved it to
#: Wednesday 3pm, so it didn't happen today", "Acme cancelled on me, rescheduled to …".
_GOT_MOVED = re.compile(
    r"^(?:turns\s+out\s+)?(?:the\s+)?(?:today'?s\s+)?(?P<company>[\w'-]+?)(?:'s)?\s+(?:interview\s+)?"
    r"(?:(?:got|was|has\s+been)\s+(?:moved|rescheduled|pushed)\s*[,;:—–-]*\s*(?:it'?s\s+"
    # "Acme have moved me to Friday week, 10am", "Acme rescheduled me to Thursday week"
    r"(?:actually\s+|now\s+)?|to\s+)|(?:have\s+|has\s+|just\s+)?(?:moved|rescheduled)\s+"
    r"(?:it|me|us)\s+to\s+|"
    # "acme bumped me to tmrw 2:30", "acme moved to wed 3pm"
    r"(?:bumped|pushed|moved|shifted)\s+(?:me\s+|it\s+)?to\s+(?=\S+\s+\S*\d)|"
    # "Acme pushed my interview to Wednesday, same time"
    r"(?:moved|pushed|rescheduled|changed)\s+(?:my|the|our)\s+interview\s+(?:back\s+)?"
    r"(?:to|till|until|for)\s+|cancell?ed\s+on\s+me(?:\s+today)?\s*,?\s*"
    r"(?:and\s+)?rescheduled\s+(?:it\s+)?(?:for|to)\s+|"
    # "acme rescheduled on me last minute, the interview is wednesday 10am now, not today"
    r"rescheduled(?:\s+on\s+me)?(?:\s+(?:at\s+the\s+)?last\s+minute)?\s*[,;:—–-]+\s*"
    r"(?:the\s+interview\s+is|it'?s)\s+(?:now\s+)?)"
    r"(?P<when>.+?)(?:\s+now)?(?:\s*,\s*(?:so\b|not\s+(?:today|tomorrow|\w+day)\b).*)?$", re.I)
#: "interview rescheduled to the 30th": moved, no company said.
_INTERVIEW_MOVED = re.compile(r"^(?:the\s+|my\s+)?interview\s+(?:got\s+|was\s+|has\s+been\s+|'s\s+"
                              r"been\s+)?(?:moved|rescheduled|pushed)\s+(?:back\s+)?to\s+"
                              r"(?P<when>.+)$", re.I)
#: The interview moved, told as news after who told it: "Acme just emailed, they've pushed
#: my interview to Wednesday, same time".
_MOVED_IN_NEWS = re.compile(r"[,;:—–-]\s*(?:they|she|he)(?:'ve|\s+have|'s|\s+has)?\s+(?:just\s+)?"
                            r"(?:moved|pushed|rescheduled|changed)\s+(?:my|the|our)\s+interview\s+"
                            r"(?:back\s+)?(?:to|till|until|for)\s+(?P<when>.+?)(?:\s*,\s*so\b.*)?$",
                            re.I)
#: "the analyst one is actually senior data analyst", "wrong role on the second one, it's
#: QA automation engineer": a job title, for the interview named by its role or company.
_ONE_IS_ROLE = re.compile(r"^(?:actually\s+)?(?:wrong\s+role\s+(?:on|for)\s+)?the\s+[\w'-]+"
                          r"(?:\s+[\w'-]+)?\s+one\s*(?:,\s*it'?s|\s+(?:is|was))\s+(?:actually\s+)?"
                          r"(?:for\s+)?(?:an?\s+|the\s+)?(?P<value>[\w /&+-]+?)"
                          r"(?:\s+(?:role|position|job))?$", re.I)
#: An American number with its area code and too few digits after it: "212-555-019".
_SHORT_US_NUMBER = re.compile(r"^\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{1,3}$")


def _short_number(value: str) -> Reading:
    """Nothing kept from a number a digit or more short, and why."""
    return Reading(question=f"{value} looks a digit or more short, so I changed nothing. "
                            "Send the whole number again.")
#: Who answered a call, not who interviewed: "it was Dana not Raj who picked up".
_ABOUT_THE_CALL = re.compile(r"\bwho\s+(?:picked\s+up|answered|called|rang)\b", re.I)
#: A time of day said: "3pm", "10:30", "at 3", "noon".
_A_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b|o'?clock)|\b\d{1,2}:\d{2}\b|"
                      r"\bat\s+\d{1,2}\b|\bnoon\b", re.I)
#: "the surname is Smyth not Smith", "Initech interviewer name is Dana Vu, not Wu": whose,
#: by the name being put right.
_NAME_PUT_RIGHT = re.compile(r"^(?i:the\s+|her\s+|his\s+)?(?:(?:[\w&'-]+\s+)?(?i:interviewer'?s?"
                             r"\s+name)|(?P<what>(?i:surname|last\s+name|family\s+name)))\s+is\s+"
                             r"(?:spelled\s+|spelt\s+)?(?P<right>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
                             r"\s*,?\s+not\s+(?P<wrong>[A-Z][\w'-]+)$")


def _name_put_right(said: re.Match[str]) -> str:
    """"the surname is Smyth, not Smith" as "Smith's surname is Smyth, not Smith"."""
    what = said.group("what") or "name"
    return f"{said.group('wrong')}'s {what} is {said.group('right')}, not {said.group('wrong')}"
#: "at 14 hours": the hour, as said in Spanish or Italian.
_HOURS_SAID = re.compile(r"(?<=\bat\s)(\d{1,2})\s+hours?\b|(?<=\bnot\s)(\d{1,2})\s+hours?\b", re.I)
_AND_NOT = re.compile(r",?\s+and\s+not\b", re.I)
#: "1400", "1430": a 24-hour clock without its colon.
#: Never four digits of a phone number ("555 0147").
_MILITARY = re.compile(r"(?<!\d[\s.-])\b([01]\d|2[0-3])([0-5]\d)\b(?!\s*(?:/|-|\d))")
_SHOULD_READ = re.compile(r"\bshould\s+(?:read|say)\b", re.I)
#: "the acme time was wrong, it was …", "I got the Initech day wrong, it was …".
_WRONG_LEAD = re.compile(r"^(?:(?:the\s+)?(?:[\w'-]+\s+)?(?:time|date|day)\s+(?:was|is)\s+wrong|"
                         r"i\s+(?:got|put|had)\s+the\s+(?:[\w'-]+\s+)?(?:time|date|day)\s+wrong"
                         r"(?:\s+(?:for|on)\s+[\w'-]+)?)\s*[,:;–—-]*\s*(?=it\s+was\b)", re.I)
#: "Acme interview was not at 14:00, it was at 13:00": the wrong value said first.
_NOT_THEN_IT_WAS = re.compile(r"^(?P<who>.+?)\s+(?:was\s+not|wasn'?t)\s+"
                              # "Raj wasn't actually there, it was Priya": a person, not a day
                              r"(?!(?:actually\s+|really\s+|even\s+)?(?:there|in|part|at\s+(?:the|my|it)|"
                              # "Dana wasn't on the panel, it was only Raj"
                              r"on\s+(?:the|my)\s+panel)\b)"
                              r"(?P<wrong>.+?)\s*[,;]\s*"
                              r"(?:it\s+was|but)\s+(?P<right>.+?)(?:\s*,\s*same\s+time)?$", re.I)
#: "(typing while stirring pasta)" at the end: an aside, not part of the correction.
_BRACKETED_TAIL = re.compile(r"\s*\([^()]*\)[\s.!]*$")
#: Chat words inside a correction ("its Jane Smith-Jones btw not Jane Smith").
_ASIDES = re.compile(r"\s+(?:btw|lol|haha|tbh)\b|,?\s+with\s+(?:an?\s+)?[a-z]\b(?!['\w])"
                     r"(?:\s+(?:on|at)\s+the\s+(?:end|start|front|beginning))?|"
                     r",?\s+(?:if\s+(?:that|it)\s+helps|if\s+you\s+need\s+it(?:\s+for\s+the\s+"
                     r"(?:call|note|thank[\s-]?you|reminder))?|just\s+so\s+you\s+"
                     r"know|fyi)\s*$", re.I)
#: Which interview, said first: "for Acme, …", "on the initech one: …".
_FOR_COMPANY = re.compile(r"^(?:for|on|at|re|about)\s+(?:the\s+)?[\w&'-]+(?:\s+one)?\s*[,:—–-]?\s*"
                          r"(?=it'?s\b|its\b|it\s+is\b|the\s|her\s|his\s)", re.I)
#: Where someone works, between their name's part and its new spelling.
_NAME_AT = re.compile(r"(?P<name>'s\s+(?:(?:last|first|sur|family|full)\s*name|e-?mail|number|"
                      r"phone|cell|mobile))\s+(?:at|from|@)\s+"
                      r"[\w&'-]+(?=\s+is\b)", re.I)
#: "Jane from Acme's email is …": the person, then where she works, then what is hers.
_OF_COMPANY = re.compile(r"^(?P<who>[A-Za-z][\w-]*)\s+(?:from|at|@)\s+[A-Z][\w&.-]*"
                         r"(?:\s+[A-Z][\w&.-]*){0,2}'s\s+")
_DASH = re.compile(r"\s+[—–]\s+|\s+-\s+")
_ADMISSION = re.compile(r"^(?:(?:wait|oops|sorry|ah|oh|argh|ugh)[\s,!.]+)*"
                        r"(?:i\s+(?:put|typed|entered|wrote|added)\s+(?:in\s+)?the\s+wrong\s+\w+"
                        r"(?:\s+(?:on|for)\s+[\w'-]+)?|"
                        r"(?:i'?m\s+afraid\s+)?i\s+(?:make|made)\s+(?:an?\s+)?(?:mistake|error)|"
                        r"i\s+(?:got|put|had|typed|entered|spelled|spelt)\s+"
                        r"(?:the\s+|her\s+|his\s+|their\s+)?\w+\s+wrong"
                        r"(?:\s+(?:on|for)\s+[\w'-]+)?)\s*(?:[—–,:;-]|\s-\s)?\s*", re.I)


#: A company or job title holds no "I", "my" or "we", and is rarely eight words long.
_CHATTY_VALUE = re.compile(r"\b(?:i|i'?m|i'?ve|me|my|we|our|lol|haha|sorry)\b|^(?:\S+\s+){7,}\S",
                           re.I)


#: A remark after the value: "junior data analyst, forgot the junior part".
_VALUE_REMARK = re.compile(r"\s*[,;]\s*(?:forgot|missed|left\s+out|typo|my\s+(?:bad|mistake)|"
                           r"oops|sorry|"
                           # "Akmé, with accent on e", ", with a hyphen": how it is spelled
                           r"with\s+(?:an?\s+|the\s+)?(?:accent|hyphen|dash|capital|apostrophe|"
                           r"space|umlaut|cedilla)|all\s+(?:one\s+word|caps|lower\s*case))\b.*$",
                           re.I)
#: "(now) called 'business data analyst'": how a new name is introduced, not part of it.
_NAMED_AS = re.compile(r"^(?:now\s+)?(?:(?:officially\s+|actually\s+)?(?:called|named|titled|"
                       r"known\s+as)\s+)?", re.I)
_QUOTES = " '\"‘’“”"


_ROLE_SAID_AROUND = re.compile(r"^(?:for\s+)?(?:the\s+|a\s+|an\s+)|\s+(?:role|position|job|post)$",
                               re.I)


def _fix(line: Line, ctx: Context, field: Fix, who: str, value: str, said: str,
         *, sure: bool = True, target: KnownInterview | None = None) -> Reading:
    if field in (Fix.COMPANY, Fix.ROLE):
        named = _NAMED_AS.sub("", _VALUE_REMARK.sub("", value)).strip(_QUOTES)
        if named:
            said, value = said.replace(value, named), named
    if field is Fix.ROLE:
        # "was actually for the BI developer role": the title alone
        value = _ROLE_SAID_AROUND.sub("", value).strip() or value
        fixed = role_words(value)
        said, value = said.replace(value, fixed), fixed
    if field in (Fix.COMPANY, Fix.ROLE) and _CHATTY_VALUE.search(value):
        sure = False  # "Senior Analyst, I undersold myself": words about it, not its name
    if _ABOUT_THE_CALL.search(line.text) and field in (Fix.ADD, Fix.REMOVE, Fix.NAME):
        # "it was Dana not Raj who picked up btw": who answered the call, not who was there
        return Reading(question="That's about who picked up, so I haven't changed who "
                                "interviewed you. Tell me what they said on the call.")
    if field in (Fix.COMPANY, Fix.ROLE) and _A_CLOCK.search(value):
        # "the data job was at 2:30 actually, not 2": a time put right, named by its job
        return Reading(question="That reads as a time, not a name, so I changed nothing. To "
                                "move an interview, tell me its new day and time (e.g. `the "
                                "Acme interview was at 2:30pm`).")
    if field is Fix.WHEN and (_odd_moment(value, target or pick(line.found, ctx.known), ctx)
                              or _told_gone_named_ahead(line.text, value, ctx)):
        sure = False
    if field is Fix.PHONE and _SHORT_US_NUMBER.search(value):
        return _short_number(value)  # "212-555-019": an area code, then too few digits
    if field is Fix.EMAIL and "@" not in value:
        # "The email of Dana I give you later": no address in it yet
        return Reading(question="I didn't find an e-mail address there, so I changed nothing. "
                                "Send it when you have it, e.g. `Dana's email is "
                                "dana@example.com`.")
    if field is Fix.EMAIL and lx.SHARED_MAILBOX.match(value):
        sure = False  # "the email is hr@acme.com": the company's inbox, or hers? Asked.
    if field is Fix.COMPANY and _autocorrected(value, target or pick(line.found, ctx.known)):
        sure = False

    def make(k: KnownInterview) -> CorrectInterview:
        return CorrectInterview(record(k), field, who=who, value=value, said=said)

    if target is not None:
        return Reading(make(target), f"Correcting {label(target)}.") if sure else Reading(
            question=f"Change {target.company} (#{target.number}): {said}?",
            choices=(Choice("Yes, change it", make(target)), Choice("No", None)))
    return about_one(line, ctx, make, lambda k: f"Correcting {label(k)}.",
                     "Change {company} (#{n}): " + said + "?",
                     sure=sure and not hedged(line), yes="Yes, change it")


#: What kind of name it is, before the name: "Jane's surname is hyphenated, it's Smith-Roberts".
_NAME_SAID_KIND = re.compile(r"\b(surname|last\s+name|family\s+name|name)\s+is\s+(?:hyphenated|"
                             r"double[\s-]barrell?ed|spelled\s+differently|different)\s*[,;:–—-]\s*"
                             r"(?:it'?s|its|it\s+is)\s+", re.I)
#: A mailbox a company shares, not one person's: hr@, jobs@, careers@, talent@ ….


def _autocorrected(value: str, target: KnownInterview | None) -> bool:
    """Whether a company's new name is an everyday word one letter from its old one
    ("company is Acne not Acme"): a phone's autocorrect makes such words of names, so the
    change is said back before every message carries it."""
    if target is None or " " in value.strip():
        return False
    return OSA.distance(value.casefold(), target.company.casefold()) == 1 \
        and value.casefold() in dictionary()


def _told_gone_named_ahead(text: str, value: str, ctx: Context) -> bool:
    """"the interview was actually Friday": told as gone by, with a bare weekday read as
    the one to come; which Friday is asked."""
    if not _TOLD_GONE.search(text) or re.search(r"\d", value):
        return False
    moment, _ = parse_when_detail(value, ctx.now, ctx.tz)
    return moment is not None and moment > ctx.now


#: A correction told in the past tense.
_TOLD_GONE = re.compile(r"\b(?:was|were|happened|had\s+it)\b", re.I)


def _odd_moment(value: str, target: KnownInterview | None, ctx: Context) -> bool:
    """Whether a corrected day or time is one to ask about before moving anything to it:
    a weekend or public holiday ("yesterday", said on a Monday), weeks from the day it was
    ("the 31st", read as next month's), an hour as likely morning as evening ("at 5"), or a
    day ahead for an interview held days ago."""
    if lx.EARLY_OR_LATE.search(value) and not lx.PART_OF_DAY.search(value):
        return True
    if next_weekday_two_ways(value, ctx.today) is not None:
        return True  # "next Tuesday", said on a Monday: tomorrow, or the one after?
    moment, _ = parse_when_detail(value, ctx.now, ctx.tz)
    if moment is None or not names_a_day(value):
        return False
    day = moment.astimezone(ctx.tz).date()
    was = target.starts_at.astimezone(ctx.tz).date() \
        if target is not None and target.starts_at is not None else ctx.today
    # "initech moved to fri 2pm", of an interview held days ago: a round still to come, or
    # the first one's day put right?
    held_before = was < ctx.today and day > ctx.today
    return day.weekday() >= 5 or day in ctx.holidays or abs((day - was).days) > 14 \
        or held_before


def _person(line: Line, ctx: Context, word: str) -> tuple[KnownInterview, str] | None:
    """The interview and interviewer a first name or surname names, if only one."""
    word = word.lower().removesuffix("'s")
    if " " in word:  # "Dana Wu's cell": the whole name
        hits = [(k, name) for k in ctx.known for name in k.names if name.lower() == word]
        return hits[0] if len(hits) == 1 else None
    hits = [(k, name) for k in ctx.known for name in k.names
            if word in (p.lower().strip(".") for p in name.split())]
    return hits[0] if len(hits) == 1 else None


def _signature(text: str, line: Line, ctx: Context) -> Reading | None:
    """Someone's e-mail signature pasted, to save their address or number from it ("Jane
    Smith | Talent Acquisition | jane.smith@acme.com | (212) 555-0147 -- save the
    email"): the first line or part is a name on one interview, and the line says which
    detail, or has only one."""
    raw = line.text
    parts = [p.strip(" -–—*>") for p in re.split(r"[|\n·]", raw) if p.strip(" -–—*>")]
    if len(parts) < 2 or not _SIGNATURE_ASKED.search(raw):
        return None
    named = [(k, n) for k in ctx.known for n in k.names
             if any(p.lower().startswith(n.lower()) or p.lower().endswith(n.lower())
                    for p in parts[:2])]
    if len(named) != 1:
        return None
    k, name = named[0]
    address = _ADDRESSES.search(raw)
    number = _SIGNATURE_NUMBER.search(raw)
    wants_mail = re.search(r"\b(?:save|add|keep|store|use)\s+(?:the\s+|her\s+|his\s+|their\s+)?"
                           r"e-?mail", raw, re.I)
    wants_number = re.search(r"\b(?:save|add|keep|store|use)\s+(?:the\s+|her\s+|his\s+|their\s+)?"
                             r"(?:number|phone|mobile|cell)", raw, re.I)
    if address is not None and (wants_mail or (number is None and not wants_number)):
        value = address.group(0).strip(".,;")
        return _fix(line, ctx, Fix.EMAIL, name, value, f"{name}'s e-mail is {value}",
                    target=k, sure=not _someone_elses(value, k, ctx))
    if number is not None and (wants_number or address is None):
        value = number.group("number").strip()
        return _fix(line, ctx, Fix.PHONE, name, value, f"{name}'s number is {value}", target=k)
    return None


#: A signature pasted with what to keep from it: "that's her signature, save the email",
#: "can you save her number", "add that so I have it".
_SIGNATURE_ASKED = re.compile(r"\b(?:save|add|keep|put|store|use)\s+(?:the\s+|her\s+|his\s+|"
                              r"their\s+|that|this|it)?(?:e-?mail|number|phone|mobile|cell|address|"
                              r"that|it|this)?\b|\b(?:sig|signature)\b", re.I)
_SIGNATURE_NUMBER = re.compile(r"(?:\b(?:m|mobile|cell|direct|tel|phone|t)\b\.?\s*:?\s*)?"
                               r"(?P<number>\+?\(?\d[\d\s().-]{7,}\d)")


def _spells_it(text: str, line: Line, ctx: Context) -> Reading | None:
    """A name spelled out, by the person met or after them ("she spells it jayne btw", "she
    spelled it out for me: J-A-I-N-E", "S M Y T H E. thats how jane spells it"): the part
    of one known name it is a slip of, and only one, is put right."""
    said = _SPELLED_OUT.search(line.text) or _SPELLED_FIRST.search(line.text)
    if said is None:
        return None
    word = re.sub(r"[\s.-]", "", said.group("word"))
    if len(word) < 2 or not word.isalpha():
        return None
    close = [(k, n, part) for k in ctx.known for n in k.names for part in n.split()
             if part.lower() != word.lower() and len(part) > 1 and
             OSA.distance(part.lower(), word.lower()) <= 2 and part[0].lower() == word[0].lower()]
    if len(close) != 1:
        return None
    k, name, part = close[0]
    new = name.replace(part, word[:1].upper() + word[1:].lower(), 1)
    return _fix(line, ctx, Fix.NAME, name, new, f"{name} is spelled {new}", target=k)


#: A name spelled out letter by letter ("J-A-I-N-E", "S M Y T H E") or as one word.
_LETTERS = r"(?P<word>[A-Za-z](?:[\s.-][A-Za-z](?![A-Za-z])){1,20}|[A-Za-z][a-z'-]+)"
_SPELLED_OUT = re.compile(r"\b(?:she|he|they)\s+spel+(?:s|ed|t)\s+(?:it|(?:her|his|their)\s+name)"
                          r"(?:\s+out)?(?:\s+for\s+me)?(?:\s+at\s+the\s+end)?\s*[:,-]?\s*"
                          + _LETTERS + r"\b", re.I)
_SPELLED_FIRST = re.compile(r"^\W*" + _LETTERS + r"\s*[.,:!-]+\s*(?:that'?s|thats|this\s+is)\s+"
                            r"how\s+[\w'-]+\s+spells\s+it\b", re.I)


def _someone_elses(address: str, k: KnownInterview, ctx: Context) -> bool:
    """"Jane's email is dana.wu@initech.com": an address at another interview's company,
    or in another interviewer's name, may be a slip (asked)."""
    local, _, domain = address.lower().partition("@")
    others = [o for o in ctx.known if o.number != k.number]
    at_other = any(o.company.lower().split()[0] in domain.split(".") for o in others
                   if o.company.split())
    theirs = {w.lower() for n in k.names for w in n.split()}
    named_other = any(w.lower() in re.split(r"[._-]", local) and w.lower() not in theirs
                      for o in ctx.known for n in o.names for w in n.split() if len(w) > 2)
    return at_other or named_other


def _possessive(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _POSSESSIVE.match(text)
    if match is None:
        return None
    who, what = match.group("who"), match.group("what").lower()
    value = re.sub(r"^(?:actually|really)\s+", "", match.group("value").strip(" ."), flags=re.I)
    if who.lower() in ("her", "his", "their", "my", "your", "the", "the interviewer"):
        return _pronoun_fix(line, ctx, what, value)
    found = _person(line, ctx, who) or (
        _person(line, ctx, who[:-1]) if who.lower().endswith("s") and "'" not in who else None)
    if found is None:  # "janes phone number": Jane's, the apostrophe left out
        return None
    k, name = found
    if "mail" in what:
        address = next((w for w in value.split() if "@" in w), "").strip("<>.,;()")
        # "…, or mayb just dwu@, not 100% sure": two addresses offered, neither sure
        return _fix(line, ctx, Fix.EMAIL, name, address,
                    f"{name}'s e-mail is {address}", target=k,
                    sure=not hedged(line) and not _someone_elses(address, k, ctx)
                    ) if address else None
    if what.startswith(("phone", "number", "mobile", "cell", "direct", "work")):
        parts = _OR_MAYBE.split(value)[:2]
        if len(parts) == 2 and (tail := re.match(r"\d{1,2}:\d{2}\b|\d{2,6}\b", parts[1].strip())) \
                and (first := _A_NUMBER.match(parts[0].strip(" ,."))) \
                and not _A_NUMBER.match(parts[1].strip(" ,.")):
            # "917 555 0101 or 0110" (which the reader may have taken for 01:10): the same
            # number with another ending
            said, ending = first.group(0).strip(), tail.group(0).replace(":", "")
            parts = [said, said[:len(said) - len(ending)] + ending]
        either = [m.group(0).strip() for n in parts if (m := _A_NUMBER.match(n.strip(" ,.")))]
        if len(either) == 2:  # "555 0147 or mabye 555 0174 i mix them up": which is asked
            return Reading(question=f"Which is {name}'s number?", choices=(
                *(Choice(n, CorrectInterview(record(k), Fix.PHONE, who=name, value=n,
                                             said=f"{name}'s number is {n}")) for n in either),
                Choice("Neither", None)))
        number = _A_NUMBER.match(value)  # "514-555-0187, she gave me her card": the number
        value = number.group(0).strip() if number else value
        # "… if you need it for the call" is no doubt about the number
        return _fix(line, ctx, Fix.PHONE, name, value, f"{name}'s number is {value}",
                    sure=not hedged(replace(line, text=_ASIDES.sub("", line.text))), target=k)
    value = _WHY_AFTER.sub("", value)  # "Jane Smith-Okafor, she hyphenates it"
    if _RIGHT_AS_IT_IS.match(value):
        return None  # "Jane's name is fine, it's her email I need to fix": no new name
    new = _renamed(name, who, what, value)
    return _fix(line, ctx, Fix.NAME, name, new, f"{name} is spelled {new}", target=k)


#: Two values offered: "555 0147 or maybe 555 0174".
_OR_MAYBE = re.compile(r"\s+or\s+(?:(?:maybe|mabye|mayb|perhaps|possibly|it\s+might\s+be)\s+)?",
                       re.I)
_WHY_AFTER = re.compile(r"\s*[,;]\s*(?:she|he|they|it)\b.*$|\s+actually$", re.I)
_A_NUMBER = re.compile(r"\+?[\d(][\d\s().-]{5,}\d(?:\s*(?:x|ext\.?)\s*\d{1,6})?"
                       # "917 555 0162 if you need it": words after it are no part of it
                       r"(?=\s*(?:[,;!]|\.(?!\d)|$)|\s+[a-z])", re.I)
#: "here's Raj's address for the thank-you: raj@…", "raj.patel@… is Raj's email".
_ADDRESS_OF = (
    re.compile(r"^(?:here'?s\s+|this\s+is\s+)?(?P<who>[A-Za-z][\w-]*)'s\s+(?:e-?mail\s+)?address\b"
               r".*?(?P<address>[\w.+-]+@[\w-]+\.[\w.-]+)", re.I),
    re.compile(r"^(?P<address>[\w.+-]+@[\w-]+\.[\w.-]+)\s+is\s+(?P<who>[A-Za-z][\w-]*)'s\s+"
               r"(?:e-?mail|address)\b", re.I),
)


def _address_of(text: str, line: Line, ctx: Context) -> Reading | None:
    match = next((m for p in _ADDRESS_OF if (m := p.match(text))), None)
    found = None if match is None else _person(line, ctx, match.group("who"))
    if match is None or found is None:
        return None
    k, name = found
    address = match.group("address").strip("<>.,;()")
    return _fix(line, ctx, Fix.EMAIL, name, address, f"{name}'s e-mail is {address}", target=k)


#: "Initech's proper name is Initech Ltd".
_COMPANY_NAME = re.compile(r"^(?P<company>[\w&'-]+?)(?:'s)?\s+(?:proper|full|actual|official|real|"
                           r"registered|legal)\s+name\s+is\s+(?P<value>.+)$", re.I)


def _company_name(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _COMPANY_NAME.match(text)
    if match is None or not line.found.by_company:
        return None
    value = match.group("value").strip(" .")
    return _fix(line, ctx, Fix.COMPANY, "", value, f"the company is {value}")


def _renamed(name: str, who: str, what: str, value: str) -> str:
    parts = name.split()
    if value.islower():  # "raj's last name is patil": typed in lower case, a name keeps its capital
        value = " ".join(w[:1].upper() + w[1:] for w in value.split())
    if what in ("surname", "last name") and len(parts) > 1:
        return " ".join([*parts[:-1], value])
    if what == "first name":
        return " ".join([value, *parts[1:]])
    return value if " " in value or len(parts) == 1 else value + " " + " ".join(parts[1:])


def _pronoun_fix(line: Line, ctx: Context, what: str, value: str) -> Reading | None:
    """"Her e-mail is …": the coach never guesses who "her" is, unless there is one person."""
    if what.lower() in ("surname", "last name", "family name"):
        people = [(k, name) for k in ctx.known if k.open for name in k.names]
        if not people:
            return None
        renamed = [(k, name, _renamed(name, name.split()[0], what, value.strip(" .")))
                   for k, name in people]
        if len(renamed) == 1:
            k, name, new = renamed[0]
            return _fix(line, ctx, Fix.NAME, name, new, f"{name} is spelled {new}", target=k)
        # "her surname is Woo", with several people met: whose is asked
        return Reading(question=f"Whose surname is {value.strip(' .')}?", choices=(
            *(Choice(f"{name} ({k.company})", CorrectInterview(
                record(k), Fix.NAME, who=name, value=new, said=f"{name} is spelled {new}"))
              for k, name, new in renamed[:5]),
            Choice("Nobody here", None)))
    if "mail" not in what and not what.startswith(("phone", "number", "mobile", "cell",
                                                     "direct", "work")):
        return None
    field = Fix.EMAIL if "mail" in what else Fix.PHONE
    number = _A_NUMBER.match(value) if field is Fix.PHONE else None
    value = value.strip("<>.,;() ") if field is Fix.EMAIL else \
        number.group(0).strip() if number else value
    if (field is Fix.EMAIL and "@" not in value) or (field is Fix.PHONE and number is None):
        return None  # "The email of Dana I give you later": no address in it yet
    if field is Fix.PHONE and _SHORT_US_NUMBER.search(value):
        return _short_number(value)  # "her number is 212-555-019", whoever "her" is
    domain = value.partition("@")[2].split(".")[0].lower() if field is Fix.EMAIL else ""
    candidates = [(k, name) for k in ctx.known if k.open for name in k.names
                  if not domain or domain in k.company.lower().replace(" ", "")]
    if not candidates:
        candidates = [(k, name) for k in ctx.known if k.open for name in k.names]
    local = re.split(r"[._+-]", value.partition("@")[0].lower()) if field is Fix.EMAIL else []
    named = [(k, name) for k, name in candidates
             if any(part.lower() in local for part in name.split() if len(part) > 1)]
    if len(named) == 1:  # "dana@initech.com" is Dana's
        candidates = named
    if len(candidates) == 1:
        k, name = candidates[0]
        return _fix(line, ctx, field, name, value, f"{name}: {value}", target=k)
    if not candidates:
        return None
    return Reading(question=f"Whose is {value}?", choices=(
        *(Choice(f"{name} ({k.company})", CorrectInterview(record(k), field, who=name,
                                                           value=value, said=value))
          for k, name in candidates[:5]),
        Choice("Nobody here", None)))


#: A clause after a corrected value says why, not what: "senior analyst, they bumped it up".
_THEN_CLAUSE = re.compile(r",\s*(?:they|she|he|it|which|and|but|so|because|as|sorry|oops|"
                          r"lol|haha|my\s+bad|i|i'?m|i'?ve|i'?d|that'?s|it'?s)\b.*$", re.I)


#: A new clause after a value, joined by "and": "… at 2 and I thought it went okay".
_AND_THEN = re.compile(r"\s+(?:and|but|so)\s+(?:i|it|she|he|they|we|my|(?-i:[A-Z][a-z]+)\s+"
                       r"(?:was|is|said|seemed))\b.*$", re.I)
_NOT_A_VALUE = re.compile(r"(?:wrong|incorrect|not\s+right|off|misspel+(?:ed|t)|spelt\s+wrong|"
                          r"a\s+typo|mistyped|"
                          # "the position is on hold": news of the opening, not its title
                          r"(?:now\s+|still\s+|being\s+|been\s+)?(?:on\s+hold|on\s+ice|frozen|"
                          r"filled|closed|cancel+ed|paused|gone|pulled|withdrawn|taken|open|"
                          r"remote|hybrid|full[\s-]time|part[\s-]time|temporary|permanent)|"
                          # "the position's been put on hold": "has been", news, no title
                          r"(?:been|being|got|gotten)\s+\w+)\b",
                          re.I)


def _field_is(text: str, line: Line, ctx: Context) -> Reading | None:
    verb = _FIX_VERB.match(text)  # "fix initech role: it's QA lead", "fix initech role QA lead"
    if verb is not None:
        text = _FIELD_THEN_VALUE.sub(r"\g<field>: ", text[verb.end():])
    match = _FIELD_IS.match(text)
    if match is None:
        return None
    value = _ASIDE_TAIL.sub("", _I_MEAN.sub("", match.group("value"))).strip(" .")
    value = re.sub(r"^actually\s+", "", value, flags=re.I).strip("'\"‘’“”")
    # "The role is not data analyst, is business analyst", "… not data analyst, it is
    # business analyst only": the value after the wrong one (before the clause after it
    # is cut, which would take the right one with it)
    value = re.sub(r"^not\s+.+?,?\s+(?:it'?s|its|is|but|it\s+is)\s+(?:an?\s+)?", "", value,
                   flags=re.I)
    value = re.sub(r"\s+only$", "", value, flags=re.I)
    value = _THEN_CLAUSE.sub("", value)  # "…, they bumped it up during the interview"
    if _NOT_A_VALUE.match(value):  # "the company name is wrong on that one": which, then?
        return None
    field = Fix.COMPANY if match.group("field").lower() in ("company", "employer") else Fix.ROLE
    if field is Fix.ROLE:
        value = role_words(value)  # "bussiness analyst", as a story's role is read
    company = match.group("company") or match.group("at")
    if match.group("number") and int(match.group("number")) not in line.found.numbers:
        return None
    if company and not line.found.by_company:
        return None
    return _fix(line, ctx, field, "", value, f"the {field.value} is {value}")


def _when_was(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _WHEN_WAS.match(text)
    if match is None or _WAS_TIME.match(text):  # "at half 1, not 2": a time, read below
        return None
    value = re.sub(r"^(?:at|on)\s+", "", half_past(match.group("value").strip(" .")), flags=re.I)
    # "the acme interview was at 2 and I thought it went okay, …": the story goes on
    told = _THEN_CLAUSE.sub("", _AND_THEN.sub("", value))
    story_goes_on, value = told != value, told
    if not re.search(r"\d|today|yesterday|tomorrow|day\b", value, re.I) \
            or not _A_WHEN_FIRST.match(value):
        return None  # "the acme interview was honestly a blur, … by Friday": no new day
    value = _business_hour(_weekday_and_day(value, ctx))
    target = pick(line.found, ctx.known)
    if story_goes_on and target is not None and target.starts_at is not None \
            and parse_when(value, ctx.now, ctx.tz) == target.starts_at:
        return None  # the time it has, told as part of the story: nothing to put right
    return _fix(line, ctx, Fix.WHEN, "", value, f"it was {value}")


#: A new day or time, said first: "on Friday", "11/20 at 3", "last Thursday", "noon".
_A_WHEN_FIRST = re.compile(r"(?:\d|today|yesterday|tomorrow|tonight|(?:last|this|next|the)\s|"
                           r"(?:mon|tue|wed|thu|fri|sat|sun)|(?:jan|feb|mar|apr|may|jun|jul|aug|"
                           r"sep|oct|nov|dec)|noon|midday|half|quarter|morning|afternoon|evening)",
                           re.I)
#: "Acme was actually on Friday the 20th, same time", "Initech was half ten on the 20th,
#: not 10": a known company's interview moved, without the word "interview".
_COMPANY_WAS = re.compile(r"^(?P<company>[\w'-]+)\s+was\s+(?:actually\s+|really\s+)?"
                          r"(?P<value>.+?)(?:,?\s+(?:(?:at\s+)?the\s+)?same\s+time|"
                          r",?\s+not\s+(?P<wrong>.+))?$", re.I)


_LAST_OR_THIS_DAY = re.compile(r"(?:on\s+)?(?:last|this\s+past)\s+(?:mon|tues|wednes|thurs|fri)day",
                               re.I)
_SAID_AS_RIGHT = re.compile(r"\bwas\s+actually\b|\bsame\s+time\b|,?\s+not\s+\w+", re.I)


def _company_was(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _COMPANY_WAS.match(text)
    if match is None or not line.found.by_company or hedged(line):
        return None
    if match.group("company").lower() not in line.found.company_words:
        return None
    value = half_past(match.group("value").strip(" ."))
    value = re.sub(r"^(?:at|on)\s+", "", value, flags=re.I)
    left, groups = _cut_dates(value)
    # Only a day and a time, with a number in it ("Friday the 20th", "10:30 on the 20th"):
    # "was a nightmare on the 20th" or a bare "was tuesday" moves nothing.
    # "was actually last Friday, same time": a day said plainly as the right one counts too
    plainly = bool(_LAST_OR_THIS_DAY.fullmatch(value.strip()) and _SAID_AS_RIGHT.search(text))
    if not groups or not (re.search(r"\d", value) or plainly) or \
            re.sub(r"\b(?:on|at|the)\b|[\s,.]", "", left):
        return None
    # Said in the past ("was … on the 20th"): the 20th gone by, written out as a date.
    moment, timed = parse_when_detail(f"was {_weekday_and_day(value, ctx)}", ctx.now, ctx.tz)
    if moment is None:
        return None
    value = f"{moment:%Y-%m-%d %H:%M}" if timed else f"{moment:%Y-%m-%d}"
    return _fix(line, ctx, Fix.WHEN, "", value, f"it was {value}")


def _business_hour(value: str) -> str:
    """"At 3" for an interview is 3pm; "at 9" is 9am: interviews keep office hours."""
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", value.strip())
    if match is None:
        return value
    hour = int(match.group(1))
    if not 1 <= hour <= 12:
        return value
    suffix = "am" if 8 <= hour <= 11 else "pm"
    return f"{hour}:{match.group(2) or '00'}{suffix}"


_WD_DOM = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?(\d{1,2})"
                     r"(?:st|nd|rd|th)?\b(?!\s*(?:[:.]\d|[ap]\.?m)|[/-]\d)", re.I)


def _weekday_and_day(value: str, ctx: Context) -> str:
    """"Thursday 19th" is the 19th that is a Thursday nearest today, written as a date."""
    match = _WD_DOM.search(value)
    if match is None:
        return value
    wanted = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(match.group(1).lower())
    today, day = ctx.today, int(match.group(2))
    found = []
    for offset in range(-3, 4):
        month_index = today.year * 12 + today.month - 1 + offset
        try:
            found.append(date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue
    fitting = [d for d in found if d.weekday() == wanted]
    if not fitting:
        return value
    best = min(fitting, key=lambda d: abs((d - today).days))
    return value[:match.start()] + best.isoformat() + value[match.end():]


def _was_time(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _WAS_TIME.match(text)
    if match is None:
        return None
    value = match.group("value") or match.group("start") or match.group("should")
    if match.group("quarter"):  # "quarter past two", "quarter to three"
        hour = hour_said(match.group("quarter"))
        if hour is None:
            return None
        value = f"{hour}:15" if match.group("toward").lower() == "past" \
            else f"{(hour - 2) % 12 + 1}:45"
    elif match.group("half"):  # "half one": half past one
        said = hour_said(match.group("half"))
        if said is None:
            return None
        value = f"{said}:30"
    # "at 5, not 2": five in the evening, or a shift at five in the morning? Asked.
    early = lx.EARLY_OR_LATE.match(value.strip()) is not None
    value = _business_hour(value)
    wrong = match.group("wrong")
    target = None if line.found.numbers or not wrong else _the_one_at(wrong, ctx)
    return _fix(line, ctx, Fix.WHEN, "", value, f"it was at {value}", target=target,
                sure=not hedged(line) and not early)


#: "initech was on thursday not friday", "it was the Thursday not the Friday": the day
#: moved within its week, the time kept.
_WEEKDAY_WAS = re.compile(
    r"^(?:it\s+was\s+|(?:the\s+)?[\w'-]+\s+(?:interview\s+)?was\s+)(?:actually\s+)?(?:on\s+)?"
    r"(?:the\s+)?(?P<day>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\s*,?\s*"
    r"not\s+(?:on\s+)?(?:the\s+)?(?P<wrong>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun|"
    r"today|yesterday)(?:day)?(?:\s*[.,]?\s*(?:same\s+time(?:\s+though)?))?$", re.I)
_DAY_ORDER = ("mo", "tu", "we", "th", "fr", "sa", "su")


def _weekday_was(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _WEEKDAY_WAS.match(text)
    if match is None or hedged(line):
        return None
    said_wrong = match.group("wrong").lower()
    wrong_day = {"today": ctx.today, "yesterday": ctx.today - timedelta(days=1)}.get(said_wrong)
    wrong = wrong_day.weekday() if wrong_day else _DAY_ORDER.index(said_wrong[:2])
    if line.found.numbers:
        target = pick(line.found, ctx.known)
    else:
        # "it was friday not today", naming none: the one open interview of today, or asked
        on_it = [k for k in ctx.known if k.open and k.starts_at is not None and wrong_day
                 and k.starts_at.astimezone(ctx.tz).date() == wrong_day]
        target = on_it[0] if len(on_it) == 1 else None
    if target is None or target.starts_at is None:
        return None
    was = target.starts_at.astimezone(ctx.tz)
    if was.weekday() != wrong:
        return None  # "not friday", and it wasn't on a Friday: which day is meant is asked
    moved = was + timedelta(days=_DAY_ORDER.index(match.group("day")[:2].lower()) - wrong)
    sure = True
    if moved > ctx.now and wrong_day is not None:
        moved -= timedelta(days=7)  # "it was friday not today", said on a Monday: last Friday
        # "it was tuesday not today": last week's, or tomorrow? Said back when far back.
        sure = ctx.today - moved.date() <= timedelta(days=4)
    if moved > ctx.now:
        return None  # said as past ("was"), yet still to come: a slip somewhere, asked
    value = f"{moved:%Y-%m-%d %H:%M}"
    return _fix(line, ctx, Fix.WHEN, "", value, f"it was {moved:%A %-d %B}, same time",
                target=target, sure=sure)


def _the_one_at(wrong: str, ctx: Context) -> KnownInterview | None:
    """"It was at 11, not 10", naming no interview: the one open interview that was at 10."""
    said = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?m?\.?", wrong.strip(), re.I)
    if said is None:
        return None
    hour, minute = int(said.group(1)), int(said.group(2) or 0)
    meridiem = (said.group(3) or "").lower()

    def at(k: KnownInterview) -> bool:
        if k.starts_at is None:
            return False
        local = k.starts_at.astimezone(ctx.tz)
        same = local.hour % 12 == hour % 12 and local.minute == minute
        return same and (not meridiem or (local.hour >= 12) == (meridiem == "p"))

    fits = [k for k in ctx.known if k.open and at(k)]
    return fits[0] if len(fits) == 1 else None


#: A day's name, which names an interview by when it was ("Friday's one").
_DAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow|"
                       r"tonight|monday|last\s+week", re.I)
#: An interview named by its owner: "Initech's interview was at 10:30".
_OWNER = re.compile(r"^(?:(?i:the)\s+|(?P<my>(?i:my)\s+))?(?P<who>[A-Z][\w&-]+)"
                    r"(?:'s|(?(my)|(?!)))\s+(?:interview|one|meeting|call)\b")


def _not_that(text: str, line: Line, ctx: Context) -> Reading | None:
    match = lx.NOT_THAT.match(text)
    if match is None:
        return None
    right, wrong = match.group("right").strip(" ."), match.group("wrong").strip(" .")
    if _NOT_A_FIX.search(f"{right} {wrong}"):
        return None  # "thanked raj by email. not dana yet": a deed, and one still to do
    subject = _SUBJECT_IS.match(right)
    named: tuple[KnownInterview, str] | None = None
    said: list[str] = []
    if subject is not None:
        named = _person(line, ctx, subject["who"])
        said = subject["rest"].split()
        if said[:1] and said[0].lower() == subject["who"].lower():
            said = said[1:]  # "raj is raj patil not patel"
    if subject is not None and named is not None and not subject["at"] \
            and len(said) == 1 and len(wrong.split()) == 1:
        # "Raj is Patil not Patel": one part of their name, put right
        right, subject = said[0], None
    if subject is not None:
        owner = [k for k in ctx.known if k.company.lower() == subject["who"].lower()]
        if len(owner) != 1 or subject["at"]:
            return None  # "Raj is at Acme, not Initech": who was where, no field's value
        # "initech is QA lead not QA engineer": Initech's role
        right = subject["rest"]
        line = replace(line, found=Line.of(owner[0].company, ctx).found)
    person = _person(line, ctx, wrong.split()[0]) if wrong.split() else None
    if person is not None:
        k, name = person
        new = _renamed(name, wrong, "name", right) if len(wrong.split()) == 1 else right
        if len(wrong.split()) == 1 and len(right.split()) == 1:
            parts = name.split()
            # "it's jayne not jane": typed in lower case, a name keeps its capital.
            spelled = right[:1].upper() + right[1:] if right.islower() else right
            new = " ".join(spelled if p.lower() == wrong.lower() else p for p in parts)
        return _fix(line, ctx, Fix.NAME, name, new, f"{name} is spelled {new}", target=k)
    for k in ctx.known:
        if wrong.lower() == k.company.lower():
            return _fix(line, ctx, Fix.COMPANY, "", right, f"the company is {right}", target=k)
        if wrong.lower() == k.role.lower():
            return _fix(line, ctx, Fix.ROLE, "", right, f"the role is {right}", target=k)
    return None


#: A value said to be right already: "fine", "correct", "spelled right".
_RIGHT_AS_IT_IS = re.compile(r"(?:fine|ok|okay|good|correct|right|perfect|spel+(?:ed|t)\s+right|"
                             r"not\s+the\s+(?:problem|issue))\b", re.I)
#: Words of deeds, not of a value put right: "thanked raj by email. not dana yet".
_NOT_A_FIX = re.compile(rf"\byet\b|{lx.SENT_VERBS.pattern}|\bthanked\b|\bcalled\b", re.I)
#: The value put as someone's: "initech is QA lead", "Raj is at Acme".
_SUBJECT_IS = re.compile(r"^(?P<who>[\w&'-]+)\s+(?:is|was|'s)\s+(?P<at>at\s+|with\s+|from\s+)?"
                         r"(?:an?\s+|the\s+)?(?P<rest>.+)$", re.I)
#: "it's Jane Smyth", after owning up to a typo: the one name it is a slip of.
_ITS_NAME = re.compile(r"(?:^|[—–,.;:!-]\s*)(?:sorry,?\s+)?(?:it'?s|its|it\s+is|"
                       r"(?:her|his|their|the)\s+(?:full\s+)?name\s+is)\s+(?P<name>[A-Za-z][\w'-]+\s+"
                       r"[A-Za-z][\w'-]+)\s*(?:,?\s+with\s+an?\s+[a-z]\b.*|[.!,]\s.*|[.!]?)$",
                       re.I)
#: Owning up to a slip, or spelling it out: "with a y", "y not i".
_OWNED_UP = re.compile(r"\b(?:spel+(?:ed|t)|misspel+(?:ed|t)|typo'?d?|typed)\b.*\bwrong\b|"
                       r"\btypo'?d?\b|\bspelled\s+it\b|\bcan'?t\s+spell\b|"
                       r"\bwith\s+an?\s+[a-z]\b(?:\s+(?:on|at)\s+the\s+(?:end|start|front))?"
                       r"(?!\s+\w)|\b[a-z]\s+not\s+(?:an?\s+)?[a-z]\b|"
                       r"\bautocorrect\w*|\bphone\s+(?:keeps\s+)?chang\w*", re.I)


def _its_name(text: str, line: Line, ctx: Context) -> Reading | None:
    """Read from the whole line, since the admission comes first in any order ("ugh I
    spelled her name wrong — it's Jane Smyth"); only a name one or two letters from one
    known, sharing its first name or surname, so no other person is renamed."""
    match = _ITS_NAME.search(_ASIDES.sub("", text).strip(" ,")) or \
        _ITS_NAME.search(_ASIDES.sub("", line.text).strip(" ,"))  # "oops its …", lead cut or not
    if match is None or not _OWNED_UP.search(line.text):
        return None
    said = match.group("name")
    if said.islower():
        said = " ".join(w[:1].upper() + w[1:] for w in said.split())
    close = [(k, name) for k in ctx.known for name in k.names
             if name.lower() != said.lower() and len(name.split()) == 2
             and OSA.distance(name.lower(), said.lower()) <= 2
             and (name.split()[0].lower() == said.split()[0].lower()
                  or name.split()[1].lower() == said.split()[1].lower())]
    if len(close) != 1:
        return None
    k, name = close[0]
    return _fix(line, ctx, Fix.NAME, name, said, f"{name} is spelled {said}", target=k)


def _add_to(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _ADD_TO.match(text)
    if match is None or not line.found.by_company:
        match = _ADD_AS.match(text) or _ADD_JOINED.match(text)
    if match is None:
        return None
    people, unclear = read_names(match.group("names"))
    if not people or unclear:
        return None
    names = " and ".join(p.name for p in people)
    return _fix(line, ctx, Fix.ADD, "", match.group("names"), f"add {names}")


#: "2 people interviewed me actually, Jane and Mark Otis": everyone, one of them new.
_COUNTED = re.compile(r"^(?:there\s+were\s+)?(?:\d|two|three|four)\s+(?:people|interviewers|of\s+"
                      r"them)(?:\s+(?:interviewed\s+me|in\s+the\s+room|there))?(?:\s+actually)?"
                      r"\s*[,:—–-]+\s*(?P<names>.+)$", re.I)


def _counted_people(text: str, line: Line, ctx: Context) -> Reading | None:
    """Everyone who was there, counted, when all but one are on the interview already:
    the one who is not is added."""
    said = _COUNTED.match(text)
    target = None if said is None else pick(line.found, ctx.known)
    if said is None or target is None:
        return None
    people, unclear = read_names(said.group("names"))
    known = {name.split()[0].lower() for name in target.names}
    new = [p for p in people if p.name.split()[0].lower() not in known]
    if unclear or len(new) != 1 or len(people) < 2:
        return None
    return _fix(line, ctx, Fix.ADD, "", new[0].name, f"add {new[0].name}", target=target)


def _also_person(text: str, line: Line, ctx: Context) -> Reading | None:
    match = _ALSO_PERSON.search(text)
    if match is None:
        return None
    said = match.group("names") or match.group("also") or match.group("named") \
        or match.group("lone") or match.group("sat") or match.group("me_too")
    if match.group("also") and not _FORGOT.search(text):
        return None  # "Mei Chen was in the interview" needs an "also" or "I forgot her"
    if said.islower():  # "a guy called pete morris": typed in lower case
        said = " ".join(w[:1].upper() + w[1:] for w in said.split())
    people, unclear = read_names(said)
    if len(people) != 1 or unclear:
        return None
    return _fix(line, ctx, Fix.ADD, "", people[0].name, f"add {people[0].name}")


def _take_off(text: str, line: Line, ctx: Context) -> Reading | None:
    cue = _TAKE_OFF.search(text)
    if cue is None or not line.found.people or _A_DETAIL_OF.search(text):
        return None  # "remove Dana's email, it bounced": her address, not Dana
    people = [(n, name) for n, names in line.found.people.items() for name in names]
    if len(people) > 1:  # "raj wasn't in the initech interview, it was just dana"
        clause = next(c for c in re.split(r"[,;.]", text) if _TAKE_OFF.search(c))
        people = [(n, name) for n, names in Line.of(clause, ctx).found.people.items()
                  for name in names]
    if len(people) != 1:
        return None
    number, name = people[0]
    target = next(k for k in ctx.known if k.number == number)
    if line.found.by_company and number not in line.found.by_company:
        # "take dana off the acme interview", Dana being Initech's: which is meant?
        return _fix(line, ctx, Fix.REMOVE, name, "", f"take {name} off", target=target,
                    sure=False)
    stand_in = _INSTEAD.search(text)
    if stand_in is not None:
        # "Raj wasn't there, it was Priya Shah instead": two changes, one of them a new
        # person; each is said on its own so neither is half done.
        return Reading(question=f"Take {name} off #{target.number} and add "
                                f"{stand_in.group('who')}? That's two changes: say "
                                f"`fix {target.number} remove {name.split()[0]}`, then "
                                f"`fix {target.number} add {stand_in.group('who')}`. I changed "
                                "nothing yet.")
    # Taking off the only interviewer leaves no one to thank: "remove jane" may as well
    # mean the interview, so it is asked.
    return _fix(line, ctx, Fix.REMOVE, name, "", f"take {name} off", target=target,
                sure=(len(target.names) > 1 or bool(_NOT_THERE.search(text)))
                and not hedged(line) and not _BARE_VERB.fullmatch(text))


#: "delete Dana", nothing more: the person, or the interview she was on? Asked.
_BARE_VERB = re.compile(r"(?:please\s+|pls\s+)?(?:delete|erase|remove|drop)\s+[\w'-]+"
                        r"(?:\s+[\w'-]+)?\s*[.!]*", re.I)


#: Someone who stood in for the person taken off: "it was Priya Shah instead".
_INSTEAD = re.compile(r"(?:\b(?:it\s+was|was\s+actually|but|and)\s+|,\s*)(?P<who>[A-Z][\w'-]+"
                      r"(?:\s+[A-Z][\w'-]+)?)\s+(?:did\s+it\s+|came\s+|sat\s+in\s+)?"
                      r"(?:instead|in\s+(?:his|her|their)\s+place)\b")
_CALL_THEM = re.compile(
    r"^(?:please\s+)?(?:call|address|greet)\s+(?P<who>her|him|them|[A-Z][\w.'-]*(?:\s+[A-Z]"
    r"[\w.'-]*)?)\s+(?:as\s+)?(?P<form>(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?[A-Z][\w'-]+"
    r"(?:\s+[A-Z][\w'-]+)?)(?:\s+in\s+(?:the\s+)?notes?)?\s*$")
_TITLES = lx.words("dr dr. mr mr. mrs mrs. ms ms. mx mx. prof prof.")


def _call_them(text: str, line: Line, ctx: Context) -> Reading | None:
    """"Call her Maria": how the notes should greet someone, if the words name them."""
    match = _CALL_THEM.match(text)
    if match is None:
        return None
    who, form = match.group("who"), match.group("form")
    words = {w.lower() for w in form.split() if w.lower() not in _TITLES}
    if who.lower() in ("her", "him", "them"):
        hits = [(k, name) for k in ctx.known for name in k.names
                if words & {p.lower().strip(".") for p in name.split()}]
        found = hits[0] if len(hits) == 1 else None
    else:
        found = _person(line, ctx, who.split()[-1])
    if found is None:
        return None
    k, name = found
    return _fix(line, ctx, Fix.ADDRESS, name, form, f"greet {name} as {form}", target=k)
