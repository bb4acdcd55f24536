"""One configuration for every command: discovery that cannot be hijacked, settings under
the names users type, and clear errors for unknown keys and wrong types."""

from __future__ import annotations

import json
import os

import pytest

from transcripts import safeyaml
from transcripts.cli import cli
from transcripts.config import check_config, find_config
from transcripts.errors import TranscriptError

TRANSCRIPT = "Ana: Where were you?\nBen: At home.\nAna: Alone?\nBen: Yes.\n"


def _project(tmp_path, config: str, name: str = ".transcripts.yaml"):
    """A project folder (a repository root) holding a config file and a transcript."""
    project = tmp_path / "project"
    (project / "deep").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / name).write_text(config, encoding="utf-8")
    transcript = project / "deep" / "talk.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    return project, transcript


@pytest.mark.parametrize("command", ["parse", "lint", "stats", "report"])
def test_a_planted_config_cannot_redirect_output(runner, tmp_path, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    table = "" if command == "parse" else f"{command}:\n  "
    _, transcript = _project(tmp_path, f"{table}output: {victim}\n")
    result = runner.invoke(cli, [command, str(transcript)])
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert result.exit_code == 2
    assert "output: unknown setting" in result.stderr


def test_no_input_can_be_named_by_a_config(runner, tmp_path):
    _, transcript = _project(tmp_path, "files: [/etc/passwd]\n")
    result = runner.invoke(cli, ["parse", str(transcript)])
    assert result.exit_code == 2 and "files: unknown setting" in result.stderr


def test_a_config_above_the_repository_root_is_never_read(runner, tmp_path):
    (tmp_path / ".transcripts.yaml").write_text("parse: {to: yaml}\n", encoding="utf-8")
    project = tmp_path / "repo"
    (project / ".git").mkdir(parents=True)
    (project / "talk.txt").write_text(TRANSCRIPT, encoding="utf-8")
    assert find_config(project / "talk.txt") is None
    result = runner.invoke(cli, ["parse", str(project / "talk.txt")])
    assert json.loads(result.stdout)["blocks"]  # JSON, not the YAML the file asked for


def test_discovery_stops_at_a_pyproject_without_our_table(tmp_path):
    (tmp_path / ".transcripts.yaml").write_text("speakers: [Ana]\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")
    assert find_config(tmp_path / "sub") is None


def test_a_config_in_a_folder_everyone_may_write_to_is_never_read(runner, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / ".transcripts.yaml").write_text("parse: {to: yaml}\n", encoding="utf-8")
    (shared / "talk.txt").write_text(TRANSCRIPT, encoding="utf-8")
    shared.chmod(0o1777)  # like /tmp: sticky, and writable by everyone
    try:
        assert find_config(shared / "talk.txt") is None
        result = runner.invoke(cli, ["parse", str(shared / "talk.txt")])
        assert json.loads(result.stdout)["blocks"]
    finally:
        shared.chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_config_in_a_folder_another_user_owns_is_never_read(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / ".transcripts.yaml").write_text("speakers: [Ana]\n", encoding="utf-8")
    os.chown(other, 65534, 65534)  # nobody
    assert find_config(other) is None
    os.chown(other, 0, 0)
    assert find_config(other) == other / ".transcripts.yaml"


def test_config_names_the_file_to_use_wherever_it_is(runner, tmp_path, seed):
    config = tmp_path / "settings.yaml"
    config.write_text("parse:\n  to: yaml\n", encoding="utf-8")
    result = runner.invoke(cli, ["parse", "--config", str(config), str(seed)])
    assert result.exit_code == 0 and result.stdout.startswith("schema_version:")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("stats: {sortt: turns}\n", "stats.sortt: unknown setting; did you mean 'sort'?"),
        ("parse: {to_format: yaml}\n", "parse.to_format: unknown setting"),
        ("stats: {per-file: maybe}\n", "stats.per-file: expected true or false, found 'maybe'"),
        ("stats: {fields: 3}\n", "stats.fields: expected a list of strings"),
        ("stats: {jobs: -1}\n", "stats.jobs: expected a whole number"),
        ("convert: {estimate-timing: fast}\n", "convert.estimate-timing: expected words"),
        ("speakerz: [Ana]\n", "speakerz: unknown setting; did you mean 'speakers'?"),
        ("parse: {to: xml}\n", "parse.to: expected json, jsonl or yaml, found 'xml'"),
        ("from: odt\n", "from: expected a format name"),
        ("lint: {format: pdf}\n", "lint.format: expected text, json, github or sarif"),
        ("lint: [TR1]\n", "lint: expected a table of lint settings"),
    ],
)
def test_an_unknown_key_or_wrong_type_names_the_file_the_key_and_what_is_allowed(
    runner, tmp_path, config, message
):
    path = tmp_path / "c.yaml"
    path.write_text(config, encoding="utf-8")
    command = config.split(":")[0] if config.split(":")[0] in ("stats", "lint") else "parse"
    result = runner.invoke(cli, [command, "--config", str(path), "-"], input=TRANSCRIPT)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"transcripts: {path}: ")
    assert message in result.stderr


