"""Site search: one index of everything the public can read, the same on every database.

What is indexed: every published item of each kind of content registered as a
``core.registries.SearchSource`` (pages, news, operations, incidents), and every page that is a
view rather than content (``core.registries.search_pages()``: the threat level, contact, the
referral start), rendered as the public sees it. Each text is split into words and each word
reduced to its stem with the Snowball English stemmer (British and American spellings of
-ise/-ize alike), so "radicalised" finds "radicalisation" on SQLite exactly as on PostgreSQL.

How a query is read: its words, less words like "my" and "is", each a term that must match;
staff's synonyms (``search.models.Synonym``) widen a term to every word or phrase of its set; a
quoted "phrase" must match as written; a word after a minus is excluded. Results must contain
every term; a title match counts for more than a summary match, which counts for more than the
body, and rarer words count for more. When nothing contains every term, the results for the
best-spelled query are shown instead (``suggestion``), or else what contains the most terms.

The index is built once per process for each content version (``core.content_version``: every
publish, unpublish, expiry, threat-level change and staff edit to synonyms or best bets moves it
on), so a search costs no database query once warm. It holds the site's text in memory, which
suits a site of thousands of items; see the README for the limits.
"""

import html as html_lib
import logging
import math
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

import snowballstemmer
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import resolve, reverse
from django.utils.html import escape, strip_tags
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe

from core.content_version import get_content_version
from core.registries import search_pages, search_sources
from search.models import BestBet, Synonym

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_RESULTS = 500
SNIPPET_CHARACTERS = 220
# How much a match counts for, by where it is.
TITLE, SUMMARY, BODY = 10.0, 4.0, 1.0

# Words that carry no meaning on their own in a query. Kept in the index (so phrases match as
# written) but dropped from queries, except inside a quoted phrase.
_STOP_WORDS = (
    "a about after all am an and any are as at be been being but by can could did do does for "
    "from had has have he her him his how i if in into is it its me my no not of on or our out "
    "she should so some than that the their them then there these they this those to too up us "
    "was we were what when where which who whom why will with would you your yours"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())

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

WORD = re.compile(r"\w+(?:'\w+)?")
_stemmer = threading.local()


# --- Words ----------------------------------------------------------------------------------


def clean_query(raw: str) -> str:
    """The query with control characters removed and spaces collapsed (not yet length-checked)."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") else char
        for char in raw
    )
    return " ".join(text.split())


def words_of(text: str) -> list[str]:
    """The words of a text, lower case, with possessive 's and apostrophes dropped."""
    words = []
    for match in WORD.finditer(text.lower()):
        word = match.group()
        word = word[:-2] if word.endswith("'s") else word.replace("'", "")
        words.append(word)
    return words


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The word's stem: 'radicalised', 'radicalisation' and 'radicalization' -> 'radicalis'."""
    # American -ize forms as British -ise, so both spellings meet.
    word = re.sub(r"iz(e|ed|es|ing|ation|ations|er|ers)$", r"is\1", word)
    if not hasattr(_stemmer, "english"):
        _stemmer.english = snowballstemmer.stemmer("english")  # not thread-safe: one per thread
    return _stemmer.english.stemWord(word)


def stems_of(text: str) -> str:
    """The stems of a text in order, space-separated and space-padded, for phrase matching."""
    return " " + " ".join(stem(word) for word in words_of(text)) + " "


def query_words(query: str) -> list[str]:
    """The words of a query, lower case, at most MAX_WORDS of them, in order, without repeats."""
    return list(dict.fromkeys(words_of(query)))[:MAX_WORDS]


# --- The index ------------------------------------------------------------------------------


@dataclass
class Document:
    label: str
    title: str
    url: str
    summary: str
    text: str  # plain text of the body, for snippets
    date: object
    title_stems: str
    summary_stems: str
    body_stems: str


@dataclass
class Index:
    version: object
    documents: list[Document]
    # stem phrase -> every stem phrase of its synonym set (itself included)
    synonyms: dict[str, tuple[str, ...]]
    longest_synonym: int
    best_bets: dict[str, list[BestBet]]
    vocabulary: frozenset[str]  # every word a document or a synonym uses
    known_stems: frozenset[str]
    df: dict[str, int] = field(default_factory=dict)  # document frequency, filled as asked


