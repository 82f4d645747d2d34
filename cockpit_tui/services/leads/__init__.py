"""Use cases on one lead, one module per subject behind one face, :class:`LeadService`.

- :mod:`.reading`: the card, the conversation, the moves, the lead screen's detail.
- :mod:`.moves`: moving between columns and undoing.
- :mod:`.conversation`: messages in and out, read, handled, notes.
- :mod:`.outbox`: replies waiting for a delivery connector.
- :mod:`.people`: new leads and their customers, salespeople, new negotiations.
- :mod:`.undo`: one undo stack for moves, assignments and "atendido".

Every write goes through the store's unit of work
(:func:`cockpit_tui.store.lead_write.lead_write`).
"""

from __future__ import annotations

from cockpit_tui.services.leads.conversation import ConversationActions, add_inbound_message
from cockpit_tui.services.leads.moves import MoveActions, move_lead
from cockpit_tui.services.leads.outbox import OutboxActions
from cockpit_tui.services.leads.people import PeopleActions
from cockpit_tui.services.leads.reading import LeadReads
from cockpit_tui.services.leads.undo import UndoActions, UndoResult


class LeadService(
    LeadReads, MoveActions, UndoActions, ConversationActions, OutboxActions, PeopleActions
):
    """Everything a salesperson (or a script) does to a lead.

    Every write runs one short write transaction and records what it did in
    the change log in that same transaction. The ORM (SQLAlchemy, SQLModel)
    is imported on the first write, so opening the board does not pay for it.

    Args:
        store: The open store.
        actor: The salesperson's name, recorded on every change.
        clock: Time source.
    """


__all__ = ["LeadService", "UndoResult", "add_inbound_message", "move_lead"]
