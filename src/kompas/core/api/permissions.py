# SPDX-License-Identifier: EUPL-1.2
from rest_framework.authtoken.models import Token
from rest_framework.permissions import BasePermission

from ..middleware import requires_second_factor, second_factor_verified


class SecondFactorVerified(BasePermission):
    """Session users in roles that need a second factor must have verified it this session.

    API tokens are issued to a named user by a beheerder and are not session-bound; they pass.
    """

    message = "Tweestapsverificatie is verplicht voor deze rol."

    def has_permission(self, request, view) -> bool:
        if isinstance(request.auth, Token):
            return True
        user = request.user
        return not requires_second_factor(user) or second_factor_verified(request)
