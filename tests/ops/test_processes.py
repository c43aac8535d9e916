"""The long-running processes as an operator runs them: bad settings stop them with one line; `serve`
starts on the embedded default in an empty directory; both stop cleanly on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from service.cli.common import settings_or_exit
from service.config import MIN_SECRET_KEY_BYTES, Settings, SettingsError, secret_key
from service.domain.tokens import MIN_SECRET_BYTES, read_verp
from tests.fixtures.processes import worker_processes

BOUNCEBACK = str(Path(sys.executable).with_name("bounceback"))
STOP_DEADLINE = 10.0  # the promise: exit 0 within 10 s of SIGTERM


def clean_env(**settings: str) -> dict[str, str]:
    """The caller's environment without any BOUNCEBACK_* setting, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    env.update(settings)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    """An empty directory, as on a fresh machine: the embedded SQLite file goes here."""
    return tmp_path


BAD_SETTINGS = [
    ("BOUNCEBACK_PORT", "70000"),
    ("BOUNCEBACK_DATABASE_URL", "mysql://db/bounceback"),
    ("BOUNCEBACK_SOFT_BOUNCE_THRESHOLD", "zero"),
    ("BOUNCEBACK_LOG_FORMAT", "xml"),
    ("BOUNCEBACK_LOG_LEVEL", "loud"),
    ("BOUNCEBACK_IMAP_POLL_INTERVAL_SECONDS", "-1"),
    ("BOUNCEBACK_SECRET_KEY", "too-short"),
    ("BOUNCEBACK_VERP_ADDRESS", "bounces+x@bounce.example"),
    ("BOUNCEBACK_VERP_ADDRESS", "not an address"),
    ("BOUNCEBACK_VERP_SEPARATOR", "="),
    ("BOUNCEBACK_COMPLAINT_SCOPE", "everyone"),
    ("BOUNCEBACK_ATTRIBUTION_HEADER", "X-Account: shop"),
    ("BOUNCEBACK_LOOKUP_CACHE", "sometimes"),
]


