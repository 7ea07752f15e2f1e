"""Set Django up on a throwaway SQLite database in production mode, for the benchmarks.

Import it first: ``import throwaway  # noqa: F401`` (the scripts run from bench/, so it is on the
path). It never touches your database.
"""

import os
import sys
import tempfile
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
