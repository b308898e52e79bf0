"""Interviewers' names (kept as they spell them) and their e-mail addresses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.model import Interviewer
from bot.parsing.cleaning import (
    _MAX_FIELD,
    _MAX_LINE,
    _MAX_NAME,
    _MAX_PEOPLE,
    _MAX_PIECE,
    _clean,
    _trim,
)

if TYPE_CHECKING:
    pass


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+", re.I)
_EMAIL_LABEL = re.compile(r"\b(?:e-?mail|mailto)\s*[:=]?\s*(?=[\w.+'-]+@)", re.I)
#: "and" (or "adn", a slip), "&", "+", "/", or "and" in the speaker's language between two
#: capitalised names: "Mark de Vries en Femke Jansen", "Anna Kowalska i Piotr Zieliński".
_NAME_SPLIT = re.compile(r"\s+(?:and|adn|nad|&|\+)\s+|\s*&\s*|\s+/\s+|"
                         r"(?<=\w)\s+(?:en|und|et|y|e|i|og|och|ve)\s+(?=(?-i:[A-Z]))", re.I)
_PRONOUNS = re.compile(
    r"^(?:she|he|they|ze|xe)\s*/\s*(?:her|him|them|hers|his|theirs|zir|xem)$", re.I
)
# Runs of letters joined by single separators: unambiguous, so it cannot backtrack badly.
_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:(?:\. ?|'|-| )[^\W\d_]+)*[.']?$")
#: "someone called Summer", "a lady named Shanice": the name after it.
_SOMEONE_CALLED = (r"(?:someone|somebody|a\s+(?:guy|man|woman|lady|gentleman|person|bloke|chap|"
                   r"girl)|one\s+(?:lady|guy|man|woman))\s+(?:called|calld|caled|named|"
                   r"by\s+the\s+name\s+of)\s+")
_PEOPLE_LEAD = re.compile(
    r"^(?:(?:and|both|also|plus|then|with|by|just|only|mr\.?\s+and)\s+)*"
    # "Mit Jonas Weber und Katrin Vogel": "with" in the person's own language
    r"(?:(?:mit|avec|con|com|met)\s+(?-i:(?=[A-Z])))?"
    rf"(?:{_SOMEONE_CALLED})?", re.I)
_INTRODUCING = re.compile(rf"\b{_SOMEONE_CALLED}", re.I)
#: "Just the one, Siobhan O'Connell": how many, before the name.
_JUST_ONE = re.compile(r"^(?:(?:just|only|jsut)\s+)?(?:the\s+)?one(?:\s+(?:guy|person|woman|man|"
                       r"lady|interviewer))?\s*[,:-]\s*", re.I)
#: "2 ppl - Priya and Omar", "three of them: …": how many, before the names.
_HOW_MANY = re.compile(r"^(?:\d|two|three|four|five)\s+(?:ppl|people|of\s+them|interviewers|"
                       r"persons)\s*[,:-]+\s*", re.I)
#: "Mehret Tesfaye. Only one person.": how many, said after the names.
_HOW_MANY_AFTER = re.compile(r"[.,;!]\s*(?:(?:only|just)\s+(?:the\s+)?(?:one|1)(?:\s+(?:person|"
                             r"interviewer|of\s+them))?|(?:that'?s|that\s+is)\s+(?:all|it))"
                             r"[.!]*\s*$", re.I)
#: "…, Fiona MacDonald. Nae email, sorry": no address to give, said after the names.
_NO_EMAIL = re.compile(r"[.,;!]?\s*(?:no|nae|nope|don'?t\s+have|didn'?t\s+get|haven'?t\s+got)\s+"
                       r"(?:an?\s+|their\s+|her\s+|his\s+|any\s+)?e-?mails?(?:\s+address(?:es)?)?"
                       r"(?:\s*,?\s*(?:sorry|soz|sry|though|tho|i'?m\s+afraid))?[.!]*\s*$", re.I)
#: "Omar something": a surname they didn't catch, not part of the name.
_SURNAME_UNKNOWN = re.compile(r"\s+(?:something|whatsit|whatshisname|whatshername|"
                              r"(?:i\s+)?(?:forget|forgot)\s+(?:the|her|his)\s+(?:last|sur)\s*name)"
                              r"(?=\s*(?:$|[,;]|\s+(?:and|&)\s))", re.I)
_FROM = re.compile(r"\s+from\s+(?:the\s+)?(.+)$", re.I)
_TITLE_WORDS = _vocabulary(
    """
    manager hiring recruiter recruiting recruitment hr talent acquisition director head lead
    vp vice president ceo cto cfo coo cio cmo cpo founder co-founder cofounder partner
    engineer engineering senior principal staff chief officer team product owner analyst
    designer developer scientist specialist coordinator consultant associate architect
    supervisor executive chair dean professor hrbp people operations ops sales marketing
    data of the my future boss tech technical interviewer panel member sourcer generalist
    business peer colleague department finance legal research design qa group program
    project account customer success it
    gm agm md pm dm svp evp avp general store shift floor nurse charge unit site practice
    office area regional district assistant deputy branch kitchen restaurant retail warehouse
    plant line duty front desk manger
    """
)
_TITLE_HEADS = _vocabulary(
    """
    manager recruiter director head lead vp ceo cto cfo coo cio cmo cpo founder co-founder
    cofounder partner engineer hr analyst designer developer scientist specialist
    coordinator consultant architect supervisor officer president owner executive hrbp
    sourcer generalist interviewer professor dean chair boss member
    """
)
_NOT_NAMES = _vocabulary(
    """
    the a an and someone somebody them him her us me people guys folks team panel group
    everyone others colleague colleagues two three four five several some few couple i my
    our their his your it this that who
    mr mrs ms mx dr prof herr frau sir madam miss sra sr pak ibu
    """
)


#: A day's name, short or long: no one's.
_DAY_WORDS = _vocabulary("""mon tue tues wed weds thu thur thurs fri sat sun monday tuesday
    wednesday thursday friday saturday sunday today tomorrow yesterday tonight""")


#: Words of a sentence that no name holds.
_SENTENCE_WORDS = _vocabulary(
    """
    he's she's they're it's i'm i've hes shes theyre im ive he she they we you i is was are
    were am be been not very
    too really just also but if then when because scary nice lovely
    """
)


def _words(text: str) -> list[str]:
    return [w.strip(".,:;()'\"").lower() for w in text.split() if w.strip(".,:;()'\"")]


def _title_like(text: str) -> bool:
    words = _words(text)
    if not words or len(words) > 6 or any(c.isdigit() for c in text):
        return False
    return all(w in _TITLE_WORDS for w in words) or any(w in _TITLE_HEADS for w in words)


#: Title words that are also first names, read as a name before a lone surname.
_FIRST_NAMES_TOO = _vocabulary("dean")
#: Title heads no one is named: "creative director" is a post, while "Jane Dean" is a name.
_ONLY_TITLES = _TITLE_HEADS - _vocabulary("dean chair partner lead head boss member owner")


def _ends_in_title(text: str) -> bool:
    words = _words(text)
    return len(words) > 1 and words[-1] in _ONLY_TITLES


def _is_suffix(text: str) -> bool:
    from nameparser.config import CONSTANTS

    word = text.strip().rstrip(".").replace(".", "").lower()
    if word in _INITIALS_NOT_SUFFIXES:
        return False  # "Ana María López y JP": JP is someone, not a justice of the peace
    return bool(word) and (
        word in CONSTANTS.suffix_acronyms or word in CONSTANTS.suffix_not_acronyms
    )


#: Suffixes in nameparser's list that are far more often someone's initials.
_INITIALS_NOT_SUFFIXES = frozenset({"jp", "dj"})


@lru_cache(maxsize=256)
def _valid_name(name: str) -> bool:
    """A plausible name: letters and the usual punctuation, not a title or pronoun, not huge."""
    if not name or len(name) > _MAX_NAME or not _NAME_CHARS.match(name):
        return False
    words = _words(name)
    if not words or len(words) > 6 or all(w in _NOT_NAMES or w in _TITLE_WORDS for w in words):
        return False
    if all(w in _DAY_WORDS for w in words):
        return False  # "Wed", left over from "Wed the 25th 10am with Gavin Belson"
    if any(w in _SENTENCE_WORDS for w in words):  # "he's the CEO" says who, it names no one
        return False
    from nameparser import HumanName

    parsed = HumanName(name)
    return bool(parsed.first or parsed.last)


def _split_top(text: str, separators: str) -> list[str]:
    """Split on single-character separators that are not inside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _split_names(text: str) -> list[str]:
    """Split "A, B and C" / "A & B" outside parentheses."""
    parts: list[str] = []
    for piece in _split_top(text, ",;"):
        protected = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace("&", "\0"), piece)
        for part in _NAME_SPLIT.split(protected):
            # "ngozi adeyemi n josh kim": "n" for "and" between two full names (never
            # between one-word names: "john n smith" keeps its initial)
            texted = _TEXTED_AND.fullmatch(part.strip())
            parts.extend(texted.groups() if texted else (part.replace("\0", "&"),))
    return [p.strip() for p in parts if p and p.strip()]


