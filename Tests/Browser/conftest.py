"""A small real mesh for the duty-room screen's tests: the debug executables, one process per node.

Province 330000 (浙江省), city 330100 (杭州市), counties 330106 (西湖区) and 330110 (余杭区), each with
a registry and a gateway serving HTTP; the counties run hazard-survey, evacuation and
emergency-response with generated data, the province emergency-response (its helicopters). A red
typhoon warning issued at the province gives 西湖区's coded people their transfer tasks.
"""

import json
import os
import pathlib
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = ROOT / ".build" / "debug"
SCREENSHOTS = ROOT / ".build" / "screenshots"
COUNTIES = ["330106", "330110"]
PARENT = {"330100": "330000", "330106": "330100", "330110": "330100"}
POINTS = 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mesh:
    def __init__(self, directory: pathlib.Path, pki: pathlib.Path | None = None):
        self.dir = directory
        # With a PKI every node runs mutual TLS (and the gateways sign people in); without, plaintext.
        self.pki = pki
        self.processes: dict[str, subprocess.Popen] = {}
        self.ports: dict[str, int] = {}
        self.http: dict[str, int] = {}

    def run(self, *args: str) -> str:
        return subprocess.run([str(BIN / args[0]), *args[1:]], check=True, capture_output=True, text=True, cwd=self.dir).stdout

    def serve(self, name: str, executable: str, *args: str) -> int:
        port_file = self.dir / f"{name}.port"
        log = open(self.dir / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            [str(BIN / executable), "serve", "--port-file", str(port_file), "--log-level", "warning",
             *(["--pki", str(self.pki)] if self.pki else ["--insecure"]), *args],
            stdout=subprocess.DEVNULL, stderr=log, cwd=self.dir)
        for _ in range(400):
            if port_file.exists() and port_file.read_text().strip():
                self.ports[name] = int(port_file.read_text().strip())
                return self.ports[name]
            time.sleep(0.025)
        raise RuntimeError(f"{name} did not start; see {self.dir / (name + '.log')}")

    def registry(self, region: str) -> int:
        args = ["--region", region, "--database", str(self.dir / f"registry-{region}.sqlite")]
        if region in PARENT:
            args += ["--parent", f"127.0.0.1:{self.ports['registry-' + PARENT[region]]}"]
        return self.serve(f"registry-{region}", "registry", *args)

    def service(self, kind: str, region: str) -> int:
        database = self.dir / f"{kind}-{region}.sqlite"
        return self.serve(f"{kind}-{region}", kind, "--region", region, "--database", str(database),
                          "--registry", f"127.0.0.1:{self.ports['registry-' + region]}", "--lease-ttl", "2")

    def gateway(self, region: str) -> int:
        self.http[region] = free_port()
        args = ["--region", region, "--database", str(self.dir / f"gateway-{region}.sqlite"),
                "--registry", f"127.0.0.1:{self.ports['registry-' + region]}", "--lease-ttl", "2",
                "--refresh-interval", "0.2", "--max-age", "1", "--default-budget", "1",
                "--http-port", str(self.http[region])]
        if region in PARENT:
            args += ["--parent-registry", f"127.0.0.1:{self.ports['registry-' + PARENT[region]]}"]
        return self.serve(f"gateway-{region}", "gateway", *args)

    def seed(self, region: str, seed: int) -> None:
        demo = self.dir / f"demo-{region}"
        self.run("hazard-survey", "generate", "--region", region, "--points", str(POINTS), "--enterprises", "30",
                 "--hidden", "40", "--seed", str(seed), "--output", str(demo))
        for kind in ["enterprises", "points", "hidden-hazards"]:
            self.run("hazard-survey", "import", "--database", str(self.dir / f"hazard-survey-{region}.sqlite"),
                     "--region", region, "--kind", kind, str(demo / f"{kind}.csv"))
        self.run("evacuation", "generate", "--region", region, "--points", str(POINTS), "--seed", str(seed), "--output", str(demo))
        for kind in ["shelters", "people"]:
            self.run("evacuation", "import", "--database", str(self.dir / f"evacuation-{region}.sqlite"),
                     "--region", region, "--kind", kind, str(demo / f"{kind}.csv"))
        self.seed_teams(region, seed)

    def seed_teams(self, region: str, seed: int) -> None:
        demo = self.dir / f"teams-{region}"
        self.run("emergency-response", "generate", "--region", region, "--seed", str(seed), "--output", str(demo))
        self.run("emergency-response", "import", "--database", str(self.dir / f"emergency-response-{region}.sqlite"),
                 "--region", region, "--kind", "teams", str(demo / "teams.csv"))

    def url(self, region: str, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.http[region]}{path}"

    def get_json(self, region: str, path: str):
        with urllib.request.urlopen(self.url(region, path), timeout=10) as response:
            return json.load(response)

    def signal(self, name: str, number: int) -> None:
        self.processes[name].send_signal(number)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGCONT)
                process.kill()
        for process in self.processes.values():
            process.wait()


@pytest.fixture(scope="session")
def mesh():
    with tempfile.TemporaryDirectory(prefix="anlan-browser-") as directory:
        mesh = Mesh(pathlib.Path(directory))
        try:
            for region in ["330000", "330100", *COUNTIES]:
                mesh.registry(region)
            for seed, county in enumerate(COUNTIES, start=1):
                mesh.seed(county, seed)
                for kind in ["hazard-survey", "evacuation", "emergency-response"]:
                    mesh.service(kind, county)
            mesh.seed_teams("330000", 9)
            mesh.service("emergency-response", "330000")
            for region in ["330000", "330100", *COUNTIES]:
                mesh.gateway(region)
            # Every node reporting to the province, with 西湖区's people coded.
            deadline = time.time() + 30
            while True:
                summary = mesh.get_json("330000", "/api/summary?maxAge=0")
                reporting = sum(tier["reporting"] for tier in summary.get("coverage", []))
                if reporting == 3 and summary["evacuation"]["coded"] > 0:
                    break
                if time.time() > deadline:
                    raise RuntimeError(f"the mesh never came up: {summary.get('coverage')}")
                time.sleep(0.2)
            mesh.run("gateway", "probe", "warn", "--port", str(mesh.ports["gateway-330000"]), "--id", "ZJ-TEST-TY-01",
                     "--issuer", "330000", "--regions", "330106", "--level", "red", "--hazard", "typhoon",
                     "--lead-time", "6", "--headline", "台风红色预警")
            yield mesh
        finally:
            mesh.stop()


def transfer_codes(mesh: Mesh, region: str, count: int) -> list[str]:
    """Codes of people still to move under the warning in force, from the county's evacuation service."""
    page = json.loads(mesh.run("evacuation", "probe", "worklist", "--port", str(mesh.ports[f"evacuation-{region}"]),
                               "--json", "--limit", str(count)))
    return [task["transferCode"] for task in page["records"]]


@pytest.fixture(scope="session")
def screenshots() -> pathlib.Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def chrome(width: int = 1920, height: int = 1080, phone: bool = False):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                     "--lang=zh-CN"]:
        options.add_argument(argument)
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 375, "height": 812, "pixelRatio": 2}})
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
