"""The ``claimkit`` command group and what its commands share (errors, logging, output, readers).

Data goes to stdout (or ``-o``); progress, logs and the summary go to stderr.
Exit codes: 0 all well, 1 some documents failed (or findings at the
``--fail-on`` level), 2 usage error (bad option, missing file, bad settings).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from claimkit.errors import ClaimkitError, ConfigError, InputError, SchemaError
from claimkit.io import one_line
from claimkit.redact import install_log_filter, redact
from claimkit.schemas import DocumentClaims, Failure

__all__ = [
    "EXIT_FAILURES", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "GAZETTEER", "SIZE_MB", "STRICT", "ClaimsReader",
    "check_output",
    "fail", "gazetteer_options", "long_run_gc", "main", "note", "open_output", "os_error_line",
    "refuse_input_as_output", "summary_line", "to_file",
]

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
#: the shell's code for a command ended by SIGINT (Ctrl-C)
EXIT_INTERRUPTED = 130

#: allocations between young garbage collections during an extraction run (default 700)
_YOUNG_THRESHOLD = 20_000

#: bytes of the output file's buffer: a record is written whole at its flush
_OUTPUT_BUFFER = 1 << 22

log = logging.getLogger("claimkit")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"claimkit: error: {one_line(redact(message))}", err=True)
    sys.exit(code)


def os_error_line(exc: OSError, name: str | None = None) -> str:
    """``NAME: reason`` of an operating-system error, in one line (the name with escapes)."""
    from claimkit.io import safe_name

    name = name if name is not None else (None if exc.filename is None else os.fsdecode(exc.filename))
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{safe_name(name)}: {reason}" if name else reason


def note(message: str) -> None:
    click.echo(f"claimkit: {one_line(redact(message))}", err=True)


class _Group(click.Group):
    """Turn every ClaimkitError into one line and an exit code, never a traceback;
    the traceback of anything else (a bug, a plugin's error) is printed redacted."""

    def invoke(self, ctx: click.Context) -> Any:
        args = list(ctx.args)  # the command's arguments (after its name), before click consumes them
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            fail(str(exc), EXIT_USAGE)
        except InputError as exc:
            fail(str(exc), EXIT_USAGE)
        except ClaimkitError as exc:
            fail(str(exc), EXIT_FAILURES)
        except BrokenPipeError:  # `claimkit extract ... | head`
            sys.stderr.close()
            sys.exit(EXIT_OK)
        except OSError as exc:  # the system refused a file (full disk, a directory as -o, ...)
            written = _written(args, exc)
            fail(os_error_line(exc) if written is None else
                 f"{written}: cannot write the output ({exc.strerror or exc})", EXIT_FAILURES)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:  # Ctrl-C outside extract's run (click said only "Aborted!", exit 1)
            fail(f"interrupted (Ctrl-C) before {ctx.invoked_subcommand or 'the command'} finished; "
                 "rerun it", EXIT_INTERRUPTED)
        except Exception:  # noqa: BLE001 - an exception's text may echo a key
            import traceback

            click.echo(redact(traceback.format_exc()).rstrip(), err=True)
            sys.exit(EXIT_FAILURES)


#: errors of a write (a full disk or quota, a file too large, a read-only file system): a
#: write's error carries no file name, so the message names the output the command writes
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})


def _written(args: list[str], exc: OSError) -> str | None:
    """The output a write error without a file name was writing to (``-o``/``--output`` in
    the command's arguments, else standard output), shown with escapes; None for any other
    error."""
    from claimkit.io import safe_name

    if exc.filename is not None or exc.errno not in _WRITE_ERRNOS:
        return None
    for i, arg in enumerate(args):
        if arg in ("-o", "--output") and i + 1 < len(args):
            return safe_name(args[i + 1])
        if arg.startswith("--output="):
            return safe_name(arg.split("=", 1)[1])
    return "standard output"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimkit")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("--plugin", "plugins", multiple=True, metavar="MODULE",
              help="Import a plugin module (claim types, backends, checks); repeatable. "
              "Also CLAIMKIT_PLUGINS=mod1,mod2 and installed claimkit.plugins entry points.")
