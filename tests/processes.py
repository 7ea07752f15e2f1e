"""``manage.py`` in a process of its own, with an environment the test chooses."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def manage(*args: str, env_overrides: dict, remove=(), python: str = sys.executable):
    """Run manage.py as a deployment would: the test runner's own settings left out."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_ALLOW"))}
    env.update(env_overrides)
    for name in remove:
        env.pop(name, None)
    return subprocess.run(
        [python, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
