"""Reports of directory entries from visitors (Digital Services Act, Art. 16), and the decision.

Every actor, venue and event page links its report form ("Inhalt melden", views.py, through
``ReportContentMixin``); a report reaches the moderators by e-mail (notifications.py) and in
the admin's "Meldungen zu Einträgen" (viewsets.py), where they record a decision
(decisions.py): a removal unpublishes the entry, and a reporter who left an address hears of
the decision. What is kept about reporters: privacy.py.
"""
