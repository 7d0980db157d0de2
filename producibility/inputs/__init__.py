"""Reading outside input: YAML, JSON Schema validation and the validation cache."""
