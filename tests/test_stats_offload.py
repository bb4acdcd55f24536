"""Counting in a second process gives exactly the numbers of counting in place."""

from __future__ import annotations

import os
import signal
import threading

import pytest

import transcripts
from transcripts.errors import Terminated
from transcripts.interruptions import deferrable
from transcripts.model import Block, Kind, Speaker, Transcript
from transcripts.statistics import offload
from transcripts.statistics.counting import BATCH, SpeakerCounter, TokenKinds
from transcripts.statistics.report import build_report
from transcripts.statistics.tally import Tally


def _long_transcript() -> Transcript:
    """Three speakers, several batches each, continued turns across batch boundaries."""
    blocks = []
    speakers = ["Ana", "Ben", "Cleo"]
    for number in range(3 * BATCH + 500):
        speaker = speakers[number % 3] if number % 7 else "Ana"
        text = f"Turn {number} by {speaker}. Is it {number % 11}? Yes, it is Mr. Smith's."
        if number % 13 == 0:
            text += " (laughter) And more [crosstalk]."
        continued = number % 17 == 0 and number > 0
        blocks.append(Block(Kind.TURN, text, number + 1, number + 1, speaker, continued=continued))
    return Transcript(blocks=blocks, speakers=[Speaker(name) for name in speakers])


def _report(transcript: Transcript, forked: bool) -> dict:
    tally = Tally.of_document(
        transcript, iter(transcript.blocks), "x.txt", single_process=not forked
    )
    return build_report(tally).to_dict()


@pytest.mark.skipif(not offload.Offload.available(), reason="no second core or no fork here")
def test_counting_in_a_second_process_gives_the_same_numbers():
    transcript = _long_transcript()
    assert _report(transcript, True) == _report(transcript, False)


@pytest.mark.skipif(not offload.Offload.available(), reason="no second core or no fork here")
def test_an_error_while_reading_stops_the_counting_process(monkeypatch):
    monkeypatch.setattr(offload.Offload, "available", staticmethod(lambda: True))
    transcript = _long_transcript()
    started = []
    original = offload.Offload.__init__

    def remember(self):
        original(self)
        started.append(self)

    monkeypatch.setattr(offload.Offload, "__init__", remember)

    def blocks():
        yield from transcript.blocks[: 3 * BATCH + 400]  # past the first full batch
        raise RuntimeError("the reader failed")

    with pytest.raises(RuntimeError):
        Tally.of_document(transcript, blocks(), "x.txt")
    assert started and not started[0]._process.is_alive()


def test_a_library_caller_can_keep_all_the_work_in_one_process(monkeypatch):
    def refuse(self):
        raise AssertionError("a second process was started")

    monkeypatch.setattr(offload.Offload, "available", staticmethod(lambda: True))
    monkeypatch.setattr(offload.Offload, "__init__", refuse)
    transcript = _long_transcript()
    report = transcripts.stats(transcript, single_process=True)
    tally = Tally.of_document(transcript, iter(transcript.blocks), "-", single_process=True)
    assert report.to_dict() == build_report(tally).to_dict()
    assert report.totals["words"] > 0


class _SignalledOnEntry:
    """The queue's lock, with SIGTERM sent to this process right after it is first
    taken: the moment where a signal's exception would leave the lock taken for ever."""

    def __init__(self, condition: threading.Condition) -> None:
        self.condition = condition
        self.sent = False

    def __enter__(self) -> _SignalledOnEntry:
        self.condition.__enter__()
        if not self.sent:
            self.sent = True
            os.kill(os.getpid(), signal.SIGTERM)
        return self

    def __exit__(self, *exc: object) -> None:
        self.condition.__exit__(*exc)

    def __getattr__(self, name: str) -> object:  # (the queue's thread waits on it)
        return getattr(self.condition, name)


@deferrable
def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)  # as the CLI's handler does (made deferrable as it is)


@pytest.mark.skipif(not offload.Offload.available(), reason="no second core or no fork here")
def test_a_signal_while_a_batch_is_queued_leaves_the_counting_process_stoppable():
    counter = SpeakerCounter(TokenKinds())
    counting = offload.Offload()
    for number in (1, 2):  # the first batch starts the queue's thread; the second is hit
        counter.pending_texts.append("Hello.")
        counter.pending_lines.append(number)
        if number == 1:
            counting.submit("Ana", counter)
    lock = counting._batches._notempty
    counting._batches._notempty = _SignalledOnEntry(lock)
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        with pytest.raises(Terminated):
            counting.submit("Ana", counter)
    finally:
        signal.signal(signal.SIGTERM, previous)
    stopping = threading.Thread(target=counting.close, daemon=True)
    stopping.start()
    stopping.join(timeout=20)
    stuck = stopping.is_alive()
    if stuck:  # (let the test end: the lock the signal left taken, given back)
        lock.release()
        stopping.join(timeout=20)
    assert not stuck, "the signal left the queue's lock taken: stopping hung"
