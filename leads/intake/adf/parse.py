"""XML text parsed by defusedxml, which refuses entities, external
references and DTD fetching, into a tree with lower-case names."""

from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree
from defusedxml import DefusedXmlException, EntitiesForbidden

from .document import RejectedDocument


class NotWellFormed(RejectedDocument):
    """The text is not well-formed XML; a repair may make it so."""


def parse(text: str) -> Element:
    """The document's root element; RejectedDocument when it is not XML or
    declares what could expand or read anything."""
    try:
        # A DOCTYPE alone is allowed: feeds name the ADF DTD, which expat
        # never fetches. Entity declarations are what is refused.
        root = defusedxml.ElementTree.fromstring(
            text, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            raise RejectedDocument(
                "the XML declares an external entity "
                f'("{error.name}", {error.sysid or error.pubid}); it was not read'
            ) from None
        raise RejectedDocument(
            "an entity expansion (a 'billion laughs' bomb) was refused: the "
            f'XML declares the entity "{error.name}"'
        ) from None
    except DefusedXmlException as error:
        reason = f"the XML refers to an outside resource: {error}"
        raise RejectedDocument(reason) from None
    except ParseError as error:
        raise NotWellFormed(f"not XML: {error}") from None
    _lower_names(root)
    return root


def local_name(name: str) -> str:
    """A tag or attribute name without namespace or prefix, in lower case."""
    return name.rpartition("}")[2].rpartition(":")[2].lower()


def _lower_names(root: Element) -> None:
    """Tags and attribute names in lower case and without namespaces:
    senders write ADF in every case, some with a namespace."""
    # The default tree builder keeps neither comments nor processing
    # instructions, so every node is an element.
    for element in root.iter():
        element.tag = local_name(element.tag)
        if element.attrib:
            attributes = element.attrib.items()
            element.attrib = {local_name(key): value for key, value in attributes}
