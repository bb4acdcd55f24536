"""unbalanced-quotes: quotes and brackets left open (or closed unopened) in a turn."""

from __future__ import annotations

from tests.lint.conftest import lint_text

RULE = "unbalanced-quotes"


def test_an_opening_quote_never_closed_is_reported_where_it_opens():
    text = """
        Ana: He called it “nonsense and left the room.
        Ben: Did he?
    """
    (finding,) = lint_text(text, RULE)
    assert (finding.line, finding.column) == (1, 19)
    assert finding.message == "“ opens and is not closed by ” in this turn"


def test_a_closing_bracket_with_no_opener_is_reported():
    text = """
        Ana: The figures were lower] than expected.
        Ben: How much lower?
    """
    (finding,) = lint_text(text, RULE)
    assert finding.message == "] closes what was never opened"


def test_an_odd_straight_quote_is_reported():
    text = 'Ana: He said "we will see and left.\nBen: Did he?\n'
    assert [f.line for f in lint_text(text, RULE)] == [1]


def test_balanced_and_nested_marks_are_fine():
    text = """
        Ana: He said “we will see (and we did)” and left [laughs].
        Ben: “Did he?” I asked. "Yes."
    """
    assert lint_text(text, RULE) == []


def test_a_quotation_running_over_paragraphs_opens_each_one():
    text = """
        Ana: He wrote: “The first point is simple.

        “The second point is harder, and I will explain it.”

        Ben: I see.
    """
    assert lint_text(text, RULE) == []


def test_a_turn_cut_off_mid_quote_is_an_interruption():
    text = """
        Ana: And then he said, “We are never going to -
        Ben: That is not what he said.
    """
    assert lint_text(text, RULE) == []


def test_list_markers_and_smileys_close_nothing():
    text = """
        Ana: Two options: a) wait, b) act. Hosts are Carmen (me, myself and I) and Jon :)
        Ben: Fine.
    """
    assert lint_text(text, RULE) == []


def test_a_document_that_leaves_paragraph_long_asides_open_is_following_a_convention():
    text = """
        Ana: Come in.

          [Ben enters, and sits by the window
          without a word.

        Ben: Thank you.

          [Ana rises.

        Ana: Tea?

          [She pours it, slowly,
          and hands him the cup.

        Ben: Please.
    """
    assert lint_text(text, RULE) == []


def test_one_paragraph_long_aside_left_open_is_still_reported():
    text = """
        Ana: Come in.

          [Ben enters, and sits by the window
          without a word.

        Ben: Thank you.
    """
    (finding,) = lint_text(text, RULE)
    assert finding.message == "[ opens and is not closed by ] in this turn"


def test_a_bracket_opened_mid_sentence_is_reported_even_where_asides_are_left_open():
    text = """
        Ana: Come in.

          [Ben enters.

        Ben: Thank you (he says.

          [Ana rises.

        Ana: Tea?

          [She pours it.

        Ben: Please.

          [He drinks.

        Ana: More?
    """
    (finding,) = lint_text(text, RULE)
    assert finding.message == "( opens and is not closed by ) in this turn"
