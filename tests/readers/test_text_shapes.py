"""The label grammar: what the opening of a line is read as (`readers/text/shapes.py`)."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import corpus_files
from transcripts.readers.text import shapes
from transcripts.readers.text.shapes import ALONE, INLINE, shape_of

# line -> (name, label as written, signature parts: wrapper, time, delimiter; placement,
# time in seconds, the text after the label)
SHAPES = {
    "Interviewer: Hello there\n": (
        "Interviewer",
        "Interviewer",
        ("", "", ":"),
        INLINE,
        None,
        "Hello there",
    ),
    "**Ali**  0:00  \n": ("Ali", "Ali", ("bold", "after", ""), ALONE, 0.0, ""),
    "*Joe Patti (1:00:05)*\n": (
        "Joe Patti",
        "Joe Patti",
        ("italic", "inside", ""),
        ALONE,
        3605.0,
        "",
    ),
    "MRS. UPJOHN.\r\n": ("MRS. UPJOHN", "MRS. UPJOHN", ("", "", "."), ALONE, None, ""),
    "Hon. Jane Stewart (Minister of Human Resources Development, Lib.):\n": (
        "Hon. Jane Stewart",
        "Hon. Jane Stewart (Minister of Human Resources Development, Lib.)",
        ("", "", ":"),
        ALONE,
        None,
        "",
    ),
    "Mr. GRASSLEY. Mr. Speaker, I yield.\n": (
        "Mr. GRASSLEY",
        "Mr. GRASSLEY",
        ("", "", "."),
        INLINE,
        None,
        "Mr. Speaker, I yield.",
    ),
    "A. Yes.\n": ("A", "A", ("", "", "."), INLINE, None, "Yes."),
    "Q. Did you go?\n": ("Q", "Q", ("", "", "."), INLINE, None, "Did you go?"),
    "Q\xa0 Thank you.\n": ("Q", "Q", ("", "", "gap"), INLINE, None, "Thank you."),
    "**Rob Pike:** \\[04:22\\] 45 minutes.\n": (
        "Rob Pike",
        "Rob Pike",
        ("bold", "", ":"),
        INLINE,
        262.0,
        "45 minutes.",
    ),
    "Stephan Livera 00:02:14\n": (
        "Stephan Livera",
        "Stephan Livera",
        ("", "after", ""),
        ALONE,
        134.0,
        "",
    ),
    "The SPEAKER pro tempore (Mr. Mica). The question is\n": (
        "The SPEAKER pro tempore",
        "The SPEAKER pro tempore (Mr. Mica)",
        ("", "", "."),
        INLINE,
        None,
        "The question is",
    ),
    "WOLF BLITZER, CNN ANCHOR: Good evening.\n": (
        "WOLF BLITZER",
        "WOLF BLITZER, CNN ANCHOR",
        ("", "", ":"),
        INLINE,
        None,
        "Good evening.",
    ),
    "Speaker 1:Yeah\n": ("Speaker 1", "Speaker 1", ("", "", ":"), INLINE, None, "Yeah"),
    "主持人：你好\n": ("主持人", "主持人", ("", "", ":"), INLINE, None, "你好"),
    "Путин: Да.\n": ("Путин", "Путин", ("", "", ":"), INLINE, None, "Да."),
    "[00:15] Ana: hi\n": ("Ana", "Ana", ("", "before", ":"), INLINE, 15.0, "hi"),
    "Tim Cook - Apple Inc. - CEO\n": (
        "Tim Cook",
        "Tim Cook - Apple Inc. - CEO",
        ("", "", ""),
        ALONE,
        None,
        "",
    ),
    "JOHN (V.O.)\n": ("JOHN", "JOHN (V.O.)", ("", "", ""), ALONE, None, ""),
    "JIMMIE, MRS. UPJOHN, AND ROPER.\n": (  # a group is one name, not JIMMIE and a title
        "JIMMIE, MRS. UPJOHN, AND ROPER",
        "JIMMIE, MRS. UPJOHN, AND ROPER",
        ("", "", "."),
        ALONE,
        None,
        "",
    ),
    "SPEAKER_00: hi\n": ("SPEAKER_00", "SPEAKER_00", ("", "", ":"), INLINE, None, "hi"),
    "<b>Maria Lopez:</b> Thanks.\n": (
        "Maria Lopez",
        "Maria Lopez",
        ("bold", "", ":"),
        INLINE,
        None,
        "Thanks.",
    ),
    "[Alice Smith] 10:02:03\n": (
        "Alice Smith",
        "Alice Smith",
        ("brackets", "after", ""),
        ALONE,
        36123.0,
        "",
    ),
    "| Interviewer | How did you start? |\n": (
        "Interviewer",
        "Interviewer",
        ("", "", "cell"),
        INLINE,
        None,
        "How did you start? |",
    ),
    "| 00:01:02 | Maria Lopes | In 1998. |\n": (
        "Maria Lopes",
        "Maria Lopes",
        ("", "before", "cell"),
        INLINE,
        62.0,
        "In 1998. |",
    ),
    "| **Interviewer:** | How did you start? |\n": (  # a label copied into its cell
        "Interviewer",
        "Interviewer",
        ("bold", "", "cell"),
        INLINE,
        None,
        "How did you start? |",
    ),
    "Interviewer | How did you start?\n": (  # a table without its outer pipes
        "Interviewer",
        "Interviewer",
        ("", "", "cell"),
        INLINE,
        None,
        "How did you start?",
    ),
    "agent: hi, how can I help?\n": (
        "agent",
        "agent",
        ("", "", ":"),
        INLINE,
        None,
        "hi, how can I help?",
    ),
    "[10:02] <@alice> anyone around?\n": (
        "alice",
        "alice",
        ("angle", "before", ""),
        INLINE,
        602.0,
        "anyone around?",
    ),
    "participant 2: well, it began\n": (
        "participant 2",
        "participant 2",
        ("", "", ":"),
        INLINE,
        None,
        "well, it began",
    ),
}

SHAPES.update(
    {
        "JOHN — Good morning.\n": ("JOHN", "JOHN", ("", "", "dash"), INLINE, None, "Good morning."),
        "President. – Thank you.\n": (
            "President",
            "President",
            ("", "", "dash"),
            INLINE,
            None,
            "Thank you.",
        ),
        "Manfred Weber, on behalf of the PPE Group. – Madam President\n": (
            "Manfred Weber",
            "Manfred Weber, on behalf of the PPE Group",
            ("", "", "dash"),
            INLINE,
            None,
            "Madam President",
        ),
        "John Park [Interviewer]: Thanks.\n": (
            "John Park",
            "John Park [Interviewer]",
            ("", "", ":"),
            INLINE,
            None,
            "Thanks.",
        ),
        "[1/12/23, 10:02:03 AM] Anna Berg: Did you?\n": (
            "Anna Berg",
            "Anna Berg",
            ("", "before", ":"),
            INLINE,
            None,
            "Did you?",
        ),
        "Tim Cook,  Apple Inc. - CEO & Director   [2]\n": (
            "Tim Cook",
            "Tim Cook, Apple Inc. - CEO & Director",
            ("", "", ""),
            ALONE,
            None,
            "",
        ),
    }
)

# Lines whose opening is no label at all, whatever a rule list would have said.
NOT_LABELS = [
    "and so: we left\n",
    "| Interviewer: How did you start? |\n",  # a row's label is a cell of its own
    "agent smith: hi\n",  # a name in lower case is one word
    "No, I'll nor sell nor give him: lend you him I will\n",
    "My Lord of Warwick, hear me but one word:\n",
    "The president said that we will go.\n",
    "Interview with Alexander Lukashenko: Allegations of\n",
    "Question for Readers: share your thoughts\n",
    "at 7:00 p.m. we met\n",
    "Tel.: 10,337 Gerrard.\n",
    "Mr. Chairman, the U.S. decision to recognize China\n",
    "Amendment No. 42 offered by Mr. Smith\n",
    "Diaz-Balart, L.\n",
    "Mr. Rey D. Pagtakhan (Winnipeg North-St.\n",
    "**emphasis without an end\n",
    "https://example.com: a link\n",
]


@pytest.mark.parametrize("line", list(SHAPES), ids=repr)
def test_a_line_opening_is_read_into_its_parts(line):
    name, label, (wrapper, time, delimiter), placement, seconds, rest = SHAPES[line]
    shape = shape_of(line)
    assert shape is not None
    assert (shape.name, shape.label) == (name, label)
    assert (shape.signature.wrapper, shape.signature.time, shape.signature.delimiter) == (
        wrapper,
        time,
        delimiter,
    )
    assert shape.placement == placement
    assert shape.time == seconds
    assert line[shape.rest_at :].strip() == rest


@pytest.mark.parametrize("line", NOT_LABELS, ids=repr)
def test_sentences_titles_and_fields_are_no_name_label(line):
    assert shape_of(line) is None


def test_a_label_after_a_margin_number_is_read_from_where_the_text_starts():
    line = "12   JUSTICE SCALIA:   Why not?\n"
    shape = shape_of(line, 5)
    assert shape is not None and shape.name == "JUSTICE SCALIA"
    assert line[shape.rest_at :] == "Why not?\n"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("   JOHN\tHello there.\n", "   JOHN\t(CONT'D)\n"),
        ("   JOHN\t(quietly) Go.\n", "   JOHN\t(CONT'D)\n"),
        ("**Q: How did you start\n", "**Q: How did you start?**\n"),
        (  # an affiliation in lower case runs past the colon to its period and dash
            "Ana Ruiz, on behalf of the group: Hello. — there\n",
            "Ana Ruiz, on behalf of the group: Hi there, friends. — there\n",
        ),
    ],
    ids=repr,
)
def test_lines_that_open_alike_keep_their_own_shapes_in_either_order(first, second):
    """The shape caches key on what past the grammar's match decides the shape: a tabbed
    cue's extension, a bold closing the line."""
    for line in (first, second):
        shapes._shapes.clear()
        shapes._heads.clear()
        shapes._alone.clear()
        alone = shape_of(line)
        shapes._shapes.clear()
        shapes._heads.clear()
        shapes._alone.clear()
        other = second if line == first else first
        shape_of(other)
        assert shape_of(line) == alone


