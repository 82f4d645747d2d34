"""Pick a reply template, filtered as you type; it comes back filled for the lead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from cockpit_tui.domain.errors import CockpitError, InvalidInputError
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.templates import ReplyTemplate
from cockpit_tui.i18n.translate import Translator, describe_error
from cockpit_tui.ui.screens.forms.form_screen import FormScreen


class TemplatePicker(FormScreen[str]):
    """A filter field over the store's templates; enter inserts the highlighted one, filled.

    The store is read in workers (the list as you type, then the lead's values).

    Args:
        translate: The user's language.
        matching: The templates whose name or text holds what was typed.
        fill: A template's text filled for the lead.
    """

    @dataclass
    class Found(Message):
        """The templates matching what is typed now."""

        typed: str
        templates: Sequence[ReplyTemplate]

    @dataclass
    class Filled(Message):
        """The chosen template's text, filled (or why it could not be)."""

        text: str | None
        error: CockpitError | None = None

    def __init__(
        self,
        translate: Translator,
        *,
        matching: Callable[[str], Sequence[ReplyTemplate]],
        fill: Callable[[ReplyTemplate], str],
    ) -> None:
        super().__init__(
            translate("template_picker.title"), translate, hint=translate("template_picker.hint")
        )
        self._matching = matching
        self._fill = fill
        self.templates: list[ReplyTemplate] = []

    def compose_fields(self) -> ComposeResult:
        """The filter field and the list."""
        yield Input(placeholder=self.t("template_picker.placeholder"), id="template-filter")
        yield OptionList(id="template-options")

    def on_mount(self) -> None:
        """Every template, and type to narrow."""
        self.query_one(Input).focus()
        self._find("")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._find(event.value)

    @work(thread=True, exclusive=True, group="template-find")
    def _find(self, typed: str) -> None:
        try:
            found = self._matching(typed)
        except CockpitError as error:
            self.post_message(self.Filled(None, error))
            return
        self.post_message(self.Found(typed, found))

    @on(Found)
    def _show(self, message: Found) -> None:
        if message.typed != self.query_one(Input).value:
            return  # a later key is being looked up
        self.templates = list(message.templates)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(Content.assemble((clean_text(t.name, max_length=60), "bold"), "  ", preview(t)))
            for t in self.templates
        )
        if self.templates:
            options.highlighted = 0
        self.show_error("" if self.templates else self.t("template_picker.none"))

    def key_down(self) -> None:
        """↓ in the filter field moves through the list."""
        self.query_one(OptionList).action_cursor_down()

    def key_up(self) -> None:
        """↑ in the filter field moves through the list."""
        self.query_one(OptionList).action_cursor_up()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        """Fill the highlighted template for the lead (in a worker), then insert it."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.templates):
            self.show_error(describe_error(InvalidInputError("template_picker.choose"), self.t))
            return
        self._fill_chosen(self.templates[index])

    @work(thread=True, exclusive=True, group="template-fill")
    def _fill_chosen(self, template: ReplyTemplate) -> None:
        try:
            self.post_message(self.Filled(self._fill(template)))
        except CockpitError as error:
            self.post_message(self.Filled(None, error))

    @on(Filled)
    def _filled(self, message: Filled) -> None:
        if message.error is not None:
            self.show_error(describe_error(message.error, self.t))
        elif message.text is not None:
            self.dismiss(message.text)


def preview(template: ReplyTemplate, width: int = 48) -> str:
    """The template's text on one line, cut to ``width``."""
    flat = " ".join(clean_text(template.text, max_length=400).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
