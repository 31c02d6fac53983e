"""Public comments on any page, their reports and the discussion settings (as in WordPress)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from comments.words import (
    COMMENTS_PAGE_PARAM,
    REPORT_ROUTE,
    comment_anchor,
    comment_author_anchor,
)
from home.models.notices import NoticeReason, NoticeReport, decision_field, reason_field
from home.routes import LocalisedRoutesMixin

ANONYMOUS_NAME = "Anonym"
DEFAULT_COMMENTS_PER_PAGE = 50
IP_RETENTION_DAYS = 30


class ModerationReason(models.TextChoices):
    """Why a comment got its status, stored as ``code`` or ``code:detail`` (word, count, ...).

    The label is the German text moderators see, translated when shown; ``%(detail)s`` is the
    part after the colon.
    """

    HOLD_ALL = "hold_all", _("Alle Kommentare werden geprüft")
    FIRST_COMMENT = "first_comment", _("Erster Kommentar")
    KNOWN_AUTHOR = "known_author", _("Bekannter Name")
    TEAM_REPLY = "team_reply", _("Antwort des Teams")
    DISALLOWED_WORD = "disallowed_word", _("Gesperrtes Wort: %(detail)s")
    # A word of a list matched the sender's IP address: the address is never stored.
    DISALLOWED_ADDRESS = "disallowed_address", _("Gesperrtes Wort: (IP-Adresse)")
    MODERATION_WORD = "moderation_word", _("Wort zum Zurückhalten: %(detail)s")
    MODERATION_ADDRESS = "moderation_address", _("Wort zum Zurückhalten: (IP-Adresse)")
    LINKS = "links", _("Links")  # shown as "3 Links"
    # A moderator's bulk action: ``manual:<status>`` or ``manual:<status>:<username>``.
    MANUAL = "manual", _("Von Hand: %(detail)s")

    @classmethod
    def stored(cls, code, detail=None):
        """The value to store: the code, and its detail after a colon (within the field's length)."""
        value = code if detail is None else f"{code}:{detail}"
        return value[:MODERATION_REASON_LENGTH]

    @classmethod
    def label_of(cls, value):
        """The translated text of a stored value; a text that is no code is shown as it is."""
        code, _colon, detail = value.partition(":")
        if code not in cls.values:
            return value
        if code == cls.LINKS:
            if not (detail.isascii() and detail.isdecimal()):
                return value
            count = int(detail)
            return ngettext("%(count)d Link", "%(count)d Links", count) % {"count": count}
        if code == cls.MANUAL:
            status, _colon, username = detail.partition(":")
            if status in Comment.Status.values:
                status = Comment.Status(status).label
            if username:
                detail = gettext("%(status)s (%(user)s)") % {"status": status, "user": username}
            else:
                detail = str(status)
        return str(cls(code).label) % {"detail": detail}


MODERATION_REASON_LENGTH = 200


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def by_email(self, email):
        return self.filter(email__iexact=email.strip())

    def public_for(self, page):
        """Approved comments of a page in thread order, ready to render without more queries."""
        return self.approved().filter(page=page).select_related("user").order_by("created_at", "pk")


class Comment(models.Model):
    """A comment on a page. Name, e-mail and website are plain text; e-mail is never shown."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Wartet auf Freischaltung")
        APPROVED = "approved", _("Freigeschaltet")
        SPAM = "spam", _("Spam")
        TRASH = "trash", _("Papierkorb")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        on_delete=models.CASCADE,
        related_name="portal_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Antwort auf"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField(_("Ebene"), default=1, editable=False)
    name = models.CharField(_("Name"), max_length=100)
    # Blank only after the commenter's data was erased (erase_personal_data).
    email = models.EmailField(_("E-Mail"), max_length=254, blank=True)
    url = models.URLField(_("Website"), max_length=300, blank=True)
    text = models.TextField(_("Kommentar"), max_length=5000)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    is_team = models.BooleanField(
        _("Antwort des Teams"), default=False, help_text=_("Wird mit dem Abzeichen „Team“ gezeigt.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Geschrieben von (Zugang)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A keyed hash of the address, never the address itself; removed after 30 days.
    ip_hash = models.CharField(_("IP-Prüfsumme"), max_length=64, blank=True, editable=False)
    # A ModerationReason value; older rows may hold a text of their own.
    moderation_reason = models.CharField(
        _("Grund der Einstufung"),
        max_length=MODERATION_REASON_LENGTH,
        blank=True,
        editable=False,
    )
    consent_at = models.DateTimeField(_("Einwilligung am"), null=True, blank=True, editable=False)
    # Which wording of the consent box was agreed to (home/consent.py).
    consent_version = models.CharField(
        _("Fassung der Einwilligung"), max_length=20, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("Geschrieben am"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    objects = CommentQuerySet.as_manager()
    # Only a comment that is or was approved changes public pages (comments/signals.py).
    bumps_generation_itself = True

    panels = [
        FieldPanel("status"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("url"),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "status", "created_at"])]
        permissions = [("moderate_comment", _("Kommentare moderieren"))]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"

    @classmethod
    def from_db(cls, db, field_names, values):
        comment = super().from_db(db, field_names, values)
        # Whether saving or deleting it changes a public page (comments/signals.py); a comment
        # loaded without its status counts as public.
        status = comment.__dict__.get("status", cls.Status.APPROVED)
        comment.was_public = status == cls.Status.APPROVED
        return comment

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    def anonymise(self):
        """Erase who wrote the comment, keep what was written (as WordPress does)."""
        self.name = ANONYMOUS_NAME
        self.email = ""
        self.url = ""
        self.ip_hash = ""

    def get_moderation_reason_display(self):
        return ModerationReason.label_of(self.moderation_reason)

    def anchor(self):
        return comment_anchor(self.pk)

    def author_anchor(self):
        return comment_author_anchor(self.pk)

    def thread_root(self):
        comment = self
        while comment.parent_id is not None:
            comment = comment.parent
        return comment

    def public_url(self, request=None, *, full=False, own_ids=(), discussion=None):
        """The post's address on the comment page that shows this comment, with its anchor.

        As WordPress's ``get_page_of_comment``: pages count threads from the oldest, so a
        link stays right while newer comments arrive. ``own_ids`` are the visitor's own
        waiting comments, which the visitor sees in the list.
        """
        page = self.page
        if discussion is None:
            discussion = DiscussionSettings.for_site(page.get_site())
        per_page = discussion.comments_per_page or DEFAULT_COMMENTS_PER_PAGE
        root = self.thread_root()
        threads = Comment.objects.filter(
            models.Q(status=Comment.Status.APPROVED)
            | models.Q(pk__in=list(own_ids), status=Comment.Status.PENDING),
            page_id=page.pk,
            parent__isnull=True,
        )
        before = threads.filter(
            models.Q(created_at__lt=root.created_at)
            | models.Q(created_at=root.created_at, pk__lt=root.pk)
        ).count()
        number = before // per_page + 1
        single_page = threads.count() <= per_page
        opens_here = (
            number == 1
            and discussion.default_comments_page == DiscussionSettings.CommentsPage.OLDEST
        )
        query = "" if single_page or opens_here else f"?{COMMENTS_PAGE_PARAM}={number}"
        base = page.get_full_url(request) if full else page.get_url(request)
        return f"{base}{query}#{self.anchor()}"


class CommentReport(NoticeReport):
    """A visitor's report of a comment (Digital Services Act, Art. 16), and the decision on it.

    Every report since the good-faith box was sent with the visitor's statement that it is
    accurate and complete (Art. 16(2)(d)); the contact address, when given, gets the decision
    and is cleared NOTICE_CONTACT_RETENTION_DAYS after it (comments/privacy.py).
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Offen")
        NO_VIOLATION = "no_violation", _("Kein Verstoß")
        TRASHED = "trashed", _("Kommentar entfernt (Papierkorb)")
        SPAM = "spam", _("Kommentar entfernt (Spam)")
        # Reports closed before decisions were recorded, and reports closed in bulk, for
        # instance after the comment was moderated from the comment list.
        DONE = "done", _("Erledigt")

    comment = models.ForeignKey(
        Comment, verbose_name=_("Kommentar"), on_delete=models.CASCADE, related_name="reports"
    )
    # A comment is an opinion: whether it is right is not for the house to judge.
    reason = reason_field(NoticeReason.WRONG)
    status = decision_field(
        Status,
        _(
            "„Kommentar entfernt“ legt den Kommentar in den Papierkorb oder in den Spam; "
            "in der Kommentarliste lässt er sich wiederherstellen."
        ),
    )

    class Meta(NoticeReport.Meta):
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment}"


