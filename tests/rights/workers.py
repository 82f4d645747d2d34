"""Code that runs in the child processes of the erase crash test."""

from __future__ import annotations

from multiprocessing.connection import Connection

from cockpit_tui.services import open_services
from cockpit_tui.services.customers import CustomerService


def erase_when_told(url: str, customer_id: int, channel: Connection) -> None:
    """Open the store, say "ready", erase the customer on "go", then say "done"."""
    services = open_services(url, actor="eraser")
    customers = CustomerService(services.store, actor="eraser", clock=services.clock)
    customers.erase_preview(customer_id)  # the engine, its connection and the read path
    from cockpit_tui.store import consent_audit, customer_data, scrub  # noqa: F401

    channel.send("ready")
    channel.recv()
    customers.erase(customer_id)
    channel.send("done")
