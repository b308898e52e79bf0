"""All configuration, read once at start from the environment and `.env`: the core's
settings here, composed with each platform adapter's own."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.discord_bot.settings import DiscordSettings
from adapters.slack.settings import SlackSettings
from bot.model import QuietHours


def default_database_url() -> str:
    folder = Path(user_data_dir("followup-bot", appauthor=False))
    return f"sqlite:///{folder / 'followup.db'}"


def system_zone() -> str:
    """The machine's zone name, so a newcomer's terminal chat starts in their own time."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
        if name:
            ZoneInfo(name)
            return name
    except Exception:
        pass
    return "UTC"


def parse_quiet(text: str) -> QuietHours:
    """'21:00-08:00' -> QuietHours; raises ValueError with a readable reason."""
    try:
        start_text, end_text = (part.strip() for part in text.split("-", 1))
        return QuietHours(time.fromisoformat(start_text), time.fromisoformat(end_text))
    except ValueError as exc:
        raise ValueError(f"expected HH:MM-HH:MM, for example 21:00-08:00, got {text!r}") from exc


class Settings(SlackSettings, DiscordSettings, BaseSettings):
    """Everything an operator can set: the core's here, each platform's in its adapter
    (`SlackSettings`, `DiscordSettings`). Secrets are SecretStr, so they never print."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    database_url: str = Field(default_factory=default_database_url,
                              validation_alias="FOLLOWUP_DATABASE_URL")
    timezone: str = Field(default_factory=system_zone, validation_alias="FOLLOWUP_TIMEZONE")
    quiet_hours: str = Field(default="21:00-08:00", validation_alias="FOLLOWUP_QUIET_HOURS")
    log_level: str = Field(default="INFO", validation_alias="FOLLOWUP_LOG_LEVEL")
    log_format: Literal["text", "json"] = Field(default="text",
                                                validation_alias="FOLLOWUP_LOG_FORMAT")
    # "inline": each platform process delivers its own reminders; "off": leave it to
    # a separate `followup-bot clock` process.
    delivery: Literal["inline", "off"] = Field(default="inline",
                                               validation_alias="FOLLOWUP_DELIVERY")
    port: int = Field(default=3000, validation_alias="PORT", ge=1, le=65535)
    public_url: str | None = Field(default=None, validation_alias="FOLLOWUP_PUBLIC_URL")
    # Days a workspace's data is kept after the bot is removed from it, in case it is
    # added back (docs/slack.md, "Leaving").
    departed_grace_days: int = Field(default=30, ge=0, le=3650,
                                     validation_alias="FOLLOWUP_DEPARTED_GRACE_DAYS")
    # Private mail addresses live at this domain; its MX points at `followup-bot mail`,
    # or a provider's inbound webhook posts to /mail/inbound with FOLLOWUP_MAIL_SECRET.
    mail_domain: str | None = Field(default=None, validation_alias="FOLLOWUP_MAIL_DOMAIN")
    mail_secret: SecretStr | None = Field(default=None, validation_alias="FOLLOWUP_MAIL_SECRET")
    mail_host: str = Field(default="0.0.0.0", validation_alias="FOLLOWUP_MAIL_HOST")
    mail_port: int = Field(default=2525, validation_alias="FOLLOWUP_MAIL_PORT", ge=0, le=65535)
    # Messages one private address takes an hour and a day; more is refused (SMTP 452,
    # webhook 429) and never read.
    mail_per_hour: int = Field(default=20, ge=1, le=10_000,
                               validation_alias="FOLLOWUP_MAIL_PER_HOUR")
    mail_per_day: int = Field(default=100, ge=1, le=100_000,
                              validation_alias="FOLLOWUP_MAIL_PER_DAY")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as "
                             "America/New_York") from exc
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _valid_quiet(cls, value: str) -> str:
        parse_quiet(value)
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgres")):
            raise ValueError("use an sqlite:/// or postgresql:// URL")
        return value

    @property
    def quiet(self) -> QuietHours:
        return parse_quiet(self.quiet_hours)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class SettingsError(Exception):
    """A setting is wrong; the message is one line naming it, fit to print at start-up."""


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        name = ".".join(str(p) for p in first.get("loc", ()))
        if not name:
            raise SettingsError(f"Settings are invalid: {message}") from None
        # Errors name the environment variable (the alias) when it came from there.
        raise SettingsError(f"Setting {name.upper()} is invalid: {message}") from None
