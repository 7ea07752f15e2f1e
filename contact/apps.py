from django.apps import AppConfig

from core.content_version import refresh_when_changed
from core.registries import register_link_source, register_search_page
from core.roles import EDITORS, FEEDBACK_TRIAGE, PUBLISHERS


class ContactConfig(AppConfig):
    """Ways to reach the unit, and the feedback the public sends it."""

    name = "contact"
    verbose_name = "Contact and feedback"
    role_permissions = {
        # Feedback holds what the public wrote and who they are: triage only, not editors.
        FEEDBACK_TRIAGE: ("contact.view_feedback", "contact.change_feedback"),
        # The organisations list is published content, so Publishers own it; Editors may look.
        EDITORS: ("contact.view_organisation",),
        PUBLISHERS: (
            "contact.view_organisation",
            "contact.add_organisation",
            "contact.change_organisation",
            "contact.delete_organisation",
        ),
    }

    def ready(self):
        for url_name in ("contact:contact", "contact:security-advice", "contact:feedback"):
            register_search_page(url_name)
        Organisation = self.get_model("Organisation")
        # The list is on the (cached) contact page: a change shows once it is committed.
        refresh_when_changed(Organisation)

        @register_link_source
        def organisations():
            for organisation in Organisation.objects.exclude(website=""):
                yield organisation.website, f"Contact page organisation: {organisation.name}"
