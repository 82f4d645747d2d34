"""Frozen value classes that cost nothing to define: :class:`Record`.

``@dataclass(frozen=True, slots=True)`` writes the source of five or six
methods for each class and compiles it when the class's module is imported:
about 1 ms a class, 40 of the 97 ms cockpit's own modules took to import
before the board's first frame (issue 18). A ``Record`` subclass annotates its
fields (in order), lists them in ``__slots__`` and writes its own ``__init__`` (compiled once, with
its module's bytecode); equality, hash, ``repr``, immutability and pickling
come from here and behave as the frozen dataclass's did:

- equal when of the same class with equal fields (``NotImplemented`` otherwise);
- hashed as the tuple of its fields (an unhashable field makes it unhashable);
- ``Name(field=value, …)`` as ``repr``;
- assigning or deleting a field raises :class:`dataclasses.FrozenInstanceError`;
- pickled and copied through its ``__init__``, fields in their annotations' order.

``__init__`` sets each field with ``object.__setattr__`` (:func:`set_field`),
as the dataclass's did, and takes them in their annotations' order.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, ClassVar

#: Sets a field of a frozen record (from its ``__init__`` only).
set_field = object.__setattr__


def _one_field(name: str) -> Any:
    """The field getter of a one-field record: a 1-tuple, as ``attrgetter`` of several gives."""
    read = attrgetter(name)
    return lambda record: (read(record),)


class Record:
    """Base of the frozen value classes (see the module docstring)."""

    __slots__ = ()
    #: The fields, in the order of their annotations (and of ``__init__``'s arguments).
    record_fields: ClassVar[tuple[str, ...]] = ()
    #: Reads the fields of an instance as a tuple.
    _values: ClassVar[Any] = staticmethod(lambda record: ())

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        slots = cls.__dict__.get("__slots__", ())
        slotted = {slots} if isinstance(slots, str) else set(slots)
        annotated = vars(cls).get("__annotations__", {})  # its own, in order (no inspect import)
        cls.record_fields = cls.record_fields + tuple(n for n in annotated if n in slotted)
        fields = cls.record_fields
        if len(fields) > 1:
            cls._values = staticmethod(attrgetter(*fields))
        elif fields:
            cls._values = staticmethod(_one_field(fields[0]))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(self._values(self) == self._values(other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.record_fields)
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (self.__class__, self._values(self))
