"""Who can fetch a file, and how it shows in a page: a draft's document is staff only until
the page is published, and private again once it is not; renditions are made once."""

import io
from io import StringIO

import pypdf
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from alerts.models import Incident
from library import renditions
from library.models import Document, Image, Rendition, Usage
from publishing import services
from tests.test_library.conftest import pdf, photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(client, editor):
    client.force_login(editor)
    client.post(
        "/admin/library/document/add/",
        {"upload": SimpleUploadedFile("r.pdf", pdf(4)), "title": "Annual report 2025"},
    )
    client.logout()
    return Document.objects.get()


@pytest.fixture
def poster(client, editor):
    client.force_login(editor)
    client.post(
        "/admin/library/image/add/",
        {
            "upload": SimpleUploadedFile("p.jpg", photo(1500, 1000)),
            "title": "How to report poster",
            "alt_text": "Poster: if you see something suspicious, call 999 or 0800 789 321.",
            "caption": "Print it for your staff room.",
            "credit": "West Midlands CTU",
        },
    )
    client.logout()
    return Image.objects.get()


def test_a_drafts_document_is_private_until_published_and_again_once_unpublished(
    client, editor, publisher, make_news, report
):
    item = make_news("Our annual report", publish=False, body=f"Read it.\n\n{report.reference()}\n")
    url = report.get_absolute_url()
    assert client.get(url).status_code == 404  # the public: not even that it exists

    client.force_login(editor)
    staff = client.get(url)
    assert staff.status_code == 200 and staff["Cache-Control"] == "private, no-store"
    assert b"".join(staff.streaming_content).startswith(b"%PDF-")
    client.logout()

    services.object_publish(obj=item, user=publisher)
    public = client.get(url)
    assert public.status_code == 200
    assert public["Content-Type"] == "application/pdf"
    assert "max-age=31536000" in public["Cache-Control"] and "public" in public["Cache-Control"]
    assert f"library.document-{report.pk}" in public["Surrogate-Key"]

    page = client.get(item.get_absolute_url()).text
    assert "Annual report 2025" in page and "PDF, " in page and "4 pages" in page
    assert "may not be suitable for users of assistive technology" in page
    assert f'href="{url}"' in page

    item.refresh_from_db()
    services.object_unpublish(obj=item, user=publisher)
    assert client.get(url).status_code == 404


def test_removing_a_file_from_the_last_published_page_takes_it_off(
    client, publisher, make_page, report
):
    page = make_page("reports", body=report.reference())
    assert client.get(report.get_absolute_url()).status_code == 200
    page.body = "No report any more."
    services.object_publish(obj=page, user=publisher) if False else services.revision_publish(
        revision=services.draft_save(obj=page, user=publisher), user=publisher
    )
    assert client.get(report.get_absolute_url()).status_code == 404


def test_a_publisher_can_make_a_file_public_without_a_page(client, publisher, report):
    assert client.get(report.get_absolute_url()).status_code == 404
    client.force_login(publisher)
    change = reverse("admin:library_document_change", args=[report.pk])
    response = client.post(change, {"title": report.title, "make_public": "on"})
    assert response.status_code == 302
    client.logout()
    assert client.get(report.get_absolute_url()).status_code == 200


def test_an_image_in_a_page_is_responsive_lazy_and_has_its_alt_text(client, make_page, poster):
    page = make_page("posters", body=f"Print these.\n\n{poster.reference()}\n")
    html = client.get(page.get_absolute_url()).text
    assert "<picture>" in html
    # AVIF first (the browser takes the first type it supports), then WebP, then the original.
    avif, webp, img = (html.index(s) for s in ('type="image/avif"', 'type="image/webp"', "<img"))
    assert avif < webp < img
    assert "-640.avif 640w" in html and "-640.webp 640w" in html and "-640.jpg 640w" in html
    assert 'alt="Poster: if you see something suspicious' in html
    assert 'loading="lazy"' in html and 'width="640"' in html
    assert "320w" in html and "1500w" in html and "1920w" not in html
    assert "Print it for your staff room." in html and "West Midlands CTU" in html


def test_a_reference_can_say_its_own_alt_text(client, make_page, poster):
    page = make_page("posters", body=f"![[image:{poster.pk}|The poster on a shop door]]")
    assert 'alt="The poster on a shop door"' in client.get(page.get_absolute_url()).text


def test_a_missing_file_is_left_out_not_an_error(client, make_page):
    page = make_page(
        "gone", body="Before.\n\n![[image:99999|Nothing]]\n\n[[document:4242]]\n\nAfter."
    )
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    assert "Before." in response.text and "After." in response.text
    assert "<picture>" not in response.text and "embed:" not in response.text