def _plain_shape(line: str, pos: int = 0) -> shapes.Shape | None:
    """The reference: the Unicode grammar read afresh at `pos`, with no pre-filter and no
    remembered shape."""
    rest = line[pos:]
    found = shapes.unicode_grammar().match(rest)
    shape = shapes._read_shape(rest, found) if found is not None else None
    return shape._replace(rest_at=shape.rest_at + pos) if shape is not None and pos else shape


_line_piece = st.sampled_from(
    [
        "First Citizen",
        "Mr. Bill Blaikie (Winnipeg-Transcona, NDP)",
        "ANA",
        "Ana",
        "Mr.",
        "Speaker",
        "**",
        "[00:01]",
        "(1:05)",
        "\t",
        "JOHN\t(CONT'D)",
        ":",
        ".",
        ",",
        " ",
        "  ",
        "and",
        "hi",
        "text",
        "é",
        "**Q: How did you start?**",
    ]
)
_document = st.lists(
    st.tuples(
        st.sampled_from(["", "   ", "12   "]),
        st.lists(_line_piece, min_size=1, max_size=6).map("".join),
        st.sampled_from(["", "\n", " \n", "\r\n", ": hi\n", " text\n"]),
    ).map("".join),
    min_size=1,
    max_size=6,
)


@given(_document)
def test_remembered_shapes_are_the_shapes_the_grammar_reads(lines):
    """A document's lines read twice over, in order (so the second reading meets every
    label again): each time as the grammar alone reads it."""
    for line in lines + lines:
        pos = 5 if line.startswith("12   ") else 0
        assert shape_of(line, pos) == _plain_shape(line, pos), line


