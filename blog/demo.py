"""Demo content of the blog: the index, the team, categories, six posts and their comments.

The posts tell the story of the house's digitalisation in the team's own voice. Every German
text comes with its English translation as a ``T(german, english)`` pair; pages are
translated with wagtail-localize, snippets with ``copy_for_translation``. A second run
creates and changes nothing.
"""

import copy
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from blog.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPostAuthor,
    BlogPostPage,
    BlogPostTag,
    Person,
    TagTranslation,
)
from comments.models import Comment, CommentReport, ModerationReason
from home.demo import DEMO_EDITOR, add_to_main_menu
from portal.demo import ILLUSTRATION_CREDIT, T, pick

BERLIN = ZoneInfo("Europe/Berlin")
BLOG_SLUG = "blog"
TEAM_NAME = "Team Haus am Westbahnhof"

SIGN_OFF = (
    "paragraph",
    T(
        "<p>Euer Team vom Haus am Westbahnhof</p>",
        "<p>Your team at Haus am Westbahnhof</p>",
    ),
)

INDEX = {
    "title": T("Blog", "Blog"),
    "intro": T(
        "Hier erzählen wir, was im Haus am Westbahnhof passiert: vom Programm, von den Menschen, "
        "die es möglich machen, und von unserem Weg in die Digitalisierung. Lest mit und sagt "
        "uns in den Kommentaren, was Ihr denkt – wir freuen uns auf Euch.",
        "Here we tell you what is happening at Haus am Westbahnhof: about our programme, the "
        "people who make it possible and our path into digitalisation. Read along and tell us "
        "in the comments what you think – we look forward to hearing from you.",
    ),
    "search_description": T(
        "Der Blog des Hauses am Westbahnhof in Landau: Neuigkeiten aus dem Haus, dem "
        "Kulturnetz Landau und unserem Digitalisierungsprozess.",
        "The blog of Haus am Westbahnhof in Landau: news from the house, the Kulturnetz "
        "Landau and our digitalisation process.",
    ),
    "posts_per_page": 10,
}

PEOPLE = [
    {
        "slug": "miriam-keller",
        "name": "Miriam Keller",
        "role": T("Programm und Öffentlichkeitsarbeit", "Programme and public relations"),
        "bio": T(
            "Miriam plant mit uns das Programm und schreibt die meisten Texte, die Ihr von uns "
            "lest: im Blog, im Newsletter und auf den Plakaten. Wenn Ihr eine Idee für einen "
            "Abend bei uns habt, ist sie Eure erste Ansprechpartnerin.",
            "Miriam plans the programme with us and writes most of the texts you read from us: "
            "on the blog, in the newsletter and on the posters. If you have an idea for an "
            "evening at our house, she is the first person to talk to.",
        ),
        "seed": 201,
        "editor": True,
    },
    {
        "slug": "jonas-albrecht",
        "name": "Jonas Albrecht",
        "role": T("Vorstand", "Board"),
        "bio": T(
            "Jonas ist seit vielen Jahren im Vorstand von Leben und Kultur e.V. und behält mit "
            "uns die Finanzen und die großen Linien im Blick. Unseren Digitalisierungsprozess "
            "begleitet er von Anfang an, am liebsten mit Stift und Flipchart.",
            "Jonas has been on the board of Leben und Kultur e.V. for many years and keeps an "
            "eye on the finances and the big picture with us. He has been part of our "
            "digitalisation process from the start, preferably with a pen and a flip chart.",
        ),
        "seed": 202,
        "editor": False,
    },
    {
        "slug": "selin-aydin",
        "name": "Selin Aydın",
        "role": T("Technik und Haus", "Technology and building"),
        "bio": T(
            "Selin sorgt mit uns dafür, dass Licht, Ton und Heizung funktionieren und jede "
            "Veranstaltung pünktlich beginnen kann. Sie kennt jedes Kabel im Saal und weiß, "
            "welche Programme uns im Alltag wirklich helfen.",
            "Selin makes sure with us that the lights, the sound and the heating work and that "
            "every event can start on time. She knows every cable in the hall and knows which "
            "programs really help us in our everyday work.",
        ),
        "seed": 203,
        "editor": False,
    },
]

CATEGORIES = [
    {
        "slug": T("digitalisierung", "digitalisation"),
        "name": T("Digitalisierung", "Digitalisation"),
        "description": T(
            "Wie wir unsere Abläufe Schritt für Schritt durchdenken und erst danach die "
            "passenden digitalen Werkzeuge wählen.",
            "How we think through our processes step by step and only then choose the right "
            "digital tools.",
        ),
    },
    {
        "slug": T("aus-dem-haus", "news-from-the-house"),
        "name": T("Aus dem Haus", "News from the house"),
        "description": T(
            "Neuigkeiten aus dem Haus am Westbahnhof: vom Programm, von den Räumen und von den "
            "Menschen, die hier arbeiten.",
            "News from Haus am Westbahnhof: about the programme, the rooms and the people who "
            "work here.",
        ),
    },
    {
        "slug": T("kulturnetz", "kulturnetz"),
        "name": T("Kulturnetz Landau", "Kulturnetz Landau"),
        "description": T(
            "Alles rund um das Netzwerk der freien Kulturszene in Landau und der "
            "Verbandsgemeinde Landau-Land.",
            "Everything about the network of the independent cultural scene in Landau and the "
            "Verbandsgemeinde Landau-Land.",
        ),
    },
]


def heading(de, en, level="h2"):
    return ("heading", {"text": T(de, en), "level": level})


