"""Stories glued below the article in HTML (#22): the extracted text of a news page holds the
article and then other stories, each with its headline; a later story is `appended`, a teaser of
one is `related-headlines`, and a section of the article (a sub-heading and its paragraphs) is
neither."""

from __future__ import annotations

import cleanscrape

TITLE = "Council approves tram line to the northern district"
ARTICLE = [
    "The city council voted on Tuesday to extend the tram line to the northern district, ending a debate "
    "that has run for more than a decade and divided residents of the area.",
    "The extension will add six stops and about four kilometres of track, and the council expects the first "
    "trams to run on it in the spring of 2028 if the works start on time next year.",
    "Supporters said the line would bring the district's new housing estates within twenty minutes of the "
    "centre, while opponents argued that the cost had doubled since the first estimate was made.",
]
SECTION = ("What happens next", [
    "The transport authority will now ask for tenders, and the works are expected to close two main roads "
    "for several months while the track is laid and the new stops are built.",
    "Shopkeepers on the route have asked the council for help during the works, saying that the closures "
    "of the roads could keep customers away for most of next year and threaten their trade.",
])
OTHERS = [
    ("Harbour bridge closes for repairs after storm damage", "Maria Olsen", [
        "The harbour bridge will stay closed to traffic for at least three weeks after engineers found cracks "
        "in two of its supports following last weekend's storm, the city said on Monday.",
        "Ferries will run every twenty minutes instead of every hour while the bridge is closed, and buses "
        "will take the longer route around the bay through the industrial estate.",
        "The bridge was last repaired eight years ago, when the city spent two million on new cables, and "
        "engineers had warned in their latest report that its older supports would need work soon.",
        "Drivers are asked to leave earlier than usual and to follow the signs for the diversion.",
    ]),
    ("Schools to open their libraries on weekends this summer", "Tom Reyes", [
        "Twelve of the city's schools will open their libraries on Saturdays and Sundays during the summer "
        "holidays, in a trial the education department hopes to extend to every district next year.",
        "Volunteers from the neighbourhood associations will staff the libraries, which will also lend "
        "laptops to pupils who do not have a computer at home, the department said.",
        "Parents' groups welcomed the plan but asked for longer opening hours, saying that many families "
        "work on Saturdays and could bring their children only in the late afternoon.",
        "The department will publish the list of schools taking part before the end of the month.",
    ]),
]
TEASER = ("Hospital opens a second emergency ward", "Ann Berg",
          "The east side's hospital opened a second emergency ward on Friday.")


def story(tag: str, title: str, author: str | None, paragraphs: list[str]) -> str:
    byline = f'<p class="byline">By {author}</p>' if author else ""
    return f"<div><{tag}>{title}</{tag}>{byline}" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"


def page(*stories: str) -> str:
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{TITLE} | City News</title>"
            f"<meta property=\"og:title\" content=\"{TITLE}\"></head><body><nav><a href=\"/\">Home</a> "
            f"<a href=\"/local\">Local</a></nav><main>{''.join(stories)}</main><footer><p>City News, "
            "1 Harbour Street</p></footer></body></html>")


def main_story(*extra: str) -> str:
    heading, section = SECTION
    body = [*ARTICLE[:2], *extra, ARTICLE[2]]
    return (f"<div><h1>{TITLE}</h1><p class=\"byline\">By Jane Doe</p>" + "".join(f"<p>{p}</p>" for p in body)
            + f"<h2>{heading}</h2>" + "".join(f"<p>{p}</p>" for p in section) + "</div>")


def test_stories_with_bylines_after_the_article_are_appended_articles():
    stories = [story("h2", title, author, paragraphs) for title, author, paragraphs in OTHERS]
    result = cleanscrape.clean(page(main_story(), *stories), content_type="html")
    assert result.kind.value == "article"
    assert [(a.role.value, a.title) for a in result.articles] == [
        ("main", TITLE), ("appended", OTHERS[0][0]), ("appended", OTHERS[1][0])]
    main = result.articles[0]
    assert all(paragraph in main.text for paragraph in ARTICLE + SECTION[1])
    assert SECTION[0] in main.text  # the article's own sub-heading stays in it
    assert "harbour bridge" not in main.text.lower() and "libraries" not in main.text
    assert result.text == main.text
    assert OTHERS[0][2][1] in result.articles[1].text


def test_a_story_with_a_date_under_its_heading_is_appended():
    title, _, paragraphs = OTHERS[0]
    dated = story("h1", title, None, paragraphs).replace("</h1>", "</h1><p><time>12 March 2025</time></p>")
    result = cleanscrape.clean(page(main_story(), dated), content_type="html")
    assert [(a.role.value, a.title) for a in result.articles] == [("main", TITLE), ("appended", title)]
    assert paragraphs[0] not in result.text


def test_sections_at_the_titles_level_stay_in_the_article():
    title, _, paragraphs = OTHERS[0]  # an <h1> section heading under an <h1> title, no byline or date
    result = cleanscrape.clean(page(main_story(), story("h1", title, None, paragraphs)), content_type="html")
    assert [a.role.value for a in result.articles] == ["main"]
    assert title in result.text and paragraphs[0] in result.text


def test_a_long_article_with_sub_headings_stays_one_article():
    sections = "".join(f"<h2>{title}</h2>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                       for title, _, paragraphs in OTHERS)  # sub-headings without bylines, below the <h1>
    result = cleanscrape.clean(page(main_story()[:-len("</div>")] + sections + "</div>"),
                               content_type="html")
    assert [a.role.value for a in result.articles] == ["main"]
    assert all(title in result.text and paragraphs[1] in result.text for title, _, paragraphs in OTHERS)


def test_a_teaser_of_another_story_is_a_related_headline():
    title, author, teaser = TEASER
    stories = [story("h2", OTHERS[0][0], OTHERS[0][1], OTHERS[0][2]), story("h2", title, author, [teaser])]
    result = cleanscrape.clean(page(main_story(), *stories), content_type="html")
    assert [a.role.value for a in result.articles] == ["main", "appended"]
    assert teaser not in " ".join(a.text for a in result.articles)
    assert {(r.reason, r.text) for r in result.removed} >= {("related-headlines", title), ("related-headlines", teaser)}


def test_a_paywall_counter_inside_the_article_goes_as_promo():
    counter = "You have read 1 of 4 free articles this month."
    result = cleanscrape.clean(page(main_story(counter)), content_type="html")
    assert counter not in result.text and ("promo", counter) in {(r.reason, r.text) for r in result.removed}
    assert all(paragraph in result.text for paragraph in ARTICLE)


def test_replies_of_a_forum_thread_are_not_glued_stories():
    posts = "".join(
        f"<div><h3>Re: {TITLE}</h3><p class=\"byline\">By {name}</p><p>{text}</p><p>{more}</p><p>{ARTICLE[2]}</p></div>"
        for name, text, more in (("Anna Lind", *ARTICLE[:2]), ("Tom Reyes", *OTHERS[0][2][:2])))
    result = cleanscrape.clean(page(main_story(), posts), content_type="html")
    assert [a.role.value for a in result.articles] == ["main"]
    assert OTHERS[0][2][0] in result.text
