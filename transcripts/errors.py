"""The one error type for bad input, and the exit codes every command shares."""

from __future__ import annotations

from enum import IntEnum

#: How messages name standard output (standard input is `<stdin>`, see `io.display_name`).
STDOUT_NAME = "<stdout>"


class ExitCode(IntEnum):
    """Exit statuses, the same for every command (ruff's and flake8's convention)."""

    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130
    BROKEN_PIPE = 141


class Terminated(KeyboardInterrupt):
    """The run was ended by a signal (`SIGTERM`, `SIGHUP`): raised like Ctrl-C's
    `KeyboardInterrupt` (whose cleanup it shares: temporary files removed, worker
    processes stopped), and ending with exit status 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class TranscriptError(Exception):
    """Bad input or a request that cannot be met; the CLI prints it as one line and exits 2.

    `path` names the file at fault (``-`` for standard input) so the message can lead with it.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message

    def __reduce__(self) -> tuple[type[TranscriptError], tuple[str, str | None]]:
        # Keep the path when the error crosses a process boundary (`--jobs`).
        return (type(self), (self.message, self.path))

    def with_path(self, path: str) -> TranscriptError:
        """Return this error naming `path`, unless it already names a file."""
        if self.path is None:
            self.path = path
        return self


class OptionError(TranscriptError):
    """A value of a command-line option refused (`--sort: unknown field 'nope'`).

    `option` is the option as the user spells it. The value may have come from a
    configuration file instead (`sort = "nope"` in its stats table): the command layer
    then says that file and setting (`commands.common.attributed`), not an option the
    user never typed.
    """

    def __init__(self, option: str, detail: str) -> None:
        super().__init__(f"{option}: {detail}")
        self.option = option
        self.detail = detail

    def __reduce__(self) -> tuple[type[OptionError], tuple[str, str]]:
        return (type(self), (self.option, self.detail))


def internal_error(error: BaseException) -> str:
    """The one line for an exception that is not an input problem: a bug in this tool."""
    return (
        f"internal error ({type(error).__name__}: {error}); please report it "
        "(TRANSCRIPTS_DEBUG=1 shows the traceback)"
    )