def _document(label, title, url, summary, body_text, date) -> Document:
    return Document(
        label=label,
        title=title,
        url=url,
        summary=summary,
        text=body_text,
        date=date,
        title_stems=stems_of(title),
        summary_stems=stems_of(summary),
        body_stems=stems_of(body_text),
    )


def _plain(html: str) -> str:
    return " ".join(html_lib.unescape(strip_tags(html)).split())


def _content_documents() -> list[Document]:
    documents = []
    for source in search_sources():
        for obj in source.queryset():
            documents.append(
                _document(
                    source.label,
                    getattr(obj, source.title_field),
                    obj.get_absolute_url(),
                    getattr(obj, source.summary_field),
                    _plain(getattr(obj, source.body_html_field)),
                    getattr(obj, source.date_field),
                )
            )
    return documents


def _anonymous_get(path: str) -> HttpRequest:
    """A GET for ``path`` as an anonymous visitor on SITE_URL, for rendering a page to index."""
    site = urlsplit(settings.SITE_URL)
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = path
    request.META = {
        "SERVER_NAME": site.hostname or "localhost",
        "SERVER_PORT": str(site.port or (443 if site.scheme == "https" else 80)),
        "HTTP_HOST": site.netloc or "localhost",
        "wsgi.url_scheme": site.scheme or "http",
        "REMOTE_ADDR": "127.0.0.1",
    }
    request.user = AnonymousUser()
    request.session = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    return request


