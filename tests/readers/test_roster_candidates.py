"""`roster.candidates_of` looks up what a label's shape says once per shape object and
counts the uses of each shape at the end: it must gather what the plain definition (each
use looked up and counted as it comes) gathers, the order of the forms included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts import names
from transcripts.readers.text.candidates import find_candidates
from transcripts.readers.text.evidence import Use
from transcripts.readers.text.roster import candidates_of

_LINES = [
    "Ana: something said here.\n",
    "ANA: something said here.\n",
    "Ana Ruiz: something said here.\n",
    "**Ana:** something said here.\n",
    "Dr. Cruz: something said here.\n",
    "Cruz: something said here.\n",
    "CRUZ.\n",
    "Q. something said here.\n",
]


def plain_candidates(uses: list[Use]) -> list[tuple[str, dict[str, int], int, int, int, set]]:
    """The definition: each use's label, folded, names its candidate, in order."""
    found: dict[str, tuple[str, dict[str, int], list[int], set]] = {}
    for use in uses:
        label = use.shape.label
        key = names.normalise(label)
        if key not in found:
            found[key] = (key, {}, [0, use.line, use.line], set())
        _, forms, figures, signatures = found[key]
        forms[label] = forms.get(label, 0) + 1
        figures[0] += 1
        figures[2] = use.line
        signatures.add(use.shape.signature)
    return [(key, forms, *figures, sigs) for key, forms, figures, sigs in found.values()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=40))
def test_candidates_are_gathered_as_the_plain_definition_gathers_them(lines):
    text = [line for each in lines for line in (each, "\n")]
    uses = find_candidates(text, 0)
    got = [(c.key, c.forms, c.count, c.first, c.last, c.signatures) for c in candidates_of(uses)]
    assert got == plain_candidates(uses)
    assert [list(c[1]) for c in got] == [list(p[1]) for p in plain_candidates(uses)]
