"""Work over many files on a Dask cluster: a per-file function mapped over the inputs,
results streamed back in the inputs' order (`--scheduler`).

`map_ordered` is `parallel.map_ordered`'s twin for a cluster: the same results in the
same order as calling the function file by file, so `--scheduler` changes where the work
runs, never what a command prints. Files go to the workers in small batches (one task per
batch, not per file: a task costs the scheduler about as much as reading a small file),
and only a bounded number of batches is in flight, so the names and results held do not
grow with the archive. A batch whose task fails as a whole (its worker died) gives each of
its files a one-line error, and the run goes on.

Needs `distributed` (`interview-transcripts[dask]`), imported only here and only when a
scheduler is asked for, so a normal start-up never pays for it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import CancelledError
from typing import Any, TypeVar

from .errors import TranscriptError
from .parallel import resolve_jobs
from .quietlogs import silenced

Item = TypeVar("Item")
Result = TypeVar("Result")

#: The scheduler address that starts a `LocalCluster` on this machine for the run.
LOCAL = "local"
#: Seconds to wait for a scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 5
#: Files per task, at most (see bench/RESULTS.md: one task per file costs about twice
#: the CPU; 16 to 128 files a task cost about the same as `--jobs`).
BATCH = 64
#: Batches in flight per worker thread: enough to keep every worker busy while results
#: come back, few enough that memory does not grow with the archive.
IN_FLIGHT_PER_THREAD = 4

#: What the fork server of a local cluster imports once for all its workers.
PRELOAD = ("distributed", "transcripts.pipelines.lint", "transcripts.pipelines.stats")

_INSTALL = "pip install 'interview-transcripts[dask]'"


def is_local(scheduler: str | None) -> bool:
    """Does `scheduler` ask for a cluster started on this machine for the run?"""
    return (scheduler or "").strip().lower() == LOCAL


def distributed_module() -> Any:
    """`distributed`, or a one-line error saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise TranscriptError(f"--scheduler needs Dask: {_INSTALL}") from None
    return distributed


@contextlib.contextmanager
def connected(scheduler: str, workers: int = 0) -> Iterator[Any]:
    """A Dask client of `scheduler`, closed (and a cluster started for it stopped)
    however the run ends. `scheduler` is an address (`tcp://host:8786`), a scheduler
    file (the JSON that `dask scheduler --scheduler-file` and dask-mpi write), or `local`:
    a `LocalCluster` of `workers` processes (0: one per core) started for the run. A
    scheduler that cannot be reached within `CONNECT_TIMEOUT` seconds, or an address that
    is not one, is a one-line error."""
    distributed = distributed_module()
    # Dask logs connection retries and worker restarts on stderr; what matters to the
    # user is said here, in one line.
    with silenced("distributed"), _client(distributed, scheduler, workers) as client:
        yield client


@contextlib.contextmanager
def _client(distributed: Any, scheduler: str, workers: int) -> Iterator[Any]:
    cluster = None
    try:
        if is_local(scheduler):
            cluster = _local_cluster(distributed, workers)
            client = distributed.Client(cluster, set_as_default=False)
        else:
            address = _address(distributed, scheduler)
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError) as error:
        if cluster is not None:
            cluster.close()
        raise TranscriptError(
            f"--scheduler {scheduler}: cannot reach the Dask scheduler ({_reason(error)})"
        ) from None
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()


def _local_cluster(distributed: Any, workers: int) -> Any:
    """A `LocalCluster` of `workers` single-threaded processes (0: one per core); an
    OSError when the system will not start them (a process limit, no memory)."""
    import multiprocessing

    import dask

    # Workers forked from a fork server that has imported Dask and this package once
    # start in about half the CPU time of spawned ones, which import both each; unlike
    # a plain fork, the server is forked before any thread of ours exists.
    multiprocessing.get_context("forkserver").set_forkserver_preload(list(PRELOAD))
    try:
        with (
            warnings.catch_warnings(),  # say, about the dashboard's port
            dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}),
        ):
            warnings.simplefilter("ignore")
            return distributed.LocalCluster(
                n_workers=resolve_jobs(workers),
                threads_per_worker=1,  # parsing holds the GIL: processes, not threads
                processes=True,
                dashboard_address=":0",  # any free port: never "8787 is in use"
                silence_logs=logging.CRITICAL,
            )
    except (OSError, ValueError):
        raise
    except Exception as error:  # "Nanny failed to start", and the like
        raise OSError(f"cannot start its workers: {_reason(error)}") from None


