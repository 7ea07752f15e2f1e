"""The home page's "Past operations" place."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.utils import SITE_CONTEXT_QUERIES

pytestmark = pytest.mark.django_db

# The three operations, the three latest news items, and the site context on a cold cache.
HOME_BUDGET = 2 + SITE_CONTEXT_QUERIES


def test_the_home_page_shows_the_three_newest_published_operations(client, make_operation):
    make_operation("Operation Oldest", conviction_year=2001)
    make_operation("Operation Older", conviction_year=2005)
    make_operation("Operation Newer", conviction_year=2010)
    make_operation("Operation Newest", conviction_year=2020)
    make_operation("Operation Unpublished", conviction_year=2024, publish=False)
    html = client.get("/").content.decode()
    section = html[html.index("Past operations") :]
    names = ["Operation Newest", "Operation Newer", "Operation Older"]
    assert [section.index(name) for name in names] == sorted(section.index(n) for n in names)
    assert "Operation Oldest" not in html
    assert "Operation Unpublished" not in html
    assert 'href="/operations/">All operations</a>' in html


def test_with_no_operations_the_home_page_leaves_the_place_out(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assertNotContains(response, "Past operations")


def test_the_home_page_stays_within_its_query_budget(
    client, make_operation, django_assert_max_num_queries
):
    for number in range(6):
        make_operation(f"Operation {number}", conviction_year=2010 + number)
    with django_assert_max_num_queries(HOME_BUDGET):
        response = client.get("/")
    assertContains(response, "Past operations")


def test_with_the_database_down_the_home_page_leaves_operations_out_and_is_not_cached(
    client, database_down
):
    response = client.get("/")
    assert response.status_code == 200
    assertNotContains(response, "Past operations")
    assert "no-cache" in response["Cache-Control"]
