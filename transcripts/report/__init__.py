"""HTML reports of transcripts: who spoke when, talk share, and the lint findings in place.

    import transcripts
    from transcripts.report import html_report
    t = transcripts.read("interview.txt")
    open("report.html", "w", encoding="utf-8").write(html_report(t))

The page is one self-contained file (no loads, a strict Content-Security-Policy) drawn
from the library's public functions: `transcripts.stats` for every number and
`transcripts.lint` for every finding. `view` arranges them, `charts` draws the timeline
and bars, `palette` colours speakers, `page` renders the Jinja2 templates, `run` is the
`transcripts report` command. Importing this package imports Jinja2; nothing else in
`transcripts` does.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..linter import LintSettings
from ..model import Transcript
from .page import Article, FileError, render_article, render_page
from .view import document_view

__all__ = ["Article", "FileError", "article_of", "html_report"]


def html_report(
    transcripts: Transcript | Iterable[Transcript],
    *,
    settings: LintSettings | None = None,
    title: str | None = None,
) -> str:
    """The report page of a transcript, or of several (an index, then each report).
    `settings` chooses the lint rules whose findings are shown (default: all)."""
    documents = [transcripts] if isinstance(transcripts, Transcript) else list(transcripts)
    many = len(documents) > 1
    articles = [article_of(t, settings, number, many) for number, t in enumerate(documents, 1)]
    speakers = max((speakers for _, speakers in articles), default=0)
    return render_page([article for article, _ in articles], title=title, speakers=speakers)


def article_of(
    transcript: Transcript,
    settings: LintSettings | None,
    number: int,
    many: bool,
    source: str | None = None,
) -> tuple[Article, int]:
    """The `number`-th transcript's report on a page (of `many` or of one), and how many
    speakers it colours: its numbers from `transcripts.stats`, its findings from
    `transcripts.lint`. `source` names the file it was read from."""
    from ..linter import LintSettings as Settings
    from ..linter import lint
    from ..statistics import stats

    view = document_view(
        transcript,
        stats(transcript),
        lint(transcript, settings or Settings()),
        prefix=f"d{number}-" if many else "",
        source=source,
    )
    return render_article(view, many), len(view.speakers)