def test_the_convention_is_described_as_a_reader_would_write_it():
    signature = shape_of("**Rob Pike:** hi\n").signature
    assert signature.describe(INLINE) == "**Name:** text"
    assert shape_of("ROPER.\n").signature.describe(ALONE) == "Name. alone on its line, speech below"
    assert shape_of("| Ana | hi |\n").signature.describe(INLINE) == "| Name | text |"
    assert shape_of("Ana | hi\n").signature.describe(INLINE) == "Name | text"
    assert shape_of("user: hi\n").signature.describe(INLINE) == "name: text"


_label_ish = st.lists(
    st.sampled_from([*"AQZaqz .,:;-*_[]()<>/\\0123456789\t'", "Mr.", "Dr.", " of "]),
    max_size=20,
).map("".join)


@given(_label_ish, st.sampled_from(["", " text", "\n", " 00:01\n", ": hi\n"]))
def test_the_ascii_grammar_reads_ascii_lines_as_the_unicode_grammar_does(opening, ending):
    if shapes._ASCII is None:  # Python 3.10: one grammar only
        return
    line = opening + ending
    fast, reference = shapes._ASCII.match(line), shapes.unicode_grammar().match(line)
    assert (fast is None) == (reference is None)
    if fast is not None and reference is not None:
        assert fast.groupdict() == reference.groupdict()


