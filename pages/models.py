"""Content pages in a tree, with Wagtail-style drafts, revisions and scheduled publishing.

The publishing machinery (``PublishableModel``, ``PublishableQuerySet``, ``Revision``) is shared:
operations and news use it too. The row of a publishable object holds what the public sees; every
save by staff makes a ``Revision``, and publishing copies a revision's content onto the row.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ctu_site.markdown import render_markdown

BODY_MAX_LENGTH = 50_000
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

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self):
        who = self.user or _("system")
        return f"{timezone.localtime(self.created_at):%d %b %Y %H:%M} by {who}"


class PublishState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Draft, submitted for review")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    LIVE_WITH_CHANGES = "live_changes", _("Live, with unpublished changes")
    EXPIRED = "expired", _("Expired")


class PublishableQuerySet(models.QuerySet):
    """The publishing rule, in one place."""

    def published(self, *, at=None):
        """What the public may see now: live and not past its expiry time."""
        now = at or timezone.now()
        return self.filter(live=True).exclude(expire_at__lte=now)


class PublishableModel(models.Model):
    """Fields and behaviour shared by everything staff draft, review, publish and schedule.

    Subclasses list the fields that revisions carry in ``revision_fields``; other fields
    (structure, scheduling) are saved straight onto the row.
    """

    revision_fields: tuple[str, ...] = ()

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
        if self.scheduled_revision_id:
            return PublishState.SCHEDULED
        if self.live and self.expire_at and self.expire_at <= timezone.now():
            return PublishState.EXPIRED
        if self.live:
            return (
                PublishState.LIVE_WITH_CHANGES
                if self.has_unpublished_changes
                else PublishState.LIVE
            )
        if self.expired:
            return PublishState.EXPIRED
        if self.latest_revision_id and self.latest_revision.submitted_for_review:
            return PublishState.IN_REVIEW
        return PublishState.DRAFT

    def revision_content(self) -> dict:
        """The values a revision of this object carries, as stored in JSON."""
        return {
            name: self._meta.get_field(name).value_from_object(self)
            for name in self.revision_fields
        }

    def apply_revision_content(self, content: dict) -> None:
        """Copy a revision's content onto this object in memory (nothing is saved)."""
        for name in self.revision_fields:
            if name in content:
                field = self._meta.get_field(name)
                setattr(self, field.attname, field.to_python(content[name]))
        self.fill_derived_fields()

    def fill_derived_fields(self) -> None:
        """Recompute fields derived from content (sanitised HTML, paths). Subclasses extend."""

    def publish_blockers(self) -> list[str]:
        """Reasons, in words staff read, why this may not be on the public site now.

        While there are any, publishing is refused and saving takes a live object off the site.
        Subclasses extend (operations: reporting restrictions).
        """
        return []


class PageQuerySet(PublishableQuerySet):
    def in_menus(self):
        return (
            self.published()
            .filter(parent__isnull=True, show_in_menus=True)
            .order_by("sort_order", "title")
        )

    def menu_entries(self):
        """(label, address, position) of the pages in the main menu."""
        return [
            (page.menu_title or page.title, page.url_path, page.sort_order)
            for page in self.in_menus().only("title", "menu_title", "url_path", "sort_order")
        ]


