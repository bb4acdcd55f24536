"""What `transcripts stats` does: read the inputs, count them, render, write atomically.

Files are counted one at a time and their tallies folded into a running total (or, with
`--per-file`, rendered at once), so memory does not grow with the number of files."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from ..api import open_document
from ..errors import ExitCode, TranscriptError
from ..inputs import Selection, expand_inputs, or_standard_input
from ..io import display_name, open_output, write_output
from ..progress import shown
from ..statistics.render import PerFileSpool, RenderOptions, check_options, render
from ..statistics.report import DEFAULT_SORT, build_report, check_field, check_only
from ..statistics.tally import Tally
from . import Report, check_encoding, input_failure, reader_warning
from .stream import checked, counter, map_inputs


def stats_files(
    paths: Sequence[str],
    *,
    format: str = "table",
    output: str | None = None,
    per_file: bool = False,
    sort: str = DEFAULT_SORT,
    reverse: bool = False,
    fields: Sequence[str] = (),
    only: Sequence[str] = (),
    totals: bool | None = None,
    tablefmt: str = "simple",
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    speaker_map: Sequence[str] = (),
    diarization: str | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    report: Report,
    select: Selection | None = None,
) -> int:
    """Count each input and write the statistics; a file that cannot be read is reported
    and left out (exit status 2), the others are still counted. Folders are walked as
    `select` says (`transcripts.inputs`). `totals` None: a total row in tables, none in
    CSV (where it would double each column's sum). With `scheduler` (a Dask scheduler's
    address, or `local`), the files are counted on that cluster (`transcripts.cluster`)."""
    if totals is None:
        totals = format != "csv"
    options = RenderOptions(
        fields=tuple(fields), tablefmt=tablefmt, totals=totals, per_file=per_file
    )
    check_encoding(encoding)
    check_options(format, options)
    check_field(sort, "--sort", per_file)
    count = functools.partial(
        _tally,
        speakers=tuple(speakers),
        from_format=from_format,
        encoding=encoding,
        speaker_map=tuple(speaker_map),
        diarization=diarization,
    )
    inputs: Iterable[str | TranscriptError] = expand_inputs(or_standard_input(paths), select)
    if per_file and sort == "path":  # the files themselves are what this sorts
        inputs = sorted(inputs, key=_path_key, reverse=reverse)
    results = shown(
        map_inputs(count, checked(inputs, output), jobs, scheduler),
        "Counting",
        counter(or_standard_input(paths), select),
    )
    if per_file:
        return _per_file(results, report, format, options, output, sort, reverse, only)
    total, failures = Tally(), 0
    for result in results:
        if isinstance(result, TranscriptError):
            report(str(result))
            failures += 1
        else:
            _report_warnings(result, report)
            if total.files:
                total.update(result)
            else:  # the first file's tally is the total so far: taken, not copied
                total = result
    if not total.files:
        return ExitCode.ERROR
    check_only(only, total.speakers)
    summary = build_report(total, sort=sort, reverse=reverse, only=only)
    write_output(render([summary], format, options), output)
    return ExitCode.ERROR if failures else ExitCode.OK


def _per_file(
    results: Iterable[Tally | TranscriptError],
    report: Report,
    format: str,
    options: RenderOptions,
    output: str | None,
    sort: str,
    reverse: bool,
    only: Sequence[str],
) -> int:
    """`--per-file`: each file's report rendered as it is counted (see `PerFileSpool`),
    written once all are."""
    spool = PerFileSpool(format, options)
    speakers: set[str] = set()  # every name, for `--only` (not every file's)
    failures = 0
    try:
        for result in results:
            if isinstance(result, TranscriptError):
                report(str(result))
                failures += 1
                continue
            _report_warnings(result, report)
            speakers.update(result.speakers)
            path = result.path or "-"
            spool.add(build_report(result, sort=sort, reverse=reverse, only=only, path=path))
        if not spool.reports:
            return ExitCode.ERROR
        check_only(only, speakers)
        with open_output(output) as sink:
            spool.write_to(sink)
    finally:
        spool.close()
    return ExitCode.ERROR if failures else ExitCode.OK


def _report_warnings(tally: Tally, report: Report) -> None:
    """One file's reader warnings, said as the file is counted; they are not kept in
    the running total, which would grow with the number of files warned about."""
    for warning in tally.warnings:
        report(warning)
    tally.warnings.clear()


def _path_key(item: str | TranscriptError) -> str:
    return item if isinstance(item, str) else ""


def _tally(
    path: str,
    speakers: Sequence[str],
    from_format: str | None,
    encoding: str | None,
    speaker_map: Sequence[str] = (),
    diarization: str | None = None,
) -> Tally | TranscriptError:
    """One input's tally, or the error that kept it from being counted (returned, so
    that it crosses back from a worker process like a result)."""
    try:
        header, blocks = open_document(
            path,
            from_format,
            speakers=speakers,
            encoding=encoding,
            speaker_map=speaker_map,
            diarization=diarization,
        )
        tally = Tally.of_document(header, blocks, path)
        warning = reader_warning(header, path)
        if warning:
            tally.warnings.append(warning)
        return tally
    except Exception as error:  # also raised while the blocks stream
        return input_failure(error, display_name(path))
