# SPDX-License-Identifier: EUPL-1.2
"""One base for every `kompas` command: help, usage and argument errors in Dutch.

argparse writes "usage:", "positional arguments", "options" and its error messages through
its module-level `gettext` calls, and Django adds English help for the options every command
has. `KompasCommand` builds its parser from `DutchCommandParser`, which swaps argparse's
`gettext` for the Dutch table below while it builds, formats and parses (sub-parsers are made
from the same class), and gives Django's common options Dutch help. Commands inherit from
`KompasCommand` instead of Django's `BaseCommand`; nothing else changes for them."""

from __future__ import annotations

import argparse
import contextlib
import os
import threading

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.management.base import DjangoHelpFormatter as _DjangoHelpFormatter

__all__ = ["CommandError", "DutchCommandParser", "KompasCommand"]

# argparse's messages (Python 3.11) in Dutch; anything not listed passes unchanged.
# Before every line a --dry-run prints (retention commands).
DRY_RUN_PREFIX = "PROEF (er is niets gewijzigd): "

DUTCH_ARGPARSE = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "subcommands": "opdrachten",
    "show this help message and exit": "toon deze hulptekst en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hooguit één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "ignored explicit argument %r": "waarde %r genegeerd",
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}
_DUTCH_PLURAL = {
    "expected %s argument": ("verwacht %s waarde", "verwacht %s waarden"),
}

_lock = threading.RLock()


def _gettext(message: str) -> str:
    return DUTCH_ARGPARSE.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in _DUTCH_PLURAL:
        one, many = _DUTCH_PLURAL[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


@contextlib.contextmanager
def dutch_argparse():
    """argparse speaks Dutch inside this block (re-entrant: sub-parsers nest)."""
    with _lock:
        saved = argparse._, argparse.ngettext
        argparse._, argparse.ngettext = _gettext, _ngettext
        try:
            yield
        finally:
            argparse._, argparse.ngettext = saved


class DutchHelpFormatter(_DjangoHelpFormatter):
    def format_help(self):
        with dutch_argparse():
            return super().format_help()


class DutchCommandParser(CommandParser):
    """Django's CommandParser whose texts and errors are Dutch."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        with dutch_argparse():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        with dutch_argparse():
            return super().add_subparsers(**kwargs)

    def add_argument(self, *args, **kwargs):
        with dutch_argparse():
            return super().add_argument(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        with dutch_argparse():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with dutch_argparse():
            return super().parse_known_args(args, namespace)

    def format_usage(self):
        with dutch_argparse():
            return super().format_usage()

    def format_help(self):
        with dutch_argparse():
            return super().format_help()

    def error(self, message):
        with dutch_argparse():
            if not self.called_from_command_line:
                raise CommandError(f"Fout: {message}")
            super().error(message)


class KompasCommand(BaseCommand):
    """Base of every `kompas` command: Django's parser, options and behaviour, with Dutch
    help, usage and argument errors."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Django's BaseCommand.create_parser (5.2) with our parser class and Dutch help.
        parser = DutchCommandParser(
            prog=f"{os.path.basename(prog_name)} {subcommand}",
            description=self.help or None,
            missing_args_message=getattr(self, "missing_args_message", None),
            called_from_command_line=getattr(self, "_called_from_command_line", None),
            **kwargs,
        )
        add = self.add_base_argument
        add(
            parser,
            "--version",
            action="version",
            version=self.get_version(),
            help="toon het versienummer en stop",
        )
        add(
            parser,
            "-v",
            "--verbosity",
            default=1,
            type=int,
            choices=[0, 1, 2, 3],
            help="hoeveel uitvoer: 0=weinig, 1=normaal, 2=veel, 3=zeer veel",
        )
        add(
            parser,
            "--settings",
            help="Python-pad van een instellingenmodule (standaard DJANGO_SETTINGS_MODULE)",
        )
        add(parser, "--pythonpath", help="map die aan het Python-pad wordt toegevoegd")
        add(
            parser,
            "--traceback",
            action="store_true",
            help="toon de volledige foutmelding van Python",
        )
        add(parser, "--no-color", action="store_true", help="uitvoer zonder kleur")
        add(parser, "--force-color", action="store_true", help="uitvoer altijd in kleur")
        if self.requires_system_checks:
            parser.add_argument(
                "--skip-checks", action="store_true", help="sla de systeemcontroles over"
            )
        self.add_arguments(parser)
        return parser
