"""Inference: equipment fit and the rule engine (experta), with its speed-ups."""
