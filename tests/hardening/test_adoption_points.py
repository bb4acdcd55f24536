"""Issue 13's points that live in config.py and inputs.py, which the adoption branch
(issue 15) built: written here against the behaviour issue 13 demands."""

from __future__ import annotations

import os
import subprocess

from tests.hardening.helpers import start
from transcripts.cli import cli

#: A process blocked on a pipe never ends; one that is merely slow (a loaded CI machine
#: starting Python) ends well within this. The test checks for a hang, not for speed.
HANG = 30


def _ends_within(process: subprocess.Popen, seconds: float = HANG) -> bool:
    try:
        process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()  # only the process this test started
        process.communicate()
        return False
    return True


# Point 1: configuration cannot redirect or destroy.
def test_a_configuration_above_the_input_cannot_redirect_the_output(runner, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (tmp_path / ".transcripts.yaml").write_text(f"output: {victim}\n", encoding="utf-8")
    folder = tmp_path / "talks"
    folder.mkdir()
    talk = folder / "talk.txt"
    talk.write_text("Ana: Hello\u00adthere.\nBen: Hi.\n", encoding="utf-8")
    result = runner.invoke(cli, ["lint", str(talk)])
    assert victim.read_text(encoding="utf-8") == "precious"
    # issue 15's answer (see tests/test_config.py): such a setting is an error naming it
    assert result.exit_code == 2 and "output: unknown setting" in result.stderr


# Point 5, the walker's part: special files skipped when walking, refused when named.
def test_a_named_pipe_in_a_walked_folder_is_skipped(tmp_path):
    (tmp_path / "talk.txt").write_text("Ana: Hi.\nBen: Hello.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "trap.txt")
    assert _ends_within(start("lint", str(tmp_path)))


def test_a_named_pipe_given_as_an_input_is_refused(tmp_path):
    os.mkfifo(tmp_path / "trap.txt")
    process = start("lint", str(tmp_path / "trap.txt"))
    assert _ends_within(process) and process.returncode == 2


def test_a_named_pipe_given_as_the_configuration_is_refused(tmp_path):
    (tmp_path / "talk.txt").write_text("Ana: Hi.\nBen: Hello.\n", encoding="utf-8")
    for name in ("settings.yaml", "pyproject.toml"):
        os.mkfifo(tmp_path / name)
        process = start("lint", "--config", str(tmp_path / name), str(tmp_path / "talk.txt"))
        try:
            _, stderr = process.communicate(timeout=HANG)
        except subprocess.TimeoutExpired:
            process.kill()  # only the process this test started
            process.communicate()
            raise AssertionError("blocked on the pipe") from None
        assert process.returncode == 2
        assert stderr.decode() == (
            f"transcripts: {tmp_path / name}: cannot read config: it is a FIFO (named pipe), "
            "not a regular file\n"
        )


def test_a_device_as_the_configuration_is_refused_and_dev_null_means_no_settings(runner, tmp_path):
    talk = tmp_path / "talk.txt"
    talk.write_text("Ana: Hi.\nBen: Hello.\n", encoding="utf-8")
    (tmp_path / "zeros.yaml").symlink_to("/dev/zero")  # was read until memory ran out
    result = runner.invoke(cli, ["lint", "--config", str(tmp_path / "zeros.yaml"), str(talk)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"transcripts: {tmp_path / 'zeros.yaml'}: cannot read config: it is a character "
        "device, not a regular file\n"
    )
    result = runner.invoke(cli, ["lint", "--config", os.devnull, str(talk)])
    assert result.exit_code == 0, result.output