POSTS = [
    {
        "key": "start",
        "slug": T("erst-die-ablaeufe-dann-die-werkzeuge", "processes-first-tools-second"),
        "title": T(
            "Erst die Abläufe, dann die Werkzeuge: Wir starten unsere Digitalisierung",
            "Processes first, tools second: we are starting our digitalisation",
        ),
        "date": date(2026, 6, 4),
        "teaser": T(
            "Wir nutzen seit Jahren digitale Werkzeuge, und trotzdem hakt es an vielen Stellen. "
            "Deshalb schauen wir jetzt mit externer Begleitung auf jeden einzelnen Ablauf im "
            "Haus, bevor wir uns für neue Programme entscheiden. Hier erzählen wir, warum.",
            "We have used digital tools for years, and yet things get stuck in many places. So "
            "now, with outside support, we are looking at every single process in the house "
            "before we decide on any new software. Here we tell you why.",
        ),
        "image": ("Blog: Erst die Abläufe", 101, "workshop"),
        "header_image_alt": T(
            "Illustration: Fünf Menschen sitzen an einem langen Tisch mit Tassen und Zetteln, an der Wand hängen Notizzettel und ein Flipchart",
            "Illustration: five people at a long table with cups and papers, sticky notes and a flip chart on the wall",
        ),
        "body": [
            heading("Viele Werkzeuge, wenig Wirkung", "Lots of tools, little effect"),
            (
                "paragraph",
                T(
                    "<p>Ein Kalender hier, eine Chatgruppe dort, ein Formular für die "
                    "Kulturnacht und eine Tabelle für die Raumbelegung: Digitale Werkzeuge "
                    "haben wir reichlich. Auch das Kulturnetz Landau haben wir mit viel "
                    "Herzblut aufgebaut. Ehrlich gesagt hat uns vieles davon aber weniger "
                    "geholfen, als wir gehofft hatten.</p>"
                    "<p>Der Grund ist einfach: Wir haben Werkzeuge ausgesucht, bevor wir genau "
                    "wussten, welche Arbeit sie uns eigentlich erleichtern sollen. Das wollen "
                    "wir jetzt anders machen.</p>",
                    "<p>A calendar here, a chat group there, a form for the Kulturnacht and a "
                    "spreadsheet for room bookings: we have plenty of digital tools. We also "
                    "built the Kulturnetz Landau with a lot of passion. To be honest, though, "
                    "much of it has helped us less than we had hoped.</p>"
                    "<p>The reason is simple: we picked tools before we knew exactly which "
                    "work they were meant to make easier for us. Now we want to do it "
                    "differently.</p>",
                ),
            ),
            heading("Erst der Ablauf, dann das Werkzeug", "First the process, then the tool"),
            (
                "paragraph",
                T(
                    "<p>Gemeinsam mit einem externen Berater nehmen wir uns jeden Ablauf im Haus "
                    "einzeln vor: die interne Kommunikation, die Buchung von Räumen und "
                    "Künstlern, die Veranstaltungsplanung, das Marketing und das Bezahlen. "
                    "Jeden Ablauf betrachten wir von drei Seiten: Technik, Funktion und Kultur. "
                    "Was muss passieren, wer macht es, und wie arbeiten wir gern zusammen?</p>"
                    "<p>Dabei durchläuft jeder Ablauf dieselben Stufen:</p>"
                    "<ol><li>analysiert</li><li>Funktionen festgelegt</li>"
                    "<li>Anforderungen festgelegt</li><li>Plattform gewählt</li>"
                    "<li>Pilotphase</li><li>im Einsatz</li><li>überprüft</li></ol>"
                    "<p>Erst wenn die Funktionen feststehen, schreiben wir Anforderungen an eine "
                    "Plattform auf. Die Ergebnisse veröffentlichen wir Schritt für Schritt hier "
                    "im Blog, für Euch und für andere Kulturzentren, die vor denselben Fragen "
                    "stehen.</p>",
                    "<p>Together with an external consultant we are going through every process "
                    "in the house one by one: internal communication, booking rooms and "
                    "artists, planning events, marketing and payment. We look at each process "
                    "from three sides: technology, function and culture. What has to happen, "
                    "who does it, and how do we like to work together?</p>"
                    "<p>Every process goes through the same stages:</p>"
                    "<ol><li>analysed</li><li>functions defined</li>"
                    "<li>requirements defined</li><li>platform chosen</li>"
                    "<li>pilot</li><li>in use</li><li>reviewed</li></ol>"
                    "<p>Only once the functions are settled do we write down requirements for "
                    "a platform. We publish the results step by step here on the blog, for you "
                    "and for other cultural centres that face the same questions.</p>",
                ),
            ),
            (
                "quote",
                {
                    "text": T(
                        "Wir wollen nicht möglichst viele Plattformen, sondern Werkzeuge, mit "
                        "denen die Arbeit gelingt – für das Team, für die Ehrenamtlichen und "
                        "für Euch.",
                        "We don't want as many platforms as possible, but tools that get the "
                        "work done – for the team, for the volunteers and for you.",
                    ),
                    "attribution": T("Jonas Albrecht, Vorstand", "Jonas Albrecht, board"),
                },
            ),
            SIGN_OFF,
        ],
        "authors": ["miriam-keller", "jonas-albrecht"],
        "categories": ["digitalisierung", "aus-dem-haus"],
        "tags": ["Digitalisierung", "Prozesse", "Werkzeuge"],
    },
    {
        "key": "communication",
        "slug": T(
            "interne-kommunikation-und-zusammenarbeit", "internal-communication-and-collaboration"
        ),
        "title": T(
            "Wer weiß was? Unsere interne Kommunikation auf dem Prüfstand",
            "Who knows what? Putting our internal communication to the test",
        ),
        "date": date(2026, 7, 2),
        "teaser": T(
            "E-Mails, zwei Messenger und Zettel am Kühlschrank: Bei uns gehen Informationen "
            "schnell verloren. Im ersten Ablauf unseres Digitalisierungsprozesses haben wir "
            "festgelegt, was gute Zusammenarbeit im Haus leisten muss.",
            "E-mails, two messengers and notes on the fridge: information gets lost easily at "
            "our house. In the first process of our digitalisation we have defined what good "
            "collaboration in the house must achieve.",
        ),
        "image": ("Blog: Interne Kommunikation", 102, "cafe"),
        "header_image_alt": T(
            "Illustration: Menschen unterhalten sich an kleinen Tischen in einem Gartencafé unter Lichterketten",
            "Illustration: people talking at small tables in a garden café under string lights",
        ),
        "body": [
            heading("Wo wir stehen", "Where we stand"),
            (
                "paragraph",
                T(
                    "<p>Unser Team ist klein, dafür sind viele Ehrenamtliche dabei: an der "
                    "Theke, an der Abendkasse, an der Technik und in der Programmgruppe. "
                    "Informationen laufen bei uns über E-Mail, zwei Messenger, ein geteiltes "
                    "Laufwerk und ganz klassisch über Zettel am Kühlschrank im Büro. Wer nicht "
                    "jeden Tag im Haus ist, verpasst schnell etwas.</p>"
                    "<p>Deshalb haben wir den Ablauf zuerst analysiert: Wer braucht welche "
                    "Information, wann und wie dringend? Dabei haben wir gemerkt, dass es "
                    "weniger um Technik geht als um Verabredungen. Wo steht was, und wer "
                    "antwortet auf welche Frage?</p>",
                    "<p>Our team is small, but many volunteers are involved: behind the bar, at "
                    "the box office, at the mixing desk and in the programme group. Information "
                    "reaches us by e-mail, two messengers, a shared drive and, quite "
                    "traditionally, notes on the fridge in the office. Anyone who is not in the "
                    "house every day soon misses something.</p>"
                    "<p>So we analysed the process first: who needs which information, when and "
                    "how urgently? We realised that it is less about technology than about "
                    "agreements. Where can something be found, and who answers which "
                    "question?</p>",
                ),
            ),
            heading("Was der Ablauf leisten soll", "What the process should achieve"),
            (
                "paragraph",
                T(
                    "<p>Inzwischen haben wir die Funktionen festgelegt. Gute Zusammenarbeit im "
                    "Haus soll:</p>"
                    "<ul><li>Neuigkeiten zu allen bringen, ohne dass jemand drei Gruppen lesen "
                    "muss,</li><li>Schichten für Theke, Kasse und Technik übersichtlich "
                    "planen,</li><li>Protokolle und Dokumente an einem Ort ablegen,</li>"
                    "<li>auch die Ehrenamtlichen einbinden, die kein Smartphone nutzen "
                    "wollen.</li></ul>"
                    "<p>Als Nächstes schreiben wir die Anforderungen an eine Plattform auf. Bis "
                    "dahin gilt für uns: lieber eine gute Verabredung als ein neues "
                    "Programm.</p>",
                    "<p>We have now defined the functions. Good collaboration in the house "
                    "should:</p>"
                    "<ul><li>bring news to everyone without anyone having to read three "
                    "groups,</li><li>plan shifts for the bar, the box office and the "
                    "technology clearly,</li><li>keep minutes and documents in one place,</li>"
                    "<li>include the volunteers who do not want to use a smartphone.</li></ul>"
                    "<p>Next we will write down the requirements for a platform. Until then our "
                    "rule is: better a good agreement than a new program.</p>",
                ),
            ),
            SIGN_OFF,
        ],
        "authors": ["miriam-keller"],
        "categories": ["digitalisierung", "aus-dem-haus"],
        "tags": ["Digitalisierung", "Zusammenarbeit", "Ehrenamt"],
    },
    {
        "key": "booking",
        "slug": T("buchung-von-raeumen-und-kuenstlern", "booking-rooms-and-artists"),
        "title": T(
            "Räume und Künstler buchen: unsere Anforderungen",
            "Booking rooms and artists: our requirements",
        ),
        "date": date(2026, 8, 6),
        "teaser": T(
            "Saal und Seminarräume vermieten, Künstlerinnen und Künstler für unser Programm "
            "buchen: Beides landet im selben Kalender. Wir zeigen Euch, welche Anforderungen "
            "wir an eine Buchungsplattform stellen und wie wir sie gewichtet haben.",
            "Letting the hall and the seminar rooms, booking artists for our programme: both "
            "end up in the same calendar. We show you which requirements we have for a booking "
            "platform and how we have prioritised them.",
        ),
        "image": ("Blog: Räume und Künstler buchen", 103, "reading"),
        "header_image_alt": T(
            "Illustration: Eine Lesung vor Bücherregalen, das Publikum sitzt in Stuhlreihen",
            "Illustration: a reading in front of bookshelves, the audience seated in rows of chairs",
        ),
        "body": [
            heading("Zwei Buchungen, ein Kalender", "Two kinds of booking, one calendar"),
            (
                "paragraph",
                T(
                    "<p>Beim Buchen geht es bei uns um zwei Dinge: Gruppen, Vereine und "
                    "Privatleute mieten unseren Saal oder einen der beiden Seminarräume, und "
                    "wir selbst buchen Künstlerinnen und Künstler für unser Programm. Beides "
                    "landet am Ende im selben Kalender, und genau dort gab es bisher die meisten "
                    "Missverständnisse.</p>"
                    "<p>Eine Anfrage kommt per Telefon, die nächste per E-Mail, die dritte im "
                    "Gespräch an der Theke. Bis alles im Belegungsplan steht, vergehen manchmal "
                    "Tage, und einmal war der Saal tatsächlich doppelt vergeben. Das wollen wir "
                    "Euch und uns künftig ersparen.</p>",
                    "<p>For us, booking is about two things: groups, associations and private "
                    "people hire our hall or one of the two seminar rooms, and we ourselves book "
                    "artists for our programme. Both end up in the same calendar, and that is "
                    "exactly where most misunderstandings have happened so far.</p>"
                    "<p>One request comes by phone, the next by e-mail, the third in a chat at "
                    "the bar. Sometimes days pass before everything is in the occupancy plan, "
                    "and once the hall really was booked twice. We want to spare you and "
                    "ourselves that in future.</p>",
                ),
            ),
            heading("Was die Plattform können muss", "What the platform must be able to do"),
            (
                "paragraph",
                T(
                    "<p>Die Funktionen des Ablaufs stehen inzwischen fest, und wir haben daraus "
                    "Anforderungen an eine Plattform abgeleitet. Wir sortieren sie nach der "
                    "MoSCoW-Methode: Was muss, was sollte, was könnte sie können, und was kommt "
                    "diesmal ausdrücklich nicht in Frage?</p>",
                    "<p>The functions of the process are now settled, and we have derived "
                    "requirements for a platform from them. We sort them with the MoSCoW "
                    "method: what must, should and could it do, and what is explicitly off the "
                    "table this time?</p>",
                ),
            ),
            (
                "table",
                {
                    "caption": T(
                        "Anforderungen an die Buchung, nach MoSCoW sortiert",
                        "Booking requirements, sorted by MoSCoW",
                    ),
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "data": [
                            [T("Priorität", "Priority"), T("Anforderung", "Requirement")],
                            [
                                T("Muss", "Must"),
                                T(
                                    "Ein gemeinsamer Belegungskalender für Saal und Seminarräume",
                                    "One shared occupancy calendar for the hall and the seminar "
                                    "rooms",
                                ),
                            ],
                            [
                                T("Muss", "Must"),
                                T(
                                    "Alle Anfragen landen an einer Stelle, egal auf welchem Weg "
                                    "sie kommen",
                                    "All requests end up in one place, however they reach us",
                                ),
                            ],
                            [
                                T("Sollte", "Should"),
                                T(
                                    "Mietende sehen freie Termine, ohne uns anrufen zu müssen",
                                    "Hirers can see free dates without having to call us",
                                ),
                            ],
                            [
                                T("Sollte", "Should"),
                                T(
                                    "Verträge für Künstlerbuchungen entstehen aus einer Vorlage",
                                    "Contracts for artist bookings are created from a template",
                                ),
                            ],
                            [
                                T("Könnte", "Could"),
                                T(
                                    "Rechnungen für Raummieten entstehen direkt aus der Buchung",
                                    "Invoices for room hire are created directly from the booking",
                                ),
                            ],
                            [
                                T("Diesmal nicht", "Won't (this time)"),
                                T(
                                    "Buchungen werden ohne Rücksprache mit dem Team automatisch "
                                    "bestätigt",
                                    "Bookings are confirmed automatically without checking with "
                                    "the team",
                                ),
                            ],
                        ],
                    },
                },
            ),
            SIGN_OFF,
        ],
        "authors": ["selin-aydin", "miriam-keller"],
        "categories": ["digitalisierung"],
        "tags": ["Digitalisierung", "Raumvermietung", "Buchung", "Anforderungen"],
    },
    {
        "key": "events",
        "slug": T("veranstaltungen-planen", "planning-events"),
        "title": T(
            "Von der Idee bis zum Applaus: So planen wir Veranstaltungen",
            "From the idea to the applause: how we plan events",
        ),
        "date": date(2026, 9, 10),
        "teaser": T(
            "Für einen einzigen Konzertabend arbeiten bei uns oft zehn Menschen zusammen. Wir "
            "haben den Ablauf einmal ganz aufgezeichnet und festgelegt, was er leisten muss: "
            "ein Termin, einmal eingegeben, soll überall erscheinen.",
            "Often ten people work together at our house for a single concert evening. We have "
            "mapped the whole process and defined what it has to achieve: a date, entered "
            "once, should appear everywhere.",
        ),
        "image": ("Blog: Veranstaltungen planen", 104, "concert"),
        "header_image_alt": T(
            "Illustration: Ein Konzert auf der Bühne im Scheinwerferlicht, davor das Publikum",
            "Illustration: a concert on stage in the spotlights, the audience in front",
        ),
        "body": [
            heading("Was hinter einem Konzertabend steckt", "What goes into a concert evening"),
            (
                "paragraph",
                T(
                    "<p>Bevor bei uns das Saallicht ausgeht, ist viel passiert: Jemand hat eine "
                    "Idee, die Programmgruppe berät, wir klären Termin, Gage und Technik, "
                    "schreiben Ankündigungen, planen Theke und Abendkasse und kümmern uns am "
                    "Ende um die Abrechnung. Für einen einzigen Abend sind oft zehn Menschen "
                    "beteiligt.</p>"
                    "<p>Als wir den Ablauf aufgezeichnet haben, hingen über dreißig Karten an "
                    "der Wand. Die meisten Schleifen entstehen dort, wo Informationen von Hand "
                    "abgeschrieben werden: vom Vertrag in den Kalender und vom Kalender auf die "
                    "Website.</p>",
                    "<p>Before the lights go down in our hall, a lot has happened: someone has "
                    "an idea, the programme group discusses it, we sort out the date, the fee "
                    "and the technology, write announcements, plan the bar and the box office "
                    "and finally take care of the accounts. Often ten people are involved in a "
                    "single evening.</p>"
                    "<p>When we mapped the process, more than thirty cards were hanging on the "
                    "wall. Most of the loops occur where information is copied by hand: from "
                    "the contract into the calendar and from the calendar onto the website.</p>",
                ),
            ),
            heading("Ein Termin, viele Orte", "One date, many places"),
            (
                "paragraph",
                T(
                    "<p>Ein Termin soll künftig nur einmal eingegeben werden und dann überall "
                    "erscheinen: auf unserer Website, im Kalender des Kulturnetzes Landau und "
                    "auf den Bildschirmen in den Schaufenstern der Stadt. Dafür brauchen wir "
                    "einen Kalender, den auch andere Programme lesen können.</p>"
                    "<p>Wichtig ist uns auch, dass Ausstellungen über mehrere Tage und "
                    "abgesagte oder verschobene Termine richtig angezeigt werden. Nichts ist "
                    "ärgerlicher, als vor einer verschlossenen Tür zu stehen. Die Funktionen "
                    "haben wir damit festgelegt; die Anforderungen folgen im Herbst.</p>",
                    "<p>In future a date should be entered only once and then appear "
                    "everywhere: on our website, in the calendar of the Kulturnetz Landau and on "
                    "the screens in the shop windows of the town. For that we need a calendar "
                    "that other programs can read too.</p>"
                    "<p>It also matters to us that exhibitions running over several days and "
                    "cancelled or postponed dates are shown correctly. Nothing is more annoying "
                    "than standing in front of a locked door. With this we have defined the "
                    "functions; the requirements will follow in the autumn.</p>",
                ),
            ),
            SIGN_OFF,
        ],
        "authors": ["jonas-albrecht", "selin-aydin"],
        "categories": ["digitalisierung", "kulturnetz"],
        "tags": ["Digitalisierung", "Veranstaltungen", "Kulturnetz"],
    },
    {
        "key": "marketing",
        "slug": T("wie-ihr-von-uns-erfahrt", "how-you-hear-about-us"),
        "title": T(
            "Wie erfahrt Ihr von unserem Programm?",
            "How do you find out about our programme?",
        ),
        "date": date(2026, 10, 8),
        "teaser": T(
            "Plakate, Newsletter, Zeitung, soziale Netzwerke, Schaufenster: Wir machen viel "
            "Werbung und wissen wenig darüber, was ankommt. Bevor wir die Funktionen unseres "
            "Marketings festlegen, möchten wir von Euch hören.",
            "Posters, newsletter, newspaper, social networks, shop windows: we do a lot of "
            "advertising and know little about what works. Before we define the functions of "
            "our marketing, we would like to hear from you.",
        ),
        "image": ("Blog: Wie Ihr von uns erfahrt", 105, "craft"),
        "header_image_alt": T(
            "Illustration: Kinder und Erwachsene basteln an einem Tisch voller Papierschnipsel, darüber hängen Kinderbilder an einer Leine",
            "Illustration: children and adults doing crafts at a table full of paper cut-outs, children's pictures hanging on a line above",
        ),
        "body": [
            heading("Plakat, Newsletter, Schaufenster", "Posters, newsletter, shop windows"),
            (
                "paragraph",
                T(
                    "<p>Unser Programm erreicht Euch auf vielen Wegen: über Plakate und Flyer in "
                    "der Stadt, unseren Newsletter, die Zeitung, soziale Netzwerke, den Kalender "
                    "des Kulturnetzes und nicht zuletzt über Mundpropaganda. Jeder dieser Wege "
                    "kostet Zeit, und wir wissen bisher kaum, welcher davon wirklich "
                    "ankommt.</p>"
                    "<p>Bei der Analyse haben wir gemerkt, dass wir denselben Ankündigungstext "
                    "bis zu sechs Mal in verschiedene Formulare kopieren. Das wollen wir ändern. "
                    "Gleichzeitig soll unsere Website weiter ohne Zählpixel und ohne Dienste "
                    "von Dritten auskommen, denn Eure Daten gehen niemanden etwas an.</p>",
                    "<p>Our programme reaches you in many ways: through posters and flyers in "
                    "town, our newsletter, the newspaper, social networks, the calendar of the "
                    "Kulturnetz and, not least, by word of mouth. Each of these channels takes "
                    "time, and so far we hardly know which of them really works.</p>"
                    "<p>During the analysis we noticed that we copy the same announcement into "
                    "different forms up to six times. We want to change that. At the same time "
                    "our website should continue to do without tracking pixels and third-party "
                    "services, because your data is nobody else's business.</p>",
                ),
            ),
            heading("Was wir von Euch wissen wollen", "What we would like to know from you"),
            (
                "paragraph",
                T(
                    "<p>Bevor wir die Funktionen festlegen, möchten wir von Euch hören: Wie "
                    "erfahrt Ihr von unseren Veranstaltungen? Was lest Ihr gern, und was landet "
                    "sofort im Papierkorb?</p>"
                    "<p>Schreibt es uns in die Kommentare oder sprecht uns beim nächsten Besuch "
                    "an der Theke an. Jede Antwort hilft uns weiter.</p>",
                    "<p>Before we define the functions, we would like to hear from you: how do "
                    "you find out about our events? What do you like to read, and what goes "
                    "straight into the bin?</p>"
                    "<p>Tell us in the comments or talk to us at the bar on your next visit. "
                    "Every answer helps us.</p>",
                ),
            ),
            SIGN_OFF,
        ],
        "authors": ["miriam-keller"],
        "categories": ["digitalisierung", "kulturnetz"],
        "tags": ["Digitalisierung", "Marketing", "Newsletter"],
    },
    {
        "key": "payment",
        "slug": T("bar-karte-oder-online-bezahlen", "cash-card-or-online-payment"),
        "title": T(
            "Bar, Karte oder online? Wie Ihr bei uns bezahlt",
            "Cash, card or online? How you pay at our house",
        ),
        "date": date(2026, 11, 12),
        "teaser": T(
            "Abendkasse, Theke, Raummiete und Werkstätten: Bei uns wird auf viele Arten "
            "bezahlt. Jetzt stehen unsere Anforderungen an das Bezahlen fest, und zwei davon "
            "sind nicht verhandelbar.",
            "Box office, bar, room hire and workshops: people pay at our house in many ways. "
            "Now our requirements for payment are settled, and two of them are not "
            "negotiable.",
        ),
        "image": ("Blog: Bezahlen", 106, "market"),
        "header_image_alt": T(
            "Illustration: Ein Markt mit drei Ständen unter gestreiften Markisen, Obst und Gemüse in Kisten, davor Menschen",
            "Illustration: a market with three stalls under striped awnings, fruit and vegetables in crates, people in front",
        ),
        "body": [
            heading("Viele Kassen, ein Verein", "Many tills, one association"),
            (
                "paragraph",
                T(
                    "<p>Bezahlt wird bei uns an der Abendkasse, an der Theke, bei der Raummiete "
                    "per Überweisung und seit einiger Zeit auch für manche Werkstätten im "
                    "Voraus. Jede dieser Kassen funktioniert ein bisschen anders, und am "
                    "Monatsende sitzen wir lange über der Abrechnung.</p>",
                    "<p>At our house people pay at the box office, at the bar, by bank transfer "
                    "for room hire and for some time now also in advance for some workshops. "
                    "Each of these tills works a little differently, and at the end of the month "
                    "we spend a long time on the accounts.</p>",
                ),
            ),
            heading("Was feststeht", "What has been decided"),
            (
                "paragraph",
                T(
                    "<p>Die Anforderungen an das Bezahlen haben wir jetzt festgelegt. Zwei davon "
                    "sind für uns nicht verhandelbar:</p>"
                    "<ul><li>Barzahlung an Abendkasse und Theke bleibt immer möglich.</li>"
                    "<li>Wer online zahlt, muss dafür kein Konto bei einem großen "
                    "Zahlungsdienst anlegen.</li></ul>",
                    "<p>We have now settled the requirements for payment. Two of them are not "
                    "negotiable for us:</p>"
                    "<ul><li>Paying cash at the box office and the bar will always be "
                    "possible.</li>"
                    "<li>Anyone who pays online does not have to open an account with a big "
                    "payment service.</li></ul>",
                ),
            ),
            (
                "paragraph",
                T(
                    "<p>Mit diesen Ausschlusskriterien sortieren wir im nächsten Schritt alle "
                    "Angebote aus, die nicht passen. Die übrigen bewerten wir mit Punkten, etwa "
                    "nach Gebühren, Datenschutz und danach, wie leicht unsere Ehrenamtlichen "
                    "damit zurechtkommen. Eine Pilotphase planen wir für die ersten Konzerte im "
                    "neuen Jahr.</p>",
                    "<p>With these knock-out criteria we will next rule out every offer that "
                    "does not fit. We will score the rest, for example by fees, data protection "
                    "and how easily our volunteers can work with them. We are planning a pilot "
                    "for the first concerts of the new year.</p>",
                ),
            ),
            SIGN_OFF,
        ],
        "authors": ["jonas-albrecht", "selin-aydin"],
        "categories": ["digitalisierung", "aus-dem-haus"],
        "tags": ["Digitalisierung", "Bezahlen", "Anforderungen"],
    },
]

