"""The systems the metadata benchmark compares, each as a function page -> field values.

A system is imported only inside the worker process that runs it (benchmarks/metadata.py starts
one process per system and set), so that the peers' imports and global state never mix with
each other or with cleanscrape. Every worker blocks the network first: the figures must come
from the page alone, and a peer that tries to fetch something is counted, not served.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import importlib.util
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Bumped when an adapter below changes what it reports, so that cached peer outputs are redone.
ADAPTER_REVISION = 1

Extractor = Callable[[bytes, "str | None"], dict[str, Any]]


@dataclass(frozen=True)
class System:
    name: str
    module: str  # imported by the worker; checked for in the parent without importing it
    distributions: tuple[str, ...]  # whose versions key the cache
    fields: tuple[str, ...]  # the benchmark fields the system reports at all
    cached: bool = True


ALL_FIELDS = ("title", "authors", "published", "site_name", "language")
SYSTEMS = {
    system.name: system
    for system in (
        System("cleanscrape", "cleanscrape", (), ALL_FIELDS, cached=False),
        System("trafilatura", "trafilatura", ("trafilatura", "htmldate"), ALL_FIELDS),
        System("htmldate", "htmldate", ("htmldate",), ("published",)),
        # jieba, tinysegmenter and nltk: parse() needs them for Chinese, Japanese and Arabic pages
        System("newspaper4k", "newspaper", ("newspaper4k", "jieba", "tinysegmenter", "nltk"), ALL_FIELDS),
    )
}


def is_installed(system: System) -> bool:
    return importlib.util.find_spec(system.module) is not None


def _installed_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def version_key(system: System) -> str:
    versions = ";".join(f"{name}=={_installed_version(name)}" for name in system.distributions)
    return f"{versions};adapter={ADAPTER_REVISION}"


# --------------------------------------------------------------------------- network guard


class NetworkAttempt(OSError):
    """Raised in place of any connection or name lookup a system tries."""


@dataclass
class NetworkLog:
    attempts: list[str]


def block_network() -> NetworkLog:
    """Make every connect and DNS lookup in this process fail, and record what was tried."""
    log = NetworkLog(attempts=[])

    def refuse_connect(_socket: socket.socket, address: Any) -> None:
        log.attempts.append(f"connect {address!r}")
        raise NetworkAttempt(f"the metadata benchmark blocks the network (connect {address!r})")

    def refuse_lookup(host: Any, *_args: Any, **_kwargs: Any) -> Any:
        log.attempts.append(f"lookup {host!r}")
        raise NetworkAttempt(f"the metadata benchmark blocks the network (lookup {host!r})")

    socket.socket.connect = refuse_connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = refuse_connect  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = refuse_lookup  # type: ignore[assignment]
    return log


# --------------------------------------------------------------------------- adapters


def make_extractor(name: str) -> Extractor:
    """Import system `name` and return its extractor (in a worker process only)."""
    return {
        "cleanscrape": _cleanscrape,
        "trafilatura": _trafilatura,
        "htmldate": _htmldate,
        "newspaper4k": _newspaper4k,
    }[name]()


def _cleanscrape() -> Extractor:
    import cleanscrape

    def extract(html: bytes, url: str | None) -> dict[str, Any]:
        page = cleanscrape.clean(html, content_type="html", source=url).to_dict()
        article = page["articles"][0] if page["articles"] else {}
        return {
            "title": page.get("title"),
            "authors": article.get("authors") or [],
            "published": article.get("published"),
            "updated": article.get("updated"),  # not scored: kept for checks of the dates given
            # site_name when the model has it; until then the publisher is what names the site
            "site_name": article.get("site_name") or article.get("publisher"),
            "language": page.get("language"),
        }

    return extract


def _trafilatura() -> Extractor:
    from trafilatura.metadata import extract_metadata

    def extract(html: bytes, url: str | None) -> dict[str, Any]:
        # extract_metadata is what extract()/bare_extraction() attach to their output, without
        # the text extraction that makes bare_extraction return None on a short page.
        document = extract_metadata(html, default_url=url)
        return {
            "title": document.title,
            "authors": document.author,  # "A; B" for several
            "published": document.date,
            "site_name": document.sitename,
            "language": document.language,
        }

    return extract


def _htmldate() -> Extractor:
    from htmldate import find_date

    def extract(html: bytes, url: str | None) -> dict[str, Any]:
        # extensive_search keeps its default (True), as trafilatura calls it
        return {"published": find_date(html, url=url, original_date=True)}

    return extract


def _newspaper4k() -> Extractor:
    import warnings

    import tldextract.tldextract

    # tldextract fetches the public suffix list on first use; its bundled snapshot is enough.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "nltk is not installed": only its nlp() needs it
        import newspaper

    def extract(html: bytes, url: str | None) -> dict[str, Any]:
        config = newspaper.Config()
        config.fetch_images = False  # else parse() downloads images to size them
        config.memorize_articles = False
        article = newspaper.Article(url or "", config=config)
        article.download(input_html=decode_html(html))  # input_html: parse this, fetch nothing
        article.parse()
        published = article.publish_date
        return {
            "title": article.title,
            "authors": list(article.authors),
            "published": published.isoformat() if isinstance(published, datetime.date) else published,
            "site_name": article.meta_site_name,
            "language": article.meta_lang,
        }

    return extract


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """The page as text for a system that wants str: UTF-8, else the declared charset, else cp1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
