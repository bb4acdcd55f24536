"""The command layer: what each command does, as library functions, one module each.

`parse`, `convert`, `lint`, `stats` and `formats` hold what the commands of those names
do: find the inputs, read them, call an engine (a reader, a writer, `linter`,
`statistics`), write the output atomically and return the exit status. The click
commands in `transcripts.commands` only gather options and call one of these, so all of
it is usable (and testable) without the command line. Engines never import this layer.

    from transcripts.pipelines.stats import stats_files
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from ..errors import OptionError, TranscriptError, internal_error
from ..io import display_name, text_encoding
from ..model import Block, Transcript
from ..streams import then_run

#: Where a command reports an input it could not use: one line, no trailing newline.
Report = Callable[[str], None]


def reader_warning(transcript: Transcript, path: str) -> str | None:
    """The reader's one-line warning about a document it has read to the end (the text
    reader's, when it found no speakers or barely any), naming the file."""
    warning = getattr(getattr(transcript, "inference", None), "warning", None)
    return f"{display_name(path)}: warning: {warning}" if warning else None


def warn_when_read(
    transcript: Transcript, blocks: Iterator[Block], path: str, report: Report
) -> Iterator[Block]:
    """The blocks, and once the last has passed, the reader's warning reported."""

    def warn() -> None:
        warning = reader_warning(transcript, path)
        if warning:
            report(warning)

    return then_run(blocks, warn)


def input_failure(error: Exception, name: str) -> TranscriptError:
    """What kept one input of a batch from being used, as that input's one-line error:
    its own `TranscriptError`, or for anything else (a bug of ours) an internal error
    naming it. The batch goes on with the other inputs either way; with
    TRANSCRIPTS_DEBUG set, a bug is raised for its traceback instead."""
    if isinstance(error, TranscriptError):
        return error.with_path(name)
    if isinstance(error, RecursionError):
        return TranscriptError("input is nested too deeply to process", name)
    if isinstance(error, MemoryError):
        return TranscriptError("out of memory while reading it", name)
    if os.environ.get("TRANSCRIPTS_DEBUG"):
        raise error
    return TranscriptError(internal_error(error), name)


def check_encoding(encoding: str | None) -> None:
    """`--encoding` names a text encoding: said once, before any input is read."""
    if encoding is not None:
        try:
            text_encoding(encoding)
        except TranscriptError as error:
            raise OptionError("--encoding", error.message) from None
