"""Drawing the list view: the column layout, the header line and one line per lead.

Like the cards, lead text is cleaned and placed in plain ``Segment``s, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.domain.statuses import status_label
from cockpit_tui.i18n.format import format_datetime, format_money, format_relative
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services.lead_list import ListSort
from cockpit_tui.ui.card_lines import STRIPE, CardStyles, fit, waiting_text
from cockpit_tui.ui.urgency import card_urgency

_GAP = 1


@dataclass(frozen=True, slots=True)
class TableColumn:
    """One column of the list: its sort, label, and how much room it wants.

    Attributes:
        sort: The sort it shows (None: the attention badge).
        label_id: Catalog id of its header.
        least: Narrowest it may get.
        most: The width it takes when there is room.
    """

    sort: ListSort | None
    label_id: str
    least: int
    most: int


COLUMNS = (
    TableColumn(None, "list.badge", 6, 6),
    TableColumn(ListSort.NAME, "list.name", 14, 26),
    TableColumn(ListSort.STATUS, "list.status", 13, 17),
    TableColumn(ListSort.WAIT, "list.wait", 6, 11),
    TableColumn(ListSort.VEHICLE, "list.vehicle", 8, 30),
    TableColumn(ListSort.PRICE, "list.price", 10, 12),
    TableColumn(ListSort.SOURCE, "list.source", 7, 14),
    TableColumn(ListSort.SALESPERSON, "list.salesperson", 8, 16),
    TableColumn(ListSort.ACTIVITY, "list.activity", 9, 17),
    TableColumn(ListSort.ARRIVED, "list.arrived", 8, 16),
)


def column_widths(width: int) -> list[int]:
    """Each column's width for a line of ``width`` cells.

    Every column gets its least width, then the rest is shared in proportion
    to what each still wants; below the sum of the least widths the columns
    on the right are cut off whole.
    """
    widths = [column.least for column in COLUMNS]
    room = width - 1 - sum(widths) - _GAP * len(COLUMNS)
    wants = [column.most - column.least for column in COLUMNS]
    total_want = sum(wants)
    if room > 0 and total_want:
        shares = [min(want, room * want // total_want) for want in wants]
        widths = [w + s for w, s in zip(widths, shares, strict=True)]
        left = room - sum(shares)
        for index, want in enumerate(wants):
            extra = min(left, column_wants(index, widths, want))
            widths[index] += extra
            left -= extra
    # A column that does not fit whole is left out (0): a cut "For" next to the
    # status reads as part of it.
    used = 1
    for index, size in enumerate(widths):
        used += size + _GAP
        if used - _GAP > width:
            widths[index] = 0
    return widths


def column_wants(index: int, widths: list[int], want: int) -> int:
    """How much more column ``index`` would take."""
    return max(0, COLUMNS[index].least + want - widths[index])


def header_line(
    width: int, *, sort: ListSort, descending: bool, translate: Translator, style: Style
) -> Strip:
    """The column labels, the sorted one with ▼ or ▲."""
    parts = [" "]
    for column, size in zip(COLUMNS, column_widths(width), strict=True):
        label = translate(column.label_id)
        if column.sort is sort or (column.sort is None and sort is ListSort.ATTENTION):
            label = f"{label} {'▼' if descending else '▲'}"
        if size:
            parts.append(fit(label, size) + " " * _GAP)
    return Strip([Segment(fit("".join(parts), width), style)], width)


def row_line(
    card: LeadCard,
    *,
    width: int,
    now: datetime,
    translate: Translator,
    styles: CardStyles,
    selected: bool,
    waited: int | None = None,
) -> Strip:
    """One lead as a table row (``waited``: business minutes it has waited, if known)."""
    base = styles.card + styles.cursor if selected else styles.card
    lang = translate.lang
    if card.has_unread_reply:
        badge, badge_style = f"✉ {card.unread_count}", base + styles.reply + styles.unread
    elif card.needs_attention and not card.is_new:
        badge, badge_style = translate("card.read_reply"), base + styles.reply
    elif card.is_new:
        badge, badge_style = translate("card.new"), base + styles.new
    else:
        badge, badge_style = "", base
    widths = column_widths(width)
    arrived_format = format_datetime(card.created_at, lang)
    if widths[-1] < len(arrived_format):
        local = card.created_at.astimezone()
        arrived_format = local.strftime(
            ("%Y-%m-%d" if lang == "en" else "%d/%m/%Y")
            if widths[-1] >= 10
            else ("%y-%m-%d" if lang == "en" else "%d/%m/%y")
        )
    overdue = card.appointment_overdue(now)
    cells: list[tuple[str, Style]] = [
        (badge, badge_style),
        (
            clean_text(card.customer_name, max_length=200) or "?",
            base + styles.unread if card.has_unread_reply else base,
        ),
        (status_label(card.status, lang), base),
        wait_cell(card, waited, now, translate, styles, base),
        (clean_text(card.vehicle or "", max_length=200) or "—", base),
        (
            format_money(card.price, lang, cents=False) if card.price is not None else "—",
            base + styles.price,
        ),
        (clean_text(card.source or "", max_length=100) or "—", base),
        (
            clean_text(card.assigned_to or "", max_length=100) or translate("card.unassigned"),
            base if card.assigned_to else base + styles.muted,
        ),
        (
            ("◷ " if card.next_appointment_at else "")
            + format_relative(card.last_activity_at, now, lang),
            base + styles.overdue if overdue else base + styles.muted,
        ),
        (arrived_format, base + styles.muted),
    ]
    urgency = card_urgency(card, now)
    edge = STRIPE if urgency is not None else " "
    segments = [Segment(edge, base + styles.stripes[urgency] if urgency is not None else base)]
    for (text, style), size in zip(cells, widths, strict=True):
        if size:
            segments.append(Segment(fit(text, size), style))
            segments.append(Segment(" " * _GAP, base))
    used = 1 + sum(size + _GAP for size in widths if size)
    if used < width:
        segments.append(Segment(" " * (width - used), base))
    return Strip(segments).crop(0, width)


def wait_cell(
    card: LeadCard,
    waited: int | None,
    now: datetime,
    translate: Translator,
    styles: CardStyles,
    base: Style,
) -> tuple[str, Style]:
    """The wait column (issue 15): "3 min" coloured by the SLA, or "—" when nothing waits."""
    wait = waiting_text(card, waited, now, translate, styles, bare=True)
    if wait is None:
        return "—", base + styles.muted
    return wait[0], base + wait[1]


def placeholder_row(width: int, styles: CardStyles) -> Strip:
    """A row not read yet (for a moment, after a far jump)."""
    return Strip([Segment(fit(" …", width), styles.card + styles.muted)], width)
