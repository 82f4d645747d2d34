"""Drawing one lead card as a few terminal lines (the Line API's strips).

Lead data comes from the internet, so it never becomes markup: every piece
is cleaned of control characters and placed in a plain ``Segment``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from cockpit_tui.domain.business_time import SlaState
from cockpit_tui.domain.cards import LeadCard
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.i18n.format import format_money, format_relative
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.urgency import Urgency, card_urgency

#: Lines the tallest card takes on screen: five of content and one of space below it.
CARD_HEIGHT = 6
_CONTENT_LINES = CARD_HEIGHT - 1
#: The mark at a card's (or row's) left edge, in the colour of its urgency.
STRIPE = "▌"

Parts = list[tuple[str, Style]]


class CardStyles(Record):
    """The Rich styles a card is drawn with, resolved from the widget's CSS.

    One colour per meaning (see :mod:`cockpit_tui.ui.urgency`); the selection
    is a neutral tint no urgency uses.

    Attributes:
        card: A card's background and text.
        cursor: The selected card in the focused column (inactive columns show none).
        unread: The name of a lead with an unread reply (bold).
        reply: The badge of a customer's message waiting for an answer.
        new: The badge of a new lead nobody has acted on.
        muted: Secondary details.
        overdue: An appointment whose time has passed.
        price: The asking price.
        wait_ok: "aguardando N min" inside the SLA (calm).
        wait_soon: The same in the last 40 % of the SLA (warning).
        wait_late: The same past the SLA (error).
        blank: The space between cards.
        stripes: The left-edge mark's colour for each urgency.
    """

    __slots__ = (
        "blank",
        "card",
        "cursor",
        "muted",
        "new",
        "overdue",
        "price",
        "reply",
        "stripes",
        "unread",
        "wait_late",
        "wait_ok",
        "wait_soon",
    )
    card: Style
    cursor: Style
    unread: Style
    reply: Style
    new: Style
    muted: Style
    overdue: Style
    price: Style
    wait_ok: Style
    wait_soon: Style
    wait_late: Style
    blank: Style
    stripes: dict[Urgency, Style]

    def __init__(
        self,
        card: Style,
        cursor: Style,
        unread: Style,
        reply: Style,
        new: Style,
        muted: Style,
        overdue: Style,
        price: Style,
        wait_ok: Style,
        wait_soon: Style,
        wait_late: Style,
        blank: Style,
        stripes: dict[Urgency, Style],
    ) -> None:
        set_field(self, "card", card)
        set_field(self, "cursor", cursor)
        set_field(self, "unread", unread)
        set_field(self, "reply", reply)
        set_field(self, "new", new)
        set_field(self, "muted", muted)
        set_field(self, "overdue", overdue)
        set_field(self, "price", price)
        set_field(self, "wait_ok", wait_ok)
        set_field(self, "wait_soon", wait_soon)
        set_field(self, "wait_late", wait_late)
        set_field(self, "blank", blank)
        set_field(self, "stripes", stripes)

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
            unread=style(f"{prefix}--unread", partial=True),
            reply=style(f"{prefix}--reply", partial=True),
            new=style(f"{prefix}--new", partial=True),
            muted=_colour_only(style(f"{prefix}--muted")),
            overdue=style(f"{prefix}--overdue", partial=True),
            price=style(f"{prefix}--price", partial=True),
            wait_ok=_colour_only(style(f"{prefix}--wait-ok")),
            wait_soon=style(f"{prefix}--wait-soon", partial=True),
            wait_late=style(f"{prefix}--wait-late", partial=True),
            blank=style(f"{prefix}--blank"),
            stripes={
                urgency: style(f"{prefix}--stripe-{urgency.value}", partial=True)
                for urgency in Urgency
            },
        )


def _colour_only(style: Style) -> Style:
    """The colour of a style resolved whole: a translucent colour ("$foreground 60%")
    is blended with the background the CSS gives it, which a partial style cannot do."""
    return Style(color=style.color)


#: The component classes :meth:`CardStyles.from_components` reads, without their prefix.
STYLE_COMPONENTS = (
    "card",
    "cursor",
    "unread",
    "reply",
    "new",
    "muted",
    "overdue",
    "price",
    "wait-ok",
    "wait-soon",
    "wait-late",
    "blank",
    *(f"stripe-{urgency.value}" for urgency in Urgency),
)


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def card_height(card: LeadCard, is_next: bool = False) -> int:
    """Lines a card takes: its content and a gap. The last content line is there only
    for an appointment or the "▶ próximo" mark."""
    return CARD_HEIGHT if card.next_appointment_at is not None or is_next else CARD_HEIGHT - 1


def card_lines(
    card: LeadCard,
    *,
    width: int,
    now: datetime,
    translate: Translator,
    styles: CardStyles,
    selected: bool,
    waited: int | None = None,
    is_next: bool = False,
) -> list[Strip]:
    """The :func:`card_height` strips of one card.

    Args:
        card: The lead.
        width: Cells available.
        now: The present, for "há 5 min" and overdue appointments.
        translate: The user's language.
        styles: Resolved styles.
        selected: Whether the card is the selection the keys act on (drawn highlighted).
        waited: Business minutes the lead has waited for a response (None: not waiting).
        is_next: Whether ``space`` would pick this lead next ("▶ próximo", on the vehicle's line).
    """
    base = styles.card + styles.cursor if selected else styles.card
    inner = max(1, width - 2)
    lines = [
        name_line(card, inner, translate, styles, base),
        vehicle_line(card, inner, translate, styles, base),
        price_line(card, inner, translate, styles, base),
        owner_line(card, inner, now, translate, styles, base, waited),
    ]
    appointment = appointment_line(card, inner, now, translate, styles, base)
    if is_next:
        # The last line: beside the appointment (kept whole), else on a line of its own.
        mark = base + Style(bold=True)
        lines.append(with_next_marker(appointment or [(" " * inner, base)], inner, translate, mark))
    elif appointment is not None:
        lines.append(appointment)
    urgency = card_urgency(card, now)
    stripe = base + styles.stripes[urgency] if urgency is not None else base
    strips = [_strip(parts, base, width, stripe) for parts in lines]
    strips.append(Strip([Segment(" " * width, styles.blank)], width))
    return strips


def name_line(
    card: LeadCard, inner: int, translate: Translator, styles: CardStyles, base: Style
) -> Parts:
    """The customer's name (bold with an unread reply) and the badge at the right."""
    name = clean_text(card.customer_name, max_length=200) or "?"
    if card.has_unread_reply:
        badge = f" ✉ {card.unread_count}"
        name_style, badge_style = base + styles.unread, base + styles.reply + styles.unread
    elif card.needs_attention and not card.is_new:
        badge = " " + translate("card.read_reply")
        name_style, badge_style = base, base + styles.reply
    elif card.is_new:
        badge = " " + translate("card.new")
        name_style, badge_style = base, base + styles.new
    else:
        badge, name_style, badge_style = "", base, base
    badge = badge if cell_len(badge) < inner // 2 else ""
    return [(fit(name, inner - cell_len(badge)), name_style), (badge, badge_style)]


def vehicle_line(
    card: LeadCard, inner: int, translate: Translator, styles: CardStyles, base: Style
) -> Parts:
    """The vehicle, on a line of its own."""
    vehicle = clean_text(card.vehicle or "", max_length=200)
    if vehicle:
        return [(fit(vehicle, inner), base)]
    return [(fit(translate("card.no_vehicle"), inner), muted(base, styles))]


def price_line(
    card: LeadCard, inner: int, translate: Translator, styles: CardStyles, base: Style
) -> Parts:
    """The asking price (bold: the figure the eye looks for), then the source."""
    money = format_money(card.price, translate.lang, cents=False) if card.price is not None else ""
    source = clean_text(card.source or "", max_length=100)
    if not money:
        return [(fit(source or "—", inner), muted(base, styles))]
    parts: Parts = [(fit(money, inner), base + styles.price)]
    if source and cell_len(money) + 3 < inner:
        parts = [
            (money, base + styles.price),
            (fit(" · " + source, inner - cell_len(money)), muted(base, styles)),
        ]
    return parts


def owner_line(
    card: LeadCard,
    inner: int,
    now: datetime,
    translate: Translator,
    styles: CardStyles,
    base: Style,
    waited: int | None,
) -> Parts:
    """The salesperson on the left (shortened if need be); on the right, whole, the wait
    or the time since the last event."""
    lang = translate.lang
    since, since_style = format_relative(card.last_activity_at, now, lang), muted(base, styles)
    wait = waiting_text(card, waited, now, translate, styles)
    owner = clean_text(card.assigned_to or "", max_length=100)
    owner_text = owner or translate("card.unassigned")
    owner_style = base if owner else muted(base, styles)
    if wait is not None:
        since, since_style = wait[0], base + wait[1]
        if cell_len(owner_text) + 1 + cell_len(since) > inner:
            since = wait[2]  # "espera 3 h": the name keeps more room
    owner_width = max(1, inner - cell_len(since) - 1)
    if cell_len(owner_text) > owner_width:
        # "Diego F.", "Não atrib.": shortened where a reader still knows who, not cut.
        owner_text = short_name(owner) if owner else translate("card.unassigned_short")
    return [(fit(owner_text, owner_width), owner_style), (" " + since, since_style)]


def short_name(name: str) -> str:
    """ "Diego Fernandes" as "Diego F." (a single name stays as it is)."""
    first, _, rest = name.partition(" ")
    return f"{first} {rest[0]}." if rest else name


def appointment_line(
    card: LeadCard,
    inner: int,
    now: datetime,
    translate: Translator,
    styles: CardStyles,
    base: Style,
) -> Parts | None:
    """ "◷ 02/12 13:30" (in the late colour when its time has passed, unless the lead is
    sold or lost), or None without one."""
    if card.next_appointment_at is None:
        return None
    overdue = card.appointment_overdue(now)
    when = card.next_appointment_at.astimezone().strftime(
        "%m/%d %H:%M" if translate.lang == "en" else "%d/%m %H:%M"
    )
    label = translate("card.overdue" if overdue else "card.appointment", when=when)
    return [(fit("◷ " + label, inner), base + styles.overdue if overdue else base)]


def with_next_marker(parts: Parts, inner: int, t: Translator, style: Style) -> Parts:
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
    """Business minutes as "12 min" or "3 h 20 min" (``i18n.format.format_span``)."""
    from cockpit_tui.i18n.format import format_span

    return format_span(minutes, t)


def waiting_text(
    card: LeadCard,
    waited: int | None,
    now: datetime,
    t: Translator,
    styles: CardStyles,
    *,
    bare: bool = False,
) -> tuple[str, Style, str] | None:
    """ "aguardando 3 min", its style by SLA state and its short form ("espera 3 min");
    None when the lead waits for nothing.

    ``waited`` is in business minutes; until the store's calendar is loaded
    (a moment after the board opens) it is None and the span reads "…": the
    wall clock would say "7 h" for a night the store was closed. With
    ``bare``, both forms are only the span ("3 min"), for the list's column.
    """
    state = card.sla_state(now)
    if state is None or card.waiting_since is None:
        return None
    style = {
        SlaState.OK: styles.wait_ok,
        SlaState.DUE_SOON: styles.wait_soon,
        SlaState.BREACHED: styles.wait_late,
    }[state]
    # Whole hours past the first one: the card is narrow, the lead screen has the detail.
    whole = None if waited is None else (waited if waited < 60 else waited - waited % 60)
    span = "…" if whole is None else span_text(whole, t)
    if bare:
        return span, style, span
    return t("card.waiting", span=span), style, t("card.waiting_short", span=span)


def muted(base: Style, styles: CardStyles) -> Style:
    """The card's style with the muted foreground."""
    return base + styles.muted


def placeholder_lines(width: int, styles: CardStyles) -> list[Strip]:
    """What a card not read yet looks like (for a moment, in a far jump): the tallest card."""
    lines = [
        _strip([(fit("…", max(1, width - 2)), styles.card + styles.muted)], styles.card, width)
    ]
    lines += [Strip([Segment(" " * width, styles.card)], width)] * (_CONTENT_LINES - 1)
    lines.append(Strip([Segment(" " * width, styles.blank)], width))
    return lines


def _strip(parts: Parts, base: Style, width: int, stripe: Style | None = None) -> Strip:
    """The stripe (or a space), a space, the parts: the text ends at the column's rule."""
    edge = Segment(STRIPE, stripe) if stripe is not None and stripe != base else Segment(" ", base)
    segments = [edge, Segment(" ", base), *(Segment(text, style) for text, style in parts)]
    used = 2 + sum(cell_len(text) for text, _ in parts)
    if used < width:
        segments.append(Segment(" " * (width - used), base))
    # Runs of one style as one segment: every repaint of the board filters and writes
    # each segment of each line, and most of a card line is in the card's own style.
    simple = Segment.simplify(segments)
    return Strip(simple, width) if used <= width else Strip(simple).crop(0, width)
