"""Every public page of the starter site, read as HTML: machine-readable values that validate."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

# HTML's valid date string and valid global date and time string (at most three digits of a
# second, an offset or Z): https://html.spec.whatwg.org/#dates-and-times
VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?"
)


@pytest.fixture
def public_paths(client, settings):
    call_command("load_starter_content", verbosity=0)
    settings.SITE_URL = "https://ctu.example.police.uk"
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [
        url.findtext("sm:loc", namespaces=ns).removeprefix(settings.SITE_URL)
        for url in root.findall("sm:url", ns)
    ]


def test_every_time_element_carries_a_valid_machine_readable_datetime(client, public_paths):
    seen = 0
    for path in public_paths:
        html = client.get(path).content.decode()
        for value in re.findall(r'<time datetime="([^"]*)"', html):
            seen += 1
            assert VALID_DATETIME.fullmatch(value), (path, value)
    assert seen > 20  # the news, the operations' pages and every page's "Last updated"
