"""The duty-room screen and the phone page in a real browser (Debian's chromium, driven by Selenium).

Each test asserts what a person on duty would check; the timings they print (first screen drawn, a
township's change reaching the province's screen, what the page loads) are figures, not bars the
test enforces: the bars are measured with docs/BENCHMARKS.md's command on a quiet machine.
"""

import gzip
import signal
import time
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import subprocess
from selenium.webdriver.support import expected_conditions
from conftest import BIN, Mesh, chrome, transfer_codes

COLOURS = {"red", "orange", "yellow", "blue", "green", "none"}


def ready(driver, timeout=20):
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def county(driver, code):
    return driver.find_element(By.CSS_SELECTOR, f'path.county[data-code="{code}"]')


def test_the_province_screen_draws_zhejiangs_90_counties_coloured_by_risk(mesh, screenshots):
    driver = chrome()
    try:
        driver.get(mesh.url("330000"))
        ready(driver)
        counties = driver.find_elements(By.CSS_SELECTOR, "path.county")
        assert len(counties) == 90
        colours = {path.get_attribute("data-colour") for path in counties}
        assert colours <= COLOURS, colours
        # 西湖区 and 余杭区 have hazard points and report: coloured by their static risk, and fresh.
        for code in ["330106", "330110"]:
            assert county(driver, code).get_attribute("data-colour") in COLOURS - {"none"}
            assert county(driver, code).get_attribute("data-freshness") == "fresh"
        assert "浙江省" in driver.page_source
        first = driver.execute_script("return performance.getEntriesByName('anlan-first-screen')[0].startTime")
        loaded = driver.execute_script(
            "return performance.getEntriesByType('resource').map(r => r.name).concat([location.href])")
        raw = compressed = 0
        for url in loaded:
            if not url.startswith("http://127.0.0.1") or "/api/" in url:
                continue
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
            except urllib.error.HTTPError as error:
                raise AssertionError(f"the page loads {url}, which answers {error.code}") from error
            raw += len(body)
            compressed += len(gzip.compress(body, 9))
        print(f"\nfirst screen drawn {first:.0f} ms after navigation; the page loads {raw / 1024:.0f} KB "
              f"({compressed / 1024:.0f} KB gzip-compressed) of assets")
        assert all(url.startswith("http://127.0.0.1") for url in loaded), "everything comes from the gateway itself"
        driver.save_screenshot(str(screenshots / "screen.png"))
    finally:
        driver.quit()


def test_a_county_whose_gateway_stops_is_shown_stale_with_its_age(mesh, screenshots):
    driver = chrome()
    try:
        driver.get(mesh.url("330000"))
        ready(driver)
        mesh.signal("gateway-330110", signal.SIGSTOP)
        stopped = time.monotonic()
        try:
            WebDriverWait(driver, 20).until(lambda d: county(d, "330110").get_attribute("data-freshness") == "stale")
            print(f"\n余杭区 shown stale {time.monotonic() - stopped:.1f} s after its gateway stopped")
            # Its neighbour is unaffected; the coverage panel counts one county of two reporting.
            assert county(driver, "330106").get_attribute("data-freshness") == "fresh"
            WebDriverWait(driver, 10).until(lambda d: "县级 1/2" in d.find_element(By.ID, "coverage").text)
            driver.save_screenshot(str(screenshots / "screen-stale.png"))
        finally:
            mesh.signal("gateway-330110", signal.SIGCONT)
        WebDriverWait(driver, 20).until(lambda d: county(d, "330110").get_attribute("data-freshness") == "fresh")
    finally:
        driver.quit()


def test_a_move_recorded_on_the_phone_page_reaches_the_province_screen(mesh, screenshots):
    screen = chrome()
    phone = chrome(phone=True)
    try:
        screen.get(mesh.url("330000"))
        ready(screen)
        moved = lambda: int(screen.execute_script("return document.getElementById('evacuation-moved').dataset.value"))  # noqa: E731
        before = moved()

        code = transfer_codes(mesh, "330106", 1)[0]
        phone.get(mesh.url("330106", "/phone"))
        phone.find_element(By.ID, "actor").send_keys("王建国")
        phone.find_element(By.ID, "code").send_keys(code)
        phone.find_element(By.ID, "lookup").click()
        WebDriverWait(phone, 10).until(lambda d: d.find_element(By.ID, "state").get_attribute("data-state") == "to-call")
        phone.find_element(By.CSS_SELECTOR, 'button[data-action="move"]').click()
        WebDriverWait(phone, 10).until(lambda d: d.find_element(By.ID, "state").get_attribute("data-state") == "moved")
        recorded = time.monotonic()
        phone.save_screenshot(str(screenshots / "phone.png"))

        WebDriverWait(screen, 20, poll_frequency=0.05).until(lambda d: moved() == before + 1)
        print(f"\nthe move reached the province's screen {time.monotonic() - recorded:.2f} s after the phone recorded it")
    finally:
        screen.quit()
        phone.quit()


