"""Use cases: the only API the UI and the command line use.

They return the domain's value objects, never ORM rows, and never import the UI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.services.board import BoardService
from cockpit_tui.services.clock import Clock, SystemClock
from cockpit_tui.services.settings import SettingsService
from cockpit_tui.store.handle import Store, open_store

if TYPE_CHECKING:
    from cockpit_tui.services.agenda import AgendaService
    from cockpit_tui.services.alerts import AlertService
    from cockpit_tui.services.appointment_changes import AppointmentChangeService
    from cockpit_tui.services.appointments import AppointmentService
    from cockpit_tui.services.consent import ConsentService
    from cockpit_tui.services.customers import CustomerService
    from cockpit_tui.services.intake import IntakeService
    from cockpit_tui.services.lead_edits import LeadEditService
    from cockpit_tui.services.lead_entry import LeadEntryService
    from cockpit_tui.services.leads import LeadService
    from cockpit_tui.services.outcomes import OutcomeService
    from cockpit_tui.services.reply_window import ReplyWindowService
    from cockpit_tui.services.reports import ReportService
    from cockpit_tui.services.rescue import RescueService
    from cockpit_tui.services.team import TeamService
    from cockpit_tui.services.templates import TemplateService
    from cockpit_tui.store.backup import ProgressCallback

_Service = TypeVar("_Service")


class Services:
    """The services of one open store for one salesperson.

    Only what the board's first frame reads is built up front; every other
    service (and its modules) is built on first use, so opening the board
    does not pay for leads' writes, appointments, outcomes or the team.

    Attributes:
        store: The open store.
        board: Board queries.
        settings: Store settings (the plan).
        actor: The salesperson.
        clock: The time source every service uses (frozen in tests).
    """

    # A plain class, not a dataclass: a dataclass compiles its generated methods when its
    # module is imported, before the board's first frame (issue 18).
    __slots__ = ("_building", "_built", "_intake", "actor", "board", "clock", "settings", "store")

    def __init__(
        self,
        store: Store,
        board: BoardService,
        settings: SettingsService,
        actor: str,
        clock: Clock,
    ) -> None:
        self.store = store
        self.board = board
        self.settings = settings
        self.actor = actor
        self.clock = clock
        self._intake: IntakeService | None = None
        self._built: dict[object, object] = {}
        self._building = threading.Lock()

    @property
    def intake(self) -> IntakeService:
        """Leads from files and event feeds (built on first use: the board never needs it)."""
        if self._intake is None:
            from cockpit_tui.services import intake  # lazy: csv, json, hashing

            self._intake = intake.IntakeService(self.store, actor=self.actor, clock=self.clock)
        return self._intake

    def _once(self, make: Callable[..., _Service]) -> _Service:
        """The service ``make`` builds, built on first use (the board never pays for it).

        Under a lock: a worker thread and the UI thread asking at once get the same one.
        """
        with self._building:
            if make not in self._built:
                self._built[make] = make(self.store, actor=self.actor, clock=self.clock)
            return cast(_Service, self._built[make])

    @property
    def leads(self) -> LeadService:
        """Actions on leads (moves, replies, notes…)."""
        from cockpit_tui.services.leads import LeadService

        return self._once(LeadService)

    @property
    def appointments(self) -> AppointmentService:
        """Visits, call backs and video calls."""
        from cockpit_tui.services.appointments import AppointmentService

        return self._once(AppointmentService)

    @property
    def outcomes(self) -> OutcomeService:
        """Sale data and reasons for lost negotiations."""
        from cockpit_tui.services.outcomes import OutcomeService

        return self._once(OutcomeService)

    @property
    def team(self) -> TeamService:
        """The store's salespeople."""
        from cockpit_tui.services.team import TeamService

        return self._once(TeamService)

    @property
    def entry(self) -> LeadEntryService:
        """Leads typed by hand (walk-ins, phone calls)."""
        from cockpit_tui.services.lead_entry import LeadEntryService

        return self._once(LeadEntryService)

    @property
    def edits(self) -> LeadEditService:
        """Corrections of a lead's customer and negotiation fields."""
        from cockpit_tui.services.lead_edits import LeadEditService

        return self._once(LeadEditService)

    @property
    def appointment_changes(self) -> AppointmentChangeService:
        """Rescheduling and cancelling appointments."""
        from cockpit_tui.services.appointment_changes import AppointmentChangeService

        return self._once(AppointmentChangeService)

    @property
    def agenda(self) -> AgendaService:
        """The day's agenda."""
        from cockpit_tui.services.agenda import AgendaService

        return self._once(AgendaService)

    @property
    def templates(self) -> TemplateService:
        """Reply templates."""
        from cockpit_tui.services.templates import TemplateService

        return self._once(TemplateService)

    @property
    def replies(self) -> ReplyWindowService:
        """Replies under WhatsApp's 24-hour rule, and approved templates outside it."""
        from cockpit_tui.services.reply_window import ReplyWindowService

        return self._once(ReplyWindowService)

    @property
    def customers(self) -> CustomerService:
        """A customer's rights under the LGPD: find, export, erase."""
        from cockpit_tui.services.customers import CustomerService

        return self._once(CustomerService)

    @property
    def consent(self) -> ConsentService:
        """Customers' consent per channel."""
        from cockpit_tui.services.consent import ConsentService

        return self._once(ConsentService)

    @property
    def reports(self) -> ReportService:
        """The manager's report (issue 16)."""
        from cockpit_tui.services.reports import ReportService

        return self._once(ReportService)

    @property
    def alerts(self) -> AlertService:
        """What rings this salesperson's bell on an open board (issue 15)."""
        from cockpit_tui.services.alerts import AlertService

        return self._once(AlertService)

    @property
    def rescue(self) -> RescueService:
        """Leads nobody answered in time, back to distribution (issue 15)."""
        from cockpit_tui.services.rescue import RescueService

        return self._once(RescueService)

    def close(self) -> None:
        """Close the store's connections."""
        self.store.close()


def open_services(
    url: str,
    *,
    actor: str,
    clock: Clock | None = None,
    on_progress: ProgressCallback | None = None,
    must_exist: bool = False,
) -> Services:
    """Open (creating or migrating if needed) a store and build its services.

    With ``must_exist``, a SQLite file that does not exist is refused
    (:class:`~cockpit_tui.domain.errors.StoreUnavailableError`) instead of created.
    """
    store = open_store(url, on_progress=on_progress, must_exist=must_exist)
    used_clock = clock or SystemClock()
    name = clean_text(actor, max_length=100) or "?"  # as every service records it
    return Services(
        store=store,
        board=BoardService(store, actor=name, clock=used_clock),
        settings=SettingsService(store, actor=name, clock=used_clock),
        actor=name,
        clock=used_clock,
    )


__all__ = ["BoardService", "Services", "SettingsService", "open_services"]
