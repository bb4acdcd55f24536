"""Work over many files: in order, optionally in several processes, with progress on a terminal.

`map_ordered` gives the same results in the same order whatever `jobs` is, so
`--jobs N` changes only how long a run takes, never what it prints.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from .errors import TranscriptError
from .terminal import say

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
    pickle); where the system refuses to start them (a process limit, no memory), the
    work is done in this process after a one-line note on stderr. The processes end with
    this one, however it ends. With `label`, a progress bar is drawn on stderr when
    stderr is a terminal.
    """
    jobs = resolve_jobs(jobs)
    results: Iterator[Result] | None = None
    pool = None
    if jobs > 1 and len(items) >= _MIN_ITEMS_FOR_POOL:
        pool, results = _start_pool(function, items, min(jobs, len(items)))
    if results is None:
        results = map(function, items)
    finished = False
    try:
        if label and sys.stderr is not None and sys.stderr.isatty() and len(items) > 1:
            import click

            with click.progressbar(results, length=len(items), label=label, file=sys.stderr) as bar:
                yield from bar
        else:
            yield from results
        finished = True
    except _broken_pool_errors() as error:
        raise TranscriptError(
            f"a worker process ended unexpectedly ({error}); try again with fewer --jobs"
        ) from None
    finally:
        if pool is not None:
            _stop_pool(pool, finished)


def _start_pool(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int
) -> tuple[Any, Iterator[Result] | None]:
    """A pool of `workers` processes already mapping `function` over the items, or
    (None, None) after a note when the system refuses to start them."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=prepare_worker, initargs=(os.getpid(),)
    )
    chunk = max(1, min(64, len(items) // (workers * 8)))
    try:
        return pool, pool.map(function, items, chunksize=chunk)
    except OSError as error:  # fork refused: EAGAIN under a process limit, ENOMEM
        _stop_pool(pool, finished=False)
        say(
            f"note: cannot start {workers} worker processes ({error.strerror or error}); "
            "working in one"
        )
        return None, None


def _stop_pool(pool: Any, finished: bool) -> None:
    """Shut the pool down: after the last result, waiting for its processes; otherwise
    (an error, Ctrl-C, SIGTERM) terminating them first, so none outlives the run."""
    if not finished:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.terminate()
    with contextlib.suppress(Exception):
        pool.shutdown(wait=True, cancel_futures=True)


def _broken_pool_errors() -> tuple[type[BaseException], ...]:
    from concurrent.futures.process import BrokenProcessPool

    return (BrokenProcessPool,)


def prepare_worker(parent: int) -> None:
    """What a process forked to share the work does first: end when its parent ends
    (even when the parent is killed outright and cannot stop it), and leave Ctrl-C and
    termination to the parent, which stops its workers itself.

    On Linux the kernel sends the worker SIGKILL when its parent dies; elsewhere a
    thread checks every half second whether the parent is still there.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ^C reaches the whole process group
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if not _die_with_parent():
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before any of this was in place
        os._exit(1)


def _die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        done: int = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        return done == 0
    except (OSError, AttributeError):
        return False


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
