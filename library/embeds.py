"""Library files in pages: how a marker left by ``core.markdown`` becomes an image (responsive,
AVIF or WebP where the browser takes it, lazy below the fold) or a GOV.UK-style attachment."""

from django.template.loader import render_to_string

from core.markdown import register_embed_renderer
from library import renditions
from library.models import Document, Image

# The prose column: at most 640 px wide, and the screen less its 15 px margins on a phone.
SIZES = "(min-width: 40.0625em) 640px, calc(100vw - 30px)"


def image_context(image: Image, *, alt: str | None = None, lazy: bool = True) -> dict:
    widths = renditions.widths_for(image)
    fallback = "webp" if image.format == "webp" else image.format

    def srcset(fmt):
        return ", ".join(f"{renditions.rendition_url(image, w, fmt)} {w}w" for w in widths)

    middle = next((w for w in widths if w >= 640), widths[-1])
    return {
        "image": image,
        "alt": image.alt if alt is None or image.decorative else alt,
        "sources": [
            {"type": renditions.CONTENT_TYPES[fmt], "srcset": srcset(fmt)}
            for fmt in renditions.MODERN
            if fmt != fallback
        ],
        "srcset": srcset(fallback),
        "src": renditions.rendition_url(image, middle, fallback),
        "sizes": SIZES,
        "width": middle,
        "height": round(image.height * middle / image.width) if image.width else 0,
        "lazy": lazy,
    }


def render(wanted: list[tuple[str, int, str]]) -> dict:
    """Two queries at most, however many files a page shows."""
    ids = {kind: {pk for k, pk, _ in wanted if k == kind} for kind in ("image", "document")}
    images = Image.objects.in_bulk(ids["image"]) if ids["image"] else {}
    documents = Document.objects.in_bulk(ids["document"]) if ids["document"] else {}
    rendered = {}
    for pk, image in images.items():
        rendered[("image", pk)] = lambda label, image=image: render_to_string(
            "library/embed_image.html", image_context(image, alt=label or None)
        )
    for pk, document in documents.items():
        rendered[("document", pk)] = lambda label, document=document: render_to_string(
            "library/embed_document.html", {"document": document, "title": label or document.title}
        )
    return rendered


def register() -> None:
    register_embed_renderer(render)
