"""Progress on long runs: a line on stderr when it is a terminal, nothing otherwise."""

from __future__ import annotations

import io

import pytest

from transcripts import progress
from transcripts.cli import cli


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def folder(tmp_path):
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(f"Ana: Hello {number}.\n\nBen: Hi.\n")
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [["stats"], ["stats", "--per-file"], ["lint"], ["parse", "-t", "jsonl"]],
)
def test_no_progress_when_stderr_is_not_a_terminal(runner, folder, args):
    result = runner.invoke(cli, [*args, str(folder)])
    assert result.exit_code in (0, 1), result.stderr
    assert "files/s" not in result.stderr and "\r" not in result.stderr


def test_on_a_terminal_files_done_rate_and_time_left_are_shown_then_erased(monkeypatch):
    monkeypatch.setattr(progress, "_INTERVAL", 0.0)
    screen = Terminal()
    items = list(progress.shown(range(4), "Counting", lambda: 4, stream=screen))
    assert items == [0, 1, 2, 3]
    drawn = screen.getvalue()
    assert "Counting: 1/4 files" in drawn and "files/s" in drawn and "left" in drawn
    assert drawn.endswith("\r\x1b[K")  # the line is erased at the end


def test_without_a_total_the_files_done_are_counted(monkeypatch):
    monkeypatch.setattr(progress, "_INTERVAL", 0.0)
    screen = Terminal()
    list(progress.shown(iter(range(3)), "Linting", stream=screen))
    assert "Linting: 3 files" in screen.getvalue() and "left" not in screen.getvalue()


def test_the_commands_draw_progress_on_a_terminal(monkeypatch, folder, capsys):
    from transcripts.pipelines.stats import stats_files

    monkeypatch.setattr(progress, "_INTERVAL", 0.0)
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    assert stats_files([str(folder)], report=print) == 0
    assert "Counting: 5/5 files" in screen.getvalue()


def test_one_file_shows_no_progress(monkeypatch):
    monkeypatch.setattr(progress, "_INTERVAL", 0.0)
    screen = Terminal()
    list(progress.shown(range(1), "Counting", lambda: 1, stream=screen))
    assert screen.getvalue() == ""
