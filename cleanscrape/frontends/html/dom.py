"""Node helpers the HTML front end's modules share: the text key lines are matched on, and the one
walk up a node's ancestors that every "is this inside that" question is answered with.

Nothing here modifies the tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from selectolax.lexbor import LexborNode


def normalise_text(text: str) -> str:
    """Collapse whitespace runs (NBSP included) to one space and strip: the key lines are matched on."""
    return " ".join(text.split())  # str.split() knows all Unicode spaces and is ~5x faster than re


def node_text(node: LexborNode) -> str:
    """A node's whole text (descendants included) as a line key, see `normalise_text`."""
    return normalise_text(node.text(deep=True))


def ancestors(node: LexborNode) -> Iterator[LexborNode]:
    """The node's parent, then its parent, up to the document node: nearest first."""
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def closest(node: LexborNode, tags: AbstractSet[str]) -> LexborNode | None:
    """The nearest ancestor whose tag is one of `tags`, or None."""
    return next((parent for parent in ancestors(node) if parent.tag in tags), None)


def inside_any(node: LexborNode, node_ids: AbstractSet[int]) -> bool:
    """Whether one of the node's ancestors is among `node_ids` (`mem_id`s)."""
    return bool(node_ids) and any(parent.mem_id in node_ids for parent in ancestors(node))


def contains(outer: LexborNode, inner: LexborNode) -> bool:
    """Whether `inner` lies (strictly) inside `outer`."""
    return inside_any(inner, {outer.mem_id})
