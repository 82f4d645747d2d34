"""The store's subscription plans and what each unlocks."""

from __future__ import annotations

from enum import StrEnum


class Plan(StrEnum):
    """A store plan; the value is the code used by ``cockpit plan``."""

    CRM = "crm"
    SMART = "smart"
    SMART_PLUS = "smart-plus"

    @property
    def label(self) -> str:
        """The product name shown to people (the same in every language)."""
        return PLAN_LABELS[self]

    @property
    def has_list_view(self) -> bool:
        """The list (table) view is part of CRM Smart and CRM +Smart."""
        return self in (Plan.SMART, Plan.SMART_PLUS)

    @property
    def has_video_call(self) -> bool:
        """Video-call appointments are part of CRM +Smart only."""
        return self is Plan.SMART_PLUS


PLAN_LABELS: dict[Plan, str] = {
    Plan.CRM: "CRM",
    Plan.SMART: "CRM Smart",
    Plan.SMART_PLUS: "CRM +Smart",
}
DEFAULT_PLAN = Plan.CRM
LIST_VIEW_PLANS: tuple[Plan, ...] = tuple(plan for plan in Plan if plan.has_list_view)


def parse_plan(text: str) -> Plan | None:
    """Read a plan from its code or its label ("smart-plus", "CRM +Smart", "smart_plus")."""
    folded = text.strip().casefold().replace("_", "-")
    for plan in Plan:
        if folded in (plan.value, plan.label.casefold(), plan.label.casefold().replace(" ", "-")):
            return plan
    if folded in ("+smart", "smartplus", "crm-smart-plus"):
        return Plan.SMART_PLUS
    return None