_TEXTED_AND = re.compile(r"([^\W\d_]+\s+[^\W\d_]+)\s+n\s+([^\W\d_]+\s+[^\W\d_]+)")


#: A name as it was said, then the whole of it in brackets: "Sato (Yuki Sato)".
_NAME_THEN_WHOLE = re.compile(r"\s*(?P<said>[A-Z][\w'-]+)\s*\(\s*(?P<whole>[A-Z][\w'-]+"
                              r"(?:\s+[A-Z][\w'-]+)+)\s*\)\s*")


def _person(piece: str) -> tuple[Interviewer | None, str | None, list[str]]:
    """One name with its email and title; returns (person, lone title, unplaced fragments)."""
    piece = _EMAIL_LABEL.sub("", piece)
    emails = _EMAIL.findall(piece)
    piece = _EMAIL.sub(" ", piece)
    titles: list[str] = []
    unclear: list[str] = []
    whole = _NAME_THEN_WHOLE.fullmatch(piece)
    if whole is not None and whole["said"].casefold() in whole["whole"].casefold().split():
        piece = whole["whole"]  # "Sato(-san) (Yuki Sato)": the whole name, in brackets
    for inner in re.findall(r"\(([^()]*)\)", piece):
        for bit in re.split(r"[,;]", inner):
            bit = _trim(bit)
            if bit and not _PRONOUNS.match(bit):
                titles.append(bit)
    piece = re.sub(r"\([^()]*\)|[()<>\[\]]", " ", piece)
    source = _FROM.search(piece)
    if source:
        piece = piece[: source.start()]
        (titles if _title_like(source.group(1)) else unclear).append(_trim(source.group(1)))
    piece = _trim(_PEOPLE_LEAD.sub("", re.sub(r"\s+", " ", piece).strip()))
    piece = _SPOKEN_TITLE.sub(lambda m: _SHORT_TITLE[m[1].lower()], piece)  # "doctor Meera Shah"
    piece = (
        re.sub(r"^(?:the|my|their|our)\s+", "", piece, flags=re.I) if _title_like(piece) else piece
    )
    if piece and _title_like(piece) and (not _valid_name(piece) or _ends_in_title(piece)):
        return None, piece, unclear
    words = piece.split()
    # "CTO Bob Lee": leading title words before a capitalised name.
    lead = 0
    while lead < len(words) - 1 and words[lead].lower().strip(".,") in _TITLE_WORDS:
        lead += 1
    heads = [i for i, w in enumerate(words[:-1]) if w.lower().strip(".,") in _ONLY_TITLES]
    if heads and heads[-1] >= lead:  # "Creative Director Noor Haddad"
        lead = heads[-1] + 1
    if lead == 1 == len(words) - 1 and words[0].lower() in _FIRST_NAMES_TOO:
        lead = 0  # "Dean Okafor" is someone called Dean; "Dean Maria Lopez" a dean
    if lead and (words[lead][:1].isupper() or piece.islower()) \
            and words[lead].lower() not in _TITLE_WORDS:
        titles.insert(0, " ".join(words[:lead]))
        piece = " ".join(words[lead:])
    if not _valid_name(piece):
        if piece:
            unclear.append(piece)
        return None, None, unclear
    email = emails[0] if emails else None
    title = ", ".join(titles)[:_MAX_FIELD] or None
    if _INITIALS.fullmatch(piece):
        piece += "."  # "J.R.", whose last stop the edges' trim took
    return Interviewer(name=piece, email=email, title=title), None, unclear


