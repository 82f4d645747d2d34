"""Actions on one lead, shared by every screen that shows a lead (the board, the list, the lead).

Moving (a step, or to a chosen status), undoing, assigning, the form a move
offers, and telling the user how it went live here once. A screen hands in
itself twice: as the Textual screen that runs the workers and as a
:class:`LeadActionHost` that applies the results.

Every write runs in a thread worker, one at a time and in the order the keys
were pressed; the key is acknowledged on screen at once (the notice line)
and the result applied when the worker posts it back. A key acts on the
lead highlighted when it was pressed: its card is captured then; a second
key on the same lead waits for the first and starts from its result.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from textual.message import Message

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.errors import CockpitError, MoveConflictError, StoreUnavailableError
from cockpit_tui.domain.lead_changes import MoveResult
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.statuses import CLOSED_STATUSES, Status, status_label
from cockpit_tui.i18n.translate import describe_error
from cockpit_tui.ui.context import cockpit_of
from cockpit_tui.ui.errors import report_error

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit_tui.services.leads import UndoResult
    from cockpit_tui.ui.context import CockpitContext
    from cockpit_tui.ui.screens.forms import AssignChoice
    from cockpit_tui.ui.warm_up_gate import WarmUpGate

#: The worker group every lead write runs in.
WORKER_GROUP = "lead-actions"


class LeadActionHost(Protocol):
    """What a screen showing a lead does with the results of the shared actions."""

    def say(self, text: str) -> None:
        """Show routine news (a move, an undo) on the screen's notice line."""

    def read_after_move(self, result: MoveResult) -> object:
        """In the worker, after a move or undo: read what the screen will need to show it."""

    def lead_moved(self, result: MoveResult, read: object) -> None:
        """On the UI thread: show a move or an undo (``read`` is :meth:`read_after_move`'s)."""

    def move_refused(self, lead_id: int | None) -> None:
        """A colleague changed the lead first: read it again (``lead_id``: select it)."""

    def lead_changed(self, card: LeadCard) -> None:
        """The lead was assigned, or a follow-up form saved: show it again."""


@dataclass
class _Job:
    """One write, run in the worker; ``done`` and ``failed`` run on the UI thread."""

    run: Callable[[], object]
    done: Callable[[Any], None]
    failed: Callable[[CockpitError], None]