def test_renditions_are_made_once_and_only_in_the_sizes_pages_use(client, make_page, poster):
    make_page("posters", body=poster.reference())
    url = renditions.rendition_url(poster, 640, "webp")
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "image/webp"
    assert Rendition.objects.count() == 1
    client.get(url)
    assert Rendition.objects.count() == 1
    assert client.get(renditions.rendition_url(poster, 640, "jpeg")).status_code == 200
    assert Rendition.objects.count() == 2
    avif = client.get(renditions.rendition_url(poster, 320, "avif"))
    assert avif.status_code == 200 and avif["Content-Type"] == "image/avif"
    body = b"".join(avif.streaming_content)
    assert body[4:12] == b"ftypavif"
    with PILImage.open(io.BytesIO(body)) as decoded:
        assert decoded.format == "AVIF" and decoded.width == 320
    assert Rendition.objects.count() == 3
    # Made-up sizes and formats are not made.
    assert client.get(url.replace("-640.webp", "-641.webp")).status_code == 404
    assert client.get(url.replace("-640.webp", "-640.png")).status_code == 404
    assert client.get(url.replace("-640.webp", "-641.avif")).status_code == 404
    assert Rendition.objects.count() == 3


def test_a_replaced_file_gets_a_new_address(client, publisher, make_page, report):
    make_page("reports", body=report.reference())
    old = report.get_absolute_url()
    client.force_login(publisher)
    change = reverse("admin:library_document_change", args=[report.pk])
    client.post(change, {"title": report.title, "upload": SimpleUploadedFile("new.pdf", pdf(5))})
    client.logout()
    report.refresh_from_db()
    assert report.pages == 5 and report.get_absolute_url() != old
    assert client.get(old).status_code == 404
    assert client.get(report.get_absolute_url()).status_code == 200


def test_the_usage_list_and_no_deleting_what_a_page_shows(client, publisher, make_page, report):
    page = make_page("reports", title="Reports", body=report.reference())
    assert Usage.objects.filter(document=report, in_draft_only=False).count() == 1
    client.force_login(publisher)
    change = client.get(reverse("admin:library_document_change", args=[report.pk])).text
    assert "Reports" in change and "Public: published content shows it." in change
    delete = reverse("admin:library_document_delete", args=[report.pk])
    refused = client.post(delete, {"post": "yes"})
    assert "take it out of that content first" in refused.text
    assert Document.objects.filter(pk=report.pk).exists()

    page.body = "Nothing here."
    services.revision_publish(
        revision=services.draft_save(obj=page, user=publisher), user=publisher
    )
    assert not Usage.objects.exists()
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Document.objects.exists()


def test_a_page_with_files_costs_two_more_queries_however_many(client, make_page, poster, report):
    plain = make_page("plain", body="Text only.")
    busy = make_page("busy", body="\n\n".join([poster.reference()] * 3 + [report.reference()] * 2))
    # Time held still: the once-a-second schedule check runs in neither measured request.
    with time_machine.travel(timezone.now(), tick=False):
        client.get(plain.get_absolute_url())
        with CaptureQueriesContext(connection) as without:
            client.get(plain.get_absolute_url())
        client.get(busy.get_absolute_url())
        with CaptureQueriesContext(connection) as with_files:
            client.get(busy.get_absolute_url())
    assert len(with_files) <= len(without) + 2


def test_a_news_items_lead_image_shows_at_the_top_not_lazily_and_is_public_with_it(
    client, publisher, make_news, poster
):
    item = make_news("Posters for shops", publish=False, lead_image=poster, body="Print it.")
    usage = Usage.objects.get(image=poster)
    assert usage.content_object == item
    assert client.get(poster.get_absolute_url()).status_code == 404
    services.object_publish(obj=item, user=publisher)
    html = client.get(item.get_absolute_url()).text
    assert 'alt="Poster: if you see something suspicious' in html
    figure = html[html.index("<figure") : html.index("</figure>")]
    assert 'loading="lazy"' not in figure
    assert client.get(poster.get_absolute_url()).status_code == 200


def test_an_incidents_body_can_show_a_document(client, report):
    incident = Incident.objects.create(
        title="Incident in Sheffield",
        slug="sheffield",
        summary="Avoid the area.",
        body=f"Advice for businesses nearby:\n\n{report.reference()}\n",
        published=False,
    )
    assert client.get(report.get_absolute_url()).status_code == 404
    incident.published = True
    incident.save()
    page = client.get(incident.get_absolute_url()).text
    assert "Annual report 2025" in page and "4 pages" in page
    assert client.get(report.get_absolute_url()).status_code == 200


