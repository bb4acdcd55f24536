"""`--scheduler`: lint, stats and parse on a Dask cluster print what they print locally,
byte for byte, and every way of failing to get a cluster is one line and exit status 2."""

from __future__ import annotations

import os
import sys

import pytest

from transcripts import cluster
from transcripts.cli import cli
from transcripts.errors import TranscriptError

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """The folder the module's commands run in, and the cluster's workers with them (as
    with `--scheduler local` or dask-jobqueue), so that relative paths mean the same."""
    folder = tmp_path_factory.mktemp("cluster")
    (folder / ".git").mkdir()  # the project's root: configuration is looked for no higher
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def scheduler(place):
    """The address of a cluster of two worker processes (results cross a real wire)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as running:
        yield running.scheduler_address


@pytest.fixture(scope="module")
def archive(place):
    """Forty small interviews in a folder, named as a user types them (relative), with
    findings to compare, two files no reader can read and one whose speakers are not
    found (a warning)."""
    folder = place / "archive"
    folder.mkdir()
    repeated = "The committee will now hear the testimony of the witnesses today."
    for number in range(40):
        (folder / f"{number:02d}.txt").write_text(
            f"Host: Welcome to show {number}. {repeated}\n\n"
            f"Guest {number % 3}: Thanks &amp; hello. {repeated} Is it {number}?\n\n"
            "Host: Yes.\n",
            encoding="utf-8",
        )
    (folder / "17.txt").write_bytes(b"Host: caf\xc3\x28 ok\n")  # not UTF-8
    (folder / "18.txt").write_text("just some notes\nwith no one speaking\n", encoding="utf-8")
    (folder / "19.vtt").write_text("WEBVTT\n\n00:00:01.000 --> garbage\nhi\n", encoding="utf-8")
    return "archive"


COMMANDS = [
    ["stats"],
    ["stats", "--format", "json"],
    ["stats", "--per-file", "--format", "csv"],
    ["lint"],
    ["lint", "--format", "json"],
    ["parse", "-t", "jsonl"],
    ["parse", "-t", "json"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_command_on_a_cluster_prints_what_it_prints_locally(command, scheduler, archive, runner):
    local = runner.invoke(cli, [*command, archive])
    remote = runner.invoke(cli, [*command, "--scheduler", scheduler, archive])
    assert local.stdout  # something to compare
    assert (remote.exit_code, remote.stdout, remote.stderr) == (
        local.exit_code,
        local.stdout,
        local.stderr,
    )
    assert "17.txt: cannot decode" in remote.stderr  # its one line; the batch went on
    assert "19.vtt: line 3" in remote.stderr


def test_a_passage_copied_between_files_is_found_on_a_cluster_as_locally(scheduler, place, runner):
    """The across-files rows come back from the workers and are joined here."""
    folder = place / "copies"
    folder.mkdir()
    passage = (
        "We built the levee in the spring of that year with our own hands and no help. "
        "The water came over it anyway in August, and the whole lower town went under."
    )
    for name, guest in (("a", "Ana"), ("b", "Ben")):
        turns = []
        for n in range(4):
            turns.append(f"Host: Question {n} for {guest}: what came of the {n}th flood?")
            turns.append(f"{guest}: Flood {n} of {name} took the mill and {n + 2} houses.")
        turns.insert(4, f"{guest}: {passage}")
        (folder / f"{name}.txt").write_text("\n\n".join(turns) + "\n", encoding="utf-8")
    local = runner.invoke(cli, ["lint", "--format", "json", "copies"])
    remote = runner.invoke(cli, ["lint", "--format", "json", "--scheduler", scheduler, "copies"])
    assert "copied-passage" in local.stdout
    assert (remote.exit_code, remote.stdout) == (local.exit_code, local.stdout)


def test_standard_input_is_read_here_among_files_read_on_the_cluster(scheduler, archive, runner):
    text = "Ana: Hello there.\n\nBen: Hi.\n"
    args = ["stats", "--per-file", "--format", "csv", f"{archive}/00.txt", "-", f"{archive}/01.txt"]
    local = runner.invoke(cli, args, input=text)
    remote = runner.invoke(cli, [*args, "--scheduler", scheduler], input=text)
    assert remote.stdout == local.stdout
    assert "Ana" in remote.stdout


def test_local_starts_a_cluster_for_the_run(archive, runner):
    local = runner.invoke(cli, ["lint", "--format", "json", archive])
    remote = runner.invoke(
        cli, ["lint", "--format", "json", "--scheduler", "local", "-j", "2", archive]
    )
    assert (remote.exit_code, remote.stdout) == (local.exit_code, local.stdout)


def test_a_batch_whose_task_fails_gives_each_of_its_files_an_error_and_the_run_goes_on(
    scheduler,
):
    with cluster.connected(scheduler) as client:
        results = list(
            cluster.map_ordered(
                _fails_on_thirty,
                range(60),
                client,
                failed=lambda item, reason: f"{item}: {reason}",
                batch=4,
            )
        )
    failed = [item for item, result in enumerate(results) if isinstance(result, str)]
    assert 30 in failed
    assert failed == list(range(failed[0], failed[0] + len(failed)))  # one batch of
    assert len(failed) <= 4  # at most four files
    assert results[30].startswith("30: the Dask worker failed (boom)")
    assert [r for r in results if not isinstance(r, str)] == [
        item * 10 for item in range(60) if item not in failed
    ]


def _fails_on_thirty(item: int) -> int:
    if item == 30:
        raise RuntimeError("boom")
    return item * 10


def test_without_dask_the_option_says_how_to_install_it(archive, runner, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails
    result = runner.invoke(cli, ["stats", "--scheduler", "local", archive])
    assert result.exit_code == 2
    assert result.stderr == (
        "transcripts: --scheduler needs Dask: pip install 'interview-transcripts[dask]'\n"
    )


@pytest.mark.parametrize("address", ["nonsense", "tcp://nosuchhost.invalid:8786"])
def test_an_address_that_is_not_one_is_one_line(address, archive, runner):
    result = runner.invoke(cli, ["lint", "--scheduler", address, archive])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"transcripts: --scheduler {address}: cannot reach")
    assert result.stderr.count("\n") == 1
    assert not result.stdout


def test_a_scheduler_that_does_not_answer_is_one_line_after_a_short_wait(
    archive, runner, monkeypatch
):
    import socket

    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    result = runner.invoke(
        cli, ["parse", "-t", "jsonl", "--scheduler", f"tcp://127.0.0.1:{port}", archive]
    )
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not result.stdout


def test_a_scheduler_file_names_the_scheduler(scheduler, archive, runner, tmp_path):
    import json

    (tmp_path / "scheduler.json").write_text(json.dumps({"address": scheduler}))
    local = runner.invoke(cli, ["stats", archive])
    remote = runner.invoke(cli, ["stats", "--scheduler", str(tmp_path / "scheduler.json"), archive])
    assert remote.stdout == local.stdout


def test_jobs_beside_a_scheduler_address_is_an_error(archive, runner):
    result = runner.invoke(cli, ["stats", "--jobs", "4", "--scheduler", "tcp://h:8786", archive])
    assert result.exit_code == 2
    assert "--jobs works with --scheduler local only" in result.stderr


def test_a_discovered_configuration_may_start_a_local_cluster_but_not_name_an_address(
    scheduler, archive, place, runner
):
    config = place / ".transcripts.yaml"
    config.write_text(f"scheduler: {scheduler}\n")
    try:
        refused = runner.invoke(cli, ["stats", archive])
        given = runner.invoke(cli, ["stats", "--config", str(config), archive])
    finally:
        config.unlink()
    assert refused.exit_code == 2
    assert "a discovered configuration may say only 'local'" in refused.stderr
    assert given.stdout == runner.invoke(cli, ["stats", archive]).stdout


def test_a_configuration_value_of_the_wrong_type_is_refused(archive, place, runner):
    config = place / ".transcripts.yaml"
    config.write_text("scheduler: 8786\n")
    try:
        result = runner.invoke(cli, ["stats", archive])
    finally:
        config.unlink()
    assert result.exit_code == 2
    assert "scheduler: expected local, or a Dask scheduler's address" in result.stderr


def test_relative_paths_are_refused_when_the_workers_run_in_another_folder(
    scheduler, archive, place, runner, monkeypatch
):
    monkeypatch.chdir(place / archive)
    result = runner.invoke(cli, ["lint", "--scheduler", scheduler, "00.txt"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"transcripts: --scheduler: the workers run in {place}, not in {place / archive}, "
        "so relative paths would name other files there; give absolute paths\n"
    )
    absolute = runner.invoke(
        cli, ["lint", "--scheduler", scheduler, str(place / archive / "00.txt")]
    )
    assert absolute.exit_code == 1  # linted: its finding
    assert "TR304" in absolute.stdout


def test_the_library_error_is_a_transcript_error():
    with pytest.raises(TranscriptError, match="cannot reach"), cluster.connected("nonsense"):
        pass


class _LostClient:
    """A client whose scheduler has gone: Dask cancels every task it was waiting for."""

    status = "connecting"

    def nthreads(self):
        return {"worker": 1}

    def submit(self, *args, **kwargs):
        return self

    def result(self):
        from concurrent.futures import CancelledError

        raise CancelledError("scheduler-connection-lost")

    def cancel(self):
        pass


def test_a_lost_scheduler_ends_the_run_in_one_line_not_a_line_per_file():
    results = cluster.map_ordered(
        _fails_on_thirty, range(100), _LostClient(), failed=lambda item, reason: reason
    )
    with pytest.raises(TranscriptError, match=r"^--scheduler: lost the Dask scheduler"):
        list(results)
