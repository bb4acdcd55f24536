"""What `transcripts lint` does, as library functions: find the inputs, lint each, report
the findings in the chosen format and decide the exit status."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import formats
from ..api import load_source, read_document, read_source
from ..errors import ExitCode, TranscriptError
from ..globs import PathPatterns
from ..inputs import (
    STDIN,
    NothingFound,
    Selection,
    expand_inputs,
    or_standard_input,
    selection,
)
from ..io import SourceText, display_name, special_file, write_output
from ..linter.baseline import Baseline
from ..linter.baseline import render as render_baseline
from ..linter.config import LintSettings
from ..linter.engine import SourceFacts, across_findings, lint, lint_document
from ..linter.finding import Finding
from ..linter.fixes import apply_fixes, fixable
from ..linter.output import FORMATTERS, sarif, statistics, summary, use_colour
from ..linter.registry import all_rules, find_rule
from ..model import Transcript
from ..options import ReadOptions
from ..plurals import plural
from ..progress import shown
from ..terminal import printable
from . import Report, check_encoding, input_failure
from .stream import checked, counter, map_inputs

if TYPE_CHECKING:  # the across-files check (and sqlite3) is imported when it runs
    from ..linter import across
    from ..linter.across import Row


# The records of a run are plain classes: a dataclass costs 0.3-0.4 ms to make at import,
# which every `transcripts lint` pays.


class LintRun:
    """The outcome of linting several inputs: findings, inputs that failed, files read,
    and what fixing did (findings fixed, diffs, notes on files that cannot be fixed)."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.errors: list[str] = []
        self.files = 0
        self.fixed = 0
        self.diffs: list[str] = []
        self.notes: list[str] = []
        self.baselined = 0

    def exit_status(self, settings: LintSettings, exit_zero: bool = False) -> int:
        """2 when an input could not be linted; 1 when a finding is at or above the
        failing severity (unless `exit_zero`); 0 otherwise."""
        if self.errors:
            return ExitCode.ERROR
        if not exit_zero and any(f.severity >= settings.fail_on for f in self.findings):
            return ExitCode.FINDINGS
        return ExitCode.OK


class FixMode(NamedTuple):
    """What `lint` does with the rules' fixes: nothing (the default), apply the safe ones
    (`apply`), the unsafe ones too (`unsafe`), or print them as a diff (`diff`)."""

    apply: bool = False
    unsafe: bool = False
    diff: bool = False

    @property
    def active(self) -> bool:
        return self.apply or self.diff


NO_FIXES = FixMode()


class FileResult:
    """One input linted: its findings (those left after fixing), how many were fixed,
    the diff of the fixes (`--diff`), a note when it could not be fixed, and the error
    that kept its fixes from being written (a read-only file: its findings are still
    reported); for the across-files rules, its sentence rows (None: not computed), its
    format and the size and modification time it had when it was read."""

    def __init__(
        self,
        findings: list[Finding],
        fixed: int = 0,
        diff: str = "",
        note: str = "",
        rows: list[Row] | None = None,
        format: str = "",
        stat: tuple[int, int] = (-1, -1),
        path: str = "",
        error: str = "",
    ) -> None:
        self.findings = findings
        self.error = error
        self.fixed = fixed
        self.diff = diff
        self.note = note
        self.rows = rows
        self.format = format
        self.stat = stat
        self.path = path


class Indexed(str):
    """A path the across-files index holds unchanged: its rows are not computed again
    (and, when only across-files rules run on it, it is not even read)."""

    __slots__ = ()


def expand_paths(
    paths: Sequence[str],
    settings: LintSettings,
    report: Report | None = None,
    select: Selection | None = None,
) -> Iterator[str | TranscriptError]:
    """The inputs (see `transcripts.inputs`): files and `-` as given, directories walked
    for transcripts. A directory with none is a warning, not an error: there is nothing
    to lint, and nothing wrong. Other errors (a special file, a link loop) are yielded."""
    select = select or default_selection(settings)
    for item in expand_inputs(paths, select):
        if isinstance(item, NothingFound):
            if report:
                report(f"warning: no transcript files found in {item.path}")
            continue
        yield item


def default_selection(settings: LintSettings) -> Selection:
    """The file selection of library calls: the settings' `exclude`, relative to their
    configuration file's folder."""
    return Selection(exclude=(PathPatterns(settings.exclude, settings.root),))


