"""``python -m claimkit.cli``."""

from claimkit.cli import main

main()
