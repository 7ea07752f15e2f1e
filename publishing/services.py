"""Publishing actions: save a draft, submit, publish, schedule, unpublish, revert.

Every function here is used by pages, operations and news alike, and knows none of them. Each
runs in one transaction and refreshes cached public pages (the content version) once it has
committed.
"""

import json
import logging
from functools import partial

from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from core import audit
from core.announcements import announce
from core.content_version import refresh_public_pages
from publishing import tasks
from publishing.models import PublishableModel, RemovedAddress, Revision

logger = logging.getLogger(__name__)


class PublishingRefused(Exception):
    """Publishing was refused for reasons staff can act on (``messages``), not for permissions."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__(" ".join(messages))


def can_publish(user, obj_or_model) -> bool:
    """Whether the user may publish, unpublish and schedule this kind of content."""
    meta = obj_or_model._meta
    return user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")


def _require_publisher(user, obj) -> None:
    if user is not None and not can_publish(user, obj):
        raise PermissionDenied("Only Publishers can publish, unpublish or schedule.")


def object_revisions(obj: PublishableModel):
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("user")


def draft_object(obj: PublishableModel) -> PublishableModel:
    """The object as staff last saved it: the live row with the latest revision applied."""
    if obj.latest_revision_id and obj.has_unpublished_changes:
        obj.apply_revision_content(obj.latest_revision.content)
    return obj


@transaction.atomic
def draft_save(
    *,
    obj: PublishableModel,
    user: AbstractBaseUser | None,
    submit: bool = False,
    message: str = "",
    notify: bool | None = None,
    change_note: str = "",
) -> Revision:
    """Save staff changes as a new revision without changing what the public sees.

    A page that has never been published keeps its content on the row as well (nothing public
    depends on it); a live page keeps its live content and its go-live and expiry times until a
    revision is published. Structure (address, order, menus) is saved straight away; only
    Publishers may change it once the object is live. Saving without changing the content makes
    no new revision.

    ``notify`` (with ``change_note``) records whether this is a major change that subscribers
    are emailed about when it goes live; None leaves the latest revision's choice as it was.
    """
    obj.normalise_text()
    content = obj.revision_content()
    if obj.pk is None or not obj.live:
        obj.save_published_row()
    else:
        # Keep the live content and schedule on the row; save only the structure.
        live = type(obj).objects.get(pk=obj.pk)
        for name in obj.draft_fields():
            setattr(obj, name, getattr(live, name))
        obj.save_published_row()
        obj.apply_revision_content(content)
        refresh_public_pages(*obj.surrogate_keys())
    _withdraw_if_blocked(obj, user)
    latest = obj.latest_revision
    if latest is not None and not submit and latest.content == _as_stored(content):
        if notify is not None and (latest.notify_subscribers, latest.change_note) != (
            notify,
            change_note,
        ):
            # The same content, told differently: how it is announced is not content.
            latest.notify_subscribers, latest.change_note = notify, change_note
            latest.save(update_fields=["notify_subscribers", "change_note"])
        return latest
    revision = Revision.objects.create(
        content_object=obj,
        content=content,
        user=user,
        submitted_for_review=submit,
        message=message or ("Submitted for review" if submit else "Draft saved"),
        notify_subscribers=bool(notify),
        change_note=change_note if notify else "",
    )
    type(obj).objects.filter(pk=obj.pk).update(
        latest_revision=revision, has_unpublished_changes=True
    )
    obj.latest_revision = revision
    obj.has_unpublished_changes = True
    if submit:
        audit.record(obj, "Submitted for review", actor=user)
        transaction.on_commit(
            partial(
                tasks.review_requested_notify.enqueue,
                content_type_id=revision.content_type_id,
                object_id=obj.pk,
                author=user.get_username() if user else "Someone",
            ),
            robust=True,  # the draft is saved: a mail problem must not undo or hide that
        )
    return revision


def _withdraw_if_blocked(obj: PublishableModel, user: AbstractBaseUser | None) -> None:
    """Take a live or scheduled object off the site as soon as something blocks publishing.

    Withdrawing is the safe direction, so any editor's save does it; only a Publisher can put
    the object back once the blocker is gone.
    """
    blockers = obj.publish_blockers()
    if not blockers or not (obj.live or obj.scheduled_revision_id):
        return
    obj.live = False
    obj.scheduled_revision = None
    obj.has_unpublished_changes = True
    obj.save(update_fields=["live", "scheduled_revision", "has_unpublished_changes", "updated_at"])
    Revision.objects.create(
        content_object=obj,
        content=obj.revision_content(),
        user=user,
        message=f"Taken off the public site: {' '.join(blockers)}"[:255],
    )
    audit.record(obj, "Taken off the public site", actor=user, detail=" ".join(blockers))
    refresh_public_pages(*obj.surrogate_keys())


def _as_stored(content: dict) -> dict:
    """The content as it reads back from a revision's JSON."""
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))


