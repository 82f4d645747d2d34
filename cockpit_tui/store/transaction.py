"""The name services use for "an open store transaction", without naming SQLAlchemy.

Bulk intake writes on a Core ``Connection``, the unit of work on an ORM
``Session``; helpers that run inside either take a :data:`Transaction`.
"""

from __future__ import annotations

from typing import TypeAlias

from sqlalchemy import Connection
from sqlalchemy.orm import Session

__all__ = ["Connection", "Session", "Transaction"]

Transaction: TypeAlias = Session | Connection
