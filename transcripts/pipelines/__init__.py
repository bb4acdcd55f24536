"""The command layer: what each command does, as library functions, one module each.

`parse`, `convert`, `lint`, `stats` and `formats` hold what the commands of those names
do: find the inputs, read them, call an engine (a reader, a writer, `linter`,
`statistics`), write the output atomically and return the exit status. The click
commands in `transcripts.commands` only gather options and call one of these, so all of
it is usable (and testable) without the command line. Engines never import this layer.

    from transcripts.pipelines.stats import stats_files
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..io import display_name
from ..model import Block, Transcript

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
    yield from blocks
    warning = reader_warning(transcript, path)
    if warning:
        report(warning)
