"""Site search: what a visitor finds, and what they never find.

Both databases run every test here, and search behaves the same on both: it keeps its own index
with Snowball stems, so no test needs to know which database it runs on.
"""

import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.utils import EMERGENCY_TEL, HOTLINE_TEL, tel_links, text_of

pytestmark = pytest.mark.django_db


def heading(count: int, query: str) -> str:
    """The results heading as shown, with the query in typographic quotes."""
    return f"{count} result{'' if count == 1 else 's'} for \u2018{query}\u2019"


def result_titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*">\s*<a class="govuk-link" href="[^"]+">([^<]+)</a>',
        text_of(response),
    )


def result_count(response) -> str:
    match = re.search(r'id="results-heading"[^>]*>\s*(.*?)\s*</h2>', text_of(response), re.S)
    return match.group(1) if match else ""


def result_count_number(response) -> int:
    return int(result_count(response).split()[0])


def snippets(response) -> list[str]:
    return re.findall(r'app-search-results__snippet">(.*?)</p>', text_of(response), re.S)


def test_finds_published_pages_and_operations_with_what_they_are(client, make_page, make_operation):
    make_page("kestrel-advice", title="Kestrel advice", body="How to spot kestrel behaviour.")
    make_operation("Operation Kestrel", body="A case about a kestrel.")
    response = client.get("/search/", {"q": "kestrel"})
    assert response.status_code == 200
    assert result_count(response) == heading(2, "kestrel")
    assert set(result_titles(response)) == {"Kestrel advice", "Operation Kestrel"}
    html = text_of(response)
    assert 'href="/kestrel-advice/"' in html
    assert 'href="/operations/kestrel/"' in html
    assert ">Page</p>" in html and ">Operation</p>" in html


def test_drafts_scheduled_expired_and_restricted_content_never_appear(
    client, make_page, make_operation
):
    import datetime as dt

    from django.utils import timezone

    make_page("live-plover", title="Live plover")
    make_page("draft-plover", title="Draft plover", publish=False)
    make_page("expired-plover", title="Expired plover")
    from pages.models import Page

    Page.objects.filter(slug="expired-plover").update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    make_operation("Operation Plover", publish=False)
    restricted = make_operation("Operation Plover Two")
    type(restricted).objects.filter(pk=restricted.pk).update(reporting_restrictions=True)

    response = client.get("/search/", {"q": "plover"})
    assert result_titles(response) == ["Live plover"]
    assert result_count(response) == heading(1, "plover")


def test_a_title_match_ranks_above_a_summary_match_above_a_body_match(client, make_page):
    make_page("body-only", title="Third", body="This page mentions the osprey once.")
    make_page("in-title", title="Osprey", body="Nothing else.")
    make_page("in-summary", title="Second", summary="All about the osprey.")
    response = client.get("/search/", {"q": "osprey"})
    assert result_titles(response) == ["Osprey", "Second", "Third"]


def test_snippets_highlight_the_words_found_and_escape_the_text(client, make_page):
    make_page(
        "snippet",
        title="Snippet test",
        body="Some opening words. Fish & chips near the harbour wall, said the <b>guide</b>.",
    )
    response = client.get("/search/", {"q": "harbour"})
    (snippet,) = snippets(response)
    assert "<mark>harbour</mark>" in snippet
    assert "Fish &amp; chips" in snippet
    assert "<b>" not in snippet


def test_every_word_must_match_or_websearch_syntax_applies(client, make_page):
    make_page("both", title="Curlew and lapwing", body="Both birds.")
    make_page("one", title="Curlew alone", body="Just one bird.")
    both = client.get("/search/", {"q": "curlew lapwing"})
    assert result_titles(both) == ["Curlew and lapwing"]
    # A leading minus excludes a word; quotes ask for a phrase as written.
    excluded = client.get("/search/", {"q": "curlew -lapwing"})
    assert result_titles(excluded) == ["Curlew alone"]
    phrase = client.get("/search/", {"q": '"curlew alone"'})
    assert result_titles(phrase) == ["Curlew alone"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("investigating", "Investigations"),
        ("radicalised", "Radicalisation"),
        ("radicalization", "Radicalisation"),
        ("advisers", "Adviser"),
    ],
)
def test_word_forms_match_on_every_database(client, make_page, typed, written):
    make_page("forms", title=written, body="The same word, another ending.")
    make_page("other", title="Investors", body="Not the same word at all.")
    titles = result_titles(client.get("/search/", {"q": typed}))
    assert titles[0] == written
    assert "Investors" not in titles


def test_a_part_of_a_word_is_not_a_match(client, make_page):
    """'son' finds 'son', not 'person' or 'reason', as substring matching once did."""
    make_page("person", title="A person", body="For a good reason.")
    assert result_titles(client.get("/search/", {"q": "son"})) == []


def test_results_are_counted_and_paginated_ten_to_a_page(client, make_page):
    for number in range(12):
        make_page(f"gannet-{number}", title=f"Gannet {number:02d}")
    first = client.get("/search/", {"q": "gannet"})
    assert result_count(first) == heading(12, "gannet")
    assert len(result_titles(first)) == 10
    assert 'href="?q=gannet&amp;page=2"' in text_of(first)
    second = client.get("/search/", {"q": "gannet", "page": "2"})
    assert len(result_titles(second)) == 2
    assert "(page 2)" in text_of(second)
    for bad in ("999", "-1", "abc", "1.5", ""):
        response = client.get("/search/", {"q": "gannet", "page": bad})
        assert response.status_code == 200
        assert len(result_titles(response)) in (2, 10)


