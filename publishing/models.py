"""The publishing engine: Wagtail-style drafts, revisions and scheduled publishing.

Pages, news and operations subclass ``PublishableModel``. The row of a publishable object holds
what the public sees; every save by staff makes a ``Revision``, and publishing copies a
revision's content onto the row. This app knows none of the apps that use it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import edge
from core.announcements import Announcement

BODY_MAX_LENGTH = 50_000
MARKDOWN_HELP = _(
    "Written in Markdown: ## for headings, - for lists, > for quotes, [text](address) for "
    "links. Start a line with !!! for a call-out box, e.g. "
    "'!!! If someone is in immediate danger, call 999.'"
)
BODY_TOO_LONG = _("The body must be %(limit_value)s characters or fewer (it has %(show_value)s).")


def markdown_body_field(help_text: str, *, too_long: str = BODY_TOO_LONG) -> models.TextField:
    """The Markdown body every kind of content has, with the same length limit."""
    return models.TextField(
        blank=True,
        validators=[MaxLengthValidator(BODY_MAX_LENGTH, message=too_long)],
        help_text=help_text,
    )


class Revision(models.Model):
    """One saved version of a publishable object's content, with who saved it and when."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    content = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.CharField(max_length=255, blank=True)
    submitted_for_review = models.BooleanField(default=False)
    approved_go_live_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When this revision is scheduled to be published.")
    )
    # GOV.UK's major and minor changes: whether subscribers are emailed when this revision goes
    # live (now, or at its scheduled time), and what the email says changed.
    notify_subscribers = models.BooleanField(
        _("email subscribers"),
        default=False,
        help_text=_("A major change: subscribers hear of it."),
    )
    change_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self):
        who = self.user or _("system")
        return f"{timezone.localtime(self.created_at):%d %b %Y %H:%M} by {who}"


class PublishState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Submitted for review")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    LIVE_WITH_CHANGES = "live_changes", _("Live, with unpublished changes")
    EXPIRED = "expired", _("Expired")


def state_conditions(now) -> list[tuple[PublishState, Q]]:
    """The publish-state machine, once: each state's condition, the first that holds wins.

    The QuerySet turns it into SQL (``with_publish_state``, ``in_publish_state``) and
    ``PublishableModel.publish_state`` evaluates the same conditions on one object in Python, so
    the list's state column and its filter can never disagree. A row matching none is a Draft.
    """
    return [
        (PublishState.SCHEDULED, Q(scheduled_revision__isnull=False)),
        (PublishState.EXPIRED, Q(live=True, expire_at__lte=now) | Q(live=False, expired=True)),
        # A submitted draft waits for a Publisher whether or not an older version is live.
        (
            PublishState.IN_REVIEW,
            Q(latest_revision__submitted_for_review=True)
            & (Q(live=False) | Q(has_unpublished_changes=True)),
        ),
        (PublishState.LIVE_WITH_CHANGES, Q(live=True, has_unpublished_changes=True)),
        (PublishState.LIVE, Q(live=True)),
    ]


def _holds(obj, condition: Q) -> bool:
    """Whether ``condition`` holds for ``obj`` in memory (the lookups state_conditions uses)."""
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            results.append(_holds(obj, child))
            continue
        path, expected = child
        *names, lookup = path.split("__")
        if lookup not in ("isnull", "lte", "exact"):
            names.append(lookup)
            lookup = "exact"
        value = obj
        for name in names:
            if value is None:
                break
            field = value._meta.get_field(name)
            if field.is_relation and lookup == "isnull" and name == names[-1]:
                value = getattr(value, field.attname)
            else:
                value = getattr(value, name)
        if lookup == "isnull":
            results.append((value is None) == expected)
        elif lookup == "lte":
            results.append(value is not None and value <= expected)
        else:
            results.append(value == expected)
    held = any(results) if condition.connector == Q.OR else all(results)
    return not held if condition.negated else held


class PublishableQuerySet(models.QuerySet):
    """The publishing rule and the publish states, in one place."""

    def published(self, *, at=None):
        """What the public may see now: live and not past its expiry time."""
        now = at or timezone.now()
        return self.filter(live=True).exclude(expire_at__lte=now)

    def with_publish_state(self, *, at=None):
        """Annotate each row with its ``publish_state_value`` (a PublishState value)."""
        whens = [
            When(condition, then=Value(state.value))
            for state, condition in state_conditions(at or timezone.now())
        ]
        return self.annotate(
            publish_state_value=Case(
                *whens, default=Value(PublishState.DRAFT.value), output_field=models.CharField()
            )
        )

    def in_publish_state(self, state: str, *, at=None):
        return self.with_publish_state(at=at).filter(publish_state_value=state)


