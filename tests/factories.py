"""Test data, built through the same services staff use. One place for every test's helpers.

``make_page``, ``make_news``, ``make_operation``: create and (unless told otherwise) publish.
``make_staff``: a staff user in one of the roles' groups.
``*_form``: the admin form data for an object, as a browser would post it.
``KINDS``: every publishable model, described once, so the publishing tests run over all of them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import slugify

from news.models import NewsItem
from operations.models import Operation
from pages.models import Page
from publishing import services

PASSWORD = "a-long-test-password"
NO_TIMES = {"go_live_at_0": "", "go_live_at_1": "", "expire_at_0": "", "expire_at_1": ""}


def _save(obj, *, publish: bool):
    revision = services.draft_save(obj=obj, user=None)
    if publish:
        services.revision_publish(revision=revision, user=None)
    obj.refresh_from_db()
    return obj


def make_page(slug, *, parent=None, title=None, body="Some text.", publish=True, **fields):
    fields.setdefault("summary", f"About {slug}.")
    title = title or slug.replace("-", " ").capitalize()
    page = Page(parent=parent, slug=slug, title=title, body=body, **fields)
    return _save(page, publish=publish)


def make_news(title, *, publish=True, published_at=None, **fields):
    fields.setdefault("slug", slugify(title))
    fields.setdefault("summary", f"About {title}.")
    item = _save(NewsItem(title=title, **fields), publish=publish)
    if published_at is not None:
        NewsItem.objects.filter(pk=item.pk).update(first_published_at=published_at)
        item.refresh_from_db()
    return item


def make_operation(name, *, publish=True, **fields):
    fields.setdefault("slug", slugify(name.removeprefix("Operation ")))
    fields.setdefault("summary", f"What {name} was about.")
    return _save(Operation(name=name, **fields), publish=publish)


def make_staff(django_user_model, username: str, group: str | None = None, **extra):
    """A staff user, in one of the roles' groups if given (groups come from migrate)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, is_staff=True, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _based_on(obj) -> dict:
    """The revision the change form was opened on, as the browser posts it back."""
    return {"based_on_revision": obj.latest_revision_id or ""} if obj.pk else {}


def _update_type(obj) -> dict:
    """What the form's major/minor choice posts untouched: Yes for something new; for an edit
    of something published, a minor change (tests of emailing choose Yes themselves)."""
    return {"update_type": "minor" if obj.first_published_at else "major", "change_note": ""}


def page_form(page, **changes):
    return {
        **_based_on(page),
        "title": page.title,
        "summary": page.summary,
        "body": page.body,
        "related_links": page.related_links,
        "parent": page.parent_id or "",
        "slug": page.slug,
        "sort_order": page.sort_order,
        **NO_TIMES,
        **_update_type(page),
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "1000",
        **changes,
    }


def news_form(item, **changes):
    return {
        **_based_on(item),
        "title": item.title,
        "slug": item.slug,
        "summary": item.summary,
        "body": item.body,
        **NO_TIMES,
        **_update_type(item),
        **changes,
    }


def operation_form(operation, **changes):
    data = {
        **_based_on(operation),
        "name": operation.name,
        "slug": operation.slug,
        "summary": operation.summary,
        "body": operation.body,
        "investigation_start_year": operation.investigation_start_year or "",
        "investigation_end_year": operation.investigation_end_year or "",
        "conviction_year": operation.conviction_year or "",
        "number_convicted": ""
        if operation.number_convicted is None
        else operation.number_convicted,
        "outcome": operation.outcome,
        "offences": operation.offences,
        "sentences": operation.sentences,
        "people_from": operation.people_from,
        "strand": operation.strand,
        "facts_last_checked": operation.facts_last_checked or "",
        **NO_TIMES,
    }
    if operation.reporting_restrictions:
        data["reporting_restrictions"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@dataclass(frozen=True)
class Kind:
    """One publishable model, as the shared publishing tests drive it."""

    name: str
    model: type
    title_field: str  # the field every kind has that the public reads as a heading
    _make: Callable
    form: Callable

    def make(self, key: str, *, title: str | None = None, publish: bool = True, **fields):
        """An object named after ``key`` (which also makes its address), with ``title``."""
        title = title or key.replace("-", " ").capitalize()
        fields.setdefault("summary", "A short summary.")
        if self.model is Page:
            return self._make(key, title=title, publish=publish, **fields)
        return self._make(title, slug=key, publish=publish, **fields)

    def title(self, obj) -> str:
        return getattr(obj, self.title_field)

    def set_title(self, obj, value: str) -> None:
        setattr(obj, self.title_field, value)

    def admin_url(self, view: str, obj=None, *args) -> str:
        meta = self.model._meta
        name = f"admin:{meta.app_label}_{meta.model_name}_{view}"
        return reverse(name, args=[obj.pk, *args] if obj is not None else args)

    def form_with_title(self, obj, title: str, **changes) -> dict:
        return self.form(obj, **{self.title_field: title}, **changes)


KINDS = (
    Kind("page", Page, "title", make_page, page_form),
    Kind("news", NewsItem, "title", make_news, news_form),
    Kind("operation", Operation, "name", make_operation, operation_form),
)
