"""cleanscrape: scraped pages in, clean article text, metadata and a removal log out.

    >>> import cleanscrape
    >>> page = cleanscrape.clean("Putin offers support\\n\\n"
    ...                          "MOSCOW (Reuters) - The Kremlin said on Thursday it would help.")
    >>> page.title, page.articles[0].dateline.agency
    ('Putin offers support', 'Reuters')
"""

from cleanscrape.api import CONTENT_TYPES, clean
from cleanscrape.errors import CleanscrapeError, InputTooLarge, NotTextError
from cleanscrape.model import Article, Dateline, Page, Removal
from cleanscrape.pipeline import STAGE_NAMES
from cleanscrape.settings import Settings

__version__ = "0.1.0"
__all__ = [
    "clean", "Page", "Article", "Dateline", "Removal", "Settings", "STAGE_NAMES", "CONTENT_TYPES",
    "CleanscrapeError", "NotTextError", "InputTooLarge", "__version__",
]
