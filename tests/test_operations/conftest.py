import pytest
from django.utils.text import slugify

from operations.models import Operation
from pages import services
from tests.test_ctu_site.conftest import database_down  # noqa: F401  (shared fixture)
from tests.test_pages.conftest import editor, publisher  # noqa: F401  (shared staff fixtures)


@pytest.fixture
def make_operation(db):
    """Create an operation through the publishing services, published unless told otherwise."""

    def make(name, *, publish=True, **fields):
        fields.setdefault("slug", slugify(name.removeprefix("Operation ")))
        fields.setdefault("summary", f"What {name} was about.")
        operation = Operation(name=name, **fields)
        revision = services.draft_save(obj=operation, user=None)
        if publish:
            services.revision_publish(revision=revision, user=None)
        operation.refresh_from_db()
        return operation

    return make
