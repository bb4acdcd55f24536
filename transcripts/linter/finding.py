"""What the linter reports: a `Finding` at a place in a file, and the severities it may have."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from ..errors import TranscriptError


class Severity(IntEnum):
    """How much a finding matters; ordered, so "at or above warning" is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    def __format__(self, spec: str) -> str:  # f"{severity}" is its name on every Python
        return format(str(self), spec)

    @classmethod
    def parse(cls, value: Any, where: str = "severity") -> Severity:
        """`"warning"` (any case) or a `Severity` itself; anything else is a clear error."""
        if isinstance(value, Severity):
            return value
        if isinstance(value, str):
            try:
                return cls[value.strip().upper()]
            except KeyError:
                pass
        raise TranscriptError(
            f"{where}: expected one of error, warning, info; found {value!r}"
        ) from None


@dataclass(frozen=True, slots=True)
class Location:
    """Another place a finding points at (the earlier copy of a duplicate)."""

    path: str
    line: int
    column: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line}


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule's `check()` yields: where in the transcript, and what is wrong.

    Lines are 1-based source lines and columns 1-based characters. The engine adds the
    file, the rule's code and name, and the severity the configuration gives it.
    `related` holds (line, column) pairs in the same file.
    """

    line: int
    message: str
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    related: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported defect: where, which rule, how severe, what to do about it."""

    path: str
    line: int
    column: int
    end_line: int
    code: str
    rule: str
    severity: Severity
    message: str
    related: tuple[Location, ...] = field(default=())
    end_column: int | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (documented in transcripts-lint(1)); its keys are stable."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "related": [location.to_dict() for location in self.related],
        }
