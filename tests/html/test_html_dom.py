from selectolax.lexbor import LexborHTMLParser

from cleanscrape.frontends.html.dom import ancestors, closest, contains, inside_any, node_text

PAGE = "<html><body><article><div class='body'><p id='p'>Some <b id='b'>bold</b>\u00a0text</p></div></article></body></html>"


def nodes():
    tree = LexborHTMLParser(PAGE)
    return tree, tree.css_first("#p"), tree.css_first("#b")


def test_ancestors_run_nearest_first_to_the_document():
    _, _, bold = nodes()
    assert [node.tag for node in ancestors(bold)] == ["p", "div", "article", "body", "html", "-document"]


def test_closest_finds_the_nearest_ancestor_of_a_tag_or_none():
    _, paragraph, bold = nodes()
    assert closest(bold, {"div", "article"}).tag == "div"
    assert closest(paragraph, {"section"}) is None
    assert closest(paragraph, {"p"}) is None  # the node itself is not its own ancestor


def test_contains_and_inside_any_are_strict():
    tree, paragraph, bold = nodes()
    assert contains(paragraph, bold) and not contains(bold, paragraph) and not contains(paragraph, paragraph)
    article = tree.css_first("article")
    assert inside_any(bold, {article.mem_id}) and not inside_any(article, {bold.mem_id}) and not inside_any(bold, set())


def test_node_text_is_the_whole_text_with_whitespace_collapsed():
    _, paragraph, _ = nodes()
    assert node_text(paragraph) == "Some bold text"