APPROVED = Comment.Status.APPROVED
PENDING = Comment.Status.PENDING
SPAM = Comment.Status.SPAM
TRASH = Comment.Status.TRASH

# Comments on the German posts, oldest first within each thread; "parent" names another key.
COMMENTS = [
    {
        "key": "petra",
        "post": "start",
        "at": (2026, 6, 4, 20, 15),
        "name": "Petra Hausmann",
        "email": "petra.hausmann@example.org",
        "text": "Endlich sagt das mal jemand: erst überlegen, dann Software kaufen. In unserem "
        "Sportverein haben wir drei Vereins-Apps ausprobiert und nutzen heute doch wieder die "
        "Telefonkette. Ich bin gespannt, was bei Euch herauskommt!",
    },
    {
        "key": "thomas",
        "post": "start",
        "at": (2026, 6, 5, 11, 40),
        "name": "Thomas Brenner",
        "email": "t.brenner@example.com",
        "url": "https://example.org/thomas-brenner",
        "text": "Ich arbeite selbst in einem Kulturzentrum in der Südpfalz. Die drei Blickwinkel "
        "Technik, Funktion und Kultur finde ich sehr hilfreich, gerade die Kultur wird oft "
        "vergessen. Wer soll das Werkzeug am Ende eigentlich benutzen, und mag er das auch?",
    },
    {
        "key": "lena-thomas",
        "post": "start",
        "parent": "thomas",
        "at": (2026, 6, 5, 14, 5),
        "name": "Lena Vogt",
        "email": "lena.vogt@example.org",
        "text": "Das unterschreibe ich sofort. Die beste Software hilft nichts, wenn die Hälfte "
        "der Ehrenamtlichen sie nicht öffnen mag.",
    },
    {
        "key": "thomas-lena",
        "post": "start",
        "parent": "lena-thomas",
        "at": (2026, 6, 5, 18, 30),
        "name": "Thomas Brenner",
        "email": "t.brenner@example.com",
        "url": "https://example.org/thomas-brenner",
        "text": "Genau. Bei uns hat am Ende eine einfache gemeinsame Kalenderseite mehr gebracht "
        "als das große Vereinsprogramm mit zwanzig Funktionen.",
    },
    {
        "key": "casino",
        "post": "start",
        "at": (2026, 6, 6, 3, 12),
        "name": "Best Casino Bonus",
        "email": "bonus@spam.example.com",
        "url": "https://spam.example.com/casino",
        "text": "BEST ONLINE CASINO BONUS 2026!!! 500 free spins, no deposit needed. Click now: "
        "https://spam.example.com/casino and https://spam.example.com/bonus",
        "status": SPAM,
        "reason": ModerationReason.stored(ModerationReason.DISALLOWED_WORD, "casino"),
    },
    {
        "key": "lena-communication",
        "post": "communication",
        "at": (2026, 7, 3, 9, 50),
        "name": "Lena Vogt",
        "email": "lena.vogt@example.org",
        "text": "Als Ehrenamtliche an der Theke kann ich nur sagen: Ein einziger Ort für die "
        "Schichtpläne wäre ein Traum. Im Moment suche ich jedes Mal in drei Chatgruppen, wann "
        "ich eigentlich dran bin.",
    },
    {
        "key": "aylin",
        "post": "booking",
        "at": (2026, 8, 7, 19, 20),
        "name": "Aylin Demir",
        "email": "aylin.demir@example.org",
        "text": "Wir proben mit unserem Chor jeden Donnerstag im Seminarraum und fragen die "
        "Termine für das nächste Halbjahr immer per E-Mail an. Wird es künftig möglich sein, "
        "freie Termine online zu sehen? Das würde uns viel Hin und Her ersparen.",
    },
    {
        "key": "team-aylin",
        "post": "booking",
        "parent": "aylin",
        "at": (2026, 8, 8, 10, 15),
        "name": TEAM_NAME,
        "email": "redaktion@example.org",
        "team": True,
        "text": "Liebe Aylin, genau das steht als „Sollte“ auf unserer Liste: freie Termine "
        "sehen, ohne uns anzurufen. Bis es so weit ist, schreibt uns bitte weiter an die "
        "bekannte Adresse, wir antworten innerhalb weniger Tage. Viele Grüße an den Chor!",
    },
    {
        "key": "aylin-team",
        "post": "booking",
        "parent": "team-aylin",
        "at": (2026, 8, 8, 17, 45),
        "name": "Aylin Demir",
        "email": "aylin.demir@example.org",
        "text": "Danke für die schnelle Antwort, dann warten wir gespannt auf die Pilotphase!",
    },
    {
        "key": "martin",
        "post": "booking",
        "at": (2026, 8, 9, 21, 3),
        "name": "Martin Scholl",
        "email": "martin.scholl@example.com",
        "url": "https://example.org/kellerband",
        "text": "Eine Anregung aus Sicht einer Band: Bei Künstlerbuchungen wäre es toll, wenn "
        "Technik-Rider, Zeitplan und Ansprechperson an einer Stelle liegen. Wir schicken sonst "
        "alles dreimal, und am Abend fehlt trotzdem die Hälfte.",
    },
    {
        "key": "julia",
        "post": "booking",
        "at": (2026, 8, 11, 16, 22),
        "name": "Julia Neumann",
        "email": "julia.neumann@example.org",
        "text": "Kann man den großen Saal auch für eine private Geburtstagsfeier mieten? Und gibt "
        "es dort eine Küche, die wir nutzen dürfen?",
        "status": PENDING,
        "reason": ModerationReason.FIRST_COMMENT,
    },
    {
        "key": "seo",
        "post": "booking",
        "at": (2026, 8, 12, 4, 48),
        "name": "SEO Agentur Top Ranking",
        "email": "angebot@seo.example.com",
        "url": "https://seo.example.com",
        "text": "Ihre Website braucht mehr Besucher! Wir bringen Sie garantiert auf Platz 1 bei "
        "Google. Jetzt Angebot sichern: https://seo.example.com/angebot und "
        "https://seo.example.com/kontakt",
        "status": SPAM,
        "reason": ModerationReason.stored(ModerationReason.DISALLOWED_WORD, "platz 1 bei google"),
    },
    {
        "key": "klaus",
        "post": "payment",
        "at": (2026, 11, 12, 19, 5),
        "name": "Klaus Wendel",
        "email": "k.wendel@example.com",
        "text": "Bitte vergesst bei aller Digitalisierung die Leute nicht, die keine Kreditkarte "
        "haben und kein Konto bei irgendeinem Bezahldienst wollen. Ich kaufe meine Karte seit "
        "zwanzig Jahren bar an der Abendkasse, und das soll bitte so bleiben. Online-Zahlung "
        "heißt am Ende oft nur: Gebühren für den Verein und Daten für große Konzerne.",
    },
    {
        "key": "sabine",
        "post": "payment",
        "parent": "klaus",
        "at": (2026, 11, 13, 8, 40),
        "name": "Sabine Roth",
        "email": "sabine.roth@example.org",
        "text": "Das sehe ich ähnlich. Online-Tickets finde ich zwar praktisch, wenn ich von "
        "außerhalb komme, aber Barzahlung muss bleiben.",
    },
    {
        "key": "felix",
        "post": "payment",
        "parent": "sabine",
        "at": (2026, 11, 13, 12, 17),
        "name": "Felix Hartmann",
        "email": "felix.hartmann@example.org",
        "url": "https://example.org/felix",
        "text": "Im Beitrag steht doch, dass Barzahlung ein Muss bleibt. Ich finde es gut, dass "
        "das festgelegt wird, bevor irgendein Anbieter ausgewählt ist.",
    },
    {
        "key": "klaus-duplicate",
        "post": "payment",
        "at": (2026, 11, 13, 19, 2),
        "name": "Klaus Wendel",
        "email": "k.wendel@example.com",
        "text": "Entschuldigung, mein Kommentar ist doppelt angekommen. Bitte den zweiten löschen.",
        "status": TRASH,
    },
    {
        "key": "nina",
        "post": "payment",
        "at": (2026, 11, 14, 10, 30),
        "name": "Nina Albers",
        "email": "nina.albers@example.org",
        "text": "Wird es online auch ermäßigte Karten geben, zum Beispiel für Studierende? "
        "Bisher musste ich dafür immer den Ausweis an der Kasse zeigen.",
        "status": PENDING,
        "reason": ModerationReason.FIRST_COMMENT,
    },
]