def test_the_empty_search_page_offers_the_box_and_the_numbers(client):
    response = client.get("/search/")
    assert response.status_code == 200
    html = text_of(response)
    assert 'id="search-q"' in html
    assert "results-heading" not in html
    assert {HOTLINE_TEL, EMERGENCY_TEL} <= tel_links(html)


def test_no_results_point_to_the_hotline_and_the_contact_page(client, make_page):
    response = client.get("/search/", {"q": "xylophone"})
    assert result_count(response) == heading(0, "xylophone")
    html = text_of(response)
    assert "There are no matching pages" in html
    assert {HOTLINE_TEL, EMERGENCY_TEL} <= tel_links(html)
    assert 'href="/contact/"' in html


def test_searching_report_puts_the_ways_to_report_first(client, make_page):
    make_page("how-to-help", title="How you can help", body="Report anything suspicious.")
    html = text_of(client.get("/search/", {"q": "report"}))
    assert "How to report" in html
    assert html.index(HOTLINE_TEL) < html.index("results-heading")


def test_a_misspelt_word_shows_the_results_for_the_word_the_site_uses(client, make_page):
    make_page("how-to-help", title="How you can help", body="Report anything suspicious.")
    response = client.get("/search/", {"q": "reprot"})
    html = text_of(response)
    # The corrected results at once, and a way back to what was typed.
    assert heading(result_count_number(response), "report") == result_count(response)
    assert "How you can help" in result_titles(response)
    assert "There were no results for \u2018reprot\u2019" in html
    assert 'href="/search/?q=reprot&amp;spelling=exact">Search instead for reprot</a>' in html
    exact = client.get("/search/", {"q": "reprot", "spelling": "exact"})
    assert result_titles(exact) == []
    assert 'Did you mean <a class="govuk-link" href="/search/?q=report">report</a>?' in text_of(
        exact
    )
    # Even misspelt, a search about reporting shows the hotline before anything else.
    assert "How to report" in html
    assert html.index(HOTLINE_TEL) < html.index("results-heading")


def test_a_correctly_spelt_word_the_site_does_not_use_is_not_corrected(client, make_page):
    """'son' is a word, and a synonym staff gave: never 'Did you mean soon'."""
    from search.models import Synonym

    make_page("soon", title="Soon", body="Coming soon.")
    Synonym.objects.create(terms="son, child")
    make_page("child", title="Worried about a child", body="Get help early.")
    response = client.get("/search/", {"q": "my son"})
    assert "Did you mean" not in text_of(response)
    assert result_titles(response)[0] == "Worried about a child"


def test_a_query_over_the_length_limit_is_refused_with_a_message(client):
    response = client.get("/search/", {"q": "a" * 10_000})
    assert response.status_code == 400
    html = text_of(response)
    assert "Search for 200 characters or fewer (you entered 10,000)" in html
    assert 'class="govuk-error-summary"' in html
    assert html.count("a" * 201) == 0


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE pages_page; --",
        '"unbalanced quotes',
        "unbalanced )(",
        "😀 🔥",
        "a\x00b",
        "!!! & | :* <-> ''",
        "OR AND NOT -",
        "<script>alert(1)</script>",
        "%_%",
        "\\",
    ],
)
def test_odd_queries_are_searched_for_and_never_break_the_page(client, make_page, query):
    make_page("ordinary", title="Ordinary page")
    response = Client(raise_request_exception=True).get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in text_of(response)


@pytest.mark.parametrize("params", [{"q": ["one", "two"]}, {"q": "x", "page": ["1", "2"]}])
def test_repeated_parameters_do_not_break_the_page(client, params):
    assert client.get("/search/", params).status_code == 200


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=260))
def test_any_query_answers_200_or_400_never_500(query):
    from django.core.cache import cache

    cache.clear()  # Each example a new visitor, clear of the rate limit.
    response = Client(raise_request_exception=True).get("/search/", {"q": query})
    assert response.status_code in (200, 400)


def test_results_are_kept_out_of_shared_caches_and_search_engines(client, make_page):
    make_page("kept-private", title="Kept private")
    response = client.get("/search/", {"q": "private"})
    assert "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in text_of(response)


def test_every_page_has_a_search_box_but_the_search_page_has_one(client):
    assert 'id="header-search-q"' in text_of(client.get("/contact/"))
    html = text_of(client.get("/search/"))
    assert 'id="header-search-q"' not in html
    assert html.count('role="search"') == 1


def test_searching_is_rate_limited_with_the_hotline_on_the_429_page(client, settings):
    from search.views import SearchView

    for _ in range(SearchView.rate_limit_count):
        assert client.get("/search/", {"q": "x"}).status_code == 200
    response = client.get("/search/", {"q": "x"})
    assert response.status_code == 429
    assert HOTLINE_TEL in tel_links(text_of(response))
    assert "too many searches" in text_of(response)


@pytest.mark.search_index
def test_a_results_page_costs_a_fixed_number_of_queries(client, make_page, make_operation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.utils import SITE_CONTEXT_QUERIES

    for number in range(12):
        make_page(f"heron-{number}", title=f"Heron {number}")
        make_operation(f"Operation Heron {number}")
    client.get("/search/", {"q": "heron"})  # Warm the shared context and build the index.
    # The index answers from memory until the content version moves on: no query reads the
    # content (at most the site-wide parts, should their cache entry lapse under load).
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "heron"})
    sql = [query["sql"] for query in queries.captured_queries]
    assert len(sql) <= SITE_CONTEXT_QUERIES, sql
    # The scheduled-publishing check is a site-wide part (when its cache entry lapses it asks
    # for the next go-live time across the content tables); nothing else may read content.
    reads = [q for q in sql if "pages_page" in q or "operations_operation" in q]
    assert not [q for q in reads if "approved_go_live_at" not in q], sql
    assert len(result_titles(response)) == 10
