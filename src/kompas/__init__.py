# SPDX-License-Identifier: EUPL-1.2
"""Veiligheidskompas: a Dutch gemeente's integral safety policy, from plan to accountability."""
