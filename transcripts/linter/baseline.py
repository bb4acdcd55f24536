"""Baselines: the findings a team has accepted for now, so that lint fails on new ones only.

A baseline is a JSON file written by `transcripts lint --write-baseline FILE`. Each
finding is recorded by its path (relative to the baseline's folder), its rule and its
fingerprint (a hash of the rule and the text of the line it is on, so moving text up or
down keeps it matched; editing that line makes it new). Matching counts: a baseline
holding a finding twice accepts two such findings, and a third is new.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import TranscriptError
from .finding import Finding

VERSION = 1
_Key = tuple[str, str, str]


def _relative(path: str, folder: str) -> str:
    if path.startswith("<"):  # <stdin>
        return path
    return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def render(findings: Iterable[Finding], folder: str) -> str:
    """The baseline file's text for `findings`, paths relative to `folder`."""
    records = [
        {
            "path": _relative(f.path, folder),
            "code": f.code,
            "fingerprint": f.fingerprint,
            "line": f.line,
            "message": f.message,
        }
        for f in findings
    ]
    import json

    records.sort(key=lambda r: (r["path"], r["line"], r["code"]))
    data = {"version": VERSION, "tool": "transcripts", "findings": records}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class Baseline:
    """Accepted findings, matched by path, rule and fingerprint."""

    def __init__(self, keys: Iterable[_Key] = ()) -> None:
        self._accepted = Counter(keys)

    @classmethod
    def parse(cls, text: str, folder: str, where: str) -> Baseline:
        """A baseline from its file's text; `folder` is where its paths start."""
        import json

        try:
            data: Any = json.loads(text)
        except ValueError as error:
            raise TranscriptError(f"not a baseline (invalid JSON: {error})", where) from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise TranscriptError("not a baseline: expected an object with 'findings'", where)
        if data.get("version", VERSION) != VERSION:
            raise TranscriptError(f"baseline version {data.get('version')!r} is not 1", where)
        keys = []
        for number, record in enumerate(data["findings"]):
            try:
                path, code, fingerprint = record["path"], record["code"], record["fingerprint"]
            except (KeyError, TypeError):
                raise TranscriptError(
                    f"findings[{number}]: needs path, code and fingerprint", where
                ) from None
            if not all(isinstance(v, str) for v in (path, code, fingerprint)):
                raise TranscriptError(f"findings[{number}]: expected strings", where)
            absolute = (
                path if path.startswith("<") else os.path.normpath(os.path.join(folder, path))
            )
            keys.append((absolute, code, fingerprint))
        return cls(keys)

    def new(self, findings: Sequence[Finding]) -> tuple[list[Finding], int]:
        """The findings the baseline does not hold, and how many it held."""
        left = Counter(self._accepted)
        fresh = []
        for finding in findings:
            path = finding.path if finding.path.startswith("<") else os.path.abspath(finding.path)
            key = (path, finding.code, finding.fingerprint)
            if left[key] > 0:
                left[key] -= 1
            else:
                fresh.append(finding)
        return fresh, len(findings) - len(fresh)
