"""Stock-takes (棚卸) with their kept results, and office-wide settings.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_app_setting_key'))
    )
    op.create_table('stock_take',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('register_key', sa.String(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('started_by', sa.String(), nullable=True),
    sa.Column('finished_on', sa.Date(), nullable=True),
    sa.Column('found_count', sa.Integer(), nullable=False),
    sa.Column('missing_count', sa.Integer(), nullable=False),
    sa.Column('unchecked_count', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_take'))
    )
    with op.batch_alter_table('stock_take', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_take_register_key'), ['register_key'], unique=False)

    op.create_table('stock_take_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stock_take_id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('asset_number', sa.String(), nullable=False),
    sa.Column('expected_location', sa.String(), nullable=True),
    sa.Column('result', sa.String(), nullable=True),
    sa.Column('found_location', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['stock_take_id'], ['stock_take.id'], name=op.f('fk_stock_take_item_stock_take_id_stock_take'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_take_item')),
    sa.UniqueConstraint('stock_take_id', 'asset_id', name=op.f('uq_stock_take_item_stock_take_id_asset_id'))
    )
    with op.batch_alter_table('stock_take_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_take_item_stock_take_id'), ['stock_take_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('stock_take_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_take_item_stock_take_id'))

    op.drop_table('stock_take_item')
    with op.batch_alter_table('stock_take', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_take_register_key'))

    op.drop_table('stock_take')
    op.drop_table('app_setting')
