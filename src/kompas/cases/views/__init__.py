# SPDX-License-Identifier: EUPL-1.2
"""Pages of casework (see urls.py)."""