def main(verbose: int, plugins: tuple[str, ...]) -> None:
    """Turn news articles into typed, grounded claims and check them against each other."""
    from claimkit.plugins import load_plugins

    _setup_logging(verbose)
    install_log_filter()  # keys out of every log line, whichever library logs it
    load_plugins(plugins)


class _OwnWords(logging.Filter):
    """Below -vv, only claimkit's own log lines reach the terminal.

    Dependencies log their internals (trafilatura's "discarding data: None",
    instructor's "Max retries exceeded" for a retry claimkit handles itself);
    claimkit says what went wrong once, in its own words, in one line.
    """

    def __init__(self, verbose: int) -> None:
        super().__init__()
        self.verbose = verbose

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "claimkit" or record.name.startswith("claimkit.")
        return own or self.verbose >= 2


class _OneLine(logging.Formatter):
    """A log record's message is one line (see :func:`one_line`); a traceback after it (-vv)
    keeps its lines."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        record.message = one_line(record.message)
        return super().formatMessage(record)


def _setup_logging(verbose: int) -> None:
    """Logging of the command: stderr, ``claimkit: level: message``; others' lines only with -vv."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if any(isinstance(f, _OwnWords) for f in h.filters)]:
        root.removeHandler(old)  # main() run again in one process (tests)
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine("claimkit: %(levelname)s: %(message)s"))
    handler.addFilter(_OwnWords(verbose))
    root.addHandler(handler)
    root.setLevel(logging.WARNING - 10 * min(verbose, 2))


def gazetteer_options(files: tuple[str, ...]) -> dict[str, Any]:
    """``gazetteer=`` and ``places=`` built from ``--gazetteer`` files (none: the defaults)."""
    if not files:
        return {}
    from claimkit.normalize import Gazetteer, Places

    return {"gazetteer": Gazetteer.load(*files), "places": Places.load(*files)}


GAZETTEER = click.option(
    "--gazetteer", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra gazetteer JSON file(s) of people, organisations and places "
    "(added to the files named in CLAIMKIT_GAZETTEER).",
)


@contextlib.contextmanager
def long_run_gc() -> Iterator[Callable[[], None]]:
    """Garbage-collector tuning for one extraction run of the command (never the library's).

    Everything alive when the run starts (modules, the openai/pydantic type
    machinery, the response schemas: ~140k objects) lives as long as the
    process; frozen (``gc.freeze``), a full collection during the run walks
    only what the run allocates instead of stalling every request in flight
    for ~100 ms. The young-generation threshold goes from 700 to 20,000
    allocations, which took young collections from ~60 per 200 documents to
    about one; cycles are still collected, only later.

    The collector is also paused until the run's first record is written (the
    callable yielded, called after each record, ends the pause): the first
    document loads the backend's tables (the rules backend's lexicons,
    gazetteer and places), which a running collector rescans as they grow,
    about 0.2 s of CPU once per process; they are frozen too when the pause
    ends. The pause is bounded by that document (or the first records in
    flight at once); everything is undone after the run.
    """
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    gc.freeze()
    gc.set_threshold(max(threshold[0], _YOUNG_THRESHOLD), *threshold[1:])
    gc.disable()
    paused = [True]

    def settled() -> None:
        if paused:
            paused.clear()
            gc.freeze()
            if enabled:
                gc.enable()

    try:
        yield settled
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
        if enabled:
            gc.enable()


def to_file(path: str | None) -> bool:
    return path is not None and path != "-"


def open_output(path: str | None, *, append: bool) -> IO[str]:
    """The output stream. A file gets a 4 MiB buffer, so that each record's
    ``write`` and ``flush`` reach the file as one ``write`` call (a longer record
    bypasses the buffer: also one call); a killed run leaves at most one torn
    last line, which ``--resume`` cuts off."""
    if path is None or path == "-":
        return sys.stdout
    out = Path(path)
    try:
        if out.parent and not out.parent.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
        return open(out, "a" if append else "w", encoding="utf-8", buffering=_OUTPUT_BUFFER)
    except OSError as exc:
        fail(f"{os_error_line(exc, path)}; cannot write the output there: choose another -o path")