_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def _capitalised(people: tuple[Interviewer, ...], text: str) -> tuple[Interviewer, ...]:
    """Names from a line typed all in lower case, as names are written ("johan van der
    merwe" is Johan van der Merwe), so a note never opens "Dear marcus"; where the person
    used capitals, every name is kept as written."""
    if text != text.lower():
        return people
    return tuple(replace(p, name=_capital_name(p.name)) for p in people)


def _capital_name(name: str) -> str:
    from nameparser import HumanName

    parsed = HumanName(name)
    parsed.capitalize()
    written = str(parsed)
    return written if written.casefold() == name.casefold() else name


#: Right after a lone title: "and" joins it to someone else, never to its own name.
_ANOTHER_PERSON = re.compile(r"^\s*(?:and|&)\s", re.I)


#: How someone is introduced before their name: "a fella called Stevie Armstrong".
_INTRODUCED = re.compile(r"\b(?:an?\s+|the\s+|this\s+)?(?:guy|fella|feller|lady|woman|man|bloke|"
                         r"chap|gentleman|gent|girl|gal|dude|lass|lad|person)\s+(?:called|named|"
                         r"by\s+the\s+name\s+of)\s+(?=\w)", re.I)


#: A courtesy said after a name: "Suzuki-san", "Sharma-ji".
_HONORIFIC_SUFFIX = re.compile(r"(?<=[A-Za-z])-(?:san|sama|sensei|kun|ji|ssi|nim)\b", re.I)


