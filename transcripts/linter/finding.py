"""What the linter reports: a `Finding` at a place in a file, and the severities it may have."""

from __future__ import annotations

from enum import IntEnum
from typing import Any, NamedTuple

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


class Location(NamedTuple):
    """Another place a finding points at (the earlier copy of a duplicate), and what it
    is when it is not that (`message`)."""

    path: str
    line: int
    column: int = 1
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "line": self.line}
        if self.message:
            data["message"] = self.message
        return data


class Edit(NamedTuple):
    """Replace the source text from (`line`, `column`) up to, not including, (`end_line`,
    `end_column`) with `replacement`. Lines and columns are 1-based; columns count
    characters and a line's ending is not part of it, so (line + 1, 1) is "after the
    line ending"."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "replacement": self.replacement,
        }


class Fix(NamedTuple):
    """How a rule would mend what it found: edits of the source text, and whether they
    are safe (they cannot change what was said: an HTML entity, an invisible or control
    character, mojibake) or not (a speaker renamed, a repeated turn removed), which
    `lint --fix` applies only with `--unsafe-fixes`."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": "safe" if self.safe else "unsafe",
            "message": self.description,
            "edits": [edit.to_dict() for edit in self.edits],
        }


class Problem(NamedTuple):
    """What a rule's `check()` yields: where in the transcript, and what is wrong.

    Lines are 1-based source lines and columns 1-based characters. The engine adds the
    file, the rule's code and name, and the severity the configuration gives it.
    `related` holds (line, column) pairs in the same file, `elsewhere` places in other
    files (the copy of a passage in another transcript); `fix`, where the rule knows
    one, the edits that would mend the problem (the engine applies them).
    """

    line: int
    message: str
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    related: tuple[tuple[int, int], ...] = ()
    fix: Fix | None = None
    elsewhere: tuple[Location, ...] = ()


class Finding(NamedTuple):
    """One reported defect: where, which rule, how severe, what to do about it.

    `fingerprint` identifies the finding across edits that move it: a hash of the rule
    and the text of the line it is on (not of its line number), which baselines match
    and SARIF carries as a partial fingerprint. `fix` is the rule's fix, if any, in the
    transcript's own lines."""

    path: str
    line: int
    column: int
    end_line: int
    code: str
    rule: str
    severity: Severity
    message: str
    related: tuple[Location, ...] = ()
    end_column: int | None = None
    fingerprint: str = ""
    fix: Fix | None = None

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
            "fingerprint": self.fingerprint,
            "fix": self.fix.to_dict() if self.fix else None,
        }