def _main_text(page_html: str) -> tuple[str, str, str]:
    """(heading, description, text of <main> without the report box) of a rendered page."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page_html, re.S)
    description = re.search(r'<meta name="description" content="([^"]*)"', page_html)
    main = re.search(r"<main\b[^>]*>(.*)</main>", page_html, re.S)
    body = main.group(1) if main else ""
    body = re.sub(
        r'<div class="govuk-inset-text app-report-panel">.*?</div>', " ", body, flags=re.S
    )
    body = re.sub(r"<h1[^>]*>.*?</h1>", " ", body, count=1, flags=re.S)
    return (
        _plain(heading.group(1)) if heading else "",
        html_lib.unescape(description.group(1)) if description else "",
        _plain(body),
    )


def _page_documents() -> list[Document]:
    documents = []
    for url_name in search_pages():
        path = reverse(url_name)
        try:
            match = resolve(path)
            response = match.func(_anonymous_get(path), *match.args, **match.kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                raise ValueError(f"status {response.status_code}")
        except Exception:
            # One page that cannot be rendered must not take search down with it.
            logger.exception("Search could not index %s", path)
            continue
        title, summary, text = _main_text(response.content.decode())
        documents.append(_document("Page", title, path, summary, text, None))
    return documents


def build_index(version=None) -> Index:
    documents = _content_documents() + _page_documents()
    synonyms: dict[str, tuple[str, ...]] = {}
    synonym_words = set()
    for synonym in Synonym.objects.all():
        terms = synonym.term_list()
        phrases = tuple(dict.fromkeys(stems_of(term).strip() for term in terms))
        for phrase in phrases:
            # A phrase in two sets joins them.
            synonyms[phrase] = tuple(dict.fromkeys((*synonyms.get(phrase, ()), *phrases)))
        for term in terms:
            synonym_words.update(words_of(term))
    best_bets: dict[str, list[BestBet]] = {}
    for bet in BestBet.objects.all():
        best_bets.setdefault(_bet_key(bet.query), []).append(bet)
    vocabulary = set(synonym_words) | REPORTING_WORDS
    known_stems = set()
    for document in documents:
        for text in (document.title, document.summary, document.text):
            vocabulary.update(w for w in words_of(text) if w.isalpha() and len(w) >= 3)
        for stems in (document.title_stems, document.summary_stems, document.body_stems):
            known_stems.update(stems.split())
    known_stems.update(stem(word) for word in synonym_words)
    return Index(
        version=version,
        documents=documents,
        synonyms=synonyms,
        longest_synonym=max((len(p.split()) for p in synonyms), default=1),
        best_bets=best_bets,
        vocabulary=frozenset(vocabulary),
        known_stems=frozenset(known_stems),
    )


_built: dict[str, Index] = {}
_building = threading.Lock()


def current_index() -> Index:
    """The index for the current content version, built once per process per version.

    ``SEARCH_INDEX_REUSE = False`` (the tests' default) builds it for every search, since tests
    change content without committing, which would not move the content version on.
    """
    if not getattr(settings, "SEARCH_INDEX_REUSE", True):
        return build_index()
    version = get_content_version()
    index = _built.get("index")
    if index is not None and index.version == version:
        return index
    with _building:
        index = _built.get("index")
        if index is None or index.version != version:
            index = build_index(version)
            _built["index"] = index
    return index


def forget_index() -> None:
    _built.clear()


# --- Queries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One thing a result must contain: any of these stem phrases."""

    alternatives: tuple[str, ...]
    words: tuple[str, ...]  # what was typed


@dataclass
class ParsedQuery:
    terms: list[Term]
    excluded: list[str]


def _bet_key(text: str) -> str:
    return " ".join(sorted({stem(w) for w in words_of(text) if w not in STOP_WORDS}))


def parse(query: str, index: Index) -> ParsedQuery:
    terms, excluded = [], []
    phrases = re.findall(r'"([^"]+)"', query)
    rest = re.sub(r'"[^"]*"?', " ", query)
    for phrase in phrases:
        stems = stems_of(phrase).strip()
        if stems:
            terms.append(Term((stems,), tuple(words_of(phrase))))
    for token in rest.split():
        if token.startswith("-") and len(token) > 1:
            excluded.extend(stem(w) for w in words_of(token))
    plain = words_of(" ".join(t for t in rest.split() if not t.startswith("-")))
    plain = list(dict.fromkeys(plain))[:MAX_WORDS]
    position = 0
    while position < len(plain):
        # The longest synonym phrase that starts here, stop words included ("run hide tell").
        for length in range(min(index.longest_synonym, len(plain) - position), 0, -1):
            span = plain[position : position + length]
            key = " ".join(stem(w) for w in span)
            if key in index.synonyms and (length > 1 or span[0] not in STOP_WORDS):
                terms.append(Term(index.synonyms[key], tuple(span)))
                position += length
                break
        else:
            word = plain[position]
            if word not in STOP_WORDS:
                terms.append(Term((stem(word),), (word,)))
            position += 1
    if not terms:
        # Only stop words ("who are you"): search for them after all.
        terms = [Term((stem(w),), (w,)) for w in plain]
    return ParsedQuery(terms, excluded)


def _where(document: Document, alternative: str) -> float:
    needle = f" {alternative} "
    if needle in document.title_stems:
        return TITLE
    if needle in document.summary_stems:
        return SUMMARY
    if needle in document.body_stems:
        # More mentions count a little more, never as much as the title.
        return BODY + min(document.body_stems.count(needle), 5) * 0.1
    return 0.0


def _document_frequency(index: Index, term: Term) -> int:
    key = "|".join(term.alternatives)
    if key not in index.df:
        index.df[key] = sum(
            1 for d in index.documents if any(_where(d, alt) for alt in term.alternatives)
        )
    return index.df[key]


def _excluded(document: Document, excluded: list[str]) -> bool:
    fields = (document.title_stems, document.summary_stems, document.body_stems)
    return any(f" {word} " in text for word in excluded for text in fields)


@dataclass(frozen=True)
class Hit:
    document: Document
    score: float
    matched: int  # how many of the query's terms it contains


def _phrase_bonus(title_stems: str, typed: list[str]) -> float:
    """Credit for the longest run of the typed words, stop words and all, found in the title:
    'what to do in an attack' favours 'Staying safe in an attack' over 'affected by an attack'."""
    for length in range(len(typed), 1, -1):
        for start in range(len(typed) - length + 1):
            window = typed[start : start + length]
            if all(word in STOP_WORDS for word in window):
                continue
            if f" {' '.join(stem(w) for w in window)} " in title_stems:
                return TITLE * 0.5 * (length - 1)
    return 0.0


def _score(index: Index, parsed: ParsedQuery, typed: list[str]) -> list[Hit]:
    total = len(index.documents) or 1
    weights = [
        math.log(1 + total / (1 + _document_frequency(index, term))) for term in parsed.terms
    ]
    as_typed = [" ".join(stem(w) for w in term.words) for term in parsed.terms]
    hits = []
    for document in index.documents:
        if _excluded(document, parsed.excluded):
            continue
        score, matched = 0.0, 0
        for term, weight, typed_stems in zip(parsed.terms, weights, as_typed, strict=True):
            # A synonym counts for a little less than the word as typed, and more places
            # matched count for a little more than one.
            found = sorted(
                (
                    _where(document, alt) * (1.0 if alt == typed_stems else 0.8)
                    for alt in term.alternatives
                ),
                reverse=True,
            )
            if found[0]:
                matched += 1
                score += (found[0] + 0.1 * sum(found[1:])) * weight
        if not matched:
            continue
        score += _phrase_bonus(document.title_stems, typed)
        if document.title_stems.strip() == " ".join(as_typed):
            score += TITLE * 3  # the title is exactly what was asked for
        hits.append(Hit(document, score, matched))
    hits.sort(key=lambda hit: (-hit.score, hit.document.title))
    return hits


@dataclass
class Outcome:
    """What the search page shows for a query."""

    hits: list[Hit]
    best_bets: list[BestBet]
    corrected: str | None = None  # results are for this spelling instead
    suggestion: str | None = None  # offered, results are for the query as typed
    partial: bool = False  # no result has every word; these have the most


def search(query: str, *, exact: bool = False) -> Outcome:
    """Everything the results page needs for a query, best first."""
    index = current_index()
    if not query_words(query):
        return Outcome([], [])
    bets = index.best_bets.get(_bet_key(query), [])
    parsed = parse(query, index)
    hits = _score(index, parsed, query_words(query))
    complete = [hit for hit in hits if hit.matched == len(parsed.terms)]
    suggested = suggestion(query, index)
    if not complete and suggested and not exact:
        corrected_parsed = parse(suggested, index)
        corrected = [
            hit
            for hit in _score(index, corrected_parsed, query_words(suggested))
            if hit.matched == len(corrected_parsed.terms)
        ]
        if corrected:
            bets = bets or index.best_bets.get(_bet_key(suggested), [])
            return _without_bets(Outcome(corrected[:MAX_RESULTS], bets, corrected=suggested))
    if complete:
        outcome = Outcome(complete[:MAX_RESULTS], bets)
        if len(complete) < 3:
            outcome.suggestion = suggested
        return _without_bets(outcome)
    if hits:
        most = max(hit.matched for hit in hits)
        partial = [hit for hit in hits if hit.matched == most]
        return _without_bets(
            Outcome(partial[:MAX_RESULTS], bets, suggestion=suggested, partial=True)
        )
    return Outcome([], bets, suggestion=suggested)


def _without_bets(outcome: Outcome) -> Outcome:
    """A best bet is shown once, at the top: not again among the results."""
    pinned = {bet.url for bet in outcome.best_bets}
    outcome.hits = [hit for hit in outcome.hits if hit.document.url not in pinned]
    return outcome


def snippet(document: Document, query: str) -> SafeString:
    """About SNIPPET_CHARACTERS of the text around the first word typed, such words marked."""
    text = document.text
    wanted = {stem(word) for word in query_words(query) if word not in STOP_WORDS}
    matches = [m for m in WORD.finditer(text) if stem(words_of(m.group())[0]) in wanted]
    if not matches:
        return mark_safe("")
    first = matches[0]
    start = max(0, first.start() - SNIPPET_CHARACTERS // 3)
    end = min(len(text), start + SNIPPET_CHARACTERS)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped.


# --- Spelling -------------------------------------------------------------------------------


def suggestion(query: str, index: Index | None = None) -> str | None:
    """The query with each word the site does not know replaced by the nearest one it does."""
    import difflib

    index = index or current_index()
    words = query_words(query)
    if not words:
        return None
    changed, suggested = False, []
    for word in words:
        if (
            word in index.vocabulary
            or word in STOP_WORDS
            or stem(word) in index.known_stems
            or not word.isalpha()
            or len(word) < 3
        ):
            suggested.append(word)
            continue
        close = difflib.get_close_matches(word, index.vocabulary, n=1, cutoff=0.75)
        if close:
            changed = True
            suggested.append(close[0])
        else:
            suggested.append(word)
    return " ".join(suggested) if changed else None


def wants_to_report(*queries: str | None) -> bool:
    """Whether the query (or its corrected spelling) is about reporting something."""
    return any(word in REPORTING_WORDS for query in queries if query for word in query_words(query))
