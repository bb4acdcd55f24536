"""Many files in memory that does not grow with their number: tallies fold into a running
total, per-file reports are rendered as they come, inputs are walked as they are used."""

from __future__ import annotations

import io
import random
import tracemalloc
from pathlib import Path

import pytest

from transcripts.api import open_document
from transcripts.io import Sink
from transcripts.pipelines.lint import lint_paths
from transcripts.pipelines.parse import parse_files
from transcripts.pipelines.stats import stats_files
from transcripts.pipelines.stream import map_inputs
from transcripts.statistics import render as render_module
from transcripts.statistics.render import PerFileSpool, RenderOptions, render
from transcripts.statistics.report import build_report
from transcripts.statistics.tally import Tally

WORDS = [f"word{number}" for number in range(300)]


def _interview(number: int) -> str:
    """A small interview: a few hundred words each file says in its own order (the
    vocabulary is soon all seen, as in a real archive, so growth would be per file)."""
    rng = random.Random(number)
    turns = []
    for turn in range(12):
        speaker = "Host" if turn % 2 == 0 else f"Guest {number % 7}"
        words = " ".join(rng.choices(WORDS, k=25))
        turns.append(f"{speaker}: {words.capitalize()}. Is it {turn}?")
    return "\n\n".join(turns) + "\n"


def _archive(folder: Path, count: int) -> Path:
    for number in range(count):
        (folder / f"{number:05d}.txt").write_text(_interview(number), encoding="utf-8")
    return folder


def _peak(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    small = _archive(tmp_path_factory.mktemp("small"), 40)
    large = _archive(tmp_path_factory.mktemp("large"), 200)
    return small, large


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(
            lambda folder, out: stats_files([str(folder)], output=out, report=print), id="stats"
        ),
        pytest.param(
            lambda folder, out: stats_files([str(folder)], per_file=True, output=out, report=print),
            id="stats --per-file",
        ),
        pytest.param(
            lambda folder, out: stats_files(
                [str(folder)], per_file=True, format="json", output=out, report=print
            ),
            id="stats --per-file --format json",
        ),
        pytest.param(
            lambda folder, out: parse_files([str(folder)], "jsonl", out, report=print),
            id="parse -t jsonl",
        ),
        pytest.param(lambda folder, out: lint_paths([str(folder)], output=out), id="lint"),
    ],
)
def test_peak_memory_does_not_grow_with_the_number_of_files(
    archives, tmp_path, monkeypatch, command
):
    # Buffers of a fixed size (a megabyte of output, 512 table rows) would fill in the
    # large run alone: made small, the test sees growth, not buffers.
    monkeypatch.setattr(Sink, "_CHUNK", 1 << 14)
    monkeypatch.setattr(render_module, "COPY_CHUNK", 1 << 14)
    monkeypatch.setattr(PerFileSpool, "CHUNK", 32)  # rows drawn at a time
    small, large = archives
    output = str(tmp_path / "out")
    # Caches (the label shapes remembered, up to a bound), imports and lazy tables filled
    # before measuring, by the larger run, so that what grows is what a run keeps.
    command(large, output)
    few = _peak(lambda: command(small, output))
    many = _peak(lambda: command(large, output))
    # Five times the files: a tally kept per file (as before) made this about 4x.
    assert many < few * 1.3 + 200_000, (few, many)


def test_files_are_read_as_they_are_used_not_listed_first(archives):
    small, _ = archives
    taken = []

    def inputs():
        for path in sorted(small.iterdir()):
            taken.append(path)
            yield str(path)

    results = map_inputs(lambda path: path, inputs())
    next(results)
    assert len(taken) == 1


def _reports(folder: Path) -> list:
    reports = []
    for path in sorted(folder.iterdir())[:30]:
        header, blocks = open_document(path)
        tally = Tally.of_document(header, blocks, str(path), single_process=True)
        reports.append(build_report(tally, path=str(path)))
    return reports


@pytest.mark.parametrize(
    ("format", "tablefmt"),
    [("table", fmt) for fmt in ("simple", "grid", "psql", "html")]
    + [(fmt, "simple") for fmt in ("markdown", "json", "yaml", "csv")],
)
def test_per_file_reports_rendered_as_they_come_read_as_rendered_at_once(
    archives, monkeypatch, format, tablefmt
):
    monkeypatch.setattr(PerFileSpool, "CHUNK", 7)  # several chunks, one not full
    reports = _reports(archives[0])
    reports[3].speakers[0]["words"] = 123456789  # one wide cell, far from the first chunk
    reports[1].speakers[0]["speaker"] = "Ana\u202e\x1b[2J"  # escaped in every format alike
    options = RenderOptions(tablefmt=tablefmt, per_file=True, totals=format != "csv")
    spool = PerFileSpool(format, options)
    for report in reports:
        spool.add(report)
    out = io.StringIO()
    spool.write_to(out)
    spool.close()
    assert out.getvalue() == render(reports, format, options)


def test_a_per_file_table_with_no_rows_is_the_headers_alone(archives):
    reports = _reports(archives[0])[:2]
    for report in reports:
        report.speakers.clear()
    options = RenderOptions(per_file=True, totals=False)
    spool = PerFileSpool("table", options)
    for report in reports:
        spool.add(report)
    out = io.StringIO()
    spool.write_to(out)
    assert out.getvalue() == render(reports, "table", options)


def test_jobs_take_the_files_a_window_at_a_time_with_the_same_output(
    archives, tmp_path, monkeypatch
):
    from transcripts.pipelines import stream

    monkeypatch.setattr(stream, "WINDOW_PER_JOB", 3)  # several windows, one not full
    small, _ = archives
    broken = small.parent / "broken"
    broken.mkdir(exist_ok=True)
    (broken / "bad.json").write_text("{", encoding="utf-8")
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"{jobs}.csv"
        errors: list[str] = []
        status = stats_files(
            [str(small), str(broken / "bad.json"), str(small)],
            per_file=True,
            format="csv",
            output=str(out),
            jobs=jobs,
            report=errors.append,
        )
        assert status == 2 and len(errors) == 1
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 80
