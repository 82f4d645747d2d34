"""The command palette in the user's language.

Textual's palette says "No matches found" in English when a search finds no
command; :class:`LocalizedPalette` shows the text it is given instead.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option


class LocalizedPalette(CommandPalette):
    """:class:`~textual.command.CommandPalette` with its "no matches" line translated.

    Args:
        no_matches: What the list shows when nothing matches the search.
        placeholder: The search field's placeholder.
    """

    def __init__(self, *, no_matches: str, placeholder: str) -> None:
        super().__init__(id="--command-palette", placeholder=placeholder)
        self._no_matches_text = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual (8.x) adds its English line here after a short countdown; the same, translated.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # discovery mode: nothing to say
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(self._no_matches_text, style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, show_no_matches, name="no-matches"
        )
