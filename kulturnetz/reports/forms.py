"""The report form of a directory entry: the shared notice form (with the e-mail address for
the answer and the statement in good faith the Digital Services Act asks for, Art. 16(2)(d))."""

from django.utils.translation import gettext_lazy as _

from home.notices import NoticeForm
from kulturnetz.models import EntryReport


class EntryReportForm(NoticeForm):
    explanation_required = _("Bitte beschreibe, was an dem Eintrag nicht stimmt und wo es steht.")

    class Meta(NoticeForm.Meta):
        model = EntryReport
