"""The list view's strip of statuses with their counts, the filter and the sort."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content, Span
from textual.style import Style
from textual.widget import Widget

from cockpit_tui.domain.statuses import STATUS_ORDER, Status, status_label
from cockpit_tui.i18n.translate import Translator


class StatusStrip(Widget):
    """The statuses with their counts (the filtered one highlighted), then the sort."""

    DEFAULT_CSS = """
    StatusStrip {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
    }
    StatusStrip > .status-strip--active {
        background: $accent 45%;
        color: $text;
        text-style: bold;
    }
    StatusStrip > .status-strip--sort {
        color: $text;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-strip--active", "status-strip--sort"}

    def __init__(self, translate: Translator) -> None:
        super().__init__(id="status-strip")
        self._translate = translate
        self.counts: dict[Status, int] = dict.fromkeys(STATUS_ORDER, 0)
        self.active: Status | None = None
        self.sort_text = ""

    def show(self, counts: dict[Status, int], active: Status | None, sort_text: str) -> None:
        """Show new counts, filter and sort."""
        self.counts, self.active, self.sort_text = dict(counts), active, sort_text
        self.refresh()

    @property
    def text(self) -> str:
        """The strip as plain text."""
        return self.render().plain

    def render(self) -> Content:
        """The statuses (the filtered one highlighted), then the sort.

        On a narrow terminal the labels other than the filter's are shortened,
        then left out, then the sort goes and the items pack tight ("1·40"):
        the numbers and counts stay (the numbers are the keys).
        """
        t = self._translate
        active_style = self.get_visual_style("status-strip--active", partial=True)
        sort_style = self.get_visual_style("status-strip--sort", partial=True)
        width = self.size.width or 200
        for shorten, with_sort, tight in (
            (None, True, False),
            (7, True, False),
            (0, True, False),
            (0, False, False),
            (0, False, True),
        ):
            content = self._strip_content(
                t, shorten, active_style, sort_style, with_sort=with_sort, tight=tight
            )
            if len(content.plain) <= width:
                return content
        return content

    def _strip_content(
        self,
        t: Translator,
        shorten: int | None,
        active_style: Style,
        sort_style: Style,
        *,
        with_sort: bool = True,
        tight: bool = False,
    ) -> Content:
        def label(text: str, active: bool) -> str:
            if active or shorten is None or len(text) <= shorten:
                return text
            return text[:shorten].rstrip() + "." if shorten else ""

        def item(number: int, name: str, count: int, active: bool) -> str:
            if tight:  # the filtered one still stands out by its style
                return f"{number}·{count}"
            return " ".join(part for part in (str(number), label(name, active), str(count)) if part)

        items: list[tuple[Status | None, str]] = [
            (None, item(0, t("list.all"), sum(self.counts.values()), self.active is None))
        ]
        items += [
            (
                status,
                item(
                    status.position,
                    status_label(status, t.lang),
                    self.counts[status],
                    status is self.active,
                ),
            )
            for status in STATUS_ORDER
        ]
        text, spans = "", []
        pad = "" if tight else " "
        for status, entry in items:
            start = len(text)
            text += f"{pad}{entry}{pad}"
            if status is self.active:
                spans.append(Span(start, len(text), active_style))
            text += "│"
        if with_sort:
            sort_start = len(text)
            text += f" {self.sort_text}"
            spans.append(Span(sort_start, len(text), sort_style))
        return Content(text.rstrip("│"), spans)
