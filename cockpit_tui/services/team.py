"""The store's team: the salespeople a lead can be assigned to."""

from __future__ import annotations

from cockpit_tui.domain.duty import OnDuty
from cockpit_tui.domain.errors import InvalidInputError
from cockpit_tui.domain.sanitize import clean_text
from cockpit_tui.services.store_service import StoreService

_MAX_NAME = 100


class TeamService(StoreService):
    """Lists and changes the store's salespeople."""

    def members(self) -> list[str]:
        """The salespeople's names, in alphabetical order."""
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            return [row.name for row in repository.team_members(session)]

    def add(self, name: str) -> bool:
        """Add a salesperson; returns False when they were already on the team.

        Raises:
            InvalidInputError: an empty name once cleaned.
        """
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session

        cleaned = clean_text(name, max_length=_MAX_NAME)
        if not cleaned:
            raise InvalidInputError("team.empty_name")
        with write_session(self._store.engine) as session:
            if repository.get_team_member(session, name=cleaned) is not None:
                return False
            now = self._clock.now()
            repository.insert_team_member(session, name=cleaned, at=now)
            repository.append_change(
                session, kind="store.team", lead_id=None, actor=self._actor, at=now
            )
        return True

    def remove(self, name: str) -> None:
        """Take a salesperson off the team (the leads assigned to them keep their name).

        Raises:
            InvalidInputError: nobody of that name is on the team.
        """
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session

        cleaned = clean_text(name, max_length=_MAX_NAME)
        with write_session(self._store.engine) as session:
            row = repository.get_team_member(session, name=cleaned)
            if row is None:
                raise InvalidInputError("team.not_member", name=cleaned)
            repository.delete_team_member(session, row)
            repository.append_change(
                session, kind="store.team", lead_id=None, actor=self._actor, at=self._clock.now()
            )

    def join(self) -> None:
        """The current salesperson opened the store: make sure they are on the team."""
        if not self._store.reader.is_team_member(self._actor):
            self.add(self._actor)

    # -- duty ("na loja"): who gets new leads in turn (issue 15) -----------------

    def on_duty(self) -> list[OnDuty]:
        """Who is on duty, in the order the next leads go to them."""
        from cockpit_tui.store.duty import on_duty
        from cockpit_tui.store.engine import read_session

        with read_session(self._store.engine) as session:
            return [OnDuty(name, since) for name, since in on_duty(session.connection())]

    def start_duty(self, name: str) -> bool:
        """Put a salesperson on duty (last in the turn); False when they already were.

        Raises:
            InvalidInputError: nobody of that name is on the team.
        """
        from cockpit_tui.store import repository
        from cockpit_tui.store.duty import start_duty
        from cockpit_tui.store.engine import write_session

        cleaned = clean_text(name, max_length=_MAX_NAME)
        if not cleaned:
            raise InvalidInputError("team.empty_name")
        with write_session(self._store.engine) as session:
            if repository.get_team_member(session, name=cleaned) is None:
                raise InvalidInputError("team.not_member", name=cleaned)
            now = self._clock.now()
            started = start_duty(session.connection(), name=cleaned, at=now)
            if started:
                repository.append_change(
                    session, kind="store.duty", lead_id=None, actor=self._actor, at=now
                )
        return started

    def end_duty(self, name: str) -> bool:
        """Take a salesperson off duty; False when they were not on it."""
        from cockpit_tui.store import repository
        from cockpit_tui.store.duty import end_duty
        from cockpit_tui.store.engine import write_session

        cleaned = clean_text(name, max_length=_MAX_NAME)
        with write_session(self._store.engine) as session:
            ended = end_duty(session.connection(), name=cleaned)
            if ended:
                repository.append_change(
                    session,
                    kind="store.duty",
                    lead_id=None,
                    actor=self._actor,
                    at=self._clock.now(),
                )
        return ended
