"""The sizes and formats pages show an image in, each made once on first request and kept.

Pages offer AVIF first (about half the bytes of WebP for the same look on a detailed photo:
bench/page_weight.py), then WebP, then the original format for the rest."""

import io

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image as PILImage

from library.models import Image, Rendition

WIDTHS = (320, 480, 640, 800, 960, 1280, 1920)
CONTENT_TYPES = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "avif": "image/avif",
}
EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "webp": ".webp", "avif": ".avif"}
# The formats every image is offered in besides its own, best first.
MODERN = ("avif", "webp")
# Quality chosen by eye on a detailed photo (a circuit board, small print) at a phone's size:
# AVIF 50 looks like WebP 80 at 49% of its bytes. Speed 6 makes a 1,920-pixel AVIF in about a
# second; slower speeds saved under 1%.
ENCODE = {
    "avif": ("AVIF", {"quality": 50, "speed": 6}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True}),
    "png": ("PNG", {"optimize": True}),
}


def widths_for(image: Image) -> list[int]:
    """The standard widths narrower than the image, and the image's own width."""
    return [w for w in WIDTHS if w < image.width] + [image.width]


def rendition_name(image: Image, width: int, fmt: str) -> str:
    return f"{image.slug}-{width}{EXTENSIONS[fmt]}"


def rendition_url(image: Image, width: int, fmt: str) -> str:
    return reverse("library:file", args=["images", image.key, rendition_name(image, width, fmt)])


def thumbnail_url(image: Image) -> str:
    """The smallest rendition, for staff lists and previews."""
    return rendition_url(image, widths_for(image)[0], "webp")


def rendition_get(image: Image, width: int, fmt: str) -> Rendition:
    """The rendition, made now if this is the first time it is asked for."""
    existing = image.renditions.filter(width=width, format=fmt).first()
    if existing is not None:
        return existing
    with image.file.open("rb") as source:
        picture = PILImage.open(source)
        picture.load()
    if width < picture.width:
        height = round(picture.height * width / picture.width)
        picture = picture.resize((width, height), PILImage.Resampling.LANCZOS)
    if fmt == "jpeg" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    out = io.BytesIO()
    pil_format, options = ENCODE[fmt]
    picture.save(out, pil_format, **options)
    rendition = Rendition(image=image, width=width, format=fmt, size=out.tell())
    rendition.file.save(
        f"renditions/{image.file.name.rsplit('/', 1)[-1].split('.')[0]}-{width}{EXTENSIONS[fmt]}",
        ContentFile(out.getvalue()),
        save=False,
    )
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:  # made by another request meanwhile: keep theirs
        rendition.file.delete(save=False)
        return image.renditions.get(width=width, format=fmt)
    return rendition
