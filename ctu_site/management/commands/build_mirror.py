"""``manage.py build_mirror``: every public page as plain files, for the edge to fall back to.

GOV.UK keeps static mirrors of its pages behind its CDN and serves them when its own servers
cannot answer. This does the same for the site: it renders every page of the sitemap, the
contact pages, the home page and the error pages as an anonymous visitor sees them, puts a
"saved copy, made at ..." notice with the emergency numbers at the top of each, and writes them
with the static files and the media library files those pages show (each image in every size
and format its srcset offers, each attached document) into a directory that nginx serves
(deploy/nginx/ctu_site.conf, the mirror server) and Varnish falls back to when every app server
is down (deploy/varnish/default.vcl).

Each build goes into a directory of its own and the mirror's address (``MIRROR_ROOT``, a
symbolic link) is switched to it in one step, so nginx never serves half a build; a build with a
page that does not render leaves the previous mirror in place and exits with an error. It runs
on a timer (deploy/systemd/ctu-build-mirror.timer) and after every publish (core/mirror.py).
"""

import datetime as dt
import fcntl
import gzip
import json
import os
import re
import secrets
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http.request import split_domain_port, validate_host
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import timezone

from core import emergency, errors
from ctu_site.sitemaps import sitemaps

MANIFEST = "mirror.json"
# The notice goes straight after the opening tag of the page's main element.
MAIN_OPENING = 'id="main-content">'
# Media library files a page shows or links to (src, srcset, href): /files/<kind>/<key>/<name>.
LIBRARY_FILE = re.compile(r"/files/(?:images|documents)/[A-Za-z0-9]+/[A-Za-z0-9._-]+")
# Builds kept besides the current one, for looking back at what was served.
KEEP_PREVIOUS = 1


class MirrorError(CommandError):
    pass


def mirror_paths() -> list[str]:
    """The addresses to mirror: the sitemap's, in its order, each once."""
    paths = ["/"]
    for sitemap in sitemaps().values():
        for item in sitemap.items():
            paths.append(sitemap.location(item))
    return list(dict.fromkeys(paths))


def read_manifest(root: Path) -> dict | None:
    try:
        return json.loads((root / MANIFEST).read_text())
    except (OSError, ValueError):
        return None


def add_notice(html: str, notice: str) -> str:
    at = html.find(MAIN_OPENING)
    if at == -1:
        return html
    at += len(MAIN_OPENING)
    return html[:at] + notice + html[at:]


