"""The per-file API mapped over files on a Dask cluster (a LocalCluster here) gives what
the commands give locally: the same statistics and the same findings, in order."""

from __future__ import annotations

import json

import pytest

from transcripts.cli import cli
from transcripts.perfile import Tally, lint_file, report, tally_file

distributed = pytest.importorskip("distributed")
bag = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.fixture
def archive(tmp_path):
    """Twelve small interviews, each with a finding to compare (an HTML entity)."""
    paths = []
    for number in range(12):
        path = tmp_path / f"{number:02d}.txt"
        repeated = "The committee will now hear the testimony of the witnesses today."
        path.write_text(
            f"Host: Welcome to show {number}. {repeated}\n\n"
            f"Guest {number % 3}: Thanks &amp; hello. {repeated} Is it {number}?\n\n"
            "Host: Yes.\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def test_stats_on_a_dask_cluster_equal_the_local_command(client, archive, runner):
    files = bag.from_sequence(archive, npartitions=4)
    total = files.map(tally_file).fold(Tally.merge, Tally.merge, initial=Tally()).compute()
    local = runner.invoke(cli, ["stats", "--format", "json", *archive])
    assert report(total).to_dict() == json.loads(local.stdout)


def test_lint_on_a_dask_cluster_finds_what_the_local_command_finds(client, archive, runner):
    files = bag.from_sequence(archive, npartitions=4)
    findings = [f.to_dict() for f in files.map(lint_file).flatten().compute()]
    local = runner.invoke(cli, ["lint", "--format", "json", "--exit-zero", *archive])
    assert findings == json.loads(local.stdout)
    assert findings  # something to compare
