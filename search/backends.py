"""Site search over published pages, operations, news and incidents.

Each searchable kind of content registers a ``core.registries.SearchSource`` in its app's
``ready()``. On
PostgreSQL matching is full-text search with ``websearch`` syntax, weighted title over summary
over body, ranked, with highlighted snippets from ``ts_headline``. On SQLite every word of the
query must appear somewhere in the title, summary or body, and results are ranked by where the
words were found. Either way the query is cleaned and limited first, drafts never appear, and a
misspelt word is offered its nearest match from the site's own vocabulary.

Finding is split from describing: ``find`` returns every match as (source, pk, rank), cheaply,
so the count and the pagination are exact; ``describe`` then loads titles and snippets for the
ten results on the page being shown.
"""

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection, models
from django.db.models import F, Func, Q, Value
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from core.content_version import get_content_version
from core.registries import SearchSource, search_source, search_sources

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_RESULTS = 500
CONFIG = "english"
SNIPPET_CHARACTERS = 220
# Markers ts_headline puts around matched words; split on in Python, never shown.
START, STOP = "\u27e6", "\u27e7"

# Words that mean someone wants to tell the police something: answer with how to report first.
REPORTING_WORDS = frozenset(
    {
        "report",
        "reporting",
        "reported",
        "hotline",
        "999",
        "emergency",
        "suspicious",
        "suspect",
        "tell",
        "phone",
        "call",
        "number",
        "tip",
        "tipoff",
        "inform",
        "information",
        "concern",
        "concerned",
        "worried",
        "contact",
    }
)


def clean_query(raw: str) -> str:
    """The query with control characters removed and spaces collapsed (not yet length-checked)."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") else char
        for char in raw
    )
    return " ".join(text.split())


def query_words(query: str) -> list[str]:
    """The words of a query, lower case, at most MAX_WORDS of them, in order, without repeats."""
    words = dict.fromkeys(word.lower() for word in re.findall(r"\w+", query))
    return list(words)[:MAX_WORDS]


@dataclass(frozen=True)
class Hit:
    source: SearchSource
    pk: int
    rank: float


@dataclass
class Result:
    label: str
    title: str
    url: str
    summary: str
    snippet: SafeString
    date: object


def find(query: str) -> list[Hit]:
    """Every published match for the query, best first (at most MAX_RESULTS)."""
    if not query_words(query):
        return []
    finder = _find_postgresql if connection.vendor == "postgresql" else _find_words
    hits = [hit for source in search_sources() for hit in finder(source, query)]
    hits.sort(key=lambda hit: -hit.rank)
    return hits[:MAX_RESULTS]


def describe(hits: list[Hit], query: str) -> list[Result]:
    """Titles, addresses and snippets for the hits shown: one query per kind of content."""
    by_source: dict[str, list[int]] = {}
    for hit in hits:
        by_source.setdefault(hit.source.key, []).append(hit.pk)
    objects = {}
    for key, pks in by_source.items():
        source = search_source(key)
        queryset = source.queryset().filter(pk__in=pks)
        if connection.vendor == "postgresql":
            queryset = queryset.annotate(
                headline=SearchHeadline(
                    _plain_text(source.body_html_field),
                    _search_query(query),
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
        for obj in queryset:
            objects[key, obj.pk] = obj
    results = []
    for hit in hits:
        obj = objects.get((hit.source.key, hit.pk))
        if obj is None:  # Unpublished between finding and describing.
            continue
        source = hit.source
        if connection.vendor == "postgresql":
            snippet = _highlighted_headline(obj.headline)
        else:
            snippet = _snippet(getattr(obj, source.body_html_field), query_words(query))
        results.append(
            Result(
                label=source.label,
                title=getattr(obj, source.title_field),
                url=obj.get_absolute_url(),
                summary=getattr(obj, source.summary_field),
                snippet=snippet,
                date=getattr(obj, source.date_field),
            )
        )
    return results


# PostgreSQL: weighted full-text search.


def _search_query(query: str) -> SearchQuery:
    return SearchQuery(query, search_type="websearch", config=CONFIG)


def _plain_text(field: str) -> Func:
    """The sanitised HTML of a field with its tags turned into spaces."""
    return Func(
        F(field),
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=models.TextField(),
    )


def _find_postgresql(source: SearchSource, query: str) -> list[Hit]:
    vector = (
        SearchVector(source.title_field, weight="A", config=CONFIG)
        + SearchVector(source.summary_field, weight="B", config=CONFIG)
        + SearchVector(_plain_text(source.body_html_field), weight="C", config=CONFIG)
    )
    search_query = _search_query(query)
    rows = (
        source.queryset()
        .annotate(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(F("document"), search_query))
        .order_by("-rank", "pk")
        .values_list("pk", "rank")[:MAX_RESULTS]
    )
    return [Hit(source, pk, rank) for pk, rank in rows]


def _highlighted_headline(headline: str) -> SafeString:
    """ts_headline's text (HTML entities and our markers) as safe HTML with <mark>s."""
    text = " ".join(html.unescape(headline).split())
    parts = re.split(f"[{START}{STOP}]", text)
    # Markers alternate: even parts are plain, odd parts are matched words.
    pieces = [
        f"<mark>{escape(part)}</mark>" if index % 2 else escape(part)
        for index, part in enumerate(parts)
    ]
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above.


