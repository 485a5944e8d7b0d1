"""The names of experiment_asgi.py's patches: run.py offers them as --patch choices and the
patched hub refuses any other (this module imports nothing, so both can read it)."""

KNOWN = (
    "batch-log",
    "no-dispatch-close",
    "persistent-conn",
    "switch-interval",
    "no-utf8-validate",
    "gc-log",
    "gc-tune",
)
