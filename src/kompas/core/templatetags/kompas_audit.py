# SPDX-License-Identifier: EUPL-1.2
"""`{% load kompas_audit %}{% viewed_by obj %}`: the "Wie heeft dit ingezien?" list of any
object, from the audit log (core.selectors.audit_viewer_list). Put it only on pages whose
readers may know who else looked (the gemeente's own team)."""

from django import template

from kompas.core.selectors import audit_viewer_list

register = template.Library()


@register.inclusion_tag("core/_viewed_by.html")
def viewed_by(obj, heading=""):
    return {"viewers": audit_viewer_list(obj=obj), "heading": heading}
