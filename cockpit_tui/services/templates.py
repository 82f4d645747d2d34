"""The store's reply templates: listing, saving, removing, and filling one for a lead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import CockpitError, InvalidInputError, LeadNotFoundError
from cockpit_tui.domain.templates import (
    ReplyTemplate,
    TemplateValues,
    check_name,
    check_text,
    check_whatsapp,
    fill,
    first_name,
)
from cockpit_tui.services.card_rows import card_from_row
from cockpit_tui.services.settings import SettingsService
from cockpit_tui.services.store_service import StoreService

if TYPE_CHECKING:
    from cockpit_tui.store.tables import ReplyTemplateRow


class TemplateService(StoreService):
    """Reply templates kept by the store."""

    def all(self) -> list[ReplyTemplate]:
        """Every template, by name."""
        from cockpit_tui.store.engine import read_session
        from cockpit_tui.store.reply_templates import all_templates

        with read_session(self._store.engine) as session:
            return [_template(row) for row in all_templates(session)]

    def named(self, name: str) -> ReplyTemplate:
        """The template of that name (case and accents aside).

        Raises:
            InvalidInputError: "template.unknown" when there is none.
        """
        from cockpit_tui.domain.filters import fold
        from cockpit_tui.domain.sanitize import clean_text

        wanted = fold(clean_text(name))
        for template in self.all():
            if fold(template.name) == wanted:
                return template
        raise InvalidInputError("template.unknown", name=clean_text(name)[:60])

    def matching(self, typed: str) -> list[ReplyTemplate]:
        """Templates whose name or text contains ``typed`` (case and accents aside)."""
        from cockpit_tui.domain.filters import fold

        wanted = fold(typed.strip())
        return [
            template
            for template in self.all()
            if wanted in fold(template.name) or wanted in fold(template.text)
        ]

    def save(
        self,
        name: str,
        text: str,
        *,
        marketing: bool = False,
        whatsapp_template: str | None = None,
        whatsapp_language: str | None = None,
    ) -> tuple[ReplyTemplate, bool]:
        """Create a template, or replace the one of that name (case aside).

        Returns:
            The template and whether it was created.

        Raises:
            InvalidInputError: an empty or too long name or text, an unknown
                placeholder (the message lists the known ones), or a malformed
                WhatsApp template name / language pair.
        """
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session
        from cockpit_tui.store.reply_templates import save_template

        clean_name, clean_body = check_name(name), check_text(text)
        wa_name, wa_language = check_whatsapp(whatsapp_template, whatsapp_language)
        now = self._clock.now()
        with write_session(self._store.engine) as session:
            row, created = save_template(
                session,
                name=clean_name,
                body=clean_body,
                marketing=marketing,
                whatsapp_template=wa_name,
                whatsapp_language=wa_language,
                actor=self._actor,
                at=now,
            )
            repository.append_change(
                session, kind="store.templates", lead_id=None, actor=self._actor, at=now
            )
            return _template(row), created

    def link_whatsapp(
        self, name: str, whatsapp_template: str | None, whatsapp_language: str | None
    ) -> ReplyTemplate:
        """Link the template ``name`` to a template WhatsApp approved (both None: unlink).

        Outside the 24-hour window the reply dialog offers only linked
        templates, and the server sends them by that name and language.

        Raises:
            InvalidInputError: "template.unknown" when there is no template of that
                name; "template.bad_whatsapp" for a malformed name or language.
        """
        from cockpit_tui.domain.sanitize import clean_text
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session
        from cockpit_tui.store.reply_templates import link_whatsapp_template

        wa_name, wa_language = check_whatsapp(whatsapp_template, whatsapp_language)
        wanted = clean_text(name)
        now = self._clock.now()
        with write_session(self._store.engine) as session:
            row = link_whatsapp_template(
                session,
                name=wanted,
                whatsapp_template=wa_name,
                whatsapp_language=wa_language,
                actor=self._actor,
                at=now,
            )
            if row is None:
                raise InvalidInputError("template.unknown", name=wanted[:60])
            repository.append_change(
                session, kind="store.templates", lead_id=None, actor=self._actor, at=now
            )
            return _template(row)

    def remove(self, name: str) -> None:
        """Remove the template of that name (case aside).

        Raises:
            InvalidInputError: "template.unknown" when there is none.
        """
        from cockpit_tui.domain.sanitize import clean_text
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session
        from cockpit_tui.store.reply_templates import delete_template

        wanted = clean_text(name)
        with write_session(self._store.engine) as session:
            if not delete_template(session, name=wanted):
                raise InvalidInputError("template.unknown", name=wanted[:60])
            repository.append_change(
                session,
                kind="store.templates",
                lead_id=None,
                actor=self._actor,
                at=self._clock.now(),
            )

    def values_for(self, lead_id: int) -> TemplateValues:
        """What fills the placeholders for a lead, written by the current user.

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.domain.money import written_price

        row = self._store.reader.card_row(lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        card = card_from_row(row)
        settings = SettingsService(self._store, actor=self._actor, clock=self._clock)
        return TemplateValues(
            nome=first_name(card.customer_name),
            veiculo=card.vehicle,
            valor=written_price(card.price) if card.price is not None else None,
            vendedor=self._actor,
            loja=settings.value("store_name"),
        )

    def fill_for_lead(self, template: ReplyTemplate, lead_id: int) -> str:
        """The template's text filled for a lead (unknown values stay as placeholders).

        Raises:
            LeadNotFoundError: no lead has that id.
        """
        values = self.values_for(lead_id)
        if template.marketing:
            self.check_marketing_consent(template, lead_id)
        return fill(template.text, values)

    def check_marketing_consent(self, template: ReplyTemplate, lead_id: int) -> None:
        """Refuse a marketing template for a customer without consent on WhatsApp (LGPD).

        Replies go out on WhatsApp; the latest consent record there counts.
        Templates not marked ``marketing`` (answers to the customer's own
        inquiry) need no consent.

        Raises:
            MarketingConsentError: consent was revoked, or never given.
            LeadNotFoundError: no lead has that id.
        """
        from cockpit_tui.domain.consent import Channel, ConsentState
        from cockpit_tui.services.consent import ConsentService

        row = self._store.reader.card_row(lead_id)
        if row is None:
            raise LeadNotFoundError(lead_id=lead_id)
        customer_id = card_from_row(row).customer_id
        consent = ConsentService(self._store, actor=self._actor, clock=self._clock)
        if consent.may_send_marketing(customer_id, Channel.WHATSAPP):
            return
        revoked = consent.consent_state(customer_id)[Channel.WHATSAPP] is ConsentState.REVOKED
        raise MarketingConsentError(
            "error.marketing_revoked" if revoked else "error.marketing_not_asked",
            template=template.name,
        )


class MarketingConsentError(CockpitError):
    """A marketing template for a customer without granted consent on its channel."""

    message_id = "error.marketing_not_asked"


def _template(row: ReplyTemplateRow) -> ReplyTemplate:
    return ReplyTemplate(
        id=row.id or 0,
        name=row.name,
        text=row.body,
        marketing=bool(row.marketing),
        whatsapp_template=row.whatsapp_template,
        whatsapp_language=row.whatsapp_language,
    )
