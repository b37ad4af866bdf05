"""A page's title without the site's name: "Headline | Site" -> ("Headline", "Site")."""

from __future__ import annotations

import re

from cleanscrape.frontends.html.dom import normalise_text
from cleanscrape.text.tokens import compact_key

# Separators that put a site name after a headline in <title> / og:title. Spaces are
# required around them so "Spider-Man" is never split.
TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+(\||::|·|•|-|–|—)\s+")  # (?<!\s): linear on long space runs
# A pipe or double colon almost always means "site follows"; a dash can also start a subtitle,
# so a dash needs a tail that looks more like a name.
STRONG_SEPARATORS = frozenset({"|", "::", "·", "•"})
MAX_SITE_WORDS = 5
MAX_SITE_WORDS_AFTER_DASH = 3
MAX_SITE_CHARS = 40
MIN_HEADLINE_WORDS = 3
# Tails built from these words describe the piece, not the publisher ("Dune - the review").
NOT_SITE_WORDS = frozenset({
    "review", "reviews", "part", "episode", "chapter", "season", "trailer", "recap", "explained",
    "interview", "analysis", "update", "updates", "photos", "pictures", "video", "videos",
    "opinion", "podcast", "preview", "summary", "transcript",
})
# Chinese, Japanese and Korean titles join the site's name without spaces: "标题_百度百科",
# "見出し｜サイト". The tail is the site when it is a short run of those scripts after "_" or a bar.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK_SITE_TAIL = re.compile(rf"(?<=\S)\s*[_|｜]\s*(?P<site>[{CJK}][{CJK}A-Za-z0-9·]{{1,11}})$")
MIN_CJK_HEADLINE_CHARS = 4  # not measured: a two-word headline in those scripts is four or more characters
# Site names are capitalised ("The Verge", "BBC News") or are domains ("spiegel.de").
DOMAIN_NAME = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+")
# Letters and digits are what tells two spellings of a site's name apart.


def title_without_site_name(
    title: str, site_name: str | None = None, named_only: bool = False,
) -> tuple[str, str | None]:
    """Split "Headline | Site" into ("Headline", "Site"); (title, None) when no site is found.

    With a known `site_name`, a segment that names it is removed (trailing or leading).
    Without one, only a trailing segment that looks like a name is, and only if what remains
    still looks like a headline; "Spider-Man - the review" is left alone. `named_only`: only a
    segment that names `site_name` is removed (a declared headline, which rarely carries a site).
    """
    title = normalise_text(title)
    cjk = CJK_SITE_TAIL.search(title)
    if cjk is not None and len(re.findall(f"[{CJK}]", title[:cjk.start()])) >= MIN_CJK_HEADLINE_CHARS \
            and (not named_only or (site_name and _names_site(cjk["site"], site_name))):
        head = title[:cjk.start()].rstrip()
        # "标题_科技_腾讯网": the site's channel stands between the headline and the site.
        channel = CJK_SITE_TAIL.search(head)
        if not named_only and channel is not None \
                and len(re.findall(f"[{CJK}]", head[:channel.start()])) >= MIN_CJK_HEADLINE_CHARS:
            head = head[:channel.start()].rstrip()
        return head, cjk["site"]
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title, None
    if site_name:
        for match in reversed(separators):
            head, tail = title[:match.start()], title[match.end():]
            if head and _names_site(tail, site_name):
                return head, tail
        first = separators[0]
        head, tail = title[:first.start()], title[first.end():]
        if tail and _names_site(head, site_name):
            return tail, head
    if named_only:
        return title, None
    last = separators[-1]
    head, tail = title[:last.start()], title[last.end():]
    if _is_plausible_site_tail(head, tail, last.group(1)):
        return head, tail
    return title, None


def _site_key(text: str) -> str:
    return compact_key(text).removeprefix("www")


def _names_site(segment: str, site_name: str) -> bool:
    segment_key, site_key = _site_key(segment), _site_key(site_name)
    if len(segment_key) < 2 or len(site_key) < 2:
        return False
    # "The Guardian" vs "Guardian", "BBC" vs "BBC News": one contains the other.
    return segment_key in site_key or site_key in segment_key


def _is_plausible_site_tail(head: str, tail: str, separator: str) -> bool:
    tail_words = tail.split()
    max_words = MAX_SITE_WORDS if separator in STRONG_SEPARATORS else MAX_SITE_WORDS_AFTER_DASH
    if not tail_words or len(tail_words) > max_words or len(tail) > MAX_SITE_CHARS:
        return False
    if len(head.split()) < MIN_HEADLINE_WORDS or len(tail) >= len(head):
        return False
    if {word.casefold().strip(".,:!?") for word in tail_words} & NOT_SITE_WORDS:
        return False
    if tail[-1] in "?!" or ":" in tail:
        return False
    return DOMAIN_NAME.fullmatch(tail) is not None or tail[0].isupper() or tail[0].isdigit()