def test_the_ascii_grammar_is_the_same_grammar_with_ascii_letter_classes():
    assert re.compile(shapes.grammar(shapes._ASCII_CLASSES), re.VERBOSE).groups == (
        shapes.unicode_grammar().groups
    )


def _full_grammar_accepts(line: str) -> bool:
    """The plain reference: the Unicode grammar and the shape reading, no pre-filter."""
    found = shapes.unicode_grammar().match(line)
    return found is not None and shapes._read_shape(line, found) is not None


_words = st.lists(
    st.sampled_from(
        [
            "And",
            "let",
            "me",
            "of",
            "de",
            "the",
            "and",
            "van",
            "Mr.",
            "JOHN",
            "Lady",
            "pro",
            "tempore",
            "St",
            "3",
            "mr.",
            "Tell",
            "dr",
            "Dr",
            "Cry",
            "(CNN)",
            "–",
            "-",
            "é",
            "Émile",
            "ofx",
            "主持人",
            ",",
            ";",
            "!",
            "?",
            "'tis",
            "deX",
            "\xa0",
            "\t",
            " ",
            ":",
            "：",
            "**",
            "_",
            "]",
            "[",
            "<b>",
            "agent:",
            "user",
            "so:",
            "2:",
            "|",
            "[08:23]",
            "\\[08:23\\]",
            "08:23",
            "(1:05)",
            "[0.00",
            "Romeo,",
            "de",
            "van",
            "and",
            "mr.",
            "spk_0",
            "speaker",
            "1",
            "come",
            "to",
            "y",
            ".",
            "—",
            "on",
            "behalf",
            "Group.",
            "[Interviewer]",
            "[2]",
            "[1/12/23,",
            "10:02",
            "AM]",
            "café",
            "Le",
            "I",
            "That",
            "The",
            "Secretary",
            "for",
            "at",
            "jerry",
            "Ana,",
            ":",
            "boy.",
            "st.",
            "(Ana)",
            "Speaker,",
            "Mr.",
            "Minister",
            "am",
            "said:",
            "Lib.",
        ]
    ),
    max_size=10,
)


@given(_words, st.sampled_from(["", "\n", "  \n", ",\n", " to the world", " and"]))
def test_the_pre_filter_never_rejects_a_line_the_full_grammar_accepts(words, ending):
    line = " ".join(words) + ending
    if shapes.cannot_be_label(line):
        assert not _full_grammar_accepts(line)


