"""The command layer: what each command does, as library functions, one module each.

`parse`, `convert`, `lint`, `stats` and `formats` hold what the commands of those names
do: find the inputs, read them, call an engine (a reader, a writer, `linter`,
`statistics`), write the output atomically and return the exit status. The click
commands in `transcripts.commands` only gather options and call one of these, so all of
it is usable (and testable) without the command line. Engines never import this layer.

    from transcripts.pipelines.stats import stats_files
"""

from __future__ import annotations

from collections.abc import Callable

#: Where a command reports an input it could not use: one line, no trailing newline.
Report = Callable[[str], None]
