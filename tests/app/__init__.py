"""Tests of the use cases: ingest, suppressions, the intake runner, the relay."""
