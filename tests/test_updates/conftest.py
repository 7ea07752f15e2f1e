import pytest


@pytest.fixture
def make_subscriber(db):
    from django.utils import timezone

    from updates.models import Subscriber

    def make(email="reader@example.org", **fields):
        return Subscriber.objects.create(
            email=email, **{"news": True, "confirmed_at": timezone.now(), **fields}
        )

    return make
