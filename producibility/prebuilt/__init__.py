"""The shipped files' cache records, generated: see producibility.inputs.prebuilt."""
