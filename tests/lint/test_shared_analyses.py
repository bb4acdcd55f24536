"""The large analyses the rules share (the sentence table, the joined source text) are
built once per transcript and freed once no rule left to run uses them."""

from __future__ import annotations

import inspect

import transcripts
from transcripts.linter import passages
from transcripts.linter.config import LintSettings
from transcripts.linter.context import Context
from transcripts.linter.engine import lint
from transcripts.linter.passages import Edges, SentenceTable
from transcripts.linter.registry import all_rules

#: How a rule's code reaches each large analysis of `Context.LARGE`.
_ACCESSORS = {
    "sentences": ("sentences()", "sentence_edges()"),
    "source-text": ("source_text(", "find_in_source("),
}

_REPEATED = (
    "The committee will now consider the amendment offered by the gentleman from Ohio. "
    "It strikes the second section in full."
)
_TEXT = "\n\n".join(
    [
        f"ANA: {_REPEATED} Then we vote.",
        "BEN: Fine by me, caf\u00c3\u00a9 and all.",
        f"ANA: {_REPEATED}",
    ]
)


def test_every_rule_that_reaches_a_large_analysis_says_so_in_its_uses():
    assert set(_ACCESSORS) == set(Context.LARGE)
    for rule in all_rules():
        source = inspect.getsource(inspect.getmodule(rule.check))  # type: ignore[arg-type]
        for name, calls in _ACCESSORS.items():
            if any(call in source for call in calls):
                assert name in rule.uses, f"{rule.name} uses {name} without USES"


def test_the_sentence_table_is_built_once_and_freed_before_the_rules_that_do_not_use_it(
    monkeypatch,
):
    built: list[SentenceTable] = []
    real_init = SentenceTable.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(passages.SentenceTable, "__init__", counting_init)
    held: list[set[str]] = []
    real_keep_only = Context.keep_only

    def recording_keep_only(self, used):
        real_keep_only(self, used)
        held.append(set(self._cache))

    monkeypatch.setattr(Context, "keep_only", recording_keep_only)
    transcript = transcripts.parse(_TEXT)
    settings = LintSettings()
    rules = [rule for rule in settings.rules_for("-") if not rule.across]
    findings = lint(transcript, settings)

    codes = {finding.rule for finding in findings}
    assert {"duplicate-passage", "encoding"} <= codes  # both analyses were used
    assert len(built) == 1
    last_user = max(i for i, rule in enumerate(rules) if "sentences" in rule.uses)
    assert "sentences" in held[last_user - 1]  # kept while a rule still needs it
    assert not {"sentences", "sentence-edges"} & held[last_user]  # freed after the last
    assert not {"sentences", "sentence-edges", "source-text"} & held[-1]


def test_shared_sentence_ends_are_counted_exactly_and_any_other_counts_once():
    openings = ["the same opening of twenty"] * 3 + [f"opening {i:02} unlike" for i in range(3)]
    long = [f"{opening} words {i}" * 2 for i, opening in enumerate(openings)]
    transcript = transcripts.parse("\n\n".join(f"ANA: {text}." for text in long))
    edges = Edges(SentenceTable(transcript))
    counts = [edges.heads[head] for _, head, _ in edges.distinct()]
    assert counts == [3, 3, 3, 1, 1, 1]
    assert edges.variants("a sentence no one said, long enough to have two ends") == 1
