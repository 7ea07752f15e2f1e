"""Form behaviour more than one app's admin shares."""

from django import forms

from core.markdown import problems


class MarkdownCheckedForm(forms.ModelForm):
    """Refuses Markdown the sanitiser would silently drop, in the fields ``markdown_fields``,
    with a message that says what to write instead."""

    markdown_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.markdown_fields:
            if name in cleaned and (found := problems(cleaned[name])):
                self.add_error(name, found)
        return cleaned
