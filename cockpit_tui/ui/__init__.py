"""The Textual user interface: the app, its screens and widgets.

Textual paints at most ``TEXTUAL_FPS`` frames a second (60 by default), so a
key can wait up to a frame before its result is drawn. The board repaints
only when something changed, so a higher ceiling costs nothing while idle and
halves that wait; it is set here, before Textual is imported, unless the
user chose a value.
"""

import os

os.environ.setdefault("TEXTUAL_FPS", "120")
