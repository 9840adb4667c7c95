"""Initial schema: every table of DESIGN.md (people, registers, incidents, continuity,
assessments, recurring checks, audit trail).

Revision ID: 0001
Revises: 
"""

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('assessor', sa.String(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_held_on'), ['held_on'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('os_user', sa.String(), nullable=False),
    sa.Column('table_name', sa.String(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('field', sa.String(), nullable=True),
    sa.Column('old_value', sa.String(), nullable=True),
    sa.Column('new_value', sa.String(), nullable=True),
    sa.Column('previous_hash', sa.String(), nullable=False),
    sa.Column('entry_hash', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    sa.UniqueConstraint('entry_hash', name=op.f('uq_audit_entry_entry_hash'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_table_name'), ['table_name'], unique=False)

    op.create_table('incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('number', sa.String(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('incident_type', sa.String(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('discovered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('who', sa.String(), nullable=True),
    sa.Column('what', sa.String(), nullable=True),
    sa.Column('how', sa.String(), nullable=True),
    sa.Column('result', sa.String(), nullable=True),
    sa.Column('impact_confidentiality', sa.Boolean(), nullable=False),
    sa.Column('impact_integrity', sa.Boolean(), nullable=False),
    sa.Column('impact_availability', sa.Boolean(), nullable=False),
    sa.Column('impact_legality', sa.Boolean(), nullable=False),
    sa.Column('threat_source', sa.String(), nullable=True),
    sa.Column('severity', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('root_cause', sa.String(), nullable=True),
    sa.Column('recovery_method', sa.String(), nullable=True),
    sa.Column('timeline', sa.String(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident')),
    sa.UniqueConstraint('number', name=op.f('uq_incident_number')),
    sa.UniqueConstraint('year', 'sequence', name=op.f('uq_incident_year_sequence'))
    )
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_incident_type'), ['incident_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_status'), ['status'], unique=False)

    op.create_table('incident_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_sequence', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_counter')),
    sa.UniqueConstraint('year', name=op.f('uq_incident_counter_year'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kana', sa.String(), nullable=True),
    sa.Column('department', sa.String(), nullable=True),
    sa.Column('employment_type', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)

    op.create_table('recurring_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('catalog_ref', sa.String(), nullable=True),
    sa.Column('interval_days', sa.Integer(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('last_done_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recurring_check')),
    sa.UniqueConstraint('code', name=op.f('uq_recurring_check_code'))
    )
    op.create_table('check_completion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('done_by', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['check_id'], ['recurring_check.id'], name=op.f('fk_check_completion_check_id_recurring_check'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_completion'))
    )
    with op.batch_alter_table('check_completion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_completion_check_id'), ['check_id'], unique=False)

    op.create_table('contact_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('alternate_person_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['alternate_person_id'], ['person.id'], name=op.f('fk_contact_entry_alternate_person_id_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_contact_entry_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_entry'))
    )
    with op.batch_alter_table('contact_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_entry_position'), ['position'], unique=False)

    op.create_table('contact_tree_confirmation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['person.id'], name=op.f('fk_contact_tree_confirmation_confirmed_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_tree_confirmation'))
    )
    with op.batch_alter_table('contact_tree_confirmation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_tree_confirmation_confirmed_on'), ['confirmed_on'], unique=False)

    op.create_table('continuity_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('business_impact', sa.String(), nullable=True),
    sa.Column('damage_and_risk', sa.String(), nullable=True),
    sa.Column('rto_hours', sa.Float(), nullable=True),
    sa.Column('rpo_hours', sa.Float(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('depends_on_contact_tree', sa.Boolean(), nullable=False),
    sa.Column('last_reviewed_on', sa.Date(), nullable=True),
    sa.Column('review_interval_days', sa.Integer(), nullable=False),
    sa.Column('template_code', sa.String(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_continuity_plan_owner_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_continuity_plan')),
    sa.UniqueConstraint('name', name=op.f('uq_continuity_plan_name'))
    )
    op.create_table('id_badge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('badge_number', sa.String(), nullable=False),
    sa.Column('holder_id', sa.Integer(), nullable=True),
    sa.Column('medium', sa.String(), nullable=False),
    sa.Column('areas', sa.String(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('last_stocktake_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['holder_id'], ['person.id'], name=op.f('fk_id_badge_holder_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_id_badge')),
    sa.UniqueConstraint('badge_number', name=op.f('uq_id_badge_badge_number'))
    )
    with op.batch_alter_table('id_badge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_id_badge_holder_id'), ['holder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_id_badge_status'), ['status'], unique=False)

    op.create_table('incident_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_incident_action_incident_id_incident'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_incident_action_owner_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_action'))
    )
    with op.batch_alter_table('incident_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_action_incident_id'), ['incident_id'], unique=False)

    op.create_table('incident_external_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('reported_to', sa.String(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('reference', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_incident_external_report_incident_id_incident'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_external_report'))
    )
    with op.batch_alter_table('incident_external_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_external_report_incident_id'), ['incident_id'], unique=False)

    op.create_table('incident_measure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_incident_measure_incident_id_incident'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_measure')),
    sa.UniqueConstraint('incident_id', 'measure_id', name=op.f('uq_incident_measure_incident_id_measure_id'))
    )
    with op.batch_alter_table('incident_measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_measure_incident_id'), ['incident_id'], unique=False)

    op.create_table('incident_status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_incident_status_change_incident_id_incident'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_status_change'))
    )
    with op.batch_alter_table('incident_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_status_change_incident_id'), ['incident_id'], unique=False)

    op.create_table('measure_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('evidence', sa.String(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_measure_result_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_measure_result_owner_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_result')),
    sa.UniqueConstraint('assessment_id', 'measure_id', name=op.f('uq_measure_result_assessment_id_measure_id'))
    )
    with op.batch_alter_table('measure_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_result_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('sheet_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.String(), nullable=False),
    sa.Column('applies', sa.Boolean(), nullable=True),
    sa.Column('current_state', sa.String(), nullable=True),
    sa.Column('technical_status', sa.String(), nullable=False),
    sa.Column('human_status', sa.String(), nullable=False),
    sa.Column('responsibility', sa.String(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_sheet_result_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_sheet_result_owner_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sheet_result')),
    sa.UniqueConstraint('assessment_id', 'sheet_id', name=op.f('uq_sheet_result_assessment_id_sheet_id'))
    )
    with op.batch_alter_table('sheet_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sheet_result_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('smart_device',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('asset_number', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('model', sa.String(), nullable=True),
    sa.Column('os_name', sa.String(), nullable=True),
    sa.Column('os_version', sa.String(), nullable=True),
    sa.Column('serial_or_imei', sa.String(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('ownership', sa.String(), nullable=False),
    sa.Column('mdm_enrolled', sa.Boolean(), nullable=False),
    sa.Column('passcode_lock', sa.Boolean(), nullable=False),
    sa.Column('auto_lock', sa.Boolean(), nullable=False),
    sa.Column('wipe_after_failed_passcodes', sa.Boolean(), nullable=False),
    sa.Column('remote_wipe', sa.Boolean(), nullable=False),
    sa.Column('encryption', sa.Boolean(), nullable=False),
    sa.Column('anti_malware', sa.Boolean(), nullable=False),
    sa.Column('jailbreak_checked_on', sa.Date(), nullable=True),
    sa.Column('allowed_apps_only', sa.Boolean(), nullable=False),
    sa.Column('allowed_cloud_only', sa.Boolean(), nullable=False),
    sa.Column('last_patch_on', sa.Date(), nullable=True),
    sa.Column('backup_procedure', sa.String(), nullable=True),
    sa.Column('guideline_acknowledged_on', sa.Date(), nullable=True),
    sa.Column('autolink_checked_on', sa.Date(), nullable=True),
    sa.Column('settings_checked_on', sa.Date(), nullable=True),
    sa.Column('last_stocktake_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['person.id'], name=op.f('fk_smart_device_user_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_smart_device')),
    sa.UniqueConstraint('asset_number', name=op.f('uq_smart_device_asset_number'))
    )
    with op.batch_alter_table('smart_device', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_smart_device_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_smart_device_user_id'), ['user_id'], unique=False)

    op.create_table('storage_medium',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('asset_number', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('nand_flash', sa.Boolean(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(), nullable=True),
    sa.Column('custodian_id', sa.Integer(), nullable=True),
    sa.Column('holds_important_info', sa.Boolean(), nullable=False),
    sa.Column('storage_place', sa.String(), nullable=True),
    sa.Column('storage_environment', sa.String(), nullable=True),
    sa.Column('authorised', sa.Boolean(), nullable=False),
    sa.Column('long_term_backup', sa.Boolean(), nullable=False),
    sa.Column('lifetime_until', sa.Date(), nullable=True),
    sa.Column('next_migration_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('last_stocktake_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['custodian_id'], ['person.id'], name=op.f('fk_storage_medium_custodian_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_storage_medium')),
    sa.UniqueConstraint('asset_number', name=op.f('uq_storage_medium_asset_number'))
    )
    with op.batch_alter_table('storage_medium', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_storage_medium_custodian_id'), ['custodian_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_storage_medium_status'), ['status'], unique=False)

    op.create_table('drill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('scenario', sa.String(), nullable=True),
    sa.Column('steps_exercised', sa.String(), nullable=True),
    sa.Column('minutes_achieved', sa.Integer(), nullable=True),
    sa.Column('result', sa.String(), nullable=True),
    sa.Column('findings', sa.String(), nullable=True),
    sa.Column('plan_changed', sa.Boolean(), nullable=False),
    sa.Column('change_note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['continuity_plan.id'], name=op.f('fk_drill_plan_id_continuity_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drill'))
    )
    with op.batch_alter_table('drill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drill_plan_id'), ['plan_id'], unique=False)

    op.create_table('incident_asset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('medium_id', sa.Integer(), nullable=True),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('badge_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(medium_id IS NOT NULL) + (device_id IS NOT NULL) + (badge_id IS NOT NULL) = 1', name=op.f('ck_incident_asset_one_asset')),
    sa.ForeignKeyConstraint(['badge_id'], ['id_badge.id'], name=op.f('fk_incident_asset_badge_id_id_badge')),
    sa.ForeignKeyConstraint(['device_id'], ['smart_device.id'], name=op.f('fk_incident_asset_device_id_smart_device')),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_incident_asset_incident_id_incident'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['medium_id'], ['storage_medium.id'], name=op.f('fk_incident_asset_medium_id_storage_medium')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_asset'))
    )
    with op.batch_alter_table('incident_asset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_asset_incident_id'), ['incident_id'], unique=False)

    op.create_table('incident_notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('contact_entry_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('notified_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('channel', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['contact_entry_id'], ['contact_entry.id'], name=op.f('fk_incident_notification_contact_entry_id_contact_entry')),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_incident_notification_incident_id_incident'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_incident_notification_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_notification'))
    )
    with op.batch_alter_table('incident_notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_notification_incident_id'), ['incident_id'], unique=False)

    op.create_table('medium_disposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('medium_id', sa.Integer(), nullable=False),
    sa.Column('disposed_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('performed_by', sa.String(), nullable=True),
    sa.Column('verified_by', sa.String(), nullable=True),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('certificate_no', sa.String(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['medium_id'], ['storage_medium.id'], name=op.f('fk_medium_disposal_medium_id_storage_medium')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medium_disposal')),
    sa.UniqueConstraint('medium_id', name=op.f('uq_medium_disposal_medium_id'))
    )
    op.create_table('plan_dependency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('depends_on_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('plan_id <> depends_on_id', name=op.f('ck_plan_dependency_not_self')),
    sa.ForeignKeyConstraint(['depends_on_id'], ['continuity_plan.id'], name=op.f('fk_plan_dependency_depends_on_id_continuity_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['continuity_plan.id'], name=op.f('fk_plan_dependency_plan_id_continuity_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_dependency')),
    sa.UniqueConstraint('plan_id', 'depends_on_id', name=op.f('uq_plan_dependency_plan_id_depends_on_id'))
    )
    with op.batch_alter_table('plan_dependency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_dependency_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_protection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('measure', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('in_place', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['continuity_plan.id'], name=op.f('fk_plan_protection_plan_id_continuity_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_protection')),
    sa.UniqueConstraint('plan_id', 'measure', 'name', name=op.f('uq_plan_protection_plan_id_measure_name'))
    )
    with op.batch_alter_table('plan_protection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_protection_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['continuity_plan.id'], name=op.f('fk_plan_review_plan_id_continuity_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_review'))
    )
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_review_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_scenario',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('scenario', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('response', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['continuity_plan.id'], name=op.f('fk_plan_scenario_plan_id_continuity_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_scenario'))
    )
    with op.batch_alter_table('plan_scenario', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_scenario_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('who', sa.String(), nullable=True),
    sa.Column('what', sa.String(), nullable=False),
    sa.Column('location', sa.String(), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['continuity_plan.id'], name=op.f('fk_plan_step_plan_id_continuity_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_step'))
    )
    with op.batch_alter_table('plan_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_step_plan_id'), ['plan_id'], unique=False)

    op.create_table('drill_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('drill_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['drill_id'], ['drill.id'], name=op.f('fk_drill_participant_drill_id_drill'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_drill_participant_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drill_participant')),
    sa.UniqueConstraint('drill_id', 'person_id', name=op.f('uq_drill_participant_drill_id_person_id'))
    )
    with op.batch_alter_table('drill_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drill_participant_drill_id'), ['drill_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('drill_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drill_participant_drill_id'))

    op.drop_table('drill_participant')
    with op.batch_alter_table('plan_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_step_plan_id'))

    op.drop_table('plan_step')
    with op.batch_alter_table('plan_scenario', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_scenario_plan_id'))

    op.drop_table('plan_scenario')
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_review_plan_id'))

    op.drop_table('plan_review')
    with op.batch_alter_table('plan_protection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_protection_plan_id'))

    op.drop_table('plan_protection')
    with op.batch_alter_table('plan_dependency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_dependency_plan_id'))

    op.drop_table('plan_dependency')
    op.drop_table('medium_disposal')
    with op.batch_alter_table('incident_notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_notification_incident_id'))

    op.drop_table('incident_notification')
    with op.batch_alter_table('incident_asset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_asset_incident_id'))

    op.drop_table('incident_asset')
    with op.batch_alter_table('drill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drill_plan_id'))

    op.drop_table('drill')
    with op.batch_alter_table('storage_medium', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_storage_medium_status'))
        batch_op.drop_index(batch_op.f('ix_storage_medium_custodian_id'))

    op.drop_table('storage_medium')
    with op.batch_alter_table('smart_device', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_smart_device_user_id'))
        batch_op.drop_index(batch_op.f('ix_smart_device_status'))

    op.drop_table('smart_device')
    with op.batch_alter_table('sheet_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sheet_result_assessment_id'))

    op.drop_table('sheet_result')
    with op.batch_alter_table('measure_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_result_assessment_id'))

    op.drop_table('measure_result')
    with op.batch_alter_table('incident_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_status_change_incident_id'))

    op.drop_table('incident_status_change')
    with op.batch_alter_table('incident_measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_measure_incident_id'))

    op.drop_table('incident_measure')
    with op.batch_alter_table('incident_external_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_external_report_incident_id'))

    op.drop_table('incident_external_report')
    with op.batch_alter_table('incident_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_action_incident_id'))

    op.drop_table('incident_action')
    with op.batch_alter_table('id_badge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_id_badge_status'))
        batch_op.drop_index(batch_op.f('ix_id_badge_holder_id'))

    op.drop_table('id_badge')
    op.drop_table('continuity_plan')
    with op.batch_alter_table('contact_tree_confirmation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_tree_confirmation_confirmed_on'))

    op.drop_table('contact_tree_confirmation')
    with op.batch_alter_table('contact_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_entry_position'))

    op.drop_table('contact_entry')
    with op.batch_alter_table('check_completion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_completion_check_id'))

    op.drop_table('check_completion')
    op.drop_table('recurring_check')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name'))

    op.drop_table('person')
    op.drop_table('incident_counter')
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_status'))
        batch_op.drop_index(batch_op.f('ix_incident_incident_type'))

    op.drop_table('incident')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_table_name'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_record_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    op.drop_table('audit_entry')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_held_on'))

    op.drop_table('assessment')