def test_settings_use_the_names_users_type_and_flags_still_win(runner, tmp_path):
    _, transcript = _project(
        tmp_path,
        "stats:\n  fields: speaker,turns\n  format: csv\n  per-file: false\n"
        "convert:\n  to: yaml\nparse:\n  format: jsonl\n",
    )
    stats = runner.invoke(cli, ["stats", str(transcript)])
    assert stats.stdout.splitlines()[0] == "speaker,turns"
    table = runner.invoke(cli, ["stats", "--format", "table", str(transcript)])
    assert table.stdout.split()[:2] == ["speaker", "turns"]
    converted = runner.invoke(cli, ["convert", str(transcript)])
    assert converted.exit_code == 0 and converted.stdout.startswith("schema_version:")
    parsed = runner.invoke(cli, ["parse", str(transcript)])
    assert json.loads(parsed.stdout.splitlines()[0])["schema_version"] == 1


def test_convert_reads_the_roster_from_the_configuration_like_parse(runner, tmp_path):
    _, transcript = _project(tmp_path, "speakers: [Ana, Ben]\n")
    transcript.write_text("Ana: hi. Ben: no.\nBen: yes\n", encoding="utf-8")
    parsed = json.loads(runner.invoke(cli, ["parse", str(transcript)]).stdout)
    converted = json.loads(runner.invoke(cli, ["convert", str(transcript), "-t", "json"]).stdout)
    assert converted["speakers"] == parsed["speakers"]
    assert [s["name"] for s in converted["speakers"]][:2] == ["Ana", "Ben"]


def test_front_matter_values_keep_their_text(runner, tmp_path):
    path = tmp_path / "t.md"
    path.write_text(
        "---\ncountry: NO\nduration: 1:02:03\ndate: 2024-05-01\nrecorded: yes\ncount: 3\n---\n"
        "Ana: hi\nBen: hello\n",
        encoding="utf-8",
    )
    metadata = json.loads(runner.invoke(cli, ["parse", str(path)]).stdout)["metadata"]
    assert metadata["country"] == "NO"
    assert metadata["duration"] == "1:02:03"
    assert metadata["date"] == "2024-05-01"
    assert metadata["recorded"] == "yes"
    assert metadata["count"] == 3


def test_yaml_is_read_with_the_core_schema():
    data = safeyaml.load("a: on\nb: 0o17\nc: 0x1F\nd: 1e3\ne: .inf\nf: ~\ng: True\nh: 012\n")
    assert data == {"a": "on", "b": 15, "c": 31, "d": 1000.0, "e": float("inf"), "f": None,
                    "g": True, "h": 12}  # fmt: skip


def test_check_config_reads_every_documented_key():
    checked = check_config(
        {
            "speakers": "Ana",
            "speaker-map": {"spk_0": "Ana"},
            "exclude": "drafts/",
            "lint": {"select": "TR1,TR2", "per_file_ignores": {"a/*.txt": ["TR1"]}},
            "stats": {"fields": ["speaker"], "only": "Ana Ruiz, Jr."},
        },
        "c.yaml",
    )
    assert checked["speakers"] == ["Ana"]
    assert checked["speaker-map"] == ["spk_0=Ana"]
    assert checked["exclude"] == ["drafts/"]
    assert checked["lint"]["select"] == ["TR1", "TR2"]
    assert "per-file-ignores" in checked["lint"]
    assert checked["stats"]["only"] == ["Ana Ruiz, Jr."]
    with pytest.raises(TranscriptError, match=r"c\.yaml: lint\.fix: unknown setting"):
        check_config({"lint": {"fix": True}}, "c.yaml")  # rewriting files is never a setting


