"""The public list, its filters and pagination, the timeline and the detail page."""

import datetime as dt
import re

import pytest
import time_machine
from pytest_django.asserts import assertContains, assertNotContains

from operations.models import Operation, Outcome
from publishing import services
from tests.utils import SITE_CONTEXT_QUERIES

pytestmark = pytest.mark.django_db

LIST = "/operations/"


def card_names(response) -> list[str]:
    """The operation names on the list's cards, in order."""
    return re.findall(
        r'class="govuk-link app-card__link" href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def spread(make_operation):
    """Five published operations over three decades and three outcomes, and one draft."""
    make_operation("Operation Alder", conviction_year=2008, outcome=Outcome.PLEADED_GUILTY)
    make_operation("Operation Birch", conviction_year=2013, outcome=Outcome.CONVICTED_AFTER_TRIAL)
    make_operation("Operation Cedar", conviction_year=2011, outcome=Outcome.PLEADED_GUILTY)
    make_operation("Operation Aspen", conviction_year=2011, outcome=Outcome.MIXED)
    make_operation("Operation Damson", conviction_year=2021, outcome=Outcome.PLEADED_GUILTY)
    make_operation("Operation Elm", conviction_year=2022, publish=False)


def test_the_list_shows_published_operations_newest_first_then_by_name(client, spread):
    response = client.get(LIST)
    assert card_names(response) == [
        "Operation Damson",
        "Operation Birch",
        "Operation Aspen",
        "Operation Cedar",
        "Operation Alder",
    ]
    assertContains(response, "Convicted or sentenced in 2013")


def test_operations_without_a_year_come_last(client, spread, make_operation):
    make_operation("Operation Abacus")
    assert card_names(client.get(LIST))[-1] == "Operation Abacus"


def test_the_decade_filter_shows_only_that_decade(client, spread):
    response = client.get(LIST, {"decade": "2010s"})
    assert card_names(response) == ["Operation Birch", "Operation Aspen", "Operation Cedar"]
    assertContains(response, "3 operations in the 2010s")


def test_the_outcome_filter_shows_only_that_outcome(client, spread):
    response = client.get(LIST, {"outcome": "pleaded_guilty"})
    assert card_names(response) == ["Operation Damson", "Operation Cedar", "Operation Alder"]


def test_the_filters_combine(client, spread):
    response = client.get(LIST, {"decade": "2010s", "outcome": "pleaded_guilty"})
    assert card_names(response) == ["Operation Cedar"]
    assertContains(response, "1 operation in the 2010s: pleaded guilty")


def test_filter_links_are_plain_links_that_keep_the_other_filter(client, spread):
    html = client.get(LIST, {"decade": "2010s"}).content.decode()
    assert 'href="/operations/?decade=2010s&amp;outcome=pleaded_guilty"' in html
    assert 'href="/operations/?decade=2000s"' in html
    # The selected option says so to screen readers; "All" removes only its own filter.
    decades = html[html.index('id="filter-decade"') : html.index('id="filter-outcome"')]
    outcomes = html[
        html.index('id="filter-outcome"') : html.index("</nav>", html.index("filter-outcome"))
    ]
    assert re.search(r'href="/operations/\?decade=2010s" aria-current="true">2010s', decades)
    assert re.search(r'href="/operations/" *>All', decades)
    assert re.search(r'href="/operations/\?decade=2010s" aria-current="true">All', outcomes)


def test_filters_offer_only_decades_and_outcomes_that_have_operations(client, spread):
    html = client.get(LIST).content.decode()
    assert ">2020s<" in html and ">2010s<" in html and ">2000s<" in html
    assert ">1990s<" not in html
    assert "decade=2020s" in html
    assert "outcome=ongoing" not in html  # no ongoing operation, no link to an empty list
    assert "Operation Elm" not in html  # a draft


@pytest.mark.parametrize(
    "query",
    [
        {"decade": "1990s"},
        {"decade": "banana"},
        {"decade": "2010"},
        {"decade": "s"},
        {"decade": "9" * 400 + "s"},
        {"outcome": "acquitted"},
        {"outcome": ""},
        {"decade": "2010s", "outcome": "<script>"},
    ],
)
def test_unknown_filter_values_are_ignored(client, spread, query):
    response = client.get(LIST, query)
    assert response.status_code == 200
    expected = 3 if query.get("decade") == "2010s" else 5
    assert len(card_names(response)) == expected
    assertNotContains(response, "<script>")


@pytest.fixture
def twenty_three(make_operation):
    """Twenty-three published operations: three pages of ten."""
    for number in range(23):
        make_operation(f"Operation {number:02d}", conviction_year=2000 + number % 20)


def test_the_list_is_paginated_by_ten(client, twenty_three):
    first = client.get(LIST)
    assert len(card_names(first)) == 10
    assertContains(first, 'aria-label="Pages"')
    assertContains(first, 'href="?page=2" rel="next"')
    last = client.get(LIST, {"page": "3"})
    assert last.status_code == 200
    assert len(card_names(last)) == 3
    assertNotContains(last, 'rel="next"')
    assert client.get(LIST, {"page": "last"}).content == last.content


@pytest.mark.parametrize("page", ["4", "0", "-1", "99999999999999999999999", "abc", "1.5", "2e1"])
def test_a_page_past_the_end_or_not_a_number_is_404_not_500(client, twenty_three, page):
    assert client.get(LIST, {"page": page}).status_code == 404


def test_pagination_links_keep_the_filters(client, twenty_three):
    html = client.get(LIST, {"decade": "2000s"}).content.decode()
    assert 'href="?decade=2000s&amp;page=2"' in html


def test_an_empty_list_says_so(client, db):
    response = client.get(LIST)
    assert response.status_code == 200
    assertContains(response, "There are no operations to show yet.")
    assertNotContains(response, "Filter operations")


def test_the_timeline_groups_operations_by_year_oldest_first(client, spread, make_operation):
    make_operation("Operation Unknown")
    html = client.get("/operations/timeline/").content.decode()
    timeline = html[
        html.index('<ol class="app-timeline"') : html.index("</ol>", html.index("app-timeline"))
    ]
    headings = re.findall(r'<h2 class="app-timeline__heading">\s*(.*?)\s*</h2>', timeline, re.S)
    assert headings == ["2008", "2011", "2013", "2021", "Year not recorded"]
    years = timeline.split('<li class="app-timeline__year">')[1:]
    assert "Operation Aspen" in years[1] and "Operation Cedar" in years[1]
    assert years[1].index("Operation Aspen") < years[1].index("Operation Cedar")
    assert "Operation Unknown" in years[4]
    assert "Operation Elm" not in html  # a draft


def test_the_detail_page_shows_the_key_facts(client, make_operation):
    make_operation(
        "Operation Fact",
        summary="A one-line summary.",
        investigation_start_year=2009,
        investigation_end_year=2010,
        conviction_year=2011,
        number_convicted=3,
        outcome=Outcome.CONVICTED_AFTER_TRIAL,
        sentences="Two were given life sentences.",
        offences="Preparing acts of terrorism.",
        people_from="Walsall",
        facts_last_checked=dt.date(2026, 3, 14),
        body="## What happened\n\nThe story.",
    )
    response = client.get("/operations/fact/")
    html = response.content.decode()
    start = html.index('class="app-key-facts"')
    panel = html[start : html.index("</section>", start)]
    for key, value in [
        ("Investigation", "2009 to 2010"),
        ("Convicted or sentenced", "2011"),
        ("People convicted", "3"),
        ("Outcome", "Convicted after trial"),
        ("Sentences", "Two were given life sentences."),
        ("Offences", "Preparing acts of terrorism."),
        ("Where they were from", "Walsall"),
        ("Part of CONTEST", "Pursue"),
        ("Facts last checked", "14 March 2026"),
    ]:
        assert re.search(rf">{key}</dt>\s*<dd[^>]*>\s*(<[^>]+>)?{re.escape(value)}", panel), key
    assert "<h2>What happened</h2>" in html
    assert '<meta name="description" content="A one-line summary.">' in html
    assert "<title>Operation Fact \N{EN DASH} " in html
    crumbs = html[
        html.index('class="govuk-breadcrumbs"') : html.index(
            "</nav>", html.index("govuk-breadcrumbs")
        )
    ]
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == ["Home", "Operations", "Operation Fact"]
    assert "Share this page by email" in html
    assert "Last updated" in html
    assert 'name="page_path" value="/operations/fact/"' in html


def test_facts_say_where_they_come_from_and_empty_facts_are_left_out(client, make_operation):
    sparse = make_operation("Operation Sparse")
    html = client.get("/operations/sparse/").content.decode()
    assert re.search(
        r">Where the facts come from</dt>\s*<dd[^>]*>\s*The unit's own account of the case, "
        r"not yet checked against the court record.",
        html.replace("&#x27;", "'"),
    )
    assert "Not recorded" not in html
    assert ">Facts last checked</dt>" not in html
    Operation.objects.filter(pk=sparse.pk).update(
        facts_source="The CPS's statement on the sentencing.",
        fact_sources="Sentence: CPS press release. STAFF-ONLY-NOTE",
        facts_last_checked=dt.date(2026, 11, 3),
    )
    html = client.get("/operations/sparse/").content.decode()
    assert "The CPS&#x27;s statement on the sentencing." in html
    assert re.search(r">Facts last checked</dt>\s*<dd[^>]*>\s*<time datetime=\"2026-11-03\"", html)
    assert "STAFF-ONLY-NOTE" not in html
    assert ">Sentences</dt>" not in html
    assert ">Outcome</dt>" not in html


def test_related_operations_show_only_when_published(client, make_operation):
    main = make_operation("Operation Main")
    public = make_operation("Operation Public")
    hidden = make_operation("Operation Hidden", publish=False)
    main.related_operations.add(public, hidden)
    html = client.get("/operations/main/").content.decode()
    assert 'href="/operations/public/">Operation Public</a>' in html
    assert "Operation Hidden" not in html
    # The link is symmetrical: it shows on the other operation too.
    assert (
        'href="/operations/main/">Operation Main</a>'
        in client.get("/operations/public/").content.decode()
    )


def test_an_unpublished_operation_returns_404(client, make_operation, publisher):
    make_operation("Operation Draft", publish=False)
    assert client.get("/operations/draft/").status_code == 404
    gone = make_operation("Operation Gone")
    services.object_unpublish(obj=gone, user=publisher)
    assert client.get("/operations/gone/").status_code == 404
    assert "Operation Gone" not in client.get(LIST).content.decode()


def test_an_expired_operation_returns_404(client, make_operation):
    noon = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(noon, tick=False):
        make_operation("Operation Past", expire_at=noon + dt.timedelta(minutes=30))
        assert client.get("/operations/past/").status_code == 200
    with time_machine.travel(noon + dt.timedelta(minutes=31), tick=False):
        assert client.get("/operations/past/").status_code == 404


def test_a_restricted_operation_returns_404(client, make_operation, editor):
    restricted = make_operation("Operation Hush")
    restricted.reporting_restrictions = True
    services.draft_save(obj=restricted, user=editor)
    assert client.get("/operations/hush/").status_code == 404
    assert "Operation Hush" not in client.get(LIST).content.decode()


# Budgets, measured on a cold cache (the site context costs SITE_CONTEXT_QUERIES until cached):
# list: filter facets, count, page; detail: operation, related operations; timeline: operations.
# None grows with the number of operations on the page.
LIST_BUDGET = 3 + SITE_CONTEXT_QUERIES
DETAIL_BUDGET = 2 + SITE_CONTEXT_QUERIES
TIMELINE_BUDGET = 1 + SITE_CONTEXT_QUERIES


def test_the_list_stays_within_its_query_budget(
    client, django_assert_max_num_queries, twenty_three
):
    with django_assert_max_num_queries(LIST_BUDGET):
        assert (
            client.get(LIST, {"decade": "2000s", "outcome": "mixed", "page": "1"}).status_code
            == 200
        )
    with django_assert_max_num_queries(LIST_BUDGET):
        assert client.get(LIST, {"page": "2"}).status_code == 200


def test_the_detail_page_stays_within_its_query_budget(
    client, django_assert_max_num_queries, make_operation
):
    main = make_operation("Operation Budget", body="Text.")
    for number in range(5):
        main.related_operations.add(make_operation(f"Operation Related {number}"))
    with django_assert_max_num_queries(DETAIL_BUDGET):
        assert client.get("/operations/budget/").status_code == 200


def test_the_timeline_stays_within_its_query_budget(
    client, django_assert_max_num_queries, twenty_three
):
    with django_assert_max_num_queries(TIMELINE_BUDGET):
        assert client.get("/operations/timeline/").status_code == 200


def test_an_operation_without_a_year_is_in_a_filter_of_its_own(client, make_operation):
    make_operation("Operation Dated", conviction_year=2013)
    make_operation("Operation Undated")
    html = client.get("/operations/").content.decode()
    assert 'href="/operations/?decade=not-recorded"' in html
    html = client.get("/operations/?decade=not-recorded").content.decode()
    assert "1 operation with no year recorded" in " ".join(html.split())
    assert "Operation Undated</a>" in html
    assert "Operation Dated</a>" not in html


def test_filters_that_match_nothing_say_so_and_how_to_get_back(client, make_operation):
    make_operation("Operation Pleaded", conviction_year=2012, outcome=Outcome.PLEADED_GUILTY)
    make_operation("Operation Older", conviction_year=1999)
    html = client.get("/operations/?decade=1990s&outcome=pleaded_guilty").content.decode()
    assert "No operations match these filters" in html
    assert "yet" not in html.split('id="results-heading"')[1].split("</ul>")[0]
    assert 'href="/operations/">Clear filters' in " ".join(html.split()).replace("> ", ">")
