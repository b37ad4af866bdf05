"""Small local data for the ecosystem tests (not a conftest.py: tests/conftest.py owns that name)."""

from __future__ import annotations

import io
from pathlib import Path

PARAGRAPH = ("The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028, "
             "and construction is expected to start next spring, the mayor told reporters at the town hall.")
SECOND_PARAGRAPH = ("Engineers found cracks in two supports of the old bridge during an inspection on Monday morning, "
                    "so the first trams will cross the river on a temporary deck until the repairs are done.")
ARTICLE_HTML = (f"<html><head><title>Council extends tram line</title></head><body><nav><a href='/'>Home</a></nav>"
                f"<article><h1>Council extends tram line</h1><p>{PARAGRAPH}</p><p>{SECOND_PARAGRAPH}</p>"
                f"<figure><figcaption>The tram depot. Photo: Anna Berg</figcaption></figure></article>"
                f"<footer>Copyright 2025 The Daily. All rights reserved.</footer></body></html>")
GERMAN = ("Der Stadtrat hat am Dienstag beschlossen, die Straßenbahnlinie bis 2028 in die nördlichen Vororte "
          "zu verlängern, und der Bau soll im nächsten Frühjahr beginnen, sagte der Bürgermeister.")


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, html in pages:
            body = html.encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