def test_the_starter_poster_and_leaflet_are_ours_with_alt_text_and_on_their_pages(client):
    call_command("load_starter_content", stdout=StringIO())
    poster = Image.objects.get(title="How to report: poster")
    assert "0800 789 321" in poster.alt_text and "999" in poster.alt_text
    leaflet = Document.objects.get(title="Worried about someone? Leaflet")
    assert leaflet.file_kind == "pdf" and leaflet.pages == 1
    page = client.get("/how-you-can-help/").text
    assert 'alt="Poster: If you see something suspicious' in page
    assert "How to report: poster to print (A4)" in page
    assert (
        "Worried about someone? Leaflet"
        in client.get("/advice-for-the-public/worried-about-someone/").text
    )
    # Published pages show them, so the public can fetch them.
    assert client.get(leaflet.get_absolute_url()).status_code == 200
    pdf_text = pypdf.PdfReader(leaflet.file.open("rb")).pages[0].extract_text()
    assert "0800 789 321" in pdf_text and "Act Early" in pdf_text
    call_command("load_starter_content", stdout=StringIO())
    assert Document.objects.count() == 2 and Image.objects.count() == 1


def test_an_incident_can_have_a_lead_image(client, poster):
    incident = Incident.objects.create(
        title="Incident in Leeds", slug="leeds", summary="Avoid the area.", lead_image=poster
    )
    assert client.get(poster.get_absolute_url()).status_code == 404
    incident.published = True
    incident.save()
    html = client.get(incident.get_absolute_url()).text
    assert 'alt="Poster: if you see something suspicious' in html
    assert client.get(poster.get_absolute_url()).status_code == 200


@pytest.mark.page_cache
def test_a_retitled_or_redescribed_image_shows_at_once_and_old_addresses_still_work(
    client, publisher, make_page, poster, django_capture_on_commit_callbacks
):
    page = make_page("posters", body=poster.reference())
    old_rendition = renditions.rendition_url(poster, 640, "webp")
    assert "Poster: if you see" in client.get(page.get_absolute_url()).text  # now cached
    client.force_login(publisher)
    change = reverse("admin:library_image_change", args=[poster.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            change,
            {
                "title": "Report it poster",
                "alt_text": "A poster with the numbers to call.",
                "caption": "",
                "credit": "",
            },
        )
    assert response.status_code == 302
    client.logout()
    html = client.get(page.get_absolute_url()).text
    assert 'alt="A poster with the numbers to call."' in html
    assert "report-it-poster-640.webp" in html
    assert client.get(old_rendition).status_code == 200  # links made before still work


def test_staff_see_the_chosen_lead_image_on_the_news_and_incident_forms(
    client, editor, publisher, triager, make_news, poster
):
    item = make_news("Posters for shops", publish=False, lead_image=poster, body="Print it.")
    incident = Incident.objects.create(
        title="Incident in Leeds", slug="leeds", summary="Avoid the area.", lead_image=poster
    )
    thumbnail = renditions.rendition_url(poster, 320, "webp")
    client.force_login(publisher)  # Editors only read incidents
    for change in (
        reverse("admin:news_newsitem_change", args=[item.pk]),
        reverse("admin:alerts_incident_change", args=[incident.pk]),
    ):
        html = client.get(change).text
        preview = html[html.index('id="id_lead_image-preview"') :]
        preview = preview[: preview.index("</div>")]
        assert f'src="{thumbnail}"' in preview and " hidden" not in preview, change
        assert "Alt text: Poster: if you see something suspicious" in preview
    # A new item: no image chosen, nothing shown (the script shows one once it is chosen).
    client.force_login(editor)
    html = client.get(reverse("admin:news_newsitem_add")).text
    assert 'data-saved="" data-thumbnail-address="/admin/library/image/0/thumbnail/" hidden' in html
    # The address the script asks for: the smallest rendition, for staff who may see images.
    address = reverse("admin:library_image_thumbnail", args=[poster.pk])
    answer = client.get(address)
    assert answer.status_code == 302 and answer["Location"] == thumbnail
    assert client.get(reverse("admin:library_image_thumbnail", args=[99999])).status_code == 404
    client.force_login(triager)  # staff, but not the media library's
    assert client.get(address).status_code == 403
    client.logout()
    assert client.get(address).status_code == 302
    assert client.get(address)["Location"].startswith("/admin/login/")
