"""The shipped schemas' yes/no validators, generated: see producibility.inputs.quickcheck."""
