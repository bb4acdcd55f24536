"""The `transcripts` command line: a thin click group whose commands load on demand.

Each subcommand lives in `transcripts/commands/<name>.py` and only parses options and
calls the library. This module is also the one place that turns errors into a one-line
message and an exit status (see `ExitCode`), so no traceback reaches a user.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import signal
import sys
from typing import Any

import click

from ._version import __version__
from .errors import (
    STDOUT_NAME,
    ExitCode,
    OptionError,
    Terminated,
    TranscriptError,
    internal_error,
)
from .heap import keep_freed_memory_for_large_inputs
from .interruptions import deferrable
from .terminal import say

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
            if isinstance(error, OptionError):  # its value may be a config file's
                from .commands.common import attributed

                error = attributed(error, ctx.meta)
            if error.path == STDOUT_NAME:
                _silence_stdout()  # what could not be written must not be tried again at exit
            say(str(error))
            ctx.exit(ExitCode.ERROR)
        except Terminated as error:
            ctx.exit(128 + error.signum)
        except KeyboardInterrupt:
            _new_line_on_stderr()
            ctx.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(ExitCode.BROKEN_PIPE)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as error:  # the system refused something: not a bug of ours
            where = f"{error.filename}: " if isinstance(error.filename, str) else ""
            say(f"{where}{error.strerror or error}")
            ctx.exit(ExitCode.ERROR)
        except RecursionError:
            say("input is nested too deeply to process")
            ctx.exit(ExitCode.ERROR)
        except MemoryError:
            say("out of memory")
            ctx.exit(ExitCode.ERROR)
        except Exception as error:  # a bug: say so in one line, unless debugging
            if os.environ.get("TRANSCRIPTS_DEBUG"):
                raise
            say(internal_error(error))
            ctx.exit(ExitCode.ERROR)
        # Commands return their exit status; click would otherwise exit 0.
        if isinstance(status, int) and status:
            ctx.exit(status)
        return status


def _silence_stdout() -> None:
    """After a closed pipe or a failed write, send what is left in stdout's buffer
    nowhere, quietly (Python would try again at exit and print a traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _new_line_on_stderr() -> None:
    """After ^C, so the shell's prompt starts on a line of its own."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write("\n")


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
    keep_freed_memory_for_large_inputs()
    _reserve_standard_descriptors()
    _end_cleanly_on_signals()
    try:
        cli.main(args=argv, prog_name="transcripts")
    except SystemExit as done:
        raise SystemExit(_flush_stdout(done.code)) from None
    except BrokenPipeError:  # `--help | head`: click's own output, before any command
        _silence_stdout()
        raise SystemExit(ExitCode.BROKEN_PIPE) from None
    except OSError as error:  # `--version > /dev/full`
        _silence_stdout()
        say(f"{STDOUT_NAME}: cannot write: {error.strerror or error}")
        raise SystemExit(ExitCode.ERROR) from None


def _reserve_standard_descriptors() -> None:
    """Started with standard input, output or error closed (`>&-`), a process would give
    the first file it opens that descriptor, and a message meant for stderr could land
    in an output file. /dev/null holds the place instead (Python already knows the
    stream is missing: writing to standard output is then an error, see `io`)."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: this one


def _end_cleanly_on_signals() -> None:
    """SIGTERM and SIGHUP (a cancelled CI job, a closed terminal) end a run as Ctrl-C
    does: an exception, so temporary files are removed and worker processes stopped,
    then exit status 128 + the signal's number. A signal the caller set to be ignored
    (`nohup`) stays ignored. Each waits for the end of a few steps that must not be cut
    in two (`io.signals_deferred`), Ctrl-C too."""
    global _MAIN_PROCESS
    _MAIN_PROCESS = os.getpid()
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, deferrable(_raise_terminated))
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, deferrable(signal.default_int_handler))


_MAIN_PROCESS = 0  # the process whose run a signal ends


def _raise_terminated(signum: int, frame: object) -> None:
    if os.getpid() != _MAIN_PROCESS:
        # A worker forked a moment ago, before it set its own handlers: it ends at once
        # and quietly, and the run it works for is ended by its parent.
        os._exit(128 + signum)
    raise Terminated(signum)


def _flush_stdout(status: Any) -> Any:
    """Flush what is left for standard output now, so a failure is one line and an exit
    status rather than a traceback printed by Python at exit."""
    stream = sys.stdout
    if stream is None:
        return status
    try:
        stream.flush()
    except BrokenPipeError:
        _silence_stdout()
        return status or ExitCode.BROKEN_PIPE
    except (OSError, ValueError) as error:
        _silence_stdout()
        say(f"{STDOUT_NAME}: cannot write: {getattr(error, 'strerror', None) or error}")
        return status or ExitCode.ERROR
    return status
