"""Exception types raised by the public API.

Every error names the field that was wrong. They subclass the built-in ``TypeError`` /
``ValueError`` so callers that already catch those keep working.
"""

from __future__ import annotations


class MigrationExtractError(Exception):
    """Base class of every error this package raises on purpose."""

    def __init__(self, message: str, *, field: str | None = None, record: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.record = record


class InputTypeError(MigrationExtractError, TypeError):
    """A value has the wrong type (``text`` given as bytes, ``published`` as an int...)."""


class InputValueError(MigrationExtractError, ValueError):
    """A value has the right type but cannot be used."""


class InvalidDateError(InputValueError):
    """``published`` (or a date field of a record) is not a valid ISO date."""


class InvalidRecordError(InputValueError):
    """A batch record (dict, tuple, JSON line, claim dict) is malformed."""


__all__ = [
    "InputTypeError",
    "InputValueError",
    "InvalidDateError",
    "InvalidRecordError",
    "MigrationExtractError",
]
