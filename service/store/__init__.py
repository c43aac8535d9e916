"""Storage: the models, the database, the only SQL and the one outbox writer."""
