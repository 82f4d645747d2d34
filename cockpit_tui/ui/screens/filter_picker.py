"""The quick filters behind ``f``: each one toggles with enter and applies at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cockpit_tui.domain.filters import STALE_DAYS, LeadFilter, QuickFilter
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.screens.backdrop import DimmedModal

_SOURCE, _SALESPERSON = "source", "salesperson"


class FilterPicker(DimmedModal[None]):
    """Toggle quick filters; ``esc`` or ``f`` closes (the filters stay on).

    Args:
        current: The filters on now.
        translate: The user's language.
        sources: The store's lead sources, for "Origem".
        salespeople: The team, for "Vendedor".
        apply: Applies a new set of filters to the board.
    """

    CSS_PATH = "move_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f", "close", "Fechar", id="filters.close"),
    ]

    def __init__(
        self,
        current: LeadFilter,
        *,
        translate: Translator,
        sources: list[str],
        salespeople: list[str],
        apply: Callable[[LeadFilter], None],
    ) -> None:
        super().__init__()
        self.lead_filter = current
        self._t = translate
        self._sources = sources
        self._salespeople = salespeople
        self._apply = apply
        self._choosing: str | None = None

    def compose(self) -> ComposeResult:
        """Title, the filters, a hint."""
        translate_bindings(self, self._t)
        with Vertical(id="picker-panel"):
            yield Static(Content(self._t("filter.title")), id="picker-title")
            yield OptionList(id="picker-options")
            yield Static(Content(self._t("filter.hint")), id="picker-hint")

    def on_mount(self) -> None:
        """Show the filters with their marks."""
        self._show_filters()

    def _show_filters(self, highlight: int = 0) -> None:
        t, lead_filter = self._t, self.lead_filter
        self._choosing = None
        stale = ", ".join(
            f"{days} {t('filter.days')} {status_label(status, t.lang)}"
            for status, days in list(STALE_DAYS.items())[:2]
        )
        options = []
        for quick in QuickFilter:
            mark = "[x]" if quick in lead_filter.quick else "[ ]"
            label = t(f"filter.{quick.value}", stale=stale)
            options.append(Option(Content(f"{mark} {label}"), id=quick.value))
        options.append(
            Option(
                Content(t("filter.source", value=lead_filter.source or t("filter.any"))),
                id=_SOURCE,
            )
        )
        options.append(
            Option(
                Content(
                    t("filter.salesperson", value=lead_filter.salesperson or t("filter.anyone"))
                ),
                id=_SALESPERSON,
            )
        )
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        option_list.highlighted = highlight
        option_list.focus()

    def _show_choices(self, kind: str) -> None:
        self._choosing = kind
        values = self._sources if kind == _SOURCE else self._salespeople
        anything = "filter.any" if kind == _SOURCE else "filter.anyone"
        options = [Option(Content(self._t(anything)), id="\x00any")]
        options += [Option(Content(value), id=f"v:{value}") for value in values]
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        option_list.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter toggles a filter, or picks a source or salesperson."""
        event.stop()
        option_id = event.option.id or ""
        if self._choosing is not None:
            value = option_id[2:] if option_id.startswith("v:") else None
            if self._choosing == _SOURCE:
                self._change(
                    LeadFilter(
                        self.lead_filter.search,
                        self.lead_filter.quick,
                        value,
                        self.lead_filter.salesperson,
                    )
                )
                self._show_filters(len(QuickFilter))
            else:
                self._change(
                    LeadFilter(
                        self.lead_filter.search,
                        self.lead_filter.quick,
                        self.lead_filter.source,
                        value,
                    )
                )
                self._show_filters(len(QuickFilter) + 1)
            return
        if option_id in (_SOURCE, _SALESPERSON):
            self._show_choices(option_id)
            return
        self._change(self.lead_filter.toggled(QuickFilter(option_id)))
        self._show_filters(event.option_index)

    def _change(self, lead_filter: LeadFilter) -> None:
        self.lead_filter = lead_filter
        self._apply(lead_filter)

    def action_close(self) -> None:
        """Close (from a list of sources: back to the filters)."""
        if self._choosing is not None:
            self._show_filters()
            return
        self.dismiss(None)
