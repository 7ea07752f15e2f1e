"""Starter synonyms and best bets: the words people use for what the site calls something
else, from the questions the public asks. Safe to run again; staff own them once they exist."""

from search.models import BestBet, Synonym

SYNONYMS = (
    "package, item, bag, parcel, rucksack, suitcase, luggage",
    "ctsa, security adviser, counter terrorism security adviser, protective security",
    "radicalised, radicalisation, radicalise, extremism, extremist, drawn into",
    "son, daughter, child, children, teenager, young person, family, relative, brother, "
    "sister, friend, someone close",
    "worried, concerned, concern, worry",
    "attack, incident, shooting, stabbing",
    "run hide tell, staying safe, firearms or weapons attack",
    "bomb threat, hoax call, threatening call",
    "deaf, hard of hearing, relay uk, textphone, bsl, sign language, speech-impaired",
    "suspicious, odd, strange, unusual",
    "threat level, national threat level",
    "complain, complaint, feedback",
    "martyn's law, protect duty, terrorism premises act",
    "footage, video, photos, pictures",
)

BEST_BETS = (
    {
        "query": "threat level",
        "url": "/threat-level/",
        "title": "The national threat level",
        "description": "The UK's current threat level from terrorism and what it means.",
    },
    {
        "query": "report",
        "url": "/contact/",
        "title": "Report suspected terrorism",
        "description": "Every way to report: by phone, online, anonymously, or by text relay.",
    },
)


def load() -> int:
    created = 0
    if not Synonym.objects.exists():
        for terms in SYNONYMS:
            synonym = Synonym(terms=terms)
            synonym.full_clean()
            synonym.save()
            created += 1
    if not BestBet.objects.exists():
        for spec in BEST_BETS:
            bet = BestBet(**spec)
            bet.full_clean()
            bet.save()
            created += 1
    return created
