"""The media library on S3-compatible object storage (django-storages), against a real local
S3 server (moto's, started by the test on a free port): upload, serve through the privacy
rule, renditions, replace. Several app servers then share one library."""

import socket
import uuid

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer

from ctu_site.storage import media_storage
from library import renditions
from library.models import Document, Image
from tests.test_library.conftest import pdf, photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3(settings, monkeypatch):
    # moto keeps buckets for the whole process: each test has a bucket of its own.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2")
    bucket = f"ctu-media-{uuid.uuid4().hex[:12]}"
    client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    url = f"s3://{bucket}/library?endpoint={endpoint}&region=eu-west-2"
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(url)}
    client.bucket = bucket
    yield client
    server.stop()


def keys(client) -> list[str]:
    listing = client.list_objects_v2(Bucket=client.bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def test_the_setting_reads_an_s3_address():
    options = media_storage("s3://bucket/prefix?endpoint=https://s3.example&region=eu-west-2")
    assert options["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["OPTIONS"]["bucket_name"] == "bucket"
    assert options["OPTIONS"]["location"] == "prefix"
    assert options["OPTIONS"]["default_acl"] is None  # private objects: the site serves them
    assert media_storage("")["BACKEND"].endswith("FileSystemStorage")
    with pytest.raises(ValueError, match="MEDIA_STORAGE_URL"):
        media_storage("ftp://nowhere")


def test_uploads_renditions_and_replacements_live_in_the_bucket(s3, client, editor, make_page):
    client.force_login(editor)
    response = client.post(
        "/admin/library/image/add/",
        {
            "upload": SimpleUploadedFile("scene.jpg", photo(1000, 700)),
            "title": "Scene",
            "alt_text": "Officers at a cordon.",
        },
    )
    assert response.status_code == 302
    client.post(
        "/admin/library/document/add/",
        {"upload": SimpleUploadedFile("r.pdf", pdf(2)), "title": "Report"},
    )
    image, document = Image.objects.get(), Document.objects.get()
    stored = keys(s3)
    assert len(stored) == 2 and all(key.startswith("library/") for key in stored)
    assert not any("scene" in key or "r.pdf" in key for key in stored)  # random names

    client.logout()
    assert client.get(image.get_absolute_url()).status_code == 404  # draft-only: private
    make_page("scene", body=f"{image.reference()}\n\n{document.reference()}")
    served = client.get(renditions.rendition_url(image, 640, "webp"))
    assert served.status_code == 200 and served["Content-Type"] == "image/webp"
    assert b"".join(served.streaming_content)[:4] == b"RIFF"
    assert len(keys(s3)) == 3  # the rendition, made once, kept in the bucket
    pdf_response = client.get(document.get_absolute_url())
    assert b"".join(pdf_response.streaming_content).startswith(b"%PDF-")


def test_a_replaced_file_leaves_nothing_behind_in_the_bucket(
    s3, client, publisher, django_capture_on_commit_callbacks
):
    client.force_login(publisher)
    client.post(
        "/admin/library/document/add/",
        {"upload": SimpleUploadedFile("r.pdf", pdf(2)), "title": "Report"},
    )
    [first] = keys(s3)
    document = Document.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/library/document/{document.pk}/change/",
            {"upload": SimpleUploadedFile("r2.pdf", pdf(3)), "title": "Report"},
        )
    [second] = keys(s3)
    assert second != first
    document.refresh_from_db()
    assert document.pages == 3 and second == f"library/{document.file.name}"
