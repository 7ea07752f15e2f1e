"""Re-encrypt every Prevent referral under the newest key in PREVENT_ENCRYPTION_KEYS.

To rotate: put the new key first in PREVENT_ENCRYPTION_KEYS (keep the old one after it),
deploy, run this command, then remove the old key.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from referrals.models import Referral


class Command(BaseCommand):
    help = "Re-encrypt every Prevent referral with the newest PREVENT_ENCRYPTION_KEYS key."

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            # Reading decrypts with whichever key fits; saving encrypts with the newest.
            for referral in Referral.objects.select_for_update().iterator(chunk_size=200):
                referral.save(update_fields=Referral.ENCRYPTED_FIELDS)
                count += 1
        self.stdout.write(f"Re-encrypted {count} referral(s) with the newest key.")