def _people(text: str) -> tuple[tuple[Interviewer, ...], list[str]]:
    people: list[Interviewer] = []
    unclear: list[str] = []
    pending_title: str | None = None
    pending_email: str | None = None
    pieces = _split_names(_HONORIFIC_SUFFIX.sub("", _INTRODUCED.sub("", spelled_out(text))))
    if len(pieces) > 2 * _MAX_PEOPLE:
        # Nobody is interviewed by a crowd; reading every "name" in a paste would be slow.
        unclear.append(", ".join(pieces[2 * _MAX_PEOPLE :]))
        pieces = pieces[: 2 * _MAX_PEOPLE]
    for piece in pieces:
        if len(piece) > _MAX_PIECE:
            unclear.append(piece)
            continue
        if _is_suffix(piece) and people:
            last = people[-1]
            people[-1] = Interviewer(f"{last.name}, {piece}", last.email, last.title)
            continue
        if _EMAIL.fullmatch(_trim(piece)):
            if people and people[-1].email is None:
                last = people[-1]
                people[-1] = Interviewer(last.name, _trim(piece), last.title)
            elif not people:  # "dean.okafor@globex.com, Dean Okafor": the address first
                pending_email = _trim(piece)
            continue
        person, lone_title, bits = _person(piece)
        unclear.extend(bits)
        if person is None and lone_title and _ANOTHER_PERSON.search(
                text[text.find(piece) + len(piece):]):
            # "the branch manager and someone called Summer": two people, one unnamed;
            # the title is not the next one's.
            unclear.append(piece)
            continue
        if person is None and lone_title and people and piece is pieces[-1] and \
                _ANOTHER_PERSON.search(text[max(0, text.find(piece) - 5):text.find(piece)] + " "):
            unclear.append(piece)  # "Frank and the CEO", last: someone else, not named
            continue
        if person is None:
            if lone_title and people and people[-1].title is None:
                last = people[-1]
                people[-1] = Interviewer(last.name, last.email, lone_title)
            elif lone_title:
                pending_title = lone_title
            continue
        if pending_title and person.title is None:
            person = Interviewer(person.name, person.email, pending_title)
        if pending_email and person.email is None:
            person = Interviewer(person.name, pending_email, person.title)
        pending_title = pending_email = None
        if any(p.name.casefold() == person.name.casefold() for p in people):
            continue
        if len(people) >= _MAX_PEOPLE:
            unclear.append(person.name)
            continue
        people.append(person)
    if pending_title:
        unclear.append(pending_title)
    return tuple(people), unclear


