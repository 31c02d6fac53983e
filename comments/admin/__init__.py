"""Comment moderation in the Wagtail admin, like WordPress's comment screen.

Everything here needs the permission ``comments.moderate_comment``, which only the group
"Moderation" holds (an editor who also moderates is put in both groups):

* ``/admin/snippets/comments/comment/``: menu item "Kommentare (N)", N = comments waiting;
  filters on status, page, page type and date, search in name, e-mail and text, bulk actions
  "Freischalten", "Als Spam markieren", "In den Papierkorb" and "Löschen".
* ``/admin/snippets/comments/comment/edit/<pk>/``: change text, name, website and status.
* ``/admin/snippets/comments/comment/reply/<pk>/``: "Als Team antworten".
* ``/admin/snippets/comments/commentreport/``: menu item "Meldungen (M)", M = open reports;
  bulk action "Als erledigt markieren".
* ``/admin/bulk/comments/comment/<approve|spam|trash|delete>/?id=<pk>&id=…``: bulk actions.
* A dashboard panel with both numbers.

Nobody creates comments or reports from scratch in the admin: they come from visitors,
or as team replies. Everything a commenter sent is rendered by Django's autoescaping.
"""