def lint_paths(
    paths: Sequence[str],
    settings: LintSettings | None = None,
    *,
    from_format: str | None = None,
    encoding: str | None = None,
    report: Report | None = None,
    jobs: int = 1,
    output: str | None = None,
    select: Selection | None = None,
    fixing: FixMode = NO_FIXES,
    index: str | None = None,
    scheduler: str | None = None,
    write_baseline: str | None = None,
) -> LintRun:
    """Lint every input; one that cannot be read is reported and counted as an error, and
    the others are still linted. With `jobs` > 1 files are linted in that many processes;
    the findings are the same, in the same order; with `scheduler` (a Dask scheduler's
    address, or `local`), on that cluster, the same again. `output`, the report's file,
    and `write_baseline`, the baseline's, must not be one of the inputs.

    The across-files rules (`copied-passage`, `duplicate-transcript`) run when several
    files or a folder are given, or an `index` file (kept between runs; see
    `linter.across`): the workers compute each file's sentence rows, this process
    writes them to the SQLite index and joins them at the end."""
    check_encoding(encoding)
    settings = settings or LintSettings()
    run = LintRun()
    paths = list(paths or [STDIN])
    acrossing = _across_wanted(paths, settings, index)
    if acrossing:
        from ..linter import across
    with across.Index.open(index) if acrossing else contextlib.nullcontext() as store:
        if store is not None and index is not None:
            store.forget_missing()
        work = functools.partial(
            _lint_file,
            settings=settings,
            from_format=from_format,
            encoding=encoding,
            fixing=fixing,
            rows=store is not None,
        )
        inputs = checked(expand_paths(paths, settings, report, select), output)
        inputs = checked(inputs, write_baseline, "--write-baseline")
        if store is not None:
            inputs = _marked(inputs, store)
        files = map_inputs(work, inputs, jobs, scheduler)  # files stream in, one at a time
        total = counter(paths, select or default_selection(settings))
        order: dict[str, int] = {}
        for result in shown(files, "Linting", total):
            if isinstance(result, (str, TranscriptError)):
                result = str(result)
                run.errors.append(result)
                if report:
                    report(result)
                continue
            if result.error:
                run.errors.append(result.error)
                if report:
                    report(result.error)
            position = run.files
            run.files += 1
            if result.findings:
                order.setdefault(result.findings[0].path, position)
            run.findings.extend(result.findings)
            run.fixed += result.fixed
            if result.diff:
                run.diffs.append(result.diff)
            if result.note:
                run.notes.append(result.note)
            if store is not None and result.path and result.path != STDIN:
                _index(store, result, position)
        if store is not None:
            found = _across(store, settings, encoding, report, run)
            if found:
                run.findings = _merged(run.findings, found, order)
    return run


def _across_wanted(paths: Sequence[str], settings: LintSettings, index: str | None) -> bool:
    """Do the across-files rules run: one is selected, and there is something to compare
    (an index, several inputs, or a folder)?"""
    if not any(rule.across for rule in settings.rules_for(None)):
        return False
    return index is not None or len(paths) > 1 or any(os.path.isdir(path) for path in paths)


def _marked(
    inputs: Iterable[str | TranscriptError], store: across.Index
) -> Iterator[str | TranscriptError]:
    """The inputs, those the index holds unchanged marked `Indexed`."""
    for item in inputs:
        if isinstance(item, str) and item != STDIN and store.unchanged(item):
            yield Indexed(item)
        else:
            yield item


def _index(store: across.Index, result: FileResult, position: int) -> None:
    """Put a linted file's rows in the index, or mark it given when it holds it."""
    path = result.path
    name = display_name(path)
    if result.rows is None:
        store.give(path, name, order=position)
    else:
        size, mtime = result.stat
        store.add(
            path,
            result.rows,
            format=result.format,
            shown=name,
            size=size,
            mtime=mtime,
            order=position,
        )


def _across(
    store: across.Index,
    settings: LintSettings,
    encoding: str | None,
    report: Report | None,
    run: LintRun,
) -> list[tuple[int, list[Finding]]]:
    """The across-files findings of the given files with each file's place among the
    inputs; a file that cannot be read again is an error of the run."""
    found: list[tuple[int, list[Finding]]] = []
    for order, result in copy_findings(store, settings, encoding=encoding):
        if isinstance(result, str):
            run.errors.append(result)
            if report:
                report(result)
        else:
            found.append((order, result))
    return found


def copy_options(settings: LintSettings) -> across.CopyOptions:
    """What counts as a copy, from the options of the two across-files rules."""
    from ..linter import across

    rules = {rule.name: rule for rule in all_rules() if rule.across}
    passage = settings.options_for(rules["copied-passage"])
    whole = settings.options_for(rules["duplicate-transcript"])
    return across.CopyOptions(
        most_files=passage["max-files"],
        whole_most_files=whole["max-files"],
        min_length=passage["min-length"],
        long_sentence=passage["long-sentence"],
        share=whole["share"],
        min_sentences=whole["min-sentences"],
    )


