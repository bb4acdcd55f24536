"""The across-files rules: copied-passage (TR205) and duplicate-transcript (TR206), through
the `lint` command on real files, with --index, --jobs, the output formats, baselines,
suppression and selection."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SHARED, corpus_files
from transcripts.cli import cli as main
from transcripts.linter import LintSettings
from transcripts.linter.across import Index, file_rows
from transcripts.perfile import join_rows, lint_file_rows, merge_findings, sentence_rows

PASSAGE = (
    "We closed the old harbour fund in the spring of 2019 after the audit found missing "
    "money. The board voted to move everything into the regional trust within six weeks."
)


def interview(host: str, guest: str, topic: str, pasted: str = "") -> str:
    """A small interview of its own words about `topic`, with `pasted` in a turn."""
    return (
        f"{host}: Good evening, and welcome. Tonight we talk about {topic} with our guest.\n\n"
        f"{guest}: Thank you. I have followed {topic} closely for the past eleven years now.\n\n"
        f"{host}: What surprised you most about {topic} when you first looked into it?\n\n"
        f"{guest}: Honestly, the {topic} records were a mess. {pasted} "
        f"Then the {topic} committee met again in the autumn.\n\n"
        f"{host}: And where does {topic} stand today, in your own view?\n\n"
        f"{guest}: Better than before, though {topic} still needs a full public inquiry.\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint_json(runner, *args: str) -> tuple[int, list[dict]]:
    result = runner.invoke(main, ["lint", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def across(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["code"] in ("TR205", "TR206")]


@pytest.fixture
def pasted(tmp_path: Path) -> Path:
    """a.txt says PASSAGE; b.txt pastes it into a turn; c.txt has nothing of it."""
    write(tmp_path, "a.txt", interview("Host", "Ana Ruiz", "the harbour", PASSAGE))
    write(tmp_path, "b.txt", interview("Q", "Mayor Lind", "the port budget", PASSAGE))
    write(tmp_path, "c.txt", interview("Host", "Omar Sato", "the railway"))
    return tmp_path


def test_a_passage_pasted_into_another_file_is_reported_on_the_later_copy(runner, pasted):
    code, findings = lint_json(runner, str(pasted))
    (finding,) = across(findings)
    assert code == 1
    assert finding["code"] == "TR205" and finding["rule"] == "copied-passage"
    assert finding["path"] == str(pasted / "b.txt") and finding["line"] == 7
    assert finding["message"].startswith(f"also in {pasted / 'a.txt'} line 7 (2 sentences): ")
    assert "We closed the old harbour fund" in finding["message"]
    assert finding["related"] == [
        {"path": str(pasted / "a.txt"), "line": 7, "message": "the first copy"}
    ]


def test_the_order_of_the_inputs_decides_which_copy_is_first(runner, pasted):
    _, findings = lint_json(runner, str(pasted / "b.txt"), str(pasted / "a.txt"))
    (finding,) = across(findings)
    assert finding["path"] == str(pasted / "a.txt")
    assert finding["related"][0]["path"] == str(pasted / "b.txt")


def test_one_file_alone_has_no_across_files_findings(runner, pasted):
    result = runner.invoke(main, ["lint", "--format", "json", str(pasted / "b.txt")])
    assert not across(json.loads(result.stdout))


def test_a_passage_in_three_files_is_reported_twice_against_the_first(runner, pasted):
    write(pasted, "d.txt", interview("Host", "Rosa Weber", "the ferry line", PASSAGE))
    _, findings = lint_json(runner, str(pasted))
    found = across(findings)
    assert [(Path(f["path"]).name, f["code"]) for f in found] == [
        ("b.txt", "TR205"),
        ("d.txt", "TR205"),
    ]
    assert {Path(f["related"][0]["path"]).name for f in found} == {"a.txt"}


def test_the_same_interview_filed_twice_is_one_finding_at_line_1(runner, pasted):
    text = (pasted / "a.txt").read_text(encoding="utf-8")
    write(pasted, "z-copy.txt", "Filed again by the night desk.\n\n" + text)
    _, findings = lint_json(runner, str(pasted))
    found = [f for f in across(findings) if Path(f["path"]).name == "z-copy.txt"]
    (finding,) = found
    assert finding["code"] == "TR206" and finding["line"] == 1
    assert finding["message"].startswith(f"the same interview as {pasted / 'a.txt'} (")
    assert finding["related"][0]["path"] == str(pasted / "a.txt")


BOILERPLATE = (
    "Announcer: This is the Harbour Hour, the programme about the sea and the people who "
    "live by it. The views of our guests are their own and not those of the station.\n\n"
)
OUTRO = (
    "\nAnnouncer: Thank you for joining us. The Harbour Hour is produced by the listeners "
    "of the coastal network, and you can find every episode on our website.\n"
)
LICENCE = (
    "\nThis eBook is for the use of anyone anywhere at no cost and with almost no "
    "restrictions whatsoever. You may copy it, give it away or re-use it under the terms "
    "of the licence included with this eBook.\n"
)


SPONSOR = (
    "This programme is supported by the Coastal Heritage Foundation and its members. "
    "Learn more about their work with harbour towns at coastal heritage dot org."
)


def test_boilerplate_shared_by_many_files_is_not_a_copy(runner, tmp_path):
    topics = ["the harbour", "the railway", "the ferry", "the school", "the bridge"]
    for number, topic in enumerate(topics):
        body = interview("Host", f"Guest {number}", topic, SPONSOR)
        write(tmp_path, f"episode-{number}.txt", BOILERPLATE + body + OUTRO + LICENCE)
    code, findings = lint_json(runner, "--select", "TR2", str(tmp_path))
    assert code == 0 and across(findings) == []
    # More files may share a passage before it is boilerplate: then the sponsor's
    # message in the middle of each episode is reported, against the first episode's.
    # The welcome and the sign-off open and close every episode: never copies. The
    # licence is prose, spoken by nobody: never a copy.
    config = write(tmp_path, ".transcripts.yaml", "lint:\n  rules:\n    copied-passage:\n")
    config.write_text("lint:\n  rules:\n    copied-passage: {max-files: 10}\n", encoding="utf-8")
    _, findings = lint_json(runner, "--select", "TR205", "--config", str(config), str(tmp_path))
    found = across(findings)
    assert [Path(f["path"]).name for f in found] == [f"episode-{n}.txt" for n in range(1, 5)]
    assert all("Coastal Heritage Foundation" in f["message"] for f in found)


def test_the_same_welcome_in_two_episodes_is_not_a_copy(runner, tmp_path):
    for number, topic in enumerate(["the harbour", "the railway"]):
        write(tmp_path, f"{number}.txt", BOILERPLATE + interview("Host", "Guest", topic) + OUTRO)
    _, findings = lint_json(runner, str(tmp_path))
    assert across(findings) == []


def test_short_shared_sentences_and_quotations_in_prose_are_not_copies(runner, tmp_path):
    # A short formula in turns, and the passage quoted in an article's prose.
    write(tmp_path, "a.txt", interview("Host", "Ana Ruiz", "the harbour", PASSAGE))
    article = (
        "Harbour fund closed\n\n"
        f"The mayor's office confirmed it on Monday. {PASSAGE} The council did not comment.\n"
    )
    write(tmp_path, "b.txt", article)
    write(tmp_path, "c.txt", interview("Host", "Ben Park", "the tram", "Thank you so much."))
    _, findings = lint_json(runner, str(tmp_path))
    assert across(findings) == []


def test_a_second_run_with_the_index_finds_a_copy_of_an_indexed_file(runner, pasted, monkeypatch):
    monkeypatch.chdir(pasted)
    _, findings = lint_json(runner, "--index", "archive.sqlite", "a.txt", "c.txt")
    assert across(findings) == [] and (pasted / "archive.sqlite").is_file()
    _, findings = lint_json(runner, "--index", "archive.sqlite", "b.txt")
    (finding,) = across(findings)
    assert finding["path"] == "b.txt" and finding["code"] == "TR205"
    assert finding["related"][0] == {"path": "a.txt", "line": 7, "message": "the first copy"}


def test_the_index_does_not_read_unchanged_files_again(runner, pasted, tmp_path, monkeypatch):
    from transcripts.pipelines import lint as pipeline

    index = str(tmp_path / "archive.sqlite")
    names = [str(pasted / name) for name in ("a.txt", "b.txt", "c.txt")]
    lint_json(runner, "--index", index, *names)
    read: list[str] = []

    def counting(original):
        def count(path, *args, **kwargs):
            read.append(Path(path).name)
            return original(path, *args, **kwargs)

        return count

    # A file is read whole (to place a finding) or loaded to be linted.
    monkeypatch.setattr(pipeline, "read_document", counting(pipeline.read_document))
    monkeypatch.setattr(pipeline, "load_source", counting(pipeline.load_source))
    _, findings = lint_json(runner, "--index", index, "--select", "TR205,TR206", *names)
    assert [f["path"] for f in findings] == [names[1]]
    assert read == ["b.txt"]  # only to place its finding: no file parsed for the index
    # A file that changed is read again, and its copy is gone.
    read.clear()
    write(pasted, "b.txt", interview("Q", "Mayor Lind", "the port budget"))
    _, findings = lint_json(runner, "--index", index, "--select", "TR205,TR206", *names)
    assert findings == [] and read == ["b.txt"]


def test_jobs_give_the_same_findings_in_the_same_order(runner, pasted):
    for number in range(4):
        write(pasted, f"more/{number}.txt", interview("Host", f"G {number}", f"topic {number}"))
    write(pasted, "more/x.txt", interview("Host", "Rosa Weber", "the ferry line", PASSAGE))
    one = runner.invoke(main, ["lint", "--jobs", "1", str(pasted)])
    two = runner.invoke(main, ["lint", "--jobs", "2", str(pasted)])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert one.stdout.count("TR205") == 2


def test_selection_suppression_and_baselines_apply_as_to_every_rule(runner, pasted, tmp_path):
    ignored = runner.invoke(main, ["lint", "--ignore", "copied-passage", str(pasted)])
    assert "TR205" not in ignored.stdout
    only = runner.invoke(main, ["lint", "--select", "TR205", str(pasted)])
    assert only.exit_code == 1 and only.stdout.count("TR205") == 1
    baseline = tmp_path / "baseline.json"
    runner.invoke(main, ["lint", "--write-baseline", str(baseline), str(pasted)])
    again = runner.invoke(main, ["lint", "--baseline", str(baseline), str(pasted)])
    assert again.exit_code == 0 and "TR205" not in again.stdout
    text = (pasted / "b.txt").read_text(encoding="utf-8")
    write(
        pasted,
        "b.txt",
        text.replace(
            "Mayor Lind: Honestly", "<!-- transcripts: disable-line TR205 -->\nMayor Lind: Honestly"
        ),
    )
    quiet = runner.invoke(main, ["lint", "--select", "TR205", str(pasted)])
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_sarif_points_the_related_location_at_the_other_file(runner, pasted):
    result = runner.invoke(main, ["lint", "--format", "sarif", str(pasted)])
    log = json.loads(result.stdout)
    (copied,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "TR205"]
    here = copied["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    there = copied["relatedLocations"][0]["physicalLocation"]
    assert here == (pasted / "b.txt").as_uri()
    assert there["artifactLocation"]["uri"] == (pasted / "a.txt").as_uri()
    assert there["region"]["startLine"] == 7
    schema = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    jsonschema = pytest.importorskip("jsonschema")
    if schema.is_file():
        jsonschema.Draft202012Validator(json.loads(schema.read_text("utf-8"))).validate(log)


def test_github_and_text_output_name_the_later_copy(runner, pasted):
    text = runner.invoke(main, ["lint", "--select", "TR205", str(pasted)]).stdout
    assert text.startswith(f"{pasted / 'b.txt'}:7:")
    github = runner.invoke(main, ["lint", "--format", "github", "--select", "TR205", str(pasted)])
    assert github.stdout.startswith(f"::warning file={pasted / 'b.txt'},line=7,")


def test_a_file_that_is_no_index_is_a_clear_error(runner, pasted, tmp_path):
    bad = write(tmp_path, "bad.sqlite", "not a database at all, just text\n" * 100)
    result = runner.invoke(main, ["lint", "--index", str(bad), str(pasted)])
    assert result.exit_code == 2
    assert "bad.sqlite" in result.stderr and "Traceback" not in result.output


def test_another_program_s_database_is_refused_and_left_as_it_was(runner, pasted, tmp_path):
    import sqlite3

    other = tmp_path / "app.db"
    with contextlib.closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE users (name TEXT)")
        db.commit()
    before = other.read_bytes()
    result = runner.invoke(main, ["lint", "--index", str(other), str(pasted)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == (
        f"transcripts: {other}: cannot use it as an index: it is a database of something "
        "else (tables users); give a new file or one that lint --index made\n"
    )
    assert other.read_bytes() == before  # no tables of ours added to it


def test_an_index_whose_tables_have_other_columns_is_made_again(runner, pasted, monkeypatch):
    import sqlite3

    monkeypatch.chdir(pasted)
    lint_json(runner, "--index", "archive.sqlite", "a.txt", "c.txt")
    with contextlib.closing(sqlite3.connect("archive.sqlite")) as db:
        db.execute("DROP TABLE rows")
        db.execute("CREATE TABLE rows (a)")  # as an older version might have made it
        db.commit()
    _, findings = lint_json(runner, "--index", "archive.sqlite", "a.txt", "b.txt")
    (finding,) = across(findings)  # was an internal error: no such column
    assert finding["path"] == "b.txt" and finding["code"] == "TR205"


def test_the_library_joins_rows_from_any_engine_as_lint_does(runner, pasted):
    paths = [str(pasted / name) for name in ("a.txt", "b.txt", "c.txt")]
    shards = [sentence_rows(path) for path in paths]  # e.g. from Dask workers
    (finding,) = join_rows(shards, LintSettings())
    assert (finding.path, finding.code, finding.related[0].path) == (paths[1], "TR205", paths[0])
    linted = [lint_file_rows(path) for path in paths]
    assert [rows for _, rows in linted] == shards
    found = join_rows([rows for _, rows in linted])
    merged = merge_findings([(p, f) for p, (f, _) in zip(paths, linted, strict=True)], found)
    local = runner.invoke(main, ["lint", "--format", "json", *paths])
    assert [f.to_dict() for f in merged] == json.loads(local.stdout)


def test_rows_are_one_per_long_enough_sentence_with_its_line():
    import transcripts

    transcript = transcripts.parse(interview("Host", "Ana Ruiz", "the harbour", PASSAGE))
    rows = file_rows(transcript)
    assert all(row.length >= 20 for row in rows)
    assert [row.line for row in rows][:3] == [1, 1, 3]
    assert all(row.spoken for row in rows)


def test_an_index_reopened_keeps_its_files_in_order(tmp_path):
    path = tmp_path / "index.sqlite"
    with Index.open(path) as index:
        first = index.add("a.txt", [], size=1, mtime=1)
        second = index.add("b.txt", [], size=1, mtime=1)
    with Index.open(path) as index:
        assert index.add("b.txt", [], size=2, mtime=2) == second > first


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
def test_the_corpus_has_no_text_copied_across_its_files(runner):
    # The corpus's 22 transcripts are distinct recordings. The two that look alike are
    # not copies: the Buzzsprout SRT and WebVTT examples are different episodes (Travis
    # on rookie mistakes; Sarah on trailers), and the 2020 debate's YouTube captions
    # have no punctuation, so no sentence of theirs is a sentence of the edited text.
    assert corpus_files()
    result = runner.invoke(main, ["lint", "--select", "TR205,TR206", str(CORPUS)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
