# SPDX-License-Identifier: EUPL-1.2
"""Read-only admin: every write goes through services.py (audited)."""

from django.contrib import admin

from .models import AgendaItem, FollowUpAction, Meeting, MeetingSeries, SeriesMember


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(ReadOnlyAdmin):
    list_display = ["name", "municipality", "kind", "confidentiality", "active"]
    list_filter = ["municipality", "kind"]


@admin.register(SeriesMember)
class SeriesMemberAdmin(ReadOnlyAdmin):
    list_display = ["series", "user", "partner", "role"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["series", "starts_at", "status"]
    list_filter = ["status"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "order", "kind", "title"]


@admin.register(FollowUpAction)
class FollowUpActionAdmin(ReadOnlyAdmin):
    list_display = ["description", "item", "due_date", "status"]
