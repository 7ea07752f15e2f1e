"""The media library in a browser: an Editor uploads a poster and inserts it in a news item,
previews it, and a Publisher publishes it; pages with an image and a document are accessible."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from core.roles import EDITORS, PUBLISHERS
from library import services, uploads
from library.models import Document, Image
from news.models import NewsItem
from tests.browser.conftest import STAFF_PASSWORD
from tests.browser.helpers import assert_accessible
from tests.test_library.conftest import pdf, photo

pytestmark = pytest.mark.django_db(transaction=True)

# Waits until the image is fetched and decoded (it rejects for a broken image), and says how
# wide it really is: it is there, not a broken-image box.
DECODED_WIDTH = "async (img) => { await img.decode(); return img.naturalWidth; }"


def test_an_editor_uploads_a_poster_inserts_it_and_a_publisher_publishes_it(
    site, page, browser, staff_login, tmp_path, django_user_model
):
    poster = tmp_path / "how-to-report-poster.jpg"
    poster.write_bytes(photo(1400, 1980))
    staff_login("edith", EDITORS)

    page.goto(site + "/admin/library/image/add/")
    page.get_by_label("File:").set_input_files(str(poster))
    page.get_by_label("Title:").fill("How to report poster")
    page.get_by_label("Alt text:").fill(
        "Poster: if you see something suspicious, call 999 or the hotline on 0800 789 321."
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was added successfully")).to_be_visible()
    # The list fetches thumbnails (made on first request). On SQLite the live server shares the
    # test's database connection, so the test reads the database only once they are done.
    page.wait_for_load_state("networkidle")
    image = Image.objects.get()

    page.goto(site + "/admin/news/newsitem/add/")
    page.get_by_label("Title:").fill("New posters for shops")
    page.get_by_label("Summary:").fill("Print our poster for your staff room.")
    body = page.get_by_label("Body:")
    body.fill("Print this and put it up.")
    with page.expect_popup() as popup_info:
        page.get_by_role("link", name="Insert an image").click()
    chooser = popup_info.value
    chooser.get_by_role("button", name="Insert How to report poster").click()
    expect(body).to_have_value(f"Print this and put it up.\n\n{image.reference()}\n\n")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("was added successfully")).to_be_visible()
    page.wait_for_load_state("networkidle")
    item = NewsItem.objects.get()

    # The preview shows the poster to staff; the public cannot fetch it yet.
    with page.expect_popup() as preview_info:
        page.get_by_role("link", name="Preview", exact=True).click()
    preview = preview_info.value
    picture = preview.get_by_role("img", name="Poster: if you see something suspicious")
    expect(picture).to_be_visible()
    picture.scroll_into_view_if_needed()
    assert picture.evaluate(DECODED_WIDTH) > 0
    preview.wait_for_load_state("networkidle")
    visitor = browser.new_context().new_page()
    assert visitor.goto(site + image.get_absolute_url()).status == 404

    publisher = browser.new_context().new_page()
    publisher.set_default_timeout(10_000)
    percy = django_user_model.objects.create_user(
        username="percy", password=STAFF_PASSWORD, is_staff=True
    )
    percy.groups.add(Group.objects.get(name=PUBLISHERS))
    publisher.goto(site + "/admin/login/")
    publisher.get_by_label("Username").fill("percy")
    publisher.get_by_label("Password").fill(STAFF_PASSWORD)
    publisher.get_by_role("button", name="Log in").click()
    publisher.goto(f"{site}/admin/news/newsitem/{item.pk}/change/")
    publisher.get_by_role("button", name="Publish").click()
    expect(publisher.get_by_text("Published. The public site shows it now.")).to_be_visible()

    visitor.goto(site + item.get_absolute_url())
    shown = visitor.get_by_role("img", name="Poster: if you see something suspicious")
    expect(shown).to_be_visible()
    shown.scroll_into_view_if_needed()
    assert shown.evaluate(DECODED_WIDTH) > 0
    assert visitor.goto(site + image.get_absolute_url()).status == 200


def test_the_lead_image_field_shows_the_photo_chosen(site, page, staff_login):
    photo_file = stored(
        Image,
        uploads.check_image,
        photo(1200, 800),
        "event.jpg",
        title="Officers at the county show",
        alt_text="Two officers talk to a family beside a police van.",
    )
    staff_login("edith", EDITORS)
    page.goto(site + "/admin/news/newsitem/add/")
    preview = page.locator("#id_lead_image-preview")
    expect(preview).to_be_hidden()
    page.get_by_label("Title:").fill("Meet us at the county show")
    page.get_by_label("Summary:").fill("Officers will be at the show all weekend.")
    page.locator(".field-lead_image .select2-selection").click()
    page.locator(".select2-search__field").fill("county show")
    page.get_by_role("option", name="Officers at the county show").click()
    # The thumbnail of the photo chosen, before anything is saved.
    expect(preview).to_be_visible()
    assert preview.locator("img").evaluate(DECODED_WIDTH) == 320
    page.get_by_label("Body:").fill("Come and say hello.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("was added successfully")).to_be_visible()
    # Saved: the same photo, and its alt text for staff to check.
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("Alt text: Two officers talk to a family beside a police van.")
    assert preview.locator("img").evaluate(DECODED_WIDTH) == 320
    page.wait_for_load_state("networkidle")
    assert NewsItem.objects.get().lead_image == photo_file
    # Cleared: no thumbnail of a photo that is no longer chosen.
    page.locator(".field-lead_image .select2-selection__clear").click()
    expect(preview).to_be_hidden()


def stored(model, check, content, name, **fields):
    """A file in the library as an upload through the admin leaves it."""
    return services.file_store(model(**fields), check(SimpleUploadedFile(name, content)))


def test_a_page_with_an_image_and_a_document_is_accessible(site, page, make_page):
    image = stored(
        Image,
        uploads.check_image,
        photo(1200, 800),
        "scene.jpg",
        title="Officers and a shop manager",
        alt_text="Two police officers talk to a shop manager at the counter.",
        caption="Counter Terrorism Security Advisers visit businesses across the region.",
    )
    document = stored(
        Document, uploads.check_document, pdf(2), "leaflet.pdf", title="Worried about someone?"
    )
    body = f"Our advice.\n\n{image.reference()}\n\nThe leaflet:\n\n{document.reference()}\n"
    content = make_page("advice-leaflets", title="Leaflets and posters", body=body)
    page.goto(site + content.get_absolute_url())
    expect(page.get_by_role("link", name="Worried about someone?")).to_be_visible()
    expect(page.get_by_text("2 pages")).to_be_visible()
    page.get_by_text("Request an accessible format").click()
    expect(page.get_by_role("link", name="tell us using the feedback form")).to_be_visible()
    assert_accessible(page)
