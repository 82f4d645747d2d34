"""What a sale recorded: final price, payment method and the vehicle taken in trade."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Static

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.models import Outcome, PaymentMethod
from cockpit_tui.domain.money import parse_price
from cockpit_tui.i18n.format import format_money
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.ui.screens.forms.form_screen import FormScreen

#: A final price outside these fractions of the asking price is asked again (a typo?).
UNUSUAL_LOW = Decimal("0.3")
UNUSUAL_HIGH = Decimal("2")

METHOD_ORDER = (
    PaymentMethod.CASH,
    PaymentMethod.FINANCING,
    PaymentMethod.CONSORTIUM,
    PaymentMethod.TRADE_IN,
)


class SaleForm(FormScreen[Outcome]):
    """Every field is optional; a price must be a price, and a trade needs its vehicle.

    Args:
        translate: The user's language.
        name: The customer's name (for the title).
        asking_price: The lead's price, offered as the final price.
        record: Stores the sale; raises :class:`CockpitError` to refuse it.
    """

    def __init__(
        self,
        translate: Translator,
        *,
        name: str,
        asking_price: Decimal | None,
        record: Callable[[Decimal | None, PaymentMethod | None, str | None], Outcome],
    ) -> None:
        super().__init__(translate("sale.title", name=name), translate, hint=translate("sale.hint"))
        self._asking_price = asking_price
        self._record = record
        #: A price far from the asking price the user already saw warned about.
        self._confirmed_price: Decimal | None = None

    def compose_fields(self) -> ComposeResult:
        """Price, method, trade-in vehicle."""
        t = self.t
        yield Static(Content(t("sale.price")), classes="form-label")
        price = (
            format_money(self._asking_price, "pt").removeprefix("R$ ") if self._asking_price else ""
        )
        yield Input(price, placeholder="139.900,00", id="sale-price")
        yield Static(Content(t("sale.method")), classes="form-label")
        with RadioSet(id="sale-method"):
            # The first choice is pressed, not just highlighted: what looks chosen is recorded.
            for method in METHOD_ORDER:
                pressed = method is METHOD_ORDER[0]
                yield RadioButton(Content(t(f"payment.{method.value}")), value=pressed)
        yield Static(Content(t("sale.trade_in")), classes="form-label")
        yield Input(placeholder=t("sale.trade_in_placeholder"), id="sale-trade-in")

    def on_mount(self) -> None:
        """Start on the price."""
        self.query_one("#sale-price", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a text field saves."""
        event.stop()
        self.action_submit()

    def save(self) -> Outcome:
        """Check the price, then record the sale."""
        raw_price = self.query_one("#sale-price", Input).value.strip()
        price = None
        if raw_price:
            price = parse_price(raw_price)
            if price is None:
                raise InvalidInputError("form.bad_price")
        self._confirm_unusual(price)
        index = self.query_one(RadioSet).pressed_index
        method = METHOD_ORDER[index] if 0 <= index < len(METHOD_ORDER) else None
        trade_in = self.query_one("#sale-trade-in", Input).value.strip() or None
        return self._record(price, method, trade_in)

    def _confirm_unusual(self, price: Decimal | None) -> None:
        """Zero is refused; under 30 % or over 200 % of the asking price asks once more.

        Raises:
            InvalidInputError: the price is zero, or unusual and not confirmed yet.
        """
        if price is None:
            return
        if price == 0:
            raise InvalidInputError("form.zero_price")
        asking = self._asking_price
        if not asking or UNUSUAL_LOW * asking <= price <= UNUSUAL_HIGH * asking:
            return
        if self._confirmed_price == price:
            return
        self._confirmed_price = price
        raise InvalidInputError(
            "form.unusual_price",
            price=format_money(price, self.t.lang),
            asking=format_money(asking, self.t.lang),
        )