REPORT = {
    "comment": "thomas",
    "reason": CommentReport.Reason.SPAM,
    "explanation": "Der Link im Namen führt auf eine Seite, auf der Beratung verkauft wird. "
    "Ist das nicht Werbung?",
    "contact": "",
    "at": (2026, 6, 6, 9, 14),
}


# The demo posts' tags in English: English posts keep the German tags and show these names.
TAGS_EN = {
    "Digitalisierung": "Digitalisation",
    "Prozesse": "Processes",
    "Werkzeuge": "Tools",
    "Zusammenarbeit": "Collaboration",
    "Ehrenamt": "Volunteering",
    "Raumvermietung": "Room hire",
    "Buchung": "Booking",
    "Anforderungen": "Requirements",
    "Veranstaltungen": "Events",
    "Kulturnetz": "Kulturnetz",
    "Marketing": "Marketing",
    "Newsletter": "Newsletter",
    "Bezahlen": "Payment",
}


def load(demo):
    """Create the blog's demo content if it is missing."""
    index = _index(demo)
    add_to_main_menu(demo, index)
    people = _people(demo)
    categories = _categories(demo)
    posts = {spec["key"]: _post(demo, index, spec, people, categories) for spec in POSTS}
    _tag_translations(demo)
    _comments(demo, posts)
    _discussion_settings(demo)


