"""File selection as ruff's: exclude on named files too, .gitignore, gitignore globs, a
walk that takes transcripts only, special files and link loops that never stall."""

from __future__ import annotations

import contextlib
import json
import os
import socket

import pytest

from transcripts.cli import cli
from transcripts.globs import PathPatterns
from transcripts.inputs import Selection, expand_inputs, selection

TRANSCRIPT = "Ana: Where were you?\nBen: At home.\n"
DOCUMENT = {"schema_version": 1, "blocks": [{"kind": "turn", "speaker": "Ana", "text": "hi"}]}


def _tree(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _walked(root, select: Selection | None = None) -> list[str]:
    return [
        os.path.relpath(item, root)
        for item in expand_inputs([str(root)], select)
        if isinstance(item, str)
    ]


@pytest.mark.parametrize(
    ("pattern", "path", "matched"),
    [
        ("court/**/*.txt", "court/a.txt", True),
        ("court/**/*.txt", "court/x/y/a.txt", True),
        ("court/**/*.txt", "other/court/a.txt", False),
        ("court/*.txt", "court/a.txt", True),
        ("*.txt", "deep/down/a.txt", True),
        ("drafts/", "drafts/a.txt", True),
        ("drafts", "x/drafts/a.txt", True),
        ("/a.txt", "sub/a.txt", False),
    ],
)
def test_globs_have_gitignore_semantics(tmp_path, pattern, path, matched):
    assert PathPatterns([pattern], tmp_path).matches(str(tmp_path / path)) is matched


def test_a_walk_takes_transcripts_only(tmp_path):
    _tree(
        tmp_path,
        {
            "talk.txt": TRANSCRIPT,
            "talk.json": json.dumps(DOCUMENT),
            "whisper.json": json.dumps(
                {"text": "hi", "segments": [{"start": 0, "end": 1, "text": "hi"}]}
            ),
            "doc.yaml": "schema_version: 1\nblocks: []\n",
            "package.json": '{"name": "site", "version": "1.0.0"}',
            "tsconfig.json": "{ // comments: no JSON at all\n}",
            "mkdocs.yml": "site_name: Archive\nnav:\n  - index.md\n",
            "README.md": "# The archive\n",
            "docs/CHANGELOG.md": "## 1.0\n",
            "requirements.txt": "click\n",
            "node_modules/pkg/notes.md": "Ana: hi\n",
            ".hidden/talk.txt": TRANSCRIPT,
        },
    )
    assert _walked(tmp_path) == ["doc.yaml", "talk.json", "talk.txt", "whisper.json"]


def test_a_named_file_that_is_no_transcript_is_an_error(runner, tmp_path):
    _tree(tmp_path, {"package.json": '{"name": "site"}', "talk.txt": TRANSCRIPT})
    result = runner.invoke(cli, ["lint", str(tmp_path), str(tmp_path / "package.json")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'package.json'}: is JSON of no known kind" in result.stderr


def test_gitignore_is_respected_when_walking(runner, tmp_path):
    _tree(
        tmp_path,
        {
            ".gitignore": "build/\n*.draft.txt\n",
            "court/.gitignore": "sealed.txt\n",
            "a.txt": TRANSCRIPT,
            "b.draft.txt": TRANSCRIPT,
            "build/c.txt": TRANSCRIPT,
            "court/sealed.txt": TRANSCRIPT,
            "court/open.txt": TRANSCRIPT,
        },
    )
    (tmp_path / ".git").mkdir()
    assert _walked(tmp_path) == ["a.txt", "court/open.txt"]
    everything = _walked(tmp_path, Selection(respect_gitignore=False))
    assert len(everything) == 5
    # a folder the ignore files leave out is still walked when it is named
    assert _walked(tmp_path / "build") == ["c.txt"]
    shown = runner.invoke(cli, ["lint", "--show-files", "--no-respect-gitignore", str(tmp_path)])
    assert len(shown.stdout.splitlines()) == 5


def test_exclude_applies_to_named_files_unless_forced(runner, tmp_path):
    _tree(
        tmp_path,
        {
            ".transcripts.yaml": "exclude: ['drafts/', 'court/**/*.txt']\n",
            "drafts/a.txt": "Ana: hi\nAna: hi\n",
            "court/b.txt": "Ana: hi\nAna: hi\n",
            "keep.txt": TRANSCRIPT,
        },
    )
    (tmp_path / ".git").mkdir()
    named = [str(tmp_path / "drafts" / "a.txt"), str(tmp_path / "court" / "b.txt")]
    shown = runner.invoke(cli, ["lint", "--show-files", *named, str(tmp_path / "keep.txt")])
    assert shown.stdout == f"{tmp_path / 'keep.txt'}\n"
    assert runner.invoke(cli, ["lint", *named]).exit_code == 0  # pre-commit's file list
    forced = runner.invoke(cli, ["lint", "--no-force-exclude", "--show-files", *named])
    assert forced.stdout.splitlines() == named
    walked = runner.invoke(cli, ["lint", "--show-files", str(tmp_path)])
    assert walked.stdout == f"{tmp_path / 'keep.txt'}\n"
    cli_glob = runner.invoke(
        cli, ["lint", "--show-files", "--exclude", "keep.txt", str(tmp_path / "keep.txt")]
    )
    assert cli_glob.stdout == ""


def test_selection_reads_the_configuration_and_the_flags_win(tmp_path):
    chosen = selection(
        {"exclude": ["a/"], "extend-exclude": "b/", "respect-gitignore": False},
        str(tmp_path / ".transcripts.yaml"),
        exclude=["c.txt"],
        force_exclude=False,
    )
    assert chosen.excludes(str(tmp_path / "a" / "x.txt"))
    assert chosen.excludes(str(tmp_path / "b" / "x.txt"))
    assert chosen.excludes("c.txt")
    assert not chosen.respect_gitignore and not chosen.force_exclude


def test_special_files_are_skipped_when_walking_and_refused_when_named(runner, tmp_path):
    _tree(tmp_path, {"talk.txt": TRANSCRIPT})
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    listener = socket.socket(socket.AF_UNIX)
    with contextlib.suppress(OSError):  # a path too long for a socket: the others count
        listener.bind(str(tmp_path / "sock.txt"))
    walked = runner.invoke(cli, ["lint", str(tmp_path)])
    assert walked.exit_code == 0, walked.stderr  # nothing blocked, nothing read for ever
    for name, kind in (("pipe.txt", "a FIFO"), ("zero.txt", "a character device")):
        named = runner.invoke(cli, ["lint", str(tmp_path / name), str(tmp_path / "talk.txt")])
        assert named.exit_code == 2
        assert named.stderr.splitlines() == [
            f"transcripts: {tmp_path / name}: is {kind}"
            + (" (named pipe)" if kind == "a FIFO" else "")
            + ", not a regular file; give its content on standard input (-)",
            "no findings in 1 file",  # the other input was linted
        ]
    listener.close()


@pytest.mark.parametrize("command", ["parse", "stats", "lint", "report", "convert"])
def test_a_link_loop_is_one_line_and_the_batch_goes_on(runner, tmp_path, command):
    _tree(tmp_path, {"talk.txt": TRANSCRIPT})
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    args = [command, str(tmp_path)]
    if command in ("report", "convert"):
        args += ["-o", str(tmp_path / "out")] + (["-t", "json"] if command == "convert" else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    loops = [line for line in result.stderr.splitlines() if "symbolic-link loop" in line]
    assert len(loops) == 2 and all(line.startswith("transcripts: ") for line in loops)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can search any folder")
def test_an_unsearchable_folder_is_one_line_and_the_walk_goes_on(runner, tmp_path):
    _tree(tmp_path, {"a.txt": TRANSCRIPT, "locked/b.txt": TRANSCRIPT})
    (tmp_path / "locked").chmod(0)
    try:
        result = runner.invoke(cli, ["lint", "--show-files", str(tmp_path)])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.stdout == f"{tmp_path / 'a.txt'}\n"
    assert f"{tmp_path / 'locked'}: cannot search folder: permission denied" in result.stderr


def test_an_unsearchable_folder_is_reported_in_its_place(tmp_path, monkeypatch):
    """The same as above where the tests run as root, with the refusal simulated."""
    _tree(tmp_path, {"a.txt": TRANSCRIPT, "locked/b.txt": TRANSCRIPT})
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(expand_inputs([str(tmp_path)]))
    assert items[0] == str(tmp_path / "a.txt")
    assert str(items[1]) == f"{tmp_path / 'locked'}: cannot search folder: permission denied"


def test_convert_takes_several_inputs_and_folders_into_an_output_folder(runner, tmp_path):
    _tree(tmp_path, {"in/a.txt": TRANSCRIPT, "in/sub/b.md": "**Ana:** hi\n", "c.txt": TRANSCRIPT})
    out = tmp_path / "out"
    result = runner.invoke(
        cli,
        ["convert", str(tmp_path / "in"), str(tmp_path / "c.txt"), "-t", "yaml", "-o", str(out)],
    )
    assert result.exit_code == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a.yaml", "c.yaml", "sub/b.yaml"]
    refused = runner.invoke(cli, ["convert", str(tmp_path / "in"), "-t", "yaml"])
    assert refused.exit_code == 2 and "give one with -o DIR" in refused.stderr
    guessed = runner.invoke(cli, ["convert", str(tmp_path / "c.txt"), "-o", str(tmp_path / "c.vtt"),
                                  "--estimate-timing", "150"])  # fmt: skip
    assert guessed.exit_code == 0 and (tmp_path / "c.vtt").read_text().startswith("WEBVTT")
