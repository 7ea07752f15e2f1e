"""Starter news, written in our own words from ../shared/seeds (004 and 000).

The figures in the news item are exactly those the national counter terrorism network gave at
the start of its March 2018 campaign. Phone numbers come from core.emergency.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from core.emergency import ANTI_TERRORIST_HOTLINE, EMERGENCY
from news.models import NewsItem
from publishing import services


def _tel(number) -> str:
    return f"[{number.number}]({number.tel})"


NEWS = [
    {
        "slug": "report-anything-that-does-not-feel-right",
        "title": "Communities defeat terrorism: report anything that does not feel right",
        "first_published_at": dt.datetime(2018, 3, 20, 9, 0, tzinfo=ZoneInfo("Europe/London")),
        "summary": (
            "A four-week national campaign starting on 20 March 2018 asked everyone to report "
            "anything that does not feel right. The figures behind it show why your reports "
            "matter."
        ),
        "body": f"""
On 20 March 2018 counter-terrorism police across the UK began a four-week campaign with a
simple message: if something does not feel right, report it. It could save lives. We support
the campaign fully, because in the end it is communities, not only the police, who defeat
terrorism.

## The national picture

At the start of the campaign the national counter terrorism network shared these figures:

- **Ten attacks** had been stopped since March 2017, and **23** in the previous four years.
- Around **600 investigations** were live, involving **3,000 people**, and another
  **20,000 people** were of continuing concern.
- There were **466 arrests** for terrorism-related activity from January to December 2017, a
  rise of **35%** on the year before, much of it after the attacks in London and Manchester.
- **65%** of the people arrested were UK nationals, and **8%** were arrested for extreme
  right-wing activity.
- **154 people** were convicted of terrorism offences.
- **850 people** had been recorded as travelling to Syria or Iraq to take part in the conflict.

## Why your report matters

You know your street, your workplace and the people around you better than anyone. Something
small that seems out of place to you, a change in someone's behaviour or an odd purchase, could
be the piece that completes a picture an investigation is building.

Every call and every online report is looked at. You will not be wasting police time, and
nothing happens until the right checks have been made.

## How to report

!!! In an emergency, always call {_tel(EMERGENCY)}.

Report online, or call the Anti-Terrorist Hotline on {_tel(ANTI_TERRORIST_HOTLINE)}. Reports are
confidential and you do not have to give your name.
""",
    },
]


def load() -> int:
    """Create each starter news item that does not exist yet; never touch what staff edited."""
    created = 0
    for spec in NEWS:
        if NewsItem.objects.filter(slug=spec["slug"]).exists():
            continue
        # The item keeps the date it was first published, not the date it was loaded.
        item = NewsItem(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"].strip(),
            first_published_at=spec["first_published_at"],
        )
        item.full_clean()
        revision = services.draft_save(obj=item, user=None, message="Starter content")
        services.revision_publish(revision=revision, user=None)
        # Loading it is not updating it: it reads as last changed when it was published.
        NewsItem.objects.filter(pk=item.pk).update(last_published_at=spec["first_published_at"])
        created += 1
    return created
