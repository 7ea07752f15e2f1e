"""Send the weekly news summary: run weekly as a scheduled job."""

from django.core.management.base import BaseCommand

from updates.models import Subscriber
from updates.services import weekly_news_queue


class Command(BaseCommand):
    help = (
        "Queue the weekly summary of the past seven days' news to subscribers who chose it. "
        "Sends nothing when there was no news, or when this week's summary has gone already."
    )

    def handle(self, *args, **options):
        mailing = weekly_news_queue()
        if mailing is None:
            self.stdout.write("No news in the past seven days: no summary sent.")
        else:
            count = Subscriber.objects.receiving_mailing(mailing).count()
            self.stdout.write(f"“{mailing.subject}”: sending to {count} subscriber(s).")
