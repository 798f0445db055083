"""The readable claims table, the legend and search paging in a real Chromium
(issue 16), on a crafted database with 60 more claims than fit one page."""

from __future__ import annotations

import pytest

from datasette_diplo.devserver import serve
from datasette_diplo.table_settings import READABLE_COLUMNS
from tests.test_plugin_pages import add_statements, build_db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def news_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("readable") / "news.db"
    db = build_db(path)
    add_statements(db)
    db.close()
    return path


def visible_headers(page) -> list[str]:
    return [
        h.get_attribute("data-column")
        for h in page.locator("table.rows-and-columns thead th").all()
        if h.is_visible()
    ]


def test_claims_table_readable_columns_and_toggle(news_db, browser):
    with serve([str(news_db)]) as base:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}/news/claims")
        assert visible_headers(page) == READABLE_COLUMNS["claims"]
        content = page.locator("table.rows-and-columns td.col-content").first
        assert content.bounding_box()["width"] > 300  # the claim text is wide
        toggle = page.locator("button.diplo-columns-toggle")
        assert toggle.inner_text().startswith("Show all columns")
        toggle.click()
        assert "sentence" in visible_headers(page) and "diff" in visible_headers(page)
        toggle.click()
        assert visible_headers(page) == READABLE_COLUMNS["claims"]
        # columns the reader chose are shown as chosen
        page.goto(f"{base}/news/claims?_col=sentence&_col=content")
        assert "sentence" in visible_headers(page)
        assert page.locator("button.diplo-columns-toggle").count() == 0
        assert errors == []
        page.close()


def test_legend_and_search_paging(news_db, browser):
    with serve([str(news_db)]) as base:
        page = browser.new_page()
        page.goto(f"{base}/-/diplo/news/groups/1")
        legend = page.locator("details.diplo-legend")
        assert not legend.locator("dd").first.is_visible()
        legend.locator("summary").click()
        assert legend.locator("dd").first.is_visible()
        page.goto(f"{base}/-/diplo/news?q=shared+security")
        assert page.locator("text=Results 1–50 of 62").is_visible()
        page.locator("p.diplo-pages a", has_text="next").click()
        page.wait_for_url("**page=2")
        assert page.locator("text=Results 51–62 of 62").is_visible()
        assert page.locator("p.diplo-pages a", has_text="next").count() == 0
        page.close()


def test_reuse_matrix_on_a_240_article_archive(tmp_path, browser):
    from tests.test_plugin_reuse import build_archive

    path = build_archive(tmp_path / "news.db")
    with serve([str(path)]) as base:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}/-/diplo/news/reuse")
        matrix = page.locator("table.diplo-matrix")
        assert matrix.is_visible()
        assert matrix.locator("tbody tr").count() == 12
        # the matrix fits the window or scrolls inside its own box, not the page
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1200
        link = matrix.locator("td a").first
        count = int(link.inner_text())
        link.click()
        page.wait_for_url("**from=*")
        assert page.locator("h2", has_text="Links from").is_visible()
        rows = page.locator("table.rows-and-columns:not(.diplo-matrix) tbody tr")
        assert rows.count() >= min(count, 50)
        assert errors == []
        page.close()


def test_one_story_is_laid_out_by_the_vendored_d3_force(news_db, browser):
    with serve([str(news_db)]) as base:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{base}/-/diplo/news/reuse")
        page.locator('a[href="?story=1#story"]').click()
        page.wait_for_url("**story=1*")
        svg = page.locator("svg#diplo-story")
        assert svg.locator("circle").count() == 3
        assert svg.locator("line").count() == 2
        assert svg.locator("line[marker-end]").count() == 2  # both directions are known
        # laid out: three distinct positions inside the picture, labels as text
        spots = {
            (c.get_attribute("cx"), c.get_attribute("cy")) for c in svg.locator("circle").all()
        }
        assert len(spots) == 3
        labels = [t.text_content() for t in svg.locator("text").all()]
        assert "#3 Evil <i>Outlet</i>" in labels  # shown as text, never as markup
        assert svg.locator("i").count() == 0
        assert all(u.startswith(base) for u in requests)  # offline: nothing from elsewhere
        assert errors == []
        page.close()
