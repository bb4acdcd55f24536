"""The plain-text reader: raw interview text into a `Transcript`.

Three passes over the lines: group them into paragraphs and find candidate labels
(`labels.py`; `paragraphs_scan.py` for a paragraph per line, `paragraphs_wrapped.py` for
hard-wrapped or paginated text, whose page layout `pages.py` finds); decide which labels
are speakers (`roster.py`, then `attribution.py` for labels whose place names the
speaker); then walk the paragraphs once more, giving each its kind and building blocks
(`assemble.py`). Every source line lands in exactly one block's `raw`, so the text
writer gives back the input exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ... import names
from ...errors import TranscriptError
from ...io import SourceText, display_name
from ...model import Block, Layout, Transcript
from ...options import ReadOptions
from ...streams import then_run
from ..common import listed
from ..htmlkind import html_kind
from . import conventions, fences, frontmatter, pages, roster, segments
from .assemble import Assembler
from .attribution import attribute
from .candidates import common_words, find_candidates
from .chat import drop_times_of_day, is_chat
from .evidence import Inference
from .lines import split_lines
from .namelists import mark_name_lists
from .paragraphs_scan import is_hard_wrapped, scan_paragraphs

if TYPE_CHECKING:
    from .evidence import Use
    from .htmlpage import HtmlPage


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Parse a decoded text source into a complete transcript."""
    return listed(stream(source, options))


def stream(
    source: SourceText, options: ReadOptions | None = None
) -> tuple[Transcript, Iterator[Block]]:
    """The transcript's header (metadata, roster, layout) and an iterator over its blocks.

    Blocks are built one at a time, so a writer can stream a large file without holding
    every block in memory. The header is complete before the first block is built; the
    inference's share of attributed text (`transcript.inference`) once the last one is.
    """
    options = options or ReadOptions()
    text = source.text
    if not text or text.isspace():  # (without a copy of a large text)
        raise TranscriptError(
            "is empty" if not text else "contains only blank lines", display_name(source.path)
        )
    lines = split_lines(text)
    front = frontmatter.find_front_matter(lines)
    body_start, metadata = front if front else (0, {})
    web = _web_page(text, lines, body_start)
    if web is not None:  # an HTML page: its lines are its paragraphs, as a browser shows them
        lines, page = web.lines, web.page
        if not web.markdown:  # (a page's own head says what it is)
            front, body_start, metadata = None, 0, {}
    else:
        page = pages.detect(text, lines, body_start, is_hard_wrapped(lines, body_start))
    blocks_of_code = fences.code_blocks(lines, body_start) if fences.may_hold_fences(text) else []
    del text  # the lines hold it now
    if source.transient:
        source.text = ""
    uses = find_candidates(lines, body_start, page)
    headers = pages.running_headers(lines, uses)
    if headers:  # a page header that opens like a label: layout, and the labels found again
        page = pages.with_running_headers(lines, body_start, page, headers)
        uses = find_candidates(lines, body_start, page)
    candidates = uses
    code = {index for block in blocks_of_code for index in block}
    if code:  # a Markdown code block's lines are code, whatever they open with
        uses = [use for use in uses if use.line not in code or _is_nick(use)]
    declared = list(options.speakers)
    if not declared:
        declared = _front_matter_roster(
            uses, frontmatter.declared_speakers(metadata), lines, body_start
        )
    inference = conventions.infer(uses, lambda: common_words(lines, body_start), declared, lines)
    accepted = inference.accepted()
    if code and not declared and not accepted:
        # no speaker outside the code: a transcript pasted into a code block is the text's
        pasted = _pasted_transcripts(blocks_of_code, candidates, lines, body_start)
        if pasted:
            code -= pasted
            uses = [use for use in candidates if use.line not in code or _is_nick(use)]
            inference = conventions.infer(uses, lambda: common_words(lines, body_start), (), lines)
            accepted = inference.accepted()
    chat = is_chat(inference, lines)
    # `[10:00] <alice>`, `Ana  14:02`: when a message was sent, no time into a recording
    chat = drop_times_of_day(inference, lines, chat) or chat
    page = pages.settle_tables(page, uses)  # a table whose rows are no turns is text
    chat_log = _is_chat_log(inference)
    # no one named, each line timed ("[00:00.000 --> 00:05.000]  Hello"): speech segments
    segmented = not declared and not accepted and segments.times_segments(lines, body_start)
    if (chat or segmented) and pages.is_wrapping_only(page):
        page = None  # a chat writes a message a line, however short its lines run (a segment too)
    if web is not None:
        paragraphs, hashed = web.scan({use.line: use for use in uses}, body_start)
    elif page is None:
        paragraphs, hashed = scan_paragraphs(lines, body_start, uses)
    else:  # hard-wrapped or paginated: its own scan, imported only when needed
        from .paragraphs_wrapped import scan_wrapped

        paragraphs, hashed = scan_wrapped(lines, page, body_start, {u.line: u for u in uses})
    words = web.text if web is not None else lines  # a page's words, without markup
    # "Call participants:" over names: no turns, and no speaker named only there
    listed = mark_name_lists(paragraphs, words)
    if listed:
        accepted = [use for use in accepted if use.line not in listed]
    speakers = roster.build(accepted, declared)
    assembler = Assembler(
        words, paragraphs, speakers, hashed, page, chat_log=chat_log, code=code, segmented=segmented
    )
    if not declared:  # a declared roster is taken as it is
        attributed, speakers = attribute(paragraphs, speakers, assembler.text_of)
        if attributed or speakers.contextual:
            assembler = Assembler(
                words,
                paragraphs,
                speakers,
                hashed,
                page,
                attributed,
                chat_log=chat_log,
                code=code,
                segmented=segmented,
            )
    if page is not None and page.title and "title" not in metadata:
        metadata = {**metadata, "title": page.title}
    metadata = assembler.metadata(metadata)
    leading = ""
    if not front and paragraphs and paragraphs[0].start > 0:
        leading = "".join((web.raw if web else lines)[: paragraphs[0].start])
    transcript = Transcript(
        blocks=[],
        speakers=speakers.speakers,
        metadata=metadata,
        source=source.path,
        layout=Layout(encoding=source.encoding, bom=source.bom, leading=leading),
    )
    transcript.inference = inference
    # The lines are the reader's own (a web page's words are read again by `in_source`).
    blocks = assembler.blocks(front_matter_end=body_start if front else 0, release=web is None)
    if web is not None:
        web.relocate(uses)
        blocks = web.in_source(blocks)
    # (once the last block is taken: the share of the dialogue-like text attributed, as
    # the assembler counted it block by block)
    return transcript, then_run(
        blocks, lambda: inference.finish(assembler.spoken, assembler.unspoken)
    )


