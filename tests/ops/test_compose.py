"""The production stack: docker-compose accepts the file, and it wires what the README promises."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.config import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
APP_SERVICES = ("migrate", "api", "worker")


@pytest.fixture(autouse=True)
def _no_settings_from_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read the environment; only the values written in the file may count here."""
    for name in [n for n in os.environ if n.startswith("BOUNCEBACK_")]:
        monkeypatch.delenv(name)


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The stack as docker-compose resolves it (anchors merged, variables substituted)."""
    exe = shutil.which("docker-compose")
    if exe is None:
        if os.environ.get("BOUNCEBACK_TEST_REQUIRE_COMPOSE") == "1":
            pytest.fail("docker-compose required (BOUNCEBACK_TEST_REQUIRE_COMPOSE=1) but not installed")
        pytest.skip("docker-compose not installed (scripts/test installs Debian's package when root)")
    # An empty env file: an operator's .env beside the compose file must not change what is checked.
    env_file = tmp_path_factory.mktemp("compose") / "empty.env"
    env_file.write_text("")
    proc = _config(exe, env_file, BOUNCEBACK_SECRET_KEY=SECRET_KEY)
    assert proc.returncode == 0, proc.stderr
    resolved: dict[str, Any] = yaml.safe_load(proc.stdout)
    return resolved


SECRET_KEY = "compose-test-secret-0123456789abcdef"


def _config(exe: str, env_file: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [exe, "--env-file", str(env_file), "-f", str(COMPOSE), "config"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        # No BOUNCEBACK_* from the caller leaks in: only `variables`.
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", **variables},
    )


def test_the_stack_refuses_to_start_without_a_secret_key(config: dict[str, Any], tmp_path: Path) -> None:
    exe = shutil.which("docker-compose")
    assert exe is not None  # (the config fixture skipped otherwise)
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    proc = _config(exe, env_file)
    assert proc.returncode != 0 and "set BOUNCEBACK_SECRET_KEY" in proc.stderr
    for name in APP_SERVICES:
        assert config["services"][name]["environment"]["BOUNCEBACK_SECRET_KEY"] == SECRET_KEY


def test_stack_has_database_broker_migration_api_and_worker(config: dict[str, Any]) -> None:
    assert set(config["services"]) == {"postgres", "kafka", *APP_SERVICES}


def test_postgres_has_a_pg_isready_healthcheck(config: dict[str, Any]) -> None:
    check = config["services"]["postgres"]["healthcheck"]["test"]
    assert "pg_isready" in " ".join(check)


def test_kafka_is_a_single_kraft_node(config: dict[str, Any]) -> None:
    kafka = config["services"]["kafka"]
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert not any(k.startswith("KAFKA_ZOOKEEPER") for k in env)
    # A KRaft cluster id is 16 bytes in base64url: 22 characters.
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", env["CLUSTER_ID"])
    assert "healthcheck" in kafka


def test_app_services_share_one_image_and_one_configuration(config: dict[str, Any]) -> None:
    services = config["services"]
    images = {services[name]["image"] for name in APP_SERVICES}
    assert len(images) == 1
    for name in APP_SERVICES:
        assert services[name]["build"]["context"] == str(ROOT)
    urls = {services[name]["environment"]["BOUNCEBACK_DATABASE_URL"] for name in APP_SERVICES}
    assert urls == {"postgresql+psycopg://bounceback:bounceback@postgres:5432/bounceback"}
    for name in APP_SERVICES:
        assert services[name]["environment"]["BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"


def test_every_bounceback_variable_is_a_real_setting(config: dict[str, Any]) -> None:
    known = {"BOUNCEBACK_" + name.upper() for name in Settings.model_fields}
    for name in APP_SERVICES:
        used = {k for k in config["services"][name]["environment"] if k.startswith("BOUNCEBACK_")}
        assert used <= known, f"{name}: unknown settings {sorted(used - known)}"
        # And every value is one the service accepts.
        values = {
            k[len("BOUNCEBACK_") :].lower(): v for k, v in config["services"][name]["environment"].items()
        }
        Settings.model_validate(values)


def test_migration_runs_once_before_api_and_worker(config: dict[str, Any]) -> None:
    services = config["services"]
    migrate = services["migrate"]
    assert migrate["command"] == ["db", "upgrade"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("api", "worker"):
        deps = services[name]["depends_on"]
        assert deps["migrate"]["condition"] == "service_completed_successfully"
        assert deps["kafka"]["condition"] == "service_healthy"


def test_api_serves_and_worker_works(config: dict[str, Any]) -> None:
    services = config["services"]
    assert services["api"]["command"][0] == "serve"
    assert any(p["target"] == 8025 for p in services["api"]["ports"])
    worker = services["worker"]
    assert worker["command"] == ["worker"]
    assert "ports" not in worker
    # Without an API the worker's figures need their own port, and its healthcheck uses it.
    metrics_port = str(worker["environment"]["BOUNCEBACK_METRICS_PORT"])
    assert metrics_port != "0"
    assert f":{metrics_port}/metrics" in " ".join(worker["healthcheck"]["test"])


def test_dockerfile_is_slim_and_non_root() -> None:
    text = (ROOT / "Dockerfile").read_text()
    froms = re.findall(r"^FROM\s+(\S+)", text, re.MULTILINE)
    assert froms and froms[-1].endswith("-slim"), froms
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users and not users[-1].startswith(("root", "0")), users
    assert re.search(r'^ENTRYPOINT \["bounceback"\]', text, re.MULTILINE)
    # Everything the image copies exists, and the build context does not exclude it.
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for source in re.findall(r"^COPY (?!--from)(.+) \S+$", text, re.MULTILINE):
        for path in source.split():
            assert (ROOT / path).exists(), path
            assert path.rstrip("/") not in ignored, path
