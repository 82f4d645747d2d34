"""Import files: reading CSV or JSON in the encodings Brazilian exports use, and
writing the rejects file next to them."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.intake import Rejection, field_of
from cockpit_tui.services.source_lines import line_rows, one_record_per_line
from cockpit_tui.services.source_rows import SourceRow, neutralise_cell, restore_cell

#: Encodings tried in order when none is given: UTF-8 (with or without BOM), then
#: Windows-1252, the encoding of a Brazilian Excel export. Never latin-1, which
#: decodes anything and turns “ ” € into control characters.
AUTO_ENCODINGS = ("utf-8-sig", "cp1252")
#: Largest file imported (a store's export is megabytes; /dev/zero never ends).
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Bytes looked at to tell a binary file from text.
_SNIFF_BYTES = 64 * 1024
#: Byte-order marks of the UTF-16 and UTF-32 files some Windows tools write (32 first:
#: its little-endian mark starts like UTF-16's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_UTF16_BOMS = tuple(bom for bom, _ in _BOMS)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file read and split into rows.

    Attributes:
        rows: The data rows (of a CSV file whose every record is one line, parsed when
            asked for: see :mod:`~cockpit_tui.services.source_lines`).
        header: The header row as written (CSV) or the keys seen (JSON).
        delimiter: The CSV delimiter (";" or ",").
        encoding: The encoding the file was read with.
        size: The file's size in bytes when it was read.
        open_ended: Its last row has no line break: it may still be being written.
    """

    rows: Sequence[SourceRow]
    header: list[str]
    delimiter: str
    encoding: str
    size: int = 0
    open_ended: bool = False


def read_source(path: Path, *, encoding: str | None = None) -> SourceFile:
    """Read a CSV (";" or "," detected, header required) or JSON (array of objects) file.

    Raises:
        InvalidInputError: missing, unreadable, too big or binary file, a folder,
            unknown encoding, no header, no name column, or JSON that is not an
            array of objects (or is nested too deep).
    """
    data = _read_capped(path)
    text, used = _decode(data, encoding)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("[", "{")):
        return _read_json(text, used)
    source = _read_csv(text, used)
    # A last line without its line break may be a row still being written.
    open_ended = bool(source.rows) and not text.endswith(("\n", "\r"))
    return replace(source, size=len(data), open_ended=open_ended)


def _read_capped(path: Path) -> bytes:
    """The file's bytes, refusing folders, devices that never end and huge files."""
    if path.is_dir():
        raise InvalidInputError("intake.is_folder", path=str(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            if b"\x00" in head and not head.startswith(_UTF16_BOMS):
                raise InvalidInputError("intake.binary_file", path=str(path))
            data = head + handle.read(MAX_FILE_BYTES + 1 - len(head))
    except FileNotFoundError as error:
        raise InvalidInputError("intake.no_file", path=str(path)) from error
    except OSError as error:
        raise InvalidInputError("intake.unreadable", path=str(path)) from error
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInputError("intake.file_too_big", path=str(path), limit=MAX_FILE_BYTES >> 20)
    return data


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is None:
        for bom, name in _BOMS:
            if data.startswith(bom):
                try:
                    return data[len(bom) :].decode(name), name
                except UnicodeDecodeError as error:
                    raise InvalidInputError("intake.bad_encoding", tried=name) from error
    candidates = (encoding,) if encoding else AUTO_ENCODINGS
    for candidate in candidates:
        try:
            return data.decode(candidate), candidate
        except LookupError as error:
            raise InvalidInputError("intake.unknown_encoding", encoding=candidate) from error
        except UnicodeDecodeError:
            continue
    raise InvalidInputError("intake.bad_encoding", tried=", ".join(candidates))


def _read_csv(text: str, encoding: str) -> SourceFile:
    csv.field_size_limit(MAX_FILE_BYTES)  # long fields are refused row by row, not fatally
    lines = text.splitlines(keepends=True)  # a line break is blank to strip() and no delimiter
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise InvalidInputError("intake.empty_file")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows: Sequence[SourceRow]
    if one_record_per_line(text, lines, delimiter):
        # The rows' cells are parsed when asked for, by the workers that check them.
        header, rows = line_rows(lines, delimiter)
    else:
        header, rows = _parsed_whole(lines, delimiter)
    return SourceFile(rows, header, delimiter, encoding)


def _parsed_whole(lines: list[str], delimiter: str) -> tuple[list[str], list[SourceRow]]:
    """The header and every row of a CSV file, parsed now (a record may span lines)."""
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] = []
    rows: list[SourceRow] = []
    add = rows.append
    start = 1
    known: Sequence[str] = ()  # the columns' fields when every column is a lead field
    try:
        for values in reader:
            line = start
            start = reader.line_num + 1
            joined = "".join(values)
            if not joined.strip():  # a blank line (every cell blank)
                continue
            if not header:
                header = values
                fields = [field_of(name) for name in header]
                if "name" not in fields:
                    raise InvalidInputError("intake.no_name_column")
                if None not in fields:
                    known = tuple(name for name in fields if name is not None)
                continue
            if known and "'" not in joined:
                # The common row: nothing to restore, no column to leave out.
                add(SourceRow(line, values, None, known))
            else:
                row = {
                    name: restore_cell(value)
                    for name, value in zip(fields, values, strict=False)
                    if name is not None
                }
                add(SourceRow(line, values, row))
    except csv.Error as error:
        raise InvalidInputError("intake.bad_csv", line=str(start)) from error
    return header, rows


def _read_json(text: str, encoding: str) -> SourceFile:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInputError("intake.bad_json", line=str(error.lineno)) from error
    except RecursionError as error:
        raise InvalidInputError("intake.json_too_deep") from error
    except ValueError as error:  # an integer of thousands of digits
        raise InvalidInputError("intake.bad_json", line="?") from error
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise InvalidInputError("intake.json_not_array")
    keys: list[str] = []
    rows = []
    for position, item in enumerate(items, start=1):
        fields: dict[str, str] = {}
        for key, value in item.items():
            name = field_of(str(key))
            if key not in keys:
                keys.append(str(key))
            if name is not None and value is not None:
                fields[name] = value if isinstance(value, str) else json.dumps(value)
        rows.append(SourceRow(position, [json.dumps(item, ensure_ascii=False)], fields))
    return SourceFile(rows, keys, ",", encoding)


def write_rejects(
    path: Path,
    source: SourceFile,
    rejected: list[tuple[SourceRow, Rejection]],
    describe: Callable[[Rejection], str],
) -> None:
    """``FILE.rejects.csv``: line, reason, then the row as it was (UTF-8 with BOM, for Excel).

    The file holds names and phones, so it is owner-only (0600), written
    through a new temporary file (never a planted symlink) and renamed into
    place. Cells a spreadsheet would run as a formula are neutralised (see
    :func:`neutralise_cell`); importing the file again reads them back as written.
    """
    from cockpit_tui.store.fileperms import private_partial

    partial = private_partial(path)
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, delimiter=source.delimiter)
            writer.writerow(["linha", "motivo", *map(neutralise_cell, source.header)])
            for row, rejection in rejected:
                cells = [describe(rejection), *row.original]
                writer.writerow([row.line, *map(neutralise_cell, cells)])
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
