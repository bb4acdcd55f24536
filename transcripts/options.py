"""Options readers and writers take, shared by every format so the registry can call any."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # a type only: the writers import losses when they run
    from .losses import Losses


class ReadOptions(NamedTuple):
    """What the user told the readers.

    `speakers` declares the roster (it overrides inference); `encoding` decodes legacy
    input (otherwise UTF-8, or UTF-16/32 when a BOM says so). `losses`, when given,
    collects what the reader could not keep (a CHAT file's dependent tiers, say).
    `diarization` names an RTTM file whose speakers are given to the timed transcript
    by overlap; `speaker_map` then renames speakers (`("spk_0", "Ana Ruiz")`, ...). Both
    are applied after any reader, by the registry (`formats.Format.read`).
    """

    speakers: tuple[str, ...] = ()
    encoding: str | None = None
    losses: Losses | None = None
    speaker_map: tuple[tuple[str, str], ...] = ()
    diarization: str | None = None


class WriteOptions(NamedTuple):
    """What the user told the writers; `path` names the document in multi-file output.

    `losses`, when given, collects what the writer could not render (prose blocks in
    a caption file, times in plain text).
    """

    path: str | None = None
    losses: Losses | None = None
