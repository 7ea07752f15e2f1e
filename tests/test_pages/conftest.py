import pytest
from django.contrib.auth.models import Group

from ctu_site.roles import EDITORS, PUBLISHERS


def _staff(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    """A staff user in the Editors group: drafts and submits, cannot publish."""
    return _staff(django_user_model, "edith", EDITORS)


@pytest.fixture
def publisher(django_user_model):
    """A staff user in the Publishers group."""
    return _staff(django_user_model, "percy", PUBLISHERS)
