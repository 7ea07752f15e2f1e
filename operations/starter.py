"""Create and publish the six starter operations. Safe to run again.

The facts come from the unit's own account of its operations (../shared/seeds/000_*.txt). That
is the unit's old web page, not a court record: where court reporting says otherwise (Norbury's
dates and pleas, the spelling of Parviz Khan's name, the year of Alva's guilty pleas), the court
record wins, and ``fact_sources`` tells staff what changed and why. Where no source gives a fact
(a sentence length, a year), the field is left empty for staff to fill in from a checked
source. ``facts_last_checked`` is left empty too: writing the text is not checking every fact
against the court record, and the page says where its facts come from instead.
"""

from operations.models import Operation, Outcome, Strand
from publishing import services

OPERATIONS = [
    {
        "slug": "pitsford",
        "name": "Operation Pitsford",
        "summary": "Eleven men from Birmingham convicted of terrorism, three of them for "
        "plotting a bombing campaign in the UK.",
        "people_from": "Birmingham",
        "conviction_year": 2013,
        "number_convicted": 11,
        "outcome": Outcome.MIXED,
        "offences": "Acts of terrorism.",
        "sentences": "All 11 men were sentenced in 2013. Three of them will serve lengthy "
        "terms for plotting a bombing campaign in the UK.",
        "body": """
Operation Pitsford investigated a group of 11 extremists from Birmingham.

Each of them either pleaded guilty to acts of terrorism or was convicted of them. The men were
sentenced in 2013.

Three of the men had plotted a bombing campaign in the UK which could have been bigger than the
London attacks of 2005. They will serve lengthy terms in prison.
""",
    },
    {
        "slug": "norbury",
        "name": "Operation Norbury",
        "summary": "Nine men from Stoke-on-Trent, Cardiff and London, arrested in December 2010, "
        "who pleaded guilty in 2012, including to a plot to bomb the London Stock Exchange.",
        "people_from": "Stoke-on-Trent, Cardiff and London",
        "investigation_start_year": 2010,
        "conviction_year": 2012,
        "number_convicted": 9,
        "outcome": Outcome.PLEADED_GUILTY,
        "offences": "A range of terrorism offences, including plotting to cause an explosion at "
        "the London Stock Exchange and planning a terrorist training camp in Pakistan.",
        "sentences": "All nine were sentenced at Woolwich Crown Court in February 2012.",
        "facts_source": "Court reporting of the guilty pleas and sentencing at Woolwich Crown "
        "Court in February 2012, and the unit's own account of the case.",
        "fact_sources": """Arrests, 20 December 2010: court reporting.
Guilty pleas, Woolwich Crown Court, 1 February 2012: court reporting.
Sentencing, February 2012: court reporting.
Offences (London Stock Exchange, training camp in Pakistan): the unit's old web page, agreeing
with court reporting.
Corrected from the unit's old web page, which said the nine were "convicted in January 2011":
court reporting has them arrested on 20 December 2010 and pleading guilty on 1 February 2012.
The court record wins.""",
        "body": """
Operation Norbury was our investigation into nine men from Stoke-on-Trent, Cardiff and London.

We arrested them on 20 December 2010. On 1 February 2012, at Woolwich Crown Court, all nine
pleaded guilty to a range of terrorism offences, and they were sentenced later that month.
Among the offences were:

- plotting to cause an explosion at the London Stock Exchange
- planning a terrorist training camp in Pakistan
""",
    },
    {
        "slug": "gamble",
        "name": "Operation Gamble",
        "summary": "A plot to kidnap and murder a British Muslim soldier: five men convicted in "
        "2008 and four more in 2009.",
        "conviction_year": 2008,
        "number_convicted": 9,
        "offences": "A range of offences around a plan to kidnap and murder a British Muslim "
        "soldier (2008). Helping to facilitate terrorism overseas (2009).",
        "sentences": "Five men were convicted in 2008 and four more in 2009. Parviz Khan was "
        "given a life sentence for his role.",
        "facts_source": "The unit's own account of the case, with the spelling of names from "
        "court reporting.",
        "fact_sources": """Convictions in 2008 and 2009, life sentence: the unit's old web page.
Corrected from the unit's old web page, which spelt the name "Parvaiz Khan": court reporting
spells it Parviz Khan. The court record wins.""",
        "body": """
At the centre of the plot uncovered by Operation Gamble was a plan to kidnap and murder a British
Muslim soldier.

Five men were convicted of a range of offences in 2008. One of them, Parviz Khan, was given a
life sentence for his part in the plot.

In 2009 four more men were convicted for their part in helping to facilitate terrorism overseas.
""",
    },
    {
        "slug": "alva",
        "name": "Operation Alva",
        "summary": "Six men who plotted an attack on an EDL rally in Dewsbury in 2012; all "
        "pleaded guilty in 2013.",
        "investigation_start_year": 2012,
        "conviction_year": 2013,
        "number_convicted": 6,
        "outcome": Outcome.PLEADED_GUILTY,
        "offences": "Plotting an attack on an English Defence League (EDL) rally in Dewsbury "
        "in 2012.",
        "body": """
Operation Alva concerned a group of six terrorists who plotted to attack an English Defence
League (EDL) rally in Dewsbury in 2012.

Police found knives, guns and an improvised explosive device. That discovery started a major
investigation, worked around the clock, to find the people responsible.

All six men pleaded guilty, at the Old Bailey in 2013.
""",
        "facts_source": "The unit's own account of the case, with the year of the guilty pleas "
        "from court reporting.",
        "fact_sources": """Plot, discovery and guilty pleas: the unit's old web page.
Year of the guilty pleas and sentencing (2013, the Old Bailey): court reporting. The unit's old
web page gave no year, so the operation fell in no decade on the public list.""",
    },
    {
        "slug": "ranmoor",
        "name": "Operation Ranmoor",
        "summary": "A 2010 investigation into online activity that led to a conviction for "
        "soliciting the murder of MPs.",
        "investigation_start_year": 2010,
        "conviction_year": 2011,
        "number_convicted": 1,
        "offences": "Soliciting the murder of MPs who had voted for the Iraq War.",
        "body": """
In 2010 Operation Ranmoor investigated the online activity of Bilal Ahmad.

In 2011 he was convicted of soliciting the murder of Members of Parliament who had voted for the
Iraq War.
""",
    },
    {
        "slug": "spherical",
        "name": "Operation Spherical",
        "summary": "A 2008 conviction for attempting to make bombs for a terrorist attack.",
        "conviction_year": 2008,
        "number_convicted": 1,
        "offences": "Attempting to make bombs for a terrorist attack.",
        "body": """
Operation Spherical led to the conviction in 2008 of Hassan Tabbakh, who had tried to make bombs
for a terrorist attack.
""",
    },
]


def load() -> int:
    """Create and publish each starter operation that does not exist yet; never touch the rest."""
    created = 0
    for spec in OPERATIONS:
        if Operation.objects.filter(slug=spec["slug"]).exists():
            continue
        operation = Operation(**{**spec, "body": spec["body"].strip()}, strand=Strand.PURSUE)
        operation.full_clean()
        revision = services.draft_save(obj=operation, user=None, message="Starter content")
        services.revision_publish(revision=revision, user=None)
        created += 1
    return created
