"""The errors `clean()` documents. Everything else escaping it is a bug."""


class CleanscrapeError(ValueError):
    """Base class: input cleanscrape refuses, with a message fit for a user."""


class NotTextError(CleanscrapeError):
    """The bytes are not text in any encoding we can tell (an image, an archive, random binary)."""
