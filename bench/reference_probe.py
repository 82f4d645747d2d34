"""The bare Textual app (``bench/reference_app.py``) with the time marks of ``startup_probe.py``.

So the start-up parts of cockpit can be read next to the same parts of an app
that does nothing but show six headers: the interpreter, Textual's import, the
``App`` built, Textual's start-up up to the screen's compose, compose and
mount, the first refresh, and the frame reaching the terminal. The marks are
written as JSON to ``$COCKPIT_PROBE_OUT`` once the frame has been painted.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # the interpreter and site are done

import json  # noqa: E402  (the mark above comes first)
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

marks: dict[str, float] = {"script": STARTED}


def mark(name: str) -> None:
    """Note the moment ``name`` happened (the first time only)."""
    marks.setdefault(name, time.perf_counter())


def main() -> None:
    """Run the reference app with its steps wrapped."""
    import textual.app  # noqa: F401  (what cockpit's "Textual imported" also covers)

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from reference_app import ReferenceApp

    mark("ui imported")

    class ProbedApp(ReferenceApp):
        def compose(self) -> Any:
            mark("board compose")
            return super().compose()

        def on_mount(self) -> None:
            mark("board mounted")

            def painted() -> None:
                mark("first refresh")
                with open(os.environ["COCKPIT_PROBE_OUT"], "w") as out:
                    json.dump(marks, out)

            self.call_after_refresh(painted)

    app = ProbedApp()
    mark("app run")
    app.run()


if __name__ == "__main__":
    main()
