"""Run the command line as ``python -m reader``."""

from reader.cli import main

main()
