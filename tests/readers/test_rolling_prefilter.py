"""`may_fold`, the cheap look that spares a caption file the rolling-caption fold, never
says no where the fold would fold."""

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.rolling import fold_rolling, may_fold

_LINE = st.sampled_from(
    ["-", "- dash", "dash", "so we", "so we went", "went home", "a b"]
)  # (a cue has no blank line)
_CUES = st.lists(st.lists(_LINE, min_size=1, max_size=3), min_size=1, max_size=10)


@settings(max_examples=400, deadline=None)
@given(_CUES)
def test_the_pre_filter_never_refuses_cues_the_fold_would_fold(cues):
    texts = ["\n".join(lines) for lines in cues]
    if fold_rolling([list(lines) for lines in cues]) is not None:
        assert may_fold(texts)


def test_a_line_typed_on_from_a_bare_dash_counts_as_a_repeat():
    assert fold_rolling([["-"], ["- dash"], ["- dash"]]) is not None
    assert may_fold(["-", "- dash", "- dash"])