class Command(BaseCommand):
    help = (
        "Render every public page into a static mirror that the edge serves when the app "
        "servers are down. Replaces the mirror at MIRROR_ROOT in one step."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Where the mirror goes (a symbolic link): MIRROR_ROOT by default."
        )
        parser.add_argument(
            "--if-older-than",
            type=float,
            metavar="UNIX_TIME",
            help="Do nothing if the current mirror was started at or after this time (after "
            "a publish, several queued rebuilds make one build).",
        )

    def handle(self, *args, **options):
        output = options["output"] or settings.MIRROR_ROOT
        if not output:
            raise CommandError("Say where the mirror goes: set MIRROR_ROOT or pass --output.")
        output = Path(output).absolute()
        if output.exists() and not output.is_symlink():
            raise CommandError(
                f"{output} is a directory, not a mirror made by build_mirror: move it aside."
            )
        builds = output.parent / f".{output.name}-builds"
        builds.mkdir(parents=True, exist_ok=True)
        with open(builds / ".lock", "w") as lock:
            # One build at a time; a rebuild asked for during a build waits for it and then
            # finds out whether that build was new enough.
            fcntl.flock(lock, fcntl.LOCK_EX)
            wanted_after = options["if_older_than"]
            current = read_manifest(output)
            if wanted_after is not None and current and current["started"] >= wanted_after:
                self.stdout.write("The mirror is already newer than the change: not rebuilt.")
                return
            self.build(output, builds)

    def build(self, output: Path, builds: Path) -> None:
        started = timezone.now()
        target = builds / f"{started:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
        target.mkdir()
        try:
            pages = self.write_pages(target, started)
            self.copy_static(target)
            (target / MANIFEST).write_text(
                json.dumps(
                    {
                        "made_at": started.isoformat(),
                        "started": started.timestamp(),
                        "pages": pages,
                    },
                    indent=1,
                )
            )
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        # Switch the mirror's address to the new build in one rename.
        link = output.parent / f".{output.name}.new"
        link.unlink(missing_ok=True)
        link.symlink_to(target)
        os.replace(link, output)
        self.remove_old_builds(builds, keep=target)
        self.stdout.write(
            self.style.SUCCESS(f"Mirrored {len(pages)} pages into {output} (-> {target.name}).")
        )

    def write_pages(self, target: Path, made_at: dt.datetime) -> list[str]:
        host = urlsplit(settings.SITE_URL).netloc
        if not validate_host(split_domain_port(host)[0], settings.ALLOWED_HOSTS):
            raise MirrorError(f"SITE_URL's host {host} is not in ALLOWED_HOSTS.")
        client = Client(HTTP_HOST=host, raise_request_exception=False)
        context = {
            "made_at": made_at,
            "emergency": emergency.EMERGENCY,
            "hotline": emergency.ANTI_TERRORIST_HOTLINE,
        }
        notice = render_to_string("includes/components/mirror_notice.html", context)
        failed, written, files = [], [], {}
        for path in mirror_paths():
            response = client.get(path, secure=True)
            if response.status_code != 200:
                failed.append(f"{path} ({response.status_code})")
                continue
            html = response.content.decode()
            self.write(target, path, html, notice)
            written.append(path)
            files.update(dict.fromkeys(LIBRARY_FILE.findall(html)))
        if failed:
            raise MirrorError(
                "These pages did not render, so the mirror was not replaced: " + ", ".join(failed)
            )
        # The pages nginx answers with when an address is not in the mirror.
        missing = client.get(f"/mirror-{secrets.token_hex(8)}/", secure=True)
        if missing.status_code != 404:
            raise MirrorError(f"A missing page answered {missing.status_code}, not 404.")
        self.write(target, "/404.html", missing.content.decode(), notice)
        request = RequestFactory().get("/", secure=True, headers={"host": host})
        unavailable = errors.service_unavailable(request)
        self.write(target, "/503.html", unavailable.content.decode(), notice)
        self.write_library_files(target, client, files)
        return written

    def write_library_files(self, target: Path, client: Client, paths: dict) -> None:
        """Each file as the public gets it (only public files answer 200 to an anonymous
        visitor, so a draft's file never reaches the mirror). A file that does not answer is
        left out with a warning: its page is in the mirror all the same."""
        for path in paths:
            response = client.get(path, secure=True)
            if response.status_code != 200:
                self.stderr.write(f"{path} answered {response.status_code}: not in the mirror.")
                continue
            destination = (target / path.lstrip("/")).resolve()
            if not destination.is_relative_to(target.resolve()):
                raise MirrorError(f"{path} is not an address inside the mirror.")
            destination.parent.mkdir(parents=True, exist_ok=True)
            with open(destination, "wb") as out:
                for chunk in response.streaming_content:
                    out.write(chunk)

    def write(self, target: Path, path: str, html: str, notice: str) -> None:
        relative = path.lstrip("/")
        if not relative.endswith(".html"):
            # "/" is index.html, "/contest/" is contest/index.html.
            relative = f"{relative.rstrip('/')}/index.html".lstrip("/")
        destination = (target / relative).resolve()
        if not destination.is_relative_to(target.resolve()):
            raise MirrorError(f"{path} is not an address inside the mirror.")
        destination.parent.mkdir(parents=True, exist_ok=True)
        body = add_notice(html, notice).encode()
        destination.write_bytes(body)
        # nginx's gzip_static sends this to browsers that take gzip.
        Path(f"{destination}.gz").write_bytes(gzip.compress(body, 9, mtime=0))

    def copy_static(self, target: Path) -> None:
        root = Path(settings.STATIC_ROOT)
        if root.is_dir() and any(root.iterdir()):
            shutil.copytree(root, target / settings.STATIC_URL.strip("/"))
        else:
            self.stderr.write(
                f"{root} is empty: the mirror's pages have no styles. Run collectstatic first."
            )

    def remove_old_builds(self, builds: Path, keep: Path) -> None:
        old = sorted(
            (b for b in builds.iterdir() if b.is_dir() and b != keep),
            key=lambda b: b.name,
        )
        for build in old[: max(len(old) - KEEP_PREVIOUS, 0)]:
            shutil.rmtree(build, ignore_errors=True)
