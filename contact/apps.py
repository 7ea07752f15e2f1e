from django.apps import AppConfig


class ContactConfig(AppConfig):
    """Ways to reach the unit, and the feedback the public sends it."""

    name = "contact"
    verbose_name = "Contact and feedback"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from contact import signals
        from contact.models import Organisation
        from ctu_site.roles import EDITORS, FEEDBACK_TRIAGE, PUBLISHERS, grant

        # Feedback holds what the public wrote and who they are: triage only, not editors.
        grant(FEEDBACK_TRIAGE, "contact.view_feedback", "contact.change_feedback")
        # The organisations list is published content, so Publishers own it; Editors may look.
        grant(EDITORS, "contact.view_organisation")
        grant(
            PUBLISHERS,
            "contact.view_organisation",
            "contact.add_organisation",
            "contact.change_organisation",
            "contact.delete_organisation",
        )
        for signal in (post_save, post_delete):
            signal.connect(
                signals.organisations_changed,
                sender=Organisation,
                dispatch_uid=f"contact.organisations_changed.{signal}",
            )
