"""The board: the screen every salesperson keeps open all day.

One job per module:

- ``screen``: the screen itself — composition, wiring of the parts below.
- ``keys``: the screen's own key bindings (the panes declare theirs).
- ``state``: the figures it shows (counts, totals, attention, plan, filter), no Textual.
- ``first_read``: the first figures, read on a thread while Textual is imported.
- ``first_show``: the first show keeps the styles its widgets got at mount.
- ``header_text``: the header line from its longest form to its shortest ("3 filtros").
- ``offscreen``: the line naming the columns a narrow screen hides, fitted to its width.
- ``readout``: read-only views of the panes and figures (the palette and tests use them).
- ``pane``: the protocol of the part on show, the digit keys, what a move read.
- ``cards_pane``: the six columns (the Kanban) and their hints.
- ``list_pane``: the list view (Smart plans) with its sort and status keys.
- ``search_bar``: the search field behind ``/``.
- ``filtering``: search and quick filters, read in a worker.
- ``values``: each column's total asking value in its header (``$``), read in a worker.
- ``moves``: how the board shows a move or an undo made here.
- ``live``: the poll that shows other processes' changes.
- ``host``: what those parts ask of the screen (a protocol).
- ``commands``: the board's command palette.
- ``day``: the doors to the salesperson's day — the new-lead form (``n``) and the agenda (``t``).
- ``doors``: the other screens — the selected lead, the help (``?``), the reports (``i``).

Actions on the selected lead (move, undo, assign, the follow-up forms) are
shared with the lead screen: :mod:`cockpit_tui.ui.lead_actions`.
"""
