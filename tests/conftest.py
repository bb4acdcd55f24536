"""Shared fixtures: paths to the samples, and to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# Hypothesis fails an example that takes over 200 ms; on a machine whose cores are busy
# (a shared CI runner, several test workers) an ordinary example can, and the property
# tests then fail for no fault of the code. The suite's whole time is what is watched.
settings.register_profile("transcripts", deadline=None)
settings.load_profile("transcripts")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SAMPLES / "lukashenko-interview.txt"


def corpus_files(*suffixes: str) -> list[Path]:
    """Corpus files with the given suffixes (all text-like ones by default); [] when absent."""
    if not CORPUS.is_dir():
        return []
    suffixes = suffixes or (".txt", ".md", ".htm", ".vtt", ".srt", ".cha")
    return sorted(p for p in CORPUS.iterdir() if p.suffix in suffixes and p.name != "SOURCES.md")


def corpus_file(name: str) -> Path:
    """One corpus file, or skip the test when ../shared is not beside the project."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seed() -> Path:
    return SEED
