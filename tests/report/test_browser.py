"""Reports opened in a real browser (headless Chromium), checked for what a person sees:
one timeline row per speaker and a segment per turn, a click on a segment landing on its
turn, every finding marked on its line, hostile text running nothing and loading
nothing, and a page that reads without JavaScript, prints, goes dark and works from the
keyboard. One browser serves the whole module; without one the tests skip, saying why.

Set TRANSCRIPTS_README_SCREENSHOT=1 to also write the README's screenshot,
docs/report-seed.png, from the same page the screenshot test takes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import transcripts
from tests.conftest import ROOT, SEED, corpus_file
from tests.report.browser import launch, open_page, requests_made
from tests.report.hostile import BAIT, FLAGS, PAYLOADS, hostile_document, hostile_text
from transcripts.report import html_report

SMALL_VTT = """WEBVTT

00:00:00.000 --> 00:00:04.000
<v Ana>Welcome to the show. How are you?

00:00:04.000 --> 00:00:09.500
<v Ben>Fine, thanks. Glad to be here.

00:00:10.000 --> 00:00:12.000
<v Cy>Me too.

00:00:12.000 --> 00:00:20.000
<v Ana>Let us begin with the news.
"""

#: The court trial: 13 speakers (patterned fills), 2,042 turns (many merged), findings.
CORPUS_TEXT = "court-trial-sdny-us-v-guo-2024-05-28.txt"
CORPUS_CAPTIONS = "captions-ableplayer-uw-itaccess-en.vtt"

# Everything the timeline shows, gathered in one round trip.
READ_TIMELINE = """
return Array.from(document.querySelectorAll(".timeline .row")).map(function (row) {
  var merged = row.querySelector("path.merged");
  return {
    name: row.querySelector(".name").textContent,
    segments: Array.from(row.querySelectorAll("a.seg")).map(function (a) {
      var id = a.getAttribute("href").slice(1);
      var target = document.getElementById(id);
      return [id, target && target.querySelector(".who .name").textContent];
    }),
    merged: merged ? merged.getAttribute("data-targets").split(" ") : []
  };
});
"""

# For each finding marked in the text: its id, code, and the source lines of its block.
READ_FINDINGS = """
return Array.from(document.querySelectorAll(".block .finding")).map(function (f) {
  var block = f.closest(".block");
  var related = Array.from(f.querySelectorAll("a.related")).map(function (a) {
    return !!document.getElementById(a.getAttribute("href").slice(1));
  });
  var listed = document.querySelector('.findings li a[href="#' + f.id + '"]');
  return [f.id, f.querySelector("code").textContent, block.querySelector(".ln").textContent,
          related, !!listed];
});
"""

IN_VIEW = """
var box = document.getElementById(arguments[0]).getBoundingClientRect();
return box.top >= -1 && box.top < window.innerHeight && box.height > 0;
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Any:
    driver = launch(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("reports")


def _page(pages: Path, source: Path, name: str) -> tuple[Path, transcripts.Transcript]:
    transcript = transcripts.read(source)
    if source.is_relative_to(ROOT):  # the README's screenshot names the sample as users do
        transcript.source = source.relative_to(ROOT).as_posix()
    page = pages / f"{name}.html"
    if not page.exists():
        page.write_text(html_report(transcript), encoding="utf-8")
    return page, transcript


def _small_vtt(pages: Path) -> Path:
    path = pages / "small.vtt"
    path.write_text(SMALL_VTT, encoding="utf-8")
    return path


SOURCES = {
    "seed": lambda pages: SEED,
    "small-vtt": _small_vtt,
    "corpus-captions": lambda pages: corpus_file(CORPUS_CAPTIONS),
    "corpus-text": lambda pages: corpus_file(CORPUS_TEXT),
}


@pytest.mark.parametrize("name", list(SOURCES))
def test_timeline_has_a_row_per_speaker_and_a_segment_per_turn(browser, pages, name):
    page, transcript = _page(pages, SOURCES[name](pages), name)
    open_page(browser, page)
    rows = browser.execute_script(READ_TIMELINE)
    turns: dict[str, list[str]] = {}
    for block in transcript.turns():
        turns.setdefault(block.speaker or "", []).append(block.line)
    assert [row["name"] for row in rows] == list(turns)
    for row in rows:
        drawn = [target for target, _ in row["segments"]] + row["merged"]
        assert len(drawn) == len(turns[row["name"]]), row["name"]
        wrong = [(target, who) for target, who in row["segments"] if who != row["name"]]
        assert not wrong, wrong  # each segment lands on its turn
        assert sorted(int(target.lstrip("L")) for target in drawn) == turns[row["name"]]


def test_a_timed_caption_file_is_drawn_by_time(browser, pages):
    page, _ = _page(pages, _small_vtt(pages), "small-vtt")
    open_page(browser, page)
    ticks = browser.execute_script(
        'return Array.from(document.querySelectorAll(".axis .ticks span"), s => s.textContent)'
    )
    assert ticks == ["0:00", "0:05", "0:10", "0:15", "0:20"]
    facts = browser.find_element("css selector", ".facts").text
    assert "DURATION\n0:20" in facts.upper()
    assert "Talk time" in browser.find_element("css selector", "table.bars thead").text


def test_clicking_a_segment_scrolls_to_its_turn(browser, pages):
    page, _ = _page(pages, SEED, "seed")
    open_page(browser, page)
    segment = browser.find_element("css selector", '.timeline a.seg[href="#L31"]')
    segment.click()
    assert browser.execute_script("return location.hash") == "#L31"
    assert browser.execute_script(IN_VIEW, "L31")
    turn = browser.find_element("id", "L31")
    assert turn.find_element("css selector", ".who .name").text == "Lukashenko"
    assert "Thank you for having me." in turn.text
    # The linked turn stands out (:target).
    background = browser.execute_script(
        "return getComputedStyle(document.getElementById('L31')).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_clicking_merged_short_turns_goes_to_one_of_them(browser, pages):
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    page, _ = _page(pages, corpus_file(CORPUS_TEXT), "corpus-text")
    open_page(browser, page)
    merged = browser.find_element("css selector", ".timeline path.merged")
    targets = merged.get_attribute("data-targets").split()
    # A real click in the middle of the first pixel column the path covers.
    x, y = browser.execute_script(
        "var path = arguments[0], svg = path.ownerSVGElement, box = svg.getBoundingClientRect();"
        "var run = /M(\\d+) 0h(\\d+)/.exec(path.getAttribute('d'));"
        "var middle = Number(run[1]) + Number(run[2]) / 2;"
        "return [box.left + middle / svg.viewBox.baseVal.width * box.width,"
        "        box.top + box.height / 2];",
        merged,
    )
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(int(x), int(y)).click()
    actions.perform()
    target = browser.execute_script("return location.hash").lstrip("#")
    assert target in targets
    assert browser.execute_script(IN_VIEW, target)


@pytest.mark.parametrize("name", ["seed", "corpus-text"])
def test_every_lint_finding_is_marked_on_its_line(browser, pages, name):
    page, transcript = _page(pages, SOURCES[name](pages), name)
    findings = transcripts.lint(transcript)
    assert findings, "the test needs a file with findings"
    open_page(browser, page)
    marked = browser.execute_script(READ_FINDINGS)
    assert len(marked) == len(findings)
    for finding, (_, code, lines, related, listed) in zip(findings, marked, strict=True):
        first, _, last = lines.partition("–")
        assert int(first) <= finding.line <= int(last or first), (finding, lines)
        assert code == finding.code and listed and all(related)
        assert len(related) == len(finding.related)


def test_hostile_text_runs_no_script_and_loads_nothing(browser, pages, tmp_path):
    page = pages / "hostile.html"
    documents = [
        transcripts.read(hostile_text(tmp_path)),
        transcripts.read(hostile_document(tmp_path)),
    ]
    page.write_text(html_report(documents), encoding="utf-8")
    open_page(browser, page)
    browser.execute_script(  # follow every link there is, HTML's and SVG's
        'document.querySelectorAll("a").forEach(a => a.dispatchEvent('
        'new MouseEvent("click", {bubbles: true, cancelable: true})))'
    )
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    ran = browser.execute_script(f"return {[f'window.{flag}' for flag in FLAGS]}".replace("'", ""))
    assert ran == [None] * len(FLAGS)
    assert browser.execute_script("return window.__cspViolations") == []
    assert requests_made(browser) == [page.as_uri()]
    text = browser.find_element("tag name", "main").text
    for payload in PAYLOADS[:5]:
        assert payload in text  # shown, as text
    assert browser.title.startswith("2 transcripts")


def test_the_injection_checks_catch_a_page_that_is_not_escaped(browser, pages):
    """The detector's own test: the same payloads written raw do run, and do load."""
    page = pages / "unsafe.html"
    page.write_text(
        "<!DOCTYPE html><html><body>"
        # (all but the refresh, which would leave the page before it could be checked)
        + "".join(f"<p>{payload}</p>" for payload in PAYLOADS if "refresh" not in payload)
        + "</body></html>",
        encoding="utf-8",
    )
    open_page(browser, page)
    assert browser.execute_script("return window.__pwned_script") == 1
    assert any(url.startswith(BAIT) for url in requests_made(browser))
    locked = pages / "locked.html"
    locked.write_text(
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'\"></head><body><script>window.__pwned_script = 1</script>"
        "</body></html>",
        encoding="utf-8",
    )
    open_page(browser, locked)
    assert browser.execute_script("return window.__pwned_script") is None
    assert browser.execute_script("return window.__cspViolations")  # the listener hears


def test_the_text_reads_without_javascript(browser, pages):
    page, _ = _page(pages, SEED, "seed")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, page)
        turn = browser.find_element("id", "L10")
        assert turn.is_displayed()
        assert "Certainly. From my understanding of President Putin" in turn.text
        assert browser.find_element("id", "f5").text.startswith("30:14 TR201")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_dark_preference_and_print(browser, pages):
    page, _ = _page(pages, SEED, "seed")
    open_page(browser, page)
    style = "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]"
    light = browser.execute_script(style, "body", "backgroundColor")
    assert not browser.execute_script(
        "return document.querySelector('.measures table').checkVisibility()"
    )
    media = "Emulation.setEmulatedMedia"
    try:
        browser.execute_cdp_cmd(
            media, {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
        )
        dark = browser.execute_script(style, "body", "backgroundColor")
        assert (light, dark) == ("rgb(255, 255, 255)", "rgb(22, 22, 22)")
        browser.execute_cdp_cmd(media, {"media": "print", "features": []})
        assert browser.execute_script(style, ".skip", "display") == "none"
        assert browser.execute_script(style, ".chunk", "contentVisibility") == "visible"
        folded = "return document.querySelector('.measures table').checkVisibility()"
        assert browser.execute_script(folded)  # folded parts print unfolded
    finally:
        browser.execute_cdp_cmd(media, {"media": "", "features": []})


def test_keyboard_reaches_the_text_and_the_turns(browser, pages):
    from selenium.webdriver.common.keys import Keys

    page, _ = _page(pages, SEED, "seed")
    open_page(browser, page)
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Skip to the transcript"
    active.send_keys(Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#text"
    open_page(browser, page)
    browser.find_element("tag name", "body").send_keys(Keys.TAB)
    for _ in range(30):  # past the skip link, the parts and the findings: the first turn
        active = browser.switch_to.active_element
        if active.get_attribute("class") == "seg":
            break
        active.send_keys(Keys.TAB)
    assert active.get_dom_attribute("href") == "#L9"
    active.send_keys(Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#L9"


def test_a_screenshot_is_saved_as_an_artifact(browser, pages, tmp_path_factory):
    page, _ = _page(pages, SEED, "seed")
    folder = Path(os.environ.get("TRANSCRIPTS_ARTIFACTS") or tmp_path_factory.mktemp("artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(1200, 1200)
    try:
        open_page(browser, page)
        shot = folder / "report-seed.png"
        assert browser.save_screenshot(str(shot))
        assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
        if os.environ.get("TRANSCRIPTS_README_SCREENSHOT"):
            (ROOT / "docs").mkdir(exist_ok=True)
            (ROOT / "docs" / "report-seed.png").write_bytes(shot.read_bytes())
    finally:
        browser.set_window_size(1280, 1600)
