"""Create and publish the starter news. Safe to run again.

Each item is a Markdown file in news/content/, named by its address (its slug), written in our
own words from ../shared/seeds (004), with a small header::

    ---
    title: The headline
    summary: One or two sentences.
    published: 2018-03-20T09:00:00+00:00   (when it was first published, ISO 8601)
    from: Derbyshire Constabulary            (optional: whose news it is, if not the unit's)
    ---

The figures in the campaign item are exactly those the national counter terrorism network gave
at the start of its March 2018 campaign. Phone numbers are {{ emergency }}-style placeholders,
filled in from core.emergency.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from core import frontmatter
from core.emergency import fill_numbers
from news.models import NewsItem
from publishing import services

CONTENT = Path(__file__).resolve().parent / "content"


@dataclass(frozen=True)
class StarterItem:
    slug: str
    title: str
    summary: str
    body: str
    first_published_at: dt.datetime
    from_organisation: str = ""


def starter_items() -> list[StarterItem]:
    items = []
    for path in sorted(CONTENT.glob("*.md")):
        header, body = frontmatter.read(path)
        items.append(
            StarterItem(
                slug=path.stem,
                title=header["title"],
                summary=fill_numbers(header["summary"], links=False),
                body=fill_numbers(body),
                first_published_at=dt.datetime.fromisoformat(header["published"]),
                from_organisation=header.get("from", ""),
            )
        )
    return items


def load() -> int:
    """Create each starter news item that does not exist yet; never touch what staff edited."""
    created = 0
    for spec in starter_items():
        if NewsItem.objects.filter(slug=spec.slug).exists():
            continue
        # The item keeps the date it was first published, not the date it was loaded.
        item = NewsItem(
            slug=spec.slug,
            title=spec.title,
            summary=spec.summary,
            body=spec.body.strip(),
            first_published_at=spec.first_published_at,
            from_organisation=spec.from_organisation,
        )
        item.full_clean()
        revision = services.draft_save(obj=item, user=None, message="Starter content")
        services.revision_publish(revision=revision, user=None)
        # Loading it is not updating it: it reads as last changed when it was published.
        NewsItem.objects.filter(pk=item.pk).update(last_published_at=spec.first_published_at)
        created += 1
    return created
