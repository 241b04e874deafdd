# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import Activity, PhenomenonChoice, WhiteSpot

admin.site.register(PhenomenonChoice)
admin.site.register(WhiteSpot)
admin.site.register(Activity)
