"""Work over a stream of inputs in memory that does not grow with their number.

The commands that take many files (`stats`, `lint`, `parse`, `convert`) read their
inputs from `inputs.expand_inputs` one at a time, and hand each file's result on as soon
as it is ready, so that an archive of a million transcripts costs what its largest file
costs. With `--jobs`, files go to the worker processes a window at a time
(`parallel.map_ordered` over each window), so only a window of names and results is
held. With `scheduler` (`--scheduler`), the work runs on a Dask cluster instead
(`transcripts.cluster`), streamed back in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..errors import TranscriptError
from ..inputs import STDIN, Selection, expand_inputs
from ..io import display_name, refuse_to_overwrite_inputs
from ..parallel import map_ordered, resolve_jobs

Result = TypeVar("Result")

#: Files given to the worker processes at a time, per process.
WINDOW_PER_JOB = 1024


def checked(
    inputs: Iterable[str | TranscriptError], output: str | None, option: str = "-o"
) -> Iterator[str | TranscriptError]:
    """The inputs, each file checked as it comes not to be the output (given with
    `option`: `-o`, `--write-baseline`), which the commands write only when all went
    well."""
    for item in inputs:
        if isinstance(item, str):
            refuse_to_overwrite_inputs(output, [item], option)
        yield item


def map_inputs(
    work: Callable[[str], Result],
    inputs: Iterable[str | TranscriptError],
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[Result | TranscriptError]:
    """`work` applied to each file of `inputs`, in their order; an input that is already
    an error (a special file, a folder with nothing to read) comes through in its place.
    With `jobs` > 1 the work runs in that many processes, a window of files at a time;
    standard input, read by this process, makes it one. With `scheduler` (a Dask
    scheduler's address, or `local`: a cluster of `jobs` processes started for the run)
    the work runs on that cluster's workers, and standard input here."""
    if scheduler:
        yield from _map_on_cluster(work, inputs, scheduler, jobs)
        return
    jobs = resolve_jobs(jobs)
    if jobs <= 1:
        for item in inputs:
            yield item if isinstance(item, TranscriptError) else work(item)
        return
    window: list[str | TranscriptError] = []
    size = WINDOW_PER_JOB * jobs
    for item in inputs:
        window.append(item)
        if item == STDIN:
            jobs = 1
        if len(window) >= size:
            yield from _map_window(work, window, jobs)
            window = []
    yield from _map_window(work, window, jobs)


def _map_window(
    work: Callable[[str], Result],
    window: list[str | TranscriptError],
    jobs: int,
) -> Iterator[Result | TranscriptError]:
    files = [item for item in window if isinstance(item, str)]
    either: Callable[[str], Result | TranscriptError] = work
    results = iter(map_ordered(either, files, jobs, failed=_worker_died))
    for item in window:
        yield item if isinstance(item, TranscriptError) else next(results)


def _worker_died(item: str, reason: str) -> TranscriptError:
    """A file whose worker process died, as that file's one-line error (the run goes on
    with the others, as after any bad file)."""
    return TranscriptError(reason, display_name(item))


def _map_on_cluster(
    work: Callable[[str], Result],
    inputs: Iterable[str | TranscriptError],
    scheduler: str,
    jobs: int,
) -> Iterator[Result | TranscriptError]:
    from .. import cluster  # Dask is imported only when a scheduler is asked for

    def here(item: str | TranscriptError) -> bool:
        return isinstance(item, TranscriptError) or item == STDIN

    def local(item: str | TranscriptError) -> Result | TranscriptError:
        return item if isinstance(item, TranscriptError) else work(item)

    def failed(item: str | TranscriptError, reason: str) -> TranscriptError:
        return TranscriptError(reason, display_name(str(item)))

    with cluster.connected(scheduler, jobs) as client:
        yield from cluster.map_ordered(
            work,  # type: ignore[arg-type]  # `here` keeps the errors from it
            _workers_see(inputs, client),
            client,
            here=here,
            local=local,
            failed=failed,
        )


def _workers_see(
    inputs: Iterable[str | TranscriptError], client: Any
) -> Iterator[str | TranscriptError]:
    """The inputs, the first relative path checked to mean on the workers what it means
    here: they must run in this folder (as a `LocalCluster` and dask-jobqueue's workers
    do), or a relative path would name another file there, or none."""
    checked = False
    for item in inputs:
        if not checked and isinstance(item, str) and item != STDIN and not os.path.isabs(item):
            checked = True
            here = os.getcwd()
            elsewhere = sorted(set(client.run(os.getcwd).values()) - {here})
            if elsewhere:
                raise TranscriptError(
                    f"--scheduler: the workers run in {elsewhere[0]}, not in {here}, so "
                    "relative paths would name other files there; give absolute paths"
                )
        yield item


def counter(paths: Iterable[str], select: Selection | None) -> Callable[[], int]:
    """How many inputs `paths` stand for, counted by walking them (for the progress
    line's total: called only on a terminal)."""
    return lambda: sum(1 for _ in expand_inputs(list(paths), select))