def _discussion_settings(demo):
    """Link the privacy page and give the spam rules the words the demo spam uses."""
    from comments.models import DiscussionSettings

    settings = DiscussionSettings.for_site(demo.site)
    if settings.privacy_page_id is None:
        settings.privacy_page = demo.pages.get("datenschutz")
        settings.disallowed_words = "casino\nbacklinks"
        settings.moderation_words = "gutschein"
        settings.save()


def _at(parts):
    return datetime(*parts, tzinfo=BERLIN)


def _report_missing(demo, page, missing):
    if missing:
        demo.log(f"  ! {page.title}: {len(missing)} Texte ohne Übersetzung: {missing[:3]}")


def _index(demo):
    index, _created = demo.child(demo.home_de, BlogIndexPage, BLOG_SLUG, INDEX)
    if index.get_translation_or_none(demo.en) is None:
        _english, missing = demo.translate(index, INDEX, extra_pairs={BLOG_SLUG: BLOG_SLUG})
        _report_missing(demo, index, missing)
    return index


def _translate_snippet(demo, german, spec, fields):
    """The English copy of a snippet, made from the English halves of ``fields`` if missing."""
    if german.get_translation_or_none(demo.en) is not None:
        return
    english = german.copy_for_translation(demo.en)
    for field in fields:
        setattr(english, field, pick(spec[field], "en"))
    english.save()
    demo.log(f"  + {type(german).__name__} {english} (en)")


