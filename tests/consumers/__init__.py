"""Tests of the intake adapters: IMAP and Kafka."""
