"""Findings rendered for people and machines: text, json, github and sarif, and the
per-rule statistics. Each formatter is a function in `FORMATTERS` (no if/elif chain)."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from .._version import __version__
from ..plurals import plural
from ..terminal import json_escaped, printable
from .finding import Finding, Severity
from .registry import Rule, all_rules

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def use_colour(stream: object = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def text(findings: Sequence[Finding], colour: bool = False) -> str:
    """`path:line:col: CODE [name] message`, one per line, in file and line order; what
    came from a file (its name, quoted text) is shown with control characters escaped."""
    lines = []
    for finding in findings:
        place = f"{printable(finding.path)}:{finding.line}:{finding.column}:"
        code = finding.code
        if colour:
            import click

            place = click.style(place, bold=True)
            code = click.style(code, fg=_COLOURS[finding.severity], bold=True)
        lines.append(f"{place} {code} [{finding.rule}] {printable(finding.message)}")
    return "".join(line + "\n" for line in lines)


def json_array(findings: Sequence[Finding], colour: bool = False) -> str:
    """A JSON array of findings (the keys are documented in transcripts-lint(1))."""
    return _json([f.to_dict() for f in findings])


def _json(data: object) -> str:
    """JSON for a terminal as well as a program: characters that could act on a terminal
    are written as `\\uXXXX` escapes, which read back as the same text."""
    import json  # only for JSON and SARIF output: not at every start-up

    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def github(findings: Sequence[Finding], colour: bool = False) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file.

    Each finding is one line whatever its text holds: the workflow syntax's own escapes
    (`%`, CR and LF; also `:` and `,` in the properties), then every other control
    character shown escaped (`printable`), so no text from a file can end the line and
    start a workflow command of its own, or act on the log's terminal."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in findings:
        properties = {
            "file": f.path,
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "title": f"{f.code} {f.rule}",
        }
        fields = ",".join(
            f"{key}={_escape_property(str(value))}" for key, value in properties.items()
        )
        lines.append(f"::{level[f.severity]} {fields}::{_escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)


def _escape_data(value: str) -> str:
    # Line breaks become the syntax's own escapes (the annotation shows them as breaks);
    # every other control character is shown escaped.
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif_log(
    findings: Sequence[Finding],
    rules: Sequence[Rule] | None = None,
    errors: Sequence[str] = (),
) -> dict[str, Any]:
    """A SARIF 2.1.0 log: one run, the rules' metadata in the tool's driver, one result
    per finding with the earlier copy of a duplicate as a related location, and files
    that could not be read as notifications of a failed execution."""
    rules = list(rules if rules is not None else all_rules())
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = []
    seen: Counter[tuple[str, str]] = Counter()
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _SARIF_LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(f.path, f.line, f.column, f.end_line, f.end_column)],
        }
        if f.fingerprint:
            # Code scanning tracks a result across edits by this (rule and line text,
            # and which occurrence in the file), as its own primaryLocationLineHash.
            seen[f.path, f.fingerprint] += 1
            number = seen[f.path, f.fingerprint]
            result["partialFingerprints"] = {"transcripts/v1": f"{f.fingerprint}:{number}"}
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.related:
            result["relatedLocations"] = [
                {
                    "id": number,
                    **_location(r.path, r.line, r.column),
                    "message": {"text": r.message or "earlier occurrence"},
                }
                for number, r in enumerate(f.related)
            ]
        results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "transcripts",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://github.com/transcripts/transcripts",
                "rules": [_rule_descriptor(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": message}} for message in errors
                ],
            }
        ],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif(
    findings: Sequence[Finding],
    colour: bool = False,
    errors: Sequence[str] = (),
    with_statistics: bool = False,
) -> str:
    """The SARIF log as text; `with_statistics`, the run also carries the counts per
    rule (`--statistics --format sarif`: still SARIF, never a text table)."""
    log = sarif_log(findings, errors=errors)
    if with_statistics:
        import json

        counts = json.loads(statistics(findings, as_json=True))
        log["runs"][0]["properties"] = {"statistics": counts}
    return _json(log)


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
        "properties": {"tags": [rule.name]},
    }


def _location(
    path: str, line: int, column: int, end_line: int | None = None, end_column: int | None = None
) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(1, line), "startColumn": max(1, column)}
    if end_line is not None and end_line >= line:
        region["endLine"] = end_line
    if end_column is not None and end_line in (None, line) and end_column > column:
        region["endColumn"] = end_column
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _uri(path: str) -> str:
    """A relative path as a relative URI reference (what code scanning expects), an
    absolute one as a file: URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return url_quote(Path(path).as_posix())


FORMATTERS: dict[str, Callable[..., str]] = {
    "text": text,
    "json": json_array,
    "github": github,
    "sarif": sarif,
}


def statistics(findings: Sequence[Finding], as_json: bool = False) -> str:
    """How many findings each rule made, most first (`--statistics`)."""
    counts = Counter((f.code, f.rule, f.severity) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if as_json:
        data = [
            {"code": code, "rule": rule, "severity": str(severity), "count": count}
            for (code, rule, severity), count in rows
        ]
        return _json(data)
    if not rows:
        return ""
    width = len(str(rows[0][1]))
    return "".join(
        f"{count:>{width}}  {code}  [{rule}]  {severity}\n"
        for (code, rule, severity), count in rows
    )


def summary(findings: Sequence[Finding], files: int) -> str:
    """One line for people: "3 findings (1 error, 2 warnings) in 2 files"."""
    if not findings:
        return f"no findings in {plural(files, 'file')}"
    by_severity = Counter(f.severity for f in findings)
    parts = [
        plural(by_severity[s], str(s))
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if by_severity[s]
    ]
    paths = len({f.path for f in findings})
    return (
        f"{plural(len(findings), 'finding')} ({', '.join(parts)}) in {paths} of "
        f"{plural(files, 'file')}"
    )
