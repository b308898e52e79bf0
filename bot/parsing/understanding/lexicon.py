"""The words people use for each thing they tell the coach, in one readable place.

Every reader in this package takes its cues from here: to teach the coach a new way of
saying something, add the phrase to its table, then a line to the labelled corpus in
`tests/bot/parsing/corpus/` that says it.
"""

from __future__ import annotations

import re

from bot.model import CallResult, Outcome

_I = re.IGNORECASE


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def words_in_order(text: str) -> list[str]:
    return text.split()


def _any(*phrases: str) -> re.Pattern[str]:
    """One pattern matching any of the phrases as whole words."""
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", _I)


# --- spelling -----------------------------------------------------------------------------
#: Words of this domain that a typo is corrected to (one slip, or two in a long word).
VOCABULARY = words(
    """
    called calling answer answered anyone nobody voicemail picked interview interviewed
    position role offered offer rejected rejection delete remove cancel remind reminder
    reminders tomorrow today tonight monday tuesday wednesday thursday friday saturday sunday
    decide decided decision said thank thanks sent show list what when and recruiter
    manager message withdrawing withdrew phoned email surname snooze emailed forward
    moving application unfortunately unfortunate candidate reminding interviewer actually
    just push number morning afternoon evening following stop follow interested details
    postpone finished touch business contact
    """
)
#: Words of job titles that a typo in a role is corrected to ("senoir" → "senior").
ROLE_VOCABULARY = words(
    """
    senior junior lead principal associate assistant graduate intern trainee manager
    director engineer developer designer analyst scientist specialist coordinator
    consultant administrator technician architect officer executive representative
    accountant marketing product software data quality assurance operations security
    customer support sales research graphic writer editor nurse teacher producer
    strategist researcher recruiter buyer ambassador advocate attendant bartender barista
    cashier chef clerk copywriter courier driver electrician instructor librarian mechanic
    paralegal pharmacist planner receptionist supervisor therapist tutor waiter front desk
    agent accounting finance payroll bookkeeper administrative warehouse logistics
    business operator apprentice carpenter forklift medical technical project program
    office retail store shift worker nursing associate
    tech rep exec admin host server cook crew member artist stocker teller banker
    """
)
#: Work named short, the start of a job's title: "the QA folks", "Target HR coordinator".
WORK_SHORT = words("qa ux ui hr it pm vp sre ml bi ops devops sales design nursing")
#: How the name of a trade or post often ends: archivist, surveyor, technician, attendant.
POST_ENDING = re.compile(r"(?:ist|er|or|ian|ant|ent)$")
#: Slips that are words of their own, so no spelling check catches them, but that no job
#: title holds: "office manger".
ROLE_SLIPS = {"manger": "manager"}
#: "el martes que viene": the Tuesday to come, which reads two ways; left as said, asked.
_NOT_COMING = r"(?!\s+(?:que\s+viene|que\s+vem|pr[óo]xim[oa]))"
#: Weekdays in Spanish, Portuguese, French, German, Italian, Dutch and Polish.
_WEEKDAYS_ABROAD = {
    "monday": r"lunes|segunda(?:-feira)?|lundi|montag|luned[iì]|maandag|poniedzia[lł]ek",
    "tuesday": r"martes|ter[çc]a(?:-feira)?|mardi|dienstag|marted[iì]|dinsdag|wtorek",
    "wednesday": r"mi[ée]rcoles|quarta(?:-feira)?|mercredi|mittwoch|mercoled[iì]|woensdag|"
                 r"[śs]roda",
    "thursday": r"jueves|quinta(?:-feira)?|jeudi|donnerstag|gioved[iì]|donderdag|czwartek",
    "friday": r"viernes|sexta(?:-feira)?|vendredi|freitag|venerd[iì]|vrijdag|pi[aą]tek",
}
#: Words of other languages people mix into English ("the entrevista at Globex, hoy a
#: las 10am"), phrase by phrase as English (today and its neighbours: other_languages).
MIXED_IN = tuple((re.compile(rf"\b(?:{said})\b{_NOT_COMING}", _I), meant) for said, meant in (
    (r"entrevista|entrevue|entretien|vorstellungsgespr[äa]ch|colloquio|sollicitatiegesprek|"
     r"rozmow[aęy]", "interview"),
    # "J'ai envoyé the thank-you note": I sent
    (r"j'ai\s+envoy[ée]", "I sent"), (r"j'ai\s+appel[ée]", "I called"),
    # Scots: "Jane said tae gie her a bell Tuesday week"
    (r"tae\s+gie", "to give"), (r"gie(?=\s+(?:her|him|them|us|me)\s+a\b)", "give"),
    # thanks in the words of home: "Mark Dana's as sent, dziękuję"
    (r"dzi[eę]kuj[eę]|dzi[eę]ki|danke|merci|gracias|obrigad[oa]|grazie|bedankt|"
     r"te[sş]ekk[uü]rler|salamat|asante|shukran|gamsahamnida|kamsahamnida|gomawo(?:yo)?|"
     r"arigat[oō]u?(?:\s+gozaimasu)?|xie\s*xie|xièxie|dhanyavaa?d|dhanyawaa?d|shukriya|"
     r"spasibo|cảm\s+ơn|terima\s+kasih|kiitos|efharisto", "thanks"),
    *((rf"(?:el\s+|la\s+|na\s+|no\s+|este\s+|esta\s+)?{said}", day)
      for day, said in _WEEKDAYS_ABROAD.items()),
    (r"a\s+las|[àa]s(?=\s+\d)", "at"),
    (r"me\s+(?:dieron|ofrecieron)\s+(?:la\s+oferta|el\s+(?:trabajo|puesto))|"
     r"me\s+(?:deram|ofereceram)\s+(?:a\s+oferta|o\s+emprego)", "they offered me the job"),
    # Jamaican: "Di lady Jane seh dem wi call mi back by Wednesday"
    (r"di(?=\s+(?:lady|man|woman|people|job|interview|recruiter))", "the"),
    (r"(?:seh|sey)(?=\s+(?:dem|she|him|he|mi|fi)\b)", "said"), (r"dem\s+wi(?:ll)?", "they will"),
    (r"(?<=call\s)mi\b", "me"),
    # Nigerian pidgin: "comot this Acme from the list, na mistake I put am"
    (r"comot", "remove"), (r"na\s+mistake", "by mistake"),
    # Scots: "they'll let us ken by Tuesday"
    (r"let\s+(?:us|me)\s+ken", "let me know"),
    # "Si Initech no me llama para el viernes, cancela todo": a condition, as in English
    (r"si(?=\s+[\w&'-]+\s+no\s)", "if"),
    (r"con\s+(?:la\s+señora|el\s+señor|la|el)?(?=\s*[A-Z])", "with"),
    (r"mand[ée]|mandei|envi[ée]|enviei|envoy[ée]", "sent"),
    (r"llam[ée]|liguei|marqu[ée](?:\s+a)?", "called"),
    (r"(?:nadie|ninguém|ninguem)\s+(?:contest[óo]|atendeu)", "nobody answered"),
    (r"no\s+contest[óo]|n[ãa]o\s+atendeu", "no answer"),
))
#: Short forms people type, and what they stand for.
SHORT_FORMS = {
    "2moro": "tomorrow", "2morrow": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow",
    "tmw": "tomorrow", "tomoz": "tomorrow", "2day": "today", "2nite": "tonight",
    "rn": "right now", "mornin": "morning", "arvo": "afternoon", "remnd": "remind",
    "thx": "thanks", "ty": "thanks", "tysm": "thanks", "pls": "please", "abeg": "please",
    "abt": "about", "thnk": "thank",
    "plz": "please", "ppl": "people", "msg": "message", "vm": "voicemail", "u": "you",
    "ur": "your", "pos": "position", "intvw": "interview", "w/": "with", "b/c": "because",
    "mins": "minutes", "wat": "what", "wot": "what", "wats": "what's", "theyll": "they'll",
    "theyre": "they're",
    "theyd": "they'd", "hed": "he'd", "youd": "you'd", "id've": "I'd have",
    "shes": "she's", "hes": "he's", "wont": "won't", "didnt": "didn't", "havent": "haven't",
    "wasnt": "wasn't", "isnt": "isn't", "doesnt": "doesn't", "couldnt": "couldn't",
    "cald": "called", "calld": "called", "shud": "should", "tonite": "tonight",
    "cant": "can't", "finaly": "finally", "thanku": "thank you", "thnx": "thanks", "dont": "don't",
    "w": "with", "wi": "with", "kno": "know", "sed": "said", "teh": "the", "wil": "will",
    "shed": "she'd",
    "thye'll": "they'll", "thyell": "they'll", "thier": "their", "lmk": "let me know",
    "rnd": "round", "bak": "back", "mawnin": "morning", "neva": "never", "dis": "this",
    "shwo": "show", "intervews": "interviews", "pesterin'": "pestering",
}
#: Short forms read only right after a number ("2 hrs", "1hr"): "HR" alone is a department.
NUMBER_UNITS = {"hrs": "hours", "hr": "hour", "h": "hours", "min": "minutes"}
#: Emoji that carry meaning, read as the words they stand for before the rest is dropped.
EMOJI_WORDS = {
    "📞": " called ", "☎": " called ", "🔕": " stop reminders ", "🗑": " delete ",
    "⏰": " remind me in ", "😴": " snooze ",
    "💤": " snooze ", "⏳": " ", "→": " to ", "➡": " to ", "✅": " done ",
    "✔": " done ",
}

# --- hedges and questions -----------------------------------------------------------------
#: An eye-roll beside an offer, kept as a word for HEDGES: "totally getting an offer 🙄" is
#: sarcasm (beside other news it is only weariness, and dropped like other emoji).
EYE_ROLL_AT_AN_OFFER = re.compile(r"[\U0001F644\U0001F612](?=.*\boffer)|(?<=\boffer)(.*?)"
                                  r"[\U0001F644\U0001F612]", re.I | re.S)
#: Words that make a report unsure: the coach asks instead of acting.
#: Resigned, not unsure: "on to the next one I guess", "kind of expected it honestly".
RESIGNED = re.compile(r"(?:on\s+to\s+the\s+next(?:\s+one)?|onwards?|moving\s+on|so\s+that'?s\s+"
                      r"that|oh\s+well)\W*(?:i\s+guess|i\s+suppose)\b|\b(?:kind\s+of|sort\s+of)\s+"
                      r"(?:expected|saw)\s+(?:it|that)(?:\s+coming)?\b|"
                      # "…, God willing", "inshallah": a blessing, not a doubt
                      r"\b(?:god\s+willing|in\s*sh?a'?\s*allah|please\s+god)\b|"
                      # "they offered, not sure I'll take it": unsure of the answer, not the news
                      r"\bnot\s+sure\s+(?:if\s+|whether\s+)?(?:i'?ll|i\s+will|i\s+should|to)\s+"
                      r"(?:take|accept)\s+it\b", _I)
