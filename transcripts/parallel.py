"""Work over many files: in order, optionally in several processes, with progress on a terminal.

`map_ordered` gives the same results in the same order whatever `jobs` is, so
`--jobs N` changes only how long a run takes, never what it prints.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a process pool costs more than it saves.
_MIN_ITEMS_FOR_POOL = 4


def available_cores() -> int:
    """The cores this process may use (respecting CPU affinity where the OS has it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """`--jobs` as a process count: 0 means one per available core."""
    return available_cores() if jobs <= 0 else jobs


def map_ordered(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int = 1,
    label: str | None = None,
) -> Iterator[Result]:
    """`function` applied to each item, results yielded in the items' order.

    With `jobs` > 1 the calls run in that many processes (`function` and the items must
    pickle). With `label`, a progress bar is drawn on stderr when stderr is a terminal.
    """
    jobs = resolve_jobs(jobs)
    results: Iterator[Result]
    pool = None
    if jobs > 1 and len(items) >= _MIN_ITEMS_FOR_POOL:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)))
        chunk = max(1, min(64, len(items) // (jobs * 8)))
        results = pool.map(function, items, chunksize=chunk)
    else:
        results = map(function, items)
    try:
        if label and sys.stderr.isatty() and len(items) > 1:
            import click

            with click.progressbar(results, length=len(items), label=label, file=sys.stderr) as bar:
                yield from bar
        else:
            yield from results
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
