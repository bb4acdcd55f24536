"""Per-file tallies merge: associatively, with an identity, and to the numbers of counting
the files together; the public per-file API gives what the commands give."""

from __future__ import annotations

from functools import reduce

from hypothesis import given, settings
from hypothesis import strategies as st

import transcripts
from transcripts.model import Block, Kind, Speaker, Transcript
from transcripts.perfile import (
    Tally,
    combine,
    key_hash,
    lint_file,
    passage_hashes,
    report,
    sentence_hashes,
    tally_file,
)

NAMES = ["Ana", "Ben", "Cy"]
WORDS = ["yes", "no", "well", "the", "court", "Dr.", "it's", "It’s", "12:30", "--", "why"]
ENDS = [".", "?", "!", "", "...", " [laughter]"]

_turns = st.lists(
    st.tuples(
        st.sampled_from(NAMES),
        st.lists(st.sampled_from(WORDS), min_size=0, max_size=8),
        st.sampled_from(ENDS),
        st.booleans(),  # continued
        st.one_of(st.none(), st.tuples(st.floats(0, 100), st.floats(0, 5))),  # times
    ),
    max_size=8,
)


def _tally(turns, path: str) -> Tally:
    blocks = []
    for line, (name, words, end, continued, times) in enumerate(turns, 1):
        start, end_time = (times[0], times[0] + times[1]) if times else (None, None)
        text = " ".join(words) + end
        blocks.append(
            Block(Kind.TURN, text, line, line, name, continued=continued, start=start, end=end_time)
        )
    if turns and turns[0][2] == "!":
        blocks.append(Block(Kind.STAGE_DIRECTION, "(Applause.)", 99, 99))
    header = Transcript(speakers=[Speaker(name) for name in NAMES[: len(turns) % 4]])
    return Tally.of_document(header, blocks, path, single_process=True)


def _state(tally: Tally):
    """Everything a tally holds, speaker order included (dict equality ignores it)."""
    return (list(tally.speakers), tally, report(tally).to_dict())


@settings(max_examples=60, deadline=None)
@given(_turns, _turns, _turns)
def test_merge_is_associative_and_leaves_its_operands_alone(first, second, third):
    a, b, c = _tally(first, "a.txt"), _tally(second, "b.txt"), _tally(third, "c.txt")
    before = [_state(t) for t in (a, b, c)]
    assert _state(a.merge(b).merge(c)) == _state(a.merge(b.merge(c)))
    assert [_state(t) for t in (a, b, c)] == before


@settings(max_examples=40, deadline=None)
@given(_turns)
def test_the_empty_tally_is_the_identity(turns):
    tally = _tally(turns, "a.txt")
    assert _state(Tally().merge(tally)) == _state(tally) == _state(tally.merge(Tally()))


@settings(max_examples=40, deadline=None)
@given(_turns, _turns)
def test_merged_tallies_report_what_counting_the_files_together_reports(first, second):
    a, b = _tally(first, "a.txt"), _tally(second, "b.txt")
    merged = report(a.merge(b)).to_dict()
    assert merged == report(combine([a, b])).to_dict()
    assert merged["totals"]["files"] == 2
    assert "path" not in merged  # a tally of two files has no one path


def test_the_public_functions_give_what_the_commands_give(tmp_path, runner):
    from transcripts.cli import cli

    paths = []
    for number, text in enumerate(
        ["Ana: Hello there. How are you?\n\nBen: Fine.\n", "Ana: Yes?\n"]
    ):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    total = reduce(Tally.merge, map(tally_file, paths), Tally())
    command = runner.invoke(cli, ["stats", "--format", "json", *paths])
    import json

    assert report(total).to_dict() == json.loads(command.stdout)
    assert (
        transcripts.stats([transcripts.read(p) for p in paths]).to_dict() == report(total).to_dict()
    )
    assert report(tally_file(paths[0])).path == paths[0]
    assert lint_file(paths[0]) == transcripts.lint(paths[0])


def test_a_file_without_speakers_carries_the_warning_stats_gives_it(tmp_path, runner):
    from transcripts.cli import cli

    labelled = tmp_path / "labelled.txt"
    labelled.write_text("Ana: Hello there.\n\nBen: Fine.\n", encoding="utf-8")
    prose = tmp_path / "prose.txt"
    prose.write_text("Just prose, with no speaker in it.\nAnd more prose.\n", encoding="utf-8")
    assert tally_file(labelled).warnings == []
    (warning,) = tally_file(prose).warnings
    assert warning.startswith(f"{prose}: warning: ")
    merged = tally_file(prose).merge(tally_file(labelled))
    assert merged.warnings == [warning]  # the files' warnings travel with their counts
    for args in ([], ["--per-file"]):
        command = runner.invoke(cli, ["stats", *args, str(prose), str(labelled)])
        assert command.exit_code == 0
        assert command.stderr.strip() == f"transcripts: {warning}"


def test_sentence_hashes_find_a_sentence_repeated_in_another_file():
    long = "The committee will now hear the testimony of the witnesses today."
    one = transcripts.parse(
        f"Ana: {long} Short one.\n\nBen: Something else entirely said here, at length.\n"
    )
    two = transcripts.parse(
        "Cy: Hello.\n\nDee: the COMMITTEE will now hear the testimony of the witnesses today\n"
    )
    first, second = sentence_hashes(one), sentence_hashes(two)
    assert [h.line for h in first] == [1, 3]  # "Short one." is too short to compare
    shared = {h.hash for h in first} & {h.hash for h in second}
    assert shared == {first[0].hash}
    assert second[0].line == 3
    assert key_hash("a") == key_hash("a") != key_hash("b")


def test_passage_hashes_are_shingles_of_consecutive_sentences():
    text = "Ana: One is here. Two is here.\n\nBen: Three is here. Four is here.\n"
    hashes = passage_hashes(transcripts.parse(text))
    assert [h.line for h in hashes] == [1, 1]  # sentences 1-3 and 2-4
    again = passage_hashes(
        transcripts.parse("Cy: Two is here.\n\nDee: three is HERE. Four is here!\n")
    )
    assert again[0].hash == hashes[1].hash


def test_the_readme_per_file_example_runs(monkeypatch, capsys):
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    section = (root / "README.md").read_text(encoding="utf-8").split("**Per-file results", 1)[1]
    example = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(root)
    exec(compile(example, "README.md", "exec"), {})
    assert int(capsys.readouterr().out.split()[0]) > 500
