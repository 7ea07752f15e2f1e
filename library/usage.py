"""Where each file is used, rebuilt from the content whenever it is saved, so that the usage
list is true and the privacy rule (``library.access``) knows what published content shows."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_save

from core import edge
from core.content_version import refresh_public_pages
from core.markdown import references
from library.models import Document, Image, Usage
from publishing.models import PublishableModel, Revision


def references_in(values) -> set[tuple[str, int]]:
    found = set()
    for value in values:
        if isinstance(value, str) and "[[" in value:
            found.update(references(value))
    return found


def image_fields(model) -> list:
    """Fields that choose a library image (a lead image)."""
    return [f for f in model._meta.concrete_fields if f.is_relation and f.related_model is Image]


def row_references(obj: models.Model) -> set[tuple[str, int]]:
    """What the object's row shows: the public content once it is published."""
    values = [getattr(obj, f.attname) for f in obj._meta.concrete_fields]
    chosen = {("image", getattr(obj, f.attname)) for f in image_fields(type(obj))}
    return references_in(values) | {ref for ref in chosen if ref[1]}


def draft_references(obj: models.Model) -> set[tuple[str, int]]:
    if not isinstance(obj, PublishableModel):
        return set()
    latest = (
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if latest is None:
        return set()
    chosen = {("image", latest.content.get(f.name)) for f in image_fields(type(obj))}
    found = references_in(latest.content.values())
    return found | {(kind, int(pk)) for kind, pk in chosen if isinstance(pk, int)}


def usage_rebuild(obj: models.Model) -> None:
    content_type = ContentType.objects.get_for_model(obj)
    existing = Usage.objects.filter(content_type=content_type, object_id=obj.pk)
    before = {(u.image_id, u.document_id) for u in existing}
    live = row_references(obj)
    draft = draft_references(obj) - live
    images = set(
        Image.objects.filter(pk__in=[pk for k, pk in live | draft if k == "image"]).values_list(
            "pk", flat=True
        )
    )
    documents = set(
        Document.objects.filter(
            pk__in=[pk for k, pk in live | draft if k == "document"]
        ).values_list("pk", flat=True)
    )
    rows = [
        Usage(
            content_type=content_type,
            object_id=obj.pk,
            image_id=pk if kind == "image" else None,
            document_id=pk if kind == "document" else None,
            in_draft_only=(kind, pk) in draft,
        )
        for kind, pk in sorted(live | draft)
        if pk in (images if kind == "image" else documents)
    ]
    existing.delete()
    Usage.objects.bulk_create(rows)
    # Whether each file is public may have changed (published, unpublished, edited): the edge
    # must ask again. Their addresses are otherwise cached for a year.
    after = {(u.image_id, u.document_id) for u in rows}
    keys = set()
    for image_id, document_id in before | after:
        if image_id:
            keys.add(edge.object_key(Image(pk=image_id)))
        if document_id:
            keys.add(edge.object_key(Document(pk=document_id)))
    if keys:
        refresh_public_pages(*keys)


def content_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        usage_rebuild(instance)


def revision_saved(sender, instance, raw=False, **kwargs) -> None:
    obj = instance.content_object
    if not raw and obj is not None:
        usage_rebuild(obj)


def connect() -> None:
    for model in apps.get_models():
        if issubclass(model, PublishableModel) or getattr(model, "shows_library_files", False):
            post_save.connect(
                content_saved, sender=model, dispatch_uid=f"library.usage.{model._meta.label_lower}"
            )
    post_save.connect(revision_saved, sender=Revision, dispatch_uid="library.usage.revision")
