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
    # OAuth ("Add to Slack"): all three switch it on, and a token per workspace with it.
    slack_client_id: str | None = Field(default=None, validation_alias="SLACK_CLIENT_ID")
    slack_client_secret: SecretStr | None = Field(default=None,
                                                  validation_alias="SLACK_CLIENT_SECRET")
    slack_scopes: str | None = Field(default=None, validation_alias="SLACK_SCOPES")
    # Where Slack sends the installer back; unset, Slack uses the app's only redirect URL.
    slack_redirect_uri: str | None = Field(default=None, validation_alias="SLACK_REDIRECT_URI")
    # Seals installations at rest; unset, a key is derived from SLACK_CLIENT_SECRET.
    slack_token_key: SecretStr | None = Field(default=None,
                                              validation_alias="FOLLOWUP_TOKEN_KEY")

    @property
    def slack_oauth(self) -> bool:
        """OAuth mode: installations from many workspaces instead of one bot token."""
        return bool(self.slack_client_id and self.slack_client_secret and self.slack_scopes)

    @property
    def has_slack(self) -> bool:
        return self.slack_bot_token is not None or self.slack_oauth