HEDGES = _any(
    r"(?<!to\s)thinks?", "doubt", "maybe", "mayb", "mabye", "maybee", "might", r"might'?ve",
    # "reckon it's a no mate, she didn't say it straight": a guess ("they reckon …" is
    # what they said, in Australia and Britain)
    r"(?:^\W*|\bi\s+)reckon\s+(?:it'?s|it\s+is|that'?s)\s+(?:a\s+)?(?:no|yes|an?\s+offer|over)",
    # "i have a feeling initech went with someone else, …": a guess from signs
    r"(?:i\s+have|i'?ve\s+got|got)\s+a\s+(?:bad\s+|good\s+|funny\s+|gut\s+)?feeling",
    # "apparently acme filled it internally?? a guy from their finance team …": a guess
    r"i\s+suspect", r"apparently\b[^.!?]*\w(?=\?)",
    # "apparently acme decides by friday": heard, not told
    r"^\W*apparently\b", r"\bi\s+(?:heard|hear)\s+(?:that\s+)?(?:they|it)\b",
    # "a rejection but it's addressed to 'Dear Michael'": meant for someone else?
    r"addressed\s+to\s+\W*(?:dear\s+)?\w+",
    r"(?:starts|started|begins|opens)\s+with\s+\W*dear\s+\w+",
    # "they'll definitely decide by Friday sure they will", "yeah right": said in disbelief
    r"sure\s+they\s+(?:will|are|do)\W*$", r"yeah\s+right", r"as\s+if\b",
    # "555 0147 or mabye 555 0174, i mix them up": which is which isn't known
    r"mix(?:ed)?\s+(?:them|those|it|the\s+two)\s+up", "may\\s+be", r"who\s+knows",
    # "sent it, hope it doesn't end up in spam": a worry after the deed, not a doubt of it
    r"hope(?!\s+(?:it|they|she|he)\s+(?:doesn'?t|don'?t|won'?t|does\s+not|do\s+not)\b)",
    "hoping",
    # "if I haven't heard by the 3rd, call her" is their word; "if that helps" an aside
    r"if(?!\s+(?:i|you)(?:'ve|'d|\s+have|\s+had)?\s+(?:haven'?t|hadn'?t|not|don'?t|do\s+not|"
    r"didn'?t)\s+(?:yet\s+)?(?:hear|heard)\b)"
    r"(?!\s+(?:that|it)\s+helps)(?!\s+i\s+may\b)", "whether",
    # "they usually decide within a week": how it goes, not their word this time
    "usually", "typically", "normally", "generally", r"tend\s+to",
    # "by the 3rd... or the 4th? I'll have to dig out the email": a day not remembered
    r"or\s+(?:the\s+|on\s+)?\d{1,2}(?:st|nd|rd|th)?(?=\s*\?)", r"dig\s+(?:out|up)",
    # "she said she'd try to get back to me this week": an attempt, not a promise
    r"(?:she|he|they|we)(?:'d|'ll|\s+(?:would|will|might|could))?\s+(?:\w+\s+)?"
    r"try\s+(?:to|and)\b",
    r"(?:not|wasn'?t|was\s+not|isn'?t|weren'?t)\s+(?:(?:100\s*%|a\s+hundred\s+per\s*cent|"
    r"entirely|totally|completely|quite)\s+)?sure",
    "unless", r"don'?t\s+know", "idk", r"or\s+was\s+(?:it|that)",
    r"(?:lemme|let\s+me)\s+check", r"not\s+100\s*%",
    r"need\s+to\s+(?:check|confirm|double[\s-]?check)",
    "wonder(?:ing)?", "probably", r"prob(?!\w)", "perhaps",
    # "Initech sent this, is it about my interview?? '…'"
    r"is\s+(?:it|this|that)\s+(?:about|for|from|re)\b[^.!]*\?",
    "possibly", "could\\s+be", "i\\s+guess",
    # "jane kinda hinted they're going another way 😬 nothing official yet"
    r"nothing\s+(?:is\s+)?official",
    # "would you move the thank you reminder to tomorrow? or is that too late"
    r"\bor\s+is\s+(?:that|it|this)\b[^.!]*\?",
    # said in jest or despair: "acme can delete my number for all I care", "I withdrew from
    # initech. in my head", "oh sure, acme will TOTALLY let me know", "… go live in the woods"
    r"for\s+all\s+i\s+care", r"(?:^|[.!?]\s*)in\s+my\s+head\b", r"^\W*oh\s+sure\b",
    r"(?:go\s+)?live\s+in\s+the\s+woods", r"move\s+to\s+a\s+farm",
    r"become\s+a\s+(?:hermit|monk)",
    # "they'd decide on the first or the second of december something like that"
    r"something\s+like\s+that", r"or\s+something\b", r"more\s+or\s+less",
    "supposedly", "kind\\s+of", "sort\\s+of",
    # "fingers crossed they offer" hopes for it; "…by Friday, fingers crossed" hopes, sure
    r"not\s+(?:yet\s+)?confirmed", r"fingers\s+crossed(?!\W*$)", "waiting\\s+to\\s+hear",
    "still\\s+waiting", r"(?<!if\si\s)(?<!if\syou\s)ha(?:ve|d)n'?t\s+heard", "no\\s+news",
    "not\\s+yet",
    r"(?<!to\s)th(?:i)?nk(?:ing)?", r"consider(?:ing)?", r"tempted", r"can'?t\s+rem(?:em)?ber",
    r"(?:pretty|fairly|almost|99%?)\s+sure", r"i\s+suspect", r"i\s+assume", r"i'?m\s+guessing",
    r"my\s+guess", r"(?:looks|seems|sounds)\s+like",
    # said in jest: "lol sure, Acme totally sent me an offer 🙄"
    r"yeah\s+right", r"lol\s+sure", r"jk", r"just\s+kidding", r"as\s+if",
    # "they'll TOTALLY call me tomorrow", "not like i needed that job anyway": in jest
    r"(?-i:TOTALLY|DEFINITELY|SURELY|OBVIOUSLY)", r"not\s+like\s+i\s+(?:needed|wanted|cared|liked)",
    r"(?-i:SO)\s+(?:helpful|useful)",
    r"(?:cancel|delete|end|erase|ruin\w*)\s+my\s+(?:whole\s+|entire\s+)?life",
    # "heard back from acme and from veridian. one of them said no": which one?
    r"one\s+of\s+(?:them|the\s+two|those|these)\s+(?:said|says|is|was|wants?|offered|rejected)",
    # an offer with an eye-roll: "totally getting an offer 🙄", "best offer ever 🙄" (an
    # eye-roll at bad news is only weariness: "filled it internally 🙄" stands)
    r"offer\w*(?=.*\beyeroll\b)", r"eyeroll(?=.*\boffer)",
    # "…they emailed again saying that went out by mistake and to ignore it": unsaid
    r"(?:went\s+out|was\s+sent|sent|came)\s+(?:out\s+)?(?:by|in)\s+(?:mistake|error)",
    r"(?:to\s+)?(?:please\s+)?(?:ignore|disregard)\s+(?:it|that|this|the\s+(?:last|previous|"
    r"earlier)\b)",
    # "'we'll decide by friday' they said. sure jan 🙄", "calling it now: initech = hired 🔮"
    r"sure\s+jan", r"calling\s+it\s+now", r"manifest(?:ing|ed)?",
    # "acme offered me... a bottle of water": a pause before the punchline
    r"offered(?:\s+me)?(?=\s*(?:\.{2,}|…))",
    # venting, not a request: "cancel everything, I'm clearly unemployable 🙄", "delete
    # initech from my brain lol"
    r"(?:i'?m|i\s+am)\s+(?:clearly\s+|just\s+|so\s+|officially\s+)?(?:unemployable|"
    r"a\s+failure|useless|hopeless|a\s+joke)", r"from\s+my\s+(?:brain|mind|memory|life|head)",
    # told unofficially, or still to come: "Raj told me off the record I'm getting an offer"
    r"off\s+the\s+record", r"unofficial(?:ly)?", r"not\s+official(?:ly)?",
    r"(?:i'?m|i\s+am)\s+(?:getting|going\s+to\s+get|gonna\s+get)\s+(?:an?|the)\s+offer",
    # "I'm just going to assume it's a no", "my head is all over the place"
    r"assum(?:e|ing)", r"all\s+over\s+the\s+place", r"i'?m\s+(?:so\s+)?confused",
    # "they eventually will decide this week": "possibly" to many who learnt another
    # language first, "some day" to the rest; either way not a date to plan on
    r"(?:will|'ll|gonna|would)\s+eventually",
    r"eventually\s+(?:will|would|gonna|(?:they|she|he|we)(?:'ll|\s+will))",
    # "Eventually Initech will give me the answer": a company's name between them
    r"eventually\s+[\w&'-]+\s+(?:will|would|'ll)",
    # "told me eventually they make me an offer": said in the present, a maybe
    r"eventually\s+(?:they|she|he|we|it)\s+(?!\w+ed\b|made\b|gave\b|got\b|sent\b|said\b|"
    r"told\b|rang\b|came\b|went\b|wrote\b|took\b)\w+",
)
#: The person's own weighing of what they were told, no doubt about it: "Acme offered 85k,
#: I told Jane I'd think about it over the weekend".
MY_OWN_THINKING = _any(r"(?:i'?d|i'?ll|i\s+(?:will|would|need\s+to|want\s+to|have\s+to))\s+"
                       r"(?:think|mull)\s+(?:about\s+it|it\s+over|on\s+it)",
                       # "… hit send. Now I'll probably lie awake wondering if I should've used
                       # 'Best'": second thoughts about their own words, not doubt of the fact
                       r"(?:(?:probably|just)\s+)?(?:lie|lay|be)\s+awake\s+wondering\b[^.!?]*",
                       r"wondering\s+(?:if|whether)\s+i\s+should(?:'?ve|\s+have)\b[^.!?]*")
#: Someone or something outside the job hunt, as who acts, what is called or who is
#: thanked: "my friend just texted, she got an offer from acme", "called the garage re the
#: car", "the clinic said they'll call me friday", "rejected by my cat", "a thank-you card
#: to my nan" (by the shape of the sentence: "a job with my old boss at the garage" is none).
_THIRD = (r"(?:friend|mate|buddy|pal|bestie|partner|wife|husband|boyfriend|girlfriend|bf|gf|sister|"
          r"brother|sis|mum|mom|dad|mother|father|son|daughter|kids?|cousin|aunt|uncle|nan|"
          r"gran|grandma|grandpa|neighbou?r|flatmate|roommate|housemate|cat|dog|boss|landlord|"
          r"landlady|colleague|coworker|co-worker)")
_PLACE = (r"(?:garage|mechanic|dentist|doctor'?s?|gp|clinic|vet|vets|plumber|electrician|"
          r"landlord|letting\s+agent|bank|insurance|council)")
_OUTSIDE = (rf"\bmy\s+(?:(?:old|former|ex)\s+)?{_THIRD}\b(?:\s+[\w'-]+){{0,2}}?\s+(?:just\s+)?"
            r"(?:said|says|called|rang|texted|messaged|has|had|offered|rejected|wants)\b|"
            rf"\bthe\s+{_PLACE}\s+(?:just\s+)?(?:said|says|told|called|rang|will|'ll)\b|"
            rf"\b(?:called|rang|phoned|tried)\s+(?:the|my)\s+{_PLACE}\b|"
            rf"\bby\s+my\s+{_THIRD}\b|\bto\s+my\s+{_THIRD}\b|"
            # "Initech told my buddy Marco they'd decide by Dec 4": their word to him
            rf"\b(?:told|emailed|called|rang|texted)\s+my\s+{_THIRD}\b")
#: Someone else's interview or news: "my friend got an offer from Acme", "my husband had
#: his interview there today", and the news of someone or something outside the job hunt
#: (above). Asked, never put on the person's own interview.
THIRD_PARTY = re.compile(
    _OUTSIDE + "|"
    # "@raj congrats on the offer!!!": said to someone else, about their news
    r"^\W*@[\w.-]+\W+(?:(?:big|huge|massive)\s+)?congrat|\bcongrat(?:s|ulations)\s+(?:on\s+)?(?:your|"
    r"his|her|their)\b|"
    # "sis got rejected by initech lol": family said as people text, without "my"
    r"^\W*(?:sis|bro|hubby|wifey|bestie|mum|mom|dad)\s+(?:just\s+|finally\s+)?(?:got|had|has|"
    r"was|is|heard)\b|"
    r"\bmy\s+(?:best\s+)?(?:friend|mate|buddy|pal|husband|hubby|wife|partner|boyfriend|girlfriend|"
    r"bf|gf|fianc[eé]e?|sister|brother|sis|bro|son|daughter|mum|mom|dad|mother|father|cousin|"
    r"roommate|flatmate|housemate|colleague|coworker|co-worker|classmate|neighbou?r|niece|"
    r"nephew|aunt|uncle|kid)(?:\s+(?-i:[A-Z])[\w'-]+)?(?:'s\s+(?:interview|offer|application|job|"
    r"thank|interviewers?|recruiter|(?:hiring\s+)?manager|boss|employer|company)|"
    # "can you track that for her": the person's for someone else
    r"\W+.*\b(?:track|remind|note|log)\s+(?:that|this|it)\s+for\s+(?:her|him|them)|"
    r"\s+(?:just\s+|finally\s+|also\s+|too\s+|already\s+)?"
    r"(?:got|had|has|was|is|received|landed|interviewed|heard|sent|called|rang|applied|"
    r"bagged)|\s+who\s+works\s+(?:at|for|there))\b", re.I)
#: Another interview, not named and so not tracked: "I had one with some startup last week".
ANOTHER_INTERVIEW = _any(r"(?:had|did)\s+(?:one|an(?:other)?\s+interview|a\s+(?:phone\s+)?(?:call|"
                         r"chat|screen))\s+(?:with|at|for)\s+(?:some|another|a\s+different|"
                         r"a\s+random)")
#: A question about doing something ("should I cancel?"), never a request to do it.
ASKS_WHETHER = re.compile(r"^(?:should|shall|is|are|why|what|what'?s|how|when|do|does|am)\b(?!')|"
                          # "wait did i already mark jane's thank you as sent or no"
                          r"^(?:(?:wait|hang\s+on|hmm|um)\W+)?did\s+i\b.*\bor\s+(?:no|not)\W*$|"
                          r"^(?!.*\b(?:could|can|would|will)\s+you\b)"
                          r"(?!.*\bcan\s+\w+(?:\s+\w+)?\s+or\s+not\W*$).*\?\s*$", _I)
#: A question about what the news means, beside it: "does that mean I got it", "is that
#: the same as cancel?". What the line tells is then asked about, never acted on.
ASKS_MEANING = _any(r"does\s+(?:that|this|it)\s+mean\b", r"is\s+that\s+the\s+same\s+as\b",
                    r"what'?s\s+the\s+difference\b",
                    r"(?:that'?s|is\s+that|is\s+this)\s+(?:a\s+)?good\s+(?:sign\s+)?right\b",
                    r"is\s+(?:that|this)\s+(?:a\s+)?(?:good|bad)\s+sign\b")
#: A line that asks rather than tells.
QUESTION_START = re.compile(
    r"^(?!(?:can|could|would|will)\s+(?:you|we)\b)(?!when\s+(?:i|we|she|he|they)\s+(?:was|were|got|"
    r"left|arrived|walked|came)\b)(?:what|what'?s|whats|when|why|how|should|"
    r"shall|can|could|would|is|are|do|does|who|which|where|will|am)\b(?!')|^why'?[ds]\b|"
    r"^how\s+come\b|"
    # "did I get rejected?? initech emailed asking for my availability"
    r"^did\s+(?:i|we)\b(?=[^.!]*\?)", _I)

