"""``python -m actorgraph``: the same as the ``actorgraph`` command."""

from actorgraph.cli import cli

cli(prog_name="actorgraph")
