"""Tests of running it: processes, logs, metrics, the compose stack, the README."""
