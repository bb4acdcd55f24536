"""What `transcripts stats` does: read the inputs, count them, render, write atomically."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ..api import open_document
from ..errors import ExitCode, TranscriptError
from ..inputs import Selection, expand_inputs, or_standard_input
from ..io import display_name, refuse_to_overwrite_inputs, write_output
from ..parallel import map_ordered
from ..statistics.render import RenderOptions, check_options, render
from ..statistics.report import DEFAULT_SORT, build_report, check_field, check_only
from ..statistics.tally import Tally
from . import Report, check_encoding, input_failure, reader_warning


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
    report: Report,
    select: Selection | None = None,
) -> int:
    """Count each input and write the statistics; a file that cannot be read is reported
    and left out (exit status 2), the others are still counted. Folders are walked as
    `select` says (`transcripts.inputs`). `totals` None: a total row in tables, none in
    CSV (where it would double each column's sum)."""
    if totals is None:
        totals = format != "csv"
    options = RenderOptions(
        fields=tuple(fields), tablefmt=tablefmt, totals=totals, per_file=per_file
    )
    check_encoding(encoding)
    check_options(format, options)
    check_field(sort, "--sort", per_file)
    tallies: list[Tally] = []
    failures = 0
    inputs = list(expand_inputs(or_standard_input(paths), select))
    files = [path for path in inputs if isinstance(path, str)]
    refuse_to_overwrite_inputs(output, files)
    count = functools.partial(
        _tally,
        speakers=tuple(speakers),
        from_format=from_format,
        encoding=encoding,
        speaker_map=tuple(speaker_map),
        diarization=diarization,
    )
    results = iter(map_ordered(count, files, _jobs_for(files, jobs), label="Counting"))
    for item in inputs:
        result = item if isinstance(item, TranscriptError) else next(results)
        if isinstance(result, TranscriptError):
            report(str(result))
            failures += 1
        else:
            tallies.append(result)
            for warning in result.warnings:
                report(warning)
    if not tallies:
        return ExitCode.ERROR
    check_only(only, tallies)
    if per_file:
        reports = [
            build_report(t, sort=sort, reverse=reverse, only=only, path=t.paths[0]) for t in tallies
        ]
        if sort == "path":  # the files themselves are what this sorts
            reports.sort(key=lambda report: report.path or "", reverse=reverse)
    else:
        combined = tallies[0]
        for tally in tallies[1:]:
            combined.merge(tally)
        reports = [build_report(combined, sort=sort, reverse=reverse, only=only)]
    write_output(render(reports, format, options), output)
    return ExitCode.ERROR if failures else ExitCode.OK


def _jobs_for(files: Sequence[str], jobs: int) -> int:
    """Standard input is read by this process: with `-` among the inputs, one job."""
    return 1 if "-" in files else jobs


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
