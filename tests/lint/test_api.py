"""`transcripts.lint(t)`: the library entry point, whichever way the package was imported."""

from __future__ import annotations

import subprocess
import sys

import transcripts
from transcripts.linter import LintSettings


def test_lint_takes_a_transcript_or_a_path(seed):
    from_path = transcripts.lint(seed)
    from_transcript = transcripts.lint(transcripts.read(seed))
    assert [(f.line, f.code) for f in from_path] == [(f.line, f.code) for f in from_transcript]
    assert [f.rule for f in from_path] == [
        "misquote",
        "misquote",
        "non-speaker-label",
        "orphaned-passage",
        "duplicate-passage",
    ]


def test_select_ignore_and_settings(seed):
    assert [f.code for f in transcripts.lint(seed, select=["TR2"])] == ["TR201"]
    assert [f.code for f in transcripts.lint(seed, ignore=["TR1", "TR4"])] == ["TR201"]
    settings = LintSettings.from_config({"rules": {"TR201": {"min-length": 80}}})
    assert "TR201" not in [f.code for f in transcripts.lint(seed, settings=settings)]


def test_lint_is_a_function_even_after_the_lint_engine_was_imported(seed):
    code = (
        "import inspect, transcripts.linter.registry, transcripts; "
        "assert inspect.isfunction(transcripts.lint); "
        f"print(len(transcripts.lint({str(seed)!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "5"


def test_a_transcript_from_json_without_raw_text_or_labels_gives_the_same_lines(seed):
    data = transcripts.read(seed).to_dict()
    for block in data["blocks"]:
        block.pop("raw", None)
        block.pop("label", None)
    findings = transcripts.lint(transcripts.Transcript.from_dict(data))
    assert [(f.line, f.code) for f in findings] == [
        (2, "TR401"),
        (2, "TR401"),
        (21, "TR102"),
        (22, "TR101"),
        (30, "TR201"),
    ]
    assert findings[2].message.startswith("The note “With the potential involvement")
