"""Pure rules of the service: policy, addresses, scope, reputation, tokens (no database, no clock, no I/O)."""
