"""Drills keep the recovery time objective they were measured against and link the plan
change they led to; deleting a plan takes its drills with it.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('drill', schema=None) as batch_op:
        batch_op.add_column(sa.Column('objective_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('change_review_id', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('fk_drill_plan_id_continuity_plan'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_drill_change_review_id_plan_review'), 'plan_review', ['change_review_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_drill_plan_id_continuity_plan'), 'continuity_plan', ['plan_id'], ['id'], ondelete='CASCADE')


def downgrade() -> None:
    with op.batch_alter_table('drill', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_drill_plan_id_continuity_plan'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_drill_change_review_id_plan_review'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_drill_plan_id_continuity_plan'), 'continuity_plan', ['plan_id'], ['id'])
        batch_op.drop_column('change_review_id')
        batch_op.drop_column('objective_minutes')
