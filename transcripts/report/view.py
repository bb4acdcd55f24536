"""What a report shows of one transcript, gathered from the library's public functions.

`document_view` takes a transcript with its `transcripts.stats` report and its
`transcripts.lint` findings and arranges them for the page: the header, the timeline,
the share bars, and the blocks with each finding placed on the block that holds its
line. Nothing here counts or judges anything itself; every number is a `stats` measure
and every finding a `lint` finding. Texts stay plain strings: the template escapes them.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..linter import Finding
from ..model import Kind, Transcript
from ..statistics import MEASURES, Report
from ..statistics.measures import BY_NAME, Measure
from ..timing import estimated
from .charts import Timeline, bar_width, clock, is_timed, timeline, turn_spans
from .palette import SpeakerStyle, speaker_style

#: Blocks per lazily rendered stretch of the transcript (see the stylesheet's `.chunk`).
CHUNK_BLOCKS = 50
#: For the height a stretch is given before the browser lays it out: characters on a
#: line of text, the height of a line (rem), and the step the estimates are rounded to.
LINE_CHARS = 100
LINE_REM = 1.5
HEIGHT_STEP_REM = 10
#: Findings listed open at the top of a report; more are listed folded.
OPEN_FINDINGS = 100


@dataclass
class FindingView:
    """A lint finding as the page shows it, in the list and on its line."""

    id: str
    line: int
    column: int
    code: str
    rule: str
    severity: str
    message: str
    related: list[int]  # lines of the other places it names (the earlier copy, ...)
    placed: bool = False  # shown on a block of the text (else only in the list)


@dataclass
class BlockView:
    """One block of the transcript, with the ids links point at and its findings."""

    id: str
    kind: str
    text: str
    lines: str  # "9" or "9–12"; "" when the source gave no lines
    speaker: str | None = None
    style: SpeakerStyle | None = None
    label: str | None = None  # the label as written, when it differs from the name
    time: str | None = None
    anchors: list[str] = field(default_factory=list)  # ids of other lines inside it
    findings: list[FindingView] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return self.kind.replace("_", " ")


@dataclass
class Chunk:
    """A stretch of blocks the browser lays out only near the screen, and the height
    (rem, a multiple of `HEIGHT_STEP_REM`) it stands in with until then."""

    blocks: list[BlockView]
    height: int


@dataclass
class ShareRow:
    """One speaker's record from `stats`, with the lengths of its share bars."""

    record: dict[str, Any]
    style: SpeakerStyle
    words_bar: float
    talk_bar: float
    turns_bar: float
    questions_bar: float


