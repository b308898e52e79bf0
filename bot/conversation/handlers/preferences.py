"""The person's settings: time zone, quiet hours, name, phone and the drafts' tone."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from bot.commands import SetName, SetPhone, SetQuietHours, SetTimeZone, SetTone
from bot.content.formatting import when
from bot.conversation.turn import Turn
from bot.messages import Reply
from bot.model import QuietHours
from bot.text import short


def _replan_all(turn: Turn) -> None:
    for interview in turn.open_interviews():
        turn.replan(interview)


def time_zone(turn: Turn, command: SetTimeZone) -> list[Reply]:
    if not command.said and command.zone is None:
        return [Reply(text=f"Your time zone is {turn.person.tz}. Change it with "
                           "`tz Europe/London` (or a city name).")]
    zone = command.zone
    if zone is None:
        return [Reply(text=f"I don't know the time zone {short(command.said, 40)!r}. "
                           "Use a name like `America/Chicago` or a city like `Paris`.")]
    turn.refresh(turn.repo.update_person(turn.person.id, tz=zone, tz_confirmed=True))
    _replan_all(turn)
    return [Reply(text=f"Time zone set to {zone}; it's {when(turn.now, ZoneInfo(zone))} "
                       "there. I've re-timed your reminders.")]


def quiet_hours(turn: Turn, command: SetQuietHours) -> list[Reply]:
    if not command.said and command.hours is None:
        q = turn.person.quiet
        return [Reply(text=f"Quiet hours: {q.start:%H:%M}–{q.end:%H:%M}. Change with "
                           "`quiet 22:00-07:00`.")]
    if command.hours is None:
        return [Reply(text="Give quiet hours as a range, e.g. `quiet 21:00-08:00` or "
                           "`quiet 10pm-7am`.")]
    quiet = QuietHours(*command.hours)
    turn.refresh(turn.repo.update_person(turn.person.id, quiet=quiet))
    _replan_all(turn)
    return [Reply(text=f"Quiet hours set to {quiet.start:%H:%M}–{quiet.end:%H:%M}. "
                       "I won't message you then, except a same-day thank-you reminder.")]


def name(turn: Turn, command: SetName) -> list[Reply]:
    if not command.name:
        return [Reply(text="Tell me your name for the drafts: `name Alex Doe`.")]
    turn.refresh(turn.repo.update_person(turn.person.id, display_name=short(command.name, 80)))
    return [Reply(text=f"Thanks, {short(command.name, 80)}. I'll sign drafts with it.")]


def phone(turn: Turn, command: SetPhone) -> list[Reply]:
    digits = re.sub(r"[^\d+]", "", command.number)
    if re.search(r"[^\W\d_]{2,}", re.sub(r"\b(?:ext|x)\b", "", command.number, flags=re.I)):
        # "phone number for Jane Smith 555…": someone else's number, never saved as yours
        return [Reply(text="I didn't save that: `phone` is your own number, for your "
                           "voicemail script, e.g. `phone 555 123 4567`. For an "
                           "interviewer's number, say `Jane Smith's number is 555 123 4567`.")]
    if not 7 <= len(digits) <= 16:
        return [Reply(text="That doesn't look like a phone number. e.g. `phone 555 123 4567`.")]
    turn.refresh(turn.repo.update_person(turn.person.id, phone=short(command.number, 30)))
    return [Reply(text="Saved. Your voicemail script will include it, said twice.")]


def tone(turn: Turn, command: SetTone) -> list[Reply]:
    if command.tone is None:
        return [Reply(text=f"Your drafts are {turn.person.tone.value}. Choose `tone formal` "
                           "(Dear Ms Smith … Yours sincerely) or `tone warm` (Hi Jane … "
                           "Best wishes).")]
    turn.refresh(turn.repo.update_person(turn.person.id, tone=command.tone))
    return [Reply(text=f"From now on your thank-you drafts are {command.tone.value}.")]
