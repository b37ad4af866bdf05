"""Page kinds: what body each kind of page has, decided once, before the body is chosen.

The shape (agreed before the page-kind and HTML-cost work, so neither undoes the other):

- `signals.py`: `PageSignals`, every piece of evidence the decision and the kind rooms read,
  gathered once per page from the lexbor tree, the declared metadata and the URL (schema.org
  types, og:type, URL path shape, DOM counts). Nothing else walks the tree for page-kind evidence.
- `decide.py`: `decide_page_type(signals) -> PageType`, the one place that decides the kind.
- one room per kind that has a body of its own: `forum.py`, `documentation.py`, `listing.py`
  (listings and collections), `product.py`, `service.py`. Each exposes a `BodyRule`:
  `body_paragraphs(tree, lines, signals) -> tuple[str, ...] | None`, the page's body as
  paragraphs in page order (trafilatura's text included), or None to keep trafilatura's lines.
  A room adds text only where its kind's evidence holds ("do no harm"), and names in a comment
  the software whose markup convention it keys on (schema.org, ARIA, Discourse, XenForo, ...).
- `extract.py` stays the short recipe: decide the kind, take the kind's body where its room
  gives one, then trace, gather line evidence and read markup metadata as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.frontends.html.kinds import documentation, forum
from cleanscrape.frontends.html.kinds.decide import decide_page_type
from cleanscrape.frontends.html.kinds.listing import listing_body
from cleanscrape.frontends.html.kinds.product import product_body
from cleanscrape.frontends.html.kinds.service import service_body
from cleanscrape.frontends.html.kinds.signals import PageSignals, page_signals
from cleanscrape.model import Line
from cleanscrape.model.facts import PageType

BodyRule = Callable[[LexborHTMLParser, Sequence[Line], PageSignals], "tuple[str, ...] | None"]

# The kinds whose room gives a body of its own; a kind missing here keeps trafilatura's lines.
BODY_RULES: Mapping[PageType, BodyRule] = {
    PageType.FORUM: forum.body_paragraphs,
    PageType.DOCUMENTATION: documentation.body_paragraphs,
    PageType.LISTING: listing_body,
    PageType.COLLECTION: listing_body,
    PageType.PRODUCT: product_body,
    PageType.SERVICE: service_body,
}


def kind_body(page_type: PageType, tree: LexborHTMLParser, lines: Sequence[Line],
              signals: PageSignals) -> tuple[str, ...] | None:
    """The body paragraphs `page_type`'s room finds, or None to keep trafilatura's lines."""
    rule = BODY_RULES.get(page_type)
    return rule(tree, lines, signals) if rule is not None else None


__all__ = ["BODY_RULES", "BodyRule", "PageSignals", "PageType", "decide_page_type", "kind_body", "page_signals"]
