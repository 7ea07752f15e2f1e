"""Operations the unit has led: case histories with the facts of each conviction.

They name real cases and real people, so every fact has a field of its own that staff can check,
a "facts last checked" date, and a reporting-restrictions flag that keeps a case off the site.
Drafts, publishing and history come from the publishing app.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.addresses import reserved_slugs
from core.contest import CONTEST_STRANDS
from core.markdown import render_markdown
from publishing.models import (
    RestrictableModel,
    RestrictableQuerySet,
    Revision,
    markdown_body_field,
)

YEAR_VALIDATORS = [MinValueValidator(1970), MaxValueValidator(2100)]


class Outcome(models.TextChoices):
    CONVICTED_AFTER_TRIAL = "convicted_after_trial", _("Convicted after trial")
    PLEADED_GUILTY = "pleaded_guilty", _("Pleaded guilty")
    MIXED = "mixed", _("Some pleaded guilty, some convicted after trial")
    ONGOING = "ongoing", _("Ongoing")


# The CONTEST strands as choices, from the one list in core.contest.
Strand = models.TextChoices(
    "Strand", [(strand.slug.upper(), (strand.slug, strand.name)) for strand in CONTEST_STRANDS]
)


class OperationQuerySet(RestrictableQuerySet):
    def newest_first(self):
        """Most recent conviction or sentence first; those without a year last."""
        return self.order_by(F("conviction_year").desc(nulls_last=True), "name")

    def chronological(self):
        """Oldest conviction or sentence first, for the timeline; those without a year last."""
        return self.order_by(F("conviction_year").asc(nulls_last=True), "name")

    def in_decade(self, decade: int):
        return self.filter(conviction_year__gte=decade, conviction_year__lt=decade + 10)


class Operation(RestrictableModel):
    """One operation the unit led: what happened, and the facts of the outcome in court."""

    revision_fields = (
        "name",
        "summary",
        "body",
        "people_from",
        "investigation_start_year",
        "investigation_end_year",
        "conviction_year",
        "number_convicted",
        "outcome",
        "offences",
        "sentences",
        "strand",
        "facts_last_checked",
        "facts_source",
        "fact_sources",
    )

    name = models.CharField(
        max_length=120,
        help_text=_("The operation's name as the public will read it, e.g. 'Operation Pitsford'."),
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_(
            "The last part of the address (/operations/pitsford/): lower-case letters, numbers "
            "and hyphens. Changing it breaks links people have saved."
        ),
    )
    summary = models.CharField(
        max_length=200,
        help_text=_("One sentence saying what the case was about. Shown on cards and in search."),
    )
    body = markdown_body_field(
        _(
            "The story of the case, written in Markdown: ## for headings, - for lists, "
            "[text](address) for links. Name people only where they were convicted and the "
            "conviction is public."
        )
    )
    body_html = models.TextField(blank=True, editable=False)
    people_from = models.CharField(
        _("where the people were from"),
        max_length=200,
        blank=True,
        help_text=_(
            "Towns or cities, e.g. 'Stoke-on-Trent, Cardiff and London'. Leave empty if not known."
        ),
    )
    investigation_start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the investigation began, e.g. 2010. Leave empty if not known."),
    )
    investigation_end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_(
            "The year the investigation ended. Leave empty if it was the same year or not known."
        ),
    )
    conviction_year = models.PositiveSmallIntegerField(
        _("year of conviction or sentence"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_(
            "The year of the conviction or sentence. If people were convicted in different years, "
            "give the first and explain in 'Sentences in brief'. Operations are listed newest "
            "first by this year."
        ),
    )
    number_convicted = models.PositiveSmallIntegerField(
        _("number of people convicted"),
        null=True,
        blank=True,
        help_text=_("Everyone convicted in this operation, in any year. Leave empty if not known."),
    )
    outcome = models.CharField(
        max_length=30,
        choices=Outcome.choices,
        blank=True,
        help_text=_(
            "How the case ended in court. Leave empty if the source does not say whether people "
            "pleaded guilty or were found guilty at trial."
        ),
    )
    offences = models.TextField(
        blank=True,
        help_text=_("What people were convicted of, in plain words. Leave empty if not known."),
    )
    sentences = models.TextField(
        _("sentences in brief"),
        blank=True,
        help_text=_(
            "The sentences in a sentence or two, e.g. 'One man was given a life sentence.' "
            "Give lengths only from a checked source."
        ),
    )
    facts_last_checked = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "The date someone last checked every fact on this page against a court or CPS "
            "source. Shown to the public. Change it only when you have done that check."
        ),
    )
    facts_source = models.CharField(
        _("where the facts come from"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown to the public under the key facts, e.g. 'Court reporting of the guilty "
            "pleas at Woolwich Crown Court, and the unit's statements at the time'. Leave empty "
            "if the facts come only from the unit's own account: the page will say so."
        ),
    )
    fact_sources = models.TextField(
        _("sources of each fact (staff only)"),
        blank=True,
        help_text=_(
            "Never shown to the public. One fact a line with where it comes from (court, CPS, "
            "the unit's statement, court reporting), and any place the unit's old pages "
            "disagree with the court record: the court record wins."
        ),
    )
    strand = models.CharField(
        _("CONTEST strand"),
        max_length=10,
        choices=Strand.choices,
        default=Strand.PURSUE,
        help_text=_("The part of CONTEST this work falls under. Most operations are Pursue."),
    )
    related_operations = models.ManyToManyField(
        "self",
        blank=True,
        help_text=_(
            "Other operations linked to this one; the link shows on both. Only published "
            "operations are shown to the public. Changes here take effect when a Publisher "
            "saves."
        ),
    )
    revisions = GenericRelation(Revision, related_query_name="operation")

    objects = OperationQuerySet.as_manager()

    class Meta:
        ordering = [F("conviction_year").desc(nulls_last=True), "name"]
        permissions = [("publish_operation", "Can publish, unpublish and schedule operations")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("operations:detail", args=[self.slug])

    def fill_derived_fields(self):
        self.body_html = render_markdown(self.body)

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in reserved_slugs("operations.urls"):
            errors["slug"] = _("This address is used by another part of the site.")
        start, end = self.investigation_start_year, self.investigation_end_year
        if start and end and end < start:
            errors["investigation_end_year"] = _(
                "The investigation cannot end before the year it began."
            )
        if start and self.conviction_year and self.conviction_year < start:
            errors["conviction_year"] = _(
                "The conviction cannot come before the investigation began."
            )
        if errors:
            raise ValidationError(errors)

    def key_facts(self) -> list[dict]:
        """The facts shown in the case's key-facts list, in order; unknown ones left out."""
        facts = [
            (_("Investigation"), self.investigation_years),
            (_("Convicted or sentenced"), self.conviction_year),
            (_("People convicted"), self.number_convicted),
            (_("Outcome"), self.get_outcome_display() if self.outcome else None),
            (_("Sentences"), self.sentences),
            (_("Offences"), self.offences),
            (_("Where they were from"), self.people_from),
        ]
        rows = [{"key": key, "value": value} for key, value in facts if value not in (None, "")]
        strand = next(s for s in CONTEST_STRANDS if s.slug == self.strand)
        rows.append({"key": _("Part of CONTEST"), "value": strand.name, "url": strand.url})
        rows.append({"key": _("Where the facts come from"), "value": self.public_facts_source})
        if self.facts_last_checked:
            rows.append(
                {
                    "key": _("Facts last checked"),
                    "value": self.facts_last_checked,
                    "date": self.facts_last_checked,
                }
            )
        return rows

    @property
    def public_facts_source(self) -> str:
        return self.facts_source or str(
            _("The unit's own account of the case, not yet checked against the court record.")
        )

    @property
    def investigation_years(self) -> str:
        """'2010', '2010 to 2012', or '' when not recorded."""
        start, end = self.investigation_start_year, self.investigation_end_year
        if start and end and end != start:
            return f"{start} to {end}"
        return str(start or end or "")

    @property
    def decade(self) -> int | None:
        return self.conviction_year // 10 * 10 if self.conviction_year else None