# --- outcomes -----------------------------------------------------------------------------
OUTCOME_CUES: tuple[tuple[re.Pattern[str], Outcome], ...] = (
    # "initech pulled the offer, whole QA team got cut": an offer taken back ends it, and
    # is never an offer
    (_any(r"(?:pulled|rescinded|withdr(?:ew|awn)|retracted|revoked|took\s+back|taken\s+back|"
          r"cancel+ed)\s+(?:the|my|their|its|that|an?|the\s+job)\s+(?:[\w-]+\s+)?offer",
          r"offer\s+(?:was\s+|has\s+been\s+|got\s+|is\s+)?(?:pulled|rescinded|withdrawn|"
          r"retracted|revoked|taken\s+back|cancel+ed)"), Outcome.HEARD),
    (_any(r"(?:got|landed|bagged)\s+(?:the|an|a)\s+(?:job|offer|role|position)",
          r"i\s+got\s+it", r"i\s+only\s+went\s+and\s+got\s+it",
          # "I become the job!": German "bekommen", get
          r"i\s+(?:become|became)\s+the\s+(?:job|position|role|post)",
          r"offered\s+(?:me\s+)?(?:the|a)\s+(?:job|role|position|post)",
          r"offered\s+it\s+to\s+me", r"(?:made|gave|extended)\s+me\s+(?:an|the)\s+offer",
          # "Acme give me offer already!!", "signed initech's offer and sent it back"
          r"give\s+me\s+(?:an?\s+|the\s+)?offer", r"signed\s+(?:[\w-]+'s\s+|the\s+|their\s+)offer",
          r"said\s+yes\b(?=\W*$)",
          r"extended\s+(?:an\s+|the\s+)?offer",
          r"offered\s+me(?!\s+(?:an?|another|the)\s+(?:\w+\s+){0,2}(?:interview|round|chat|call|"
          r"meeting|coffee|tour|trial|visit|conversation))", r"(?:an?|the)\s+offer",
          r"offer(?:ed)?(?=\s*!)",
          # "hired" is mine; "already hired someone" is somebody else's
          r"hired(?!\s+(?:someone|somebody|another|other|a\s|an\s|the\s+other|internally|"
          r"from|within|elsewhere))", r"offer\s+came\s+through",
          # "they offered but its 52k": offered, the object left out
          r"(?:they|she|he)\s+(?:just\s+)?offered(?=\s*(?:[.,;]|$)|\s+(?:but|and)\b)",
          # "Acme offered 🎉 but I said no thanks": the company as who offered
          r"(?<!\bi\s)(?<!\bwe\s)(?<!\bwho\s)\b[a-z][\w&'-]*\s+offered(?=\s*(?:[.,;!]|$)|"
          r"\s+(?:but|and)\b)",
          r"got\s+the\s+\w+\s+(?:job|offer|role|position)",
          r"(?:like|love|want)s?\s+to\s+offer\s+me",
          # "We are delighted to offer you the role", read in the first person
          r"(?:pleased|delighted|happy|excited|glad|thrilled)\s+to\s+(?:formally\s+)?offer\s+me",
          r"i'?m\s+in(?=\s*(?:[!.,]|$))", r"job\s+offer",
          # "Initech offered $92,000 and I accepted", "They're offering 64k"
          r"(?:offered|offering)\s+(?:me\s+)?(?:\$|£|€)?\d[\d,.]*\s*(?:k\b)?",
          # "They said I passed! Official offer email tomorrow."
          r"(?:official|formal|written)\s+offer", r"offer\s+from", r"it'?s\s+a\s+yes",
          r"(?:they'?re|they\s+are|she'?s|he'?s|is|are)\s+offering\s+me",
          r"(?:they|she|he)\s+said\s+yes\b",
          r"(?:i\s+am|i'?m|i\s+was|i'?ve\s+been|i\s+have\s+been|i\s+got)\s+selected\s+for\s+"
          r"the\s+(?:job|post|position|role)",
          # "initech offer came thru 🙌" (a verbal offer alone stays asked: not on paper yet)
          r"offer\s+came\s+(?:thru|through|in)(?![^.!]*\bverbal\b)",
          r"i\s+(?:have|'ve)\s+been\s+offered\s+the\b"), Outcome.OFFER),
    (_any(r"passed\s+on\s+me", r"rejected\s+me", r"turned\s+me\s+down", r"refused\s+me",
          r"knocked\s+(?:me|us)\s+back",
          # "I said no thanks" is the person's own no, not theirs
          r"(?<!\bi\s)(?<!\bi\sjust\s)said\s+no(?!\s+(?:decision|news|update|word|date|answer|"
          r"one|idea|rush|problem|need|"
          r"worries|change|timeline))", r"said\s+nah\b(?!\s+(?:worries|problem|rush|bother))",
          r"didn'?t\s+get\s+(?:it|the\s+(?:job|role|position|offer))", "rejection",
          r"not\s+(?:be\s+)?(?:moving|going)\s+forward", r"won'?t\s+be\s+moving\s+forward",
          r"(?:went|go|going|gone)\s+(?:with|for)\s+(?:someone|somebody|another|a\s+different|"
          r"an\s+internal|the\s+other)",
          r"(?:went|go|going|gone)\s+(?:with|for)\s+(?:a|an)\s+(?:\w+\s+){1,2}(?:candidate|"
          r"applicant)",
          # "decided to go with a candidate who had more automation experience"
          # "… a candidate whose experience more closely matches"
          r"(?:went|go|going|gone)\s+with\s+(?:a|an)\s+(?:candidate|applicant)\s+(?:who|whose|with|"
          r"that)",
          r"(?:move|moving|proceed)\s+forward\s+with\s+other", "unsuccessful",
          # "Initech reject me already": the present for the past, as in Singapore English
          r"(?<!will\s)(?<!would\s)(?<!might\s)(?<!to\s)(?<!not\s)reject\s+me\s+already",
          # "they not continue with me already", word for word from Malay or Chinese
          r"(?:not|won'?t|will\s+not|cannot|can'?t)\s+(?:be\s+)?(?:continu\w*|proceed\w*|"
          r"progress\w*)\s+with\s+(?:me|my)\b",
          # "I regret to inform you that I have withdrawn…": the person's own letter
          r"(?<!\bi\s)regrets?\s+to\s+inform", r"decided\s+not\s+to",
          # "Acme isn't going to offer me the job"
          r"(?:isn'?t|aren'?t|not|won'?t\s+be)\s+(?:going\s+to|gonna)\s+offer\s+me",
          r"won'?t\s+be\s+offering\s+me",
          # "Acme has declined to proceed with my application"
          r"(?:declined|decided\s+against)\s+(?:to\s+)?(?:proceed\w*|mov\w+\s+forward|"
          r"progress\w*)\s+with\s+(?:my|me)\b",
          r"(?:declined|rejected|turned\s+down)\s+my\s+(?:application|candidacy)",
          r"(?:wasn'?t|was\s+not|weren'?t|were\s+not)\s+successful",
          r"no\s+longer\s+under\s+consideration",
          r"proceed\s+with\s+(?:another|other|a\s+different)\s+(?:\w+\s+)?(?:candidate|applicant)",
          r"(?:took|hired|chose|chosen|picked|selected)\s+(?:another|a\s+different)\s+(?:person|candidate|"
          r"applicant)\b", r"(?:took|hired|chose|picked|selected)\s+(?:someone|somebody)\s+else\b",
          r"offered\s+(?:it|the\s+(?:job|role|position|post))\s+to\s+(?:someone|somebody|another)",
          "rejected", r"not\s+selected", r"turned\s+down",
          # "no offer, but I was a close second"; "no offer yet" is no news at all
          r"no\s+offer\b(?!\s*(?:yet|so\s+far|for\s+now|as\s+of|at\s+the\s+moment|still))",
          r"(?:going|go|went|gone|proceed\w*|mov\w+\s+forward)\s+with\s+(?:\w+\s+){0,2}(?:an)?other\s+"
          r"candidates?", r"pursu(?:e|ing)\s+(?:\w+\s+){0,2}other\s+candidates",
          r"(?:chose|chosen|selected|picked|preferred)\s+(?:\w+\s+){0,2}other\s+"
          r"candidates",
          # "they choose other candidate", as a learner of English writes it
          r"(?:choose|chose|chosen|select|selected|take|took|taken|pick|picked)\s+(?:an?\s+|the\s+)?"
          r"other\s+(?:candidates?|person|people|applicants?)\b",
          r"(?:filled|filling|fill)\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+internally",
          r"^\W*filled\s+internally\b",
          # "they've given the role to an internal candidate"
          r"(?:gave|given|giving)\s+(?:it|the\s+(?:role|job|position|post|spot))\s+to\s+(?:an?\s+)?"
          r"(?:internal|other|another|different)\b",
          # "the role was filled internally": someone else has it
          r"(?:role|position|job|post|spot|vacancy)\s+(?:was|has\s+been|got|is)\s+"
          r"(?:already\s+)?filled",
          # "they filled it. sorry she said": filled, by someone else
          r"\b(?:they|they'?ve|they\s+have)\s+(?:already\s+)?filled\s+(?:it|the\s+(?:role|position|"
          r"job|post|vacancy|spot))\b(?!\s+with\s+me)",
          r"(?:going|go|went|gone|heading)\s+in\s+a\s+diff?e?rent\s+direction",
          r"keep\s+(?:me|my\s+(?:cv|resume|details|application))\s+on\s+file",
          r"it'?s\s+a\s+no\b(?!\s+(?:from\s+me|brainer))",
          r"(?:dropped|cut|removed|eliminated)\s+me\s+from\s+the\s+(?:process|running|pool|"
          r"shortlist)", r"rejecting\s+me",
          r"(?:went|gone|given)\s+to\s+(?:another|someone|somebody|a\s+different|an\s+internal)",
          # "filled the spot with somebody else", "gave the job to someone else"
          r"(?:filled|gave|given)\s+(?:the|that|this)\s+(?:spot|position|role|job|post|place)\s+"
          r"(?:with|to)\s+(?:someone|somebody|another|a\s+different)",
          # "they've decided to go another way", "going in a different direction"
          r"(?:decided\s+to\s+)?go(?:ing|ne)?\s+(?:in\s+)?(?:another|a\s+different)\s+"
          r"(?:way|direction)",
          # "I've not been successful this time", "will not be progressing your application"
          r"(?:not|n'?t)\s+been\s+successful", r"thanks\s+but\s+no\s+thanks", r"got\s+dinged",
          r"(?:not|n'?t)\s+(?:be\s+)?(?:progressing|proceeding\s+with)\s+(?:your|my)\s+"
          r"application",
          # "didn't get the QA job", "yeah nah, didn't get the Acme one"
          r"did(?:n'?t|nt|\s+not)\s+get\s+the\s+(?:[\w&-]+\s+){0,2}?(?:job|role|position|one)\b"),
     Outcome.REJECTED),
    (_any(r"(?:want|wants|invited|invite|asked|asking)\s+me\s+(?:back|to\s+come\s+back|in\s+again)",
          # "they'd like me back to meet the director", "want to bring me back"
          r"(?:'d|would)\s+like\s+me\s+(?:to\s+come\s+)?back\b",
          r"(?:want|wants|like)\s+to\s+(?:bring|have|get)\s+me\s+(?:back|in\s+again)\b",
          r"(?:second|2nd|third|3rd|next|final|another|follow-?up)[\s-]+(?:round|interview|stage)",
          r"(?:for|to)\s+(?:round|stage)\s+(?:2|3|two|three)",
          r"(?:one|1)\s+more\s+(?:round|stage)",
          r"(?:invited|invite)\s+me\s+to\s+(?:a|an|the)\s+(?:panel|second|final|next)",
          r"(?:invited|invite|asked|want|wants)\s+me\s+(?:to|for)\s+(?:a|an|the)\s+(?:assessment\s+"
          r"(?:cent(?:re|er)|day)|super\s*day|trial\s+shift|working\s+interview)",
          r"next\s+step\s+is\s+(?:a|an)\s+(?:panel|interview)",
          r"(?:like|want|wants|asked)\s+(?:me|you)\s+to\s+come\s+(?:in|back)\s+(?:\S+\s+){0,6}?"
          r"(?:and|to)\s+meet",
          r"(?:final|onsite|on-site)\s+loop", r"wants?\s+me\s+(?:onsite|on-site)",
          r"moving\s+me\s+(?:on\s+|forward\s+)?to\s+the\s+(?:onsite|on-site|next|final|second|"
          r"panel)",
          r"(?:'d|would)\s+like\s+to\s+see\s+me\s+again",
          # "they want see me again on 30/11", "wants to fly me out for an onsite"
          r"wants?\s+(?:to\s+)?see\s+me\s+again", r"fly\s+me\s+out",
          # "they want me for a panel interview on the 2nd"
          r"(?:want|wants|invited|asked)\s+me\s+(?:for|to\s+do|to\s+attend)\s+(?:a|an|the)\s+"
          r"(?:panel|final|second|technical|follow-?up|onsite|on-site)\s+(?:interview|round)"),
     Outcome.NEXT_ROUND),
    (_any(r"pull(?:ed|ing)?\s+out", r"pull(?:ed|ing)?\s+my\s+(?:name|application)\s+out",
          # "Initech withdrew the position" is theirs: closed, not the person pulling out
          r"withdr(?:ew|awing|awn|aw)(?!\s+(?:the|their|that)\s+(?:\w+\s+)?(?:position|role|job|"
          r"opening|posting|vacancy|req|offer|post))"
          # "withdrew some cash for the drive": money, not the application
          r"(?!\s+(?:some\s+|the\s+|my\s+|more\s+)?(?:cash|money|funds|savings|[$£€]|\d))",
          r"drop(?:ped|ping)\s+out",
          r"(?:took|take|taking)\s+myself\s+out",
          r"turned\s+(?:it|them|the\s+offer|their\s+offer)\s+down",
          r"declined\s+(?:it|the\s+offer|their\s+offer|them)",
          r"not\s+interested\s+any\s*more",
          r"retir(?:e|ed|ing)\s+my\s+(?:application|candidacy|candidature)",
          r"(?:decided|decide)\s+to\s+(?:decline\s+to\s+(?:continue|proceed)|withdraw)",
          r"(?:had\s+to|i)\s+(?:turn(?:ed)?\s+down|decline[d]?)",
          # "told acme I'm out"
          r"told\s+(?:them|her|him|[\w'-]+)\s+(?:that\s+)?i'?m\s+(?:out|not\s+interested|"
          r"withdrawing)\b",
          # "I tell Initech I don't want continue": as a learner tells it
          r"(?:told|tell)\s+(?:them|her|him|[\w'-]+)\s+(?:that\s+)?i\s+(?:don'?t|do\s+not|didn'?t)\s+"
          r"want\s+(?:to\s+)?(?:continue|proceed|go\s+on|go\s+ahead)\b"), Outcome.WITHDREW),
    (_any(r"(?:role|position|job|req|requisition|vacancy|opening)(?:'s|\s+was|\s+has)?\s+(?:been|got)?\s*"
          r"(?:cancelled|canceled|pulled|closed)", r"closed\s+the\s+(?:role|position)",
          r"scrapped\s+the\s+(?:\w+\s+){0,3}(?:role|position|job)",
          # "they've cancelled the position altogether", "they're pulling the role"
          r"not\s+to\s+fill\s+(?:the|this|that)\s+(?:\w+\s+)?(?:role|position|job|post|vacancy)",
          r"(?:cancel+ed|pulled|pulling|axed|killed)\s+(?:the|that)\s+(?:\w+\s+)?(?:role|position|"
          r"job|req|vacancy|opening)",
          r"withdr(?:ew|awn)\s+(?:the|their|that)\s+(?:\w+\s+)?(?:position|role|job|opening|"
          r"posting|vacancy|req|post)",
          # "the QA role was eliminated in a restructure", "position cancelled"
          r"(?:role|position|job|req|requisition|vacancy|opening)\s+(?:was\s+|has\s+been\s+|got\s+|"
          r"is\s+)?(?:eliminated|cancel+ed|scrapped|axed|cut|frozen\s+(?:indefinitely|for\s+good))\b",
          # "Acme tell me the position is cancel because no budget", as a learner says it
          r"(?:role|position|job|vacancy)\s+(?:is|was)\s+cancel\b",
          # "Acme say dey cancel de position altogether": theirs, said in the present
          r"\b(?:they|dey|dem|them)\s+(?:(?:have|has|had|done|don|did|go|gone|just)\s+)?"
          r"(?:cancel|scrap|pull|close)\s+(?:de|the|that|dat)\s+(?:\w+\s+)?(?:role|position|job|"
          r"req|vacancy|opening|post)\b"),
     Outcome.HEARD),
)
#: Another job at the same employer: "they want me to interview for the automation role".
ANOTHER_ROLE = _any(r"(?:want|wants|asked|invited|invite)\s+me\s+(?:to\s+(?:interview|apply)\s+"
                    r"for|for)\s+(?:the|a|an|another|their)\s+(?:[\w-]+\s+){0,2}(?:role|position|"
                    r"job|post|opening|vacancy)")
