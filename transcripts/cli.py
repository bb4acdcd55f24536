"""The `transcripts` command line: a thin click group whose commands load on demand.

Each subcommand lives in `transcripts/commands/<name>.py` and only parses options and
calls the library. This module is also the one place that turns errors into a one-line
message and an exit status (see `ExitCode`), so no traceback reaches a user.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

import click

from ._version import __version__
from .errors import ExitCode, TranscriptError

# name -> (module, attribute, one-line help); loaded only when the command runs.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "parse": ("transcripts.commands.parse", "parse", "Parse transcripts into structured turns."),
    "lint": (
        "transcripts.commands.lint",
        "lint",
        "Check transcripts for what an editor would catch.",
    ),
    "stats": (
        "transcripts.commands.stats",
        "stats",
        "Count turns, words, questions and more per speaker.",
    ),
    "convert": (
        "transcripts.commands.convert",
        "convert",
        "Convert a transcript from one format to another.",
    ),
    "report": (
        "transcripts.commands.report",
        "report",
        "Write an HTML page: who spoke when, talk share, findings in place.",
    ),
    "formats": ("transcripts.commands.formats", "formats", "List the formats read and written."),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attribute, _ = entry
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table, so `--help` imports no command module.
        rows = [(name, help_text) for name, (_, _, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            status = super().invoke(ctx)
        except TranscriptError as error:
            click.echo(f"transcripts: {error}", err=True)
            ctx.exit(ExitCode.ERROR)
        except KeyboardInterrupt:
            click.echo("", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(ExitCode.BROKEN_PIPE)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except RecursionError:
            click.echo("transcripts: input is nested too deeply to process", err=True)
            ctx.exit(ExitCode.ERROR)
        except MemoryError:
            click.echo("transcripts: out of memory", err=True)
            ctx.exit(ExitCode.ERROR)
        except Exception as error:  # a bug: say so in one line, unless debugging
            if os.environ.get("TRANSCRIPTS_DEBUG"):
                raise
            click.echo(
                f"transcripts: internal error ({type(error).__name__}: {error}); "
                "please report it (TRANSCRIPTS_DEBUG=1 shows the traceback)",
                err=True,
            )
            ctx.exit(ExitCode.ERROR)
        # Commands return their exit status; click would otherwise exit 0.
        if isinstance(status, int) and status:
            ctx.exit(status)
        return status


def _silence_stdout() -> None:
    """After a closed pipe, send what is left in stdout's buffer nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  transcripts parse interview.txt
  transcripts lint --format github transcripts/
  transcripts stats --per-file --format csv *.txt
  transcripts convert interview.txt -t yaml -o interview.yaml
  transcripts report interview.txt -o report.html

See transcripts(1) and transcripts-COMMAND(1) for the manual.""",
)
@click.version_option(__version__, "-V", "--version", prog_name="transcripts")
def cli() -> None:
    """Parse, lint, count and convert interview transcripts.

    Every command reads files or - (standard input) and writes standard output or
    -o FILE. Exit status: 0 success, 1 lint findings, 2 bad input or usage.
    """


def main(argv: list[str] | None = None) -> None:
    """The console script's entry point."""
    # Parsing allocates many small objects that live until the end; collecting cycles
    # less often saves several percent on large files and changes nothing else.
    gc.disable()
    cli.main(args=argv, prog_name="transcripts")
