"""The cost of a dialog that keeps the screen behind visible (issue 13, defect 3).

Opens the demo store's board headless at 160×45, opens a lead with a
conversation and its reply dialog, and reports:

- **open**: ``r`` → the reply dialog mounted and painted (median of N opens);
- **key**: one key typed in the dialog → its frame composed, with the screen
  behind dimmed (translucent backdrop) and, for reference, opaque (the old
  black backdrop), median of the compositor's time per key;
- **idle repaints**: frames composed in 2 s of idle with the cursor blinking
  (Textual's default) and steady (the forms' setting).

Usage: ``.venv/bin/python bench/dialog_cost.py [--opens 10] [--keys 30]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class _FrameTimer:
    """Times every frame the top screen composes (``Screen._compositor_refresh``)."""

    def __init__(self) -> None:
        self.durations: list[float] = []

    def install(self) -> None:
        from textual.screen import Screen

        original = Screen._compositor_refresh
        timer = self

        def timed(screen: Screen[Any]) -> None:
            start = time.perf_counter()
            original(screen)
            if screen is screen.app.screen:
                timer.durations.append(time.perf_counter() - start)

        Screen._compositor_refresh = timed  # type: ignore[method-assign]


async def _measure(opens: int, keys: int) -> dict[str, float]:
    from textual.color import Color
    from textual.widgets import TextArea

    from cockpit_tui.services import open_services
    from cockpit_tui.services.clock import SystemClock
    from cockpit_tui.services.demo import seed_demo_store
    from cockpit_tui.ui.app import CockpitApp
    from cockpit_tui.ui.screens.forms.reply_form import ReplyForm
    from cockpit_tui.ui.screens.lead import LeadScreen

    frames = _FrameTimer()
    frames.install()
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(f"sqlite:///{Path(folder) / 'demo.sqlite'}", actor="bench")
        seed_demo_store(services.store, clock=SystemClock())
        app = CockpitApp(services)
        async with app.run_test(size=(160, 45)) as pilot:

            async def until(condition: Any) -> None:
                while not condition():
                    await pilot.pause(0.005)

            await pilot.pause(0.5)
            await pilot.press("4", "enter")
            await until(lambda: isinstance(app.screen, LeadScreen) and app.screen.detail)
            open_times = []
            for _ in range(opens):
                start = time.perf_counter()
                await pilot.press("r")
                await until(lambda: isinstance(app.screen, ReplyForm))
                await pilot.pause()
                open_times.append(time.perf_counter() - start)
                await pilot.press("escape")
                await until(lambda: isinstance(app.screen, LeadScreen))
            figures = {"open_ms_median": statistics.median(open_times) * 1000}
            for backdrop in ("dimmed", "opaque"):
                await pilot.press("r")
                await until(lambda: isinstance(app.screen, ReplyForm))
                form = app.screen
                if backdrop == "opaque":
                    form.styles.background = Color(0, 0, 0)
                await pilot.pause(0.2)
                frames.durations.clear()
                for _ in range(keys):
                    await pilot.press("a")
                    await pilot.pause()
                figures[f"key_frame_ms_{backdrop}"] = statistics.median(frames.durations) * 1000
                area = form.query_one(TextArea)
                for blink in (True, False):
                    area.cursor_blink = blink
                    await pilot.pause(0.1)
                    frames.durations.clear()
                    await asyncio.sleep(2)
                    name = "blinking" if blink else "steady"
                    figures[f"idle_frames_2s_{backdrop}_{name}"] = len(frames.durations)
                    figures[f"idle_frame_ms_{backdrop}_{name}"] = (
                        sum(frames.durations) * 1000 / max(1, len(frames.durations))
                    )
                await pilot.press("escape")
                await until(lambda: isinstance(app.screen, LeadScreen))
        services.close()
    return {name: round(value, 2) for name, value in figures.items()}


def main() -> None:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opens", type=int, default=10)
    parser.add_argument("--keys", type=int, default=30)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(_measure(args.opens, args.keys)), indent=2))


if __name__ == "__main__":
    main()
