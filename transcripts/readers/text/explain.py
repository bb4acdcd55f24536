"""`transcripts parse --explain`: what the text reader inferred about a document's labels,
in words: the conventions chosen with counts and examples, the families of label-like
lines rejected with their reasons, and (with `verbose`) every candidate's verdict."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...plurals import plural
from ...terminal import printable
from .evidence import Family, Inference, Use

_EXAMPLES = 3
_REJECTED_SHOWN = 6


def render(inference: Inference, path: str, verbose: bool = False) -> str:
    """The report for one document, as lines of text."""
    out = [f"{printable(path)}: {inference.summary()}"]
    if inference.attributed is not None:
        out.append(f"  speech attributed: {inference.attributed:.0%} of the dialogue-like text")
    if inference.warning:
        out.append(f"  warning: {inference.warning}")
    for number, convention in enumerate(inference.conventions, 1):
        accepted = convention.accepted()
        people = Counter(use.key for use in accepted)
        out.append(
            f"  convention {number}: {convention.describe()}: {plural(len(accepted), 'label')},"
            f" {plural(len(people), 'name')} ({convention.reason})"
        )
        if convention.habits:
            habits = ", ".join(f"{h.name} ({h.share:.0%})" for h in convention.habits)
            out.append(f"    habits: {habits}")
        out.append(f"    e.g. {_examples(accepted)}")
        refused = [use for use in convention.family.uses if not use.accepted]
        if refused:
            reasons = Counter(use.verdict.reason for use in refused if use.verdict)
            out.append(f"    {plural(len(refused), 'line')} of this shape not taken:")
            for reason, count in reasons.most_common():
                example = next(u for u in refused if u.verdict and u.verdict.reason == reason)
                out.append(f"      {count} × {reason}, e.g. {_example(example)}")
    for rejection in inference.rejected[:_REJECTED_SHOWN]:
        family = rejection.family
        out.append(
            f"  rejected: {family.describe()}: {plural(len(family.uses), 'line')},"
            f" {plural(len(family.names()), 'name')}: {rejection.reason}"
        )
        out.append(f"    e.g. {_examples(family.examples(_EXAMPLES))}")
    hidden = len(inference.rejected) - _REJECTED_SHOWN
    if hidden > 0:
        out.append(f"  ... and {hidden} more rejected shapes")
    if verbose:
        out.append("  every candidate:")
        for use in inference.uses:
            verdict = use.verdict
            mark = "label" if verdict and verdict.accepted else "not  "
            out.append(
                f"    {mark} line {use.line + 1}: {printable(use.shape.label)!s}"
                f" ({verdict.reason if verdict else 'undecided'})"
            )
    return "\n".join(out)


def _example(use: Use) -> str:
    return f"line {use.line + 1} {printable(use.shape.label)!r}"


def _examples(uses: list[Use] | Family) -> str:
    return ", ".join(_example(use) for use in list(uses)[:_EXAMPLES]) or "none"


def to_dict(inference: Inference, path: str) -> dict[str, Any]:
    """The report as data, for `--explain --format json`."""

    def use_dict(use: Use) -> dict[str, Any]:
        return {
            "line": use.line + 1,
            "label": use.shape.label,
            "name": use.shape.name,
            "accepted": bool(use.verdict and use.verdict.accepted),
            "reason": use.verdict.reason if use.verdict else None,
        }

    return {
        "path": path,
        "summary": inference.summary(),
        "declared": inference.declared,
        "attributed": inference.attributed,
        "warning": inference.warning,
        "conventions": [
            {
                "shape": c.describe(),
                "signature": c.signature._asdict(),
                "reason": c.reason,
                "habits": {h.name: round(h.share, 3) for h in c.habits},
                "labels": len(c.accepted()),
                "names": dict(Counter(use.shape.name for use in c.accepted())),
            }
            for c in inference.conventions
        ],
        "rejected": [
            {
                "shape": r.family.describe(),
                "signature": r.family.signature._asdict(),
                "reason": r.reason,
                "lines": len(r.family.uses),
                "examples": [use_dict(use) for use in r.family.examples(_EXAMPLES)],
            }
            for r in inference.rejected
        ],
        "candidates": [use_dict(use) for use in inference.uses],
    }
