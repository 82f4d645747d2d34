"""Benchmarks of the store and the start-up path against DESIGN §9's budget.

Builds (once, cached in bench/stores/) stores of 1,000, 10,000 and 100,000
generated leads, then measures:

- process exec → the first frame that shows the six headers with their counts
  (the board's header line is painted in the same update as the counts), read
  through a pseudo-terminal as a user would start it;
- peak RSS of that process;
- the board's queries through the services: counts, a column's first page, a
  page deep in the column (offset), the next page (keyset), the change poll;
- a move: compare-and-set UPDATE + history + change log + commit, then the
  two affected columns' first pages re-read (median and p95 over 40 moves).

Writes the table to bench/README.md (between the RESULTS markers) and prints it.
Usage: ``python bench/run.py [--sizes 1000,10000,100000]``.
"""

from __future__ import annotations

import argparse
import codecs
import os
import platform
import pty
import re
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORES = ROOT / "bench" / "stores"
README = ROOT / "bench" / "README.md"
ANSI = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>()PX^_].?")

sys.path.insert(0, str(ROOT))


def cache_bytecode() -> None:
    """Compile cockpit_tui's bytecode, as installing a wheel does.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some shells and CI), an
    editable install compiles every module from source at every start: about
    80 modules, a third of a second of the start-up on this machine, which no
    user with an installed package pays. Existing ``.pyc`` files are read
    whatever that variable says.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "cockpit_tui"), quiet=1)


def store_for(size: int) -> Path:
    """The cached store of ``size`` leads, generated on first use."""
    from bench.generate import build_store

    STORES.mkdir(exist_ok=True)
    path = STORES / f"s{size}.sqlite"
    if not path.exists():
        print(f"generating {size} leads…", file=sys.stderr)
        partial = path.with_suffix(".partial")
        for leftover in STORES.glob(partial.name + "*"):
            leftover.unlink()
        build_store(str(partial), size)
        for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)  # a killed run's journal must not land on the new file
        partial.rename(path)
    return path


class Terminal:
    """``cockpit`` (or ``argv``) running in a pseudo-terminal (160×45), read as a terminal would.

    The output is kept with escape sequences stripped, so the text a frame
    paints can be searched for.
    """

    def __init__(
        self,
        db: Path | None,
        *,
        columns: int = 160,
        lines: int = 45,
        argv: list[str] | None = None,
    ) -> None:
        import fcntl
        import struct
        import termios

        cockpit = Path(sys.executable).parent / "cockpit"
        if argv is None:
            argv = [str(cockpit), "--db", f"sqlite:///{db}", "--user", "bench"]
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(lines),
            "COCKPIT_LANG": "pt",
        }
        self.leader, follower = pty.openpty()
        os.set_blocking(self.leader, False)
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
            close_fds=True,
        )
        os.close(follower)
        self.text = self.raw = ""
        # A character can be split between two reads.
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def send(self, keys: bytes) -> float:
        """Write keys; returns the moment they were written."""
        self.text = self.raw = ""
        os.write(self.leader, keys)
        return time.perf_counter()

    def wait_for(self, found: Callable[[str], bool], timeout: float = 10) -> float:
        """Read output until ``found(text since the last send)``; returns that moment.

        The output is searched at the end of each burst (when the terminal has
        had nothing more to read for a millisecond): searching after every
        4 KB read of a 100 KB frame would time the search, not the app.
        """
        deadline = time.perf_counter() + timeout
        pending = False
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.leader], [], [], 0.001 if pending else 0.01)
            if ready:
                try:
                    chunk = os.read(self.leader, 1 << 20)
                except OSError:
                    break
                if not chunk:
                    break
                self.raw += self._decoder.decode(chunk)
                pending = True
                continue
            if pending:
                pending = False
                self.text = ANSI.sub("", self.raw)
            if found(self.text):
                return time.perf_counter()
        raise TimeoutError(f"the expected frame never came; saw: {self.text[-600:]!r}")

    def peak_rss_kb(self) -> int:
        """The process's peak resident memory so far."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(r"VmHWM:\s+(\d+)", status)
        return int(match.group(1)) if match else 0

    def close(self) -> None:
        """Stop the app."""
        self.process.kill()
        self.process.wait()
        os.close(self.leader)


def header_counts(text: str) -> dict[str, int]:
    """The last count painted for each column header in ``text``."""
    found: dict[str, int] = {}
    for label, count in re.findall(r"(Nova proposta|Em negociação) · (\d+)", text):
        found[label] = int(count)
    return found


