# SPDX-License-Identifier: EUPL-1.2
"""A logging filter that scrubs IP addresses, user agents and 16-digit receipt codes from every
log record, installed on every handler (settings LOGGING, gunicorn's handlers, and handlers
that exist when the app starts; see SignalsConfig.ready). The meldpunt promises reporters that
no identifying trace of their request is written anywhere."""

import logging
import re

_IPV4 = r"\b(?:\d{1,3}\.){3}\d{1,3}\b"
_H = r"[0-9A-Fa-f]{1,4}"
_IPV6 = (
    rf"(?<![\w:])(?:(?:{_H}:){{7}}{_H}"  # full form
    rf"|(?:{_H}(?::{_H})*)?::(?:{_H}(?::{_H})*)?)(?![\w:])"  # compressed form (has ::)
)
# Receipt codes: 16 digits, maybe in groups of four with spaces, dashes or dots.
_CODE = r"(?<!\d)\d{4}(?:[ \-.]?\d{4}){3}(?!\d)"
# User agents: product/version tokens as browsers, tools and libraries send them.
_UA = (
    r"(?:Mozilla|Opera|AppleWebKit|Chrome|HeadlessChrome|Safari|Firefox|Gecko|Edg|curl|Wget|"
    r"python-requests|python-httpx|Python-urllib|aiohttp|okhttp|Go-http-client|PostmanRuntime|"
    r"Playwright|Dalvik|Java|libwww-perl|httpie|axios|node-fetch|undici)/[^\s\"]*"
    r"[^\"\n]*"  # and the rest of the agent string: up to the closing quote or line end
)
_PATTERN = re.compile(f"{_UA}|{_CODE}|{_IPV4}|{_IPV6}")


def scrub(text: str) -> str:
    return _PATTERN.sub("[verwijderd]", text)


class AnonymityFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the scrub
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        # gunicorn's access logger passes a dict of atoms; drop request details it may hold.
        for attr in ("request",):
            if hasattr(record, attr):
                setattr(record, attr, None)
        return True


_FILTER = AnonymityFilter()


def install() -> int:
    """Add the filter to every handler of every logger that exists now. Returns the count."""
    handlers = set(logging.root.handlers)
    for logger in list(logging.root.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            handlers.update(logger.handlers)
    for handler in handlers:
        if not any(isinstance(f, AnonymityFilter) for f in handler.filters):
            handler.addFilter(_FILTER)
    return len(handlers)
