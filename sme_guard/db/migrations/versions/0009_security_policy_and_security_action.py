"""The office's own security policy (基本方針) and security rules (対策基準) as numbered
versions, its SECURITY ACTION declarations and self-diagnosis results (25 answers each), and
the reason a self-assessment answer gives for a measure judged 対象外. New tables and one
new nullable column; the audit triggers follow them as for every migration.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('security_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('level', sa.String(), nullable=False),
    sa.Column('declared_on', sa.Date(), nullable=True),
    sa.Column('declaration_id', sa.String(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_security_action'))
    )
    op.create_table('security_policy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('content_json', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('published_where', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_security_policy')),
    sa.UniqueConstraint('kind', 'version', name=op.f('uq_security_policy_kind_version'))
    )
    op.create_table('self_diagnosis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_diagnosis'))
    )
    with op.batch_alter_table('self_diagnosis', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_diagnosis_held_on'), ['held_on'], unique=False)

    op.create_table('self_diagnosis_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('diagnosis_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.CheckConstraint('question BETWEEN 1 AND 25', name=op.f('ck_self_diagnosis_answer_question_number')),
    sa.CheckConstraint('score IN (4, 2, 0, -1)', name=op.f('ck_self_diagnosis_answer_score_value')),
    sa.ForeignKeyConstraint(['diagnosis_id'], ['self_diagnosis.id'], name=op.f('fk_self_diagnosis_answer_diagnosis_id_self_diagnosis'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_diagnosis_answer')),
    sa.UniqueConstraint('diagnosis_id', 'question', name=op.f('uq_self_diagnosis_answer_diagnosis_id_question'))
    )
    with op.batch_alter_table('self_diagnosis_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_diagnosis_answer_diagnosis_id'), ['diagnosis_id'], unique=False)

    # A nullable column: SQLite adds it in place (ALTER TABLE ... ADD COLUMN, no rebuild).
    with op.batch_alter_table('measure_result', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('measure_result', schema=None) as batch_op:
        batch_op.drop_column('reason')

    with op.batch_alter_table('self_diagnosis_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_diagnosis_answer_diagnosis_id'))

    op.drop_table('self_diagnosis_answer')
    with op.batch_alter_table('self_diagnosis', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_diagnosis_held_on'))

    op.drop_table('self_diagnosis')
    op.drop_table('security_policy')
    op.drop_table('security_action')
