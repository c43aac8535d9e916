"""Tests of the REST API and the public pages."""
