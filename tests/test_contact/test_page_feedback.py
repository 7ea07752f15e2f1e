"""Page feedback: the include for cached content pages and the csrf-exempt endpoint it posts to."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.template import Context, Template
from pytest_django.asserts import assertContains

from contact.models import Feedback
from tests.utils import EMERGENCY_TEL, HOTLINE_TEL, tel_links, text_of

URL = "/contact/page-feedback/"


def render_include(path="/contest/prevent/") -> str:
    return Template(
        '{% include "includes/components/page_feedback.html" with page_path=path %}'
    ).render(Context({"path": path}))


def test_include_asks_both_questions_in_fieldsets_with_legends():
    html = render_include()
    legends = re.findall(r"<legend[^>]*>\s*(.*?)\s*</legend>", html, re.S)
    assert legends == ["Did you find what you were looking for?", "How useful was this page?"]
    assert len(re.findall(r'type="radio"\s+name="rating"', html)) == 5
    assert len(re.findall(r'type="radio"\s+name="found_what_looking_for"', html)) == 2


def test_include_warns_it_is_not_monitored_and_gives_the_numbers_above_the_comment():
    html = render_include()
    assert "not monitored for reports of terrorism" in html
    assert tel_links(html) == {EMERGENCY_TEL, HOTLINE_TEL}
    assert html.index("not monitored") < html.index('name="comment"')


def test_include_carries_no_token_and_posts_to_the_endpoint():
    html = render_include("/contest/prevent/")
    assert "csrfmiddlewaretoken" not in html
    assert f'action="{URL}"' in html
    assert 'name="page_path" value="/contest/prevent/"' in html
    assert 'name="website"' in html


def test_each_page_gets_its_own_address_in_the_shared_blank_form():
    # The blank form is rendered once per process; each page must still post its own address,
    # escaped, and nothing of one page may leak into the next.
    first = render_include("/contest/prevent/")
    second = render_include('/odd/"><b>x</b>/')
    assert 'name="page_path" value="/contest/prevent/"' in first
    assert 'name="page_path" value="/odd/&quot;&gt;&lt;b&gt;x&lt;/b&gt;/"' in second
    assert "/contest/prevent/" not in second
    assert "<b>x</b>" not in second
    assert first.replace("/contest/prevent/", "") == second.replace(
        "/odd/&quot;&gt;&lt;b&gt;x&lt;/b&gt;/", ""
    )


def test_same_origin_post_is_stored_with_its_page_and_redirected_to_thanks(
    client, db, same_origin, valid_page_feedback
):
    response = client.post(URL, valid_page_feedback, **same_origin)
    assert response.status_code == 303
    location = urlsplit(response["Location"])
    assert location.path == "/contact/page-feedback/thanks/"
    assert parse_qs(location.query) == {"next": ["/contest/prevent/"]}
    feedback = Feedback.objects.get()
    assert feedback.kind == Feedback.Kind.PAGE
    assert feedback.page_path == "/contest/prevent/"
    assert feedback.found_what_looking_for is True
    assert feedback.rating == 4
    assert feedback.comment == valid_page_feedback["comment"]
    thanks = client.get(response["Location"])
    assertContains(thanks, 'href="/contest/prevent/"')


def test_answering_no_is_stored_as_not_found(client, db, same_origin, valid_page_feedback):
    client.post(URL, {**valid_page_feedback, "found_what_looking_for": "no"}, **same_origin)
    assert Feedback.objects.get().found_what_looking_for is False


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page/"},
    ],
)
def test_cross_site_post_is_refused_with_403_and_nothing_stored(
    client, db, valid_page_feedback, headers
):
    response = client.post(URL, valid_page_feedback, **headers)
    assert response.status_code == 403
    assert Feedback.objects.count() == 0


def test_thanks_page_never_links_to_another_site(client, db):
    for bad in ("//evil.example/", "https://evil.example/", "javascript:alert(1)", "evil"):
        response = client.get("/contact/page-feedback/thanks/", {"next": bad})
        assertContains(response, 'href="/">Go back to the page')


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"found_what_looking_for": ""}, "Select yes if you found what you were looking for"),
        ({"found_what_looking_for": "maybe"}, "Select yes if you found what you were looking for"),
        ({"rating": ""}, "Select how useful this page was"),
        ({"rating": "6"}, "Select how useful this page was"),
        ({"comment": "x" * 1001}, "Your comment must be 1,000 characters or fewer"),
        (
            {"comment": "a\x00b"},
            "Your comment must only include letters, numbers, spaces and punctuation",
        ),
        ({"page_path": ""}, "Go back to the page and send your feedback from there"),
        ({"page_path": "https://evil.example/"}, "Go back to the page and send your feedback"),
    ],
)
def test_invalid_page_feedback_is_shown_again_on_its_own_page_with_400(
    client, db, same_origin, valid_page_feedback, change, message
):
    response = client.post(URL, {**valid_page_feedback, **change}, **same_origin)
    assert response.status_code == 400
    html = text_of(response)
    assert "govuk-error-summary" in html
    assert message in html
    assert html.index("govuk-error-summary") < html.index("<h1")
    assert "csrfmiddlewaretoken" not in html
    assert Feedback.objects.count() == 0


def test_radio_errors_link_to_the_first_radio(client, db, same_origin):
    html = text_of(client.post(URL, {"page_path": "/x/", "website": ""}, **same_origin))
    for name in ("found_what_looking_for", "rating"):
        assert f'href="#id_{name}_1"' in html
        assert f'id="id_{name}_1"' in html


def test_standalone_form_links_back_only_to_a_page_on_this_site(client, db, same_origin):
    html = text_of(
        client.post(URL, {"page_path": "javascript:alert(1)", "website": ""}, **same_origin)
    )
    assert "javascript:" not in html.split('href="', 1)[1].split("</main>")[0].split("value=")[0]
    assert 'href="/">the page</a>' in html


def test_filled_honeypot_gets_400_and_stores_nothing(client, db, same_origin, valid_page_feedback):
    response = client.post(URL, {**valid_page_feedback, "website": "spam"}, **same_origin)
    assert response.status_code == 400
    assert Feedback.objects.count() == 0


def test_eleventh_page_feedback_in_ten_minutes_gets_429(
    client, db, same_origin, valid_page_feedback
):
    for _ in range(10):
        assert client.post(URL, valid_page_feedback, **same_origin).status_code == 303
    assert client.post(URL, valid_page_feedback, **same_origin).status_code == 429


def test_page_feedback_notifies_the_mailbox_on_commit(
    client, db, same_origin, valid_page_feedback, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_page_feedback, **same_origin)
    [email] = mailoutbox
    assert Feedback.objects.get().reference in email.body
    assert valid_page_feedback["comment"] not in email.body


@pytest.mark.page_cache
@pytest.mark.urls("tests.test_contact.urls")
def test_page_feedback_works_from_a_page_served_from_the_cache(client, db, same_origin):
    first = client.get("/test-page/")
    second = client.get("/test-page/")
    assert first.content == second.content  # The second came from the cache.
    html = text_of(second)
    assert "csrfmiddlewaretoken" not in html
    assert not second.cookies
    path = re.search(r'name="page_path" value="([^"]+)"', html)[1]
    response = client.post(
        URL,
        {"page_path": path, "found_what_looking_for": "yes", "rating": "5", "website": ""},
        **same_origin,
    )
    assert response.status_code == 303
    assert Feedback.objects.get().page_path == "/test-page/"
