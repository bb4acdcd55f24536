"""`Tally` counts a family's labels by name and look once; the inference reads its
answers where it counted the labels themselves. Each answer against the plain count."""

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcripts
from tests.conftest import SAMPLES, corpus_files
from transcripts.readers.text import conventions
from transcripts.readers.text.evidence import Use
from transcripts.readers.text.tally import Tally

_labels = st.lists(
    st.tuples(st.sampled_from(["ana", "ben", "the court", "q"]), st.integers(0, 3)), max_size=40
)


def _uses(labels: list[tuple[str, int]]) -> list[Use]:
    uses = []
    for line, (key, look) in enumerate(labels):
        use = Use(line, None, key)  # type: ignore[arg-type]  # (the shape is not asked)
        use.look = ("look", look)
        uses.append(use)
    return uses


@given(_labels, st.sets(st.integers(0, 3)))
def test_names_counted_from_the_pairs_are_the_names_counted_over_the_labels(labels, kept):
    uses = _uses(labels)
    tally = Tally(uses)
    looks = {("look", look) for look in kept}
    plain_all = Counter(use.key for use in uses)
    plain_kept = Counter(use.key for use in uses if use.look in looks)
    # (the same counts in the same order: names come out as their first label does)
    assert list(tally.names().items()) == list(plain_all.items())
    assert list(tally.names(looks).items()) == list(plain_kept.items())
    assert tally.looks() == {use.look for use in uses}


@given(_labels, st.sets(st.integers(0, 3)))
def test_names_of_the_looks_passing_a_test_are_those_of_the_labels_passing_it(labels, kept):
    uses = _uses(labels)
    looks = {("look", look) for look in kept}
    odd = lambda look: look[1] % 2 == 1  # noqa: E731
    plain = Counter(use.key for use in uses if use.look in looks and odd(use.look))
    assert Tally(uses).names_where(odd, looks) == plain


_TEXT = (".txt", ".md", ".htm")
_DOCUMENTS = [
    *sorted(SAMPLES.iterdir()),
    *corpus_files(*_TEXT),
    *sorted((Path(__file__).resolve().parent.parent / "cases" / "parse").glob("*.case")),
]


def _verdicts(path: Path) -> list[tuple[int, object]]:
    text = path.read_text(encoding="utf-8").partition("\n=== expect")[0] + "\n"
    return [(use.line, use.verdict) for use in transcripts.parse(text).inference.uses]


@pytest.mark.parametrize("path", _DOCUMENTS, ids=lambda path: path.name)
def test_labels_taken_all_at_once_get_the_verdicts_taken_one_by_one(path, monkeypatch):
    """Where every label of a convention is a recurring name keeping its habits, the
    inference takes them all at once; label by label it gives each the same verdict."""
    at_once = _verdicts(path)
    monkeypatch.setattr(conventions, "DECIDE_AT_ONCE", False)
    assert _verdicts(path) == at_once