def first_frame(db: Path) -> tuple[float, int]:
    """Seconds from exec to the frame with the six headers and counts, and peak RSS (kB)."""
    terminal = Terminal(db)
    try:
        done = terminal.wait_for(
            lambda text: "Não vendidos · " in text and "precisam de atenção" in text, 20
        )
        return done - terminal.started, terminal.peak_rss_kb()
    finally:
        terminal.close()


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))]


def interactive_figures(db: Path, moves: int = 40) -> dict[str, float]:
    """Key → repainted frame for moves and page scrolls, and another process's change.

    Works on a copy of the cached store, through a pseudo-terminal.
    """
    from cockpit_tui.services import open_services

    work = db.with_name(f"work-{db.name}")
    for leftover in STORES.glob(work.name + "*"):
        leftover.unlink()
    import shutil

    shutil.copyfile(db, work)
    terminal = Terminal(work)
    figures: dict[str, float] = {}
    try:
        terminal.wait_for(lambda text: "Não vendidos · " in text, 20)
        initial = header_counts(terminal.text)
        new, negotiating = initial["Nova proposta"], initial["Em negociação"]
        move_ms = []
        for n in range(moves):
            forward = n % 2 == 0
            # shift+→ moves the selected card to Em negociação; shift+← brings it back.
            sent = terminal.send(b"\x1b[1;2C" if forward else b"\x1b[1;2D")
            expected = (new - 1, negotiating + 1) if forward else (new, negotiating)
            done = terminal.wait_for(
                lambda text, expected=expected: (
                    tuple(
                        header_counts(text).get(k, -1) for k in ("Nova proposta", "Em negociação")
                    )
                    == expected
                )
            )
            move_ms.append((done - sent) * 1000)
        figures["move median"] = statistics.median(move_ms)
        figures["move p95"] = percentile(move_ms, 0.95)

        terminal.send(b"1g")  # the top of Nova proposta
        terminal.wait_for(lambda text: "Nova proposta · " in text, 5)
        time.sleep(1.0)
        per_page = (45 - 5) // 6  # board rows (header, frame, footer) / card height
        scroll_ms = []
        for page in range(1, 31):
            # PgDn selects the card a screen below; the column then shows it as
            # its last card, and the frame's bottom line counts the cards above.
            above = page * per_page - per_page + 1
            sent = terminal.send(b"\x1b[6~")
            done = terminal.wait_for(lambda text, above=above: f"▲ {above}  ▼" in text)
            scroll_ms.append((done - sent) * 1000)
        figures["page scroll median"] = statistics.median(scroll_ms)
        figures["page scroll p95"] = percentile(scroll_ms, 0.95)

        other = open_services(f"sqlite:///{work}", actor="colega")
        live_ms = []
        try:
            shown = other.board.counts()
            for n in range(10):
                terminal.text = terminal.raw = ""
                other.leads.add(name=f"Lead ao vivo {n}")
                committed = time.perf_counter()
                target = shown[next(iter(shown))] + n + 1
                done = terminal.wait_for(
                    lambda text, target=target: header_counts(text).get("Nova proposta") == target
                )
                live_ms.append((done - committed) * 1000)
        finally:
            other.close()
        figures["another process's change visible (max of 10)"] = max(live_ms)
        figures["peak RSS after all of the above (MB)"] = terminal.peak_rss_kb() / 1024
    finally:
        terminal.close()
        for leftover in STORES.glob(work.name + "*"):
            leftover.unlink()
    return figures


def strip_counts(text: str) -> dict[int, int]:
    """The last count the list view's status strip painted for each status number."""
    found: dict[int, int] = {}
    for number, count in re.findall(r"│ ([1-6])(?: [^│\d]*)? (\d+) ", text):
        found[int(number)] = int(count)
    return found


