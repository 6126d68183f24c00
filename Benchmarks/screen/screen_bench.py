"""The duty-room screen in Chromium against a running mesh (scripts/mesh.sh start): the first screen
drawn after navigation (its `anlan-first-screen` mark), what the page loads (raw and gzip-compressed),
and how long a move recorded through a township's gateway takes to show on the province's screen.
Prints figures; asserts nothing. Run with `scripts/bench.sh screen`; with --screenshot, writes the
province's screen there (docs/screen.png in the README)."""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "Tests" / "Browser"))
from conftest import BIN, chrome  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screen", default="http://127.0.0.1:8450/")
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--evacuation-port", type=int, default=7465, help="the township's evacuation service (灵隐街道's in the mesh)")
    parser.add_argument("--phone", default="http://127.0.0.1:8458")
    parser.add_argument("--screenshot")
    parser.add_argument("--password", default=os.environ.get("ANLAN_DEV_PASSWORD", ""),
                        help="the mesh's people's password (scripts/bench.sh passes the development one)")
    arguments = parser.parse_args()

    driver = chrome()
    sign_in(driver, arguments.screen, "1001", arguments.password)  # 省值班员, at the province's screen
    firsts = []
    for _ in range(arguments.loads):
        driver.get(arguments.screen)
        WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
        firsts.append(driver.execute_script("return performance.getEntriesByName('anlan-first-screen')[0].startTime"))
    loaded = driver.execute_script("return performance.getEntriesByType('resource').map(r => r.name).concat([location.href])")
    raw = compressed = 0
    for url in loaded:
        if "/api/" in url:
            continue
        body = urllib.request.urlopen(url, timeout=10).read()
        raw += len(body)
        compressed += len(gzip.compress(body, 9))
    print(f"first screen drawn after navigation ({arguments.loads} loads): median {statistics.median(firsts):.0f} ms, "
          f"slowest {max(firsts):.0f} ms; the page loads {raw / 1024:.0f} KB, {compressed / 1024:.0f} KB gzip-compressed")
    if arguments.screenshot:
        time.sleep(2)
        driver.save_screenshot(arguments.screenshot)

    # A move recorded at the township's own node, then seen on the province's screen.
    moved = lambda: int(driver.execute_script("return document.getElementById('evacuation-moved').dataset.value"))  # noqa: E731
    page = json.loads(subprocess.run([str(BIN.parent / "release" / "evacuation"), "probe", "worklist", "--port", str(arguments.evacuation_port),
                                      "--json", "--limit", "5"], check=True, capture_output=True, text=True).stdout)
    delays = []
    cadre = session_cookie(arguments.phone, "3001", arguments.password)  # 灵隐街道干部, at the township's phone page
    for task in page["records"][:5]:
        before = moved()
        request = urllib.request.Request(f"{arguments.phone}/api/transfers/{task['transferCode']}/scan", method="POST",
                                         data=json.dumps({"action": "move", "actor": "screen-bench", "warningID": task["warningID"]}).encode(),
                                         headers={"Content-Type": "application/json", "Cookie": cadre})
        urllib.request.urlopen(request, timeout=10).read()
        recorded = time.monotonic()
        WebDriverWait(driver, 30, poll_frequency=0.02).until(lambda d: moved() > before)
        delays.append(time.monotonic() - recorded)
    print(f"a move at 灵隐街道's node seen on the province's screen after: {', '.join(f'{d:.2f}' for d in delays)} s")
    driver.quit()


def sign_in(driver, screen: str, user: str, password: str) -> None:
    """Signs in at a gateway with identities through its form (a plaintext gateway shows none)."""
    driver.get(screen)
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "anlan-signin")
                                    or d.execute_script("return document.body.dataset.ready === '1'"))
    forms = driver.find_elements(By.ID, "anlan-signin")
    if not forms:
        return
    forms[0].find_element(By.NAME, "user").send_keys(user)
    forms[0].find_element(By.NAME, "password").send_keys(password)
    forms[0].find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def session_cookie(base: str, user: str, password: str) -> str:
    """The `Cookie` header of a session signed in at a gateway's `/api/session`."""
    request = urllib.request.Request(f"{base}/api/session", method="POST", data=json.dumps({"id": user, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers["Set-Cookie"].split(";")[0]


if __name__ == "__main__":
    main()
