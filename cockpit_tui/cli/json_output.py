"""One JSON document on stdout: indented for a person at a terminal, one line for a pipe."""

from __future__ import annotations

import json
import sys
from typing import Any


def write_json(document: Any) -> None:
    """Print ``document`` as JSON, indented on a terminal and compact (one line) when piped.

    ``cockpit leads --json | head -1`` then reads the whole document, not ``[``.
    """
    indent = 2 if sys.stdout.isatty() else None
    json.dump(document, sys.stdout, ensure_ascii=False, indent=indent)
    sys.stdout.write("\n")
