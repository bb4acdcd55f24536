"""HTML pages read by the text reader: the page's paragraphs as shown, its bytes kept.

The kinds of page (labels in bold, alone or inline, `<br>` lines, tables, chrome, bold
questions, entities) are golden cases too: tests/cases/parse/html-*.case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcripts.api import parse
from transcripts.cli import cli
from transcripts.formats import guess_format
from transcripts.model import Kind, Transcript
from transcripts.readers.htmlkind import html_kind, is_html
from transcripts.readers.text.lines import split_lines
from transcripts.statistics import stats

# A tag, or an entity left undecoded, in a block's text.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")

# A magazine interview: head, navigation, a script, the article, a footer.
MAGAZINE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ana Lima on bridges &amp; rivers | The Weekly</title>
  <style>p { margin: 0 }</style>
  <script>var next = "<p><strong>Ben:</strong> not text</p>";</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
  <main>
    <article>
      <h1>Ana Lima on bridges</h1>
      <p><strong>Ben:</strong> Thanks for coming in. Where did it start&#8212;the bridges?</p>
      <p><strong>Ana:</strong> It started with my father&#8217;s workshop. He built
      small models &amp; I watched.</p>
      <!-- an advert was here -->
      <p><strong>Ben:</strong> And then?</p>
      <p><strong>Ana:</strong> Then school,&nbsp;then a job.</p>
      <p>It was a long road, honestly.</p>
    </article>
  </main>
  <footer><p>&copy; 2024 The Weekly. All rights reserved.</p></footer>
  <script src="/app.js"></script>
</body>
</html>
"""


def _blocks(transcript: Transcript) -> list[tuple[int, int, str, str | None, str]]:
    return [
        (b.line, b.end_line, b.kind, b.speaker or b.label, " ".join(b.text.split()))
        for b in transcript.blocks
    ]


def _check_clean_and_lossless(transcript: Transcript, source: str) -> None:
    """No tag or entity in any block's text, and the blocks give back the page."""
    for block in transcript.blocks:
        assert not _TAG.search(block.text), block
        assert not _ENTITY.search(block.text), block
    leading = transcript.layout.leading if transcript.layout else ""
    assert leading + "".join(block.raw or "" for block in transcript.blocks) == source


def test_interview_page_turns_come_from_the_article_and_layout_from_the_page():
    transcript = parse(MAGAZINE, source="page.html")
    assert transcript.speaker_names() == ["Ben", "Ana"]
    assert transcript.title == "Ana Lima on bridges & rivers | The Weekly"
    assert _blocks(transcript) == [
        (1, 12, Kind.LAYOUT, None, "Ana Lima on bridges & rivers | The Weekly Home About us"),
        (13, 13, Kind.HEADING, None, "Ana Lima on bridges"),
        (14, 14, Kind.TURN, "Ben", "Thanks for coming in. Where did it start—the bridges?"),
        (15, 16, Kind.TURN, "Ana", "It started with my father’s workshop. He built small"
                                   " models & I watched."),
        (18, 18, Kind.TURN, "Ben", "And then?"),
        (19, 20, Kind.TURN, "Ana", "Then school, then a job. It was a long road, honestly."),
        (21, 26, Kind.LAYOUT, None, "© 2024 The Weekly. All rights reserved."),
    ]  # fmt: skip
    _check_clean_and_lossless(transcript, MAGAZINE)


def test_paragraphs_of_one_turn_are_apart_and_br_lines_are_not():
    paragraphs = parse(MAGAZINE, source="page.html").blocks[5].text
    assert paragraphs == "Then school,\xa0then a job.\n\nIt was a long road, honestly."
    lines = parse("<p><b>Ana:</b> one<br>two</p>\n<p><b>Ben:</b> three</p>\n").blocks[0].text
    assert lines == "one\ntwo"


def test_block_lines_are_the_lines_of_the_source():
    source = MAGAZINE.splitlines()
    for block in parse(MAGAZINE, source="page.html").blocks:
        if block.kind == Kind.TURN:
            assert block.label in source[block.line - 1]
            assert block.text.split()[-1] in source[block.end_line - 1].replace("&amp;", "&")


