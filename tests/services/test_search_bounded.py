"""Recording a message costs the same on a long conversation (issue 20, item 11).

The lead's search document keeps its fields and its newest messages up to a
bound, so a lead with thousands of messages is not re-indexed whole on each
one; the newest messages stay searchable.
"""

from __future__ import annotations

from cockpit_tui.services import Services
from cockpit_tui.store.search_index import MAX_DOC_MESSAGE_CHARS, documents
from tests.conftest import tick
from tests.services.test_search import found


def test_a_long_conversation_keeps_a_bounded_document_with_the_newest_messages(
    services: Services, clock: object
) -> None:
    lead = services.leads.add(name="Maria Souza", phone="(11) 98765-4321", message="Oi")
    for n in range(60):
        tick(clock)  # type: ignore[arg-type]
        services.leads.record_inbound(lead.id, f"mensagem{n:03d} " + "bla " * 250)
    tick(clock)  # type: ignore[arg-type]
    services.leads.record_inbound(lead.id, "Aceita troca no Gol quadrado?")
    with services.store.engine.connect() as connection:
        ((_, doc),) = documents(connection, [lead.id])
    assert len(doc) <= MAX_DOC_MESSAGE_CHARS + 200, "fields plus the bounded messages"
    assert doc.startswith("maria souza 5511987654321")
    assert "mensagem059" in doc
    assert "mensagem000" not in doc, "the oldest messages left the document"
    assert found(services, "gol quadrado") == {lead.id}
    assert found(services, "mensagem058") == {lead.id}
