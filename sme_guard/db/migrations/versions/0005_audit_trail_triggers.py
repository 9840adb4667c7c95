"""The audit trail (変更履歴) is written by triggers on every table, chained by hash; the
records already in the database get one "baseline" entry each, so the trail accounts for
every record. The trail's indexes serve one record's history; the hash is not unique-indexed
(a third of the cost of every audited insert, and no protection: the chain check is).

Revision ID: 0005
Revises: 0004
"""

from alembic import op

from sme_guard.db import audit_triggers


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_entry_entry_hash'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_audit_entry_record_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_table_name'))
        batch_op.create_index('ix_audit_entry_table_name_record_id', ['table_name', 'record_id'], unique=False)

    connection = op.get_bind()
    audit_triggers.install_all(connection)
    audit_triggers.write_baseline(connection)


def downgrade() -> None:
    audit_triggers.drop_all(op.get_bind())
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_table_name_record_id')
        batch_op.create_index(batch_op.f('ix_audit_entry_table_name'), ['table_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_record_id'), ['record_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_audit_entry_entry_hash'), ['entry_hash'])
