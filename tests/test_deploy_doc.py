"""docs/deploy.md promises that CI runs each of its commands: every line of its `sh` blocks
appears in .ci/deploy-check, which CI runs (.ci/run)."""

import re

from django.conf import settings

DOC = settings.BASE_DIR / "docs" / "deploy.md"
CHECK = settings.BASE_DIR / ".ci" / "deploy-check"


def documented_commands():
    blocks = re.findall(r"^```sh\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)
    return [
        line.strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def test_the_doc_has_commands():
    commands = documented_commands()
    assert len(commands) >= 15
    assert any("manage.py backup" in command for command in commands)
    assert any("manage.py restore" in command for command in commands)


def test_every_documented_command_is_run_by_the_deploy_check():
    script = CHECK.read_text(encoding="utf-8")
    missing = [command for command in documented_commands() if command not in script]
    assert not missing, f"not in .ci/deploy-check: {missing}"


def test_ci_runs_the_deploy_check():
    assert ".ci/deploy-check" in (settings.BASE_DIR / ".ci" / "run").read_text(encoding="utf-8")


def test_every_variable_production_reads_is_documented():
    source = (settings.BASE_DIR / "portal" / "settings" / "production.py").read_text()
    source += (settings.BASE_DIR / "portal" / "gunicorn.conf.py").read_text()
    names = set(re.findall(r"env(?:_list|_bool|_int)?\(\s*\"([A-Z_0-9]+)\"", source))
    names |= set(re.findall(r"os\.environ\.get\(\s*\"([A-Z_0-9]+)\"", source))
    doc = DOC.read_text(encoding="utf-8")
    undocumented = sorted(name for name in names if f"`{name}`" not in doc)
    assert not undocumented
