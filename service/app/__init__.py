"""Use cases: each owns its one transaction (ingest, suppressions, API keys, the outbox relay)."""
