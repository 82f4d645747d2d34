"""Whatever a feed line or an import row holds, it is applied or rejected with a reason.

Property tests over arbitrary JSON values and strings (issue 20, item 1): the
event parser and the row validator never raise, and what they accept the
store takes. Bounded in `make test`; `make test-slow` runs many more examples.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cockpit_tui.domain.events import IncomingEvent, IngestProblem, parse_event
from cockpit_tui.domain.intake import LeadRecord, Rejection, validate
from cockpit_tui.i18n.translate import Translator
from cockpit_tui.services import Services, open_services
from cockpit_tui.services.clock import FrozenClock
from tests.conftest import NOW

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))

FIELDS = ["name", "phone", "email", "vehicle", "price", "source", "message", "date"]
FIELDS += ["external_id", "salesperson", "status"]
HEADERS = ["nome", "telefone", "email", "veiculo", "valor", "origem", "mensagem", "data", "id"]

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.text()
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
# Values near what a feed sends, so the parser's deeper paths are reached too.
plausible_text = st.one_of(
    st.text(),
    st.sampled_from(
        [
            "Maria Souza",
            "(11) 98765-4321",
            "+5511987654321",
            "maria@example.com",
            "139.900,00",
            "27/11/2026 09:14",
            "01/01/0001 00:00",
            "9999-12-31T23:59:59-05:00",
            "0001-01-01T00:00:00+14:00",
            "1e999999",
            "[/]",
            "\x1b]52;c;aGk=\x07",
            "wm-88213 ",
            "Nao\u0303",
        ]
    ),
)
field_values = st.one_of(plausible_text, json_values)


@st.composite
def event_lines(draw: st.DrawFn) -> str:
    """A feed line: arbitrary text, or an event-shaped JSON object with arbitrary values."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text())
    event: dict[str, Any] = {}
    optional = {
        "event": st.sampled_from(["lead.created", "message.received"]) | json_values,
        "id": st.text(min_size=1, max_size=30) | json_values,
        "at": field_values,
        "lead": st.dictionaries(st.sampled_from(HEADERS) | st.text(), field_values, max_size=6)
        | json_values,
        "text": field_values,
        "lead_id": st.integers() | field_values,
        "lead_external_id": field_values,
        "phone": field_values,
    }
    for key, values in optional.items():
        if draw(st.booleans()):
            event[key] = draw(values)
    return json.dumps(event)


rows = st.dictionaries(st.sampled_from(FIELDS), plausible_text, max_size=len(FIELDS))


@pytest.fixture(scope="module")
def shared_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One store for all examples (a new one each time would dominate the run)."""
    path = Path(tmp_path_factory.mktemp("props")) / "props.sqlite"
    opened = open_services(f"sqlite:///{path}", actor="feed", clock=FrozenClock(NOW))
    yield opened
    opened.close()


def _check_event_line(services: Services, line: str) -> None:
    parsed = parse_event(line, 7, default_at=NOW, zone=UTC)
    assert isinstance(parsed, IncomingEvent | IngestProblem)
    if isinstance(parsed, IngestProblem):
        assert parsed.line == 7
        assert Translator().has(parsed.reason), parsed.reason
    problems: list[IngestProblem] = []
    applied, repeated, bad = services.intake.ingest([line], on_problem=problems.append)
    assert applied + repeated + bad == (1 if line.strip() else 0)
    assert bad == len(problems)
    assert all(Translator().has(problem.reason) for problem in problems)


def _check_row(services: Services, row: dict[str, str]) -> None:
    from cockpit_tui.store.engine import write_connection
    from cockpit_tui.store.intake import apply_records

    checked = validate(row, zone=UTC)
    assert isinstance(checked, LeadRecord | Rejection)
    if isinstance(checked, Rejection):
        assert Translator().has(checked.reason), checked.reason
        return
    with write_connection(services.store.engine) as connection:
        result = apply_records(
            connection, [checked], actor="import", now=datetime(2026, 11, 27, tzinfo=UTC)
        )
    assert result.created + result.merged + result.already == 1


def _with(profile: settings, strategy: Any, check: Callable[[Services, Any], None]) -> Any:
    @profile
    @given(strategy)
    def run(shared_services: Services, value: Any) -> None:
        check(shared_services, value)

    return run


test_any_feed_line_is_applied_or_rejected_with_a_reason = _with(
    FAST, event_lines(), _check_event_line
)
test_any_import_row_is_imported_or_rejected_with_a_reason = _with(FAST, rows, _check_row)
test_many_feed_lines_are_applied_or_rejected_with_a_reason = pytest.mark.slow(
    _with(SLOW, event_lines(), _check_event_line)
)
test_many_import_rows_are_imported_or_rejected_with_a_reason = pytest.mark.slow(
    _with(SLOW, rows, _check_row)
)


def test_one_absurd_value_rejects_its_line_and_the_rest_of_the_feed_is_applied(
    services: Services,
) -> None:
    lead = {"name": "Maria Souza", "phone": "(11) 98765-4321", "external_id": "wm-1"}
    lines = [
        json.dumps({"event": "lead.created", "id": "e1", "lead": lead}),
        json.dumps(
            {
                "event": "message.received",
                "id": "e2",
                "at": "9999-12-31T23:59:59-05:00",
                "lead_external_id": "wm-1",
                "text": "oi",
            }
        ),
        '{"event": "message.received", "id": "e3", "lead_id": 100000000000000000000000000, '
        '"text": "oi"}',
        "[" * 10_000,
        json.dumps(
            {"event": "message.received", "id": "e4", "lead_external_id": "wm-1", "text": "Aceita?"}
        ),
    ]
    problems: list[IngestProblem] = []
    counts = services.intake.ingest(lines, on_problem=problems.append)
    assert counts == (2, 0, 3)
    assert [(p.line, p.reason, p.values) for p in problems] == [
        (2, "ingest.bad_field", {"field": "at"}),
        (3, "ingest.bad_field", {"field": "lead_id"}),
        (4, "ingest.not_json", {}),
    ]
    card = services.board.leads_in_board_order(None)[0]
    assert card.unread_count == 1, "the good reply after the bad lines was applied"


def test_a_year_one_date_rejects_its_row_and_the_good_rows_are_imported(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "datas.csv"
    path.write_text(
        "nome;telefone;data\nAna;11987654321;01/01/0001 00:00\nBia;11987654322;01/01/2020 10:00\n",
        encoding="utf-8",
    )
    summary = services.intake.import_file(path)
    assert summary.imported == 1
    assert [(row.line, rejection.reason) for row, rejection in summary.rejected] == [
        (2, "intake.bad_date")
    ]