def check_output(path: str | None) -> None:
    """Refuse (exit 2) an output path that is a directory, or inside a file, before
    anything is locked or read."""
    if path is None or path == "-":
        return
    from claimkit.io import safe_name

    if os.path.isdir(path):
        fail(f"{safe_name(path)}: is a directory; -o names the output file")
    parent = Path(path).parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        fail(f"{safe_name(path)}: {safe_name(str(parent))} is a file, not a folder; choose "
             "another -o path")


def refuse_input_as_output(output: str | None, inputs: tuple[str, ...] | list[str],
                           what: str = "an input") -> None:
    """Refuse (exit 2) an output file that is one of ``inputs`` (the same file by device and
    inode: a link or another spelling of the path too), before it is opened for writing:
    opened, it would be emptied, and what it held (articles, claims, a database) lost."""
    if output is None or output == "-":
        return
    try:
        out = os.stat(output)
    except OSError:
        return  # not there yet (or not reachable): no input can be it
    from claimkit.io import safe_name

    for name in inputs:
        try:
            same = name != "-" and os.path.samestat(out, os.stat(name))
        except OSError:
            continue
        if same:
            shown = "" if name == output else f" ({safe_name(name)})"
            fail(f"{safe_name(output)}: is also {what}{shown}; writing the output there would "
                 "overwrite it: choose another -o path")


def _count(n: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def summary_line(records: Counter[str], claims: Counter[str], backend: str, extra: str = "") -> str:
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(claims.items())) or "none"
    return (
        f"{_count(records['document'], 'document')}, {_count(sum(claims.values()), 'claim')} "
        f"({by_type}), {_count(records['failure'], 'failure')}, backend {backend}{extra}"
    )




class _Megabytes(click.FloatRange):
    """A size in MB: at least 1 kB, at most 1 TB, and a finite number (``nan`` passes a
    plain range check, ``inf`` and ``1e308`` overflow the byte count)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        rv = super().convert(value, param, ctx)
        if rv != rv:  # NaN compares unequal to itself
            self.fail(f"{value!r} is not a number of MB", param, ctx)
        return rv


#: the type of the --max-size options
SIZE_MB = _Megabytes(min=0.001, max=1_000_000)


STRICT = click.option("--strict", is_flag=True,
                       help="Stop at the first bad line of a claims file (exit 2) instead of "
                       "reporting it and going on (exit 1 at the end).")


class ClaimsReader:
    """Records of claims files through the one JSONL reader; bad lines in one line each."""

    def __init__(self, strict: bool, *, note_empty: bool = True) -> None:
        self.strict = strict
        #: an empty file is reported as a bad input (False: the command says it its own way)
        self.note_empty = note_empty
        self.bad = 0

    def on_error(self, err: InputError) -> None:
        self.bad += 1
        note(f"skipped {err}")

    def records(self, files: tuple[str, ...]) -> Iterator[DocumentClaims | Failure]:
        """The records of ``files`` in order (``-``: standard input, named once at most)."""
        from claimkit.io import read_records, safe_name

        if files.count("-") > 1:
            raise ConfigError("-: standard input is named more than once; it can be read once")
        for name in files:
            bad, read = self.bad, 0
            try:
                for record in read_records(name, strict=self.strict, on_error=self.on_error):
                    read += 1
                    yield record
            except InputError as err:  # a whole file: binary, UTF-16, a FIFO
                self._file_error(err)
                continue
            if self.note_empty and not read and self.bad == bad:  # nothing in it, nothing said yet
                self._file_error(InputError(safe_name(name), "empty file (no records); nothing "
                                            "to read (an extraction run that wrote nothing?)"))

    def _file_error(self, err: InputError) -> None:
        if self.strict or isinstance(err.__cause__, SchemaError):
            raise err  # --strict, or a plugin not loaded: a usage error (exit 2)
        self.on_error(err)

    def exit_code(self, code: int = EXIT_OK) -> int:
        return EXIT_FAILURES if self.bad else code
