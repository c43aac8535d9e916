"""Shared test configuration: fixtures live in tests/fixtures/, one module per real component.

The run ends with what did not run: which real components (PostgreSQL, Kafka, Dovecot, Chromium,
docker-compose, openssl) were missing and how many tests that skipped, so a green run on a machine
without them cannot pass for a full one. `scripts/test` prints the same lines last of all.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import settings

from tests.fixtures.database import BACKENDS

# Every process a test starts shares one secret key, as an installation's processes must (it is
# required with PostgreSQL); the tests of the setting itself unset it.
os.environ.setdefault("BOUNCEBACK_SECRET_KEY", "test-only-secret-key-0123456789abcdef")

# No property test has a per-example time limit: speed is measured by the benchmarks, never
# asserted, and Hypothesis's default 200 ms deadline failed examples at random on a loaded CI box.
# (A test's own @settings inherits this profile for what it does not set.)
settings.register_profile("bounceback", deadline=None)
settings.load_profile("bounceback")

pytest_plugins = [
    "tests.fixtures.database",
    "tests.fixtures.kafka",
    "tests.fixtures.imap",
    "tests.fixtures.browser",
    "tests.fixtures.outage",
]

# Skip reasons (as the fixtures word them) -> the component that was missing.
COMPONENTS = (
    ("PostgreSQL not reachable", "PostgreSQL"),
    ("Kafka broker unavailable", "Kafka (Tansu)"),
    ("Dovecot not installed", "IMAP (Dovecot)"),
    ("docker-compose not installed", "docker-compose"),
    ("openssl not available", "TLS (openssl)"),
    ("chromedriver not installed", "browser (Chromium)"),
    ("selenium is not installed", "browser (Selenium)"),
)
# Where scripts/test wants the lines too (it prints them after everything else).
SUMMARY_FILE = "BOUNCEBACK_TEST_SUMMARY_FILE"


def not_run_lines(skip_reasons: list[str]) -> list[str]:
    """One line per missing component with how many tests it skipped; one line when nothing was."""
    missing: Counter[str] = Counter()
    other = 0
    for reason in skip_reasons:
        component = next((name for mark, name in COMPONENTS if mark in reason), None)
        if component is None:
            other += 1
        else:
            missing[component] += 1
    lines = [f"NOT RUN: {name}: {count} tests skipped" for name, count in sorted(missing.items())]
    if "postgresql" not in BACKENDS:
        lines.append(f"NOT RUN: PostgreSQL: BOUNCEBACK_TEST_BACKENDS={','.join(BACKENDS)}")
    if not lines:
        lines.append("every component ran: PostgreSQL, Kafka, IMAP, browser, docker-compose, TLS")
    if other:
        lines.append(f"{other} tests skipped by design (one backend is enough for them; see -ra)")
    return lines


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reasons = []
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reasons.append(str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr))
    lines = not_run_lines(reasons)
    terminalreporter.section("what did not run")
    for line in lines:
        terminalreporter.write_line(line, red=line.startswith("NOT RUN"), bold=True)
    target = os.environ.get(SUMMARY_FILE)
    if target:
        Path(target).write_text("".join(line + "\n" for line in lines))