def copy_findings(
    store: across.Index, settings: LintSettings, *, encoding: str | None = None
) -> Iterator[tuple[int, list[Finding] | str]]:
    """The findings of `copied-passage` and `duplicate-transcript` for each file given
    to `store` that has a copy, with the file's place among the given files (its
    `order`, -1 when it has none), in the order of the index. Each such file is read
    again (copies are rare) so its findings are placed, suppressed by its comments,
    fingerprinted and given their severity exactly as other rules' are; a file that
    cannot be read again comes as its one-line error instead."""
    from ..linter import across

    options = copy_options(settings)
    for file, copies in itertools.groupby(across.copies(store, options), key=lambda c: c.file):
        entry = store.file(file)
        order = entry.order if entry.order is not None else -1
        try:
            transcript, source, chosen = read_document(
                entry.path, entry.format, speakers=settings.speakers, encoding=encoding
            )
            problems = across.problems(list(copies), transcript, store)
            yield (
                order,
                across_findings(
                    problems, transcript, source.text, chosen.name, settings, path=entry.shown
                ),
            )
        except Exception as error:  # changed or gone since it was read
            yield order, str(input_failure(error, entry.shown))


def _merged(
    findings: list[Finding], found: list[tuple[int, list[Finding]]], order: dict[str, int]
) -> list[Finding]:
    """The across-files findings merged into the others: files in the order they were
    given, each file's findings by place."""
    rank = dict(order)
    for position, placed in found:
        for finding in placed:
            rank[finding.path] = position
    every = [*findings, *(finding for _, placed in found for finding in placed)]
    return sorted(every, key=lambda f: (rank[f.path], *f.sort_key()[1:]))


#: Formats whose files `--fix` can rewrite: the text reader's, whose lines and columns
#: are the file's own.
FIXABLE_FORMATS = ("text", "markdown")
_MAX_PASSES = 10  # as ruff: fixes that overlap are applied on the next pass


def _lint_file(
    path: str,
    settings: LintSettings,
    from_format: str | None,
    encoding: str | None,
    fixing: FixMode = NO_FIXES,
    rows: bool = False,
) -> FileResult | str:
    """One input's findings (and fixes), or the one-line error that kept it from being
    linted; with `rows`, its sentence rows for the across-files rules too (unless it is
    `Indexed`: the index holds them)."""
    try:
        if isinstance(path, Indexed) and not _per_file_rules(settings, path):
            return FileResult([], path=str(path))  # nothing to read: the index has it
        stat = _stat(path) if rows else (-1, -1)
        source, chosen = load_source(path, from_format, encoding)
        facts = SourceFacts(source.text, chosen.name)
        # The text is as large as the file: once the facts are taken only fixing needs
        # it, so the reader may drop it as soon as it holds the lines.
        source.transient = not fixing.active
        transcript = read_source(source, chosen, speakers=settings.speakers, encoding=encoding)
        if not getattr(transcript.inference, "warning", None):
            # The reader's evidence (a record for every label candidate, for `parse
            # --explain`) is as large as the text's turns; of the rules only
            # speakers-not-found reads it, and only when it holds a warning.
            transcript.inference = None
        kept = source if fixing.active else None
        del source
        findings, count = _findings(transcript, facts, settings, path, fixing)
        result = FileResult(findings, path=str(path), format=chosen.name, stat=stat)
        if rows and not isinstance(path, Indexed) and path != STDIN:
            from ..linter import across

            result.rows = across.file_rows(transcript, document_lines=facts.block_lines())
        if kept is None or not count:
            return result
        if chosen.name not in FIXABLE_FORMATS:
            result.note = (
                f"{display_name(path)}: {plural(count, 'fixable finding')} "
                f"left as they are: fixes rewrite text and Markdown only, not {chosen.name}"
            )
            return result
        if path == STDIN and not fixing.diff:
            raise TranscriptError("--fix cannot rewrite standard input; use --diff", STDIN)
        try:
            fixed = _fix(path, transcript, kept, chosen.name, findings, settings, fixing)
        except TranscriptError as error:  # a read-only file: its findings stand unfixed
            result.error = str(input_failure(error, display_name(path)))
            return result
        fixed.path, fixed.format, fixed.stat, fixed.rows = (
            result.path,
            result.format,
            result.stat,
            result.rows,
        )
        return fixed
    except Exception as error:
        return str(input_failure(error, display_name(path)))


