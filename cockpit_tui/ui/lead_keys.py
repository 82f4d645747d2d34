"""The keys every screen showing a lead binds, without the actions behind them.

:func:`move_bindings` declares the step keys and :class:`LeadKeys` their
handlers; the handlers reach the screen's
:class:`~cockpit_tui.ui.lead_actions.LeadActions`, which a screen may build on
first use (the board's first frame does not import the write actions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from cockpit_tui.domain.cards import LeadCard
    from cockpit_tui.domain.statuses import Status
    from cockpit_tui.ui.lead_actions import LeadActions


def move_bindings(scope: str, *, show: bool, previous: str = "Voltar") -> list[Binding]:
    """The two step keys (⇧→ forward, ⇧← back), declared once for every screen showing a lead.

    Args:
        scope: The binding ids' prefix ("board", "lead"): a user keymap rebinds them per screen.
        show: Whether the footer shows them (then as "⇧→" and "⇧←").
        previous: The fallback description of ⇧← (the catalogs translate it by id).
    """
    steps = (
        ("shift+right,L", 1, "Avançar", "next", "⇧→"),
        ("shift+left,H", -1, previous, "previous", "⇧←"),
    )
    return [
        Binding(
            keys,
            f"move_by({step})",
            description,
            id=f"{scope}.move_{name}",
            key_display=display if show else None,
            show=show,
        )
        for keys, step, description, name, display in steps
    ]


class LeadKeys:
    """The handlers of the lead keys every screen showing a lead binds (with :func:`move_bindings`).

    Mixed into the board and the lead screen before ``Screen``; they say
    which lead the keys act on (:attr:`lead_card`) and own a :class:`LeadActions`.
    """

    actions: LeadActions

    @property
    def lead_card(self) -> LeadCard | None:
        """The lead the keys act on (None: the keys do nothing)."""
        # Abstract: mixed into Textual's screens, whose metaclass rules out abc.ABC.
        raise NotImplementedError

    def action_move_by(self, step: int) -> None:
        """Move the lead to the next (+1) or previous (-1) status."""
        if (card := self.lead_card) is not None:
            self.actions.move_by(card, step)

    def action_pick_status(self) -> None:
        """Ask which status to move the lead to (1–6, esc cancels)."""
        if (card := self.lead_card) is not None:
            self.actions.pick_status(card)

    def move_to(self, status: Status) -> None:
        """Move the lead to ``status`` (the command palette's "Mover para…")."""
        if (card := self.lead_card) is not None:
            self.actions.move_to(card, status)

    def action_assign_to_me(self) -> None:
        """Assign the lead to the user."""
        if (card := self.lead_card) is not None:
            self.actions.assign_to_me(card)

    # Reached by name: the message's class is imported with the actions, on first use.
    def on_lead_actions_finished(self, message: LeadActions.Finished) -> None:
        """A write finished in the worker: show its outcome, start the next one."""
        self.actions.finish(message)
