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


def test_the_command_line_tunes_once_on_the_first_large_input(monkeypatch: pytest.MonkeyPatch):
    tuned: list[bool] = []
    monkeypatch.setattr(heap, "keep_freed_memory", lambda: tuned.append(True))
    monkeypatch.setattr(heap, "_wanted", False)
    heap.input_read(heap.LARGE_INPUT)  # a library caller's process is left alone
    assert tuned == []
    heap.keep_freed_memory_for_large_inputs()
    heap.input_read(heap.LARGE_INPUT - 1)  # a small file: not worth loading ctypes
    assert tuned == []
    heap.input_read(heap.LARGE_INPUT)
    heap.input_read(heap.LARGE_INPUT * 2)
    assert tuned == [True]


def test_reading_a_large_file_is_reported_to_the_heap(tmp_path, monkeypatch: pytest.MonkeyPatch):
    sizes: list[int] = []
    monkeypatch.setattr("transcripts.io.input_read", sizes.append)
    path = tmp_path / "big.txt"
    path.write_bytes(b"Ana: hi\n" * 1000)
    from transcripts.io import read_bytes

    assert len(read_bytes(str(path))) == 8000 and sizes == [8000]
