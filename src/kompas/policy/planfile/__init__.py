# SPDX-License-Identifier: EUPL-1.2
"""Plan files: parse YAML/JSON, validate against plans/schema.json plus semantic rules, map
every error to file, line and field, make the canonical document, and describe the difference
between two documents. Pure functions; the only database reads are the lists of known codes
(partners, partnerships, gemeenten), passed in by the caller.

Field paths look like `priorities[0].partners[2]` (counting from 0); lines count from 1.

A package since issue 11 (every name stays importable from `kompas.policy.planfile`):
`loading` (errors, YAML with line numbers), `schema` (JSON Schema errors in Dutch),
`semantics` (one checker per section), `document` (canonical form, digest, differences).
"""

from .document import canonical, change_summary, digest, text_diff, to_json, to_yaml
from .loading import (
    ParsedFile,
    PlanError,
    PlanFileError,
    line_of,
    parse_file,
    parse_text,
    path_text,
)
from .schema import PLANS_DIR, SCHEMA_PATH, schema, schema_errors
from .semantics import KnownCodes, _action_identity, semantic_errors, validate

__all__ = [
    "PLANS_DIR",
    "SCHEMA_PATH",
    "KnownCodes",
    "ParsedFile",
    "PlanError",
    "PlanFileError",
    "_action_identity",
    "canonical",
    "change_summary",
    "digest",
    "line_of",
    "parse_file",
    "parse_text",
    "path_text",
    "schema",
    "schema_errors",
    "semantic_errors",
    "text_diff",
    "to_json",
    "to_yaml",
    "validate",
]
