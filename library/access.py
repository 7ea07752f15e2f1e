"""Who may fetch a file: the public only while published content uses it, or after a
Publisher made it public; staff (signed in with their second step) always. Everyone else gets
a 404, so a draft's file cannot even be confirmed to exist."""

from django.conf import settings

from library.models import Document, Image, MediaFile


def in_published_content(file: MediaFile) -> bool:
    """Whether some content the public can see now shows this file (checked against each
    object's own publishing rule, so an expired or restricted page does not count)."""
    for usage in file.usages.filter(in_draft_only=False).select_related("content_type"):
        model = usage.content_type.model_class()
        published = getattr(getattr(model, "objects", None), "published", None)
        if published is not None and published().filter(pk=usage.object_id).exists():
            return True
    return False


def is_public(file: MediaFile) -> bool:
    return file.made_public_at is not None or in_published_content(file)


def staff_may_see(user, file: MediaFile) -> bool:
    if not (user.is_active and user.is_staff):
        return False
    if settings.STAFF_OTP_REQUIRED and not user.is_verified():
        return False
    model = "image" if isinstance(file, Image) else "document"
    return user.has_perm(f"library.view_{model}")


MODELS = {"images": Image, "documents": Document}
