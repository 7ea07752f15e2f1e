"""Admin forms for what staff tell the whole site: Markdown is checked as on every page."""

from django import forms

from core.markdown import problems


class MarkdownCheckedForm(forms.ModelForm):
    """Refuses Markdown the sanitiser would silently drop, in the fields ``markdown_fields``."""

    markdown_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.markdown_fields:
            if name in cleaned and (found := problems(cleaned[name])):
                self.add_error(name, found)
        return cleaned


class IncidentAlertForm(MarkdownCheckedForm):
    markdown_fields = ("message",)


class IncidentForm(MarkdownCheckedForm):
    markdown_fields = ("body",)


class IncidentUpdateForm(MarkdownCheckedForm):
    markdown_fields = ("text",)