def _people(demo):
    editor = get_user_model().objects.filter(username=DEMO_EDITOR["username"]).first()
    people = {}
    for spec in PEOPLE:
        person = Person.objects.filter(locale=demo.de, slug=spec["slug"]).first()
        if person is None:
            person = Person.objects.create(
                locale=demo.de,
                slug=spec["slug"],
                name=spec["name"],
                role=spec["role"].de,
                bio=spec["bio"].de,
                photo=demo.image(
                    f"Porträt {spec['name']}", seed=spec["seed"], scene="portrait", size=(600, 600)
                ),
                user=editor if spec["editor"] else None,
                notify_on_comments=spec["editor"] and editor is not None,
            )
            demo.log(f"  + Person {person.name}")
        _translate_snippet(demo, person, spec, ["role", "bio"])
        people[spec["slug"]] = person
    return people


def _categories(demo):
    categories = {}
    for spec in CATEGORIES:
        category = BlogCategory.objects.filter(locale=demo.de, slug=spec["slug"].de).first()
        if category is None:
            category = BlogCategory.objects.create(locale=demo.de, **pick(spec, "de"))
            demo.log(f"  + BlogCategory {category.name}")
        _translate_snippet(demo, category, spec, ["name", "slug", "description"])
        categories[spec["slug"].de] = category
    return categories


