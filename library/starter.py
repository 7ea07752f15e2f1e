"""Starter files of the unit's own making: a printable "How to report" poster (as an image and
as a PDF) and a "Worried about someone?" leaflet, made here from our own words with the
numbers from core.emergency, so nothing is third-party artwork and every number is right.

Safe to run again: a file whose title is in the library already is left as staff edited it.
"""

import io

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from core.emergency import ACT_EARLY, ANTI_TERRORIST_HOTLINE, EMERGENCY
from library import services, uploads
from library.models import Collection, Document, Image

NAVY, WHITE, BLACK, RED = (29, 43, 79), (255, 255, 255), (11, 12, 12), (212, 53, 28)

POSTER_TITLE = "How to report: poster"
POSTER_PDF_TITLE = "How to report: poster to print (A4)"
LEAFLET_TITLE = "Worried about someone? Leaflet"


def poster_lines() -> list[tuple[str, int, tuple]]:
    return [
        ("If you see something suspicious,", 64, BLACK),
        ("report it.", 64, BLACK),
        ("", 40, BLACK),
        (f"In an emergency, call {EMERGENCY.number}", 56, RED),
        ("", 30, BLACK),
        ("Anti-Terrorist Hotline", 48, BLACK),
        (ANTI_TERRORIST_HOTLINE.number, 96, NAVY),
        ("", 30, BLACK),
        ("Or report online:", 44, BLACK),
        (settings.ACT_ONLINE_REPORT_URL.removeprefix("https://").rstrip("/"), 44, NAVY),
        ("", 40, BLACK),
        ("Trust your instincts. Your report is", 40, BLACK),
        ("confidential, and it could save lives.", 40, BLACK),
    ]


def poster_png() -> bytes:
    width, height = 1240, 1754  # A4 at 150 dpi
    poster = PILImage.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(poster)
    draw.rectangle([0, 0, width, 260], fill=NAVY)
    draw.text((80, 80), settings.UNIT_NAME, font=ImageFont.load_default(size=44), fill=WHITE)
    draw.text(
        (80, 150), "Counter Terrorism Policing", font=ImageFont.load_default(size=36), fill=WHITE
    )
    y = 360
    for text, size, colour in poster_lines():
        if text:
            draw.text((80, y), text, font=ImageFont.load_default(size=size), fill=colour)
        y += int(size * 1.35)
    out = io.BytesIO()
    poster.save(out, "PNG")
    return out.getvalue()


def _pdf(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author(settings.UNIT_NAME)
    pdf.set_lang("en-GB")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_fill_color(*NAVY)
    pdf.rect(0, 0, 210, 40, style="F")
    pdf.set_text_color(*WHITE)
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_xy(15, 14)
    pdf.cell(0, 10, settings.UNIT_NAME)
    pdf.set_text_color(*BLACK)
    pdf.set_y(55)
    return pdf


def poster_pdf() -> bytes:
    pdf = _pdf(POSTER_PDF_TITLE)
    for text, size, colour in poster_lines():
        pdf.set_text_color(*colour)
        pdf.set_font("Helvetica", "B" if size >= 56 else "", size * 0.45)
        pdf.cell(0, size * 0.22, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


LEAFLET = [
    ("h", "Worried about someone?"),
    (
        "p",
        "If you are worried that someone you know is being drawn into terrorism, you can get "
        "help early, before they come to harm or harm anyone else.",
    ),
    ("h", "What to look out for"),
    (
        "p",
        "A change in how they behave, who they spend time with, or what they say or watch "
        "online. You do not need to be sure: if something worries you, ask for advice.",
    ),
    ("h", "Who to talk to"),
    (
        "p",
        f"Call {ACT_EARLY.name} on {ACT_EARLY.number} for confidential advice from specially "
        "trained officers, or talk to the safeguarding lead at a school, college or workplace.",
    ),
    (
        "p",
        "Prevent is about support, not punishment. Most people who are referred get help "
        "from local services and are never involved with the police again.",
    ),
    ("h", "In an emergency"),
    (
        "p",
        f"If someone is in immediate danger, call {EMERGENCY.number}. To report possible "
        f"terrorist activity, call the {ANTI_TERRORIST_HOTLINE.name} on "
        f"{ANTI_TERRORIST_HOTLINE.number}.",
    ),
]


def leaflet_pdf() -> bytes:
    pdf = _pdf(LEAFLET_TITLE)
    for kind, text in LEAFLET:
        if kind == "h":
            pdf.ln(4)
            pdf.set_font("Helvetica", "B", 18)
            pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 12)
            pdf.multi_cell(0, 6.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    return bytes(pdf.output())


POSTER_ALT = (
    f"Poster: If you see something suspicious, report it. In an emergency, call "
    f"{EMERGENCY.number}. Anti-Terrorist Hotline {ANTI_TERRORIST_HOTLINE.number}, or report "
    "online. Trust your instincts: your report is confidential and could save lives."
)


def starter_files() -> list[tuple[type, str, dict, callable, str]]:
    return [
        (
            Image,
            POSTER_TITLE,
            {"alt_text": POSTER_ALT, "caption": "Print it for a staff room or a notice board."},
            poster_png,
            "how-to-report-poster.png",
        ),
        (Document, POSTER_PDF_TITLE, {}, poster_pdf, "how-to-report-poster.pdf"),
        (Document, LEAFLET_TITLE, {}, leaflet_pdf, "worried-about-someone.pdf"),
    ]


def reference(title: str) -> str:
    """The reference of a starter file, for the starter pages that show it."""
    for model in (Image, Document):
        found = model.objects.filter(title=title).first()
        if found is not None:
            return found.reference()
    raise LookupError(f"No starter file called {title!r}: library.starter.load() runs first")


def load() -> int:
    collection, _ = Collection.objects.get_or_create(name="Posters and leaflets")
    created = 0
    for model, title, fields, make, name in starter_files():
        if model.objects.filter(title=title).exists():
            continue
        check = uploads.check_image if model is Image else uploads.check_document
        checked = check(SimpleUploadedFile(name, make()))
        services.file_store(model(title=title, collection=collection, **fields), checked)
        created += 1
    return created
