"""The ``whatsapp_template_reply`` table: which replies go out as approved WhatsApp templates.

Keyword-only functions running in the caller's transaction; none commits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from cockpit_tui.domain.templates import TemplateSend


def record_template_reply(
    session: Session | Connection, *, message_id: int, template: TemplateSend
) -> None:
    """Mark the outbound message ``message_id`` as sent with ``template``."""
    session.execute(
        text(
            "INSERT INTO whatsapp_template_reply (message_id, template_name, language, parameters)"
            " VALUES (:id, :name, :language, :parameters)"
        ),
        {
            "id": message_id,
            "name": template.name,
            "language": template.language,
            "parameters": json.dumps(list(template.parameters), ensure_ascii=False),
        },
    )


def clear_template_parameters(session: Session, *, lead_ids: Sequence[int]) -> None:
    """Blank the parameters of the template replies of these leads (a customer's erasure)."""
    if not lead_ids:
        return
    session.execute(
        text(
            "UPDATE whatsapp_template_reply SET parameters = '[]' WHERE message_id IN "
            "(SELECT id FROM message WHERE lead_id IN :leads)"
        ).bindparams(bindparam("leads", expanding=True)),
        {"leads": list(lead_ids)},
    )


def template_send(
    name: str | None, language: str | None, parameters: str | None
) -> TemplateSend | None:
    """The template of a row joined from ``whatsapp_template_reply`` (None: free text)."""
    if name is None or language is None:
        return None
    decoded = json.loads(parameters or "[]")
    values = tuple(str(value) for value in decoded) if isinstance(decoded, list) else ()
    return TemplateSend(name=name, language=language, parameters=values)
