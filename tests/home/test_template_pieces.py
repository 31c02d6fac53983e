"""The shared template pieces in templates/includes/: written once, used by every app."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from tests.factories import standard_page

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def render(source, **context):
    return Template("{% load template_pieces %}" + source).render(Context(context))


def squash(html):
    return re.sub(r"\s*\n\s*", "", html).strip()


@pytest.mark.parametrize(
    ("pattern", "piece"),
    [
        (r"<figure\b", "includes/figure.html"),
        (r"<figcaption\b", "includes/figcaption.html"),
        (r"<address\b", "includes/address.html"),
        (r'class="breadcrumbs"', "includes/breadcrumbs.html"),
        (r'class="card[ "{]', "includes/card.html"),
    ],
)
def test_markup_of_a_shared_piece_is_written_only_in_that_piece(pattern, piece):
    writers = sorted(
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if re.search(pattern, path.read_text())
    )
    assert writers == [piece]


def test_figure_puts_the_body_before_its_caption_and_credit():
    html = render(
        '{% embed "includes/figure.html" class="block-image" caption=caption credit=credit %}'
        "<img alt=''>{% endembed %}",
        caption="Der Saal",
        credit="Foto: Anna <B>",
    )
    assert squash(html) == (
        "<figure class=\"block-image\"><img alt=''><figcaption>Der Saal "
        '<span class="credit">Foto: Anna &lt;B&gt;</span></figcaption></figure>'
    )


def test_figure_without_caption_has_no_figcaption():
    html = render('{% embed "includes/figure.html" class="x" caption="" %}body{% endembed %}')
    assert squash(html) == '<figure class="x">body</figure>'


def test_figure_puts_a_table_caption_first_and_a_quote_source_after_a_dash():
    table = render(
        '{% embed "includes/figure.html" class="block-table" caption="Preise" caption_first=True %}'
        "<table></table>{% endembed %}"
    )
    assert squash(table) == (
        '<figure class="block-table"><figcaption>Preise</figcaption><table></table></figure>'
    )
    quote = render(
        '{% embed "includes/figure.html" class="block-quote" caption="Anna" caption_prefix="– " %}'
        "<blockquote></blockquote>{% endembed %}"
    )
    assert "<figcaption>– Anna</figcaption>" in quote


def test_embed_body_sees_the_callers_context():
    html = render(
        '{% embed "includes/figure.html" class="x" %}{{ name }}{% endembed %}', name="Westbahnhof"
    )
    assert "Westbahnhof" in html


def test_card_links_its_title_in_the_chosen_element_and_heading():
    html = render(
        '{% embed "includes/card.html" url="/de/x/" title="Über uns" element="li" heading="h2" %}'
        "<p>Text</p>{% endembed %}"
    )
    assert squash(html) == (
        '<li class="card"><h2><a href="/de/x/">Über uns</a></h2><p>Text</p></li>'
    )
    article = render(
        '{% embed "includes/card.html" url="/" title="T" class="post-card" %}{% endembed %}'
    )
    assert squash(article) == '<article class="card post-card"><h3><a href="/">T</a></h3></article>'


def test_address_lists_the_lines_and_links_phone_and_email():
    with translation.override("de"):
        html = render_to_string(
            "includes/address.html",
            {
                "person": "Anna Beispiel",
                "name": "Leben und Kultur e.V.",
                "lines": ["Am Westbahnhof", "76829 Landau in der Pfalz"],
                "phone": "06341 12 34",
                "email": "info@example.org",
            },
        )
    assert squash(html) == (
        "<address>Anna Beispiel<br>Leben und Kultur e.V.<br>Am Westbahnhof<br>"
        "76829 Landau in der Pfalz<br>"
        'Telefon: <a href="tel:063411234">06341 12 34</a><br>'
        'E-Mail: <a href="mailto:info@example.org">info@example.org</a></address>'
    )


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="So erscheint Ihr unter dem Kommentar.")
    consent = forms.BooleanField(label="Einverstanden")
    remember = forms.BooleanField(label="Merken", required=False)
    reason = forms.ChoiceField(
        label="Grund", choices=[("spam", "Spam"), ("other", "Anderes")], widget=forms.RadioSelect
    )
    website_confirm = forms.CharField(
        label="Bitte leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


def test_field_describes_its_input_by_help_text_and_errors():
    form = SampleForm(data={})
    html = render_to_string("includes/field.html", {"field": form["name"]})
    assert '<div class="field field--error">' in html
    assert (
        '<label for="id_name">Name <span class="required" aria-hidden="true">*</span></label>'
        in html
    )
    assert '<ul class="field__errors" id="id_name_error">' in html
    assert '<p class="field__help" id="id_name_helptext">' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html


def test_checkbox_field_puts_the_label_after_the_box_and_marks_only_required_ones():
    form = SampleForm(data={})
    consent = squash(render_to_string("includes/field_checkbox.html", {"field": form["consent"]}))
    assert consent.startswith(
        '<div class="field field--check field--error"><ul class="field__errors" id="id_consent_error">'
    )
    assert consent.index('type="checkbox"') < consent.index('<label for="id_consent">')
    assert 'aria-describedby="id_consent_error"' in consent
    assert '<label for="id_consent">Einverstanden <span class="required"' in consent
    remember = squash(render_to_string("includes/field_checkbox.html", {"field": form["remember"]}))
    assert '<label for="id_remember">Merken</label>' in remember
    # The consent label of the comment form links to the privacy policy: blocktranslate's asvar.
    consent_with_link = Template(
        "{% load i18n %}{% blocktranslate asvar label with url='/de/datenschutz/' %}"
        'Gelesen: <a href="{{ url }}">Datenschutz</a>{% endblocktranslate %}'
        '{% include "includes/field_checkbox.html" with field=field label=label %}'
    ).render(Context({"field": form["consent"]}))
    assert (
        '<label for="id_consent">Gelesen: <a href="/de/datenschutz/">Datenschutz</a> '
        '<span class="required" aria-hidden="true">*</span></label>'
    ) in consent_with_link


def test_radio_group_is_a_fieldset_described_by_its_errors():
    form = SampleForm(data={})
    html = squash(render_to_string("includes/field_radios.html", {"field": form["reason"]}))
    assert html.startswith(
        '<fieldset class="field field--error" aria-describedby="id_reason_error">'
        '<legend>Grund <span class="required" aria-hidden="true">*</span></legend>'
        '<ul class="field__errors" id="id_reason_error">'
    )
    assert '<div class="field--check"><input type="radio" name="reason" value="spam"' in html
    assert '<label for="id_reason_0">Spam</label></div>' in html


def test_honeypot_is_hidden_from_assistive_technology():
    html = squash(
        render_to_string("includes/honeypot.html", {"field": SampleForm()["website_confirm"]})
    )
    assert html.startswith(
        '<div class="hp-field" aria-hidden="true"><label for="id_website_confirm">Bitte leer lassen</label>'
    )
    assert 'tabindex="-1"' in html


@pytest.mark.django_db
def test_nested_content_page_shows_the_way_from_the_home_page(client):
    parent = standard_page("Das Haus", slug="das-haus")
    standard_page("Geschichte", slug="geschichte", parent=parent)
    html = squash(client.get("/de/das-haus/geschichte/").content.decode())
    home_title = parent.get_parent().title
    assert (
        '<nav class="breadcrumbs" aria-label="Brotkrumen"><ol>'
        f'<li><a href="/de/">{home_title}</a></li>'
        '<li><a href="/de/das-haus/">Das Haus</a></li>'
        '<li aria-current="page">Geschichte</li></ol></nav>'
    ) in html
