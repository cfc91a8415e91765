"""The audit trail is append-only: in the ORM everywhere, and in the database itself on PostgreSQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from tests.factories import make_user
from workflows.core.models import AuditEntry
from workflows.core.models.audit import AppendOnlyError
from workflows.core.services import record

pytestmark = pytest.mark.django_db


def test_entries_are_recorded_with_actor_and_time(demo):
    user = make_user("auditor")
    entry = record("complaint.accept", actor=user, case_label="GRS-TEST", from_state="submitted", to_state="in_review")
    assert entry.actor_name == "auditor"
    assert entry.at is not None
    assert AuditEntry.objects.filter(case_label="GRS-TEST").count() == 1


def test_orm_refuses_changes(demo):
    entry = record("x.test", case_label="GRS-ORM")
    entry.comment = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(comment="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL only")
def test_database_refuses_update_and_delete_on_postgresql(demo):
    entry = record("x.test", case_label="GRS-SQL")
    table = AuditEntry._meta.db_table
    for sql in (f"UPDATE {table} SET comment = 'x' WHERE id = %s", f"DELETE FROM {table} WHERE id = %s"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    entry.refresh_from_db()
    assert entry.comment == ""
