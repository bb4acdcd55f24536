"""`transcripts convert` between text, json, jsonl and yaml, byte-exact back to text."""

from __future__ import annotations

import itertools
import json

import pytest

from tests.conftest import corpus_file
from transcripts.cli import cli


@pytest.mark.parametrize("middle", ["json", "yaml", "jsonl"])
def test_text_to_structured_and_back_is_byte_exact(runner, tmp_path, middle):
    original = b"\xef\xbb\xbfTitle Here\r\n\r\nAna: hi\r\nBen: hello\r\n\r\n(LAUGHTER)\r\nAna: bye"
    source = tmp_path / "a.txt"
    source.write_bytes(original)
    first = runner.invoke(cli, ["convert", str(source), "-t", middle, "-o", str(tmp_path / "m")])
    assert first.exit_code == 0, first.stderr
    back = runner.invoke(
        cli, ["convert", str(tmp_path / "m"), "-f", middle, "-t", "text", "-o", str(tmp_path / "b")]
    )
    assert back.exit_code == 0, back.stderr
    assert (tmp_path / "b").read_bytes() == original


def test_legacy_encoding_is_restored_on_the_way_back(runner, tmp_path):
    original = "Ana: café\nBen: thé\n".encode("cp1252")
    (tmp_path / "a.txt").write_bytes(original)
    runner.invoke(
        cli,
        [
            "convert",
            str(tmp_path / "a.txt"),
            "--encoding",
            "cp1252",
            "-t",
            "json",
            "-o",
            str(tmp_path / "a.json"),
        ],
    )
    runner.invoke(
        cli, ["convert", str(tmp_path / "a.json"), "-t", "text", "-o", str(tmp_path / "b.txt")]
    )
    assert (tmp_path / "b.txt").read_bytes() == original


def test_format_is_sniffed_from_standard_input(runner, seed):
    as_json = runner.invoke(cli, ["convert", str(seed), "-t", "json"]).stdout
    back = runner.invoke(cli, ["convert", "-", "-t", "text"], input=as_json)
    assert back.exit_code == 0
    assert back.stdout_bytes == seed.read_bytes()


# "Billion laughs": each level doubles the one before; expanded, it would not fit in memory.
ALIAS_BOMB = (
    "a: &a [x, x]\n"
    + "".join(
        f"{b}: &{b} [*{a}, *{a}]\n" for a, b in itertools.pairwise("abcdefghijklmnopqrstuvwxyz")
    )
    + "metadata: {bomb: *z}\nblocks: []\n"
)


@pytest.mark.parametrize(
    ("content", "fmt", "message"),
    [
        ('{"blocks": [', "json", "invalid JSON at line 1, column 13"),
        (
            '{"blocks": [{"kind": "turn", "text": "x", "speaker": 5}]}',
            "json",
            "blocks[0].speaker: expected a string",
        ),
        ('{"speakers": []}', "json", "missing 'blocks'"),
        ("[" * 100_000, "json", "nested too deeply"),
        ("blocks: [\n  - kind: turn\n  bad", "yaml", "invalid YAML"),
        ("!!python/object/apply:os.system ['true']", "yaml", "invalid YAML"),
        (ALIAS_BOMB, "yaml", "too large or too deeply aliased"),
    ],
    ids=[
        "truncated",
        "wrong-shape",
        "no-blocks",
        "deep",
        "broken-yaml",
        "python-tag",
        "alias-bomb",
    ],
)
def test_malformed_structured_input_is_one_line_and_exit_2(runner, tmp_path, content, fmt, message):
    path = tmp_path / f"bad.{fmt}"
    path.write_text(content)
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith(f"transcripts: {path}: ")


@pytest.mark.parametrize(
    ("alias", "name"), [("md", "markdown"), ("yml", "yaml"), ("txt", "text"), ("ndjson", "jsonl")]
)
def test_a_format_may_be_named_by_its_extension(runner, seed, alias, name):
    by_name = runner.invoke(cli, ["convert", str(seed), "-t", name])
    by_alias = runner.invoke(cli, ["convert", str(seed), "-t", alias])
    assert by_alias.exit_code == 0, by_alias.stderr
    assert by_alias.stdout == by_name.stdout


def test_an_extension_two_formats_share_is_refused_naming_both(runner, seed):
    result = runner.invoke(cli, ["convert", str(seed), "-t", "html"])
    assert result.exit_code == 2
    assert "'html' may be text or podcast-html: name one" in result.stderr


