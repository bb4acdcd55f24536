"""What `transcripts stats` does: read the inputs, count them, render, write atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..api import open_document
from ..errors import ExitCode, TranscriptError
from ..io import write_output
from .inputs import expand_inputs
from .render import RenderOptions, check_options, render
from .report import DEFAULT_SORT, build_report, check_field, check_only
from .tally import Tally

Report = Callable[[str], None]


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
    totals: bool = True,
    tablefmt: str = "simple",
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    report: Report,
) -> int:
    """Count each input and write the statistics; a file that cannot be read is reported
    and left out (exit status 2), the others are still counted."""
    options = RenderOptions(
        fields=tuple(fields), tablefmt=tablefmt, totals=totals, per_file=per_file
    )
    check_options(format, options)
    check_field(sort, "--sort", per_file)
    tallies: list[Tally] = []
    failures = 0
    for path in expand_inputs(paths or ("-",)):
        try:
            if isinstance(path, TranscriptError):
                raise path
            tallies.append(_tally(path, speakers, from_format, encoding))
        except TranscriptError as error:
            report(str(error))
            failures += 1
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


def _tally(
    path: str, speakers: Sequence[str], from_format: str | None, encoding: str | None
) -> Tally:
    header, blocks = open_document(path, from_format, speakers=speakers, encoding=encoding)
    try:
        return Tally.of_document(header, blocks, path)
    except TranscriptError as error:  # raised while the blocks stream
        raise error.with_path("<stdin>" if path == "-" else path) from None
