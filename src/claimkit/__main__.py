"""``python -m claimkit``: the ``claimkit`` command, for an environment whose scripts are not on the PATH."""

from claimkit.cli import main

main(prog_name="claimkit")
