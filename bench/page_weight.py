"""What a news item with a photo weighs on a phone (issue 15): target under 60 KB compressed.

Run: .venv/bin/python bench/page_weight.py   (PHOTO=/path/to/a/real/photo.jpg to use your own)

On a throwaway database with the starter content, it uploads a 3,000 x 2,000 photo as the lead
image of a news item (a real photo when PHOTO is given; otherwise a synthetic street scene
with sensor noise, which compresses better than a detailed real photo does: give PHOTO for a
figure to trust), then adds
up what a phone 375 CSS pixels wide at 2x fetches on a first visit, each part as production
sends it: the page's HTML as the page cache stores it (brotli), every stylesheet and script the
page links to as whitenoise serves them (brotli), the favicon, and the image rendition the
browser picks from the srcset for that screen. Exits non-zero over the target.
"""

import io
import os
import random
import re
import sys
from pathlib import Path

import brotli
import throwaway  # noqa: F401 - Django on a throwaway database
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

from library import services, uploads
from library.models import Image
from news.models import NewsItem
from publishing import services as publishing

ROOT = Path(__file__).resolve().parents[1]
TARGET = 60 * 1024
PHONE_COLUMN = 375 - 30  # CSS pixels: the screen less the page margins
DPR = 2


def synthetic_photo() -> bytes:
    """Sky, buildings and people-sized shapes, softened, with a camera's sensor noise."""
    rng = random.Random(20261203)  # noqa: S311 - the same picture every run, not a secret
    width, height = 3000, 2000
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height // 2):
        shade = 140 + y * 80 // (height // 2)
        draw.line([(0, y), (width, y)], fill=(shade - 60, shade - 30, shade))
    for _ in range(60):
        x, w = rng.randrange(width), rng.randrange(80, 400)
        top = rng.randrange(height // 5, height // 2)
        grey = rng.randrange(60, 200)
        draw.rectangle([x, top, x + w, height], fill=(grey, grey - 10, grey - 20))
    for _ in range(400):
        x, y = rng.randrange(width), rng.randrange(height // 2, height)
        r = rng.randrange(10, 60)
        draw.ellipse([x, y, x + r, y + 3 * r], fill=tuple(rng.randrange(256) for _ in range(3)))
    picture = picture.filter(ImageFilter.GaussianBlur(2))
    noise = PILImage.effect_noise((width, height), 12).convert("RGB")
    picture = PILImage.blend(picture, noise, 0.12)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    return out.getvalue()


def chosen_source(srcset: str, needed: int) -> str:
    """The srcset candidate a browser picks: the narrowest at least ``needed`` wide."""
    candidates = sorted((int(width), url) for url, width in re.findall(r"(\S+) (\d+)w", srcset))
    return next((url for width, url in candidates if width >= needed), candidates[-1][1])


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("load_starter_content", verbosity=0, stdout=io.StringIO())
    photo_path = os.environ.get("PHOTO")
    content = Path(photo_path).read_bytes() if photo_path else synthetic_photo()
    checked = uploads.check_image(SimpleUploadedFile("photo.jpg", content))
    photo = services.file_store(
        Image(title="Officers at a community event", alt_text="Officers talk to families."),
        checked,
    )
    item = NewsItem(
        title="Meet your local officers",
        slug="meet-your-local-officers",
        summary="Officers will be at community events across the region this month.",
        body="Come and say hello.\n\n## Where and when\n\nEvery Saturday in December.",
        lead_image=photo,
    )
    publishing.revision_publish(revision=publishing.draft_save(obj=item, user=None), user=None)

    client = Client(HTTP_ACCEPT_ENCODING="br, gzip")
    plain_static = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=plain_static):
        path = item.get_absolute_url()
        client.get(path)  # stored in the page cache, compressed once
        page = client.get(path)
        assert page.status_code == 200, page.status_code
        html = page.content
        encoding = page.get("Content-Encoding", "none")
        text = brotli.decompress(html).decode() if encoding == "br" else html.decode()
        parts = [(f"HTML ({encoding})", len(html))]
        assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"', text)
        for asset in assets:
            file = ROOT / "static" / asset.removeprefix("/static/")
            parts.append((asset, len(brotli.compress(file.read_bytes()))))
            # A module's own imports are fetched too (main.js is one bundle today).
            if asset.endswith(".js"):
                for imported in re.findall(r'from\s*"\./([^"]+\.js)"', file.read_text()):
                    module = file.parent / imported
                    parts.append(
                        (f"{asset} -> {imported}", len(brotli.compress(module.read_bytes())))
                    )
        # A browser takes the first <source> whose type it supports: AVIF on any phone bought
        # since 2022 (Safari 16, Chrome 85, Samsung Internet 14); the WebP one otherwise.
        srcset = re.search(r'<source type="image/avif" srcset="([^"]+)"', text)[1]
        image_url = chosen_source(srcset, PHONE_COLUMN * DPR)
        image = client.get(image_url)
        parts.append((image_url.rsplit("/", 1)[-1], len(b"".join(image.streaming_content))))
    total = sum(size for _, size in parts)
    for name, size in parts:
        print(f"{size:>9,} bytes  {name}")
    print(f"{total:>9,} bytes  in all ({'a real photo' if photo_path else 'synthetic photo'})")
    print(f"target: under {TARGET:,} bytes")
    return 0 if total < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
