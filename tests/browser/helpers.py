"""Helpers for browser tests: accessibility checks with axe-core."""

import json
from pathlib import Path

import pytest

AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now and return its violations."""
    if not AXE_SOURCE.exists():
        pytest.fail(f"axe-core is missing at {AXE_SOURCE}: run `npm ci`")
    # page.evaluate is not subject to the page's CSP, so axe runs without weakening it.
    page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": v["id"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]],
        }
        for v in result["violations"]
    ]


def assert_accessible(page):
    """Fail with a readable list when axe-core finds any violation."""
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{json.dumps(violations, indent=2)}"


def tab_to(page, target, *, limit: int = 40) -> None:
    """Press Tab, as a keyboard user would, until ``target`` has focus (or fail)."""
    from playwright.sync_api import expect

    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    expect(target).to_be_focused()
