"""Create and publish the starter pages and useful links. Safe to run again.

Each page is a Markdown file under pages/content/, placed in the tree as the page is on the site
(pages/content/contest/prevent.md is /contest/prevent/), with a small header::

    ---
    title: Prevent                     (required)
    summary: One or two sentences.     (required)
    order: 10                          (its place among its siblings; 100 if not given)
    menu: CONTEST                      (a short name for menus)
    show_in_menus: yes                 (top-level pages: in the main menu)
    exit_button: yes                   (show "Exit this page")
    related:                           (related links, "Title | https://address")
      - Threat levels | https://www.mi5.gov.uk/threat-levels
    ---

Phone numbers are never typed out: write {{ emergency }}, {{ hotline }}, {{ crimestoppers }} or
{{ act_early }} and core.emergency puts in the number as a tel: link. The useful links are in
pages/starter_links.py.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from core import frontmatter
from core.emergency import fill_numbers
from library import starter as library_starter
from pages.models import Page, UsefulLink
from pages.starter_links import useful_links
from publishing import services

CONTENT = Path(__file__).resolve().parent / "content"


@dataclass(frozen=True)
class StarterPage:
    """One starter page as its file describes it."""

    url_path: str
    title: str
    summary: str
    body: str
    sort_order: int = 100
    menu_title: str = ""
    show_in_menus: bool = False
    show_exit_button: bool = False
    related_links: str = ""

    @property
    def parent_path(self) -> str | None:
        parent = self.url_path.strip("/").rpartition("/")[0]
        return f"/{parent}/" if parent else None

    @property
    def slug(self) -> str:
        return self.url_path.strip("/").rpartition("/")[2]


def _yes(value) -> bool:
    return str(value).lower() in ("yes", "true", "1")


def read_page(path: Path) -> StarterPage:
    header, body = frontmatter.read(path)
    missing = [key for key in ("title", "summary") if key not in header]
    if missing:
        raise frontmatter.FrontMatterError(f"{path}: the header needs {', '.join(missing)}")
    return StarterPage(
        url_path="/" + path.relative_to(CONTENT).with_suffix("").as_posix() + "/",
        title=header["title"],
        summary=fill_numbers(header["summary"], links=False),
        body=fill_numbers(body),
        sort_order=int(header.get("order", 100)),
        menu_title=header.get("menu", ""),
        show_in_menus=_yes(header.get("show_in_menus", "")),
        show_exit_button=_yes(header.get("exit_button", "")),
        related_links="\n".join(header.get("related", [])),
    )


def starter_pages() -> list[StarterPage]:
    """Every starter page, parents before their children."""
    pages = [read_page(path) for path in CONTENT.rglob("*.md")]
    return sorted(pages, key=lambda page: (page.url_path.count("/"), page.sort_order, page.slug))


def load() -> int:
    """Create each starter item that does not exist yet; never touch what staff have edited."""
    return load_pages() + load_useful_links()


# A starter file from the media library, by its title, on a line of its own:
# [[starter-file:How to report: poster]] becomes that file's reference when the page is loaded.
STARTER_FILE = re.compile(r"^\[\[starter-file:(?P<title>[^\]\n]+)\]\]$", re.MULTILINE)


def with_library_files(body: str) -> str:
    return STARTER_FILE.sub(lambda m: library_starter.reference(m["title"]), body)


def load_pages() -> int:
    library_starter.load()  # the poster and leaflet the pages show (nothing if they are there)
    created = 0
    for spec in starter_pages():
        if Page.objects.filter(url_path=spec.url_path).exists():
            continue
        parent = Page.objects.get(url_path=spec.parent_path) if spec.parent_path else None
        page = Page(
            parent=parent,
            slug=spec.slug,
            title=spec.title,
            summary=spec.summary,
            body=with_library_files(spec.body.strip()),
            related_links=spec.related_links,
            show_in_menus=spec.show_in_menus,
            menu_title=spec.menu_title,
            show_exit_button=spec.show_exit_button,
            sort_order=spec.sort_order,
        )
        revision = services.draft_save(obj=page, user=None, message="Starter content")
        services.revision_publish(revision=revision, user=None)
        created += 1
    return created


def load_useful_links() -> int:
    if UsefulLink.objects.exists():
        return 0  # Staff own the directory once it exists.
    links = [UsefulLink(**spec) for spec in useful_links()]
    for link in links:
        link.full_clean()
    UsefulLink.objects.bulk_create(links)
    return len(links)
