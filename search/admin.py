"""Staff tuning of search: synonyms and best bets. Public as soon as saved: Publishers only."""

from django.contrib import admin

from search.models import BestBet, Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ("terms", "updated_at")
    search_fields = ("terms",)


@admin.register(BestBet)
class BestBetAdmin(admin.ModelAdmin):
    list_display = ("query", "title", "url", "sort_order")
    list_editable = ("sort_order",)
    search_fields = ("query", "title", "url")
    fields = ("query", "url", "title", "description", "sort_order")
