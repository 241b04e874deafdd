# SPDX-License-Identifier: EUPL-1.2
"""Benchmark settings: the product's settings unchanged, plus one bare view in the URLconf."""

from kompas.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
