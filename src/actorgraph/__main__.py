"""``python -m actorgraph``: the same as the ``actorgraph`` command."""

from .cli import cli

cli(prog_name="actorgraph")
