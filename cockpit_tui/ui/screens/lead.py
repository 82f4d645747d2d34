"""The lead screen: the customer, the conversation, the history, and every action on the lead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker

from cockpit_tui.domain.errors import CockpitError, MoveConflictError
from cockpit_tui.domain.models import Direction, LeadCard, LeadDetail
from cockpit_tui.domain.statuses import Status, status_label
from cockpit_tui.i18n.format import format_datetime
from cockpit_tui.i18n.translate import describe_error
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.lead_text import conversation_text, history_text, summary_text
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from textual.command import Provider

    from cockpit_tui.ui.app import CockpitApp
    from cockpit_tui.ui.screens.forms import AssignChoice, FormScreen

_LEAD_KEYS = frozenset(
    {
        "reply",
        "whatsapp",
        "note",
        "handled",
        "schedule",
        "visit_result",
        "move_by",
        "pick_status",
        "assign_to_me",
        "assign_to",
        "new_negotiation",
    }
)


class LeadScreen(Screen[int]):
    """One lead, opened from the board; dismisses with the lead to select on the board.

    Opening it marks the customer's replies read (the bold goes away on every
    open board). It follows the store live: a message that arrives while it is
    open appears, marked new.

    Args:
        lead_id: The lead to show.
        then: An action to start once the lead is loaded ("reply" from the board's ``r``).
    """

    CSS_PATH = "lead.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        lambda: _screen_commands()
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Voltar", id="lead.back", key_display="esc"),
        Binding("r", "reply", "Responder", id="lead.reply"),
        Binding("s", "schedule", "Agendar", id="lead.schedule"),
        Binding("m", "pick_status", "Mover", id="lead.move_to"),
        Binding("h", "handled", "Atendido", id="lead.handled"),
        Binding("n", "note", "Nota", id="lead.note"),
        Binding("w", "whatsapp", "WhatsApp", id="lead.whatsapp"),
        Binding("N", "new_negotiation", "Nova negociação", id="lead.new_negotiation"),
        Binding("o", "visit_result", "Visita ocorreu?", id="lead.visit_result", show=False),
        Binding("shift+right,L", "move_by(1)", "Avançar", id="lead.move_next", show=False),
        Binding(
            "shift+left,H", "move_by(-1)", "Voltar status", id="lead.move_previous", show=False
        ),
        Binding("a", "assign_to_me", "Para mim", id="lead.assign_to_me", show=False),
        Binding("A", "assign_to", "Atribuir a…", id="lead.assign_to", show=False),
        Binding("question_mark", "help", "Ajuda", id="lead.help", key_display="?"),
    ]

    @dataclass
    class Loaded(Message):
        """The lead as read by a worker, with the messages that were unread."""

        detail: LeadDetail
        unread_ids: frozenset[int]

    @dataclass
    class LoadFailed(Message):
        """The lead could not be read."""

        error: CockpitError

    @dataclass
    class ChangesSeen(Message):
        """Another process changed this lead (or the team) since the last look."""

        last_change: int
        relevant: bool

    def __init__(self, lead_id: int, *, then: str | None = None) -> None:
        super().__init__()
        self.lead_id = lead_id
        self.detail: LeadDetail | None = None
        self._then = then
        self._unread_ids: set[int] = set()
        self._last_change = 0
        self._poll_worker: Worker[None] | None = None

    @property
    def cockpit(self) -> CockpitApp:
        """The app, typed."""
        from cockpit_tui.ui.app import CockpitApp

        assert isinstance(self.app, CockpitApp)
        return self.app

    @property
    def card(self) -> LeadCard | None:
        """The lead as last read."""
        return self.detail.card if self.detail else None

    # -- building --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Title line, summary, conversation beside history, keys."""
        t = self.cockpit.t
        translate_bindings(self, t)
        with Horizontal(id="lead-header-row"):
            yield TextLine(id="lead-title")
            yield TextLine(id="lead-notice")
        yield Static(Content(t("lead.loading")), id="lead-summary")
        with Horizontal(id="lead-panes"):
            with Vertical(id="conversation-pane"):
                yield Static(Content(t("lead.conversation")), classes="pane-title")
                with VerticalScroll(id="conversation-scroll"):
                    yield Static("", id="conversation")
            with Vertical(id="history-pane"):
                yield Static(Content(t("lead.history")), classes="pane-title")
                with VerticalScroll(id="history-scroll"):
                    yield Static("", id="history")
        yield KeyBar(palette_label=t("board.palette_key"))

    def on_mount(self) -> None:
        """Read the lead, then watch the store for changes to it."""
        try:
            self._last_change = self.cockpit.services.board.last_change_id()
        except CockpitError as error:
            self._report(error)
        self.query_one("#conversation-scroll").focus()
        self.reload()
        self.set_interval(self.cockpit.poll_interval, self._poll)

    # -- reading -----------------------------------------------------------------

    def reload(self) -> None:
        """Read the lead again (in a worker)."""
        self._load(self.lead_id)

    @work(thread=True, exclusive=True, group="lead-load")
    def _load(self, lead_id: int) -> None:
        leads = self.cockpit.services.leads
        try:
            detail = leads.detail(lead_id)
            unread = frozenset(
                message.id
                for message in detail.messages
                if message.direction is Direction.INBOUND and message.read_at is None
            )
            if detail.card.has_unread_reply or unread:
                detail = _with_card(detail, leads.mark_read(lead_id))
        except CockpitError as error:
            self.post_message(LeadScreen.LoadFailed(error))
            return
        self.post_message(LeadScreen.Loaded(detail, unread))

    def on_lead_screen_loaded(self, message: Loaded) -> None:
        """Show what was read; the first load may start the action asked for."""
        if message.detail.card.id != self.lead_id:
            return  # a load of the lead shown before a new negotiation
        first = self.detail is None
        self.detail = message.detail
        self._unread_ids |= message.unread_ids
        self._show()
        if first:
            self.query_one("#conversation-scroll", VerticalScroll).scroll_end(animate=False)
            if self._then == "reply":
                self.action_reply()
        self.refresh_bindings()

    def on_lead_screen_load_failed(self, message: LoadFailed) -> None:
        """Say why the lead could not be read; what is on screen stays."""
        self._report(message.error)

    def _show(self) -> None:
        detail = self.detail
        if detail is None:
            return
        app = self.cockpit
        t, now = app.t, app.services.clock.now()
        card = detail.card
        self.query_one("#lead-title", TextLine).text = t(
            "lead.title", status=status_label(card.status, t.lang), lead_id=card.id
        )
        self.query_one("#lead-summary", Static).update(summary_text(detail, now=now, t=t))
        scroll = self.query_one("#conversation-scroll", VerticalScroll)
        at_end = scroll.scroll_y >= scroll.max_scroll_y
        self.query_one("#conversation", Static).update(
            conversation_text(detail, unread_ids=self._unread_ids, t=t)
        )
        if at_end:
            self.call_after_refresh(scroll.scroll_end, animate=False)
        self.query_one("#history", Static).update(history_text(detail, t=t))

    # -- live --------------------------------------------------------------------

    def _poll(self) -> None:
        if self._poll_worker is not None and self._poll_worker.is_running:
            return
        self._poll_worker = self._check_changes(self._last_change, self.lead_id)

    @work(thread=True, group="lead-poll")
    def _check_changes(self, since: int, lead_id: int) -> None:
        try:
            changes = self.cockpit.services.board.changes_since(since)
        except CockpitError:
            return  # the board says once that the store cannot be read
        if changes:
            relevant = any(
                change.lead_id == lead_id or change.kind.startswith("store.") for change in changes
            )
            self.post_message(LeadScreen.ChangesSeen(changes[-1].id, relevant))

    def on_lead_screen_changes_seen(self, message: ChangesSeen) -> None:
        """Re-read the lead when someone changed it."""
        self._last_change = max(self._last_change, message.last_change)
        if message.relevant:
            self.reload()

    # -- keys ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Lead keys wait for the lead to be read; some only fit some leads."""
        if action not in _LEAD_KEYS:
            return True
        card = self.card
        if card is None:
            return None
        if action == "new_negotiation" and not card.status.is_closed:
            return None
        if action == "visit_result" and (self.detail and self.detail.pending_appointment) is None:
            return None
        return True

    def action_back(self) -> None:
        """Back to the board, with this lead selected."""
        self.dismiss(self.lead_id)

    def action_reply(self) -> None:
        """Write a reply: it goes to the outbox and the lead leaves the top of its column."""
        card = self.card
        if card is None:
            return
        from cockpit_tui.ui.screens.forms import TextForm

        t = self.cockpit.t
        leads = self.cockpit.services.leads
        form = TextForm(
            t("reply.title", name=card.customer_name),
            t,
            send=lambda text: leads.reply(card.id, text),
            placeholder=t("reply.placeholder"),
        )
        self._open_form(form, t("lead.replied"))

    def action_note(self) -> None:
        """Leave a note on the lead."""
        card = self.card
        if card is None:
            return
        from cockpit_tui.ui.screens.forms import TextForm

        t = self.cockpit.t
        leads = self.cockpit.services.leads
        form = TextForm(
            t("note.title"),
            t,
            send=lambda text: leads.add_note(card.id, text),
            placeholder=t("note.placeholder"),
        )
        self._open_form(form, t("lead.noted"))

    def action_schedule(self) -> None:
        """Schedule a visit, a call back or a video call."""
        card = self.card
        if card is None:
            return
        from cockpit_tui.ui.follow_up import schedule_form

        self._open_form(schedule_form(self.cockpit, card), self.cockpit.t("lead.scheduled"))

    def action_visit_result(self) -> None:
        """Say whether the next appointment happened (a visit that did: Visita realizada)."""
        detail = self.detail
        appointment = detail.pending_appointment if detail else None
        if appointment is None:
            return
        from cockpit_tui.ui.screens.forms import VisitResultForm

        app = self.cockpit
        t = app.t
        title = t(
            "visit.title",
            kind=t(f"appointment.{appointment.kind.value}"),
            when=format_datetime(appointment.at, t.lang),
        )

        def resolve(occurred: bool) -> object:
            return app.services.appointments.resolve(appointment.id, occurred=occurred)

        self._open_form(VisitResultForm(title, t, resolve=resolve), t("lead.visit_recorded"))

    def action_handled(self) -> None:
        """Mark the lead handled without replying: it leaves the top of its column."""
        card = self.card
        if card is None:
            return
        if self._run(lambda: self.cockpit.services.leads.mark_handled(card.id)):
            self.say(self.cockpit.t("lead.handled"))

    def action_whatsapp(self) -> None:
        """Copy a WhatsApp link to the customer's number (through the terminal)."""
        card = self.card
        if card is None:
            return
        t = self.cockpit.t
        if not card.phone:
            self.notify(t("lead.no_phone"), severity="warning")
            return
        link = "https://wa.me/" + card.phone.lstrip("+")
        self.app.copy_to_clipboard(link)
        self.say(t("lead.whatsapp_copied", link=link))

    def action_assign_to_me(self) -> None:
        """Assign the lead to the user."""
        card = self.card
        if card is not None and self._run(
            lambda: self.cockpit.services.leads.assign_to_me(card.id)
        ):
            self.say(self.cockpit.t("board.assigned_to_me"))

    def action_assign_to(self) -> None:
        """Assign the lead to a salesperson of the team, or to nobody."""
        card = self.card
        if card is None:
            return
        from cockpit_tui.ui.screens.forms import AssignPicker

        app = self.cockpit
        try:
            team = app.services.team.members()
        except CockpitError as error:
            self._report(error)
            return

        def chosen(choice: AssignChoice | None) -> None:
            if choice is None:
                return
            if self._run(lambda: app.services.leads.assign(card.id, choice.salesperson)):
                name = choice.salesperson or app.t("card.unassigned")
                self.say(app.t("lead.assigned", name=name))

        self.app.push_screen(AssignPicker(app.t, team=team, current=card.assigned_to), chosen)

    def action_new_negotiation(self) -> None:
        """Start a new negotiation with this customer (a new card in Nova proposta)."""
        card = self.card
        if card is None:
            return
        t = self.cockpit.t
        try:
            new_card = self.cockpit.services.leads.new_negotiation(card.id)
        except CockpitError as error:
            self.notify(describe_error(error, t), severity="warning")
            return
        self.lead_id = new_card.id
        self.detail = None
        self._unread_ids.clear()
        self.reload()
        self.say(t("lead.renegotiated", lead_id=new_card.id, old_id=card.id))

    def action_move_by(self, step: int) -> None:
        """Move the lead to the next (+1) or previous (-1) status."""
        card = self.card
        if card is None:
            return
        target = card.status.next() if step > 0 else card.status.previous()
        if target is None:
            key = "board.already_last" if step > 0 else "board.already_first"
            self.say(self.cockpit.t(key))
            return
        self.move_to(target)

    def action_pick_status(self) -> None:
        """Ask which status to move the lead to."""
        card = self.card
        if card is None:
            return
        from cockpit_tui.ui.screens.move_picker import MovePicker

        def chosen(status: Status | None) -> None:
            if status is not None and status is not card.status:
                self.move_to(status)

        self.app.push_screen(MovePicker(card.status, self.cockpit.t), chosen)

    def move_to(self, target: Status) -> None:
        """Move the lead as last read, then offer the form its new status asks for."""
        card = self.card
        if card is None:
            return
        app = self.cockpit
        t = app.t
        try:
            result = app.services.leads.move(card.id, target, seen_version=card.version)
        except MoveConflictError as error:
            self.notify(describe_error(error, t), severity="warning", timeout=8)
            self.reload()
            return
        except CockpitError as error:
            self._report(error)
            return
        self.say(t("board.moved", status=status_label(result.to_status, t.lang)))
        self.reload()
        from cockpit_tui.ui.follow_up import follow_up_form

        form = follow_up_form(app, result.card)
        if form is not None:
            self._open_form(form, t("lead.saved"))

    def action_help(self) -> None:
        """Every key of this screen."""
        from cockpit_tui.ui.screens.help import HelpScreen

        palette = self.cockpit.t("board.palette_key")
        self.app.push_screen(HelpScreen(self.active_bindings.values(), palette_label=palette))

    # -- helpers -------------------------------------------------------------------

    def _open_form(self, form: FormScreen[Any], done: str) -> None:
        """Show a form; once it saved, say so and read the lead again."""

        def closed(result: object | None) -> None:
            if result is not None:
                self.say(done)
            self.reload()

        self.app.push_screen(form, closed)

    def _run(self, write: Callable[[], object]) -> bool:
        """Run a write; on success read the lead again, on failure say why."""
        try:
            write()
        except CockpitError as error:
            self.notify(describe_error(error, self.cockpit.t), severity="warning")
            return False
        self.reload()
        return True

    def say(self, text: str) -> None:
        """Show what just happened on the title line."""
        self.query_one("#lead-notice", TextLine).text = text

    def _report(self, error: CockpitError) -> None:
        t = self.cockpit.t
        self.notify(t("app.store_error", reason=describe_error(error, t)), severity="error")


def _screen_commands() -> type[Provider]:
    from cockpit_tui.ui.commands import ScreenCommands

    return ScreenCommands


def _with_card(detail: LeadDetail, card: LeadCard) -> LeadDetail:
    return replace(detail, card=card)
