"""Store-wide settings: the plan."""

from __future__ import annotations

from cockpit_tui.domain.plans import DEFAULT_PLAN, Plan, parse_plan
from cockpit_tui.services.store_service import StoreService

PLAN_KEY = "plan"


class SettingsService(StoreService):
    """Reads and changes the store's settings."""

    def plan(self) -> Plan:
        """The store's plan; a store that never chose one is on the base plan (CRM)."""
        stored = self._store.reader.setting(PLAN_KEY)
        return (parse_plan(stored) if stored else None) or DEFAULT_PLAN

    def set_plan(self, plan: Plan) -> Plan:
        """Change the store's plan; open boards pick it up from the change log."""
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session

        with write_session(self._store.engine) as session:
            if repository.get_setting(session, key=PLAN_KEY) != plan.value:
                repository.set_setting(session, key=PLAN_KEY, value=plan.value)
                repository.append_change(
                    session,
                    kind="store.plan",
                    lead_id=None,
                    actor=self._actor,
                    at=self._clock.now(),
                )
        return plan