#: Words that are never part of a name given as an answer ("the manager lady", "idk").
_NEVER_IN_NAMES = _vocabulary(
    """
    lady guy man woman girl boy person persons dude gal idk dunno ok okay yes yeah yep no
    nope lol hmm maybe think thought sure not know known yet whoever free names name invite
    invitation hang later tomorrow today forget remember someone somebody probably unsure
    asap guess fella feller bloke chap lad lass time zoom via both neither everyone everybody
    me my mine you your wait first show list please what why how nvm nevermind
    monday tuesday wednesday thursday friday saturday sunday done
    """
)
#: Lower-case words a person's name may hold between capitalised ones ("Ludwig van Beethoven").
#: A title said in full before a name, as dictation writes it: "doctor Meera Shah" is Dr.
_SPOKEN_TITLE = re.compile(r"^(doctor|professor)\s+(?=[A-Z])", re.I)
_SHORT_TITLE = {"doctor": "Dr ", "professor": "Prof "}
_NAME_PARTICLES = _vocabulary("van von der de da di du del della dos das bin ibn al el la le")


#: A name dictated a letter at a time: "is W O O not W U", "that's N A I R".
_SPACED_LETTERS = re.compile(r"(?:(?<=\bis\s)|(?<=\bnot\s)|(?<=\bas\s)|(?<=spelled\s)|"
                             r"(?<=spelt\s)|(?<=that's\s)|(?<=thats\s))"
                             r"(?-i:[A-Z](?:\s[A-Z]){1,})\b", re.I)
_SPELLED_AGAIN = re.compile(r"\b(\w{2,})(?:\s+(?:that'?s|thats|spelled|spelt)|[.,])\s+\1\b", re.I)


def spelled_out(text: str) -> str:
    """Letters dictated one at a time, joined ("is W O O not W U": Woo, Wu), and a name
    spelled out after it was said dropped ("Priya Nair that's N A I R": Priya Nair)."""
    text = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", "").capitalize(), text)
    return _SPELLED_AGAIN.sub(r"\1", text)


