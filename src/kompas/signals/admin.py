# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import RetentionSettings


@admin.register(RetentionSettings)
class RetentionSettingsAdmin(admin.ModelAdmin):
    list_display = ["municipality", "contact_days", "delete_years", "delete_years_no_ground"]
