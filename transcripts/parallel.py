"""Work over many files: in order, optionally in several processes, with progress on a terminal.

`map_ordered` gives the same results in the same order whatever `jobs` is, so
`--jobs N` changes only how long a run takes, never what it prints.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    failed: Callable[[Item, str], Result] | None = None,
) -> Iterator[Result]:
    """`function` applied to each item, results yielded in the items' order.

    With `jobs` > 1 the calls run in that many processes (`function` and the items must
    pickle); where the system refuses to start them (a process limit, no memory), the
    work is done in this process after a one-line note on stderr. The processes end with
    this one, however it ends. With `label`, a progress bar is drawn on stderr when
    stderr is a terminal.

    A worker process that dies while working on an item (the OOM killer, a signal, a
    crash in C code) costs that item alone: `failed(item, reason)` stands for its
    result, and the other items are worked on in new processes, their results the same
    as in a run without the death. (Without `failed`, the run ends in one line.)
    """
    jobs = resolve_jobs(jobs)
    results: Iterator[Result]
    if jobs > 1 and len(items) >= _MIN_ITEMS_FOR_POOL:
        results = _pooled(function, items, min(jobs, len(items)), failed)
    else:
        results = map(function, items)
    if label and sys.stderr is not None and sys.stderr.isatty() and len(items) > 1:
        import click

        with click.progressbar(results, length=len(items), label=label, file=sys.stderr) as bar:
            yield from bar
    else:
        yield from results


def _pooled(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    failed: Callable[[Item, str], Result] | None,
) -> Iterator[Result]:
    """`map_ordered` in a pool of `workers` processes, started again after a worker's
    death with the items not yet done.

    Each worker notes in memory shared with this process which item it is working on
    (`_Progress`), so that when the pool breaks, the item of the worker that died is
    known: the other workers are stopped by the pool with SIGTERM, so a worker that
    ended otherwise is the one that died. Items done before the death but not yet
    handed on are worked on again (the same results: they are lost with the pool)."""
    blamed: dict[int, str] = {}  # item index -> why its worker died
    start = 0  # the first item whose result is not yet yielded
    stalled = 0  # pools broken in a row with nothing done and no item to blame
    while start < len(items):
        todo = [index for index in range(start, len(items)) if index not in blamed]
        progress = _Progress(len(items))
        pool, results = _start_pool(
            functools.partial(_tracked, function),
            todo,
            [items[index] for index in todo],
            min(workers, max(1, len(todo))),
            progress,
        )
        if pool is None or results is None:  # no process could be started: the rest here
            for index in range(start, len(items)):
                if index in blamed:
                    yield _failed(failed, items[index], blamed[index])
                else:
                    yield function(items[index])
            return
        processes = getattr(pool, "_processes", {})  # filled as the workers start
        finished = False
        before = start
        try:
            for index, result in zip(todo, results, strict=True):
                while start < index:  # the blamed items before this one
                    yield _failed(failed, items[start], blamed.pop(start))
                    start += 1
                yield result
                start = index + 1
            finished = True
        except _broken_pool_errors() as error:
            _stop_pool(pool, finished=True)  # the pool stopped its workers; wait for them
            pool = None
            deaths = {
                pid: code
                for pid, code in ((pid, process.exitcode) for pid, process in processes.items())
                if code not in (None, 0, -signal.SIGTERM)
            }
            found = progress.held_by(deaths, todo)
            # A worker that died between items (idle) blames none: try once more, but
            # not for ever.
            stalled = 0 if found or start > before else stalled + 1
            if stalled > 1:
                raise TranscriptError(
                    f"a worker process ended unexpectedly ({error}); try again with fewer --jobs"
                ) from None
            for index, pid in found.items():
                blamed[index] = _death(deaths[pid])
        finally:
            if pool is not None:
                _stop_pool(pool, finished)
        if finished:
            while start < len(items):  # blamed items after the last one done
                yield _failed(failed, items[start], blamed.pop(start))
                start += 1


def _failed(failed: Callable[[Item, str], Result] | None, item: Item, reason: str) -> Result:
    if failed is None:
        raise TranscriptError(f"{reason}; try again with fewer --jobs")
    return failed(item, reason)


def _death(code: int) -> str:
    """How a worker process that ended with exit status `code` died, as a clause."""
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        memory = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"the worker process reading it was killed by {name}{memory}"
    return f"the worker process reading it ended with exit status {code}"


class _Progress:
    """Which worker process is working on which item, in memory the workers share with
    this process: an item's slot holds 0 before it is begun, the worker's process id
    while it is worked on, and -1 once it is done."""

    def __init__(self, size: int) -> None:
        import multiprocessing

        self.slots: Any = multiprocessing.RawArray("i", size)

    def held_by(self, pids: Iterable[int], indices: Iterable[int]) -> dict[int, int]:
        """The items among `indices` begun but not finished by one of `pids`, each with
        its worker's process id."""
        dead = set(pids)
        return {index: self.slots[index] for index in indices if self.slots[index] in dead}


_progress: _Progress | None = None  # in a worker: set by `_start_worker`


def _tracked(function: Callable[[Item], Result], index: int, item: Item) -> Result:
    """`function(item)`, in a worker, with the item noted as being worked on meanwhile."""
    slots = _progress.slots if _progress is not None else None
    if slots is not None:
        slots[index] = os.getpid()
    try:
        return function(item)
    finally:
        if slots is not None:
            slots[index] = -1


def _start_worker(parent: int, progress: _Progress) -> None:
    global _progress
    prepare_worker(parent)
    _progress = progress


def _start_pool(
    function: Callable[..., Result],
    indices: Sequence[int],
    items: Sequence[Any],
    workers: int,
    progress: _Progress,
) -> tuple[Any, Iterator[Result] | None]:
    """A pool of `workers` processes already mapping `function` over the indices and
    items, or (None, None) after a note when the system refuses to start them."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(os.getpid(), progress)
    )
    chunk = max(1, min(64, len(items) // (workers * 8)))
    try:
        return pool, pool.map(function, indices, items, chunksize=chunk)
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