#: A round the person went to ("had a second interview at acme today"), or another
#: interview altogether: not the news that they were asked back, so asked about.
ROUND_HAPPENED = _any(
    r"\b(?:had|did|done|finished|attended|went\s+to|sat)\s+(?:a|an|my|the|another)\s+"
    r"(?:\w+\s+)?(?:round|interview|stage|assessment|super\s?day|trial|take-?home|test)",
    r"another\s+interview\s+(?:today|yesterday)")
#: "Please add second interview: …": a request to add one, not news of a next round.
ADD_REQUEST = re.compile(r"^(?:(?:eh|oh|ok|okay|so|also|and|please|pls|kindly|howay|right|"
                         r"can\s+you|"
                         r"could\s+you)\b[\s,]*)*add\b", _I)
#: Offers and refusals of another kind: a home, a car, a loan, a deal at work.
OTHER_DEAL = _any("apartment", "house", "flat", "condo", "landlord", "mortgage", "loan",
                  "lease", "rental", "seller", "realtor", r"estate\s+agent", "car", "bid",
                  "buyer", r"counter-?offer\s+on", "prospect", "quote")
#: A round of drinks, not of interviews: "next round's on me lads", "my round".
DRINKS_ROUND = _any(r"rounds?(?:'s|\s+is|\s+are)?\s+on\s+(?:me|us)", r"my\s+round",
                    r"round\s+of\s+(?:drinks|beers?|shots|pints)")
#: A round called off or to be set again ("cancelled my second interview, they'll
#: reschedule"): no next round to plan on yet.
ROUND_UNSETTLED = _any(r"cancel(?:l)?(?:ed|ing)?", r"re-?schedul\w*", r"postpon\w*",
                       r"called\s+off")
#: A day that is no promise of news by then: "the earliest they'll decide is Friday".
NOT_BEFORE = _any(r"\bearliest\b", r"\bnot\s+before\b",
                  # "it'll be at least two weeks before they decide anything"
                  r"\bat\s+least\s+(?:\w+\s+)?(?:days?|weeks?|months?)\b",
                  # "they'd let me know after the board meets on the 3rd": not by then
                  r"\b(?:know|decide|decision|hear|touch|back\s+to\s+me)\s+after\b",
                  # "they won't decide before that", "won't know until the 30th"
                  r"\b(?:won'?t|will\s+not|wouldn'?t|can'?t|cannot)\s+(?:\w+\s+){0,4}?"
                  r"(?:before|until|till|til)\b", r"\bno\s+sooner\s+than\b",
                  r"\bat\s+the\s+soonest\b", r"\bearly\s+next\s+week\b",
                  r"\b(?:some\s*time|sometime)\s+next\s+week\b",
                  # "the decision is moved on next week": moved into the week, not by its end
                  r"\b(?:moved|pushed|postponed|delayed|shifted)\s+(?:\w+\s+){0,2}?(?:on|to|into|"
                  r"till|until)\s+next\s+week(?=\s*(?:[.!,;]|$))",
                  r"\b(?:mid|middle\s+of|late|later\s+in)\s*-?\s*(?:the\s+)?next\s+week\b",
                  # "by the end of the month, or early December at the latest": two days
                  r"\bor\s+(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|by)\b")
#: "next week" said alone, not its end ("by next week's end"), nor "this time next week":
#: a week, whose day is not said.
A_WEEK_ONLY = re.compile(r"(?<!\btime\s)\bnext\s+week\b(?!'?s?\s+(?:end|close))", _I)
#: "Thursday week", "tomorrow week": a week on from that day (the day in group 1).
DAY_WEEK = re.compile(r"\b(tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+week\b", _I)
#: News that may or may not end it ("hiring is on hold"): always asked about, never closed.
#: Held on the phone, not hiring on hold: "sat on hold for 20 min", "they put me on hold".
PHONE_HOLD = _any(r"(?:sat|was|were|stuck|waited|waiting|put\s+me|kept\s+me)\s+on\s+hold",
                  r"on\s+hold\s+for\s+(?:\d+|an?|like|about|over|almost|nearly|ages|forever)")
#: A call lost before anyone spoke: on hold, then cut off.
HOLD_THEN_LOST = re.compile(PHONE_HOLD.pattern + r"[^.!?]*?\b(?:cut\s+off|disconnected|"
                            r"dropped|hung\s+up|gave\s+up|rang\s+out)\b", _I)
MAYBE_OVER = _any(r"on\s+hold", r"(?:hiring|budget)\s+freeze", "paused", "frozen", r"on\s+ice")
#: The role itself put on hold, said plainly: "Acme put the role on hold", "the position's
#: been put on ice". News that closes the interview (hiring "on hold" alone is asked).
_A_ROLE = r"(?:role|position|req|requisition|job|vacancy|opening|post)"
ROLE_ON_HOLD = _any(
    rf"put\s+(?:the|that|this|my|their)\s+(?:[\w-]+\s+)?{_A_ROLE}\s+on\s+(?:hold|ice)",
    rf"{_A_ROLE}(?:'s|\s+(?:has|had|was|is))(?:\s+(?:been|now|just))*\s+(?:put\s+)?"
    r"on\s+(?:hold|ice)")
#: Words that turn good news around ("they didn't offer", "no offer yet"): an offer or a
#: next round said with one of these is asked about, never recorded.
NEGATED = _any("not", r"no(?!\s+(?:date|time|day)\b)", "never", r"(?!can'?t\s+believe\b)\w+n't",
               "without", "nothing")
#: Others turned away, not the person: "they rejected the other finalist", "a bunch of people".
OTHERS_REJECTED = _any(r"(?:rejected|turned\s+down|passed\s+on|cut|dropped|let\s+go)\s+(?:the\s+"
                       r"other|other|a\s+(?:bunch|lot|few|couple)|some|several|most|everyone\s+"
                       r"else|the\s+rest|\d+|two|three|four|five)\b")
#: A rejection said with "I withdrew" in it is the user's choice, never theirs.
USER_DECLINED = _any(r"i\s+(?:turned|declined|rejected|refused)",
                     r"i\s+(?:just\s+)?said\s+no\b",  # "Acme offered 🎉 but I said no thanks"
                     r"had\s+to\s+(?:turn\s+down|decline)",
                     r"retir(?:e|ed|ing)\s+my\s+application",
                     r"i'?m\s+withdrawing", r"i\s+withdrew",
                     r"i\s+pulled\s+out", r"i'?(?:ve|\s+have)?\s+decided\s+not\s+to",
                     r"to\s+withdraw", r"i\s+accepted\s+(?:another|a\s+different|an\s+other)")
#: An outcome that comes with something else (a different contract, another role).
OUTCOME_TWIST = _any("instead", "different", "contract", "part-?time", "lower", "counter",
                     "negotiat\\w*", "but")
#: The pay named after an offer, no twist of it: "they offered but its 52k and I asked for 60".
MONEY_TALK = re.compile(r"\bbut\s+(?:it'?s|its|it\s+is|the\s+(?:pay|salary)\s+is|only)\s+[$£€]?"
                        r"\d[\d,.]*\s*k?\b|"
                        # "lower pay than I hoped but still", "but the salary is low"
                        r"\b(?:but\s+)?(?:the\s+)?(?:lower|low|less)\s+(?:pay|salary|money)\b(?:\s+than"
                        r"\s+i\s+(?:hoped|wanted|expected))?(?:\s+but\s+still)?|"
                        r"\bbut\s+(?:the\s+)?(?:pay|salary)\s+is\s+(?:low|lower|less)\b", _I)

# --- promises -----------------------------------------------------------------------------
#: "They'll decide", "she told me to call": the employer's word about what happens next.
#: The employer asking the person to wait: "Jane asked me to hold off calling until …",
#: their word on when to call, not a snooze of the person's.
ASKED_TO_WAIT = (r"(?:(?:asked|told)\s+me\s+to|said(?:\s+to)?)\s+(?:hold\s+off|wait)"
                 r"(?=\s+(?:on\s+)?(?:calling|ringing|phoning|until|till|til|for)\b)")
PROMISE_CUES = _any(
    rf"{ASKED_TO_WAIT}\s+(?:\w+\s+){{0,3}}(?:until|till|til)",
    "decide", "decides", "decision", r"let\s+me\s+know", r"get\s+back\s+to\s+me",
    # "acme said they would know by the fourth of december"
    r"(?:they|we)(?:'d|'ll|\s+would|\s+will|\s+should)\s+know\s+(?=by|within|on|before)",
    r"be\s+in\s+touch", r"hear\s+(?:back|from\s+them|from\s+her|from\s+him)", r"reach\s+out",
    r"(?:gon|gonna|will|'ll|going\s+to)\s+hit\s+me\s+up",
    r"reaching\s+out\s+(?:by|within|in|on|before)\b",
    # "give us till the end of the month", "he said give it a fortnight"
    r"give\s+(?:us|them|it)\s+(?:till|until|til|a|an|one|two|three|\d+|the\s+rest)\b",
    r"(?:call|ring|phone|email|contact)\s+(?:me|her|him|them)", r"try\s+again", r"an\s+answer",
    # "she wants a call Friday after 10"
    r"(?:wants?|asked\s+for|expects?)\s+a\s+(?:call|ring)\b",
    # "he says they will send me an email by Friday"
    r"(?:they|she|he|we)(?:'ll|\s+will|'d|\s+would)\s+send\s+(?:me|you)\s+(?:an?\s+)?"
    r"(?:email|e-mail|mail|message|text|letter|update|answer)",
    r"said\s+(?:to\s+)?(?:call|ring|phone)\s+[a-z]+\s+(?:on|next|this|tomorrow|(?:mon|tues|wednes|"
    r"thurs|fri)day)\b",
    # "we will call you within four working days", their words quoted
    r"(?:we'?ll|we\s+will)\s+(?:call|ring|email|contact)\s+you\b",
    r"pushed\s+(?:their|the)\s+decision", r"told\s+me\s+to\s+(?:call|ring)",
    r"tells?\s+me\s+to\s+(?:call|ring)",
    r"(?:instructed|advised)\s+me\s+to\s+(?:call|ring|phone|telephone)", r"no\s+later\s+than",
    r"need\s+(?:until|till|til)\b",
    # "Dana say me to call on Monday", word for word from another language
    r"(?:say|says|said)\s+me\s+to\s+(?:call|ring)",
    r"said\s+to\s+(?:call|ring|give\s+(?:her|him|them)\s+a\s+(?:call|ring|bell|buzz|jingle|"
    r"shout|holler))",
    r"said\s+(?:call|ring)\s+(?:back|them|her|him)",
    # "HR said, please call on Wednesday afternoon"
    r"said\s*[,:]?\s*(?:please\s+)?(?:call|ring|phone)\s+(?:back\s+)?(?:on|in|next|this)\b",
    r"decides\s+by", r"should\s+hear", "deciding", r"said\s+(?:to\s+)?(?:check\s+in|follow\s+up)",
    r"asked\s+me\s+to\s+(?:call|ring|try|check\s+in|follow\s+up)",
    r"try\s+(?:her|him|them)\s+again",
    r"give\s+\w+\s+a\s+(?:ring|call|bell|buzz|phone)", r"minds?\s+up", r"circle\s+back",
    r"(?:i'?d|we'?d|i'?ll|we'?ll|i\s+would|i\s+will|we\s+would|we\s+will)\s+hear\b",
    r"make\s+a\s+(?:call|decision)", r"text\s+me",
    # "Madam Jane told they will inform me within 3 working days"
    r"(?:will|'ll|would)\s+(?:inform|update)\s+(?:me|us|you)\b",
    r"(?:result|decision)\s+will\s+be\s+(?:informed|announced|communicated|shared|given|out)",
    # "Jane said result come out until 4th December"
    r"(?:result|results|decision)\s+(?:will\s+)?(?:come|comes|coming)\s+out",
    r"(?:they'?ll|they\s+will|they'?d|she'?ll|she\s+will|she'?d|he'?ll|he\s+will|he'?d)\s+"
    r"(?:email|e-mail|text|call|ring|phone|message|contact|tell\s+(?:me|us))\b",
    r"revert\s+(?:back\s+)?(?:by|within|on|in)",
    r"told\s+me\s+to\s+(?:check\s+in|follow\s+up)",
    r"(?:should|to)\s+(?:telephone|phone|call|ring)\s+(?:her|him|them)",
    r"telephone\s+(?:me|her|him|them)",
    r"make\s+up\s+their\s+minds?",
    r"get\s+back\s+to\s+(?:you|all|every\w*|candidates|applicants)",
    r"give\s+(?:me|you)\s+(?:the|an|their|a)\s+(?:answer|decision|response)",
    r"(?:have|get|give\s+me)\s+(?:some\s+)?(?:news|an?\s+update|feedback)\s+(?:for\s+me\s+)?"
    r"(?:by|within|in|on|before)\b",
    r"(?:they|she|he|we)\s+would\s+(?:contact|e-?mail|call|ring|phone|be\s+in\s+touch|"
    r"get\s+back|let\s+me\s+know)\b",
    # "they said answer in 5 business days", "they will inform result in one week",
    # "result will be notice by December 1", "give feedback within 1 week"
    r"(?:answer|result|results|feedback|decision|outcome|response)\s+(?:will\s+be\s+\w+\s+)?"
    r"(?:in|within|by|on|until|before)\b",
    r"inform\s+(?:me\s+)?(?:the\s+)?(?:result|decision|outcome)",
    # "HR will confirm either way by 30/11", "will let everyone know by Monday"
    r"confirm\s+(?:either\s+way\s+|one\s+way\s+or\s+the\s+other\s+)?by\b",
    r"let\s+(?:everyone|everybody|all\s+(?:the\s+)?candidates)\s+know",
    r"hear\s+from\s+(?:us|them)\b",
    # "Hays are ringing me by end of play tomorrow"
    r"(?:calling|ringing|phoning|e-?mailing)\s+me\s+(?:back\s+)?(?:by|on|within|before|"
    r"tomorrow|next|this|in|(?:mon|tues|wednes|thurs|fri)day)\b",
    # "they shall communicate by end month", "they will respond within three working days"
    r"(?:will|shall|'ll|would|'d)\s+(?:respond|reply|communicate|revert|notify)\b",
)
#: The person's own plan after the employer's word or a note sent, from where it starts:
#: "they'll decide by Friday, and I'll follow up on the 4th if I haven't heard", "Acme note
#: is sent, Initech I still need to call".
OWN_PLAN_AFTER = re.compile(r"(?:[,;.]|\b(?:and|but|so|then)\b)\s*(?:(?:and|but|so|then)\s+)?"
                            r"(?:[a-z][\w&'-]*\s+(?=i\s+still\b))?"
                            r"(?:i'?ll|i\s+will|i'?m\s+going\s+to|i\s+plan\s+to|i'?d\s+like"
                            r"\s+to|(?:i'?m\s+)?gonna|i'?ll\s+have\s+to|"
                            r"i\s+still\s+(?:need|have|got)\s+to|i\s+should)\s+"
                            r"(?:follow\s+up|check\s+(?:back|in)|"
                            r"chase|call|ring|email|reach\s+out|nudge|try)\b.*$", _I)
