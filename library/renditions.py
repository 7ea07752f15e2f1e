"""The sizes and formats pages show an image in, each made once on first request and kept."""

import io

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image as PILImage

from library.models import Image, Rendition

WIDTHS = (320, 480, 640, 800, 960, 1280, 1920)
CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}


def widths_for(image: Image) -> list[int]:
    """The standard widths narrower than the image, and the image's own width."""
    return [w for w in WIDTHS if w < image.width] + [image.width]


def rendition_name(image: Image, width: int, fmt: str) -> str:
    return f"{image.slug}-{width}{EXTENSIONS[fmt]}"


def rendition_url(image: Image, width: int, fmt: str) -> str:
    return reverse("library:file", args=["images", image.key, rendition_name(image, width, fmt)])


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
    options = {"webp": {"quality": 80, "method": 4}, "jpeg": {"quality": 82, "optimize": True}}
    picture.save(out, {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[fmt], **options.get(fmt, {}))
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
