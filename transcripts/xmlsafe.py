"""XML from untrusted files, parsed safely with the standard library's expat.

Entity declarations are refused outright (no "billion laughs", no quadratic blow-up, no
external entities: ELAN, TTML and Word documents never need them), and so is an
external DTD. The tree is ElementTree's, names in `{namespace}local` form. This is
what defusedxml does, in the few lines this project needs, with no dependency.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from typing import Any
from xml.parsers import expat

from .errors import TranscriptError
from .losses import NOT_IN_XML, Losses, note


class _Refused(Exception):
    pass


def parse_xml(text: str | bytes, name: str | None = None) -> ElementTree.Element:
    """The root element of an XML text, or a one-line error (malformed XML, entities)."""
    builder = ElementTree.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*args: Any) -> Any:
        raise _Refused

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = lambda tag, attributes: builder.start(
        _name(tag), {_name(key): value for key, value in attributes.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(_name(tag))
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(text, True)
        return builder.close()
    except _Refused:
        raise TranscriptError(
            "XML with entity declarations is refused (they can expand without bound)", name
        ) from None
    except expat.ExpatError as error:
        raise TranscriptError(
            f"invalid XML at line {error.lineno}, column {error.offset + 1}: "
            f"{expat.ErrorString(error.code)}",
            name,
        ) from None
    except (AssertionError, IndexError):  # TreeBuilder: an unbalanced document
        raise TranscriptError("invalid XML: the elements do not nest", name) from None


# Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab and line
# breaks, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str, losses: Losses | None = None) -> str:
    """`text` as XML can hold it: each character XML 1.0 forbids (a control character
    from a damaged file) replaced by U+FFFD, so the document written stays readable, and
    counted in `losses` (`NOT_IN_XML`), so the conversion says what it lost."""
    kept, replaced = _NOT_XML.subn("\ufffd", text)
    note(losses, NOT_IN_XML, replaced)
    return kept


def _name(tag: str) -> str:
    """expat's `namespace}local` as ElementTree's `{namespace}local`."""
    return "{" + tag if "}" in tag else tag


def local(tag: str) -> str:
    """An element or attribute name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def text_of(element: ElementTree.Element) -> str:
    """All the text inside an element, its children's included."""
    return "".join(element.itertext())
