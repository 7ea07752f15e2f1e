import pytest
from django.contrib.auth.models import Group

from ctu_site.roles import EDITORS, FEEDBACK_TRIAGE, PUBLISHERS
from tests.test_ctu_site.conftest import client_no_raise, database_down

__all__ = ["client_no_raise", "database_down"]

PASSWORD = "a-long-test-password"


def _staff(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, is_staff=True, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    """A staff user in the Editors group (groups and permissions come from migrate)."""
    return _staff(django_user_model, "edith", EDITORS)


@pytest.fixture
def publisher(django_user_model):
    """A staff user in the Publishers group."""
    return _staff(django_user_model, "percy", PUBLISHERS)


@pytest.fixture
def triager(django_user_model):
    """A staff user in the Feedback triage group."""
    return _staff(django_user_model, "tess", FEEDBACK_TRIAGE)


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
