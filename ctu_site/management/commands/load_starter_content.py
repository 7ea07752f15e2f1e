"""Load the site's starter content: safe to run again, it only adds what is missing."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create the starter content written from the unit's source material. Each app with a "
        "`starter` module contributes; content that already exists is left as staff edited it."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.starter"
                if find_spec(module_name) is None:
                    continue
                created = import_module(module_name).load()
                self.stdout.write(f"{config.verbose_name}: {created} item(s) created")
        self.stdout.write(self.style.SUCCESS("Starter content is in place."))
