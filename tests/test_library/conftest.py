import io
import zipfile

import pypdf
from PIL import ExifTags
from PIL import Image as PILImage


def stored_files(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def photo(width=1600, height=1200, *, with_location=True) -> bytes:
    """A JPEG as a phone takes it at a scene: camera make and GPS position in its EXIF."""
    picture = PILImage.new("RGB", (width, height), (30, 90, 160))
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "PoliceCam"
    if with_location:
        exif[ExifTags.Base.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (52.0, 28.0, 48.0),
            ExifTags.GPS.GPSLongitudeRef: "W",
            ExifTags.GPS.GPSLongitude: (1.0, 53.0, 24.0),
        }
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def png(width=400, height=300) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 20, 20)).save(out, "PNG")
    return out.getvalue()


def pdf(pages=2) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx(*, macros=False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    return out.getvalue()
