"""``claimkit schema``: the JSON Schema files of every claim type and record."""

from __future__ import annotations

from pathlib import Path

import click

from claimkit.cli.app import fail, main, note


@main.command()
@click.option("-o", "--output", "output", default="schemas", show_default=True,
              help="Directory to write the JSON Schema files into.")
@click.option("--check", is_flag=True, help="Exit 1 if the files in the directory differ.")
def schema(output: str, check: bool) -> None:
    """Write the JSON Schema of every claim type and record."""
    import json

    from claimkit.io import export_schemas, schema_documents

    _check_directory(output)
    if check:
        stale = []
        for name, doc in schema_documents().items():
            path = Path(output) / name
            if not path.exists() or json.loads(path.read_text(encoding="utf-8")) != doc:
                stale.append(name)
        if stale:
            fail(f"{output}: out of date: {', '.join(sorted(stale))}; run `claimkit schema -o {output}`", 1)
        note(f"{output}: up to date")
        return
    for path in export_schemas(output):
        click.echo(str(path))


def _check_directory(output: str) -> None:
    """Refuse (exit 2) an ``-o`` that is a file or lies inside one, in words (before:
    ``afile: File exists``, exit 1; ``--check`` called every schema out of date)."""
    from claimkit.io import safe_name

    path = Path(output)
    while not path.exists() and path != path.parent:
        path = path.parent
    if path.exists() and not path.is_dir():
        inside = "" if str(path) == output else f" ({safe_name(str(path))} is a file)"
        fail(f"{safe_name(output)}: not a folder{inside}; -o names the folder the JSON Schema "
             "files are written into")
