"""Code blocks come out whole and as written (issue #22, item 1): no line stage judges a line of a
<pre> block, and its indentation, inner spaces and bullets survive."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from cleanscrape import clean
from cleanscrape.frontends.html.code import pre_blocks, unglued_code
from cleanscrape.model import Block, Document, Evidence, Label, Line, Verdict
from cleanscrape.pipeline import REVISED, keep_code_whole
from cleanscrape.render import markdown

INTRO = ("The fetch function returns a promise that resolves to the response of the request you"
         " made to the server, once its headers have arrived.")
COMPONENT = """function Users() {
    const [users, setUsers] = useState([]);
    useEffect(() => {
        fetch("/api/users")
            .then((response) => response.json())
            .then((data) => {
                setUsers(data);
            });
    }, []);
    return (
        <ul>{users.map((u) => <li key={u.id}>{u.name}</li>)}</ul>
    );
}"""
PAYLOAD = """{
  "users": [
    {"id": 1,   "name": "Ada"},
    {"id": 2,   "name": "Grace"}
  ],
  "total": 2
}"""
CONFIG = """services:
  - name: web
    port: 8080"""


def _escape(code: str) -> str:
    return code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PAGE = (
    "<html><head><title>Using the fetch API | Example Docs</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/docs'>Docs</a> <a href='/blog'>Blog</a></nav>"
    "<main><article><h1>Using the fetch API</h1>"
    f"<p>{INTRO}</p>"
    "<p>Here is a small component that loads the list of users when it mounts and shows each of"
    " them as an item of a list, with the user's name.</p>"
    f"<pre><code>{_escape(COMPONENT)}</code></pre>"
    "<p>The server answers with a JSON document like the following one, which lists each user by"
    " name and id and gives the total count at the end.</p>"
    f"<pre>{_escape(PAYLOAD)}</pre>"
    "<p>The service itself is declared in a short configuration file, which names the service and"
    " the port on which it listens for requests.</p>"
    f"<pre>{_escape(CONFIG)}</pre>"
    "<p>Errors are reported through the promise as well, so remember to add a catch handler to"
    " every call you make, or a failed request goes unnoticed.</p>"
    "</article></main><footer><p>© 2025 Example Docs</p></footer></body></html>"
)


def test_a_code_block_comes_out_whole_with_its_indentation() -> None:
    page = clean(PAGE, content_type="html")
    lines = [line for line in page.text.split("\n") if line]
    start = lines.index("function Users() {")
    assert lines[start:start + len(COMPONENT.split("\n"))] == COMPONENT.split("\n")  # "});" and "}" too
    assert not any(removal.text.strip() in {"}", ");", "});", "}, []);"} for removal in page.removed)
    assert "Home" not in page.text and "© 2025" not in page.text  # what must go still goes


def test_a_json_example_stays_valid_json_with_its_inner_spaces() -> None:
    page = clean(PAGE, content_type="html")
    lines = [line for line in page.text.split("\n") if line]
    start = lines.index("{")
    payload = "\n".join(lines[start:start + len(PAYLOAD.split("\n"))])
    assert payload == PAYLOAD and json.loads(payload)["total"] == 2


def test_a_code_line_starting_with_a_dash_keeps_it_and_markdown_fences_the_block_as_written() -> None:
    page = clean(PAGE, content_type="html")
    assert "  - name: web" in page.text.split("\n")
    rendered = markdown(page)
    assert f"```\n{COMPONENT}\n```" in rendered and f"```\n{CONFIG}\n```" in rendered


def test_line_stages_drops_inside_a_kept_code_block_are_undone_but_a_block_left_out_stays_out() -> None:
    code = Evidence(block=Block.CODE)
    lines = (Line(1, "if (ready) {"), Line(2, "start();"), Line(3, "}"), Line(4, "Share"), Line(5, "}"))
    evidence = (code, code, code, Evidence(), code)
    labels = (None, None, Label(2, Verdict.DROP, "chrome"), Label(3, Verdict.DROP, "chrome"),
              Label(4, Verdict.DROP, "boilerplate"))
    doc = keep_code_whole(Document(lines=lines, labels=labels, evidence=evidence))
    assert doc.labels[2] is not None and doc.labels[2].verdict is Verdict.KEEP and doc.labels[2].reason == REVISED
    assert doc.labels[3] is labels[3]  # not code: the chrome stage's verdict stands
    assert doc.labels[4] is labels[4]  # a block of its own, all of it dropped: left out whole


def test_a_block_start_the_extractor_glued_to_the_line_before_is_a_line_of_its_own() -> None:
    # Two <pre> blocks side by side: the extractor printed the first's last line and the second's
    # first line as one ("...;flowchart TD"), and a list item with the block inside it.
    html = ("<ol><li>Paste the following code into hello.go and save the file.<pre>package main\n\n"
            "import \"fmt\"</pre></li></ol><pre>SELECT id FROM users\nLIMIT 20;</pre>"
            "<pre>flowchart TD\n    A --&gt; B</pre><pre> </pre>")  # an empty block too
    glued = (Line(1, "Paste the following code into hello.go and save the file. package main"),
             Line(2, 'import "fmt"'), Line(3, "SELECT id FROM users"), Line(4, "LIMIT 20;flowchart TD"),
             Line(5, "A --> B"), Line(6, "The word main ends this sentence about package main"))
    texts = [line.text for line in unglued_code(glued, pre_blocks(LexborHTMLParser(html))) if line.text]
    assert texts == ["Paste the following code into hello.go and save the file.", "package main", 'import "fmt"',
                     "SELECT id FROM users", "LIMIT 20;", "flowchart TD", "A --> B",
                     "The word main ends this sentence about package main"]  # not followed by the block
