"""News: the list, the items, the feeds, the home page, and what staff can do."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from news import starter
from news.models import NewsItem
from publishing.models import PublishState
from tests.utils import HOTLINE_TEL, SITE_CONTEXT_QUERIES, tel_links, text_of

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = dt.timedelta(days=1)
JAN = dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input


def rss_titles(client) -> list[str]:
    root = parse(client.get("/news/feed/rss/"))
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(client) -> list[str]:
    root = parse(client.get("/news/feed/atom/"))
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture
def three_items(make_news):
    make_news("Oldest", published_at=JAN)
    make_news("Middle", published_at=JAN + DAY)
    make_news("Newest", published_at=JAN + 2 * DAY)


@pytest.fixture
def hidden_items(make_news):
    make_news("A draft", publish=False)
    expired = make_news("Expired item")
    NewsItem.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - DAY)
    scheduled = make_news("Scheduled item", publish=False, go_live_at=timezone.now() + DAY)
    from publishing import services

    services.revision_publish(revision=scheduled.latest_revision, user=None)
    assert NewsItem.objects.get(pk=scheduled.pk).publish_state == PublishState.SCHEDULED


def test_the_list_shows_published_news_newest_first_with_dates(client, three_items):
    html = text_of(client.get("/news/"))
    assert html.index("Newest") < html.index("Middle") < html.index("Oldest")
    assert '<time datetime="2026-01-12T12:00:00+00:00">12 January 2026</time>' in html


def test_drafts_scheduled_and_expired_news_appear_nowhere(client, three_items, hidden_items):
    hidden = ("A draft", "Expired item", "Scheduled item")
    pages = [
        text_of(client.get("/news/")),
        text_of(client.get("/")),
        text_of(client.get("/sitemap.xml")),
        text_of(client.get("/search/", {"q": "item draft"})),
    ]
    for html in pages:
        assert not any(title in html for title in hidden)
    assert not set(hidden) & set(rss_titles(client))
    assert not set(hidden) & set(atom_titles(client))
    for slug in ("a-draft", "expired-item", "scheduled-item"):
        assert client.get(f"/news/{slug}/").status_code == 404


def test_the_list_is_paginated_and_odd_page_numbers_never_break_it(client, make_news):
    for number in range(12):
        make_news(f"Item {number:02d}", published_at=JAN + number * DAY)
    first = text_of(client.get("/news/"))
    assert "Item 11" in first and "Item 02" in first and "Item 01" not in first
    second = client.get("/news/", {"page": "2"})
    assert "Item 01" in text_of(second) and "(page 2)" in text_of(second)
    assert "Item 00" in text_of(client.get("/news/", {"page": "last"}))
    for bad in ("3", "0", "-1", "abc", "9" * 30):
        assert client.get("/news/", {"page": bad}).status_code == 404


def test_both_feeds_parse_list_published_items_and_link_to_the_public_site(
    client, settings, three_items, hidden_items
):
    settings.SITE_URL = "https://ctu.example.police.uk"
    assert rss_titles(client) == ["Newest", "Middle", "Oldest"]
    assert atom_titles(client) == ["Newest", "Middle", "Oldest"]
    rss = parse(client.get("/news/feed/rss/"))
    first = next(rss.iter("item"))
    assert first.findtext("link") == "https://ctu.example.police.uk/news/newest/"
    assert first.findtext("pubDate") == "Mon, 12 Jan 2026 12:00:00 +0000"
    assert first.findtext("description") == "About Newest."
    atom = parse(client.get("/news/feed/atom/"))
    assert atom.find(f"{ATOM}link[@rel='self']").get("href") == (
        "https://ctu.example.police.uk/news/feed/atom/"
    )


def test_every_page_links_both_feeds_from_its_head(client):
    head = text_of(client.get("/contact/")).split("</head>")[0]
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'href="/news/feed/rss/"' in head
    assert 'rel="alternate" type="application/atom+xml"' in head
    assert 'href="/news/feed/atom/"' in head


@pytest.mark.parametrize(
    "request_args",
    [
        ("get", "/news/feed/rss/?page=abc&format=%00"),
        ("head", "/news/feed/atom/"),
        ("post", "/news/feed/rss/"),
        ("get", "/news/feed/"),
        ("get", "/news/feed/rss/extra/"),
    ],
)
def test_odd_feed_requests_never_answer_500(request_args):
    from django.test import Client

    method, path = request_args
    assert getattr(Client(raise_request_exception=True), method)(path).status_code < 500


def test_the_home_page_shows_the_latest_three(client, three_items, make_news):
    make_news("Brand new", published_at=JAN + 3 * DAY)
    html = text_of(client.get("/"))
    assert "Latest news" in html
    assert html.index("Brand new") < html.index("Newest") < html.index("Middle")
    assert "Oldest" not in html


def test_the_starter_item_gives_the_campaign_and_its_figures(client):
    starter.load()
    item = NewsItem.objects.get()
    response = client.get(item.get_absolute_url())
    html = text_of(response)
    assert 'Published <time datetime="2018-03-20T09:00:00+00:00">20 March 2018</time>' in html
    assert 'Last updated <time datetime="2018-03-20T09:00:00+00:00">20 March 2018</time>' in html
    for figure in (
        "four-week",
        # 23 in all, ten of them in the last year: never read as 33.
        "<strong>23 attacks</strong> had been stopped in the four years to March 2018, "
        "<strong>ten</strong> of them since\n  March 2017",
        "<strong>600 investigations</strong>",
        "<strong>3,000 people</strong>",
        "<strong>20,000 people</strong>",
        "<strong>466 arrests</strong>",
        "<strong>35%</strong>",
        "<strong>65%</strong> of the people arrested were UK nationals",
        "<strong>8%</strong> were arrested for extreme",
        "<strong>154 people</strong> were convicted",
        "<strong>850 people</strong>",
        "Syria or Iraq",
    ):
        assert figure in html, figure
    assert {HOTLINE_TEL, "tel:999"} <= tel_links(html)
    # It was Derbyshire Constabulary's news with national figures, and says so.
    assert "From: Derbyshire Constabulary, with figures from Counter Terrorism Policing" in html
    assert "based on Derbyshire Constabulary's news release" in html.replace("&#x27;", "'")
    assert starter.load() == 0  # safe to run twice


def test_list_and_detail_cost_a_fixed_number_of_queries(
    client, make_news, django_assert_max_num_queries
):
    for number in range(12):
        make_news(f"Item {number}", published_at=JAN + number * DAY)
    client.get("/news/")  # warm the shared context
    with django_assert_max_num_queries(2):  # count + page
        client.get("/news/")
    with django_assert_max_num_queries(1 + SITE_CONTEXT_QUERIES):
        client.get("/news/item-3/")


def test_feed_is_not_an_item_address(make_news):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="news feeds"):
        NewsItem(title="Feed", slug="feed", summary="x").full_clean()


def test_news_under_reporting_restrictions_is_taken_off_and_cannot_be_published(
    client, editor, publisher, make_news
):
    from publishing import services
    from tests.factories import news_form

    item = make_news("Man charged", slug="man-charged")
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_newsitem_change", args=[item.pk]),
        news_form(item, reporting_restrictions="on", _continue="Save draft"),
        follow=True,
    )
    assert "Taken off the public site: Reporting restrictions are set on this news item." in (
        response.content.decode()
    )
    item.refresh_from_db()
    assert not item.live
    client.logout()
    assert client.get("/news/man-charged/").status_code == 404
    with pytest.raises(services.PublishingRefused):
        services.object_publish(obj=item, user=publisher)
    NewsItem.objects.filter(pk=item.pk).update(live=True)  # however it was set...
    assert client.get("/news/man-charged/").status_code == 404  # ...never public