class Page(PublishableModel):
    """A content page. Its address follows the tree: /contest/prevent/."""

    revision_fields = ("title", "summary", "body", "related_links", "show_exit_button")

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The section this page sits in. Leave empty for a top-level page."),
    )
    slug = models.SlugField(
        max_length=80,
        help_text=_(
            "The last part of the page's address: lower-case letters, numbers and hyphens."
        ),
    )
    url_path = models.CharField(max_length=500, unique=True, editable=False)
    # Sorts the whole tree as staff ordered it: each level's sort order and slug, parent first.
    tree_key = models.CharField(max_length=1000, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    sort_order = models.PositiveIntegerField(
        default=100,
        help_text=_("Pages in the same section are listed in this order, lowest first."),
    )
    menu_title = models.CharField(
        max_length=40,
        blank=True,
        help_text=_(
            "Optional. A short name for the main menu and side navigation, e.g. 'CONTEST'."
        ),
    )
    show_in_menus = models.BooleanField(
        default=False, help_text=_("Top-level pages only: show this page in the main menu.")
    )
    title = models.CharField(
        max_length=120, help_text=_("The page's heading, as the public will read it.")
    )
    summary = models.CharField(
        max_length=300,
        help_text=_("One or two sentences. Used on cards and by search engines."),
    )
    body = markdown_body_field(
        _(
            "Written in Markdown: ## for headings, - for lists, > for quotes, [text](address) for "
            "links. Start a line with !!! for a call-out box, e.g. "
            "'!!! If someone is in immediate danger, call 999.'"
        ),
        too_long=_(
            "The body must be %(limit_value)s characters or fewer (it has %(show_value)s). "
            "Split long content into pages in a section."
        ),
    )
    body_html = models.TextField(blank=True, editable=False)
    related_links = models.TextField(
        blank=True,
        help_text=_("Optional. One link per line, as: Title | https://address"),
    )
    show_exit_button = models.BooleanField(
        _("show 'Exit this page' button"),
        default=False,
        help_text=_("For pages read by people who may be worried about someone at home (Prevent)."),
    )
    revisions = GenericRelation(Revision, related_query_name="page")

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["tree_key"]
        permissions = [("publish_page", "Can publish, unpublish and schedule pages")]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"],
                name="unique_slug_per_parent",
                violation_error_message=_(
                    "A page with this address already exists in this section."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url_path

    def fill_derived_fields(self):
        self.body_html = render_markdown(self.body)
        self.url_path = self.compute_url_path()
        self.depth = self.url_path.count("/") - 1
        prefix = self.parent.tree_key if self.parent_id else ""
        self.tree_key = f"{prefix}{self.sort_order:06d}.{self.slug}/"

    def compute_url_path(self) -> str:
        prefix = self.parent.url_path if self.parent_id else "/"
        return f"{prefix}{self.slug}/"

    def clean(self):
        super().clean()
        if self.parent_id and self.pk:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    raise ValidationError(
                        {"parent": _("A page cannot sit inside itself or its own children.")}
                    )
                ancestor = ancestor.parent
        path = self.compute_url_path()
        if Page.objects.exclude(pk=self.pk).filter(url_path=path).exists():
            raise ValidationError(
                {"slug": _("A page with this address already exists in this section.")}
            )
        if self.parent_id is None and self.slug in RESERVED_TOP_LEVEL_SLUGS:
            raise ValidationError({"slug": _("This address is used by another part of the site.")})

    @property
    def short_title(self) -> str:
        return self.menu_title or self.title

    def ancestors(self) -> list["Page"]:
        """The pages above this one, top first."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def parsed_related_links(self) -> list[dict]:
        links = []
        for line in self.related_links.splitlines():
            title, _sep, url = line.partition("|")
            url = url.strip()
            if title.strip() and url.startswith(("https://", "http://", "/")):
                links.append({"title": title.strip(), "url": url})
        return links


# Addresses that belong to other apps: a top-level page may not take them.
RESERVED_TOP_LEVEL_SLUGS = {
    "admin",
    "operations",
    "contact",
    "news",
    "incidents",
    "useful-links",
    "search",
    "static",
    "threat-level",
    "preview",
}


class Redirect(models.Model):
    """A permanent redirect from an old page address, left when a page moves or is renamed."""

    old_path = models.CharField(max_length=500, unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.page.url_path}"

    def get_absolute_url(self):
        return reverse("admin:pages_redirect_change", args=[self.pk])


class NewsQuerySet(PublishableQuerySet):
    def newest_first(self):
        return self.order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")


class NewsItem(PublishableModel):
    """A dated news item, drafted, reviewed, published and revised exactly as pages are."""

    revision_fields = ("title", "summary", "body")

    title = models.CharField(
        max_length=120, help_text=_("The headline, as the public will read it.")
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_(
            "The last part of the address (/news/<this>/): lower-case letters, numbers and "
            "hyphens. Changing it breaks links people have saved."
        ),
    )
    summary = models.CharField(
        max_length=300,
        help_text=_("One or two sentences. Used in the list, the feeds and by search engines."),
    )
    body = markdown_body_field(Page._meta.get_field("body").help_text)
    body_html = models.TextField(blank=True, editable=False)
    revisions = GenericRelation(Revision, related_query_name="news_item")

    objects = NewsQuerySet.as_manager()

    class Meta:
        ordering = [models.F("first_published_at").desc(nulls_last=True), "-pk"]
        verbose_name = "news item"
        permissions = [("publish_newsitem", "Can publish, unpublish and schedule news items")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:news-detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.slug == "feed":
            raise ValidationError({"slug": _("This address is used by the news feeds.")})

    def fill_derived_fields(self):
        self.body_html = render_markdown(self.body)


class UsefulLink(models.Model):
    """An entry in the directory of other organisations' websites at /useful-links/."""

    class Category(models.TextChoices):
        REPORTING = "reporting", _("Reporting and support")
        PROTECTIVE_SECURITY = "protective_security", _("Protective security for businesses")
        GOVERNMENT = "government", _("Government and national policing")
        COMMUNITY = "community", _("Communities and families")

    title = models.CharField(max_length=120, help_text=_("The organisation or page's name."))
    url = models.URLField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Its web address, starting https://. Leave empty for a body that no longer exists: "
            "the note then says so, and nothing is linked."
        ),
    )
    description = models.CharField(
        max_length=300, help_text=_("What people will find there, in a sentence.")
    )
    status_note = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "Optional. Where a body has been replaced or closed, say so: 'CPNI is now the "
            "National Protective Security Authority (NPSA).'"
        ),
    )
    category = models.CharField(max_length=30, choices=Category.choices)
    sort_order = models.PositiveIntegerField(
        _("order"), default=100, help_text=_("Links in a category are listed lowest first.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "sort_order", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.url and not self.url.startswith("https://"):
            raise ValidationError({"url": _("Enter an address starting with https://")})
        if not self.url and not self.status_note:
            raise ValidationError(
                {"status_note": _("Without an address, say what happened to the body.")}
            )
