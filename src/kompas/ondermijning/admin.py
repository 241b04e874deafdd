# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import Branche


@admin.register(Branche)
class BrancheAdmin(admin.ModelAdmin):
    """The maintained list of ondermijningsgevoelige branches."""

    list_display = ("name", "code", "active")
    list_editable = ("active",)
    prepopulated_fields = {"code": ("name",)}
