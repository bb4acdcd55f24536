"""The small things a user trips on: waiting on a terminal, completion of values, one
naming of the output options."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest

from transcripts.cli import cli


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("command", ["lint", "stats"])
def test_no_input_on_a_terminal_says_what_is_expected_instead_of_waiting(command):
    controller, terminal = os.openpty()  # a real terminal on standard input
    try:
        result = subprocess.run(
            [sys.executable, "-m", "transcripts", command],
            stdin=terminal,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 2
    assert result.stderr.startswith("transcripts: no input: name transcript files or folders")


def _complete(args: list[str], incomplete: str) -> list[str]:
    from click.shell_completion import ShellComplete

    completion = ShellComplete(cli, {}, "transcripts", "_TRANSCRIPTS_COMPLETE")
    return [item.value for item in completion.get_completions(args, incomplete)]


def test_completion_offers_rule_codes_and_names():
    assert _complete(["lint", "--select"], "TR30") == ["TR301", "TR302", "TR303", "TR304"]
    assert "duplicate-passage" in _complete(["lint", "--ignore"], "dup")
    assert _complete(["lint", "--select"], "TR101,TR20") == ["TR101,TR201", "TR101,TR202",
                                                            "TR101,TR203",
                                                            "TR101,TR204", "TR101,TR205",
                                                            "TR101,TR206"]  # fmt: skip
    assert _complete(["report", "--ignore"], "repeated") == ["repeated-question", "repeated-turn"]


def test_completion_offers_formats_and_fields():
    assert _complete(["convert", "-t"], "v") == ["vtt"]
    assert "whisperx" in _complete(["lint", "--from"], "whisper")
    assert _complete(["stats", "--fields"], "speaker,tu") == ["speaker,turns",
                                                             "speaker,turns_share"]  # fmt: skip
    assert "words_per_turn_mean" in _complete(["stats", "--sort"], "words_per")


@pytest.mark.parametrize("command", ["parse", "convert", "lint", "stats"])
def test_the_output_options_have_one_name_in_every_command(command):
    context = click.Context(cli)
    params = {opt for p in cli.get_command(context, command).params for opt in p.opts}
    assert {"-t", "--to", "--format", "--output-format", "-o", "--output", "--output-file"} <= (
        params
    )


def test_old_and_new_spellings_give_the_same_output(runner, seed):
    old = runner.invoke(cli, ["lint", "--format", "json", str(seed)]).stdout
    for spelling in ("-t", "--to", "--output-format"):
        assert runner.invoke(cli, ["lint", spelling, "json", str(seed)]).stdout == old
    parsed = runner.invoke(cli, ["parse", "--format", "yaml", str(seed)]).stdout
    assert parsed == runner.invoke(cli, ["parse", "-t", "yaml", str(seed)]).stdout
    stats = runner.invoke(cli, ["stats", "--to", "json", str(seed)]).stdout
    assert json.loads(stats)["totals"]["turns"] == 21


def test_then_run_calls_its_action_once_the_last_item_is_taken_and_not_before():
    from transcripts.streams import then_run

    calls: list[str] = []
    items = then_run(iter(["a", "b"]), lambda: calls.append("done"))
    assert calls == []  # nothing is run before the items are asked for
    assert next(items) == "a"
    assert next(items) == "b"
    assert calls == []  # the last item taken, but the stream not yet seen to end
    assert list(items) == []
    assert calls == ["done"]
    assert list(items) == [] and calls == ["done"]  # once only
