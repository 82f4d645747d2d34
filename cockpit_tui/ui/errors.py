"""The one way a screen tells the user that something it asked of the store failed."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from textual.widget import Widget

from cockpit_tui.domain.errors import CockpitError, MoveConflictError, StoreUnavailableError
from cockpit_tui.i18n.translate import describe_error
from cockpit_tui.ui.context import cockpit_of

_Params = ParamSpec("_Params")
_Node = TypeVar("_Node", bound=Widget)


def report_error(node: Widget, error: CockpitError) -> None:
    """Tell the user, in their language, what went wrong; what is on screen stays.

    An unreadable store is an error ("Não foi possível ler a base: …"); a
    refusal the user can act on (a colleague moved it first, an empty reply)
    is a warning in the words of :func:`describe_error`.
    """
    t = cockpit_of(node.app).t
    if isinstance(error, StoreUnavailableError):
        node.notify(t("app.store_error", reason=describe_error(error, t)), severity="error")
    elif isinstance(error, MoveConflictError):
        node.notify(describe_error(error, t), severity="warning", timeout=8)
    else:
        node.notify(describe_error(error, t), severity="warning")


def reports_errors(
    method: Callable[Concatenate[_Node, _Params], Any],
) -> Callable[Concatenate[_Node, _Params], None]:
    """Run a key's or a message's handler; a :class:`CockpitError` it raises is reported.

    The board's handlers read the store on the UI thread in a few places
    (selecting a lead, opening the filters); this keeps one reporting path
    instead of a ``try`` in each.
    """

    def reported(node: _Node, /, *args: _Params.args, **kwargs: _Params.kwargs) -> None:
        try:
            method(node, *args, **kwargs)
        except CockpitError as error:
            report_error(node, error)

    return functools.wraps(method)(reported)
