"""Transcripts that try the classic injections, for the report's safety tests.

Each payload, if it ever ran, would set a `window.__pwned_*` flag or request a URL on
the loopback (port 9, where nothing listens); the browser test asserts that neither
happened, and that the page shows the payloads as text.
"""

from __future__ import annotations

import json
from pathlib import Path

#: A URL no test may see requested.
BAIT = "http://127.0.0.1:9/"

PAYLOADS = (
    "<script>window.__pwned_script = 1</script>",
    "</script><script>window.__pwned_endscript = 1</script>",
    "</style><script>window.__pwned_style = 1</script>",
    '<img src=x onerror="window.__pwned_img = 1">',
    '<a href="javascript:window.__pwned_js = 1" id="bait">click me</a>',
    '<svg onload="window.__pwned_svg = 1"></svg>',
    '"><body onload="window.__pwned_attr = 1">',
    f'<iframe src="{BAIT}frame"></iframe><link rel="stylesheet" href="{BAIT}style.css">',
    f'<img src="{BAIT}pixel.png"><meta http-equiv="refresh" content="0;url={BAIT}away">',
    "]]><!-- --><![CDATA[ <title>x</title>",
    "{{ 7*7 }} {% raw %} ${7*7}",
)

#: The flags a payload that ran would set.
FLAGS = (
    "__pwned_script",
    "__pwned_endscript",
    "__pwned_style",
    "__pwned_img",
    "__pwned_js",
    "__pwned_svg",
    "__pwned_attr",
    "__pwned_title",
    "__pwned_speaker",
)


def hostile_text(folder: Path) -> Path:
    """A plain-text interview whose turns are the payloads (and one control character)."""
    lines = ["---", 'title: "</title><script>window.__pwned_title = 1</script>"', "---", ""]
    for number, payload in enumerate(PAYLOADS):
        speaker = "Alice" if number % 2 == 0 else "Bob"
        lines += [f"{speaker}: {payload} Is this safe?", ""]
    lines += ["Alice: A bell \x07 and an escape \x1b[31m in red.", ""]
    path = folder / "hostile.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def hostile_document(folder: Path) -> Path:
    """A JSON document whose speaker names, labels, title and source are payloads too."""
    speaker = '<img src=x onerror="window.__pwned_speaker = 1">'
    blocks = [
        {"kind": "heading", "text": PAYLOADS[0], "line": 1, "end_line": 1},
        {"kind": "turn", "speaker": speaker, "label": PAYLOADS[3], "text": PAYLOADS[1],
         "line": 2, "end_line": 2, "start": 0.0, "end": 2.5},
        {"kind": "turn", "speaker": "Bob", "text": PAYLOADS[4], "line": 3, "end_line": 3,
         "start": 2.5, "end": 4.0},
        {"kind": "labelled", "label": PAYLOADS[2], "text": PAYLOADS[5], "line": 4, "end_line": 4},
    ]  # fmt: skip
    document = {
        "schema_version": 1,
        "source": PAYLOADS[6],
        "metadata": {"title": "</title><script>window.__pwned_title = 1</script>"},
        "speakers": [{"name": speaker}, {"name": "Bob"}],
        "blocks": blocks,
    }
    path = folder / "hostile.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
