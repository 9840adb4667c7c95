"""The cloud services register (control 2), the user accounts register (control 5), the
cloud services each smart device may use (10⑤), and the staff guidelines for smart devices
and SNS with their acknowledgments (10⑨, 18①). New tables only; the audit triggers follow
them as for every migration.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staff_guideline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('choices_json', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_guideline')),
    sa.UniqueConstraint('kind', 'version', name=op.f('uq_staff_guideline_kind_version'))
    )
    op.create_table('cloud_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('provider', sa.String(), nullable=True),
    sa.Column('purpose', sa.String(), nullable=True),
    sa.Column('data_held', sa.String(), nullable=True),
    sa.Column('importance', sa.String(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('facility_required', sa.Boolean(), nullable=False),
    sa.Column('facility_confirmed', sa.Boolean(), nullable=False),
    sa.Column('facility_note', sa.String(), nullable=True),
    sa.Column('leakage_required', sa.Boolean(), nullable=False),
    sa.Column('leakage_confirmed', sa.Boolean(), nullable=False),
    sa.Column('leakage_note', sa.String(), nullable=True),
    sa.Column('authentication_required', sa.Boolean(), nullable=False),
    sa.Column('authentication_confirmed', sa.Boolean(), nullable=False),
    sa.Column('authentication_note', sa.String(), nullable=True),
    sa.Column('access_control_required', sa.Boolean(), nullable=False),
    sa.Column('access_control_confirmed', sa.Boolean(), nullable=False),
    sa.Column('access_control_note', sa.String(), nullable=True),
    sa.Column('antivirus_required', sa.Boolean(), nullable=False),
    sa.Column('antivirus_confirmed', sa.Boolean(), nullable=False),
    sa.Column('antivirus_note', sa.String(), nullable=True),
    sa.Column('failure_required', sa.Boolean(), nullable=False),
    sa.Column('failure_confirmed', sa.Boolean(), nullable=False),
    sa.Column('failure_note', sa.String(), nullable=True),
    sa.Column('disaster_required', sa.Boolean(), nullable=False),
    sa.Column('disaster_confirmed', sa.Boolean(), nullable=False),
    sa.Column('disaster_note', sa.String(), nullable=True),
    sa.Column('support_hours', sa.String(), nullable=True),
    sa.Column('service_hours', sa.String(), nullable=True),
    sa.Column('resource_guarantee', sa.String(), nullable=True),
    sa.Column('sla_concluded', sa.Boolean(), nullable=False),
    sa.Column('datacentre_location', sa.String(), nullable=True),
    sa.Column('applicable_law', sa.String(), nullable=True),
    sa.Column('mfa_enabled', sa.Boolean(), nullable=False),
    sa.Column('last_reviewed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_cloud_service_owner_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cloud_service')),
    sa.UniqueConstraint('name', name=op.f('uq_cloud_service_name'))
    )
    with op.batch_alter_table('cloud_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cloud_service_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cloud_service_status'), ['status'], unique=False)

    op.create_table('guideline_acknowledgment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('guideline_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['guideline_id'], ['staff_guideline.id'], name=op.f('fk_guideline_acknowledgment_guideline_id_staff_guideline')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_guideline_acknowledgment_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guideline_acknowledgment')),
    sa.UniqueConstraint('guideline_id', 'person_id', name=op.f('uq_guideline_acknowledgment_guideline_id_person_id'))
    )
    with op.batch_alter_table('guideline_acknowledgment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guideline_acknowledgment_guideline_id'), ['guideline_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_guideline_acknowledgment_person_id'), ['person_id'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_number', sa.String(), nullable=False),
    sa.Column('system', sa.String(), nullable=False),
    sa.Column('login', sa.String(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('shared', sa.Boolean(), nullable=False),
    sa.Column('privilege', sa.String(), nullable=False),
    sa.Column('auth_method', sa.String(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('last_reviewed_on', sa.Date(), nullable=True),
    sa.Column('disabled_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_user_account_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('account_number', name=op.f('uq_user_account_account_number')),
    sa.UniqueConstraint('system', 'login', name=op.f('uq_user_account_system_login'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_account_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_account_system'), ['system'], unique=False)

    op.create_table('device_cloud_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('cloud_service_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cloud_service_id'], ['cloud_service.id'], name=op.f('fk_device_cloud_service_cloud_service_id_cloud_service'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['device_id'], ['smart_device.id'], name=op.f('fk_device_cloud_service_device_id_smart_device'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device_cloud_service')),
    sa.UniqueConstraint('device_id', 'cloud_service_id', name=op.f('uq_device_cloud_service_device_id_cloud_service_id'))
    )
    with op.batch_alter_table('device_cloud_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_device_cloud_service_cloud_service_id'), ['cloud_service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_device_cloud_service_device_id'), ['device_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('device_cloud_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_device_cloud_service_device_id'))
        batch_op.drop_index(batch_op.f('ix_device_cloud_service_cloud_service_id'))

    op.drop_table('device_cloud_service')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_system'))
        batch_op.drop_index(batch_op.f('ix_user_account_status'))
        batch_op.drop_index(batch_op.f('ix_user_account_person_id'))

    op.drop_table('user_account')
    with op.batch_alter_table('guideline_acknowledgment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guideline_acknowledgment_person_id'))
        batch_op.drop_index(batch_op.f('ix_guideline_acknowledgment_guideline_id'))

    op.drop_table('guideline_acknowledgment')
    with op.batch_alter_table('cloud_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cloud_service_status'))
        batch_op.drop_index(batch_op.f('ix_cloud_service_owner_id'))

    op.drop_table('cloud_service')
    op.drop_table('staff_guideline')
