import pytest
from django.contrib.auth.models import Group

from ctu_site.roles import EDITORS, PUBLISHERS
from pages import services
from pages.models import Page


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


@pytest.fixture
def make_page(db):
    """Create a page through the publishing services, published unless told otherwise."""

    def make(slug, *, parent=None, title=None, body="Some text.", publish=True, **fields):
        fields.setdefault("summary", f"About {slug}.")
        page = Page(
            parent=parent,
            slug=slug,
            title=title or slug.replace("-", " ").capitalize(),
            body=body,
            **fields,
        )
        revision = services.draft_save(obj=page, user=None)
        if publish:
            services.revision_publish(revision=revision, user=None)
        page.refresh_from_db()
        return page

    return make