def test_a_page_on_one_line_is_read_paragraph_by_paragraph():
    page = (
        "<html><head><title>Call</title></head><body><div><p><b>Ana:</b> Hello there.</p>"
        "<p><b>Ben:</b> Hi Ana &amp; welcome.</p><p><b>Ana:</b> Thanks.</p><p>More from me.</p>"
        "</div></body></html>\n"
    )
    transcript = parse(page)
    assert _blocks(transcript) == [
        (1, 1, Kind.LAYOUT, None, "Call"),
        (1, 1, Kind.TURN, "Ana", "Hello there."),
        (1, 1, Kind.TURN, "Ben", "Hi Ana & welcome."),
        (1, 1, Kind.TURN, "Ana", "Thanks. More from me."),
        (1, 1, Kind.LAYOUT, None, ""),
    ]
    assert transcript.title == "Call"
    assert transcript.blocks[1].raw == "<p><b>Ana:</b> Hello there.</p>"
    _check_clean_and_lossless(transcript, page)


def test_a_bold_label_not_taken_leaves_its_words_and_no_markup():
    page = "<p><b>Ana:</b> Hello, I am <b>glad</b>.</p>\n<p><b>Note</b></p>\n<p>The end.</p>\n"
    assert [block.text for block in parse(page).blocks] == [
        "Ana: Hello, I am glad.",
        "Note",
        "The end.",
    ]


def test_entities_are_decoded_once():
    page = (
        "<p><b>Ana:</b> R&amp;D, caf&eacute;, it&#8217;s &lt;b&gt; &amp;amp;</p>\n<p>x</p>\n"
        "<p><b>Ben:</b> &quot;Yes&quot;&#x21;</p>\n"
    )
    assert [block.text for block in parse(page).blocks] == [
        "R&D, café, it’s <b> &amp;\n\nx",
        '"Yes"!',
    ]


def test_crlf_page_round_trips_and_counts_lines_as_editors_do():
    page = MAGAZINE.replace("\n", "\r\n")
    transcript = parse(page, source="page.html")
    assert [b.line for b in transcript.blocks if b.is_turn] == [14, 15, 18, 19]
    _check_clean_and_lossless(transcript, page)


def test_stats_count_the_words_said_not_the_tags():
    plain = parse(
        "Ben: Thanks for coming in. Where did it start—the bridges?\n"
        "Ana: It started with my father’s workshop. He built small models & I watched.\n"
        "Ben: And then?\n"
        "Ana: Then school,\xa0then a job.\n\nIt was a long road, honestly.\n"
    )
    page = parse(MAGAZINE, source="page.html")
    words = {record["speaker"]: record["words"] for record in stats(page).speakers}
    assert words == {record["speaker"]: record["words"] for record in stats(plain).speakers}


