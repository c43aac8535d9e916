"""Tests of the pure rules in service/domain/."""
