"""How a long transcript's report behaves in a browser: headless Chromium opens the
report of a synthetic transcript, jumps to its last turn and scrolls through it, and
prints the times, beside the same page with `content-visibility` turned off (which
shows what laying out only the text near the screen saves).

    python bench/report_browser.py            # 5 MB transcript
    python bench/report_browser.py --size 10  # 10 MB

Needs Debian's chromium and chromium-driver and selenium (the test extra), as the
report's browser tests do. Times are whole milliseconds from the browser's own clock.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from synth import generate  # noqa: E402

import transcripts  # noqa: E402
from tests.report.browser import launch, open_page  # noqa: E402
from transcripts.report import html_report  # noqa: E402
from transcripts.report.page import content_security_policy  # noqa: E402

# After the page loaded: its load times, then the time from asking for the last turn to
# the second frame after, then the longest of 40 frames while scrolling a screen at a time.
MEASURE = """
var done = arguments[arguments.length - 1];
var nav = performance.getEntriesByType("navigation")[0];
var paint = performance.getEntriesByName("first-contentful-paint")[0];
var blocks = document.querySelectorAll(".block");
var last = blocks[blocks.length - 1].id;
function frames(n, then) { requestAnimationFrame(function () {
  n > 1 ? frames(n - 1, then) : then(); }); }
var start = performance.now();
location.hash = "#" + last;
frames(2, function () {
  var jump = performance.now() - start;
  var worst = 0, steps = 40, step = 0;
  window.scrollTo(0, 0);
  (function next() {
    var before = performance.now();
    window.scrollBy(0, window.innerHeight);
    frames(1, function () {
      worst = Math.max(worst, performance.now() - before);
      if (++step < steps) { next(); } else {
        done([nav.domContentLoadedEventEnd, nav.loadEventEnd, paint ? paint.startTime : -1,
              jump, worst, document.documentElement.scrollHeight]);
      }
    });
  })();
});
"""


def without_lazy_layout(html: str) -> str:
    """The same page with every chunk laid out at once (and its CSP hash to match)."""
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    eager = style.replace("content-visibility: auto;", "content-visibility: visible;")
    html = html.replace(style, eager)
    old = re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)
    new = content_security_policy(eager, script).replace("'", "&#39;")
    return html.replace(old, new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=5, help="megabytes of transcript")
    args = parser.parse_args()
    source = generate(HERE / "data" / f"synthetic-{args.size}mb.txt", args.size * 1_000_000)
    folder = Path(tempfile.mkdtemp(prefix="report-browser-"))
    started = time.perf_counter()
    html = html_report(transcripts.read(source))
    made = time.perf_counter() - started
    pages = {"report": html, "no content-visibility": without_lazy_layout(html)}
    print(f"{source.name}: report made in {made:.1f} s, {len(html.encode()) / 1e6:.1f} MB")
    browser = launch(folder / "profile")
    browser.set_script_timeout(300)
    try:
        for name, text in pages.items():
            page = folder / f"{name.replace(' ', '-')}.html"
            page.write_text(text, encoding="utf-8")
            open_page(browser, page)
            loaded, load, paint, jump, worst, height = browser.execute_async_script(MEASURE)
            print(
                f"  {name:24} DOM ready {loaded:6.0f} ms  load {load:6.0f} ms"
                f"  first paint {paint:6.0f} ms  jump to the last turn {jump:5.0f} ms"
                f"  worst scroll frame {worst:4.0f} ms  ({height / 1e6:.1f} M px tall)"
            )
    finally:
        browser.quit()


if __name__ == "__main__":
    main()