def list_figures(db: Path, moves: int = 40, pages: int = 30) -> dict[str, float]:
    """The list view: ``v`` → the list painted, moves of the selected row, page scrolls.

    On a copy of the cached store, moved to the CRM Smart plan (the list's plan).
    """
    import shutil

    from cockpit_tui.domain.plans import Plan
    from cockpit_tui.domain.statuses import Status
    from cockpit_tui.services import open_services
    from cockpit_tui.services.lead_list import ListQuery

    work = db.with_name(f"list-{db.name}")
    for leftover in STORES.glob(work.name + "*"):
        leftover.unlink()
    shutil.copyfile(db, work)
    services = open_services(f"sqlite:///{work}", actor="bench")
    services.settings.set_plan(Plan.SMART)
    counts = services.board.counts()
    services.close()
    figures: dict[str, float] = {}
    terminal = Terminal(work)
    try:
        terminal.wait_for(lambda text: "Não vendidos · " in text, 20)
        time.sleep(1.0)  # past the write path's warm-up, as a user would be
        switch_ms = []
        for attempt in range(10):
            sent = terminal.send(b"v")
            marker = "Ordem:" if attempt % 2 == 0 else "Não vendidos · "
            done = terminal.wait_for(lambda text, marker=marker: marker in text)
            switch_ms.append((done - sent) * 1000)
        figures["list: v → list painted (median of 5)"] = statistics.median(switch_ms[0::2])
        terminal.send(b"v")
        terminal.wait_for(lambda text: "Ordem:" in text)
        # The list selects what the board had selected: the top of Nova proposta.
        # shift+→ moves it to Em negociação, shift+← brings it back.
        move_ms = []
        for n in range(moves):
            forward = n % 2 == 0
            sent = terminal.send(b"\x1b[1;2C" if forward else b"\x1b[1;2D")
            moved = 1 if forward else 0
            expected = (counts[Status.NEW] - moved, counts[Status.NEGOTIATING] + moved)
            done = terminal.wait_for(
                lambda text, expected=expected: (
                    (strip_counts(text).get(1), strip_counts(text).get(2)) == expected
                )
            )
            move_ms.append((done - sent) * 1000)
        figures["list: move median"] = statistics.median(move_ms)
        figures["list: move p95"] = percentile(move_ms, 0.95)

        terminal.send(b"g")
        time.sleep(0.5)
        reopened = open_services(f"sqlite:///{work}", actor="bench")
        rows = reopened.board.list_source(ListQuery()).at(offset=0, limit=45 * (pages + 2))
        reopened.close()
        per_page = 45 - 4  # the table's rows: screen minus header, strip, column header, keys
        scroll_ms = []
        for page in range(1, min(pages, (len(rows) - 1) // per_page) + 1):
            name = rows[page * per_page].customer_name[:12]
            sent = terminal.send(b"\x1b[6~")
            done = terminal.wait_for(lambda text, name=name: name in text, 3)
            scroll_ms.append((done - sent) * 1000)
        figures["list: page scroll median"] = statistics.median(scroll_ms)
        figures["list: page scroll p95"] = percentile(scroll_ms, 0.95)
        figures["list: peak RSS (MB)"] = terminal.peak_rss_kb() / 1024
    finally:
        terminal.close()
        for leftover in STORES.glob(work.name + "*"):
            leftover.unlink()
    return figures


def search_figures(db: Path, repeat: int = 10) -> dict[str, float]:
    """``/`` then "civic" typed at once: the last key → the frame with every column narrowed.

    The frame is recognised by the Nova proposta header showing "matches/total".
    """
    from cockpit_tui.domain.filters import LeadFilter
    from cockpit_tui.domain.statuses import Status
    from cockpit_tui.services import open_services

    services = open_services(f"sqlite:///{db}", actor="bench")
    where = services.board.scope(LeadFilter(search="civic"))
    found, total = services.board.counts(where)[Status.NEW], services.board.counts()[Status.NEW]
    services.close()
    terminal = Terminal(db)
    figures: dict[str, float] = {}
    try:
        terminal.wait_for(lambda text: "Não vendidos · " in text, 20)
        time.sleep(1.0)
        terminal.send(b"/")
        time.sleep(0.3)
        search_ms = []
        # The label shortens ("Nova propo…") when the counts are long: match the count only.
        narrowed = f" · {found}/{total}"
        for _ in range(repeat):
            sent = terminal.send(b"civic")
            done = terminal.wait_for(lambda text: narrowed in text)
            search_ms.append((done - sent) * 1000)
            terminal.send(b"\x15")  # ctrl+u empties the field: every lead again
            terminal.wait_for(lambda text: f" · {total}" in text)
            time.sleep(0.2)
        figures["search: keystroke → narrowed frame median"] = statistics.median(search_ms)
        figures["search: keystroke → narrowed frame p95"] = percentile(search_ms, 0.95)
    finally:
        terminal.close()
    return figures


def app_start_figure(db: Path, repeat: int = 5) -> float:
    """Milliseconds from App start to the first board frame, in-process (headless).

    The time runs from ``App.run_test`` entering (the app's own start-up:
    driver, CSS, screen composition with the first reads) until the board
    screen has been painted once.
    """
    import asyncio

    from cockpit_tui.services import open_services
    from cockpit_tui.ui.app import CockpitApp
    from cockpit_tui.ui.board.screen import BoardScreen

    results = []
    for _ in range(repeat):
        services = open_services(f"sqlite:///{db}", actor="bench")
        app = CockpitApp(services, poll_interval=3600)
        painted: list[float] = []

        async def run(app: CockpitApp = app, painted: list[float] = painted) -> float:
            started = time.perf_counter()
            async with app.run_test(size=(160, 45)) as pilot:
                while not isinstance(app.screen, BoardScreen):
                    await pilot.pause(0.001)
                app.screen.call_after_refresh(lambda: painted.append(time.perf_counter()))
                while not painted:
                    await pilot.pause(0.001)
            return (painted[0] - started) * 1000

        results.append(asyncio.run(run()))
        services.close()
    return statistics.median(results)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls."""
    results = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        results.append((time.perf_counter() - started) * 1000)
    return results


def service_figures(db: Path) -> dict[str, float]:
    """Board queries and moves through the services, in milliseconds."""
    import random

    from cockpit_tui.domain.statuses import STATUS_ORDER, Status
    from cockpit_tui.services import open_services

    services = open_services(f"sqlite:///{db}", actor="bench")
    try:
        board = services.board
        counts = board.counts()
        biggest = max(STATUS_ORDER, key=lambda s: counts[s])
        figures = {
            "counts": statistics.median(timed(board.counts, 20)),
            "first page": statistics.median(
                timed(lambda: board.column_page(biggest, limit=40, total=0), 20)
            ),
            "deep page (offset)": statistics.median(
                timed(
                    lambda: board.column_page(
                        biggest, offset=max(0, counts[biggest] - 40), limit=40, total=0
                    ),
                    10,
                )
            ),
            "poll (data_version)": statistics.median(timed(board.has_new_commits, 50)),
        }
        first = board.column_page(biggest, limit=40, total=0).cards
        figures["next page (keyset)"] = statistics.median(
            timed(lambda: board.column_page(biggest, after=first[-1], limit=40, total=0), 20)
        )
        rng = random.Random(7)
        ids = [card.id for card in board.column_page(Status.NEW, limit=200, total=0).cards]
        move_ms = []
        for lead_id in rng.sample(ids, 40):
            card = services.leads.get(lead_id)
            target = rng.choice([s for s in STATUS_ORDER if s is not card.status])
            started = time.perf_counter()
            services.leads.move(lead_id, target, seen_version=card.version)
            board.column_page(card.status, limit=40, total=0)
            board.column_page(target, limit=40, total=0)
            move_ms.append((time.perf_counter() - started) * 1000)
        for _ in range(40):
            services.leads.undo_last_move()  # leave the cached store as generated
        move_ms.sort()
        figures["move median"] = statistics.median(move_ms)
        figures["move p95"] = move_ms[int(len(move_ms) * 0.95) - 1]
        return figures
    finally:
        services.close()


def create_store(db: Path) -> None:
    """An empty store at ``db`` (read-only commands such as ``leads`` no longer create one)."""
    from cockpit_tui.services import open_services

    open_services(f"sqlite:///{db}", actor="bench").close()


def write_import_csv(source: Path, rows: int) -> None:
    """A valid CSV of ``rows`` leads as a dealership exports it (cp1252, ``;``), unique phones."""
    import csv

    with source.open("w", encoding="cp1252", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Nome", "Telefone", "E-mail", "Veículo", "Valor", "Origem", "Mensagem"])
        for n in range(rows):
            writer.writerow(
                [
                    f"Cliente {n} da Silva",
                    f"(11) 9{6000 + n // 10_000:04}-{n % 10_000:04}",
                    f"cliente{n}@example.com",
                    "Jeep Compass Longitude 2.0 2021",
                    "R$ 139.900,00",
                    "Webmotors",
                    "Olá, o carro ainda está disponível?",
                ]
            )


def import_figure(repeat: int = 3) -> float:
    """Milliseconds for ``cockpit import`` of 10,000 CSV rows into a store (median of ``repeat``).

    The whole command, as a user runs it: process start, reading and
    validating every row (phones through phonenumbers), writing in chunks.
    """
    import tempfile

    results = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "leads.csv"
        write_import_csv(source, 10_000)
        cockpit = Path(sys.executable).parent / "cockpit"
        for attempt in range(repeat):
            db = Path(folder) / f"import-{attempt}.sqlite"
            create_store(db)  # the store exists before the timed run, as in daily use
            started = time.perf_counter()
            done = subprocess.run(
                [str(cockpit), "--db", f"sqlite:///{db}", "import", str(source)],
                capture_output=True,
                text=True,
                check=False,
            )
            results.append((time.perf_counter() - started) * 1000)
            if done.returncode != 0 or "Importados: 10000" not in done.stdout:
                raise RuntimeError(f"import failed: {done.stdout} {done.stderr}")
    return statistics.median(results)


def main() -> int:
    """Run the benchmarks and write bench/README.md."""
    parser = argparse.ArgumentParser(description="cockpit-tui benchmarks")
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    cache_bytecode()
    rows: dict[str, dict[int, str]] = {}

    def put(name: str, size: int, value: str) -> None:
        rows.setdefault(name, {})[size] = value

    for size in sizes:
        db = store_for(size)
        frames = [first_frame(db) for _ in range(5)]
        put(
            "exec → first frame with six headers and counts (median of 5)",
            size,
            f"{statistics.median(f[0] for f in frames) * 1000:.0f} ms",
        )
        put("peak RSS of the app (max of 5)", size, f"{max(f[1] for f in frames) / 1024:.0f} MB")
        put("App start → first board frame (median of 5)", size, f"{app_start_figure(db):.0f} ms")
        for name, value in interactive_figures(db).items():
            unit = "MB" if "MB" in name else "ms"
            put(f"app: {name.replace(' (MB)', '')}", size, f"{value:.0f} {unit}")
        for name, value in search_figures(db).items():
            put(f"app: {name}", size, f"{value:.0f} ms")
        for name, value in list_figures(db).items():
            unit = "MB" if "MB" in name else "ms"
            put(f"app: {name.replace(' (MB)', '')}", size, f"{value:.0f} {unit}")
        for name, value in service_figures(db).items():
            put(f"services: {name}", size, f"{value:.2f} ms")

    put("cockpit import of 10,000 CSV rows (median of 3)", sizes[0], f"{import_figure():.0f} ms")

    budget = {
        "cockpit import of 10,000 CSV rows (median of 3)": "≤ 2 s",
        "exec → first frame with six headers and counts (median of 5)": (
            "≤ 500 ms (1k) / ≤ 600 ms (100k)"
        ),
        "peak RSS of the app (max of 5)": "≤ 80 MB (1k) / ≤ 100 MB (100k)",
        "App start → first board frame (median of 5)": "≤ 100 ms (1k) / ≤ 150 ms (100k)",
        "app: move median": "≤ 50 ms",
        "app: move p95": "≤ 100 ms",
        "app: page scroll median": "≤ 35 ms",
        "app: page scroll p95": "≤ 35 ms",
        "app: another process's change visible (max of 10)": "≤ 1 s",
        "app: peak RSS after all of the above": "≤ 80 MB (1k) / ≤ 100 MB (100k)",
        "app: search: keystroke → narrowed frame median": "≤ 100 ms (1k) / ≤ 150 ms (100k)",
        "app: search: keystroke → narrowed frame p95": "≤ 100 ms (1k) / ≤ 150 ms (100k)",
        "app: list: v → list painted (median of 5)": "≤ 150 ms (100k)",
        "app: list: move median": "≤ 50 ms",
        "app: list: move p95": "≤ 100 ms",
        "app: list: page scroll median": "≤ 35 ms",
        "app: list: page scroll p95": "≤ 35 ms",
        "app: list: peak RSS": "≤ 80 MB (1k) / ≤ 100 MB (100k)",
    }
    header = "| what | " + " | ".join(f"{s:,} leads" for s in sizes) + " | budget (DESIGN §9) |"
    lines = [header, "|" + "---|" * (len(sizes) + 2)]
    for name, values in rows.items():
        cells = " | ".join(values.get(size, "—") for size in sizes)
        lines.append(f"| {name} | {cells} | {budget.get(name, '—')} |")
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d}"
    )
    table = "\n".join([f"Measured on {machine}.", "", *lines])
    print(table)
    text = README.read_text() if README.exists() else ""
    start, end = "<!-- RESULTS -->", "<!-- /RESULTS -->"
    if start in text and end in text:
        text = text.split(start)[0] + start + "\n" + table + "\n" + end + text.split(end)[1]
        README.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
