"""Serving library files: the privacy rule on every request, long cache lifetimes for public
files (their addresses change when their content does), nothing cached for staff-only ones."""

import re

from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from core import edge
from library import access, renditions
from library.models import Document, Image

YEAR = 365 * 24 * 60 * 60
# The name's words are for people reading the address; only the key (and, for a rendition,
# its width and format) decide what is served, so a retitled file's old addresses still work.
RENDITION = re.compile(r"^[a-z0-9-]*-(?P<width>[1-9][0-9]{1,4})\.(?P<ext>jpg|png|webp|avif)$")
ORIGINAL = re.compile(r"^[a-z0-9-]*(?P<ext>\.[a-z]{3,4})$")
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
FORMATS = {"jpg": "jpeg", "png": "png", "webp": "webp", "avif": "avif"}


@require_safe
def library_file(request, kind: str, key: str, name: str):
    model = access.MODELS.get(kind)
    file = model.objects.filter(key=key).first() if model else None
    if file is None:
        raise Http404
    public = access.is_public(file)
    if not public and not access.staff_may_see(request.user, file):
        raise Http404  # a draft's file: not even whether it exists
    if isinstance(file, Image):
        response = _image_response(file, name)
    else:
        response = _document_response(file, name)
    if public:
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        edge.add_key_headers(response, [edge.object_key(file)])
    else:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


def _image_response(image: Image, name: str) -> FileResponse:
    match = None if name == f"{image.slug}{image.extension}" else RENDITION.match(name)
    if match is None:
        original = ORIGINAL.match(name)
        if original is None or original["ext"] != image.extension:
            raise Http404
        content_type = renditions.CONTENT_TYPES[image.format]
        return FileResponse(image.file.open("rb"), content_type=content_type)
    width, fmt = int(match["width"]), FORMATS[match["ext"]]
    if width not in renditions.widths_for(image) or fmt not in (*renditions.MODERN, image.format):
        raise Http404  # only the sizes pages use, so nobody can fill the disk with others
    rendition = renditions.rendition_get(image, width, fmt)
    return FileResponse(rendition.file.open("rb"), content_type=renditions.CONTENT_TYPES[fmt])


def _document_response(document: Document, name: str) -> FileResponse:
    original = ORIGINAL.match(name)
    if original is None or original["ext"] != document.extension:
        raise Http404
    inline = document.file_kind == "pdf"  # office files download; a PDF opens in the browser
    response = FileResponse(
        document.file.open("rb"),
        content_type=DOCUMENT_TYPES[document.file_kind],
        as_attachment=not inline,
        filename=f"{document.slug}{document.extension}",
    )
    return response
