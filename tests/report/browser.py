"""Headless Chromium for the report's browser tests: Debian's `chromium` and
`chromedriver`, driven by Selenium, with no network of its own.

`launch()` skips the calling test, with the reason, where no browser can be had (Selenium
or the browser not installed); `.ci/run` installs them where it can.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

#: Chromium's flags: headless, and none of the background connections a closed network
#: refuses (updates, sync, QUIC probes).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1600",
)

#: Set before any script of a page runs: records Content-Security-Policy violations.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def launch(profile: Path) -> Any:
    """A Chrome WebDriver on Debian's Chromium, or skip the test saying what is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip(
            "no headless browser: install Debian's chromium and chromium-driver "
            "(apt-get install chromium chromium-driver; .ci/run does where it can)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    # Every request the page makes shows in the performance log (Network events).
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_CSP})
    browser.get("about:blank")
    return browser


#: True once the page at arguments[0] has been parsed to its end and loaded.
LOADED = """
return location.href.split("#")[0] === arguments[0] && document.readyState === "complete";
"""


def open_page(browser: Any, path: Path) -> None:
    """Load a local page and wait until it is whole (WebDriver may hand back a page that
    is still being parsed); drop the log of what earlier pages requested."""
    from selenium.webdriver.support.wait import WebDriverWait

    browser.get_log("performance")
    uri = path.resolve().as_uri()
    browser.get(uri)
    WebDriverWait(browser, 30, poll_frequency=0.05).until(
        lambda driver: driver.execute_script(LOADED, uri)
    )


def requests_made(browser: Any) -> list[str]:
    """The URLs requested since the page was opened (the page itself included), leaving
    out the browser's own `chrome://` pages, which no web page can request."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith("chrome://"):
                urls.append(url)
    return urls
