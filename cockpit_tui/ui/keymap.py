"""The user's keymap: keys rebound by binding id, from ``keymap.toml`` in the config folder.

Example::

    # ~/.config/cockpit-tui/keymap.toml
    [keys]
    "board.move_next" = "ctrl+right,L"
    "board.search" = "ctrl+f"

An unknown id or a key Textual would not recognise is reported (once, at
start-up) and that binding keeps its default; the rest of the file applies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from textual.keys import Keys

from cockpit_tui.config import KEYMAP_FILE

FILE_NAME = KEYMAP_FILE
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED = frozenset(key.value for key in Keys) | frozenset(
    {
        "space",
        "enter",
        "escape",
        "tab",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        "question_mark",
        "slash",
        "exclamation_mark",
        "plus",
        "minus",
        "comma",
        "full_stop",
        "colon",
        "semicolon",
    }
    | {f"f{number}" for number in range(1, 25)}
)


@dataclass(frozen=True, slots=True)
class LoadedKeymap:
    """What a keymap file asked for.

    Attributes:
        keys: Binding id → keys, for the entries that are valid.
        problems: (message id, values) for each entry left out, to tell the user.
    """

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, dict[str, str]]] = field(default_factory=list)


def valid_key(key: str) -> bool:
    """Whether Textual would recognise ``key`` ("ctrl+f", "L", "f5", "shift+right")."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace() and key != ","
    *modifiers, base = key.split("+")
    if any(modifier not in _MODIFIERS for modifier in modifiers):
        return False
    return (len(base) == 1 and base.isprintable()) or base in _NAMED


def load_keymap(folder: Path, known_ids: Callable[[], Iterable[str]]) -> LoadedKeymap:
    """Read ``keymap.toml`` from ``folder`` (no file: no changes, and nothing imported)."""
    path = folder / FILE_NAME
    if not path.exists():
        return LoadedKeymap()
    import tomllib  # only when there is a keymap to read

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return LoadedKeymap()
    except UnicodeDecodeError:
        return LoadedKeymap(
            problems=[("keymap.unreadable", {"path": str(path), "reason": "UTF-8"})]
        )
    except (OSError, tomllib.TOMLDecodeError) as error:
        return LoadedKeymap(
            problems=[("keymap.unreadable", {"path": str(path), "reason": str(error)})]
        )
    known = set(known_ids())
    table = data.get("keys", data)
    loaded = LoadedKeymap()
    if not isinstance(table, dict):
        loaded.problems.append(("keymap.unreadable", {"path": str(path), "reason": "[keys]"}))
        return loaded
    for binding_id, keys in table.items():
        if binding_id not in known:
            loaded.problems.append(("keymap.unknown_id", {"id": str(binding_id)}))
            continue
        if not isinstance(keys, str) or not keys.strip():
            loaded.problems.append(("keymap.bad_key", {"id": binding_id, "key": str(keys)}))
            continue
        parts = [part.strip() for part in keys.split(",")]
        bad = [part for part in parts if not valid_key(part)]
        if bad:
            loaded.problems.append(("keymap.bad_key", {"id": binding_id, "key": bad[0]}))
            continue
        loaded.keys[binding_id] = ",".join(parts)
    return loaded


def known_binding_ids() -> set[str]:
    """Every binding id declared in the user interface (what a keymap may rebind).

    Found by walking the ``cockpit_tui.ui`` modules for the app, screens and
    widgets that declare ``BINDINGS``: a new screen's keys are rebindable
    without being listed here. Only run when a keymap file exists.
    """
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import cockpit_tui.ui as ui_package

    ids: set[str] = set()
    for module_info in pkgutil.walk_packages(ui_package.__path__, f"{ui_package.__name__}."):
        module = importlib.import_module(module_info.name)
        for owner in vars(module).values():
            if not (isinstance(owner, type) and issubclass(owner, DOMNode)):
                continue
            if not owner.__module__.startswith(ui_package.__name__):
                continue  # Textual's own widgets, imported by ours
            for binding in owner.BINDINGS:
                binding_id = getattr(binding, "id", None)
                if binding_id:
                    ids.add(binding_id)
    return ids
