"""Work over many files gives the same results in the same order whatever --jobs is."""

from __future__ import annotations

import os
import signal

from transcripts.parallel import map_ordered, resolve_jobs


def _square(value: int) -> int:
    return value * value


def test_several_processes_give_the_same_results_in_the_same_order():
    items = list(range(200))
    assert list(map_ordered(_square, items, jobs=2)) == [i * i for i in items]
    assert list(map_ordered(_square, items, jobs=1)) == [i * i for i in items]


def test_jobs_zero_means_every_available_core():
    assert resolve_jobs(0) >= 1
    assert resolve_jobs(3) == 3


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys):
    assert list(map_ordered(_square, [1, 2, 3], label="Counting")) == [1, 4, 9]
    assert capsys.readouterr().err == ""


def _square_or_die(value: int) -> int:
    if value in (37, 150):  # the worker dies as under the OOM killer
        os.kill(os.getpid(), signal.SIGKILL)
    return value * value


def test_a_worker_killed_mid_batch_costs_its_item_alone():
    items = list(range(200))  # chunks of several items: the dead one's others are redone
    results = list(
        map_ordered(_square_or_die, items, jobs=2, failed=lambda item, reason: (item, reason))
    )
    died = "the worker process reading it was killed by SIGKILL (out of memory?)"
    assert results == [(i, died) if i in (37, 150) else i * i for i in items]
