"""Static files as production stores them: hashed, compressed, and hashed inside modules too."""

from urllib.parse import parse_qs, urlsplit

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed storage, with ``import ... from "./x.js"`` in our ES
    modules rewritten to the hashed name as well.

    main.js is one bundle today (frontend/build.mjs), but a module that imports another by its
    plain name would otherwise fetch a file WhiteNoise can cache for only WHITENOISE_MAX_AGE (an
    hour), because its content can change under the same name; a hashed name is cached for a
    year as immutable.
    """

    support_js_module_import_aggregation = True


def media_storage(url: str) -> dict:
    """The STORAGES entry for the media library: the local folder (MEDIA_ROOT) when ``url`` is
    empty, else S3-compatible object storage, so that several app servers share one library.

    ``s3://<bucket>[/<prefix>]?endpoint=https://<host>&region=<region>``; the keys come from
    AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as boto3 reads them. Objects are private (no
    ACL, signed URLs only): the public get files through the site, which applies the privacy
    rule, never from the bucket.
    """
    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ValueError(
            f"MEDIA_STORAGE_URL must look like s3://bucket/prefix?endpoint=...: {url!r}"
        )
    query = parse_qs(parts.query)
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": parts.hostname,
            "location": parts.path.strip("/"),
            "endpoint_url": query.get("endpoint", [None])[0],
            "region_name": query.get("region", [None])[0],
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