@pytest.mark.parametrize(
    ("config", "key", "line"),
    [
        ("stats:\n  sort: words\n  sort: turns\n", "sort", 3),
        ("lint:\n  format: json\nlint:\n  format: text\n", "lint", 3),
    ],
)
def test_a_key_given_twice_in_the_yaml_config_is_an_error_naming_it(
    runner, tmp_path, config, key, line
):
    project, transcript = _project(tmp_path, config)
    result = runner.invoke(cli, ["stats", str(transcript)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"transcripts: {project / '.transcripts.yaml'}: invalid config: line {line}: "
        f"the key {key!r} is given twice; give each setting once\n"
    )


def test_a_merge_key_may_repeat_what_it_merges():
    text = "base: &b\n  sort: words\nstats:\n  <<: *b\n  sort: turns\n"
    assert safeyaml.load(text, unique_keys=True)["stats"]["sort"] == "turns"


def test_a_key_given_twice_is_still_last_wins_in_front_matter_and_yaml_documents():
    assert safeyaml.load("a: 1\na: 2\n") == {"a": 2}


@pytest.mark.parametrize(
    ("table", "setting", "named"),
    [
        ("stats", 'sort = "nope"', "stats.sort: unknown field 'nope'"),
        ("stats", 'tablefmt = "nope"', "stats.tablefmt: unknown table format 'nope'"),
        ("stats", 'fields = ["words", "nope"]', "stats.fields: unknown field 'nope'"),
        ("stats", 'only = ["Zed"]', "stats.only: no speaker named 'Zed'"),
        (None, 'encoding = "nope"', "encoding: unknown encoding 'nope'"),
    ],
)
def test_a_wrong_value_from_the_config_names_the_file_and_setting_not_the_option(
    runner, tmp_path, table, setting, named
):
    header = f"[tool.transcripts.{table}]" if table else "[tool.transcripts]"
    project, transcript = _project(tmp_path, f"{header}\n{setting}\n", name="pyproject.toml")
    result = runner.invoke(cli, ["stats", str(transcript)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"transcripts: {project / 'pyproject.toml'}: {named}")
    assert result.stderr.count("\n") == 1


def test_the_same_wrong_value_on_the_command_line_names_the_option(runner, tmp_path):
    _, transcript = _project(
        tmp_path, '[tool.transcripts.stats]\nsort = "words"\n', "pyproject.toml"
    )
    result = runner.invoke(cli, ["stats", str(transcript), "--sort", "nope"])
    assert result.exit_code == 2
    assert result.stderr.startswith("transcripts: --sort: unknown field 'nope'")


def test_an_option_error_crosses_a_process_boundary_whole():
    import pickle

    from transcripts.errors import OptionError

    error = pickle.loads(pickle.dumps(OptionError("--sort", "unknown field 'nope'")))
    assert (error.option, error.detail, str(error)) == (
        "--sort",
        "unknown field 'nope'",
        "--sort: unknown field 'nope'",
    )


def test_settings_take_a_format_by_its_extension_as_the_options_do(runner, tmp_path):
    config = "stats:\n  format: md\nparse:\n  to: yml\nconvert:\n  to: txt\n"
    _, transcript = _project(tmp_path, config)
    counted = runner.invoke(cli, ["stats", str(transcript)])
    assert counted.exit_code == 0 and counted.stdout.startswith("| speaker"), counted.stderr
    parsed = runner.invoke(cli, ["parse", str(transcript)])
    assert parsed.exit_code == 0 and parsed.stdout.startswith("schema_version: 1")
    converted = runner.invoke(cli, ["convert", str(transcript)])
    assert converted.exit_code == 0 and converted.stdout == TRANSCRIPT
