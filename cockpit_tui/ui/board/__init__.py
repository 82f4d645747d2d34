"""The board: the screen every salesperson keeps open all day.

One job per module:

- ``screen``: the screen itself — composition, keys, wiring of the parts below.
- ``state``: the figures it shows (counts, totals, attention, plan, filter), no Textual.
- ``pane``: the protocol of the part on show, the digit keys, what a move read.
- ``cards_pane``: the six columns (the Kanban) and their hints.
- ``list_pane``: the list view (Smart plans) with its sort and status keys.
- ``search_bar``: the search field behind ``/``.
- ``filter_read``: a filter or search change, read in a worker.
- ``live``: the poll that shows other processes' changes.
- ``commands``: the board's command palette.

Actions on the selected lead (move, undo, assign, the follow-up forms) are
shared with the lead screen: :mod:`cockpit_tui.ui.lead_actions`.
"""
