"""Typed commands as JSON and back, so a question with buttons can hold what each does.

Only the command, reference, span and value types of `bot.commands` and `bot.model` can
be read back: a stored choice naming anything else is refused (`ValueError`), never
built.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from datetime import date, datetime, time, timedelta
from typing import Any

from bot import commands, model


def _types() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in (commands, model):
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__ and (
                    dataclasses.is_dataclass(value) or issubclass(value, enum.Enum)):
                found[name] = value
    return found


_TYPES = _types()


def encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": type(value).__name__, "fields": fields}
    if isinstance(value, enum.Enum):
        return {"enum": type(value).__name__, "value": value.value}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, time):
        return {"time": value.isoformat()}
    if isinstance(value, timedelta):
        return {"seconds": value.total_seconds()}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in a choice")


def decode(data: Any) -> Any:
    if isinstance(data, list):
        return tuple(decode(v) for v in data)
    if not isinstance(data, dict):
        return data
    if "type" in data:
        cls = _TYPES.get(str(data["type"]))
        if cls is None or not dataclasses.is_dataclass(cls):
            raise ValueError(f"unknown stored type {data['type']!r}")
        fields = {name: decode(v) for name, v in dict(data.get("fields", {})).items()}
        return cls(**fields)
    if "enum" in data:
        cls = _TYPES.get(str(data["enum"]))
        if cls is None or not issubclass(cls, enum.Enum):
            raise ValueError(f"unknown stored enum {data['enum']!r}")
        return cls(data["value"])
    if "datetime" in data:
        return datetime.fromisoformat(data["datetime"])
    if "date" in data:
        return date.fromisoformat(data["date"])
    if "time" in data:
        return time.fromisoformat(data["time"])
    if "seconds" in data:
        return timedelta(seconds=float(data["seconds"]))
    raise ValueError("unreadable stored value")


def decode_command(data: Any) -> commands.Command:
    value = decode(data)
    if not isinstance(value, typing.get_args(commands.Command)):
        raise ValueError("a stored choice that is no command")
    return typing.cast(commands.Command, value)
