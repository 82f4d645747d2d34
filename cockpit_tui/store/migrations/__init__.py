"""Versioned schema migrations, applied at start-up.

Import :mod:`cockpit_tui.store.migrations.runner` to migrate; this package
face stays empty so that checking :data:`LATEST_VERSION` costs no SQLAlchemy import.
"""

#: The schema version this release of cockpit-tui writes.
LATEST_VERSION = 23
