"""Keys typed fast, before a dialog is ready, land where the user was going to type.

A terminal (tmux, a paste, a fast typist) delivers several keys in one read;
these tests post them to the app all at once, as the terminal driver does,
without waiting for the dialog in between.
"""

from __future__ import annotations

from datetime import timedelta

from textual import events
from textual.widgets import Input, TextArea

from cockpit_tui.services import Services
from cockpit_tui.services.clock import FrozenClock
from cockpit_tui.ui.app import CockpitApp
from cockpit_tui.ui.screens.forms.new_lead_form import NewLeadForm
from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
from cockpit_tui.ui.screens.lead import LeadScreen
from tests.ui.conftest import make_app, press, selected_id, wait_until


def type_at_once(app: CockpitApp, *keys: str) -> None:
    """Post ``keys`` (single characters, or key names such as "tab") in one go."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key("space" if key == " " else key, key))
        else:
            app.post_message(events.Key(key, None))


def typed(text: str) -> list[str]:
    return list(text)


async def test_n_then_typing_at_once_fills_the_name_then_tab_the_phone(
    ui_services: Services,
) -> None:
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot)
        type_at_once(app, "n", *typed("Carlos Pereira"), "tab", *typed("11 91234-5678"))
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, NewLeadForm) and app.screen.typed("phone") == "11 91234-5678"
            ),
        )
        form = app.screen
        assert isinstance(form, NewLeadForm)
        assert form.typed("name") == "Carlos Pereira"
        assert app.focused is form.query_one("#new-lead-phone", Input)


async def test_enter_between_fields_typed_at_once_moves_on_before_the_next_letter(
    ui_services: Services,
) -> None:
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "n")
        type_at_once(app, *typed("Ana"), "enter", *typed("11 98888-7777"), "enter", "x")
        form = app.screen
        assert isinstance(form, NewLeadForm)
        await wait_until(pilot, lambda: form.typed("email") == "x")
        assert (form.typed("name"), form.typed("phone")) == ("Ana", "11 98888-7777")


async def test_r_on_the_board_then_typing_at_once_writes_the_reply(
    ui_services: Services, clock: FrozenClock
) -> None:
    lead = ui_services.leads.add(
        name="Rodrigo Lopes",
        phone="(11) 97348-4622",
        message="Oi",
        at=clock.now() - timedelta(hours=1),
    )
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: selected_id(app) == lead.id)
        # "d", "e", "h", "o" are the lead screen's own keys (edit, history, handled…):
        # typed before the reply form opens, they must still be the reply's letters.
        type_at_once(app, "r", *typed("Bom dia, ok hoje"))
        await wait_until(pilot, lambda: isinstance(app.screen, ReplyForm))
        form = app.screen
        # The area is mounted a moment after the form: wait for it, then for the text.
        await wait_until(
            pilot, lambda: [a.text for a in form.query(TextArea)] == ["Bom dia, ok hoje"]
        )
        lead_screen = app.screen_stack[-2]
        assert isinstance(lead_screen, LeadScreen)
        assert not lead_screen.holding_keys


async def test_escape_typed_at_once_after_n_closes_the_form_and_keys_go_on_to_the_board(
    ui_services: Services,
) -> None:
    app = make_app(ui_services, poll_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot)
        type_at_once(app, "n", "escape", "question_mark")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        assert not any(isinstance(screen, NewLeadForm) for screen in app.screen_stack)
