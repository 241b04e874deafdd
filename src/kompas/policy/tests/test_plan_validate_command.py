# SPDX-License-Identifier: EUPL-1.2
"""`kompas plan validate` explains YAML syntax errors and Dutch-style dates in Dutch, with the
line (and column), and exits with status 1 without Django's English "CommandError:" prefix."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from kompas.policy.tests.test_plan_file_errors import VALID


def _run(tmp_path, text):
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("plan", "validate", str(path), stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 1
    return err.getvalue()


@pytest.mark.parametrize(
    ("old", "new", "where", "explanation"),
    [
        ('title: "Testplan"\n', '\ttitle: "Testplan"\n', "regel 3, kolom 1", "tab"),
        ('title: "Testplan"\n', 'title "Testplan"\n', "regel 3", "dubbele punt"),
        ('title: "Testplan"\n', ' title: "Testplan"\n', "regel 3", "ingesprongen"),
        ('title: "Testplan"\n', 'title: "Testplan\n', "regel 3, kolom 8", "aanhalingsteken"),
        (
            'source: "minimaal 2x per jaar"\n',
            'source: "minimaal 2x per jaar\n',
            f"regel {len(VALID.splitlines())}, kolom 13",
            "aanhalingsteken",
        ),
    ],
)
def test_syntax_error_names_line_and_explains(
    tmp_path, reference_data, old, new, where, explanation
):
    assert old in VALID
    err = _run(tmp_path, VALID.replace(old, new, 1))
    assert where in err
    assert explanation in err
    assert "geen geldige YAML" in err


@pytest.mark.parametrize(
    ("written", "iso"),
    [("31-12-2026", "2026-12-31"), ('"31 december 2026"', "2026-12-31")],
)
def test_dutch_date_gives_one_clear_error(tmp_path, reference_data, written, iso):
    text = VALID.replace('adopted: {date: "2024-01-15"', f"adopted: {{date: {written}", 1)
    err = _run(tmp_path, text)
    lines = [line for line in err.splitlines() if "regel" in line]
    assert len(lines) == 1, err
    assert "regel 6" in lines[0]
    assert "adopted.date" in lines[0]
    assert "JJJJ-MM-DD" in lines[0] and iso in lines[0]


KOMPAS = str(Path(sys.executable).parent / "kompas")


def test_exit_status_and_no_english_prefix(tmp_path):
    # The console script as a user runs it, against a database of its own.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    subprocess.run([KOMPAS, "migrate", "-v0"], env=env, check=True, capture_output=True)
    path = tmp_path / "plan.yaml"
    path.write_text(VALID.replace('title: "Testplan"\n', 'title "Testplan"\n'), encoding="utf-8")
    result = subprocess.run(
        [KOMPAS, "plan", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 1
    assert "CommandError" not in result.stderr
    assert "regel 3" in result.stderr


def test_help_is_dutch():
    result = subprocess.run(
        [KOMPAS, "plan", "validate", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "een of meer planbestanden" in result.stdout
    assert "Controleer planbestanden" in result.stdout
    assert "toon deze hulptekst" in result.stdout
    assert "show this help" not in result.stdout
    assert result.stdout.startswith("gebruik: ")
    assert "positional arguments" not in result.stdout
