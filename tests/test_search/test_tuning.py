"""Search as the public uses it on the starter site, and as staff tune it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from core.roles import EDITORS, FEEDBACK_TRIAGE, PUBLISHERS
from search.models import BestBet, Synonym
from tests.factories import make_staff
from tests.test_search.query_set import QUERY_SET, first_result
from tests.test_search.test_search import result_titles
from tests.utils import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def starter(db):
    call_command("load_starter_content", verbosity=0)


@pytest.mark.search_index
def test_every_query_of_the_set_finds_its_page_first(starter):
    assert len(QUERY_SET) >= 30
    misses = [
        (query, expected, got)
        for query, expected in QUERY_SET
        if (got := first_result(query)) != expected
    ]
    assert misses == []


def test_pages_that_are_views_are_found_with_their_own_text(client, starter):
    """The threat level, contact, referral and feedback pages are indexed as rendered."""
    cases = {
        "substantial": "UK national threat level",  # the current level, from the database
        "relay uk": "If you have information",
        "encrypted when it is stored": "Make a Prevent referral",
        "send us feedback": "Send us feedback",
    }
    for query, title in cases.items():
        assert title in result_titles(client.get("/search/", {"q": query})), query


def test_a_synonym_staff_add_widens_a_search_at_once(client, make_page):
    make_page("grip", title="Holdall advice", body="What to do about a holdall.")
    assert result_titles(client.get("/search/", {"q": "duffel"})) == []
    Synonym.objects.create(terms="duffel, holdall")
    assert result_titles(client.get("/search/", {"q": "duffel"})) == ["Holdall advice"]


def test_a_best_bet_is_shown_first_and_once(client, make_page):
    make_page("target", title="The target page", body="Nothing about pelicans.")
    make_page("organic", title="Pelicans", body="All about pelicans.")
    BestBet.objects.create(
        query="Pelican", url="/target/", title="Start here", description="The page to read."
    )
    response = client.get("/search/", {"q": "pelicans"})
    html = text_of(response)
    assert result_titles(response)[:2] == ["Start here", "Pelicans"]
    assert "Recommended" in html
    assert html.count('href="/target/"') == 1


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("alone", "Enter at least two words or phrases"),
        ("a, <script>", "Use only letters, numbers, spaces, hyphens and apostrophes"),
        ("a, one two three four five", "Keep each phrase to four words or fewer"),
    ],
)
def test_a_bad_synonym_is_refused_with_a_message(terms, message):
    with pytest.raises(ValidationError) as raised:
        Synonym(terms=terms).full_clean()
    assert message in str(raised.value)


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/", "javascript:x", ""])
def test_a_best_bet_only_points_at_this_site(url):
    with pytest.raises(ValidationError) as raised:
        BestBet(query="x", url=url, title="t", description="d").full_clean()
    assert "url" in raised.value.message_dict


@pytest.mark.parametrize(
    ("role", "status"), [(EDITORS, 403), (PUBLISHERS, 200), (FEEDBACK_TRIAGE, 403)]
)
def test_only_publishers_tune_search(client, django_user_model, role, status):
    user = make_staff(django_user_model, f"user-{role}", role)
    client.force_login(user)
    for path in ("/admin/search/synonym/add/", "/admin/search/bestbet/add/"):
        assert client.get(path).status_code == status, (role, path)


def test_a_publisher_adds_a_synonym_in_the_admin(client, django_user_model, make_page):
    make_page("grip", title="Holdall advice", body="What to do about a holdall.")
    client.force_login(make_staff(django_user_model, "pub", PUBLISHERS))
    response = client.post("/admin/search/synonym/add/", {"terms": "Duffel ,  holdall"})
    assert response.status_code == 302
    assert Synonym.objects.get().terms == "duffel, holdall"
    assert result_titles(client.get("/search/", {"q": "duffel"})) == ["Holdall advice"]
