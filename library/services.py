"""Storing a checked upload, and the file changes that follow from it."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core import edge
from core.content_version import refresh_public_pages
from library.models import Image, MediaFile, random_name
from library.uploads import Checked


def file_store(file: MediaFile, checked: Checked, *, by=None) -> MediaFile:
    """Put ``checked`` in storage under a new random name and record it on ``file`` (saved).
    A replaced file gets a new address (its key is the new content's digest); the old bytes and
    renditions go once the change has committed, and the edge is told to forget them."""
    old_names = []
    if file.pk and file.file:
        old_names.append(file.file.name)
        if isinstance(file, Image):
            old_names += [r.file.name for r in file.renditions.all()]
            file.renditions.all().delete()
    if isinstance(file, Image):
        file.format, file.width, file.height = checked.kind, checked.width, checked.height
    else:
        file.file_kind, file.pages = checked.kind, checked.pages
    file.sha256, file.key = checked.sha256, checked.sha256[:16]
    file.size, file.original_name = len(checked.content), checked.original_name
    if file.pk is None:
        file.uploaded_by, file.uploaded_at = by, timezone.now()
    storage = file.file.storage
    file.file.save(
        random_name(file, checked.original_name), ContentFile(checked.content), save=False
    )
    file.save()
    if old_names:
        transaction.on_commit(lambda: [storage.delete(name) for name in old_names])
        refresh_public_pages(edge.object_key(file))
    return file


def public_set(file: MediaFile, public: bool) -> None:
    """A Publisher's choice: public whether or not published content shows it."""
    if public == (file.made_public_at is not None):
        return
    file.made_public_at = timezone.now() if public else None
    file.save(update_fields=["made_public_at"])
    refresh_public_pages(edge.object_key(file))


def file_described(file: MediaFile) -> None:
    """Its title, alt text or caption changed: the pages that show it are refreshed, in the
    page cache and at the edge."""
    keys = [edge.object_key(u.content_object) for u in file.usages.all() if u.content_object]
    refresh_public_pages(edge.object_key(file), *keys)
