"""The useful-links directory as first seeded, from ../shared/seeds (000): the seed's links as
they stand now, with notes where a body has been replaced or closed."""

from django.conf import settings


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