def _per_file_rules(settings: LintSettings, path: str) -> bool:
    """Does any rule that looks at one file at a time run on `path`?"""
    return any(not rule.across for rule in settings.rules_for(path))


def _stat(path: str) -> tuple[int, int]:
    """A file's size and modification time (ns), before it is read: a change after
    that makes the index read it again next time."""
    try:
        info = os.stat(path)
    except OSError:
        return -1, -1
    return info.st_size, info.st_mtime_ns


def _findings(
    transcript: Transcript,
    facts: SourceFacts,
    settings: LintSettings,
    path: str,
    fixing: FixMode,
) -> tuple[list[Finding], int]:
    """A transcript's findings as the file shows them (`lint_document`), and how many
    the rules could fix in the text it was read from."""
    format_name = facts.format_name
    findings = lint_document(transcript, facts, format_name, settings, path=path)
    count = len(fixable(findings, fixing.unsafe))
    if fixing.active and findings and not count and format_name not in FIXABLE_FORMATS:
        # placed in a document, findings lose their fixes (edits of another text)
        count = len(fixable(lint(transcript, settings, path=path), fixing.unsafe))
    return findings, count


def _fix(
    path: str,
    transcript: Transcript,
    source: SourceText | None,
    format_name: str,
    findings: list[Finding],
    settings: LintSettings,
    fixing: FixMode,
) -> FileResult:
    """Apply the fixes pass after pass (each pass lints the fixed text again), then
    write the file (atomically, in its encoding, with its byte order mark and line
    endings) or, with `--diff`, only say what would change."""
    assert source is not None  # kept when fixing
    text, fixed = source.text, 0
    for _ in range(_MAX_PASSES):
        chosen = fixable(findings, fixing.unsafe)
        if not chosen:
            break
        text, applied = apply_fixes(text, chosen)
        if not applied:
            break
        fixed += len(applied)
        again = SourceText(text=text, path=path, encoding=source.encoding, bom=source.bom)
        transcript = formats.get_format(format_name).read(
            again, ReadOptions(speakers=settings.speakers, encoding=source.encoding)
        )
        facts = SourceFacts(text, format_name)
        findings, _ = _findings(transcript, facts, settings, path, fixing)
    if text == source.text:
        return FileResult(findings)
    if fixing.diff:
        import difflib

        name = display_name(path)
        diff = difflib.unified_diff(
            source.text.splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=name,
            tofile=name,
        )
        return FileResult(findings, fixed, diff="".join(_ended(line) for line in diff))
    # Through a symbolic link, not over it (and never through one planted in /tmp).
    write_output(("\ufeff" if source.bom else "") + text, path, source.encoding)
    return FileResult(findings, fixed)


def _ended(line: str) -> str:
    """A diff line ending in a line break (the last line of a file may have none)."""
    return line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"


def explain(key: str) -> str:
    """The documentation of one rule (`--explain NAME`), or a table of all (`all`)."""
    if key.strip().lower() == "all":
        rules = all_rules()
        width = max(len(rule.name) for rule in rules)
        return "".join(
            f"{rule.code}  {rule.name:<{width}}  {rule.severity:<7}  {rule.summary}\n"
            for rule in rules
        )
    rule = find_rule(key)
    options = ""
    if rule.options:
        settings = ", ".join(f"{name}: {value!r}" for name, value in rule.options.items())
        options = f"\nDefaults: {settings}\n"
    return f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n{rule.doc}\n{options}"


