"""Publish what is due and take down what has expired. Run every minute in production."""

from django.core.management.base import BaseCommand

from publishing.services import publish_scheduled


class Command(BaseCommand):
    help = (
        "Publish scheduled revisions whose go-live time has passed and unpublish expired content."
    )

    def handle(self, *args, **options):
        counts = publish_scheduled()
        self.stdout.write(f"Published {counts['published']}, expired {counts['expired']}.")
