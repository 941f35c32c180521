"""Render the default graph and screenshot it for the README: the page as it opens at
1280x800 (docs/explorer-belarus.png) and with a path picked (docs/belarus-2022.png).

Usage: python docs/screenshot.py [GRAPH] [PNG] [FIRST_VIEW_PNG]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from actorgraph import read_graph, write_html

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    graph_file = Path(sys.argv[1] if len(sys.argv) > 1 else "graph/belarus-2022.yaml")
    png = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/belarus-2022.png")
    first = Path(sys.argv[3] if len(sys.argv) > 3 else "docs/explorer-belarus.png")
    page_file = write_html(read_graph(graph_file), Path(tempfile.mkdtemp()) / "page.html")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(page_file.as_uri())
        page.wait_for_function("window.actorgraph.views[0].ready", timeout=30_000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(first))
        page.close()
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_file.as_uri())
        page.wait_for_function("window.actorgraph.views[0].ready", timeout=30_000)
        page.fill(".ag-path-from", "China")
        page.fill(".ag-path-to", "Belarusian military")
        page.select_option(".ag-path-k", "1")
        page.click(".ag-path-go")
        page.wait_for_timeout(500)
        page.screenshot(path=str(png))
        browser.close()
    print(f"wrote {first} and {png}")


if __name__ == "__main__":
    main()
