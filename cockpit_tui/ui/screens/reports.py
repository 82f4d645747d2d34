"""The manager's reports screen ("Indicadores"): a period's figures as charts and tables.

The report is read in a thread worker (at 100,000 leads it takes a good part
of a second on a loaded machine); a loading indicator shows while it reads,
and the keys keep working. A lead counts in the period it arrived in.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, LoadingIndicator, Static

from cockpit_tui.domain.errors import CockpitError, InvalidInputError
from cockpit_tui.domain.reports import (
    PeriodName,
    Report,
    ReportPeriod,
    named_period,
    parse_day,
    typed_period,
)
from cockpit_tui.i18n.report_format import format_day
from cockpit_tui.ui import report_view
from cockpit_tui.ui.bindings import translate_bindings
from cockpit_tui.ui.context import CockpitContext, cockpit_of
from cockpit_tui.ui.errors import report_error
from cockpit_tui.ui.widgets.key_bar import KeyBar

#: The period keys, in the order the strip shows them.
PERIOD_KEYS: tuple[tuple[str, PeriodName], ...] = (
    ("t", PeriodName.TODAY),
    ("7", PeriodName.DAYS_7),
    ("3", PeriodName.DAYS_30),
    ("m", PeriodName.MONTH),
    ("l", PeriodName.LAST_MONTH),
)


class ReportRead(Message):
    """A report the worker read (or the error it met)."""

    def __init__(self, report: Report | None, error: CockpitError | None = None) -> None:
        super().__init__()
        self.report = report
        self.error = error


#: Columns the reports' body keeps off its text: its padding (2) and scrollbar (2).
_BODY_MARGIN = 4


class ReportsScreen(Screen[None]):
    """The period picker on top, then the sections, in one scrolling column."""

    CSS_PATH = "reports.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Voltar", id="reports.close"),
        Binding("t", "period('today')", "Hoje", id="reports.today"),
        Binding("7", "period('7d')", "7 dias", id="reports.days_7"),
        Binding("3", "period('30d')", "30 dias", id="reports.days_30"),
        Binding("m", "period('month')", "Este mês", id="reports.month"),
        Binding("l", "period('last-month')", "Mês passado", id="reports.last_month"),
        Binding("p", "typed_period", "Intervalo", id="reports.range"),
        Binding("down,j", "scroll('down')", "Descer", id="reports.down", show=False),
        Binding("up,k", "scroll('up')", "Subir", id="reports.up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.period_name: PeriodName | None = PeriodName.DAYS_30
        self.period: ReportPeriod | None = None
        self.report: Report | None = None

    @property
    def cockpit(self) -> CockpitContext:
        """The app, as screens see it."""
        return cockpit_of(self.app)

    def compose(self) -> ComposeResult:
        """Period strip, range field (hidden), loading indicator, the sections, keys."""
        t = self.cockpit.t
        translate_bindings(self, t)
        with Horizontal(id="reports-top"):
            yield Static("", id="reports-periods")
        yield Input(placeholder=t("reports.range_placeholder"), id="reports-range")
        yield LoadingIndicator(id="reports-loading")
        with VerticalScroll(id="reports-body"):
            yield Static("", id="reports-summary")
            yield Static("", id="reports-funnel", classes="reports-section")
            yield Static("", id="reports-sources", classes="reports-section")
            yield Static("", id="reports-people", classes="reports-section")
            yield Static("", id="reports-lost", classes="reports-section")
            yield Static("", id="reports-daily", classes="reports-section")
            yield Static("", id="reports-pipeline", classes="reports-section")
        yield KeyBar(palette_label=t("board.palette_key"))

    def on_mount(self) -> None:
        """Read the last 30 days."""
        self.query_one("#reports-body").focus()
        self.action_period(PeriodName.DAYS_30.value)

    # -- choosing the period -----------------------------------------------------------------

    def action_period(self, name: str) -> None:
        """Show a named period (today, 7 days, 30 days, this month, last month)."""
        self.period_name = PeriodName(name)
        try:
            today = self.cockpit.services.reports.today()
        except CockpitError as error:
            report_error(self, error)
            return
        self._read(named_period(self.period_name, today))

    def action_typed_period(self) -> None:
        """Open the field for a typed range ("01/11/2026 15/11/2026")."""
        field = self.query_one("#reports-range", Input)
        field.display = True
        field.value = ""
        field.focus()

    @on(Input.Submitted, "#reports-range")
    def _range_typed(self, event: Input.Submitted) -> None:
        field = self.query_one("#reports-range", Input)
        parts = event.value.replace(" a ", " ").replace(" to ", " ").split()
        days = [parse_day(part) for part in parts]
        period = None
        if len(days) == 2 and days[0] is not None and days[1] is not None:
            period = typed_period(days[0], days[1])
        if period is None:
            report_error(self, InvalidInputError("reports.bad_range"))
            return
        field.display = False
        self.query_one("#reports-body").focus()
        self.period_name = None
        self._read(period)

    def action_close(self) -> None:
        """Back to the board (or close the range field first)."""
        field = self.query_one("#reports-range", Input)
        if field.display:
            field.display = False
            self.query_one("#reports-body").focus()
            return
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        """Scroll the sections."""
        body = self.query_one("#reports-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()

    # -- reading and showing -------------------------------------------------------------------

    def _read(self, period: ReportPeriod) -> None:
        self.period = period
        self._show_periods()
        self.query_one("#reports-loading").display = True
        self._read_in_worker(period)

    @work(thread=True, exclusive=True, group="report-read")
    def _read_in_worker(self, period: ReportPeriod) -> None:
        try:
            report = self.cockpit.services.reports.report(period)
        except CockpitError as error:
            self.post_message(ReportRead(None, error))
            return
        self.post_message(ReportRead(report))

    @on(ReportRead)
    def _report_read(self, message: ReportRead) -> None:
        self.query_one("#reports-loading").display = False
        if message.error is not None or message.report is None:
            if message.error is not None:
                report_error(self, message.error)
            return
        if message.report.period != self.period:
            return  # an older period's answer, overtaken by a newer key
        self.report = message.report
        self._show(message.report)

    def _show_periods(self) -> None:
        t = self.cockpit.t
        strip = Content("")
        for key, name in PERIOD_KEYS:
            label = f" {key} {t(f'reports.period.{name.value}')} "
            style = "reverse bold" if name is self.period_name else ""
            strip += Content.styled(label, style) + Content(" ")
        custom = f" p {t('reports.period.range')}"
        if self.period_name is None and self.period is not None:
            lang = t.lang
            custom += (
                f": {format_day(self.period.first, lang, year=True)}"
                f" – {format_day(self.period.last, lang, year=True)}"
            )
            strip += Content.styled(custom + " ", "reverse bold")
        else:
            strip += Content(custom)
        self.query_one("#reports-periods", Static).update(strip)

    def _palette(self) -> report_view.Palette:
        theme = self.app.current_theme
        return report_view.Palette(
            bar=theme.primary,
            good=theme.success or theme.primary,
            bad=theme.error or theme.primary,
            muted=theme.secondary or theme.primary,
        )

    def _show(self, report: Report) -> None:
        t = self.cockpit.t
        palette = self._palette()
        # Bars take what the widest figures leave of the screen's width.
        width = max(10, min(50, self.size.width - 60))
        # The body's padding and its scrollbar leave this much for text.
        text_width = max(20, self.size.width - _BODY_MARGIN)
        summary = report_view.summary(report, t, width=text_width)
        self.query_one("#reports-summary", Static).update(summary)
        sections = {
            "#reports-funnel": report_view.funnel(report, t, palette, width=width),
            "#reports-sources": report_view.groups_table(
                report.by_source,
                t,
                palette,
                heading="report.by_source",
                empty="report.no_source",
                width=text_width,
            ),
            "#reports-people": report_view.groups_table(
                report.by_salesperson,
                t,
                palette,
                heading="report.by_salesperson",
                empty="report.unassigned",
                width=text_width,
            ),
            "#reports-lost": report_view.lost_reasons(report, t, palette, width=width),
            "#reports-daily": report_view.daily(report, t, palette, width=width),
            "#reports-pipeline": report_view.pipeline(report, t, palette, width=width),
        }
        for selector, renderable in sections.items():
            self.query_one(selector, Static).update(renderable)