def run_lint(
    files: Sequence[str],
    *,
    output_format: str | None = None,
    output: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: str | None = None,
    exit_zero: bool = False,
    explain_rule: str | None = None,
    show_statistics: bool = False,
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    config: Mapping[str, Any] | None = None,
    config_path: str | None = None,
    report: Report | None = None,
    note: Report | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    extend_select: Sequence[str] = (),
    exclude: Sequence[str] = (),
    force_exclude: bool | None = None,
    respect_gitignore: bool | None = None,
    show_files: bool = False,
    baseline: str | None = None,
    write_baseline: str | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    index: str | None = None,
) -> int:
    """The whole `transcripts lint` command: settings from the config file and the
    options, lint the inputs, write the report, return the exit status. `report` gets
    one line per input that could not be linted, `note` the closing summary."""
    if explain_rule is not None:
        write_output(explain(explain_rule), output)
        return ExitCode.OK
    output_format = output_format or (config or {}).get("format") or "text"
    if output_format not in FORMATTERS:
        where = f"{config_path}: lint.format" if config_path else "--format"
        raise TranscriptError(
            f"{where}: unknown format {output_format!r}; use {', '.join(FORMATTERS)}"
        )
    files = or_standard_input(files)
    settings = LintSettings.from_config(config, config_path).with_overrides(
        select=select,
        ignore=ignore,
        fail_on=severity,
        speakers=speakers,
        extend_select=extend_select,
    )
    chosen = selection(
        config,
        config_path,
        exclude=exclude,
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
    )
    if show_files:
        return _show_files(files, settings, chosen, output, report)
    accepted = _baseline(baseline, config, config_path) if not write_baseline else None
    fixing = FixMode(apply=fix or unsafe_fixes, unsafe=unsafe_fixes, diff=diff)
    run = lint_paths(
        files,
        settings,
        from_format=from_format,
        encoding=encoding,
        report=report,
        jobs=jobs,
        output=output,
        select=chosen,
        fixing=fixing,
        index=index,
        scheduler=scheduler,
        write_baseline=write_baseline,
    )
    for line in run.notes:
        if note:
            note(line)
    if write_baseline:
        folder = os.path.dirname(os.path.abspath(write_baseline))
        write_output(render_baseline(run.findings, folder), write_baseline)
        if note:
            note(f"wrote {len(run.findings)} findings to the baseline {write_baseline}")
        return ExitCode.ERROR if run.errors else ExitCode.OK
    if accepted is not None:
        run.findings, run.baselined = accepted.new(run.findings)
    if diff:
        write_output("".join(run.diffs), output)
        if run.errors:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if run.diffs else ExitCode.OK
    colour = False
    if show_statistics and output_format == "sarif":
        rendered = sarif(run.findings, errors=run.errors, with_statistics=True)
    elif show_statistics:
        rendered = statistics(run.findings, as_json=output_format == "json")
    elif output_format == "sarif":
        rendered = sarif(run.findings, errors=run.errors)
    else:
        colour = output is None and output_format == "text" and use_colour()
        rendered = FORMATTERS[output_format](run.findings, colour)
    if rendered or output:
        write_output(rendered, output, as_is=colour)  # (escaped already; its colours ours)
    if note and output_format == "text" and not show_statistics:
        note(_summary(run, fixing))
    return run.exit_status(settings, exit_zero)


def _summary(run: LintRun, fixing: FixMode) -> str:
    """The closing line: findings, then what was fixed, what could be, what the baseline
    held."""
    parts = [summary(run.findings, run.files)]
    if run.fixed:
        parts.append(f"{run.fixed} fixed")
    available = fixable(run.findings, unsafe=False)
    hidden = len(fixable(run.findings, unsafe=True)) - len(available)
    if available and not fixing.apply:
        parts.append(f"{len(available)} fixable with --fix")
    if hidden and not fixing.unsafe:
        parts.append(f"{hidden} more with --unsafe-fixes")
    if run.baselined:
        parts.append(f"{run.baselined} in the baseline")
    return "; ".join(parts)


def _baseline(
    given: str | None, config: Mapping[str, Any] | None, config_path: str | None
) -> Baseline | None:
    """The baseline named on the command line (relative to the current folder) or in
    the configuration (relative to its file), read; None when there is none."""
    path = given
    if path is None and config and config.get("baseline"):
        path = str(config["baseline"])
        if config_path:
            path = os.path.join(os.path.dirname(os.path.abspath(config_path)), path)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):  # /dev/zero: read for ever
                kind = special_file(mode)
                raise TranscriptError(f"cannot read the baseline: it is {kind}, not a file", path)
            text = handle.read()  # a pipe (`--baseline <(git show main:b.json)`) is read
    except FileNotFoundError:
        raise TranscriptError("no such baseline; write one with --write-baseline", path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise TranscriptError(f"cannot read the baseline: {error}", path) from None
    return Baseline.parse(text, os.path.dirname(os.path.abspath(path)), path)


def _show_files(
    paths: Sequence[str],
    settings: LintSettings,
    select: Selection,
    output: str | None,
    report: Report | None,
) -> int:
    """`--show-files`: the files that would be linted, one per line, and nothing linted."""
    listed, failed = [], False
    for item in expand_paths(paths or [STDIN], settings, report, select):
        if isinstance(item, TranscriptError):
            failed = True
            if report:
                report(str(item))
        else:
            listed.append(printable(display_name(item)) + "\n")  # one line, whatever the name
    write_output("".join(listed), output)
    return ExitCode.ERROR if failed else ExitCode.OK
