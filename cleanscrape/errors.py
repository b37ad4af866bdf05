"""The errors `clean()` documents. Everything else escaping it is a bug."""


class CleanscrapeError(ValueError):
    """Base class: input cleanscrape refuses, with a message fit for a user."""


class NotTextError(CleanscrapeError):
    """The bytes are not text in any encoding we can tell (an image, an archive, random binary)."""


class InputTooLarge(CleanscrapeError):
    """The input exceeds one of the `Settings` maximums (bytes, lines, longest line, HTML depth or elements).

    `limit` names the Settings field, `size` is what the input has, `maximum` what the field allows.
    """

    def __init__(self, limit: str, size: int, maximum: int, what: str) -> None:
        super().__init__(f"input has {size} {what}, more than {limit}={maximum} allows "
                         f"(raise {limit} in the options to clean it anyway)")
        self.limit, self.size, self.maximum, self.what = limit, size, maximum, what

    def __reduce__(self) -> tuple[type, tuple[str, int, int, str]]:  # picklable with its fields (batch workers)
        return (self.__class__, (self.limit, self.size, self.maximum, self.what))
