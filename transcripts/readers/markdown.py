"""The Markdown reader: the text reader, which already reads `**Name:**` labels, headings
and YAML front matter.

Markdown transcripts are plain-text transcripts with emphasis, so they are parsed by the
same rules (and come back byte for byte from json or yaml). This module exists so the
registry can list Markdown as a format of its own, with its own writer.
"""

from __future__ import annotations

from .text import read, stream

__all__ = ["read", "stream"]
