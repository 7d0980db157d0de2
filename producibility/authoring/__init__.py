"""Tools for pack authors: lint, pack tests, pack documentation, generated docs."""
