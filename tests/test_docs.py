"""The documentation keeps up with the code: README quick start, CI, man pages, help."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from transcripts.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent
MAN = ROOT / "man"


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the quick start has a sh code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_quick_start_is_exactly_two_commands():
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert "samples/" in commands[0] and "transcripts parse" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _quick_start_commands()[1] in ci


def _man_text(name: str) -> str:
    return (MAN / f"{name}.1").read_text(encoding="utf-8").replace("\\-", "-")


def _commands() -> list[tuple[str, click.Command]]:
    context = click.Context(cli)
    return [(name, cli.get_command(context, name)) for name in COMMANDS]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_is_listed_in_the_main_man_page(name):
    assert re.search(rf"^\.B {name}$", _man_text("transcripts"), re.M)


@pytest.mark.parametrize(("name", "command"), _commands(), ids=list(COMMANDS))
def test_every_option_in_help_is_in_the_man_page(name, command):
    page = MAN / f"transcripts-{name}.1"
    text = _man_text(f"transcripts-{name}") if page.exists() else _man_text("transcripts")
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert opt in text, f"{opt} of `{name}` is not in {page.name}"


@pytest.mark.parametrize(("name", "command"), _commands(), ids=list(COMMANDS))
def test_every_command_help_ends_with_an_example(name, command):
    assert command.epilog and "Example" in command.epilog


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
@pytest.mark.parametrize("page", sorted(MAN.glob("*.1")), ids=lambda p: p.name)
def test_man_pages_render_without_warnings(page):
    result = subprocess.run(
        ["groff", "-man", "-t", "-ww", "-z", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == ""


def _ruff() -> str | None:
    """ruff from this Python's environment (the test extra installs it), else from PATH."""
    beside = Path(sys.executable).parent / "ruff"
    return str(beside) if beside.exists() else shutil.which("ruff")


@pytest.mark.skipif(_ruff() is None, reason="ruff is not installed")
def test_code_is_formatted_and_linted_with_ruff():
    for args in (["check", "--quiet", "."], ["format", "--check", "--quiet", "."]):
        result = subprocess.run(
            [_ruff(), *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def _distribution_name() -> str:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]


def test_man_pages_install_with_the_package():
    import sysconfig
    from importlib import metadata

    # Look in site-packages only: a build leaves transcripts.egg-info in the source tree.
    site = [sysconfig.get_paths()["purelib"]]
    name = _distribution_name()
    found = [d for d in metadata.distributions(path=site) if d.metadata["Name"] == name]
    if not found:
        pytest.skip(f"{name} is not installed in this environment")
    installed = [str(f) for f in found[0].files or []]
    if any("__editable__" in name for name in installed):
        pytest.skip("an editable install links the source tree instead of copying files")
    pages = {Path(name).name for name in installed if "share/man/man1/" in name}
    assert {page.name for page in MAN.glob("*.1")} <= pages
