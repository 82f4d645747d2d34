"""The day's agenda: the user's (or the whole store's) appointments of one day.

Overdue ones of earlier days come first, in the late colour (as on the cards); then the
day's in time order. ``enter`` opens the lead, ``esc`` goes back to the board
on it; ``l`` toggles "só meus" / "loja toda"; ``[`` / ``]`` the previous and
next day. The store is read in a worker (:meth:`AgendaScreen._load`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cockpit_tui.domain.agenda import Agenda, AgendaItem
from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.context import CockpitContext, cockpit_of
from cockpit_tui.ui.errors import report_error
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.text_line import TextLine

_OVERDUE = "bold $text-error"  # late: the same colour as on the cards
_MUTED = "dim"


class AgendaScreen(Screen[int | None]):
    """Today's agenda; dismissed with the lead to select on the board (None: none)."""

    CSS_PATH = "agenda.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Voltar", id="agenda.back", key_display="esc"),
        Binding("enter", "open_lead", "Abrir", id="agenda.open", key_display="⏎"),
        Binding("l", "toggle_scope", "Só meus/loja toda", id="agenda.scope"),
        Binding(
            "left_square_bracket",
            "day(-1)",
            "Dia anterior",
            id="agenda.previous_day",
            key_display="[",
        ),
        Binding(
            "right_square_bracket", "day(1)", "Próximo dia", id="agenda.next_day", key_display="]"
        ),
        Binding("question_mark", "help", "Ajuda", id="agenda.help", key_display="?"),
    ]

    @dataclass
    class Loaded(Message):
        """The agenda as read by a worker."""

        agenda: Agenda

    @dataclass
    class LoadFailed(Message):
        """The agenda could not be read."""

        error: CockpitError

    def __init__(self) -> None:
        super().__init__()
        self.agenda: Agenda | None = None
        self._last_lead_id: int | None = None

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""
        return cockpit_of(self.app)

    def compose(self) -> ComposeResult:
        """Title line, the appointments, keys."""
        t = self.cockpit.t
        translate_bindings(self, t)
        yield TextLine(t("agenda.loading"), id="agenda-title")
        yield TextLine("", id="agenda-empty")
        yield OptionList(id="agenda-items")
        yield KeyBar(palette_label=t("board.palette_key"))

    def on_mount(self) -> None:
        """Read today's agenda (only the user's)."""
        self.query_one(OptionList).focus()
        self._load(None, everyone=False)

    @work(thread=True, exclusive=True, group="agenda-load")
    def _load(self, day: date | None, *, everyone: bool) -> None:
        try:
            agenda = self.cockpit.services.agenda.day(day, everyone=everyone)
        except CockpitError as error:
            self.post_message(self.LoadFailed(error))
            return
        self.post_message(self.Loaded(agenda))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        agenda = self.agenda = message.agenda
        t = self.cockpit.t
        self.query_one("#agenda-title", TextLine).text = title_text(agenda, t)
        items = self.query_one(OptionList)
        highlighted = self.selected_item
        items.clear_options()
        items.add_options(
            Option(item_line(item, agenda, t), id=str(item.appointment_id)) for item in agenda.items
        )
        if agenda.items:
            keep = highlighted.appointment_id if highlighted else None
            ids = [item.appointment_id for item in agenda.items]
            items.highlighted = ids.index(keep) if keep in ids else 0
        empty = t("agenda.empty_store" if agenda.everyone else "agenda.empty_mine")
        self.query_one("#agenda-empty", TextLine).text = "" if agenda.items else empty

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        report_error(self, message.error)

    @property
    def selected_item(self) -> AgendaItem | None:
        """The highlighted appointment."""
        if self.agenda is None:
            return None
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.agenda.items):
            return None
        return self.agenda.items[index]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_lead()

    def action_open_lead(self) -> None:
        """Open the highlighted appointment's lead; back here, the agenda is read again."""
        item = self.selected_item
        if item is None:
            return
        from cockpit_tui.ui.screens.lead import LeadScreen

        self._last_lead_id = item.lead_id

        def back(_lead_id: int | None) -> None:
            self.reload()

        self.app.push_screen(LeadScreen(item.lead_id), back)

    def action_back(self) -> None:
        """Back to the board, on the highlighted lead (or the last one opened)."""
        item = self.selected_item
        self.dismiss(item.lead_id if item is not None else self._last_lead_id)

    def action_toggle_scope(self) -> None:
        """Only mine ↔ the whole store."""
        if self.agenda is not None:
            self._load(self.agenda.day, everyone=not self.agenda.everyone)

    def action_day(self, step: int) -> None:
        """The previous (-1) or next (+1) day."""
        if self.agenda is not None:
            self._load(
                self.agenda.day.fromordinal(self.agenda.day.toordinal() + step),
                everyone=self.agenda.everyone,
            )

    def reload(self) -> None:
        """Read the day shown again."""
        if self.agenda is not None:
            self._load(self.agenda.day, everyone=self.agenda.everyone)

    def action_help(self) -> None:
        """Every key of this screen."""
        from cockpit_tui.ui.screens.help import HelpScreen

        palette = self.cockpit.t("board.palette_key")
        self.app.push_screen(HelpScreen(self.active_bindings.values(), palette_label=palette))


def title_text(agenda: Agenda, t: Translator) -> str:
    """ "Agenda — 02/12/2026 (só meus)"."""
    shown = agenda.day.strftime("%Y-%m-%d" if t.lang == "en" else "%d/%m/%Y")
    scope = t("agenda.everyone" if agenda.everyone else "agenda.mine")
    return t("agenda.title", day=shown, scope=scope)


def earlier_days(agenda: Agenda) -> bool:
    """Whether the list holds appointments of earlier days (their lines carry the date)."""
    return any(item.at.astimezone(agenda.zone).date() != agenda.day for item in agenda.items)


def item_line(item: AgendaItem, agenda: Agenda, t: Translator, *, dated: bool = False) -> Content:
    """One appointment: time, kind, customer, the lead's column and salesperson.

    ``dated``: some lines carry a date, so times are right-aligned under them.
    """
    local = item.at.astimezone(agenda.zone)
    late_day = local.date() != agenda.day
    when = local.strftime(
        ("%d/%m " if t.lang != "en" else "%m-%d ") + "%H:%M" if late_day else "%H:%M"
    )
    style = _OVERDUE if item.overdue else ""
    parts: list[tuple[str, str]] = [(f"{when:>11}  " if dated else f"{when}  ", style)]
    parts.append((f"{t(f'appointment.{item.kind.value}'):<20}", style))
    parts.append((clean_text(item.customer, max_length=60), "bold " + style if style else "bold"))
    parts.append((f"  · {status_label(item.status, t.lang)}", _MUTED))
    if agenda.everyone:
        who = t("agenda.nobody")
        if item.assigned_to:
            who = clean_text(item.assigned_to, max_length=40)
        parts.append((f"  · {who}", _MUTED))
    if item.overdue:
        parts.append((f"  {t('agenda.overdue')}", _OVERDUE))
    elif item.occurred is not None:
        parts.append((f"  {t('agenda.happened' if item.occurred else 'agenda.missed')}", _MUTED))
    return Content.assemble(*parts)
