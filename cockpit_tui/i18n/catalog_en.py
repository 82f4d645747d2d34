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
    "error.nothing_to_undo": "Nothing of yours to undo (move, assignment or handled).",
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
    "app.header": "{plan} · {user} · {attention}",
    "app.empty_store": (
        "No leads yet. Import a file (cockpit import FILE), feed events (cockpit ingest -) "
        "or try the demo: cockpit --demo"
    ),
    "app.quit": "Quit",
    "app.store_error": "Could not read the database: {reason}",
    # the board
    "board.moved": "Moved to {status} — u undoes",
    "board.undone": "Undone: {name} back to {status}",
    "board.assigned_to_me": "Lead assigned to you",
    "board.already_first": "This lead is already in the first column.",
    "board.already_last": "This lead is already in the last column.",
    "board.nothing_urgent": "No lead is waiting for an answer right now.",
    "board.column_empty": "No leads here",
    "board.list_needs_plan": (
        "The list view comes with the CRM Smart and CRM +Smart plans; this store is on "
        "the CRM plan. Change it with: cockpit plan smart"
    ),
    "card.read_reply": "✉ read",
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
    "cli.import_interrupted": (
        "Import interrupted: {done} of {total} rows of the file are already in the store "
        "(in whole chunks; nothing half-done). Run the same command again to continue: "
        "the rows already in are skipped."
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
    # the lead screen, its forms and the team
    "cli.team": "show or change the store's team of salespeople",
    "cli.team.action": "add: add a salesperson; remove: remove one",
    "cli.team.name": "the salesperson's name",
    "cli.team_added": "{name} is now on the team.",
    "cli.team_already": "{name} was already on the team.",
    "cli.team_removed": "{name} left the team (leads assigned to {name} keep the name).",
    "cli.team_empty": "The team has no salespeople yet. Add one with: cockpit team add NAME",
    "cli.team_needs_name": "Give the name: cockpit team {action} NAME",
    "team.empty_name": "The salesperson's name is empty.",
    "team.not_member": "{name} is not on the team. See the team with: cockpit team",
    "form.hint": "ctrl+s saves · tab changes field · esc closes without saving",
    "form.text_hint": "ctrl+s or ctrl+j sends · esc keeps the draft",
    "form.bad_datetime": (
        "Invalid date and time: use yyyy-mm-dd hh:mm, e.g. {example:%Y-%m-%d} 14:30."
    ),
    "form.past_datetime": "That date and time have passed: pick a moment in the future.",
    "form.video_needs_plan": (
        "Video calls are part of the CRM +Smart plan. Choose a visit or a call back, or "
        "change the plan with: cockpit plan smart-plus"
    ),
    "form.choose_kind": "Choose the kind: visit, call back or video call.",
    "form.choose_answer": "Choose whether it happened.",
    "form.choose_reason": "Choose a reason from the list (↑/↓ and space).",
    "form.choose_salesperson": "Choose a salesperson from the list.",
    "form.bad_price": "Invalid price: use 139,900.00 or 139900.",
    "form.trade_in_required": "For a trade with change, give the vehicle taken in trade.",
    "form.lost_other_needs_text": 'With the reason "other", say in a few words what happened.',
    "form.empty_note": "The note is empty: write something before saving.",
    "form.outcome_wrong_status": "The lead is no longer in {status_label}; nothing was recorded.",
    "form.unknown_appointment": "That appointment no longer exists.",
    "form.appointment_resolved": "That appointment was already marked as done or not.",
    "reply.title": "Reply to {name}",
    "reply.placeholder": "Write the reply to the customer…",
    "note.title": "New note",
    "note.placeholder": "What happened? (a call, an agreement, a remark…)",
    "schedule.title": "Schedule with {name}",
    "schedule.after_move": "Schedule {name}'s visit (esc skips; the lead was already moved)",
    "schedule.kind": "Kind",
    "schedule.when": "Date and time (yyyy-mm-dd hh:mm or dd/mm/yyyy hh:mm)",
    "schedule.video_unavailable": "{kind} — unavailable: CRM +Smart plan only",
    "appointment.visit": "Store visit",
    "appointment.call_back": "Call back",
    "appointment.video_call": "Video call",
    "visit.title": "{kind} on {when}: did it happen?",
    "visit.hint": "y yes · n no · esc closes",
    "visit.occurred": "Yes, it happened",
    "visit.missed": "No, it did not happen",
    "sale.title": "Sale to {name} (optional · esc skips; the lead was already moved)",
    "sale.hint": "ctrl+s or enter saves · tab changes field · esc skips",
    "sale.price": "Final price (R$)",
    "sale.method": "Payment method",
    "sale.trade_in": "Vehicle taken in trade",
    "sale.trade_in_placeholder": "e.g. VW Gol 1.0 2015",
    "payment.cash": "Cash",
    "payment.financing": "Financing",
    "payment.consortium": "Consortium",
    "payment.trade_in": "Trade-in with change",
    "lost.title": "Why did {name} not buy? (esc skips; the lead was already moved)",
    "lost.hint": "↑/↓ and space choose · ctrl+s saves · esc skips",
    "lost.reason": "Reason",
    "lost.note": "Details (optional)",
    "lost.note_placeholder": "e.g. found it cheaper elsewhere",
    "lost_reason.price": "Price",
    "lost_reason.bought_elsewhere": "Bought at another store",
    "lost_reason.financing_denied": "Financing denied",
    "lost_reason.gave_up": "Gave up",
    "lost_reason.no_contact": "No contact",
    "lost_reason.other": "Other",
    "assign.title": "Assign the lead to…",
    "assign.hint": "↑/↓ choose · enter confirms · esc closes",
    "assign.current": "current",
    "lead.title": "Lead #{lead_id} · {status}",
    "lead.loading": "Loading the lead…",
    "lead.conversation": "Conversation",
    "lead.history": "History",
    "lead.no_messages": "No messages yet. r replies to the customer.",
    "lead.unread": "{count} unread",
    "lead.new_message": "new",
    "lead.delivered": "delivered",
    "lead.queued": "in the outbox",
    "lead.phone": "Phone",
    "lead.email": "E-mail",
    "lead.source": "Source",
    "lead.vehicle": "Vehicle",
    "lead.price": "Price",
    "lead.status": "Status",
    "lead.salesperson": "Salesperson",
    "lead.arrived": "Arrived",
    "lead.age": "negotiating {age}",
    "lead.next_appointment": "Next appointment",
    "lead.other_negotiations": "Other negotiations:",
    "lead.replied": "Reply queued in the outbox",
    "lead.noted": "Note saved",
    "lead.scheduled": "Appointment scheduled",
    "lead.visit_recorded": "Appointment recorded",
    "lead.handled": "Marked as handled: the lead leaves the top of its column",
    "lead.no_phone": "This lead has no phone number; there is no WhatsApp link.",
    "lead.whatsapp_copied": "Link copied: {link}",
    "lead.assigned": "Lead assigned to {name}",
    "lead.renegotiated": (
        "New negotiation #{lead_id} in New proposal (the previous one, #{old_id}, stays in "
        "the history)"
    ),
    "lead.saved": "Saved",
    "history.created": "Lead arrived ({source})",
    "history.created_plain": "Lead arrived",
    "history.renegotiated": "New negotiation from lead #{lead_id}",
    "history.moved": "moved from {from_label} to {to_label}",
    "history.undone": "(undone)",
    "history.assigned": "assigned to {name}",
    "history.unassigned": "left it unassigned",
    "history.note": "noted: {text}",
    "history.scheduled": "scheduled {kind} for {when}",
    "history.occurred": "recorded: {kind} on {when} happened",
    "history.missed": "recorded: {kind} on {when} did not happen",
    "history.sold": "recorded the sale: {details}",
    "history.lost": "recorded the loss: {details}",
    "history.trade_in": "trade-in: {vehicle}",
    # the list view
    "list.badge": "✉",
    "list.name": "Customer",
    "list.status": "Status",
    "list.vehicle": "Vehicle",
    "list.price": "Price",
    "list.source": "Source",
    "list.salesperson": "Salesperson",
    "list.activity": "Last activity",
    "list.arrived": "Arrived",
    "list.attention": "Attention",
    "list.all": "All",
    "list.empty": "No leads here",
    "list.sorted_by": "Sorted by {column} {arrow}",
    "help.needs_smart": "not on the CRM plan (list: CRM Smart and CRM +Smart)",
    "board.list_plan_dropped": (
        "The store moved to the CRM plan, which has no list view: back to the cards."
    ),
    # search and filters
    "search.placeholder": (
        "Search name, phone, e-mail, vehicle, source or messages (enter keeps, esc clears)"
    ),
    "search.active": "search: {text}",
    "filter.title": "Quick filters (they combine with the search)",
    "filter.hint": "enter toggles · esc closes · F clears them all",
    "filter.mine": "Only mine",
    "filter.unassigned": "Unassigned",
    "filter.attention": "Need attention",
    "filter.unread": "Unread replies",
    "filter.overdue": "Overdue appointment",
    "filter.stale": "Stale ({stale}, …)",
    "filter.days": "days in",
    "filter.source": "Source: {value}",
    "filter.salesperson": "Salesperson: {value}",
    "filter.anyone": "anyone",
    "filter.any": "any",
    "filter.mine.short": "mine",
    "filter.unassigned.short": "unassigned",
    "filter.attention.short": "attention",
    "filter.unread.short": "unread",
    "filter.overdue.short": "overdue",
    "filter.stale.short": "stale",
    "filter.source.short": "source: {source}",
    "filter.salesperson.short": "salesperson: {name}",
    "filter.cleared": "Quick filters off",
    "prefs.unwritable": "Could not keep your filters in {path}; they last for this session only.",
    # keys (binding descriptions, by binding id)
    "key.app.quit": "Quit",
    "key.board.column_left": "Previous column",
    "key.board.column_right": "Next column",
    "key.board.open": "Open",
    "key.board.reply": "Reply",
    "key.board.move_next": "Forward",
    "key.board.move_previous": "Back",
    "key.board.move_to": "Move",
    "key.board.undo": "Undo",
    "key.board.assign_to_me": "To me",
    "key.board.next_urgent": "Urgent",
    "key.board.search": "Search",
    "key.board.filters": "Filters",
    "key.board.clear_filters": "Clear filters",
    "key.board.clear_search": "Clear the search",
    "key.board.switch_view": "Cards/list",
    "key.board.sort": "Sort",
    "key.board.sort_reverse": "Reverse sort",
    "key.board.list_all": "All statuses",
    "key.board.column_1": "Go to New proposal",
    "key.board.column_2": "Go to Negotiating",
    "key.board.column_3": "Go to Awaiting visit",
    "key.board.column_4": "Go to Visit done",
    "key.board.column_5": "Go to Sold",
    "key.board.column_6": "Go to Not sold",
    "key.board.up": "Card above",
    "key.board.down": "Card below",
    "key.board.page_up": "Page up",
    "key.board.page_down": "Page down",
    "key.board.first": "First card",
    "key.board.last": "Last card",
    "key.board.help": "Help",
    "key.lead.back": "Back",
    "key.lead.reply": "Reply",
    "key.lead.schedule": "Schedule",
    "key.lead.move_to": "Move",
    "key.lead.handled": "Handled",
    "key.lead.note": "Note",
    "key.lead.whatsapp": "WhatsApp",
    "key.lead.new_negotiation": "New negotiation",
    "key.lead.visit_result": "Appointments",
    "key.lead.move_next": "Forward",
    "key.lead.move_previous": "Previous status",
    "key.lead.assign_to_me": "To me",
    "key.lead.assign_to": "Assign to…",
    "key.lead.help": "Help",
    "key.help.close": "Close",
    "key.picker.cancel": "Cancel",
    "key.picker.status_1": "New proposal",
    "key.picker.status_2": "Negotiating",
    "key.picker.status_3": "Awaiting visit",
    "key.picker.status_4": "Visit done",
    "key.picker.status_5": "Sold",
    "key.picker.status_6": "Not sold",
    "key.filters.close": "Close",
    "key.form.cancel": "Cancel",
    "key.form.submit": "Save",
    "key.form.send": "Send",
    "key.visit.yes": "Yes",
    "key.visit.no": "No",
    # keymap
    "keymap.title": "Keys (keymap.toml)",
    "keymap.unreadable": "Could not read {path} ({reason}); the default keys apply.",
    "keymap.unknown_id": 'Unknown action "{id}": ignored (see the ids in the README).',
    "keymap.bad_key": 'Invalid key "{key}" for "{id}": the default key applies.',
    # palette
    "palette.filter_on": "Filter: {name}",
    "palette.filter_off": "Remove the filter: {name}",
    "palette.filter.help": "Quick filters (f)",
    "palette.language": "Language: Português",
    "palette.jump": "Go to {name} · {status} · #{lead_id}",
    "palette.jump.help": "Selects the lead on the board",
    # store settings (cockpit settings; domain/store_settings.py)
    "cli.settings": "show or change the store's settings",
    "cli.settings.reset": "put KEY back to its default",
    "settings.unset": "(not set)",
    "settings.secret_set": "set",
    "settings.default": "default",
    "error.setting.invalid": "Invalid value for {key}.",
    "error.setting.unknown": "Unknown setting: {key}. The settings are: {keys}.",
    "error.setting.int_range": "Invalid value for {key}: use a whole number from {low} to {high}.",
    "error.setting.choices": "Invalid value for {key}: use one of: {choices}.",
    "error.setting.too_long": "Value too long for {key}: at most {limit} characters.",
    "error.setting.token": "Invalid value for {key}: use the token as issued, without spaces.",
    "error.setting.digits": "Invalid value for {key}: use digits only.",
    "error.setting.timezone": "Unknown time zone for {key}: use a name like America/Sao_Paulo.",
    "error.setting.url": "Invalid address for {key}: use http:// or https:// and the host.",
    "error.setting.reset_with_value": "Use --reset without a value: cockpit settings KEY --reset",
    "error.setting.needs_key": "Name the setting: cockpit settings KEY [VALUE]",
    "setting.store_name": "store_name: the store's name, used in reply templates ({loja}).",
    "setting.timezone": "timezone: the store's time zone (default America/Sao_Paulo).",
    "setting.sla_minutes": (
        "sla_minutes: first-response target in business minutes (1 to 1440; default 5)."
    ),
    "setting.distribution": (
        "distribution: off (default) or round-robin (rotation among the salespeople on duty)."
    ),
    "setting.rescue_minutes": (
        "rescue_minutes: business minutes without a first response before a lead goes back "
        "to distribution (default 30; 0 = never)."
    ),
    "setting.retention_months": (
        "retention_months: months without activity before customers whose negotiations are "
        "all closed are anonymised (1 to 240, or off; default off)."
    ),
    "setting.whatsapp_phone_number_id": (
        "whatsapp_phone_number_id: the phone number id in the WhatsApp Business API (digits)."
    ),
    "setting.whatsapp_access_token": "whatsapp_access_token: the API access token (secret).",
    "setting.whatsapp_app_secret": (
        "whatsapp_app_secret: the app secret that signs the webhooks (secret)."
    ),
    "setting.whatsapp_verify_token": (
        "whatsapp_verify_token: the webhook verification token (secret)."
    ),
    "setting.whatsapp_api_base": (
        "whatsapp_api_base: the Graph API base address (default Meta's, version pinned)."
    ),
    # issue 14: the salesperson's day (leads by hand, edits, agenda, reply templates)
    "entry.name_required": "Type the customer's name.",
    "entry.contact_required": "Type a phone or an e-mail (at least one).",
    "entry.bad_phone": "Invalid phone: type the area code and number, like (11) 98765-4321.",
    "entry.bad_email": "Invalid e-mail: check the address, like name@example.com.",
    "entry.bad_price": "Invalid price: use 139.900,00 or 139900.",
    "entry.too_long": "The {field} field is too long ({size} characters).",
    "entry.unknown_salesperson": (
        "{name} is not on the store's team. Salespeople: {team}. "
        "Add them with: cockpit team add NAME"
    ),
    "error.edit_conflict": (
        "Lead {lead_id} was changed by someone else while you were editing it. "
        "Nothing was overwritten; open it again and redo the correction."
    ),
    "appointment.same_time": "The appointment is already at that time.",
    "agenda.bad_date": "Invalid date: use dd/mm/yyyy or yyyy-mm-dd.",
    "template.empty_name": "Give the template a name.",
    "template.name_too_long": "A template's name can have up to {limit} characters.",
    "template.empty_text": "The template's text is empty.",
    "template.text_too_long": "A template's text can have up to {limit} characters.",
    "template.unknown_placeholder": (
        "Unknown field in the template: {placeholder}. The fields are: {known}."
    ),
    "template.bad_whatsapp": (
        "Invalid WhatsApp template: give the approved name (lower case, digits and _) "
        "and the language (like pt_BR), both together."
    ),
    "template.unknown": "There is no template called {name}. See the list with: cockpit templates",
    "history.edited": "corrected {field}: {old} → {new}",
    "history.rescheduled": "rescheduled {kind} of {when}",
    "history.cancelled": "cancelled {kind} of {when}",
    "history.cancelled_because": "cancelled {kind} of {when} ({reason})",
    "field.name": "name",
    "field.phone": "phone",
    "field.email": "e-mail",
    "field.vehicle": "vehicle",
    "field.price": "price",
    "field.source": "source",
    "cli.add": "creates a lead typed by hand (a walk-in, a phone call)",
    "cli.add.assign": "the lead's salesperson (without it, the lead is unassigned)",
    "cli.add.same_contact": (
        "Note: an open lead already has that phone or e-mail ({lead_ids}); "
        "the lead was created anyway."
    ),
    "cli.edit": "corrects a lead's customer (name, phone, e-mail) or negotiation",
    "cli.edit.field": "new value (empty clears it, except the name)",
    "cli.edit.expect": "refuse if the lead was moved after this version",
    "cli.edit.changed": "{field}: {old} → {new}",
    "cli.edit.nothing": (
        "Say what to correct: --name, --phone, --email, --vehicle, --price or --source."
    ),
    "cli.edit.shared_contact": (
        "Note: another open lead already has that phone or e-mail ({lead_ids}); nothing merged."
    ),
    "cli.edit.unchanged": "Lead {lead_id}: nothing changed.",
    "cli.agenda": "shows the day's appointments (overdue ones first)",
    "cli.agenda.date": "the day (default: today, in the store's time zone)",
    "cli.agenda.everyone": "the whole store's (without it, only yours)",
    "cli.agenda.title": "Agenda for {day} ({scope})",
    "cli.agenda.scope_mine": "only yours",
    "cli.agenda.scope_all": "whole store",
    "cli.agenda.empty": "No appointments.",
    "cli.agenda.overdue": "overdue",
    "cli.agenda.occurred": "happened",
    "cli.agenda.missed": "did not happen",
    "cli.templates": "shows or changes the store's reply templates",
    "cli.templates.action": (
        "add: create (or replace) a template; remove: delete one; whatsapp NAME TEMPLATE "
        "[LANGUAGE]: link it to an approved WhatsApp template (pt_BR if left out)"
    ),
    "cli.templates.marketing": "mark the template as a marketing message (needs consent)",
    "cli.templates.needs_name": "Give the name: cockpit templates {action} NAME",
    "cli.templates.needs_text": "Give the text: cockpit templates add NAME TEXT",
    "cli.templates.extra": "TEXT and --marketing only go with add.",
    "cli.templates.added": "Template {name} created.",
    "cli.templates.replaced": "Template {name} updated.",
    "cli.templates.removed": "Template {name} deleted.",
    "cli.templates.empty": (
        "The store has no templates yet. Create one with: cockpit templates add NAME TEXT"
    ),
    "cli.templates.marketing_tag": "marketing",
    # -- issue 19: customers' rights under the LGPD ---------------------------------
    "cli.customer": "find, export or erase a customer's data (LGPD)",
    "cli.customer.action": "find, export or erase",
    "cli.customer.id": "the customer's number (shown by 'customer find')",
    "cli.customer.phone": "find by phone",
    "cli.customer.email": "find by e-mail",
    "cli.customer.name": "find by name (part of it is enough)",
    "cli.customer.out": "write the export to this file (default: standard output)",
    "cli.customer.yes": "erase without asking",
    "cli.customer_needs_id": "Give the customer's number: cockpit customer {action} CUSTOMER_ID.",
    "cli.customer_none": "No customer found.",
    "cli.customer_exporting": "Exporting the customer",
    "cli.customer_exported": "Data of customer #{customer_id} written to {path}.",
    "cli.customer_already_erased": "Customer #{customer_id} was already anonymised.",
    "cli.customer_erase_preview": (
        "This erases the personal data of {name} (customer #{customer_id}): name, phone, "
        "e-mail and the text of {messages} message(s) and {notes} note(s), in {leads} "
        "negotiation(s). Negotiations, statuses, dates and outcomes stay, for the reports. "
        "It cannot be undone."
    ),
    "cli.customer_erase_confirm": "Erase? [y/N] ",
    "cli.customer_erase_needs_yes": "No terminal to confirm on: run again with --yes to erase.",
    "cli.customer_erase_cancelled": "Nothing was erased.",
    "cli.customer_erased": "Customer #{customer_id} anonymised; the action is in the audit log.",
    "cli.customer_backups_warning": (
        "Note: backups made earlier still hold this person's data. Backups the store knows of:"
    ),
    "cli.customer_backups_none": (
        "  (none recorded; copies made outside cockpit hold the data too)"
    ),
    "error.customer_not_found": "No customer has the number {customer_id}.",
    "error.customer_find_one": "Use one criterion: --phone, --email or --name.",
    "error.erase_in_flight": (
        "Customer #{customer_id} has a reply waiting for delivery in the outbox "
        "(messages {ids}): erase after it is delivered."
    ),
    "error.export_unwritable": "Could not write {path}: check the folder and its permissions.",
    "error.retention_off": (
        "Retention is off: set the period with cockpit settings retention_months 24."
    ),
    "intake.bad_consent": (
        "invalid consent (use yes/no, channels such as 'whatsapp, email' or {{\"whatsapp\": true}})"
    ),
    "cli.retention": "anonymise customers kept longer than the store's period (retention_months)",
    "cli.retention.action": "run: apply retention now",
    "cli.retention.dry_run": "only count, erase nothing",
    "cli.retention_progress": "Anonymising customers",
    "cli.retention_dry": (
        "{count} customers would be anonymised (no activity since {since}, period of "
        "{months} months)."
    ),
    "cli.retention_done": (
        "{count} customers anonymised (no activity since {since}, period of {months} months)."
    ),
    "cli.retention_skipped": (
        "{count} customers left for next time: a reply to them awaits delivery."
    ),
    "cli.audit": "list the audit log: exports, erasures, retention and backups",
    "cli.audit.since": "only from this date on (dd/mm/yyyy or ISO 8601)",
    "cli.audit_bad_since": "Invalid date: {value} (use dd/mm/yyyy or ISO 8601).",
    "cli.audit_empty": "No audit records.",
    "audit.customer.export": "export",
    "audit.customer.erase": "erasure",
    "audit.retention.run": "retention",
    "audit.store.backup": "backup",
    # issue 14, round 2: the screens (new lead, agenda, templates, edit, appointments)
    "key.board.new_lead": "New lead",
    "key.board.agenda": "Agenda",
    "new_lead.title": "New lead (walk-in, phone call)",
    "new_lead.hint": "Tab: next field · ctrl+s: save · esc: cancel",
    "new_lead.name": "Customer's name",
    "new_lead.phone": "Phone (with area code)",
    "new_lead.email": "E-mail",
    "new_lead.vehicle": "Vehicle of interest",
    "new_lead.price": "Price",
    "new_lead.source": "Source",
    "new_lead.assignee": "Salesperson",
    "new_lead.nobody": "Nobody (unassigned)",
    "new_lead.message": "First note (what the customer asked)",
    "new_lead.same_contact": (
        "Lead #{lead_id} is open with that contact: {name} ({status}). "
        "enter opens that lead; ctrl+s creates the new one anyway."
    ),
    "new_lead.created": "Lead #{lead_id} created on top of New proposal.",
    "key.agenda.back": "Back",
    "key.agenda.open": "Open",
    "key.agenda.scope": "Mine/whole store",
    "key.agenda.previous_day": "Previous day",
    "key.agenda.next_day": "Next day",
    "key.agenda.help": "Help",
    "agenda.loading": "Agenda — loading…",
    "agenda.title": "Agenda — {day} ({scope})",
    "agenda.mine": "only mine",
    "agenda.everyone": "whole store",
    "agenda.empty_mine": "No appointments of yours on this day. l shows the whole store's.",
    "agenda.empty_store": "No appointments in the store on this day.",
    "agenda.nobody": "unassigned",
    "agenda.overdue": "overdue",
    "agenda.happened": "happened",
    "agenda.missed": "did not happen",
    "key.reply.templates": "Templates",
    "reply.hint": "ctrl+t inserts a template · ctrl+s or ctrl+j sends · esc keeps the draft",
    "template_picker.title": "Reply templates",
    "template_picker.hint": "type to filter · ↑↓ choose · enter inserts · esc goes back",
    "template_picker.placeholder": "name or words of the template",
    "template_picker.none": "No template has that text. Add one with: cockpit templates add",
    "template_picker.choose": "Choose a template from the list.",
    "key.lead.edit": "Correct",
    "edit_lead.title": "Correct {name}",
    "edit_lead.shared": (
        "Note: lead {lead_ids} (another customer) has the same contact. Nothing was merged."
    ),
    "lead.edited": "Correction saved; the history shows before and after.",
    "key.appointments.result": "Did it happen?",
    "key.appointments.reschedule": "Reschedule",
    "key.appointments.cancel": "Cancel appointment",
    "appointments.title": "Pending appointments",
    "appointments.hint": "enter: did it happen? · r: reschedule · c: cancel · esc: back",
    "appointments.none": "No pending appointment. s schedules one.",
    "appointments.reschedule_title": "Reschedule {kind}",
    "appointments.cancel_title": "Cancel {kind}",
    "appointments.cancel_reason": "Reason (optional)",
    "lead.rescheduled": "Appointment rescheduled; the old time stays in the history.",
    "lead.cancelled": "Appointment cancelled.",
    # issue 20: reliability (bad input, broken stores, backups, safe messages)
    "intake.bad_value": "field {field} is not text",
    "ingest.line_too_long": "line too long ({size} characters; at most 262,144)",
    "error.store_busy": (
        "The store {path} has been busy with another write for over 15 s; nothing was "
        "changed. Try again in a moment."
    ),
    "error.store_read_only": (
        "The store {path} cannot be written (a read-only or immutable file or folder); "
        "nothing was changed. Check its permissions."
    ),
    "error.store_io": (
        "Disk read or write error on the store {path}; nothing was changed. Check the "
        "disk and run cockpit check."
    ),
    "error.store_corrupt": (
        "The store {path} is damaged: writes are stopped so it gets no worse. Run cockpit"
        " check; if it confirms, close every cockpit and copy your latest backup over it "
        "(cockpit backup makes them)."
    ),
    "error.store_cannot_open": (
        "Could not open the store {path}; check the path and its permissions."
    ),
    "error.store_connection_lost": (
        "The connection to the store {path} was lost; what was already written is safe. "
        "Try again when the server is back."
    ),
    "error.disk_full": (
        "The disk is full writing to {path}; nothing was changed. Free some space and try again."
    ),
    "error.cannot_write": (
        "No permission to write to {path}. Pick another folder or fix its permissions."
    ),
    "error.not_a_folder": "{path}: part of the path is a file, not a folder.",
    "error.is_a_folder": "{path} is a folder; give a file.",
    "error.no_such_path": "{path} does not exist.",
    "error.os_failure": "System failure on {path}: {reason}. Nothing was changed.",
    "error.number_too_large": "Number too large: nothing has that id.",
    "error.store_not_a_file": "{path} is not a regular database file; no copy was made.",
    "error.backup_corrupt": (
        "The copy failed its integrity check: the store {path} is damaged. No file was "
        "replaced; run cockpit check and restore your latest good backup."
    ),
    "error.backup_exists": "{path} already exists; use --force to replace it.",
    "cli.backup.force": "replace DEST if it exists",
    "cli.check": "full check of the store (file integrity)",
    "cli.check_ok": "The store is sound: no problem found.",
    "cli.check_postgres": (
        "PostgreSQL store: the server checks its own pages; nothing to check here."
    ),
    "cli.check_damaged": (
        "The store is damaged ({count} problems; writes stay stopped). Close every "
        "cockpit and copy your latest backup over it."
    ),
    "cli.check_problem": "problem: {problem}",
    "error.ingest_interrupted": (
        "Ingest stopped at line {line} ({count} events applied before it; running it "
        "again is safe, repeated events are ignored): {cause}"
    ),
    "intake.incomplete_row": (
        "incomplete line: the file was still being written (run again when it is done)"
    ),
    "intake.binary_file": (
        "{path} is not a text file (CSV or JSON); it looks binary (an .xlsx sheet? save it as CSV)."
    ),
    "intake.is_folder": "{path} is a folder; give the CSV or JSON file.",
    "intake.file_too_big": "{path} is over {limit} MB; split it into smaller files.",
    "intake.json_too_deep": (
        "The JSON nests lists or objects too deep; each lead must be a flat object."
    ),
    "ingest.unmatched_kept": (
        "the message matches no lead; kept in the no-lead queue (cockpit unmatched)"
    ),
    "cli.unmatched": "messages that matched no lead (the no-lead queue)",
    "cli.unmatched_empty": "No message without a lead.",
    # -- issue 17: cockpit serve (event API, WhatsApp webhook, delivery) --------
    "cli.serve": "server: event API, WhatsApp webhook and delivery of the outbox",
    "cli.serve.host": "address to listen on (default 127.0.0.1; put a TLS proxy in front)",
    "cli.serve.port": "TCP port (default 8470; 0 = any free port)",
    "cli.serve.grace": (
        "seconds to wait for WhatsApp's confirmation before sending again a message "
        "whose sending was interrupted (default 600)"
    ),
    "serve.bad_port": "Invalid port: use a number from 0 to 65535.",
    "serve.bad_grace": "--in-doubt-grace cannot be negative.",
    "serve.cannot_listen": (
        "Cannot listen on {host}:{port} ({reason}). Choose another port with --port."
    ),
    "cli.token": "event API tokens: add NAME prints a new token, list, revoke NAME",
    "cli.token.action": "add, list or revoke",
    "cli.token.name": "token name (who will use it, e.g. store-website)",
    "token.needs_name": "Give the token's name: cockpit token {action} NAME",
    "token.added": (
        "Token {name} created. Keep it now: it will not be shown again "
        "(the store keeps only a digest of it)."
    ),
    "token.revoked": "Token {name} revoked: requests carrying it are refused from now on.",
    "token.none": "No active token. Create one with: cockpit token add NAME",
    "token.exists": "An active token named {name} exists. Revoke it first or use another name.",
    "token.unknown": "No active token is named {name}. See the active ones: cockpit token list",
    "token.bad_name": (
        "Invalid token name: use up to 60 unaccented letters, digits, dots, hyphens or "
        "underscores, starting with a letter or digit."
    ),
    "cli.reply": "replies to a lead through the outbox (the same rules as the lead screen)",
    "cli.reply.text": "text of the reply",
    "cli.reply.retry": "puts reply ID, which was not sent, back in the queue",
    "reply.needs_args": "Give the lead and the text: cockpit reply LEAD_ID TEXT",
    "reply.retry_alone": "Use --retry ID alone, without a lead or text.",
    "reply.not_failed": "Reply {reply_id} is not marked as not sent.",
    "reply.requeued": "Reply {reply_id} is back in the delivery queue.",
    "reply.queued": "Reply {reply_id} queued in the outbox of lead {lead_id}.",
    "reply.never_wrote": (
        "The customer of lead {lead_id} never wrote: WhatsApp accepts free text only up to "
        "24 h after the customer's last message. Outside that window, only templates "
        "approved by WhatsApp can be sent."
    ),
    "reply.window_closed": (
        "The customer of lead {lead_id} last wrote {hours} h ago: WhatsApp accepts free text "
        "only up to 24 h after the customer's last message. Outside that window, only "
        "templates approved by WhatsApp can be sent."
    ),
    "api.unauthorized": "Missing or invalid token: send Authorization: Bearer TOKEN.",
    "api.too_large": "Body too large: the limit is {limit} bytes.",
    "api.not_utf8": "The body is not UTF-8 text.",
    "api.bad_json": "Malformed JSON on line {line}.",
    "api.empty": "No event in the body.",
    "api.bad_signature": "Missing or invalid X-Hub-Signature-256 signature.",
    "delivery.no_phone": "the customer has no phone",
    "delivery.window_closed": "outside WhatsApp's 24 h window (use an approved template)",
    "delivery.state.queued": "queued for delivery",
    "delivery.state.sending": "sending",
    "delivery.state.retry": "next attempt {time}",
    "delivery.state.sent": "sent {time}",
    "delivery.state.delivered": "delivered {time}",
    "delivery.state.read": "read {time}",
    "delivery.state.failed": "not sent: {error}",
    # -- issue 19 (round 2): the customer's rights on the lead screen --------------------
    "key.lead.consent": "Consent",
    "key.lead.erase": "Erase the customer's data (LGPD)",
    "key.erase.confirm": "Erase",
    "rights.erase_title": "Erase the personal data of {name} (customer #{customer_id})?",
    "rights.erase_hint": "enter erases · esc cancels (nothing is erased)",
    "rights.reading_preview": "Reading what would be erased…",
    "rights.erasing": "Erasing the data of customer #{customer_id}…",
    "rights.erased_line": (
        "Personal data erased on {when} (LGPD). Backups made before still hold that data."
    ),
    "consent.label": "Consent",
    "consent.channel.whatsapp": "WhatsApp",
    "consent.channel.sms": "SMS",
    "consent.channel.email": "E-mail",
    "consent.channel.phone": "Phone",
    "consent.none": "not asked: {channels}",
    "consent.state.granted": "granted",
    "consent.state.revoked": "revoked",
    "consent.when": "{when} ({source})",
    "consent.source.import": "import",
    "consent.source.ingest": "event feed",
    "consent.source.lead_screen": "lead screen",
    "consent.source.whatsapp": "asked to stop on WhatsApp",
    "consent.source.command": "command line",
    "consent.form_title": "Consent of {name}",
    "consent.hint": "↑/↓ and space choose · tab switches lists · ctrl+s saves · esc closes",
    "consent.channel": "Channel",
    "consent.state": "The customer",
    "consent.channel_now": "{channel} (now: {now})",
    "consent.now.granted": "granted",
    "consent.now.revoked": "revoked",
    "consent.now.none": "not asked",
    "consent.set.granted": "granted (accepts messages on this channel)",
    "consent.set.revoked": "revoked (wants no more messages on this channel)",
    "consent.recorded.granted": "Consent recorded ({channel}).",
    "consent.recorded.revoked": "Revocation recorded ({channel}).",
    "form.choose_channel": "Choose the channel (↑/↓ and space).",
    "form.choose_consent": "Choose whether the customer granted or revoked.",
    "error.marketing_revoked": (
        'The customer revoked consent on WhatsApp: the marketing template "{template}" '
        "cannot be sent. Replies to the customer's own inquiry stay allowed."
    ),
    "error.marketing_not_asked": (
        'The customer never gave consent on WhatsApp: the marketing template "{template}" '
        "can be sent only once they accept (c on the lead screen records it)."
    ),
    # -- issue 15: speed-to-lead (business time, duty, distribution, rescue) --
    "setting.business_hours": (
        "business_hours: opening hours per weekday, when the response clock runs "
        "(default seg-sex 08:00-18:00; sab 08:00-13:00, English day names accepted)."
    ),
    "setting.holidays": (
        "holidays: holidays that stop the clock: BR (national), BR-SP (national and the "
        "state's) or off (default BR)."
    ),
    "setting.extra_holidays": (
        "extra_holidays: other days the store is closed, such as 2026-12-24, 2026-12-31."
    ),
    "error.setting.hours_format": (
        "Invalid hours for {key}: give days and times, such as mon-fri 08:00-18:00; sat 08:00-13:00"
    ),
    "error.setting.hours_day": (
        "Unknown day in {key}: {day}. Use mon, tue, wed, thu, fri, sat, sun (or seg … dom)."
    ),
    "error.setting.hours_time": "Invalid time in {key}: {time}. Use 08:00 or 8h30.",
    "error.setting.hours_order": "Reversed period in {key}: {period} ends before it starts.",
    "error.setting.hours_overlap": "Overlapping periods in {key} on {day}.",
    "error.setting.hours_empty": (
        "{key} needs at least one open period, such as mon-fri 08:00-18:00."
    ),
    "error.setting.holiday_region": (
        "Invalid holiday region for {key}: use BR, BR-SP (country and state) or off."
    ),
    "error.setting.holiday_subdivision": (
        "Unknown state in {key} for {country}: use one of: {subdivisions}."
    ),
    "error.setting.holiday_date": "Invalid date in {key}: {date}. Use dd/mm/yyyy or yyyy-mm-dd.",
    "cli.duty": "show or change who is on duty (in the store, in the lead rotation)",
    "cli.duty.action": "in: go on duty; out: go off duty",
    "cli.duty_needs_name": "Give the name: cockpit duty {action} NAME",
    "cli.duty_in": "{name} is on duty and in the rotation.",
    "cli.duty_already_in": "{name} was already on duty.",
    "cli.duty_out": "{name} is off duty and out of the rotation.",
    "cli.duty_not_in": "{name} was not on duty.",
    "cli.duty_nobody": "Nobody is on duty. Go on duty with: cockpit duty in NAME",
    "cli.duty_line": "{name}  on duty since {since}",
    "cli.rescue": "hand leads not answered in time (rescue_minutes) to the next one on duty",
    "cli.rescue_off": (
        "Rescue is off: use cockpit settings distribution round-robin and a rescue_minutes above 0."
    ),
    "cli.rescue_none": "No lead to rescue.",
    "cli.rescue_line": (
        "Lead #{lead_id}: from {previous} to {name} ({minutes} business min without a reply)"
    ),
    "cli.rescue_line_unassigned": (
        "Lead #{lead_id}: from {previous} to Unassigned, nobody on duty "
        "({minutes} business min without a reply)"
    ),
    "history.distributed": "distributed to {name} (round-robin)",
    "history.rescued": "handed to {name} (rescue: no first response in time)",
    "history.rescued_unassigned": (
        "left unassigned (rescue: no first response in time, nobody on duty)"
    ),
    # issue 16: the manager's report (cockpit report, the Indicadores screen)
    "cli.report": "a period's figures: funnel, sources, salespeople, losses (text, JSON or CSV)",
    "cli.report.period": "period: today, 7 or 30 days, this month, last month (default 30d)",
    "cli.report.from": "first day (2026-11-27 or 27/11/2026); with --to",
    "cli.report.to": "last day, included; with --from",
    "cli.report.csv": "one CSV table per section (UTF-8 with BOM, for Excel)",
    "cli.report.period_and_range": "Use --period or --from/--to, not both.",
    "cli.report.half_range": "A range needs both --from and --to.",
    "cli.report.bad_day": "{value} is not a date: use 2026-11-27 or 27/11/2026.",
    "cli.report.bad_range": (
        "The range must end on or after its first day and cover at most 366 days."
    ),
    "report.period_line": "Period: {first} to {last}",
    "report.counted_by_arrival": (
        "Each lead counts in the period it arrived in (days in the store's time zone)."
    ),
    "report.summary_line": (
        "Arrived {arrived} · sold {sold} · not sold {lost} · conversion {conversion}"
        " · sales {total}"
    ),
    "report.response_line": (
        "First response: median {median}, 90% within {p90}; {share} within the {sla}-minute"
        " business SLA; {unanswered} unanswered"
    ),
    "report.funnel": "Funnel (leads of the period that went through each stage)",
    "report.by_source": "By source",
    "report.by_salesperson": "By salesperson (a sale counts for who owned the lead when sold)",
    "report.lost_reasons": "Lost reasons",
    "report.daily": "Per day (arrived, sold, median first response)",
    "report.pipeline": "Open now (leads, asking value, stale)",
    "report.stale_count": "{count} stale",
    "report.no_source": "(no source)",
    "report.unassigned": "(unassigned)",
    "report.col.name": "Name",
    "report.col.arrived": "Arrived",
    "report.col.sold": "Sold",
    "report.col.conversion": "Conversion",
    "report.col.sales": "Sales",
    "report.col.within_sla": "Within SLA",
    "report.col.median": "Median",
    "report.col.p90": "P90",
    "lost_reason.unrecorded": "No reason recorded",
    "key.board.reports": "Reports",
    "key.reports.close": "Back",
    "key.reports.today": "Today",
    "key.reports.days_7": "7 days",
    "key.reports.days_30": "30 days",
    "key.reports.month": "This month",
    "key.reports.last_month": "Last month",
    "key.reports.range": "Range",
    "key.reports.down": "Scroll down",
    "key.reports.up": "Scroll up",
    "reports.period.today": "Today",
    "reports.period.7d": "7 days",
    "reports.period.30d": "30 days",
    "reports.period.month": "This month",
    "reports.period.last-month": "Last month",
    "reports.period.range": "Range",
    "reports.range_placeholder": "first and last day: 2026-11-01 2026-11-15 (⏎ shows, esc closes)",
    "reports.bad_range": (
        "Type two days, the first before the last, at most 366 days: 2026-11-01 2026-11-15."
    ),
    "report.nothing": "none in the period",
    "report.day_figures": "{arrived} · {sold} · 1st response {median}",
    "board.next.due_in": "{name}: due in {span}",
    "board.next.breached": "{name}: past the deadline by {span}",
    "board.next.appointment": "{name}: appointment today or overdue",
    "board.next.other": "{name}: no response clock running",
    "board.next.minutes": "{minutes} min",
    "board.next.hours": "{hours} h",
    "board.next.hours_minutes": "{hours} h {minutes} min",
    "card.waiting": "waiting {span}",
    "app.header_breached": ("{plan} · {user} · {breached} past the deadline · {attention}"),
    # issue 13: trust on the board
    "board.moved_by": "{actor} moved {name} to {status}",
    "board.moved_elsewhere": "{name} went to {status}",
    "confirm.hint": "enter confirms · esc cancels",
    "confirm.move_closed": "Move {name} from {from_label} to {to_label}?",
    "confirm.move_cancelled": "Nothing changed: the lead stayed where it was.",
    "confirm.stopped_at_closed": "Stopped at {status}: press again and confirm to leave it.",
    "key.confirm.yes": "Confirm",
    "key.confirm.no": "Cancel",
    "picker.already_there": "The lead is already in {status}.",
    "picker.not_a_status": "{key} is not a status: press 1 to 6.",
    "form.too_far_ahead": "Schedule at most 12 months ahead.",
    "form.not_happened_yet": "That appointment has not come yet: say it happened after its time.",
    "form.zero_price": "The sale price cannot be zero.",
    "form.unusual_price": "{price} is far from the asking {asking}: enter again confirms.",
    # issue 20: the board says it has just created a store
    "app.new_store": (
        "A new, empty store was created at {store}. Not the one? Quit (q) and use --db."
    ),
    # issue 17 (round 3): approved WhatsApp templates outside the 24-hour window
    "reply.template_not_approved": (
        "Template {template} is not linked to a template WhatsApp approved: "
        "link it with cockpit templates whatsapp."
    ),
    "reply.template_missing_value": (
        "The template uses {placeholder}, which this lead does not have: correct the lead (e) "
        "or choose another template."
    ),
    "reply_template.choose": "Templates approved by WhatsApp:",
    "reply_template.none": (
        "None of the store's templates is linked to a template WhatsApp approved. Link one "
        "with: cockpit templates whatsapp NAME APPROVED_NAME pt_BR"
    ),
    "reply_template.hint": "↑↓ choose · enter or ctrl+s sends the template · esc closes unsent",
    "reply_template.hint_none": "esc closes",
    "cli.templates.off": "with whatsapp: unlink the template from its approved WhatsApp template",
    "cli.templates.whatsapp_usage": (
        "Use: cockpit templates whatsapp NAME APPROVED_NAME [LANGUAGE] "
        "(or cockpit templates whatsapp NAME --off)"
    ),
    "cli.templates.whatsapp_only": "LANGUAGE and --off only go with whatsapp.",
    "cli.templates.linked": (
        "Template {name} linked to the approved WhatsApp template {whatsapp} ({language})."
    ),
    "cli.templates.unlinked": "Template {name} unlinked from WhatsApp.",
    "cli.templates.whatsapp_tag": "WhatsApp: {whatsapp}, {language}",
    "cli.reply.template": "send the store's template NAME (linked to an approved WhatsApp one)",
    "reply.text_or_template": "Give the text or --template NAME, not both.",
    "api.store_failed": (
        "The store could not write just now; nothing of this request was stored. "
        "Send it again in a few seconds."
    ),
    "key.lead.retry_replies": "Send again",
    "lead.replies_retried": "Replies back in the delivery queue: {count}",
    "lead.nothing_to_retry": "No unsent reply on this lead.",
    # -- issue 15 (round 3): alerts, the duty toggle, the next-lead marker, the wait column --
    "alert.title": "Alert",
    "alert.new_lead": "New lead: {name} — {source}",
    "alert.reply": "{name} replied — {source}",
    "alert.due_soon": "{name} — {source}: the response deadline is about to pass",
    "alert.rescued_from": ("{name} — {source}: no first response in time, handed over to {other}"),
    "alert.rescued_from_nobody": (
        "{name} — {source}: no first response in time, now unassigned (nobody on duty)"
    ),
    "alert.rescued_to": "{name} — {source}: handed over to you (rescue, was {other}'s)",
    "alert.no_source": "unknown source",
    "alert.more": "and {count} more alerts",
    "alerts.mode.on": "on",
    "alerts.mode.mine": "my leads only",
    "alerts.mode.off": "off",
    "alerts.now": "Alerts {mode}.",
    "palette.alerts": "Alerts: {mode} (switch to: {following})",
    "palette.alerts.help": (
        "Bell and notice when a lead or a reply arrives: leads I may answer, only mine, or none"
    ),
    "palette.duty_in": "Go on duty (I am in the store)",
    "palette.duty_out": "Go off duty (I left the store)",
    "palette.duty.help": "With round-robin on, new leads go to whoever is on duty, in turn",
    "duty.now_in": "You are on duty: new leads reach you in turn.",
    "duty.now_out": "You are off duty: no more leads from the round-robin.",
    "app.header_duty": "on duty: {names}",
    "card.next": "▶ next",
    "list.wait": "Wait",
    "cli.ingest_rescued": "Rescue: {count} leads without a first response in time handed over.",
    # issue 13 (r13b): nothing meaningful cut
    "app.header_short": "{user} · attention: {attention}",
    "app.header_short_breached": "{user} · overdue: {breached} · attention: {attention}",
    "board.filters_one": "1 filter",
    "board.filters_many": "{count} filters",
    "app.header_tiny": "attention: {attention}",
    "app.header_tiny_breached": "overdue: {breached} · attention: {attention}",
    "card.waiting_short": "waits {span}",
    "card.unassigned_short": "Unassigned",
    # issue 16, round 3: each column's total asking value in its header
    "key.board.values": "Column values",
    # issue 13 (round 3): messages and language (defect 9), undo of every kind, dialogs
    "palette.no_matches": "No command matches",
    "palette.placeholder": "Search for commands…",
    "app.quit_title": "Do you want to quit?",
    "app.quit_hint": "Press {key} to quit cockpit.",
    # plurals: "<id>.one" is used when count == 1 (i18n/translate.py)
    "app.attention_count": "{count} need attention",
    "app.attention_count.one": "1 needs attention",
    "cli.unread.one": "1 unread",
    "report.stale_count.one": "1 stale",
    "lead.unread.one": "1 unread",
    "cli.retention_dry.one": (
        "1 customer would be anonymised (no activity since {since}, period of {months} months)."
    ),
    "cli.retention_done.one": (
        "1 customer anonymised (no activity since {since}, period of {months} months)."
    ),
    "cli.retention_skipped.one": "1 customer left for next time: a reply to them awaits delivery.",
    "cli.check_damaged.one": (
        "The store is damaged (1 problem; writes stay stopped). Close every "
        "cockpit and copy your latest backup over it."
    ),
    "undo.assignment_undone": "Undone: {name} back with {owner}",
    "undo.handled_undone": "Undone: {name} needs attention again",
    "undo.reassigned_since": "Cannot undo: the lead was reassigned since. Nothing changed.",
    "undo.worked_since": (
        "Cannot undo the handled mark: someone replied to or worked the lead since. "
        "Nothing changed."
    ),
    "history.handled": "marked as handled",
    "key.lead.undo": "Undo",
    # Round 4 (r21p): defects from the cold user trial
    "picker.closed_by_key": "Nothing moved: {key} is not a Move option.",
    "reply.draft_kept": "Draft kept: r brings it back.",
    "report.under_a_minute": "< 1 min",
    "report.arrived_count": "{count} arrived",
    "report.arrived_count.one": "1 arrived",
    "report.sold_count": "{count} sold",
    "report.sold_count.one": "1 sold",
    "alert.more.one": "and 1 more alert",
    "cli.ingest_rescued.one": "Rescue: 1 lead without a first response in time handed over.",
    "error.ingest_interrupted.one": (
        "Ingest stopped at line {line} "
        "(1 event applied before it; "
        "running it again is safe, repeated events are ignored): {cause}"
    ),
}
