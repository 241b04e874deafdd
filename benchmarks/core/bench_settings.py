# SPDX-License-Identifier: EUPL-1.2
"""Benchmark settings: the product's settings unchanged, plus one bare authenticated view."""

from kompas.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
