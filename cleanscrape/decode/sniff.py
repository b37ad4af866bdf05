"""Is this HTML? Content sniffing for `clean(content_type=None)`."""

from __future__ import annotations

import re

# Anything of these at the start of a document is HTML, not text that talks about HTML.
HTML_OPENING = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html)", re.IGNORECASE
)
# How much of the start of a document the sniffer reads: characters of text, or bytes of undecoded
# input (which `clean()` reads as Latin-1, one character per byte).
HTML_SNIFF_LENGTH = 4096
COMMON_TAG = re.compile(
    r"</?(p|div|span|a|br|hr|li|ul|ol|table|tr|td|th|h[1-6]|img|meta|link|script|style|"
    r"title|b|i|em|strong|section|article|header|footer|nav|figure|form|input)(?=[\s/>])[^<>]*>",
    re.IGNORECASE,
)
# Several tags, of more than one kind: one "<b>" quoted in prose is not markup.
MIN_TAGS = 4
MIN_DISTINCT_TAGS = 2


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document or fragment rather than plain text."""
    head = text[:HTML_SNIFF_LENGTH].lstrip("\ufeff \t\r\n")
    if HTML_OPENING.search(head[:1024]):
        return True
    tags = [match.group(1).lower() for match in COMMON_TAG.finditer(head)]
    if len(tags) >= MIN_TAGS and len(set(tags)) >= MIN_DISTINCT_TAGS:
        return True
    # A short fragment such as "<p>Hello</p><p>World</p>": it starts with a tag, is mostly tags.
    return head.startswith("<") and len(tags) >= 2 and COMMON_TAG.match(head) is not None
