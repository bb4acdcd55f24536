"""Options several commands share, declared once (sqlite-utils' option bundles)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from ..errors import OptionError, TranscriptError
    from ..inputs import Selection

F = TypeVar("F", bound=Callable[..., Any])


def input_files(func: F) -> F:
    """FILE... arguments; none means standard input."""
    return click.argument(
        "files",
        nargs=-1,
        metavar="[FILE|-]...",
        # Not checked here: an unreadable file is that file's one-line error, and the
        # other files are still read (click's check would end the run with a usage error).
        type=click.Path(allow_dash=True, readable=False),
        is_eager=True,
    )(func)


def output_option(func: F) -> F:
    return click.option(
        "-o",
        "--output",
        "--output-file",
        "output",
        metavar="FILE",
        # Checked when writing, where a path is shown escaped (click would print it raw).
        type=click.Path(allow_dash=True),
        help="Write to FILE instead of standard output (atomically; never over an input).",
    )(func)


def speaker_option(func: F) -> F:
    return click.option(
        "-s",
        "--speaker",
        "speakers",
        metavar="NAME",
        multiple=True,
        help="Declare a speaker (repeatable); declared speakers override inference.",
    )(func)


def encoding_option(func: F) -> F:
    return click.option(
        "--encoding",
        metavar="NAME",
        help="Decode input with NAME (e.g. cp1252) instead of UTF-8 with BOM detection.",
    )(func)


def speaker_map_option(func: F) -> F:
    return click.option(
        "--speaker-map",
        "speaker_map",
        metavar="LABEL=NAME",
        multiple=True,
        help="Rename a speaker, e.g. 'spk_0=Ana Ruiz' (repeatable; any format); the "
        "label becomes an alias.",
    )(func)


def diarization_option(func: F) -> F:
    return click.option(
        "--diarization",
        metavar="FILE.rttm",
        type=click.Path(dir_okay=False, allow_dash=False, readable=False),
        help="Give a timed transcript the speakers of this diarisation (pyannote RTTM), "
        "word by word where words are timed.",
    )(func)


def from_option(func: F) -> F:
    return click.option(
        "-f",
        "--from",
        "from_format",
        metavar="FORMAT",
        shell_complete=complete_formats(readable=True),
        help="Input format, by name or by an extension only it has (dfxp, yml, ...); "
        "default: from the extension, else from the content, else text.",
    )(func)


def config_option(command: str) -> Callable[[F], F]:
    """--config FILE: the settings of `command` from FILE, or from the file discovered
    upward from the first input (see `transcripts.config`), as click defaults, so an
    option on the command line always wins. Only settings meant for a file are read."""

    def load(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        from ..config import configuration, defaults_for

        inputs = ctx.params.get("files") or ()
        settings, path, sources = configuration(command, value, inputs)
        names = [p.name for p in ctx.command.params if p.name]
        ctx.default_map = {**(ctx.default_map or {}), **defaults_for(command, settings, names)}
        ctx.meta["transcripts.config"] = settings
        ctx.meta["transcripts.config_path"] = path
        ctx.meta["transcripts.config_given"] = value is not None
        ctx.meta["transcripts.config_sources"] = sources
        ctx.meta["transcripts.command_context"] = ctx  # asked by `attributed`
        return path

    return click.option(
        "--config",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        is_eager=True,
        expose_value=False,
        callback=load,
        help="Read settings from FILE (default: the nearest .transcripts.yaml or "
        "pyproject.toml [tool.transcripts] at or above the first input, up to the project "
        "root, in folders only you can write to).",
    )


def attributed(error: OptionError, meta: Mapping[str, Any]) -> TranscriptError:
    """An option's refused value said where it came from: when the option was not on
    the command line and a configuration file gave its default, the error names that
    file and setting (`pyproject.toml: stats.sort: unknown field 'nope'; ...`), not an
    option the user never typed. `meta` is the context's shared `meta`, in which
    `config_option` left the command's context and the file's settings."""
    from ..errors import TranscriptError

    ctx = meta.get("transcripts.command_context")
    sources = meta.get("transcripts.config_sources") or {}
    if not isinstance(ctx, click.Context):
        return error
    for param in ctx.command.params:
        named = error.option in (*param.opts, *param.secondary_opts)
        if (
            named
            and param.name in sources
            and ctx.get_parameter_source(param.name) == click.core.ParameterSource.DEFAULT_MAP
        ):
            path = meta.get("transcripts.config_path")
            return TranscriptError(f"{sources[param.name]}: {error.detail}", path)
    return error


def report_error(message: str) -> None:
    """One line on stderr, the way every command reports a file it could not use (what
    came from the file shown escaped, see `terminal.printable`)."""
    from ..terminal import say

    say(message)


def jobs_option(func: F) -> F:
    return click.option(
        "-j",
        "--jobs",
        metavar="N",
        type=click.IntRange(min=0),
        default=1,
        show_default=True,
        help="Work on N files at once in N processes (0: one per core); the output is the "
        "same, in the same order.",
    )(func)


def scheduler_option(func: F) -> F:
    return click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Do the work on a Dask cluster: its scheduler's ADDRESS (tcp://host:8786), or "
        "local for one started on this machine (a process per core, or --jobs where the "
        "command has it). Needs the dask extra; the output is the same, in the same order.",
    )(func)


def cluster_jobs(ctx: click.Context, scheduler: str | None, jobs: int) -> int:
    """`--jobs` beside `--scheduler` (checked by `checked_scheduler`): with `local`, the
    processes of the cluster started for the run (one per core unless --jobs or the
    configuration says); with an address, --jobs on the command line is an error (the
    cluster has the workers it has) and a configuration's `jobs` is set aside."""
    if not checked_scheduler(ctx, scheduler):
        return jobs
    from ..errors import TranscriptError

    given = ctx.get_parameter_source("jobs")
    if not _is_local(scheduler):
        if given == click.core.ParameterSource.COMMANDLINE:
            raise TranscriptError(
                "--jobs works with --scheduler local only: a cluster's workers are set where "
                "the cluster is started"
            )
        return 0
    explicit = (click.core.ParameterSource.COMMANDLINE, click.core.ParameterSource.DEFAULT_MAP)
    return jobs if given in explicit else 0