@register_setting(icon="comment")
class DiscussionSettings(BaseSiteSetting):
    """The rules for comments, like WordPress's discussion settings."""

    class Moderation(models.TextChoices):
        ALL = "all", _("Jeden Kommentar zur Freischaltung zurückhalten")
        KNOWN = "known", _("Bekannte Namen automatisch freischalten (schon einmal freigeschaltet)")
        NONE = "none", _("Sofort veröffentlichen (Regeln unten gelten trotzdem)")

    class CommentsPage(models.TextChoices):
        NEWEST = "newest", _("Letzte Seite (mit den neuesten Kommentaren)")
        OLDEST = "oldest", _("Erste Seite (mit den ältesten Kommentaren)")

    class CommentOrder(models.TextChoices):
        OLDEST_FIRST = "asc", _("Ältere Kommentare oben")
        NEWEST_FIRST = "desc", _("Neuere Kommentare oben")

    comments_enabled = models.BooleanField(
        _("Kommentare erlauben"),
        default=True,
        help_text=_("Schaltet Kommentare auf der ganzen Website ein oder aus."),
    )
    moderation = models.CharField(
        _("Freischaltung"), max_length=10, choices=Moderation.choices, default=Moderation.KNOWN
    )
    hold_link_count = models.PositiveSmallIntegerField(
        _("Zurückhalten ab so vielen Links"),
        default=2,
        help_text=_("Kommentare mit so vielen oder mehr Links warten auf Freischaltung."),
    )
    moderation_words = models.TextField(
        _("Wörter zum Zurückhalten"),
        blank=True,
        help_text=_(
            "Ein Wort, eine E-Mail- oder IP-Adresse pro Zeile. Kommt es in Name, E-Mail, "
            "Website, Text, der IP-Adresse oder dem Browser (User-Agent) des Absenders vor, "
            "wartet der Kommentar auf Freischaltung. Die IP-Adresse wird dafür nur beim Absenden geprüft, nicht gespeichert."
        ),
    )
    disallowed_words = models.TextField(
        _("Gesperrte Wörter"),
        blank=True,
        help_text=_(
            "Ein Wort, eine E-Mail- oder IP-Adresse pro Zeile. Kommt es in Name, E-Mail, "
            "Website, Text, der IP-Adresse oder dem Browser (User-Agent) des Absenders vor, "
            "landet der Kommentar im Spam. Die IP-Adresse wird dafür nur beim Absenden geprüft, nicht gespeichert."
        ),
    )
    close_after_days = models.PositiveSmallIntegerField(
        _("Kommentare schließen nach Tagen"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, damit Beiträge immer kommentiert werden können."),
    )
    comments_per_page = models.PositiveSmallIntegerField(
        _("Gespräche pro Seite"), default=50, help_text=_("Anzahl der Kommentare oberster Ebene.")
    )
    default_comments_page = models.CharField(
        _("Kommentarseite, die zuerst angezeigt wird"),
        max_length=10,
        choices=CommentsPage.choices,
        default=CommentsPage.NEWEST,
        help_text=_(
            "Haben mehr Gespräche, als auf eine Seite passen: Welche Seite sehen Besucher zuerst, "
            "wenn sie den Beitrag öffnen?"
        ),
    )
    comment_order = models.CharField(
        _("Reihenfolge auf jeder Seite"),
        max_length=10,
        choices=CommentOrder.choices,
        default=CommentOrder.OLDEST_FIRST,
        help_text=_("Gilt für die Gespräche; Antworten stehen immer in zeitlicher Reihenfolge."),
    )
    thread_depth = models.PositiveSmallIntegerField(
        _("Verschachtelung (Ebenen)"),
        default=3,
        help_text=_(
            "Wie tief Antworten auf Antworten eingerückt werden dürfen (1 = keine Antworten)."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Seite, auf die das Kommentarformular bei der Einwilligung verlinkt."),
    )
    notify_moderators = models.BooleanField(
        _("Moderation per E-Mail benachrichtigen"),
        default=True,
        help_text=_(
            "Alle in der Gruppe „Moderation“ bekommen eine E-Mail, wenn ein Kommentar wartet."
        ),
    )

    # The comment form links the privacy page: fetched with the settings, in one query.
    select_related = ["privacy_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("comments_enabled"),
                FieldPanel("close_after_days"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Allgemein"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("moderation"),
                FieldPanel("hold_link_count"),
                FieldPanel("moderation_words"),
                FieldPanel("disallowed_words"),
                FieldPanel("notify_moderators"),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("comments_per_page"),
                FieldPanel("default_comments_page"),
                FieldPanel("comment_order"),
                FieldPanel("thread_depth"),
            ],
            heading=_("Darstellung"),
        ),
    ]

    class Meta:
        verbose_name = _("Diskussion")

    @staticmethod
    def _words(text):
        return [line.strip().lower() for line in text.splitlines() if line.strip()]

    def moderation_word_list(self):
        return self._words(self.moderation_words)

    def disallowed_word_list(self):
        return self._words(self.disallowed_words)


class CommentablePageMixin(LocalisedRoutesMixin, models.Model):
    """Pages that visitors can comment on; use together with ``RoutablePageMixin``.

    The page's route calls ``serve_with_comments`` and its template includes
    ``comments/includes/comments.html``; the report route (``REPORT_ROUTE``/<id>/) comes with the mixin.
    """

    comments_enabled = models.BooleanField(
        _("Kommentare erlauben"),
        default=True,
        help_text=_("Ausschalten, um Kommentare nur für diese Seite zu schließen."),
    )

    class Meta:
        abstract = True

    def comments_reference_date(self):
        """The date from which "close comments after N days" counts."""
        return self.first_published_at

    def serve_with_comments(self, request, get_extra_context=None):
        """The page with its comment section; a stored comment redirects (post/redirect/get).

        ``get_extra_context()`` adds the page type's own context; it is only called when the
        page is rendered, not on the redirect after a comment.
        """
        from comments.views import comment_section

        section = comment_section(self, request)
        if section.redirect is not None:
            return section.redirect
        extra = get_extra_context() if get_extra_context else {}
        response = self.render(request, context_overrides={**section.context, **extra})
        response.status_code = section.status
        return response

    @path(f"{REPORT_ROUTE}/<int:comment_id>/", name="report")
    def report_view(self, request, comment_id):
        from comments.views import report_comment

        return report_comment(self, request, comment_id)
