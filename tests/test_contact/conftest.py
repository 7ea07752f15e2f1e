import pytest


@pytest.fixture
def same_origin():
    """Headers a browser sends with a form post from one of this site's own pages."""
    return {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def valid_feedback():
    """A complete, valid general feedback form."""
    return {
        "message": "The contact page was easy to find. Thank you.",
        "name": "Sam",
        "email": "sam@example.com",
        "may_reply": "on",
        "website": "",
    }


@pytest.fixture
def valid_page_feedback():
    """A complete, valid page feedback form."""
    return {
        "page_path": "/contest/prevent/",
        "found_what_looking_for": "yes",
        "rating": "4",
        "comment": "Clear, but a list of signs would help.",
        "website": "",
    }
