# SPDX-License-Identifier: EUPL-1.2
"""The verwerkingsregister is complete: every field that looks like personal data is declared
(kompas.core.privacy) or excluded with a reason, and the declarations match the models."""

import re

from django.apps import apps
from django.db import models

from kompas.core import privacy

# A field holds or may hold personal data when its name says so (Dutch or English), or when it
# is free text that can be about persons. `_enc` fields are encrypted, so always personal.
PERSONAL_NAME = re.compile(
    r"naam|name|e?mail|telefoon|phone|adres|address|geboort|birth|bsn|contact|"
    r"_enc$|username|by_label|owner|decided_by|regisseur|"
    r"description|omschrijving|toelichting|text|note|summary|minutes|decision|reason|"
    r"evaluation|body|advice|result|follow_up|measures|instruments|conditions|route|input|"
    r"ip_address|user_agent|session_data|object_repr|change_message|postcode|street|kvk"
)
TEXT_TYPES = (models.CharField, models.TextField, models.BinaryField, models.GenericIPAddressField)


def suspect_fields():
    """(model label, field name) of every installed model's field that looks personal (the
    product's and the libraries': sessions, login attempts, the second factor)."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation or getattr(field, "choices", None):
                continue  # links and fixed lists of values hold no text of their own
            if isinstance(field, TEXT_TYPES) and PERSONAL_NAME.search(field.name):
                yield model._meta.label, field.name
            elif isinstance(field, models.EmailField | models.DateField) and re.search(
                r"birth|geboort", field.name
            ):
                yield model._meta.label, field.name


def test_every_field_that_looks_personal_is_declared_or_excluded_with_a_reason():
    declared = {(d.model, d.field) for d in privacy.declarations()}
    excluded = privacy.exclusions()
    missing = [f"{m}.{f}" for m, f in suspect_fields() if (m, f) not in declared | set(excluded)]
    assert missing == [], (
        "Fields that look like personal data without an entry in the verwerkingsregister: "
        "declare them in the app's privacy.py (privacy.declare) or list them with "
        f"privacy.not_personal and a reason: {missing}"
    )
    assert all(reason.strip() for reason in excluded.values())


def test_the_completeness_check_notices_an_undeclared_field(monkeypatch):
    """The heuristic really sees personal fields: without the crisis declarations, the crisis
    members' name, phone and e-mail are reported."""
    monkeypatch.setattr(
        privacy,
        "_declared",
        {k: v for k, v in privacy._declared.items() if k[0] != "crisis.CrisisMember"},
    )
    declared = {(d.model, d.field) for d in privacy.declarations()}
    suspects = set(suspect_fields())
    missing = {
        f for m, f in suspects - declared - set(privacy.exclusions()) if m.startswith("crisis")
    }
    assert {"name", "phone", "email"} <= missing


def test_declarations_name_real_fields_and_say_truly_whether_they_are_encrypted():
    excluded = privacy.exclusions()
    for item in privacy.declarations():
        field = apps.get_model(item.model)._meta.get_field(item.field)  # raises when renamed
        assert (item.model, item.field) not in excluded, f"{item.model}.{item.field}"
        # Encrypted fields hold MultiFernet tokens and are named `..._enc` (signals.crypto).
        assert item.encrypted == field.name.endswith("_enc"), f"{item.model}.{item.field}"
        assert item.category and item.basis and item.purpose
    for model, name in excluded:
        apps.get_model(model)._meta.get_field(name)


def test_the_identity_fields_of_every_app_are_in_the_register():
    rows = {(d.model, d.field): d for d in privacy.declarations()}
    for model in ("cases.Person", "openbareorde.RiskPerson"):
        for name in ("name_enc", "birth_date_enc", "address_enc", "bsn_enc"):
            assert rows[(model, name)].encrypted
        assert "burgerservicenummer" in str(rows[(model, "bsn_enc")].basis).lower()
    for key in (
        ("auth.User", "email"),
        ("signals.Signal", "contact_enc"),
        ("meetings.AgendaItem", "minutes"),
        ("openbareorde.Demonstration", "organiser_name"),
        ("ondermijning.Dealer", "name"),
        ("crisis.CrisisMember", "phone"),
    ):
        assert key in rows, key
