# SPDX-License-Identifier: EUPL-1.2
"""Every `kompas` command helps in Dutch: usage prefix, section titles, the options Django
adds and argparse's error messages come from one base in core (kompas.core.commands)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

# argparse's and Django's English, as it shows in a help text or an argument error.
ENGLISH = re.compile(
    r"usage:|positional arguments|options:|show this help|Show program|Verbosity level"
    r"|settings module|Python path|stack trace|colorize|Skip system checks|error:"
    r"|invalid choice|choose from|arguments are required|unrecognized arguments|subcommands"
)


def _kompas_commands() -> list[tuple[str, str]]:
    return sorted((n, app) for n, app in get_commands().items() if app.startswith("kompas."))


def test_kompas_commands_all_use_the_dutch_base():
    from kompas.core.commands import KompasCommand

    commands = _kompas_commands()
    assert len(commands) >= 10
    for name, app in commands:
        assert isinstance(load_command_class(app, name), KompasCommand), name


@pytest.mark.parametrize("name", ["keys", "plan", "data", "demo", "report", "cases"])
def test_help_has_no_english_argparse_words(name, capsys):
    app = dict(_kompas_commands())[name]
    parser = load_command_class(app, name).create_parser("kompas", name)
    text = parser.format_help()
    assert "gebruik: kompas" in text and "opties" in text
    assert not ENGLISH.findall(text), (name, ENGLISH.findall(text))


def _kompas(*args):
    return subprocess.run(
        [str(Path(sys.executable).with_name("kompas")), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_and_errors_on_the_command_line_are_dutch():
    shown = _kompas("keys", "--help")
    assert shown.returncode == 0 and "gebruik: kompas keys" in shown.stdout
    assert not ENGLISH.findall(shown.stdout), ENGLISH.findall(shown.stdout)
    wrong = _kompas("keys", "maak")
    assert wrong.returncode == 2
    assert "ongeldige keuze: 'maak'" in wrong.stderr and "fout:" in wrong.stderr
    assert not ENGLISH.findall(wrong.stderr), wrong.stderr
    extra = _kompas("keys", "generate", "--kleur")  # runs before the settings, same parser
    assert extra.returncode == 2 and "onbekende argumenten: --kleur" in extra.stderr
    extra = _kompas("keys", "rotate", "--kleur")
    assert extra.returncode == 2 and "onbekende argumenten: --kleur" in extra.stderr
    missing = _kompas("plan")
    assert "deze argumenten ontbreken" in missing.stderr, missing.stderr
    assert not ENGLISH.findall(missing.stderr), missing.stderr