class LeadActions:
    """Move, undo, assign and follow-up forms for one screen.

    Args:
        screen: The screen that runs the workers and shows the forms.
        host: The same screen, as the one that applies the results.
    """

    @dataclass
    class Finished(Message):
        """A lead write finished in the worker (the host screen passes it to :meth:`finish`)."""

        job: _Job
        value: object = None
        error: CockpitError | None = None

    def __init__(self, screen: Screen[Any], host: LeadActionHost) -> None:
        self._screen = screen
        self._host = host
        self._queue: deque[_Job] = deque()
        self._running = False
        #: The card as the last write left it (a queued key on the same lead starts from it).
        self._last_card: LeadCard | None = None

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""
        return cockpit_of(self._screen.app)

    @property
    def busy(self) -> bool:
        """Whether a write is running or waiting (tests and the bench wait on this)."""
        return self._running or bool(self._queue)

    def warm_up(self, gate: WarmUpGate) -> None:
        """Import the write path (the ORM, ~0.5 s) in a worker while the user reads the board.

        The first move would otherwise pay for it. The salesperson who opened
        the store also joins its team here (so colleagues can assign leads to
        them), off the first frame's path. The import pauses while ``gate``
        says the board is busy (a search typed meanwhile goes first).
        """
        services = self.cockpit.services

        def warm() -> None:
            # The write path's modules (the ORM: ~80,000 objects) live as long as the app:
            # the gate sets them aside from the collector after the import (gc.freeze).
            # The join's first ORM query (mappers configured, statement compiled) is ~0.1 s
            # of Python that cannot pause: it too waits for a quiet board before it starts.
            with gate.pausing_imports():
                services.leads.warm_up()
                gate.wait()
                with suppress(CockpitError):  # read-only or busy store: joins at next start
                    services.team.join()

        self._screen.run_worker(warm, thread=True, group="warm-up")

    # -- the actions ---------------------------------------------------------------

    def move_by(self, card: LeadCard, step: int) -> None:
        """Move ``card`` to the next (+1) or previous (-1) status."""
        if not self.busy:
            target = card.status.next() if step > 0 else card.status.previous()
            if target is None:
                self._say_at_edge(step)
                return
        self._move(
            card,
            lambda current: current.status.next() if step > 0 else current.status.previous(),
            step,
        )

    def move_to(self, card: LeadCard, target: Status) -> None:
        """Move ``card`` to ``target`` (nothing if it is there already)."""
        if target is not card.status:
            self._move(card, lambda current: target if target is not current.status else None, 0)

    def pick_status(self, card: LeadCard) -> None:
        """Ask which status to move ``card`` to (1–6, esc cancels)."""
        from cockpit_tui.ui.screens.move_picker import MovePicker  # first use pays the import

        picker = MovePicker(card.status, self.cockpit.t)

        def chosen(status: Status | None) -> None:
            if status is not None:
                self.move_to(card, status)
            elif picker.closed_by is not None:
                self._host.say(self.cockpit.t("picker.closed_by_key", key=picker.closed_by))

        self._screen.app.push_screen(picker, chosen)

    def undo(self) -> None:
        """Undo this user's last move, assignment or "atendido" (again: the one before)."""
        app = self.cockpit
        self._host.say("↶ …")

        def run() -> object:
            result = app.services.leads.undo_last()
            read = None if result.move is None else self._host.read_after_move(result.move)
            return result, read

        def done(value: tuple[UndoResult, object]) -> None:
            result, read = value
            self._last_card = result.card
            name = clean_text(result.card.customer_name)
            if result.move is not None:
                self._host.lead_moved(result.move, read)
                label = status_label(result.move.to_status, app.t.lang)
                self._host.say(app.t("board.undone", name=name, status=label))
                return
            self._host.lead_changed(result.card)
            if result.kind == "assign":
                owner = result.owner or app.t("card.unassigned")
                self._host.say(app.t("undo.assignment_undone", name=name, owner=owner))
            else:
                self._host.say(app.t("undo.handled_undone", name=name))

        def failed(error: CockpitError) -> None:
            if isinstance(error, MoveConflictError):
                report_error(self._screen, error)
                self._host.move_refused(None)
            elif isinstance(error, StoreUnavailableError):
                report_error(self._screen, error)
            else:  # nothing to undo: routine news, not an alarm
                self._host.say(describe_error(error, app.t))

        self._submit(_Job(run, done, failed))

    def assign_to_me(self, card: LeadCard) -> None:
        """Assign ``card`` to the user."""
        app = self.cockpit

        def done(_: object) -> None:
            self._host.lead_changed(card)
            self._host.say(app.t("board.assigned_to_me"))

        self._submit(_Job(lambda: app.services.leads.assign_to_me(card.id), done, self._failed))

    def assign_to(self, card: LeadCard) -> None:
        """Assign ``card`` to a salesperson of the team, or to nobody."""
        from cockpit_tui.ui.screens.forms import AssignPicker

        app = self.cockpit
        try:
            team = app.services.team.members()
        except CockpitError as error:
            report_error(self._screen, error)
            return

        def chosen(choice: AssignChoice | None) -> None:
            if choice is None:
                return
            name = choice.salesperson or app.t("card.unassigned")

            def done(_: object) -> None:
                self._host.lead_changed(card)
                self._host.say(app.t("lead.assigned", name=name))

            run = lambda: app.services.leads.assign(card.id, choice.salesperson)  # noqa: E731
            self._submit(_Job(run, done, self._failed))

        self._screen.app.push_screen(
            AssignPicker(app.t, team=team, current=card.assigned_to), chosen
        )

    def offer_follow_up(self, card: LeadCard) -> None:
        """After a move to Aguardando visita, Vendidos or Não vendidos: the form it asks for.

        Esc skips it; the move stays.
        """
        from cockpit_tui.ui.follow_up import follow_up_form

        form = follow_up_form(self.cockpit, card)
        if form is None:
            return

        def closed(result: object | None) -> None:
            if result is not None:
                self._host.say(self.cockpit.t("lead.saved"))
            self._host.lead_changed(card)

        self._screen.app.push_screen(form, closed)

    # -- the queue -------------------------------------------------------------------

    def finish(self, message: LeadActions.Finished) -> None:
        """Apply a finished write on the UI thread, then start the next one."""
        job = message.job
        try:
            if message.error is not None:
                job.failed(message.error)
            else:
                job.done(message.value)
        except CockpitError as error:  # showing the result read the store again, and failed
            report_error(self._screen, error)
        finally:
            self._running = False
            self._start_next()

    def _move(
        self, card: LeadCard, target_of: Callable[[LeadCard], Status | None], step: int
    ) -> None:
        target = target_of(card)
        if target is not None and card.status in CLOSED_STATUSES:
            # Reopening a closed lead, or turning a loss into a sale, is asked first.
            from cockpit_tui.ui.screens.confirm import ConfirmScreen

            t = self.cockpit.t
            question = t(
                "confirm.move_closed",
                name=clean_text(card.customer_name),
                from_label=status_label(card.status, t.lang),
                to_label=status_label(target, t.lang),
            )

            def answered(confirmed: bool | None) -> None:
                if confirmed:
                    self._move_now(card, target_of, step)
                else:
                    self._host.say(t("confirm.move_cancelled"))

            self._screen.app.push_screen(ConfirmScreen(question, t), answered)
            return
        self._move_now(card, target_of, step)

    def _move_now(
        self, card: LeadCard, target_of: Callable[[LeadCard], Status | None], step: int
    ) -> None:
        app = self.cockpit
        first_target = target_of(card)
        if first_target is not None:
            # Acknowledged now; the notice says where it went once it landed.
            self._host.say(f"→ {status_label(first_target, app.t.lang)} …")

        def run() -> object:
            current = self._current(card)
            if current.status is not card.status and current.status in CLOSED_STATUSES:
                return current  # a key queued behind a move to a closed status: not confirmed
            target = target_of(current)
            if target is None:
                return None
            result = app.services.leads.move(current.id, target, seen_version=current.version)
            return result, self._host.read_after_move(result)

        def done(value: tuple[MoveResult, object] | LeadCard | None) -> None:
            if value is None:
                self._say_at_edge(step)
                return
            if isinstance(value, LeadCard):
                label = status_label(value.status, app.t.lang)
                self._host.say(app.t("confirm.stopped_at_closed", status=label))
                return
            result, read = value
            self._last_card = result.card
            self._host.lead_moved(result, read)
            self._host.say(app.t("board.moved", status=status_label(result.to_status, app.t.lang)))
            self.offer_follow_up(result.card)

        def failed(error: CockpitError) -> None:
            report_error(self._screen, error)
            if isinstance(error, MoveConflictError):
                self._host.move_refused(card.id)

        self._submit(_Job(run, done, failed))

    def _current(self, card: LeadCard) -> LeadCard:
        """``card``, or what a write queued before this key made of it (a newer version)."""
        last = self._last_card
        if last is not None and last.id == card.id and last.version > card.version:
            return last
        return card

    def _say_at_edge(self, step: int) -> None:
        key = "board.already_last" if step > 0 else "board.already_first"
        self._host.say(self.cockpit.t(key))

    def _failed(self, error: CockpitError) -> None:
        report_error(self._screen, error)

    def _submit(self, job: _Job) -> None:
        self._queue.append(job)
        if not self._running:
            self._start_next()

    def _start_next(self) -> None:
        if self._running or not self._queue:
            return
        job = self._queue.popleft()
        self._running = True
        self._screen.run_worker(lambda: self._work(job), thread=True, group=WORKER_GROUP)

    def _work(self, job: _Job) -> None:
        """In the worker thread: run the write, post the outcome back."""
        try:
            value = job.run()
        except CockpitError as error:
            self._screen.post_message(LeadActions.Finished(job, error=error))
            return
        self._screen.post_message(LeadActions.Finished(job, value=value))
