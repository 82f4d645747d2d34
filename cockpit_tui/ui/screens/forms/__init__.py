"""The small forms of the lead screen and the board, each a modal screen."""

from cockpit_tui.ui.screens.forms.assign_picker import AssignChoice, AssignPicker
from cockpit_tui.ui.screens.forms.form_screen import FormScreen
from cockpit_tui.ui.screens.forms.lost_form import LostForm
from cockpit_tui.ui.screens.forms.sale_form import SaleForm
from cockpit_tui.ui.screens.forms.schedule_form import ScheduleForm
from cockpit_tui.ui.screens.forms.text_form import TextForm
from cockpit_tui.ui.screens.forms.visit_result_form import VisitResultForm

__all__ = [
    "AssignChoice",
    "AssignPicker",
    "FormScreen",
    "LostForm",
    "SaleForm",
    "ScheduleForm",
    "TextForm",
    "VisitResultForm",
]