def checked_scheduler(ctx: click.Context, scheduler: str | None) -> str | None:
    """The scheduler to use, if any. A configuration file that was discovered (not given
    with --config) may say `local` but not an address: a Dask scheduler sends back
    pickled results, which run code here, so a file in a cloned repository must not
    choose one."""
    if not scheduler:
        return None
    from_file = ctx.get_parameter_source("scheduler") == click.core.ParameterSource.DEFAULT_MAP
    if from_file and not _is_local(scheduler) and not ctx.meta.get("transcripts.config_given"):
        from ..errors import TranscriptError

        raise TranscriptError(
            "scheduler: a discovered configuration may say only 'local'; give a scheduler's "
            "address with --scheduler, or this file with --config",
            ctx.meta.get("transcripts.config_path"),
        )
    return scheduler


def _is_local(scheduler: str | None) -> bool:
    from ..cluster import is_local  # Dask itself is imported only to connect

    return is_local(scheduler)


def chosen_files(
    ctx: click.Context,
    exclude: tuple[str, ...],
    force_exclude: bool | None,
    respect_gitignore: bool | None,
) -> Selection:
    """The file selection of a command: its configuration's, with the options on top."""
    from ..inputs import selection

    return selection(
        ctx.meta.get("transcripts.config"),
        ctx.meta.get("transcripts.config_path"),
        exclude=exclude,
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
    )


def selection_options(func: F) -> F:
    """--exclude, --force-exclude and --respect-gitignore: which files a folder stands
    for and which named files are passed over (see `transcripts.inputs`)."""
    options = [
        click.option(
            "--exclude",
            metavar="GLOB",
            multiple=True,
            help="Leave out files and folders matching GLOB (gitignore syntax, relative to the "
            "current folder; repeatable), besides the configuration's exclude.",
        ),
        click.option(
            "--force-exclude/--no-force-exclude",
            default=None,
            help="Apply exclude to files named on the command line too (default: on, so "
            "pre-commit's file lists honour it); --no-force-exclude reads a named file anyway.",
        ),
        click.option(
            "--respect-gitignore/--no-respect-gitignore",
            default=None,
            help="Leave out what .gitignore files ignore when walking a folder (default: on).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


# Shell completion of values (click completes commands, options and file names itself).


def _last_item(incomplete: str) -> tuple[str, str]:
    """A comma-separated value split into what is typed before the last item and it."""
    head, _, last = incomplete.rpartition(",")
    return (head + "," if head else ""), last


def complete_rules(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Rule codes and names (`--select TR2<TAB>`), also after a comma."""
    from click.shell_completion import CompletionItem

    from ..linter.registry import all_rules

    head, last = _last_item(incomplete)
    items = []
    for rule in all_rules():
        for key in (rule.code, rule.name):
            if key.lower().startswith(last.lower()):
                items.append(CompletionItem(head + key, help=rule.summary))
    return items


def complete_fields(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """The stats fields (`--fields speaker,tu<TAB>`), with what each counts."""
    from click.shell_completion import CompletionItem

    from ..statistics.measures import MEASURES

    head, last = _last_item(incomplete)
    return [
        CompletionItem(head + measure.name, help=measure.help)
        for measure in MEASURES
        if measure.name.startswith(last)
    ]


def complete_formats(readable: bool | None = None, writable: bool | None = None) -> Any:
    """A completer of format names (those read, or written)."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        from ..formats import FORMATS, names

        return [
            CompletionItem(name, help=FORMATS[name].description)
            for name in names(readable=readable, writable=writable)
            if name.startswith(incomplete)
        ]

    return complete


class FormatChoice(click.Choice):  # type: ignore[type-arg]
    """A choice of output formats that also takes a format by the one extension only it
    has (`yml` for yaml, `md` for markdown), as `convert -t` does (`formats.named_among`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            from ..formats import named_among

            named = named_among(value, map(str, self.choices))
            if named is not None:
                return named
        return super().convert(value, param, ctx)
