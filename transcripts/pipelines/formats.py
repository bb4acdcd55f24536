"""What `transcripts formats` does: the table of formats read and written."""

from __future__ import annotations

from .. import formats, safeyaml


def list_formats() -> str:
    """The format table `transcripts formats` prints."""
    rows = []
    for format in formats.iter_formats():
        rows.append(
            (
                format.name,
                "yes" if format.reader else "no",
                "yes" if format.writer else "no",
                " ".join(format.extensions) or "-",
                format.description,
            )
        )
    header = ("format", "read", "write", "extensions", "description")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + "  "
        + row[4]
        for row in [header, *rows]
    ]
    shared = sorted(ext for ext, count in _extension_counts().items() if count > 1)
    note = (
        f"\nInput format: -f, else the extension ({', '.join(shared)}: by content), "
        "else the content.\n"
        if shared
        else ""
    )
    return "\n".join(line.rstrip() for line in lines) + "\n" + note + yaml_backend_note()


def _extension_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for format in formats.iter_formats():
        if format.reader:
            for extension in format.extensions:
                counts[extension] = counts.get(extension, 0) + 1
    return counts


def yaml_backend_note() -> str:
    """Whether PyYAML's fast C loader and dumper are in use."""
    if safeyaml.uses_libyaml():
        return "\nYAML: PyYAML with the LibYAML C loader and dumper.\n"
    return "\nYAML: PyYAML's pure-Python loader and dumper (install LibYAML for speed).\n"
