"""Linear in what a file controls: YAML aliases are budgeted over the whole document
(block text too) before anything is built, and nesting is refused in one line.

(Speaker names are compared through an index: tests/lint/rules/test_speaker_variant.py
holds it to comparing every pair and bounds the comparisons per label; the bench's
pathological section measures each dimension at two sizes.)"""

from __future__ import annotations

import itertools

import pytest
import yaml

from transcripts import safeyaml
from transcripts.cli import cli


def _refused(text: str) -> str:
    with pytest.raises(yaml.YAMLError) as error:
        safeyaml.load(text)
    return " ".join(str(error.value).split())


def test_a_megabyte_of_text_aliased_many_times_is_refused_before_it_is_built():
    text = "x: &x " + "y" * 1_000_000 + "\nblocks:\n" + "- *x\n" * 5_000
    assert "too deeply aliased" in _refused(text)


def test_a_billion_laughs_is_refused():
    levels = "".join(
        f"{b}: &{b} [*{a}, *{a}]\n" for a, b in itertools.pairwise("abcdefghijklmnopqrstu")
    )
    assert "too deeply aliased" in _refused("a: &a [x, x]\n" + levels)


def test_a_chain_of_merge_keys_is_refused():
    lines = ["k0: &k0 {a0: 0}"]
    lines += [f"k{n}: &k{n} {{<<: *k{n - 1}, a{n}: {n}}}" for n in range(1, 3000)]
    assert "too deeply aliased" in _refused("\n".join(lines) + "\n")


def test_a_node_that_contains_itself_is_refused():
    assert "contains it" in _refused("a: &a [1, *a]\n")


def test_aliases_used_as_yaml_means_them_are_read():
    text = "speakers: [&ana Ana, Ben]\nblocks:\n- {kind: turn, speaker: *ana, text: &hi Hello}\n"
    text += "- {kind: turn, speaker: Ben, text: *hi}\n" * 3
    data = safeyaml.load(text)
    assert [block["text"] for block in data["blocks"]] == ["Hello"] * 4


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_deep_nesting_is_one_line(runner, tmp_path, suffix):
    path = tmp_path / f"deep{suffix}"
    depth = 50_000
    path.write_text(f'{{"blocks": [], "metadata": {{"a": {"[" * depth}{"]" * depth}}}}}')
    result = runner.invoke(cli, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "nested too deeply" in result.stderr or "maximum nesting depth" in result.stderr


@pytest.mark.parametrize(
    "command", [["parse"], ["lint"], ["stats"], ["convert", "-t", "srt"], ["report"]]
)
def test_a_deeply_nested_ttml_document_is_one_line_naming_it_and_nothing_is_written(
    runner, tmp_path, command
):
    # TTML's spans are read recursively: 5,000 of them inside one another overflowed the
    # stack, and convert, which reads a single input outside any batch, said "input is
    # nested too deeply" without saying which.
    path = tmp_path / "deep.ttml"
    depth = 5_000
    path.write_text(
        f'<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="0s" end="1s">'
        f"{'<span>' * depth}x{'</span>' * depth}</p></div></body></tt>"
    )
    output = tmp_path / "out" / "deep.out"
    output.parent.mkdir()
    result = runner.invoke(cli, [*command, str(path), "-o", str(output)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "nested too deeply" in line]
    assert errors == [f"transcripts: {path}: input is nested too deeply to process"]
    assert "Traceback" not in result.stderr
    if command != ["lint"]:  # (lint reports on a batch: its report, empty, is written)
        assert list(output.parent.iterdir()) == []


def test_a_long_run_of_sentence_marks_is_linted_in_linear_time(tmp_path):
    # "?!?!..." made the sentence splitter look ahead to the end of the run from each
    # mark: 40,000 marks took 25 s. The timeout is a hang guard, not a benchmark.
    from tests.hardening.helpers import run

    path = tmp_path / "marks.txt"
    path.write_text("Ana: Really" + "?!" * 200_000 + "\nBen: Yes.\n", encoding="utf-8")
    result = run("lint", str(path), timeout=60)
    assert result.returncode in (0, 1), result.stderr


def test_fingerprints_of_many_findings_in_one_block_are_their_lines_and_found_in_one_pass(
    monkeypatch,
):
    # The text of each finding's line was found by splitting its whole block per finding:
    # a turn of 20,000 lines with an entity on each took minutes. The fingerprints are
    # still the rule's code and the text of the finding's own line (baselines stay valid).
    import transcripts
    from transcripts.linter import engine

    lines = ["Ana: Hello.", "", "Ben: Well,"]
    lines += [f"and <b>tag {n}</b>   &amp; more" for n in range(2_000)]
    text = "\n".join(lines) + "\n"
    split = []
    monkeypatch.setattr(engine, "raw_lines", lambda raw: split.append(1) or _lines(raw))
    transcript = transcripts.parse(text, source="many.txt")
    findings = transcripts.lint(transcript)
    assert len(findings) >= 2_000
    for finding in findings:
        expected = engine.fingerprint(finding.code, lines[finding.line - 1], finding.message)
        assert finding.fingerprint == expected, finding
    assert len(split) <= len(transcript.blocks)


def _lines(raw: str) -> list[str]:
    import re

    return re.split(r"\r\n|\r|\n", raw)


def test_chat_codes_for_many_speakers_of_one_stem_are_unique_and_found_in_linear_time():
    import time

    from transcripts import write
    from transcripts.model import Block, Kind, Speaker, Transcript

    names = [f"Speaker {number}" for number in range(20_000)]
    blocks = [
        Block(Kind.TURN, "Hello.", line, line, speaker=name, start=line, end=line + 0.5)
        for line, name in enumerate(names, start=1)
    ]
    document = Transcript(blocks=blocks, speakers=[Speaker(name) for name in names])
    began = time.perf_counter()
    written = write(document, "cha")
    assert time.perf_counter() - began < 10  # 60 s when each code was counted up from 1
    codes = [line.split(":", 1)[0][1:] for line in written.splitlines() if line[:1] == "*"]
    assert codes[:3] == ["SPE", "SP2", "SP3"] and codes[9] == "S10"
    assert len(set(codes)) == len(names)


def test_a_word_document_is_written_in_linear_time(monkeypatch):
    # python-docx adds a paragraph before the body's section properties, found by a scan
    # of every paragraph already written: 20,000 turns took 10 s. The work is counted as
    # the children of the elements python-docx searches, at two sizes: their ratio is the
    # ratio of the sizes, not its square.
    pytest.importorskip("docx")
    from docx.oxml.xmlchemy import BaseOxmlElement

    from transcripts import write
    from transcripts.model import Block, Kind, Speaker, Transcript

    searched = [0]
    search = BaseOxmlElement.first_child_found_in

    def counted(self, *tagnames):
        searched[0] += len(self)
        return search(self, *tagnames)

    monkeypatch.setattr(BaseOxmlElement, "first_child_found_in", counted)

    def work(turns: int) -> int:
        blocks = [
            Block(Kind.TURN, "Hello.\n\nMore.", n, n, speaker="Ana", start=float(n), end=n + 0.5)
            for n in range(1, turns + 1)
        ]
        searched[0] = 0
        write(Transcript(blocks=blocks, speakers=[Speaker("Ana")]), "docx")
        return searched[0]

    small, large = work(500), work(2_000)
    assert small > 0  # the count sees python-docx's searches
    assert large / small < 5  # 4 times the turns; squared, it was about 16
