"""The YAML reader: the document's dict form, loaded with PyYAML's safe loader only.

The safe loader never constructs Python objects (`!!python/object` is an error), and
aliases stay shared references, so an alias bomb is refused when the metadata is checked.
"""

from __future__ import annotations

from .. import safeyaml
from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from .document import transcript_from_data


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a YAML document."""
    import yaml

    name = display_name(source.path)
    try:
        data = safeyaml.load(source.text)
    except yaml.composer.ComposerError as error:
        if "single document" in str(error):
            raise TranscriptError(
                "holds several YAML documents (the output of `parse` on several files); "
                "give one document",
                name,
            ) from None
        raise TranscriptError(f"invalid YAML: {_one_line(error)}", name) from None
    except yaml.YAMLError as error:
        raise TranscriptError(f"invalid YAML: {_one_line(error)}", name) from None
    except RecursionError:
        raise TranscriptError("YAML is nested too deeply to read", name) from None
    return transcript_from_data(data, source, options or ReadOptions())


def _one_line(error: Exception) -> str:
    """PyYAML's multi-line messages folded into one line that still says where."""
    problem = getattr(error, "problem", None)
    mark = getattr(error, "problem_mark", None)
    if problem and mark is not None:
        return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"
    return " ".join(str(error).split())


def sniff(text: str) -> bool:
    """The YAML dict form opens with its schema version."""
    head = text.lstrip()
    if head.startswith("---"):
        head = head[3:].lstrip()
    return head.startswith("schema_version:")
