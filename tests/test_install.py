"""The README's install, CI and pre-commit examples work exactly as written.

The pre-commit test runs the real `pre-commit` with the README's configuration on a
throwaway repository; only `repo:` is pointed at this checkout (pre-commit installs a
repository by path as it does by URL), so it needs no network: the hook's environment
gets this environment's dependencies and builds the package without build isolation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _block(marker: str) -> str:
    """The README's code block whose first line is `marker`."""
    found = re.search(rf"```\w*\n({re.escape(marker)}\n.*?)```", README, re.S)
    assert found, f"the README has a block starting {marker!r}"
    return found.group(1)


def _pinned_revision(text: str) -> str:
    found = re.search(r"\brev: ([0-9a-f]{40})\b", text) or re.search(r"@([0-9a-f]{40})\b", text)
    assert found, "the README pins a full commit"
    return found.group(1)


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _in_checkout() -> bool:
    return shutil.which("git") is not None and _git("rev-parse", cwd=ROOT).returncode == 0


def test_the_distribution_has_its_own_name_and_the_command_is_transcripts():
    assert PROJECT["name"] != "transcripts"  # that name is another project's placeholder
    assert PROJECT["scripts"] == {"transcripts": "transcripts.cli:main"}
    ci = _block("# .github/workflows/transcripts.yml")
    assert f'pip install "{PROJECT["name"]} @ git+https://' in ci
    assert "transcripts lint" in ci
    assert f"pip install '{PROJECT['name']}[docx]" in README


@pytest.mark.skipif(not _in_checkout(), reason="needs git and a git checkout of the project")
@pytest.mark.parametrize(
    "marker", ["# .github/workflows/transcripts.yml", "# .pre-commit-config.yaml"]
)
def test_the_readme_pins_a_revision_that_exists(marker):
    revision = _pinned_revision(_block(marker))
    assert _git("cat-file", "-e", f"{revision}^{{commit}}", cwd=ROOT).returncode == 0
    hooks = _git("show", f"{revision}:.pre-commit-hooks.yaml", cwd=ROOT)
    assert "id: transcripts-lint" in hooks.stdout


def _dependency_folder(target: Path) -> Path:
    """A folder holding (links to) the installed runtime dependencies of this package and
    their metadata, and nothing else: on PYTHONPATH, pip takes them as installed, and the
    package itself still comes from the revision pre-commit installs."""
    target.mkdir()
    wanted = [PROJECT["name"]]
    seen: set[str] = set()
    while wanted:
        name = re.sub(r"[-_.]+", "-", wanted.pop()).lower()
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a dependency for another Python (tomli)
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                wanted.append(re.match(r"[A-Za-z0-9._-]+", requirement).group())
        if name == re.sub(r"[-_.]+", "-", PROJECT["name"]).lower():
            continue
        for path in {Path(str(f)).parts[0] for f in dist.files or []}:
            source = Path(dist.locate_file(path))
            if source.exists() and not (target / path).exists() and path != "..":
                (target / path).symlink_to(source)
    return target


@pytest.mark.skipif(not _in_checkout(), reason="needs git and a git checkout of the project")
def test_the_readme_pre_commit_hook_runs_with_the_real_pre_commit(tmp_path):
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (the test extra installs it)")
    config = _block("# .pre-commit-config.yaml")
    config = re.sub(r"repo: \S+", f"repo: {ROOT}", config)  # by path: no network
    repo = tmp_path / "archive"
    (repo / "transcripts" / "drafts").mkdir(parents=True)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (repo / ".transcripts.yaml").write_text("exclude: [drafts/]\n", encoding="utf-8")
    (repo / "transcripts" / "good.txt").write_text(
        "Ana: Where were you on Monday?\nBen: At home, all day.\n", encoding="utf-8"
    )
    # excluded in the configuration: pre-commit names it, and the hook passes it over
    (repo / "transcripts" / "drafts" / "bad.txt").write_text(
        "Ana: hi\nAna: hi again\n", encoding="utf-8"
    )
    (repo / "README.md").write_text("# Not a transcript\n\nTODO: \u00e2\u20ac\u2122\n")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(_dependency_folder(tmp_path / "deps")),
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip's spelling of "build without isolation"
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    }
    run = lambda *args: subprocess.run(  # noqa: E731
        args, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    assert run("git", "init", "-q").returncode == 0
    assert run("git", "add", "-A").returncode == 0
    clean = run(str(pre_commit), "run", "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "transcripts lint" in clean.stdout and "Passed" in clean.stdout

    (repo / "transcripts" / "broken.txt").write_text(
        "Ana: It don\u00e2\u20ac\u2122t matter.\nBen: Fine.\n", encoding="utf-8"
    )
    assert run("git", "add", "-A").returncode == 0
    failed = run(str(pre_commit), "run", "--all-files")
    assert failed.returncode == 1
    assert "transcripts/broken.txt:1:" in failed.stdout and "TR302" in failed.stdout
    assert "drafts" not in failed.stdout


def test_the_dependency_folder_holds_the_dependencies_only(tmp_path):
    folder = _dependency_folder(tmp_path / "deps")
    names = {path.name for path in folder.iterdir()}
    assert {"click", "yaml", "pathspec"} <= names
    assert "transcripts" not in names
    assert sysconfig.get_paths()["purelib"]  # the environment the links point into