@pytest.mark.parametrize(("variable", "value"), BAD_SETTINGS)
def test_bad_setting_is_one_line_naming_the_variable(
    variable: str, value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [n for n in os.environ if n.startswith("BOUNCEBACK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv(variable, value)
    with pytest.raises(SystemExit) as stopped:
        settings_or_exit()
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and variable in lines[0], lines


def test_a_database_other_than_sqlite_needs_the_secret_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [n for n in os.environ if n.startswith("BOUNCEBACK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", "postgresql+psycopg://bounceback@127.0.0.1:9/bounceback")
    with pytest.raises(SystemExit) as stopped:
        settings_or_exit()
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "bounceback: invalid setting BOUNCEBACK_SECRET_KEY: required"
    )


def test_the_embedded_default_keeps_its_generated_key_beside_the_database(workdir: Path) -> None:
    def bounceback(*args: str) -> subprocess.CompletedProcess[str]:
        env = clean_env(BOUNCEBACK_VERP_ADDRESS="bounces@bounce.example")
        return subprocess.run(
            [BOUNCEBACK, *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=60
        )

    assert bounceback("accounts", "create", "shop-a").returncode == 0
    key_file = workdir / "bounceback.db.secret-key"
    assert not key_file.exists()  # made on first use, by what signs or verifies tokens
    first = bounceback("verp", "shop-a", "jane@example.com")
    assert first.returncode == 0, first.stderr
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    assert len(key) == 64
    second = bounceback("verp", "shop-a", "jane@example.com")
    assert first.stdout == second.stdout  # the next start used the same key: its tokens still verify
    assert key_file.read_text().strip() == key
    claim = read_verp(key.encode(), first.stdout.strip())
    assert claim is not None and (claim.account, claim.recipient) == ("shop-a", "jane@example.com")


def test_a_key_that_cannot_be_kept_is_one_line(tmp_path: Path) -> None:
    nowhere = Settings(database_url=f"sqlite:///{tmp_path / 'no-such-dir' / 'bounceback.db'}", secret_key="")
    with pytest.raises(SettingsError) as refused:
        secret_key(nowhere)
    assert str(refused.value).startswith(
        "invalid setting BOUNCEBACK_SECRET_KEY: unset, and no key can be kept in"
    )
    assert len(str(refused.value).splitlines()) == 1
    (tmp_path / "bounceback.db.secret-key").write_text("short\n")  # damaged by hand: refused, not used
    with pytest.raises(SettingsError):
        secret_key(Settings(database_url=f"sqlite:///{tmp_path / 'bounceback.db'}", secret_key=""))
    # In memory, the key lives as long as the process: the same one for each use.
    memory = Settings(database_url="sqlite://", secret_key="")
    assert secret_key(memory) == secret_key(memory) and len(secret_key(memory)) == 64


# The processes themselves, once each (a start costs seconds of imports on a busy machine).
@pytest.mark.parametrize(
    ("command", "variable", "value"),
    [
        ("serve", "BOUNCEBACK_PORT", "70000"),
        ("worker", "BOUNCEBACK_LOG_FORMAT", "xml"),
        # Mailbox URLs are checked before the pollers start, and the password is never echoed.
        ("serve", "BOUNCEBACK_IMAP_URLS", "ftp://bounces:Pw0rdInUrl@imap.example.com/INBOX"),
        ("worker", "BOUNCEBACK_VERP_ADDRESS", "no-at-sign"),
    ],
    ids=["serve-port", "worker-log-format", "serve-imap-url", "worker-verp-address"],
)
def test_bad_setting_stops_the_process_with_one_line(
    command: str, variable: str, value: str, workdir: Path
) -> None:
    proc = subprocess.run(
        [BOUNCEBACK, command],
        cwd=workdir,
        env=clean_env(**{variable: value}),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert variable in lines[0]
    assert "Pw0rdInUrl" not in proc.stderr
    assert not (workdir / "bounceback.db").exists()  # stopped before touching anything


class Process:
    """A `bounceback` sub-command running in the background, its stderr collected to a file."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.log = cwd / "stderr.log"
        self._log_file = self.log.open("wb")
        self.proc = subprocess.Popen([BOUNCEBACK, *args], cwd=cwd, env=env, stderr=self._log_file)

    def stderr(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"exited early ({self.proc.returncode}) waiting for {what}:\n{self.stderr()}")
            if predicate():
                return
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}:\n{self.stderr()}")

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, float]:
        started = time.monotonic()
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=STOP_DEADLINE + 5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            pytest.fail(f"did not stop within {STOP_DEADLINE + 5} s of signal {sig}:\n{self.stderr()}")
        return code, time.monotonic() - started

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._log_file.close()


StartProcess = Callable[[list[str], Path, dict[str, str]], Process]


@pytest.fixture()
def process_factory() -> Iterator[StartProcess]:
    started: list[Process] = []

    def start(args: list[str], cwd: Path, env: dict[str, str]) -> Process:
        p = Process(args, cwd, env)
        started.append(p)
        return p

    yield start
    for p in started:
        p.close()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status, resp.read().decode()
    except OSError:
        return 0, ""


def json_log_lines(text: str) -> list[dict[str, object]]:
    """Every stderr line, parsed: off a terminal each one must be a JSON object."""
    records = []
    for line in text.splitlines():
        if line.strip():
            records.append(json.loads(line))
    return records


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_runs_on_the_embedded_default_and_stops_on_signal(
    workdir: Path, process_factory: StartProcess, sig: int
) -> None:
    port = free_port()
    serve = process_factory(["serve", "--port", str(port)], workdir, clean_env())
    base = f"http://127.0.0.1:{port}"
    serve.wait_for(lambda: get(base + "/healthz")[0] == 200, 30, "/healthz")
    assert get(base + "/readyz")[0] == 200
    assert (workdir / "bounceback.db").exists()  # the embedded SQLite default, migrated on first use

    code, took = serve.stop(sig)
    assert code == 0, serve.stderr()
    assert took < STOP_DEADLINE
    records = json_log_lines(serve.stderr())
    assert records, "serve logged nothing"
    assert all("event" in r and "level" in r for r in records)


def test_worker_runs_on_the_embedded_default_serves_metrics_and_stops_on_sigterm(
    workdir: Path, process_factory: StartProcess
) -> None:
    port = free_port()
    worker = process_factory(["worker"], workdir, clean_env(BOUNCEBACK_METRICS_PORT=str(port)))
    # The worker has no API; with BOUNCEBACK_METRICS_PORT it serves /metrics (after its signal
    # handlers are in place, so an answer also means SIGTERM is handled).
    metrics_url = f"http://127.0.0.1:{port}/metrics"
    worker.wait_for(lambda: get(metrics_url)[0] == 200, 30, "/metrics")
    assert "bounceback_imap_poll_errors_total" in get(metrics_url)[1]
    assert (workdir / "bounceback.db").exists()

    code, took = worker.stop()
    assert code == 0, worker.stderr()
    assert took < STOP_DEADLINE
    assert json_log_lines(worker.stderr())


def status_of(url: str) -> int:
    """The HTTP status of a GET (0 when nothing answers)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def test_serve_can_serve_metrics_apart_from_the_api(workdir: Path, process_factory: StartProcess) -> None:
    api_port, metrics_port = free_port(), free_port()
    env = clean_env(BOUNCEBACK_METRICS_PORT=str(metrics_port), BOUNCEBACK_METRICS_HOST="127.0.0.2")
    serve = process_factory(["serve", "--port", str(api_port), "--no-background"], workdir, env)
    api = f"http://127.0.0.1:{api_port}"
    serve.wait_for(lambda: get(api + "/healthz")[0] == 200, 30, "/healthz")
    serve.wait_for(lambda: status_of(f"http://127.0.0.2:{metrics_port}/metrics") == 200, 30, "/metrics")
    assert "bounceback_api_request_seconds" in get(f"http://127.0.0.2:{metrics_port}/metrics")[1]
    # Not with the API, and only on the address it was given.
    assert status_of(api + "/metrics") == 404
    assert status_of(f"http://127.0.0.1:{metrics_port}/metrics") == 0
    code, _ = serve.stop()
    assert code == 0, serve.stderr()


def test_the_settings_and_the_tokens_agree_on_the_shortest_key() -> None:
    # (the settings are below the domain rules, so the number is written twice)
    assert MIN_SECRET_KEY_BYTES == MIN_SECRET_BYTES


# --- serve --workers N ------------------------------------------------------------------------------
# N API processes on one port, each answering (lookups included, from its own suppression view),
# the background work in exactly one process, a clean stop; a bad N stops start-up with one line.


def _lookup(base: str, key: str, address: str) -> int:
    request = urllib.request.Request(
        f"{base}/v1/suppressions/{address}", headers={"Authorization": f"Bearer {key}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)
    except OSError:
        return 0


def test_a_bad_worker_count_is_one_line(workdir: Path) -> None:
    for bad in ("0", "two", "65"):
        done = subprocess.run(
            [BOUNCEBACK, "serve", "--workers", bad, "--port", str(free_port())],
            cwd=workdir,
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "--workers" in lines[0], lines


def test_two_workers_both_answer_with_the_background_work_in_one_process(
    workdir: Path, process_factory: StartProcess
) -> None:
    port = free_port()
    env = clean_env()
    serve = process_factory(["serve", "--workers", "2", "--port", str(port)], workdir, env)
    base = f"http://127.0.0.1:{port}"
    serve.wait_for(lambda: get(base + "/healthz")[0] == 200, 60, "/healthz")
    serve.wait_for(lambda: len(worker_processes(serve.proc.pid)) == 2, 30, "two worker processes")
    workers = worker_processes(serve.proc.pid)

    def cli(*args: str) -> str:
        done = subprocess.run(
            [BOUNCEBACK, *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    key = cli("apikey", "create", "--name", "sender", "--scope", "read").strip().splitlines()[-1]
    # Written by a third process: each worker's view hears of it (and asks the database on a hit).
    cli("suppressions", "add", "gone@example.com")
    for answering, stopped in ((workers[0], workers[1]), (workers[1], workers[0])):
        os.kill(stopped, signal.SIGSTOP)  # only `answering` can accept connections now
        try:
            serve.wait_for(
                lambda: _lookup(base, key, "gone@example.com") == 200, 30, f"worker {answering}'s lookup"
            )
            assert _lookup(base, key, "free@example.com") == 404
        finally:
            os.kill(stopped, signal.SIGCONT)

    code, took = serve.stop(signal.SIGTERM)
    assert code == 0, serve.stderr()
    assert took < STOP_DEADLINE
    started = [r for r in json_log_lines(serve.stderr()) if r.get("event") == "background worker started"]
    names = [r.get("worker") for r in started]
    # Each background part once (the relay among them), not once per worker.
    assert "outbox-relay" in names and len(names) == len(set(names)), started


def _running(pid: int) -> bool:
    """`pid` exists and is not a zombie waiting for its parent."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_stop_when_their_supervisor_is_killed(workdir: Path, process_factory: StartProcess) -> None:
    # SIGKILL (or the OOM killer) gives the supervisor no chance to stop its workers: they must
    # notice and go, not keep answering on the port unsupervised (a new `serve` could not bind it).
    port = free_port()
    serve = process_factory(
        ["serve", "--workers", "2", "--no-background", "--port", str(port)], workdir, clean_env()
    )
    serve.wait_for(lambda: get(f"http://127.0.0.1:{port}/healthz")[0] == 200, 60, "/healthz")
    serve.wait_for(lambda: len(worker_processes(serve.proc.pid)) == 2, 30, "two worker processes")
    serve.wait_for(
        lambda: serve.stderr().count("Application startup complete") == 2, 60, "both workers started"
    )
    workers = worker_processes(serve.proc.pid)
    serve.proc.kill()
    serve.proc.wait()
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in workers):
        assert time.monotonic() < deadline, f"workers {workers} still running 30 s after the supervisor died"
        time.sleep(0.1)
    with socket.socket() as sock:  # nobody listens on the port any more (as `serve` binds it)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