def read_names(text: str) -> tuple[tuple[Interviewer, ...], list[str]]:
    """Names given in answer to "who interviewed you?", and the pieces that were not
    names: an answer with any such piece should be asked again, not half-stored."""
    try:
        cleaned, cut_off = _clean(text, _MAX_LINE)
        said = _SURNAME_UNKNOWN.sub("", _NO_EMAIL.sub("", _HOW_MANY.sub(
            "", _HOW_MANY_AFTER.sub("", cleaned))))
        said = _REMARK_ASIDE.sub(_dropped_remark, said)  # "(twins!! 👯)": a remark, no title
        if said.islower():  # dictated: "anne dash marie leclerc and um louis chen"
            said = _SPOKEN_DASH.sub("-", FILLERS.sub("", said))
        people, unclear = _people(_JUST_ONE.sub("", said).replace("\n", ", "))
    except Exception:  # a parser must never turn a user's words into a traceback
        return (), [text]
    unclear = list(unclear) + ([cut_off] if cut_off else [])
    mixed_case = any(c.isupper() for c in cleaned)
    for person in people:
        words = person.name.replace(".", " ").split()
        doubtful = any(w.casefold() in _NEVER_IN_NAMES or keyboard_mash(w.casefold())
                       for w in words) or (
            mixed_case and any(w.islower() and w.casefold() not in _NAME_PARTICLES
                               for w in words))
        if doubtful:
            unclear.append(person.name)
    if any(w.casefold() in _NEVER_IN_NAMES for w in _words(_INTRODUCING.sub(" ", said))):
        unclear.append(cleaned)
    if _SPOKEN_EMAIL.search(cleaned):
        unclear.append(cleaned)  # "maria.gonzalez at globex dot com": an address, said
    if _an_everyday_word(cleaned):
        unclear.append(cleaned)  # "will", typed alone in lower case: a name, or a word?
    # "Priya and her boss": the boss is somebody else, whose name they didn't give.
    unclear += [p.title for p in people if p.title and _SOMEONE_ELSES.match(p.title)]
    # "Ms. Kaur (Harpreet)": a name in brackets is no title; which name is which is asked.
    unclear += [p.title for p in people if p.title and _a_name_not_a_post(p.title)]
    return _capitalised(people, cleaned), unclear


_REMARK_ASIDE = re.compile(r"\s*\([^()@]*\)")
#: An address said aloud: "maria.gonzalez at globex dot com".
_SPOKEN_EMAIL = re.compile(r"\bat\s+[\w-]+\s+dot\s+\w+", re.I)
#: Dictation's words: "anne dash marie leclerc and um louis chen".
_SPOKEN_DASH = re.compile(r"(?<=\w)\s+dash\s+(?=\w)", re.I)
#: Sounds made while thinking, in an answer: "… and um louis chen".
FILLERS = re.compile(r"\b(?:um+|uh+|erm+|er|hmm+)\b[,\s]*", re.I)


def keyboard_mash(word: str) -> bool:
    """"qwerty", "asdfgh": a run of neighbouring keys, which no name or job title is."""
    return len(word) >= 4 and any(word in row or word in row[::-1] for row in _KEY_ROWS)


_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")


def _an_everyday_word(said: str) -> bool:
    """One word in lower case that is a first name and an everyday word ("will", "may"),
    given alone as the names: which was meant is asked."""
    return said.strip(" .!") in _NAMES_AND_WORDS


_NAMES_AND_WORDS = _vocabulary("""will may june april august mark bill grace hope faith joy rose
    frank art pat sue rob chase dean drew ray dawn guy page miles sunny sandy summer""")


def _dropped_remark(aside: re.Match[str]) -> str:
    """An aside said with an emoji or an exclamation is a remark, not a title."""
    words = aside.group(0)
    remark = "!" in words or any(unicodedata.category(c) == "So" for c in words)
    return "" if remark else words


def _a_name_not_a_post(title: str) -> bool:
    """One capitalised word that is no English word ("Harpreet"): a name, not a post."""
    from bot.parsing.english import dictionary  # the word list loads only when needed

    word = title.strip()
    return bool(re.fullmatch(r"[A-Z][a-z]{2,}", word)) and not dictionary().known([word.lower()])


_SOMEONE_ELSES = re.compile(r"^(?:her|his|their|my|our)\b", re.I)


def parse_people(text: str) -> tuple[Interviewer, ...]:
    """Interviewers in the order given: "Dr. Maria Garcia (maria@x.com), Bob Lee, CTO and Ann".

    Names are kept as written (one typed all in lower case is capitalised as names are);
    titles come from parentheses, a following ", title" or a leading
    "CTO Bob Lee"; emails are lifted out. Titles alone ("the hiring manager") are not people.
    """
    try:
        cleaned, _ = _clean(text, _MAX_LINE)
        return _capitalised(_people(cleaned.replace("\n", ", "))[0], cleaned)
    except Exception:  # a parser must never turn a user's words into a traceback
        return ()
