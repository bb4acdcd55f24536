"""Work over many files: in order, optionally in several processes, with progress on a terminal.

`map_ordered` gives the same results in the same order whatever `jobs` is, so
`--jobs N` changes only how long a run takes, never what it prints.
"""

from __future__ import annotations

import contextlib
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


def can_fork() -> bool:
    """Can work be handed to a forked process here, and would it help? Only with more
    than one core, where `fork` exists, not inside a worker process (`--jobs` already
    uses the cores), and in a process running no other thread (forking one can
    deadlock the child: a library caller's threads are not ours to risk)."""
    import multiprocessing
    import threading

    return (
        available_cores() > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and multiprocessing.parent_process() is None
        and threading.active_count() == 1
    )


class Forked:
    """`function(*args)` computed in a forked process while the caller goes on; the
    child sees the caller's memory as it was, so nothing is copied to start it.
    `result()` waits for the value (or raises what the function raised)."""

    def __init__(self, function: Callable[..., Result], *args: object) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._connection, child = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run_forked, args=(child, function, args), daemon=True
        )
        self._process.start()
        child.close()

    def result(self) -> Result:
        try:
            ok, value = self._connection.recv()
        except (EOFError, OSError) as error:
            raise RuntimeError(f"the forked process ended without a result ({error!r})") from None
        finally:
            self._connection.close()
            self._process.join()
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """Stop the process; its result is not wanted."""
        self._process.terminate()
        self._process.join(timeout=5)
        self._connection.close()


def _run_forked(connection: object, function: Callable[..., object], args: tuple) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        outcome: tuple[bool, object] = (True, function(*args))
    except BaseException as error:  # sent back, raised in the parent
        outcome = (False, error)
    with contextlib.suppress(OSError, ValueError):  # the parent may have stopped waiting
        connection.send(outcome)  # type: ignore[attr-defined]
