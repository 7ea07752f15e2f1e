"""What staff tune search with: words that mean the same, and best bets pinned to a query."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def split_terms(text: str) -> list[str]:
    """'package, item,  bag' -> ['package', 'item', 'bag']: lower case, no empties or repeats."""
    terms = (" ".join(term.split()).lower() for term in text.split(","))
    return list(dict.fromkeys(term for term in terms if term))


class Synonym(models.Model):
    """A set of words or phrases that search treats as one: a search for any finds all."""

    terms = models.CharField(
        _("words that mean the same"),
        max_length=500,
        unique=True,
        help_text=_(
            "Two or more words or short phrases, separated by commas, e.g. 'package, item, "
            "bag, parcel' or 'CTSA, security adviser'. A search for any of them finds pages "
            "that use any of them. Word endings are matched already: 'adviser' finds "
            "'advisers'."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("search synonym")

    def __str__(self):
        return self.terms

    def term_list(self) -> list[str]:
        return split_terms(self.terms)

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError(
                {"terms": _("Enter at least two words or phrases, separated by commas.")}
            )
        for term in terms:
            if not re.fullmatch(r"[\w' -]+", term):
                raise ValidationError(
                    {"terms": _("Use only letters, numbers, spaces, hyphens and apostrophes.")}
                )
            if len(term.split()) > 4:
                raise ValidationError({"terms": _("Keep each phrase to four words or fewer.")})
        self.terms = ", ".join(terms)


class BestBet(models.Model):
    """A page pinned to the top of the results for a query, above what search finds itself."""

    query = models.CharField(
        _("search words"),
        max_length=100,
        help_text=_(
            "What people type, e.g. 'threat level'. Matches the same words in any order and "
            "with any word endings, ignoring words like 'the' and 'my'."
        ),
    )
    url = models.CharField(
        _("address on this site"),
        max_length=500,
        help_text=_("The page to recommend, as an address on this site, e.g. /threat-level/."),
    )
    title = models.CharField(_("title"), max_length=120, help_text=_("Shown as the link."))
    description = models.CharField(
        _("description"), max_length=300, help_text=_("One sentence saying why this page helps.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers come first when several match.")
    )

    class Meta:
        ordering = ["sort_order", "query"]
        verbose_name = _("best bet")
        constraints = [
            models.UniqueConstraint(fields=["query", "url"], name="search_bestbet_query_url")
        ]

    def __str__(self):
        return f"{self.query} → {self.url}"

    def clean(self):
        if not re.fullmatch(r"/[\w\-/.#?=&]*", self.url or "") or self.url.startswith("//"):
            raise ValidationError(
                {"url": _("Enter an address on this site that starts with /, like /contact/.")}
            )
        if not re.search(r"\w", self.query or ""):
            raise ValidationError({"query": _("Enter the words people search for.")})
