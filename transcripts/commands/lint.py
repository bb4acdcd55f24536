"""`transcripts lint`: find what an editor would catch, with output for people and CI."""

from __future__ import annotations

import click

from .common import (
    cluster_jobs,
    complete_rules,
    config_option,
    encoding_option,
    from_option,
    input_files,
    jobs_option,
    output_option,
    report_error,
    scheduler_option,
    selection_options,
    speaker_option,
)


@click.command(
    epilog="""\b
Examples:
  transcripts lint interview.txt
  transcripts lint transcripts/ --format github
  transcripts lint --select TR2 --ignore near-duplicate-passage *.txt
  transcripts lint --format sarif -o lint.sarif transcripts/
  transcripts lint --write-baseline lint-baseline.json transcripts/
  transcripts lint --baseline lint-baseline.json transcripts/   # new findings only
  transcripts lint --diff transcripts/ && transcripts lint --fix transcripts/
  transcripts lint --index archive.sqlite new-interview.txt   # against the archive
  transcripts lint --format json --scheduler local --jobs 4 archive/
  transcripts lint --explain duplicate-passage"""
)
@input_files
# The option values named in a config file (select, ignore, severity, format) are merged
# by the library, which checks them; so these parameters are not named like the keys.
@click.option(
    "-t",
    "--to",
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(["text", "json", "github", "sarif"]),
    help="Report as text (path:line:col: CODE [name] message; the default), a JSON array, "
    "GitHub annotations or SARIF 2.1.0.",
)
@click.option(
    "--select",
    "select_rules",
    shell_complete=complete_rules,
    metavar="RULES",
    multiple=True,
    help="Run only these rules: codes, names or code prefixes, comma-separated or repeated "
    "(default: all).",
)
@click.option(
    "--extend-select",
    "extend_select",
    shell_complete=complete_rules,
    metavar="RULES",
    multiple=True,
    help="Run these rules too, besides those the configuration or --select chooses.",
)
@click.option(
    "--ignore",
    "ignore_rules",
    shell_complete=complete_rules,
    metavar="RULES",
    multiple=True,
    help="Skip these rules (codes, names or prefixes), besides the configuration's "
    "ignore; the most specific selector wins.",
)
@click.option(
    "--severity",
    "fail_severity",
    type=click.Choice(["error", "warning", "info"], case_sensitive=False),
    help="Failing severity: exit 1 only for findings at or above it (default: warning). "
    "Every finding is still reported.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--explain",
    "explain_rule",
    shell_complete=complete_rules,
    metavar="RULE",
    help="Print a rule's documentation (by code or name; 'all' lists every rule) and exit.",
)
@click.option(
    "--statistics", is_flag=True, help="Print how many findings each rule made, not the findings."
)
@click.option(
    "--show-files", is_flag=True, help="List the files that would be linted, and lint nothing."
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes (mojibake, invisible and control characters) to text and "
    "Markdown files, atomically, keeping their encoding and line endings.",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also apply fixes that can change what was said (a speaker variant renamed, a "
    "repeated turn removed); implies --fix.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print the fixes as a unified diff instead of writing them (exit 1 when there are "
    "some); with --unsafe-fixes, those too.",
)
@click.option(
    "--baseline",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Report only findings that FILE (written by --write-baseline) does not hold.",
)
@click.option(
    "--write-baseline",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write every finding to the baseline FILE (atomically; never over an input) and "
    "exit 0: the findings accepted for now.",
)
@click.option(
    "--index",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Keep the across-files index (SQLite) in FILE between runs: files already in it "
    "and unchanged are not read again, and the files given are checked for passages "
    "copied from any file it holds.",
)
@selection_options
@output_option
@speaker_option
@from_option
@encoding_option
@jobs_option
@scheduler_option
@config_option("lint")
@click.pass_context
def lint(
    ctx: click.Context,
    files: tuple[str, ...],
    output_format: str | None,
    select_rules: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore_rules: tuple[str, ...],
    fail_severity: str | None,
    exit_zero: bool,
    explain_rule: str | None,
    statistics: bool,
    show_files: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    baseline: str | None,
    write_baseline: str | None,
    index: str | None,
    exclude: tuple[str, ...],
    force_exclude: bool | None,
    respect_gitignore: bool | None,
    output: str | None,
    speakers: tuple[str, ...],
    from_format: str | None,
    encoding: str | None,
    jobs: int,
    scheduler: str | None,
) -> int:
    """Check transcripts for what an editor would catch.

    Reads each FILE (a directory is searched for transcript files; none or - means
    standard input) and reports text that belongs to no speaker, labels that are not
    speakers, one speaker under several labels, repeated and nearly repeated passages,
    unbalanced quotes, encoding damage and more. Given several files or a folder, it
    also reports passages copied from one file into another and interviews filed
    twice (--index FILE keeps that index between runs). `--explain all` lists the rules.

    Exit status: 0 no finding at or above the failing severity (after --fix: none
    left), 1 findings (with --diff: fixes to make), 2 a file could not be read or a
    setting is wrong (the other files are still linted).
    """
    from ..pipelines.lint import run_lint
    from ..terminal import printable

    return run_lint(
        files,
        output_format=output_format,
        output=output,
        select=select_rules,
        ignore=ignore_rules,
        severity=fail_severity,
        exit_zero=exit_zero,
        explain_rule=explain_rule,
        show_statistics=statistics,
        speakers=speakers,
        from_format=from_format,
        encoding=encoding,
        jobs=cluster_jobs(ctx, scheduler, jobs),
        scheduler=scheduler,
        extend_select=extend_select,
        exclude=exclude,
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
        show_files=show_files,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        baseline=baseline,
        write_baseline=write_baseline,
        index=index,
        config=ctx.meta.get("transcripts.config"),
        config_path=ctx.meta.get("transcripts.config_path"),
        report=report_error,
        note=lambda line: click.echo(printable(line), err=True),
    )
