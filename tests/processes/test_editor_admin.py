"""The process pages' admin as volunteers of the Redaktion use it: where pages may go, German
labels and help, block previews, and the catalogue and toolbox snippets."""

import pytest
from wagtail.models import Page

from home.models import HomePage
from processes.blocks import ProcessStreamBlock
from processes.models import (
    ProcessOverviewPage,
    ProcessPage,
    Requirement,
    RequirementCataloguePage,
    StageChange,
    Tool,
    ToolboxPage,
)
from tests.processes.helpers import process_map, process_page

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("processes")]


def test_process_pages_go_only_where_they_belong():
    home = HomePage.objects.get(locale__language_code="de")
    overview = process_map()
    assert not ProcessPage.can_create_at(home)
    assert ProcessPage.can_create_at(overview)
    assert set(ProcessOverviewPage.allowed_subpage_models()) == {
        ProcessPage,
        RequirementCataloguePage,
        ToolboxPage,
    }
    # One map per parent; the catalogue and the toolbox once per map.
    assert not ProcessOverviewPage.can_create_at(home)
    catalogue = RequirementCataloguePage(title="Anforderungen", slug="anforderungen")
    overview.add_child(instance=catalogue)
    assert not RequirementCataloguePage.can_create_at(overview)
    assert ProcessPage.allowed_subpage_models() == []


def test_the_editor_is_offered_the_three_page_types_under_the_map(client, editor):
    overview = process_map()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{overview.pk}/add_subpage/").content.decode()
    for name in ("Prozess", "Anforderungskatalog", "Werkzeugkasten"):
        assert name in html
    assert "Blog-Beitrag" not in html


@pytest.mark.parametrize(
    "model",
    [ProcessOverviewPage, ProcessPage, StageChange, Requirement, Tool],
)
def test_every_field_an_editor_fills_has_a_german_name(model):
    # Wagtail's own fields (title, slug, ...) and the translation and ordering machinery aside.
    skip = {field.name for field in Page._meta.get_fields()} | {
        "locale",
        "translation_key",
        "page",
        "sort_order",
    }
    for field in model._meta.get_fields():
        if not getattr(field, "editable", False) or field.auto_created or field.name in skip:
            continue
        default = field.name.replace("_", " ")
        assert str(field.verbose_name) != default, f"{model.__name__}.{field.name}"


def test_the_process_editor_speaks_german_and_explains(client, editor):
    page = process_page()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for text in ("Kurzbeschreibung", "Einordnung", "Stand und Verlauf", "Drei Sichten"):
        assert text in html, text
    assert "Auch geplante Stufen mit einem Datum in der Zukunft eintragen" in html


def test_every_block_has_icon_german_label_template_and_a_preview_that_renders(client, editor):
    Requirement.objects.create(
        identifier="TEST-01",
        statement="Gruppen sehen freie Zeiten",
        locale=HomePage.objects.get(locale__language_code="de").locale,
    )
    client.force_login(editor)
    # The blocks as the process page's editor uses them (their ids are those of the field).
    stream = ProcessPage._meta.get_field("body").stream_block
    own = ProcessStreamBlock().child_blocks
    for name, block in stream.child_blocks.items():
        assert block.meta.icon != "placeholder", name
        assert block.meta.template, name
        assert str(block.label) != name.replace("_", " ").capitalize(), name
        assert block.get_preview_value() is not None, name
        response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200, name
        assert name in own
    html = client.get(
        "/admin/block-preview/", {"id": stream.child_blocks["function"].definition_prefix}
    ).content.decode()
    assert "Raumanfrage beantworten" in html
    html = client.get(
        "/admin/block-preview/", {"id": stream.child_blocks["requirements"].definition_prefix}
    ).content.decode()
    assert Requirement.objects.first().identifier in html


def test_the_redaktion_maintains_requirements_and_tools(client, editor, moderator):
    client.force_login(editor)
    for model in ("requirement", "tool"):
        assert client.get(f"/admin/snippets/processes/{model}/").status_code == 200
        assert client.get(f"/admin/snippets/processes/{model}/add/").status_code == 200
    for action in ("add", "change", "delete"):
        assert editor.has_perm(f"processes.{action}_requirement")
        assert editor.has_perm(f"processes.{action}_tool")
    assert not moderator.has_perm("processes.change_requirement")
    client.force_login(moderator)
    assert client.get("/admin/snippets/processes/requirement/add/").status_code in (302, 403)
