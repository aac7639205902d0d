"""bulk_create for bulk writers, keeping what save() would have done for our models.

A programme of thousands of slots saved row by row takes minutes (one INSERT, the receivers
and a history entry each). ``create_rows`` inserts them in batches and does by hand what the
receivers of save() do: control characters cleaned (``core.text``) and, inside a reversion
block (``core.history.bulk_revision``), one version per row in the revision being built.
The page cache is not invalidated here: bulk writers run inside ``bulk_changes()`` (or
``bulk_revision``) or bump the generations themselves.
"""

import json

import reversion
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.utils.encoding import force_str
from reversion import revisions
from reversion.models import Version

from core.text import clean_text_fields

BATCH_SIZE = 500


def create_rows(model, rows):
    """Insert new rows of ``model`` (their pks are set), as save() would have stored them."""
    if not rows:
        return rows
    for row in rows:
        clean_text_fields(model, row)
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    add_new_rows_to_revision(model, rows)
    return rows


def add_new_rows_to_revision(model, rows):
    """One version per new row in the current revision, as ``reversion.add_to_revision``
    would record it, for many rows at once: no relation is followed (bulk writers pass every
    row they created) and the revision's versions are copied once, not once per row."""
    if not (reversion.is_active() and reversion.is_registered(model)) or not rows:
        return
    options = revisions._get_options(model)
    model_db = router.db_for_write(model)
    data = serializers.serialize(
        "python",
        rows,
        fields=options.fields,
        use_natural_foreign_keys=options.use_natural_foreign_keys,
    )
    frame = revisions._current_frame()
    db_versions = revisions._copy_db_versions(frame.db_versions)
    for using, versions in db_versions.items():
        content_type = revisions._get_content_type(model, using)
        for row, item in zip(rows, data, strict=True):
            object_id = force_str(getattr(row, options.object_id_field))
            versions[(content_type, object_id)] = Version(
                content_type=content_type,
                object_id=object_id,
                db=model_db,
                format=options.format,
                serialized_data=_serialized(options.format, row, item),
                object_repr=force_str(row),
            )
    revisions._update_frame(db_versions=db_versions)


def _serialized(format_name, row, item):
    """The row as serializers.serialize(format_name, [row]) writes it."""
    if format_name == "json":
        return json.dumps([item], cls=DjangoJSONEncoder)
    return serializers.serialize(format_name, [row])
