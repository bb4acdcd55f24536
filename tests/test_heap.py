"""Keeping freed heap memory: a no-op off Linux, and harmless where it applies."""

import sys

import pytest

from transcripts import heap


def test_keeping_freed_memory_leaves_the_process_working():
    heap.keep_freed_memory()
    assert sum(len(str(number)) for number in range(10_000)) > 0


def test_keeping_freed_memory_does_nothing_off_linux(monkeypatch: pytest.MonkeyPatch):
    def refuse(*args: object) -> None:
        raise AssertionError("ctypes was asked for libc off Linux")

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr("ctypes.CDLL", refuse)
    heap.keep_freed_memory()
