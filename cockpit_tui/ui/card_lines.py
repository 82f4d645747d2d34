"""Drawing one lead card as a few terminal lines (the Line API's strips).

Lead data comes from the internet, so it never becomes markup: every piece
is cleaned of control characters and placed in a plain ``Segment``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from cockpit_tui.domain.business_time import SlaState
from cockpit_tui.domain.models import LeadCard
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.format import format_money, format_relative
from cockpit_tui.i18n.translate import Translator

#: Lines a card takes on screen: five of content and one of space below it.
CARD_HEIGHT = 6
_CONTENT_LINES = CARD_HEIGHT - 1


@dataclass(frozen=True, slots=True)
class CardStyles:
    """The Rich styles a card is drawn with, resolved from the column's CSS.

    Attributes:
        card: A card's background and text.
        cursor: The selected card in the focused column.
        cursor_blurred: The selected card when its column is not focused.
        unread: The name and badge of a lead with an unread reply.
        new: The badge of a new lead nobody has acted on.
        muted: Secondary details.
        overdue: An appointment whose time has passed.
        wait_ok: "aguardando N min" inside the SLA (calm).
        wait_soon: The same in the last 40 % of the SLA (warning).
        wait_late: The same past the SLA (error).
        blank: The space between cards.
    """

    card: Style
    cursor: Style
    cursor_blurred: Style
    unread: Style
    new: Style
    muted: Style
    overdue: Style
    wait_ok: Style
    wait_soon: Style
    wait_late: Style
    blank: Style

    @classmethod
    def from_components(cls, style: Callable[..., Style], prefix: str) -> CardStyles:
        """Resolve the styles from a widget's component classes ``<prefix>--card`` and so on.

        Args:
            style: The widget's ``get_component_rich_style``.
            prefix: The component classes' prefix ("board", "table").
        """
        return cls(
            card=style(f"{prefix}--card"),
            cursor=style(f"{prefix}--cursor"),
            cursor_blurred=style(f"{prefix}--cursor-blurred"),
            unread=style(f"{prefix}--unread", partial=True),
            new=style(f"{prefix}--new", partial=True),
            muted=style(f"{prefix}--muted", partial=True),
            overdue=style(f"{prefix}--overdue", partial=True),
            wait_ok=style(f"{prefix}--wait-ok", partial=True),
            wait_soon=style(f"{prefix}--wait-soon", partial=True),
            wait_late=style(f"{prefix}--wait-late", partial=True),
            blank=style(f"{prefix}--blank"),
        )


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def card_lines(
    card: LeadCard,
    *,
    width: int,
    now: datetime,
    translate: Translator,
    styles: CardStyles,
    selected: bool,
    focused: bool,
    waited: int | None = None,
    is_next: bool = False,
) -> list[Strip]:
    """The :data:`CARD_HEIGHT` strips of one card.

    Args:
        card: The lead.
        width: Cells available.
        now: The present, for "há 5 min" and overdue appointments.
        translate: The user's language.
        styles: Resolved styles.
        selected: Whether the card holds the column's selection.
        focused: Whether the column has the keyboard focus.
        waited: Business minutes the lead has waited for a response (None: not waiting).
        is_next: Whether ``space`` would pick this lead next ("▶ próximo").
    """
    base = styles.card
    if selected:
        base = base + (styles.cursor if focused else styles.cursor_blurred)
    inner = max(1, width - 2)
    lang = translate.lang

    name = clean_text(card.customer_name, max_length=200) or "?"
    if card.has_unread_reply:
        badge = f" ✉ {card.unread_count}"
        name_style, badge_style = base + styles.unread, base + styles.unread
    elif card.needs_attention:
        badge = " " + translate("card.new" if card.is_new else "card.read_reply")
        name_style, badge_style = base, base + styles.new
    else:
        badge, name_style, badge_style = "", base, base
    badge = badge if cell_len(badge) < inner // 2 else ""
    first = [(fit(name, inner - cell_len(badge)), name_style), (badge, badge_style)]

    vehicle = clean_text(card.vehicle or "", max_length=200)
    second = [
        (
            fit(vehicle or translate("card.no_vehicle"), inner),
            base if vehicle else muted(base, styles),
        )
    ]

    money = format_money(card.price, lang, cents=False) if card.price is not None else ""
    source = clean_text(card.source or "", max_length=100)
    third_text = " · ".join(part for part in (money, source) if part) or "—"
    third = [(fit(third_text, inner), base)]

    # The salesperson on the left (cut if need be), the time since the last
    # event whole on the right.
    since, since_style = format_relative(card.last_activity_at, now, lang), muted(base, styles)
    wait = waiting_text(card, waited, now, translate, styles)
    if wait is not None:
        since, since_style = wait[0], base + wait[1]
    owner = clean_text(card.assigned_to or "", max_length=100)
    owner_style = base if owner else muted(base, styles)
    owner_width = max(1, inner - cell_len(since) - 1)
    fourth = [
        (fit(owner or translate("card.unassigned"), owner_width), owner_style),
        (" " + since, since_style),
    ]

    fifth: list[tuple[str, Style]]
    if card.next_appointment_at is not None:
        when = card.next_appointment_at.astimezone().strftime(
            "%m/%d %H:%M" if lang == "en" else "%d/%m %H:%M"
        )
        overdue = card.next_appointment_at < now
        label = translate("card.overdue" if overdue else "card.appointment", when=when)
        fifth = [(fit("◷ " + label, inner), base + styles.overdue if overdue else base)]
    else:
        fifth = [(" " * inner, base)]
    if is_next:
        fifth = with_next_marker(fifth, inner, translate, base + styles.new)

    strips = [_strip(parts, base, width) for parts in (first, second, third, fourth, fifth)]
    strips.append(Strip([Segment(" " * width, styles.blank)], width))
    assert len(strips) == CARD_HEIGHT
    return strips


def with_next_marker(
    parts: list[tuple[str, Style]], inner: int, t: Translator, style: Style
) -> list[tuple[str, Style]]:
    """A card line ending in "▶ próximo" (issue 15): the lead ``space`` would pick next.

    What the line holds (an appointment) stays whole: on a narrow card the
    marker shrinks to "▶"; only a card too narrow even for that cuts the text.
    """
    text = "".join(part for part, _ in parts).rstrip()
    first_style = parts[0][1] if parts else style
    for marker in (t("card.next"), "▶"):
        room = inner - cell_len(marker) - 1
        if cell_len(text) <= room:
            return [(fit(text, room) + " ", first_style), (marker, style)]
    room = inner - 2
    return [(fit(text, room) + " ", first_style), ("▶", style)] if room > 0 else parts


def span_text(minutes: int, t: Translator) -> str:
    """Business minutes as "12 min" or "3 h 20 min"."""
    if minutes < 60:
        return t("board.next.minutes", minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return t("board.next.hours", hours=hours)
    return t("board.next.hours_minutes", hours=hours, minutes=rest)


def waiting_text(
    card: LeadCard,
    waited: int | None,
    now: datetime,
    t: Translator,
    styles: CardStyles,
    *,
    short: bool = False,
) -> tuple[str, Style] | None:
    """ "aguardando 3 min" and its style by SLA state; None when the lead waits for nothing.

    ``waited`` is in business minutes; before the store's calendar is loaded
    (a moment after the board opens) the wall-clock minutes stand in. With
    ``short``, only the span ("3 min"), for the list's column.
    """
    state = card.sla_state(now)
    if state is None or card.waiting_since is None:
        return None
    if waited is None:
        waited = max(0, int((now - card.waiting_since).total_seconds()) // 60)
    style = {
        SlaState.OK: styles.wait_ok,
        SlaState.DUE_SOON: styles.wait_soon,
        SlaState.BREACHED: styles.wait_late,
    }[state]
    # Whole hours past the first one: the card is narrow, the lead screen has the detail.
    span = span_text(waited if waited < 60 else waited - waited % 60, t)
    return (span if short else t("card.waiting", span=span)), style


def muted(base: Style, styles: CardStyles) -> Style:
    """The card's style with the muted foreground."""
    return base + styles.muted


def placeholder_lines(width: int, styles: CardStyles) -> list[Strip]:
    """What a card not read yet looks like (for a moment, in a far jump)."""
    lines = [
        _strip([(fit("…", max(1, width - 2)), styles.card + styles.muted)], styles.card, width)
    ]
    lines += [Strip([Segment(" " * width, styles.card)], width)] * (_CONTENT_LINES - 1)
    lines.append(Strip([Segment(" " * width, styles.blank)], width))
    return lines


def _strip(parts: list[tuple[str, Style]], base: Style, width: int) -> Strip:
    segments = [Segment(" ", base), *(Segment(text, style) for text, style in parts)]
    used = 1 + sum(cell_len(text) for text, _ in parts)
    if used < width:
        segments.append(Segment(" " * (width - used), base))
    return Strip(segments).crop(0, width)
