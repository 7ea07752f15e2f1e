"""CPU time to render public pages without the page cache, in-process.

Target (DESIGN.md): an uncached page under 4 ms of CPU. Run: .venv/bin/python bench/render_cpu.py
It builds a throwaway SQLite database with the starter content, so it never touches yours.
"""

import statistics
import sys
import time

import throwaway  # noqa: F401 - Django on a throwaway database
from django.core.management import call_command
from django.test import Client, override_settings

TARGET_MS = 4.0
PATHS = ["/", "/contest/", "/contest/prevent/"]
ROUNDS = 300


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("load_starter_content", verbosity=0)
    client = Client()
    failed = False
    # A zero cache time renders every request afresh: a cache miss for an anonymous visitor.
    plain_static = {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    with override_settings(PAGE_CACHE_SECONDS=0, STORAGES=plain_static):
        for path in PATHS:
            for _ in range(20):  # warm up: imports, template loading, the menu cache
                assert client.get(path).status_code == 200, path
            samples = []
            for _ in range(ROUNDS):
                start = time.process_time()
                client.get(path)
                samples.append((time.process_time() - start) * 1000)
            median = statistics.median(samples)
            p95 = statistics.quantiles(samples, n=20)[-1]
            ok = median < TARGET_MS
            failed |= not ok
            verdict = "ok" if ok else "OVER TARGET"
            print(f"{path:45} median {median:5.2f} ms  p95 {p95:5.2f} ms  {verdict}")
    print(f"target: median under {TARGET_MS} ms of CPU per uncached page")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