def _front_matter_roster(
    uses: list[Use], listed: list[str], lines: list[str], body_start: int
) -> list[str]:
    """The front matter's `speakers:` as the roster, where labels name them, with the
    speakers it leaves out: a podcast's notes often list only the guests, and the host's
    labels, in the same shape as theirs, take turns all the same. Those are the speakers
    inference accepts in a shape that a listed speaker's labels have, whom no listed name
    names; they follow the listed ones."""
    if not listed or not roster.declared_matches(uses, listed):
        return []
    inferred = conventions.infer(uses, lambda: common_words(lines, body_start), (), lines)
    keys = {names.normalise(name) for name in listed}
    accepted = inferred.accepted()
    shapes = {use.shape.signature for use in accepted if roster.names_one_of(use, keys)}
    unlisted = [
        use
        for use in accepted
        if use.shape.signature in shapes and not roster.names_one_of(use, keys)
    ]
    return listed + [speaker.name for speaker in roster.build(unlisted).speakers]


def _pasted_transcripts(
    blocks: list[range], uses: list[Use], lines: list[str], body_start: int
) -> set[int]:
    """The inner lines of the code blocks that hold a transcript pasted between fences
    (meeting notes quoting their Google Meet transcript, `Tom Sweeney: Okay,
    everybody.` line after line), asked where no label outside the code speaks: in a
    dialogue, a block of code is what a speaker shows ("Step: checkout the code")."""
    pasted: set[int] = set()
    for block in blocks:
        inner = range(block.start + 1, block.stop - 1)
        if _holds_a_transcript(inner, uses, lines, body_start):
            pasted.update(inner)
    return pasted


def _holds_a_transcript(inner: range, uses: list[Use], lines: list[str], body_start: int) -> bool:
    """Does a code block hold a transcript: do candidate labels open most of its lines of
    text, and are they a convention on their own, as a document's would be (names that
    recur and take turns: no configuration's keys, `run:` and `uses:`, nor a list of
    headers, `Host:` then `Accept:`)?"""
    inside = [use for use in uses if use.line in inner]
    if len(inside) < _PASTED_LABELS:
        return False
    text = sum(1 for index in inner if not lines[index].isspace())
    if 2 * len(inside) < text:
        return False
    inference = conventions.infer(inside, lambda: common_words(lines, body_start), (), lines)
    return 2 * len(inference.accepted()) >= len(inside)


# The fewest labels a code block holding a transcript has.
_PASTED_LABELS = 4


def _is_nick(use: Use) -> bool:
    """Is the candidate a chat log's `<nick>`? A chat log pasted into a Markdown code
    block (an IRC meeting's log between backticks) is still the conversation; other
    lines of code are never labels, whatever they open with (`run: pip install`)."""
    return use.shape.signature.wrapper == "angle"


def _is_chat_log(inference: Inference) -> bool:
    """Is the document a chat log, its labels nicks in angle brackets (`<alice> hi`)?
    Its other lines may then be chat events (`* alice waves`, `*** bob has joined`)."""
    return any(convention.signature.wrapper == "angle" for convention in inference.conventions)


def _web_page(text: str, lines: list[str], front_lines: int) -> HtmlPage | None:
    """The text as an HTML page, when it is one whose text is not mostly in `<pre>` (a
    page printed first, as GPO's are, is read by `pages.py`); Markdown holding a page's
    blocks keeps its front matter (`front_lines` long) and its blank lines. The page
    reader is imported only for pages."""
    kind = html_kind(text)
    if kind is None:
        return None
    from .htmlpage import read_page

    markdown = front_lines if kind == "mixed" else None
    web = read_page(text, lines, fragment=kind == "fragment", markdown=markdown)
    return web if web.pre_share <= _PRE_SHARE else None


# A page whose text is mostly in `<pre>` is a printed page put on the web.
_PRE_SHARE = 0.5
