"""`--jobs N`: lint and stats over many files give the same output in the same order."""

from __future__ import annotations

import pickle

import pytest

from transcripts.cli import cli
from transcripts.errors import TranscriptError


@pytest.fixture
def folder(tmp_path, seed):
    for number in range(12):
        (tmp_path / f"{number:02d}-seed.txt").write_bytes(seed.read_bytes())
        (tmp_path / f"{number:02d}-chat.txt").write_text(
            f"Ana: hello {number}.\nBen: hi.\nAna: Hi. Hi. Hello {number} again, Ben.\n"
        )
    (tmp_path / "05-broken.txt").write_bytes(b"\x00\x01binary")
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [["lint"], ["lint", "--format", "json"], ["stats", "--per-file", "--format", "csv"], ["stats"]],
    ids=["lint", "lint-json", "stats-per-file", "stats-combined"],
)
def test_jobs_give_the_same_output_in_the_same_order(runner, folder, command):
    results = [
        runner.invoke(cli, [*command, "--jobs", jobs, str(folder)]) for jobs in ("1", "2", "0")
    ]
    assert {result.exit_code for result in results} == {2}  # the broken file is reported
    assert len({result.stdout for result in results}) == 1
    assert len({result.stderr for result in results}) == 1
    assert "05-broken.txt: looks like a binary file" in results[0].stderr


def test_errors_keep_the_file_they_name_across_processes():
    error = pickle.loads(pickle.dumps(TranscriptError("is empty", "a.txt")))
    assert str(error) == "a.txt: is empty"
