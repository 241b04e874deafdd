# SPDX-License-Identifier: EUPL-1.2
"""Attachment checks: the type comes from the content (magic bytes + a real parse), never from
the file name or the browser's claim; images are re-encoded without metadata (EXIF, GPS, ICC
comments) with Pillow."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)
Image.MAX_IMAGE_PIXELS = 40_000_000  # refuse decompression bombs


def max_upload_bytes() -> int:
    return settings.KOMPAS_MELDPUNT_MAX_UPLOAD_MB * 1024 * 1024


def sniff(data: bytes) -> str | None:
    for magic, content_type in _MAGIC:
        if data.startswith(magic):
            return content_type
    return None


def _strip_image(data: bytes, content_type: str, name: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.verify()
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            fmt = "JPEG" if content_type == "image/jpeg" else "PNG"
            if fmt == "JPEG" and img.mode not in ("RGB", "L"):
                img = img.convert("RGB")
            # A copy of the pixels without any of the metadata: EXIF, GPS, XMP, ICC, comments
            # and text chunks all live in `info`, which we empty before saving.
            clean = img.copy()
            clean.info = {}
            out = io.BytesIO()
            clean.save(out, format=fmt, **({"quality": 90} if fmt == "JPEG" else {}))
            return out.getvalue()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("Bijlage %(name)s is geen geldige afbeelding. Kies een JPG-, PNG- of PDF-bestand.")
            % {"name": name}
        ) from None


def attachment_clean(*, data: bytes, name: str) -> tuple[str, bytes]:
    """Return (content type, cleaned bytes) or raise ValidationError with a Dutch message."""
    limit = settings.KOMPAS_MELDPUNT_MAX_UPLOAD_MB
    if len(data) > max_upload_bytes():
        raise ValidationError(
            _("Bijlage %(name)s is te groot. Een bijlage mag hoogstens %(mb)s MB zijn.")
            % {"name": name, "mb": limit}
        )
    if not data:
        raise ValidationError(_("Bijlage %(name)s is leeg.") % {"name": name})
    content_type = sniff(data)
    if content_type is None:
        raise ValidationError(
            _(
                "Bijlage %(name)s is geen JPG-, PNG- of PDF-bestand (wij kijken naar de inhoud, "
                "niet naar de naam). Kies een ander bestand."
            )
            % {"name": name}
        )
    if content_type == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(
                _("Bijlage %(name)s is geen volledig PDF-bestand.") % {"name": name}
            )
        return content_type, data
    return content_type, _strip_image(data, content_type, name)