@transaction.atomic
def revision_publish(*, revision: Revision, user: AbstractBaseUser | None) -> PublishableModel:
    """Publish a revision now, or schedule it when the object's go-live time is in the future.

    Raises ``PublishingRefused`` while the object has publish blockers (reporting restrictions).
    """
    obj = type(revision.content_object).objects.select_for_update().get(pk=revision.object_id)
    _require_publisher(user, obj)
    obj.apply_revision_content(revision.content)
    if blockers := obj.publish_blockers():
        raise PublishingRefused(blockers)
    now = timezone.now()
    if obj.go_live_at and obj.go_live_at > now:
        revision.approved_go_live_at = obj.go_live_at
        revision.save(update_fields=["approved_go_live_at"])
        obj.scheduled_revision = revision
        obj.save(update_fields=["scheduled_revision"])
        when = timezone.localtime(obj.go_live_at)
        audit.record(obj, "Scheduled", actor=user, detail=f"to go live at {when:%H:%M on %d %B %Y}")
        # Its pages at the edge must not outlive the new go-live time.
        refresh_public_pages(*obj.surrogate_keys())
        return obj
    first_time = obj.first_published_at is None
    obj.live = True
    obj.expired = False
    obj.has_unpublished_changes = obj.latest_revision_id not in (None, revision.pk)
    obj.first_published_at = obj.first_published_at or now
    obj.last_published_at = now
    obj.live_revision = revision
    obj.scheduled_revision = None
    if obj.expire_at and obj.expire_at <= now:
        obj.expire_at = None  # publishing again after expiry starts a new life
    obj.save_published_row()
    audit.record(obj, "Published", actor=user)
    _announce(obj, revision, user=user, first_time=first_time)
    if revision.submitted_for_review and revision.user_id and user and revision.user_id != user.pk:
        transaction.on_commit(
            partial(
                tasks.published_notify.enqueue,
                content_type_id=revision.content_type_id,
                object_id=obj.pk,
                author_id=revision.user_id,
                by=user.get_username(),
            ),
            robust=True,
        )
    refresh_public_pages(*obj.surrogate_keys())
    return obj


def _announce(obj: PublishableModel, revision: Revision, *, user, first_time: bool) -> None:
    """Email subscribers about a major change, in the publish's transaction (so only if it
    commits). A revision published again, or at its scheduled time, is announced once."""
    if not revision.notify_subscribers:
        return
    if not first_time and not revision.change_note:
        return  # an update with nothing said about what changed is not worth an email
    if announcement := obj.announcement(revision):
        announce(announcement, by=user or revision.user)
        audit.record(obj, "Subscribers emailed", actor=user, detail=announcement.subject)


def object_publish(*, obj: PublishableModel, user: AbstractBaseUser | None) -> PublishableModel:
    """Publish (or schedule) the latest revision of an object, saving one first if it has none."""
    revision = obj.latest_revision or draft_save(obj=obj, user=user, message="Published")
    return revision_publish(revision=revision, user=user)


@transaction.atomic
def object_unpublish(*, obj: PublishableModel, user: AbstractBaseUser | None) -> PublishableModel:
    """Take an object off the public site, and what cannot stay without it (a section's
    pages); content and revisions are kept."""
    _require_publisher(user, obj)
    for dependant in obj.goes_with_it():
        _unpublish_one(dependant, user, message=f"Unpublished with “{obj}”")
    return _unpublish_one(obj, user, message="Unpublished")


def _unpublish_one(obj: PublishableModel, user, *, message: str) -> PublishableModel:
    obj.live = False
    obj.scheduled_revision = None
    obj.has_unpublished_changes = True
    obj.save(update_fields=["live", "scheduled_revision", "has_unpublished_changes", "updated_at"])
    Revision.objects.create(
        content_object=obj, content=obj.revision_content(), user=user, message=message
    )
    audit.record(obj, message, actor=user)
    refresh_public_pages(*obj.surrogate_keys())
    return obj


@transaction.atomic
def revision_revert(
    *, obj: PublishableModel, revision: Revision, user: AbstractBaseUser | None
) -> Revision:
    """Make a new draft from an old revision; the public page is unchanged until it is published."""
    draft = type(obj).objects.get(pk=obj.pk)
    draft.apply_revision_content(revision.content)
    when = timezone.localtime(revision.created_at)
    message = f"Reverted to the revision of {when:%d %b %Y %H:%M}"
    revision = draft_save(obj=draft, user=user, message=message)
    audit.record(obj, "Reverted", actor=user, detail=message)
    return revision


def publish_scheduled(*, now=None) -> dict[str, int]:
    """Publish revisions whose time has come and take expired objects off the site.

    Run every minute in production (see the README). Returns counts for the log.
    """
    now = now or timezone.now()
    published = expired = 0
    for model in apps.get_models():
        if not issubclass(model, PublishableModel):
            continue
        for obj in model.objects.filter(
            scheduled_revision__isnull=False, scheduled_revision__approved_go_live_at__lte=now
        ).select_related("scheduled_revision"):
            try:
                revision_publish(revision=obj.scheduled_revision, user=None)
            except PublishingRefused as refused:
                # Drop the schedule rather than retry every minute; the object stays a draft.
                logger.warning("Scheduled publish of %r refused: %s", obj, refused)
                model.objects.filter(pk=obj.pk).update(scheduled_revision=None)
                continue
            published += 1
        with transaction.atomic():
            due = list(model.objects.filter(live=True, expire_at__lte=now))
            for obj in due:
                # Saved one by one (expiry is rare), so that what watches saves sees it too:
                # the media library takes a file off the site with the last page showing it.
                obj.live, obj.expired = False, True
                obj.save(update_fields=["live", "expired", "updated_at"])
            expired += len(due)
            if due:
                refresh_public_pages(*{key for obj in due for key in obj.surrogate_keys()})
    return {"published": published, "expired": expired}


def address_remove(*, path: str, title: str = "") -> None:
    """Record that the content at ``path`` was deleted, so the address answers 410 Gone."""
    if path:
        RemovedAddress.objects.update_or_create(path=path, defaults={"title": title[:200]})
        refresh_public_pages()


def object_deleted(sender, instance: PublishableModel, **kwargs) -> None:
    """pre_delete receiver for every publishable model: its address is gone, not missing."""
    if instance.live or instance.first_published_at:
        address_remove(path=instance.get_absolute_url(), title=str(instance))
    else:
        refresh_public_pages()