def test_parse_and_stats_take_their_formats_by_extension_too(runner, seed):
    parsed = runner.invoke(cli, ["parse", str(seed), "-t", "yml"])
    assert parsed.exit_code == 0 and parsed.stdout.startswith("schema_version: 1")
    counted = runner.invoke(cli, ["stats", str(seed), "-t", "md"])
    assert counted.exit_code == 0 and counted.stdout.startswith("| speaker")
    refused = runner.invoke(cli, ["parse", str(seed), "-t", "nope"])
    assert refused.exit_code == 2


def test_unknown_format_is_refused(runner, seed):
    result = runner.invoke(cli, ["convert", str(seed), "-t", "odt"])
    assert result.exit_code == 2 and "unknown format 'odt'" in result.stderr


def test_formats_lists_readers_and_writers(runner):
    result = runner.invoke(cli, ["formats"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:3] == ["format", "read", "write"]
    assert any(line.startswith("jsonl") for line in result.stdout.splitlines())


# Caption, podcast and CHAT files: speakers verified by reading each file.
@pytest.mark.parametrize(
    ("name", "speakers"),
    [
        (
            "captions-ableplayer-uw-itaccess-en.vtt",
            ["Michael Young", "Tracy Mitrano", "Pablo Molina", "Edward Ray", "Michael Young"],
        ),
        ("captions-podcastindex-buzzsprout-example.vtt", ["Sarah", "Gillian"]),
        ("captions-webvtt-py-msteams-fixture.vtt", ["Yuri Bakulin", "Adrian Petrescu"]),
        ("captions-podcastindex-buzzsprout-example.srt", ["Travis", "Sarah", "Travis", "Gilon"]),
        ("podcast20-json-podcastindex-example.json", ["Darth Vader", "Luke"]),
        ("chat-childes-brown-eve-010600a.cha", ["Target Child", "Mother", "Target Child"]),
    ],
)
def test_real_caption_podcast_and_chat_files_convert_to_text_with_their_speakers(
    runner, name, speakers
):
    path = corpus_file(name)
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 0, result.stderr
    paragraphs = result.stdout.split("\n\n")
    labels = [paragraph.split(": ", 1)[0] for paragraph in paragraphs[: len(speakers)]]
    assert labels == speakers
    assert result.stderr.count("\n") == 1 and "lost" in result.stderr  # times, tiers


def test_youtube_captions_convert_to_text_without_markup(runner):
    path = corpus_file("captions-youtube-autocaption-debate-2020-first-presidential.vtt")
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 0
    assert result.stdout.startswith("good evening from the health education campus of case")
    assert "<" not in result.stdout and "-->" not in result.stdout


def test_timed_output_from_untimed_text_is_refused_and_nothing_is_written(runner, seed, tmp_path):
    target = tmp_path / "out.vtt"
    result = runner.invoke(cli, ["convert", str(seed), "-t", "vtt", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"transcripts: {seed}: has no times, and vtt needs them; add --estimate-timing WPM "
        "to estimate them from word counts (conversation is about 150 words per minute)\n"
    )
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["vtt", "srt", "podcast", "json"])
def test_estimated_timing_is_written_and_marked(runner, seed, fmt):
    result = runner.invoke(cli, ["convert", str(seed), "-t", fmt, "--estimate-timing", "150"])
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["metadata"]["timing"]["estimated"] is True
        assert all("start" in b for b in data["blocks"] if b["kind"] == "turn")
    elif fmt == "vtt":
        assert "estimated them at 150 words per minute" in result.stdout
    else:  # srt and podcast JSON have no place for the mark: said on stderr
        assert "the note that the times are estimates" in result.stderr


def test_a_lossy_conversion_says_what_was_lost_once_in_one_line(runner, seed, tmp_path):
    as_json = tmp_path / "seed.json"
    runner.invoke(cli, ["convert", str(seed), "-t", "json", "-o", str(as_json)])
    result = runner.invoke(cli, ["convert", str(as_json), "-t", "srt", "--estimate-timing", "150"])
    assert result.exit_code == 0
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"transcripts: {as_json}: converting json to srt lost ")
    assert "6 prose blocks" in result.stderr and "1 heading" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "yaml", "jsonl", "markdown"])
def test_a_conversion_that_loses_nothing_is_silent(runner, seed, fmt):
    result = runner.invoke(cli, ["convert", str(seed), "-t", fmt])
    assert result.exit_code == 0 and result.stderr == ""


VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hi.\n\n"
    "00:00:02.000 --> 00:00:03.000\n<v Ben>Yo.\n"
)
SRT = "1\n00:00:01,000 --> 00:00:02,000\nAna: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nBen: Yo.\n"
PODCAST = json.dumps(
    {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Ana", "startTime": 1, "endTime": 2, "body": "Hi."},
            {"speaker": "Ben", "startTime": 2, "endTime": 3, "body": "Yo."},
        ],
    }
)
CHA = "@UTF8\n@Begin\n@Participants:\tANA Ana Adult, BEN Ben Adult\n*ANA:\tHi.\n*BEN:\tYo.\n@End\n"


_SNIFFED = {"vtt": VTT, "srt": SRT, "podcast": PODCAST, "cha": CHA}


@pytest.mark.parametrize(
    ("name", "where"),
    [
        (name, where)
        for name in _SNIFFED
        for where in ("stdin", "no-extension", "json-extension")
        if where != "json-extension" or name == "podcast"  # only JSON goes in a .json file
    ],
)
def test_input_format_is_sniffed_from_content(runner, tmp_path, name, where):
    content = _SNIFFED[name]
    if where == "stdin":
        result = runner.invoke(cli, ["convert", "-", "-t", "text"], input=content)
    else:
        path = tmp_path / ("input" if where == "no-extension" else "input.json")
        path.write_text(content)
        result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Ana: Hi.\n\nBen: Yo.\n"


def test_from_option_overrides_the_extension(runner, tmp_path):
    path = tmp_path / "captions.txt"
    path.write_text(VTT)
    result = runner.invoke(cli, ["convert", str(path), "-f", "vtt", "-t", "text"])
    assert result.stdout == "Ana: Hi.\n\nBen: Yo.\n"


def test_output_naming_the_input_is_refused_and_the_input_kept(runner, tmp_path):
    path = tmp_path / "a.vtt"
    path.write_text(VTT)
    result = runner.invoke(cli, ["convert", str(path), "-t", "vtt", "-o", str(path)])
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    assert path.read_text() == VTT


@pytest.mark.parametrize(
    ("suffix", "content", "message"),
    [
        (".vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHi\n", "line 3: bad WebVTT timestamp"),
        (".vtt", "WEBVTT\n\nHi there\n", "line 3: expected a cue timing"),
        (".vtt", "Hello\n", "line 1: not a WebVTT file"),
        (".srt", "1\n00:00:01,000 --> 00:00:61,000\nHi\n", "line 2: bad SRT timestamp"),
        (".json", '{"version": "1.0.0", "segments": [\n{"body": 1}]}', "line 2: segments[0]"),
        (".cha", "@Begin\n*CHI:\thi .\nstray words\n", "line 3: expected a *SPEAKER:"),
    ],
    ids=["vtt-timestamp", "vtt-no-timing", "vtt-header", "srt-timestamp", "podcast", "cha"],
)
def test_malformed_input_in_each_new_format_is_one_line_exit_2(
    runner, tmp_path, suffix, content, message
):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content)
    target = tmp_path / "out.txt"
    result = runner.invoke(cli, ["convert", str(path), "-t", "text", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"transcripts: {path}: {message}")
    assert result.stderr.count("\n") == 1
    assert not target.exists()


def test_formats_says_which_formats_read_and_which_write(runner):
    lines = runner.invoke(cli, ["formats"]).stdout.splitlines()
    table = {line.split()[0]: line.split()[1:3] for line in lines[1:] if line.strip()}
    both = ("text", "markdown", "json", "jsonl", "yaml", "vtt", "srt", "podcast", "cha", "eaf")
    for name in (*both, "textgrid", "podcast-html", "docx", "csv"):
        assert table[name] == ["yes", "yes"], name
    for name in ("whisper", "aws-transcribe", "deepgram", "rttm", "sbv", "ttml", "pdf"):
        assert table[name] == ["yes", "no"], name
    assert table["parquet"] == ["no", "yes"]
    assert any("LibYAML" in line or "pure-Python" in line for line in lines)


def test_parquet_cannot_be_read_and_whisper_cannot_be_written(runner, seed, tmp_path):
    result = runner.invoke(cli, ["convert", str(seed), "-t", "whisper"])
    assert "cannot write whisper" in result.stderr
    path = tmp_path / "a.parquet"
    path.write_text("kind,text\n")
    result = runner.invoke(cli, ["convert", str(path), "-f", "parquet", "-t", "text"])
    assert result.exit_code == 2 and "cannot read parquet" in result.stderr
