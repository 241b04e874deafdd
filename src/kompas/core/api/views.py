# SPDX-License-Identifier: EUPL-1.2
from rest_framework import generics

from ..constants import Role
from ..selectors import municipality_for_api, municipality_list, region_get_for_user
from .serializers import MunicipalitySerializer, RegionSerializer


class MunicipalityListView(generics.ListAPIView):
    """The gemeenten the caller is a member of."""

    serializer_class = MunicipalitySerializer

    def get_queryset(self):
        return municipality_list(user=self.request.user, roles=Role.values).order_by("code")


class MunicipalityDetailView(generics.RetrieveAPIView):
    """One of the caller's gemeenten, by GM code or slug."""

    serializer_class = MunicipalitySerializer

    def get_object(self):
        return municipality_for_api(
            user=self.request.user, ref=self.kwargs["code"], roles=Role.values
        )[0]


class RegionDetailView(generics.RetrieveAPIView):
    """A gemeente, wijk or buurt of one of the caller's gemeenten, with parent and children."""

    serializer_class = RegionSerializer

    def get_object(self):
        return region_get_for_user(user=self.request.user, code=self.kwargs["code"])
