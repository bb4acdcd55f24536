"""`transcripts report` end to end without a browser: what it writes, what it refuses,
how a batch with bad inputs goes on, and that the page is escaped and locked down."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import transcripts
from tests.conftest import ROOT, SEED
from tests.report.hostile import PAYLOADS, hostile_document, hostile_text
from transcripts.cli import cli
from transcripts.report import html_report


def _report(runner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def _inline(html: str, tag: str) -> str:
    found = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S)
    assert found, f"the page has an inline <{tag}>"
    return found.group(1)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def test_report_writes_one_page_with_the_seeds_facts(runner, tmp_path):
    out = tmp_path / "report.html"
    status, stdout, stderr = _report(runner, str(SEED), "-o", str(out))
    assert (status, stdout, stderr) == (0, "", "")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    totals = transcripts.stats(transcripts.read(SEED)).totals
    assert f"<dt>Turns</dt><dd>{totals['turns']}</dd>" in html
    assert f"<dt>Words</dt><dd>{totals['words']}</dd>" in html
    assert "<title>Interview with Alexander Lukashenko: Allegations" in html


def test_the_page_loads_nothing_and_allows_only_its_own_style_and_script(tmp_path):
    html = html_report(transcripts.read(SEED))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy
    directives = policy.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in directives
    assert f"style-src 'sha256-{_sha256(_inline(html, 'style'))}'" in directives
    assert f"script-src 'sha256-{_sha256(_inline(html, 'script'))}'" in directives
    assert "unsafe-inline" not in directives
    # No address to load from: no src=, no stylesheet link, no url() but the page's own.
    assert not re.search(r"\ssrc=|<link\b|@import", html)
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {f"#fill-{i}" for i in range(64)}
    assert ' style="' not in html  # inline style attributes would need 'unsafe-inline'


def test_every_payload_is_shown_as_text_and_none_as_markup(tmp_path):
    page = html_report(
        [transcripts.read(hostile_text(tmp_path)), transcripts.read(hostile_document(tmp_path))]
    )
    body = page.split("<body>", 1)[1].rsplit("<script>", 1)[0]
    assert "<script" not in body and "<iframe" not in body and "<img" not in body
    assert "onerror=" not in body.replace("onerror=&#34;", "")
    assert "javascript:" not in re.sub(r"&#34;javascript:", "", body)  # only in escaped text
    for payload in PAYLOADS[:3]:
        assert payload.replace("<", "&lt;").replace(">", "&gt;") in body
    assert "{{ 7*7 }}" in body  # template syntax in a file is text, not a template


def test_control_characters_become_visible(tmp_path):
    page = html_report(transcripts.read(hostile_text(tmp_path)))
    assert "\x1b" not in page and "\x07" not in page
    assert "A bell \u2407 and an escape \u241b[31m in red." in page


def test_inferred_convention_and_warning_are_shown_when_the_reader_gives_them():
    class WithInference(transcripts.Transcript):  # the text reader's coming attribute
        pass

    class Inference:
        warning = "no speaker found <b>here</b>"

        def summary(self) -> str:
            return "Name: text labels, one line each"

    seed = transcripts.read(SEED)
    t = WithInference(
        blocks=seed.blocks, speakers=seed.speakers, metadata=seed.metadata, source=seed.source
    )
    t.inference = Inference()
    html = html_report(t)
    assert "<dt>Convention</dt><dd>Name: text labels, one line each</dd>" in html
    assert "<dt>Parser warning</dt><dd>no speaker found &lt;b&gt;here&lt;/b&gt;</dd>" in html
    seed.inference = None  # what other formats' readers give
    assert "Convention" not in html_report(seed)


def test_a_batch_reports_bad_inputs_in_one_line_each_and_goes_on(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    nothing = tmp_path / "no-transcripts"
    nothing.mkdir()
    out = tmp_path / "all.html"
    args = [str(SEED), str(empty), str(tmp_path / "missing.txt"), str(nothing), "-o", str(out)]
    status, _, stderr = _report(runner, *args)
    assert status == 2
    lines = stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("transcripts: ") for line in lines)
    assert "empty.txt: is empty" in stderr and "missing.txt: no such file" in stderr
    assert "no-transcripts: no transcript files found" in stderr
    html = out.read_text(encoding="utf-8")
    assert 'href="#d1-report">' in html and 'id="d1-L9"' in html  # the seed is in
    assert html.count('<tr class="error">') == 3
    assert "not included: is empty" in html


def test_nothing_readable_writes_nothing(runner, tmp_path):
    out = tmp_path / "report.html"
    status, stdout, stderr = _report(runner, str(tmp_path / "missing.txt"), "-o", str(out))
    assert status == 2 and stdout == ""
    assert stderr.strip() == f"transcripts: {tmp_path / 'missing.txt'}: no such file"
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_output_naming_an_input_is_refused(runner, tmp_path):
    source = tmp_path / "talk.txt"
    source.write_bytes(SEED.read_bytes())
    status, _, stderr = _report(runner, str(source), "-o", str(source))
    assert status == 2 and "is also an input" in stderr
    assert source.read_bytes() == SEED.read_bytes()


def test_a_folder_is_walked_like_lint_and_stats_walk_it(runner, tmp_path):
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "b.txt").write_text("Ana: Hello?\n\nBen: Hi.\n", encoding="utf-8")
    (folder / "a.md").write_text("**Ana:** One.\n\n**Ben:** Two.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Eve: hidden\n", encoding="utf-8")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # no transcript: passed over
    out = tmp_path / "talks.html"
    status, _, stderr = _report(runner, str(folder), "-o", str(out))
    assert (status, stderr) == (0, "")
    html = out.read_text(encoding="utf-8")
    listed = re.findall(r'<tr><td><a href="#(d\d-report)">([^<]*)</a>', html)
    assert listed == [("d1-report", str(folder / "a.md")), ("d2-report", str(folder / "b.txt"))]
    assert "<h1>2 transcripts</h1>" in html


def test_stdin_is_read_and_the_page_goes_to_stdout(runner):
    result = runner.invoke(cli, ["report", "-", "--title", "Piped"], input=SEED.read_text("utf-8"))
    assert result.exit_code == 0
    assert "<title>Piped – transcripts report</title>" in result.stdout


def test_the_page_is_never_written_to_a_terminal(monkeypatch, seed):
    from transcripts.errors import TranscriptError
    from transcripts.pipelines.report import report_files

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(TranscriptError, match="write it to a file with -o FILE"):
        report_files([str(seed)], report=print)


def test_select_and_ignore_choose_the_findings_shown(runner, tmp_path):
    out = tmp_path / "r.html"
    _report(runner, str(SEED), "--ignore", "duplicate-passage", "--ignore", "TR4", "-o", str(out))
    codes = re.findall(r'<p class="finding[^>]*>.*?<code>(TR\d+)</code>', out.read_text("utf-8"))
    assert codes == ["TR102", "TR101"]
    _report(runner, str(SEED), "--select", "TR2", "-o", str(out))
    codes = re.findall(r'<p class="finding[^>]*>.*?<code>(TR\d+)</code>', out.read_text("utf-8"))
    assert codes == ["TR201"]


def test_version_and_help_do_not_import_jinja2():
    code = (
        "import sys\n"
        "from transcripts.cli import main\n"
        "for argv in (['--version'], ['--help'], ['report', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "    if argv[0] != 'report': assert 'jinja2' not in sys.modules, argv\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_templates_ship_as_package_data():
    from importlib import resources

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    patterns = shipped["package-data"]["transcripts.report"]
    templates = resources.files("transcripts.report").joinpath("templates")
    names = sorted(entry.name for entry in templates.iterdir() if entry.is_file())
    assert {"report.html.j2", "document.html.j2", "report.css", "report.js"} <= set(names)
    assert all(any(Path("templates", name).match(p) for p in patterns) for name in names)


def test_findings_follow_the_lint_table_and_the_report_table_sets_options(runner, tmp_path):
    source = tmp_path / "talk.txt"
    source.write_bytes(SEED.read_bytes())
    (tmp_path / ".transcripts.yaml").write_text(
        "lint:\n  ignore: [duplicate-passage, TR4]\nreport:\n  title: From the config\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    status, _, stderr = _report(runner, str(source), "-o", str(out))
    assert (status, stderr) == (0, "")
    html = out.read_text("utf-8")
    assert "<title>From the config – transcripts report</title>" in html
    codes = re.findall(r'<p class="finding[^>]*>.*?<code>(TR\d+)</code>', html)
    assert codes == ["TR102", "TR101"]