def _address(distributed: Any, scheduler: str) -> str:
    """The scheduler's address: `scheduler` itself, or the one its scheduler file holds,
    checked to name a host and port (a client made for a malformed address hangs at
    exit); ValueError or OSError when it does not."""
    address = scheduler
    if os.path.isfile(scheduler):
        try:
            with open(scheduler, encoding="utf-8") as handle:
                address = json.load(handle)["address"]
        except (ValueError, KeyError, TypeError):
            raise ValueError("not a Dask scheduler file: no address in it") from None
        if not isinstance(address, str):
            raise ValueError("not a Dask scheduler file: no address in it")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            distributed.comm.resolve_address(address)
    except OSError:
        raise
    except Exception as error:  # a malformed address, a protocol Dask no longer has
        raise ValueError(_reason(error)) from None
    return address


def _reason(error: BaseException) -> str:
    """An exception as a short clause, on one line."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:200]


def map_ordered(
    work: Callable[[Item], Result],
    items: Iterable[Item],
    client: Any,
    *,
    here: Callable[[Item], bool] = lambda item: False,
    local: Callable[[Item], Result] | None = None,
    failed: Callable[[Item, str], Result],
    batch: int = BATCH,
) -> Iterator[Result]:
    """`work` applied to each item on the cluster of `client`, results yielded in the
    items' order as they are ready. Items for which `here` is true (standard input, an
    input that is already an error) are given to `local` in this process instead, in
    their place. When a batch's task fails as a whole, `failed(item, reason)` stands for
    each of its items' results. `work` and the items must pickle."""
    local = local or work
    threads = max(1, sum(client.nthreads().values()))
    limit = threads * IN_FLIGHT_PER_THREAD
    pending: deque[tuple[Any, list[Item]]] = deque()  # (future or None, items)
    remote_pending = submitted = 0
    chunk: list[Item] = []
    try:
        for item in items:
            if here(item):
                if chunk:
                    pending.append((_submit(client, work, chunk), chunk))
                    remote_pending += 1
                    chunk = []
                pending.append((None, [item]))
            else:
                chunk.append(item)
                submitted += 1
                # Small batches first, so that every worker has work at once even in a
                # short run; then `batch` files a task.
                if len(chunk) >= min(batch, 1 + submitted // limit):
                    pending.append((_submit(client, work, chunk), chunk))
                    remote_pending += 1
                    chunk = []
            while remote_pending >= limit:
                remote_pending -= yield from _drain_one(client, pending, local, failed)
        if chunk:
            pending.append((_submit(client, work, chunk), chunk))
            chunk = []
        while pending:
            yield from _drain_one(client, pending, local, failed)
    finally:
        for future, _ in pending:
            if future is not None:
                with contextlib.suppress(Exception):
                    future.cancel()


def _submit(client: Any, work: Callable[[Item], Result], items: list[Item]) -> Any:
    # pure=False: no hashing of the arguments to name the task (each batch is new).
    return client.submit(run_batch, work, list(items), pure=False)


def _drain_one(
    client: Any,
    pending: deque[tuple[Any, list[Item]]],
    local: Callable[[Item], Result],
    failed: Callable[[Item, str], Result],
) -> Generator[Result, None, int]:
    """The results of the oldest pending entry, in order; returns 1 when it was a
    batch on the cluster, 0 when it was an item worked on here."""
    future, items = pending.popleft()
    if future is None:
        yield local(items[0])
        return 0
    try:
        results = future.result()
    except Exception as error:  # the worker died, a result did not pickle, ...
        # A task is cancelled (never by us while we wait for it) when the client lost
        # the scheduler: every batch would fail, so the run ends, in one line.
        if isinstance(error, CancelledError) or client.status not in ("running", "connecting"):
            raise TranscriptError(
                f"--scheduler: lost the Dask scheduler ({_reason(error)})"
            ) from None
        reason = f"the Dask worker failed ({_reason(error)})"
        results = [failed(item, reason) for item in items]
    yield from results
    return 1


def run_batch(work: Callable[[Item], Result], items: list[Item]) -> list[Result]:
    """On a worker: `work` over a batch of items, in order."""
    return [work(item) for item in items]
