"""A recurring check never done falls due on its first-due date (set when it was added, or
at set-up), not at once: nothing is overdue before it could have been done. Existing checks
get one interval after they were added.

Revision ID: 0008
Revises: 0006
"""

from datetime import date, datetime, timedelta

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def upgrade() -> None:
    with op.batch_alter_table('recurring_check', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_due_on', sa.Date(), nullable=True))
    connection = op.get_bind()
    checks = sa.table(
        'recurring_check',
        sa.column('id', sa.Integer()),
        sa.column('created_at', sa.String()),
        sa.column('interval_days', sa.Integer()),
        sa.column('first_due_on', sa.Date()),
    )
    rows = connection.execute(sa.select(checks.c.id, checks.c.created_at, checks.c.interval_days)).all()
    for check_id, created_at, interval in rows:
        connection.execute(
            checks.update()
            .where(checks.c.id == check_id)
            .values(first_due_on=_day(created_at) + timedelta(days=interval))
        )


def downgrade() -> None:
    with op.batch_alter_table('recurring_check', schema=None) as batch_op:
        batch_op.drop_column('first_due_on')
