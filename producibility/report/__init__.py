"""From inference to report: findings, assignment, cost, lead time, verdict, rendering."""
