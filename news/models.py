"""Dated news items, drafted, reviewed and published through the publishing app."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import announcements
from core.addresses import reserved_slugs
from core.markdown import render_markdown
from library.models import Image
from publishing.models import (
    MARKDOWN_HELP,
    RestrictableModel,
    RestrictableQuerySet,
    Revision,
    markdown_body_field,
)


class NewsQuerySet(RestrictableQuerySet):
    def newest_first(self):
        return self.order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")


class NewsItem(RestrictableModel):
    """A dated news item, drafted, reviewed, published and revised exactly as pages are."""

    announces = True

    revision_fields = ("title", "summary", "lead_image", "body", "from_organisation")

    title = models.CharField(
        max_length=120, help_text=_("The headline, as the public will read it.")
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_(
            "The last part of the address (/news/like-this/): lower-case letters, numbers and "
            "hyphens. Changing it breaks links people have saved."
        ),
    )
    summary = models.CharField(
        max_length=300,
        help_text=_("One or two sentences. Used in the list, the feeds and by search engines."),
    )
    lead_image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Optional. A photo from the Media library, shown under the headline."),
    )
    body = markdown_body_field(MARKDOWN_HELP)
    from_organisation = models.CharField(
        _("from"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who the news is from, when it is not the unit's own: e.g. 'Derbyshire Constabulary "
            "and Counter Terrorism Policing'. Shown as 'From' under the headline. Leave empty "
            "for the unit's own news."
        ),
    )
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
        return reverse("news:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.slug in reserved_slugs("news.urls"):
            raise ValidationError({"slug": _("This address is used by the news feeds.")})

    def fill_derived_fields(self):
        self.body_html = render_markdown(self.body)

    def announcement_topic(self) -> str:
        return announcements.NEWS
