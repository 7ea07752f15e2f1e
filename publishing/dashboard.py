"""The staff dashboard on the admin home: what waits for whom, what changes when, and what
has gone stale, across every publishable model (found, not named: publishing knows no app)."""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from publishing.models import PublishableModel, PublishState, Revision

EXPIRING_WITHIN = dt.timedelta(days=14)
REVIEW_EVERY = dt.timedelta(days=365)
LIST_LENGTH = 20


@dataclass(frozen=True)
class Item:
    """One line of the dashboard: an object, what kind it is, a link, and a when and who."""

    title: str
    kind: str
    url: str
    when: dt.datetime | dt.date | None
    who: str = ""
    note: str = ""


def _models_for(user):
    for model in apps.get_models():
        meta = model._meta
        if issubclass(model, PublishableModel) and user.has_perm(
            f"{meta.app_label}.view_{meta.model_name}"
        ):
            yield model


def _item(obj, when, who="", note="") -> Item:
    meta = obj._meta
    return Item(
        title=str(obj),
        kind=str(meta.verbose_name).capitalize(),
        url=reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]),
        when=when,
        who=who,
        note=note,
    )


def _who(revision) -> str:
    return revision.user.get_username() if revision and revision.user else ""


def dashboard(user, *, now=None) -> dict[str, list[Item]]:
    """The dashboard's lists for ``user``, each in date order."""
    now = now or timezone.now()
    waiting, mine, scheduled, expiring, stale = [], [], [], [], []
    for model in _models_for(user):
        objects = model.objects.select_related(
            "latest_revision__user", "scheduled_revision"
        ).with_publish_state(at=now)
        for obj in objects.filter(publish_state_value=PublishState.IN_REVIEW):
            revision = obj.latest_revision
            waiting.append(_item(obj, revision.created_at, _who(revision)))
        for obj in objects.filter(has_unpublished_changes=True, latest_revision__user=user).exclude(
            publish_state_value=PublishState.SCHEDULED
        ):
            mine.append(_item(obj, obj.latest_revision.created_at, note=obj.publish_state.label))
        for obj in objects.filter(scheduled_revision__isnull=False):
            when = obj.scheduled_revision.approved_go_live_at
            scheduled.append(_item(obj, when, note="Goes live"))
        for obj in objects.filter(live=True, expire_at__gt=now):
            scheduled.append(_item(obj, obj.expire_at, note="Expires"))
            if obj.expire_at <= now + EXPIRING_WITHIN:
                expiring.append(_item(obj, obj.expire_at))
        if hasattr(model, "review_due_query"):
            for obj in objects.filter(model.review_due_query(now - REVIEW_EVERY)):
                stale.append(_item(obj, obj.last_reviewed_or_published(), note="Last reviewed"))
    activity = [
        _item(revision.content_object, revision.created_at, _who(revision), revision.message)
        for revision in Revision.objects.select_related("user").prefetch_related("content_object")[
            :LIST_LENGTH
        ]
        if revision.content_object is not None and _can_view(user, revision.content_object)
    ]
    by_when = lambda item: item.when or now  # noqa: E731
    return {
        "waiting": sorted(waiting, key=by_when)[:LIST_LENGTH],
        "mine": sorted(mine, key=by_when, reverse=True)[:LIST_LENGTH],
        "scheduled": sorted(scheduled, key=by_when)[:LIST_LENGTH],
        "expiring": sorted(expiring, key=by_when)[:LIST_LENGTH],
        "stale": sorted(stale, key=lambda item: _as_date(item.when))[:LIST_LENGTH],
        "activity": activity[:10],
    }


def _can_view(user, obj) -> bool:
    meta = obj._meta
    return user.has_perm(f"{meta.app_label}.view_{meta.model_name}")


def _as_date(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date()
    return value or dt.date.min
