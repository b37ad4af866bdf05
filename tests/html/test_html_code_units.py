"""A code block is a unit (issue #22): where the extractor kept a block but garbled it (a line
glued to the paragraph after the block, entities unescaped a second time, a line dropped or
mangled), the block comes out whole and as the page writes it; a block it left out stays out."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from benchmarks.promises_checks import check_code
from cleanscrape import clean
from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html.code import pre_blocks, unglued_code
from cleanscrape.frontends.html.code_units import whole_code_blocks

INTRO = ("Markup strings are safe to put in a template as they are: the library escapes whatever you"
         " format into them, so a user's name can never open a tag of its own on your page.")
AFTER_HIGHLIGHTED = ("In an interactive session you can see what the helper gives for a name that tries to"
                     " sneak a tag into the page, and how escaped text is turned back into plain text.")
# A syntax highlighter's block: each token in a <span>, the last line ending at </pre> without a
# line break, and a framework's empty comments around it (the extractor glues the paragraph after).
HIGHLIGHTED = (
    '<pre class="highlight"><code>'
    '<span class="kn">from</span> <span class="nn">markupsafe</span> <span class="kn">import</span> '
    '<span class="n">Markup</span>\n\n'
    '<span class="k">def</span> <span class="nf">greeting</span>(<span class="n">name</span>):\n'
    '    <span class="n">template</span> <span class="o">=</span> <span class="n">Markup</span>('
    '<span class="s">"&lt;strong&gt;Hello %s!&lt;/strong&gt;"</span>)\n'
    '    <span class="k">return</span> <span class="n">template</span> <span class="o">%</span> '
    '<span class="n">name</span><!-- --> </code></pre> <!-- --> '
)
HIGHLIGHTED_LINES = [
    "from markupsafe import Markup",
    "def greeting(name):",
    '    template = Markup("<strong>Hello %s!</strong>")',
    "    return template % name",
]
# A session whose output shows escaped text: the page's "&amp;lt;" is the text "&lt;".
ESCAPED = (
    "<pre>&gt;&gt;&gt; greeting('&lt;blink&gt;hacker&lt;/blink&gt;')\n"
    "Markup('&lt;strong&gt;Hello &amp;lt;blink&amp;gt;hacker&amp;lt;/blink&amp;gt;!&lt;/strong&gt;')\n"
    "&gt;&gt;&gt; Markup('&amp;num; &amp;amp; more').unescape()\n"
    "'&amp;num; &amp; more'</pre>"
)
ESCAPED_LINES = [
    ">>> greeting('<blink>hacker</blink>')",
    "Markup('<strong>Hello &lt;blink&gt;hacker&lt;/blink&gt;!</strong>')",
    ">>> Markup('&num; &amp; more').unescape()",
    "'&num; & more'",
]
BRACES = (
    "<pre>function escapeAll(names) {\n"
    "  return names.map((name) =&gt; {\n"
    "    return escape(name);\n"
    "  });\n"
    "}</pre>"
)
BRACES_LINES = ["function escapeAll(names) {", "  return names.map((name) => {", "    return escape(name);",
                "  });", "}"]
PAGE = (
    "<html><head><title>Escaping user input | Example Docs</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/docs'>Docs</a> <a href='/api'>API</a></nav>"
    "<main><article><h1>Escaping user input</h1>"
    f"<p>{INTRO}</p>"
    "<p>Here is a small helper that greets a user by name inside a bold tag, whatever characters the"
    " name holds, with the markup class doing the escaping for you.</p>"
    f"{HIGHLIGHTED}<p>{AFTER_HIGHLIGHTED}</p>{ESCAPED}"
    "<p>The same idea works in a browser script, where a list of names is escaped one by one before"
    " any of them is written into the document.</p>"
    f"{BRACES}"
    "<p>Remember that escaping belongs at the point where text enters markup: escape too early and you"
    " may escape the same text twice.</p>"
    "</article></main><footer><p>© 2025 Example Docs</p></footer></body></html>"
)


def _run_of(lines: list[str], block: list[str]) -> list[str]:
    start = lines.index(block[0])
    return lines[start:start + len(block)]


def test_each_kept_block_comes_out_whole_and_as_written() -> None:
    page = clean(PAGE, content_type="html")
    lines = [line for line in page.text.split("\n") if line]
    for block in (HIGHLIGHTED_LINES, ESCAPED_LINES, BRACES_LINES):
        assert _run_of(lines, block) == block
    assert AFTER_HIGHLIGHTED in lines  # the paragraph glued to the block's last line is its own again
    assert "Markup('<strong>Hello <blink>hacker</blink>!</strong>')" not in lines  # not unescaped twice
    assert check_code(LexborHTMLParser(PAGE), page) == []
    assert "Home" not in page.text and "© 2025" not in page.text  # what must go still goes


def _escape(code: str) -> str:
    return code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _blocks(*pres: str) -> list:
    return pre_blocks(LexborHTMLParser("<body>" + "".join(pres) + "</body>"))


PROSE_BEFORE = "You can list the files with a single command, and then remove the ones you do not need."
PROSE_AFTER = "The second command asks before it removes anything, so nothing is lost by mistake."
SHELL = "<pre>find . -name '*.tmp' -print\nsu\nfind . -name '*.tmp' -delete -print  # …\nexit</pre>"


def test_a_garbled_run_is_the_block_and_the_prose_around_it_stays() -> None:
    extracted = split_lines("\n".join([
        PROSE_BEFORE, "find . -name '*.tmp' -print", "find . -name '*.tmp' -delete -print # \u00e2\u00a6", "exit",
        PROSE_AFTER,
    ]))  # "su" dropped, the next line's ellipsis printed as mojibake
    whole = [line.display for line in whole_code_blocks(extracted, _blocks(SHELL)) if line.text]
    assert whole == [PROSE_BEFORE, "find . -name '*.tmp' -print", "su", "find . -name '*.tmp' -delete -print # …",
                     "exit", PROSE_AFTER]


def test_a_block_the_extractor_left_out_stays_out() -> None:
    extracted = split_lines("\n".join([PROSE_BEFORE, "exit", PROSE_AFTER]))  # one short line is no block
    assert whole_code_blocks(extracted, _blocks(SHELL)) == extracted


def test_a_line_that_is_a_block_line_is_not_unglued() -> None:
    # "(function () {" opens one block and ends a line of the next: that line is whole as written.
    blocks = _blocks("<pre>(function () {\n  // Do something\n})();</pre>",
                     "<pre>const value = (function () {\n  // Do something\n  return someValue;\n})();</pre>")
    extracted = split_lines("const value = (function () {\n// Do something\nreturn someValue;\n})();")
    assert [line.display for line in unglued_code(extracted, blocks) if line.text][0] == "const value = (function () {"


def test_a_code_listing_broken_by_br_comes_out_whole_with_the_sentence_after_it() -> None:
    # An older page's listing: a <code> whose lines <br>s break, followed by a sentence, which the
    # extractor prints after the listing's first line. "su" alone is no menu entry here.
    paragraph = ("Rsync is the program we are going to tunnel, and the last piece of the puzzle: some"
                 " systems install it by default, but we will build the newest version from source.")
    after = "Now that all the software is installed on both machines, we can configure it and test it."
    html = (
        "<html><head><title>Tunnelling rsync</title></head><body><h2>Building rsync</h2><blockquote>"
        f"{paragraph}<p>The process should be familiar by now:<p>"
        f"<code>make\n<br>su\n<br>make install\n<br>make distclean\n</code>\n{after}</blockquote>"
        f"<h2>Configuring rsync</h2><blockquote>{paragraph.replace('Rsync is', 'It is')}</blockquote></body></html>"
    )
    page = clean(html, content_type="html")
    lines = [line for line in page.text.split("\n") if line]
    start = lines.index("make")
    assert lines[start:start + 5] == ["make", "su", "make install", "make distclean", after]
    assert check_code(LexborHTMLParser(html), page) == []


def test_a_block_whose_last_line_differs_is_not_the_run() -> None:
    # Two listings that differ in their last line: each run is its own block ("120" is no "12"
    # glued to a "0"), and a brace glued to the next block's first line is kept.
    blocks = _blocks("<pre>2, 2, 3, 3, 3\n4, 5, 5, 12</pre>", "<pre>2, 2, 3, 3, 3\n4, 5, 5, 120</pre>",
                     "<pre>function FriendListItem(props) {\n  return props.friend.name;\n}</pre>")
    extracted = split_lines("2, 2, 3, 3, 3\n4, 5, 5, 120\n}function FriendListItem(props) {\nreturn props.friend.name;\n}")
    whole = [line.display for line in whole_code_blocks(extracted, blocks) if line.text]
    assert whole[:2] == ["2, 2, 3, 3, 3", "4, 5, 5, 120"]
    assert "}" in whole[2:4] and whole.count("}") == 2


def test_lines_of_the_same_shape_with_other_words_are_not_the_block() -> None:
    # A forum reply lists settings in its text (<br>s) close to a code block of an earlier post:
    # "trigger=none" is another setting, not "trigger=default-on" garbled.
    block = _blocks("<pre>dtparam=pwr_led_trigger=default-on\ndtparam=pwr_led_activelow=off\n"
                    "dtparam=act_led_trigger=default-on\ndtparam=act_led_activelow=off</pre>")
    reply = split_lines("\n".join([
        "It needed a mixture of different triggers to work, so here is what I have now:",
        "dtparam=pwr_led_trigger=default-on", "dtparam=pwr_led_activelow=off", "dtparam=act_led_trigger=none",
        "dtparam=act_led_activelow=off", "dtparam=eth_led0=4",
    ]))
    assert whole_code_blocks(reply, block) == reply


def test_a_sentence_between_two_listings_stays_between_them() -> None:
    # A tutorial shows two listings with a sentence between (each line a <div>, which the extractor
    # prints as a line), then the two as one file: the first two are not the file's listing with
    # the sentence moved out of it.
    sentence = "Now that you have declared the button, you can nest it into another component:"
    button = "function MyButton() {\n  return <button>Click me</button>;\n}"
    app = "export default function MyApp() {\n  return <MyButton />;\n}"

    def in_divs(code: str) -> str:
        return "<pre>" + "".join(f"<div>{_escape(line)}</div>" for line in code.split("\n")) + "</pre>"

    blocks = _blocks(in_divs(button), in_divs(app), f"<pre>{_escape(button)}\n{_escape(app)}</pre>")
    extracted = split_lines("\n".join([*button.split("\n"), sentence, *app.split("\n")]))
    whole = [line.display for line in whole_code_blocks(extracted, blocks) if line.text]
    assert whole.index(sentence) == 3


def test_a_later_example_with_a_word_more_is_its_own_block() -> None:
    # A to-do file shown twice: the second time its task is marked "(fixed)". That line is the
    # second example's, not the first's "Fedex" glued to a "(fixed)".
    todo = "2025-12-19:\n    Acme\n        Jenny: Add support for Fedex"
    blocks = _blocks(f"<pre>{todo}</pre>", f"<pre>{todo} (fixed)</pre>")
    extracted = split_lines("2025-12-19:\nAcme\nJenny: Add support for Fedex (fixed)")
    whole = [line.display for line in whole_code_blocks(extracted, blocks) if line.text]
    assert whole == ["2025-12-19:", "Acme", "Jenny: Add support for Fedex (fixed)"]