# SQLite (and any other database): every word must match.


def _find_words(source: SearchSource, query: str) -> list[Hit]:
    words = query_words(query)
    fields = (source.title_field, source.summary_field, source.body_field)
    condition = Q()
    for word in words:
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": word})
        condition &= either
    rows = source.queryset().filter(condition).values_list("pk", *fields)[:MAX_RESULTS]
    hits = []
    for pk, title, summary, body in rows:
        title, summary, body = title.lower(), summary.lower(), body.lower()
        rank = sum(
            (4 if word in title else 0) + (2 if word in summary else 0) + (word in body)
            for word in words
        )
        hits.append(Hit(source, pk, rank / (7 * len(words))))
    return hits


def _snippet(body_html: str, words: list[str]) -> SafeString:
    """About SNIPPET_CHARACTERS of the body around the first matched word, words marked."""
    text = " ".join(html.unescape(strip_tags(body_html)).split())
    if not words or not text:
        return mark_safe("")
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(text)
    if first is None:
        return mark_safe("")
    start = max(0, first.start() - SNIPPET_CHARACTERS // 3)
    end = min(len(text), start + SNIPPET_CHARACTERS)
    # Whole words only at the edges.
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = text[start:end]
    pieces, position = [], 0
    for match in pattern.finditer(window):
        pieces.append(escape(window[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(window[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped.


# Spelling: suggest the nearest word the site uses.


def vocabulary() -> frozenset[str]:
    """Every word of three letters or more in published titles, summaries and bodies."""
    key = f"search-vocabulary:{get_content_version()}"
    words = cache.get(key)
    if words is None:
        found = set(REPORTING_WORDS)
        for source in search_sources():
            fields = (source.title_field, source.summary_field, source.body_field)
            for row in source.queryset().values_list(*fields):
                for text in row:
                    found.update(w for w in re.findall(r"[a-z]{3,}", text.lower()))
        words = frozenset(found)
        cache.set(key, words, 3600)
    return words


def suggestion(query: str) -> str | None:
    """The query with each unknown word replaced by the nearest known one, if any changed."""
    words = query_words(query)
    if not words:
        return None
    known = vocabulary()
    changed, suggested = False, []
    for word in words:
        if word in known or not word.isalpha() or len(word) < 3:
            suggested.append(word)
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if close:
            changed = True
            suggested.append(close[0])
        else:
            suggested.append(word)
    return " ".join(suggested) if changed else None


def wants_to_report(*queries: str | None) -> bool:
    """Whether the query (or its suggested spelling) is about reporting something."""
    return any(word in REPORTING_WORDS for query in queries if query for word in query_words(query))
