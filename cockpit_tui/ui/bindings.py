"""Key descriptions in the user's language, from the catalogs, by binding id.

Bindings are declared once, in the screens, with an id; the footer, the
help screen and the palette show ``key.<id>`` from the catalog of the
user's language (Portuguese descriptions in the code are the fallback).

Textual 8 has no public way to change a binding's description after the
class is made (``App.set_keymap`` changes keys only), so this is the one
adapter over its private ``_bindings`` map; ``tests/ui/test_bindings.py``
fails if Textual changes that map's shape.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from cockpit_tui.i18n.translate import Translator


def translate_bindings(node: DOMNode, translate: Translator) -> None:
    """Give every binding of ``node`` that has an id its description in the user's language."""
    # Textual keeps a node's bindings in a private map built from BINDINGS;
    # replacing the Binding objects there is the only way to change their
    # descriptions without redeclaring them per language.
    bindings_map = node._bindings
    for key, bindings in bindings_map.key_to_bindings.items():
        bindings_map.key_to_bindings[key] = [
            replace(binding, description=translate(f"key.{binding.id}"))
            if binding.id and translate.has(f"key.{binding.id}")
            else binding
            for binding in bindings
        ]
