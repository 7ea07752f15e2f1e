"""manage.py build_mirror: the static mirror the edge falls back to when no app server answers."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ctu_site.management.commands import build_mirror
from publishing import services
from tests.factories import make_operation, make_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_host(settings):
    # The mirror is rendered for SITE_URL's host, which production lists in ALLOWED_HOSTS.
    settings.SITE_URL = "https://ctu.example.police.uk"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "ctu.example.police.uk"]


def build(output: Path, **options) -> dict:
    call_command("build_mirror", output=str(output), verbosity=0, **options)
    return json.loads((output / "mirror.json").read_text())


def page_file(output: Path, path: str) -> Path:
    return output / path.strip("/") / "index.html" if path != "/" else output / "index.html"


def test_every_public_page_is_written_with_a_dated_notice_and_the_numbers(tmp_path):
    make_page("mirror-about", title="About the mirror", body="Words in the mirror.")
    make_page("mirror-draft", title="A draft nobody may see", publish=False)
    make_operation("Operation Mirrorball", conviction_year=2012)
    manifest = build(tmp_path / "mirror")
    output = tmp_path / "mirror"
    assert output.is_symlink()
    pages = manifest["pages"]
    assert {"/", "/contact/", "/threat-level/", "/mirror-about/", "/operations/mirrorball/"} <= set(
        pages
    )
    assert "/mirror-draft/" not in pages
    assert not (output / "mirror-draft").exists()
    for path in pages:
        html = page_file(output, path).read_text()
        assert html.count('id="mirror-notice-title"') == 1, path
        assert "This is a saved copy of the page, made on" in html, path
        assert 'href="tel:999"' in html and 'href="tel:+44800789321"' in html, path
        assert Path(f"{page_file(output, path)}.gz").exists()
    assert "Words in the mirror." in page_file(output, "/mirror-about/").read_text()
    # The pages nginx answers with when an address is not in the mirror.
    assert "not working at the moment" in (output / "503.html").read_text()
    assert "mirror-notice-title" in (output / "404.html").read_text()
    # Anonymous copies: no CSRF token, no session of anyone's.
    assert "csrfmiddlewaretoken" not in page_file(output, "/").read_text()


def test_a_new_build_replaces_the_old_in_one_step_and_keeps_one_before_it(tmp_path):
    output = tmp_path / "mirror"
    first = build(output)
    make_page("later-page", title="Published later")
    second = build(output)
    assert second["started"] > first["started"]
    assert page_file(output, "/later-page/").exists()
    build(output)
    builds = [b for b in (tmp_path / ".mirror-builds").iterdir() if b.is_dir()]
    assert len(builds) == 2  # the current build and the one before it


def test_a_page_that_does_not_render_leaves_the_previous_mirror_in_place(tmp_path, monkeypatch):
    output = tmp_path / "mirror"
    build(output)
    before = output.resolve()
    monkeypatch.setattr(build_mirror, "mirror_paths", lambda: ["/", "/not-a-page/"])
    with pytest.raises(CommandError, match=r"/not-a-page/ \(404\)"):
        call_command("build_mirror", output=str(output), verbosity=0)
    assert output.resolve() == before
    # Nothing half-built left behind.
    assert len([b for b in (tmp_path / ".mirror-builds").iterdir() if b.is_dir()]) == 1


def test_a_rebuild_asked_for_before_the_current_build_is_skipped(tmp_path):
    output = tmp_path / "mirror"
    first = build(output)
    skipped = build(output, if_older_than=first["started"] - 1)
    assert skipped["started"] == first["started"]
    rebuilt = build(output, if_older_than=first["started"] + 0.001)
    assert rebuilt["started"] > first["started"]


def test_it_refuses_to_replace_a_directory_it_did_not_make(tmp_path):
    (tmp_path / "mirror").mkdir()
    with pytest.raises(CommandError, match="move it aside"):
        call_command("build_mirror", output=str(tmp_path / "mirror"), verbosity=0)


def test_a_site_url_the_site_would_refuse_is_said_plainly(tmp_path, settings):
    settings.SITE_URL = "https://elsewhere.example"
    with pytest.raises(CommandError, match="not in ALLOWED_HOSTS"):
        call_command("build_mirror", output=str(tmp_path / "mirror"), verbosity=0)


def test_it_needs_to_be_told_where(settings):
    settings.MIRROR_ROOT = ""
    with pytest.raises(CommandError, match="MIRROR_ROOT"):
        call_command("build_mirror", verbosity=0)


def test_an_address_outside_the_mirror_is_refused(tmp_path):
    command = build_mirror.Command()
    with pytest.raises(build_mirror.MirrorError):
        command.write(tmp_path, "/../../escaped/", "<html></html>", "")
    assert not (tmp_path.parent.parent / "escaped").exists()


def test_a_publish_rebuilds_the_mirror_when_one_is_configured(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MIRROR_ROOT = str(tmp_path / "mirror")
    page = make_page("mirror-changing", title="Before")
    build(tmp_path / "mirror")
    page.title = "After the publish"
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(revision=services.draft_save(obj=page, user=None), user=None)
    html = page_file(tmp_path / "mirror", "/mirror-changing/").read_text()
    assert "After the publish" in html


def test_without_a_mirror_a_publish_builds_nothing(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MIRROR_ROOT = ""
    page = make_page("no-mirror", title="Before")
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(revision=services.draft_save(obj=page, user=None), user=None)
    assert list(tmp_path.iterdir()) == []


def test_the_files_a_mirrored_page_shows_are_mirrored_and_a_drafts_are_not(tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from library import services as library
    from library import uploads
    from library.models import Document, Image
    from tests.test_library.conftest import pdf, photo

    def image(title, width):
        checked = uploads.check_image(SimpleUploadedFile("p.jpg", photo(width, 400)))
        return library.file_store(Image(title=title, alt_text=f"{title}."), checked)

    shown, hidden = image("Shown photo", 700), image("Draft photo", 600)
    report = library.file_store(
        Document(title="Annual report"),
        uploads.check_document(SimpleUploadedFile("r.pdf", pdf(3))),
    )
    make_page("with-files", body=f"Look.\n\n{shown.reference()}\n\n{report.reference()}\n")
    make_page("draft-with-file", body=hidden.reference(), publish=False)
    output = tmp_path / "mirror"
    build(output)
    html = page_file(output, "/with-files/").read_text()
    mirrored = {str(p.relative_to(output)) for p in (output / "files").rglob("*") if p.is_file()}
    # Every size and format the page's srcset offers, the document, and nothing of the draft's.
    for width in (320, 480, 640, 700):
        for ext in ("avif", "webp", "jpg"):
            name = f"files/images/{shown.key}/shown-photo-{width}.{ext}"
            assert name in mirrored and f"/{name} {width}w" in html, name
    assert f"files/documents/{report.key}/annual-report.pdf" in mirrored
    assert (output / f"files/documents/{report.key}/annual-report.pdf").read_bytes()[:5] == b"%PDF-"
    assert not any(hidden.key in name for name in mirrored)
