"""Opening a store: the URL, the engine (SQLite tuned for several writers), the migrations.

SQLAlchemy, Alembic and the PostgreSQL driver are imported here, lazily: a
claimkit run without ``--db`` imports none of them.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimkit.errors import ConfigError, InputError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

__all__ = ["ENV_DB", "StoreError", "connect", "read_cache", "resolve_url", "shown_url"]

#: the environment variable naming the default store
ENV_DB = "CLAIMKIT_DB"

#: milliseconds a SQLite writer waits for another one's lock before giving up
SQLITE_BUSY_MS = 120_000

#: KiB of page cache of each SQLite connection of a store (a ceiling, taken as used)
SQLITE_CACHE_KIB = 256 * 1024

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: a number no other program uses for its PostgreSQL advisory lock ("ckit")
_PG_LOCK = 0x636B6974


class StoreError(InputError):
    """A database that is not a claim store, a damaged file, or a schema newer than claimkit's."""

    kind = "store"


def resolve_url(url: str | None) -> str:
    """The store's SQLAlchemy URL: ``url``, else ``CLAIMKIT_DB``; a plain path is a SQLite file.

    Raises:
        ConfigError: neither is given.
    """
    url = url or os.environ.get(ENV_DB)
    if not url:
        raise ConfigError(f"no claim store: pass --db URL or set {ENV_DB}")
    if "://" not in url:
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def shown_url(url: str) -> str:
    """The URL as it may be printed: the password hidden."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL: show its scheme only
        return url.split("://", 1)[0] + "://..."


def _sqlalchemy() -> Any:
    try:
        import sqlalchemy
    except ImportError:
        raise ConfigError(
            "the claim store needs SQLAlchemy and Alembic: pip install 'claimkit[store]' "
            "(PostgreSQL: 'claimkit[postgres]')"
        ) from None
    return sqlalchemy


def _sqlite_events(engine: Engine) -> None:
    """WAL, a long busy wait, and write transactions that take the write lock at BEGIN.

    A deferred transaction that reads, then writes, can fail at once with
    "database is locked" when another writer got in between (the busy wait
    does not apply to a lock upgrade); ``BEGIN IMMEDIATE`` waits its turn.
    """
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        set_wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # this connection's page cache (SQLite's default is 2 MiB): the indexes a bulk
        # import inserts into at random places stay in memory as the store grows
        cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def set_wal(cur: Any, wait_s: float = SQLITE_BUSY_MS / 1000) -> str:
    """``PRAGMA journal_mode=WAL``, waiting up to ``wait_s`` for another writer.

    SQLite answers this pragma "database is locked" at once, without its busy
    wait, while another connection holds a write lock in rollback-journal mode:
    which is what a store being created looks like (its file turns WAL at its
    first commit), so several processes opening a new store at once would fail.
    """
    import sqlite3

    deadline, delay = time.monotonic() + wait_s, 0.005
    while True:
        try:
            return str(cur.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


#: the page cache of a connection while a validation reads (KiB): it reads each claim
#: once, so a cache the size of an import's would only hold memory
SQLITE_READ_CACHE_KIB = 16 * 1024


@contextlib.contextmanager
def read_cache(conn: Connection) -> Iterator[None]:
    """A small SQLite page cache for ``conn`` while a large read runs, freed after it
    (SQLite frees pages past a lowered limit); other databases are left as they are."""
    if conn.dialect.name != "sqlite":
        yield
        return
    conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_READ_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")


def connect(url: str | None) -> tuple[Engine, str, str | None]:
    """An engine on the store at ``url`` (created or migrated to the newest schema).

    Returns:
        The engine, the URL as it may be shown, and the schema revision the
        database had before (None: a new store).

    Raises:
        ConfigError: no URL, or SQLAlchemy (or the PostgreSQL driver) not installed.
        StoreError: the file is not a database, a database of another program,
            or a store of a newer claimkit.
    """
    sa = _sqlalchemy()
    full = resolve_url(url)
    shown = shown_url(full)
    try:
        engine = sa.create_engine(full, connect_args=_connect_args(full))
    except (ImportError, ModuleNotFoundError) as exc:
        raise ConfigError(
            f"{shown}: the database driver is missing ({exc.name}): "
            "pip install 'claimkit[postgres]' for PostgreSQL"
        ) from None
    except sa.exc.ArgumentError as exc:
        raise ConfigError(f"--db {shown}: not a database URL ({exc})") from None
    if engine.dialect.name == "sqlite":
        _sqlite_events(engine)
    try:
        before = _migrate(engine, shown)
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        raise StoreError(shown, _reason(exc)) from None
    except StoreError:
        engine.dispose()
        raise
    return engine, shown, before


def _connect_args(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # a file where a folder should be, no permission
                raise StoreError(url, f"cannot make the database's folder {Path(path).parent} "
                                 f"({exc.strerror or exc}); choose another --db path") from None
        return {"timeout": SQLITE_BUSY_MS / 1000}
    return {}


def _reason(exc: BaseException) -> str:
    """One line from a driver's error (SQLite's 'file is not a database', a refused connection)."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split())
    if "file is not a database" in text or "malformed" in text:
        return f"not a readable SQLite database ({text})"
    if "readonly database" in text or "read-only" in text:
        return f"cannot write to the store ({text}): check the file's and its folder's permissions"
    return text[:300]


def database_error(exc: BaseException | None) -> str | None:
    """The one-line reason of an error the database raised while a store was in use (a
    read-only file, a full disk, a lock held past the timeout, a lost connection); None for
    any other exception. Without this the error reached the user as a traceback."""
    if exc is None:
        return None
    from sqlalchemy.exc import DBAPIError

    return _reason(exc) if isinstance(exc, DBAPIError) else None


def _migrate(engine: Engine, shown: str) -> str | None:
    """Create or upgrade the schema, one process at a time; the revision found before."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect, text

    from claimkit.store.tables import SCHEMA_HEAD, VERSION_TABLE

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({_PG_LOCK})"))
        names = set(inspect(conn).get_table_names())
        before = None
        if VERSION_TABLE in names:
            ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
            before = ctx.get_current_revision()
        elif names:
            listed = ", ".join(sorted(names)[:5])
            raise StoreError(shown, f"not a claimkit store (a database of another program: "
                                    f"tables {listed})")
        if before is not None and before > SCHEMA_HEAD:
            raise StoreError(shown, f"schema {before} is newer than this claimkit's "
                                    f"({SCHEMA_HEAD}): upgrade claimkit")
        if before != SCHEMA_HEAD:
            cfg = Config()
            cfg.set_main_option("script_location", str(_MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return before
