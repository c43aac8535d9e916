"""Pure rules of the service: policy, scope, reputation, tokens (no database, no clock, no I/O)."""
