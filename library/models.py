"""Images and documents in the media library, their renditions, and where each is used.

A file's bytes live in the configured storage under a random name; its address on the site
carries a digest of its content (``key``), so a replaced file gets a new address and no cache
ever serves the old one. Who may fetch it is decided per request (``library.access``).
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


def random_name(instance, filename: str) -> str:
    """Files are stored under random names: the uploader's name is kept only as metadata."""
    folder = "images" if isinstance(instance, Image) else "documents"
    return f"{folder}/{secrets.token_hex(16)}{instance.extension}"


class Collection(models.Model):
    """A shelf for finding files: "Posters", "Leaflets", "Reports", "News photos"."""

    name = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class MediaFile(models.Model):
    title = models.CharField(
        max_length=200, help_text=_("What it is, as staff will search for it and the public read.")
    )
    collection = models.ForeignKey(
        Collection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to=random_name, max_length=200)
    original_name = models.CharField(max_length=255, editable=False, blank=True)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    key = models.CharField(max_length=16, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    made_public_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a Publisher made it public whether or not published content uses it."),
    )

    class Meta:
        abstract = True
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.title

    @property
    def extension(self) -> str:
        raise NotImplementedError

    @property
    def slug(self) -> str:
        return slugify(self.title)[:60] or "file"

    @property
    def kind(self) -> str:
        return self._meta.model_name  # "image" or "document"

    def reference(self) -> str:
        """What an editor writes in a Markdown body to show this."""
        raise NotImplementedError


class Image(MediaFile):
    class Format(models.TextChoices):
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"
        WEBP = "webp", "WebP"

    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it, in a sentence: 'A police "
            "officer talks to a shop manager at a counter.' Not 'Image of...', and not the "
            "caption again. Leave empty only if the image is decorative."
        ),
    )
    decorative = models.BooleanField(
        default=False,
        help_text=_(
            "Tick only if the image adds nothing a reader needs (a background texture, say): "
            "screen readers then skip it."
        ),
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(
        max_length=200, blank=True, help_text=_("Who took or made it, if they are to be named.")
    )
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    format = models.CharField(max_length=10, choices=Format.choices, editable=False)

    class Meta(MediaFile.Meta):
        permissions = [("publish_image", "Can make an image public without published content")]

    def get_absolute_url(self):
        return reverse("library:file", args=["images", self.key, f"{self.slug}{self.extension}"])

    def clean(self):
        super().clean()
        if not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {
                    "alt_text": _(
                        "Say what the image shows, or tick 'Decorative' if it adds nothing a "
                        "reader needs."
                    )
                }
            )
        if self.decorative and self.alt_text.strip():
            raise ValidationError(
                {"decorative": _("A decorative image has no alt text: clear one or the other.")}
            )

    @property
    def extension(self) -> str:
        return {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}[self.format]

    @property
    def alt(self) -> str:
        return "" if self.decorative else self.alt_text

    def reference(self) -> str:
        """Short: the image's own alt text is used unless a page gives another after ``|``."""
        return f"![[image:{self.pk}]]"


class Document(MediaFile):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "MS Word Document"
        XLSX = "xlsx", "MS Excel Spreadsheet"
        PPTX = "pptx", "MS PowerPoint Presentation"
        ODT = "odt", "OpenDocument Text"
        ODS = "ods", "OpenDocument Spreadsheet"
        ODP = "odp", "OpenDocument Presentation"

    file_kind = models.CharField(max_length=10, choices=Kind.choices, editable=False)
    pages = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta(MediaFile.Meta):
        permissions = [("publish_document", "Can make a document public without published content")]

    def get_absolute_url(self):
        name = f"{self.slug}{self.extension}"
        return reverse("library:file", args=["documents", self.key, name])

    @property
    def extension(self) -> str:
        return f".{self.file_kind}"

    def reference(self) -> str:
        return f"[[document:{self.pk}]]"


class Rendition(models.Model):
    """One size and format of an image, made on first request and kept."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()

    class Format(models.TextChoices):
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"
        WEBP = "webp", "WebP"
        AVIF = "avif", "AVIF"

    format = models.CharField(max_length=10, choices=Format.choices)
    file = models.FileField(max_length=200)
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["image", "width", "format"], name="one_rendition_each")
        ]

    def __str__(self):
        return f"{self.image} at {self.width}px ({self.format})"


class Usage(models.Model):
    """Where a file is used: in an object's public content (what shows once it is published),
    or only in its latest draft. Rebuilt from the content whenever the object is saved."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    image = models.ForeignKey(Image, null=True, on_delete=models.CASCADE, related_name="usages")
    document = models.ForeignKey(
        Document, null=True, on_delete=models.CASCADE, related_name="usages"
    )
    in_draft_only = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.image or self.document} in {self.content_type} {self.object_id}"
