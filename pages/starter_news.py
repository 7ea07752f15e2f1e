"""Starter news and useful links, written in our own words from ../shared/seeds (004 and 000).

The figures in the news item are exactly those the national counter terrorism network gave at
the start of its March 2018 campaign. Phone numbers come from ctu_site.emergency.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings

from ctu_site.emergency import ANTI_TERRORIST_HOTLINE, EMERGENCY


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


def useful_links() -> list[dict]:
    """The directory as first seeded: the seed's links as they stand now, and two new ones."""
    return [
        {
            "category": "reporting",
            "sort_order": 10,
            "title": "Report suspicious activity online (ACT)",
            "url": settings.ACT_ONLINE_REPORT_URL,
            "description": (
                "The national online form for reporting possible terrorist activity, "
                "checked by counter-terrorism officers."
            ),
        },
        {
            "category": "reporting",
            "sort_order": 20,
            "title": "MI5, the Security Service",
            "url": settings.MI5_REPORT_URL,
            "description": "How to pass information to the Security Service.",
        },
        {
            "category": "reporting",
            "sort_order": 30,
            "title": "Act Early",
            "url": "https://actearly.uk/",
            "description": (
                "Advice and support for families and friends worried that someone close to "
                "them is being drawn into extremism."
            ),
        },
        {
            "category": "protective_security",
            "sort_order": 10,
            "title": "ProtectUK",
            "url": "https://www.protectuk.police.uk/",
            "description": (
                "Counter-terrorism protective security advice, guidance and training for "
                "businesses and venues, from Counter Terrorism Policing."
            ),
        },
        {
            "category": "protective_security",
            "sort_order": 20,
            "title": "National Protective Security Authority (NPSA)",
            "url": "https://www.npsa.gov.uk/",
            "description": (
                "The government's authority for protective security advice to businesses and "
                "organisations across the national infrastructure."
            ),
            "status_note": (
                "Older material calls it the Centre for the Protection of National "
                "Infrastructure (CPNI): CPNI is now NPSA."
            ),
        },
        {
            "category": "protective_security",
            "sort_order": 30,
            "title": "National Counter Terrorism Security Office (NaCTSO)",
            "url": (
                "https://www.gov.uk/government/organisations/"
                "national-counter-terrorism-security-office"
            ),
            "description": (
                "The police unit that supports the counter-terrorism security advisers who "
                "work with businesses, venues and crowded places."
            ),
            "status_note": "Its advice for businesses is now published on ProtectUK.",
        },
        {
            "category": "protective_security",
            "sort_order": 40,
            "title": "Secure your fertiliser",
            "url": "",
            "description": (
                "Advice for farmers and suppliers on keeping fertiliser stocks secure, since "
                "some fertilisers can be misused to make explosives."
            ),
            "status_note": (
                "The campaign's own website has closed. For current advice on storing "
                "fertiliser securely, ask a counter-terrorism security adviser through our "
                "contact page or see ProtectUK."
            ),
        },
        {
            "category": "government",
            "sort_order": 10,
            "title": "CONTEST, the UK's counter-terrorism strategy (Home Office)",
            "url": "https://www.gov.uk/government/collections/contest",
            "description": (
                "The Home Office leads counter-terrorism work in the UK. Its CONTEST pages "
                "explain the strategy and what the government does to prevent, pursue, protect "
                "and prepare."
            ),
            "status_note": (
                "Older material names the Home Office's Office for Security and "
                "Counter-Terrorism (OSCT), which has since been reorganised."
            ),
        },
        {
            "category": "government",
            "sort_order": 20,
            "title": "National Extremism Tactical Coordination Unit (NETCU)",
            "url": "",
            "description": (
                "A former national police unit that advised police forces, industry and "
                "government on domestic extremism."
            ),
            "status_note": (
                "NETCU no longer exists. It is listed only because older material refers to "
                "it; its website is gone."
            ),
        },
    ]
