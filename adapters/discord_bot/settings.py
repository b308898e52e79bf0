"""What an operator sets for Discord: the token, a test server, the process's shard,
where /healthz is served, and how patiently an unreachable gateway is retried."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, Field, SecretStr, model_validator


class DiscordSettings(BaseModel):
    """The Discord part of `adapters.settings.Settings`; the token never prints."""

    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    discord_guild_id: int | None = Field(default=None, validation_alias="DISCORD_GUILD_ID")
    discord_api_url: str | None = Field(default=None, validation_alias="DISCORD_API_URL")
    discord_shard_id: int | None = Field(default=None, validation_alias="DISCORD_SHARD_ID",
                                         ge=0)
    discord_shard_count: int | None = Field(default=None, ge=1,
                                            validation_alias="DISCORD_SHARD_COUNT")
    discord_health_port: int | None = Field(default=None, ge=1, le=65535,
                                            validation_alias="DISCORD_HEALTH_PORT")
    # Waits between attempts to reach Discord at start-up: doubling from the first, capped.
    discord_retry_first: float = Field(default=1.0, gt=0,
                                       validation_alias="DISCORD_RETRY_FIRST_SECONDS")
    discord_retry_max: float = Field(default=60.0, gt=0,
                                     validation_alias="DISCORD_RETRY_MAX_SECONDS")

    @model_validator(mode="after")
    def _shards_together(self) -> Self:
        if (self.discord_shard_id is None) != (self.discord_shard_count is None):
            raise ValueError("set DISCORD_SHARD_ID and DISCORD_SHARD_COUNT together")
        if self.discord_shard_id is not None and self.discord_shard_count is not None \
                and self.discord_shard_id >= self.discord_shard_count:
            raise ValueError("DISCORD_SHARD_ID must be below DISCORD_SHARD_COUNT")
        return self

    @property
    def has_discord(self) -> bool:
        return self.discord_token is not None