@dataclass
class DocumentView:
    """Everything the page shows of one transcript."""

    prefix: str  # ids in this document start with it ("" on a page of one document)
    title: str
    source: str
    convention: str | None
    warning: str | None
    duration: str | None
    estimated_times: bool
    totals: dict[str, Any]
    non_speech: str
    speakers: list[tuple[str, SpeakerStyle]]
    share: list[ShareRow]
    measures: Sequence[Measure]
    timeline: Timeline
    findings: list[FindingView]
    chunks: list[Chunk]
    open_findings: bool

    @property
    def id(self) -> str:
        return f"{self.prefix}report"

    def findings_by_severity(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        return [(name, counts[name]) for name in ("error", "warning", "info") if name in counts]


def document_view(
    transcript: Transcript,
    report: Report,
    findings: Sequence[Finding],
    *,
    prefix: str = "",
    source: str | None = None,
) -> DocumentView:
    """Arrange one transcript, its statistics and its findings for the page. `source`
    names the file it was read from (default: the source the transcript names)."""
    blocks = transcript.blocks
    ids = _block_ids(blocks, prefix)
    turns = [block for block in blocks if block.kind == Kind.TURN]
    styles = _speaker_styles(transcript, turns)
    by_time = is_timed(turns)
    spans = turn_spans(blocks, ids, by_time)
    finding_views = _finding_views(findings, prefix)
    block_views = [_block_view(block, ids[i], styles) for i, block in enumerate(blocks)]
    _place(finding_views, blocks, block_views, prefix)
    inference = getattr(transcript, "inference", None)
    totals = report.totals
    return DocumentView(
        prefix=prefix,
        title=transcript.title or os.path.basename(transcript.source or "") or "Transcript",
        source=source or _source_name(transcript.source),
        convention=inference.summary() if inference is not None else None,
        warning=getattr(inference, "warning", None) if inference is not None else None,
        duration=_duration(spans) if by_time else None,
        estimated_times=estimated(transcript) is not None,
        totals=totals,
        non_speech=", ".join(
            f"{count} {kind.replace('_', ' ')}"
            for kind, count in totals["non_speech"].items()
            if count
        ),
        speakers=list(styles.items()),
        share=_share_rows(report, styles),
        measures=MEASURES[1:],
        timeline=timeline(spans, styles, by_time),
        findings=finding_views,
        chunks=[
            _chunk(block_views[start : start + CHUNK_BLOCKS])
            for start in range(0, len(block_views), CHUNK_BLOCKS)
        ],
        open_findings=len(finding_views) <= OPEN_FINDINGS,
    )


def _source_name(source: str | None) -> str:
    return "<stdin>" if source in (None, "-") else str(source)


def _block_ids(blocks: Sequence[Any], prefix: str) -> list[str]:
    """A page id per block: `L<line>` after its first source line, so `report.html#L21`
    reads like a link to a line; `b<index>` where the source gave no line (or two blocks
    start on one)."""
    ids = []
    used: set[int] = set()
    for index, block in enumerate(blocks):
        if block.line > 0 and block.line not in used:
            used.add(block.line)
            ids.append(f"{prefix}L{block.line}")
        else:
            ids.append(f"{prefix}b{index}")
    return ids


def _speaker_styles(transcript: Transcript, turns: Sequence[Any]) -> dict[str, SpeakerStyle]:
    """A style per speaker who took a turn: roster order, then any other in order of
    appearance."""
    speaking = dict.fromkeys(block.speaker or "" for block in turns)
    ordered = dict.fromkeys(name for name in transcript.speaker_names() if name in speaking)
    ordered.update(speaking)
    return {name: speaker_style(index) for index, name in enumerate(ordered)}


def _block_view(block: Any, block_id: str, styles: dict[str, SpeakerStyle]) -> BlockView:
    lines = ""
    if block.line > 0:
        end = max(block.end_line, block.line)
        lines = str(block.line) if end == block.line else f"{block.line}–{end}"
    view = BlockView(id=block_id, kind=block.kind, text=block.text, lines=lines)
    if block.start is not None:
        view.time = clock(block.start)
    if block.kind == Kind.TURN:
        view.speaker = block.speaker or ""
        view.style = styles.get(view.speaker)
        if block.label and block.label != block.speaker:
            view.label = block.label
    elif block.label:
        view.label = block.label
    return view


def _finding_views(findings: Sequence[Finding], prefix: str) -> list[FindingView]:
    return [
        FindingView(
            id=f"{prefix}f{number}",
            line=finding.line,
            column=finding.column,
            code=finding.code,
            rule=finding.rule,
            severity=str(finding.severity),
            message=finding.message,
            related=[location.line for location in finding.related if location.line > 0],
        )
        for number, finding in enumerate(findings, 1)
    ]


def _place(
    findings: list[FindingView], blocks: Sequence[Any], views: list[BlockView], prefix: str
) -> None:
    """Put each finding on the block that holds its line (the nearest block before it,
    for a line between blocks), and give every line a link points at an anchor there."""
    starts = sorted((block.line, index) for index, block in enumerate(blocks) if block.line > 0)
    lines = [line for line, _ in starts]

    def holder(line: int) -> BlockView | None:
        at = bisect.bisect_right(lines, line) - 1
        return views[starts[at][1]] if at >= 0 and line > 0 else None

    targets = {finding.line for finding in findings}
    targets.update(line for finding in findings for line in finding.related)
    for line in sorted(targets):
        view = holder(line)
        if view is not None and view.id != f"{prefix}L{line}":
            view.anchors.append(f"{prefix}L{line}")
    for finding in findings:
        view = holder(finding.line)
        if view is not None:
            view.findings.append(finding)
            finding.placed = True


def _chunk(blocks: list[BlockView]) -> Chunk:
    """A stretch of blocks with its estimated height: a line for each name or kind and
    finding, and the lines its text wraps to, so the scroll bar is about right before
    the browser has laid the text out."""
    lines = 0.0
    for block in blocks:
        lines += 1.5 + 2 * len(block.findings)
        for paragraph in block.text.split("\n"):
            lines += len(paragraph) // LINE_CHARS + 1
    steps = max(1, round(lines * LINE_REM / HEIGHT_STEP_REM))
    return Chunk(blocks, steps * HEIGHT_STEP_REM)


def _share_rows(report: Report, styles: dict[str, SpeakerStyle]) -> list[ShareRow]:
    questions = report.totals.get("questions") or 0
    rows = []
    for record in report.speakers:
        style = styles.get(record["speaker"])
        if style is None:  # on the roster but never spoke: no row in the picture
            continue
        rows.append(
            ShareRow(
                record=record,
                style=style,
                words_bar=bar_width(record.get("words_share")),
                talk_bar=bar_width(record.get("talk_share")),
                turns_bar=bar_width(record.get("turns_share")),
                questions_bar=bar_width(100 * record["questions"] / questions if questions else 0),
            )
        )
    return rows


def _duration(spans: Sequence[Any]) -> str | None:
    if not spans:
        return None
    return clock(max(span.end for span in spans) - min(span.start for span in spans))


def measure_text(name: str, value: Any) -> str:
    """The value of the measure called `name` as the report prints it."""
    measure = BY_NAME[name]
    if value is None:
        return "–"
    if measure.kind == "seconds":
        return clock(value)
    if measure.kind == "percent":
        return f"{value:.1f} %"
    if measure.kind == "mean":
        return f"{value:.1f}"
    if measure.kind == "ratio":
        return f"{value:.2g}" if 0 < value < 0.01 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
