"""A lead typed by hand: the customer who walked into the store or called on the phone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Select, Static

from cockpit_tui.domain.lead_entry import NewLead
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen

#: The typed fields, in the order Tab visits them: (field id, label key).
FIELDS = (
    ("name", "new_lead.name"),
    ("phone", "new_lead.phone"),
    ("email", "new_lead.email"),
    ("vehicle", "new_lead.vehicle"),
    ("price", "new_lead.price"),
)

#: Nobody: the lead is left unassigned.
_NOBODY = "\x00nobody"


@dataclass(frozen=True, slots=True)
class NewLeadOutcome:
    """What the form ended with: a new lead, or the open lead the user chose instead.

    Attributes:
        created: The lead created (None when the user opened an existing one).
        open_lead_id: The existing lead to open instead.
    """

    created: LeadCard | None = None
    open_lead_id: int | None = None


class NewLeadForm(FormScreen[NewLeadOutcome]):
    """Name, phone and/or e-mail, vehicle, price, source, a first note, the salesperson.

    Before saving, an open lead with the same phone or e-mail is named on the
    error line: enter then opens it, ctrl+s creates the new lead anyway.

    Args:
        translate: The user's language.
        sources: The sources to offer, the first chosen.
        team: The store's salespeople.
        actor: The user (the salesperson chosen when the form opens).
        matches: Open leads with a phone or e-mail (``phone``, ``email``).
        create: Stores the lead for a salesperson (None: nobody); raises
            :class:`CockpitError` to refuse it.
    """

    CSS_PATH = ["forms.tcss", "new_lead_form.tcss"]  # type: ignore[assignment]  # noqa: RUF012

    def __init__(
        self,
        translate: Translator,
        *,
        sources: Sequence[str],
        team: Sequence[str],
        actor: str,
        matches: Callable[[str, str], list[LeadCard]],
        create: Callable[[NewLead, str | None], LeadCard],
    ) -> None:
        super().__init__(translate("new_lead.title"), translate, hint=translate("new_lead.hint"))
        self._sources = list(sources)
        self._team = [actor, *(name for name in team if name != actor)]
        self._actor = actor
        self._matches = matches
        self._create = create
        self._match: LeadCard | None = None
        self._checked: tuple[str, str] | None = None

    def compose_fields(self) -> ComposeResult:
        """The typed fields, the source and salesperson lists, and the first note."""
        t = self.t
        for field_id, label in FIELDS:
            with Horizontal(classes="new-lead-row"):
                yield Static(Content(t(label)), classes="new-lead-label")
                yield Input(id=f"new-lead-{field_id}")
        with Horizontal(classes="new-lead-row"):
            yield Static(Content(t("new_lead.source")), classes="new-lead-label")
            yield Select(
                [(Content(source), source) for source in self._sources],
                value=self._sources[0],
                allow_blank=False,
                id="new-lead-source",
            )
        with Horizontal(classes="new-lead-row"):
            yield Static(Content(t("new_lead.assignee")), classes="new-lead-label")
            choices = [(Content(name), name) for name in self._team]
            choices.append((Content(t("new_lead.nobody")), _NOBODY))
            yield Select(choices, value=self._actor, allow_blank=False, id="new-lead-assignee")
        yield Static(Content(t("new_lead.message")), classes="form-label")
        yield Input(id="new-lead-message")

    def on_mount(self) -> None:
        """Start in the name field."""
        self.query_one("#new-lead-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field: open the lead found, or go on to the next field, or save."""
        event.stop()
        if self._match is not None:
            self.action_open_match()
        elif event.input.id == "new-lead-message":
            self.action_submit()
        else:
            self.focus_next()

    def typed(self, field_id: str) -> str:
        """What is in one of the typed fields."""
        return self.query_one(f"#new-lead-{field_id}", Input).value

    def action_submit(self) -> None:
        """Name an open lead with the same contact once; then (or else) create the lead."""
        contact = (self.typed("phone"), self.typed("email"))
        if self._checked != contact:
            self._checked = contact
            found = self._matches(*contact)
            if found:
                self._match = found[0]
                self.show_error(_same_contact_text(found[0], self.t))
                return
        self._match = None
        super().action_submit()

    def save(self) -> NewLeadOutcome:
        """Create the lead with what was typed."""
        contact = (self.typed("phone"), self.typed("email"))
        source = self.query_one("#new-lead-source", Select).value
        assignee = self.query_one("#new-lead-assignee", Select).value
        typed = NewLead(
            name=self.typed("name"),
            phone=contact[0],
            email=contact[1],
            vehicle=self.typed("vehicle"),
            price=self.typed("price"),
            source=source if isinstance(source, str) else "",
            message=self.typed("message"),
        )
        chosen = assignee if isinstance(assignee, str) and assignee != _NOBODY else None
        return NewLeadOutcome(created=self._create(typed, chosen))

    def action_open_match(self) -> None:
        """Open the lead with the same contact instead of creating one."""
        if self._match is not None:
            self.dismiss(NewLeadOutcome(open_lead_id=self._match.id))


def _same_contact_text(card: LeadCard, t: Translator) -> str:
    return t(
        "new_lead.same_contact",
        lead_id=card.id,
        name=clean_text(card.customer_name, max_length=60),
        status=status_label(card.status, t.lang),
    )