#: A line taken back halfway: only what follows counts ("delete it. wait no, just stop").
TAKEN_BACK = re.compile(r"(?:\.{2,}|…|[,;—–]|\s-\s)\s*(?:nah|no|nvm|never\s*mind)[,.!\s]+"
                        r"(?:forget\s+it|leave\s+it|scratch\s+that|ignore\s+(?:it|that))\b[,.!\s]*|"
                        r"\b(?:wait|hang\s+on|hold\s+on|actually|oh)[,.!\s]+"
                        # "… delete kar do... actually nahi, rehne do": no, in Hindi or Spanish
                        r"(?:no|nahi|nahin|nope)\b[,.!\s]*|"
                        # "… as sent — no actually don't", "… not 2pm. no actually 2 is correct"
                        r"(?:(?<=[.!?;])|[—–]|\s-\s)\s*no\s*,?\s+actually\b[,.!\s]*"
                        r"(?:(?:don'?t|do\s+not)\b[,.!\s]*)?|"
                        # "Raj's phone is 646-555-0172. no, that's Dana's", "… tomorrow. wait
                        # tomorrow's packed": a new sentence that takes the last one back
                        r"(?<=[.!?]\s)(?:no\s*,|wait\b[,.!\s]*(?!\s*(?:till|until|for)\b))\s*|"
                        # "snooze till thursday — wait that's thanksgiving. wednesday then"
                        r"(?:[—–]|\s-\s)\s*wait\b(?![,.!\s]+no\b)[,.!\s]*(?!\s*(?:till|until|for)\b)|"
                        # "sent jane's note. oh crap no I didn't", "… — sorry, no, it WAS today"
                        r"\b(?:crap|shoot|damn|dang|oops|whoops|ugh)[,.!\s]+no\b[,.!\s]*|"
                        r"(?:[—–]|\s-\s)\s*sorry\s*,?\s*no\b[,.!\s]*|"
                        # "delete 2 — sorry, I mean cancel 2"
                        r"(?:[—–]|\s-\s|[,.;])\s*(?:sorry\s*,?\s*)?i\s+mean(?:t)?\b[,:]?\s*|"
                        # "Remove Raj. Actually leave him, …": the request taken back
                        # "cancel acme... actually nah leave it, all good mate"
                        r"\bactually\s*,?\s+(?:(?:no|nah|nope|naw)\s*,?\s+)?(?:leave|keep)\s+"
                        r"(?:it|him|her|them|both)\b[,.!\s]*|"
                        # "delete initech. never mind", "… nvm keep it"
                        r"(?:(?<=[.,;!])|[—–]|\s-\s)\s*(?:oh\s+)?(?:never\s*mind|nvm|"
                        r"ignore\s+that)\b(?:\s*,?\s*(?:leave|keep)\s+(?:it|him|her|them|both)\b)?"
                        r"[,.!\s]*|"
                        # "remove initech. no hang on, keep both"
                        r"\b(?:no\s*,?\s+)?(?:hang|hold)\s+on\s*,?\s+(?:leave|keep)\s+"
                        r"(?:it|him|her|them|both|them\s+both|all\s+of\s+them)\b[,.!\s]*|"
                        r"\bno\s+wait\b[,.!\s]*|\bscratch\s+that\b[,.!\s]*|"
                        # "at 1, not 2. sorry, half 1": the value said again, mid-line
                        r"(?<=[.,;])\s*sorry\s*,\s*(?!(?:i|i'?m|i'?ve|i'?d|we|my|it'?s|it|that'?s|"
                        r"that|lol|haha|just|was|is)\b)(?=\S)", _I)
#: A line not meant for the coach: "sorry wrong window", "ignore me, just venting".
NOT_FOR_ME = _any(r"wrong\s+(?:window|chat|tab|app|thread|channel|convo|conversation)",
                  r"(?:meant|supposed)\s+(?:to\s+go\s+)?(?:for|to)\s+(?:my|someone|another|a\s+"
                  r"different)\b", r"not\s+(?:meant\s+)?for\s+you", r"ignore\s+(?:me|that|this)",
                  r"just\s+venting")
#: A command quoted, as someone else's advice: `my friend said to just type "cancel 1"`.
QUOTED_COMMAND = re.compile(r"\b(?:type|typing|typed|enter|write|send|say|put)\s+(?:in\s+)?"
                            r"[\"“'‘`]", _I)
#: Said in jest, then taken back: "acme rejected me. kidding, nothing yet".
JOKING = re.compile(r"(?<!no\s)\b(?:kidding|jk|j/k|just\s+joking|joking|not\s+really)\b|"
                    # "definitely hired me, that's why nobody's answered my emails lol"
                    r"\bthat'?s\s+why\s+(?:nobody|no\s+one|they\s+(?:haven'?t|never))\b", _I)
#: News said not to be final yet: "offered it to someone else but it's not signed yet",
#: "will send an offer once the budget's approved".
NOT_FINAL = _any(r"not\s+signed\s+yet",
                 # "… would like to offer me the position once my references check out"
                 r"once\s+(?:my\s+|the\s+)?(?:references?|background\s+check|checks?)\b",
                 # "I'm in the running for a second round": not asked back yet
                 r"in\s+the\s+running\s+for", r"being\s+considered\s+for",
                 r"don'?t\s+give\s+up", r"could\s+still",
                 r"might\s+still", r"still\s+a\s+chance",
                 r"(?:once|if|when)\s+(?:the\s+)?(?:[\w-]+(?:'s)?\s+){0,2}(?:is\s+|gets?\s+|are\s+)?"
                 r"(?:approved|signed(?:\s+off)?|cleared|confirmed)")
#: "Don't delete it": a delete said only to rule it out.
#: Their no said not to be one: "they're not rejecting me, just still interviewing".
NOT_REJECTED = _any(r"(?:not|never|n't|aren'?t|isn'?t|wasn'?t|didn'?t)\s+(?:\w+\s+)?(?:reject\w*|"
                    r"turn\w*\s+(?:me\s+)?down|turned\s+me\s+down|say(?:ing)?\s+no|"
                    r"said\s+no|pass\w*\s+on\s+me)")
NOT_DELETE = re.compile(r"\b(?:don'?t|do\s+not|not|never|no\s+need\s+to)\s+(?:\w+\s+)?"
                        r"(?:delete|remove|erase|bin)\b|"
                        # something else taken away: "remove me from initech's mailing list",
                        # "remove Dana's email, it bounced"
                        r"\b(?:remove|delete|take)\s+me\b|\bmailing\s+list\b|\bnewsletters?\b|"
                        r"\bunsubscribe\b|'s\s+(?:e-?mail|address|number|phone|cell|mobile)\b|"
                        # someone else deleting: "acme can delete my number for all I care",
                        # "acme should delete the security footage"
                        r"\b(?!you\b|u\b|please\b|pls\b|i\b)[a-z][\w&'-]*\s+(?:should|can|could|"
                        r"might|would)\s+(?:just\s+)?(?:delete|remove|erase|bin|trash|wipe)\b", _I)
#: A time in a zone not named: "2pm their time", "10 local time". Asked, never guessed.
#: Places whose day starts well before New York's or Europe's: "Friday morning their time"
#: there may be Thursday here.
FAR_EAST = _any(r"tokyo|japan|jst|seoul|korea|kst|china|beijing|shanghai|hong\s+kong|singapore|"
                r"manila|philippines|sydney|melbourne|brisbane|australia|aest|auckland|"
                r"new\s+zealand|india|bangalore|bengaluru|mumbai|delhi|hyderabad|chennai|pune|ist")
THEIR_TIME = _any(r"(?:their|local|the\s+employer'?s|the\s+company'?s|his|her)\s+time",
                  # "tomorrow at 10 (they're in seattle)": a time beside another place
                  r"(?<=\()\s*(?:they'?re|they\s+are|office\s+is|team\s+is|based)\s+(?:based\s+)?"
                  r"in\s+[a-z]+")
#: A day that belongs to something else than their word: someone away ("Dana is out
#: until the 30th"), the posting's closing date. Asked, never planned on.
NOT_THEIR_WORD = _any(
    r"\b(?:is|are|'s|'re|be|being|was|were)\s+(?:out|away|off|ooo|on\s+(?:leave|holiday|"
    r"vacation|pto|annual\s+leave|mat(?:ernity)?\s+leave)|out\s+of\s+(?:the\s+)?office)"
    r"(?:\s+\w+){0,3}?\s+(?:until|till|til|through|thru)\b",
    r"\b(?:is|are|'s|'re|be|gets?|comes?)\s+back\s+(?:in\s+the\s+office\s+)?(?:on|from)\b",
    # an auto-reply pasted or told: "Out of Office: Jane Smith …", "Dana's OOO says back Friday"
    r"\bout\s+of\s+(?:the\s+)?office\s*:", r"\bauto(?:matic)?[\s-]?reply\b", r"\booo\b",
    r"\bi\s+am\s+(?:currently\s+)?(?:away|out\s+of\s+(?:the\s+)?office)\b",
    r"\b(?:posting|listing|advert|ad|applications?|vacancy|job\s+post)\s+(?:closes|close|closed|"
    r"closing|ends|expires)\b", r"\bclosing\s+date\b",
    # "a take-home test, due Monday, then they decide": the task's day, not their word's
    r"\b(?:take[\s-]?home|test|assignment|task|exercise|case\s+study|presentation)\b[^.!?]*"
    r"\bdue\b[^.!?]*\bthen\b",
    # "if I haven't heard from initech by friday remind me to call them": my plan
    r"\bif\s+i\s+(?:don'?t|do\s+not|haven'?t|have\s+not)\s+(?:hear|heard)\b.*\bremind\s+me\b",
    # "if i don't hear from acme by friday i'll call them monday": my plan, not their word
    r"\bif\s+i\s+(?:don'?t|do\s+not|haven'?t|have\s+not)\s+(?:hear|heard)\b.*\b(?:i'?ll|i\s+will|"
    r"ill)\s+(?:call|ring|phone|email|follow\s+up|chase|try|check)\b",
    # "my flight home is the 27th, same day initech decides": a day of my own
    r"\bmy\s+(?:flight|trip|train|appointment|birthday|wedding|exam|move|lease)\b",
    r"\bflying\s+(?:out|home|back)\b",
    # "they want my portfolio by friday and then they'll decide": my deadline, not theirs
    r"\b(?:want|wants|need|needs|asked\s+for|asked\s+me\s+for)\s+(?:my|the|a|an|some)\s+"
    r"(?:\w+\s+)?(?:portfolio|references?|documents?|cv|resume|résumé|forms?|samples?|"
    r"transcripts?|certificates?|assignment|task|test|availability)\b",
    # "they are interviewing more people this week": their week's work, not their answer
    r"\b(?:interviewing|seeing|meeting)\s+(?:more|other|a\s+few\s+more|the\s+other|the\s+rest\s+of"
    r"\s+the)\s+(?:people|candidates|applicants)\b",
)
#: A time they gave without holding to it: "next week sometime", "by Friday or so".
#: A span said as one or two: "in a week or two", "a day or 2". Both days are offered.
A_UNIT_OR_TWO = re.compile(r"\b(?:in\s+|within\s+)?(?:an?|one|1)\s+(?P<unit>day|week)\s+or\s+"
                           r"(?:two|2)\b", re.I)
