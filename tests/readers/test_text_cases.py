"""Table-driven parser cases: every file in tests/cases/parse is one convention or trap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transcripts.api import parse
from transcripts.model import Block, Transcript

CASES = sorted((Path(__file__).parent.parent / "cases" / "parse").glob("*.case"))
_BLOCK = re.compile(
    r"(\d+)(?:-(\d+))? (\w+)(?:@([\d.]+))?(?: (continued))?(?: (.+?))?(?: \(as (.+?)\))?:(?: (.*))?"
)


def _split(path: Path) -> tuple[str, list[str]]:
    text = path.read_text(encoding="utf-8")
    source, _, expect = text.partition("=== expect\n")
    # (a line opening with "# " says why the case expects what it does)
    return source, [line for line in expect.splitlines() if line.strip() and line[:2] != "# "]


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _check_block(block: Block, line: str) -> None:
    match = _BLOCK.fullmatch(line)
    assert match, f"bad expectation line: {line!r}"
    first, last, kind, start, continued, who, written, text = match.groups()
    got = (
        f"{block.line}-{block.end_line} {block.kind}@{block.start} "
        f"{block.speaker or block.label} (as {block.label})"
    )
    assert block.line == int(first), got
    assert block.end_line == int(last or first), got
    assert block.kind == kind, got
    assert block.start == (float(start) if start else None), got
    assert block.continued == bool(continued), got
    assert (block.speaker if kind == "turn" else block.label) == who, got
    if written is not None:
        assert block.label == written, got
    actual = _collapse(block.text)
    text = text or ""
    if text.endswith("..."):
        assert actual.startswith(text[:-3]), f"{got}: {actual!r}"
    else:
        assert actual == text, f"{got}: {actual!r}"


def _check(transcript: Transcript, expect: list[str]) -> None:
    block_lines = [line for line in expect if line[:1].isdigit()]
    for line in expect:
        key, _, value = line.partition(":")
        if key == "speakers":
            assert transcript.speaker_names() == _names(value)
        elif key == "title":
            assert transcript.title == value.strip()
        elif key == "tags":
            assert transcript.metadata.get("tags") == _names(value)
        elif key == "aliases":
            name, _, forms = value.partition("=")
            speaker = next(s for s in transcript.speakers if s.name == name.strip())
            assert list(speaker.aliases) == [form.strip() for form in forms.split("|")]
    summary = [f"{b.line} {b.kind} {b.speaker or b.label or ''}" for b in transcript.blocks]
    assert len(transcript.blocks) == len(block_lines), summary
    for block, line in zip(transcript.blocks, block_lines, strict=True):
        _check_block(block, line)


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_parser_case(case: Path) -> None:
    source, expect = _split(case)
    declared = next((_names(line[8:]) for line in expect if line.startswith("declare:")), [])
    transcript = parse(source, source=case.name, speakers=declared)
    _check(transcript, expect)
    assert "".join(block.raw or "" for block in transcript.blocks) == source
