"""``cockpit settings [KEY [VALUE]] [--reset] [--json]``: the store's settings."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.i18n.translate import Translator

if TYPE_CHECKING:
    from cockpit_tui.config import Settings
    from cockpit_tui.services.settings import SettingValue


def configure(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``KEY``, ``VALUE``, ``--reset`` and ``--json``."""
    parser.add_argument("key", nargs="?", metavar="CHAVE" if t.lang == "pt" else "KEY")
    parser.add_argument("value", nargs="?", metavar="VALOR" if t.lang == "pt" else "VALUE")
    parser.add_argument("--reset", action="store_true", help=t("cli.settings.reset"))
    parser.add_argument("--json", action="store_true", help=t("cli.json"))


def _shown(item: SettingValue, t: Translator) -> str:
    if item.value is None:
        return t("settings.unset")
    return t("settings.secret_set") if item.spec.secret else item.value


def _json_value(item: SettingValue) -> object:
    if item.spec.secret:
        return item.value is not None
    return item.value


def run(args: argparse.Namespace, settings: Settings, t: Translator) -> int:
    """Show every setting, one, or set one."""
    from cockpit_tui.cli.commands import open_for

    if args.value is not None and args.reset:
        raise InvalidInputError("error.setting.reset_with_value")
    if args.key is None and (args.value is not None or args.reset):
        raise InvalidInputError("error.setting.needs_key")
    services = open_for(settings, t)
    try:
        if args.key is not None and (args.value is not None or args.reset):
            services.settings.set_value(args.key, None if args.reset else args.value)
        items = services.settings.values()
    finally:
        services.close()
    if args.key is not None:
        from cockpit_tui.domain.store_settings import setting_spec

        wanted = setting_spec(args.key).key
        items = [item for item in items if item.spec.key == wanted]
    if args.json:
        document = {item.spec.key: _json_value(item) for item in items}
        json.dump(
            document, sys.stdout, ensure_ascii=False, indent=2 if sys.stdout.isatty() else None
        )
        sys.stdout.write("\n")
        return 0
    width = max(len(item.spec.key) for item in items)
    for item in items:
        marker = (
            f"  ({t('settings.default')})" if item.is_default and item.value is not None else ""
        )
        print(f"{item.spec.key.ljust(width)}  {_shown(item, t)}{marker}")
    if args.key is not None and args.value is None and not args.reset:
        print(t(f"setting.{items[0].spec.key}"), file=sys.stderr)
    return 0
