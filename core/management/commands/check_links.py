"""Check every outbound link on the public site and report the broken ones.

Run it weekly from a timer, and before a release. Exits with status 1 when a link is broken.
"""

from django.core.management.base import BaseCommand, CommandError

from core.links import check_links, outbound_links


class Command(BaseCommand):
    help = "Check every outbound link on the site (with a timeout) and list the broken ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="seconds to wait for each site"
        )
        parser.add_argument("--workers", type=int, default=8, help="links checked at once")

    def handle(self, *args, timeout, workers, **options):
        links = outbound_links()
        results = check_links(sorted(links), timeout=timeout, workers=workers)
        broken = [result for result in results if not result.ok]
        for result in broken:
            self.stdout.write(self.style.ERROR(f"BROKEN {result.url} ({result.detail})"))
            for where in links[result.url]:
                self.stdout.write(f"    found on: {where}")
        plural = "" if len(results) == 1 else "s"
        summary = f"{len(results)} link{plural} checked, {len(broken)} broken."
        if broken:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
