# SPDX-License-Identifier: EUPL-1.2
"""Audit log entries for log-in, log-out and failed log-ins."""

from django.contrib.auth import signals
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .constants import AuditAction
from .services import audit_log


@receiver(signals.user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    # An SSO login names its identity provider (kompas.core.sso sets the attribute).
    via = getattr(request, "kompas_login_via", "")
    note = _("via %(idp)s") % {"idp": via} if via else ""
    audit_log(user=user, action=AuditAction.LOGIN, obj=user, object_type="auth.user", note=note)


@receiver(signals.user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_log(user=user, action=AuditAction.LOGOUT, obj=user, object_type="auth.user")


@receiver(signals.user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    # The attempted user name is kept so a beheerder can see attacks on an account; the
    # password never is, and neither is the client's address.
    from django.contrib.auth import get_user_model

    if "nonce" in credentials:
        return  # an SSO callback: kompas.core.sso audits its refusals itself, with the reason
    username = str(credentials.get("username", ""))[:150]
    account = get_user_model().objects.filter(username=username).first()
    audit_log(
        user=account,
        action=AuditAction.FAILED_LOGIN,
        object_type="auth.user",
        object_id=account.pk if account else "",
        note=f"gebruikersnaam: {username}",
    )