def test_the_index_panel_ranks_the_cities_as_the_api_does(mesh, screenshots):
    """管控力指数: the province's panel ranks its 11 cities with the scores /api/index gives (a city
    without enough data says so, never 0), and the map's index tab colours 杭州市's counties by its score."""
    report = mesh.get_json("330000", "/api/index")
    ranking = report["naturalDisasterRanking"]
    assert len(ranking) == 11
    hangzhou = next(row for row in ranking if row["index"]["regionCode"] == "330100")
    score = hangzhou["index"].get("score")
    driver = chrome()
    try:
        driver.get(mesh.url("330000"))
        ready(driver)
        WebDriverWait(driver, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#index table tbody tr")) == 11)
        row = driver.find_element(By.CSS_SELECTOR, '#index tr[data-code="330100"]')
        assert row.find_elements(By.TAG_NAME, "td")[1].text == ("数据不足" if score is None else f"{score:.1f}")
        driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="index"]').click()
        expected = "none" if score is None else next(c for floor, c in [(85, "green"), (70, "blue"), (55, "yellow"), (40, "orange"), (0, "red")]
                                                     if score >= floor)
        WebDriverWait(driver, 10).until(lambda d: county(d, "330106").get_attribute("data-colour") == expected)
        assert "管控力指数" in driver.find_element(By.ID, "legend").text
        # 指标下钻: the province's people at risk registered for transfer, as /api/index/records counts them.
        records = mesh.get_json("330000", "/api/index/records?indicator=risk-people-coded")
        expected_text = f"{int(records['value']['numerator']):,} / {int(records['value']['denominator']):,}"
        driver.find_element(By.CSS_SELECTOR, '#index li[data-indicator="risk-people-coded"]').click()
        WebDriverWait(driver, 10).until(lambda d: expected_text in d.find_element(By.ID, "indicator-records").text)
        time.sleep(0.6)  # the map's fill eases over 0.4 s: let the screenshot show the colours
        driver.save_screenshot(str(screenshots / "screen-index.png"))
    finally:
        driver.quit()


def test_a_gateway_with_identities_shows_its_screen_only_after_sign_in(screenshots, tmp_path):
    # A province node over mutual TLS: its PKI, its roster with one duty officer, its registry and gateway.
    pki = tmp_path / "pki"
    node = Mesh(tmp_path, pki=pki)
    node.run("gateway", "pki", "init", "--dir", str(pki))
    node.run("gateway", "pki", "issue", "--dir", str(pki), "--region", "330000", "--service", "registry", "gateway")
    subprocess.run([str(BIN / "gateway"), "pki", "person", "--dir", str(pki), "--gateway", "330000", "--id", "1001",
                    "--name", "省值班员", "--role", "officer"], input="值班室的密码2026\n", text=True, check=True,
                   capture_output=True)
    node.registry("330000")
    node.gateway("330000")
    driver = chrome()
    try:
        driver.get(node.url("330000"))
        form = WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "anlan-signin")))
        assert "值班登录" in form.text and "请先登录" in form.text
        driver.save_screenshot(str(screenshots / "sign-in.png"))
        form.find_element(By.NAME, "user").send_keys("1001")
        form.find_element(By.NAME, "password").send_keys("不是这个密码")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "工号或密码不正确" in d.find_element(By.ID, "anlan-signin").text)
        password = driver.find_element(By.NAME, "password")
        password.clear()
        password.send_keys("值班室的密码2026")
        driver.find_element(By.CSS_SELECTOR, "#anlan-signin button[type=submit]").click()
        # Signed in: the page starts again, draws the province, and asks for no one.
        ready(driver)
        assert not driver.find_elements(By.ID, "anlan-signin")
        assert "浙江省" in driver.page_source
        cookies = {cookie["name"]: cookie for cookie in driver.get_cookies()}
        assert cookies["anlan_session"]["httpOnly"], "the token is out of the page's scripts' reach"
    finally:
        driver.quit()
        node.stop()

