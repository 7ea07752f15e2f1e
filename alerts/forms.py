"""Admin forms for what staff tell the whole site: Markdown is checked as on every page."""

from core.forms import MarkdownCheckedForm


class IncidentAlertForm(MarkdownCheckedForm):
    markdown_fields = ("message",)


class IncidentForm(MarkdownCheckedForm):
    markdown_fields = ("body",)


class IncidentUpdateForm(MarkdownCheckedForm):
    markdown_fields = ("text",)
