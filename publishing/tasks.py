"""Emails about the workflow, sent through django.tasks after the change has committed.

They carry a reference and a link only, never the content: a draft may be a press release
that must not be read before it is published, and email is copied and kept for ever.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.tasks import task
from django.urls import reverse

from core.roles import PUBLISHERS


def _reference(content_type_id: int, object_id: int) -> tuple[str, str]:
    """'Page 12' and the admin address of the object."""
    content_type = ContentType.objects.get_for_id(content_type_id)
    name = f"{content_type.app_label}_{content_type.model}"
    link = settings.SITE_URL + reverse(f"admin:{name}_change", args=[object_id])
    return f"{content_type.name.capitalize()} {object_id}", link


@task
def review_requested_notify(*, content_type_id: int, object_id: int, author: str) -> None:
    """Tell every Publisher that a draft waits for review."""
    recipients = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=PUBLISHERS)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    reference, link = _reference(content_type_id, object_id)
    EmailMessage(
        subject=f"Waiting for review: {reference}",
        body=(
            f"{author} has submitted a draft for review on the website.\n\n"
            f"Reference: {reference}\n"
            f"Review it in the staff area (you will need to sign in):\n{link}\n"
        ),
        to=recipients,
    ).send()


@task
def published_notify(*, content_type_id: int, object_id: int, author_id: int, by: str) -> None:
    """Tell the author of a submitted draft that a Publisher has published it."""
    author = get_user_model().objects.filter(pk=author_id, is_active=True).first()
    if author is None or not author.email:
        return
    reference, link = _reference(content_type_id, object_id)
    EmailMessage(
        subject=f"Published: {reference}",
        body=(
            f"{by} has published the draft you submitted for review.\n\n"
            f"Reference: {reference}\n{link}\n"
        ),
        to=[author.email],
    ).send()
