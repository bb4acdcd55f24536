"""Reports rendered for people (a table, Markdown) and for programs (JSON, YAML, CSV).

A registry of renderers by format name (pandoc's shape). Machine formats carry every
field under its stable name, numbers as numbers; human formats show a selection, with a
bar for each speaker's share of the words and a line about the blocks that are not
speech.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from .. import safeyaml
from ..errors import OptionError, TranscriptError
from ..plurals import plural
from ..terminal import json_escaped, printable
from .measures import BY_NAME, FIELDS
from .report import Report, check_field

#: What the table and Markdown show unless --fields says otherwise (talk time only when
#: the source has times).
TABLE_FIELDS = (
    "speaker",
    "turns",
    "words",
    "words_share",
    "sentences",
    "questions",
    "words_per_turn_mean",
    "words_per_turn_median",
    "words_per_turn_max",
    "longest_turn_line",
    "mlu_words",
    "distinct_words",
    "type_token_ratio",
    "talk_seconds",
    "talk_share",
)
#: How the speaker column of the whole-transcript row reads.
TOTAL_LABEL = "total"
CSV_TOTAL_LABEL = "(total)"
BAR_WIDTH = 10  # characters for 100 % of the words
_BAR = "(bar)"  # the column beside words_share in the table and Markdown
_EIGHTHS = " ▏▎▍▌▋▊▉"
_DECIMALS = {"percent": 1, "mean": 1, "ratio": 2}


@dataclass(frozen=True)
class RenderOptions:
    """`fields` to show (empty: the format's default), tabulate's `tablefmt` for the
    table, whether to add the `totals` row, and whether reports are `per_file`."""

    fields: tuple[str, ...] = ()
    tablefmt: str = "simple"
    totals: bool = True
    per_file: bool = False


def render(reports: Sequence[Report], format: str, options: RenderOptions) -> str:
    """The reports as text in `format` (one of `RENDERERS`)."""
    try:
        renderer = RENDERERS[format]
    except KeyError:
        raise TranscriptError(
            f"unknown stats format {format!r}; choose from: {', '.join(RENDERERS)}"
        ) from None
    return renderer(reports, options)


def check_options(format: str, options: RenderOptions) -> None:
    """Errors for a format, table format or field that does not exist, before any input
    is read."""
    if format not in RENDERERS:
        raise TranscriptError(
            f"unknown stats format {format!r}; choose from: {', '.join(RENDERERS)}"
        )
    if format != "table":
        return _check_fields(options)
    import tabulate

    if options.tablefmt not in tabulate.tabulate_formats:
        raise OptionError(
            "--tablefmt",
            f"unknown table format {options.tablefmt!r}; choose from: "
            + ", ".join(tabulate.tabulate_formats),
        )
    _check_fields(options)


def _check_fields(options: RenderOptions) -> None:
    for name in options.fields:
        check_field(name, "--fields", options.per_file)


def bar(share: float | None, width: int = BAR_WIDTH) -> str:
    """A bar of eighth blocks, `width` characters for 100 %."""
    if not share:
        return ""
    eighths = max(1, round(share / 100 * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def format_seconds(seconds: float) -> str:
    """Talk time as h:mm:ss, or m:ss under an hour."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _machine_fields(options: RenderOptions) -> list[str]:
    fields = list(options.fields or FIELDS)
    if options.per_file and "path" not in fields:
        fields.insert(0, "path")
    return fields


def _records_for_machines(report: Report, fields: list[str]) -> dict[str, Any]:
    keep = set(fields) | {"path"}
    speakers = [{k: v for k, v in record.items() if k in keep} for record in report.speakers]
    totals = {
        k: v for k, v in report.totals.items() if k in keep or (k not in BY_NAME and k != "path")
    }
    if report.path is not None:
        totals = {"path": report.path, **totals}
    data: dict[str, Any] = {} if report.path is None else {"path": report.path}
    data["speakers"] = speakers
    data["totals"] = totals
    return data


def _document(reports: Sequence[Report], options: RenderOptions) -> dict[str, Any]:
    fields = _machine_fields(options)
    if options.per_file:
        return {"files": [_records_for_machines(report, fields) for report in reports]}
    return _records_for_machines(reports[0], fields)


def render_json(reports: Sequence[Report], options: RenderOptions) -> str:
    import orjson

    data = orjson.dumps(_document(reports, options), option=orjson.OPT_INDENT_2).decode()
    return json_escaped(data) + "\n"


def render_yaml(reports: Sequence[Report], options: RenderOptions) -> str:
    return safeyaml.dump(_document(reports, options))


def render_csv(reports: Sequence[Report], options: RenderOptions) -> str:
    fields = _machine_fields(options)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for report in reports:
        rows = list(report.speakers)
        if options.totals:
            rows.append({**report.totals, "speaker": CSV_TOTAL_LABEL})
        for record in rows:
            writer.writerow(_csv_value(record.get(name)) for name in fields)
    return out.getvalue()


def _csv_value(value: Any) -> Any:
    return "" if value is None else value


def _table_fields(
    reports: Sequence[Report], options: RenderOptions, timed: bool = False
) -> list[str]:
    if options.fields:
        fields = list(options.fields)
    else:
        timed = timed or any(r.totals.get("talk_seconds") is not None for r in reports)
        fields = [f for f in TABLE_FIELDS if timed or f not in ("talk_seconds", "talk_share")]
    if options.per_file and "path" not in fields:
        fields.insert(0, "path")
    return fields


def _cell(name: str, record: dict[str, Any], report: Report, is_total: bool) -> str:
    if not is_total:
        return _column(name, report, [record])[0]
    if name == "speaker":
        return TOTAL_LABEL
    if record.get("words_share" if name == _BAR else name) is None:
        return "" if name == "path" else "-"
    return "" if name == _BAR else _column(name, report, [record])[0]


def _column(name: str, report: Report, records: list[dict[str, Any]]) -> list[str]:
    """How each speaker's record shows in the column of field `name` (`-` for none):
    decided once a column, not once a cell (a file may have thousands of speakers)."""
    if name == _BAR:
        return ["-" if (share := r.get("words_share")) is None else bar(share) for r in records]
    measure = BY_NAME.get(name)
    kind = measure.kind if measure else "text"
    shown: Callable[[Any], str]
    if kind == "seconds":
        shown = format_seconds
    elif kind == "ratio":
        shown = _ratio_text
    elif kind in _DECIMALS:
        shown = f"{{:.{_DECIMALS[kind]}f}}".format
    else:
        shown = _text  # a name or a path from a file, shown to people
    if name == "longest_turn_line" and report.files > 1:
        return [
            "-" if (value := r.get(name)) is None else _line_in_file(value, r, shown)
            for r in records
        ]
    return ["-" if (value := r.get(name)) is None else shown(value) for r in records]


def _ratio_text(value: float) -> str:
    return f"{value:.2g}" if 0 < value < 0.01 else f"{value:.2f}"  # a long text's TTR


def _text(value: Any) -> str:
    return printable(str(value))


def _line_in_file(value: Any, record: dict[str, Any], shown: Callable[[Any], str]) -> str:
    path = record.get("longest_turn_path")
    return f"{printable(path)}:{value}" if path else shown(value)


def _rows(reports: Sequence[Report], fields: list[str], options: RenderOptions) -> list[list[str]]:
    rows: list[list[str]] = []
    for report in reports:
        columns = [_column(name, report, report.speakers) for name in fields]
        rows.extend(map(list, zip(*columns, strict=True)))
        if options.totals:
            totals = {**report.totals, "path": report.path}
            rows.append([_cell(name, totals, report, True) for name in fields])
    return rows


def _headers(fields: list[str]) -> list[str]:
    return [
        BY_NAME[name].header if name in BY_NAME else "" if name == _BAR else name for name in fields
    ]


def _alignment(fields: list[str]) -> list[str]:
    return [
        "left" if name in ("path", "speaker", "longest_turn_path", _BAR) else "right"
        for name in fields
    ]


def _with_bar(fields: list[str]) -> list[str]:
    """The columns of a human table: the share of words gets a bar column beside it."""
    if "words_share" not in fields:
        return fields
    at = fields.index("words_share") + 1
    return [*fields[:at], _BAR, *fields[at:]]


def _summary(report: Report) -> str:
    """One line about the whole transcript: speakers, turns, words, non-speech blocks."""
    totals = report.totals
    parts = []
    if report.files > 1:
        parts.append(f"{report.files} files")
    parts.append(plural(totals["speakers"], "speaker"))
    parts.append(plural(totals["turns"], "turn"))
    parts.append(plural(totals["words"], "word"))
    line = ", ".join(parts)
    kinds = [
        f"{count} {kind.replace('_', ' ')}" for kind, count in totals["non_speech"].items() if count
    ]
    line += "; not speech: " + (", ".join(kinds) if kinds else "none")
    if report.path is not None:
        line = f"{printable(report.path)}: {line}"
    return line + "."


def _tabulate(reports: Sequence[Report], options: RenderOptions, tablefmt: str) -> str:
    import tabulate

    fields = _with_bar(_table_fields(reports, options))
    # tabulate pads every header by two spaces unless told otherwise; without that the
    # default table fits twenty columns narrower. The setting is global, so restore it.
    rows = _rows(reports, fields, options)
    headers = _headers(fields)
    if len(rows) >= _MANY_ROWS:  # a row per speaker: thousands in some files
        widths = [
            max(_visible_width(header), _widest(cells))
            for header, cells in zip(headers, zip(*rows, strict=True), strict=True)
        ]
        table = _PaddedTable(headers, _alignment(fields), widths, tablefmt)
        if table.template is not None:
            out = _Collected()
            table.write(rows, out, len(rows))
            return "".join(out.parts)
    padding = tabulate.MIN_PADDING
    tabulate.MIN_PADDING = 0
    try:
        return tabulate.tabulate(
            rows,
            headers=headers,
            tablefmt=tablefmt,
            colalign=_alignment(fields),
            disable_numparse=True,
        )
    finally:
        tabulate.MIN_PADDING = padding


_MANY_ROWS = 64  # from this many rows on, a table is drawn from a padded row's template


def render_table(reports: Sequence[Report], options: RenderOptions) -> str:
    table = _tabulate(reports, options, options.tablefmt)
    summaries = "\n".join(_summary(report) for report in reports)
    return f"{table}\n\n{summaries}\n"


def render_markdown(reports: Sequence[Report], options: RenderOptions) -> str:
    table = _tabulate(reports, options, "pipe")
    summaries = "\n".join(f"- {_summary(report)}" for report in reports)
    return f"{table}\n\n{summaries}\n"


RENDERERS: dict[str, Callable[[Sequence[Report], RenderOptions], str]] = {
    "table": render_table,
    "json": render_json,
    "yaml": render_yaml,
    "csv": render_csv,
    "markdown": render_markdown,
}


class Sink(Protocol):
    """Where rendered text goes (`io.Sink`, or anything with `write(str)`)."""

    def write(self, text: str) -> None: ...


class _Collected:
    """A sink that keeps what is written to it."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)


class PerFileSpool:
    """Per-file reports rendered one at a time, in memory that does not grow with the
    number of files: each report is rendered as it comes into a temporary file, and
    `write_to` copies the whole to the output at the end (so nothing is written when
    the run fails, and `--only` is checked against every file first). The output is
    exactly `render(reports, format, options)`'s.

    A table needs the width of each column over all rows: rows are spooled as cells
    with the widest cell of each column noted, then written in chunks with every cell
    padded to its column's width. Table formats that draw a line between rows
    (`grid` and its kin) cannot be cut into chunks and are built in memory."""

    CHUNK = 512  # rows given to tabulate at a time

    def __init__(self, format: str, options: RenderOptions) -> None:
        import tempfile

        if format not in RENDERERS:
            raise TranscriptError(
                f"unknown stats format {format!r}; choose from: {', '.join(RENDERERS)}"
            )
        self.format = format
        self.options = replace(options, per_file=True)
        self.reports = 0
        self.timed = False
        self._body = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 (closed by close())
        self._summaries = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
        self._fields = _machine_fields(self.options)
        if format in ("table", "markdown"):
            # Every column the table may show; the talk columns are dropped at the end
            # when no file had times.
            self._fields = _with_bar(_table_fields([], self.options, timed=True))
            self._widths = [0] * len(self._fields)

    def add(self, report: Report) -> None:
        """Render one file's report into the spool."""
        self.timed |= report.totals.get("talk_seconds") is not None
        first = not self.reports
        self.reports += 1
        if self.format == "json":
            import orjson

            data = _records_for_machines(report, self._fields)
            text = json_escaped(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
            indented = "\n".join("    " + line for line in text.split("\n"))
            self._body.write(indented if first else ",\n" + indented)
        elif self.format == "yaml":
            self._body.write(safeyaml.dump([_records_for_machines(report, self._fields)]))
        elif self.format == "csv":
            self._body.write(render_csv([report], self.options).split("\n", 1)[1])
        else:
            self._add_rows(report)

    def _add_rows(self, report: Report) -> None:
        import orjson

        for row in _rows([report], self._fields, self.options):
            for column, cell in enumerate(row):
                self._widths[column] = max(self._widths[column], _visible_width(cell))
            self._body.write(orjson.dumps(row).decode() + "\n")
        prefix = "- " if self.format == "markdown" else ""
        self._summaries.write(prefix + _summary(report) + "\n")

    def write_to(self, sink: Sink) -> None:
        """Write the reports added, in order, as one document."""
        self._body.seek(0)
        if self.format == "json":
            sink.write('{\n  "files": [\n')
            _copy(self._body, sink)
            sink.write("\n  ]\n}\n")
        elif self.format == "yaml":
            sink.write("files:\n")
            _copy(self._body, sink)
        elif self.format == "csv":
            sink.write(render_csv([], self.options))
            _copy(self._body, sink)
        else:
            self._write_table(sink)

    def _write_table(self, sink: Sink) -> None:
        import orjson

        keep = [
            column
            for column, name in enumerate(self._fields)
            if self.options.fields or self.timed or name not in ("talk_seconds", "talk_share")
        ]
        fields = [self._fields[column] for column in keep]
        headers = _headers(fields)
        widths = [
            max(self._widths[c], _visible_width(h)) for c, h in zip(keep, headers, strict=True)
        ]
        rows = (orjson.loads(line) for line in self._body)
        table = _PaddedTable(
            headers,
            _alignment(fields),
            widths,
            "pipe" if self.format == "markdown" else self.options.tablefmt,
        )
        table.write(([row[c] for c in keep] for row in rows), sink, self.CHUNK)
        sink.write("\n\n")
        self._summaries.seek(0)
        _copy(self._summaries, sink)

    def close(self) -> None:
        self._body.close()
        self._summaries.close()


COPY_CHUNK = 1 << 20  # characters copied from a spool at a time


def _copy(source: Any, sink: Sink) -> None:
    while text := source.read(COPY_CHUNK):
        sink.write(text)


def _widest(cells: Sequence[str]) -> int:
    """The largest `_visible_width` of a column's cells (a test of the whole column at C
    speed where it is all printable ASCII, as numbers are)."""
    joined = "".join(cells)
    if joined.isascii() and joined.isprintable():
        return max(map(len, cells), default=0)
    return max(map(_visible_width, cells), default=0)


def _fits(cell: str) -> bool:
    """Is this cell as wide on screen as it is long (so `str.format` pads it right)?"""
    return (cell.isascii() and cell.isprintable()) or _as_long(cell)


@functools.lru_cache(maxsize=1024)  # a bar's few lengths; a name seen once costs a call
def _as_long(cell: str) -> bool:
    return _visible_width(cell) == len(cell)


def _visible_width(text: str) -> int:
    """The width tabulate gives a cell (wide characters count twice where wcwidth is
    installed)."""
    if text.isascii() and text.isprintable():  # no wide character, no escape code
        return len(text)
    import tabulate

    width: int = getattr(tabulate, "_visible_width", len)(text)
    return width


# Formats that draw a row of padded cells as the cells joined by fixed text (no escaping,
# no rules between rows): `_PaddedTable` may join thousands of rows itself.
_JOINED_FORMATS = frozenset(
    ("plain", "simple", "github", "pipe", "orgtbl", "psql", "rst", "presto", "simple_outline")
)
_MARKS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # a letter per column in the probe rows


def _joined(pieces: list[str], cells: list[str]) -> str:
    """A row's padded cells with the format's text around them; where the format ends a
    row with the last cell, tabulate leaves no trailing space, nor does this."""
    parts = [pieces[0]]
    for cell, after in zip(cells, pieces[1:], strict=True):
        parts += (cell, after)
    return "".join(parts) if pieces[-1] else "".join(parts).rstrip()


class _PaddedTable:
    """A table written in chunks of rows whose cells are all padded to the same column
    widths, so each chunk tabulate draws lines up with the others; the head (headers,
    rules) comes from the first chunk and the tail (a closing rule) from the last."""

    def __init__(
        self, headers: list[str], alignment: list[str], widths: list[int], tablefmt: str
    ) -> None:
        self.headers = headers
        self.alignment = alignment
        self.widths = widths
        self.tablefmt = tablefmt
        probe = ["x" * width for width in widths]
        one, two = self._draw([probe]), self._draw([probe, probe])
        #: lines before the rows and after them, when rows take one line each
        self.frame: tuple[int, int] | None = None
        for head in range(len(one)):
            if two == one[: head + 1] + one[head : head + 1] + one[head + 1 :]:
                self.frame = (head, len(one) - head - 1)
                break
        #: the head and tail lines, and the text around each cell of a row, when the
        #: format draws a row as its padded cells joined (see `_row_template`)
        self.template: tuple[list[str], list[str], list[str]] | None = None
        if self.frame is not None and tablefmt in _JOINED_FORMATS:
            self.template = self._row_template(one)

    def _row_template(self, one: list[str]) -> tuple[list[str], list[str], list[str]] | None:
        """Learn from tabulate how it draws one padded row (the text before, between and
        after the cells), so thousands of rows (a speaker each) are joined, not typed
        cell by cell; checked against tabulate on a second probe, else None."""
        head, tail = self.frame or (0, 0)
        if len(self.widths) > len(_MARKS) or not all(self.widths):
            return None
        marked = [mark * width for mark, width in zip(_MARKS, self.widths, strict=False)]
        line = self._draw([marked])[head]
        pieces, at = [], 0
        for cell in marked:
            found = line.find(cell, at)
            if found < 0:
                return None
            pieces.append(line[at:found])
            at = found + len(cell)
        pieces.append(line[at:])
        frame = (one[:head], one[len(one) - tail :], pieces)
        probe = [mark.lower() * width for mark, width in zip(_MARKS, self.widths, strict=False)]
        drawn = self._draw([probe, probe])
        if drawn != frame[0] + [_joined(pieces, probe)] * 2 + frame[1]:
            return None
        return frame

    def _pad(self, row: list[str]) -> list[str]:
        return [
            (cell.ljust(width) if align == "left" else cell.rjust(width))
            if cell.isascii() and cell.isprintable()  # a character a column, as most are
            else cell + " " * (width - _visible_width(cell))
            if align == "left"
            else " " * (width - _visible_width(cell)) + cell
            for cell, width, align in zip(row, self.widths, self.alignment, strict=True)
        ]

    def _draw(self, rows: list[list[str]]) -> list[str]:
        import inspect

        import tabulate

        # Padded cells keep their spaces: a parameter since tabulate 0.10, a global before.
        keep: dict[str, Any] = {}
        if "preserve_whitespace" in inspect.signature(tabulate.tabulate).parameters:
            keep["preserve_whitespace"] = True
        padding, preserve = tabulate.MIN_PADDING, tabulate.PRESERVE_WHITESPACE
        tabulate.MIN_PADDING, tabulate.PRESERVE_WHITESPACE = 0, True
        try:
            return tabulate.tabulate(
                rows,
                headers=self.headers,
                tablefmt=self.tablefmt,
                colalign=self.alignment,
                disable_numparse=True,
                **keep,
            ).split("\n")
        finally:
            tabulate.MIN_PADDING, tabulate.PRESERVE_WHITESPACE = padding, preserve

    def _row_format(self, pieces: list[str]) -> Callable[..., str]:
        """`str.format` of a template row: the format's text around each cell, and each
        cell padded to its width as `_pad` pads a cell of printable ASCII."""
        fields = [
            f"{{:{'<' if align == 'left' else '>'}{width}}}"
            for width, align in zip(self.widths, self.alignment, strict=True)
        ]
        escaped = [piece.replace("{", "{{").replace("}", "}}") for piece in pieces]
        return _joined(escaped, fields).format

    def write(self, rows: Iterable[list[str]], sink: Sink, chunk: int) -> None:
        if self.template is not None:
            start, end, pieces = self.template
            # A row whose cells are each as wide as they are long (printable ASCII, as
            # names and numbers mostly are, or a bar) is one `str.format`; any other row
            # is padded by the width tabulate gives its cells.
            padded = self._row_format(pieces)
            trimmed = not pieces[-1]  # as `_joined` trims
            lines = list(start)
            drawn = written = 0
            for row in rows:  # chunk by chunk: the rows may come from a spool of any size
                joined = "".join(row)
                if (joined.isascii() and joined.isprintable()) or all(map(_fits, row)):
                    line = padded(*row)
                    lines.append(line.rstrip() if trimmed else line)
                else:
                    lines.append(_joined(pieces, self._pad(row)))
                drawn += 1
                if len(lines) >= chunk:
                    sink.write("\n" * (written > 0) + "\n".join(lines))
                    written, lines = written + len(lines), []
            if drawn:
                if lines or end:
                    sink.write("\n" * (written > 0) + "\n".join(lines + end))
                return
        if self.frame is None:  # a rule between rows: drawn whole
            sink.write("\n".join(self._draw([self._pad(row) for row in rows])))
            return
        head, tail = self.frame
        batch: list[list[str]] = []
        ending: list[str] = []
        started = False

        def flush() -> None:
            nonlocal started, ending
            lines = self._draw(batch)
            body = lines[head : len(lines) - tail]
            if not started:
                sink.write("\n".join(lines[:head] + body))
                started = True
            elif body:
                sink.write("\n" + "\n".join(body))
            ending = lines[len(lines) - tail :]
            batch.clear()

        for row in rows:
            batch.append(self._pad(row))
            if len(batch) >= chunk:
                flush()
        if batch:
            flush()
        if not started:  # no row at all
            sink.write("\n".join(self._draw([])))
        elif ending:
            sink.write("\n" + "\n".join(ending))
