-- The forms' project picker (pmo.project.ProjectPicker) offers the 500 most recently registered running projects:
-- read backwards along this index, however many projects have closed or been cancelled.
create index ix_project_running on project (id) where status in ('ACTIVE', 'ON_HOLD') and stage <> 'CLOSED';
