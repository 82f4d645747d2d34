"""The lead screen: the customer, the conversation, the history, and every action on the lead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.models import Direction, LeadCard, LeadDetail, MoveResult
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.context import CockpitContext, cockpit_of
from cockpit_tui.ui.customer_rights import CustomerRights, CustomerRightsKeys, rights_bindings
from cockpit_tui.ui.errors import report_error
from cockpit_tui.ui.lead_actions import LeadActions
from cockpit_tui.ui.lead_keys import move_bindings
from cockpit_tui.ui.lead_text import conversation_text, history_text, summary_text
from cockpit_tui.ui.type_ahead import KeyHoldScreen
from cockpit_tui.ui.widgets.key_bar import KeyBar
from cockpit_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from textual.command import Provider

    from cockpit_tui.ui.screens.forms import FormScreen

_LEAD_KEYS = frozenset(
    {
        "reply",
        "retry_replies",
        "whatsapp",
        "note",
        "edit",
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


class LeadScreen(CustomerRightsKeys, KeyHoldScreen[int]):
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
        Binding("R", "retry_replies", "Reenviar", id="lead.retry_replies", show=False),
        Binding("s", "schedule", "Agendar", id="lead.schedule"),
        Binding("m", "pick_status", "Mover", id="lead.move_to"),
        Binding("h", "handled", "Atendido", id="lead.handled"),
        Binding("n", "note", "Nota", id="lead.note"),
        Binding("e", "edit", "Corrigir", id="lead.edit"),
        Binding("w", "whatsapp", "WhatsApp", id="lead.whatsapp"),
        Binding("N", "new_negotiation", "Nova negociação", id="lead.new_negotiation"),
        Binding("o", "visit_result", "Compromissos", id="lead.visit_result"),
        *move_bindings("lead", show=False, previous="Voltar status"),
        Binding("a", "assign_to_me", "Para mim", id="lead.assign_to_me", show=False),
        Binding("u,ctrl+z", "undo", "Desfazer", id="lead.undo", show=False),
        Binding("A", "assign_to", "Atribuir a…", id="lead.assign_to", show=False),
        *rights_bindings(),
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
        if then == "reply":
            self.hold_keys()  # the reply typed while the lead loads goes to the reply form
        self._unread_ids: set[int] = set()
        self._last_change = 0
        self._poll_worker: Worker[None] | None = None
        self.actions = LeadActions(self, self)

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""
        return cockpit_of(self.app)

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
        yield CustomerRights(self, id="lead-rights")
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
            report_error(self, error)
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
        self.drop_held_keys()  # typed for a reply that cannot open
        report_error(self, message.error)

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
        self.query_one(CustomerRights).show_customer(card.customer_id)
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
        """Write a reply (``lead_reply.open_reply``: free text, or a template outside 24 h)."""
        from cockpit_tui.ui.screens.lead_reply import open_reply

        open_reply(self)

    def action_retry_replies(self) -> None:
        """Send again the replies WhatsApp refused (``lead_reply.retry_failed``)."""
        from cockpit_tui.ui.screens.lead_reply import retry_failed

        retry_failed(self)

    def action_edit(self) -> None:
        """Correct the customer or the negotiation (``lead_day.open_edit``)."""
        from cockpit_tui.ui.screens.lead_day import open_edit

        open_edit(self)

    def action_note(self) -> None:
        """Leave a note on the lead."""
        if (card := self.card) is not None:
            leads = self.cockpit.services.leads
            title = self.cockpit.t("note.title")
            self._text_form("note", title, lambda text: leads.add_note(card.id, text), "lead.noted")

    def _text_form(
        self, kind: str, title: str, send: Callable[[str], object], done_key: str
    ) -> None:
        """A one-text form (a reply, a note) for this lead; once sent, say ``done_key``."""
        from cockpit_tui.ui.screens.forms import TextForm

        t = self.cockpit.t
        form = TextForm(title, t, send=send, placeholder=t(f"{kind}.placeholder"))
        self.open_form(form, t(done_key))

    def action_schedule(self) -> None:
        """Schedule a visit, a call back or a video call."""
        card = self.card
        if card is None:
            return
        from cockpit_tui.ui.follow_up import schedule_form

        self.open_form(schedule_form(self.cockpit, card), self.cockpit.t("lead.scheduled"))

    def action_visit_result(self) -> None:
        """The pending appointments: what happened, reschedule, cancel (``lead_day``)."""
        from cockpit_tui.ui.screens.lead_day import open_appointments

        open_appointments(self)

    def action_handled(self) -> None:
        """Mark the lead handled without replying: it leaves the top of its column."""
        card = self.card
        if card is None:
            return
        if self._run(lambda: self.cockpit.services.leads.mark_handled(card.id)):
            self.say(self.cockpit.t("lead.handled"))

    def action_undo(self) -> None:
        """Undo this user's last move, assignment or "atendido" (again: the one before)."""
        self.actions.undo()

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
        if (card := self.card) is not None:
            self.actions.assign_to_me(card)

    def action_assign_to(self) -> None:
        """Assign the lead to a salesperson of the team, or to nobody."""
        if (card := self.card) is not None:
            self.actions.assign_to(card)

    def action_new_negotiation(self) -> None:
        """Start a new negotiation with this customer (a new card in Nova proposta)."""
        card = self.card
        if card is None:
            return
        t = self.cockpit.t
        try:
            new_card = self.cockpit.services.leads.new_negotiation(card.id)
        except CockpitError as error:
            report_error(self, error)
            return
        self.lead_id = new_card.id
        self.detail = None
        self._unread_ids.clear()
        self.reload()
        self.say(t("lead.renegotiated", lead_id=new_card.id, old_id=card.id))

    def action_move_by(self, step: int) -> None:
        """Move the lead to the next (+1) or previous (-1) status."""
        if (card := self.card) is not None:
            self.actions.move_by(card, step)

    def action_pick_status(self) -> None:
        """Ask which status to move the lead to."""
        if (card := self.card) is not None:
            self.actions.pick_status(card)

    # -- what the shared lead actions ask of this screen ----------------------------

    @on(LeadActions.Finished)
    def _lead_action_finished(self, message: LeadActions.Finished) -> None:
        self.actions.finish(message)

    def read_after_move(self, result: MoveResult) -> None:
        """Nothing to read: the lead is read again once the move is shown."""

    def lead_moved(self, result: MoveResult, read: object) -> None:
        """Read the lead again (the follow-up form is offered by the actions)."""
        self.reload()

    def move_refused(self, lead_id: int | None) -> None:
        """A colleague changed the lead first: read it again."""
        self.reload()

    def lead_changed(self, card: LeadCard) -> None:
        """Read the lead again."""
        self.reload()

    def action_help(self) -> None:
        """Every key of this screen."""
        from cockpit_tui.ui.screens.help import HelpScreen

        palette = self.cockpit.t("board.palette_key")
        self.app.push_screen(HelpScreen(self.active_bindings.values(), palette_label=palette))

    # -- helpers -------------------------------------------------------------------

    def open_form(self, form: FormScreen[Any], done: str) -> None:
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
            report_error(self, error)
            return False
        self.reload()
        return True

    def say(self, text: str) -> None:
        """Show what just happened on the title line."""
        self.query_one("#lead-notice", TextLine).text = text


def _screen_commands() -> type[Provider]:
    from cockpit_tui.ui.commands import ScreenCommands

    return ScreenCommands


def _with_card(detail: LeadDetail, card: LeadCard) -> LeadDetail:
    return replace(detail, card=card)
