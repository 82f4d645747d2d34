"""The lead screen's reply (``r``): free text within WhatsApp's 24-hour window, templates outside.

The window is read in a worker when the key is pressed (it closes while the
screen is open, and the customer may write meanwhile). Inside it, or in a
store that does not send through WhatsApp, the reply form works as always;
outside it, the dialog says why and offers the store's approved templates.
Kept out of ``lead.py`` so that screen stays one job: showing the lead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from cockpit_tui.domain.errors import CockpitError
from cockpit_tui.domain.templates import ReplyTemplate
from cockpit_tui.i18n.translate import describe_error
from cockpit_tui.ui.errors import report_error
from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
from cockpit_tui.ui.screens.forms.template_reply_form import TemplateReplyForm

if TYPE_CHECKING:
    from textual.widget import Widget

    from cockpit_tui.domain.cards import LeadCard
    from cockpit_tui.services.reply_window import ReplyWindow
    from cockpit_tui.ui.screens.lead_host import LeadHost


def open_reply(screen: LeadHost) -> None:
    """Read the lead's window (in a worker), then open the dialog that fits it.

    What is typed meanwhile waits for the dialog (``ui/type_ahead.py``), rather than
    reaching the lead screen's keys.
    """
    card = screen.card
    if card is None:
        screen.drop_held_keys()
        return
    screen.hold_keys()
    replies = screen.cockpit.services.replies

    def read() -> None:
        templates: list[ReplyTemplate] = []
        previews: list[str] = []
        try:
            window = replies.window(card.id)
            if not window.is_open:
                templates = replies.approved_templates()
                previews = replies.template_preview(card.id, templates)
        except CockpitError as error:
            screen.app.call_from_thread(screen.drop_held_keys)
            screen.app.call_from_thread(report_error, cast("Widget", screen), error)
            return
        screen.app.call_from_thread(_open_form, screen, card, window, templates, previews)

    screen.run_worker(read, thread=True, exclusive=True, group="reply-window")


def _open_form(
    screen: LeadHost,
    card: LeadCard,
    window: ReplyWindow,
    templates: list[ReplyTemplate],
    previews: list[str],
) -> None:
    services, t = screen.cockpit.services, screen.cockpit.t
    title = t("reply.title", name=card.customer_name)
    if window.is_open:
        drafts = screen.cockpit.reply_drafts

        def send(text: str) -> object:
            sent = services.replies.reply(card.id, text)
            drafts.forget(card.id)
            return sent

        def keep_draft(text: str) -> None:
            if drafts.keep(card.id, text):
                screen.say(t("reply.draft_kept"))

        form: ReplyForm | TemplateReplyForm = ReplyForm(
            title,
            t,
            send=send,
            matching=services.templates.matching,
            fill=lambda template: services.templates.fill_for_lead(template, card.id),
            conversation=screen.detail.messages if screen.detail else (),
            draft=drafts.get(card.id),
            keep_draft=keep_draft,
        )
    else:
        form = TemplateReplyForm(
            title,
            t,
            reason=describe_error(window.refusal(card.id), t),
            templates=templates,
            previews=previews,
            send=lambda template: services.replies.send_template(card.id, template),
        )
    screen.open_form(form, t("lead.replied"))
    screen.stop_holding()


def retry_failed(screen: LeadHost) -> None:
    """Put the lead's refused replies back in the queue and say how many."""
    card = screen.card
    if card is None:
        return
    t = screen.cockpit.t
    try:
        count = screen.cockpit.services.replies.retry_failed(card.id)
    except CockpitError as error:
        report_error(cast("Widget", screen), error)  # the lead screen is a Screen
        return
    screen.say(t("lead.replies_retried", count=count) if count else t("lead.nothing_to_retry"))
    screen.reload()