class PublishableModel(models.Model):
    """Fields and behaviour shared by everything staff draft, review, publish and schedule.

    Subclasses list the content fields that revisions carry in ``revision_fields``. A revision
    also carries the go-live and expiry times (``SCHEDULE_FIELDS``): they reach the row, and so
    the public site, only when a Publisher publishes it. Other fields (structure: addresses,
    order, menus) are saved straight onto the row, and only Publishers may change them once
    the object is live.
    """

    revision_fields: tuple[str, ...] = ()
    SCHEDULE_FIELDS = ("go_live_at", "expire_at")
    # Whether staff may email subscribers when this goes live (see ``announcement_topic``).
    announces = False

    live = models.BooleanField(default=False, editable=False)
    has_unpublished_changes = models.BooleanField(default=False, editable=False)
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    go_live_at = models.DateTimeField(
        _("go-live time"),
        null=True,
        blank=True,
        help_text=_("Optional. UK time. Publishing before this time schedules the page instead."),
    )
    expire_at = models.DateTimeField(
        _("expiry time"),
        null=True,
        blank=True,
        help_text=_("Optional. UK time. The page is taken off the site at this time."),
    )
    expired = models.BooleanField(default=False, editable=False)
    latest_revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    live_revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    scheduled_revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            raise ValidationError(
                {"expire_at": _("The expiry time must be after the go-live time.")}
            )

    @property
    def publish_state(self) -> PublishState:
        """Where this object is in the workflow, by the same rule the admin filter uses."""
        annotated = self.__dict__.get("publish_state_value")
        if annotated is not None:
            return PublishState(annotated)
        for state, condition in state_conditions(timezone.now()):
            if _holds(self, condition):
                return state
        return PublishState.DRAFT

    def normalise_text(self) -> None:
        """Store text with LF line endings, whatever the browser sent (forms post CRLF), so that
        saving unchanged text is no change."""
        for name in self.revision_fields:
            value = getattr(self, name, None)
            if isinstance(value, str) and "\r" in value:
                setattr(self, name, value.replace("\r\n", "\n").replace("\r", "\n"))

    @classmethod
    def draft_fields(cls) -> tuple[str, ...]:
        """Everything a revision carries: the content and the schedule."""
        return (*cls.revision_fields, *cls.SCHEDULE_FIELDS)

    def revision_content(self) -> dict:
        """The values a revision of this object carries, as stored in JSON."""
        return {
            name: self._meta.get_field(name).value_from_object(self) for name in self.draft_fields()
        }

    def apply_revision_content(self, content: dict) -> None:
        """Copy a revision's content onto this object in memory (nothing is saved)."""
        for name in self.draft_fields():
            if name in content:
                field = self._meta.get_field(name)
                setattr(self, field.attname, field.to_python(content[name]))
        self.fill_derived_fields()

    def fill_derived_fields(self) -> None:
        """Recompute fields derived from content (sanitised HTML, paths). Subclasses extend."""

    def save_published_row(self) -> None:
        """Save the row as the publishing services change it. Subclasses with structure extend
        this (a page that moved takes its children along and leaves redirects)."""
        self.save()

    def surrogate_keys(self) -> list[str]:
        """What to purge from the edge cache when this changes on the public site: its own
        page, the lists it is on, the sitemap and feeds. Subclasses extend (a page: its
        section; a page in the menu: every page)."""
        return [edge.object_key(self), edge.list_key(type(self)), "index"]

    def announcement_topic(self) -> str | None:
        """The email topic (``core.announcements``) whose subscribers hear when this goes live
        with a major change, or None. Subclasses that announce say which."""
        return None

    def announcement(self, revision: Revision | None = None) -> Announcement | None:
        """The email subscribers get for ``revision`` of this object (the content as it is in
        memory: apply the revision first). Without a revision, for a preview."""
        topic = self.announcement_topic()
        if topic is None:
            return None
        source = f"{self._meta.label_lower}:{self.pk}:revision:{revision.pk if revision else 0}"
        updated = bool(revision and revision.change_note and self.first_published_at)
        return Announcement(
            topic=topic,
            source=source,
            subject=f"Updated: {self}" if updated else str(self),
            path=self.get_absolute_url(),
            text=getattr(self, "summary", ""),
            change_note=revision.change_note if updated else "",
            about=self,
        )

    def goes_with_it(self) -> list["PublishableModel"]:
        """Live objects that cannot stay on the public site without this one (a section's
        pages), unpublished with it. Subclasses with structure extend."""
        return []

    def publish_blockers(self) -> list[str]:
        """Reasons, in words staff read, why this may not be on the public site now.

        While there are any, publishing is refused and saving takes a live object off the site.
        Subclasses extend (operations: reporting restrictions).
        """
        return []


class RestrictableQuerySet(PublishableQuerySet):
    def published(self, *, at=None):
        """Never anything under reporting restrictions, whatever its other flags."""
        return super().published(at=at).filter(reporting_restrictions=False)


class RestrictableModel(PublishableModel):
    """Publishable content about real cases, which a court can stop us reporting (operations,
    and news such as a charge or an arrest)."""

    reporting_restrictions = models.BooleanField(
        _("reporting restrictions apply"),
        default=False,
        help_text=_(
            "Tick if a court has restricted reporting of this case, or a trial is coming up. "
            "Saving with this ticked takes it off the public site at once, and it cannot be "
            "published again until the box is unticked."
        ),
    )

    class Meta:
        abstract = True

    def publish_blockers(self) -> list[str]:
        blockers = super().publish_blockers()
        if self.reporting_restrictions:
            name = self._meta.verbose_name
            blockers.append(str(_("Reporting restrictions are set on this %s.") % name))
        return blockers


class RemovedAddress(models.Model):
    """An address whose content a Publisher deleted: it answers 410 Gone, not 404, so that
    people and search engines learn it was taken down on purpose."""

    path = models.CharField(max_length=500, unique=True)
    title = models.CharField(max_length=200, blank=True, help_text=_("What was there."))
    removed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-removed_at"]
        verbose_name = _("removed address")
        verbose_name_plural = _("removed addresses")

    def __str__(self):
        return self.path
