from django.apps import AppConfig

from core.content_version import refresh_when_changed
from core.roles import PUBLISHERS

TUNING = tuple(
    f"search.{action}_{model}"
    for model in ("synonym", "bestbet")
    for action in ("add", "change", "delete", "view")
)


class SearchConfig(AppConfig):
    """Site search over every kind of content and page registered in core.registries."""

    name = "search"
    # Synonyms and best bets change results at once, with no review: a Publisher's change.
    role_permissions = {PUBLISHERS: TUNING}

    def ready(self):
        # A change to either moves the content version on, so every process rebuilds its index.
        refresh_when_changed(self.get_model("Synonym"), self.get_model("BestBet"))
