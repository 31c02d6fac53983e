"""The public page types as the demo shows them, and how to look at them in a browser.

Used by ``manage.py screenshots`` (``make screenshots``) and the browser test that keeps
every page type free of layout shifts. Playwright is a development dependency: only the
functions that get a Playwright page need it, and they receive it from their caller.
"""

import os

from portal.hooks import SHOWCASE_PAGES, collect

# Debian's Chromium (Playwright's own browser download does not work here) and the flags it
# needs on a machine without a display or outside network; the browser tests use them too.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}

# The portal's own script, blocked to see a page as a visitor without JavaScript sees it
# (the layout-shift observer still runs: Playwright evaluates it, not the page).
SITE_SCRIPT = "**/static/js/*.js"

# The layout shifts the page has had so far (buffered), leaving out those right after an input,
# as Lighthouse and the Core Web Vitals do: each with its size, its time and the elements it
# moved, with their boxes before and after.
_LAYOUT_SHIFTS_JS = """
() => new Promise((resolve) => {
    const shifts = [];
    const box = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) { continue; }
            const moved = entry.sources.map((source) => {
                const node = source.node;
                const name = node && node.nodeType === 1
                    ? `${node.tagName.toLowerCase()}${node.id ? "#" + node.id : ""}` +
                      `${node.className ? "." + String(node.className).split(" ").join(".") : ""}`
                    : (node ? node.nodeName : "?");
                return `${name} ${box(source.previousRect)} -> ${box(source.currentRect)}`;
            });
            shifts.push({value: entry.value, time: Math.round(entry.startTime), moved});
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(shifts), 250);
})
"""


def showcase_pages():
    """Every app's showcase pages, in the order of the hook's scale."""
    return sorted(collect(SHOWCASE_PAGES), key=lambda page: (page.order, page.name))


def load_fully(page, url):
    """Open ``url`` and wait until its images and fonts are there."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


def cumulative_layout_shift(page):
    """The cumulative layout shift of the page loaded last, as a number (0 is perfect)."""
    return sum(shift["value"] for shift in page.evaluate(_LAYOUT_SHIFTS_JS))


def layout_shift_sources(page):
    """The layout shifts of the page loaded last, each with the elements it moved, to name
    the culprit when a page shifts."""
    return [
        f"{shift['value']:.4f} at {shift['time']} ms: {'; '.join(shift['moved'])}"
        for shift in page.evaluate(_LAYOUT_SHIFTS_JS)
    ]
