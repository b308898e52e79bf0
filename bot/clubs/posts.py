"""What goes into a club's channel: moments, draft reviews, notices, and the weekly digest.

Moments, drafts and notices are written when they happen and stored as a neutral reply
(JSON) in the outbox; a digest stores only its slot and is written when it is sent.
`prepare` is what delivery calls to turn a claimed post into the reply to post.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.clubs.activity import name_of
from bot.clubs.digest import digest_reply
from bot.clubs.model import Club, ClubPost, Membership, PostKind, shares_at_least
from bot.clubs.schedule import STALE_DIGEST, digest_slot, ensure_digest
from bot.messages import Draft, Field, Reply
from bot.model import Identity, Interview, Outcome, Person, ShareLevel
from bot.ports.repository import Repository
from bot.text import short

#: Outcomes worth a congratulation in the channel. Everything else stays private.
CELEBRATED = (Outcome.OFFER, Outcome.NEXT_ROUND)


def encode(reply: Reply) -> str:
    """A channel reply as JSON for the outbox (files and buttons are never posted)."""
    return json.dumps({
        "title": reply.title,
        "text": reply.text,
        "fields": [[f.label, f.value] for f in reply.fields],
        "drafts": [[d.title, d.body] for d in reply.drafts],
        "mentions": list(reply.mentions),
    })


def decode(body: str) -> Reply:
    data: dict[str, Any] = json.loads(body)
    return Reply(
        title=data.get("title"),
        text=data.get("text", ""),
        fields=tuple(Field(label, value) for label, value in data.get("fields", [])),
        drafts=tuple(Draft(title, text) for title, text in data.get("drafts", [])),
        mentions=tuple(data.get("mentions", [])),
        private=False,
    )


def moment_reply(club: Club, person: Person, identity: Identity | None,
                 membership: Membership, interview: Interview) -> Reply:
    """A congratulation: the company and role only if the member shares details."""
    who, user = name_of(person, identity, mention=membership.mentions,
                        platform=club.where.platform)
    where = ""
    if shares_at_least(interview.share, ShareLevel.DETAILS):
        role, company = short(interview.role, 80), short(interview.company, 80)
        where = f" for {role} at {company}"
    if interview.outcome is Outcome.OFFER:
        text = (f"🎉 Big news: {who} has an offer{where}! Every note and call along the way "
                "played its part. Congratulations!")
    else:
        text = (f"👏 {who} is through to the next round{where}. Following up works: "
                "good luck for the next one!")
    return Reply(text=text, mentions=(user,) if user else (), private=False)


def draft_reply(person: Person, identity: Identity | None, membership: Membership,
                club: Club, drafts: tuple[Draft, ...]) -> Reply:
    """A member's thank-you draft for the club to review, written as they wrote it."""
    who, user = name_of(person, identity, mention=membership.mentions,
                        platform=club.where.platform)
    safe = tuple(Draft(title=d.title, body=d.body) for d in drafts)
    return Reply(
        title="Feedback wanted on a thank-you note",
        text=(f"{who[:1].upper()}{who[1:]} would like a second pair of eyes on this "
              "thank-you. Reply in the thread: is it warm, specific, and does it ask to "
              "hear back either way?"),
        drafts=safe,
        mentions=(user,) if user else (),
        private=False,
    )


def started_reply(club: Club, schedule: str) -> Reply:
    return Reply(
        title="This channel is now a job-search club",
        text=(f"{club.name} is open. I'll help everyone here follow up after "
              "interviews and cheer each other on. "
              "Type `club join` to take part. Your interviews stay private: the club sees "
              f"progress counts, never companies or names, unless you choose otherwise. "
              f"A digest of the week's follow-ups arrives every {schedule}."),
        private=False,
    )


def prepare(repo: Repository, club: Club, post: ClubPost, now: datetime) -> Reply | None:
    """The reply to post for a claimed `post`, or None to drop it.

    A digest first queues next week's, so the weekly chain survives a crash while
    sending. One more than STALE_DIGEST late (delivery was down) is dropped rather than
    posted, and so is one for a club nobody belongs to any more.
    """
    if post.kind is not PostKind.DIGEST:
        return decode(post.body)
    slot = digest_slot(post)
    ensure_digest(repo, club, max(slot, now - STALE_DIGEST), now)
    if now - slot > STALE_DIGEST or not repo.club_members(club.id):
        return None
    return digest_reply(repo, club, slot)
