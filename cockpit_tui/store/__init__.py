"""Persistence: the engine, tables, migrations, reader and repository.

Import submodules directly; this face stays light so the board's start-up
does not pay for SQLAlchemy.
"""
