"""Tests of storage: migrations, the outbox writer."""
