"""English messages."""

MESSAGES: dict[str, str] = {
    # errors
    "error.generic": "Something went wrong. Nothing was changed.",
    "error.lead_not_found": "There is no lead with id {lead_id}.",
    "error.move_conflict": (
        "Lead {lead_id} changed since you saw it (version {seen_version}, now "
        "{current_version}): {moved_by_text} to {status_label}. Nothing was overwritten."
    ),
    "error.move_conflict.moved_by": "{moved_by} moved it",
    "error.move_conflict.someone": "someone else changed it",
    "error.nothing_to_undo": "You have no move to undo.",
    "error.invalid_input": "Invalid value.",
    "error.store_unavailable": (
        "Could not open the database ({reason}). Check the --db path and its permissions; "
        "nothing was changed."
    ),
    "error.store_cannot_create": (
        "Could not create the database at {path}. Check the folder's permissions or choose "
        "another path with --db."
    ),
    "error.store_missing": "The database {path} does not exist.",
    "error.bad_db_url": (
        "Unsupported database URL: {url}. Use sqlite:///path/file.sqlite or "
        "postgresql+psycopg://user@host/dbname."
    ),
    "error.schema_too_new": (
        "This database was written by a newer cockpit-tui (schema {found}; this version "
        "knows up to {supported}). Upgrade cockpit-tui."
    ),
    "error.migration_failed": (
        "Upgrading the schema to version {version} failed; the database stays at version "
        "{kept} with all its data. A backup was made first."
    ),
    "error.backup_failed": "The backup failed ({reason}); no file was left behind.",
    "error.backup_same_file": "The backup destination is the database itself. Pick another file.",
    "error.backup_destination_is_dir": "{path} is a folder. Give the backup's file name.",
    "error.backup_no_folder": "The folder {path} does not exist.",
    "error.pg_dump_missing": (
        "Backing up a PostgreSQL store needs pg_dump (package postgresql-client)."
    ),
    "error.name_required": "A lead needs a name.",
    "error.bad_phone": "Invalid phone number.",
    "error.empty_message": "The message is empty.",
    "error.empty_reply": "The reply is empty: write something before sending.",
    "error.already_in_status": "The lead is already in {status_label}.",
    "error.negotiation_still_open": (
        "Lead {lead_id} is still being negotiated; only sold or not-sold leads can start "
        "a new negotiation."
    ),
    "error.bad_status": "Unknown status: {value}. Use one of: {choices}.",
    "error.bad_plan": "Unknown plan: {value}. Use crm, smart or smart-plus.",
    "error.bad_lang": "Unknown language: {value}. Use pt or en.",
    "error.demo_with_db": "--demo uses its own demo store; do not combine it with --db.",
    "error.interrupted": "Interrupted. Nothing half-done was saved.",
    # command line
    "cli.description": (
        "cockpit: lead manager (Kanban) for car-dealership salespeople, in the terminal."
    ),
    "cli.epilog": "Without a subcommand, opens the store's board.",
    "cli.demo": "use the demo store (separate from the real store)",
    "cli.db": "database URL (SQLAlchemy); default: a file in the user data folder",
    "cli.user": "your salesperson name (default: the OS user)",
    "cli.lang": "language: pt or en",
    "cli.json": "output JSON",
    "cli.leads": "list leads in board order",
    "cli.leads.status": "only leads in this status (code, number or label)",
    "cli.move": "move a lead to another status",
    "cli.move.lead": "lead id",
    "cli.move.status": "target status (code, number 1–6 or label)",
    "cli.move.expect": "refuse the move unless the lead is at this version",
    "cli.plan": "show or change the store's plan",
    "cli.plan.value": "new plan: crm, smart or smart-plus",
    "cli.backup": "copy the database safely, even while in use",
    "cli.backup.dest": "destination file",
    "cli.version": "show the version",
    "cli.moved": "Lead {lead_id} moved from {from_label} to {to_label} (version {version}).",
    "cli.plan_is": "Store plan: {plan}.",
    "cli.plan_set": "Store plan changed to {plan}.",
    "cli.backup_done": "Backup written to {path}.",
    "cli.backup_progress": "Copying the database",
    "cli.migrating": "Upgrading the database schema",
    "cli.migrated": "Database upgraded from version {old} to {new}; previous copy at {path}.",
    "cli.no_leads": "No leads.",
    "cli.unassigned": "Unassigned",
    "cli.attention": "attention",
    "cli.unread": "{count} unread",
    # the app
    "app.title": "Cockpit · Lead manager",
    "app.header": "{plan} · {user} · {attention} need attention",
    "app.empty_store": (
        "No leads yet. Import a file (cockpit import FILE), feed events (cockpit ingest -) "
        "or try the demo: cockpit --demo"
    ),
    "app.quit": "Quit",
    "app.store_error": "Could not read the database: {reason}",
    # the board
    "board.moved": "Moved to {status} — u undoes",
    "board.undone": "Undone: back to {status}",
    "board.assigned_to_me": "Lead assigned to you",
    "board.already_first": "This lead is already in the first column.",
    "board.already_last": "This lead is already in the last column.",
    "board.nothing_urgent": "No lead is waiting for an answer right now.",
    "board.column_empty": "No leads here",
    "board.list_needs_plan": (
        "The list view comes with the CRM Smart and CRM +Smart plans; this store is on "
        "the CRM plan. Change it with: cockpit plan smart"
    ),
    "board.list_not_in_this_version": "The list view is not in this version yet.",
    "card.new": "NEW",
    "card.no_vehicle": "No vehicle given",
    "card.unassigned": "Unassigned",
    "card.appointment": "{when}",
    "card.overdue": "{when} overdue",
    "picker.title": "Move the lead to…",
    "picker.current": "current",
    "picker.hint": "1–6 picks · enter confirms · esc cancels",
    "board.palette_key": "Commands",
    "palette.move_to": "Move to {status}",
    "palette.move_to.help": "Moves the selected lead",
    "palette.assign_to_me": "Assign to me",
    "palette.assign_to_me.help": "You become the selected lead's salesperson",
    "palette.undo": "Undo the last move",
    "palette.undo.help": "Moves back the lead you moved last",
    "palette.next_urgent": "Next urgent lead",
    "palette.next_urgent.help": "Unread replies, new leads and today's visits",
    "palette.switch_view": "Switch view (cards/list)",
    "palette.switch_view.help": "List: CRM Smart and CRM +Smart plans",
    "palette.help": "Help",
    "palette.help.help": "Every key of this screen",
    # intake
    "cli.import": "imports leads from a CSV or JSON file",
    "cli.import.file": "CSV file (; or , separated) or JSON",
    "cli.import.encoding": "force the encoding (default: UTF-8, then Windows-1252)",
    "cli.import.dry_run": "only validate and count; write nothing",
    "cli.import_progress": "Importing",
    "cli.import_summary": (
        "Imported: {imported} · added to open leads: {merged} · "
        "imported before: {already} · rejected: {rejected}"
    ),
    "cli.import_rejects": "Rejected rows in {path} (line, reason and the original row).",
    "cli.import_rejects_unwritable": (
        "Could not write {path} (the folder is not writable); the rejected rows follow:"
    ),
    "cli.import_dry": "Dry run: nothing was written.",
    "cli.ingest": "applies NDJSON events (one per line) from a file or standard input",
    "cli.ingest.file": "NDJSON file, or - for standard input (default)",
    "cli.ingest_problem": "line {line}: {reason}",
    "cli.ingest_summary": "Events applied: {applied} · repeated (ignored): {repeated} · bad: {bad}",
    "cli.outbox": "replies waiting for delivery, for a connector (ack ID confirms one)",
    "cli.outbox.action": "ack: confirm the delivery of reply ID",
    "cli.outbox.id": "id of the delivered reply",
    "cli.outbox_empty": "No reply waiting for delivery.",
    "cli.outbox_acked": "Reply {reply_id} marked as delivered.",
    "cli.outbox_needs_id": "Give the id: cockpit outbox ack ID",
    "outbox.unknown": "No reply with id {reply_id} is waiting in the outbox.",
    "outbox.already": "Reply {reply_id} was already marked as delivered.",
    "intake.no_file": "The file {path} does not exist.",
    "intake.unreadable": "Could not read {path}; check the permissions.",
    "intake.unknown_encoding": "Unknown encoding: {encoding}.",
    "intake.bad_encoding": "The file is not in {tried}. Give its encoding with --encoding.",
    "intake.empty_file": "The file is empty.",
    "intake.no_name_column": (
        "The header has no name column (nome or name). The file's first line must be the header."
    ),
    "intake.bad_csv": "The CSV is malformed near line {line} (an unclosed quote?).",
    "intake.bad_json": "The JSON is malformed (line {line}).",
    "intake.json_not_array": "The JSON must be a list of objects, one per lead.",
    "intake.missing_name": "no name",
    "intake.missing_contact": "no phone or e-mail",
    "intake.bad_phone": "invalid phone",
    "intake.bad_email": "invalid e-mail",
    "intake.bad_price": "invalid price (use 139.900,00 or 139900)",
    "intake.bad_date": "invalid date (use dd/mm/yyyy hh:mm or ISO 8601)",
    "intake.bad_status": "unknown status",
    "intake.field_too_long": "field {field} has {size} characters (at most 50,000)",
    "ingest.not_json": "not JSON",
    "ingest.not_object": "not a JSON object",
    "ingest.missing_field": "missing field {field}",
    "ingest.bad_field": "invalid field {field}",
    "ingest.unknown_event": "unknown event: {event}",
    "ingest.unknown_lead": "the message matches no lead",
}