SOMETIME = _any(r"some\s*time", r"at\s+some\s+point", r"or\s+so", r"-?ish\b",
                # "a couple of weeks", "they'll know more after the 3rd"
                r"\ba\s+couple\s+(?:of\s+)?(?:days|weeks|months)\b", r"\bknow\s+more\b",
                # "decide w/c 7th Dec", "the week of the 7th": a week, not a day
                r"w/c", r"week\s+(?:commencing|beginning|starting|of)",
                r"roughly", r"give\s+or\s+take",
                # "it'd take 2 to 3 weeks to decide": a range, not a day
                r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-|–|to|or)\s*"
                r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?:business|"
                r"working)\s+)?(?:days?|weeks?)",
                # "in about two weeks", "around 10 days": a span said roughly
                r"(?:about|around|approx(?:imately)?|maybe)\s+(?:an?|one|two|three|four|five|six|"
                r"seven|eight|nine|ten|\d{1,2})\s+(?:(?:business|working)\s+)?(?:days?|weeks?)\b",
                # "in a couple of days": two, or three? A day to plan on is not said
                r"(?:a\s+)?couple\s+(?:of\s+)?days", r"a\s+few\s+days",
                # "after the long weekend": its first working day, or any day after it?
                r"after\s+the\s+(?:long|holiday|bank\s+holiday|thanksgiving)\s+weekend")
#: The user's own plan ("I'll check back on the 4th") is not the employer's promise.
OWN_PLAN = re.compile(r"^\s*(?:(?:i\s+)?(?:told|promised)\s+\w+\s+(?:that\s+)?i'?d\s+|i'?ll|"
                      r"i\s+will|"
                      r"i'?m\s+going\s+to|i\s+plan|i'?m\s+planning|i\s+might|i\s+want|"
                      r"(?:i'?m\s+|im\s+)?gonna|i\s+(?:need|have|got)\s+to|i\s+gotta|"
                      r"i'?d\s+like\s+to|i\s+intend)\b"
                      r"(?!\s+hear)", _I)
#: Whom a "call her Thursday" means: the user calls (the rest is theirs to say).
USER_CALLS = _any(r"(?:call|ring|phone|telephone)\s+(?:her|him|them)",
                  r"(?:told|instructed|advised)\s+me\s+to\s+(?:call|ring|phone|telephone|"
                  r"check\s+in|follow\s+up)",
                  # "give Dana a ring", "could you give me a call" (their words); "I'll
                  # give you a call" and "he'll give us a bell" are their calls
                  r"(?<!'ll\s)(?<!will\s)give\s+(?!you\b)\w+\s+a\s+(?:ring|call|bell|buzz)",
                  r"said\s+to\s+(?:call|ring|try)", r"try\s+again",
                  r"said\s+(?:call|ring)\s+(?:back|them|her|him)", r"check\s+in",
                  r"follow\s+up\s+with\s+(?:her|him|them)", r"try\s+(?:her|him|them)\s+again",
                  r"asked\s+me\s+to\s+(?:call|ring|try)",
                  # "They asked that I telephone them on Monday 30 November"
                  r"asked\s+that\s+i\s+(?:call|ring|phone|telephone)",
                  rf"{ASKED_TO_WAIT}\s+(?:on\s+)?(?:calling|ringing)",
                  r"(?:say|says|said)\s+me\s+to\s+(?:call|ring)",
                  r"said\s*[,:]?\s*(?:please\s+)?(?:call|ring|phone)\s+(?:back\s+)?"
                  r"(?:on|in|next|this)\b",
                  # "initech said call dana on tuesday": whom, by name
                  r"said\s+(?:to\s+)?(?:call|ring|phone)\s+[a-z]+\s+(?:on|next|this|tomorrow|"
                  r"(?:mon|tues|wednes|thurs|fri)day)\b")

# --- calls --------------------------------------------------------------------------------
CALL_CUES = _any(r"(?<!it's\s)(?<!its\s)(?<!is\s)(?<!now\s)(?<!be\s)called", "rang", "phoned",
                 "telephoned", r"i\s+call\s+to", r"i\s+did\s+call",
                 # "Jane Smith answered. She'd like me to call her again …": the call, told
                 # by who picked up (never "Jane answered my email")
                 r"(?-i:^\W*(?:[A-Z][\w'-]+\s+){1,2})(?:answered|picked\s+up)(?=\s*[.!,;])",
                 r"tried\s+(?:calling|to\s+call|ringing|phoning)",
                 # "tried raj's line, busy signal", "tried Raj and then Dana"
                 r"tried\s+(?:[\w'-]+\s+){1,2}(?:line|number|phone|cell|mobile|desk|office)",
                 r"(?:no\s*one|nobody)\s+(?:answered|picked\s+up)",
                 # "Calling to Initech was today at 11": the call as a learner tells it
                 r"calling\s+to\s+[\w&'-]+\s+(?:was|is\s+done)",
                 r"neither\s+(?:of\s+them\s+)?(?:answered|picked\s+up)",
                 r"gave\s+\w+(?:\s+\w+)?\s+a\s+(?:call|ring|bell|buzz)", r"got\s+through\s+to",
                 r"(?:got|just)\s+off\s+the\s+phone\s+with", r"straight\s+to\s+voicemail",
                 # call-centre shorthand: "outbound to Acme", "RNA" (rang, no answer), "LVM"
                 r"outbound\s+(?:call\s+)?to", r"rna", r"lvm",
                 r"went\s+to\s+voicemail", r"^(?:\w+\s+){1,2}voicemail\W*$",
                 r"voice\s*mail(?:\s+box)?\s+(?:was\s+|is\s+)?full",
                 # "Abeg I don call Initech", "pinged the Acme HM by phone"
                 r"\bdon\s+call\b",
                 # "Mi call Initech dis mawnin": a call this morning, in Jamaican English
                 r"(?:i|mi|me)\s+call\s+(?:\w+\s+){1,2}this\s+(?:morning|afternoon)",
                 r"(?:pinged|reached|contacted|tried)\s+(?:\w+\s+){0,3}by\s+phone",
                 r"telephoned\s+to",
                 r"spoke\s+(?:to|with)", r"talked\s+(?:to|with)", r"left\s+(?:\w+\s+){0,2}(?:a\s+)?"
                 r"(?:voicemail|message)", r"follow(?:ed)?[\s-]*up\s+call", r"did\s+the\s+call",
                 r"call(?:ed)?\s+#?\d", r"call\s+(?:was\s+)?placed",
                 # the coach's own words back: "log a call to Dana, she answered"
                 r"log(?:ged)?\s+(?:a|the|my)\s+call",
                 # "I hit Jane line": called her, in African-American English
                 r"hit\s+(?:up\s+)?(?:\w+(?:'s)?\s+){1,2}(?:line|phone|cell|number)")
CALL_RESULTS: tuple[tuple[re.Pattern[str], CallResult], ...] = (
    (_any("voicemail", "answerphone", r"answering\s+machine",
          r"(?:no|nae)\s+(?:answer|reply|one|contact)", "nobody", "rna", "lvm",
          r"neither\s+(?:of\s+them\s+)?(?:answered|picked)",
          r"(?:didn'?t|did\s+not|ain'?t|never)\s+(?:pick|answer)",
          r"not\s+(?:picking|answering|answered)", "unanswered",
          r"left\s+(?:\w+\s+){0,2}(?:a\s+)?message",
          r"i\s+leave\s+(?:a\s+)?message",
          r"straight\s+to", r"rang\s+out", r"line\s+(?:was\s+|is\s+|still\s+)?(?:busy|engaged)",
          r"(?:couldn'?t|could\s+not|cannot|can'?t)\s+get\s+through",
          # "the line was not going through", "he didn't attend the phone"
          r"(?:was\s+not|wasn'?t|not)\s+going\s+through",
          r"(?:didn'?t|did\s+not)\s+attend\s+(?:the|my)\s+(?:phone|call)",
          r"(?:busy|engaged)\s+(?:signal|tone)"), CallResult.NO_ANSWER),
    (_any(r"spoke\s+(?:to|with)", r"talked\s+(?:to|with)", r"picked\s+up", r"(?<!not\s)answered",
          # "he pick up, say still deciding": the present for the past, as learners write
          r"(?:she|he|they)\s+pick\s+up\b", r"(?-i:[A-Z][a-z]+)\s+answer\b",
          r"got\s+(?:through|hold)", "chatted",
          r"(?:said|says|told\s+me)\s+(?:that\s+)?(?:they|she|he)",
          # "called Dana, she said decision by Dec 4 now": someone spoke on the call
          r"(?:called|rang|phoned)\s+[\w'-]+\s*,\s*(?:she|he|they)\s+(?:said|told|says)",
          r"(?:rang|called|phoned)\s+\w+\s+and\s+got\s+\w+",
          # "Just called Initech. Got Raj, he was nice …"
          r"(?:^|[.!;]\s+)got\s+[a-z]+\s*,\s*(?:she|he|they)\b",
          r"attended\s+(?:the\s+|my\s+)?call", r"picked\s+(?:the\s+)?(?:phone|call)",
          r"off\s+the\s+phone\s+with", r"got\s+\w+(?:\s+\w+)?\s+on\s+the\s+(?:phone|line)",
          r"we\s+(?:spoke|talked|chatted)",
          r"(?:could|was\s+able\s+to|managed\s+to)\s+(?:speak|talk)\s+(?:to|with)"),
     CallResult.ANSWERED),
)
#: A call whose result the words leave open ("hung up before anyone answered").
CALL_UNCLEAR = _any(r"hung\s+up", r"before\s+any(?:one|body)", "receptionist",
                    r"front\s+desk", "reception",
                    # "left a message with Raj's colleague, he wasn't at his desk"
                    r"message\s+with\s+[\w-]+'s\s+\w+",
                    r"(?:at|away\s+from)\s+(?:his|her|their)\s+desk",
                    r"took\s+a\s+message", r"in\s+(?:a\s+)?meetings?",
                    r"message\s+with\s+(?:her|his|their|a|the)\s+\w+", "switchboard",
                    r"put\s+me\s+through", r"(?:was|were)\s+out\b",
                    r"wasn'?t\s+(?:in|there|available)",
                    r"(?<!line\swas\s)busy(?!\s+(?:signal|tone))",
                    # "she said call back Monday" is their word on a call that was answered
                    r"(?<!said\s)(?<!said\sto\s)(?<!told\sme\sto\s)call\s+(?:me\s+)?back",
                    "dropped", r"cut\s+off",
                    r"to\s+(?:say\s+)?thank", r"say\s+thanks",
                    r"pass(?:\s+on|\s+along)?\s+(?:on\s+)?(?:a|the|my)\s+message",
                    r"didn'?t\s+(?:seem\s+to\s+)?know\s+who")
#: Someone else rang the person ("Dana rang", "she called me"): not their follow-up call.
CALLERS = ("she", "he", "they", "recruiter", "someone", "somebody", "hr", "receptionist")

# --- thank-you notes ----------------------------------------------------------------------
SENT_CUES = _any("sent", "posted", "mailed", "emailed", "texted", r"shot\s+off", r"fired\s+off",
                 "flicked", "dispatched", r"popped\s+(?:a|the|my)\s+(?:thank[\s-]?you\s+)?"
                 r"(?:card|note|letter)\s+in\s+the\s+(?:post|mail)",
                 r"thank[\s-]?you'?s?\s+(?:\w+\s+){0,2}(?:went|gone)\s+out",
                 "dropped", "wrote", r"thank(?:ed|-you'?s?)", "thankyou", r"thanks?\s+notes?",
                 r"did\s+[\w-]+'s\s+(?:note|card|thank[\s-]?you|email)",
                 r"thank\s+you\s+(?:note|email|e-mail|card|letter)",
                 r"(?:has|have|had)\s+gone\s+out",
                 r"thank\s+you\s+(?:note|email|card)\s+(?:sent|done|gone)",
                 # "thank yous to Dana and Raj are out 📨", "thank you notes … are out"
                 r"thank[\s-]?yous", r"thank\s+you\s+(?:notes|emails|e-mails|cards|letters)")
_POPPED = (r"(?:popped|put|dropped)\s+(?:a|the|my)\s+(?:thank[\s-]?you\s+)?(?:card|note|letter)\s+"
           r"in\s+the\s+(?:post|mail)")
_SENDING = ("sent", "posted", "mailed", "emailed", "texted", r"shot\s+off", r"fired\s+off",
            "shipped", "deployed",
            r"dropped(?!\s+(?:me|out)\b)", "thanked", "flicked", "dispatched", _POPPED)
#: The verbs of a note that went out, without the nouns ("the thank-you") SENT_CUES has.
SENT_VERBS = _any(*_SENDING, "wrote")
#: Those that say it left, not only that it was written ("I wrote it, I'll send it tonight").
SENT_OUT = _any(*_SENDING)
#: A send still to come, in a clause after the news: "…, I'll send it tonight".
TO_SEND_LATER = _any(r"(?:send|post|mail|e-?mail)\s+(?:it|them|that|this)")
#: A company's shared inbox, no one's own: "hr@acme.com", "careers@initech.com".
SHARED_MAILBOX = re.compile(r"(?:hr|jobs|careers|recruit\w*|talent\w*|hiring|info|hello|contact|"
                            r"no-?reply|admin|office|team|people|applications?)@", re.I)
#: A note said to be out without a sending verb: "thank you note ✅", "thx note done".
SENT_DONE = _any("done",
                # not the person out: "tonight after 9 for the acme thank-you, I'm out till then"
                r"(?<!\bi'm\s)(?<!\bim\s)(?<!\bam\s)(?<!\bbe\s)out\b"
                r"(?!\s+(?:till|until|til|of\s+(?:town|the\s+office|office)|all\s+day))",
                "went", "gone", "✅", "✔", "→", "->",
                # "did dana's note, still need to write raj's"
                r"did\s+[\w-]+'s\s+(?:note|card|thank[\s-]?you|email)")
NOTE_WORDS = _any(r"thank[\s-]?you'?s?", "thankyous?", "thanks", "note", "cards?", "email", "notes",
                  "letter", r"to\s+thank", r"sent\s+(?:one|it)\s+to")