@pytest.mark.parametrize("line", [*SHAPES, *NOT_LABELS], ids=repr)
def test_the_pre_filter_keeps_every_golden_label_line(line):
    if shapes.cannot_be_label(line):
        assert not _full_grammar_accepts(line)


def test_the_pre_filter_spares_verse_the_grammar():
    assert shapes.cannot_be_label("And let me speak to the yet unknowing world\n")
    assert shapes.cannot_be_label("Romeo, come forth; come forth, thou fearful man:\n")
    assert shapes.cannot_be_label("Come to me, and tell me all:\n")
    assert shapes.cannot_be_label("and so farewell:\n")
    assert shapes.cannot_be_label("and so: we left\n")
    assert shapes.cannot_be_label("That I crave death more willingly than mercy;\n")
    assert shapes.cannot_be_label("Mr. Speaker, I am delighted to hear the member opposite.\n")
    assert not shapes.cannot_be_label("agent: hi\n")
    assert not shapes.cannot_be_label("participant 2: hi\n")
    assert not shapes.cannot_be_label("Ana, and Ben: hello\n")
    assert not shapes.cannot_be_label("spk_0: hello\n")
    assert not shapes.cannot_be_label("[08:23] Ana Ruiz: So we had\n")
    assert not shapes.cannot_be_label("Ana van Dijk: hello\n")
    assert not shapes.cannot_be_label("de Klerk: In 1989.\n")
    assert not shapes.cannot_be_label("First Citizen\n")
    assert not shapes.cannot_be_label("MRS. UPJOHN.\n")
    assert not shapes.cannot_be_label("Le café : bonjour\n")
    assert not shapes.cannot_be_label("Ana, de Klerk, and Ben: hello\n")
    assert not shapes.cannot_be_label("Tom And jerry: hello\n")
    assert not shapes.cannot_be_label("The Secretary for Health (Ana Ruiz): hello\n")
    assert not shapes.cannot_be_label("Hon. Ana Ruiz, Minister of Health: hello\n")


def test_the_pre_filter_never_rejects_a_corpus_line_the_full_grammar_accepts():
    files = corpus_files(".txt", ".md", ".htm")
    if not files:
        pytest.skip("../shared/corpus is not available")
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            if shapes.cannot_be_label(line):
                assert not _full_grammar_accepts(line), line


_field_ish = st.lists(
    st.sampled_from([*"Ab :：*#>-•+\t\xa0\u2028é1", "**", ">>", "Note", "\n", "\r\n"]),
    max_size=24,
).map("".join)


@given(_field_ish)
def test_the_field_pattern_reads_as_the_regex_module_would(line):
    """`_FIELD` is compiled with `re` for speed; `regex` (VERSION0) is the reference."""
    reference = regex.compile(shapes._FIELD.pattern, regex.VERSION0).match(line)
    fast = shapes._FIELD.match(line)
    assert (fast is None) == (reference is None)
    if fast is not None and reference is not None:
        assert fast.groupdict() == reference.groupdict() and fast.end() == reference.end()


def test_each_speakers_own_emoji_before_the_label_is_one_marker():
    host, guest = shape_of("🎙️ Host: Welcome back.\n"), shape_of("🎧 Guest: Thanks.\n")
    assert host is not None and guest is not None
    assert (host.name, guest.name) == ("Host", "Guest")
    assert host.signature == guest.signature
    assert host.signature.marker == "emoji"


def test_a_time_beside_a_label_alone_on_its_line_is_part_of_its_shape():
    timed, reply = shape_of("Ana Ruiz  14:02\n"), shape_of("Yes\n")
    assert timed is not None and reply is not None
    assert timed.signature.time == "after" and reply.signature.time == ""
    assert shape_of("Ana Ruiz: at 14:02 we met\n").signature.time == ""
