"""Brazilian Portuguese for argparse's own sentences ("usage:", "options", errors).

argparse looks its messages up through ``gettext``; :func:`cockpit_tui.cli.parser.build_parser`
installs these for ``--lang pt``. English is argparse's own text.
"""

MESSAGES: dict[str, str] = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opções",
    "show this help message and exit": "mostra esta ajuda e sai",
    "the following arguments are required: %s": "faltam os argumentos: %s",
    "unrecognized arguments: %s": "argumentos desconhecidos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "opção inválida: %(value)r (escolha entre %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: erro: %(message)s\n",
    "expected one argument": "esperava um valor",
    "invalid %(type)s value: %(value)r": "valor inválido (%(type)s): %(value)r",
}
