"""Pure-Python domain of cockpit-tui: statuses, plans, value objects and rules.

Import each module where it is needed: this package imports nothing, so using
one rule does not load every value object (the board's start-up pays for what
it uses only).
"""
