"""Keep the cached contact page in step with the organisations list."""

from django.db import transaction

from ctu_site.content_version import bump_content_version


def organisations_changed(**kwargs) -> None:
    """Any change to the list shows on the (cached) contact page once it is committed."""
    transaction.on_commit(bump_content_version)
