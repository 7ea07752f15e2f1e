"""Content pages in a tree (/contest/prevent/), the redirects their moves leave, and the
directory of useful links. Drafts, revisions and publishing come from the publishing app."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import announcements, edge
from core.addresses import reserved_top_level_slugs
from core.content_version import refresh_public_pages
from core.markdown import render_markdown
from core.validators import SafeURLField
from publishing.models import (
    MARKDOWN_HELP,
    PublishableModel,
    PublishableQuerySet,
    Revision,
    markdown_body_field,
)

# The section whose pages subscribers to protective-security advice are emailed about.
BUSINESS_SECTION = "/advice-for-businesses/"


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


def section_key(section_pk: int) -> str:
    """The surrogate key of every page in a section (its side navigation lists them all)."""
    return f"pages.section-{section_pk}"


class Page(PublishableModel):
    """A content page. Its address follows the tree: /contest/prevent/."""

    announces = True

    revision_fields = ("title", "summary", "body", "related_links", "show_exit_button")

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        # Deleting a section deletes its pages too; the confirmation lists them first.
        on_delete=models.CASCADE,
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
        MARKDOWN_HELP,
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
    last_reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "The date someone last checked this page is still right and still needed. Pages "
            "not reviewed for 12 months are listed on the staff home page."
        ),
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

    def announcement_topic(self) -> str | None:
        """Pages in the business advice section are emailed to businesses that subscribed."""
        if self.url_path.startswith(BUSINESS_SECTION):
            return announcements.BUSINESS
        return None

    def fill_derived_fields(self):
        self.body_html = render_markdown(self.body)
        self.url_path = self.compute_url_path()
        self.depth = self.url_path.count("/") - 1
        prefix = self.parent.tree_key if self.parent_id else ""
        self.tree_key = f"{prefix}{self.sort_order:06d}.{self.slug}/"

    def save_published_row(self):
        """Save the page; if it moved or was renamed, move its subtree and leave redirects."""
        old = (
            Page.objects.filter(pk=self.pk).values("url_path", "tree_key").first()
            if self.pk
            else None
        )
        self.save()
        if old and (old["url_path"], old["tree_key"]) != (self.url_path, self.tree_key):
            self._move_subtree(old["url_path"], old["tree_key"])

    def _move_subtree(self, old_path: str, old_tree_key: str) -> None:
        """Rewrite the addresses and tree order of the page's descendants after it moved."""
        moved = old_path != self.url_path
        if moved:
            Redirect.objects.filter(old_path=self.url_path).delete()  # it took an old address back
            Redirect.objects.update_or_create(old_path=old_path, defaults={"page": self})
        for child in Page.objects.filter(url_path__startswith=old_path).exclude(pk=self.pk):
            child_old = child.url_path
            child.url_path = self.url_path + child_old[len(old_path) :]
            child.depth = child.url_path.count("/") - 1
            child.tree_key = self.tree_key + child.tree_key[len(old_tree_key) :]
            Page.objects.filter(pk=child.pk).update(
                url_path=child.url_path, depth=child.depth, tree_key=child.tree_key
            )
            if moved:
                Redirect.objects.filter(old_path=child.url_path).delete()
                Redirect.objects.update_or_create(old_path=child_old, defaults={"page": child})
        refresh_public_pages()

    def goes_with_it(self):
        """The live pages below this one: none may stay up with its breadcrumb broken."""
        return list(
            Page.objects.filter(live=True, url_path__startswith=self.url_path)
            .exclude(pk=self.pk)
            .order_by("-depth")
        )

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
        if self.parent_id is None and self.slug in reserved_top_level_slugs():
            raise ValidationError({"slug": _("This address is used by another part of the site.")})

    @staticmethod
    def review_due_query(cutoff) -> models.Q:
        """Live pages last reviewed (or, never reviewed, last published) before ``cutoff``."""
        return models.Q(live=True) & (
            models.Q(last_reviewed_on__lt=timezone.localtime(cutoff).date())
            | models.Q(last_reviewed_on__isnull=True, last_published_at__lt=cutoff)
        )

    def last_reviewed_or_published(self):
        return self.last_reviewed_on or self.last_published_at

    @property
    def short_title(self) -> str:
        return self.menu_title or self.title

    def surrogate_keys(self) -> list[str]:
        """Its own page, the page above (which lists it), its section (whose side navigation
        lists it) and, for a page in the menu, every page."""
        keys = super().surrogate_keys()
        if self.parent_id:
            keys.append(edge.object_key(self.parent))
        keys.append(section_key(self.section_id()))
        if self.show_in_menus and self.parent_id is None:
            keys.append(edge.SITEWIDE)
        return keys

    def section_id(self) -> int:
        """The top-level page this one is under (itself, at the top)."""
        ancestors = self.ancestors()
        return ancestors[0].pk if ancestors else self.pk

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


class UsefulLink(models.Model):
    """An entry in the directory of other organisations' websites at /useful-links/."""

    class Category(models.TextChoices):
        REPORTING = "reporting", _("Reporting and support")
        PROTECTIVE_SECURITY = "protective_security", _("Protective security for businesses")
        GOVERNMENT = "government", _("Government and national policing")
        COMMUNITY = "community", _("Communities and families")

    title = models.CharField(max_length=120, help_text=_("The organisation or page's name."))
    url = SafeURLField(
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
