"""The report page: Jinja2 templates, autoescaped, with the stylesheet and script inline.

One self-contained HTML file: the stylesheet and the script are written into the page,
and a Content-Security-Policy allows exactly those two (by their SHA-256 hashes) and
nothing else, no load from anywhere, so even text that slipped through escaping could
neither run nor fetch. Every text from a transcript reaches the page through the
template's autoescaping; control characters are first made visible (U+241B for ESC),
since HTML would drop them silently.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from .._version import __version__
from .palette import OKABE_ITO, speaker_style
from .view import DocumentView, measure_text

TEMPLATES = "templates"

# C0 controls but tab, line feed and carriage return, as their Unicode control pictures;
# DEL as its picture; C1 controls as U+FFFD (they have no pictures).
_VISIBLE_CONTROLS = {
    **{code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # the keys above

#: How a patterned fill shows on a turn's border, where an SVG pattern cannot go.
_BORDERS = {"solid": "solid", "hatched": "dashed", "dotted": "dotted", "crossed": "double"}


@dataclass(frozen=True)
class FileError:
    """An input the report could not include, with the one-line reason."""

    path: str
    message: str


def _visible(value: Any) -> Any:
    """Jinja's `finalize`: every string shown has its control characters made visible."""
    if isinstance(value, str) and not isinstance(value, Markup) and _CONTROL.search(value):
        return value.translate(_VISIBLE_CONTROLS)
    return value


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: autoescaping on for every template, strict undefined."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("transcripts.report", TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_visible,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["measure_text"] = measure_text
    return env


def _asset(name: str) -> str:
    return resources.files("transcripts.report").joinpath(TEMPLATES, name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def speaker_css(count: int) -> str:
    """The rules that colour speakers 0 to `count - 1` (numbers and ids only)."""
    rules = []
    for index in range(count):
        style = speaker_style(index)
        rule = f".s{index}{{--c:{style.colour}"
        if style.pattern_id:
            rule += f";--f:url(#{style.pattern_id});--b:{_BORDERS[style.fill]}"
        rules.append(rule + "}")
    return "\n".join(rules) + "\n"


def height_css(heights: Iterable[int]) -> str:
    """The stand-in heights of the stretches of text (rem; numbers only)."""
    return "".join(
        f".h{height}{{contain-intrinsic-size:auto {height}rem}}\n" for height in sorted(heights)
    )


def content_security_policy(style: str, script: str) -> str:
    """Nothing may load; only this page's own stylesheet and script may apply or run."""
    return (
        "default-src 'none'; "
        f"style-src {_csp_hash(style)}; "
        f"script-src {_csp_hash(script)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
        "object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True)
class Article:
    """One transcript's report, rendered, and what the index of a page of several lists."""

    html: Markup
    id: str
    title: str
    source: str
    speakers: list[str]
    turns: int
    words: int
    findings: int
    heights: frozenset[int]  # the stand-in heights of its stretches of text


def render_article(doc: DocumentView, many: bool) -> Article:
    """One transcript's `<article>`. Rendered at once, so that a page of many files holds
    their HTML, not every transcript, until it is written."""
    html = environment().get_template("document.html.j2").render(doc=doc, many=many)
    return Article(
        html=Markup(html),
        id=doc.id,
        title=doc.title,
        source=doc.source,
        speakers=[name for name, _ in doc.speakers],
        turns=doc.totals["turns"],
        words=doc.totals["words"],
        findings=len(doc.findings),
        heights=frozenset(chunk.height for chunk in doc.chunks),
    )


def render_page(
    articles: Sequence[Article],
    errors: Sequence[FileError] = (),
    *,
    title: str | None = None,
    speakers: int = 0,
) -> str:
    """The whole page: one transcript's report, or an index of several and each report.
    `speakers` is the most speakers any of them has (their colours are defined once)."""
    heights = {height for article in articles for height in article.heights}
    style = _asset("report.css") + speaker_css(speakers) + height_css(heights)
    script = _asset("report.js")
    many = len(articles) + len(errors) > 1
    if title is None:
        title = articles[0].title if not many and articles else f"{len(articles)} transcripts"
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            articles=[article.html for article in articles],
            entries=articles,
            errors=errors,
            many=many,
            patterns=[speaker_style(i) for i in range(len(OKABE_ITO), speakers)],
            style=Markup(style),
            script=Markup(script),
            csp=content_security_policy(style, script),
            version=__version__,
        )
    )
