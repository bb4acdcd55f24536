"""Running the rules over one transcript and turning what they yield into findings."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ..compiled import kept
from ..io import display_name
from ..model import Transcript
from .config import LintSettings
from .context import Context, RuleOptions
from .finding import Finding, Location, Problem
from .registry import Rule
from .repeats import one_finding_per_copy
from .suppression import Span, comment_style, spans, suppressor
from .text import raw_lines


def lint(
    transcript: Transcript,
    settings: LintSettings | None = None,
    *,
    path: str | None = None,
    source: str | None = None,
    comments: str | None = None,
) -> list[Finding]:
    """The findings of every rule `settings` selects for this transcript, sorted by place.

    `path` names the file in the findings (default: the transcript's source); it also
    decides which per-file ignores apply. `source` is the text the transcript was read
    from and `comments` its comment syntax (`"html"`, `"vtt"`; see `suppression`):
    the directives in its comments turn rules off. Without them, a transcript read from
    text (whose blocks keep their source) is searched for HTML comments.
    """
    if source is None and comments is None and any(b.raw is not None for b in transcript.blocks):
        source, comments = "".join(b.raw or "" for b in transcript.blocks), "html"
    off = spans(source or "", comments)
    del source  # as large as the file: the rules need only where its comments turn them off
    return _lint(transcript, settings, path, off)


def _lint(
    transcript: Transcript, settings: LintSettings | None, path: str | None, off: list[Span]
) -> list[Finding]:
    """The findings of the per-file rules, less those the directives `off` turn off."""
    settings = settings or LintSettings()
    path = path or transcript.source or "-"
    rules = [rule for rule in settings.rules_for(path) if not rule.across]
    problems = _check(rules, transcript, settings)
    return _findings(rules, problems, transcript, settings, path, off)


def _findings(
    rules: list[Rule],
    problems: dict[str, list[Problem]],
    transcript: Transcript,
    settings: LintSettings,
    path: str,
    directives: list[Span],
) -> list[Finding]:
    """The rules' problems as findings: named, placed, given their severity and
    fingerprint, less those the comment `directives` turn off; sorted by place."""
    shown = display_name(path)
    off = suppressor(directives)
    line_text = _line_texts(
        transcript, {problem.line for found in problems.values() for problem in found}
    )
    findings: list[Finding] = []
    for rule in rules:
        severity = settings.severity_for(rule)
        for problem in problems.get(rule.code, ()):
            if off(rule, problem.line):
                continue
            findings.append(
                Finding(
                    path=shown,
                    line=problem.line,
                    column=problem.column,
                    end_line=max(problem.end_line or problem.line, problem.line),
                    code=rule.code,
                    rule=rule.name,
                    severity=severity,
                    message=problem.message,
                    related=(
                        *(Location(shown, line, column) for line, column in problem.related),
                        *problem.elsewhere,
                    ),
                    end_column=problem.end_column,
                    fingerprint=fingerprint(rule.code, line_text(problem.line), problem.message),
                    fix=problem.fix,
                )
            )
    findings.sort(key=Finding.sort_key)
    return findings


class SourceFacts:
    """What linting needs from the text a transcript was read from, taken from it in one
    pass before any rule runs, so that the caller need not keep the text (as large as the
    file, and the transcript's blocks hold their own source) while the rules run: where
    its comments turn rules off, and, for a document of blocks (JSON, JSON Lines, YAML),
    the text itself, to place findings at the document's lines (see `locations`)."""

    def __init__(self, source: str, format_name: str) -> None:
        from ..readers.positions import is_document

        self.format_name = format_name
        self.directives = spans(source, comment_style(format_name) or "none")
        self._document = source if is_document(format_name) else None
        self._lines: list[int] | None = None
        self._lines_found = False

    def block_lines(self) -> list[int] | None:
        """The document line where each block starts (see `readers.positions`); None for
        a format that is no document of blocks. Found on first use only."""
        if not self._lines_found and self._document is not None:
            from ..readers.positions import block_lines

            self._lines = block_lines(self.format_name, self._document)
            self._lines_found = True
        return self._lines

    def placed(self, findings: list[Finding], transcript: Transcript) -> list[Finding]:
        """Findings moved to the lines of a document of blocks (see `locations`)."""
        from .locations import relocate

        lines = self.block_lines() if findings else None
        return relocate(findings, transcript, lines) if lines is not None else findings


def lint_document(
    transcript: Transcript,
    source: str | SourceFacts,
    format_name: str,
    settings: LintSettings | None = None,
    *,
    path: str | None = None,
) -> list[Finding]:
    """The findings of a transcript read from `source` (the file's decoded text, or the
    `SourceFacts` taken from it) in the format `format_name`, as the user sees them in
    that file: the directives in its comments honoured, and, for a document of blocks
    (JSON, JSON Lines, YAML), placed at the document's own lines (see `locations`)."""
    facts = source if isinstance(source, SourceFacts) else SourceFacts(source, format_name)
    del source  # the facts are all the rules need: a caller that drops the text frees it
    findings = _lint(transcript, settings, path, facts.directives)
    return facts.placed(findings, transcript)


def across_findings(
    problems: dict[str, list[Problem]],
    transcript: Transcript,
    source: str,
    format_name: str,
    settings: LintSettings | None = None,
    *,
    path: str | None = None,
) -> list[Finding]:
    """What the across-files rules (`Rule.across`; see `linter.across`) found in one
    file, by code, as findings in that file, exactly as `lint_document` makes the other
    rules' findings: per-file ignores, comment directives, severities, fingerprints and
    placement in a document of blocks. Related places in other files (`elsewhere`) are
    kept as they are."""
    settings = settings or LintSettings()
    path = path or transcript.source or "-"
    rules = [rule for rule in settings.rules_for(path) if rule.across]
    facts = SourceFacts(source, format_name)
    findings = _findings(rules, problems, transcript, settings, path, facts.directives)
    return facts.placed(findings, transcript)


_DIGITS = kept(r"\d+")


def fingerprint(code: str, line_text: str, message: str = "") -> str:
    """A finding's identity across edits that move it: its rule and the text of its
    line, spacing folded (the message, numbers left out, where the line is empty)."""
    import hashlib  # only when there is a finding: it costs start-up time

    subject = " ".join(line_text.split()) or _DIGITS.sub("#", message)
    return hashlib.sha256(f"{code}\0{subject}".encode()).hexdigest()[:16]


def _line_texts(transcript: Transcript, wanted: set[int]) -> Callable[[int], str]:
    """The text of each `wanted` source line of the transcript (from its blocks' source,
    or their text where they have none), looked up by line number. Each block holding a
    wanted line is split once, however many are wanted in it (split per lookup, a block
    with a finding on each of its lines cost its whole text per finding), and only the
    wanted lines are kept."""
    blocks = [block for block in transcript.blocks if block.line]
    starts = [block.line for block in blocks]
    by_block: dict[int, list[int]] = {}
    for line in wanted:
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0:
            by_block.setdefault(index, []).append(line)
    texts: dict[int, str] = {}
    for index, lines in by_block.items():
        block = blocks[index]
        split = raw_lines(block.raw) if block.raw is not None else block.text.split("\n")
        for line in lines:
            within = line - block.line
            if 0 <= within < len(split):
                texts[line] = split[within]
    return lambda line: texts.get(line, "")


def _check(
    rules: list[Rule], transcript: Transcript, settings: LintSettings
) -> dict[str, list[Problem]]:
    """Each rule's problems, by code; the rules share one context (the sentence table is
    built once, and freed once the last rule that uses it has run)."""
    context = Context(transcript, settings.speakers)
    problems = {}
    for position, rule in enumerate(rules):
        options = RuleOptions(settings.options_for(rule), context)
        problems[rule.code] = list(rule.check(transcript, options))
        context.keep_only(name for later in rules[position + 1 :] for name in later.uses)
    return one_finding_per_copy(problems)
