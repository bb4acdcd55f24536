"""A running page header that opens like a label is page layout, not a speaker."""

from __future__ import annotations

from transcripts.api import parse

_PAGE = "Ana: What came next, on day {n}?\nBen: We walked on.\n" * 5


def test_a_header_whose_page_number_counts_up_is_layout_not_a_speaker():
    header = "REF No: X1.2009     (c) The Museum     Page {n} of 9\n"
    text = "".join(f"{header}\n{_PAGE}\n".format(n=n) for n in (2, 3, 4))
    transcript = parse(text)
    assert transcript.speaker_names() == ["Ana", "Ben"]
    layout = [block.line for block in transcript.blocks if block.kind == "layout"]
    assert layout == [1, 14, 27]


def test_a_label_saying_the_same_words_with_a_number_counting_up_is_a_speaker():
    # A clerk calling items in order speaks: a sentence, not a page's header.
    text = "".join(f"CLERK: Item {n} of 9.\n\n{_PAGE}\n".format(n=n) for n in (2, 3, 4))
    transcript = parse(text)
    assert transcript.speaker_names() == ["CLERK", "Ana", "Ben"]
    assert not [block for block in transcript.blocks if block.kind == "layout"]


def test_left_and_right_pages_each_with_their_own_header_are_layout():
    left = "REF No: X1.2009     (c) The Museum     Page {n}\n"
    right = "Oral History: Ann Lee     Page {n}\n"
    text = "".join(f"{(left if n % 2 == 0 else right)}\n{_PAGE}\n".format(n=n) for n in range(2, 8))
    transcript = parse(text)
    assert transcript.speaker_names() == ["Ana", "Ben"]
    assert len([block for block in transcript.blocks if block.kind == "layout"]) == 6
