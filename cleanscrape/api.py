"""`clean()`: one scraped page in, a `Page` out. Read top to bottom, it is the whole flow:
bytes -> decode -> front end -> stages -> assemble -> Page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cleanscrape import limits
from cleanscrape.assemble.build import build_page
from cleanscrape.assemble.filters import filter_cause
from cleanscrape.decode.charset import decode_html, decode_text, repair_surrogates
from cleanscrape.decode.sniff import HTML_SNIFF_LENGTH, looks_like_html
from cleanscrape.frontends.text import document_from_text
from cleanscrape.model import Page
from cleanscrape.pipeline import label_document
from cleanscrape.settings import Settings

CONTENT_TYPES = ("text", "html")


def clean(
    data: str | bytes,
    *,
    content_type: str | None = None,
    source: str | None = None,
    options: Settings | Mapping[str, Any] | None = None,
) -> Page:
    """Clean one scraped page.

    `data` is the page as text or bytes; `content_type` is "text", "html" or None (detect).
    `options` is a `Settings` or a mapping of its field names. Raises NotTextError for bytes that
    are not text, InputTooLarge for input over one of the Settings maximums (both ValueErrors),
    ValueError for invalid options and TypeError for data that is neither str nor bytes or an option
    of the wrong type (a lone string where a list of strings belongs); nothing else.
    """
    settings = Settings.from_options(options)
    if content_type not in (None, *CONTENT_TYPES):
        raise ValueError(f"content_type must be one of {', '.join(CONTENT_TYPES)} or None, not {content_type!r}")
    warnings: list[str] = []
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        limits.check_input_size(data, settings)
        is_html = content_type == "html" or (
            content_type is None and looks_like_html(data[:HTML_SNIFF_LENGTH].decode("latin-1")))
        text, encoding, guessed = (decode_html if is_html else decode_text)(data)
        if guessed:
            warnings.append(f"encoding guessed as {encoding}")
    elif isinstance(data, str):
        limits.check_input_size(data, settings)
        text = repair_surrogates(data)
        is_html = content_type == "html" or (content_type is None and looks_like_html(text))
    else:
        raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
    if is_html:
        # Imported on first use: trafilatura's import alone takes ~0.7 s, which a text-only
        # caller, and the batch command's parent process (it only reads and writes), never need.
        from cleanscrape.frontends.html.extract import body_check_warnings, document_from_html

        limits.check_html(text, settings)
        document = document_from_html(text, source)
        warnings.extend(body_check_warnings(document))
    else:
        limits.check_text_lines(text, settings)
        document = document_from_text(text)
    limits.check_document(document, settings)
    doc = label_document(document, settings)
    page = build_page(doc, settings, source=source)
    page.warnings[:0] = warnings
    page.filtered = filter_cause(page, settings)
    return page
