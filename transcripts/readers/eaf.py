"""The ELAN reader (`.eaf`): one tier per speaker, annotations aligned to time slots.

`<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="milliseconds"/><TIME_ORDER><TIME_SLOT
TIME_SLOT_ID="ts1" TIME_VALUE="1500"/>...</TIME_ORDER><TIER TIER_ID="Ana"
PARTICIPANT="Ana Ruiz"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="ts1"
TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>Hello</ANNOTATION_VALUE>...`.

Each independent tier is a speaker (its PARTICIPANT, else its TIER_ID); its aligned
annotations are pieces, and all tiers' pieces in time order make the turns. Tiers that
depend on another (translations, glosses: PARENT_REF, REF_ANNOTATION) are not speakers
and are not kept (`losses` counts their annotations). An independent tier that holds
notes is no speaker either: one whose LINGUISTIC_TYPE (its LINGUISTIC_TYPE_REF) is
named for notes (`comment`, `notes`: `tiers.names_notes`) or takes its values from a
CONTROLLED_VOCABULARY_REF (codes from a closed list, not words said), or one with no
PARTICIPANT named for notes (`Comments`). Its annotations are kept in time order as
notes labelled with the tier's name, and `losses` names the tiers so read.

A time slot without a value (an unaligned boundary, as ELAN writes where an annotation
was split without aligning the cut) leaves that time unknown; the annotations still
come in time order, an unaligned slot taking its place in TIME_ORDER, after the aligned
slot before it. Parsed with the safe XML parser.
"""

from __future__ import annotations

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Block, Kind, Transcript
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..tiers import NOT_SPEAKERS, names_notes
from ..timecode import as_seconds
from ..xmlsafe import parse_xml, text_of
from .common import clean_lines
from .turns import Part, assemble


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an ELAN annotation document into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    root = parse_xml(source.text, name)
    if root.tag != "ANNOTATION_DOCUMENT":
        raise TranscriptError(f"not an ELAN document (the root is <{root.tag}>)", name)
    slots: dict[str | None, float | None] = {}
    # Where each slot falls in time: its own time (annotations that start together keep
    # their tiers' order), or for an unaligned slot (no TIME_VALUE, as ELAN allows) just
    # after the aligned slot before it in TIME_ORDER, which ELAN keeps in time order. It
    # was sorted to the end of the document, out of the conversation.
    places: dict[str | None, tuple[float, int]] = {}
    known = 0.0
    for position, slot in enumerate(root.iter("TIME_SLOT")):
        value = slot.get("TIME_VALUE")
        try:
            seconds = as_seconds(int(value) / 1000) if value is not None else None
            if value is not None and seconds is None:
                raise ValueError(value)
            slots[slot.get("TIME_SLOT_ID")] = seconds
        except (ValueError, OverflowError):
            raise TranscriptError(
                f"time slot {slot.get('TIME_SLOT_ID')!r}: not milliseconds", name
            ) from None
        known = seconds if seconds is not None else known
        places[slot.get("TIME_SLOT_ID")] = (known, -1 if seconds is not None else position)
    placed: list[tuple[tuple[float, int], Part | Block]] = []
    dependent = 0
    note_types = {
        kind.get("LINGUISTIC_TYPE_ID")
        for kind in root.iter("LINGUISTIC_TYPE")
        if names_notes(kind.get("LINGUISTIC_TYPE_ID")) or kind.get("CONTROLLED_VOCABULARY_REF")
    }
    for tier in root.iter("TIER"):
        if tier.get("PARENT_REF"):
            dependent += sum(1 for _ in tier.iter("ANNOTATION"))
            continue
        tier_id = " ".join((tier.get("TIER_ID") or "").split())
        speaker = " ".join((tier.get("PARTICIPANT") or tier_id).split()) or None
        notes = tier.get("LINGUISTIC_TYPE_REF") in note_types or (
            not tier.get("PARTICIPANT") and names_notes(tier_id)
        )
        if not tier.get("PARTICIPANT") and speaker in NOT_SPEAKERS:
            speaker = None  # our writers' tier for speech nobody is named for
        for annotation in tier.iter("ALIGNABLE_ANNOTATION"):
            element = annotation.find("ANNOTATION_VALUE")
            text = clean_lines(text_of(element)) if element is not None else ""
            if not text:
                continue
            first, last = annotation.get("TIME_SLOT_REF1"), annotation.get("TIME_SLOT_REF2")
            for reference in (first, last):
                if reference not in slots:
                    raise TranscriptError(
                        f"annotation {annotation.get('ANNOTATION_ID')!r} refers to time slot "
                        f"{reference!r}, which TIME_ORDER does not hold",
                        name,
                    )
            start, end = slots[first], slots[last]
            if start is not None and end is not None and end < start:
                raise TranscriptError(
                    f"annotation {annotation.get('ANNOTATION_ID')!r} ends before it starts", name
                )
            if notes:
                note(
                    options.losses,
                    "the speaker of {n} annotation{s} on note tiers (read as notes)",
                    1,
                    tier_id,
                )
                item: Part | Block = Block(
                    Kind.LABELLED, clean_spaces(text), label=tier_id, start=start, end=end
                )
            else:
                item = Part(text, start, end, 0, 0, True, speaker)
            placed.append((places[first], item))
        dependent += sum(1 for _ in tier.iter("REF_ANNOTATION"))
    note(options.losses, "{n} annotation{s} on dependent tiers", dependent)
    placed.sort(key=lambda item: item[0])  # stable: a tier's order kept among equals
    parts = [part for _, part in placed]  # notes among them, interrupting the turns
    header = root.find("HEADER")
    metadata = {}
    media = header.find("MEDIA_DESCRIPTOR") if header is not None else None
    if media is not None and media.get("MEDIA_URL"):
        metadata["media"] = media.get("MEDIA_URL")
    return assemble(parts, source, options, metadata=metadata, inferred=False)


def sniff(text: str) -> bool:
    """ELAN documents are XML whose root is ANNOTATION_DOCUMENT."""
    return "<ANNOTATION_DOCUMENT" in text[:2000]
