"""Upload forms: the file is checked from its content (library.uploads) before anything is
stored, and nothing is kept of a refused upload."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from library import uploads
from library.models import Document, Image


class UploadForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("File"),
        required=False,
        error_messages={
            "empty": _("The file is empty (0 bytes). Choose the file itself and try again."),
            "required": _("Choose a file to upload."),
        },
    )
    make_public = forms.BooleanField(
        label=_("Public even where no published content uses it"),
        required=False,
        help_text=_(
            "Publishers only. Otherwise a file is public only while a published page, news "
            "item, operation or incident shows it: a file for a draft stays private."
        ),
    )
    check = staticmethod(uploads.check_image)

    def accepts(self) -> str:
        """What an upload may be, said before anyone chooses a file."""
        raise NotImplementedError

    def __init__(self, *args, can_make_public: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].required = self.instance.pk is None
        self.fields["upload"].help_text = self.accepts()
        if self.instance.pk:
            self.fields["upload"].help_text = format_html(
                "{} {}", _("Optional: choose a file to replace this one."), self.accepts()
            )
            self.fields["make_public"].initial = self.instance.made_public_at is not None
        if not can_make_public:
            del self.fields["make_public"]
        self.checked: uploads.Checked | None = None

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        if not uploaded:
            return uploaded
        checked = self.check(uploaded)
        model = self._meta.model
        same = model.objects.filter(sha256=checked.sha256).exclude(pk=self.instance.pk).first()
        if same is not None:
            meta = model._meta
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[same.pk])
            raise ValidationError(
                format_html(
                    'This file is in the library already, as <a href="{}">{}</a>: use that.',
                    url,
                    same.title,
                )
            )
        self.checked = checked
        return uploaded


class ImageForm(UploadForm):
    check = staticmethod(uploads.check_image)

    def accepts(self) -> str:
        return _(
            "A JPEG, PNG or WebP photo or picture, up to %(mb)s MB and %(mp)s megapixels. "
            "The camera's details and any location in the photo are removed."
        ) % {
            "mb": settings.LIBRARY_MAX_IMAGE_MB,
            "mp": settings.LIBRARY_MAX_IMAGE_PIXELS // 1_000_000,
        }

    class Meta:
        model = Image
        fields = ("upload", "title", "alt_text", "decorative", "caption", "credit", "collection")
        widgets = {
            "alt_text": forms.Textarea(attrs={"rows": 3, "cols": 60}),
            "caption": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }


class DocumentForm(UploadForm):
    check = staticmethod(uploads.check_document)

    def accepts(self) -> str:
        return _(
            "A PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) or OpenDocument file, up "
            "to %(mb)s MB. Files with macros cannot be uploaded: save a copy without them."
        ) % {"mb": settings.LIBRARY_MAX_DOCUMENT_MB}

    class Meta:
        model = Document
        fields = ("upload", "title", "collection")