def test_explain_names_the_source_lines_of_labels(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(MAGAZINE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", "--explain", "-v", str(path)])
    assert result.exit_code == 0, result.output
    assert "line 14: Ben" in result.output and "line 18: Ben" in result.output


def test_convert_to_text_gives_back_the_page_byte_for_byte(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_bytes(b"\xef\xbb\xbf" + MAGAZINE.replace("\n", "\r\n").encode("utf-8"))
    result = CliRunner().invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == path.read_bytes()


def test_a_page_with_a_little_pre_is_still_a_page():
    page = (
        "<!DOCTYPE html>\n<html><body>\n<p><b>Ana:</b> Run this:</p>\n<pre>make all\n"
        "make test</pre>\n<p><b>Ben:</b> It works &amp; it is fast.</p>\n"
        "<p><b>Ana:</b> Good.</p>\n<p><b>Ben:</b> Thanks.</p>\n</body></html>\n"
    )
    transcript = parse(page)
    assert [(b.speaker, b.text) for b in transcript.blocks if b.is_turn] == [
        ("Ana", "Run this:\n\nmake all\nmake test"),
        ("Ben", "It works & it is fast."),
        ("Ana", "Good."),
        ("Ben", "Thanks."),
    ]
    _check_clean_and_lossless(transcript, page)


def test_headings_and_list_items_keep_their_kind():
    page = (
        "<h2>Part one: the start</h2>\n<p><b>Ana:</b> Hello.</p>\n<p><b>Ben:</b> Hi.</p>\n"
        "<h2>Part two</h2>\n<ul><li>Date: May 2</li><li>Place: Porto</li></ul>\n"
        "<p><b>Ana:</b> Again.</p>\n"
    )
    kinds = [(b.kind, b.text) for b in parse(page).blocks if not b.is_turn]
    assert (Kind.HEADING, "Part one: the start") in kinds
    assert (Kind.HEADING, "Part two") in kinds
    assert all(block.speaker in ("Ana", "Ben") for block in parse(page).blocks if block.is_turn)


@pytest.mark.parametrize(
    "text",
    [
        "Ana: hi\nBen: hello\n",
        "Ana: the <div> goes here\nBen: and the <p> there?\nAna: yes\nBen: ok\n",
        "# Notes\n\nAna: hi <br>\nBen: hello\nAna: more\nBen: and more\nAna: done\n",
    ],
)
def test_text_with_a_few_tags_is_not_a_page(text: str):
    assert not is_html(text)


def test_lines_of_bold_labels_are_a_fragment_read_line_by_line_with_entities_decoded():
    """Lines of a page's text pasted without its paragraphs (`<b>Ana:</b> hi`) keep their
    line breaks, as their writer meant them, and lose their tags and entities."""
    text = "<b>Ana:</b> hi &amp; bye\n<b>Ben:</b> hello\n<b>Ana:</b> bye\n"
    assert html_kind(text) == "fragment"
    transcript = parse(text)
    assert [(b.speaker, b.text, b.line) for b in transcript.blocks] == [
        ("Ana", "hi & bye", 1),
        ("Ben", "hello", 2),
        ("Ana", "bye", 3),
    ]
    assert "".join(b.raw for b in transcript.blocks) == text


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html>\n<html><body>hi</body></html>",
        "<!-- saved from url=(0022)http://example.com/ -->\n<html>\n<head><title>x</title>",
        "<p>Ana: hi</p><p>Ben: hello</p>",
        "<div>\n<p>Ana: hi</p>\n<p>Ben: hello</p>\n</div>\n",
        "Ana: hi<br>\nBen: hello<br>\n",
    ],
)
def test_pages_and_fragments_of_pages_are_pages(text: str):
    assert is_html(text)


def test_html_files_go_to_the_text_reader_and_podcast_pages_to_theirs():
    podcast = "<html><body><cite>Ana:</cite> <time>0:00</time> <p>Hi.</p></body></html>"
    assert guess_format("episode.html", podcast).name == "podcast-html"
    assert guess_format("page.html", MAGAZINE).name == "text"
    assert guess_format("page.htm", MAGAZINE).name == "text"


# Pieces of tag soup: tags opened and never closed, closed and never opened, broken
# attributes, comments and scripts cut short, entities, line endings.
_SOUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div class='a'>",
        "</div>",
        "<br>",
        "<br/>",
        "<b>",
        "</b>",
        "<strong>",
        "</strong>",
        "<li>",
        "<h2>",
        "</h2>",
        "<tr><td>",
        "</td><td>",
        "<pre>",
        "</pre>",
        "<nav>",
        "</nav>",
        "<head>",
        "<body>",
        "</body>",
        "<title>",
        "</title>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<!doctype html>",
        '<a href="x>y">',
        '<a href="',
        "<a title='",
        "<",
        ">",
        "&amp;",
        "&#8217;",
        "&nbsp;",
        "&bogus;",
        "&#",
        "Ana:",
        "BEN",
        "Q.",
        " hello there",
        " ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u2028",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SOUP, min_size=1, max_size=40))
def test_tag_soup_never_crashes_and_round_trips(pieces: list[str]):
    source = "<html>" + "".join(pieces)
    transcript = parse(source)
    leading = transcript.layout.leading if transcript.layout else ""
    assert leading + "".join(block.raw or "" for block in transcript.blocks) == source
    lines = len(split_lines(source))
    for block in transcript.blocks:
        assert 1 <= block.line <= block.end_line <= lines, block
        # A title or a text area shows its text as written; a <pre> page is the printed
        # pages' reader's (tests/cases/parse/congressional-record-html.case).
        if block.kind != Kind.LAYOUT and "<pre>" not in source:
            # No tag of the source is left in the text. What looks like one but is not in
            # the source was made of a literal "<" and the text after a tag, and shows so
            # in a browser too: `<<a href="x>y">` reads `<y">`.
            assert not [tag for tag in _TAG.findall(block.text) if tag in source], block


def test_a_literal_angle_bracket_before_a_tag_stays_text_as_a_browser_shows_it():
    (block,) = parse('<html><<a href="<a href="x>y">').blocks
    assert block.text == '<y">'