def _tag_translations(demo):
    for tag in Tag.objects.filter(name__in=TAGS_EN):
        english = TAGS_EN[tag.name]
        _translation, created = TagTranslation.objects.get_or_create(
            tag=tag, locale=demo.en, defaults={"name": english, "slug": slugify(english)}
        )
        if created:
            demo.log(f"  + Schlagwort {tag.name} → {english} (en)")


def _content(spec):
    """The translatable fields of a post (the slug is passed separately)."""
    fields = ("title", "date", "teaser", "header_image_alt", "body")
    return {key: spec[key] for key in fields} | {"header_image_credit": ILLUSTRATION_CREDIT}


def _post(demo, index, spec, people, categories):
    slug = spec["slug"].de
    page = index.get_children().filter(slug=slug).specific().first()
    if page is None:
        title, seed, scene = spec["image"]
        relations = {
            "header_image": demo.image(title, seed=seed, scene=scene),
            "post_authors": [BlogPostAuthor(person=people[key]) for key in spec["authors"]],
            "categories": [categories[key] for key in spec["categories"]],
            "tagged_items": [
                BlogPostTag(tag=Tag.objects.get_or_create(name=name)[0]) for name in spec["tags"]
            ],
        }
        page, _created = demo.child(index, BlogPostPage, slug, _content(spec) | relations)
        _backdate(page, spec["date"])
    if page.get_translation_or_none(demo.en) is None:
        english, missing = demo.translate(page, _content(spec) | {"slug": spec["slug"]})
        _report_missing(demo, page, missing)
        _translate_tables(english, spec["body"])
        _backdate(english, spec["date"])
    return page


