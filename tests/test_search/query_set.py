"""What people actually type, and the page that must come first for each: the test of search.

Kept apart from the tests so that ``bench/search_hit_rate.py`` prints the same set's hit rate.
The first result is the first best bet if staff pinned one, else the first thing search found.
"""

QUERY_SET: tuple[tuple[str, str], ...] = (
    # Reporting and the threat level
    ("threat level", "/threat-level/"),
    ("what is the threat level", "/threat-level/"),
    ("threat levels meaning", "/threat-level/"),
    ("report", "/contact/"),
    ("report something suspicious", "/how-you-can-help/"),
    ("crimestoppers", "/how-you-can-help/"),
    ("easy read", "/advice-for-the-public/how-to-report-easy-read/"),
    # Families and friends
    ("my son is being radicalised", "/advice-for-the-public/worried-about-someone/"),
    ("worried about my daughter", "/contest/prevent/act-early/"),
    ("radicalisation", "/advice-for-the-public/worried-about-someone/"),
    ("act early", "/contest/prevent/act-early/"),
    ("prevent referral", "/contact/prevent-referral/"),
    # The public's safety
    ("suspicious package", "/advice-for-the-public/suspicious-items/"),
    ("unattended bag", "/advice-for-the-public/suspicious-items/"),
    ("4 cs", "/advice-for-the-public/suspicious-items/"),
    ("run hide tell", "/advice-for-the-public/staying-safe-in-an-attack/"),
    ("what to do in an attack", "/advice-for-the-public/staying-safe-in-an-attack/"),
    ("bomb threat", "/advice-for-the-public/bomb-threats/"),
    ("hoax call", "/advice-for-the-public/bomb-threats/"),
    ("victim support", "/advice-for-the-public/after-an-attack/"),
    ("upload footage", "/advice-for-the-public/after-an-attack/"),
    ("deaf", "/contact/"),
    ("relay uk", "/contact/"),
    # Businesses
    ("ctsa", "/advice-for-businesses/training-and-security-advisers/"),
    ("ask for a security adviser", "/contact/security-adviser/"),
    ("martyns law", "/advice-for-businesses/martyns-law/"),
    ("hostile reconnaissance", "/advice-for-businesses/hostile-reconnaissance/"),
    ("staff training", "/advice-for-businesses/training-and-security-advisers/"),
    # What the unit does, and its cases
    ("contest", "/contest/"),
    ("pursue", "/contest/pursue/"),
    ("prepare", "/contest/prepare/"),
    ("operation norbury", "/operations/norbury/"),
    ("london stock exchange", "/operations/norbury/"),
    ("kidnap soldier", "/operations/gamble/"),
    ("edl dewsbury", "/operations/alva/"),
    ("about the unit", "/about-the-unit/"),
    # The small print
    ("privacy", "/privacy-notice/"),
    ("accessibility", "/accessibility-statement/"),
    ("feedback", "/contact/feedback/"),
    ("complaint", "/contact/feedback/"),
    ("useful links", "/useful-links/"),
    # Misspelt
    ("radicalisaton", "/advice-for-the-public/worried-about-someone/"),
    ("threat levle", "/threat-level/"),
)


def first_result(query: str) -> str | None:
    """The address a visitor sees first for the query."""
    from search import backends

    outcome = backends.search(query)
    if outcome.best_bets:
        return outcome.best_bets[0].url
    return outcome.hits[0].document.url if outcome.hits else None
