"""Comment moderation in the Wagtail admin, like WordPress's comment screen.

Everything here needs the permission ``comments.moderate_comment``, which only the group
"Moderation" holds (an editor who also moderates is put in both groups):

* ``/admin/snippets/comments/comment/``: menu item "Kommentare (N)", N = comments waiting;
  status tabs with counts "Alle" (without spam and bin, as WordPress), "Ausstehend"
  (``?status=pending``, the dashboard's link), "Freigegeben" (``approved``), "Spam" (``spam``),
  "Papierkorb" (``trash``); filters on page, page type and date, search in name, e-mail and
  text, bulk actions "Freischalten", "Als Spam markieren", "In den Papierkorb" and "Löschen".
  Each row shows the whole comment and one-click buttons (``row_actions.py``): "Freigeben",
  "Zurückziehen", "Spam", "Papierkorb", and "Antworten" (inline; on a waiting comment
  "Freigeben und antworten"); each status change offers "Rückgängig".
* ``moderate/<pk>/``, ``undo/<pk>/``, ``quick-reply/<pk>/``: what those buttons POST.
* Keyboard: every button is reachable with Tab in reading order (author, text, buttons, post);
  there are no single-key shortcuts (WordPress's j/k/a/s/d), because WCAG 2.1.4 asks for a way
  to turn such shortcuts off, and a stray key in the reply field must never bin a comment.
* ``/admin/snippets/comments/comment/edit/<pk>/``: change text, name, website and status.
* ``/admin/snippets/comments/comment/reply/<pk>/``: "Als Team antworten".
* ``/admin/snippets/comments/commentreport/``: menu item "Meldungen (M)", M = open reports;
  bulk action "Als erledigt markieren".
* ``/admin/bulk/comments/comment/<approve|spam|trash|delete>/?id=<pk>&id=…``: bulk actions.
* A dashboard panel with both numbers.

Nobody creates comments or reports from scratch in the admin: they come from visitors,
or as team replies. Everything a commenter sent is rendered by Django's autoescaping.
"""
