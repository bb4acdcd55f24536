"""A typed library: mypy in strict mode passes on the package, and the public functions
have real signatures for type checkers and at run time."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import transcripts

ROOT = Path(__file__).resolve().parent.parent

USE = """\
import transcripts
from transcripts.model import Transcript

t: Transcript = transcripts.read("interview.txt")
t2: Transcript = transcripts.parse("Ana: hi\\n")
text = transcripts.write(t, "yaml")
findings = transcripts.lint(t, ignore=["TR3"])
lines: list[int] = [f.line for f in findings]
report = transcripts.stats([t, t2], single_process=True)
turns: object = report.speaker("Ana")["turns"]
conversion = transcripts.convert(t, "srt", estimate_timing=150)
lost: str = conversion.lost
estimated: int = transcripts.estimate_timing(t, 150)
"""

MISUSE = """\
import transcripts

number: int = transcripts.read("interview.txt")
transcripts.lint(42)
"""


def _mypy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def mypy_available() -> None:
    if shutil.which("mypy") is None and not (Path(sys.executable).parent / "mypy").exists():
        pytest.skip("mypy is not installed (the test extra installs it)")


def test_mypy_strict_passes_on_the_package(mypy_available, tmp_path):
    result = _mypy(tmp_path)  # [tool.mypy] in pyproject.toml: strict, the package
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_public_functions_and_the_readme_example_are_typed_for_callers(
    mypy_available, tmp_path
):
    (tmp_path / "use.py").write_text(USE, encoding="utf-8")
    (tmp_path / "example.py").write_text(_readme_library_example(), encoding="utf-8")
    (tmp_path / "misuse.py").write_text(MISUSE, encoding="utf-8")
    good = _mypy(tmp_path, "--strict", str(tmp_path / "use.py"), str(tmp_path / "example.py"))
    assert good.returncode == 0, good.stdout
    bad = _mypy(tmp_path, "--strict", str(tmp_path / "misuse.py"))
    assert 'has type "Transcript", variable has type "int"' in bad.stdout
    assert 'Argument 1 to "lint" has incompatible type "int"' in bad.stdout


@pytest.mark.parametrize("name", ["read", "parse", "write", "lint", "stats", "convert"])
def test_signatures_are_real_at_run_time(name):
    parameters = inspect.signature(getattr(transcripts, name)).parameters
    assert not any(p.kind is p.VAR_KEYWORD for p in parameters.values())
    assert inspect.isfunction(getattr(transcripts, name))


def _readme_library_example() -> str:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Library", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_library_example_runs(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(_readme_library_example(), "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "prose blocks" in out and "blocks given estimated times" in out
