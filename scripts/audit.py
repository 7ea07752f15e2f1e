"""`make audit`: the locked dependencies (requirements.lock) against known vulnerabilities.

pip-audit asks PyPI's vulnerability data about every pinned package. Exit status: 0 when every
package was checked and none has a known vulnerability; 1 when any has one (listed); 2 when
any package could not be checked (the data could not be reached, or pip-audit failed): the
audit then says so and never reports "no known vulnerabilities".
"""

import json
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"


def verdict(report: dict) -> tuple[int, list[str]]:
    """The exit status and the lines to print for a pip-audit JSON report."""
    dependencies = report.get("dependencies", [])
    unchecked = [d for d in dependencies if d.get("skip_reason")]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    lines = []
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            lines.append(
                f"VULNERABLE {dependency['name']} {dependency['version']}: {vuln['id']} "
                f"(fixed in {fixed})"
            )
    if unchecked:
        lines.append(
            f"The vulnerability data could not be reached for {len(unchecked)} of "
            f"{len(dependencies)} packages ({unchecked[0]['name']}: "
            f"{unchecked[0]['skip_reason']}): the audit is incomplete, not clean."
        )
        return 2, lines
    if vulnerable:
        return 1, lines
    if not dependencies:
        return 2, ["pip-audit checked no packages: the audit did not run."]
    return 0, [f"No known vulnerabilities in the {len(dependencies)} locked packages."]


def main() -> int:
    if not LOCK.exists():
        print("requirements.lock is missing: run `make lock` first.")
        return 2
    result = subprocess.run(  # noqa: S603 - our own venv's pip-audit on our own lock file
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--requirement",
            str(LOCK),
            "--require-hashes",
            "--disable-pip",
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        report = {}
    if not report.get("dependencies"):
        print("pip-audit could not run the audit:", (result.stderr or result.stdout).strip()[-500:])
        return 2
    status, lines = verdict(report)
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
