"""Search quality and cost: the hit rate of the query set, and time to build and to answer.

Run: .venv/bin/python bench/search_quality.py
The query set (tests/test_search/query_set.py) is what people type, each with the page that must
come first; the hit rate is the share that does. Targets: every query (100%), an index built in
under 1 s for the starter site, and a median search under 5 ms once the index is built. It makes
a throwaway SQLite database with the starter content, so it never touches yours.
"""

import statistics
import sys
import time

import throwaway  # noqa: F401 - Django on a throwaway database
from django.core.management import call_command
from django.test import override_settings

from search import backends
from tests.test_search.query_set import QUERY_SET, first_result

BUILD_TARGET_S = 1.0
SEARCH_TARGET_MS = 5.0


# No collectstatic here: serve static names as they are, as render_cpu.py does.
@override_settings(
    STORAGES={"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
)
def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("load_starter_content", verbosity=0)
    start = time.perf_counter()
    index = backends.build_index()
    build = time.perf_counter() - start
    backends.current_index()  # keep one for the searches below
    misses = []
    samples = []
    for query, expected in QUERY_SET:
        start = time.perf_counter()
        got = first_result(query)
        samples.append((time.perf_counter() - start) * 1000)
        if got != expected:
            misses.append((query, expected, got))
    hits = len(QUERY_SET) - len(misses)
    median = statistics.median(samples)
    print(f"hit rate: {hits}/{len(QUERY_SET)} ({hits / len(QUERY_SET):.0%})")
    for query, expected, got in misses:
        print(f"  miss: {query!r} -> {got} (wanted {expected})")
    print(
        f"index: {len(index.documents)} documents built in {build:.2f} s "
        f"(target {BUILD_TARGET_S} s)"
    )
    print(
        f"search: median {median:.2f} ms, worst {max(samples):.2f} ms "
        f"(target {SEARCH_TARGET_MS} ms)"
    )
    return 0 if not misses and build < BUILD_TARGET_S and median < SEARCH_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
