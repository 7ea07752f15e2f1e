"""Delete closed feedback older than FEEDBACK_RETENTION_DAYS: run daily as a scheduled job."""

from django.conf import settings
from django.core.management.base import BaseCommand

from contact.models import Feedback


class Command(BaseCommand):
    help = (
        "Delete closed feedback received more than FEEDBACK_RETENTION_DAYS days ago "
        "and print how many were deleted. New and in-progress feedback is never deleted."
    )

    def handle(self, *args, **options):
        deleted, _by_model = Feedback.objects.past_retention().delete()
        days = settings.FEEDBACK_RETENTION_DAYS
        self.stdout.write(
            f"Deleted {deleted} closed feedback item(s) received more than {days} days ago."
        )
