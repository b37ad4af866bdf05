"""Fuzz cleanscrape.clean() with atheris: bytes or text, text or HTML, never any exception but
the documented ones (NotTextError, InputTooLarge: both ValueErrors), and output that is JSON and
UTF-8. Run by hand: `fuzz/run.sh SECONDS` (atheris is not a test dependency).

    python fuzz/fuzz_clean.py -max_total_time=60 fuzz/corpus/clean
"""

import json
import sys

import atheris

with atheris.instrument_imports(include=["cleanscrape"]):
    import cleanscrape

CONTENT_TYPES = (None, "text", "html")
# Small limits keep each run fast; the limit checks themselves are exercised too.
OPTIONS = {"max_input_bytes": 200_000, "max_lines": 5_000, "max_line_chars": 50_000,
           "max_html_depth": 500, "max_html_elements": 5_000}


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 5)
    content_type = CONTENT_TYPES[mode % 3]
    payload = fdp.ConsumeUnicodeNoSurrogates(len(data)) if mode >= 3 else fdp.ConsumeBytes(len(data))
    try:
        page = cleanscrape.clean(payload, content_type=content_type, options=OPTIONS)
    except cleanscrape.CleanscrapeError:
        return
    json.dumps(page.to_dict(), ensure_ascii=False).encode("utf-8")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
