"""A person's path through the pages, in a real Chromium against a real server.

Overview → a claim reported by several outlets → its word diff → one version
in its article → the speaker. The database is the seeds as the loader and
matcher produce them; when matching has not produced a multi-outlet group the
test fails and says so rather than faking one.
"""

from __future__ import annotations

import re

import pytest

from datasette_diplo.devserver import serve
from datasette_diplo.screenshots import serve_args, showcase_group

pytestmark = pytest.mark.browser


def test_overview_to_group_to_article_to_speaker(seeds_db, browser):
    group_id = showcase_group(str(seeds_db))
    assert group_id is not None, (
        "the loaded seeds have no claim group with a known speaker reported by two or more outlets: "
        "claim grouping (issue 4, branch `match`) has not landed in this checkout"
    )
    with serve(serve_args(str(seeds_db))) as base:
        page = browser.new_page()
        page.goto(f"{base}/-/diplo/seeds")
        assert page.locator("h1").inner_text() == "Claims in seeds"

        page.locator(f'a[href$="/-/diplo/seeds/groups/{group_id}"]').first.click()
        page.wait_for_url(re.compile(rf"/groups/{group_id}$"))
        versions = page.locator("section.diplo-version")
        assert versions.count() >= 2
        # the wording differs somewhere: a visible insertion or deletion
        changes = page.locator(".diplo-wording ins, .diplo-wording del")
        assert changes.count() >= 1
        assert changes.first.is_visible()
        # insertions are underlined and deletions struck through, not only coloured
        decoration = changes.first.evaluate("e => getComputedStyle(e).textDecorationLine")
        assert decoration in ("underline", "line-through")

        later = versions.nth(1)
        speaker_link = later.locator('a[href*="/speakers/"]').first
        speaker_href = speaker_link.get_attribute("href")
        speaker_name = speaker_link.inner_text()
        later.locator("a.diplo-in-article").click()
        page.wait_for_url(re.compile(r"/articles/\d+#claim-\d+$"))
        anchor = page.url.rsplit("#", 1)[1]
        target = page.locator(f"#{anchor}")
        assert target.count() == 1
        # the claim is highlighted in the text and links back to its group (a claim
        # whose span lies inside an earlier one keeps an empty anchor at its start)
        tag = target.evaluate("e => e.tagName")
        assert tag in ("MARK", "SPAN")
        if tag == "MARK":
            assert target.is_visible()
            assert target.locator("a").get_attribute("href").endswith(f"/groups/{group_id}")

        page.go_back()
        page.wait_for_url(re.compile(rf"/groups/{group_id}$"))
        page.locator(f'section.diplo-version a[href="{speaker_href}"]').first.click()
        page.wait_for_url(re.compile(r"/speakers/\d+$"))
        assert page.locator("h1").inner_text() == speaker_name
        assert page.locator("text=Statements over time").is_visible()
        page.close()


def test_pages_render_without_console_errors(seeds_db, browser):
    """Every page type loads cleanly with the seeds, grouped or not."""
    with serve(serve_args(str(seeds_db))) as base:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"{base}/-/diplo/seeds")
        assert page.locator("h1").inner_text() == "Claims in seeds"
        page.goto(f"{base}/-/diplo/seeds/articles/1")
        assert page.locator(".diplo-article-text").is_visible()
        page.goto(f"{base}/-/diplo/seeds/reuse")
        assert page.locator("h1").inner_text() == "Who took wording from whom"
        page.goto(f"{base}/-/diplo/seeds?q=Iraq")
        assert page.locator("text=Claims matching").is_visible()
        assert errors == []
        page.close()
