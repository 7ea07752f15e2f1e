"""Checking uploads from their content, never their name, before anything is stored.

Images must decode fully with Pillow, within a pixel limit (a decompression bomb is refused
before it is decoded), and are re-encoded, which drops EXIF (GPS location, camera, time) and
anything hidden after the image data. Documents must be one of the kinds the unit publishes
(README "Media library"), recognised by their bytes; a PDF must parse and is counted in pages.
SVG is refused: it can carry script.
"""

import hashlib
import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

IMAGE_SIGNATURES = {
    b"\xff\xd8\xff": "jpeg",
    b"\x89PNG\r\n\x1a\n": "png",
}
OOXML = {  # the part each Office Open XML kind must have
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
# PDF names for code that runs when the file is opened, or that starts another program.
ACTIVE_PDF = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)\b")


@dataclass(frozen=True)
class Checked:
    content: bytes  # what is stored: for an image, re-encoded
    original_name: str
    sha256: str
    kind: str  # an Image.Format or Document.Kind value
    width: int = 0
    height: int = 0
    pages: int | None = None


def clean_name(name: str) -> str:
    """The uploader's file name as metadata: no folders, no control characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    return name[:255] or "unnamed"


def _read(uploaded, limit_mb: int, what: str) -> bytes:
    limit = limit_mb * 1024 * 1024
    if uploaded.size == 0:
        raise ValidationError(f"The file is empty (0 bytes). Choose the {what} itself.")
    if uploaded.size > limit:
        raise ValidationError(
            f"The file is {filesizeformat(uploaded.size)}; the largest {what} we take is "
            f"{filesizeformat(limit)}. Make it smaller (export it again, or compress it) and "
            "try again."
        )
    uploaded.seek(0)
    content = uploaded.read(limit + 1)
    if len(content) > limit:
        raise ValidationError(f"The file is larger than {filesizeformat(limit)}.")
    return content


def _looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<") and (b"<svg" in head.lower() or text.startswith(b"<?xml"))


def image_kind(head: bytes) -> str | None:
    for signature, kind in IMAGE_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


NOT_AN_IMAGE = (
    "This is not a JPEG, PNG or WebP image, whatever its name says. Save or export it as one "
    "of those (a photo as JPEG, a poster or screenshot as PNG) and upload that."
)


def check_image(uploaded) -> Checked:
    content = _read(uploaded, settings.LIBRARY_MAX_IMAGE_MB, "image")
    kind = image_kind(content[:16])
    if kind is None:
        if _looks_like_svg(content[:512]):
            raise ValidationError(
                "SVG images are not accepted: they can carry code that runs in the browser. "
                "Export it as PNG and upload that."
            )
        raise ValidationError(NOT_AN_IMAGE)
    limit = settings.LIBRARY_MAX_IMAGE_PIXELS
    too_big = (
        f"the most we take is {limit / 1e6:.0f} million pixels. Resize it (3,000 pixels "
        "across is plenty for any page) and try again."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            picture = PILImage.open(io.BytesIO(content))
            if PIL_FORMATS[kind] != picture.format:
                raise ValidationError(NOT_AN_IMAGE)
            width, height = picture.size
            if width * height > limit:
                raise ValidationError(f"The image is {width:,} x {height:,} pixels; {too_big}")
            picture.load()
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise ValidationError(f"The image is far too large in pixels: {too_big}") from None
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError):
        raise ValidationError(
            "The image could not be read: it may be damaged or only partly uploaded. Open it "
            "on your computer to check, save it again, and upload it again."
        ) from None
    content, width, height = reencode(picture, kind)
    return Checked(
        content=content,
        original_name=clean_name(uploaded.name),
        sha256=hashlib.sha256(content).hexdigest(),
        kind=kind,
        width=width,
        height=height,
    )


def reencode(picture: PILImage.Image, kind: str) -> tuple[bytes, int, int]:
    """Upright, as the camera meant it, and with nothing but pixels: no EXIF, no GPS, no
    comments, no trailing data."""
    picture = ImageOps.exif_transpose(picture)
    if kind == "jpeg" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    out = io.BytesIO()
    options = {"jpeg": {"quality": 85, "optimize": True}, "png": {"optimize": True}}
    picture.save(out, PIL_FORMATS[kind], **options.get(kind, {"quality": 85}))
    return out.getvalue(), picture.width, picture.height


NOT_A_DOCUMENT = (
    "This is not a file we publish, whatever its name says. We take PDF, Word (.docx), Excel "
    "(.xlsx), PowerPoint (.pptx) and OpenDocument files: save it as one of those."
)


def document_kind(content: bytes) -> str | None:
    if content.startswith(b"%PDF-"):
        return "pdf"
    if not content.startswith(b"PK\x03\x04"):
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        if "mimetype" in names:
            return OPENDOCUMENT.get(archive.read("mimetype").strip())
        if "[Content_Types].xml" in names:
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(
                    "This file contains macros, which we do not publish. Save it as an "
                    "ordinary document (.docx, .xlsx, .pptx) or as PDF."
                )
            return next((kind for part, kind in OOXML.items() if part in names), None)
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


def check_document(uploaded) -> Checked:
    content = _read(uploaded, settings.LIBRARY_MAX_DOCUMENT_MB, "document")
    kind = document_kind(content)
    if kind is None:
        raise ValidationError(NOT_A_DOCUMENT)
    pages = None
    if kind == "pdf":
        try:
            pages = len(pypdf.PdfReader(io.BytesIO(content), strict=False).pages)
        except Exception:  # pypdf raises many kinds for a broken file; each means the same
            pages = 0
        if not pages:
            raise ValidationError(
                "This PDF could not be read: it may be damaged or only partly uploaded. Save "
                "it again as PDF from the program that made it, and upload it again."
            )
        if ACTIVE_PDF.search(content):
            raise ValidationError(
                "This PDF contains scripts, or actions that start other programs, which we do "
                "not publish. Save it again with your program's 'Save as PDF' or 'Print to "
                "PDF' (not as a form), and upload that."
            )
    return Checked(
        content=content,
        original_name=clean_name(uploaded.name),
        sha256=hashlib.sha256(content).hexdigest(),
        kind=kind,
        pages=pages,
    )
