"""The rules as objects: loaded from their modules, looked up by code, name or prefix."""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from ..errors import TranscriptError
from .finding import Problem, Severity
from .rules import RULE_MODULES


class Rule(NamedTuple):
    """One rule: its code, name, default severity and options, documentation and check."""

    code: str
    name: str
    severity: Severity
    options: Mapping[str, Any]
    doc: str
    check: Callable[..., Iterator[Problem]]
    #: checked across files (`linter.across`), not within one transcript
    across: bool = False
    #: the large analyses of `Context` the check uses (`Context.LARGE`), kept for it
    #: while it is still to run and freed once no rule left needs them
    uses: frozenset[str] = frozenset()

    @property
    def summary(self) -> str:
        """The first line of the documentation: what the rule finds, in one sentence."""
        return self.doc.split("\n", 1)[0].strip()


def _nothing_alone(transcript: object, options: object) -> Iterator[Problem]:
    """The per-transcript check of a rule checked across files only (`ACROSS = True`,
    no `check` of its own): nothing in one transcript alone; the lint pipeline joins the
    files (`linter.across`) and reports through `engine.across_findings`."""
    return iter(())


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order."""
    rules = []
    for module_name in RULE_MODULES:
        module = importlib.import_module(f"{__package__}.rules.{module_name}")
        rules.append(
            Rule(
                code=module.CODE,
                name=module.NAME,
                severity=Severity.parse(module.SEVERITY),
                options=dict(getattr(module, "OPTIONS", {})),
                doc=inspect.cleandoc(module.__doc__ or ""),
                check=getattr(module, "check", _nothing_alone),
                across=bool(getattr(module, "ACROSS", False)),
                uses=frozenset(getattr(module, "USES", ())),
            )
        )
    return tuple(sorted(rules, key=lambda rule: rule.code))


def find_rule(key: str) -> Rule:
    """The rule whose code or name is `key` (case-insensitive), or an error with a hint."""
    wanted = key.strip().lower()
    for rule in all_rules():
        if wanted in (rule.code.lower(), rule.name):
            return rule
    names = [rule.name for rule in all_rules()] + [rule.code for rule in all_rules()]
    import difflib  # only for the hint after a typo: not at every start-up

    close = difflib.get_close_matches(key.strip(), names, n=1)
    hint = "; `transcripts lint --explain all` lists them"
    if close:
        hint = f"; did you mean {close[0]}?"
    raise TranscriptError(f"unknown rule {key!r}{hint}")


def matches(selector: str, rule: Rule) -> int:
    """How specifically `selector` names `rule`: 0 not at all, more is more specific.

    A name or full code is the most specific; a code prefix (`TR2`, `TR20`) counts its
    length; `ALL` matches every rule least specifically (ruff's convention).
    """
    selector = selector.strip()
    if selector.upper() == "ALL":
        return 1
    if selector.lower() == rule.name or selector.upper() == rule.code:
        return 100
    if rule.code.startswith(selector.upper()) and len(selector) >= 2:
        return 1 + len(selector)
    return 0


def check_selectors(selectors: Iterable[str], where: str) -> None:
    """Fail clearly on a selector that names no rule (a typo would silently do nothing)."""
    rules = all_rules()
    for selector in selectors:
        if not any(matches(selector, rule) for rule in rules):
            try:
                find_rule(selector)
            except TranscriptError as error:
                raise TranscriptError(f"{where}: {error.message}") from None


def resolve(
    rules: Iterable[Rule], select: Iterable[str] | None, ignore: Iterable[str]
) -> list[Rule]:
    """The rules `select` and `ignore` leave on: the most specific selector wins, and an
    ignore beats a select that is exactly as specific. No `select` means every rule."""
    select = list(select) if select is not None else ["ALL"]
    ignore = list(ignore)
    chosen = []
    for rule in rules:
        selected = max((matches(s, rule) for s in select), default=0)
        ignored = max((matches(s, rule) for s in ignore), default=0)
        if selected and selected > ignored:
            chosen.append(rule)
    return chosen
