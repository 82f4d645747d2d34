"""What the list view can be sorted by."""

from __future__ import annotations

from enum import StrEnum


class ListSort(StrEnum):
    """What the list is sorted by; ``s`` cycles through them in this order."""

    ATTENTION = "attention"
    NAME = "name"
    STATUS = "status"
    VEHICLE = "vehicle"
    PRICE = "price"
    SOURCE = "source"
    SALESPERSON = "salesperson"
    ACTIVITY = "activity"
    ARRIVED = "arrived"
    #: Issue 15: the longest wait for a response first, leads waiting for nothing last.
    WAIT = "wait"

    def following(self) -> ListSort:
        """The next sort in the cycle."""
        members = list(ListSort)
        return members[(members.index(self) + 1) % len(members)]
