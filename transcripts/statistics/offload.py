"""Counting some speakers in a second process, for large transcripts: the one place the
library forks on its own (more cores otherwise come from `--jobs`, see `parallel`).

It earns its place in the benchmark: on 50 MB with 2 cores `stats` takes about 1.5 times
`parse -t jsonl` with it and 1.8 times without, against a target of 1.5. Library callers
turn it off with `stats(..., single_process=True)`.

Counting words costs about as much as parsing. Once the parser's blocks stream, each
speaker is given to one of two counters, this process or a forked counting process,
whichever has had fewer turns so far, and all of that speaker's batches go there. Each
speaker is still counted by one `SpeakerCounter`, batch by batch in order, so the
numbers are exactly those of counting in place. The process starts only when a
transcript fills its first batch, on machines with more than one core, where `fork`
exists, in a process running no other thread, and never inside a worker of `--jobs`
(which already uses the cores).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

from ..errors import TranscriptError
from ..interruptions import signals_deferred
from ..parallel import available_cores, prepare_worker
from .counting import SpeakerCounter, TokenKinds


class Offload:
    """A counting process fed batches of turns by speaker name."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        # A queue's feeder thread writes to the pipe, so sending a batch never waits for
        # the counting process to take the one before (a bare pipe would, in lockstep).
        self._batches = context.Queue()
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(self._batches, child, os.getpid()), daemon=True
        )
        try:
            self._process.start()
        except BaseException:  # refused (a process limit): nothing must be left open
            self._batches.close()
            self._connection.close()
            child.close()
            raise
        child.close()
        self._remote: dict[str, bool] = {}  # speaker -> counted by the other process?
        self._load = [0, 0]  # turns given to this process, to the other

    def takes(self, name: str, turns: int) -> bool:
        """Should the counting process count this speaker's batch of `turns` turns?
        A speaker new to it goes to whichever side has counted fewer turns so far."""
        remote = self._remote.get(name)
        if remote is None:
            remote = self._remote[name] = self._load[1] <= self._load[0]
        self._load[remote] += turns
        return remote

    def remote_speakers(self) -> list[str]:
        return [name for name, remote in self._remote.items() if remote]

    @staticmethod
    def available() -> bool:
        """Would a second process help, and can one be forked safely here? Only with more
        than one core, where `fork` exists, not inside a worker process (`--jobs` already
        uses the cores), and in a process running no other thread (forking one can
        deadlock the child: a library caller's threads are not ours to risk)."""
        import threading

        return (
            available_cores() > 1
            and "fork" in multiprocessing.get_all_start_methods()
            and multiprocessing.parent_process() is None
            and threading.active_count() == 1
        )

    def submit(self, name: str, counter: SpeakerCounter) -> None:
        """Send the counter's pending batch to be counted, and empty it in place."""
        if not counter.pending_texts:
            return
        self._put(
            (
                name,
                list(counter.pending_texts),
                list(counter.pending_lines),
                list(counter.pending_continued),
            )
        )
        counter.pending_texts.clear()
        counter.pending_lines.clear()
        counter.pending_continued.clear()

    def collect(self) -> dict[str, SpeakerCounter]:
        """The counters of every speaker sent, once all batches are counted."""
        try:
            self._put(None)
            counters: dict[str, SpeakerCounter] = self._connection.recv()
        except (EOFError, OSError) as error:
            self.close()
            raise TranscriptError(f"the counting process failed ({error!r})") from None
        except BaseException:  # Ctrl-C, SIGTERM: stop it rather than wait for it
            self.close()
            raise
        self._connection.close()
        self._batches.close()
        self._process.join()
        return counters

    def _put(self, message: Any) -> None:
        """Queue a message with termination held back. A signal's exception (Ctrl-C,
        SIGTERM) raised while the queue holds its lock, after taking it and before the
        `with` that would give it back, leaves the lock taken for ever: `close`, or the
        interpreter's exit, then waits on it and the run hangs instead of ending."""
        with signals_deferred():
            self._batches.put(message)

    def close(self) -> None:
        """Stop the counting process without waiting for its counts (on an error or
        Ctrl-C): its counts are not wanted any more."""
        self._batches.cancel_join_thread()
        self._process.terminate()
        self._process.join(timeout=5)
        self._batches.close()
        self._connection.close()


def _serve(batches: Any, connection: Any, parent: int) -> None:
    # Ctrl-C and termination are the parent's to handle, and this process ends with it.
    prepare_worker(parent)
    counters: dict[str, SpeakerCounter] = {}
    kinds = TokenKinds()  # shared by the counters, as in the parent
    try:
        while (message := batches.get()) is not None:
            name, texts, lines, continued = message
            counter = counters.get(name)
            if counter is None:
                counter = counters[name] = SpeakerCounter(kinds)
            counter.pending_texts.extend(texts)
            counter.pending_lines.extend(lines)
            counter.pending_continued.extend(continued)
            counter.flush()
        connection.send(counters)
    except (EOFError, OSError, ValueError):  # the parent stopped early
        pass
