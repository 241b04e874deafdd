# SPDX-License-Identifier: EUPL-1.2
"""Start the test provider: migrate the in-memory database, add the users and the confidential
client (RS256, skips the consent page: the user "auto-approves"), print READY and serve on
OIDCP_PORT until killed."""

import os
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

os.environ["DJANGO_SETTINGS_MODULE"] = "kompas.core.tests.oidc_provider.settings"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def main() -> None:
    call_command("migrate", run_syncdb=True, verbosity=0)
    for spec in settings.USERS:
        get_user_model().objects.create_user(spec["username"], password=spec["password"])
    Application.objects.create(
        name="Veiligheidskompas",
        client_id=settings.CLIENT["client_id"],
        client_secret=settings.CLIENT["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=settings.CLIENT["redirect_uri"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    port = int(os.environ["OIDCP_PORT"])
    server = make_server("127.0.0.1", port, get_wsgi_application(), handler_class=QuietHandler)
    print("READY", flush=True)
    sys.stdout.close()
    server.serve_forever()


main()
