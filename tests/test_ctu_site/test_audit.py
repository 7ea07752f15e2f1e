"""`make audit` (scripts/audit.py): a vulnerability found fails it, and so does an audit that
could not be done; only a complete, clean audit passes."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def dep(name, *, vulns=(), skip=None):
    entry = {"name": name, "version": "1.0", "vulns": list(vulns)}
    if skip:
        entry["skip_reason"] = skip
    return entry


def test_a_clean_complete_audit_passes():
    status, lines = audit.verdict({"dependencies": [dep("django"), dep("nh3")]})
    assert status == 0
    assert lines == ["No known vulnerabilities in the 2 locked packages."]


def test_a_known_vulnerability_fails_with_its_fix():
    vuln = {"id": "PYSEC-2026-1", "fix_versions": ["1.1"]}
    status, lines = audit.verdict({"dependencies": [dep("django", vulns=[vuln]), dep("nh3")]})
    assert status == 1
    assert lines == ["VULNERABLE django 1.0: PYSEC-2026-1 (fixed in 1.1)"]


def test_an_audit_that_could_not_reach_its_data_fails_and_says_so():
    status, lines = audit.verdict(
        {"dependencies": [dep("django"), dep("nh3", skip="Dependency not found on PyPI")]}
    )
    assert status == 2
    assert "could not be reached for 1 of 2 packages" in lines[-1]
    assert not any("No known vulnerabilities" in line for line in lines)


def test_with_no_network_the_command_fails_and_never_reports_clean():
    """Through a proxy nothing listens on, pip-audit reaches nothing: exit 2, not 0."""
    env = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "audit.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "No known vulnerabilities" not in result.stdout
