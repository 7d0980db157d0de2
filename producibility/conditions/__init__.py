"""Conditions: the expression language of when:, ask_if: and derived fields, and the alpha index."""
