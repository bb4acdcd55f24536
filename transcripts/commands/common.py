"""Options several commands share, declared once (sqlite-utils' option bundles)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

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
        help="Input format (default: from the extension, else from the content, else text).",
    )(func)


def config_option(command: str) -> Callable[[F], F]:
    """--config FILE, loaded (or discovered upward from the first input) into default_map."""

    def load(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        from ..config import find_config, load_config, settings_for

        files = [f for f in ctx.params.get("files", ()) if f != "-"]
        path = value or find_config(files[0] if files else None)
        settings = settings_for(load_config(path), command) if path else {}
        known = {p.name for p in ctx.command.params}
        defaults = {key.replace("-", "_"): v for key, v in settings.items()}
        ctx.default_map = {
            **(ctx.default_map or {}),
            **{key: v for key, v in defaults.items() if key in known},
        }
        ctx.meta["transcripts.config"] = settings
        ctx.meta["transcripts.config_path"] = str(path) if path else None
        return str(path) if path else None

    return click.option(
        "--config",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        is_eager=True,
        expose_value=False,
        callback=load,
        help="Read settings from FILE (default: the nearest .transcripts.yaml or "
        "pyproject.toml [tool.transcripts] above the first input).",
    )


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