NOT_SENT = _any(r"not\s+(?:sent|yet)", r"did(?:n'?t|nt|\s+not)\s+send",
                # "jane called me before I even sent the thank you"
                r"before\s+(?:i\s+)?(?:even\s+|had\s+|could\s+|got\s+to\s+)?(?:send|sent|"
                r"sending|hitting\s+send)",
                r"haven'?t\s+(?:\w+\s+)?(?:sent|posted|mailed|emailed)",
                r"didn'?t\s+send", r"should\s+i", r"accident(?:al(?:ly)?)?", r"by\s+mistake",
                r"wrong\s+(?:person|name|address|one)", r"mixed\s+(?:them\s+)?up",
                r"going\s+to", r"will\s+send", r"need\s+to", r"draft(?:ed|ing)",
                # "scheduled to go out at 8am tomorrow": set to leave, not left
                r"schedul(?:ed|ing)", r"queued", r"set\s+to\s+(?:go|send)",
                r"(?:to|will)\s+go\s+out", r"goes\s+out", r"send\s+later",
                r"(?:a|my)\s+drafts?\b",
                r"push", r"move", r"bump", r"snooze", r"hold\s+off", r"remind\s+me",
                # "parcel's sent, now onto the Acme thank you": the note is next, not done
                r"(?:now\s+)?on(?:to|\s+to)\s+(?:the\s+|my\s+)?(?:\w+\s+){0,2}(?:thank|note)",
                r"next\s+up")
#: "Sent Raj's but not Dana's", "sent dana's, will do raj's tomorrow": the names after
#: "but not", or in a clause about later, are excluded.
BUT_NOT = re.compile(r"(?:\bbut\s+(?:not|haven'?t|didn'?t)\b|"
                     # "… 3 days late 😬 still need to do danas": no stop before it
                     r"\s+still\s+(?:(?:need|have|got)\s+to|gotta)\s+(?:do|send|write)\b|"
                     r"[.,;]?\s+still\s+(?:writing|drafting|working\s+on|hunting\s+for|looking\s+for|"
                     r"searching\s+for|waiting\s+(?:for|on))\b|[,;.]\s*(?:and\s+|but\s+)?(?:i'?ll|"
                     r"will|gonna|going\s+to|(?:i\s+)?still\s+(?:(?:need|have|got)\s+to|gotta|must)|"
                     # "…, haven't gotten to jane's yet"
                     r"(?:i\s+)?(?:haven'?t|have\s+not|didn'?t)\s+(?:yet\s+)?(?:gotten|got|done|"
                     r"sent|written|had)\b|"
                     # "raj's thank you: sent. dana's: bounced"
                     r"[\w'-]+'s\s*:?\s*(?:bounced|failed|came\s+back|not\s+(?:sent|yet)|pending)\b|"
                     # "just emailed Raj a thank you, doing Dana's tonight"
                     r"(?:then\s+)?(?:i'?m\s+)?(?:doing|writing|sending|drafting)\s+[\w'-]+'s\b|"
                     # "Dana's thank-you is sent. Raj's I'm still writing."
                     r"[\w'-]+'s\s+i'?m\s+still\b|"
                     # "sent Dana's thank you, Raj's is next", "… Dana's is still in drafts"
                     # (not "it's": "… well, I wrote it, it's sitting in my drafts")
                     r"(?<![\w'])(?!(?:it|that|this|there|here|what)'s)[\w'-]+'s\s+(?:is\s+)?"
                     r"(?:next|still\s+to\s+(?:do|go|come)|to\s+(?:do|go)|"
                     r"pending|tomorrow|(?:still\s+)?(?:(?:sitting\s+)?in\s+(?:my\s+|the\s+)?drafts?|"
                     r"unsent|not\s+(?:sent|done|finished|written)))\b)).*$", _I)

# --- reminders ----------------------------------------------------------------------------
#: Their word, then what the person asks for because of it: "Initech isn't deciding until
#: Friday so leave me alone about them till then". The request is what to do.
SO_SNOOZE = re.compile(r"\bso\s+(?:please\s+|pls\s+|just\s+)?(?:snooze|remind\s+me|mute|pause|"
                       r"leave\s+me\s+(?:alone|be)|hold\s+off|ping\s+me|bug\s+me)\b|"
                       # "push this reminder till Friday 10am, no point calling before they
                       # decide": the snooze asked for first, its reason after
                       r"^\W*(?:please\s+|pls\s+)?(?:push|move|bump|shift|snooze)\s+(?:this|the|that|"
                       r"my)\s+(?:\w+\s+)?(?:reminder|nudge|call|step)\s+(?:till|until|to|for)\b",
                       re.I)
SNOOZE_CUES = _any(r"remind\s+(?:me|us)", r"not\s+now",
                   # "leave me alone about them till friday": quiet until then
                   r"leave\s+me\s+(?:alone|be)\s+(?:about|on|re|with)\s+(?:\S+\s+){0,3}?"
                   r"(?:till|until|til)\b",
                   # "mute acme for 3 days": a stop for a while
                   r"(?:mute|pause|silence|hush)\s+(?:\S+\s+){0,3}?(?:for|until|till|til)\b",
                   # "give me till Friday"; "she'll gie me a phone by Monday" is her call
                   r"later(?!\s+than)", r"give\s+me(?!\s+a\s+(?:phone|call|ring|bell|buzz|shout))",
                   r"snooze", r"(?:bug|ping|nudge|poke|buzz)\s+me\s+(?:again|later)",
                   # "bug me about the thank you again in 3 hours", "give us a nudge in an hour"
                   r"(?:bug|ping|nudge|poke|prod|buzz|chase|hit)\s+(?:me|us)\s+(?:\w+\s+){0,5}?"
                   r"(?:in|at|tomorrow|tonight|eod|(?:mon|tues|wednes|thurs|fri)day)\b",
                   r"give\s+(?:me|us)\s+a\s+(?:nudge|shout|ping|poke|prod|buzz)\s+(?:in|at|"
                   r"tomorrow|later|tonight)\b",
                   # "first thing tomorrow pls, too tired tonight": when, said alone
                   r"^\W*first\s+thing\s+(?:tomorrow|in\s+the\s+morning)",
                   r"hold\s+(?:the\s+)?(?:\w+\s+){0,2}(?:reminders?|calls?|notes?|steps?)",
                   # "please tell me again about acme after 3 hours"
                   r"tell\s+me\s+again\s+(?:about|in|at|after|tomorrow|later)",
                   # "can it wait till tomorrow?": a question asking for a snooze
                   r"(?:can|could)\s+(?:it|this|that|the\s+\w+(?:\s+one)?)\s+wait\s+"
                   r"(?:until|till|til|for)",
                   r"ask\s+me\s+again", r"ping\s+me", r"nudge\s+me", r"busy",
                   r"(?:push|move|bump|shift)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:call|reminder|"
                   r"thank[\s-]?you|note|step|e-?mail|nudge)", r"hold\s+off",
                   # "put the Acme call back to Thursday", "hold everything til monday"
                   r"put\s+(?:the\s+)?(?:\w+\s+){0,3}(?:call|reminder|thank[\s-]?you|note|step|"
                   r"e-?mail|nudge)\s+back\b",
                   r"hold\s+(?:everything|it\s+all|all\s+of\s+it|them\s+all)\s+(?:until|till|til|for)",
                   # "hold all the Acme stuff until I'm back", "just chill til monday"
                   r"hold\s+all\s+(?:the\s+)?(?:[\w&'-]+\s+)?(?:stuff|reminders|things)\s+"
                   r"(?:until|till|til)", r"chill\s+(?:out\s+)?(?:until|till|til)",
                   # "push the initech one to monday" ("move" it may mean the interview)
                   r"(?:push|bump)\s+(?:the\s+)?(?:\w+\s+){0,2}one\s+(?:to|till|until|back)",
                   r"(?:push|bump|put)\s+it\s+back",
                   # "leave the acme one til tomorrow morning, I'll do it first thing"
                   r"leave\s+(?:it|that|the\s+[\w&'-]+\s+one)\s+(?:til|till|until)\b",
                   r"(?:stop|quit)\s+(?:nagging|reminding|pinging|bugging)\s+me\b",
                   r"try\s+me\s+(?:again|in|at|later|tomorrow)", r"postpone", r"delay",

                   # "hit me up tomorrow" is theirs to us; "they gon hit me up by Wednesday" theirs
                   r"(?<!they\s)(?<!gon\s)(?<!gonna\s)(?<!will\s)(?<!'ll\s)(?<!to\s)hit\s+me\s+up",
                   r"not\s+right\s+now",
                   r"leave\s+(?:it|that|the\s+\w+(?:\s+one)?)\s+with\s+me", r"deferred",
                   r"(?:reminder|call|note|step)\s+wait\s+(?:until|till|til)", r"defer",
                   # "acme reminder in 3 hrs pls"
                   r"reminder\s+(?:in|at|on|till|until|tomorrow)\b")
CANCEL_CUES = _any(r"stop\s+(?:reminding|pinging|messaging|nudging|the\s+reminders|reminders)",
                   r"stop\s+(?:the\s+|all\s+the\s+)?(?:nudges|notifications?|pings)",
                   # "stop all the initech follow-ups", "turn off all the Acme nudges"
                   # "turn off them Initech reminders": "them" for "those", as said in places
                   r"(?:stop|turn\s+off|switch\s+off)\s+(?:all\s+)?(?:the\s+|my\s+|them\s+|those\s+)?"
                   r"(?:[\w&'-]+\s+)?"
                   r"(?:follow[\s-]?ups|nudges|reminders|notifications|pings)",
                   # "Y'all can quit remindin' me about Acme", "kindly cease all notifications"
                   r"quit\s+(?:reminding|remindin'?|pinging|messaging|nudging|bugging|nagging)",
                   # "Stop botherin' me about Initech b'y, I'll call 'em when I'm ready"
                   r"(?:stop|quit)\s+(?:bothering|botherin'?|hassling|harassing)\s+me\b",
                   # "close the reminders for Acme already, I don't need"
                   r"close\s+(?:all\s+)?(?:the\s+|my\s+)?(?:[\w&'-]+\s+)?reminders",
                   r"cease\s+(?:all\s+)?(?:further\s+)?(?:notifications?|reminders?|messages)",
                   r"no\s+more\s+(?:[\w&'-]+\s+)?(?:reminders|messages|nudges|pings|notifications|alerts)",
                   r"don'?t\s+want\s+any\s+more",
                   r"(?:don'?t|doan|dont)\s+bother\s+(?:to\s+)?remind(?:ing)?\s+me",
                   r"mute", r"cancel", r"stop\s+reminders", r"discontinue",
                   # "Don't disturb me more with Initech, basta"
                   r"(?:don'?t|do\s+not)\s+disturb\s+me\s+(?:more|any\s*more|again)\s+(?:with|about)",
                   # "stop tracking acme pls", "I want to stop following Initech"
                   r"stop\s+(?:tracking|following)\b",
                   # "I don't need the Initech reminders anymore, I'll chase them myself"
                   r"don'?t\s+need\s+(?:the\s+|any\s+)?(?:[\w&'-]+\s+)?(?:reminders|nudges)\s+any\s*more",
                   r"i'?ll\s+(?:chase|handle|do)\s+(?:them|it|this)\s+myself",
                   # "no need to be at me about it anymore", said in Ireland
                   r"no\s+need\s+to\s+(?:be\s+at\s+me|remind\s+me|nag\s+me|chase\s+me)\b.*"
                   r"\bany\s*more\b",
                   r"stop\s+(?:to\s+)?remember(?:ing)?\s+me", r"i'?ll\s+manage\s+it\s+myself",
                   r"stop\s+(?:sending|to\s+send)\s+(?:me\s+)?(?:the\s+|any\s+)?(?:reminders|messages|nudges)",
                   r"stop\s+(?:the\s+)?follow[\s-]?ups?", r"stop\s+following\s+up",
                   r"turn\s+off\s+(?:the\s+)?(?:\w+\s+)?(?:reminders|follow[\s-]?ups?)",
                   r"stop\s+(?:all\s+)?(?:the\s+)?\w+\s+(?:reminders|stuff)",
                   r"don'?t\s+bother\s+with\s+the\s+(?:\w+\s+)?reminders",
                   r"(?:stop|quit)\s+(?:nagging|chasing|bugging|pestering)",
                   r"cease\s+(?:all\s+|the\s+)?(?:reminders|messages|follow[\s-]?ups?)",
                   r"no\s+need\s+to\s+keep\s+(?:nagging|reminding|chasing|bugging)",
                   r"switch\s+off\s+(?:the\s+)?(?:\w+\s+)?reminders",
                   r"no\s+more\s+(?:\w+\s+){1,2}(?:reminders|follow[\s-]?ups?|nudges)",
                   r"(?:drop|kill|ditch)\s+(?:the\s+|all\s+)?(?:\w+\s+)?follow[\s-]?ups?",
                   # "kill the acme reminders, bloody thing keeps pinging me"
                   r"(?:kill|ditch|nuke|scrap)\s+(?:the\s+|all\s+(?:the\s+)?|my\s+)?(?:[\w&'-]+\s+)?"
                   r"(?:reminders|nudges|notifications|pings|alerts)",
                   r"i'?ll\s+(?:handle|deal\s+with|manage)\s+(?:it|that|this)(?:\s+one)?\s+myself")
#: A cancel told, not asked for: "I had to cancel my acme interview", "they cancelled it"
#: (the meeting itself, maybe; whether to stop the reminders is asked).
#: Something else cancelled: "had to cancel my dentist appt friday so I can take the
#: initech call". Not the interview, nor its reminders.
CANCEL_ELSE = re.compile(
    r"\bcancel(?:l)?(?:ed|ing|s)?\s+(?:my|the|a|an|our|his|her|their)\s+(?:\w+\s+){0,2}?"
    r"(?:appt|appointment|dentist|doctor|flight|shift|class|order|subscription|trip|plans?|"
    r"date|lunch|dinner|reservation|booking|membership|gym|hotel|ticket|card|lease|"
    r"account|uber|ride|babysitter|sitter|party|vacation|holiday|pto|visit|session|"
    r"delivery|parcel|package|deal|contract|gig|practice|lesson|workout)s?\b", _I)
