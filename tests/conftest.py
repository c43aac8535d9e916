"""Shared test configuration: fixtures live in tests/fixtures/, one module per real component."""

pytest_plugins = [
    "tests.fixtures.database",
    "tests.fixtures.kafka",
    "tests.fixtures.imap",
    "tests.fixtures.browser",
    "tests.fixtures.outage",
]
