"""CPU time to render public pages without the page cache, in-process.

Target (DESIGN.md): an uncached page under 4 ms of CPU. Run: .venv/bin/python bench/render_cpu.py
It builds a throwaway SQLite database with the starter content, so it never touches yours.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="ctu-bench-")
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "ctu_site.settings",
        "DEBUG": "false",
        "TESTING": "false",
        "SECRET_KEY": "bench-" + "x" * 60,
        "PREVENT_ENCRYPTION_KEYS": "5xhlwG-6GQpZ2Jr_Pfw8IKTXvBoOaJHZtG8CKV3frbs=",
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
        "SECURE_SSL_REDIRECT": "false",
    }
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

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
