"""Delete email-update addresses never confirmed: run daily as a scheduled job."""

from django.conf import settings
from django.core.management.base import BaseCommand

from updates.services import unconfirmed_delete


class Command(BaseCommand):
    help = (
        "Delete email-update addresses that were not confirmed within UPDATES_CONFIRM_DAYS "
        "days of their latest request, and print how many were deleted."
    )

    def handle(self, *args, **options):
        deleted = unconfirmed_delete()
        days = settings.UPDATES_CONFIRM_DAYS
        self.stdout.write(f"Deleted {deleted} address(es) not confirmed within {days} days.")
