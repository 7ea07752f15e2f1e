"""The six starter operations: published, with the facts exactly as the seeds give them."""

import html as html_module
import re

import pytest

from operations import starter
from operations.models import Operation, Outcome, Strand
from publishing.models import PublishState

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    """The operations app's starter content, loaded once."""
    return starter.load()


def key_facts(html: str) -> dict[str, str]:
    """The key-facts panel as {key: value}, with tags and extra spaces removed."""
    start = html.index('class="app-key-facts"')
    panel = html[start : html.index("</section>", start)]
    rows = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", panel, re.S)
    return {
        key: html_module.unescape(" ".join(re.sub(r"<[^>]+>", "", value).split()))
        for key, value in rows
    }


def test_all_six_operations_are_published_and_listed(client, loaded):
    assert loaded == 6
    assert {o.publish_state for o in Operation.objects.all()} == {PublishState.LIVE}
    html = client.get("/operations/").content.decode()
    for name in ("Pitsford", "Norbury", "Gamble", "Alva", "Ranmoor", "Spherical"):
        assert f"Operation {name}</a>" in html


@pytest.mark.parametrize(
    ("slug", "facts", "text"),
    [
        (
            "pitsford",
            {
                "People convicted": "11",
                "Where they were from": "Birmingham",
                "Convicted or sentenced": "2013",
                "Outcome": "Some pleaded guilty, some convicted after trial",
            },
            ["sentenced in 2013", "Three of them", "bombing campaign"],
        ),
        (
            "norbury",
            {
                "People convicted": "9",
                "Where they were from": "Stoke-on-Trent, Cardiff and London",
                "Investigation": "2010",
                "Convicted or sentenced": "2012",
                "Outcome": "Pleaded guilty",
                "Sentences": "All nine were sentenced at Woolwich Crown Court in February 2012.",
            },
            [
                "20 December 2010",
                "1 February 2012, at Woolwich Crown Court",
                "London Stock Exchange",
                "training camp in Pakistan",
            ],
        ),
        (
            "gamble",
            {"Convicted or sentenced": "2008", "People convicted": "9"},
            [
                "kidnap and murder a British Muslim soldier",
                "Five men were convicted",
                "in 2008",
                "Parviz Khan",
                "life sentence",
                "four more men were convicted",
                "2009",
                "terrorism overseas",
            ],
        ),
        (
            "alva",
            {
                "People convicted": "6",
                "Outcome": "Pleaded guilty",
                "Convicted or sentenced": "2013",
            },
            ["EDL", "Dewsbury in 2012", "knives, guns and an improvised explosive device"],
        ),
        (
            "ranmoor",
            {"Investigation": "2010", "Convicted or sentenced": "2011", "People convicted": "1"},
            ["Bilal Ahmad", "online activity", "MPs who had voted for the Iraq War"],
        ),
        (
            "spherical",
            {"Convicted or sentenced": "2008", "People convicted": "1"},
            ["Hassan Tabbakh", "make bombs"],
        ),
    ],
)
def test_each_starter_operation_carries_the_facts_from_the_seeds(client, loaded, slug, facts, text):
    response = client.get(f"/operations/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    shown = key_facts(html)
    for key, value in facts.items():
        assert shown.get(key) == value, (slug, key, shown.get(key))
    assert shown["Part of CONTEST"] == "Pursue"
    # Where the facts come from, in words: never a bare "Not recorded".
    assert "Not recorded" not in shown.values()
    assert shown["Where the facts come from"].startswith(("The unit's own account", "Court"))
    assert "Facts last checked" not in shown  # loading the text is not checking it
    for fragment in text:
        assert fragment in html, (slug, fragment)


def test_no_fact_neither_the_seeds_nor_the_court_record_give_is_filled_in(loaded):
    """Outcome, sentence lengths, years and places stay empty where the sources are silent."""
    by_slug = {o.slug: o for o in Operation.objects.all()}
    assert {slug for slug, o in by_slug.items() if o.outcome} == {"pitsford", "norbury", "alva"}
    assert by_slug["pitsford"].outcome == Outcome.MIXED
    assert by_slug["alva"].conviction_year == 2013  # the pleas; 2012 was the rally
    assert all(o.facts_last_checked is None for o in by_slug.values())
    assert all(o.strand == Strand.PURSUE for o in by_slug.values())
    assert not any(re.search(r"\d+ years", o.sentences) for o in by_slug.values())


def test_where_the_court_record_differs_from_the_seeds_the_court_record_wins(client, loaded):
    """Norbury's dates and Gamble's spelling follow court reporting, on every public surface,
    and staff can read in the operation what was corrected and where each fact comes from."""
    surfaces = [
        client.get(path).content.decode()
        for path in (
            "/",
            "/operations/",
            "/operations/timeline/",
            "/operations/norbury/",
            "/operations/gamble/",
            "/search/?q=norbury",
            "/search/?q=gamble",
        )
    ]
    for html in surfaces:
        assert "January 2011" not in html
        assert "Parvaiz" not in html
    norbury = Operation.objects.get(slug="norbury")
    assert "convicted in January 2011" in norbury.fact_sources
    assert "Woolwich Crown Court, 1 February 2012" in norbury.fact_sources
    assert "Parvaiz" in Operation.objects.get(slug="gamble").fact_sources
    # Staff-only: the notes never reach a public page.
    for html in surfaces:
        assert "The court record wins" not in html


def test_only_people_the_seeds_name_are_named(loaded):
    named = {"Parviz Khan": "gamble", "Bilal Ahmad": "ranmoor", "Hassan Tabbakh": "spherical"}
    for operation in Operation.objects.all():
        text = " ".join(
            operation.revision_content()[f] or ""
            for f in ("summary", "body", "sentences", "offences")
        )
        for person, slug in named.items():
            assert (person in text) == (operation.slug == slug), (person, operation.slug)


def test_loading_again_creates_nothing_and_keeps_staff_edits(loaded):
    Operation.objects.filter(slug="gamble").update(summary="Edited by staff")
    assert starter.load() == 0
    assert Operation.objects.count() == 6
    assert Operation.objects.get(slug="gamble").summary == "Edited by staff"
