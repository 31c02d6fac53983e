"""The demo's privacy policy, written from the values the code uses, so the two cannot drift.

Every cookie the site can set and every period after which data goes is read here from the
setting or constant that governs it. Editors adapt the text in the admin afterwards; a test
(tests/home/test_privacy_page.py) checks the demo page against the code.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

from comments.models import IP_RETENTION_DAYS
from comments.views import OWN_COMMENTS_MAX_AGE, REMEMBER_MAX_AGE
from comments.words import OWN_COMMENTS_COOKIE, REMEMBER_COOKIE
from home.form_protection import FLOOD_RECORD_DAYS, MAX_FORM_SECONDS
from home.models.notices import NOTICE_CONTACT_RETENTION_DAYS
from portal.demo import T
from portal.hooks import PERSONAL_DATA, collect

HOUR = 60 * 60
DAY = 24 * HOUR


def duration(seconds, dative=False):
    """A period as the policy states it, in whole days or hours, in both languages.

    ``dative`` gives the German form after "nach" ("nach 30 Tagen").
    """
    if seconds % DAY == 0:
        days = seconds // DAY
        plural = "Tagen" if dative else "Tage"
        return T(
            f"{days} Tag" if days == 1 else f"{days} {plural}", f"{days} day{'s' * (days != 1)}"
        )
    hours = seconds // HOUR
    return T(
        f"{hours} Stunde" if hours == 1 else f"{hours} Stunden",
        f"{hours} hour{'s' * (hours != 1)}",
    )


def _paragraph(de, en):
    return ("paragraph", T(f"<p>{de}</p>", f"<p>{en}</p>"))


def _heading(de, en):
    return ("heading", {"text": T(de, en), "level": "h2"})


def cookies():
    """(name, German text, English text) of every cookie the site can set."""
    remember, own = duration(REMEMBER_MAX_AGE), duration(OWN_COMMENTS_MAX_AGE)
    csrf = duration(settings.CSRF_COOKIE_AGE, dative=True)
    session = duration(settings.SESSION_COOKIE_AGE, dative=True)
    return [
        (
            settings.CSRF_COOKIE_NAME,
            "schützt Formulare (Kommentar, Meldung) davor, von fremden Seiten aus abgeschickt "
            f"zu werden. Es wird gesetzt, wenn eine Seite mit einem solchen Formular geöffnet "
            f"wird, und läuft nach {csrf.de} ab.",
            "protects forms (comment, report) from being sent from other websites. It is set "
            f"when a page with such a form is opened and expires after {csrf.en}.",
        ),
        (
            CookieStorage.cookie_name,
            "trägt eine Bestätigung wie „Danke! Dein Kommentar ist veröffentlicht.“ zur "
            "nächsten Seite und wird gelöscht, sobald sie angezeigt ist.",
            "carries a confirmation such as “Thank you! Your comment has been published.” to "
            "the next page and is deleted as soon as it has been shown.",
        ),
        (
            OWN_COMMENTS_COOKIE,
            "merkt sich nach dem Absenden, welche Kommentare noch auf Freischaltung warten, "
            f"damit nur ihr Verfasser oder ihre Verfasserin sie sieht; es läuft nach {own.de} ab.",
            "remembers after sending which comments are still waiting for approval, so that "
            f"only their author sees them; it expires after {own.en}.",
        ),
        (
            REMEMBER_COOKIE,
            "nur wenn Ihr beim Kommentieren „in diesem Browser speichern“ ankreuzt: Name, "
            f"E-Mail-Adresse und Website für den nächsten Kommentar, für {remember.de}. Ohne "
            "Häkchen wird es gelöscht.",
            "only if you tick “save in this browser” when commenting: name, e-mail address "
            f"and website for the next comment, for {remember.en}. Without the tick it is "
            "deleted.",
        ),
        (
            settings.SESSION_COOKIE_NAME,
            "nur für Menschen aus unserem Team, die sich zum Bearbeiten anmelden, und beim "
            f"Öffnen einer passwortgeschützten Seite; es läuft nach {session.de} ab.",
            "only for members of our team who log in to edit, and when a password-protected "
            f"page is opened; it expires after {session.en}.",
        ),
    ]


def privacy_body():
    """The body of the demo privacy policy: services, logs, comments, forms, cookies, rights."""
    ip_days = duration(IP_RETENTION_DAYS * DAY, dative=True)
    flood = duration(FLOOD_RECORD_DAYS * DAY, dative=True)
    form_time = duration(MAX_FORM_SECONDS)
    body = [
        _heading("Keine Dienste von Dritten", "No third-party services"),
        _paragraph(
            "Diese Website lädt keine Schriften, Skripte oder Zähler von anderen Anbietern. "
            "Videos von YouTube oder Vimeo und die Kartenbilder von OpenStreetMap auf unseren "
            "Karten werden erst geladen, wenn Ihr das ausdrücklich anklickt; dann erfährt der "
            "Anbieter Eure IP-Adresse. Kreuzt Ihr bei einer Karte „Auswahl merken“ an, merkt "
            "sich Euer Browser das (in seinem lokalen Speicher, nicht als Cookie), bis Ihr auf "
            "der Karte „Karte ausblenden“ klickt.",
            "This website loads no fonts, scripts or counters from other providers. Videos from "
            "YouTube or Vimeo and the map images from OpenStreetMap on our maps are only loaded "
            "when you explicitly click on them; the provider then learns your IP address. If you "
            "tick “Remember my choice” at a map, your browser remembers it (in its local "
            "storage, not as a cookie) until you click “Hide map” on the map.",
        ),
        _heading("Server-Protokolle", "Server logs"),
        _paragraph(
            "Beim Aufruf einer Seite verarbeitet unser Server technisch notwendige Daten wie "
            "Zeitpunkt und aufgerufene Adresse, um die Website sicher zu betreiben.",
            "When you open a page our server processes technically necessary data such as the "
            "time and the address requested in order to run the website securely.",
        ),
        _heading("Kommentare", "Comments"),
        _paragraph(
            "Wer kommentiert, gibt uns Name, E-Mail-Adresse, auf Wunsch eine Website und den "
            "Text. Wir speichern sie mit dem Zeitpunkt des Kommentars, dem Zeitpunkt und dem "
            "Wortlaut Eurer Einwilligung. "
            "Veröffentlicht werden nur Name, Website und Text; die E-Mail-Adresse sieht nur "
            "unser Team.",
            "Commenters give us their name, e-mail address, optionally a website, and the text. "
            "We store them with the time of the comment and the time and wording of your consent. "
            "Only the name, website "
            "and text are published; only our team sees the e-mail address.",
        ),
        _paragraph(
            "Eure IP-Adresse speichern wir nicht. Wir bilden daraus mit einem geheimen Schlüssel "
            "eine Prüfsumme gegen Spam und Überflutung und löschen sie nach "
            f"{ip_days.de}.",
            "We do not store your IP address. We derive a checksum from it with a secret key, "
            f"against spam and flooding, and delete it after {ip_days.en}.",
        ),
        _paragraph(
            "Kommentare bleiben gespeichert, bis Ihr uns um Löschung bittet oder wir sie "
            "entfernen. Auf Wunsch bekommt Ihr alle Eure Kommentare als Datei, oder wir "
            "löschen Name, E-Mail-Adresse, Website und Prüfsumme; der Text bleibt dann ohne "
            "Namen stehen.",
            "Comments stay stored until you ask us to delete them or we remove them. On "
            "request you receive all your comments as a file, or we delete the name, e-mail "
            "address, website and checksum; the text then stays without a name.",
        ),
        _heading("Meldungen und Formulare", "Reports and forms"),
        _paragraph(
            "Wer einen Kommentar meldet, gibt uns Grund, Begründung und freiwillig eine "
            "E-Mail-Adresse. An sie schicken wir unsere Entscheidung über die Meldung und "
            f"löschen sie {NOTICE_CONTACT_RETENTION_DAYS} Tage nach der Entscheidung. Die "
            "Meldung wird mit dem gemeldeten Kommentar gelöscht.",
            "Anyone reporting a comment gives us a reason, an explanation and optionally an "
            "e-mail address. We send our decision on the report to that address and delete it "
            f"{NOTICE_CONTACT_RETENTION_DAYS} days after the decision. The report is deleted "
            "together with the reported comment.",
        ),
        _paragraph(
            "Gegen Spam trägt jedes Formular eine signierte Startzeit; ein Formular gilt "
            f"{form_time.de} lang und kann einmal abgeschickt werden. Damit niemand die "
            "Formulare überflutet, merken wir uns zu jeder Prüfsumme von IP- und "
            f"E-Mail-Adresse den Zeitpunkt des letzten Absendens und löschen ihn nach "
            f"{flood.de}.",
            "Against spam every form carries a signed start time; a form is valid for "
            f"{form_time.en} and can be sent once. So that nobody floods the forms, we keep "
            "the time of the last submission for each checksum of IP and e-mail address and "
            f"delete it after {flood.en}.",
        ),
    ]
    for source in collect(PERSONAL_DATA):
        body += [_paragraph(de, en) for de, en in source.statement()]
    body += [
        _heading("Cookies", "Cookies"),
        _paragraph(
            "Wir setzen nur Cookies, die für die Website nötig sind, und keine zur Analyse oder "
            "Werbung. Ein Sprach-Cookie "
            f"({settings.LANGUAGE_COOKIE_NAME}) setzen wir nicht: Die Sprache steht in der "
            "Adresse.",
            "We only set cookies that the website needs, none for analytics or advertising. We "
            f"set no language cookie ({settings.LANGUAGE_COOKIE_NAME}): the language is part "
            "of the address.",
        ),
    ]
    for name, de, en in cookies():
        body.append(_paragraph(f"{name}: {de}", f"{name}: {en}"))
    body += [
        _heading("Eure Rechte", "Your rights"),
        _paragraph(
            "Ihr habt das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
            "Verarbeitung Eurer Daten sowie das Recht auf Beschwerde bei der Aufsichtsbehörde.",
            "You have the right to access, rectify, erase and restrict the processing of your "
            "data, and the right to lodge a complaint with the supervisory authority.",
        ),
    ]
    return body
