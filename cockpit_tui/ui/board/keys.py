"""The board screen's own keys, declared once (the panes declare theirs: ``cards_pane``,
``list_pane``). Descriptions are translated by id from the catalogs (``key.board.*``);
a user keymap rebinds them by id."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from cockpit_tui.ui.lead_keys import move_bindings

BOARD_BINDINGS: list[BindingType] = [
    Binding("enter", "open_lead", "Abrir", id="board.open", key_display="⏎"),
    Binding("r", "open_lead('reply')", "Responder", id="board.reply", show=False),
    *move_bindings("board", show=True),
    Binding("m", "pick_status", "Mover", id="board.move_to"),
    Binding("u,ctrl+z", "undo", "Desfazer", id="board.undo"),
    Binding("a", "assign_to_me", "Para mim", id="board.assign_to_me"),
    Binding("n", "new_lead", "Novo lead", id="board.new_lead"),
    Binding("t", "agenda", "Agenda", id="board.agenda"),
    Binding("space", "next_urgent", "Urgente", id="board.next_urgent"),
    # Priority: otherwise the "/" that opens the field is typed into it.
    Binding("slash", "search", "Buscar", id="board.search", key_display="/", priority=True),
    Binding("f", "pick_filters", "Filtros", id="board.filters"),
    Binding("F", "clear_filters", "Limpar filtros", id="board.clear_filters", show=False),
    Binding("escape", "clear_search", "Limpar a busca", id="board.clear_search", show=False),
    Binding("v", "switch_view", "Cartões/lista", id="board.switch_view", show=False),
    Binding("up,k", "scroll('cursor_up')", "Card acima", id="board.up", show=False),
    Binding("down,j", "scroll('cursor_down')", "Card abaixo", id="board.down", show=False),
    Binding("pageup", "scroll('page_up')", "Página acima", id="board.page_up", show=False),
    Binding("pagedown", "scroll('page_down')", "Página abaixo", id="board.page_down", show=False),
    Binding("home,g", "scroll('first')", "Primeiro card", id="board.first", show=False),
    Binding("end,G", "scroll('last')", "Último card", id="board.last", show=False),
    Binding("i", "reports", "Indicadores", id="board.reports", show=False),
    Binding(
        "dollar_sign",
        "toggle_values",
        "Valor das colunas",
        id="board.values",
        key_display="$",
        show=False,
    ),
    Binding("question_mark", "help", "Ajuda", id="board.help", key_display="?"),
]
