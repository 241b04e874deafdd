# SPDX-License-Identifier: EUPL-1.2
"""An upload handler that keeps meldpunt attachments in memory only (never an unencrypted
temporary file on disk) and stops reading a file past the size limit."""

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from .attachments import max_upload_bytes


class BoundedMemoryUploadHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file = io.BytesIO()
        self.size = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        if self.size > max_upload_bytes():
            self.too_large = True
        else:
            self.file.write(raw_data)
        return None

    def file_complete(self, file_size):
        self.file.seek(0)
        uploaded = InMemoryUploadedFile(
            file=self.file,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
        uploaded.kompas_too_large = self.too_large
        return uploaded


def use_memory_uploads(request) -> None:
    request.upload_handlers = [BoundedMemoryUploadHandler(request)]
