"""Delete Prevent referrals closed more than REFERRAL_RETENTION_DAYS ago: run daily."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from referrals.models import Referral


class Command(BaseCommand):
    help = (
        "Delete Prevent referrals closed more than REFERRAL_RETENTION_DAYS days ago and print "
        "how many were deleted. Open referrals, whatever their age, are never deleted."
    )

    def handle(self, *args, **options):
        days = settings.REFERRAL_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _by_model = Referral.objects.filter(
            status=Referral.Status.CLOSED, closed_at__lt=cutoff
        ).delete()
        self.stdout.write(f"Deleted {deleted} referral(s) closed more than {days} days ago.")
