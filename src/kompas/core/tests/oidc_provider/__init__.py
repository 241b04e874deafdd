# SPDX-License-Identifier: EUPL-1.2
"""A minimal OpenID Connect provider (django-oauth-toolkit in OIDC mode) that test_sso_oidc
starts as a second process: `python -m kompas.core.tests.oidc_provider`. Its own Django
project, with an in-memory database, configured by the OIDCP_* environment variables."""
