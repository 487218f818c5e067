#!/usr/bin/python3
"""Checks an HTML file with axe-core in Debian's headless chromium (WCAG 2.0, 2.1 and 2.2, A and AA).

    axe_check.py REPORT.html AXE_MIN_JS
    axe_check.py http://HOST:PORT/PAGE AXE_MIN_JS      a page served (the live room's)

Prints every violation (rule, impact, help, each node's target) and exits 1 when there is any, 2 when
the check itself could not run. Needs chromium, chromium-driver and python3-selenium (scripts/lib.sh).
"""
import json
import pathlib
import shutil
import sys
import tempfile

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    url = sys.argv[1] if sys.argv[1].startswith(("http://", "https://")) else pathlib.Path(sys.argv[1]).resolve().as_uri()
    name = url.rsplit("/", 1)[-1] if url.startswith("file:") else url
    axe = pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("axe_check: python3-selenium is not installed", file=sys.stderr)
        return 2
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    profile = tempfile.mkdtemp(prefix="hicm-axe-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,1024"]:
        options.add_argument(arg)
    driver = None
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        driver.set_script_timeout(60)
        driver.get(url)
        driver.execute_script(axe)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length,"
            " version: axe.version}))).catch(e => done(JSON.stringify({error: String(e)})));",
            TAGS)
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    data = json.loads(result)
    if "error" in data:
        print(f"axe_check: axe-core failed: {data['error']}", file=sys.stderr)
        return 2
    violations = data["violations"]
    print(f"axe-core {data['version']} on {name}: {data['passes']} rules passed, "
          f"{len(violations)} violated ({', '.join(TAGS)})")
    for v in violations:
        print(f"- {v['id']} ({v.get('impact')}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"]:
            print(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
    if data["passes"] == 0:
        print("axe_check: no rule ran: the page did not load", file=sys.stderr)
        return 2
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
