"""The one adapter over Textual's private bindings map, and the shape it relies on."""

from __future__ import annotations

from textual.binding import Binding, BindingsMap
from textual.widget import Widget

from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.bindings import translate_bindings


class _Keys(Widget):
    BINDINGS = [  # noqa: RUF012 - Textual's own declaration style
        Binding("m", "pick_status", "Mover", id="board.move_to"),
        Binding("x", "nothing", "Sem id"),
    ]


def test_textual_keeps_a_nodes_bindings_in_the_map_the_adapter_rewrites() -> None:
    """If this fails, Textual changed the private shape ``translate_bindings`` relies on."""
    node = _Keys()
    bindings_map = node._bindings
    assert isinstance(bindings_map, BindingsMap)
    assert isinstance(bindings_map.key_to_bindings, dict)
    assert [b.id for b in bindings_map.key_to_bindings["m"]] == ["board.move_to"]
    # Bindings are frozen dataclasses: the adapter replaces them, it cannot edit them.
    assert Binding.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_descriptions_come_from_the_catalog_by_id_and_the_rest_stay() -> None:
    node = _Keys()
    translate_bindings(node, Translator("en"))
    described = {key: b[0].description for key, b in node._bindings.key_to_bindings.items()}
    assert described == {"m": "Move", "x": "Sem id"}
    other = _Keys()
    assert other._bindings.key_to_bindings["m"][0].description == "Mover", "per node, not class"
