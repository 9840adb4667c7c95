"""The office's own control items and task sheets, kept in the database so that they are
assessed with the guideline's and can be shared with another office as a catalog file.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('office_catalog_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('entry_id', sa.String(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('data', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_catalog_entry')),
    sa.UniqueConstraint('entry_id', name=op.f('uq_office_catalog_entry_entry_id'))
    )


def downgrade() -> None:
    op.drop_table('office_catalog_entry')
