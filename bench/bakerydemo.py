"""`make bench-bakery`: our pages beside wagtail/bakerydemo's, in-process, DEBUG=False, one run.

Gets bakerydemo at run time into var/bakerydemo (never committed): ``git clone`` from
BAKERYDEMO_GIT (default: GitHub), falling back to a local mirror given as BAKERYDEMO_MIRROR.
Installs its requirements into var/bakerydemo-venv with a Python >= 3.12 (its Django needs it;
BAKERYDEMO_PYTHON, else python3.13/python3.12 on PATH or in pyenv), loads its demo data
(``load_initial_data``) into SQLite, and ours (``load_demo_content``) into var/bench-demo.sqlite3.
Both sides are timed by bench/timing_worker.py: Django's test Client, 3 warm-up requests,
then the median of REPEAT (default 30); both on SQLite with their local-memory cache.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
CLONE = VAR / "bakerydemo"
VENV = VAR / "bakerydemo-venv"
WORKER = ROOT / "bench" / "timing_worker.py"
REPEAT = os.environ.get("REPEAT", "30")
SOURCES = [
    os.environ.get("BAKERYDEMO_GIT", "https://github.com/wagtail/bakerydemo"),
    os.environ.get("BAKERYDEMO_MIRROR", "/work/.mirror/wagtail+bakerydemo/repo"),
]
OURS = [
    ("home", "/de/"),
    ("blog index", "/de/blog/"),
    ("blog post", "model:blogpostpage"),
    ("standard page", "/de/ueber-uns/"),
    ("kulturnetz start", "model:kulturnetzindexpage"),
    ("calendar", "model:eventindexpage"),
    ("process page", "model:processpage"),
]
THEIRS = [
    ("home", "/"),
    ("blog index", "model:blogindexpage"),
    ("blog post", "model:blogpage"),
    ("standard page", "model:standardpage"),
    ("recipe page", "model:recipepage"),
]
# Our page → the comparable bakerydemo page.
PAIRS = [
    ("home", "home"),
    ("blog index", "blog index"),
    ("blog post", "blog post"),
    ("standard page", "standard page"),
]
SETTINGS = """from .dev import *  # noqa

DEBUG = False
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "bench-only"
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "debug_toolbar"]
MIDDLEWARE = [m for m in MIDDLEWARE if "debug_toolbar" not in m]
"""


def run(command, **kwargs):
    sys.stdout.write("+ " + " ".join(str(part) for part in command) + "\n")
    sys.stdout.flush()
    return subprocess.run(command, check=True, **kwargs)  # noqa: S603


def obtain():
    if (CLONE / "manage.py").exists():
        return
    for source in SOURCES:
        if source.startswith("/") and not Path(source).exists():
            continue
        result = subprocess.run(
            [
                "git",
                "clone",
                "--depth",
                "1",
                f"file://{source}" if source.startswith("/") else source,
                str(CLONE),
            ],
            check=False,
        )  # noqa: S603, S607
        if result.returncode == 0:
            return
    sys.exit("bakerydemo could not be cloned (set BAKERYDEMO_GIT or BAKERYDEMO_MIRROR)")


def python312():
    if os.environ.get("BAKERYDEMO_PYTHON"):
        return os.environ["BAKERYDEMO_PYTHON"]
    for name in ("python3.13", "python3.12"):
        found = shutil.which(name)
        if (
            found
            and subprocess.run([found, "--version"], capture_output=True, check=False).returncode
            == 0
        ):  # noqa: S603
            return found
    pyenv = Path.home() / ".pyenv" / "versions"
    for candidate in sorted(pyenv.glob("3.1[2-9]*/bin/python3"), reverse=True):
        return str(candidate)
    sys.exit("bakerydemo needs Python >= 3.12 (set BAKERYDEMO_PYTHON)")


def prepare_bakerydemo():
    obtain()
    python = VENV / "bin" / "python"
    if not python.exists():
        run([python312(), "-m", "venv", str(VENV)])
        run([str(python), "-m", "pip", "install", "-q", "-r", "requirements/base.txt"], cwd=CLONE)
    (CLONE / "bakerydemo" / "settings" / "bench_local.py").write_text(SETTINGS)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.bench_local"}
    env.pop("DATABASE_URL", None)
    if not (CLONE / "bakerydemodb").exists():
        run([str(python), "manage.py", "migrate", "--noinput", "-v0"], cwd=CLONE, env=env)
        run([str(python), "manage.py", "load_initial_data"], cwd=CLONE, env=env)
    # DEBUG=False: its static files storage needs the manifest.
    run([str(python), "manage.py", "collectstatic", "--noinput", "-v0"], cwd=CLONE, env=env)
    return python, env


def prepare_ours():
    python = ROOT / ".venv" / "bin" / "python"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.bench", "BENCH_PROFILE": "demo"}
    env.pop("DATABASE_URL", None)
    if not (VAR / "bench-demo.sqlite3").exists():
        run([str(python), "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env)
        run([str(python), "manage.py", "load_demo_content", "-v0"], cwd=ROOT, env=env)
    return python, env


def measure(python, env, cwd, host, pages):
    args = [f"{name}={spec}" for name, spec in pages]
    out = subprocess.run(  # noqa: S603
        [str(python), str(WORKER), REPEAT, host, *args],
        cwd=cwd,
        env={**env, "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        sys.exit(f"timing failed in {cwd}:\n{out.stderr[-3000:]}")
    return {row["name"]: row for row in json.loads(out.stdout.strip().splitlines()[-1])}


def main():
    baker_python, baker_env = prepare_bakerydemo()
    our_python, our_env = prepare_ours()
    ours = measure(our_python, our_env, ROOT, "localhost", OURS)
    theirs = measure(baker_python, baker_env, CLONE, "localhost", THEIRS)
    commit = subprocess.run(
        ["git", "-C", str(CLONE), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()  # noqa: S603, S607
    lines = [f"in-process, DEBUG=False, median of {REPEAT}; bakerydemo {commit}", ""]
    lines.append(f"{'side':<11} {'page':<17} {'status':>6} {'median ms':>10} {'queries':>8}  url")
    for side, rows in (("portal", ours), ("bakerydemo", theirs)):
        for row in rows.values():
            lines.append(
                f"{side:<11} {row['name']:<17} {row['status']!s:>6} "
                f"{row.get('median_ms', 0):>10.2f} {row.get('queries', 0):>8}  {row['url']}"
            )
    lines += ["", f"{'page':<17} {'portal ms':>10} {'bakery ms':>10} {'ratio':>6}  (goal <= 0.5)"]
    for mine, other in PAIRS:
        a, b = ours.get(mine, {}), theirs.get(other, {})
        if a.get("median_ms") and b.get("median_ms"):
            ratio = a["median_ms"] / b["median_ms"]
            lines.append(
                f"{mine:<17} {a['median_ms']:>10.2f} {b['median_ms']:>10.2f} {ratio:>6.2f}"
            )
    table = "\n".join(lines)
    sys.stdout.write(table + "\n")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "bakerydemo.txt").write_text(table + "\n")


if __name__ == "__main__":
    main()
