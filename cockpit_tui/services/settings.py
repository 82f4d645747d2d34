"""Store-wide settings: the plan and the keys of :mod:`cockpit_tui.domain.store_settings`."""

from __future__ import annotations

from cockpit_tui.domain.calendar_values import CALENDAR_KEYS
from cockpit_tui.domain.plans import DEFAULT_PLAN, Plan, parse_plan
from cockpit_tui.domain.records import Record, set_field
from cockpit_tui.domain.store_settings import SETTINGS, SettingSpec, parse_setting, setting_spec
from cockpit_tui.services.store_service import StoreService

PLAN_KEY = "plan"


class SettingValue(Record):
    """A setting and the value in effect.

    Attributes:
        spec: The setting.
        value: Its canonical value (None: unset / off).
        is_default: The store never set it.
    """

    __slots__ = ("is_default", "spec", "value")
    spec: SettingSpec
    value: str | None
    is_default: bool

    def __init__(self, spec: SettingSpec, value: str | None, is_default: bool) -> None:
        set_field(self, "spec", spec)
        set_field(self, "value", value)
        set_field(self, "is_default", is_default)


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

    def value(self, key: str) -> str | None:
        """The canonical value of setting ``key`` (its default when the store never set it).

        Raises:
            InvalidSettingError: ``key`` is not a store setting.
        """
        spec = setting_spec(key)
        stored = self._store.reader.setting(spec.key)
        return spec.default if stored is None else (stored or None)

    def values(self) -> list[SettingValue]:
        """Every setting with its value, in the order of :data:`SETTINGS`."""
        result = []
        for spec in SETTINGS.values():
            stored = self._store.reader.setting(spec.key)
            value = spec.default if stored is None else (stored or None)
            result.append(SettingValue(spec=spec, value=value, is_default=stored is None))
        return result

    def set_value(self, key: str, raw: str | None) -> str | None:
        """Set ``key`` from what a person typed (``None``: back to the default).

        Returns:
            The value now in effect.

        Raises:
            InvalidSettingError: Unknown key or unacceptable value; nothing changed.
        """
        from cockpit_tui.store import repository
        from cockpit_tui.store.engine import write_session

        spec = setting_spec(key)
        canonical = None if raw is None else parse_setting(spec.key, raw)
        with write_session(self._store.engine) as session:
            if raw is None:
                repository.delete_setting(session, key=spec.key)
            else:
                # An empty text stores "unset" explicitly, overriding a default.
                repository.set_setting(session, key=spec.key, value=canonical or "")
            repository.append_change(
                session, kind="store.setting", lead_id=None, actor=self._actor, at=self._clock.now()
            )
            if spec.key in CALENDAR_KEYS:
                # Issue 15: the waiting leads' deadlines follow the new calendar or target.
                from cockpit_tui.store.response_clock import recompute_waiting

                recompute_waiting(session.connection())
        return self.value(spec.key)
