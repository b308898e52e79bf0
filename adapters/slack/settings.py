"""What an operator sets for Slack: tokens, the signing secret and how commands are answered."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, SecretStr


class SlackSettings(BaseModel):
    """The Slack part of `adapters.settings.Settings`; secrets never print."""

    # "inline": the Slack process answers a slash command itself, after the ack;
    # "queue": it stores the command and acks, and the process that delivers answers it.
    slack_commands: Literal["inline", "queue"] = Field(
        default="inline", validation_alias="FOLLOWUP_SLACK_COMMANDS")
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias="SLACK_SIGNING_SECRET"
    )
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str | None = Field(default=None, validation_alias="SLACK_API_URL")

    @property
    def has_slack(self) -> bool:
        return self.slack_bot_token is not None
