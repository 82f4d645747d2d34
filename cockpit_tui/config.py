"""Settings of one run: which store, who is working, in which language."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from pathlib import Path

from cockpit_tui.domain.records import Record, set_field

APP_NAME = "cockpit-tui"
STORE_FILE = "store.sqlite"
DEMO_STORE_FILE = "demo.sqlite"
#: The user's key rebindings, in the config folder (``ui/keymap.py`` reads it).
KEYMAP_FILE = "keymap.toml"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder that holds the stores (platformdirs' user data dir of cockpit-tui).

    ``COCKPIT_DATA_DIR`` overrides it (tests, portable installs).
    """
    return _user_dir("COCKPIT_DATA_DIR", "data", environ)


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder for the user's preferences (keymap, remembered filters)."""
    return _user_dir("COCKPIT_CONFIG_DIR", "config", environ)


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder for files that are only kept to save time (deleting them is always safe).

    ``COCKPIT_CACHE_DIR`` overrides it.
    """
    return _user_dir("COCKPIT_CACHE_DIR", "cache", environ)


def _user_dir(variable: str, kind: str, environ: Mapping[str, str] | None) -> Path:
    """``variable``'s folder if set, else platformdirs' user ``kind`` dir (data, config, cache)."""
    env = os.environ if environ is None else environ
    override = env.get(variable)
    if override:
        return Path(override)
    import platformdirs  # lazy: not needed with --db or the override

    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if kind == "cache":
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_user(environ: Mapping[str, str] | None = None) -> str:
    """``COCKPIT_USER``, else the OS user name."""
    env = os.environ if environ is None else environ
    if env.get("COCKPIT_USER"):
        return env["COCKPIT_USER"]
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "vendedor"


class Settings(Record):
    """What a run of cockpit works with.

    Attributes:
        db_url: SQLAlchemy URL of the store.
        user: The salesperson's name.
        lang: "pt" or "en".
        demo: True when the store is the demo store (seeded when empty).
        named_store: True when the store was named (``--db`` or ``COCKPIT_DB``):
            commands that only read refuse it if it does not exist, since a typo
            would otherwise create an empty store that answers "no leads".
        user_named: True when ``--user`` named the salesperson: the first lead
            change they make puts them on the store's team.
    """

    __slots__ = ("db_url", "demo", "lang", "named_store", "user", "user_named")
    db_url: str
    user: str
    lang: str
    demo: bool
    named_store: bool
    user_named: bool

    def __init__(
        self,
        db_url: str,
        user: str,
        lang: str,
        demo: bool = False,
        named_store: bool = False,
        user_named: bool = False,
    ) -> None:
        set_field(self, "db_url", db_url)
        set_field(self, "user", user)
        set_field(self, "lang", lang)
        set_field(self, "demo", demo)
        set_field(self, "named_store", named_store)
        set_field(self, "user_named", user_named)


def store_url_for(
    *, demo: bool, explicit: str | None, environ: Mapping[str, str] | None = None
) -> str:
    """The store URL: ``--db``, then ``COCKPIT_DB``, then the default file.

    The demo store is always its own file next to the real one.
    """
    env = os.environ if environ is None else environ
    if demo:
        return f"sqlite:///{data_dir(env) / DEMO_STORE_FILE}"
    if explicit:
        return explicit
    if env.get("COCKPIT_DB"):
        return env["COCKPIT_DB"]
    return f"sqlite:///{data_dir(env) / STORE_FILE}"
