"""Turning a driver or OS failure into one sentence for the user (the store's knowledge)."""

from __future__ import annotations

from cockpit_tui.domain.errors import CockpitError


def explain_store_failure(error: BaseException, *, db_url: str) -> CockpitError | None:
    """The user-facing error for ``error`` raised while using the store at ``db_url``.

    Returns:
        None when ``error`` is not one a user can act on (a bug: let it surface).
    """
    from cockpit_tui.store.failures import explain_failure
    from cockpit_tui.store.urls import describe_store

    return explain_failure(error, store=describe_store(db_url))