CANCEL_TOLD = _any(r"(?:i|we|they|she|he)\s+(?:\w+\s+)?cancel(?:l)?ed",
                   r"(?:i|we|they|she|he)\s+(?:had|have|needed|got)\s+to\s+cancel",
                   # "can you cancel it, I'm not going": the meeting, or the reminders?
                   r"i'?m\s+not\s+going", r"not\s+going\s+to\s+go",
                   r"won'?t\s+(?:be\s+)?go(?:ing)?", r"not\s+attending", r"skipping\s+it",
                   # "cancel … for the analyst one too": and which other?
                   r"too(?=\s*(?:[,.;!]|$))", r"as\s+well")
#: A stop said for a while ("stop nagging me for 2 hours", "…until Friday"): a snooze.
FOR_A_WHILE = _any(r"for\s+(?:like\s+|about\s+|another\s+|a\s+few\s+|a\s+couple\s+(?:of\s+)?)?"
                   r"(?:an?\s+|\d+\s*|one\s+|two\s+|three\s+|few\s+)?(?:hours?|days?|minutes?|"
                   r"weeks?|while|now|today|tonight)", "until", "till", "til", "today", "tonight",
                   r"this\s+(?:evening|afternoon|week)",
                   # "mute acme for the weekend": a hold, not a stop
                   r"(?:for|over)\s+the\s+(?:weekend|holiday|holidays|break)")
REMOVE_CUES = _any("delete", "remove", "removed", "erase", "bin", r"get\s+rid\s+of", "scrap",
                   r"scratch(?!\s+that\b)",
                   "purge",
                   "trash", "wipe", "yeet", r"take\s+(?:\w+\s+){1,3}off\s+(?:the|my)\s+list",
                   # "Can you take the Initech one off though? That was my sister's interview"
                   r"take\s+(?:the\s+[\w&'-]+\s+(?:one|interview|entry)|it|that(?:\s+one)?)\s+"
                   r"off\b(?!\s+(?:hold|mute|pause|snooze))",
                   # "Please strike interview #1 from the record", as a formal writer says it
                   r"strike\s+(?:\w+\s+){0,2}#?\d+\s+(?:from|off)\b")
#: Why an interview is over, not a mistake: "delete initech i'm done with them" may mean
#: stop its reminders and keep its history.
DONE_WITH_THEM = _any(r"(?:i'?m|i\s+am|we'?re)\s+(?:so\s+)?done\s+with", r"not\s+interested",
                      # "I no dey do am again" (Nigerian Pidgin), "not doing it anymore"
                      r"i\s+no\s+dey\s+do\s+am", r"never\s+want\s+to\s+(?:think|hear|see)",
                      r"not\s+doing\s+(?:it|that|this)\s+any\s*more",
                      r"moving\s+on", r"gave\s+up", r"giving\s+up", r"lost\s+interest",
                      r"ghost(?:ed|ing)", r"rejected\s+me", r"turned\s+me\s+down",
                      r"(?:don'?t|do\s+not)\s+want\s+(?:it|the\s+job|them|to\s+work)",
                      r"over\s+it", r"sick\s+of", r"fed\s+up", r"not\s+for\s+me",
                      # "they're obviously never calling": given up on, not a mistake
                      r"(?:never|not|aren'?t|isn'?t|won'?t)\s+(?:ever\s+)?(?:gonna\s+|going\s+to\s+)?"
                      r"(?:call|calling|ring|ringing|reply|replying|get\s+back|getting\s+back)\b")
#: Why an interview is deleted, not cancelled: it should never have been there.
BY_MISTAKE = _any(r"by\s+mistake", r"in\s+error", r"wrong\s+entry", r"never\s+happened",
                  r"a\s+test",
                  r"never\s+(?:actually\s+)?had", r"testing", r"entry", r"completely",
                  r"shouldn'?t\s+have\s+(?:put|added|entered)", r"by\s+acc?ident",
                  r"(?:added|entered|put)\s+(?:it\s+)?(?:in\s+)?(?:twice|wrong)",
                  r"didn'?t\s+mean", r"mixed\s+it\s+up", r"added\s+it\s+twice", "duplicate",
                  r"(?:isn'?t|not)\s+mine", r"someone\s+else'?s",
                  r"(?:entered|added|put)\s+in\s+error",
                  r"shouldn'?t\s+be\s+(?:in\s+)?(?:there|here|on\s+(?:there|here|my\s+list))",
                  r"by\s+accident")

# --- corrections --------------------------------------------------------------------------
#: "It's Jayne not Jane", "Woo, not Wu": a right spelling, then the wrong one.
NOT_THAT = re.compile(r"^(?:(?:it'?s|it\s+is|its|it\s+was|spelled|spelt)\s+)?(?P<right>[\w'.-]+"
                      r"(?:\s+[\w'.-]+){0,3}?)\s*,?\s+not\s+(?P<wrong>[\w'.-]+(?:\s+[\w'.-]+){0,3})$",
                      _I)
CORRECTION_LEAD = re.compile(
    r"^(?:(?:(?:oops|sorry|excuse\s+me|actually|wait|hold\s+on|hang\s+on|"
    r"(?:a\s+)?(?:small\s+|quick\s+|minor\s+)?correction"
    r"(?:,?\s+if\s+i\s+may)?|my\s+bad|typo|oh|"
    r"also|and|btw|fyi|turns\s+out|(?:please|kindly)\s+note(?:\s+that)?|"
    r"forgot\s+to\s+(?:say|mention)|heads\s+up|ugh|omg|whoops|duw|argh|d'?oh|"
    # "I put it in wrong, the company's Acme Analytics": owning up, then the fix
    r"i\s+(?:put|typed|entered|wrote)\s+(?:it|that)\s+(?:in\s+)?wrong(?:ly)?|"
    # "omg just realised jane's last name is …"
    r"(?:i\s+)?(?:just\s+)?(?:realised|realized|noticed)(?:\s+that)?|"
    r"just\s+so\s+you\s+know)\b|"
    # "Please amend the Initech record: …", "update the Acme entry -"
    r"(?:please\s+|kindly\s+|can\s+you\s+)?(?:amend|update|correct|fix|change)\s+(?:the\s+|my\s+)?"
    r"[\w&'-]+\s+(?:record|entry|details|interview)\s*[:;—–-]|"
    # "got Dana's email: d.wu@initech.com": a detail of someone's, found
    r"(?:i\s+)?(?:got|found|have|here'?s)\s+(?=[\w-]+'s\s+(?:e-?mail|number|phone|cell|mobile)\b)|"
    # "Please correct, the name of the company is …"
    r"(?:please\s+|kindly\s+)?(?:correct|amend|update)(?:\s+(?:it|this|that))?\s*[,:;—–-])"
    r"[\s,:.!—–-]*)+",
    _I)
FIELD_WORDS = {
    "company": ("company", "employer", "firm"),
    "role": ("role", "position", "job", "title", "job title"),
    "when": ("interview", "time", "date", "day"),
}

# --- showing and asking -------------------------------------------------------------------
SHOW_LIST = _any(r"what'?s\s+on\s+my\s+(?:plate|list)",
                 r"what\s+(?:i'?ve|i\s+have)\s+got\s+going\s+on",
                 r"(?:show|see|pull\s+up|bring\s+up)\s+(?:me\s+)?(?:my\s+)?"
                 r"(?:whole\s+|full\s+|entire\s+)?(?:list|interviews|pipeline)",
                 r"my\s+(?:list|interviews|pipeline)",
                 r"what\s+have\s+i\s+got", r"what\s+do\s+i\s+have", r"what'?s\s+(?:coming\s+)?up",
                 r"what'?s\s+due", r"what\s+(?:do\s+)?i\s+need\s+to\s+do",
                 # "can you show me everything you're tracking"
                 r"show\s+me\s+(?:everything|all)(?:\s+(?:you'?re|you\s+are)\s+tracking)?",
                 r"what\s+(?:are\s+)?you(?:'re)?\s+tracking")
SHOW_PLAN = _any(r"what'?s\s+next\s+(?:for|with|on)", r"when\s+(?:do|should)\s+i\s+(?:call|ring|"
                 r"follow\s+up|chase)", r"(?:the\s+)?plan\s+for", r"show\s+(?:me\s+)?(?:the\s+)?",
                 # "initech plan", "when's the acme call again"
                 r"^\W*[\w&'-]+(?:'s)?\s+plan(?=\W*$)",
                 r"(?:when|what)'?s\s+(?:the|my)\s+(?:[\w&'-]+\s+)?(?:call|thank[\s-]?you|note|nudge|"
                 r"next\s+(?:step|reminder|nudge|call))",
                 r"(?:when|what)\s+(?:is|will\s+be)\s+(?:the|my)\s+next\s+(?:step|reminder|nudge)")
SHOW_HELP = _any(r"what\s+can\s+you\s+do", r"what\s+do\s+you\s+do", r"how\s+do\s+i\s+use",
                 r"what\s+are\s+(?:the|your)\s+commands",
                 # "help me" alone, not "… please help me follow up after" told with a story
                 r"^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?help\s+me\W*$",
                 r"help\s+me\s+(?:use|understand|get\s+started|with\s+(?:this|the\s+bot|the\s+"
                 r"commands))")
#: What a question in words is about, for `bot.content.advice`; the first that fits wins.
QUESTION_TOPICS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_any("flowers?", "gifts?", "presents?", "chocolates?", "hamper", "basket", "bottle"),
     "gifts"),
    (_any("linkedin", r"connect\s+with", r"connection\s+request"), "linkedin"),
    (_any(r"text\s+(?:her|him|them)", r"by\s+text", "sms", "whatsapp", r"text\s+message",
          r"thank\s+(?:her|him|them)\s+by\s+text"), "text"),
    (_any(r"third\s+time", r"call\s+again", r"keep\s+calling", "pushy", r"too\s+many\s+calls",
          r"call\s+(?:a\s+)?third"), "third_call"),
    (_any(r"e-?mail\s+instead", r"by\s+e-?mail\s+instead", r"instead\s+of\s+calling",
          r"follow\s+up\s+by\s+e-?mail"), "email_instead"),
    (_any(r"call\s+\w+(?:\s+\w+)?\s+(?:today\s+)?or\s+wait", r"should\s+i\s+(?:call|ring|chase)",
          r"when\s+should\s+i\s+(?:call|follow\s+up)", r"too\s+(?:early|soon)\s+to\s+call"),
     "call_or_wait"),
    (_any(r"(?:say|tell\s+them)\s+(?:on|during)\s+the\s+call", r"if\s+they\s+don'?t\s+pick\s+up",
          r"what\s+(?:i\s+)?(?:ought\s+to|should)\s+say\s+when\s+i\s+(?:call|ring|phone|telephone)",
          r"(?:say|leave)\s+(?:in|on)\s+(?:a|the)\s+voicemail",
          r"what\s+do\s+i\s+(?:even\s+)?say\b(?!\s+in)"),
     "what_to_say_call"),
    (_any(r"what\s+should\s+i\s+write", r"what\s+(?:do\s+i\s+|to\s+)?(?:write|put)",
          # "What ought I to say in it" of a letter never written before
          r"what\s+(?:ought|should|do)\s+i\s+(?:to\s+)?(?:even\s+)?(?:say|write|put)\s+in\s+"
          r"(?:it|the|a|my)\b",
          r"thank\s*-?\s*you\s+(?:note|email|e-mail)\s+say"), "what_to_write"),
    (_any(r"time\s*-?\s*zone"), "timezone"),
    (_any(r"cancel\s+and\s+delete", r"delete\s+and\s+cancel", r"difference\s+between"),
     "cancel_vs_delete"),
    (_any(r"how\s+does\s+(?:this|the|it)", r"how\s+do\s+you\s+know", r"when\s+to\s+remind",
          r"how\s+does\s+this\s+work"), "how_it_works"),
    (_any(r"real\s+person", r"are\s+you\s+(?:a\s+)?(?:human|bot|robot|real|ai)"), "human"),
    (re.compile(r"^(?:(?:please|pls|so)\s+)?(?:can|could|would|will)\s+(?:you|u)\s+(?:just\s+|"
                r"please\s+|pls\s+)?(?:apply|e-?mail|send|call|ring|phone|text|message|write|"
                r"contact|reach\s+out|follow\s+up|chase|submit|fill\s+(?:in|out))\b.*"
                r"\bfor\s+me\b|^(?:(?:please|pls|so)\s+)?(?:can|could|would|will)\s+(?:you|u)\s+"
                r"(?:just\s+)?apply\b", _I), "for_you"),
)


# --- moments and asides shared by readers ---------------------------------------------------
#: An hour as likely a shift's early start as an evening: "Friday at 6", "was at 5",
#: "tomorrow at 8" (a host's evening shift, or breakfast?).
EARLY_OR_LATE = re.compile(r"(?:^|\bat\s+)(?P<hour>[5-8])(?![:.\d])(?!\s*(?:[ap]\.?m\b|o'?clock|"
                           r"h\b|st\b|nd\b|rd\b|th\b|(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|"
                           r"sep|oct|nov|dec)))", _I)
#: Words that say which half of the day.
PART_OF_DAY = _any("morning", "evening", "tonight", "night", "afternoon", r"[ap]\.?m\.?",
                   "dinner", "breakfast")
#: A second thing told after a first: "Kim Park. oh and acme said they'd call".
THEN_ALSO = re.compile(r"\S\s*[.;!]\s*(?:oh\s+and|also|and\s+also|plus|btw)\b", _I)
#: An aside's lead, said before what it changes: "oh wait, before that —", "btw".
ASIDE_LEAD = re.compile(r"^(?:(?:hold\s+on|oh\s+wait|wait|oh|eh|ah|um+|btw|by\s+the\s+way)"
                        r"[\s,:!.—–-]*)*"
                        r"(?:before\s+that|btw|by\s+the\s+way|also|before\s+i\s+forget|"
                        r"before\s+i\s+answer(?:\s+that)?)\b[\s,:!.—–-]*", _I)
