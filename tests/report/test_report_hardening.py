"""The report through the project's hostile and broken inputs (those of
tests/test_hardening.py): a page or one line and exit 2, never a traceback, never a
changed input; and a page for any document any reader returns."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.readers.test_text_roundtrip import transcript_like_text
from tests.test_hardening import BROKEN_DOCUMENTS, HOSTILE, READERS, _read_or_refuse
from transcripts.cli import cli
from transcripts.io import SourceText
from transcripts.report import html_report


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_gives_a_page_or_one_line_and_exit_2(runner, tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(HOSTILE[name])
    result = runner.invoke(cli, ["report", str(path)])
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and str(path) in result.stderr
    else:
        assert result.stdout.startswith("<!DOCTYPE html>")
    assert "Traceback" not in result.output
    assert path.read_bytes() == HOSTILE[name]


@pytest.mark.parametrize("name", list(BROKEN_DOCUMENTS))
def test_broken_documents_give_one_line_and_exit_2(runner, tmp_path, name):
    path = tmp_path / name
    path.write_text(BROKEN_DOCUMENTS[name], encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["report", str(path), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"transcripts: {path}: ")
    assert not out.exists()


def _page(document) -> None:
    page = html_report(document)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(READERS), text=st.text(max_size=300))
def test_a_page_is_made_of_any_document_a_reader_returns(name, text):
    document = _read_or_refuse(name, SourceText(text=text, path="x"))
    if document is not None:
        _page(document)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=transcript_like_text())
def test_a_page_is_made_of_any_transcript_like_text(text):
    document = _read_or_refuse("text", SourceText(text=text, path="x"))
    if document is not None:
        _page(document)


def test_bad_requests_give_one_line_and_exit_2(runner, tmp_path, seed):
    cases = {
        "unknown format": (["-f", "odt", str(seed)], "unknown format 'odt'"),
        "unwritable output": ([str(seed), "-o", str(tmp_path / "no" / "out")], "does not exist"),
        "unknown rule": ([str(seed), "--select", "TR999"], "TR999"),
    }
    for case, (argv, message) in cases.items():
        result = runner.invoke(cli, ["report", *argv])
        assert result.exit_code == 2, (case, result.output)
        assert result.stderr.count("\n") == 1 and message in result.stderr, (case, result.stderr)
        assert "Traceback" not in result.output
