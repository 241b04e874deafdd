# SPDX-License-Identifier: EUPL-1.2
import pytest

from kompas.crisis import services
from kompas.crisis.models import CrisisMember, KeyFunction
from kompas.crisis.selectors import Owner


@pytest.fixture
def hv_owner(heerenveen):
    return Owner(municipality=heerenveen, can_write=True, context_municipality=heerenveen)


@pytest.fixture
def make_crisis(hv_owner):
    """make_crisis(owner=None) -> (function, member) with the member assigned to the function."""

    def make(owner=None, code="ovd-bz", name="Hanna (test)", required=2):
        owner = owner or hv_owner
        function = KeyFunction.objects.filter(code=code, **owner.filter).first()
        if function is None:
            function = services.record_save(
                obj=KeyFunction(code=code, name=f"Functie {code}", required=required),
                owner=owner,
                by=None,
            )
        member = services.record_save(obj=CrisisMember(name=name), owner=owner, by=None)
        services.assignment_add(
            owner=owner, member=member, function=function, backup=False, by=None
        )
        return function, member

    return make
