"""`share`: how much of each interview a member's clubs may see, and drafts for peer review.

`share <n> none|progress|details` sets the level (progress by default); `share draft <n>`
posts a thank-you draft in the member's club so others can comment in its thread.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from bot.clubs.activity import identity_for
from bot.clubs.commands import channel_of
from bot.clubs.model import Club, PostKind
from bot.clubs.posts import draft_reply, encode
from bot.content import notes
from bot.messages import Draft, Inbound, Reply
from bot.model import Interview, Person, ShareLevel
from bot.ports.clock import Clock
from bot.ports.repository import Repository
from bot.text import short

MAX_DRAFTS = 3  # one per interviewer; a bigger panel can paste the one they want reviewed
MAX_DRAFT_TEXT = 3000

LEVEL_WORDS: dict[str, ShareLevel] = {
    "none": ShareLevel.NONE, "nothing": ShareLevel.NONE, "private": ShareLevel.NONE,
    "off": ShareLevel.NONE,
    "progress": ShareLevel.PROGRESS, "counts": ShareLevel.PROGRESS,
    "default": ShareLevel.PROGRESS,
    "details": ShareLevel.DETAILS, "detail": ShareLevel.DETAILS, "all": ShareLevel.DETAILS,
}

LEVEL_MEANING: dict[ShareLevel, str] = {
    ShareLevel.NONE: "your clubs see nothing of it, not even in the counts",
    ShareLevel.PROGRESS: "your clubs see progress only (notes sent, calls made, good news), "
                         "never the company, role or names",
    ShareLevel.DETAILS: "your clubs may also see the company and role (never interviewers' "
                        "names)",
}

_NUMBER = re.compile(r"^#?(\d{1,6})$")
WITH_NAMES = frozenset({"with names", "names", "with their names", "show names"})


def role_label(interview: Interview, position: int) -> str:
    """How a shared draft names an interviewer: their job title, else their seat."""
    who = interview.interviewers[position]
    if who.title:
        return f"[{who.title}]"
    return "[interviewer]" if len(interview.interviewers) == 1 else \
        f"[interviewer {position + 1}]"


def without_names(draft: Draft, interview: Interview) -> Draft:
    """`draft` with every interviewer's name, whole or in part, replaced by their role:
    what `share details` promises the club never sees."""
    title, body = draft.title, draft.body
    for position, who in enumerate(interview.interviewers):
        label = role_label(interview, position)
        honorific, first, last = notes.name_parts(who.name)
        parts = [who.name, f"{honorific} {last}".strip(), first, last]
        for part in sorted({p for p in parts if len(p) > 1}, key=len, reverse=True):
            pattern = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)")
            title, body = pattern.sub(label, title), pattern.sub(label, body)
    return Draft(title=title, body=body)


class ShareCommands:
    """Handles `share …` anywhere; the reply is always for the member alone."""

    def __init__(self, repo: Repository, clock: Clock) -> None:
        self.repo = repo
        self.clock = clock

    def share(self, person: Person, inbound: Inbound, rest: str) -> list[Reply]:
        words = rest.split(" ", 2)
        if words[0].lower() == "draft":
            return [self._draft(person, inbound, " ".join(words[1:]))]
        if not rest:
            return [self._overview(person)]
        interview = self._interview(person, words[0])
        if isinstance(interview, Reply):
            return [interview]
        if len(words) == 1:
            return [Reply(text=f"#{interview.number} is shared at {interview.share.value}: "
                               f"{LEVEL_MEANING[interview.share]}. Change with "
                               f"`share {interview.number} none | progress | details`.")]
        level = LEVEL_WORDS.get(" ".join(words[1:]).lower().strip(" ."))
        if level is None:
            return [Reply(text=f"Choose `share {interview.number} none`, `progress` or "
                               "`details`.")]
        self.repo.set_share(interview.id, level)
        return [Reply(text=f"#{interview.number} is now shared at {level.value}: "
                           f"{LEVEL_MEANING[level]}.")]

    def _overview(self, person: Person) -> Reply:
        interviews = self.repo.list_interviews(person.id)
        lines = [f"#{i.number} {i.title}: {i.share.value}" for i in interviews[-15:]]
        body = "\n".join(lines) if lines else "You have no interviews yet."
        return Reply(text=f"{body}\n\n`share <n> none` — {LEVEL_MEANING[ShareLevel.NONE]}.\n"
                          f"`share <n> progress` — {LEVEL_MEANING[ShareLevel.PROGRESS]}.\n"
                          f"`share <n> details` — {LEVEL_MEANING[ShareLevel.DETAILS]}.\n"
                          "`share draft <n> [your text]` — ask your club for feedback on a "
                          "thank-you.")

    def _interview(self, person: Person, word: str) -> Interview | Reply:
        match = _NUMBER.match(word)
        if not match:
            return Reply(text="Which interview? Give its number, e.g. `share 1 details`; "
                              "`list` shows the numbers.")
        interview = self.repo.find_interview(person.id, int(match.group(1)))
        if interview is None:
            return Reply(text=f"I can't find interview #{match.group(1)} in your list. "
                              "`list` shows yours.")
        return interview

    def _draft(self, person: Person, inbound: Inbound, rest: str) -> Reply:
        number, _, own_text = rest.strip().partition(" ")
        # `share draft 1 with names`: the one way to show the names, chosen right now.
        with_names = own_text.strip().lower().strip(".!") in WITH_NAMES
        if with_names:
            own_text = ""
        interview = self._interview(person, number)
        if isinstance(interview, Reply):
            return interview
        club = self._target(person, inbound)
        if isinstance(club, Reply):
            return club
        membership = self.repo.get_member(club.id, person.id)
        if membership is None:
            return Reply(text=f"Join {club.name} first with `club join`, then share "
                              "your draft.")
        if not own_text.strip() and interview.share is not ShareLevel.DETAILS:
            # The generated draft names the company: only when the member chose to share
            # details may it go to the channel.
            return Reply(text=f"Your draft names the company, and "
                              f"#{interview.number} is shared as "
                              f"{interview.share.value}. Paste your own version to post it "
                              f"(`share draft {interview.number} <your text>`), or first "
                              f"`share {interview.number} details`.")
        if own_text.strip():
            drafts: tuple[Draft, ...] = (
                Draft(title="Thank-you draft", body=short(own_text.strip(), MAX_DRAFT_TEXT)),)
        else:
            tz = ZoneInfo(person.tz)
            drafts = tuple(
                notes.thank_you_variant(interview, who, tz, tone=person.tone, medium="email",
                                        sender_name=person.display_name)
                for who in interview.interviewers[:MAX_DRAFTS])
            if not with_names:
                drafts = tuple(without_names(d, interview) for d in drafts)
        identity = identity_for(self.repo.identities_of(person.id), club)
        now = self.clock.now()
        body = encode(draft_reply(person, identity, membership, club, drafts))
        # Each request is its own post (a revised draft is reviewed again); the suffix
        # keeps two requests in the same second apart.
        for attempt in range(10):
            ref = f"{interview.id}:{now.isoformat()}:{attempt}"
            if self.repo.add_post(club.id, PostKind.DRAFT, ref, body, now, now,
                                  person_id=person.id) is not None:
                break
        if own_text.strip():
            shown = "It shows your text as you wrote it."
        elif with_names:
            shown = "It shows your interviewers' names, as you asked."
        else:
            shown = (f"Your interviewers appear by role, not by name; `share draft "
                     f"{interview.number} with names` would show their names.")
        return Reply(text=f"I've posted your draft in {club.name} for feedback; "
                          f"replies will come in its thread. {shown}")

    def _target(self, person: Person, inbound: Inbound) -> Club | Reply:
        """The club said in, else the member's only club, else a question."""
        where = channel_of(inbound)
        if where is not None:
            here = self.repo.club_at(where)
            if here is not None:
                return here
        clubs = self.repo.clubs_of(person.id)
        if len(clubs) == 1:
            return clubs[0]
        if not clubs:
            return Reply(text="You're not in a job-search club yet. In a club's channel, "
                              "type `club join`.")
        names = ", ".join(c.name for c in clubs)
        return Reply(text=f"Which club should see it? You're in {names}. Run the same "
                          "`share draft` command in that club's channel.")