def _backdate(page, day):
    """Publication times on the post's date, so feeds and comment threads read in order."""
    published = datetime(day.year, day.month, day.day, 9, 0, tzinfo=BERLIN)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published, last_published_at=published
    )


def _translate_tables(english, body):
    """Put the English cells into the translated tables.

    wagtail-localize extracts no segments from TableBlock cells (only the caption), so the
    translation would show the German cells. A later sync from the German page would
    bring them back; editors then translate the table in the English page by hand.
    """
    tables = [value["table"]["data"] for kind, value in pick(body, "en") if kind == "table"]
    if not tables:
        return
    stream = english.body
    for index, block in enumerate(list(stream)):
        if block.block_type == "table" and tables:
            raw = copy.deepcopy(stream.raw_data[index])
            raw["value"]["table"]["data"] = tables.pop(0)
            stream.raw_data[index] = raw
    english.body = stream
    english.save_revision().publish()


def _comments(demo, posts):
    editor = get_user_model().objects.filter(username=DEMO_EDITOR["username"]).first()
    comments = {}
    created = 0
    for spec in COMMENTS:
        page = posts[spec["post"]]
        comment = Comment.objects.filter(page=page, email=spec["email"], text=spec["text"]).first()
        if comment is None:
            parent = comments[spec["parent"]] if spec.get("parent") else None
            at = _at(spec["at"])
            is_team = spec.get("team", False)
            comment = Comment.objects.create(
                page=page,
                parent=parent,
                depth=parent.depth + 1 if parent else 1,
                name=spec["name"],
                email=spec["email"],
                url=spec.get("url", ""),
                text=spec["text"],
                status=spec.get("status", APPROVED),
                is_team=is_team,
                user=editor if is_team else None,
                moderation_reason=spec.get("reason", ""),
                consent_at=at,
            )
            Comment.objects.filter(pk=comment.pk).update(created_at=at, updated_at=at)
            created += 1
        comments[spec["key"]] = comment
    if created:
        demo.log(f"  + {created} Kommentare")

    reported = comments[REPORT["comment"]]
    if not CommentReport.objects.filter(comment=reported, reason=REPORT["reason"]).exists():
        report = CommentReport.objects.create(
            comment=reported,
            reason=REPORT["reason"],
            explanation=REPORT["explanation"],
            contact=REPORT["contact"],
        )
        CommentReport.objects.filter(pk=report.pk).update(created_at=_at(REPORT["at"]))
        demo.log("  + Meldung zu einem Kommentar")
