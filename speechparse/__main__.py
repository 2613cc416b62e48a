"""`python -m speechparse` runs the command line."""

from .cli import app

app(prog_name="speechparse")
