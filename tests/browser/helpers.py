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


# Collects the page's layout shifts from the moment it starts loading. Playwright injects init
# scripts through the DevTools protocol, so the page's CSP does not apply to them.
LAYOUT_SHIFT_OBSERVER = """
window.__layoutShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""


def slow_network(page, *, latency_ms: int = 150) -> None:
    """Give every request a phone network's latency, so scripts arrive after the first paint
    (on loopback everything arrives before it, and no shift would ever show)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency_ms,
            "downloadThroughput": 1_600_000 // 8 * 1024 // 1000,
            "uploadThroughput": 750_000 // 8,
        },
    )


def cumulative_layout_shift(page, url: str) -> float:
    """The page's cumulative layout shift, measured by the browser, once it has settled."""
    page.add_init_script(LAYOUT_SHIFT_OBSERVER)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    return page.evaluate("window.__layoutShift")
