"""`/followup fix …`: correcting an interview, or deleting one added by mistake.

One subcommand per thing to fix, each with the options that thing needs, so every one
builds the core's command directly (`/followup fix email interviewer:Jane
email:jane@acme.com` -> `CorrectInterview(#only, EMAIL, "Jane", "jane@acme.com")`), as
the text verbs `fix <n> …` and `delete <n>` do. They are a group because Discord allows
25 subcommands in `/followup`, and it has 24 of its own; `delete` is one of them for the
same reason, and because deleting is the last resort of fixing a mistake.
"""

from __future__ import annotations

import discord
from discord import app_commands

from adapters.discord_bot.commands import (
    INTERVIEW_HELP,
    FollowupCommands,
    NumberOption,
    _interview_complete,
    _interviewer_complete,
    _ref,
    _run,
    line,
)
from bot.commands import CorrectInterview, DeleteInterview, Fix, InterviewNumber

FIX_SUBCOMMANDS = ("company", "role", "when", "name", "add", "remove", "email", "phone",
                   "delete")
WHO_HELP = "Which interviewer (part of their name is enough)"

Name = app_commands.Range[str, 1, 120]


def correction(interview: int | None, field: Fix, *, who: str = "", value: str = ""
               ) -> CorrectInterview:
    """The core's correction, with `said` as the text verb would have it after the number."""
    who, value = who.strip(), value.strip()
    said = line(field.value, who, "->" if field is Fix.NAME else None, value)
    return CorrectInterview(_ref(interview), field, who=who, value=value, said=said)


class FixCommands(app_commands.Group):
    """`/followup fix <what>`: change one thing on an interview; the reply shows what moved."""

    def __init__(self) -> None:
        super().__init__(name="fix", description="Correct an interview, or delete one "
                                                 "added by mistake")

    @app_commands.command(description="Rename the company")
    @app_commands.describe(company="The company's name as it should be",
                           interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    async def company(self, interaction: discord.Interaction, company: Name,
                      interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.COMPANY, value=company))

    @app_commands.command(description="Rename the role")
    @app_commands.describe(role="The job title as it should be", interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    async def role(self, interaction: discord.Interaction, role: Name,
                   interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.ROLE, value=role))

    @app_commands.command(description="Change when the interview was")
    @app_commands.describe(when="For example: Dec 3 2pm, yesterday 10:30am",
                           interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    async def when(self, interaction: discord.Interaction,
                   when: app_commands.Range[str, 1, 100],
                   interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.WHEN, value=when))

    # Named `name_` in Python: `name` is the group's own name attribute.
    @app_commands.command(name="name", description="Fix how an interviewer's name is spelled")
    @app_commands.describe(interviewer=WHO_HELP, spelled="Their name as it should be",
                           interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    @app_commands.autocomplete(interviewer=_interviewer_complete)
    async def name_(self, interaction: discord.Interaction,
                   interviewer: app_commands.Range[str, 1, 100], spelled: Name,
                   interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.NAME, who=interviewer,
                                           value=spelled))

    @app_commands.command(description="Add an interviewer you left out")
    @app_commands.describe(interviewers="Names as they spell them: Jane Smith "
                                        "(jane@acme.com) and Bob Lee",
                           interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    async def add(self, interaction: discord.Interaction,
                  interviewers: app_commands.Range[str, 1, 500],
                  interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.ADD, value=interviewers))

    @app_commands.command(description="Take off an interviewer who was not there")
    @app_commands.describe(interviewer=WHO_HELP, interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    @app_commands.autocomplete(interviewer=_interviewer_complete)
    async def remove(self, interaction: discord.Interaction,
                     interviewer: app_commands.Range[str, 1, 100],
                     interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.REMOVE, who=interviewer))

    @app_commands.command(description="Set an interviewer's email, for their thank-you")
    @app_commands.describe(interviewer=WHO_HELP, email="name@company.com",
                           interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    @app_commands.autocomplete(interviewer=_interviewer_complete)
    async def email(self, interaction: discord.Interaction,
                    interviewer: app_commands.Range[str, 1, 100],
                    email: app_commands.Range[str, 3, 254],
                    interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.EMAIL, who=interviewer,
                                           value=email))

    @app_commands.command(description="Set an interviewer's phone number")
    @app_commands.describe(interviewer=WHO_HELP, phone="For example: 555 123 4567",
                           interview=INTERVIEW_HELP)
    @app_commands.autocomplete(interview=_interview_complete)
    @app_commands.autocomplete(interviewer=_interviewer_complete)
    async def phone(self, interaction: discord.Interaction,
                    interviewer: app_commands.Range[str, 1, 100],
                    phone: app_commands.Range[str, 3, 40],
                    interview: NumberOption | None = None) -> None:
        await _run(interaction, correction(interview, Fix.PHONE, who=interviewer,
                                           value=phone))

    @app_commands.command(description="Delete an interview added by mistake, for good "
                                      "(asks first; cancel keeps its history)")
    @app_commands.describe(interview="Which interview")
    @app_commands.autocomplete(interview=_interview_complete)
    async def delete(self, interaction: discord.Interaction,
                     interview: NumberOption) -> None:
        await _run(interaction, DeleteInterview(InterviewNumber(interview)))


def followup_commands() -> FollowupCommands:
    """`/followup` whole: its own subcommands, then the `fix` group."""
    group = FollowupCommands()
    group.add_command(FixCommands())
    return group
