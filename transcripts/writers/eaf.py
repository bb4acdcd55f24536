"""The ELAN writer (`.eaf`, EAF 3.0): one tier per speaker, each piece an annotation.

A turn's pieces (its cues or segments) are written with their own times, else the
turn is one annotation. Unattributed speech goes on a tier of its own
(`unattributed`), stage directions on `stage directions`; other blocks have no place.
Times are whole milliseconds, their time slots listed in time order (as ELAN lists
them). ELAN, pympi and the eaf reader read it back.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..model import Transcript
from ..options import WriteOptions
from ..tiers import NOT_SPEAKERS
from ..xmlsafe import xml_text
from .tierspans import tier_spans
from .timed import note_metadata, note_timings, timed_blocks


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as an ELAN annotation document."""
    options = options or WriteOptions()
    blocks = timed_blocks(transcript, "eaf", options.losses)
    note_metadata(transcript, options.losses)
    note_timings(blocks, options.losses, keeps_pieces=True)
    tiers = {
        tier: [(round(start * 1000), round(stop * 1000), text) for start, stop, text in spans]
        for tier, spans in tier_spans(blocks).items()
    }
    # Two time slots an annotation, numbered in time order: ELAN's TIME_ORDER lists its
    # slots in the order of their times, and the tiers, one after the other, do not.
    slots = [time for spans in tiers.values() for start, stop, _ in spans for time in (start, stop)]
    in_order = sorted(range(len(slots)), key=slots.__getitem__)  # stable: a start first
    slot_ids = [0] * len(slots)
    for number, index in enumerate(in_order, start=1):
        slot_ids[index] = number
    lines = []
    annotation = 0
    losses = options.losses
    for tier, spans in tiers.items():
        participant = "" if tier in NOT_SPEAKERS else tier
        tier_id = quoteattr(xml_text(tier, losses))
        # The same name again: what XML cannot hold of it is counted once, in the TIER_ID.
        participant_ref = quoteattr(xml_text(participant))
        lines.append(
            f'    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID={tier_id} '
            f"PARTICIPANT={participant_ref}>"
        )
        for _, _, text in spans:
            first, second = slot_ids[2 * annotation], slot_ids[2 * annotation + 1]
            annotation += 1
            lines.append(
                f'        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{annotation}" '
                f'TIME_SLOT_REF1="ts{first}" TIME_SLOT_REF2="ts{second}">'
                f"<ANNOTATION_VALUE>{escape(xml_text(text, losses))}</ANNOTATION_VALUE>"
                "</ALIGNABLE_ANNOTATION></ANNOTATION>"
            )
        lines.append("    </TIER>")
    time_order = "".join(
        f'\n        <TIME_SLOT TIME_SLOT_ID="ts{number}" TIME_VALUE="{slots[index]}"/>'
        for number, index in enumerate(in_order, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ANNOTATION_DOCUMENT AUTHOR="" DATE="1970-01-01T00:00:00Z" FORMAT="3.0" VERSION="3.0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">\n'
        '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>\n'
        f"    <TIME_ORDER>{time_order}\n    </TIME_ORDER>\n"
        + "\n".join(lines)
        + ("\n" if lines else "")
        + '    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" '
        'TIME_ALIGNABLE="true"/>\n'
        "</ANNOTATION_DOCUMENT>\n"
    )
