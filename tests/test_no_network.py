"""cleanscrape never reaches the network: no fetching code, no external entities, no sockets."""

from __future__ import annotations

import ast
import json
import socket

import pytest
from conftest import ROOT, NetworkBlocked

from cleanscrape import clean

# Modules and names that fetch: trafilatura's downloads, urllib, http clients.
FETCHING = ("trafilatura.downloads", "trafilatura.fetch_url", "fetch_url", "fetch_response", "urllib.request",
            "http.client", "requests", "httpx", "urllib3", "aiohttp", "socket")


def test_the_guard_blocks_other_hosts_and_allows_loopback() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client, pytest.raises(NetworkBlocked):
        client.connect(("93.184.216.34", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            pass


def test_cleanscrape_imports_nothing_that_fetches() -> None:
    found = []
    for path in sorted((ROOT / "cleanscrape").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module or ""]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            found += [f"{path.relative_to(ROOT)}: {name}" for name in names
                      if any(name == bad or name.startswith(bad + ".") or name.endswith("." + bad) for bad in FETCHING)]
    assert found == []


def test_trafilatura_fetching_is_never_called(monkeypatch) -> None:
    import trafilatura
    import trafilatura.downloads

    def refuse(*args, **kwargs):
        raise AssertionError("cleanscrape called trafilatura's fetching code")

    for name in ("fetch_url", "fetch_response", "_send_urllib_request", "_send_pycurl_request"):
        if hasattr(trafilatura.downloads, name):
            monkeypatch.setattr(trafilatura.downloads, name, refuse)
    monkeypatch.setattr(trafilatura, "fetch_url", refuse)
    page = clean('<html><head><link rel="canonical" href="https://example.com/a"><base href="https://example.com/">'
                 '<script src="https://example.com/x.js"></script></head><body><article><h1>Title of the piece</h1>'
                 + "<p>A paragraph of the article with enough words to count as prose, linking "
                   '<a href="https://example.com/b">elsewhere</a>.</p>' * 5 + "</article></body></html>")
    assert "paragraph of the article" in page.text


@pytest.mark.parametrize("prefix", ["", "\ufeff"])
def test_external_entities_are_not_resolved(tmp_path, prefix: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4242")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY % all "<!ENTITY leak SYSTEM \'file://{secret}\'>"> %all;')
    documents = [
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<html><body><p>Before &xxe; after, a paragraph with enough words in it to be kept.</p></body></html>',
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY % ext SYSTEM "file://{dtd}"> %ext;]>'
        '<html><body><p>Before &leak; after, a paragraph with enough words in it to be kept.</p></body></html>',
        f'<!DOCTYPE html SYSTEM "file://{secret}"><html><body><p>Plain page with an external DTD '
        'and a paragraph with enough words.</p></body></html>',
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
        '<html><body><p>&lol4; billion laughs, a paragraph with enough words in it.</p></body></html>',
    ]
    for document in documents:
        for data in (prefix + document, (prefix + document).encode("utf-8")):
            for content_type in (None, "html"):
                output = json.dumps(clean(data, content_type=content_type).to_dict())
                assert "TOPSECRET" not in output
                assert output.count("lol") < 100
